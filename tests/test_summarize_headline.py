"""Headline: the article's own title, not the site name, a kicker, an ad or a menu item."""

from __future__ import annotations

from digest.model import Seed
from digest.summarize import summarize
from digest.summarize.blocks import split_blocks
from digest.summarize.candidates import headline_candidates
from digest.summarize.features import PageView
from digest.summarize.headline import drop_site_name
from digest.summarize.page import CHROME, Page, analyse

PARAGRAPHS = (
    "The river authority said on Monday that water levels had fallen to their lowest point "
    "since records began, and asked farmers to stop drawing from the main channel.\n\n"
    "Officials expect the restrictions to last until the autumn rains, which forecasters say "
    "may come late this year after a dry spring across the whole valley.\n\n"
    "Boat owners have been told to move their vessels before the weekend, when the lock "
    "gates will be closed for inspection and repairs to the old sluices.\n"
)


def _headline(top: str) -> str:
    return summarize(Seed(source="t.txt", text=top + "\n\n" + PARAGRAPHS)).headline


def test_title_above_the_byline_beats_menu_and_site_name() -> None:
    top = "Home\n\nNews\n\nSport\n\nThe Valley Post\n\nRiver falls to a record low\n\nBy Ana Ruiz"
    assert _headline(top) == "River falls to a record low"


def test_a_section_kicker_is_not_the_headline() -> None:
    top = "WATER WATCH: A column on the state of our rivers\n\nRiver falls to a record low"
    assert _headline(top) == "River falls to a record low"


def test_an_ad_repeated_inside_the_body_is_not_the_headline() -> None:
    ad = "Save 20% on garden hoses this week only"
    paragraphs = PARAGRAPHS.split("\n\n")
    text = "\n\n".join(
        [ad, "River falls to a record low", "12 May 2024", paragraphs[0], ad, *paragraphs[1:]]
    )
    assert summarize(Seed(source="t.txt", text=text)).headline == "River falls to a record low"


def test_a_title_printed_twice_wins_over_a_standfirst() -> None:
    top = (
        "River falls to a record low\n\nShare\n\nTweet\n\nRiver falls to a record low\n\n"
        "Farmers are asked to stop drawing water. Boats must move."
    )
    assert _headline(top) == "River falls to a record low"


def test_a_list_of_links_to_other_stories_is_not_the_headline() -> None:
    top = (
        "Why the ferry timetable changed again this spring\n\n"
        "Ten walks along the canal for a dry summer weekend\n\n"
        "How the market hall was saved from demolition\n\n"
        "Sign in\n\n14 May 2024\n\nRiver falls to a record low, and farmers are told to wait\n\n"
        "Restrictions could last until autumn. Boats must move.\n\nAna Ruiz\n\nShare"
    )
    assert _headline(top) == "River falls to a record low, and farmers are told to wait"


def test_a_site_name_suffix_seen_in_the_chrome_is_dropped() -> None:
    top = "River falls to a record low | The Valley Post\n\nHome\n\nNews\n\nSport\n\nWorld"
    text = top + "\n\n" + PARAGRAPHS + "\n\n\u00a9 2024 The Valley Post. All rights reserved.\n"
    assert summarize(Seed(source="t.txt", text=text)).headline == "River falls to a record low"


def test_a_dash_inside_a_title_is_kept() -> None:
    assert _headline("Drought - the worst in a century\n\n12 May 2024") == (
        "Drought - the worst in a century"
    )


def test_a_short_line_built_on_a_menu_item_is_not_the_title() -> None:
    top = (
        "Home\n\nMorning News\n\nPodcasts\n\nDonate\n\n"
        "The ferry keeper of the lower valley\n\n12 May 2024\n\nHeard on Morning News\n\nAna Ruiz"
    )
    assert _headline(top) == "The ferry keeper of the lower valley"


def test_a_breadcrumb_is_not_a_title_over_its_dek() -> None:
    top = "Home \u203a Rivers \u203a Drought\n\nRiver falls to a record low\n\nBy Ana Ruiz"
    assert _headline(top) == "River falls to a record low"


def test_a_three_word_title_over_its_dek() -> None:
    # An obituary's first paragraph names its subject, as the title does.
    page = (
        "Ana Ruiz obituary\n\nRiver warden, rower and founder of the valley boat club\n\n"
        "Tom Vale\n\nAna Ruiz, who has died aged 81, kept the lower weir for thirty years and "
        "taught half the valley to row, holding the post with a stubborn grace.\n\n"
        "She was born in the mill cottages and never moved further than the next village.\n"
    )
    assert summarize(Seed(source="t.txt", text=page)).headline == "Ana Ruiz obituary"


def test_a_one_word_title_the_first_paragraph_defines() -> None:
    menu = "Main page\n\nContents\n\nRandom article\n\nAbout"
    top = f"{menu}\n\nMarrowdale\n\nFrom the valley reference, free to all"
    body = (
        "Marrowdale is a village in the upper Marrow valley, about nine miles north of the "
        "market town, with a corn mill recorded in the thirteenth century.\n\n" + PARAGRAPHS
    )
    assert summarize(Seed(source="t.txt", text=f"{top}\n\n{body}")).headline == "Marrowdale"


