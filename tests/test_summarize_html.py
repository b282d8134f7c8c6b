"""HTML seeds: the page's metadata for title, author, URL and image; our rules for the rest."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from digest.model import Seed
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


def test_broken_html_does_not_raise_or_log_an_error(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        text, hints = read_html("<<<>>>")
    assert text == "" and hints.title is None
    # trafilatura logs its own parse errors (the CLI keeps them off the terminal); ours: none.
    assert [r.getMessage() for r in caplog.records if r.name.startswith("digest")] == []


FESTIVAL = Path(__file__).resolve().parent / "seeds_summarize" / "festival.html"


def test_an_html_page_and_its_text_twin_give_the_same_story() -> None:
    """The same page as HTML and as the text a scraper gets: a quote broken by <br>, a
    pull quote in an <aside>, a caption and a quoted post; same quotes, same speakers."""
    from_html = summarize(read_seed(FESTIVAL))
    from_text = summarize(read_seed(FESTIVAL.with_suffix(".txt")))
    assert from_html.quotes == from_text.quotes
    assert [q.speaker for q in from_html.quotes] == [
        "Hana Lisk",  # the pull quote repeats her words: first
        "Marek Ostrow",  # his quote runs over a <br>
        "Tomas Ebb",
        "Ruth Amsel",
    ]
    assert from_html.quotes[1].text.startswith("The square was never built")
    assert from_html.quotes[1].text.endswith("a few hundred more into it")
    assert (from_html.byline, from_html.lead) == (from_text.byline, from_text.lead)


def test_a_line_break_stays_inside_its_paragraph() -> None:
    text, _ = read_html(FESTIVAL.read_text(encoding="utf-8"))
    assert "candles,\nand every year" in text
    assert "\n\nShopkeepers around the square" in text


def _byline(head: str, body: str = "") -> str | None:
    html = f"<html><head>{head}</head><body>{body}<p>{'Some words of the story. ' * 8}</p>"
    return read_html(html + "</body></html>")[1].byline


def _ld(author: str, graph: str = "") -> str:
    extra = f", {graph}" if graph else ""
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        f'[{{"@type": "NewsArticle", "author": {author}}}{extra}]}}</script>'
    )


@pytest.mark.parametrize(
    ("head", "body", "byline"),
    [
        (_ld('"Ines Marlowe"'), "", "Ines Marlowe"),
        (
            _ld('[{"@type": "Person", "name": "Ines Marlowe"}, {"name": "Olu Adeyemi"}]'),
            "",
            "Ines Marlowe and Olu Adeyemi",
        ),
        (
            _ld('{"@id": "#p1"}', '{"@type": "Person", "@id": "#p1", "name": "Ines Marlowe"}'),
            "",
            "Ines Marlowe",
        ),
        (_ld('{"@type": "Person", "url": "https://example.org/staff/ines"}'), "", None),
        (_ld('{"@type": "Organization", "name": "The Coastal Ledger"}'), "", None),
        (
            "",
            '<span itemprop="author" itemscope><span itemprop="name">Ines Marlowe</span>'
            "<span>Staff writer</span></span>",
            "Ines Marlowe",
        ),
        ("", '<meta itemprop="author" content="Ines Marlowe">', "Ines Marlowe"),
        ("", '<p>By <a rel="author" href="/staff/ines">Ines Marlowe</a></p>', "Ines Marlowe"),
        ('<meta name="author" content="By Ines Marlowe">', "", "Ines Marlowe"),
        ('<meta property="article:author" content="https://example.org/ines">', "", None),
        ('<meta property="article:author" content="Ines Marlowe">', "", "Ines Marlowe"),
        (
            '<meta property="og:site_name" content="The Coastal Ledger">'
            '<meta name="author" content="The Coastal Ledger">',
            "",
            None,
        ),
    ],
)
def test_the_byline_the_markup_declares(head: str, body: str, byline: str | None) -> None:
    assert _byline(head, body) == byline


def test_a_person_in_json_ld_beats_a_meta_author() -> None:
    head = '<meta name="author" content="Web Desk">' + _ld('{"name": "Ines Marlowe"}')
    assert _byline(head) == "Ines Marlowe"


_OPENING = (
    "<p>The council met on Monday evening to discuss the old bridge, which has been closed "
    "since the winter floods damaged its piers, its railings and the road across it. Buses "
    "have gone the long way round by the ring road ever since, adding twenty minutes.</p>"
)
_AFTER = "<p>The next meeting is on the first Monday of April, in the town hall.</p>"


@pytest.mark.parametrize(
    "shown",
    [
        # An inline <q>: the browser draws the marks, so the page's text has them.
        "<p>The mayor was blunt. <q>We will not reopen the bridge until the engineers "
        "say it is safe,</q> Ana Ruiz said.</p>",
        # Paragraphs set apart by two <br> inside one element; a newline in the source
        # is only a space.
        "<div>A packed hall heard the engineers' report.<br><br>\u201cWe will not reopen "
        "the bridge until the engineers say it is safe,\u201d\nsaid Ana Ruiz.<br>\n<br>"
        "The vote was unanimous.</div>",
        # A quoted post whose attribution sits in the blockquote's <footer> or <cite>.
        "<blockquote><p>We will not reopen the bridge until the engineers say it is safe."
        "</p><footer>\u2014 <cite>Ana Ruiz, mayor</cite></footer></blockquote>",
        "<blockquote><p>We will not reopen the bridge until the engineers say it is safe."
        "</p><cite>\u2014 Ana Ruiz</cite></blockquote>",
    ],
)
def test_what_the_browser_shows_is_what_the_quote_finder_reads(shown: str) -> None:
    html = (
        "<html><body><article><h1>Bridge stays shut</h1>"
        f"{_OPENING}{shown}{_AFTER}</article></body></html>"
    )
    quotes = summarize(Seed(source="bridge.html", text=html, kind="html")).quotes
    assert [(q.text.rstrip("."), q.speaker) for q in quotes] == [
        ("We will not reopen the bridge until the engineers say it is safe", "Ana Ruiz")
    ]


def test_the_visible_byline_counts_when_the_markup_declares_none() -> None:
    html = FESTIVAL.read_text(encoding="utf-8")
    bare = html.replace(' rel="author"', "").replace(' class="byline"', "")
    text, hints = read_html(bare)
    assert hints.byline is None
    assert "river\n\nBy Petra Holloway\n\n2 March 2026\n\nThe town's" in text
    assert summarize(Seed(source="f.html", text=bare, kind="html")).byline == "Petra Holloway"
    classed = html.replace(' rel="author"', "")
    assert read_html(classed)[1].byline == "Petra Holloway"
