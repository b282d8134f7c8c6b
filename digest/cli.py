"""The command line: each command parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import click

from digest import __version__
from digest.errors import ConfigError, Interrupted, StrictError, one_line

SEEDS_ARG = click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))


class _WarningCounter(logging.Handler):
    """Prints warnings as one line each on stderr and counts them for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        click.echo(f"digest: warning: {one_line(record.getMessage())}", err=True)


def _warnings() -> _WarningCounter:
    handler = _WarningCounter()
    root = logging.getLogger("digest")
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
    root.propagate = False
    return handler


def _check_strict(counter: _WarningCounter, strict: bool) -> None:
    if strict and counter.count:
        raise StrictError(
            f"--strict: {counter.count} warning(s) above; nothing written, "
            "fix them or build without --strict"
        )


def _parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--date {value!r}: use the form YYYY-MM-DD") from exc


class _Group(click.Group):
    """Ctrl-C anywhere in a command: one line and exit 130, never click's "Aborted!"."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    type=click.Path(path_type=Path, file_okay=False, exists=True),
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
    click.echo(f"digest: {result.summary()}, {size:.1f} KB -> {where}", err=True)


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
def summarize(seed: Path, fmt: str) -> None:
    """Summarize one SEED: headline, byline, lead and key quotes."""
    from digest.build import summarize_file

    _warnings()
    story = summarize_file(seed)
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
