"""UTM parameters on story links, so the newsletter's clicks show up in web analytics.

A pure function on the Digest, applied before rendering, so the HTML and the
text part carry the same links. Only story links are tagged: the unsubscribe and
web-version links come from the footer settings or an ESP's merge tags and are
never touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from urllib.parse import parse_qsl, quote

from digest.config import Utm
from digest.model import Digest
from digest.vocabulary import pending_tag


def utm_params(utm: Utm, date: dt.date) -> dict[str, str]:
    """The parameters to add; none unless some [utm] value is set. Campaign: the issue date."""
    if not (utm.source or utm.medium or utm.campaign):
        return {}
    params = {
        "utm_source": utm.source,
        "utm_medium": utm.medium,
        "utm_campaign": utm.campaign or date.isoformat(),
    }
    return {key: value for key, value in params.items() if value}


def tag_url(url: str, params: Mapping[str, str]) -> str:
    """`url` plus each parameter it does not already carry; the rest of it byte for byte.

    A utm_* the link already has is the publisher's choice and is kept. mailto:,
    other schemes and URLs holding merge tags are returned unchanged.
    """
    if not params or not url.lower().startswith(("http://", "https://")):
        return url
    if pending_tag().search(url):  # an ESP fills the tag in later: the URL is not final yet
        return url
    base, hash_mark, fragment = url.partition("#")
    query = base.partition("?")[2]
    present = {key for key, _ in parse_qsl(query, keep_blank_values=True)}
    extra = "&".join(
        f"{key}={quote(value, safe='')}" for key, value in params.items() if key not in present
    )
    if not extra:
        return url
    if "?" not in base:
        separator = "?"
    elif not query or query.endswith("&"):
        separator = ""
    else:
        separator = "&"
    return f"{base}{separator}{extra}{hash_mark}{fragment}"


def tag_links(digest: Digest, utm: Utm) -> Digest:
    """Stage: Digest -> Digest with UTM parameters on every story link."""
    params = utm_params(utm, digest.date)
    if not params:
        return digest
    stories = tuple(
        dataclasses.replace(story, url=tag_url(story.url, params)) if story.url else story
        for story in digest.stories
    )
    return dataclasses.replace(digest, stories=stories)
