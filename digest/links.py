"""Which link targets the email may carry: http(s), mailto, or an ESP's merge tag.

Shared by the config loader (links a user sets), the templates (links from
seeds) and `digest check` (links in any HTML file), so all three agree.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = ("http", "https", "mailto")

# One placeholder an email service replaces at send time, and nothing else:
# *|UNSUB|* (Mailchimp), {{{unsubscribe}}} / {{ x }} (SendGrid, Postmark, SES,
# Brevo, listmonk), %unsubscribe_url% (Mailgun).
MERGE_TAG = re.compile(
    r"\*\|[A-Za-z0-9_:]+\|\*"
    r"|\{\{\{?\s*[A-Za-z0-9_.:]+\s*\}?\}\}"
    r"|%[A-Za-z0-9_.]+%"
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def is_merge_tag(href: str) -> bool:
    return MERGE_TAG.fullmatch(href.strip()) is not None


def is_allowed_href(href: str) -> bool:
    """True for an absolute http(s) URL with a host, a mailto: address, or one merge tag."""
    value = href.strip()
    if is_merge_tag(value):
        return True
    match = _SCHEME.match(value)
    if not match:
        return False
    scheme = match.group(1).lower()
    if scheme == "mailto":
        return len(value) > len("mailto:")
    return scheme in SAFE_SCHEMES and re.match(r"https?://[^/\s?#]+", value, re.I) is not None


def safe_href(href: str | None) -> str | None:
    """The link itself when it may be emitted, else None (the template then leaves it out)."""
    return href if href and is_allowed_href(href) else None
