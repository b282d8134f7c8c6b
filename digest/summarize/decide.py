"""The three decisions a ranker makes: which block is the headline, the lead, the byline.

Each takes the candidates `*candidates.py` list, scores them with the fitted trees and
keeps the best; when a page offers none, the rules' own pick stands. The scored
candidates are kept in a `Ranking`, so --explain can show why a line won.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.summarize.byline_candidates import byline_candidates
from digest.summarize.candidates import Candidate, headline_candidates
from digest.summarize.features import PageView
from digest.summarize.lead import find_lead, past_standfirst, with_second
from digest.summarize.lead_candidates import lead_candidates
from digest.summarize.ranker import Model, Ranker


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float


@dataclass
class Ranking:
    """Each decision's candidates, best first, with the ranker that scored them."""

    scored: dict[str, list[Scored]] = field(default_factory=dict)
    rankers: dict[str, Ranker] = field(default_factory=dict)

    def rank(self, task: str, ranker: Ranker, found: list[Candidate]) -> Scored | None:
        """Score the candidates, remember them, and return the best (the first on a tie)."""
        scored = [Scored(c, ranker.score(c.features)) for c in found]
        self.scored[task] = sorted(scored, key=lambda s: -s.score)
        self.rankers[task] = ranker
        return self.scored[task][0] if scored else None


def pick_headline(view: PageView, model: Model, ranking: Ranking) -> int | None:
    top = ranking.rank("headline", model["headline"], headline_candidates(view))
    return top.candidate.index if top else view.rule_headline


def pick_lead(view: PageView, model: Model, headline: int | None, ranking: Ranking) -> list[int]:
    top = ranking.rank("lead", model["lead"], lead_candidates(view, headline))
    if top is None:
        return find_lead(view.page, headline)
    return with_second(view.page, past_standfirst(view.page, top.candidate.index))


def pick_byline(
    view: PageView, model: Model, headline: int | None, ranking: Ranking
) -> tuple[str | None, int | None]:
    ranker = model["byline"]
    top = ranking.rank("byline", ranker, byline_candidates(view, headline))
    if top is None or top.score < ranker.threshold:
        return None, None
    return top.candidate.value, top.candidate.index
