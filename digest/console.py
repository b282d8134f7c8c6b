"""Messages for the person at the terminal: progress lines, and warnings gathered per task."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 problem', '2 problems': messages read as sentences, never 'problem(s)'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def watched() -> bool:
    """A person is watching stderr: a terminal, and not a CI runner's (its logs want no \\r)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """`digest: fetched 3/12` on one stderr line, only when a person is watching."""

    def __init__(self, verb: str, total: int) -> None:
        self.verb = verb
        self.total = total
        self.count = 0
        self.shown = watched() and total > 1

    def step(self) -> None:
        self.count += 1
        if self.shown:
            _show(f"\rdigest: {self.verb} {self.count}/{self.total}")

    def done(self) -> None:
        if self.shown:
            _show("\r\033[K")


def _show(text: str) -> None:
    # Flushed at once: a progress line that waits in a buffer is no progress line.
    sys.stderr.write(text)
    sys.stderr.flush()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected_warnings(silence: bool = False) -> Iterator[list[str]]:
    """Collect what digest modules log as warnings while the block runs.

    With `silence` they are not printed as well: the caller logs them again later
    (the batch does, in seed order, so stderr is the same with any --jobs).
    """
    logger = logging.getLogger("digest")
    saved = logger.handlers, logger.propagate, logger.level
    handler = _Collect()
    if silence:
        logger.handlers, logger.propagate = [handler], False
    else:
        logger.addHandler(handler)
    logger.setLevel(min(logger.level or logging.WARNING, logging.WARNING))
    try:
        yield handler.messages
    finally:
        logger.handlers, logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])
