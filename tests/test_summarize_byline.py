"""Byline: the author's name as a person writes it; None when the page has none."""

from __future__ import annotations

import pytest

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.byline import by_line

BODY = (
    "The river authority said on Monday that water levels had fallen to their lowest point "
    "since records began, and asked farmers to stop drawing from the main channel.\n\n"
    "Officials expect the restrictions to last until the autumn rains, which forecasters say "
    "may come late this year after a dry spring across the whole valley.\n"
)


def _byline(text: str) -> str | None:
    return summarize(Seed(source="t.txt", text=text)).byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz", "Ana Ruiz"),
        ("by Tom Vale12 May 2024 3:10pm", "Tom Vale"),
        ("by Ana Ruiz @anaruiz May 12, 2024", "Ana Ruiz"),
        ("By Ana Ruiz (reporting) and Tom Vale (photography)", "Ana Ruiz"),
        ("By Ana Ruiz and Tom Vale", "Ana Ruiz and Tom Vale"),
        ("Posted by ana, Tom, Lee on 2024-05-12, all posts", "ana, Tom, Lee"),
        ("by the river the path is long and winding and very muddy in spring", None),
        ("Reviewed by Ana Ruiz", "Ana Ruiz"),
        ("Published by Ana Ruiz \u00b7 8 min read", "Ana Ruiz"),
        ("By ANA RUIZ Valley Press Service", "ANA RUIZ"),
    ],
)
def test_by_lines(line: str, expected: str | None) -> None:
    assert by_line(line) == expected


def test_all_capitals_byline_is_written_as_a_name() -> None:
    text = f"River falls to a record low\n\nBy ANA RUIZ-VALE\n\n12 May 2024\n\n{BODY}"
    assert _byline(text) == "Ana Ruiz-Vale"


def test_capitals_take_the_page_own_spelling_when_it_has_one() -> None:
    text = (
        f"River falls to a record low\n\n{BODY}\n\n"
        "The interview was edited. \u2014 CHLO\u00c9 DAUMAL\n\n"
        "Chlo\u00e9 Daumal is a freelance writer who covers rivers and farming.\n"
    )
    assert _byline(text) == "Chlo\u00e9 Daumal"


def test_a_bare_name_next_to_the_date_is_the_byline() -> None:
    text = f"River falls to a record low\n\nAna Ruiz\n\n12 May 2024 \u2022 6:40 am\n\n{BODY}"
    assert _byline(text) == "Ana Ruiz"


def test_a_name_with_a_job_title_under_it() -> None:
    text = f"River falls to a record low\n\nTom Vale\n\nSenior Reporter\n\n{BODY}"
    assert _byline(text) == "Tom Vale"


def test_written_by_in_the_footer() -> None:
    text = f"River falls to a record low\n\n{BODY}\n\nWritten by\n\nAna Ruiz\n\nFollow"
    assert _byline(text) == "Ana Ruiz"


def test_no_byline_gives_none() -> None:
    text = (
        f"River falls to a record low\n\n12 May 2024\n\n{BODY}\n\nAnalysis: the valley, a dry year"
    )
    assert _byline(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ana Ruiz, Science Correspondent", "Ana Ruiz"),
        ("By Ana Ruiz and Tom Vale, Staff Writers", "Ana Ruiz and Tom Vale"),
        ("By Ana Ruiz, Reuters", "Ana Ruiz"),
        ("By Ana Ruiz | Published May 3, 2024", "Ana Ruiz"),
        ("By Our Foreign Staff", "Our Foreign Staff"),
        ("3/14/2016 8:05 AM PST BY ANA RUIZ", "ANA RUIZ"),
        ("by Tom Vale - Nov 3, 2015 9:43pm UTC", "Tom Vale"),
    ],
)
def test_by_lines_drop_jobs_agencies_and_dates(line: str, expected: str) -> None:
    assert by_line(line) == expected


def test_a_name_over_its_publication_and_date() -> None:
    text = f"River falls to a record low\n\nAna Ruiz\n\nThe Valley Post\n\nMay 12, 2024\n\n{BODY}"
    assert _byline(text) == "Ana Ruiz"


def test_a_name_with_its_job_after_a_comma() -> None:
    text = f"River falls to a record low\n\nTom Vale, Senior Staff Writer\n\n{BODY}"
    assert _byline(text) == "Tom Vale"


def test_a_name_in_a_place_above_the_story() -> None:
    top = "River falls to a record low\n\nA dry spring empties the valley"
    text = f"{top}\n\nAna Ruiz in Lyon\n\n{BODY}"
    assert _byline(text) == "Ana Ruiz"


def test_an_author_box_at_the_top_is_the_byline_and_the_bio_is_not_the_lead() -> None:
    bio = "Ana Ruiz is a former river warden and writes a monthly column for the Valley Post."
    text = f"Why the river matters\n\nAna Ruiz\n\n{bio}\n\n12 May 2024\n\n{BODY}"
    story = summarize(Seed(source="t.txt", text=text))
    assert story.byline == "Ana Ruiz"
    assert story.headline == "Why the river matters"
    assert story.lead[0].startswith("The river authority")


def test_a_name_under_a_date_and_a_programme_label() -> None:
    text = (
        f"River falls to a record low\n\n12 May 2024\n\nHeard on Morning News\n\nAna Ruiz\n\n{BODY}"
    )
    assert _byline(text) == "Ana Ruiz"


def test_a_wire_credit_line_under_the_story() -> None:
    text = f"River falls to a record low\n\n{BODY}\n(Reporting by Ana Ruiz; Editing by Tom Vale)\n"
    assert _byline(text) == "Ana Ruiz"


def test_authors_over_an_editor_line_in_one_block() -> None:
    text = (
        "Chapter 4 - Measuring the river\n\n"
        "Written by Ana Ruiz, Tom Vale, and Lee Park\nEdited by Jo Okafor\n\n" + BODY
    )
    assert _byline(text) == "Ana Ruiz, Tom Vale, Lee Park"


def test_posted_by_under_a_blog_post() -> None:
    text = (
        f"The road over the moor, in sleet\n\n{BODY}\nPosted by Ana Ruiz at 18:42\n\nLabels: moors"
    )
    assert _byline(text) == "Ana Ruiz"
