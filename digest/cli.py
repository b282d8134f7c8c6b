"""The command line: each command parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from digest import __version__
from digest.errors import ConfigError, Interrupted, StrictError, one_line

if TYPE_CHECKING:
    from digest.sources import SourceOptions

if TYPE_CHECKING:
    from digest.check import Problem

SEEDS_ARG = click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))
# Seed arguments that may be URLs: kept as text, since a Path would mangle "https://".
SOURCES_ARG = click.argument("seeds", nargs=-1)


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


def _parse_date(value: str | None, option: str = "--date") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{option} {value!r}: use the form YYYY-MM-DD") from exc


def _source_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--since/--last/--cache/--refresh, handed to `command` as one `sources` value."""

    @click.option("--since", metavar="YYYY-MM-DD", help="Feed items published on or after DATE.")
    @click.option(
        "--last", type=click.IntRange(min=1), metavar="N", help="The N newest items of each feed."
    )
    @click.option(
        "--cache",
        "cache_dir",
        metavar="DIR",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder for fetched pages [default: the user's cache folder].",
    )
    @click.option("--refresh", is_flag=True, help="Fetch every URL again, ignoring the cache.")
    @functools.wraps(command)
    def run(
        *args: Any,
        since: str | None,
        last: int | None,
        cache_dir: Path | None,
        refresh: bool,
        **kwargs: Any,
    ) -> Any:
        from digest.sources import SourceOptions

        day = _parse_date(since, "--since") if since else None
        kwargs["sources"] = SourceOptions(since=day, last=last, cache=cache_dir, refresh=refresh)
        return command(*args, **kwargs)

    return run


ESPS = ("none", "mailchimp", "sendgrid", "postmark", "mailgun", "ses", "brevo", "listmonk")
_MESSAGE_OPTIONS = (
    click.option(
        "--esp",
        type=click.Choice(ESPS),
        help="Use this provider's merge tags (unsubscribe, web version, first name); "
        "`build --format json` prints its API request body [default: [email] esp, else none].",
    ),
    click.option("--from", "from_", metavar="ADDR", help="Sender, 'Name <addr>' or addr."),
    click.option("--to", metavar="ADDR", help="Recipient(s), comma-separated."),
    click.option("--reply-to", metavar="ADDR", help="Reply-To address."),
    click.option("--utm-source", metavar="TEXT", help="utm_source for story links."),
    click.option("--utm-medium", metavar="TEXT", help="utm_medium for story links."),
    click.option("--utm-campaign", metavar="TEXT", help="utm_campaign [default: the issue date]."),
)


def _message_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the [email]/[utm] flags and hands them to `command` as one `flags` dict of sections."""

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        email = {key: kwargs.pop(key) for key in ("esp", "from_", "to", "reply_to")}
        utm = {key: kwargs.pop(f"utm_{key}") for key in ("source", "medium", "campaign")}
        return command(flags={"email": email, "utm": utm}, **kwargs)

    for option in reversed(_MESSAGE_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


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
@SOURCES_ARG
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
@_source_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "text", "eml", "json"]),
    help="html, text, eml (a MIME message with both parts) or json (the --esp provider's "
    "API request body; for mailgun a JSON object of its form fields) "
    "[default: [email] format, else html].",
)
@_message_options
@click.option("--check", "run_check", is_flag=True, help="Run `digest check` on the email too.")
def build(
    seeds: tuple[str, ...],
    output: str,
    date_: str | None,
    title: str | None,
    config_path: Path | None,
    templates: Path | None,
    strict: bool,
    sources: SourceOptions,
    fmt: str | None,
    flags: dict[str, dict[str, Any]],
    run_check: bool,
) -> None:
    """Build the email from SEEDS: files, folders, lists, page or feed URLs (default ./seeds)."""
    from dataclasses import replace

    from digest.build import build as run_build
    from digest.config import load_config, with_flags
    from digest.deliver import export
    from digest.output import write_output

    counter = _warnings()
    config = with_flags(load_config(config_path), **flags)
    if title:
        config = replace(config, title=title)
    templates = templates or _local_templates()
    paths: list[str | Path] = [*seeds] or [Path("seeds")]
    result = run_build(paths, config, _parse_date(date_), templates, sources)
    if run_check:
        from digest.check import check_html

        _report(output, check_html(result.email.html))
    data = export(result.email, result.digest, config, fmt)
    _check_strict(counter, strict)
    write_output(data, output)
    size = len(data) / 1024
    where = "stdout" if output == "-" else output
    click.echo(f"digest: {result.summary()}, {size:.1f} KB -> {where}", err=True)


@cli.command()
@SEEDS_ARG
@_message_options
@click.option("--smtp", "server", metavar="HOST[:PORT]", help="SMTP server [default: localhost].")
@click.option("--starttls", "security", flag_value="starttls", help="Require STARTTLS (port 587).")
@click.option("--ssl", "security", flag_value="ssl", help="TLS from the start (port 465).")
@click.option(
    "--user", help="SMTP login; the password comes from $DIGEST_SMTP_PASSWORD or a prompt."
)
@click.option("--dry-run", is_flag=True, help="Print the headers and sizes; connect to nothing.")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Issue date [default: today].")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Settings file.")
@click.option("--templates", type=click.Path(path_type=Path, file_okay=False), help="Theme folder.")
@click.option("--strict", is_flag=True, help="Fail on any warning instead of sending.")
def send(
    seeds: tuple[Path, ...],
    flags: dict[str, dict[str, Any]],
    server: str | None,
    security: str | None,
    user: str | None,
    dry_run: bool,
    date_: str | None,
    config_path: Path | None,
    templates: Path | None,
    strict: bool,
) -> None:
    """Send the email built from SEEDS to --to over SMTP: a test send to yourself.

    Without STARTTLS/SSL flags, STARTTLS is used when the server offers it.
    """
    from digest.build import build as run_build
    from digest.config import load_config, with_flags
    from digest.deliver import outgoing
    from digest.smtp import describe, parse_server, password_for, server_name
    from digest.smtp import send as smtp_send

    counter = _warnings()
    host, port = parse_server(server) if server else (None, None)
    smtp = {"host": host, "port": port, "security": security, "user": user}
    config = with_flags(load_config(config_path), smtp=smtp, **flags)
    result = run_build(list(seeds) or [Path("seeds")], config, _parse_date(date_), templates)
    message, sender, recipients = outgoing(result.email, result.digest, config)
    _check_strict(counter, strict)
    if dry_run:
        click.echo(describe(message, config.smtp, recipients))
        click.echo("digest: --dry-run: nothing sent", err=True)
        return
    smtp_send(message, sender, recipients, config.smtp, password_for(config.smtp.user))
    to, size = ", ".join(recipients), len(message) / 1024
    click.echo(f"digest: sent {size:.1f} KB to {to} via {server_name(config.smtp)}", err=True)


@cli.command()
@click.argument("seeds", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "jsonl"]),
    help="json: the stable object other tools read; jsonl: one such object per line, "
    'with a "source" key (always used for several seeds or a folder) [default: text].',
)
@click.option(
    "--explain", is_flag=True, help="Show each block of the seed and why it was kept or dropped."
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

    counter = _warnings()
    if explain:
        _explain(seeds[0], fmt)
        return
    story = summarize_file(seeds[0])
    if story.url is None:
        logging.getLogger("digest").warning(
            "%s: no URL (add `url:` front matter); the story will not link", seeds[0]
        )
    _check_strict(counter, strict)
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


def _explain(seed: Path, fmt: str | None) -> None:
    from digest.seeds import read_seed
    from digest.summarize.explain import explain, render

    lines = explain(read_seed(seed))
    if fmt == "json":
        click.echo(json.dumps([x.as_json() for x in lines], ensure_ascii=False, indent=2))
    else:
        click.echo(render(lines))


def _summarize_batch(seeds: tuple[Path, ...], fmt: str | None, jobs: int, strict: bool) -> None:
    import time

    from digest.batch import run

    if fmt == "text":
        raise ConfigError("--format text shows one seed; several are written with --format jsonl")
    _warnings()
    start = time.perf_counter()
    totals = run(seeds, jobs, strict)
    seconds = time.perf_counter() - start
    skipped = f", {totals.skipped} skipped" if totals.skipped else ""
    click.echo(
        f"digest: {totals.written} seed(s) summarized{skipped} in {seconds:.1f} s "
        f"({totals.jobs} job(s))",
        err=True,
    )


@cli.command()
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
@_source_options
def fetch(
    urls: tuple[str, ...], output: Path, force: bool, strict: bool, sources: SourceOptions
) -> None:
    """Save pages (URLs, feeds, seeds.txt lists) as seed files to edit before building."""
    from digest.snapshot import save_seeds
    from digest.sources import load_seeds

    counter = _warnings()
    loaded = load_seeds(urls, sources)
    _check_strict(counter, strict)
    written = save_seeds(loaded.seeds, output, force)
    for path in written:
        click.echo(str(path))
    click.echo(f"digest: {len(written)} seed file(s) -> {output}", err=True)


@cli.command()
@SEEDS_ARG
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--open/--no-open", "open_", default=False, show_default=True, help="Open it in a browser."
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
def preview(
    seeds: tuple[Path, ...],
    host: str,
    port: int,
    open_: bool,
    date_: str | None,
    title: str | None,
    config_path: Path | None,
    templates: Path | None,
) -> None:
    """Serve a live preview of the email in the browser.

    Watches SEEDS (default ./seeds), digest.toml and the templates; every save
    rebuilds the email and the open page reloads by itself. Ctrl-C stops it.
    """
    from digest.preview import Settings, serve

    seeds = seeds or (Path("seeds"),)
    settings = Settings(_parse_date(date_), seeds, config_path, templates, title)
    try:
        serve(settings, host, port, open_, lambda line: click.echo(line, err=True))
    except KeyboardInterrupt:
        click.echo("digest: preview stopped", err=True)


def _local_templates() -> Path | None:
    """./templates (as `digest init` writes it) is used when present, like ./digest.toml."""
    local = Path("templates")
    return local if local.is_dir() else None


def _report(name: str, problems: list[Problem]) -> int:
    """Log each problem as a warning line; returns how many were fatal."""
    log = logging.getLogger("digest.check")
    where = "email" if name == "-" else name
    for problem in problems:
        log.warning("%s: %s", where, problem.message)
    return sum(problem.fatal for problem in problems)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--strict", is_flag=True, help="Exit non-zero on any problem, not only fatal ones.")
def check(file: Path, strict: bool) -> None:
    """Check an HTML email FILE (- for stdin) for inbox problems.

    Size against Gmail's clip limit, images without alt text, empty or non-http(s)
    links, a missing unsubscribe link, the preheader's length and a missing lang.
    """
    from digest.check import check_file
    from digest.errors import DigestError

    _warnings()
    size, problems = check_file(file)
    name = "stdin" if str(file) == "-" else str(file)
    fatal = _report(name, problems)
    found = f"{len(problems)} problem(s)" if problems else "no problems"
    click.echo(f"digest: {name}: {size / 1024:.1f} KB, {found}", err=True)
    if fatal:
        raise DigestError(f"{name}: {fatal} problem(s) would break the email; fix them first")
    if strict and problems:
        raise StrictError(f"{name}: {len(problems)} problem(s) and --strict was given")


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite files that are already there.")
def init(force: bool) -> None:
    """Write a starter digest.toml and templates/ to edit.

    `digest build` then uses both from the current folder. Nothing is overwritten
    without --force.
    """
    from digest.starter import init_project

    for path in init_project(Path.cwd(), force):
        click.echo(f"digest: wrote {path.relative_to(Path.cwd())}", err=True)
    click.echo("digest: edit digest.toml and templates/, then run `digest build`", err=True)


def main() -> None:
    cli(prog_name="digest")
