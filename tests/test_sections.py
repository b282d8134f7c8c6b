"""Sections: stories grouped under headings, in the order digest.toml lists them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from digest.build import build
from digest.config import Config, ConfigError, Section, load_config
from digest.model import Story
from digest.sections import arrange
from digest.sources.feeds import parse_feed
from digest.summarize.html import read_html

DAY = dt.date(2026, 11, 30)
BODY = (
    "The council met on Tuesday and voted to repair the old bridge over the river Anselm.\n\n"
    "Repairs start in spring and the bridge will close to cars for most of the summer.\n"
)
SECTIONS = (Section("local", "Around town"), Section("sport", max=2), Section("arts"))


def _story(name: str, section: str | None) -> Story:
    return Story(name, None, ("A lead.",), source=f"seeds/{name}.md", section=section)


def test_arrange_orders_by_section_caps_and_puts_the_rest_in_more() -> None:
    stories = [
        _story("lead", "arts"),
        _story("s1", "Sport"),
        _story("x", None),
        _story("a1", "arts"),
        _story("s2", "sport"),
        _story("l1", "local"),
        _story("s3", "sport"),
        _story("y", "weather"),
    ]
    ordered, headings = arrange(stories, SECTIONS, "More")
    assert [s.headline for s in ordered] == ["lead", "l1", "s1", "s2", "a1", "x", "y"]
    assert headings == (None, "Around town", "sport", None, "arts", "More", None)


def test_no_sections_keeps_the_stories_as_they_are() -> None:
    stories = [_story("a", "sport"), _story("b", None)]
    assert arrange(stories, (), "More") == (stories, ())


def test_digest_toml_sections_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(
        'more_section = "Also this week"\n\n[[sections]]\nname = "local"\ntitle = "Around town"\n'
        '\n[[sections]]\nname = "sport"\nmax = 2\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.sections == (Section("local", "Around town"), Section("sport", None, 2))
    assert config.more_section == "Also this week"
    path.write_text('[[sections]]\nname = "sport"\nmax = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"digest.toml:3: 'sections.max' = 0"):
        load_config(path)
    path.write_text('sections = "sport"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[\[sections\]\] tables"):
        load_config(path)


def _seeds(tmp_path: Path, sections: dict[str, str | None]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, section in sections.items():
        front = f"---\ntitle: Story {name}\n" + (f"section: {section}\n" if section else "")
        (folder / f"{name}.md").write_text(front + "---\n" + BODY, encoding="utf-8")
    return folder


def test_sections_head_the_html_the_contents_and_the_text_part(tmp_path: Path) -> None:
    seeds = _seeds(
        tmp_path,
        {"a": None, "b": "Arts", "c": "Sport", "d": None, "e": "Local", "f": "Sport", "g": "Sport"},
    )
    config = Config(sections=SECTIONS)
    email = build([seeds], config, DAY).email
    tree = lxml.html.fromstring(email.html)
    order = [
        (el.get("class"), el.text_content().strip())
        for el in tree.xpath('//h2[@class="sh" or contains(@class, "h2")]')
    ]
    assert order == [
        ("h2 lh", "Story a"),
        ("sh", "Around town"),
        ("h2", "Story e"),
        ("sh", "sport"),
        ("h2", "Story c"),
        ("h2", "Story f"),
        ("sh", "arts"),
        ("h2", "Story b"),
        ("sh", "More"),
        ("h2", "Story d"),
    ]
    contents = [p.text_content().strip() for p in tree.xpath('//p[@class="ts"]')]
    assert contents == ["Around town", "sport", "arts", "More"]
    text = email.text
    places = [text.index(w) for w in ("AROUND TOWN", "Story e", "SPORT", "ARTS", "MORE", "Story d")]
    assert places == sorted(places)
    assert "Story g" not in text and "Story g" not in email.html  # sport holds 2


def test_without_sections_the_email_has_no_headings(tmp_path: Path) -> None:
    email = build([_seeds(tmp_path, {"a": "Sport", "b": None})], Config(), DAY).email
    assert 'class="sh"' not in email.html and ".sh" not in email.html


def test_a_page_section_and_a_feed_category_are_the_story_section() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Corvell Post">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "Sport"}'
        "</script></head><body><article><h1>A match</h1><p>"
        + "The home side won the cup final on Saturday in front of a full stand. " * 3
        + "</p></article></body></html>"
    )
    _, hints = read_html(page)
    assert (hints.section, hints.site) == ("Sport", "Corvell Post")
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Corvell</title>'
        b"<item><title>A match</title><link>https://news.example/m</link>"
        b"<category>Sport</category></item></channel></rss>"
    )
    (item,) = parse_feed(feed, "feed.xml")
    assert item.hints().section == "Sport"
