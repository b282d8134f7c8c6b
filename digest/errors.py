"""Errors a user can meet. Each says what went wrong, where, and how to fix it.

The core raises these; the CLI prints the one-line message and exits with the
class's exit code (documented in the README), never with a traceback.
"""

from __future__ import annotations

import re

import click

_NEWLINES = re.compile(r"\s*\n\s*")


def one_line(message: str) -> str:
    """Library messages (YAML, MJML, TOML) may span lines; a user sees one."""
    return _NEWLINES.sub(" ", message.strip())


class DigestError(click.ClickException):
    """Base class: a problem the user can fix. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def show(self, file: object = None) -> None:
        click.echo(f"digest: error: {one_line(self.format_message())}", err=True)


class InputError(DigestError):
    """A seed, or a path to one, cannot be used. Exit code 3."""

    exit_code = 3


class NotTextError(InputError):
    """A seed file is binary (an image, a PDF...): skipped in a folder, fatal when named."""


class ConfigError(DigestError):
    """digest.toml or a command-line setting is wrong. Exit code 4."""

    exit_code = 4


class TemplateError(DigestError):
    """A template does not render or its MJML does not compile. Exit code 5."""

    exit_code = 5


class OutputError(DigestError):
    """An output file cannot be written. Exit code 6."""

    exit_code = 6


class StrictError(DigestError):
    """--strict was given and there were warnings. Exit code 7."""

    exit_code = 7


class DeliveryError(DigestError):
    """The SMTP server cannot be reached, refuses the login or the message. Exit code 8."""

    exit_code = 8


class Interrupted(DigestError):
    """Ctrl-C: the run stopped; outputs are written atomically, so none changed. Exit 130."""

    exit_code = 130  # 128 + SIGINT, what shells report for a process stopped by Ctrl-C

    def __init__(self) -> None:
        super().__init__("interrupted; nothing written")

    def show(self, file: object = None) -> None:
        click.echo(f"digest: {self.format_message()}", err=True)
