"""A title or an address with a line break cannot add a header or a recipient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from localsmtp import Inbox, serving

SENDER = ["--from", "desk@news.example", "--date", "2026-11-30"]
TITLES = ["Weekly\r\nBcc: x@example.org", "Weekly\nX-Extra: 1", "Weekly\u2028Bcc: x@example.org"]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with serving() as inbox:
        yield inbox, inbox.port


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, [*args, *SENDER])


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize(
    "command",
    [
        ["build", str(TEST_SEEDS), "--format", "eml"],
        ["build", str(TEST_SEEDS), "--format", "json", "--esp", "postmark", "--to", "a@b.example"],
        ["send", str(TEST_SEEDS), "--dry-run", "--to", "editor@example.org"],
    ],
)
def test_a_title_with_a_line_break_is_one_line_and_exit_4(title: str, command: list[str]) -> None:
    result = _run(*command, "--title", title)
    assert result.exit_code == 4, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "line break" in result.stderr


def test_a_title_in_digest_toml_with_a_line_break_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('title = "Weekly\\r\\nBcc: x@example.org"\n', encoding="utf-8")
    result = _run("build", str(TEST_SEEDS), "--format", "eml", "--config", str(config))
    assert result.exit_code == 4, result.output
    assert result.stderr.count("\n") == 1 and "line break" in result.stderr


def test_a_recipient_with_a_bcc_line_is_refused_and_nothing_is_sent(
    smtp: tuple[Inbox, int],
) -> None:
    inbox, port = smtp
    to = "me@example.org\nBcc: x@example.org"
    result = _run("send", str(TEST_SEEDS), "--to", to, "--smtp", f"127.0.0.1:{port}")
    assert result.exit_code == 4, result.output
    assert result.stderr.count("\n") == 1 and "--to" in result.stderr
    assert inbox.received == []


def test_a_plain_title_still_sends(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    result = _run("send", str(TEST_SEEDS), "--to", "me@example.org", "--smtp", f"127.0.0.1:{port}")
    assert result.exit_code == 0, result.output
    [envelope] = inbox.received
    assert envelope.rcpt_tos == ["me@example.org"]
