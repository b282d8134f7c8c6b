"""Errors a user can meet. Each says what went wrong, where, and how to fix it.

The core raises these and knows nothing of the command line; digest/cli/exits.py
turns each family into the one-line message and exit code the README documents.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\s*\n\s*")


def one_line(message: str) -> str:
    """Library messages (YAML, MJML, TOML) may span lines; a user sees one."""
    return _NEWLINES.sub(" ", message.strip())


class DigestError(Exception):
    """Base class: a problem the user can fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        """The message as a user reads it: file, problem, fix."""
        return self.message


class InputError(DigestError):
    """A seed, or a path to one, cannot be used."""


class NotTextError(InputError):
    """A seed file is binary (an image, a PDF...): skipped in a folder, fatal when named."""


class ConfigError(DigestError):
    """digest.toml or a command-line setting is wrong."""


class TemplateError(DigestError):
    """A template does not render or its MJML does not compile."""


class OutputError(DigestError):
    """An output file cannot be written."""


class StrictError(DigestError):
    """--strict was given and there were warnings."""


class DeliveryError(DigestError):
    """The SMTP server cannot be reached, refuses the login or the message."""
