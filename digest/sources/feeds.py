"""RSS 2.0 and Atom feeds: their items, and picking the week's with --since / --last."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from digest.errors import InputError
from digest.model import FrontMatter

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
# Items a feed contributes without --last or --since: the newest, so a feed of
# 10,000 items is not 10,000 requests and a 15 MB email.
FEED_ITEMS = 50
# The root element, after any XML declaration, stylesheet, comment or doctype.
_FEED_ROOT = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)[\s>]", re.I | re.S
)
_RSS_AUTHOR = re.compile(r"\S+@\S+\s*\((.+)\)\Z")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: hints for the story, and its content as a fallback body."""

    link: str | None
    title: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    image: str | None = None
    content: str | None = None  # HTML, sanitized by feedparser
    category: str | None = None  # the item's first category: its section

    def hints(self, url: str | None = None) -> FrontMatter:
        """Front matter for the item's seed; `url` is the page's final URL when fetched."""
        return FrontMatter(
            title=self.title,
            url=url or self.link,
            byline=self.author,
            date=self.published.date().isoformat() if self.published else None,
            image=self.image,
            section=self.category,
        )


def looks_like_feed(data: bytes) -> bool:
    """True for RSS, Atom or RSS 1.0 (RDF) documents, whatever the file name says."""
    return _FEED_ROOT.match(data[:4096].removeprefix(b"\xef\xbb\xbf")) is not None


def parse_feed(data: bytes, source: str, base_url: str | None = None) -> list[FeedItem]:
    """Parse feed bytes; relative links are resolved against `base_url` (the feed's URL)."""
    import feedparser

    # Bytes in a stream: feedparser is never handed a string it might open as a URL.
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        if not parsed.get("version"):
            raise InputError(f"{source}: not a readable RSS or Atom feed; check the URL or file")
        raise InputError(f"{source}: the feed has no items")
    return [_item(entry, base_url) for entry in parsed.entries]


def select(
    items: Sequence[FeedItem], since: dt.date | None = None, last: int | None = None
) -> list[FeedItem]:
    """Items published on or after `since`, then the `last` newest; the feed's order is kept.

    An undated item is kept by --since (the feed lists it as current) and counts
    as the oldest for --last.
    """
    kept = [i for i in items if since is None or i.published is None or i.published.date() >= since]
    if last is None or last >= len(kept):
        return kept
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    newest = sorted(range(len(kept)), key=lambda n: kept[n].published or oldest, reverse=True)
    chosen = set(newest[:last])
    return [item for n, item in enumerate(kept) if n in chosen]


def _item(entry: Any, base_url: str | None) -> FeedItem:
    return FeedItem(
        link=_web_url(entry.get("link"), base_url),
        title=_clean(entry.get("title")),
        author=_author(entry),
        published=_published(entry),
        image=_image(entry, base_url),
        content=_content(entry),
        category=_category(entry),
    )


def _category(entry: Any) -> str | None:
    """RSS <category> and Atom <category term>: feedparser gives both as tags."""
    for tag in entry.get("tags") or []:
        term = _clean(tag.get("term") or tag.get("label"))
        if term:
            return term
    return None


def _author(entry: Any) -> str | None:
    """RSS writes "email (Name)"; Atom and Dublin Core give the name. An email is no byline."""
    raw = _clean(entry.get("author"))
    if raw is None:
        return None
    named = _RSS_AUTHOR.match(raw)
    if named:
        return _clean(named.group(1))
    if "@" not in raw:
        return raw
    return _clean((entry.get("author_detail") or {}).get("name"))


def _published(entry: Any) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    # feedparser gives UTC struct_time
    return dt.datetime(*parsed[:6]).replace(tzinfo=dt.UTC)


def _image(entry: Any, base_url: str | None) -> str | None:
    candidates: list[str | None] = []
    for media in entry.get("media_content") or []:
        if media.get("medium") == "image" or str(media.get("type", "")).startswith("image/"):
            candidates.append(media.get("url"))
    candidates.extend(thumb.get("url") for thumb in entry.get("media_thumbnail") or [])
    for link in (entry.get("enclosures") or []) + (entry.get("links") or []):
        if str(link.get("type", "")).startswith("image/"):
            candidates.append(link.get("href"))
    for candidate in candidates:
        url = _web_url(candidate, base_url)
        if url:
            return url
    return None


def _content(entry: Any) -> str | None:
    # Atom <content> (or RSS content:encoded) is the full text; <summary>/<description> the teaser.
    for block in entry.get("content") or []:
        if block.get("value", "").strip():
            return str(block["value"])
    summary = entry.get("summary")
    return str(summary) if summary and summary.strip() else None


def _web_url(value: object, base_url: str | None) -> str | None:
    """Only http(s) links ever reach a story."""
    if not isinstance(value, str) or not value.strip():
        return None
    url = urljoin(base_url, value.strip()) if base_url else value.strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
