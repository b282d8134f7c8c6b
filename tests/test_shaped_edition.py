"""The shaped example edition (examples/shaped-edition.*): twelve stories, a lead story,
three sections (one capped at two), a sponsor slot after story 4, one story in Arabic."""

from __future__ import annotations

import lxml.html

from conftest import ROOT
from digest.render.check import check_html
from digest.render.inbox import KB

EXAMPLES = ROOT / "examples"
HTML = (EXAMPLES / "shaped-edition.html").read_text(encoding="utf-8")
TEXT = (EXAMPLES / "shaped-edition.txt").read_text(encoding="utf-8")
SECTIONS = ["Around Riverside", "health", "Culture and events", "More"]


def test_it_is_under_60_kb_and_checks_clean() -> None:
    assert len(HTML.encode("utf-8")) < 60 * KB
    assert check_html(HTML) == []  # what `digest check --strict` passes


def test_twelve_stories_the_lead_first_and_the_sections_in_order() -> None:
    tree = lxml.html.fromstring(HTML)
    stories = tree.xpath('//table[starts-with(@id, "story-")]')
    assert len(stories) == 12
    headings = [h.text_content().strip() for h in tree.xpath('//h2[@class="sh"]')]
    assert headings == SECTIONS
    assert [p.text_content().strip() for p in tree.xpath('//p[@class="ts"]')] == SECTIONS
    (lead,) = tree.xpath('//h2[contains(@class, "lh")]')
    assert lead.xpath("ancestor::table[1]/@id") == ["story-1"]
    places = [TEXT.index(f"\n{name.upper()}\n") for name in SECTIONS]
    assert places == sorted(places)


def test_the_sponsor_follows_story_4_and_the_arabic_story_runs_right_to_left() -> None:
    tree = lxml.html.fromstring(HTML)
    (slot,) = tree.xpath('//table[@class="slot"]')
    assert slot.getprevious().get("id") == "story-4"
    (arabic,) = tree.xpath("//table[@dir]")
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl")
    assert "SPONSORED" in TEXT
