"""What a hostile or broken server, feed or cache can send: one warning, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli.commands import cli
from digest.sources.cache import Cache
from digest.sources.fetch import Fetcher, FetchError
from localweb import STORIES, LocalWeb, Route, article

PAGE = article(STORIES[0])
BAD_HOSTS = ["http://a..b/x", "http://xn--zz-zzz.example/a", "http://\U0001f4a9.example/a"]


def _build(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    out = tmp_path / "out.html"
    cache = ["--cache", str(tmp_path / "cache")]
    result = CliRunner().invoke(cli, ["build", *args, *cache, "-o", str(out)])
    html = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, html, result.stderr


@pytest.mark.parametrize("bad", BAD_HOSTS)
def test_a_bad_host_name_is_a_fetch_error(bad: str) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="not a valid web address"):
        fetcher.get(bad)


@pytest.mark.parametrize("bad", BAD_HOSTS[:2])
def test_a_bad_host_is_one_warning_and_the_rest_builds(
    web: LocalWeb, tmp_path: Path, bad: str
) -> None:
    good = web.html("/a.html", PAGE)
    code, html, stderr = _build([good, bad], tmp_path)
    assert code == 0, stderr
    assert STORIES[0].title in html
    assert stderr.count("digest: warning:") == 1 and bad in stderr and "Traceback" not in stderr
    code, _, stderr = _build([good, bad, "--strict"], tmp_path / "strict")
    assert code == 7


def test_a_redirect_to_a_bad_host_is_one_warning(web: LocalWeb, tmp_path: Path) -> None:
    good = web.html("/a.html", PAGE)
    moved = web.add("/moved", Route(b"", status=302, headers={"Location": "http://a..b/x"}))
    code, _html, stderr = _build([good, moved], tmp_path)
    assert code == 0, stderr
    assert f"digest: warning: {moved}: not a valid web address" in stderr


def test_feed_item_links_with_bad_hosts_fall_back_to_the_feed_text(
    web: LocalWeb, tmp_path: Path
) -> None:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>"
        f"<description>The council met on Tuesday to agree item {n} of the plan.</description>"
        "</item>"
        for n, link in enumerate(BAD_HOSTS[:2])
    )
    feed = f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    url = web.add("/feed.xml", Route(feed.encode(), "application/rss+xml"))
    code, _html, stderr = _build([url], tmp_path)
    assert code == 0, stderr
    assert "Traceback" not in stderr and stderr.count("not a valid web address") == 2


@pytest.mark.parametrize("charset", ["rot13", "hex", "zlib_codec", "base64", "no-such-codec"])
def test_a_charset_that_is_not_a_text_encoding_is_ignored(web: LocalWeb, charset: str) -> None:
    url = web.html("/a.html", PAGE, content_type=f"text/html; charset={charset}")
    with Fetcher() as fetcher:
        assert STORIES[0].title in fetcher.get(url).text()


def test_a_meta_charset_that_is_not_a_text_encoding_is_ignored(web: LocalWeb) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="rot13">')
    url = web.html("/a.html", page, content_type="text/html")
    with Fetcher() as fetcher:
        assert STORIES[0].title in fetcher.get(url).text()


@pytest.mark.parametrize(
    "record",
    [
        {"stored": "yesterday"},
        {"stored": [1]},
        {"stored": None},
        {"kind": ["html"]},
        {"final_url": 7},
        {"etag": {"a": 1}},
    ],
)
def test_a_cache_entry_with_wrong_types_is_a_miss(
    web: LocalWeb, tmp_path: Path, record: dict[str, object]
) -> None:
    url = web.html("/a.html", PAGE)
    cache = Cache(tmp_path / "cache")
    with Fetcher(cache) as fetcher:
        fetcher.get(url)
    [meta] = (tmp_path / "cache").glob("*.json")
    data = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**data, **record}), encoding="utf-8")
    assert cache.get(url) is None
    with Fetcher(cache) as fetcher:
        assert STORIES[0].title in fetcher.get(url).text()
    assert web.count("/a.html") == 2


def test_a_cache_entry_nested_too_deep_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("http://127.0.0.1/a", {"kind": "html"}, b"<html></html>")
    [meta] = tmp_path.glob("*.json")
    meta.write_text("[" * 100_000, encoding="utf-8")
    assert cache.get("http://127.0.0.1/a") is None


# --- Compressed responses: capped by what arrives and by what it inflates to -------------
def _gzip(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, compresslevel=9)


def test_a_gzip_page_is_read(web: LocalWeb) -> None:
    url = web.add("/a.html", Route(_gzip(PAGE.encode()), headers={"Content-Encoding": "gzip"}))
    with Fetcher() as fetcher:
        assert STORIES[0].title in fetcher.get(url).text()


def test_a_raw_deflate_page_is_read(web: LocalWeb) -> None:
    import zlib

    squeeze = zlib.compressobj(wbits=-15)
    body = squeeze.compress(PAGE.encode()) + squeeze.flush()
    url = web.add("/a.html", Route(body, headers={"Content-Encoding": "deflate"}))
    with Fetcher() as fetcher:
        assert STORIES[0].title in fetcher.get(url).text()


def test_a_gzip_bomb_is_refused_without_inflating_it(web: LocalWeb) -> None:
    import tracemalloc

    bomb = _gzip(b"<html>" + b" " * (64 * 1024 * 1024))  # 64 MB of spaces in ~64 KB
    url = web.add("/bomb.html", Route(bomb, headers={"Content-Encoding": "gzip"}))
    tracemalloc.start()
    try:
        with Fetcher(max_bytes=1024 * 1024) as fetcher, pytest.raises(FetchError, match="larger"):
            fetcher.get(url)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB while refusing a 1 MB cap"


def test_an_encoding_we_did_not_ask_for_is_one_fetch_error(web: LocalWeb) -> None:
    url = web.add("/a.html", Route(b"\x00\x01", headers={"Content-Encoding": "br"}))
    with Fetcher() as fetcher, pytest.raises(FetchError, match="encoding digest cannot read"):
        fetcher.get(url)
    assert web.requests[0].headers["accept-encoding"] == "gzip, deflate"
