"""Lead cues: a standfirst over a photo or a dateline, a note about the page, a list of
other stories run together; the lead is the story's first paragraph past them."""

from __future__ import annotations

import pytest

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.blocks import Block, split_blocks
from digest.summarize.candidates import Candidate, lead_candidates
from digest.summarize.features import PageView
from digest.summarize.headline import find_headline
from digest.summarize.lead_cues import is_credit, is_page_note, is_place_line, numbered_run
from digest.summarize.page import PROSE, TEXT, analyse

TITLE = "Marrowdale ferry to stop after forty years"
FIRST = (
    "The ferry between Marrowdale and Osk will stop running at the end of the month, the "
    "harbour board said on Tuesday, after forty years of crossings in all weathers."
)
SECOND = (
    "Board members said the boat needs repairs the harbour cannot pay for this year, and "
    "that a bus link around the estuary would replace it from the first of June."
)
THIRD = (
    "Regular passengers said the bus would add an hour to a trip that now takes twenty "
    "minutes, and that the ferry had kept the two villages in each other's lives."
)
DEK = "The boat that joined two villages for forty years will make its last crossing in May."


def _block(text: str) -> Block:
    return Block(0, text, (text,), 1)


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def _lead(*blocks: str) -> tuple[str, ...]:
    return summarize(Seed(source="t.txt", text=_page(*blocks))).lead


def _candidates(text: str) -> dict[str, Candidate]:
    page = analyse(split_blocks(text))
    view = PageView(page, find_headline(page))
    return {page.blocks[c.index].text: c for c in lead_candidates(view, view.rule_headline)}


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Ana Ruiz",
        "Image source: Harbour Board",
        "(Image: © Osk Pictures)",
        "Ana Ruiz/Osk Pictures ©",
    ],
)
def test_credit_lines_are_credits(credit: str) -> None:
    assert is_credit(_block(credit), TEXT)


def test_a_sentence_about_a_photographer_is_not_a_credit() -> None:
    line = "The photographer Ana Ruiz has taken pictures of the ferry for twenty years now."
    assert not is_credit(_block(line), PROSE)


def test_a_dateline_on_its_own_line_is_a_place_line() -> None:
    assert is_place_line(_block("OSK, NORTHLAND"))
    assert not is_place_line(_block("Osk, Northland"))
    assert not is_place_line(_block(FIRST))


@pytest.mark.parametrize(
    "note",
    [
        "This article was first published in the Osk Courier and is shared with permission.",
        "Published May 3, 2024 Last updated May 4, 2024 at 10:15",
        "The information on this website is for general interest and is not advice.",
    ],
)
def test_lines_about_the_page_are_page_notes(note: str) -> None:
    assert is_page_note(_block(note))


@pytest.mark.parametrize("text", [FIRST, "The timetable was updated twice last winter."])
def test_story_sentences_are_not_page_notes(text: str) -> None:
    assert not is_page_note(_block(text))


def test_a_numbered_list_run_together_counts_up() -> None:
    teasers = "1 School roof to be fixed 2 Osk bakery wins a prize 3 Harbour wall repaired"
    assert numbered_run(teasers) == 3
    assert numbered_run("The 2 boats and 3 buses carried 1 million people.") <= 1


def test_a_standfirst_over_a_photo_credit_is_marked_and_skipped() -> None:
    text = _page(TITLE, "By Ana Ruiz", DEK, "Photo: Tom Vale", FIRST, SECOND)
    found = _candidates(text)
    assert found[DEK].features["credit_after"] == 1.0
    assert found[FIRST].features["credit_before"] == 1.0
    assert found[FIRST].features["credit_after"] == 0.0
    assert _lead(TITLE, "By Ana Ruiz", DEK, "Photo: Tom Vale", FIRST, SECOND)[0] == FIRST


def test_a_summary_over_a_release_dateline_is_skipped() -> None:
    summary = (
        "The harbour board and the bus company agree a new link between the two villages, "
        "to start in June."
    )
    blocks = (TITLE, "12 May 2024", summary, "OSK, NORTHLAND", FIRST, SECOND, THIRD)
    found = _candidates(_page(*blocks))
    assert found[summary].features["dateline_after"] == 1.0
    assert found[FIRST].features["dateline_after"] == 0.0
    assert _lead(*blocks)[0] == FIRST


def test_a_note_about_where_the_story_first_ran_is_not_the_lead() -> None:
    note = "This article was first published in the Osk Courier and is shared with permission."
    found = _candidates(_page(TITLE, "By Ana Ruiz", note, FIRST, SECOND))
    assert found[note].features["page_note"] == 1.0
    assert found[FIRST].features["page_note"] == 0.0
    assert _lead(TITLE, "By Ana Ruiz", note, FIRST, SECOND)[0] == FIRST


def test_a_list_of_other_stories_is_not_the_lead() -> None:
    teasers = (
        "1 School roof to be fixed before the winter term 2 Osk bakery wins a national prize "
        "3 Harbour wall repaired after the storm 4 New mayor sworn in"
    )
    found = _candidates(_page(TITLE, "By Ana Ruiz", "Most read", teasers, FIRST, SECOND))
    assert found[teasers].features["numbered_run"] == 4.0
    assert _lead(TITLE, "By Ana Ruiz", "Most read", teasers, FIRST, SECOND)[0] == FIRST


def test_a_date_stamp_is_marked() -> None:
    stamp = "Published May 3, 2024 Last updated May 4, 2024 at 10:15 by the news desk"
    found = _candidates(_page(TITLE, "By Ana Ruiz", stamp, FIRST, SECOND))
    assert found[stamp].features["date_stamp"] == 1.0
    assert found[FIRST].features["date_stamp"] == 0.0
    assert _lead(TITLE, "By Ana Ruiz", stamp, FIRST, SECOND)[0] == FIRST


def test_a_credited_caption_is_passed_over_for_the_second_paragraph() -> None:
    short = "The Marrowdale ferry will stop running at the end of the month, the board said."
    caption = "© Osk Pictures The ferry leaving Marrowdale harbour on its morning crossing."
    lead = _lead(TITLE, "By Ana Ruiz", short, caption, SECOND, THIRD)
    assert lead == (short, SECOND)
