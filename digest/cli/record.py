"""How `build` and `send` use the editions record: plan the edition, note, record.

Kept out of the commands so each stays a few lines: the record decides the
issue number, the feeds' --since and which stories already went out.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import getaddresses
from pathlib import Path
from typing import TYPE_CHECKING

import click

from digest.console import count

if TYPE_CHECKING:
    from digest.build import BuildResult
    from digest.cli.options import IssueOptions
    from digest.config import Config
    from digest.editions.memory import Memory
    from digest.sources.load import SourceOptions

INCLUDE_SENT = click.option(
    "--include-sent", is_flag=True, help="Keep stories that went out in an earlier edition."
)


@dataclass(frozen=True)
class Plan:
    """The edition about to be built, with what the record says about it."""

    settings: Path | None  # the digest.toml in use
    config: Config  # with the issue number filled in
    sources: SourceOptions  # with --since defaulting to the last edition's date
    memory: Memory | None  # None outside a project (no digest.toml)
    sent: frozenset[str]  # canonical URLs to leave out


def plan(
    issue: IssueOptions, config: Config, sources: SourceOptions, include_sent: bool = False
) -> Plan:
    """issue_number in digest.toml and --since/--last win over what the record suggests."""
    from digest.build import remembered
    from digest.editions.memory import recall

    settings = issue.settings_file()
    memory = recall(settings, config, issue.date)
    config, sources, sent = remembered(memory, config, sources, include_sent)
    return Plan(settings, config, sources, memory, sent)


def note_left_out(result: BuildResult) -> None:
    """One line naming the stories left out because an earlier edition had them."""
    if not result.left_out:
        return
    heads = [f"\u201c{story.headline}\u201d" for story in result.left_out[:3]]
    more = len(result.left_out) - len(heads)
    named = ", ".join(heads) + (f" and {more} more" if more > 0 else "")
    click.echo(
        f"digest: left out {count(len(result.left_out), 'story', 'stories')} sent in an "
        f"earlier edition: {named} (--include-sent keeps them)",
        err=True,
    )


def record(plan: Plan, result: BuildResult, output: bytes, sent: bool = False) -> str:
    """Record the edition; returns the words for the summary line."""
    from digest.editions.memory import remember

    if plan.memory is None:
        return "no digest.toml found: default settings, no edition recorded"
    remember(plan.memory, result.digest, result.email.subject, output, sent)
    number = result.digest.issue_number
    what = f"issue {number}" if number is not None else "edition"
    return f"{what} recorded{' as sent' if sent else ''}, settings from {plan.settings}"


def settings_words(plan: Plan) -> str:
    """For runs that record nothing: which digest.toml was used, or that none was found."""
    if plan.settings is None:
        return "no digest.toml found: default settings"
    return f"settings from {plan.settings}"


def to_the_list(config: Config, recipients: list[str]) -> bool:
    """A send to exactly the [email] list_address is the edition going out; else a test."""
    if not config.email.list_address:
        return False
    listed = {addr.lower() for _name, addr in getaddresses([config.email.list_address]) if addr}
    return bool(listed) and listed == {addr.lower() for addr in recipients}
