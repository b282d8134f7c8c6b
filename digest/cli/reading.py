"""`digest summarize` and `digest fetch`: reading seeds, without building an email."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from digest.cli.options import out, source_options, warnings
from digest.console import count
from digest.errors import ConfigError

if TYPE_CHECKING:
    from digest.model import Story
    from digest.sources.load import SourceOptions


@click.command()
@click.argument("seeds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "jsonl"]),
    help="json: the stable object other tools read; jsonl: one such object per line, "
    'with a "source" key (always used for several seeds or a folder) [default: text].',
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show each block of the seed and why it was kept or dropped, and how the headline, "
    "byline and lead candidates ranked.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for several seeds; 0 uses every core.",
)
@click.option("--strict", is_flag=True, help="Stop at the first warning (a bad seed).")
def summarize(
    seeds: tuple[Path, ...], fmt: str | None, explain: bool, jobs: int, strict: bool
) -> None:
    """Summarize SEEDS: headline, byline, lead and key quotes.

    Several seeds (or a folder) are written as JSON lines, in order.
    """
    if fmt == "jsonl" or len(seeds) > 1 or seeds[0].is_dir():
        _summarize_batch(seeds, fmt, jobs, strict)
        return
    from digest.build import summarize_file

    counter = warnings()
    if explain:
        _explain(seeds[0], fmt)
        return
    story = summarize_file(seeds[0])
    counter.check_strict(strict)
    if story.url is None:
        # A note, as in build's summary line, not a warning: --strict passes here as there.
        click.echo(
            f"digest: {seeds[0]}: no URL (add `url:` front matter); in an email the story "
            "will not link",
            err=True,
        )
    if fmt == "json":
        out(json.dumps(story.as_json(), ensure_ascii=False, indent=2))
    else:
        out(_story_text(story))


def _story_text(story: Story) -> str:
    """The summary as a person reads it."""
    lines = [story.headline, f"By {story.byline}" if story.byline else "(no byline)"]
    lines += [f"\n{paragraph}" for paragraph in story.lead]
    for quote in story.quotes:
        speaker = f" ({quote.speaker})" if quote.speaker else ""
        lines.append(f"\n\u201c{quote.text}\u201d{speaker}")
    return "\n".join(lines)


def _explain(seed: Path, fmt: str | None) -> None:
    from digest.sources.seeds import read_seed
    from digest.summarize.explain import explain, render

    explanation = explain(read_seed(seed))
    if fmt == "json":
        out(json.dumps(explanation.as_json(), ensure_ascii=False, indent=2))
    else:
        out(render(explanation))


def _summarize_batch(seeds: tuple[Path, ...], fmt: str | None, jobs: int, strict: bool) -> None:
    import time

    from digest.batch import run

    if fmt == "text":
        raise ConfigError("--format text shows one seed; several are written with --format jsonl")
    warnings()
    start = time.perf_counter()
    totals = run(seeds, jobs, strict)
    seconds = time.perf_counter() - start
    skipped = f", {totals.skipped} skipped" if totals.skipped else ""
    click.echo(
        f"digest: {count(totals.written, 'seed')} summarized{skipped} in {seconds:.1f} s "
        f"({count(totals.jobs, 'job')})",
        err=True,
    )


@click.command()
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("seeds"),
    show_default=True,
    help="Folder to save the seed files in.",
)
@click.option("--force", is_flag=True, help="Overwrite seed files that already exist.")
@click.option("--strict", is_flag=True, help="Fail on any warning; save nothing.")
@source_options
def fetch(
    urls: tuple[str, ...], output: Path, force: bool, strict: bool, sources: SourceOptions
) -> None:
    """Save pages and feed items as seed files to edit.

    URLS are article URLs, feeds and seeds.txt lists; edit the files, then run
    `digest build` on the folder.
    """
    from digest.sources.load import load_seeds
    from digest.sources.snapshot import save_seeds

    counter = warnings()
    loaded = load_seeds(urls, sources)
    counter.check_strict(strict)
    written = save_seeds(loaded.seeds, output, force)
    out("".join(f"{path}\n" for path in written), end="")
    click.echo(f"digest: {count(len(written), 'seed file')} -> {output}", err=True)
