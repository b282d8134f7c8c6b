"""Seed arguments from the web: article URLs, feeds and seeds.txt lists, against 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from digest.errors import InputError
from digest.sources.load import SourceOptions, load_seeds
from localweb import STORIES, LocalWeb, Route, article, rss, serve_site


@pytest.fixture
def options(tmp_path: Path) -> SourceOptions:
    # The test server is on 127.0.0.1: feeds' links there need --allow-private.
    return SourceOptions(cache=tmp_path / "cache", allow_private=True)


def test_an_article_url_is_an_html_seed_linked_to_its_final_url(
    web: LocalWeb, options: SourceOptions
) -> None:
    final = web.html("/news/buses.html", article(STORIES[0]))
    old = web.add("/b", Route(b"", status=302, headers={"Location": "/news/buses.html"}))
    (seed,) = load_seeds([old], options).seeds
    assert seed.kind == "html" and seed.source == old
    assert seed.meta.url == final
    assert STORIES[0].paragraph in seed.text


def test_a_feed_url_gives_one_seed_per_item_with_the_feed_hints(
    web: LocalWeb, options: SourceOptions
) -> None:
    serve_site(web)
    seeds = load_seeds([web.url("/feed.xml")], options).seeds
    assert [s.meta.title for s in seeds] == [s.title for s in STORIES]
    first = seeds[0]
    assert first.kind == "html" and STORIES[0].paragraph in first.text  # the page, not the feed
    assert first.meta.url == web.url(STORIES[0].path)
    assert first.meta.byline == "Mara Quill" and first.meta.date == "2026-11-29"
    assert first.meta.image == "https://img.valley.example/story-0.jpg"
    assert all(web.count(s.path) == 1 for s in STORIES)


@pytest.mark.parametrize("feed", ["/feed.xml", "/atom.xml"])
def test_last_picks_the_newest_items_and_fetches_only_their_pages(
    web: LocalWeb, options: SourceOptions, feed: str
) -> None:
    serve_site(web)
    seeds = load_seeds([web.url(feed)], replace(options, last=5)).seeds
    assert [s.meta.title for s in seeds] == [s.title for s in STORIES[:5]]
    assert [web.count(s.path) for s in STORIES] == [1, 1, 1, 1, 1, 0, 0]


def test_since_picks_the_items_published_from_that_day(
    web: LocalWeb, options: SourceOptions
) -> None:
    serve_site(web)
    since = replace(options, since=dt.date(2026, 11, 27))
    seeds = load_seeds([web.url("/feed.xml")], since).seeds
    assert [s.meta.date for s in seeds] == ["2026-11-29", "2026-11-28", "2026-11-27"]


def test_an_unreachable_item_page_falls_back_to_the_feed_summary(
    web: LocalWeb, options: SourceOptions, caplog: pytest.LogCaptureFixture
) -> None:
    serve_site(web)
    del web.routes[STORIES[1].path]
    web.add(STORIES[2].path, Route(b"%PDF-1.4", "application/pdf"))
    seeds = load_seeds([web.url("/feed.xml")], replace(options, last=3)).seeds
    assert len(seeds) == 3
    assert seeds[1].text.startswith("<p>Feed summary: The central library")
    assert seeds[1].meta.title == STORIES[1].title
    assert seeds[1].meta.url == web.url(STORIES[1].path)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        f"{web.url(STORIES[1].path)}: HTTP 404 Not Found; used the feed's summary instead",
        f"{web.url(STORIES[2].path)}: not a web page (application/pdf); "
        "used the feed's summary instead",
    ]


def test_a_failed_url_is_one_warning_and_the_rest_is_read(
    web: LocalWeb, options: SourceOptions, caplog: pytest.LogCaptureFixture
) -> None:
    good = web.html("/a.html", article(STORIES[0]))
    loaded = load_seeds([web.url("/missing.html"), good, str(TEST_SEEDS)], options)
    assert [s.source for s in loaded.seeds] == [good, str(TEST_SEEDS / "harbour.txt")]
    assert len(loaded.skipped) == 1 and "/missing.html: HTTP 404" in loaded.skipped[0]
    assert caplog.text.count("/missing.html") == 1


def test_a_rebuild_reads_the_cache_not_the_server(web: LocalWeb, options: SourceOptions) -> None:
    serve_site(web)
    load_seeds([web.url("/feed.xml")], options)
    seen = len(web.requests)
    again = load_seeds([web.url("/feed.xml")], options)
    assert len(web.requests) == seen and len(again.seeds) == len(STORIES)


def test_a_feed_file_on_disk_is_read_like_a_feed_url(
    web: LocalWeb, options: SourceOptions, tmp_path: Path
) -> None:
    serve_site(web)
    (tmp_path / "saved.rss").write_bytes(rss(web, STORIES[:2]))
    (tmp_path / "feed").write_bytes(rss(web, STORIES[2:3]))  # no extension: found by content
    seeds = load_seeds([tmp_path / "saved.rss", tmp_path / "feed"], options).seeds
    assert [s.meta.title for s in seeds] == [s.title for s in STORIES[:3]]


def test_a_seed_list_mixes_urls_paths_and_comments(
    web: LocalWeb, options: SourceOptions, tmp_path: Path
) -> None:
    url = web.html("/a.html", article(STORIES[3]))
    (tmp_path / "local.txt").write_text(
        (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    listing = tmp_path / "seeds.txt"
    listing.write_text(f"# this week\n{url}\n\nlocal.txt   \n", encoding="utf-8")
    seeds = load_seeds([str(listing)], options).seeds
    assert [s.source for s in seeds] == [url, str(tmp_path / "local.txt")]


def test_a_seed_list_in_the_seeds_folder_is_read_as_a_list(
    web: LocalWeb, options: SourceOptions, tmp_path: Path
) -> None:
    url = web.html("/a.html", article(STORIES[3]))
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "harbour.txt").write_bytes((TEST_SEEDS / "harbour.txt").read_bytes())
    (folder / "links.txt").write_text(f"{url}\n", encoding="utf-8")
    seeds = load_seeds([folder], options).seeds
    assert [s.source for s in seeds] == [str(folder / "harbour.txt"), url]


def test_a_seed_list_that_includes_itself_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "seeds.txt").write_text("seeds.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="includes itself"):
        load_seeds([tmp_path / "seeds.txt"])


def test_a_wrong_path_in_a_seed_list_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    listing = tmp_path / "seeds.txt"
    listing.write_text("a.txt\n# comment\nmissing.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"seeds\.txt:3: no such file or folder 'missing\.txt'"):
        load_seeds([listing])


def test_an_article_in_a_txt_file_is_not_taken_for_a_list() -> None:
    (seed,) = load_seeds([TEST_SEEDS / "harbour.txt"]).seeds
    assert seed.kind == "text" and "Harbour Flood Barrier" in seed.text


def test_a_seed_given_twice_is_one_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TEST_SEEDS.parent)
    twice = ["seeds", "seeds/", "./seeds/harbour.txt", str(TEST_SEEDS / "harbour.txt")]
    code, html, stderr = build(twice, tmp_path)
    assert code == 0 and "digest: 1 story" in stderr
    assert html.count("<h2") == 1


def build(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    out = tmp_path / "email.html"
    cache = ["--cache", str(tmp_path / "cache"), "--allow-private"]  # the server is 127.0.0.1
    result = CliRunner().invoke(cli, ["build", *args, *cache, "-o", str(out)])
    html = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, html, result.stderr


def test_build_from_a_feed_with_last_five_then_again_from_the_cache(
    web: LocalWeb, tmp_path: Path
) -> None:
    serve_site(web)
    code, html, stderr = build([web.url("/feed.xml"), "--last", "5"], tmp_path)
    assert code == 0, stderr
    assert "5 stories" in stderr
    for story in STORIES[:5]:
        assert story.title in html and f'href="{web.url(story.path)}"' in html
    assert "The eastern night bus line will run again" in html  # the page's lead
    assert STORIES[5].title not in html
    seen = len(web.requests)
    code, again, _ = build([web.url("/feed.xml"), "--last", "5"], tmp_path)
    assert code == 0 and again == html and len(web.requests) == seen


def test_build_warns_for_a_dead_link_and_strict_fails(web: LocalWeb, tmp_path: Path) -> None:
    good = web.html("/a.html", article(STORIES[0]))
    dead = web.url("/gone.html")
    code, html, stderr = build([good, dead], tmp_path)
    assert code == 0 and html
    assert f"digest: warning: {dead}: HTTP 404 Not Found; check the link (skipped)" in stderr
    assert "1 seed skipped" in stderr
    code, _, stderr = build([good, dead, "--strict"], tmp_path / "strict")
    assert code == 7 and "--strict" in stderr


def test_a_single_dead_link_says_to_fix_the_link_not_to_add_articles(
    web: LocalWeb, tmp_path: Path
) -> None:
    dead = web.url("/gone.html")
    code, _, stderr = build([dead], tmp_path)
    assert code == 3
    assert f"{dead}: HTTP 404 Not Found; check the link (skipped)" in stderr
    assert "no usable seeds (1 seed skipped); fix what the warnings above say" in stderr
    assert "add .txt" not in stderr


def test_build_with_since_and_a_bad_date(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    code, html, _ = build([web.url("/atom.xml"), "--since", "2026-11-28"], tmp_path)
    assert code == 0
    assert STORIES[1].title in html and STORIES[2].title not in html
    code, _, stderr = build([web.url("/atom.xml"), "--since", "last week"], tmp_path)
    assert code == 4 and "--since 'last week': use the form YYYY-MM-DD" in stderr


def test_build_refresh_fetches_again(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/a.html", article(STORIES[0]))
    first = build([url], tmp_path)
    again = build([url, "--refresh"], tmp_path)
    assert first[0] == again[0] == 0, (first[2], again[2])
    assert STORIES[0].title in first[1] and STORIES[0].title in again[1]
    assert web.count("/a.html") == 2
