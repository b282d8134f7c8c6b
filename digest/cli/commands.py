"""The command line: each command parses options, calls the core, prints. Nothing more."""

from __future__ import annotations

import datetime as dt
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
    out,
    report,
    seed_args,
    source_options,
    warnings,
)
from digest.cli.project import check, init
from digest.cli.reading import fetch, summarize
from digest.cli.record import INCLUDE_SENT, note_left_out, plan, record, settings_words, to_the_list
from digest.console import count
from digest.errors import DigestError, one_line
from digest.vocabulary import FORMATS

if TYPE_CHECKING:
    from digest.build import BuildResult
    from digest.cli.options import IssueOptions
    from digest.cli.record import Plan
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
    from digest.deliver.formats import export, output_format
    from digest.errors import DigestError

    counter = warnings()
    edition = plan(issue, issue.config(**flags), sources, include_sent)
    config = edition.config
    chosen = output_format(fmt, output, config)  # `-o issue.md` is refused before any work
    paths = seed_args(seeds)
    result = _build_edition(paths, edition, issue, max_stories, strict, allow_oversize)
    if run_check:
        from digest.render.check import check_html

        broken = report(output, check_html(result.email.html))
        if broken:
            where = "email" if output == "-" else output
            raise DigestError(
                f"{where}: {count(broken, 'problem')} would break it; nothing written"
            )
    sent = None if reproducible else _now()
    data = export(result.email, result.digest, config, chosen, sent)
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
    from digest.deliver.formats import outgoing
    from digest.deliver.smtp import describe, parse_server, password_for, server_name
    from digest.deliver.smtp import send as smtp_send

    counter = warnings()
    host, port = parse_server(server) if server else (None, None)
    smtp = {"host": host, "port": port, "security": security, "user": user}
    edition = plan(issue, issue.config(smtp=smtp, **flags), sources, include_sent)
    config = edition.config
    paths = seed_args(seeds)
    result = _build_edition(paths, edition, issue, max_stories, strict, allow_oversize)
    message, sender, recipients = outgoing(result.email, result.digest, config, _now())
    counter.check_strict(strict)
    note_left_out(result)
    if dry_run:
        out(describe(message, config.smtp, recipients))
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


def _build_edition(
    paths: list[str | Path],
    edition: Plan,
    issue: IssueOptions,
    max_stories: int | None,
    strict: bool,
    allow_oversize: bool,
) -> BuildResult:
    """The build `build` and `send` share: the planned edition, then the clip and story limits."""
    from digest.build import build as run_build
    from digest.build import check_limits

    result = run_build(
        paths,
        edition.config,
        issue.date,
        issue.template_dir(),
        edition.sources,
        max_stories=max_stories,
        sent=edition.sent,
        strict=strict,
    )
    if not allow_oversize:
        check_limits(result, edition.config)
    return result


def _now() -> dt.datetime:
    """The local time, with its offset, as an email's Date header shows it."""
    return dt.datetime.now().astimezone()


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


cli.add_command(summarize)
cli.add_command(fetch)
cli.add_command(check)
cli.add_command(init)
cli.add_command(editions)
cli.add_command(archive)
env_names(cli)


def main() -> None:
    terminate_on_sigterm()
    cli(prog_name="digest")
