"""The whole pipeline as a chain of stage calls: paths -> seeds -> stories -> Digest -> Email."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from digest.config import Config
from digest.console import Progress
from digest.errors import DigestError, InputError, StrictError
from digest.model import Digest, Email, Seed, Story
from digest.render.sanitize import sanitize
from digest.render.utm import tag_links
from digest.sections import arrange
from digest.sources.load import SourceOptions, load_seeds
from digest.sources.seeds import read_seed
from digest.summarize import summarize_seed
from digest.summarize.verbatim import report_unsourced, unsourced_message
from digest.vocabulary import merge_tags

if TYPE_CHECKING:
    from digest.editions.memory import Memory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    email: Email
    digest: Digest
    skipped: tuple[str, ...]  # one message per seed that could not be used
    left_out: tuple[Story, ...] = ()  # stories that went out in an earlier edition

    def summary(self) -> str:
        """'3 stories, 1 seed skipped': the start of the CLI's one-line report."""
        stories = self.digest.stories
        parts = [_count(len(stories), "story", "stories")]
        if self.skipped:
            parts.append(f"{_count(len(self.skipped), 'seed', 'seeds')} skipped")
        unlinked = [Path(s.source).name for s in stories if not s.url]
        if unlinked:
            more = len(unlinked) - 3
            names = ", ".join(unlinked[:3]) + (f" and {more} more" if more > 0 else "")
            parts.append(f"{len(unlinked)} without a link (add `url:` front matter to {names})")
        return ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summarize_file(path: Path) -> Story:
    """Read and summarize one seed file (what `digest summarize` does)."""
    story = summarize_seed(read_seed(path))
    report_unsourced(story)
    return story


# `digest preview` passes a caching summarizer so an edit re-summarizes only the changed seed.
SeedSummarizer = Callable[[Seed], Story]


def summarize_paths(
    paths: Sequence[Path | str],
    options: SourceOptions | None = None,
    summarize_one: SeedSummarizer = summarize_seed,
    strict: bool = False,
) -> tuple[list[Story], list[str]]:
    """Read (or fetch) and summarize every seed; a bad seed is skipped with a warning."""
    loaded = load_seeds(paths, options)
    stories, failed = summarize_seeds(loaded.seeds, summarize_one, strict)
    return stories, [*loaded.skipped, *failed]


def summarize_seeds(
    seeds: Sequence[Seed], summarize_one: SeedSummarizer = summarize_seed, strict: bool = False
) -> tuple[list[Story], list[str]]:
    """Stage: seeds -> stories; a seed that cannot be summarized is skipped with a warning.

    A quote its article does not hold is left out with a warning; under `strict` it
    stops the build, in one line naming the seed.
    """
    stories: list[Story] = []
    skipped: list[str] = []
    progress = Progress("summarized", len(seeds))
    for seed in seeds:
        progress.step()
        try:
            story = summarize_one(seed)
        except InputError as exc:
            if len(seeds) == 1:
                raise  # nothing else to build: say it once, as an error
            log.warning("%s (skipped)", exc.format_message())
            skipped.append(exc.format_message())
            continue
        unsourced = unsourced_message(story, strict)
        if unsourced and strict:
            raise StrictError(unsourced)
        if unsourced:
            log.warning("%s", unsourced)
        stories.append(story)
    progress.done()
    return stories, skipped


def assemble(
    stories: Sequence[Story],
    config: Config,
    date: dt.date,
    headings: tuple[str | None, ...] = (),
) -> Digest:
    """Stage: stories -> Digest; `headings`: the section heading above each story, if any."""
    return Digest(
        title=config.title,
        date=date,
        stories=tuple(stories),
        intro=config.intro,
        issue_number=config.issue_number,
        headings=headings,
        lang=config.lang,
    )


