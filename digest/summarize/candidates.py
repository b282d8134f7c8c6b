"""The candidates for each decision, with the features the ranker weighs.

Headline (here): a short block above (or just inside) the body. Byline
(`byline_candidates.py`): a name some rule reads from a block (a "By" line, a bare name
beside a date, a sign-off...). Lead (`lead_candidates.py`): one of the first
paragraph-like blocks after the title. The rules' own picks are features too, so the
ranker learns when to trust them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.summarize.blocks import key
from digest.summarize.features import UI_WORDS, Features, PageView, context, overlap
from digest.summarize.headline import evidence
from digest.summarize.page import CAPTION, CHROME, COMMENT, DATE, PROSE, TEXT

HEADLINE_ABOVE = 60  # blocks above the body a title may stand
HEADLINE_MAX_WORDS = 40


# A line that opens with a dash ("— Ana Ruiz, 3 May": a credit or a list item) or holds a
# web address (a link, a "More info: www..." line) is never a page's title.
_NEVER_A_TITLE = re.compile(r"^[\u2014\u2013-]\s|https?://|\bwww\.", re.IGNORECASE)


_LABEL = re.compile(r"^(\w+(?: \w+)?)\s*:\s")  # "Watch: ...", "Read more: ..."


def _furniture_label(text: str) -> bool:
    """A line that opens with the page's own label ("Watch:", "Photo:", "Updated:", "Read
    more:") is a video teaser, a credit, a date stamp or a link: never the story's title."""
    label = _LABEL.match(text)
    return label is not None and all(w.lower() in UI_WORDS for w in label.group(1).split())


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
        if _NEVER_A_TITLE.search(block.text) or _furniture_label(block.text):
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


def _rank_feature(found: list[Candidate], name: str, rank_name: str) -> None:
    order = sorted(range(len(found)), key=lambda n: -found[n].features[name])
    for rank, n in enumerate(order):
        found[n].features[rank_name] = float(rank)
