"""A feed's links may not reach this machine or a private network unless the user allows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli.commands import cli
from digest.sources import fetch
from digest.sources.fetch import Fetcher
from digest.sources.private import private_address
from localweb import LocalWeb, Route

SECRET = (
    "<html><body><article><h1>Internal Admin Page</h1><p>The admin token for the Marrowfield "
    "console is kept on this page, which only machines inside the office network should ever "
    "be able to read, and it must never reach an email.</p></article></body></html>"
)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "intranet.localhost",
        "[::1]",
        "::ffff:127.0.0.1",
        "169.254.169.254",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.0.1",
        "100.64.0.1",
        "0.0.0.0",
        "fe80::1",
        "fd00::1",
        "2130706433",  # 127.0.0.1 written as one number
    ],
)
def test_local_and_private_addresses_are_recognised(host: str) -> None:
    assert private_address(host, 80) is not None


@pytest.mark.parametrize("host", ["93.184.216.34", "2606:2800:220:1::1", "8.8.8.8"])
def test_public_addresses_are_not(host: str) -> None:
    assert private_address(host, 80) is None


def _feed_to(web: LocalWeb, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        f"<description>Feed text for item {n}: the harbour wall is being repaired.</description>"
        "</item>"
        for n, link in enumerate(links)
    )
    body = f'<rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'
    return web.add("/feed.xml", Route(body.encode(), "application/rss+xml"))


def _build(web: LocalWeb, tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    port = web.server.server_address[1]
    web.html("/secret.html", SECRET)
    feed = _feed_to(web, [f"http://localhost:{port}/secret.html", web.url("/secret.html")])
    out = tmp_path / "out.html"
    args = ["build", feed, "--cache", str(tmp_path / "cache"), "-o", str(out), *extra]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, out.read_text("utf-8") if out.exists() else "", result.stderr


def test_a_feeds_links_to_this_machine_are_not_fetched(web: LocalWeb, tmp_path: Path) -> None:
    code, html, stderr = _build(web, tmp_path)
    assert code == 0, stderr
    assert web.count("/secret.html") == 0
    assert "Marrowfield" not in html and "Feed text for item 0" in html
    assert stderr.count("a local or private address") == 2


def test_allow_private_fetches_them(web: LocalWeb, tmp_path: Path) -> None:
    code, html, stderr = _build(web, tmp_path, "--allow-private")
    assert code == 0, stderr
    assert web.count("/secret.html") == 2 and "Marrowfield" in html


def test_a_url_named_on_the_command_line_is_fetched(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/secret.html", SECRET)
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["build", url, "--cache", str(tmp_path / "c"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Marrowfield" in out.read_text("utf-8")


def test_a_redirect_into_a_private_address_is_refused(
    web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Here only "localhost" counts as private, so 127.0.0.1 stands in for a public site.
    monkeypatch.setattr(fetch, "private_address", lambda host, port: host == "localhost" or None)
    port = web.server.server_address[1]
    web.html("/secret.html", SECRET)
    hop = web.add(
        "/go", Route(b"", status=302, headers={"Location": f"http://localhost:{port}/secret.html"})
    )
    with Fetcher() as fetcher:
        [result] = fetcher.get_all([hop], public_only=True).values()
    assert "a local or private address" in str(result)
    assert web.count("/go") == 1 and web.count("/secret.html") == 0


def test_a_page_cached_with_allow_private_is_refused_without_it(
    web: LocalWeb, tmp_path: Path
) -> None:
    _build(web, tmp_path, "--allow-private")
    seen = web.count("/secret.html")
    code, html, _stderr = _build(web, tmp_path)
    assert code == 0 and "Marrowfield" not in html and web.count("/secret.html") == seen


def test_a_plain_text_feed_summary_becomes_the_lead_when_the_page_is_gone(
    web: LocalWeb, tmp_path: Path
) -> None:
    feed = _feed_to(web, [web.url("/gone.html")])
    out = tmp_path / "out.html"
    args = ["build", feed, "--cache", str(tmp_path / "c"), "-o", str(out), "--allow-private"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "HTTP 404" in result.stderr
    assert "Feed text for item 0: the harbour wall is being repaired." in out.read_text("utf-8")