def test_a_short_title_at_the_end_of_the_menu_over_its_dek() -> None:
    top = (
        "News\n\nSport\n\nObituaries\n\nJobs\n\nAna Ruiz obituary\n\n"
        "River warden, rower and founder of the valley boat club\n\nTom Vale\n\n12 May 2024"
    )
    body = "Ana Ruiz, who has died aged 88, kept the river locks for forty years.\n\n" + PARAGRAPHS
    assert summarize(Seed(source="t.txt", text=f"{top}\n\n{body}")).headline == "Ana Ruiz obituary"


def test_a_section_label_at_the_end_of_the_menu_is_not_the_title() -> None:
    top = (
        "News\n\nSport\n\nObituaries\n\nJobs\n\nLocal News\n\n"
        "River falls to a record low as the valley dries out\n\nBy Tom Vale\n\n12 May 2024"
    )
    assert _headline(top) == "River falls to a record low as the valley dries out"


def test_a_title_case_title_over_its_by_line_in_a_run_of_buttons() -> None:
    top = (
        "The Valley Kitchen\n\nRecipes\n\nAbout\n\nShop\n\nJump to Recipe\n\nPrint Recipe\n\n"
        "Brown Butter Oat Biscuits\n\nBy Ana Ruiz\n\nPublished: 11/02/2024"
    )
    story = summarize(Seed(source="t.txt", text=f"{top}\n\n{PARAGRAPHS}"))
    assert (story.headline, story.byline) == ("Brown Butter Oat Biscuits", "Ana Ruiz")


def test_a_title_the_first_paragraph_defines_in_lower_case() -> None:
    top = "Main page\n\nContents\n\nAbout\n\nHelp\n\nSlate Quarrying\n\nFrom the valley reference"
    body = (
        "Slate quarrying is the extraction of slate from open pits, and was the main industry "
        "of the upper valley for nearly two hundred years.\n\n" + PARAGRAPHS
    )
    assert summarize(Seed(source="t.txt", text=f"{top}\n\n{body}")).headline == "Slate Quarrying"


def _page(text: str) -> Page:
    return analyse(split_blocks(text))


def test_a_breadcrumb_trail_glued_to_the_title_is_no_candidate() -> None:
    for trail in ("Home › Rivers › ", "HomeRivers", "Home / Rivers / "):  # noqa: RUF001
        page = _page(
            f"Home\n\nNews\n\nRivers\n\nSport\n\n{trail}River falls to a record low\n\n"
            f"River falls to a record low\n\n14 May 2024\n\n{PARAGRAPHS}"
        )
        texts = [page.blocks[c.index].text for c in headline_candidates(PageView(page, None))]
        assert "River falls to a record low" in texts, trail
        assert f"{trail}River falls to a record low" not in texts, trail


def test_a_short_title_inside_a_longer_line_keeps_that_line() -> None:
    # Only a title long enough to stand alone makes the line above it a trail.
    page = _page(f"Flood warning: Rivers\n\nRivers\n\n14 May 2024\n\n{PARAGRAPHS}")
    texts = [page.blocks[c.index].text for c in headline_candidates(PageView(page, None))]
    assert "Flood warning: Rivers" in texts


def test_a_subtitle_a_breadcrumb_repeats_is_not_taken_for_a_site_name() -> None:
    title = "River Watch \u2013 the valley after a dry spring"
    trail = f"Home › News › {title}"  # noqa: RUF001
    page = _page(f"Home\n\nNews\n\nSport\n\n{trail}\n\n{title}\n\n{PARAGRAPHS}")
    at = next(i for i, b in enumerate(page.blocks) if b.text == title)
    assert page.labels[at - 1].kind == CHROME  # the trail stands in the chrome
    assert drop_site_name(page, at) == title
    # A tail the chrome prints on its own is the site's name.
    title = "River Watch \u2013 The Valley Post"
    legal = "© 2024 The Valley Post. All rights reserved."
    page = _page(f"Home\n\nNews\n\n{title}\n\n{PARAGRAPHS}\n\n{legal}")
    at = next(i for i, b in enumerate(page.blocks) if b.text == title)
    assert drop_site_name(page, at) == "River Watch"


def test_a_credit_line_or_a_web_address_is_no_candidate() -> None:
    lines = ("\u2014 Ana Ruiz on Sunday, May 12th, 2024 in a speech", "More info: www.example.org")
    page = _page("Home\n\nNews\n\n" + "\n\n".join(lines) + f"\n\n14 May 2024\n\n{PARAGRAPHS}")
    texts = [page.blocks[c.index].text for c in headline_candidates(PageView(page, None))]
    assert not set(lines) & set(texts)


def test_a_line_opening_with_the_pages_own_label_is_no_candidate() -> None:
    lines = (
        "Watch: the river at dawn as the water falls",
        "Read more: Ten walks along the canal",
        "Updated: 14 May 2024, 9:12",
    )
    page = _page("Home\n\nNews\n\n" + "\n\n".join(lines) + f"\n\nRiver Watch\n\n{PARAGRAPHS}")
    texts = [page.blocks[c.index].text for c in headline_candidates(PageView(page, None))]
    assert not set(lines) & set(texts)
    assert "River Watch" in texts  # a title may hold the word; it does not open with the label


def test_a_video_teaser_over_a_short_title_is_not_the_headline() -> None:
    top = (
        "Video\n\n0:00 / 2:31\n\nWatch: the river at dawn as the water falls\n\n"
        "Low Water\n\nA dry spring leaves the valley counting the cost.\n\nBy Ana Ruiz"
    )
    assert _headline(top) == "Low Water"
