"""Errors a user can meet. Each says what went wrong, where, and how to fix it.

The core raises these and knows nothing of the command line; digest/cli/exits.py
turns each family into the one-line message and exit code the README documents.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\s*\n\s*")
# A page's or feed's title may carry terminal escape sequences (colours, a new window
# title, a cleared screen): whole sequences first, then any control character left,
# and the bidirectional overrides that make text read in another order.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(message: str) -> str:
    """Library messages (YAML, MJML, TOML) may span lines; a user sees one, and no
    control characters: a message never moves the cursor or recolours the terminal."""
    text = _CONTROLS.sub("", _ESCAPES.sub("", message.replace("\t", " ")))
    return _NEWLINES.sub(" ", text.strip())


class Terminated(KeyboardInterrupt):
    """SIGTERM: stopped like Ctrl-C, so a write in progress removes its temp file."""


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
