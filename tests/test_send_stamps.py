"""Every send is a new message (fresh Message-ID, the real Date); an archive .eml can repeat."""

from __future__ import annotations

import datetime as dt
import email
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli

controller_module = pytest.importorskip("aiosmtpd.controller")

ADDRESSES = ["--from", "desk@news.example", "--to", "editor@example.org"]
ISSUE = ["--date", "2026-11-30"]


@dataclass
class Inbox:
    received: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    inbox = Inbox()
    controller = controller_module.Controller(inbox, hostname="127.0.0.1", port=port)
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


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
