"""The words the stages share, each defined once: output formats, email services, merge tags.

The command line's choices, the format dispatch, the ESP presets and every
merge-tag pattern (links.py, render/utm.py, render/sanitize.py) are derived from
the tables below. A new email service with a new tag syntax is one `PRESETS`
entry (with its `TagSyntax`) plus its body function in digest/deliver/esp.py.
Tags are the providers' documented placeholders (see docs/email-facts.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.errors import ConfigError
from digest.model import MergeTags

# Output format -> the file suffixes that ask for it (a file name says what it holds).
FORMATS: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    "text": (".txt",),
    "eml": (".eml",),
    "json": (".json",),
}


@dataclass(frozen=True)
class TagSyntax:
    """One placeholder syntax an email service (or a template language) fills in at send time.

    `tag` is one whole tag, as config and `digest check` accept it in a link (None:
    never accepted there); `opener` is the character that starts one, with a
    lookahead, where seed text gets a word joiner so the tag stays inert; `pending`
    found in a URL means the URL is not final yet, so UTM tagging leaves it alone.
    """

    tag: str | None
    opener: str
    pending: str | None = None


# *|UNSUB|* (Mailchimp)
STARS = TagSyntax(r"\*\|[A-Za-z0-9_:]+\|\*", r"\*(?=\|)", r"\*\|")
# {{ name }} and {{{raw}}} (SendGrid, Postmark, SES, Brevo, listmonk: Handlebars-like)
BRACES = TagSyntax(r"\{\{\{?\s*[A-Za-z0-9_.:]+\s*\}?\}\}", r"\{(?=\{)", r"\{\{")
# %unsubscribe_url% (Mailgun)
PERCENT = TagSyntax(r"%[A-Za-z0-9_.]+%", r"%(?=[A-Za-z_][\w.]*%)", r"%[\w.:-]+%")
# Syntaxes no preset writes, which seed text must not set off either: Liquid/Jinja
# {% %} {# #}, AWeber {!tag}, Smarty {$var}, SendGrid legacy [%tag%] / [Unsubscribe].
INERT_ONLY = (
    TagSyntax(None, r"\{(?=[%#])", r"\{%"),
    TagSyntax(None, r"\{(?=[!$])"),
    TagSyntax(None, r"\[(?=[A-Za-z_%\[])"),
)


@dataclass(frozen=True)
class Preset:
    """An email service: its merge tags, their syntax, and what its API call needs."""

    tags: MergeTags
    syntax: TagSyntax | None
    endpoint: str  # where `digest build --format json` output goes, for the README
    needs: tuple[str, ...] = ()  # "from", "to", "lists": fields the API rejects the call without


PRESETS: dict[str, Preset] = {
    "none": Preset(MergeTags(), None, "your own script"),
    "mailchimp": Preset(
        MergeTags("*|UNSUB|*", "*|ARCHIVE|*", "*|FNAME|*"),
        STARS,
        "PUT /3.0/campaigns/{campaign_id}/content",
    ),
    "sendgrid": Preset(
        MergeTags("{{{unsubscribe}}}", None, "{{first_name}}"),
        BRACES,
        "POST https://api.sendgrid.com/v3/mail/send",
        ("from", "to"),
    ),
    "postmark": Preset(
        MergeTags("{{{ pm:unsubscribe }}}", None, "{{ first_name }}"),
        BRACES,
        "POST https://api.postmarkapp.com/email",
        ("from", "to"),
    ),
    "mailgun": Preset(
        MergeTags("%unsubscribe_url%", None, "%recipient.first_name%"),
        PERCENT,
        "POST https://api.mailgun.net/v3/{domain}/messages (form fields)",
        ("from", "to"),
    ),
    "ses": Preset(
        MergeTags("{{amazonSESUnsubscribeUrl}}", None, "{{name}}"),
        BRACES,
        "aws sesv2 send-email --cli-input-json (SendEmail)",
        ("from", "to"),
    ),
    "brevo": Preset(
        MergeTags("{{ unsubscribe }}", "{{ mirror }}", "{{ contact.FIRSTNAME }}"),
        BRACES,
        "POST https://api.brevo.com/v3/emailCampaigns",
        ("from",),
    ),
    "listmonk": Preset(
        MergeTags("{{ UnsubscribeURL }}", "{{ MessageURL }}", "{{ .Subscriber.FirstName }}"),
        BRACES,
        "POST /api/campaigns",
        ("lists",),
    ),
}


def preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ConfigError(
            f"unknown ESP {name!r} (--esp or [email] esp); use one of: {known}"
        ) from None


def merge_tags(esp: str) -> MergeTags | None:
    """The ESP's merge tags, or None without a provider."""
    tags = preset(esp).tags
    return None if tags == MergeTags() else tags


def syntaxes() -> tuple[TagSyntax, ...]:
    """Every tag syntax in use, each once, in table order."""
    used = (p.syntax for p in PRESETS.values() if p.syntax is not None)
    return tuple(dict.fromkeys([*used, *INERT_ONLY]))


def whole_tag() -> re.Pattern[str]:
    """One merge tag of any preset's syntax (fullmatch it)."""
    return _either(tuple(s.tag for s in syntaxes() if s.tag))


def tag_opener() -> re.Pattern[str]:
    """The first character of anything an email service or template language would fill in."""
    return _either(tuple(s.opener for s in syntaxes()))


def pending_tag() -> re.Pattern[str]:
    """Found in a URL: a tag is still to be filled in (search for it)."""
    return _either(tuple(s.pending for s in syntaxes() if s.pending))


@lru_cache(maxsize=16)
def _either(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(patterns))
