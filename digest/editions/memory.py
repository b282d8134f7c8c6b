"""What a build takes from the record (its number, since when, what went out) and gives back.

The record lives beside the project's digest.toml: without one there is no
project, and a build neither reads nor writes a record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest.editions.store import Edition, EditionStore

if TYPE_CHECKING:
    from digest.config import Config
    from digest.model import Digest


@dataclass(frozen=True)
class Memory:
    """What the record says about the edition of `date` about to be built."""

    path: Path
    date: dt.date
    issue: int  # the next number, or this edition's own when it is rebuilt
    since: dt.date | None  # the date of the edition before it
    sent: frozenset[str]  # canonical URLs of the stories earlier editions held


def store_path(settings: Path, config: Config) -> Path:
    """[editions] path, relative to the folder of digest.toml."""
    return settings.parent / Path(config.editions.path).expanduser()


def recall(
    settings: Path | None, config: Config, date: dt.date, create: bool = True
) -> Memory | None:
    """The record's answer for the edition of `date`; None outside a project.

    With `create` False (the preview, which records nothing) a missing record is
    read as an empty one instead of being made.
    """
    if settings is None:
        return None
    path = store_path(settings, config)
    if not create and not path.exists():
        return Memory(path=path, date=date, issue=1, since=None, sent=frozenset())
    with EditionStore(path) as store:
        previous = store.previous(date)
        return Memory(
            path=path,
            date=date,
            issue=store.next_issue(date),
            since=previous.date if previous else None,
            sent=store.sent_urls(date),
        )


def remember(memory: Memory, digest: Digest, subject: str, output: bytes, sent: bool) -> Edition:
    """Record the edition just built (replacing an earlier build of the same date)."""
    edition = Edition(
        issue=digest.issue_number,
        date=digest.date,
        title=digest.title,
        subject=subject,
        stories=digest.stories,
        output_sha256=hashlib.sha256(output).hexdigest(),
        sent=sent,
        intro=digest.intro,
    )
    with EditionStore(memory.path) as store:
        store.record(edition)
    return edition


def editions(settings: Path | None, config: Config) -> list[Edition]:
    """Every recorded edition, newest first (none outside a project)."""
    if settings is None:
        return []
    path = store_path(settings, config)
    if not path.exists():
        return []
    with EditionStore(path) as store:
        return store.editions()
