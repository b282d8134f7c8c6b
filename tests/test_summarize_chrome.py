"""Site chrome: captions, credits, comments, bios, datelines, menus, code."""

from __future__ import annotations

import pytest

from digest.summarize.blocks import split_blocks
from digest.summarize.page import CAPTION, CHROME, CODE, COMMENT, DATE, PROSE, analyse, classify


def _kind(text: str) -> str:
    return classify(split_blocks(text)[0])[0]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor visits the flooded market on Monday. Photo: Lena Hart/Getty Images",
        "Volunteers at the shed, where the cooperative began in 2019. REUTERS",
        "A pier at dawn (Credit: Tom Vale/AP)",
        "Media caption The minister explains the plan to reporters",
        "Photograph: Ana Ruiz for the Ledger",
        "In this photo taken on Tuesday, workers repair the roof of the old station.",
        "The old depot has stood empty since 2021. (Ana Ruiz / Valley Press)",
        "Floodwater surrounds the lower town. (Valley Radio: Tom Vale)",
    ],
)
def test_captions_and_credits(text: str) -> None:
    assert _kind(text) == CAPTION


def test_a_short_line_above_a_bare_credit_is_a_caption() -> None:
    page = analyse(split_blocks("The editor, at her desk in the newsroom.\n\nPhoto by Ana Ruiz\n"))
    assert page.labels[0].kind == CAPTION


@pytest.mark.parametrize(
    "text",
    [
        "3 days ago",
        "Notify of",
        "Oldest Most Voted",
        "12 Comments",
        "View all comments",
        "Leave a Reply",
        "Join the conversation",
        "Ana R. 2 hours ago",
        "2 years ago \u00b7 Reply",
        "Log in to comment",
    ],
)
def test_comment_thread_markers(text: str) -> None:
    assert _kind(text) == COMMENT


@pytest.mark.parametrize(
    "text",
    [
        "The water board declined to comment on the report when asked on Monday.",
        "A year ago the board rejected a similar offer from a private developer.",
        "The same sensor was serviced 3 weeks ago, according to maintenance records.",
        "In reply to a question, the minister said the dam would be inspected again.",
        "It was not what the newest members expected, said the oldest of the rowers.",
    ],
)
def test_news_sentences_with_comment_words_are_prose(text: str) -> None:
    assert _kind(text) == PROSE


@pytest.mark.parametrize(
    "text",
    [
        "The regatta is sponsored by a local building society for the third year running.",
        "The council will publish the results in its next newsletter to residents.",
        "Parents can learn more at an open evening at the boat club on Thursday.",
        "Next month I plan to cover more about using the old ferry routes.",
        "The band lost a copyright case over the song in 2019, and appealed.",
    ],
)
def test_news_sentences_with_chrome_words_are_prose(text: str) -> None:
    assert _kind(text) == PROSE


@pytest.mark.parametrize(
    "text",
    [
        "Hear it here first. Sign up to get word of our workshops and open days.",
        "Get the best of the valley in your inbox every Saturday morning.",
        "Copyright 2025 Valley Radio. This transcript may be updated in future.",
        "This article appeared in the May 2025 issue of the magazine.",
    ],
)
def test_chrome_sentences_that_speak_to_the_reader_are_chrome(text: str) -> None:
    assert _kind(text) == CHROME


def test_everything_after_a_comment_marker_past_the_body_is_the_thread() -> None:
    body = "\n\n".join(
        f"Paragraph {n} of the story has enough words to read as a proper sentence here."
        for n in range(6)
    )
    page = analyse(
        split_blocks(
            f"{body}\n\n4 Comments\n\nA reader\n\nI loved this piece very much indeed, thank you.\n"
        )
    )
    assert page.labels[-1].kind == COMMENT and page.labels[-2].kind == COMMENT


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz is a freelance reporter who covers rivers. Follow her on Twitter @anaruiz.",
        "Tom Vale has a degree in economics and was most recently an editor at a daily paper.",
    ],
)
def test_author_bios(text: str) -> None:
    assert classify(split_blocks(text)[0]) == (CHROME, "dropped: author bio")


@pytest.mark.parametrize(
    "text", ["24 July 2015", "March 3, 2025 \u2022 6:40 am", "Updated 2024-05-01 10:12 UTC"]
)
def test_datelines(text: str) -> None:
    assert _kind(text) == DATE


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement",
        "Share on Facebook",
        "Share Tweet Share",
        "Related Posts",
        "Subscribe to our newsletter",
        "We use cookies to improve your experience. Accept all cookies",
        "\u00a9 2025 The Weekly Furrow. All rights reserved.",
        "653",
        "1 of 4",
        "toggle caption",
        "Enlarge this image",
        "Home \u203a Rivers \u203a Drought",
        "Home / News / 2025",
        "This post may contain affiliate links. Please read our disclosure policy.",
    ],
)
def test_chrome_lines(text: str) -> None:
    assert _kind(text) == CHROME


def test_a_run_of_short_labels_is_a_menu() -> None:
    page = analyse(split_blocks("News\n\nSport\n\nWeather\n\nTravel Deals\n\nCulture\n"))
    assert {label.kind for label in page.labels} == {CHROME}


def test_code_samples() -> None:
    assert _kind("function greet(name) {\n  return name;\n}") == CODE


def test_a_real_paragraph_is_prose() -> None:
    assert _kind("The council met on Tuesday and voted to repair the old bridge.") == PROSE


def test_a_caption_whose_credit_follows_dots() -> None:
    assert _kind("The ferry at dawn on the lower landing.Credit...Ana Ruiz for The Post") == CAPTION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("September 20, 2018", DATE),
        ("Sept. 3rd 2018 | by Ana Ruiz", DATE),
        ("September 2018 open thread", "text"),  # a month and a year name the story
        ("May 2024 reading list", "text"),
    ],
)
def test_a_date_is_a_day_not_a_month_and_year(text: str, kind: str) -> None:
    assert _kind(text) == kind


def test_a_short_title_over_its_date_in_a_run_of_links_is_not_a_menu_item() -> None:
    body = (
        "Our harbour thread is open for questions about the new ferry timetable, the "
        "repairs to the sluices and the plans for the market hall this winter."
    )
    page = analyse(
        split_blocks(
            "Home\n\nDonate\n\nThe Harbour Blog\n\nHarbour open thread\n\nPrevious Post\n\n"
            f"Next Post\n\n10 May 2024 | by Ana Ruiz\n\n{body}\n\n{body}"
        )
    )
    kinds = {b.text: page.labels[i].kind for i, b in enumerate(page.blocks)}
    assert kinds["Harbour open thread"] == "text"
    assert kinds["The Harbour Blog"] == CHROME
    assert kinds["Previous Post"] == CHROME
