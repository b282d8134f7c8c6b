"""An on-disk cache of fetched URLs, so a rebuild or a preview reload does not refetch.

One entry per URL: `<key>.body` holds the bytes, `<key>.json` the headers we need
to revalidate (ETag, Last-Modified) and when it was stored. The JSON is written
last, so a half-written entry is never read. The cache is disposable: an entry
that cannot be read is simply a miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.atomic import write_atomic
from digest.errors import OutputError

log = logging.getLogger(__name__)


def default_folder() -> Path:
    """The user's cache folder: ~/.cache/digest (or $XDG_CACHE_HOME/digest) on Linux."""
    import platformdirs

    return platformdirs.user_cache_path("digest", appauthor=False)


@dataclass(frozen=True)
class Cached:
    meta: dict[str, str]
    body: bytes
    age: float  # seconds since the entry was stored or last revalidated


class Cache:
    """get / put / touch entries by URL; safe to use from several fetch threads."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.clock = clock
        self._lock = threading.Lock()
        self._warned = False

    def get(self, url: str) -> Cached | None:
        meta_path, body_path = self._paths(url)
        try:
            record = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(record, dict) or record.get("url") != url:
            return None
        stored = record.pop("stored", 0)
        # Hand-edited or from another version: a field of the wrong type is a miss, not a crash.
        if not isinstance(stored, int | float) or isinstance(stored, bool) or stored != stored:
            return None
        if not all(isinstance(v, str) for v in record.values()):
            return None
        return Cached(meta=dict(record), body=body, age=max(0.0, self.clock() - float(stored)))

    def put(self, url: str, meta: dict[str, str], body: bytes) -> None:
        meta_path, body_path = self._paths(url)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(body_path, body)
            self._write_meta(meta_path, url, meta)
        except (OSError, OutputError) as exc:
            self._cannot_write(exc)

    def touch(self, url: str, meta: dict[str, str]) -> None:
        """The server said 304 Not Modified: the entry is fresh again."""
        meta_path, _ = self._paths(url)
        try:
            self._write_meta(meta_path, url, meta)
        except (OSError, OutputError) as exc:
            self._cannot_write(exc)

    def _write_meta(self, path: Path, url: str, meta: dict[str, str]) -> None:
        record: dict[str, object] = {**meta, "url": url, "stored": self.clock()}
        write_atomic(path, json.dumps(record, indent=1).encode("utf-8"))

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def _cannot_write(self, exc: Exception) -> None:
        # One warning per run, not one per page: the cause is the same folder.
        cause = exc.__cause__ if isinstance(exc, OutputError) else exc
        reason = getattr(cause, "strerror", None) or str(cause)
        with self._lock:
            if self._warned:
                return
            self._warned = True
        log.warning(
            "cache folder %s cannot be written (%s); pages will be fetched again next time; "
            "pass --cache DIR",
            self.folder,
            reason,
        )
