"""The candidates for each decision, with the features the ranker weighs.

Headline: a short block above (or just inside) the body. Byline: a name some rule reads
from a block (a "By" line, a bare name beside a date, a sign-off...). Lead: one of the
first paragraph-like blocks after the title. The rules' own picks are features too, so
the ranker learns when to trust them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarize import byline as rules
from digest.summarize.blocks import UPPER, key, word_list
from digest.summarize.features import UI_WORDS, Features, PageView, context, overlap
from digest.summarize.headline import evidence
from digest.summarize.lead_cues import is_aside
from digest.summarize.names import NOT_NAMES, is_name
from digest.summarize.page import CAPTION, CHROME, COMMENT, DATE, PROSE, TEXT

HEADLINE_ABOVE = 60  # blocks above the body a title may stand
HEADLINE_MAX_WORDS = 40
LEAD_CANDIDATES = 8
LEAD_MIN_WORDS = 8
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


# A line that opens with a dash ("— Ana Ruiz, 3 May": a credit or a list item) or holds a
# web address (a link, a "More info: www..." line) is never a page's title.
_NEVER_A_TITLE = re.compile(r"^[\u2014\u2013-]\s|https?://|\bwww\.", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    index: int  # the block
    features: Features
    value: str = ""  # the byline a candidate names


def headline_candidates(view: PageView) -> list[Candidate]:
    page = view.page
    first = max(0, page.start - HEADLINE_ABOVE)
    last = min(len(page.blocks), max(page.start + 4, first + 1))
    found = []
    for i in range(first, last):
        block = page.blocks[i]
        if not 1 <= block.words <= HEADLINE_MAX_WORDS or page.labels[i].kind == COMMENT:
            continue
        if view.block(i)["dangling"]:
            continue  # "SECTION NAME —", "Read more:": a line that leads into another
        if _NEVER_A_TITLE.search(block.text):
            continue
        f = {**view.block(i), **context(view, i), **overlap(view, i), **evidence(page, i)}
        f["rule_pick"] = float(i == view.rule_headline)
        f["body_start"] = float(i == page.start)  # the first paragraph is the story, not its title
        f.update(_neighbourhood(view, i))
        found.append(Candidate(i, f))
    found = _without_trails(view, found)
    _rank_feature(found, "rule_score", "rule_rank")
    _rank_feature(found, "body_overlap", "overlap_rank")
    _relations(view, found)
    for n, candidate in enumerate(reversed(found)):
        candidate.features["from_last"] = float(n)
    return found


_TITLE_WORDS = 4
_TRAIL_REACH = 3  # blocks below a breadcrumb trail its page's title stands


def _without_trails(view: PageView, found: list[Candidate]) -> list[Candidate]:
    """Leave out a line that is a title with something glued before it, when the title
    stands on its own just below: "Home > News > Title", "HomeLatest NewsTitle". The
    glued prefix is a breadcrumb trail or a kicker run into the title; the title alone is
    what the page's reader sees as the headline."""
    keys = {c.index: view.page.blocks[c.index].key for c in found}
    return [
        c
        for c in found
        if not any(
            0 < o.index - c.index <= _TRAIL_REACH
            and keys[o.index].count(" ") >= _TITLE_WORDS - 1
            and len(keys[o.index]) * 2 >= len(keys[c.index])
            and keys[c.index] != keys[o.index]
            and keys[c.index].endswith(keys[o.index])
            for o in found
        )
    ]


_CHROME_RUN = 10  # a longer run of menus above a line says no more
_TITLE_BAR = re.compile(r"\s(?:\||-|\u2013|\u2014|::|\u00bb)\s")


# What the nearest content lines above and below look like: a dek ends like a sentence,
# a title above a byline is followed by the byline.
_NEIGHBOUR_FEATURES = (
    "ends_period",
    "ends_sentence",
    "title_case",
    "capitals",
    "meta",
    "kind_prose",
    "kind_text",
    "by_line",
)


def _neighbourhood(view: PageView, i: int) -> Features:
    """The chrome run above a title, the title-like line above a dek, a title bar above all."""
    page = view.page
    above = 0
    j = i - 1
    while j >= 0 and page.labels[j].kind in (CHROME, CAPTION, DATE) and above < _CHROME_RUN:
        above += 1
        j -= 1
    prev = view.block(j) if j >= 0 else None
    k = i + 1
    while k < len(page.blocks) and page.labels[k].kind in (CHROME, CAPTION):
        k += 1
    nxt = view.block(k) if k < len(page.blocks) else None
    mine = page.blocks[i].key
    bar = any(
        j != i
        and mine
        and _TITLE_BAR.split(b.text)[0] != b.text
        and key(_TITLE_BAR.split(b.text)[0]) == mine
        for j, b in enumerate(page.blocks[:12])
    )
    near = [b.key for b in page.blocks[max(0, i - 4) : i + 4] if b.key != mine and len(b.key) >= 12]
    shared = {}
    for side, other in (("next", nxt), ("prev", prev)):
        for name in _NEIGHBOUR_FEATURES:
            shared[f"{side}_{name}"] = other[name] if other is not None else -1.0
    return {
        **shared,
        "contains_near": float(any(k in mine for k in near)),
        "inside_near": float(any(mine and mine in k for k in near)),
        "chrome_above": float(above),
        "prev_title_like": float(
            prev is not None
            and 3 <= prev["words"] <= 20
            and not prev["ends_period"]
            and prev["capitals"] > 0.5
        ),
        "next_dek_like": float(
            nxt is not None
            and 10 <= nxt["words"] <= 45
            and not nxt["meta"]
            and not nxt["kind_chrome"]
        ),
        "title_bar": float(bar),
    }


