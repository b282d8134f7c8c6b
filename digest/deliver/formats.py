"""Email -> the bytes a user hands on: html, text, a .eml message, or an ESP's API body.

`build()` has already applied UTM tags and the ESP's merge tags (both come from the
config); this stage only packages the result. Nothing here touches the network:
sending is digest.deliver.smtp's job.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from digest.config import Config
from digest.deliver.eml import Envelope, header_text, mailboxes, to_eml
from digest.deliver.esp import payload
from digest.errors import ConfigError
from digest.model import Digest, Email
from digest.vocabulary import FORMATS


def envelope(config: Config, digest: Digest) -> Envelope:
    """Addresses and hand-off settings from [email] and [footer], checked."""
    settings = config.email
    header_text(config.brand.name, "[brand] name")  # the sender's display name
    sender = mailboxes(settings.from_, "--from / [email] from")
    reply_to = mailboxes(settings.reply_to, "--reply-to / [email] reply_to")
    if len(sender) > 1 or len(reply_to) > 1:
        raise ConfigError("--from and --reply-to take one address each; --to can take several")
    if sender and not sender[0][0]:
        sender = ((config.brand.name, sender[0][1]),)  # show the newsletter's name in inboxes
    return Envelope(
        date=digest.date,
        sender=sender[0] if sender else None,
        to=mailboxes(settings.to, "--to / [email] to"),
        reply_to=reply_to[0] if reply_to else None,
        unsubscribe_url=config.footer.unsubscribe_url,
        unsubscribe_mailto=settings.unsubscribe_mailto,
        list_ids=settings.list_ids,
    )


# A file name says what it holds: `-o issue.eml` must not get HTML in it.
_BY_SUFFIX = {suffix: fmt for fmt, suffixes in FORMATS.items() for suffix in suffixes}


def output_format(fmt: str | None, output: str, config: Config) -> str:
    """--format, else the -o file's extension (.html .txt .eml .json), else [email] format."""
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower()
    if suffix[1:].isalpha() and suffix not in _BY_SUFFIX:
        # `-o issue.md` must not silently get HTML; `-o out` or `-o x.2026-11-30` may.
        known = " ".join(_BY_SUFFIX)
        raise ConfigError(
            f"-o {output}: digest does not write {suffix} files; name it {known}, or pass --format"
        )
    return _BY_SUFFIX.get(suffix, config.email.format)


# `sent` is when the message goes out (a fresh Message-ID and Date), None for an archive copy.
Writer = Callable[[Email, Digest, Config, dt.datetime | None], bytes]


def _html(email: Email, digest: Digest, config: Config, sent: dt.datetime | None) -> bytes:
    return email.html.encode("utf-8")


def _text(email: Email, digest: Digest, config: Config, sent: dt.datetime | None) -> bytes:
    return email.text.encode("utf-8")


def _eml(email: Email, digest: Digest, config: Config, sent: dt.datetime | None) -> bytes:
    header_text(email.subject, "--title / title")
    return to_eml(email, replace(envelope(config, digest), sent=sent))


def _json(email: Email, digest: Digest, config: Config, sent: dt.datetime | None) -> bytes:
    header_text(email.subject, "--title / title")
    body = payload(config.email.esp, email, envelope(config, digest))
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# One writer per name in digest.vocabulary.FORMATS (tests/test_vocabulary.py checks both match).
WRITERS: dict[str, Writer] = {
    "html": _html,
    "text": _text,
    "eml": _eml,
    "json": _json,
}


def export(
    email: Email,
    digest: Digest,
    config: Config,
    fmt: str | None = None,
    sent: dt.datetime | None = None,
) -> bytes:
    """Stage: Email -> the exact bytes to write for `fmt` (default: [email] format).

    `sent`: the time an .eml goes out; None gives an archive copy that rebuilds byte for byte.
    """
    fmt = fmt or config.email.format
    if fmt not in WRITERS:
        known = ", ".join(FORMATS)
        raise ConfigError(
            f"unknown format {fmt!r} (--format or [email] format); use one of: {known}"
        )
    return WRITERS[fmt](email, digest, config, sent)


def outgoing(
    email: Email, digest: Digest, config: Config, sent: dt.datetime
) -> tuple[bytes, str, list[str]]:
    """For `digest send`: the .eml bytes (dated `sent`), the envelope sender and recipients."""
    header_text(email.subject, "--title / title")
    env = replace(envelope(config, digest), sent=sent)
    if not env.to:
        raise ConfigError("no recipient: give --to ADDR or set `to` under [email] in digest.toml")
    message = to_eml(email, env)
    assert env.sender is not None  # to_eml raised otherwise
    return message, env.sender[1], [address for _name, address in env.to]
