"""The command line: each command parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import click

from digest import __version__
from digest.errors import ConfigError, StrictError

SEEDS_ARG = click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))


class _WarningCounter(logging.Handler):
    """Prints warnings as one line each on stderr and counts them for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        click.echo(f"digest: warning: {record.getMessage()}", err=True)


def _warnings() -> _WarningCounter:
    handler = _WarningCounter()
    root = logging.getLogger("digest")
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
    root.propagate = False
    return handler


def _check_strict(counter: _WarningCounter, strict: bool) -> None:
    if strict and counter.count:
        raise StrictError(f"{counter.count} warning(s) and --strict was given; nothing written")


def _parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--date {value!r}: use the form YYYY-MM-DD") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
def cli() -> None:
    """Turn a week's articles (seeds) into the newsletter email."""


@cli.command()
@SEEDS_ARG
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, or - for stdout."
)
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Issue date [default: today].")
@click.option("--title", help="Newsletter title [default: from digest.toml].")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Settings file [default: ./digest.toml if present].",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of templates searched before the built-in theme.",
)
@click.option("--strict", is_flag=True, help="Fail on any warning instead of skipping.")
def build(
    seeds: tuple[Path, ...],
    output: str,
    date_: str | None,
    title: str | None,
    config_path: Path | None,
    templates: Path | None,
    strict: bool,
) -> None:
    """Build the email from SEEDS (files or folders; default ./seeds)."""
    from dataclasses import replace

    from digest.build import build as run_build
    from digest.config import load_config
    from digest.output import write_output

    counter = _warnings()
    config = load_config(config_path)
    if title:
        config = replace(config, title=title)
    result = run_build(list(seeds) or [Path("seeds")], config, _parse_date(date_), templates)
    _check_strict(counter, strict)
    write_output(result.email.html, output)
    size = len(result.email.html.encode("utf-8")) / 1024
    where = "stdout" if output == "-" else output
    skipped = f", {len(result.skipped)} seed(s) skipped" if result.skipped else ""
    click.echo(
        f"digest: {len(result.digest.stories)} stories, {size:.1f} KB -> {where}{skipped}", err=True
    )


@cli.command()
@click.argument("seed", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="json: the stable object other tools read.",
)
@click.option(
    "--explain", is_flag=True, help="Show each block of the seed and why it was kept or dropped."
)
def summarize(seed: Path, fmt: str, explain: bool) -> None:
    """Summarize one SEED: headline, byline, lead and key quotes."""
    from digest.seeds import read_seed
    from digest.summarize import summarize as run_summarize

    _warnings()
    if explain:
        from digest.summarize.explain import explain as run_explain
        from digest.summarize.explain import render

        lines = run_explain(read_seed(seed))
        if fmt == "json":
            click.echo(json.dumps([x.as_json() for x in lines], ensure_ascii=False, indent=2))
        else:
            click.echo(render(lines))
        return
    story = run_summarize(read_seed(seed))
    if fmt == "json":
        click.echo(json.dumps(story.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(story.headline)
    click.echo(f"By {story.byline}" if story.byline else "(no byline)")
    for paragraph in story.lead:
        click.echo(f"\n{paragraph}")
    for quote in story.quotes:
        speaker = f" ({quote.speaker})" if quote.speaker else ""
        click.echo(f"\n\u201c{quote.text}\u201d{speaker}")


def main() -> None:
    cli(prog_name="digest")
