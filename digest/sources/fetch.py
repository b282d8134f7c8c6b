"""Fetch web seeds over HTTP: bounded in time and size, a few at a time, through the cache.

A failure is a FetchError naming the URL and what to do; callers decide whether
it skips the seed or falls back to a feed's summary.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from digest import __version__
from digest.console import Progress
from digest.errors import InputError
from digest.sources.cache import Cache
from digest.sources.feeds import looks_like_feed
from digest.sources.inflate import ACCEPT_ENCODING, Inflater, TooBig, UnknownEncoding
from digest.sources.private import private_address

if TYPE_CHECKING:  # httpx costs ~70 ms to import: only a build with URLs pays for it
    import httpx

USER_AGENT = f"digest/{__version__} (newsletter digest builder; python-httpx/{{}})"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
TIMEOUT = 10.0  # seconds to connect, or between two reads
DEADLINE = 30.0  # seconds for a whole response: a server that drips bytes is cut off too
MAX_BYTES = 5 * 1024 * 1024
WORKERS = 4  # small on purpose: one newsroom's server, not a crawl
# Our own freshness windows, whatever the server's Cache-Control says: a rebuild
# or a preview reload must not refetch. A feed changes when a story is published,
# so it is revalidated sooner than an article. --refresh ignores both.
FEED_FRESH = 10 * 60.0
PAGE_FRESH = 6 * 3600.0

PageKind = Literal["html", "feed"]
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
# Servers label pages and feeds loosely; these are decided by looking at the bytes.
_SNIFF_TYPES = {"", "text/xml", "application/xml", "text/plain", "application/octet-stream"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset=["']?([\w.:-]+)|<\?xml[^>]+encoding=["']([\w.:-]+)""", re.I
)


class FetchError(InputError):
    """One URL could not be used; the message names it and says why."""


@dataclass(frozen=True)
class Download:
    """What one URL gave: its body and the headers a later visit revalidates with."""

    url: str  # as asked for
    final_url: str  # after redirects: the link a story points to
    kind: PageKind
    body: bytes
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    from_cache: bool = False

    def text(self) -> str:
        """The body as text: the declared charset, else the page's own, else UTF-8 or a guess."""
        for name in (self.charset, _declared_charset(self.body), "utf-8"):
            if name and _known_codec(name):
                try:
                    return self.body.decode(name)
                except (UnicodeError, LookupError):
                    continue
        from charset_normalizer import from_bytes

        best = from_bytes(self.body).best()
        return str(best) if best is not None else self.body.decode("utf-8", "replace")

    def meta(self) -> dict[str, str]:
        fields = {
            "final_url": self.final_url,
            "kind": self.kind,
            "charset": self.charset,
            "etag": self.etag,
            "last_modified": self.last_modified,
        }
        return {k: v for k, v in fields.items() if v is not None}


