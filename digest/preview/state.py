"""Incremental builds for the preview: the same `digest.build.build`, with a per-seed cache.

Each build becomes a Snapshot; the version goes up only when what a reader
would see changes, so a save that changes nothing does not reload the page.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.build import SeedSummarizer, build, remembered
from digest.config import CONFIG_NAME, load_config
from digest.console import collected_warnings
from digest.editions.memory import recall
from digest.errors import DigestError, InputError
from digest.model import Email, Seed, Story
from digest.preview.checks import GMAIL_CLIP_BYTES, findings
from digest.render.compose import environment
from digest.sources.load import SourceOptions
from digest.summarize import summarize_seed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What `digest preview` was asked to build: the same inputs as `digest build`."""

    date: dt.date
    seeds: tuple[Path, ...] = (Path("seeds"),)
    config: Path | None = None  # None: ./digest.toml if present, as in `digest build`
    templates: Path | None = None  # None: ./templates whenever it exists, as in `digest build`
    title: str | None = None

    def config_file(self) -> Path:
        return self.config if self.config is not None else Path.cwd() / CONFIG_NAME

    def local_templates(self) -> Path | None:
        """Where `digest init` puts templates, watched even before it exists (no --templates)."""
        return None if self.templates is not None else Path.cwd() / "templates"

    def template_dir(self) -> Path | None:
        """--templates, else ./templates as it is now: a folder made while previewing counts."""
        local = self.local_templates()
        return self.templates or (local if local is not None and local.is_dir() else None)


@dataclass(frozen=True)
class Snapshot:
    """One build as the page shows it: the email, or the error that stopped it."""

    version: int
    email: Email | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    stories: int = 0
    seconds: float = 0.0
    built_at: str = ""

    @property
    def size(self) -> int:
        return len(self.email.html.encode("utf-8")) if self.email else 0

    def as_json(self) -> dict[str, object]:
        email = self.email
        return {
            "version": self.version,
            "ok": email is not None,
            "error": self.error,
            "subject": email.subject if email else None,
            "preheader": email.preheader if email else None,
            "text": email.text if email else None,
            "size": self.size,
            "clip": GMAIL_CLIP_BYTES,
            "stories": self.stories,
            "warnings": list(self.warnings),
            "findings": list(self.findings),
            "seconds": round(self.seconds, 3),
            "built_at": self.built_at,
        }


@dataclass
class StoryCache:
    """A SeedSummarizer keyed by the seed's content: an unchanged seed is not summarized again."""

    summarize_one: SeedSummarizer = summarize_seed
    misses: int = 0
    _entries: dict[Seed, tuple[Story | str, tuple[str, ...]]] = field(default_factory=dict)

    def __call__(self, seed: Seed) -> Story:
        entry = self._entries.get(seed)
        if entry is None:
            entry = self._fresh(seed)
            if len(self._entries) >= _MAX_ENTRIES:
                self._entries.clear()  # old versions of edited seeds; rebuilt on demand
            self._entries[seed] = entry
        else:
            # A cached seed warns again, so every build reports what `digest build` would.
            for message in entry[1]:
                log.warning("%s", message)
        result = entry[0]
        if isinstance(result, str):
            raise InputError(result)
        return result

    def _fresh(self, seed: Seed) -> tuple[Story | str, tuple[str, ...]]:
        self.misses += 1
        with collected_warnings() as warned:
            try:
                result: Story | str = self.summarize_one(seed)
            except InputError as exc:
                result = exc.format_message()
        return result, tuple(warned)


_MAX_ENTRIES = 2000


class State:
    """The latest Snapshot, shared by the builder thread and the HTTP threads."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache = StoryCache()
        self._snapshot = Snapshot(version=0)
        self._changed = threading.Condition()
        self._closed = False
        self.builds = 0  # every build, including those that changed nothing

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def rebuild(self, templates_changed: bool = False) -> tuple[Snapshot, bool]:
        """Build again; returns the snapshot and whether the page has to reload."""
        if templates_changed:
            # Jinja re-checks the files it loaded, but not a new override of one of them.
            environment.cache_clear()
        start = time.perf_counter()
        email: Email | None = None
        error: str | None = None
        stories = 0
        with collected_warnings() as warned:
            try:
                email, stories = self._build()
            except DigestError as exc:
                error = exc.format_message()
            except Exception as exc:  # a bug: keep serving, show it, print the traceback
                log.exception("internal error while building the preview")
                error = f"internal error ({exc!r}); this is a bug in digest, please report it"
        return self._publish(email, error, tuple(warned), stories, time.perf_counter() - start)

    def _build(self) -> tuple[Email, int]:
        settings = self.settings
        config = load_config(settings.config)
        if settings.title:
            config = replace(config, title=settings.title)
        # The edition as `digest build` would make it now (number, feeds since the last
        # edition, stories sent left out), read from the record without writing to it.
        project = settings.config_file() if settings.config_file().is_file() else None
        memory = recall(project, config, settings.date, create=False)
        config, sources, sent = remembered(memory, config, SourceOptions())
        result = build(
            list(settings.seeds),
            config,
            settings.date,
            settings.template_dir(),
            sources,
            summarize_one=self.cache,
            sent=sent,
        )
        return result.email, len(result.digest.stories)

    def _publish(
        self,
        email: Email | None,
        error: str | None,
        warnings: tuple[str, ...],
        stories: int,
        seconds: float,
    ) -> tuple[Snapshot, bool]:
        with self._changed:
            self.builds += 1
            old = self._snapshot
            if old.version and (old.email, old.error, old.warnings) == (email, error, warnings):
                return old, False
            self._snapshot = Snapshot(
                version=old.version + 1,
                email=email,
                error=error,
                warnings=warnings,
                findings=tuple(findings(email.html)) if email else (),
                stories=stories,
                seconds=seconds,
                built_at=time.strftime("%H:%M:%S"),
            )
            self._changed.notify_all()
            return self._snapshot, True

    def wait_for_change(self, seen: int, timeout: float) -> Snapshot | None:
        """Block until the version differs from `seen` (or timeout); None once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._snapshot.version != seen, timeout)
            return None if self._closed else self._snapshot

    def close(self) -> None:
        """Wake every waiting event stream so the server can stop."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
