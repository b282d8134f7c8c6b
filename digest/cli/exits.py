"""Error family -> the one line a user sees and the exit code the README documents.

The core raises `DigestError` subclasses and knows no CLI; this is the one place
that turns them (and Ctrl-C) into a message and an exit status.
"""

from __future__ import annotations

import contextlib
import signal
from typing import NoReturn

import click

from digest.console import count
from digest.errors import (
    ConfigError,
    DeliveryError,
    DigestError,
    InputError,
    OutputError,
    StrictError,
    TemplateError,
    Terminated,
    one_line,
)

# Most specific first: the first family an error belongs to gives its code.
EXIT_CODES: tuple[tuple[type[DigestError], int], ...] = (
    (InputError, 3),
    (ConfigError, 4),
    (TemplateError, 5),
    (OutputError, 6),
    (StrictError, 7),
    (DeliveryError, 8),
    (DigestError, 1),
)
INTERRUPTED = 130  # 128 + SIGINT, what shells report for a process stopped by Ctrl-C
TERMINATED = 143  # 128 + SIGTERM


def exit_code(error: DigestError) -> int:
    return next(code for family, code in EXIT_CODES if isinstance(error, family))


def fail(ctx: click.Context, error: DigestError) -> NoReturn:
    """`digest: error: FILE: problem; fix` on one stderr line, then the family's exit code."""
    click.echo(f"digest: error: {one_line(error.format_message())}", err=True)
    ctx.exit(exit_code(error))


def interrupted(ctx: click.Context, stop: KeyboardInterrupt) -> NoReturn:
    """Ctrl-C or SIGTERM: the run stopped; outputs are written atomically, so none changed,
    except lines a stream had already written (`summarize FOLDER`), which are counted."""
    what = "terminated" if isinstance(stop, Terminated) else "interrupted"
    lines = getattr(stop, "lines_written", None)
    done = f"{count(lines, 'line')} already written to stdout" if lines else "nothing written"
    click.echo(f"digest: {what}; {done}", err=True)
    ctx.exit(TERMINATED if isinstance(stop, Terminated) else INTERRUPTED)


def terminate_on_sigterm() -> None:
    """SIGTERM (`kill`, a CI timeout, systemd) stops a run the way Ctrl-C does."""

    def stop(signum: int, frame: object) -> None:
        raise Terminated()

    with contextlib.suppress(ValueError):  # not the main thread (a test runner): leave it
        signal.signal(signal.SIGTERM, stop)
