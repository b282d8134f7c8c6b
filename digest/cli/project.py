"""`digest check` and `digest init`: checking an email file, starting a project folder."""

from __future__ import annotations

from pathlib import Path

import click

from digest.cli.options import report, warnings
from digest.console import count
from digest.errors import DigestError, StrictError


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--strict", is_flag=True, help="Exit non-zero on any problem, not only fatal ones.")
def check(file: Path, strict: bool) -> None:
    """Check an HTML email FILE (- for stdin) for inbox problems.

    Size against Gmail's clip limit, images without alt text or a width, text
    under 14 px or too close to its background, empty or boilerplate headlines,
    empty or non-http(s) links, a missing unsubscribe link, the preheader's
    length and a missing lang.
    """
    from digest.render.check import check_file

    warnings()
    size, problems = check_file(file)
    name = "stdin" if str(file) == "-" else str(file)
    fatal = report(name, problems)
    found = count(len(problems), "problem") if problems else "no problems"
    click.echo(f"digest: {name}: {size / 1024:.1f} KB, {found}", err=True)
    if fatal:
        broken = count(fatal, "problem")
        raise DigestError(f"{name}: {broken} would break the email; fix them first")
    if strict and problems:
        raise StrictError(f"{name}: {count(len(problems), 'problem')} and --strict was given")


@click.command()
@click.option("--force", is_flag=True, help="Overwrite files that are already there.")
@click.option(
    "--with-templates",
    is_flag=True,
    help="Copy every template of the theme into templates/ (each then replaces the built-in "
    "one for good).",
)
def init(force: bool, with_templates: bool) -> None:
    """Write a starter digest.toml and a templates/ folder.

    templates/ holds a note on replacing one template; --with-templates copies them
    all. `digest build` then uses both from the current folder, and records each
    edition beside digest.toml. Nothing is overwritten without --force.
    """
    from digest.cli.starter import init_project

    for path in init_project(Path.cwd(), force, with_templates):
        click.echo(f"digest: wrote {path.relative_to(Path.cwd())}", err=True)
    click.echo("digest: edit digest.toml, then run `digest build`", err=True)