class Fetcher:
    """`with Fetcher(cache) as fetcher: fetcher.get_all(urls)`; one HTTP client, opened lazily."""

    def __init__(
        self,
        cache: Cache | None = None,
        *,
        refresh: bool = False,
        timeout: float = TIMEOUT,
        deadline: float = DEADLINE,
        max_bytes: int = MAX_BYTES,
        workers: int = WORKERS,
    ) -> None:
        self.cache = cache
        self.refresh = refresh
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.workers = workers
        self._client: httpx.Client | None = None
        self._local = threading.local()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._client is not None:
            self._client.close()

    def get_all(
        self, urls: Iterable[str], public_only: bool = False
    ) -> dict[str, Download | FetchError]:
        """Fetch each distinct URL, `workers` at a time; failures are returned, not raised.

        With `public_only`, a URL (or a redirect) to this machine or a private
        network is refused: a feed's links are someone else's choice.
        """
        unique = list(dict.fromkeys(urls))
        if not unique:
            return {}
        progress = Progress("fetched", len(unique))
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            futures = {pool.submit(self._get_or_error, url, public_only): url for url in unique}
            for _ in as_completed(futures):
                progress.step()
        progress.done()
        done = {futures[f]: f.result() for f in futures}
        return {url: done[url] for url in unique}

    def _get_or_error(self, url: str, public_only: bool = False) -> Download | FetchError:
        self._local.public_only = public_only  # read by the request hook, for each redirect
        try:
            return self.get(url)
        except FetchError as exc:
            return exc
        finally:
            self._local.public_only = False

    def _check_request(self, request: httpx.Request) -> None:
        """httpx calls this before every request, redirects included."""
        if not getattr(self._local, "public_only", False):
            return
        private = private_address(request.url.host, request.url.port)
        if private is not None:
            raise FetchError(
                f"{request.url}: a local or private address ({private}); a feed's links "
                "may not lead there: name the URL itself, or pass --allow-private"
            )

    def get(self, url: str) -> Download:
        import httpx

        try:
            cached = None if self.refresh or self.cache is None else self._cached(url)
            if cached is not None and cached[1] < _fresh_for(cached[0]):
                # Cached by a run with --allow-private: the same check as a fetch.
                self._check_request(httpx.Request("GET", cached[0].final_url))
                return cached[0]
            return self._download(url, cached[0] if cached else None)
        except httpx.TimeoutException as exc:
            raise FetchError(
                f"{url}: no answer within {self.timeout:g} s; try again later or leave it out"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: cannot fetch ({exc}); check the address") from exc
        except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
            # An internationalized host name that IDNA refuses (`a..b`, `xn--zz-zzz`), here
            # or in a redirect: the address is wrong, not digest.
            raise FetchError(
                f"{url}: not a valid web address ({_reason(exc)}); check the link"
            ) from exc

    def _cached(self, url: str) -> tuple[Download, float] | None:
        assert self.cache is not None
        entry = self.cache.get(url)
        if entry is None or entry.meta.get("kind") not in ("html", "feed"):
            return None
        m = entry.meta
        page = Download(
            url=url,
            final_url=m.get("final_url", url),
            kind="feed" if m["kind"] == "feed" else "html",
            body=entry.body,
            charset=m.get("charset"),
            etag=m.get("etag"),
            last_modified=m.get("last_modified"),
            from_cache=True,
        )
        return page, entry.age

    def _download(self, url: str, cached: Download | None) -> Download:
        headers = {}
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        with self._http().stream("GET", url, headers=headers) as response:
            if response.status_code == 304 and cached is not None:
                if self.cache is not None:
                    self.cache.touch(url, cached.meta())
                return cached
            page = self._page(url, response)
        if self.cache is not None:
            self.cache.put(url, page.meta(), page.body)
        return page

    def _page(self, url: str, response: httpx.Response) -> Download:
        if not response.is_success or response.status_code == 204:
            reason = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
            raise FetchError(f"{url}: {reason}; check the link")
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in _HTML_TYPES | _FEED_TYPES | _SNIFF_TYPES:
            raise FetchError(f"{url}: not a web page ({media_type}); give an article or feed URL")
        body = self._read_capped(url, response)
        kind = _kind_of(media_type, body)
        if kind is None:
            raise FetchError(f"{url}: not a web page or feed ({media_type or 'no type'})")
        return Download(
            url=url,
            final_url=str(response.url),
            kind=kind,
            body=body,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        """Stream the body and stop at the size cap, so a huge file is never held in memory."""
        too_big = FetchError(
            f"{url}: larger than {self.max_bytes / 1048576:g} MB; not a page digest can use"
        )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise too_big
        started = time.monotonic()
        chunks: list[bytes] = []
        received = 0
        try:
            # Raw bytes, inflated here: both what arrives and what it inflates to are capped.
            inflater = Inflater(response.headers.get("content-encoding", ""), self.max_bytes)
            for raw in response.iter_raw():
                received += len(raw)
                if received > self.max_bytes:
                    raise too_big
                if time.monotonic() - started > self.deadline:
                    raise FetchError(
                        f"{url}: still downloading after {self.deadline:g} s; try again later"
                    )
                chunks.append(inflater.feed(raw))
        except TooBig:
            raise too_big from None
        except UnknownEncoding as exc:
            raise FetchError(f"{url}: sent in an encoding digest cannot read ({exc})") from None
        except zlib.error as exc:
            raise FetchError(f"{url}: the compressed page is damaged ({exc})") from None
        if not inflater.size:
            raise FetchError(f"{url}: the page is empty; check the link")
        return b"".join(chunks)

    def _http(self) -> httpx.Client:
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                headers={
                    "User-Agent": USER_AGENT.format(httpx.__version__),
                    "Accept": ACCEPT,
                    "Accept-Encoding": ACCEPT_ENCODING,
                },
                timeout=httpx.Timeout(self.timeout),
                follow_redirects=True,
                max_redirects=5,
                event_hooks={"request": [self._check_request]},
                limits=httpx.Limits(max_connections=self.workers),
            )
        return self._client


def _fresh_for(page: Download) -> float:
    return FEED_FRESH if page.kind == "feed" else PAGE_FRESH


def _kind_of(media_type: str, body: bytes) -> PageKind | None:
    if media_type in _FEED_TYPES:
        return "feed"
    if media_type in _HTML_TYPES:
        return "html"
    if looks_like_feed(body):
        return "feed"
    head = body[:2048].lower()
    return "html" if b"<html" in head or b"<!doctype html" in head else None


def _declared_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _known_codec(name: str) -> bool:
    """A text encoding Python knows: not rot13, hex or zlib_codec, which are codecs too."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return False
    return getattr(info, "_is_text_encoding", True) is not False


def _reason(exc: Exception) -> str:
    """The last line of a library's message, in words (idna nests the real reason)."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[-1][:200]
