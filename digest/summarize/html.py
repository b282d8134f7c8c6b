"""HTML seeds: the page's own metadata, and trafilatura for the body text.

Title, author, canonical URL and image come from what the page declares
(JSON-LD, og:/article: meta, <h1>, <title>, rel=canonical). trafilatura strips the
boilerplate; our own rules then pick the lead and quotes from its text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from digest.summarize.blocks import norm
from digest.summarize.hints import Hints
from digest.summarize.html_body import article_text
from digest.summarize.html_byline import declared_byline

_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|WebPage|BlogPosting", re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s+(?:\||–|—|-|::|·)\s+[^|–—]{2,60}$")  # noqa: RUF001


def read_html(source: str) -> tuple[str, Hints]:
    """The article text (one paragraph a line) and the hints the markup gives."""
    import lxml.html
    from lxml import etree

    try:
        doc = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return "", Hints()
    meta = _meta(doc)
    graph = _graph(doc)
    ld = next((item for item in graph if _ARTICLE_TYPES.search(str(item.get("@type", "")))), {})
    hints = Hints(
        title=_title(doc, meta, ld),
        byline=declared_byline(doc, meta, ld, graph),
        url=_first(_canonical(doc), meta.get("og:url"), _text(ld.get("url"))),
        image=_first(meta.get("og:image"), meta.get("twitter:image"), _image(ld.get("image"))),
        section=_first(meta.get("article:section"), _text(ld.get("articleSection"))),
        site=_first(meta.get("og:site_name")),
        lang=doc.get("lang") or doc.get("xml:lang"),
    )
    return article_text(source, doc), hints


def _meta(doc: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in doc.iter("meta"):
        name = (tag.get("property") or tag.get("name") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if name and content and name not in found:
            found[name] = content
    return found


def _graph(doc: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members included."""
    found: list[dict[str, Any]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            found.extend(_items(json.loads(script.text)))
        except ValueError:
            continue
    return found


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for d in data for x in _items(d)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _title(doc: Any, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    h1 = next((norm(h.text_content()) for h in doc.iter("h1") if norm(h.text_content())), None)
    declared = _first(_text(ld.get("headline")), meta.get("og:title"), meta.get("twitter:title"))
    page_title = norm(doc.findtext(".//title") or "") or None
    if page_title:
        page_title = _SITE_SUFFIX.sub("", page_title)
    # The <h1> is the title as printed, unless it is the site's logo: then trust the meta.
    if h1 and (not declared or _overlap(h1, declared) >= 0.5):
        return h1
    return _first(declared, h1, page_title)


def _overlap(a: str, b: str) -> float:
    left, right = set(a.lower().split()), set(b.lower().split())
    return len(left & right) / max(1, min(len(left), len(right)))


def _canonical(doc: Any) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    return None


def _image(value: Any) -> str | None:
    if isinstance(value, list):
        return _image(value[0]) if value else None
    return _text(value)


def _text(value: Any) -> str | None:
    """A string field of JSON-LD, which may also be {"name": ...} or {"url": ...}."""
    if isinstance(value, str):
        return norm(value) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("url"))
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
