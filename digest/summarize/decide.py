"""The three decisions a ranker makes: which block is the headline, the lead, the byline.

Each takes the candidates `candidates.py` lists, scores them with the fitted trees and
keeps the best; when a page offers none, the rules' own pick stands.
"""

from __future__ import annotations

from digest.summarize.candidates import (
    Candidate,
    byline_candidates,
    headline_candidates,
    lead_candidates,
)
from digest.summarize.features import PageView
from digest.summarize.lead import find_lead, with_second
from digest.summarize.ranker import Model, Ranker


def best(ranker: Ranker, found: list[Candidate]) -> tuple[Candidate | None, float]:
    """The highest-scoring candidate and its score; the first wins a tie."""
    top, top_score = None, float("-inf")
    for candidate in found:
        score = ranker.score(candidate.features)
        if score > top_score:
            top, top_score = candidate, score
    return top, top_score


def pick_headline(view: PageView, model: Model) -> int | None:
    top, _ = best(model["headline"], headline_candidates(view))
    return top.index if top else view.rule_headline


def pick_lead(view: PageView, model: Model, headline: int | None) -> list[int]:
    top, _ = best(model["lead"], lead_candidates(view, headline))
    if top is None:
        return find_lead(view.page, headline)
    return with_second(view.page, top.index)


def pick_byline(
    view: PageView, model: Model, headline: int | None
) -> tuple[str | None, int | None]:
    ranker = model["byline"]
    top, score = best(ranker, byline_candidates(view, headline))
    if top is None or score < ranker.threshold:
        return None, None
    return top.value, top.index
