"""Watch what a build reads (seeds, config, templates) and rebuild when it changes."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from digest.preview.state import Settings, Snapshot, State
from digest.render.compose import template_dirs

log = logging.getLogger(__name__)
SEED_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md", ".markdown"}
_EDITOR_FILES = DefaultFilter()
TICK_MS = 100  # how often the watch loop wakes up when nothing changes
Report = Callable[[Snapshot, list[str]], None]


class Targets:
    """The folders to watch (each non-recursively) and which files in them matter.

    Watching folders rather than files survives editors that save by renaming
    a new file over the old one, and notices a digest.toml created later.
    """

    def __init__(self, settings: Settings) -> None:
        self.files: set[Path] = set()  # single files: seeds named on the command line, config
        self.seed_dirs: set[Path] = set()
        self.template_dirs: set[Path] = set()
        self.roots: set[Path] = set()  # seed and template folders, watched from their parent too
        for seed in settings.seeds:
            if seed.is_dir():
                self.seed_dirs.add(seed.resolve())
            else:
                self.files.add(seed.resolve())
        self.files.add(settings.config_file().resolve())
        # The built-in theme too: someone working on it sees their edits live.
        for root in template_dirs(settings.template_dir()):
            if root.is_dir():
                self.template_dirs |= {Path(d) for d, _, _ in os.walk(root.resolve())}
                self.roots.add(root.resolve())
        local = settings.local_templates()
        if local is not None:  # ./templates made (or removed) while previewing is used at once
            self.roots.add(local.resolve())
        self.roots |= self.seed_dirs

    def folders(self) -> list[Path]:
        parents = {p.parent for p in self.files | self.roots}
        candidates = self.seed_dirs | self.template_dirs | parents
        return sorted(d for d in candidates if d.is_dir())

    def __call__(self, change: Change, name: str) -> bool:
        """The watchfiles filter: editor swap and backup files never trigger a build."""
        return _EDITOR_FILES(change, name) and self.matters(Path(name))

    def is_template(self, path: Path) -> bool:
        return path.resolve().parent in self.template_dirs

    def matters(self, path: Path) -> bool:
        path = path.resolve()
        # A watched folder itself moved or deleted counts too: the watch list must change.
        if path in self.files or path in self.roots or self.is_template(path):
            return True
        return path.parent in self.seed_dirs and path.suffix.lower() in SEED_SUFFIXES

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Targets) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]


class Watcher(threading.Thread):
    """Rebuilds `state` after every batch of relevant changes, until stop() is called."""

    def __init__(self, state: State, report: Report) -> None:
        super().__init__(name="digest-preview-watch", daemon=True)
        self.state = state
        self.report = report
        self.stopping = threading.Event()
        self.ready = threading.Event()

    def run(self) -> None:
        failures = 0
        while not self.stopping.is_set():
            try:
                self._watch(Targets(self.state.settings))
                failures = 0
            except OSError as exc:  # a folder vanished as its watch was set up: try again
                failures += 1
                if failures == 3:  # not a passing moment: say so, keep trying
                    log.error(
                        "cannot watch the seeds, config and templates (%s); edits will not "
                        "show until it works; WATCHFILES_FORCE_POLLING=1 may help",
                        exc,
                    )
                self.stopping.wait(0.2)

    def _watch(self, targets: Targets) -> None:
        """One watch session; returns when the list of folders to watch has changed."""
        watching = False
        for changes in watch(
            *targets.folders(),
            watch_filter=targets,
            recursive=False,
            stop_event=self.stopping,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            names = sorted({name for _, name in changes})
            first_tick = not watching
            if first_tick:
                # The first tick comes once the folders are watched: catch up on any
                # edit made before that, then tell start() the preview is live.
                watching = True
                self._rebuild(names, templates_changed=True)
                self.ready.set()
            elif names:
                self._rebuild(names, any(targets.is_template(Path(n)) for n in names))
            # A new seed folder or template subfolder: start again with the new list.
            # Also on the first tick: a folder may have come back while this session
            # was being set up, and then no change event will ever say so.
            if (changes or first_tick) and Targets(self.state.settings) != targets:
                return

    def _rebuild(self, changed: list[str], templates_changed: bool) -> None:
        snapshot, news = self.state.rebuild(templates_changed)
        if news:
            self.report(snapshot, changed)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=5)
