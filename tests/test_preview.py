"""`digest preview`: a real HTTP server on 127.0.0.1 and a real file watcher, in a test."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError

import pytest

from children import child
from conftest import ISSUE_DATE
from digest.build import build
from digest.config import Config, Footer, load_config
from digest.errors import ConfigError
from digest.model import Email
from digest.preview import Preview, Settings, Snapshot, findings, server
from digest.preview.run import describe
from digest.preview.server import scheme_variant
from digest.render.check import check_html
from digest.render.compose import INLINE_CSS, ROOT_TEMPLATE, template_dirs

BODY = (
    "Volunteers counted {n} herons along the estuary on Saturday, the highest number since the "
    "survey began, and said the new reed beds planted last spring were the main reason."
)
WAIT = 10.0  # seconds; a rebuild takes well under one


def seed_text(headline: str, n: int = 40) -> str:
    return f"---\ntitle: {headline}\nbyline: Test Writer\n---\n{BODY.format(n=n)}\n"


def wait_until(check: Callable[[], object], timeout: float = WAIT) -> object:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"gave up after {timeout} s waiting for {check}")
        time.sleep(0.05)


def fetch(url: str, host: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except HTTPError as error:
        with error:
            return error.code, error.read()


def raw_get(preview: Preview, path: str) -> tuple[int, bytes]:
    """A request with the path exactly as given, not normalised by any client library."""
    host, port = preview.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def state(preview: Preview) -> dict[str, object]:
    status, body = fetch(preview.url + "state.json")
    assert status == 200
    loaded: dict[str, object] = json.loads(body)
    return loaded


@contextmanager
def running(seeds: Path, **options: object) -> Iterator[Preview]:
    settings = Settings(date=ISSUE_DATE, seeds=(seeds,), **options)  # type: ignore[arg-type]
    with Preview(settings, port=0) as preview:
        yield preview


@pytest.fixture
def seeds(write_seed) -> Path:
    write_seed("herons.md", seed_text("Herons return to the estuary"))
    path = write_seed("ferry.md", seed_text("Night ferry gets a second crossing", 7))
    return path.parent


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """One running preview shared by the request-only tests of this module."""
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "herons.md").write_text(seed_text("Herons return to the estuary"), "utf-8")
    with running(folder) as started:
        wait_until(lambda: state(started)["version"])
        yield started


def test_serves_the_page_and_exactly_the_bytes_build_writes(seeds: Path) -> None:
    with running(seeds) as preview:
        status, page = fetch(preview.url)
        assert status == 200
        assert b"<iframe" in page and b"/preview.js" in page
        expected = build([seeds], load_config(), ISSUE_DATE).email
        assert fetch(preview.url + "email.html") == (200, expected.html.encode("utf-8"))
        assert fetch(preview.url + "email.txt") == (200, expected.text.encode("utf-8"))
        shown = state(preview)
        assert shown["subject"] == expected.subject
        assert shown["preheader"] == expected.preheader
        assert shown["size"] == len(expected.html.encode("utf-8"))
        assert shown["error"] is None and shown["stories"] == 2


def test_an_edited_seed_is_served_without_a_restart(seeds: Path) -> None:
    with running(seeds) as preview:
        (seeds / "ferry.md").write_text(seed_text("Night ferry cancelled by fog"), "utf-8")
        wait_until(lambda: b"cancelled by fog" in fetch(preview.url + "email.html")[1])
        assert b"second crossing" not in fetch(preview.url + "email.html")[1]
        (seeds / "owls.txt").write_text("Owls move into the bell tower\n\n" + BODY, "utf-8")
        wait_until(lambda: state(preview)["stories"] == 3)


def test_one_edit_summarizes_only_that_seed_again(seeds: Path) -> None:
    with running(seeds) as preview:
        assert preview.state.cache.misses == 2
        version = state(preview)["version"]
        (seeds / "herons.md").write_text(seed_text("Herons return in record numbers"), "utf-8")
        wait_until(lambda: state(preview)["version"] != version)
        assert preview.state.cache.misses == 3


def test_a_config_change_rebuilds_and_a_config_error_is_shown(seeds: Path, tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('title = "Estuary Notes"\n', "utf-8")
    with running(seeds, config=config) as preview:
        assert str(state(preview)["subject"]).startswith("Estuary Notes:")
        config.write_text('title = "Harbour Notes"\ncolour = "red"\n', "utf-8")
        error = str(wait_until(lambda: state(preview)["error"]))
        assert "digest.toml:2: unknown key 'colour'" in error
        config.write_text('title = "Harbour Notes"\n', "utf-8")
        wait_until(lambda: str(state(preview)["subject"]).startswith("Harbour Notes:"))


def test_a_broken_seed_shows_its_error_until_it_is_fixed(write_seed) -> None:
    path = write_seed("herons.md", seed_text("Herons return to the estuary"))
    with running(path.parent) as preview:
        path.write_text("---\ntitle: [unclosed\n---\n" + BODY.format(n=3), "utf-8")
        shown = wait_until(lambda: (s := state(preview))["error"] and s)
        assert isinstance(shown, dict)
        # The only seed is broken: its own message (file, line, fix) is the error shown.
        assert "herons.md: line 2" in shown["error"] and "fix it" in shown["error"]
        status, body = fetch(preview.url + "email.html")
        assert status == 503 and b"herons.md: line 2" in body
        path.write_text(seed_text("Herons back for good"), "utf-8")
        wait_until(lambda: b"Herons back for good" in fetch(preview.url + "email.html")[1])
        assert state(preview)["error"] is None


def test_a_seed_folder_moved_away_and_back_is_watched_again(seeds: Path, tmp_path: Path) -> None:
    with running(seeds) as preview:
        seeds.rename(tmp_path / "elsewhere")
        assert "no such file or folder" in str(wait_until(lambda: state(preview)["error"]))
        (tmp_path / "elsewhere").rename(seeds)
        wait_until(lambda: state(preview)["ok"])
        (seeds / "herons.md").write_text(seed_text("Herons after the move"), "utf-8")
        wait_until(lambda: b"Herons after the move" in fetch(preview.url + "email.html")[1])


def test_a_skipped_seed_is_a_warning_beside_the_email(seeds: Path) -> None:
    with running(seeds) as preview:
        (seeds / "ferry.md").write_text("---\ntitle: [oops\n---\nNo text.\n", "utf-8")
        shown = wait_until(lambda: (s := state(preview))["warnings"] and s)
        assert isinstance(shown, dict)
        assert shown["ok"] and shown["stories"] == 1
        assert "ferry.md" in shown["warnings"][0] and "skipped" in shown["warnings"][0]


def test_a_broken_template_shows_its_error_until_it_is_fixed(seeds: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    with running(seeds, templates=templates) as preview:
        assert state(preview)["ok"]
        override = templates / ROOT_TEMPLATE
        override.write_text("<mjml>\n{% if digest %}\n<mj-body></mj-body>\n", "utf-8")
        error = str(wait_until(lambda: state(preview)["error"]))
        assert ROOT_TEMPLATE in error and "line" in error and "fix the template" in error
        override.unlink()
        wait_until(lambda: state(preview)["ok"])


def test_a_new_template_override_is_used(seeds: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    with running(seeds, templates=templates) as preview:
        version = state(preview)["version"]
        packaged = (template_dirs()[-1] / INLINE_CSS).read_text("utf-8")
        (templates / INLINE_CSS).write_text(packaged + "\nh1 { letter-spacing: 7px; }\n", "utf-8")
        wait_until(lambda: state(preview)["version"] != version)
        expected = build([seeds], load_config(), ISSUE_DATE, templates).email.html
        assert "letter-spacing:7px" in expected
        assert fetch(preview.url + "email.html") == (200, expected.encode("utf-8"))


SERVER_PY = Path(server.__file__).resolve()
UP = 12  # deeper than any checkout: a handler that reads the disk would reach /
OUTSIDE = (
    "/" + "../" * UP + "etc/passwd",
    "/" + "%2e%2e/" * UP + "etc/passwd",
    "/" + "%2E%2E%2F" * UP + "etc%2Fpasswd",
    "/" + "..%2f" * UP + "etc%2fpasswd",
    "/" + "%252e%252e/" * UP + "etc/passwd",
    "/" + "%252e%252e%252f" * UP + "etc%252fpasswd",
    "/" + "..\\" * UP + "etc\\passwd",
    "/" + "..%5c" * UP + "etc%5cpasswd",
    "/preview.js/" + "../" * UP + "etc/passwd",
    "/" + "./" * UP + "../" * UP + "etc/passwd",
    "//etc/passwd",
    "/etc/passwd",
    "/%2fetc%2fpasswd",
    "http://127.0.0.1/" + "../" * UP + "etc/passwd",
    "/" + str(SERVER_PY),
    "/" + "../" * UP + str(SERVER_PY).lstrip("/"),
    "/../server.py",  # beside the assets folder
    "/%2e%2e/server.py",
    "/preview.css/../../server.py",
    "/assets/index.html",
    "/digest/preview/server.py",
    "/pyproject.toml",
    "/herons.md",
    "/seeds/",
)


@pytest.mark.parametrize("path", OUTSIDE)
def test_nothing_outside_the_preview_is_served(preview: Preview, path: str) -> None:
    status, body = raw_get(preview, path)
    assert b"root:" not in body  # /etc/passwd
    assert b"from __future__" not in body and b"[project]" not in body  # our own source
    assert b"Herons return" not in body  # a seed, read raw
    assert status == 404


def test_a_request_without_a_host_header_is_served(preview: Preview) -> None:
    host, port = preview.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=5)
    try:
        connection.putrequest("GET", "/state.json", skip_host=True)  # as HTTP/1.0 clients do
        connection.endheaders()
        assert connection.getresponse().status == 200
    finally:
        connection.close()


ROUTES = {
    "/": "text/html; charset=utf-8",
    "/preview.css": "text/css; charset=utf-8",
    "/preview.js": "text/javascript; charset=utf-8",
    "/email.html": "text/html; charset=utf-8",
    "/email.txt": "text/plain; charset=utf-8",
    "/state.json": "application/json",
    "/events": "text/event-stream",
}


@pytest.mark.parametrize(("path", "kind"), ROUTES.items())
def test_head_answers_with_headers_only_even_for_the_event_stream(
    preview: Preview, path: str, kind: str
) -> None:
    # A raw socket: a client library would drop a body sent after HEAD without a word.
    with socket.create_connection(preview.server.server_address[:2], timeout=5) as sock:
        sock.sendall(f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(4096):  # the server closes the connection after HEAD
            answer += chunk
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.0 200 ") and b"Cache-Control: no-store" in head
    assert f"Content-Type: {kind}\r\n".encode() in head + b"\r\n"
    if path != "/events":
        # With nosniff a browser runs the script and applies the style only by their type.
        assert b"X-Content-Type-Options: nosniff" in head
    assert body == b""


def test_it_listens_on_loopback_and_refuses_other_host_names(seeds: Path) -> None:
    with running(seeds) as preview:
        assert preview.server.server_address[0] == "127.0.0.1"
        port = preview.server.server_address[1]
        assert fetch(preview.url, host=f"localhost:{port}")[0] == 200
        # A page whose name was rebound to 127.0.0.1 must not read the unpublished email.
        assert fetch(preview.url + "email.html", host=f"evil.example:{port}")[0] == 403


def test_the_event_stream_announces_each_new_build(seeds: Path) -> None:
    with running(seeds) as preview, urllib.request.urlopen(preview.url + "events", timeout=5) as s:
        assert s.headers["Content-Type"] == "text/event-stream"
        assert s.headers["Cache-Control"] == "no-store"  # a proxy must not hold it back

        def next_build() -> str:
            while not (line := s.readline().decode()).startswith("data:"):
                pass
            return line.split(":", 1)[1].strip()

        assert next_build() == "1"
        (seeds / "herons.md").write_text(seed_text("Herons, again"), "utf-8")
        assert next_build() == "2"


def test_a_save_that_changes_nothing_does_not_reload_the_page(seeds: Path) -> None:
    with running(seeds) as preview:
        version = state(preview)["version"]
        builds, misses = preview.state.builds, preview.state.cache.misses
        os.utime(seeds / "herons.md")  # saved again, same text: built again...
        wait_until(lambda: preview.state.builds > builds)
        assert preview.state.cache.misses == misses  # ...nothing summarized again...
        assert state(preview)["version"] == version  # ...and the open page is not reloaded


def test_a_busy_port_is_a_one_line_error(seeds: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"--port {port}: already in use"):
            Preview(Settings(date=ISSUE_DATE, seeds=(seeds,)), port=port)


def test_dark_variant_switches_the_emails_own_scheme_queries() -> None:
    html = (
        "<html><head><style>@media (prefers-color-scheme: dark) { .a { color: white } }"
        "@media screen and (prefers-color-scheme:light) { .b { color: black } }</style></head>"
        "<body>prefers-color-scheme: dark</body></html>"
    )
    assert scheme_variant(html, "dark") == (
        '<html><head><meta name="color-scheme" content="dark"><base target="_blank">'
        "<style>@media (min-width: 0px) { .a { color: white } }"
        "@media screen and (max-width: -1px) { .b { color: black } }</style></head>"
        "<body>prefers-color-scheme: dark</body></html>"  # seed text is left alone
    )
    light = scheme_variant(html, "light")
    assert "@media (max-width: -1px) { .a" in light and "(min-width: 0px) { .b" in light


def test_findings_are_what_digest_check_reports() -> None:
    # The checks themselves are tested in test_check.py; here, that the preview lists them.
    html = '<html><body><img src="https://x.test/logo.png">' + "x" * 95_000 + "</body></html>"
    found = findings(html)
    assert found == [problem.message for problem in check_html(html)]
    assert len(found) >= 3  # no lang, no alt text, near the clip limit (at least)


def test_a_configured_build_passes_the_checks() -> None:
    config = Config(footer=Footer(unsubscribe_url="https://news.example/unsubscribe"))
    html = build([Path(__file__).parent / "seeds"], config, ISSUE_DATE).email.html
    assert findings(html) == []


def test_the_command_prints_its_url_and_stops_cleanly_on_ctrl_c(seeds: Path) -> None:
    command = [sys.executable, "-m", "digest", "preview", str(seeds), "--port", "0"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with child(command, stderr=subprocess.PIPE, text=True, env=env) as process:
        assert process.stderr is not None
        lines = [process.stderr.readline() for _ in range(2)]
        assert "built 2 stories" in lines[0]
        url = lines[1].split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert fetch(url)[0] == 200
        # A page still open (its event stream) must not keep the command from stopping.
        with urllib.request.urlopen(url + "events", timeout=5) as stream:
            assert stream.readline().startswith(b"retry:")
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=WAIT) == 0
        rest = process.stderr.read()
        assert "preview stopped" in rest and "Traceback" not in rest


def test_the_terminal_shows_a_builds_warnings_then_its_result() -> None:
    failed = Snapshot(version=2, error="seeds: no usable seeds", warnings=("a.md: line 2: bad",))
    assert describe(failed, []) == [
        "digest: warning: a.md: line 2: bad",
        "digest: error: seeds: no usable seeds",
    ]
    email = Email(subject="S", preheader="P", html="x" * 2048, text="t")
    built = Snapshot(version=3, email=email, stories=1, seconds=0.012)
    changed = [str(Path.cwd() / "seeds" / "a.md")]
    assert describe(built, changed) == [
        f"digest: built 1 story, 2.0 KB in 12 ms ({Path('seeds') / 'a.md'} changed)"
    ]
