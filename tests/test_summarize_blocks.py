"""Splitting seeds into blocks, and the sentence splitter."""

from __future__ import annotations

import re

import pytest

from digest.summarize.blocks import capitals, norm, split_blocks
from digest.summarize.sentences import split_sentences


def test_blank_lines_separate_blocks_and_soft_wraps_join() -> None:
    blocks = split_blocks("A title\n\nFirst line of a paragraph that wraps\nonto a second line.\n")
    assert [b.text for b in blocks] == [
        "A title",
        "First line of a paragraph that wraps onto a second line.",
    ]
    assert blocks[1].line_no == 3


def test_text_without_blank_lines_is_one_block_per_line() -> None:
    blocks = split_blocks("Headline here\nBy Someone\nA first paragraph.\nA second one.\n")
    assert len(blocks) == 4


def test_short_unmarked_lines_in_one_block_are_separate_items() -> None:
    blocks = split_blocks("Home\nWorld\nSport\n\nBy Ana Ruiz\nMarch 3, 2026\n")
    assert [b.text for b in blocks] == ["Home", "World", "Sport", "By Ana Ruiz", "March 3, 2026"]


def test_a_numbered_list_stays_one_block() -> None:
    blocks = split_blocks("The ranking:\n1. Finland\n2. Norway\n")
    assert len(blocks) == 1


def test_norm_collapses_whitespace_only() -> None:
    assert norm("  a \n\t b  ") == "a b"


def test_sentences_split_after_ends_but_not_after_abbreviations() -> None:
    text = "Mr. Vale met Dr. Ruiz in the U.S. capital. They talked. Then J. Smith left!"
    assert split_sentences(text) == [
        "Mr. Vale met Dr. Ruiz in the U.S. capital.",
        "They talked.",
        "Then J. Smith left!",
    ]


def test_sentences_keep_closing_quotes_with_their_sentence() -> None:
    text = "\u201cIt works.\u201d She smiled. \u201cMostly.\u201d"
    assert split_sentences(text) == ["\u201cIt works.\u201d", "She smiled.", "\u201cMostly.\u201d"]


def test_first_sentences_keep_whole_sentences_within_a_budget() -> None:
    from digest.summarize.sentences import first_sentences

    text = "One two three four. Five six seven eight. Nine ten eleven twelve."
    assert first_sentences(text, 9) == "One two three four. Five six seven eight."
    assert first_sentences(text, 2) == "One two three four."  # never empty


@pytest.mark.parametrize(
    ("text", "run"),
    [("ST. JOHN'S", True), ("ÉLODIE", True), ("LY", False), (".LYON", False), (" LYON", False)],
)
def test_a_run_of_capitals_opens_with_a_capital(text: str, run: bool) -> None:
    assert bool(re.fullmatch(capitals(" .'\\-", 3), text)) is run
