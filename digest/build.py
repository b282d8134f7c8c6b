"""The whole pipeline as a chain of stage calls: paths -> seeds -> stories -> Digest -> Email."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from digest.config import Config
from digest.errors import DigestError, InputError, NotTextError
from digest.model import Digest, Email, Story
from digest.render import render
from digest.sanitize import sanitize
from digest.seeds import read_seed, scan
from digest.summarize import summarize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    email: Email
    digest: Digest
    skipped: tuple[str, ...]  # one message per seed that could not be used

    def summary(self) -> str:
        """'3 stories, 1 seed skipped': the start of the CLI's one-line report."""
        parts = [_count(len(self.digest.stories), "story", "stories")]
        if self.skipped:
            parts.append(f"{_count(len(self.skipped), 'seed', 'seeds')} skipped")
        return ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summarize_file(path: Path) -> Story:
    """Read and summarize one seed; a story with no headline is titled from its file name."""
    story = summarize(read_seed(path))
    if story.headline.strip():
        return story
    title = title_from_name(path)
    log.warning(
        "%s: no headline found; used %r from the file name, add a `title:` in front matter",
        path,
        title,
    )
    return replace(story, headline=title)


def title_from_name(path: Path) -> str:
    """'harbour-flood_barrier.txt' -> 'Harbour flood barrier'."""
    words = re.sub(r"[\W_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Untitled story"


def summarize_paths(paths: Sequence[Path]) -> tuple[list[Story], list[str]]:
    """Read and summarize every seed; a bad seed is skipped with a warning, not fatal.

    A binary file named on the command line is an error (the wrong file was
    given), and so is any problem with the only seed; otherwise an unusable
    seed is skipped with a warning and counted in `skipped`.
    """
    files, skipped = scan(paths)
    for message in skipped:
        log.warning("%s (skipped)", message)
    named = {p for p in paths if p.is_file()}
    stories: list[Story] = []
    for path in files:
        try:
            stories.append(summarize_file(path))
        except InputError as exc:
            if len(files) == 1 or (isinstance(exc, NotTextError) and path in named):
                raise  # nothing else to build, or the wrong file was given: say it once
            log.warning("%s (skipped)", exc.format_message())
            skipped.append(exc.format_message())
    return stories, skipped


def assemble(stories: Sequence[Story], config: Config, date: dt.date) -> Digest:
    """Stage: stories -> Digest."""
    return Digest(
        title=config.title,
        date=date,
        stories=tuple(stories),
        intro=config.intro,
        issue_number=config.issue_number,
    )


def build(
    paths: Sequence[Path], config: Config, date: dt.date, templates: Path | None = None
) -> BuildResult:
    stories, skipped = summarize_paths(paths)
    if not stories:
        where = ", ".join(str(p) for p in paths)
        raise InputError(f"{where}: no usable seeds; add .txt, .html or .md articles")
    digest = assemble([sanitize(s) for s in stories], config, date)
    return BuildResult(
        email=render(digest, config, templates), digest=digest, skipped=tuple(skipped)
    )


__all__ = [
    "BuildResult",
    "DigestError",
    "assemble",
    "build",
    "summarize_file",
    "summarize_paths",
    "title_from_name",
]
