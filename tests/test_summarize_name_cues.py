"""Names found between cues: matched loosely by what stands around them, then checked
against the name pattern, so each answer is the one a single pattern would give."""

from __future__ import annotations

import pytest

from digest.summarize import speakers
from digest.summarize.blocks import Block
from digest.summarize.byline import sign_off
from digest.summarize.chrome import is_bio


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("— Ana Ruiz, Chair", "Ana Ruiz"),
        ("\u2013 Dr. J.R. Okafor", "Dr. J.R. Okafor"),  # an en dash
        ("— Ana Ruiz , Chair", None),  # a name ends at the comma, not before a space
        ("— ana ruiz", None),
        ("— Ana Ruiz, 12 May", None),  # a date is not a role
    ],
)
def test_a_sign_off_is_a_dash_and_a_name(text: str, name: str | None) -> None:
    assert sign_off(text) == name


@pytest.mark.parametrize(
    ("text", "bio"),
    [
        ("Ana Ruiz is a reporter who covers rivers.", True),
        ("about the author: Tom Vale writes about courts as a freelance reporter.", True),
        ("ana ruiz is a reporter.", False),
        ("Ana Ruiz and Tom Vale are reporters.", False),
    ],
)
def test_a_bio_opens_with_a_name_and_its_verb(text: str, bio: bool) -> None:
    assert is_bio(Block(0, text, (text,), 0)) is bio


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        (" said chief inspector Ana Ruiz.", "chief inspector Ana Ruiz"),
        (" said Ana Ruiz, 34.", "Ana Ruiz"),
        (", says the report.", "the report"),
        (" she said.", "she"),
        (" said they.", "they"),
        (" said the mayor of Lyon.", None),  # names Lyon, not who spoke
        (", according to the Water Board.", "the Water Board"),
    ],
)
def test_the_speaker_after_a_quote(after: str, speaker: str | None) -> None:
    assert speakers.speaker_after(after) == speaker


def test_according_to_before_a_quote_names_the_source() -> None:
    assert speakers.speaker_before("The plan worked, according to Ana Ruiz") == "Ana Ruiz"
    assert speakers.speaker_before("It rained. According to the report") is None


def test_a_title_before_a_name_is_not_the_subject() -> None:
    book = speakers.NameBook("Team captain Ana Ruiz spoke. Ruiz left.")
    assert speakers.recent_subject("Team captain Ana Ruiz, 34, spoke to us.", book) == "Ana Ruiz"
    assert speakers.recent_subject("Her sister Ana Ruiz agreed.", book) == "Ana Ruiz"
