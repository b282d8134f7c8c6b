"""RSS and Atom items, and choosing the week's with --since / --last."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.errors import InputError
from digest.sources.feeds import FeedItem, looks_like_feed, parse_feed, select
from localweb import STORIES, atom, rss

BASE = "https://valley.example/feed.xml"


class FakeWeb:
    """Only for building feed text: the links point at a made-up host."""

    def url(self, path: str) -> str:
        return f"https://valley.example{path}"


def test_rss_items_give_link_title_author_date_image_and_summary() -> None:
    items = parse_feed(rss(FakeWeb(), STORIES[:2]), "feed.xml")  # type: ignore[arg-type]
    first = items[0]
    assert first.link == "https://valley.example/news/story-0.html"
    assert first.title == "Night Buses Return to the Eastern Line"
    assert first.author == "Mara Quill"
    assert first.published == dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)
    assert first.image == "https://img.valley.example/story-0.jpg"
    assert first.content is not None and "<p>Feed summary: The eastern night bus" in first.content
    assert first.hints().date == "2026-11-29" and first.hints().byline == "Mara Quill"


def test_atom_relative_links_are_resolved_against_the_feed_url() -> None:
    items = parse_feed(atom(FakeWeb(), STORIES[:3]), "atom.xml", BASE)  # type: ignore[arg-type]
    assert [i.link for i in items] == [
        f"https://valley.example/news/story-{n}.html" for n in range(3)
    ]
    assert items[2].author == "Ines Okafor" and items[2].published is not None
    assert items[0].content is not None and "Feed text:" in items[0].content


def test_only_web_links_are_kept() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>Bad</title><link>javascript:alert(1)</link>"
        b"<description>text</description></item></channel></rss>"
    )
    (item,) = parse_feed(feed, "x.xml", BASE)
    assert item.link is None and item.title == "Bad"


def test_a_page_is_not_a_feed() -> None:
    with pytest.raises(InputError, match=r"page\.xml: not a readable RSS or Atom feed"):
        parse_feed(b"<html><body><p>Hello</p></body></html>", "page.xml")


def test_an_empty_feed_says_so() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(InputError, match="the feed has no items"):
        parse_feed(empty, "empty.xml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b'\xef\xbb\xbf<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>\n<rss>', True),
        (b'<!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b"<!doctype html><html><body>", False),
        (b"A story about the new <rss> reader and a <feed> for cattle", False),
    ],
)
def test_feeds_are_recognised_by_their_root(data: bytes, expected: bool) -> None:
    assert looks_like_feed(data) is expected


def item(day: int | None, title: str) -> FeedItem:
    published = dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC) if day else None
    return FeedItem(link=None, title=title, published=published)


FEED = [item(29, "a"), item(27, "b"), item(None, "undated"), item(28, "c"), item(20, "old")]


def titles(items: list[FeedItem]) -> list[str | None]:
    return [i.title for i in items]


def test_since_keeps_items_from_that_day_on() -> None:
    assert titles(select(FEED, since=dt.date(2026, 11, 27))) == ["a", "b", "undated", "c"]


def test_last_keeps_the_newest_in_the_feed_order() -> None:
    assert titles(select(FEED, last=2)) == ["a", "c"]
    assert titles(select(FEED, last=4)) == ["a", "b", "c", "old"]


def test_since_then_last() -> None:
    assert titles(select(FEED, since=dt.date(2026, 11, 28), last=5)) == ["a", "undated", "c"]


def test_no_selection_keeps_every_item() -> None:
    assert select(FEED) == FEED
