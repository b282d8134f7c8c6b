"""`digest build --format html|text|eml|json`: parsed back the way the next tool reads them."""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ISSUE_DATE, ROOT, TEST_SEEDS
from digest.config import Config, EmailSettings, Footer
from digest.deliver.formats import envelope, export
from digest.errors import ConfigError
from digest.model import Digest, Story
from digest.render.compose import render

STORY = Story(
    headline="Harbour barrier approved",
    byline="Maria Okafor",
    lead=("The council voted on Tuesday. " * 60,),  # one long paragraph
    url="https://news.example/harbour",
)
DIGEST = Digest(title="Don't Miss a Story", date=ISSUE_DATE, stories=(STORY,))
SENDER = EmailSettings(from_="Desk <desk@news.example>", to="editor@example.org")


def _eml(config: Config, digest: Digest = DIGEST) -> tuple[bytes, EmailMessage]:
    raw = export(render(digest, config), digest, config, "eml")
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return raw, parsed


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").rstrip("\n")


def test_html_and_text_formats_are_the_parts_themselves() -> None:
    config = Config()
    built = render(DIGEST, config)
    assert export(built, DIGEST, config, "html") == built.html.encode("utf-8")
    assert export(built, DIGEST, config, "text") == built.text.encode("utf-8")
    assert export(built, DIGEST, config) == built.html.encode("utf-8")  # the default


def test_eml_is_multipart_alternative_with_text_first_and_html_last() -> None:
    config = Config(email=SENDER)
    _raw, msg = _eml(config)
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    built = render(DIGEST, config)
    # Lines end in CRLF on the wire (RFC 2046), and the email package ends a part with one.
    assert _lf(parts[0].get_content()) == _lf(built.text)
    assert _lf(parts[1].get_content()) == _lf(built.html)


def test_eml_has_the_headers_a_mail_client_needs() -> None:
    _raw, msg = _eml(Config(email=SENDER))
    assert msg["From"] == "Desk <desk@news.example>"
    assert msg["To"] == "editor@example.org"
    assert msg["Subject"] == "Don't Miss a Story: November 30, 2026"
    assert msg["MIME-Version"] == "1.0"
    assert msg["Date"].datetime.date() == ISSUE_DATE
    assert msg["Message-ID"].startswith("<20261130.") and msg["Message-ID"].endswith(
        "@news.example>"
    )
    assert "List-Unsubscribe" not in msg  # no unsubscribe URL configured


def test_eml_lines_are_short_and_crlf_terminated() -> None:
    raw, _msg = _eml(Config(email=SENDER))
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 998
    assert b"\n" not in raw.replace(b"\r\n", b"")
    raw.decode("ascii")  # 7-bit clean: quoted-printable parts, RFC 2047 headers


def test_non_ascii_subject_is_rfc2047_encoded_and_reads_back() -> None:
    config = Config(title="Café Zürich Weekly", email=SENDER)
    digest = Digest(title=config.title, date=ISSUE_DATE, stories=(STORY,))
    raw, msg = _eml(config, digest)
    subject_line = next(line for line in raw.split(b"\r\n") if line.startswith(b"Subject:"))
    assert b"=?utf-8?" in subject_line.lower()
    assert msg["Subject"] == "Café Zürich Weekly: November 30, 2026"


def test_sender_without_a_name_shows_the_brand() -> None:
    _raw, msg = _eml(Config(email=EmailSettings(from_="desk@news.example")))
    assert msg["From"] == "The Weekly Digest <desk@news.example>"
    assert "To" not in msg  # To is optional in an .eml


def test_list_unsubscribe_with_url_and_mailto_allows_one_click() -> None:
    footer = Footer(unsubscribe_url="https://news.example/u?id=1")
    settings = EmailSettings(from_="desk@news.example", unsubscribe_mailto="leave@news.example")
    _raw, msg = _eml(Config(footer=footer, email=settings))
    assert msg["List-Unsubscribe"] == (
        "<https://news.example/u?id=1>, <mailto:leave@news.example?subject=unsubscribe>"
    )
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize(
    ("footer", "mailto"),
    [(Footer(), "leave@news.example"), (Footer(unsubscribe_url="http://news.example/u"), None)],
)
def test_one_click_only_with_an_https_url(footer: Footer, mailto: str | None) -> None:
    settings = EmailSettings(from_="desk@news.example", unsubscribe_mailto=mailto)
    _raw, msg = _eml(Config(footer=footer, email=settings))
    assert "List-Unsubscribe" in msg
    assert "List-Unsubscribe-Post" not in msg


