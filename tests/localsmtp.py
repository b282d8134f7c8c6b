"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the send tests: it keeps what it receives.

aiosmtpd is imported through `real_module`, so a missing one skips these tests on a
developer's machine and fails them in CI (or with --require-browser).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from conftest import real_module


@dataclass
class Inbox:
    port: int
    received: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(authenticator: Any = None) -> Iterator[Inbox]:
    """A server on a free port of 127.0.0.1 for the length of the block."""
    controller_module = real_module("aiosmtpd.controller")
    inbox = Inbox(free_port())
    # Plain-text AUTH is fine here: the test server only listens on 127.0.0.1.
    controller = controller_module.Controller(
        inbox,
        hostname="127.0.0.1",
        port=inbox.port,
        authenticator=authenticator,
        auth_require_tls=authenticator is None,
    )
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
