"""The whole pipeline as a chain of stage calls: sources -> seeds -> stories -> Digest -> Email."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.config import Config
from digest.deliver import merge_tags
from digest.errors import DigestError, InputError
from digest.model import Digest, Email, Seed, Story
from digest.render import render
from digest.sources import SourceOptions, load_seeds
from digest.summarize import summarize
from digest.utm import tag_links

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    email: Email
    digest: Digest
    skipped: tuple[str, ...]  # one message per seed that could not be used


def summarize_paths(
    paths: Sequence[Path | str], options: SourceOptions | None = None
) -> tuple[list[Story], list[str]]:
    """Read (or fetch) and summarize every seed; a bad seed is skipped with a warning."""
    loaded = load_seeds(paths, options)
    stories, failed = summarize_seeds(loaded.seeds)
    return stories, [*loaded.skipped, *failed]


def summarize_seeds(seeds: Sequence[Seed]) -> tuple[list[Story], list[str]]:
    """Stage: seeds -> stories; a seed that cannot be summarized is skipped with a warning."""
    stories: list[Story] = []
    skipped: list[str] = []
    for seed in seeds:
        try:
            stories.append(summarize(seed))
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
    paths: Sequence[Path | str],
    config: Config,
    date: dt.date,
    templates: Path | None = None,
    sources: SourceOptions | None = None,
) -> BuildResult:
    """`paths` are seed arguments: files, folders, seeds.txt lists, article or feed URLs."""
    stories, skipped = summarize_paths(paths, sources)
    if not stories:
        where = ", ".join(str(p) for p in paths)
        raise InputError(
            f"{where}: no usable seeds; add .txt, .html or .md articles, page or feed URLs"
        )
    # UTM tags go on the Digest, before rendering, so the HTML and text links match.
    digest = tag_links(assemble(stories, config, date), config.utm)
    email = render(digest, config, templates, merge_tags(config))
    return BuildResult(email=email, digest=digest, skipped=tuple(skipped))


__all__ = ["BuildResult", "DigestError", "assemble", "build", "summarize_paths", "summarize_seeds"]
