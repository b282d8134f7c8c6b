"""What the commands share: warning lines, --strict, and the option groups several take.

Each option group hands the command one value (IssueOptions, SourceOptions, a
flags dict) instead of a long list of parameters, so commands stay short.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from digest.console import count, watched
from digest.errors import ConfigError, InputError, StrictError, one_line
from digest.vocabulary import PRESETS

if TYPE_CHECKING:
    from digest.config import Config
    from digest.render.check import Problem

Command = Callable[..., Any]

SEEDS_ARG = click.argument("seeds", nargs=-1, type=click.Path(path_type=Path))
# Seed arguments that may be URLs: kept as text, since a Path would mangle "https://".
SOURCES_ARG = click.argument("seeds", nargs=-1)


class WarningCounter(logging.Handler):
    """Prints warnings as one line each on stderr and counts them for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        clear = "\r\033[K" if watched() else ""  # over a progress line, if one is shown
        click.echo(f"{clear}digest: warning: {one_line(record.getMessage())}", err=True)

    def check_strict(self, strict: bool) -> None:
        if strict and self.count:
            raise StrictError(
                f"--strict: {count(self.count, 'warning')} above; nothing written, "
                "fix them or run without --strict"
            )


def warnings() -> WarningCounter:
    """Route every digest warning to stderr, one line each, and count them."""
    handler = WarningCounter()
    root = logging.getLogger("digest")
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
    root.propagate = False
    return handler


def seed_args(seeds: tuple[str, ...]) -> list[str | Path]:
    """The SEEDS arguments, or ./seeds when none are given (and say so when it is missing)."""
    if seeds:
        return [*seeds]
    if not Path("seeds").exists():
        raise InputError(
            "no SEEDS given and no seeds folder here; name seed files, a folder or URLs "
            "(e.g. `digest build articles/`), or run in the folder that holds seeds/"
        )
    return [Path("seeds")]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str | None, option: str = "--date") -> dt.date:
    if value is None:
        return dt.date.today()
    if not _ISO_DAY.fullmatch(value):
        raise ConfigError(f"{option} {value!r}: use the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:  # the right form, but no such day: 2026-02-30
        raise ConfigError(f"{option} {value!r}: no such day ({exc}); check the date") from exc


def settings_file(config_path: Path | None) -> Path | None:
    """The digest.toml in use: --config, else ./digest.toml when present."""
    from digest.config import CONFIG_NAME

    if config_path is not None:
        return config_path
    local = Path(CONFIG_NAME)
    return local if local.is_file() else None


@dataclass(frozen=True)
class IssueOptions:
    """--date, --title, --config and --templates: what `build`, `send` and `preview` share."""

    date: dt.date
    title: str | None
    config_path: Path | None
    templates: Path | None

    def config(self, **flags: dict[str, Any]) -> Config:
        """digest.toml (or the defaults), with command-line flags and --title on top."""
        from digest.config import load_config, with_flags

        config = with_flags(load_config(self.config_path), **flags)
        return replace(config, title=self.title) if self.title else config

    def settings_file(self) -> Path | None:
        return settings_file(self.config_path)

    def template_dir(self) -> Path | None:
        """--templates, else ./templates (as `digest init` writes it) when present."""
        local = Path("templates")
        return self.templates or (local if local.is_dir() else None)


def issue_options(command: Command) -> Command:
    """Adds --date/--title/--config/--templates, handed over as one `issue` value."""

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
        help="Folder of templates searched before the built-in theme [default: ./templates].",
    )
    @functools.wraps(command)
    def run(
        *args: Any,
        date_: str | None,
        title: str | None,
        config_path: Path | None,
        templates: Path | None,
        **kwargs: Any,
    ) -> Any:
        kwargs["issue"] = IssueOptions(parse_date(date_), title, config_path, templates)
        return command(*args, **kwargs)

    return run


def source_options(command: Command) -> Command:
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
    @click.option(
        "--allow-private",
        is_flag=True,
        help="Let feeds' links reach this machine and private networks (refused by default).",
    )
    @functools.wraps(command)
    def run(
        *args: Any,
        since: str | None,
        last: int | None,
        cache_dir: Path | None,
        refresh: bool,
        allow_private: bool,
        **kwargs: Any,
    ) -> Any:
        from digest.sources.load import SourceOptions

        day = parse_date(since, "--since") if since else None
        kwargs["sources"] = SourceOptions(
            since=day, last=last, cache=cache_dir, refresh=refresh, allow_private=allow_private
        )
        return command(*args, **kwargs)

    return run


ESPS = tuple(PRESETS)
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


def message_options(command: Command) -> Command:
    """Adds the [email]/[utm] flags and hands them to `command` as one `flags` dict of sections."""

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        email = {key: kwargs.pop(key) for key in ("esp", "from_", "to", "reply_to")}
        utm = {key: kwargs.pop(f"utm_{key}") for key in ("source", "medium", "campaign")}
        return command(flags={"email": email, "utm": utm}, **kwargs)

    for option in reversed(_MESSAGE_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def env_names(group: click.Group) -> None:
    """Name each option's variable after the option users type: DIGEST_BUILD_DATE, not
    click's DIGEST_BUILD_DATE_ from the parameter `date_` (auto_envvar_prefix's rule)."""
    for command_name, command in group.commands.items():
        shared = Counter(param.name for param in command.params)
        for param in command.params:
            longs = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
            # Flags sharing one parameter (--starttls/--ssl) keep click's name for it.
            if not isinstance(param, click.Option) or param.envvar or shared[param.name] > 1:
                continue
            if longs:
                option = longs[0][2:].replace("-", "_").upper()
                param.envvar = f"DIGEST_{command_name.upper()}_{option}"


def out(text: str, end: str = "\n") -> None:
    """Data to stdout; a closed or full stdout is one line and exit 6, never a traceback."""
    from digest.atomic import write_stdout

    write_stdout(text + end)


def report(name: str, problems: list[Problem]) -> int:
    """Log each problem as a warning line; returns how many were fatal."""
    log = logging.getLogger("digest.render.check")
    where = "email" if name == "-" else name
    for problem in problems:
        log.warning("%s: %s", where, problem.message)
    return sum(problem.fatal for problem in problems)
