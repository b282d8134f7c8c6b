"""Send the built .eml over SMTP: a test send to yourself before the ESP sends it to everyone.

The bytes sent are exactly the bytes `digest build --format eml` writes. Every
connection, TLS or login failure becomes one DeliveryError line saying what to check.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import socket
import ssl
import sys
from collections.abc import Callable
from email import policy
from email.parser import BytesParser

from digest.config import Smtp
from digest.config_rules import SECURITY
from digest.errors import ConfigError, DeliveryError

PASSWORD_ENV = "DIGEST_SMTP_PASSWORD"
TIMEOUT = 30.0


def parse_server(value: str) -> tuple[str, int | None]:
    """'HOST', 'HOST:PORT' or '[IPv6]:PORT' -> (host, port or None)."""
    host, port = value, None
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        port = rest.removeprefix(":") or None
    elif value.count(":") == 1:
        host, port = value.split(":")
    if not host or (port is not None and not port.isdigit()):
        raise ConfigError(f"--smtp {value!r}: use HOST or HOST:PORT, e.g. smtp.example.org:587")
    return host, int(port) if port else None


def port_of(smtp: Smtp) -> int:
    if smtp.port:
        return smtp.port
    return {"ssl": 465, "starttls": 587}.get(smtp.security, 25)


def password_for(user: str | None, ask: Callable[[str], str]) -> str | None:
    """From $DIGEST_SMTP_PASSWORD, else `ask` (the CLI's hidden prompt), but only when a
    person is at a terminal."""
    if not user:
        return None
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise ConfigError(f"no SMTP password for {user}: set {PASSWORD_ENV} (no terminal to ask)")
    return ask(f"SMTP password for {user}")


def describe(message: bytes, smtp: Smtp, recipients: list[str]) -> str:
    """What --dry-run prints: where it would go, the headers, and the size of each part."""
    _check(smtp)
    msg = BytesParser(policy=policy.SMTP).parsebytes(message)
    login = f" as {smtp.user}" if smtp.user else ""
    lines = [
        f"Would send to {', '.join(recipients)} via {server_name(smtp)} ({smtp.security}){login}"
    ]
    lines += [f"{name}: {value}" for name, value in msg.items()]
    for part in msg.walk():
        if not part.is_multipart():
            size = len(part.get_payload(decode=True) or b"")
            lines.append(f"  {part.get_content_type()}: {size / 1024:.1f} KB")
    lines.append(f"  message: {len(message) / 1024:.1f} KB")
    return "\n".join(lines)


def send(
    message: bytes, sender: str, recipients: list[str], smtp: Smtp, password: str | None
) -> None:
    """Deliver `message` unchanged; raise DeliveryError with one line on any failure."""
    _check(smtp)
    try:
        with _connect(smtp) as server:
            if smtp.user:
                _login(server, smtp, password or "")
            server.sendmail(sender, recipients, message)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"{server_name(smtp)}: {_problem(exc, smtp)}") from exc


def _problem(exc: smtplib.SMTPException | OSError, smtp: Smtp) -> str:
    """What went wrong and what to check, in words (the order matters: subclasses first)."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login as {smtp.user} refused ({_reply(exc)}); check --user and ${PASSWORD_ENV}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(f"{addr} ({_reply_of(*r)})" for addr, r in exc.recipients.items())
        return f"recipient refused: {refused}; check --to"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender {exc.sender} refused ({_reply(exc)}); check --from"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"the server offers no login ({exc}); drop --user, or try --starttls or --ssl"
    if isinstance(exc, smtplib.SMTPException):
        return f"the server said no ({_reply(exc)}); check --smtp and --user"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc}); use --ssl for port 465, --starttls for 587"
    if isinstance(exc, socket.gaierror):
        return "unknown host; check --smtp HOST[:PORT]"
    if isinstance(exc, TimeoutError):
        return f"no answer in {TIMEOUT:.0f} s; check --smtp HOST[:PORT] and firewalls"
    reason = exc.strerror or str(exc)
    return f"cannot connect ({reason}); check --smtp HOST[:PORT] and that the server is running"


def _check(smtp: Smtp) -> None:
    if smtp.security not in SECURITY:
        raise ConfigError(f"[smtp] security {smtp.security!r}: use one of {', '.join(SECURITY)}")


def _connect(smtp: Smtp) -> smtplib.SMTP:
    port = port_of(smtp)
    if smtp.security == "ssl":
        return smtplib.SMTP_SSL(
            smtp.host, port, timeout=TIMEOUT, context=ssl.create_default_context()
        )
    server = smtplib.SMTP(smtp.host, port, timeout=TIMEOUT)
    server.ehlo()
    offered = server.has_extn("starttls")
    if smtp.security == "starttls" and not offered:
        server.close()
        raise DeliveryError(f"{server_name(smtp)}: the server does not offer STARTTLS; try --ssl")
    if offered and smtp.security in ("auto", "starttls"):
        server.starttls(context=ssl.create_default_context())
        server.ehlo()
    return server


def _login(server: smtplib.SMTP, smtp: Smtp, password: str) -> None:
    # Never send a password in the clear, except to this machine (a local test server).
    encrypted = isinstance(server.sock, ssl.SSLSocket)
    if not encrypted and not _is_loopback(smtp.host):
        raise DeliveryError(
            f"{server_name(smtp)}: will not send the password unencrypted; use --starttls or --ssl"
        )
    server.login(smtp.user or "", password)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_name(smtp: Smtp) -> str:
    host = f"[{smtp.host}]" if ":" in smtp.host else smtp.host
    return f"smtp {host}:{port_of(smtp)}"


def _reply(exc: smtplib.SMTPException) -> str:
    code = getattr(exc, "smtp_code", None)
    error = getattr(exc, "smtp_error", None)
    return _reply_of(code, error) if code else str(exc)


def _reply_of(code: int | None, error: bytes | str | None) -> str:
    text = error.decode("utf-8", "replace") if isinstance(error, bytes) else (error or "")
    return f"{code} {' '.join(text.split())}".strip()
