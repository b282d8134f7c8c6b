"""Opening the editions file: its checks and its versioned schema migrations.

The schema version is SQLite's `user_version`; `application_id` marks the file
as ours. A file that is damaged, belongs to something else or was written by a
newer digest is one clear error and is never written to.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from digest.errors import DigestError

APPLICATION_ID = 0x64677374  # "dgst"
# MIGRATIONS[n] takes a file from schema version n to n + 1. Append only: never edit one
# that has shipped, since files in the field are already past it.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE editions (
            id INTEGER PRIMARY KEY,
            issue INTEGER,
            date TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            subject TEXT NOT NULL,
            intro TEXT,
            output_sha256 TEXT NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL
        )""",
        """CREATE TABLE stories (
            edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT,
            canonical_url TEXT,
            headline TEXT NOT NULL,
            story TEXT NOT NULL,
            PRIMARY KEY (edition_id, position)
        )""",
        "CREATE INDEX stories_by_url ON stories(canonical_url)",
    ),
)
BUSY_TIMEOUT = 30.0  # seconds a build waits for another one's write to finish


class EditionsError(DigestError):
    """The editions file cannot be used. Exit code 1."""


def connect(path: Path, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS) -> sqlite3.Connection:
    """Open (creating it if needed) and migrate the editions file at `path`."""
    _check_place(path)
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise EditionsError(
            f"{path}: cannot open the editions file ({exc}); check the path"
        ) from exc
    try:
        db.execute("PRAGMA foreign_keys = ON")
        _check_file(db, path, len(migrations))
        _migrate(db, path, migrations)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise damaged(path, exc) from exc
    except BaseException:
        db.close()
        raise
    return db


def damaged(path: Path, exc: BaseException) -> EditionsError:
    return EditionsError(
        f"{path}: the editions file is damaged or not one ({exc}); digest leaves it as it is: "
        "restore it from a backup, or move it aside to start a new record"
    )


def _check_place(path: Path) -> None:
    if path.exists() and not path.is_file():
        raise EditionsError(f"{path}: not a regular file; set another `path` under [editions]")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EditionsError(f"{path.parent}: cannot create the folder ({exc.strerror})") from exc


def _check_file(db: sqlite3.Connection, path: Path, known: int) -> None:
    # One statement, so one snapshot: read apart, another build's first migration could
    # land between them and its tables look like someone else's file.
    version, app, tables = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if (version or tables) and app != APPLICATION_ID:
        raise EditionsError(
            f"{path}: an SQLite file that is not digest's editions record; digest leaves it "
            "as it is: set another `path` under [editions]"
        )
    if version > known:
        raise EditionsError(
            f"{path}: written by a newer digest (schema {version}, this one knows up to "
            f"{known}); upgrade digest to use it (it is left as it is)"
        )
    problem = db.execute("PRAGMA quick_check").fetchone()[0]
    if problem != "ok":
        raise damaged(path, sqlite3.DatabaseError(problem))


def _migrate(db: sqlite3.Connection, path: Path, migrations: tuple[tuple[str, ...], ...]) -> None:
    if _version(db) == len(migrations):
        return
    # IMMEDIATE takes the write lock first: two builds migrating at once run one after the other.
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _version(db)  # another process may have migrated while this one waited
        for number in range(version, len(migrations)):
            for statement in migrations[number]:
                db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {len(migrations)}")
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # the error may have ended the transaction
            db.execute("ROLLBACK")
        raise


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])