def test_eml_is_reproducible() -> None:
    config = Config(email=SENDER)
    assert _eml(config)[0] == _eml(config)[0]


def test_eml_without_a_sender_says_how_to_set_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), ["build", str(TEST_SEEDS), "--format", "eml"])
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1
    assert "--from ADDR" in result.stderr and "[email]" in result.stderr


@pytest.mark.parametrize("bad", ["desk", "desk@localhost", "a b@news.example"])
def test_a_bad_address_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="not an email address"):
        envelope(Config(email=EmailSettings(to=bad)), DIGEST)


def test_format_from_digest_toml_and_the_flag_wins(tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('[email]\nformat = "text"\n', encoding="utf-8")
    args = ["build", str(TEST_SEEDS), "--config", str(config)]
    runner = CliRunner()
    assert runner.invoke(_cli(), args).stdout.startswith("DON'T MISS A STORY")
    assert runner.invoke(_cli(), [*args, "--format", "html"]).stdout.startswith("<!doctype")


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("issue.txt", b"DON'T MISS A STORY"),
        ("issue.eml", b"From: "),
        ("issue.json", b"{"),
        ("issue.html", b"<!doctype"),
        ("issue.HTM", b"<!doctype"),
    ],
)
def test_the_output_file_extension_picks_the_format(
    tmp_path: Path, name: str, starts: bytes
) -> None:
    out = tmp_path / name
    config = tmp_path / "digest.toml"
    config.write_text('[email]\nformat = "text"\n', encoding="utf-8")
    args = ["build", str(TEST_SEEDS), "--from", "d@news.example", "--config", str(config)]
    result = CliRunner().invoke(_cli(), [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(starts)
    # --format still wins over the extension
    result = CliRunner().invoke(_cli(), [*args, "--format", "html", "-o", str(out)])
    assert out.read_bytes().startswith(b"<!doctype")


def test_unknown_format_in_digest_toml_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('[email]\nformat = "pdf"\n', encoding="utf-8")
    result = CliRunner().invoke(_cli(), ["build", str(TEST_SEEDS), "--config", str(config)])
    assert result.exit_code == 4
    assert "'email.format' = 'pdf' is not allowed" in result.stderr


def test_eml_to_a_file_leaves_stdout_empty(tmp_path: Path) -> None:
    out = tmp_path / "issue.eml"
    args = ["build", str(TEST_SEEDS), "--format", "eml", "--from", "d@news.example", "-o", str(out)]
    result = CliRunner().invoke(_cli(), args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert email.message_from_bytes(out.read_bytes())["From"].endswith("<d@news.example>")


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "digest", "build", str(TEST_SEEDS), *args]
    return subprocess.run(command, capture_output=True, cwd=ROOT, env=env, check=False)


@pytest.mark.parametrize("dash", [[], ["-o", "-"]])
def test_a_pipe_gets_only_the_document(dash: list[str]) -> None:
    done = _run(*dash)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!doctype html>")
    assert done.stdout.rstrip().endswith(b"</html>")
    assert done.stderr.decode().startswith("digest: 1 story,")


def test_a_pipe_gets_only_the_eml_and_json() -> None:
    eml = _run("--format", "eml", "--from", "d@news.example", "-o", "-")
    assert eml.returncode == 0, eml.stderr
    assert email.message_from_bytes(eml.stdout).get_content_type() == "multipart/alternative"
    body = _run("--format", "json", "--esp", "postmark", "--from", "d@x.org", "--to", "e@x.org")
    assert body.returncode == 0, body.stderr
    assert json.loads(body.stdout)["MessageStream"] == "broadcast"
    assert b"digest:" not in body.stdout


def _cli():  # type: ignore[no-untyped-def]
    from digest.cli.commands import cli

    return cli
