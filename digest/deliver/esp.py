"""Email service providers: the JSON body of each one's API call.

The bodies are printed, never sent: `digest build --esp X --format json | curl --data @- ...`.
Each provider's name, merge tags and required fields are its entry in
digest.vocabulary.PRESETS; its body function is registered here with `@body_for`.
"""

from __future__ import annotations

from collections.abc import Callable
from email.utils import formataddr
from typing import Any

from digest.deliver.eml import Envelope, Mailbox, display, list_unsubscribe
from digest.errors import ConfigError
from digest.model import Email
from digest.vocabulary import preset

Body = dict[str, Any]
BodyFunction = Callable[[Email, Envelope], Body]
BODIES: dict[str, BodyFunction] = {}  # preset name -> its API body


def body_for(name: str) -> Callable[[BodyFunction], BodyFunction]:
    """Register the decorated function as the API body of the preset `name`."""

    def register(function: BodyFunction) -> BodyFunction:
        BODIES[name] = function
        return function

    return register


@body_for("sendgrid")
def _sendgrid(email: Email, env: Envelope) -> Body:
    body: Body = {
        "personalizations": [{"to": [_named(m) for m in env.to]}],
        "from": _named(_sender(env)),
        "subject": email.subject,
        # SendGrid wants text/plain before text/html.
        "content": [
            {"type": "text/plain", "value": email.text},
            {"type": "text/html", "value": email.html},
        ],
        # Makes SendGrid put its unsubscribe URL where the template has the tag.
        "tracking_settings": {
            "subscription_tracking": {
                "enable": True,
                "substitution_tag": preset("sendgrid").tags.unsubscribe,
            }
        },
    }
    if env.reply_to:
        body["reply_to"] = _named(env.reply_to)
    if headers := list_unsubscribe(env):
        body["headers"] = headers
    return body


@body_for("postmark")
def _postmark(email: Email, env: Envelope) -> Body:
    body: Body = {
        "From": display(_sender(env)),
        "To": ", ".join(display(m) for m in env.to),
        "Subject": email.subject,
        "HtmlBody": email.html,
        "TextBody": email.text,
        # A newsletter goes through a broadcast stream; {{{ pm:unsubscribe }}} only works there.
        "MessageStream": "broadcast",
    }
    if env.reply_to:
        body["ReplyTo"] = display(env.reply_to)
    if headers := list_unsubscribe(env):
        body["Headers"] = [{"Name": k, "Value": v} for k, v in headers.items()]
    return body


@body_for("mailgun")
def _mailgun(email: Email, env: Envelope) -> Body:
    # Mailgun takes form fields, not JSON: this is an object of those fields.
    body: Body = {
        "from": display(_sender(env)),
        "to": ", ".join(display(m) for m in env.to),
        "subject": email.subject,
        "text": email.text,
        "html": email.html,
    }
    if env.reply_to:
        body["h:Reply-To"] = display(env.reply_to)
    for name, value in list_unsubscribe(env).items():
        body[f"h:{name}"] = value
    return body


@body_for("mailchimp")
def _mailchimp(email: Email, env: Envelope) -> Body:
    # Subject and sender belong to the campaign's settings, not to its content.
    return {"html": email.html, "plain_text": email.text}


@body_for("ses")
def _ses(email: Email, env: Envelope) -> Body:
    name, address = _sender(env)
    body: Body = {
        # SES wants a non-ASCII display name as an RFC 2047 encoded word: formataddr does that.
        "FromEmailAddress": formataddr((name, address), charset="utf-8"),
        "Destination": {"ToAddresses": [formataddr(m, charset="utf-8") for m in env.to]},
        "Content": {
            "Simple": {
                "Subject": {"Data": email.subject, "Charset": "UTF-8"},
                "Body": {
                    "Html": {"Data": email.html, "Charset": "UTF-8"},
                    "Text": {"Data": email.text, "Charset": "UTF-8"},
                },
            }
        },
    }
    if env.reply_to:
        body["ReplyToAddresses"] = [formataddr(env.reply_to, charset="utf-8")]
    return body


@body_for("brevo")
def _brevo(email: Email, env: Envelope) -> Body:
    body: Body = {
        "name": email.subject,
        "subject": email.subject,
        "sender": _named(_sender(env)),
        "htmlContent": email.html,
        "previewText": email.preheader,
    }
    if env.reply_to:
        body["replyTo"] = env.reply_to[1]
    if env.list_ids:
        body["recipients"] = {"listIds": list(env.list_ids)}
    return body


@body_for("listmonk")
def _listmonk(email: Email, env: Envelope) -> Body:
    body: Body = {
        "name": email.subject,
        "subject": email.subject,
        "lists": list(env.list_ids),
        "type": "regular",
        "content_type": "html",
        "body": email.html,
        "altbody": email.text,
    }
    if env.sender:
        body["from_email"] = display(env.sender)
    return body


@body_for("none")
def _plain(email: Email, env: Envelope) -> Body:
    """No provider: every piece, for a script of the user's own."""
    return {
        "subject": email.subject,
        "preheader": email.preheader,
        "from": display(env.sender) if env.sender else None,
        "to": [display(m) for m in env.to],
        "reply_to": display(env.reply_to) if env.reply_to else None,
        "html": email.html,
        "text": email.text,
    }


_NEEDED = {
    "from": "a sender: give --from ADDR or set `from` under [email] in digest.toml",
    "to": "a recipient: give --to ADDR or set `to` under [email] in digest.toml",
    "lists": "the list IDs to send to: set list_ids = [1] under [email] in digest.toml",
}


def payload(name: str, email: Email, env: Envelope) -> Body:
    """The provider's API request body, after checking the fields it cannot do without."""
    chosen = preset(name)
    given = {"from": env.sender is not None, "to": bool(env.to), "lists": bool(env.list_ids)}
    for need in chosen.needs:
        if not given[need]:
            raise ConfigError(f"the {name} API call needs {_NEEDED[need]}")
    return BODIES[name](email, env)


def _sender(env: Envelope) -> Mailbox:
    assert env.sender is not None  # payload() checked `needs`
    return env.sender


def _named(mailbox: Mailbox) -> dict[str, str]:
    name, address = mailbox
    return {"email": address, "name": name} if name else {"email": address}
