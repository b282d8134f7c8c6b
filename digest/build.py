"""The whole pipeline as a chain of stage calls: paths -> seeds -> stories -> Digest -> Email."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.config import Config
from digest.errors import DigestError, InputError
from digest.model import Digest, Email, Story
from digest.render import render
from digest.seeds import read_seed, seed_files
from digest.summarize import summarize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    email: Email
    digest: Digest
    skipped: tuple[str, ...]  # one message per seed that could not be used


def summarize_file(path: Path) -> Story:
    """Stage: one seed file -> Story."""
    return summarize(read_seed(path))


# `digest preview` passes a caching summarizer so an edit re-reads only the changed seed.
SeedSummarizer = Callable[[Path], Story]


def summarize_paths(
    paths: Sequence[Path], summarize_seed: SeedSummarizer = summarize_file
) -> tuple[list[Story], list[str]]:
    """Read and summarize every seed; a bad seed is skipped with a warning, not fatal."""
    stories: list[Story] = []
    skipped: list[str] = []
    for path in seed_files(paths):
        try:
            stories.append(summarize_seed(path))
        except InputError as exc:
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
    paths: Sequence[Path],
    config: Config,
    date: dt.date,
    templates: Path | None = None,
    *,
    summarize_seed: SeedSummarizer = summarize_file,
) -> BuildResult:
    stories, skipped = summarize_paths(paths, summarize_seed)
    if not stories:
        where = ", ".join(str(p) for p in paths)
        raise InputError(f"{where}: no usable seeds; add .txt, .html or .md articles")
    digest = assemble(stories, config, date)
    return BuildResult(
        email=render(digest, config, templates), digest=digest, skipped=tuple(skipped)
    )


__all__ = [
    "BuildResult",
    "DigestError",
    "SeedSummarizer",
    "assemble",
    "build",
    "summarize_file",
    "summarize_paths",
]
