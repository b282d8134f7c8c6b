"""`digest editions` and `digest archive`: what the record holds, as a list or a web archive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from digest.console import count

if TYPE_CHECKING:
    from digest.editions.store import Edition

CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    # Not click's dir_okay=False: a folder is a settings problem (exit 4), not usage (exit 2).
    type=click.Path(path_type=Path),
    help="Settings file; the record sits beside it [default: ./digest.toml].",
)


def _recorded(config_path: Path | None) -> list[Edition]:
    from digest.cli.options import settings_file
    from digest.config import load_config
    from digest.editions.memory import editions as recorded

    settings = settings_file(config_path)
    if settings is None:
        click.echo("digest: no digest.toml found here, so no editions are recorded", err=True)
    return recorded(settings, load_config(config_path))


@click.command()
@CONFIG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for a person, json for tools.",
)
def editions(config_path: Path | None, fmt: str) -> None:
    """List the recorded editions, newest first."""
    found = _recorded(config_path)
    if fmt == "json":
        click.echo(json.dumps([e.as_json() for e in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("digest: no editions recorded yet; `digest build` records each one", err=True)
        return
    click.echo(f"{'issue':>5}  {'date':<10}  {'stories':>7}  {'sent':<4}  subject")
    for e in found:
        number = "-" if e.issue is None else str(e.issue)
        sent = "yes" if e.sent else "no"
        click.echo(
            f"{number:>5}  {e.date.isoformat():<10}  {len(e.stories):>7}  {sent:<4}  {e.subject}"
        )


@click.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@CONFIG_OPTION
def archive(out_dir: Path, config_path: Path | None) -> None:
    """Write the recorded editions as a static web archive in OUT_DIR.

    OUT_DIR/index.html lists every edition, newest first; OUT_DIR/N/index.html is
    edition N's web version; OUT_DIR/feed.xml is an Atom feed of the editions.
    Set [footer] web_url to where OUT_DIR is published, e.g.
    https://news.example/newsletter/{issue}/, and the email links to its page.
    """
    from digest.config import load_config
    from digest.deliver.archive.pages import write_archive
    from digest.errors import DigestError

    found = _recorded(config_path)
    if not found:
        raise DigestError("no editions recorded yet; build one beside a digest.toml first")
    written = write_archive(found, load_config(config_path), out_dir)
    click.echo(
        f"digest: archive of {count(written.editions, 'edition')} -> {written.folder} "
        f"({count(written.files, 'file')}: index.html, feed.xml and a page per edition)",
        err=True,
    )
