"""Every send is a new message (fresh Message-ID, the real Date); an archive .eml can repeat."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Iterator
from email import policy
from email.utils import parsedate_to_datetime

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from localsmtp import Inbox, serving

ADDRESSES = ["--from", "desk@news.example", "--to", "editor@example.org"]
ISSUE = ["--date", "2026-11-30"]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with serving() as inbox:
        yield inbox, inbox.port


def _headers(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.SMTP)  # type: ignore[return-value]


def test_two_sends_have_different_message_ids_and_the_real_date(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for _ in range(2):
        args = ["send", str(TEST_SEEDS), *ADDRESSES, *ISSUE, "--smtp", f"127.0.0.1:{port}"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
    after = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    first, second = (_headers(e.content) for e in inbox.received)
    assert first["Message-ID"] != second["Message-ID"]
    assert first["Message-ID"].endswith("@news.example>")
    for msg in (first, second):
        assert before <= parsedate_to_datetime(msg["Date"]) <= after  # not the issue date


def test_build_eml_is_stamped_now_unless_reproducible_is_asked() -> None:
    args = ["build", str(TEST_SEEDS), *ADDRESSES, *ISSUE, "--format", "eml"]
    fresh = [CliRunner().invoke(cli, args).stdout_bytes for _ in range(2)]
    assert _headers(fresh[0])["Message-ID"] != _headers(fresh[1])["Message-ID"]
    archive = [CliRunner().invoke(cli, [*args, "--reproducible"]).stdout_bytes for _ in range(2)]
    assert archive[0] == archive[1]
    assert parsedate_to_datetime(_headers(archive[0])["Date"]).date() == dt.date(2026, 11, 30)
