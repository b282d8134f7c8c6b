"""The lead's candidates: the first paragraph-like blocks after the title, with the
features the ranker weighs (where each stands, what comes between, the rules' own pick).
"""

from __future__ import annotations

import re

from digest.summarize.candidates import Candidate
from digest.summarize.features import PageView, context
from digest.summarize.lead_cues import is_aside
from digest.summarize.page import CAPTION, PROSE, TEXT

LEAD_CANDIDATES = 8
LEAD_MIN_WORDS = 8


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
