"""The command line: each command parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from digest import __version__
from digest.cli.exits import fail, interrupted, terminate_on_sigterm
from digest.cli.history import archive, editions
from digest.cli.options import (
    SEEDS_ARG,
    SOURCES_ARG,
    IssueOptions,
    env_names,
    issue_options,
    message_options,
    seed_args,
    source_options,
    warnings,
)
from digest.cli.record import INCLUDE_SENT, note_left_out, plan, record, settings_words, to_the_list
from digest.console import count
from digest.errors import ConfigError, DigestError, StrictError, one_line
from digest.vocabulary import FORMATS

if TYPE_CHECKING:
    from digest.model import Story
    from digest.render.check import Problem
    from digest.sources.load import SourceOptions


class _Group(click.Group):
    """A core error anywhere in a command: its one line and exit code (cli/exits.py).

    Ctrl-C: one line and exit 130, never click's "Aborted!".
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DigestError as exc:
            fail(ctx, exc)
        except KeyboardInterrupt as stop:
            interrupted(ctx, stop)


def limit_options(command: Any) -> Any:
    """--max-stories and --allow-oversize: what to do about a long issue."""
    command = click.option(
        "--allow-oversize",
        is_flag=True,
        help="Write the email even over Gmail's ~102 KB clip or max_stories.",
    )(command)
    return click.option(
        "--max-stories",
        type=click.IntRange(min=1),
        metavar="N",
        help="Keep only the first N stories.",
    )(command)


# Every option can also come from the environment: DIGEST_<COMMAND>_<OPTION>.
SETTINGS = {"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "DIGEST"}


@click.group(cls=_Group, context_settings=SETTINGS)
@click.version_option(__version__, prog_name="digest")
def cli() -> None:
    """Turn a week's articles (seeds) into the newsletter email.

    Any option can be set in the environment as DIGEST_<COMMAND>_<OPTION>, e.g.
    DIGEST_BUILD_CACHE=/var/cache/digest. Shell completion:
    eval "$(_DIGEST_COMPLETE=bash_source digest)" (zsh_source, fish_source).
    """


@cli.command()
@SOURCES_ARG
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write, or - for stdout."
)
@issue_options
@click.option("--strict", is_flag=True, help="Fail on any warning instead of skipping.")
@source_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="html, text, eml (a MIME message with both parts) or json (the --esp provider's "
    "API request body; for mailgun a JSON object of its form fields) "
    f"[default: from the -o file's extension ({' '.join(s[0] for s in FORMATS.values())}), "
    "else [email] format, "
    "else html].",
)
@message_options
@click.option(
    "--check",
    "run_check",
    is_flag=True,
    help="Run `digest check` on the email too; write nothing if it finds a broken part.",
)
@limit_options
@INCLUDE_SENT
@click.option(
    "--reproducible",
    is_flag=True,
    help="An .eml for the archive: Date is the issue date and Message-ID comes from the "
    "content, so a rebuild is byte-identical [default: now, and a fresh Message-ID].",
)
def build(
    seeds: tuple[str, ...],
    output: str,
    issue: IssueOptions,
    strict: bool,
    sources: SourceOptions,
    fmt: str | None,
    flags: dict[str, dict[str, Any]],
    run_check: bool,
    max_stories: int | None,
    allow_oversize: bool,
    include_sent: bool,
    reproducible: bool,
) -> None:
    """Build the email from SEEDS (default ./seeds).

    SEEDS are files, folders, seeds.txt lists, article URLs and feed URLs or files.
    Beside a digest.toml the edition is recorded: the next build numbers itself,
    reads feeds from the last edition's date and leaves out stories already sent.
    """
    from digest.atomic import write_output
    from digest.build import build as run_build
    from digest.build import check_limits
    from digest.deliver.formats import export, output_format
    from digest.errors import DigestError

    counter = warnings()
    edition = plan(issue, issue.config(**flags), sources, include_sent)
    config = edition.config
    paths = seed_args(seeds)
    result = run_build(
        paths,
        config,
        issue.date,
        issue.template_dir(),
        edition.sources,
        max_stories=max_stories,
        sent=edition.sent,
    )
    if not allow_oversize:
        check_limits(result, config)
    if run_check:
        from digest.render.check import check_html

        broken = _report(output, check_html(result.email.html))
        if broken:
            where = "email" if output == "-" else output
            raise DigestError(
                f"{where}: {count(broken, 'problem')} would break it; nothing written"
            )
    sent = None if reproducible else _now()
    data = export(result.email, result.digest, config, output_format(fmt, output, config), sent)
    counter.check_strict(strict)
    write_output(data, output)
    note_left_out(result)
    where = "stdout" if output == "-" else output
    recorded = record(edition, result, data)
    summary = f"{result.summary()}, {len(data) / 1024:.1f} KB -> {where}; {recorded}"
    click.echo(f"digest: {one_line(summary)}", err=True)


