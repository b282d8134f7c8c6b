"""Which links may appear in an email: only http(s) and mailto, nothing a seed can trick.

A URL from a seed (front matter `url`/`image`, a canonical link) is data from
outside. `safe_url` reads it the way a browser would (entities decoded, tabs and
newlines dropped, control characters stripped) and lets it through only when the
result is a plain http(s) or mailto link; anything else becomes None.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from digest.vocabulary import whole_tag

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEMES = frozenset({"http", "https"})
MAX_URL_LENGTH = 2048  # longer "links" are payloads, not article addresses

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL ("java\tscript:" is javascript:).
_DROPPED = re.compile(r"[\t\n\r]")
_EDGES = re.compile(r"^[\x00-\x20\u00a0]+|[\x00-\x20\u00a0]+$")
# Invisible or control characters have no place in a link someone can check by eye.
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# Characters that are not valid in a URL: percent-encode them so no later parser
# (MJML, premailer, a browser, an ESP) can read them as quotes, tags or merge tags.
_UNSAFE = re.compile(r"[ \"'<>\\^`{|}]|%(?![0-9A-Fa-f]{2})")


def safe_url(value: str | None, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """`value` as a link that is safe to emit, or None if it is not an allowed link."""
    if value is None:
        return None
    url = _decode_entities(value)
    url = _EDGES.sub("", _DROPPED.sub("", url))
    if not url or len(url) > MAX_URL_LENGTH or _FORBIDDEN.search(url):
        return None
    match = _SCHEME.match(url)
    if match is None:  # relative or protocol-relative ("//host"): no base in an email
        return None
    scheme = match.group(1).lower()
    if scheme not in schemes:
        return None
    url = _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), url)
    rest = url[match.end() :]
    if scheme == "mailto":
        return f"mailto:{rest}" if rest.strip("/") else None
    return _checked_web_url(f"{scheme}:{rest}")


def _decode_entities(value: str) -> str:
    """Undo HTML entities ("javascript&#58;", "&colon;") as often as they were applied."""
    for _ in range(5):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


def _checked_web_url(url: str) -> str | None:
    """An http(s) URL needs a host, and no user name: `https://bank.example@evil.example`."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if not url.split(":", 1)[1].startswith("//") or not host or "@" in parts.netloc:
        return None
    return url


def is_merge_tag(href: str) -> bool:
    """One placeholder an email service replaces at send time, and nothing else.

    The syntaxes are the presets' (digest/vocabulary.py). Only the tool and the
    user's config put these in links; seed text never can (see render/sanitize.py).
    """
    return whole_tag().fullmatch(href.strip()) is not None


def is_allowed_href(href: str) -> bool:
    """True for an absolute http(s) URL with a host, a mailto: address, or one merge tag.

    Used for links a user sets in digest.toml and by `digest check` on any HTML file.
    """
    value = href.strip()
    if is_merge_tag(value):
        return True
    match = _SCHEME.match(value)
    if not match:
        return False
    scheme = match.group(1).lower()
    if scheme == "mailto":
        return len(value) > len("mailto:")
    return scheme in LINK_SCHEMES and re.match(r"https?://[^/\s?#]+", value, re.I) is not None


def safe_href(href: str | None) -> str | None:
    """What a template may put in href: a merge tag as it is, else `safe_url`'s answer."""
    if href and is_merge_tag(href):
        return href
    return safe_url(href)
