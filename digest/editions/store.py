"""The editions record: what each edition held, the next issue number, the stories sent.

Every write is one transaction, so a build killed mid-write leaves the file as
it was before; two builds at once take turns (SQLite's lock, with a wait).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from digest.editions.identity import canonical_url
from digest.editions.schema import MIGRATIONS, connect, damaged
from digest.model import Quote, QuoteOrigin, Story


@dataclass(frozen=True)
class Edition:
    """One recorded edition, as `digest editions` lists it and the archive shows it."""

    issue: int | None
    date: dt.date
    title: str
    subject: str
    stories: tuple[Story, ...]
    output_sha256: str
    sent: bool = False
    intro: str | None = None
    recorded_at: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "issue": self.issue,
            "date": self.date.isoformat(),
            "title": self.title,
            "subject": self.subject,
            "sent": self.sent,
            "output_sha256": self.output_sha256,
            "recorded_at": self.recorded_at,
            "stories": [{"headline": s.headline, "url": s.url} for s in self.stories],
        }


class EditionStore:
    """`with EditionStore(path) as store: ...`; the file is created and migrated on open."""

    def __init__(self, path: Path, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS) -> None:
        self.path = path
        self.db = connect(path, migrations)

    def __enter__(self) -> EditionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def editions(self) -> list[Edition]:
        """Every edition, newest first."""
        with self._reading():
            rows = self.db.execute(
                "SELECT id, issue, date, title, subject, output_sha256, sent, intro, recorded_at"
                " FROM editions ORDER BY date DESC"
            ).fetchall()
            return [self._edition(row) for row in rows]

    def previous(self, date: dt.date) -> Edition | None:
        """The latest edition before `date` (an edition of the same date is being rebuilt)."""
        return next((e for e in self.editions() if e.date < date), None)

    def next_issue(self, date: dt.date) -> int:
        """The number for the edition of `date`: its own when rebuilt, else one past the highest."""
        with self._reading():
            row = self.db.execute("SELECT issue FROM editions WHERE date = ?", (date.isoformat(),))
            same = row.fetchone()
            if same and same[0] is not None:
                return int(same[0])
            top = self.db.execute("SELECT max(issue) FROM editions").fetchone()[0]
        return int(top or 0) + 1

    def sent_urls(self, date: dt.date) -> frozenset[str]:
        """Canonical URLs of the stories in every other edition than the one of `date`."""
        with self._reading():
            rows = self.db.execute(
                "SELECT DISTINCT s.canonical_url FROM stories s JOIN editions e"
                " ON e.id = s.edition_id WHERE e.date != ? AND s.canonical_url IS NOT NULL",
                (date.isoformat(),),
            ).fetchall()
        return frozenset(row[0] for row in rows)

    def record(self, edition: Edition) -> None:
        """Add `edition`, replacing the one of the same date; in one transaction."""
        with self._writing():
            day = edition.date.isoformat()
            # Once an edition went out it stays marked sent, even if it is rebuilt.
            was = self.db.execute("SELECT sent FROM editions WHERE date = ?", (day,)).fetchone()
            sent = edition.sent or bool(was and was[0])
            self.db.execute("DELETE FROM editions WHERE date = ?", (day,))
            cursor = self.db.execute(
                "INSERT INTO editions (issue, date, title, subject, intro, output_sha256, sent,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    edition.issue,
                    day,
                    edition.title,
                    edition.subject,
                    edition.intro,
                    edition.output_sha256,
                    int(sent),
                    edition.recorded_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )
            self.db.executemany(
                "INSERT INTO stories (edition_id, position, url, canonical_url, headline, story)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        cursor.lastrowid,
                        n,
                        s.url,
                        canonical_url(s.url) if s.url else None,
                        s.headline,
                        json.dumps(_story_json(s), ensure_ascii=False),
                    )
                    for n, s in enumerate(edition.stories)
                ],
            )

    def _edition(self, row: tuple[object, ...]) -> Edition:
        stories = self.db.execute(
            "SELECT story FROM stories WHERE edition_id = ? ORDER BY position", (row[0],)
        ).fetchall()
        return Edition(
            issue=None if row[1] is None else int(str(row[1])),
            date=dt.date.fromisoformat(str(row[2])),
            title=str(row[3]),
            subject=str(row[4]),
            stories=tuple(_story(json.loads(s[0])) for s in stories),
            output_sha256=str(row[5]),
            sent=bool(row[6]),
            intro=None if row[7] is None else str(row[7]),
            recorded_at=str(row[8]),
        )

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from exc

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; any error (or a kill) leaves the file as it was."""
        with self._reading():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
                raise


def _story_json(story: Story) -> dict[str, object]:
    return {**story.as_json(), "url": story.url, "image": story.image}


def _story(data: dict[str, object]) -> Story:
    quotes = data.get("quotes") or []
    assert isinstance(quotes, list)
    return Story(
        headline=str(data["headline"]),
        byline=None if data.get("byline") is None else str(data["byline"]),
        lead=tuple(str(p) for p in data.get("lead") or []),  # type: ignore[attr-defined]
        quotes=tuple(
            Quote(str(q["text"]), q.get("speaker"), _origin(q.get("source"))) for q in quotes
        ),
        url=None if data.get("url") is None else str(data["url"]),
        image=None if data.get("image") is None else str(data["image"]),
    )


def _origin(value: object) -> QuoteOrigin:
    """A quote recorded before sources were kept came from the article."""
    return "front matter" if value == "front matter" else "article"
