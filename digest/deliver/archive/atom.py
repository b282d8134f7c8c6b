"""The archive's Atom feed (RFC 4287): one entry per edition, newest first.

Written with ElementTree, so every title and headline is escaped as XML text.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from digest.deliver.archive.layout import Place

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"


def atom_feed(places: list[Place], title: str, author: str, root: str | None) -> bytes:
    """`root` is the archive's public address, if known; else links are relative to the feed."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", root or _urn(title))
    _text(feed, "title", title)
    _text(feed, "updated", _stamp(max(p.edition.date for p in places)))
    _link(feed, f"{root or ''}index.html", "alternate", "text/html")
    if root:
        _link(feed, f"{root}{FEED_NAME}", "self", "application/atom+xml")
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    for place in places:
        feed.append(_entry(place, title, root))
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _entry(place: Place, title: str, root: str | None) -> ET.Element:
    edition = place.edition
    entry = ET.Element(f"{{{ATOM}}}entry")
    href = place.url or f"{root or ''}{place.folder}/index.html"
    _text(entry, "id", place.url or _urn(f"{title} {edition.date.isoformat()}"))
    _text(entry, "title", edition.subject)
    _text(entry, "updated", _stamp(edition.date))
    _link(entry, href, "alternate", "text/html")
    _text(entry, "summary", " · ".join(s.headline for s in edition.stories))
    return entry


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _link(parent: ET.Element, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": kind, "href": href})


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _urn(name: str) -> str:
    """A stable id when the archive has no public address yet."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"digest:{name}").urn
