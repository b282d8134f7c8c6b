"""The byline an HTML page declares in its markup, strongest evidence first.

JSON-LD `author` (an object, a list, a string or an @id pointing into the graph),
microdata `itemprop=author` (its nested `itemprop=name`, else its text), a
`rel=author` link's text, `meta name=author` and `article:author` when they
hold a name rather than a profile URL, and last the visible byline (an element
whose class says "byline" or "author"; trafilatura leaves it out of the article)
when it reads as names. Organisations are not bylines: a JSON-LD
author typed Organization, or a meta author that is the site's own name, is left
out, so the page's visible byline (or none) decides instead.
"""

from __future__ import annotations

import re
from typing import Any

from digest.summarize.blocks import norm
from digest.summarize.names import is_name

_BY = re.compile(r"^(?:by|written by|posted by)\s*:?\s+", re.IGNORECASE)
_NOT_PEOPLE = re.compile(r"Organi[sz]ation|Corporation|NewsMediaOrganization", re.IGNORECASE)
_ITEMPROP_AUTHOR = '//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]'
_CLASSED = (
    '//*[(contains(translate(@class, "BYLINEAUTHOR", "bylineauthor"), "byline")'
    ' or contains(translate(@class, "AUTHOR", "author"), "author"))'
    ' and not(contains(translate(@class, "COMMENT", "comment"), "comment"))]'
)
_AND = re.compile(r"\s*(?:,|&|\band\b)\s*")
_MAX_WORDS = 6  # longer is a sentence or a bio, not a name


def declared_byline(
    doc: Any, meta: dict[str, str], ld: dict[str, Any], graph: list[dict[str, Any]]
) -> str | None:
    """The page's author(s) as one byline ("Ana Ruiz and Tom Vale"), or None."""
    site = {norm(meta.get(k, "")).lower() for k in ("og:site_name", "application-name")} - {""}
    for found in (
        _json_ld(ld.get("author"), graph),
        _microdata(doc),
        _rel_author(doc),
        [meta.get("author", ""), meta.get("article:author", ""), meta.get("byl", "")],
        _byline_class(doc),
    ):
        people = _people(found, site)
        if people:
            return " and ".join(people) if len(people) <= 2 else ", ".join(people)
    return None


def _people(names: list[str], site: set[str]) -> list[str]:
    people: list[str] = []
    for name in names:
        name = _BY.sub("", norm(name)).strip(" ,;|")
        if not name or name.startswith(("http://", "https://", "/", "@")):
            continue
        if name.lower() in site or len(name.split()) > _MAX_WORDS or "@" in name:
            continue
        if name not in people:
            people.append(name)
    return people


def _json_ld(value: Any, graph: list[dict[str, Any]]) -> list[str]:
    """Names from JSON-LD `author`: "Ana", {"name": "Ana"}, [...], or {"@id": ...}."""
    if isinstance(value, list):
        return [name for item in value for name in _json_ld(item, graph)]
    if isinstance(value, str):
        return [value]
    if not isinstance(value, dict) or _NOT_PEOPLE.search(str(value.get("@type", ""))):
        return []
    if "name" not in value and "@id" in value:
        target = next(
            (g for g in graph if isinstance(g, dict) and g.get("@id") == value["@id"]), None
        )
        return _json_ld(target, []) if target and target is not value else []
    name = value.get("name")
    if isinstance(name, list):
        return [n for n in name if isinstance(n, str)]
    return [name] if isinstance(name, str) else []


def _microdata(doc: Any) -> list[str]:
    names: list[str] = []
    for element in doc.xpath(
        '//*[@itemprop and contains(concat(" ", @itemprop, " "), " author ")]'
    ):
        if element.tag == "meta":
            names.append(element.get("content") or "")
            continue
        inner = element.xpath('.//*[@itemprop="name"]')
        if inner:
            names.append(inner[0].get("content") or inner[0].text_content())
        else:
            names.append(element.text_content())
    return names


def _rel_author(doc: Any) -> list[str]:
    return [
        link.text_content()
        for link in doc.iter("a")
        if "author" in (link.get("rel") or "").lower().split()
    ]


def _byline_class(doc: Any) -> list[str]:
    """The names in the first element classed as a byline that holds only names."""
    for element in doc.xpath(_CLASSED):
        text = _BY.sub("", norm(element.text_content()))
        names = [n for n in _AND.split(text) if n]
        if names and all(is_name(n) for n in names):
            return names
    return []
