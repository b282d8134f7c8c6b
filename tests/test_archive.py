"""`digest archive`: three recorded weeks as a static site, read by Chromium and feedparser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import lxml.html
import pytest
from click.testing import CliRunner
from test_weekly import WEEK, build, project, publish, web  # noqa: F401 - fixtures

from digest.cli.commands import cli
from digest.config import Config
from digest.deliver.archive.layout import places
from digest.deliver.archive.pages import render_archive
from digest.editions.store import Edition
from digest.model import Quote, Story
from localweb import LocalWeb

WIDTHS = (375, 1200)


@pytest.fixture
def site(web: LocalWeb, project: Path) -> Path:  # noqa: F811 - fixtures from test_weekly
    for day, items in (("2026-11-09", 2), ("2026-11-16", 4), ("2026-11-23", 5)):
        build(publish(web, WEEK[:items]), day)
    result = CliRunner().invoke(cli, ["archive", "site"])
    assert result.exit_code == 0, result.output
    assert "archive of 3 editions" in result.stderr
    return project / "site"


def test_the_archive_has_an_index_a_page_per_edition_and_a_feed(site: Path) -> None:
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert names == ["1/index.html", "2/index.html", "3/index.html", "feed.xml", "index.html"]
    index = (site / "index.html").read_text(encoding="utf-8")
    # Newest first.
    assert index.index('href="3/index.html"') < index.index('href="2/index.html"')
    assert index.index('href="2/index.html"') < index.index('href="1/index.html"')
    for page in [site / "index.html", *site.glob("*/index.html")]:
        doc = lxml.html.fromstring(page.read_bytes())
        assert not doc.xpath("//script | //img | //iframe | //link[@rel='stylesheet']")
        assert not doc.xpath("//@src") and not doc.xpath("//@style")
        assert doc.get("lang") == "en"
        for href in doc.xpath("//a/@href | //link/@href"):
            assert href.startswith(
                ("https://", "http://127.0.0.1", "../", "1/", "2/", "3/", "feed")
            )


def test_the_atom_feed_parses_and_links_each_edition(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert [e.link for e in feed.entries] == [
        f"https://news.example/weekly/{n}/" for n in (3, 2, 1)
    ]
    assert feed.entries[0].title == "The Valley Weekly: November 23, 2026"
    assert WEEK[4].title in feed.entries[0].summary
    assert feed.feed.title == "The Valley Weekly"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_archive_reads_in_chromium_without_sideways_scrolling(
    browser, site: Path, width: int, screenshots: Path
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto((site / "index.html").as_uri())
        _no_sideways_scroll(page, width)
        page.click("text=The Valley Weekly: November 16, 2026")
        assert page.url.endswith("/2/index.html")
        _no_sideways_scroll(page, width)
        assert page.locator("h1").inner_text() == "The Valley Weekly"
        assert "Issue 2" in page.inner_text("article")
        page.click("text=Previous edition")
        assert page.url.endswith("/1/index.html")
        page.click("text=All editions")
        assert page.url.endswith("/site/index.html")
        assert page.locator("ol.editions > li").count() == 3
        page.screenshot(path=str(screenshots / f"archive-index-{width}.png"), full_page=True)
    finally:
        page.close()


def _no_sideways_scroll(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url}: {scroll} px wide in a {width} px window"


def test_seed_text_is_escaped_in_pages_and_feed() -> None:
    hostile = 'Budget <script>alert(1)</script> & "cuts" {{ 7*7 }}'
    story = Story(
        hostile,
        "<b>Ann</b>",
        ("<img src=x onerror=alert(1)>",),
        (Quote("</blockquote><script>x</script>", "Ann"),),
        url="javascript:alert(1)",
    )
    edition = Edition(1, dt.date(2026, 11, 9), "T", hostile, (story,), "0" * 64)
    files = render_archive(places([edition], None), Config(), None)
    page = files["1/index.html"].decode()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page and "{{ 7*7 }}" in page
    feed = feedparser.parse(files["feed.xml"])
    assert feed.bozo == 0 and feed.entries[0].title == hostile


def test_no_editions_yet_is_one_line(project: Path) -> None:  # noqa: F811
    result = CliRunner().invoke(cli, ["archive", "site"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "digest: error: no editions recorded yet; build one beside a digest.toml first"
    )
