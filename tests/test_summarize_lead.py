"""Lead: the first one or two real paragraphs, never a caption, dateline, bio or comment."""

from __future__ import annotations

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.blocks import Block
from digest.summarize.lead import lead_text

FIRST = (
    "The river authority said on Monday that water levels had fallen to their lowest point "
    "since records began, and asked farmers to stop drawing from the main channel until the "
    "rains return to the valley and the reservoirs above the town are full again."
)
SECOND = (
    "Officials expect the restrictions to last until the autumn rains, which forecasters say "
    "may come late this year after a dry spring across the whole valley."
)
THIRD = "Boat owners have been told to move their vessels before the weekend inspections."


def _lead(*blocks: str) -> tuple[str, ...]:
    return summarize(Seed(source="t.txt", text="\n\n".join(blocks))).lead


def test_a_caption_with_a_credit_is_skipped() -> None:
    caption = (
        "The dry riverbed near the old mill, where boats were moored until last week. "
        "Photo: Ana Ruiz/Getty Images"
    )
    assert _lead("River falls to a record low", caption, FIRST, SECOND)[0] == FIRST


def test_a_standfirst_above_the_byline_is_skipped() -> None:
    standfirst = "Farmers are asked to stop drawing water as the valley dries out"
    lead = _lead("River falls to a record low", standfirst, "By Ana Ruiz", FIRST, SECOND)
    assert lead[0] == FIRST


def test_a_short_summary_right_under_the_headline_is_skipped() -> None:
    summary = "The valley is drying out. Nobody knows for how long."
    assert _lead("River falls to a record low", summary, FIRST, SECOND)[0] == FIRST


def test_datelines_and_bylines_are_not_lead() -> None:
    lead = _lead("River falls to a record low", "By Ana Ruiz", "12 May 2024", FIRST, SECOND)
    assert lead[0] == FIRST


def test_a_short_first_paragraph_is_joined_by_the_next() -> None:
    short = "The river is lower than anyone here can remember, officials said."
    assert _lead("River falls to a record low", "By Ana Ruiz", short, SECOND, THIRD) == (
        short,
        SECOND,
    )


def test_a_long_first_paragraph_stands_alone() -> None:
    assert _lead("River falls to a record low", "By Ana Ruiz", FIRST, SECOND, THIRD) == (FIRST,)


def test_a_very_long_paragraph_is_cut_at_a_sentence_end_within_budget() -> None:
    sentence = "The council met again on Tuesday to discuss the water levels in the river."
    text = " ".join([sentence] * 30)  # 420 words
    cut = lead_text(Block(0, text, (text,), 1))
    assert cut.endswith(".") and 120 <= len(cut.split()) <= 160 and cut in text


def test_an_encyclopedia_style_opening_about_a_person_is_not_a_bio() -> None:
    opening = (
        "Ana Maris is a journalist and author of three books on rivers, who has reported on "
        "droughts across the valley for twenty years and now teaches at the university."
    )
    assert _lead("Ana Maris", "From the river encyclopedia", opening, FIRST, SECOND)[0] == opening


def test_a_lead_the_page_also_prints_as_a_summary_on_top_is_still_the_lead() -> None:
    lead = _lead(FIRST, "Home", "News", "River falls to a record low", "By Ana Ruiz", FIRST, SECOND)
    assert lead[0] == FIRST


def test_a_short_wire_lede_with_a_dateline_is_the_lead_not_a_standfirst() -> None:
    lede = "LYON, May 3 (Valley Wire) - The river fell to its lowest level on record on Tuesday."
    assert _lead("River falls to a record low", lede, FIRST, SECOND)[0] == lede
