"""HTML seeds: the page's metadata for title, author, URL and image; our rules for the rest."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from digest.sources.seeds import read_seed
from digest.summarize import summarize
from digest.summarize.html import read_html

PAGE = Path(__file__).resolve().parent / "seeds_summarize" / "article.html"


def test_html_seed_story() -> None:
    story = summarize(read_seed(PAGE))
    assert story.headline == "Harbour seals return to the old pier"
    assert story.byline == "Ines Marlowe"
    assert story.url == "https://example.org/news/seals-return"  # canonical beats og:url
    assert story.image == "https://example.org/images/seals.jpg"
    assert story.lead[0].startswith("For the first time in twenty years")
    assert story.quotes[0].speaker == "Tomas Ferreira"
    assert "Copyright" not in " ".join(story.lead)


def test_og_url_when_there_is_no_canonical() -> None:
    html = PAGE.read_text(encoding="utf-8").replace('rel="canonical"', 'rel="alternate"')
    _, hints = read_html(html)
    assert hints.url == "https://example.org/og/seals"


def test_title_without_meta_drops_the_site_name() -> None:
    html = (
        "<html><head><title>Seals are back | The Coastal Ledger</title></head><body>"
        "<p>A long enough paragraph about seals on the rocks below the pier, counted on Sunday.</p>"
        "</body></html>"
    )
    _, hints = read_html(html)
    assert hints.title == "Seals are back"


def test_a_logo_h1_loses_to_the_declared_title() -> None:
    html = (
        '<html><head><meta property="og:title" content="Seals return to the pier"></head>'
        "<body><h1>The Coastal Ledger</h1><p>Text.</p></body></html>"
    )
    _, hints = read_html(html)
    assert hints.title == "Seals return to the pier"


def test_broken_html_does_not_raise(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        text, hints = read_html("<<<>>>")
    assert hints.title is None and isinstance(text, str)
