"""Email -> a complete MIME message (.eml): what a mail client opens and SMTP sends.

multipart/alternative with the text part first and the HTML last (clients show
the last part they can render). Both parts are quoted-printable, so no line is
longer than 76 characters whatever the HTML looks like, and the file is 7-bit clean.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid

from digest.errors import ConfigError
from digest.model import Email

Mailbox = tuple[str, str]  # (display name, address)


@dataclass(frozen=True)
class Envelope:
    """Everything about addressing and hand-off that is not the content itself."""

    date: dt.date
    sender: Mailbox | None = None
    to: tuple[Mailbox, ...] = ()
    reply_to: Mailbox | None = None
    unsubscribe_url: str | None = None
    unsubscribe_mailto: str | None = None
    list_ids: tuple[int, ...] = ()
    # When the message goes out: a fresh Message-ID and this time as Date. None is an
    # archive copy (`build --reproducible`): the issue date, and an ID from the content.
    sent: dt.datetime | None = None


# CR and LF end a header line (a second header, a Bcc, could follow); U+2028/U+2029/U+0085
# end a line for some mail programs too; other control characters have no place in a header.
_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def header_text(value: str, where: str) -> str:
    """`value` as it goes into a header (or an ESP's subject/from field): one line, no controls."""
    if _BREAKS.search(value):
        raise ConfigError(
            f"{where} {value!r}: a line break or control character cannot go in an email "
            "header; write it on one line"
        )
    return value


def mailboxes(value: str | None, where: str) -> tuple[Mailbox, ...]:
    """'Ana <ana@x.org>, bo@y.org' -> ((name, address), ...); a bad address is a ConfigError."""
    if not value:
        return ()
    found = getaddresses([header_text(value, where)])
    for _name, address in found:
        local, at, domain = address.partition("@")
        if not (local and at and "." in domain) or " " in address:
            raise ConfigError(
                f"{where} {value!r}: not an email address; use name@example.org or "
                "'Name <name@example.org>'"
            )
    return tuple(found)


def display(mailbox: Mailbox) -> str:
    """'Name <address>' for JSON bodies; quotes a name that holds commas or brackets."""
    name, address = mailbox
    if not name:
        return address
    if any(c in name for c in ',;:<>@"()[]\\'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>"


def list_unsubscribe(envelope: Envelope) -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers: Gmail and Yahoo require them for bulk mail."""
    links = []
    if envelope.unsubscribe_url:
        links.append(f"<{envelope.unsubscribe_url}>")
    if envelope.unsubscribe_mailto:
        address = envelope.unsubscribe_mailto.removeprefix("mailto:")
        links.append(f"<mailto:{address}?subject=unsubscribe>")
    if not links:
        return {}
    headers = {"List-Unsubscribe": ", ".join(links)}
    # One-click needs an https URL that unsubscribes on a POST with no confirmation page.
    if (envelope.unsubscribe_url or "").startswith("https://"):
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return headers


def message_id(email: Email, envelope: Envelope) -> str:
    """Made from the content, not a clock or random number, so a rebuild gives the same file."""
    digest = hashlib.sha256(f"{email.subject}\0{email.text}\0{email.html}".encode()).hexdigest()
    return f"<{envelope.date:%Y%m%d}.{digest[:20]}@{_domain(envelope)}>"


def _domain(envelope: Envelope) -> str:
    return envelope.sender[1].rpartition("@")[2] if envelope.sender else "digest.invalid"


def to_eml(email: Email, envelope: Envelope) -> bytes:
    """The .eml bytes (CRLF line ends, as on the wire)."""
    if envelope.sender is None:
        raise ConfigError(
            "an .eml needs a sender: give --from ADDR or set `from` under [email] in digest.toml"
        )
    msg = EmailMessage(policy=policy.SMTP)
    try:
        msg["From"] = _address(envelope.sender)
        if envelope.to:
            msg["To"] = [_address(m) for m in envelope.to]
        if envelope.reply_to:
            msg["Reply-To"] = _address(envelope.reply_to)
    except (ValueError, HeaderParseError) as exc:
        raise ConfigError(f"an address cannot go in a header ({exc}); check --from/--to") from exc
    msg["Subject"] = email.subject  # the SMTP policy encodes non-ASCII per RFC 2047
    if envelope.sent is not None:
        # Each send is a new message: mail clients thread and de-duplicate by Message-ID.
        msg["Date"] = format_datetime(envelope.sent)
        msg["Message-ID"] = make_msgid(domain=_domain(envelope))
    else:
        # Noon UTC shows the issue date itself in every time zone from UTC-11 to UTC+11.
        noon = dt.datetime.combine(envelope.date, dt.time(12, 0), tzinfo=dt.UTC)
        msg["Date"] = format_datetime(noon)
        msg["Message-ID"] = message_id(email, envelope)
    for name, value in list_unsubscribe(envelope).items():
        msg[name] = value
    msg.set_content(email.text, cte="quoted-printable")
    msg.add_alternative(email.html, subtype="html", cte="quoted-printable")
    # A boundary from the ID keeps an archive copy reproducible; "=_" never occurs in
    # quoted-printable text.
    msg.set_boundary("=_" + re.sub(r"\W", "_", msg["Message-ID"].strip("<>").split("@")[0]))
    return msg.as_bytes()


def _address(mailbox: Mailbox) -> Address:
    name, address = mailbox
    return Address(display_name=name, addr_spec=address)
