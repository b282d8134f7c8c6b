"""Fetching pages from a real HTTP server on 127.0.0.1: cache, revalidation, failures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.sources.cache import Cache
from digest.sources.fetch import PAGE_FRESH, Download, Fetcher, FetchError
from localweb import STORIES, LocalWeb, Route, article, rss

PAGE = article(STORIES[0])


class Clock:
    """A clock the test moves, so "six hours later" takes no time."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def get(url: str, cache: Cache | None = None, **options: object) -> Download:
    with Fetcher(cache, **options) as fetcher:  # type: ignore[arg-type]
        return fetcher.get(url)


def test_page_is_fetched_with_a_real_user_agent(web: LocalWeb) -> None:
    url = web.html("/a.html", PAGE)
    page = get(url)
    assert page.kind == "html" and page.final_url == url
    assert "Night Buses Return" in page.text()
    assert web.requests[0].headers["user-agent"].startswith("digest/")


def test_redirects_are_followed_and_the_final_url_kept(web: LocalWeb) -> None:
    final = web.html("/news/a.html", PAGE)
    old = web.add("/a", Route(b"", status=301, headers={"Location": "/news/a.html"}))
    page = get(old)
    assert page.url == old and page.final_url == final


def test_a_second_get_is_served_from_the_cache(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/a.html", PAGE)
    cache = Cache(tmp_path / "cache")
    first, second = get(url, cache), get(url, cache)
    assert web.count("/a.html") == 1
    assert second.from_cache and second.body == first.body


def test_a_stale_entry_is_revalidated_by_etag(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/a.html", PAGE, etag='"v1"')
    clock = Clock()
    cache = Cache(tmp_path, clock)
    get(url, cache)
    clock.now += PAGE_FRESH + 1
    page = get(url, cache)
    assert web.requests[1].headers["if-none-match"] == '"v1"'
    assert page.from_cache and "Night Buses Return" in page.text()
    get(url, cache)  # the 304 made the entry fresh again
    assert web.count("/a.html") == 2


def test_a_stale_entry_is_revalidated_by_last_modified(web: LocalWeb, tmp_path: Path) -> None:
    changed = dt.datetime(2026, 11, 27, 8, 0, tzinfo=dt.UTC)
    url = web.html("/a.html", PAGE, last_modified=changed)
    clock = Clock()
    cache = Cache(tmp_path, clock)
    get(url, cache)
    clock.now += PAGE_FRESH + 1
    page = get(url, cache)
    assert web.requests[1].headers["if-modified-since"] == "Fri, 27 Nov 2026 08:00:00 GMT"
    assert page.from_cache and page.body == PAGE.encode()


def test_a_changed_page_replaces_the_cached_one(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/a.html", PAGE, etag='"v1"')
    clock = Clock()
    cache = Cache(tmp_path, clock)
    get(url, cache)
    web.html("/a.html", article(STORIES[1]), etag='"v2"')
    clock.now += PAGE_FRESH + 1
    assert "Library Opens on Sundays" in get(url, cache).text()


def test_refresh_ignores_the_cache(web: LocalWeb, tmp_path: Path) -> None:
    url = web.html("/a.html", PAGE, etag='"v1"')
    cache = Cache(tmp_path)
    get(url, cache)
    page = get(url, cache, refresh=True)
    assert web.count("/a.html") == 2 and not page.from_cache
    assert "if-none-match" not in web.requests[1].headers


def test_not_found_names_the_url(web: LocalWeb) -> None:
    url = web.url("/gone.html")
    with pytest.raises(FetchError, match=r"/gone\.html: HTTP 404 Not Found; check the link"):
        get(url)


def test_a_slow_server_times_out(web: LocalWeb) -> None:
    url = web.html("/slow.html", PAGE, delay=5.0)
    with pytest.raises(FetchError, match=r"/slow\.html: no answer within 0\.2 s"):
        get(url, timeout=0.2)


@pytest.mark.parametrize("send_length", [True, False])
def test_an_oversized_page_is_cut_off(web: LocalWeb, send_length: bool) -> None:
    big = "<html><body>" + "<p>filler text</p>" * 20_000 + "</body></html>"
    url = web.html("/big.html", big, send_length=send_length)
    with pytest.raises(FetchError, match=r"/big\.html: larger than"):
        get(url, max_bytes=50_000)


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/json"])
def test_a_non_html_response_is_refused(web: LocalWeb, content_type: str) -> None:
    url = web.add("/file", Route(b"\x89PNG....", content_type))
    with pytest.raises(FetchError, match=rf"/file: not a web page \({content_type}\)"):
        get(url)


def test_text_plain_that_is_not_html_is_refused(web: LocalWeb) -> None:
    url = web.add("/notes", Route(b"just some notes", "text/plain"))
    with pytest.raises(FetchError, match="not a web page or feed"):
        get(url)


def test_a_feed_is_recognised_by_its_content(web: LocalWeb) -> None:
    url = web.add("/feed", Route(rss(web, STORIES[:2]), "text/plain"))
    assert get(url).kind == "feed"


def test_the_page_charset_is_used_when_the_header_has_none(web: LocalWeb) -> None:
    body = '<html><head><meta charset="iso-8859-1"></head><body>Café crème</body></html>'
    url = web.add("/latin.html", Route(body.encode("iso-8859-1"), "text/html"))
    assert "Café crème" in get(url).text()


def test_fetches_run_concurrently_with_a_small_bound(web: LocalWeb) -> None:
    urls = [web.html(f"/p{n}.html", PAGE, delay=0.3) for n in range(8)]
    with Fetcher(workers=4) as fetcher:
        pages = fetcher.get_all(urls)
    assert list(pages) == urls and all(isinstance(p, Download) for p in pages.values())
    assert 1 < web.most_in_flight <= 4


def test_get_all_returns_failures_and_stays_quiet_off_a_terminal(
    web: LocalWeb, capsys: pytest.CaptureFixture[str]
) -> None:
    good = web.html("/a.html", PAGE)
    with Fetcher() as fetcher:
        pages = fetcher.get_all([good, web.url("/missing"), good])
    assert isinstance(pages[good], Download) and isinstance(pages[web.url("/missing")], FetchError)
    assert web.count("/a.html") == 1  # a URL given twice is fetched once
    assert capsys.readouterr().err == ""
