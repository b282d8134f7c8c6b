"""The byline's candidates: every name a credit reading gives ("By" lines, a bare name
beside a date, a sign-off, "Name and Name, Agency"...), with the features the ranker weighs.
"""

from __future__ import annotations

import re

from digest.summarize import byline as rules
from digest.summarize.blocks import UPPER, word_list
from digest.summarize.candidates import Candidate
from digest.summarize.features import UI_WORDS, PageView, context
from digest.summarize.names import NOT_NAMES, is_name
from digest.summarize.page import COMMENT

BYLINE_METHODS = (
    "by",
    "name",
    "footer",
    "after_by",
    "bare_name",
    "glued",
    "edited",
    "part_by",
    "line_by",
    "part_as_by",
    "line_as_by",
    "name_prefix",
)


def byline_candidates(view: PageView, headline: int | None) -> list[Candidate]:
    page = view.page
    anchor = headline if headline is not None else page.start
    first = max(0, min(anchor, page.start) - 10)
    last = min(len(page.blocks), page.end + rules.FOOTER_REACH)
    rule_name, rule_at = rules.find_byline(page, headline, None)
    found: list[Candidate] = []
    seen: set[tuple[int, str]] = set()
    for i in range(first, last):
        if i == headline or (page.labels[i].kind == COMMENT and i >= page.end):
            continue
        near = abs(i - anchor) <= _NEAR or first <= i <= page.start
        for method, name in _names_in(view, i, near):
            name = rules.finish(name, page)
            if (i, name) in seen or not name or _ui_share(name) == 1.0:
                continue  # "Posted", "More", "Top Stories": page furniture, not a person
            seen.add((i, name))
            f = {**view.block(i), **context(view, i)}
            f.update({f"method_{m}": float(m == method) for m in BYLINE_METHODS})
            f["name_words"] = float(len(name.split()))
            f["name_glued"] = float(bool(_UNGLUE.search(name)))
            f["name_ui"] = _ui_share(name)
            f["name_caps"] = float(name.isupper())
            f["name_shape"] = float(is_name(name, 1, 6))
            f["from_headline"] = float(i - headline) if headline is not None else 99.0
            f["before_body"] = float(i < page.start)
            f["rule_pick"] = float(i == rule_at and name == rule_name)
            f["rule_block"] = float(i == rule_at)
            f["name_repeats"] = float(sum(1 for b in page.blocks if name in b.text))
            found.append(Candidate(i, f, name))
    for n, candidate in enumerate(found):
        candidate.features["rank"] = float(n)
        candidate.features["candidates"] = float(len(found))
    return found


_BARE_BY = re.compile(r"^(?:by|written by|posted by|words by|author|authors)\s*:?$", re.IGNORECASE)
_GLUED = re.compile(rf"^(.+?[a-z])(?=[{UPPER}][a-z]+\s)(.*)$")
_UNGLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Where a credit line changes subject: "May 3, 2024 | By Ana Ruiz", "Ana Ruiz • 3h".
_PARTS = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s)\s*|"  # noqa: RUF001
    r"\s*\b(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b\s*"
)
_EDITED = re.compile(r"\b(?:edited|reported|compiled) by\s+(.+)$", re.IGNORECASE)
_NEAR = 12  # blocks from the headline where a bare credit ("Ana Ruiz, Agency") may stand
_SHORT_CREDIT = 10


def _names_in(view: PageView, i: int, near: bool) -> list[tuple[str, str]]:
    """(method, name) for every reading of block i as a credit."""
    page = view.page
    text = page.blocks[i].text
    found = []
    by = rules.by_in_block(page, i)
    if by:
        found.append(("by", by))
    name = rules.name_block(page, i)
    if name:
        found.append(("name", name))
    footer = rules.footer_byline(page, i)
    if footer:
        found.append(("footer", footer))
    if i > 0 and _BARE_BY.match(page.blocks[i - 1].text) and page.blocks[i].words <= 8:
        after = rules.by_line(f"By {text}")
        if after:
            found.append(("after_by", after))
    if is_name(text):
        found.append(("bare_name", text))
    glued = _GLUED.match(text)
    if (
        glued
        and page.blocks[i].words <= 8
        and rules.is_job(glued.group(2))
        and is_name(glued.group(1))
    ):
        found.append(("glued", glued.group(1)))  # "Ana RuizStaff Writer"
    edited = _EDITED.search(text)
    if edited and page.blocks[i].words <= 20:
        credit = rules.by_line(f"By {_UNGLUE.sub(' ', edited.group(1))}")
        if credit:
            found.append(("edited", credit))
    if near and page.blocks[i].words <= _SHORT_CREDIT:
        found += _credit_parts(text)
    return found


def _ui_share(name: str) -> float:
    words = [w.lower() for w in word_list(name)]
    return sum(1 for w in words if w in NOT_NAMES or w in UI_WORDS) / len(words) if words else 1.0


def _credit_parts(text: str) -> list[tuple[str, str]]:
    """A short line read as a credit piece by piece: "Ana Ruiz, Agency", "3/4/2024 | Ana Ruiz"."""
    found = []
    parts = [p for p in _PARTS.split(text) if p and p.strip()]
    unglued = [p for p in _PARTS.split(_UNGLUE.sub(" ", text)) if p and p.strip()]
    parts += [p for p in unglued if p not in parts]
    for part in parts:
        part = part.strip()
        method = "part" if len(parts) > 1 else "line"
        by = rules.by_line(part)
        if by:
            found.append((f"{method}_by", by))
            continue
        if len(part.split()) > 8 or not part[:1].isupper():
            continue
        credit = rules.by_line(f"By {part}")
        if credit:
            found.append((f"{method}_as_by", credit))
        words = part.split()
        for size in (2, 3):
            if len(words) > size and is_name(" ".join(words[:size])):
                found.append(("name_prefix", " ".join(words[:size])))
    return found