@cli.command()
@SOURCES_ARG
@message_options
@click.option("--smtp", "server", metavar="HOST[:PORT]", help="SMTP server [default: localhost].")
@click.option("--starttls", "security", flag_value="starttls", help="Require STARTTLS (port 587).")
@click.option("--ssl", "security", flag_value="ssl", help="TLS from the start (port 465).")
@click.option(
    "--user", help="SMTP login; the password comes from $DIGEST_SMTP_PASSWORD or a prompt."
)
@click.option("--dry-run", is_flag=True, help="Print the headers and sizes; connect to nothing.")
@issue_options
@click.option("--strict", is_flag=True, help="Fail on any warning instead of sending.")
@source_options
@limit_options
@INCLUDE_SENT
def send(
    seeds: tuple[str, ...],
    flags: dict[str, dict[str, Any]],
    server: str | None,
    security: str | None,
    user: str | None,
    dry_run: bool,
    issue: IssueOptions,
    strict: bool,
    sources: SourceOptions,
    max_stories: int | None,
    allow_oversize: bool,
    include_sent: bool,
) -> None:
    """Send the email built from SEEDS to --to over SMTP.

    Without STARTTLS/SSL flags, STARTTLS is used when the server offers it. A send
    to exactly the [email] list_address is recorded as the edition going out; any
    other is a test and records nothing.
    """
    from digest.build import build as run_build
    from digest.build import check_limits
    from digest.deliver.formats import outgoing
    from digest.deliver.smtp import describe, parse_server, password_for, server_name
    from digest.deliver.smtp import send as smtp_send

    counter = warnings()
    host, port = parse_server(server) if server else (None, None)
    smtp = {"host": host, "port": port, "security": security, "user": user}
    edition = plan(issue, issue.config(smtp=smtp, **flags), sources, include_sent)
    config = edition.config
    paths = seed_args(seeds)
    result = run_build(
        paths,
        config,
        issue.date,
        issue.template_dir(),
        edition.sources,
        max_stories=max_stories,
        sent=edition.sent,
    )
    if not allow_oversize:
        check_limits(result, config)
    message, sender, recipients = outgoing(result.email, result.digest, config, _now())
    counter.check_strict(strict)
    note_left_out(result)
    if dry_run:
        _out(describe(message, config.smtp, recipients))
        click.echo(
            f"digest: --dry-run: nothing sent or recorded; {settings_words(edition)}", err=True
        )
        return
    smtp_send(
        message, sender, recipients, config.smtp, password_for(config.smtp.user, _hidden_prompt)
    )
    if to_the_list(config, recipients):
        recorded = record(edition, result, message, sent=True)
    else:
        recorded = f"a test send, not recorded; {settings_words(edition)}"
    to, size = ", ".join(recipients), len(message) / 1024
    click.echo(
        f"digest: sent {size:.1f} KB to {to} via {server_name(config.smtp)}; {recorded}", err=True
    )


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
        _out(json.dumps(story.as_json(), ensure_ascii=False, indent=2))
    else:
        _out(_story_text(story))


def _now() -> dt.datetime:
    """The local time, with its offset, as an email's Date header shows it."""
    return dt.datetime.now().astimezone()


def _out(text: str, end: str = "\n") -> None:
    """Data to stdout; a closed or full stdout is one line and exit 6, never a traceback."""
    from digest.atomic import write_stdout

    write_stdout(text + end)


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

    lines = explain(read_seed(seed))
    if fmt == "json":
        _out(json.dumps([x.as_json() for x in lines], ensure_ascii=False, indent=2))
    else:
        _out(render(lines))


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
    _out("".join(f"{path}\n" for path in written), end="")
    click.echo(f"digest: {count(len(written), 'seed file')} -> {output}", err=True)


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
@issue_options
def preview(
    seeds: tuple[Path, ...], host: str, port: int, open_: bool, issue: IssueOptions
) -> None:
    """Serve a live preview of the email in the browser.

    Watches SEEDS (default ./seeds), digest.toml and the templates; every save
    rebuilds the email and the open page reloads by itself. Ctrl-C stops it.
    """
    from digest.preview import Settings, serve

    settings = Settings(
        issue.date, seeds or (Path("seeds"),), issue.config_path, issue.templates, issue.title
    )
    try:
        serve(settings, host, port, open_, lambda line: click.echo(line, err=True))
    except KeyboardInterrupt:
        click.echo("digest: preview stopped", err=True)


def _hidden_prompt(text: str) -> str:
    return str(click.prompt(text, hide_input=True, err=True))


def _report(name: str, problems: list[Problem]) -> int:
    """Log each problem as a warning line; returns how many were fatal."""
    log = logging.getLogger("digest.render.check")
    where = "email" if name == "-" else name
    for problem in problems:
        log.warning("%s: %s", where, problem.message)
    return sum(problem.fatal for problem in problems)


@cli.command()
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
    fatal = _report(name, problems)
    found = count(len(problems), "problem") if problems else "no problems"
    click.echo(f"digest: {name}: {size / 1024:.1f} KB, {found}", err=True)
    if fatal:
        broken = count(fatal, "problem")
        raise DigestError(f"{name}: {broken} would break the email; fix them first")
    if strict and problems:
        raise StrictError(f"{name}: {count(len(problems), 'problem')} and --strict was given")


@cli.command()
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


cli.add_command(editions)
cli.add_command(archive)
env_names(cli)


def main() -> None:
    terminate_on_sigterm()
    cli(prog_name="digest")
