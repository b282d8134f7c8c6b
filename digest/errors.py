"""Errors a user can meet. Each says what went wrong, where, and how to fix it.

The core raises these; the CLI prints the one-line message and exits with the
class's exit code (documented in the README), never with a traceback.
"""

from __future__ import annotations

import click


class DigestError(click.ClickException):
    """Base class: a problem the user can fix. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def show(self, file: object = None) -> None:
        click.echo(f"digest: error: {self.format_message()}", err=True)


class InputError(DigestError):
    """A seed, or a path to one, cannot be used. Exit code 3."""

    exit_code = 3


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
