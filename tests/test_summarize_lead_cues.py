"""Lead cues: a standfirst over a photo credit or a dateline, a note about the page, a
list of other stories run together; the lead is the story's first paragraph past them."""

from __future__ import annotations

import pytest

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.blocks import Block, split_blocks
from digest.summarize.lead import find_lead, past_standfirst
from digest.summarize.lead_cues import is_credit, is_page_note, is_place_line, numbered_run
from digest.summarize.page import CHROME, PROSE, TEXT, analyse

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
    assert is_place_line(_block("OSK, NORTHLAND"), TEXT)
    assert not is_place_line(_block("ADVERTISEMENT"), CHROME)
    assert not is_place_line(_block("Osk, Northland"), TEXT)
    assert not is_place_line(_block(FIRST), PROSE)


@pytest.mark.parametrize(
    "note",
    [
        "This article was first published in the Osk Courier and is shared with permission.",
        "Published May 3, 2024 Last updated May 4, 2024 at 10:15",
        "A version of this article appeared in print on May 3, 2024, in the Osk Courier.",
        "Updated May 4, 2024. This story first ran in the Osk Courier.",
    ],
)
def test_lines_about_the_page_are_page_notes(note: str) -> None:
    assert is_page_note(_block(note))


@pytest.mark.parametrize(
    "text",
    [
        FIRST,
        "The timetable was updated twice last winter.",
        "First published in 1954, the ferry timetable has been reprinted every spring since.",
        "The harbour master keeps the tide tables on this page of the log, he said on Tuesday.",
    ],
)
def test_story_sentences_are_not_page_notes(text: str) -> None:
    assert not is_page_note(_block(text))


def test_a_numbered_list_run_together_counts_up() -> None:
    teasers = "1 School roof to be fixed 2 Osk bakery wins a prize 3 Harbour wall repaired"
    assert numbered_run(teasers) == 3
    assert numbered_run("The 2 boats and 3 buses carried 1 million people.") <= 1


def test_a_standfirst_over_a_photo_credit_is_skipped() -> None:
    blocks = (TITLE, "By Ana Ruiz", DEK, "Photo: Tom Vale", FIRST, SECOND)
    page = analyse(split_blocks(_page(*blocks)))
    assert find_lead(page, 0)[0] == 4
    assert _lead(*blocks)[0] == FIRST


def test_a_pick_over_a_photo_credit_moves_on_to_the_story_under_it() -> None:
    page = analyse(split_blocks(_page(TITLE, "By Ana Ruiz", DEK, "Photo: Tom Vale", FIRST, SECOND)))
    assert past_standfirst(page, 2) == 4
    assert "standfirst" in page.notes[2]
    assert past_standfirst(page, 4) == 4  # no credit under the story's first paragraph


def test_a_short_first_paragraph_after_the_byline_stays_the_lead() -> None:
    short = "The Marrowdale ferry will stop running at the end of the month, the board said."
    assert _lead(TITLE, "By Ana Ruiz", short, SECOND, THIRD)[0] == short


def test_a_summary_over_a_release_dateline_is_skipped() -> None:
    summary = (
        "The harbour board and the bus company agree a new link between the two villages, "
        "to start in June."
    )
    blocks = (TITLE, "12 May 2024", summary, "OSK, NORTHLAND", FIRST, SECOND, THIRD)
    page = analyse(split_blocks(_page(*blocks)))
    assert find_lead(page, 0)[0] == 4
    assert _lead(*blocks)[0] == FIRST


@pytest.mark.parametrize(
    "aside",
    [
        "This article was first published in the Osk Courier and is shared with permission.",
        "Published May 3, 2024 Last updated May 4, 2024 at 10:15 by the news desk",
        "1 School roof to be fixed before the winter term 2 Osk bakery wins a national prize "
        "3 Harbour wall repaired after the storm 4 New mayor sworn in",
    ],
)
def test_a_note_about_the_page_or_a_list_of_other_stories_is_not_the_lead(aside: str) -> None:
    blocks = (TITLE, "By Ana Ruiz", aside, FIRST, SECOND)
    page = analyse(split_blocks(_page(*blocks)))
    assert find_lead(page, 0)[0] == 3
    assert _lead(*blocks)[0] == FIRST


def test_a_credited_caption_is_passed_over_for_the_second_paragraph() -> None:
    short = "The Marrowdale ferry will stop running at the end of the month, the board said."
    caption = "© Osk Pictures The ferry leaving Marrowdale harbour on its morning crossing."
    lead = _lead(TITLE, "By Ana Ruiz", short, caption, SECOND, THIRD)
    assert lead == (short, SECOND)


def test_a_page_whose_only_paragraph_is_a_note_still_has_a_lead() -> None:
    note = "This article was first published in the Osk Courier and is shared with permission."
    assert _lead(TITLE, "By Ana Ruiz", note) == (note,)
