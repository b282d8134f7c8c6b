"""The editions record: real SQLite files, migrations, damage, kills and concurrent writers."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from digest.editions.identity import canonical_url
from digest.editions.schema import MIGRATIONS, EditionsError
from digest.editions.store import Edition, EditionStore
from digest.model import Quote, Story

DAY = dt.date(2026, 11, 2)


def edition(day: dt.date, issue: int | None, *urls: str, sent: bool = False) -> Edition:
    stories = tuple(
        Story(f"Story {n}", "Ada Byline", ("Lead.",), (Quote("Said so.", "Ada"),), url=url)
        for n, url in enumerate(urls)
    )
    return Edition(issue, day, "The Weekly", f"The Weekly: {day}", stories, "0" * 64, sent)


@pytest.mark.parametrize(
    ("url", "same_as"),
    [
        ("https://News.Example/a?utm_source=rss&utm_medium=feed", "https://news.example/a"),
        ("https://news.example/a?partner=sports#comments", "https://news.example/a"),
        ("https://news.example:443/a?ref=home&fbclid=x", "https://news.example/a"),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"),
    ],
)
def test_a_story_is_known_by_its_canonical_url(url: str, same_as: str) -> None:
    assert canonical_url(url) == canonical_url(same_as)


def test_different_articles_stay_different() -> None:
    assert canonical_url("https://news.example/s?id=1") != canonical_url(
        "https://news.example/s?id=2"
    )


def test_numbers_since_and_sent_come_from_the_record(tmp_path: Path) -> None:
    path = tmp_path / ".digest" / "editions.sqlite"
    with EditionStore(path) as store:
        assert store.next_issue(DAY) == 1 and store.previous(DAY) is None
        store.record(edition(DAY, 1, "https://news.example/a?utm_source=x"))
        week2 = DAY + dt.timedelta(days=7)
        assert store.next_issue(week2) == 2
        assert store.previous(week2) is not None and store.previous(week2).date == DAY  # type: ignore[union-attr]
        assert store.sent_urls(week2) == {"https://news.example/a"}
        # Rebuilding week 1 keeps its number and does not count its own stories as sent.
        assert store.next_issue(DAY) == 1 and store.sent_urls(DAY) == frozenset()


def test_a_rebuild_of_the_same_date_replaces_the_record(tmp_path: Path) -> None:
    with EditionStore(tmp_path / "e.sqlite") as store:
        store.record(edition(DAY, 1, "https://news.example/a", sent=True))
        store.record(edition(DAY, 1, "https://news.example/b", "https://news.example/c"))
        [only] = store.editions()
    assert [s.url for s in only.stories] == ["https://news.example/b", "https://news.example/c"]
    assert only.sent  # once sent, a rebuild does not unsend it
    assert only.stories[0].quotes == (Quote("Said so.", "Ada"),)


def test_a_damaged_file_is_one_error_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    path.write_bytes(b"this is not a database at all\n" * 100)
    before = path.read_bytes()
    with pytest.raises(EditionsError, match=r"damaged or not one.*move it aside"):
        EditionStore(path)
    assert path.read_bytes() == before


def test_a_file_from_a_newer_digest_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    later = (*MIGRATIONS, ("CREATE TABLE later (x)",))
    with EditionStore(path, later) as store:
        store.record(edition(DAY, 1, "https://news.example/a"))
    before = path.read_bytes()
    with pytest.raises(EditionsError, match=r"newer digest \(schema 2, this one knows up to 1\)"):
        EditionStore(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text)")
    with pytest.raises(EditionsError, match="not digest's editions record"):
        EditionStore(path)


def test_an_older_file_is_migrated_and_keeps_its_editions(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    with EditionStore(path) as store:
        store.record(edition(DAY, 1, "https://news.example/a"))
    later = (*MIGRATIONS, ("ALTER TABLE editions ADD COLUMN note TEXT",))
    with EditionStore(path, later) as store:
        assert [e.issue for e in store.editions()] == [1]
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == 2


# A child process that records editions of 1,000 stories each, one after another,
# saying when each write starts: the parent kills it in the middle of one.
WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    sys.path.insert(0, sys.argv[3])
    from test_editions import edition
    from digest.editions.store import EditionStore
    start, count = int(sys.argv[2]), int(sys.argv[4])
    with EditionStore(__import__("pathlib").Path(sys.argv[1])) as store:
        for n in range(start, start + count):
            urls = [f"https://news.example/{n}/{k}" for k in range(1000)]
            print("writing", n, flush=True)
            store.record(edition(dt.date(2026, 1, 1) + dt.timedelta(days=n), n, *urls))
    """
)


def _writer(path: Path, start: int, count: int = 30) -> subprocess.Popen[str]:
    tests = str(Path(__file__).parent)
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(start), tests, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _consistent(path: Path) -> list[Edition]:
    with EditionStore(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = store.editions()
    assert all(len(e.stories) == 1000 for e in found), "an edition was half written"
    return found


def test_killing_a_build_mid_write_leaves_the_record_consistent(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    journal = path.with_name(path.name + "-journal")
    interrupted = 0
    for attempt, delay in enumerate((0.01, 0.02, 0.03, 0.015)):
        child = _writer(path, attempt * 100)
        assert child.stdout is not None
        # Let one write finish, then kill the child while the next one (~50 ms) is under way.
        assert child.stdout.readline().startswith("writing")
        assert child.stdout.readline().startswith("writing")
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        # A journal left with content: the kill landed inside a transaction.
        interrupted += journal.exists() and journal.stat().st_size > 0
        found = _consistent(path)
        assert len(found) >= attempt + 1
    assert interrupted, "no kill landed mid-write; the test proved nothing"


def test_two_writers_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "editions.sqlite"
    children = [_writer(path, 0, 10), _writer(path, 1000, 10)]
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    assert len(_consistent(path)) == 20


OPENER = textwrap.dedent(
    """
    import pathlib, sys
    from digest.editions.store import EditionStore
    for name in sys.argv[1:]:
        EditionStore(pathlib.Path(name)).db.close()
    """
)


def test_builds_starting_a_new_record_at_once_all_open_it(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"new-{n}.sqlite") for n in range(40)]
    children = [
        subprocess.Popen([sys.executable, "-c", OPENER, *paths], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