def _relations(view: PageView, found: list[Candidate]) -> None:
    """How each candidate stands to the others: a breadcrumb or share line that contains
    another candidate's text, and how close it sits above the byline or date of the story."""
    page = view.page
    keys = [page.blocks[c.index].key for c in found]
    meta = _header_meta(view)
    others = [b.key for b in page.blocks]
    titles = [k for k in keys if k.count(" ") >= _TITLE_WORDS - 1]  # long enough to be quoted
    for candidate, mine in zip(found, keys, strict=True):
        titled = mine.count(" ") >= _TITLE_WORDS - 1
        # A title is quoted elsewhere: in a share line, a breadcrumb, a "most read" list.
        candidate.features["mentions"] = float(
            sum(1 for k in others if k != mine and mine in k) if titled else 0
        )
        candidate.features["contains_other"] = float(any(k != mine and k in mine for k in titles))
        candidate.features["inside_other"] = float(
            titled and any(k != mine and mine in k for k in keys)
        )
        i = candidate.index
        candidate.features["over_standfirst"] = 0.0
        if meta is None:
            candidate.features["above_meta"] = 50.0
        elif i >= meta:
            candidate.features["above_meta"] = -1.0
        else:
            between = [
                j
                for j in range(i + 1, meta)
                if page.labels[j].kind in (TEXT, PROSE) and not view.block(j)["meta"]
            ]
            candidate.features["above_meta"] = float(len(between))
            # A title may stand over its standfirst, a sentence, and the byline under both.
            candidate.features["over_standfirst"] = float(
                len(between) == 1
                and bool(view.block(between[0])["ends_sentence"])
                and view.block(between[0])["words"] > page.blocks[i].words
            )


def _header_meta(view: PageView) -> int | None:
    """The byline or date the story's title stands over: the last one above the body
    (or just inside it, where pages print the credit under the first paragraph)."""
    page = view.page
    above = [
        j for j in range(max(0, page.start - HEADLINE_ABOVE), page.start) if view.block(j)["meta"]
    ]
    if above:
        return above[-1]
    return next(
        (
            j
            for j in range(page.start, min(len(page.blocks), page.start + 4))
            if view.block(j)["meta"]
        ),
        None,
    )


def lead_candidates(view: PageView, headline: int | None) -> list[Candidate]:
    page = view.page
    start = headline + 1 if headline is not None and headline < page.start else page.start
    start = max(0, min(start, page.start))
    rule_lead = _rule_lead(view)
    headline_words = _words_of(view, view.rule_headline)
    found: list[Candidate] = []
    for i in range(start, len(page.blocks)):
        block = page.blocks[i]
        if i == headline or block.words < LEAD_MIN_WORDS:
            continue
        if page.labels[i].kind not in (PROSE, TEXT, CAPTION) or is_aside(block):
            continue
        f = {**view.block(i), **context(view, i)}
        mine = set(block.key.split())
        f["headline_overlap"] = len(mine & headline_words) / max(1, len(headline_words))
        f["rank"] = float(len(found))
        f["prose_rank"] = float(sum(1 for c in found if c.features["kind_prose"]))
        f["rule_pick"] = float(i == rule_lead)
        f["from_headline"] = float(i - headline) if headline is not None else 99.0
        f["standfirst_note"] = float("standfirst" in page.notes.get(i, ""))
        f["meta_before"] = float(_meta_between(view, start, i))
        f["sentences"] = float(len(_SENTENCE_END.findall(block.text)))
        found.append(Candidate(i, f))
        if len(found) == LEAD_CANDIDATES:
            break
    for n, candidate in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        # A standfirst sits above the byline or date; the story starts below them.
        candidate.features["meta_after"] = float(
            nxt is not None and _meta_between(view, candidate.index + 1, nxt.index)
        )
        after = nxt.features["words"] if nxt is not None else 0.0
        candidate.features["next_candidate_words"] = after
        candidate.features["longer_than_next"] = float(candidate.features["words"] > after)
    return found


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")  # noqa: RUF001


def _meta_between(view: PageView, first: int, last: int) -> bool:
    return any(view.block(j)["meta"] for j in range(max(0, first), last))


def _rule_lead(view: PageView) -> int | None:
    from digest.summarize.lead import find_lead

    picked = find_lead(view.page, view.rule_headline)
    return picked[0] if picked else None


def _words_of(view: PageView, i: int | None) -> set[str]:
    return set(view.page.blocks[i].key.split()) if i is not None else set()


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


def _rank_feature(found: list[Candidate], name: str, rank_name: str) -> None:
    order = sorted(range(len(found)), key=lambda n: -found[n].features[name])
    for rank, n in enumerate(order):
        found[n].features[rank_name] = float(rank)
