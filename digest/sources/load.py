"""Seed arguments -> Seeds: files, folders, article URLs, feeds and seeds.txt lists.

Everything on the web is fetched in two rounds (the arguments, then the pages
of the feeds' items), each round concurrently. A page that cannot be used is
one warning naming its URL; the rest of the digest still builds.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest.errors import InputError, NotTextError
from digest.model import FrontMatter, Seed
from digest.sources.cache import Cache, default_folder
from digest.sources.feeds import (
    FEED_ITEMS,
    FEED_SUFFIXES,
    FeedItem,
    looks_like_feed,
    parse_feed,
    select,
)
from digest.sources.fetch import (
    DEADLINE,
    MAX_BYTES,
    TIMEOUT,
    WORKERS,
    Download,
    Fetcher,
    FetchError,
)
from digest.sources.seeds import STDIN, is_stream, read_capped, read_seed, scan, seed_from_bytes

log = logging.getLogger(__name__)

_URL = re.compile(r"https?://\S+\Z", re.I)
_LIST_SUFFIXES = {".txt", ".list", ""}
_MARKUP = re.compile(r"<[A-Za-z!/]")


@dataclass(frozen=True)
class SourceOptions:
    since: dt.date | None = None  # feed items published on or after this date
    last: int | None = None  # the N newest items of each feed
    cache: Path | None = None  # None: the user's cache folder
    refresh: bool = False  # fetch everything again
    allow_private: bool = False  # let feeds' links reach this machine and private networks
    timeout: float = TIMEOUT
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES
    workers: int = WORKERS


@dataclass(frozen=True)
class Loaded:
    seeds: tuple[Seed, ...]
    skipped: tuple[str, ...] = field(default=())  # one message per source that was left out


def is_url(arg: str | Path) -> bool:
    return isinstance(arg, str) and _URL.match(arg.strip()) is not None


def load_seeds(args: Sequence[str | Path], options: SourceOptions | None = None) -> Loaded:
    """Read, fetch and expand every seed argument into Seeds, in the order given."""
    options = options or SourceOptions()
    skipped: list[str] = []
    refs = expand(args, skipped)
    named = {Path(a) for a in args if not is_url(a)}
    with _fetcher(options) as fetcher:
        pages = fetcher.get_all(r for r in refs if isinstance(r, str))
        found: list[Seed | FeedItem] = []
        for ref in refs:
            if isinstance(ref, str):
                found.extend(_from_web(ref, pages[ref], options, skipped))
            else:
                only, was_named = len(refs) == 1, ref in named
                found.extend(_from_file(ref, options, skipped, only, was_named))
        links = (i.link for i in found if isinstance(i, FeedItem) and i.link)
        item_pages = fetcher.get_all(links, public_only=not options.allow_private)
    seeds = [s if isinstance(s, Seed) else _item_seed(s, item_pages, skipped) for s in found]
    return Loaded(tuple(s for s in seeds if s is not None), tuple(skipped))


def expand(args: Sequence[str | Path], skipped: list[str] | None = None) -> list[str | Path]:
    """URLs stay strings; folders become their seed files; seed lists are read in place.

    Files in a folder that are not seeds are added to `skipped`, with a warning.
    """
    skipped = [] if skipped is None else skipped
    refs: list[str | Path] = []
    for arg in args:
        if is_url(arg):
            refs.append(str(arg).strip())
        else:
            refs.extend(_expand_path(Path(arg), set(), skipped))
    return _once(refs)


def _once(refs: list[str | Path]) -> list[str | Path]:
    """A seed reached twice (a folder and a file in it, a glob and a list) is one story."""
    seen: set[str | Path] = set()
    unique: list[str | Path] = []
    for ref in refs:
        key = ref if isinstance(ref, str) else ref.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(ref)
    return unique


def _expand_path(path: Path, seen: set[Path], skipped: list[str]) -> list[str | Path]:
    if path.is_dir():
        files, not_seeds = scan([path])
        for message in not_seeds:
            _skip(message, skipped)
        # A seeds.txt list inside the seeds folder works too (an article never looks like one).
        return [ref for child in files for ref in _expand_path(child, seen, skipped)]
    if is_stream(path):
        return [path]
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder; check the seed path")
    entries = _list_entries(path)
    if entries is None:
        return [path]
    if path.resolve() in seen:
        raise InputError(f"{path}: the seed list includes itself; remove that line")
    refs: list[str | Path] = []
    for number, entry in entries:
        if is_url(entry):
            refs.append(entry)
            continue
        target = path.parent / entry
        if not target.exists():
            raise InputError(f"{path}:{number}: no such file or folder '{entry}'; fix the line")
        refs.extend(_expand_path(target, seen | {path.resolve()}, skipped))
    return refs


def _list_entries(path: Path) -> list[tuple[int, str]] | None:
    """A seeds.txt list's (line number, entry) pairs, or None when the file is a seed itself.

    It is a list when every line that is not blank or a # comment is a single
    URL or path, and at least one of them is a URL or an existing path.
    """
    if path.suffix.lower() not in _LIST_SUFFIXES:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # read_seed reports it
    entries = [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not entries or any(len(entry.split()) != 1 for _, entry in entries):
        return None
    known = any(is_url(e) or (path.parent / e).exists() for _, e in entries)
    return entries if known else None


def _from_web(
    url: str, page: Download | FetchError, options: SourceOptions, skipped: list[str]
) -> list[Seed | FeedItem]:
    if isinstance(page, FetchError):
        _skip(page.format_message(), skipped)
        return []
    if page.kind == "feed":
        return _feed_items(page.body, url, page.final_url, options, skipped)
    return [_page_seed(page, FrontMatter(url=page.final_url))]


def _from_file(
    path: Path, options: SourceOptions, skipped: list[str], only: bool, named: bool
) -> list[Seed | FeedItem]:
    """Read a local seed or feed; a problem skips it, unless nothing else could be built
    (`only`) or a binary file was named by itself (`named`): then it is the error."""
    try:
        if is_stream(path):  # stdin or a FIFO: one read, then decide what it holds
            raw = read_capped(path)
            if looks_like_feed(raw):
                return _feed_items(
                    raw, "stdin" if path == STDIN else str(path), None, options, skipped
                )
            return [seed_from_bytes(raw, path)]
        if path.suffix.lower() in FEED_SUFFIXES or _sniff_feed(path):
            return _feed_items(path.read_bytes(), str(path), None, options, skipped)
        return [read_seed(path)]
    except InputError as exc:
        if only or (named and isinstance(exc, NotTextError)):
            raise  # say it once, as an error
        _skip(exc.format_message(), skipped)
    except OSError as exc:
        _skip(f"{path}: cannot read ({exc.strerror}); check the path", skipped)
    return []


def _feed_items(
    data: bytes, source: str, base_url: str | None, options: SourceOptions, skipped: list[str]
) -> list[Seed | FeedItem]:
    try:
        items = parse_feed(data, source, base_url)
    except InputError as exc:
        _skip(exc.format_message(), skipped)
        return []
    last = options.last
    if last is None and options.since is None and len(items) > FEED_ITEMS:
        log.warning(
            "%s: %d items; took the %d newest (pass --last N or --since DATE to choose)",
            source,
            len(items),
            FEED_ITEMS,
        )
        last = FEED_ITEMS
    chosen = select(items, options.since, last)
    if not chosen:
        since = f" since {options.since.isoformat()}" if options.since else ""
        log.warning("%s: no feed items%s; try an earlier --since", source, since)
    found: list[Seed | FeedItem] = list(chosen)
    return found


def _item_seed(
    item: FeedItem, pages: dict[str, Download | FetchError], skipped: list[str]
) -> Seed | None:
    """The item's page with the feed's hints; else the feed's own content, with a warning."""
    page = pages.get(item.link) if item.link else None
    if isinstance(page, Download) and page.kind == "html":
        return _page_seed(page, item.hints(page.final_url))
    where = item.link or item.title or "a feed item"
    if item.content is None:
        reason = _reason(page) or "no link"
        _skip(f"{where}: {reason}, and the feed has no text for it (skipped)", skipped)
        return None
    if page is not None:
        log.warning("%s: %s; used the feed's summary instead", where, _reason(page))
    if _MARKUP.search(item.content):
        return Seed(source=where, text=item.content, kind="html", meta=item.hints())
    # A plain-text <description>: read as HTML it would lose its only paragraph.
    text = html.unescape(item.content)
    return Seed(source=where, text=text, kind="text", meta=item.hints())


def _page_seed(page: Download, meta: FrontMatter) -> Seed:
    return Seed(source=page.url, text=page.text(), kind="html", meta=meta)


def _reason(page: Download | FetchError | None) -> str | None:
    if isinstance(page, FetchError):
        # The message is "URL: reason; fix": keep the reason only.
        return page.format_message().split(": ", 1)[-1].split(";")[0]
    if isinstance(page, Download):
        return "a feed, not an article page"
    return None


def _sniff_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(2048))
    except OSError:
        return False


def _skip(message: str, skipped: list[str]) -> None:
    text = message if message.endswith("(skipped)") else f"{message} (skipped)"
    log.warning("%s", text)
    skipped.append(message)


def _fetcher(options: SourceOptions) -> Fetcher:
    return Fetcher(
        Cache(options.cache or default_folder()),
        refresh=options.refresh,
        timeout=options.timeout,
        deadline=options.deadline,
        max_bytes=options.max_bytes,
        workers=options.workers,
    )