def build(
    paths: Sequence[Path | str],
    config: Config,
    date: dt.date,
    templates: Path | None = None,
    sources: SourceOptions | None = None,
    *,
    summarize_one: SeedSummarizer = summarize_seed,
    max_stories: int | None = None,
    sent: Collection[str] = frozenset(),
    strict: bool = False,
) -> BuildResult:
    """`paths` are seed arguments: files, folders, seeds.txt lists, article or feed URLs.

    `max_stories` keeps only the first N stories (`--max-stories`); `sent` holds the
    canonical URLs of stories that went out before: they are left out. `strict` makes
    a quote its article does not hold an error instead of a warning.
    """
    # Imported here: `digest summarize` imports this module and never renders (Jinja2, email).
    from digest.editions.weburl import web_url_for
    from digest.render.compose import render

    found, skipped = summarize_paths(paths, sources, summarize_one, strict)
    stories, left_out = new_stories(found, sent)
    if not stories and left_out:
        raise InputError(
            f"all {_count(len(left_out), 'story', 'stories')} went out in earlier editions; "
            "add new seeds, or give --include-sent to send them again"
        )
    if not stories:
        where = ", ".join(str(p) for p in paths)
        if skipped:  # each one was a warning saying what to fix: point there
            raise InputError(
                f"{where}: no usable seeds ({_count(len(skipped), 'seed', 'seeds')} skipped); "
                "fix what the warnings above say"
            )
        raise InputError(
            f"{where}: no usable seeds; add .txt, .html or .md articles, page or feed URLs"
        )
    stories = lead_first(stories, config.lead_story)
    stories, headings = arrange(stories, config.sections, config.more_section)
    if max_stories is not None and len(stories) > max_stories:
        dropped = [Path(s.source).name for s in stories[max_stories:]]
        log.info("--max-stories %d: left out %s", max_stories, ", ".join(dropped))
        stories, headings = stories[:max_stories], headings[:max_stories]
    # Seed-supplied text and links are made safe once, here, for every later stage.
    digest = assemble([sanitize(s) for s in stories], config, date, headings)
    # UTM tags go on the Digest, before rendering, so the HTML and text links match.
    digest = tag_links(digest, config.utm)
    web_url = web_url_for(config.footer.web_url, digest.issue_number, date)
    config = replace(config, footer=replace(config.footer, web_url=web_url))
    email = render(digest, config, templates, merge_tags(config.email.esp))
    return BuildResult(email, digest, tuple(skipped), tuple(left_out))


def remembered(
    memory: Memory | None, config: Config, sources: SourceOptions, include_sent: bool = False
) -> tuple[Config, SourceOptions, frozenset[str]]:
    """What the editions record changes in a build: the issue number (unless digest.toml
    sets one), feeds since the last edition (unless --since or --last is given) and the
    stories that went out already (unless --include-sent)."""
    if memory is None:
        return config, sources, frozenset()
    if config.issue_number is None:
        config = replace(config, issue_number=memory.issue)
    if sources.since is None and sources.last is None and memory.since is not None:
        sources = replace(sources, since=memory.since)
    return config, sources, frozenset() if include_sent else memory.sent


def new_stories(stories: Sequence[Story], sent: Collection[str]) -> tuple[list[Story], list[Story]]:
    """(kept, left out): a story is known by its canonical URL, so one article reached
    twice (two section feeds, a tracking link) is kept once, and one sent before is left out."""
    from digest.editions.identity import canonical_url

    seen = set(sent)
    kept: list[Story] = []
    left_out: list[Story] = []
    for story in stories:
        key = canonical_url(story.url) if story.url else None
        if key is None or key not in seen:
            kept.append(story)
        elif key in sent:
            left_out.append(story)
        if key is not None:
            seen.add(key)
    return kept, left_out


def lead_first(stories: Sequence[Story], named: str | None) -> list[Story]:
    """The stories with the lead first: the one `lead_story` in digest.toml names (by
    seed file name, path or URL), else the first marked `lead: true`, else the first."""
    if named:
        chosen = [s for s in stories if named in (s.source, Path(s.source).name, s.url)]
        if not chosen:
            log.warning(
                "lead_story %r in digest.toml names none of the seeds; the first story leads, "
                "give a seed's file name or URL",
                named,
            )
    else:
        chosen = [s for s in stories if s.featured]
    if not chosen:
        return list(stories)
    lead = chosen[0]
    return [lead, *(s for s in stories if s is not lead)]


def check_limits(result: BuildResult, config: Config) -> None:
    """Refuse an email Gmail would clip, or one with more stories than `max_stories`."""
    from digest.render.inbox import GMAIL_CLIP, KB

    count, limit = len(result.digest.stories), config.max_stories
    if count > limit:
        raise DigestError(
            f"{count} stories, over the limit of {limit} (max_stories in digest.toml); "
            f"keep the first {limit} with --max-stories {limit}, raise max_stories, "
            "or write it anyway with --allow-oversize"
        )
    size = len(result.email.html.encode("utf-8"))
    if size > GMAIL_CLIP:
        raise DigestError(
            f"the email is {size / KB:.1f} KB, over Gmail's {GMAIL_CLIP // KB} KB clip "
            "(readers would see [Message clipped]); use fewer stories (--max-stories N) or "
            "shorter leads (lead_words in digest.toml), or write it anyway with --allow-oversize"
        )


__all__ = [
    "BuildResult",
    "SeedSummarizer",
    "assemble",
    "build",
    "check_limits",
    "lead_first",
    "new_stories",
    "remembered",
    "summarize_file",
    "summarize_paths",
    "summarize_seeds",
]
