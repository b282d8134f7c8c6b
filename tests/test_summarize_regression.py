"""The summarizer on regression pages of our own, scored as the corpus scorer scores.

tests/regression_pages/ holds invented article pages (seeds/) in many scraped
layouts, with hand-written truth (truth/, the corpus schema). These pages are not
held out: they were written while the rules were tuned, and the summarizer scores
1.00 on all of them, so they say nothing about unseen pages. The floors below are
tripwires that sit a little under today's figures, so a rule change that breaks a
layout which used to work shows up here.

The scoring mirrors the corpus scorer: headline exact match after normalisation,
byline token containment, lead token-F1 >= 0.8, quote match by token-F1 >= 0.6 or
containment of >= 6 tokens, speaker by last-name token.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from digest.model import Seed, Story
from digest.summarize import summarize

PAGES = Path(__file__).resolve().parent / "regression_pages"
_QUOTES = str.maketrans(dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'")) | (
    str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'))
)
_WORD = re.compile(r"\w+")
TOP = 3  # quotes scored for precision and speaker


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower()
    return " ".join(text.split())


def tokens(text: str | None) -> list[str]:
    return _WORD.findall(normalise(text))


def token_f1(a: str, b: str) -> float:
    ca, cb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ca.values()), common / sum(cb.values())
    return 2 * precision * recall / (precision + recall)


def _inside(short: list[str], long: list[str]) -> bool:
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def byline_ok(got: str | None, want: str | None) -> bool:
    if want is None or not got:
        return want is None and not got
    lead_ins = ("by", "posted", "written", "words", "story", "text")
    g, w = tokens(got), tokens(want)
    while g and g[0] in lead_ins:
        g = g[1:]
    while w and w[0] in lead_ins:
        w = w[1:]
    g, w = [t for t in g if t != "and"], [t for t in w if t != "and"]
    if not g or not w:
        return False
    if len(g) <= len(w):
        return _inside(g, w) and len(g) >= min(2, len(w)) and len(w) - len(g) <= 12
    return _inside(w, g) and len(g) - len(w) <= 12


def quote_ok(got: str, want: str) -> bool:
    g, w = tokens(got), tokens(want)
    if not g or not w:
        return False
    if token_f1(got, want) >= 0.6:
        return True
    short, long = (g, w) if len(g) <= len(w) else (w, g)
    return len(short) >= 6 and _inside(short, long)


def speaker_ok(got: str | None, want: str | None) -> bool:
    g = [t for t in tokens(got) if t not in ("the", "a", "an")]
    w = [t for t in tokens(want) if t not in ("the", "a", "an")]
    if not g or not w:
        return False
    return w[-1] in g or _inside(g, w) or _inside(w, g)


@dataclass
class Tally:
    """Pooled counts over pages, as the corpus scorer pools them."""

    pages: int = 0
    headline: int = 0
    byline: int = 0
    lead: int = 0
    lead_paragraphs: int = 0
    leaked: int = 0
    top: int = 0
    matched: int = 0
    speaker: int = 0
    quoted_pages: int = 0
    first_hit: int = 0
    quiet_pages: int = 0
    quiet_ok: int = 0

    def add(self, story: Story, truth: dict) -> list[str]:
        """Score one page; return what it got wrong, for the failure message."""
        wrong: list[str] = []
        self.pages += 1
        heads = [truth["headline"], *truth.get("headline_alt", [])]
        if any(normalise(story.headline) == normalise(h) for h in heads):
            self.headline += 1
        else:
            wrong.append(f"headline {story.headline!r}")
        if byline_ok(story.byline, truth["byline"]):
            self.byline += 1
        else:
            wrong.append(f"byline {story.byline!r}")
        leads = [truth["lead"], *truth.get("lead_alt", [])]
        if story.lead and max(token_f1(story.lead[0], x) for x in leads) >= 0.8:
            self.lead += 1
        else:
            wrong.append(f"lead {story.lead[:1]!r}")
        body = truth["body_paragraphs"]
        self.lead_paragraphs += len(story.lead)
        self.leaked += sum(1 for p in story.lead if all(token_f1(p, x) < 0.5 for x in body))
        wrong += self._quotes(story, truth["attributed_quotes"])
        return wrong

    def _quotes(self, story: Story, truth: list[dict]) -> list[str]:
        wrong: list[str] = []
        for quote in story.quotes[:TOP]:
            self.top += 1
            hits = [t for t in truth if quote_ok(quote.text, t["text"])]
            if not hits:
                wrong.append(f"not a quote {quote.text[:50]!r}")
                continue
            self.matched += 1
            if any(speaker_ok(quote.speaker, t["speaker"]) for t in hits):
                self.speaker += 1
            else:
                wrong.append(f"speaker {quote.speaker!r}")
        if truth:
            self.quoted_pages += 1
            keys = [t for t in truth if t.get("key")] or truth
            first = story.quotes[0].text if story.quotes else ""
            if first and any(quote_ok(first, t["text"]) for t in keys):
                self.first_hit += 1
            else:
                wrong.append(f"first quote {first[:50]!r}")
        else:
            self.quiet_pages += 1
            self.quiet_ok += not story.quotes
        return wrong

    def summary(self) -> dict[str, float]:
        def share(part: int, whole: int, empty: float = 1.0) -> float:
            return part / whole if whole else empty

        return {
            "headline": share(self.headline, self.pages),
            "byline": share(self.byline, self.pages),
            "lead": share(self.lead, self.pages),
            "leak": share(self.leaked, self.lead_paragraphs, 0.0),
            "quote_p": share(self.matched, self.top),
            "speaker": share(self.speaker, self.matched),
            "quote_hit": share(self.first_hit, self.quoted_pages),
            "quote_none": share(self.quiet_ok, self.quiet_pages),
        }


def score(seeds: Path, truths: Path) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The pooled measures over a folder of seeds, and each page's misses."""
    tally = Tally()
    misses: dict[str, list[str]] = {}
    for truth_file in sorted(truths.glob("*.json")):
        seed_file = seeds / f"{truth_file.stem}.txt"
        story = summarize(Seed(source=seed_file.name, text=seed_file.read_text("utf-8")))
        wrong = tally.add(story, json.loads(truth_file.read_text("utf-8")))
        if wrong:
            misses[truth_file.stem] = wrong
    return tally.summary(), misses


