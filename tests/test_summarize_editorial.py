"""Editorial rules: the lead never repeats the story's quote; long quotes cut verbatim."""

from __future__ import annotations

from digest.model import FrontMatter, Seed
from digest.summarize import summarize
from digest.summarize.editorial import opening

HEAD = "Ferry keeps running through the drought\n\nBy Ana Ruiz\n\n12 May 2024\n\n"
FIRST = (
    "\u201cAs long as there is a river to cross, somebody has to take people over,\u201d said "
    "Tomas Brekke, who has run the valley ferry for thirty years and means to keep going."
)
SECOND = (
    "The landing stage is now a field of mud, and the crossing takes twice as long as it did "
    "in spring, with the boat pushed off by hand from the shallows."
)
THIRD = (
    "\u201cWe will move the landing again if we have to, and again after that,\u201d said "
    "Lena Vos, who keeps the ticket office."
)


def _story(*paragraphs: str, quote: str | None = None) -> tuple[tuple[str, ...], list[str]]:
    seed = Seed(source="t.txt", text=HEAD + "\n\n".join(paragraphs), meta=FrontMatter(quote=quote))
    story = summarize(seed)
    return story.lead, [q.text for q in story.quotes]


def test_a_quote_the_lead_prints_gives_way_to_the_next() -> None:
    lead, quotes = _story(FIRST, SECOND, THIRD)
    assert "As long as there is a river" in lead[0]
    assert quotes == ["We will move the landing again if we have to, and again after that"]


def test_no_quote_when_the_lead_prints_the_only_one() -> None:
    _, quotes = _story(FIRST, SECOND)
    assert quotes == []


def test_a_lead_cut_inside_a_long_quote_still_counts_as_printing_it() -> None:
    long_quote = (
        "\u201cWe have never closed for a single day. The river has been low before, but never "
        "this low, and never this early in the year,\u201d said Tomas Brekke."
    )
    lead, quotes = _story(long_quote, SECOND, THIRD)
    assert "We have never closed" in lead[0]
    assert quotes[0].startswith("We will move the landing")


def test_the_editors_own_quote_stays_even_when_the_lead_prints_it() -> None:
    given = "As long as there is a river to cross, somebody has to take people over"
    _, quotes = _story(FIRST, SECOND, quote=given)
    assert quotes[0] == given


def test_opening_keeps_whole_sentences_verbatim_within_the_budget() -> None:
    text = "We stay.  The river is low! Nobody " + "here " * 40 + "leaves."
    assert opening(text, 40) == "We stay.  The river is low!"
    assert opening("Short and whole, as said.", 40) == "Short and whole, as said."
    assert opening("One sentence " + "that runs on " * 20 + "too long.", 40) is None