# About two pages' worth under today's figures on 39 pages (every measure 1.00, leak
# 0.00): one new miss may be a judgement call, a rule that breaks a layout is not.
FLOORS = {
    "headline": 0.90,
    "byline": 0.93,
    "lead": 0.93,
    "quote_p": 0.94,
    "speaker": 0.94,
    "quote_hit": 0.91,
    "quote_none": 0.80,
}
LEAK_CEILING = 0.05


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, float], dict[str, list[str]]]:
    return score(PAGES / "seeds", PAGES / "truth")


def test_every_regression_seed_has_its_truth() -> None:
    seeds = {p.stem for p in (PAGES / "seeds").glob("*.txt")}
    truths = {p.stem for p in (PAGES / "truth").glob("*.json")}
    assert seeds == truths
    assert len(seeds) >= 30


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_regression_measure_stays_above_its_floor(
    measure: str, scored: tuple[dict[str, float], dict[str, list[str]]]
) -> None:
    summary, misses = scored
    assert summary[measure] >= FLOORS[measure], misses


def test_regression_leads_do_not_leak_chrome(
    scored: tuple[dict[str, float], dict[str, list[str]]],
) -> None:
    summary, misses = scored
    assert summary["leak"] <= LEAK_CEILING, misses


def test_the_scorer_matches_as_the_corpus_scorer_does() -> None:
    assert byline_ok("By Ana Ruiz and Tom Vale", "Ana Ruiz and Tom Vale")
    assert not byline_ok("Ruiz", "Ana Ruiz")
    assert byline_ok(None, None) and not byline_ok("Ana Ruiz", None)
    assert quote_ok("the river has never been this low", "“The river has never been this low,”")
    assert not quote_ok("the river", "the river has never been this low in living memory")
    assert speaker_ok("Ms Ana Ruiz", "Ana Ruiz") and not speaker_ok(None, "Ana Ruiz")
