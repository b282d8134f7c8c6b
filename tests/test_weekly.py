"""The weekly routine: editions number themselves, feeds start where the last edition ended,
and a story that went out once is not sent again. Real feeds from a server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from digest.cli.commands import cli
from localsmtp import serving
from localweb import LocalWeb, Route, Story, article, rss

CONFIG = 'title = "The Valley Weekly"\n[footer]\nweb_url = "https://news.example/weekly/{issue}/"\n'


def story(n: int, title: str, day: int) -> Story:
    return Story(
        slug=f"week-{n}",
        title=title,
        author="Rosa Lindqvist",
        published=dt.datetime(2026, 11, day, 8, 0, tzinfo=dt.UTC),
        paragraph=f"{title} was confirmed this week by the borough council in a short statement.",
    )


WEEK = [
    story(0, "Ferry Timetable Changes for Winter", 3),
    story(1, "Old Mill Becomes a Makerspace", 5),
    story(2, "Bridge Lights Switched to LED", 12),
    story(3, "Allotment Waiting List Shrinks", 14),
    story(4, "Choir Festival Returns to the Cathedral", 20),
]


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        for s in WEEK:
            server.html(s.path, article(s))
        yield server


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "digest.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def publish(web: LocalWeb, stories: list[Story], section: list[Story] | None = None) -> list[str]:
    """The news feed, and a sports feed that lists one story again with tracking added."""
    web.add("/feed.xml", Route(rss(web, stories), "application/rss+xml"))
    feeds = [web.url("/feed.xml")]
    if section:
        web.add("/sports.xml", Route(rss(web, section), "application/rss+xml"))
        feeds.append(web.url("/sports.xml"))
    return feeds


def build(feeds: list[str], day: str, *extra: str) -> Result:
    args = ["build", *feeds, "--date", day, "--refresh", "--cache", "cache", "-o", f"{day}.html"]
    result = CliRunner().invoke(cli, [*args, *extra])
    assert result.exit_code == 0, result.output
    return result


def html(day: str) -> str:
    return Path(f"{day}.html").read_text(encoding="utf-8")


def test_three_weekly_builds_number_themselves_and_take_only_new_items(
    web: LocalWeb, project: Path
) -> None:
    week1 = build(publish(web, WEEK[:2]), "2026-11-09")
    assert "Issue 1" in html("2026-11-09")
    assert all(s.title in html("2026-11-09") for s in WEEK[:2])
    assert "issue 1 recorded" in week1.stderr and "digest.toml" in week1.stderr
    assert "https://news.example/weekly/1/" in html("2026-11-09")

    # Week 2: the feed still lists week 1's items, and the sports feed repeats one of them
    # with tracking parameters and a fresh date: only the new items go in.
    fresh = dt.datetime(2026, 11, 13, tzinfo=dt.UTC)
    again = replace(WEEK[0], slug="week-0.html?partner=sports#top", published=fresh)
    web.html("/news/week-0.html?partner=sports", article(WEEK[0]))
    week2 = build(publish(web, WEEK[:4], [again]), "2026-11-16")
    page = html("2026-11-16")
    assert "Issue 2" in page
    assert WEEK[2].title in page and WEEK[3].title in page
    assert WEEK[0].title not in page and WEEK[1].title not in page
    assert (
        f"left out 1 story sent in an earlier edition: \u201c{WEEK[0].title}\u201d" in week2.stderr
    )

    build(publish(web, WEEK), "2026-11-23")
    page = html("2026-11-23")
    assert "Issue 3" in page and WEEK[4].title in page
    assert not any(s.title in page for s in WEEK[:4])

    listed = CliRunner().invoke(cli, ["editions", "--format", "json"])
    recorded = json.loads(listed.stdout)
    assert [e["issue"] for e in recorded] == [3, 2, 1]
    assert [len(e["stories"]) for e in recorded] == [1, 2, 2]
    text = CliRunner().invoke(cli, ["editions"]).stdout
    assert text.splitlines()[1].split()[:4] == ["3", "2026-11-23", "1", "no"]


def test_since_last_include_sent_and_issue_number_in_the_config_win(
    web: LocalWeb, project: Path
) -> None:
    feeds = publish(web, WEEK)
    build(feeds, "2026-11-09", "--since", "2026-11-01")
    assert all(s.title in html("2026-11-09") for s in WEEK[:2])
    # --last wins over "since the last edition"; --include-sent keeps what went out.
    build(feeds, "2026-11-16", "--last", "5", "--include-sent")
    assert all(s.title in html("2026-11-16") for s in WEEK)
    (project / "digest.toml").write_text("issue_number = 40\n" + CONFIG, encoding="utf-8")
    build(feeds, "2026-11-23", "--include-sent")
    assert "Issue 40" in html("2026-11-23")
    assert "https://news.example/weekly/40/" in html("2026-11-23")


def test_rebuilding_the_same_edition_replaces_its_record(web: LocalWeb, project: Path) -> None:
    feeds = publish(web, WEEK[:2])
    build(feeds, "2026-11-09")
    again = build(feeds, "2026-11-09")
    assert "left out" not in again.stderr
    assert all(s.title in html("2026-11-09") for s in WEEK[:2]) and "Issue 1" in html("2026-11-09")
    listed = json.loads(CliRunner().invoke(cli, ["editions", "--format", "json"]).stdout)
    assert [e["issue"] for e in listed] == [1]


def test_all_stories_sent_already_is_one_line(web: LocalWeb, project: Path) -> None:
    feeds = publish(web, WEEK[:2])
    build(feeds, "2026-11-09")
    result = CliRunner().invoke(
        cli, ["build", *feeds, "--date", "2026-11-16", "--since", "2026-11-01"]
    )
    assert result.exit_code == 3
    assert "went out in earlier editions" in result.stderr and "--include-sent" in result.stderr


def test_without_a_digest_toml_nothing_is_recorded(
    web: LocalWeb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = build(publish(web, WEEK[:2]), "2026-11-09")
    assert "no digest.toml found" in result.stderr
    assert not (tmp_path / ".digest").exists()
    assert "Issue" not in html("2026-11-09")


def test_a_damaged_record_stops_the_build_and_is_kept(web: LocalWeb, project: Path) -> None:
    record = project / ".digest" / "editions.sqlite"
    record.parent.mkdir()
    record.write_bytes(b"\x00garbage" * 500)
    result = CliRunner().invoke(cli, ["build", *publish(web, WEEK[:2]), "-o", "out.html"])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert (
        line.startswith("digest: error: ") and "editions.sqlite" in line and "move it aside" in line
    )
    assert record.read_bytes() == b"\x00garbage" * 500
    assert not (project / "out.html").exists()


def test_the_record_path_is_set_in_digest_toml(web: LocalWeb, project: Path) -> None:
    (project / "digest.toml").write_text(CONFIG + '[editions]\npath = "state/ed.db"\n', "utf-8")
    build(publish(web, WEEK[:2]), "2026-11-09")
    assert (project / "state" / "ed.db").is_file() and not (project / ".digest").exists()


def test_only_a_send_to_the_list_is_recorded(web: LocalWeb, project: Path) -> None:
    listed = '[email]\nfrom = "desk@news.example"\nlist_address = "readers@news.example"\n'
    (project / "digest.toml").write_text(CONFIG + listed, encoding="utf-8")
    feeds = publish(web, WEEK[:2])
    with serving() as inbox:
        smtp = ["--smtp", f"127.0.0.1:{inbox.port}", "--date", "2026-11-09", "--cache", "cache"]
        dry = CliRunner().invoke(
            cli, ["send", *feeds, *smtp, "--to", "me@news.example", "--dry-run"]
        )
        test = CliRunner().invoke(cli, ["send", *feeds, *smtp, "--to", "me@news.example"])
        assert "a test send, not recorded" in test.stderr
        assert json.loads(CliRunner().invoke(cli, ["editions", "--format", "json"]).stdout) == []
        real = CliRunner().invoke(cli, ["send", *feeds, *smtp, "--to", "Readers@news.example"])
        assert real.exit_code == 0, real.output
        assert "issue 1 recorded as sent" in real.stderr
        assert dry.exit_code == 0 and len(inbox.received) == 2
    [edition] = json.loads(CliRunner().invoke(cli, ["editions", "--format", "json"]).stdout)
    assert edition["sent"] is True and edition["issue"] == 1


def _seed(folder: Path, name: str, title: str) -> None:
    folder.mkdir(exist_ok=True)
    body = f"{title} was confirmed this week by the borough council in a short statement."
    text = f"---\ntitle: {title}\nurl: https://news.example/{name}\n---\n{body}\n"
    (folder / f"{name}.md").write_text(text, encoding="utf-8")


def test_preview_shows_the_edition_build_would_make_and_records_nothing(project: Path) -> None:
    from digest.preview.state import Settings, State

    seeds = project / "seeds"
    _seed(seeds, "ferry", WEEK[0].title)
    build(["seeds"], "2026-11-09")
    _seed(seeds, "lights", WEEK[2].title)
    record = (project / ".digest" / "editions.sqlite").read_bytes()
    state = State(Settings(date=dt.date(2026, 11, 16), seeds=(seeds,)))
    snapshot, _ = state.rebuild()
    assert snapshot.error is None and snapshot.email is not None
    assert "Issue 2" in snapshot.email.html and WEEK[2].title in snapshot.email.html
    assert WEEK[0].title not in snapshot.email.html
    assert (project / ".digest" / "editions.sqlite").read_bytes() == record


def test_preview_in_a_new_project_makes_no_record(project: Path) -> None:
    from digest.preview.state import Settings, State

    _seed(project / "seeds", "ferry", WEEK[0].title)
    snapshot, _ = State(Settings(date=dt.date(2026, 11, 9), seeds=(project / "seeds",))).rebuild()
    assert snapshot.email is not None and "Issue 1" in snapshot.email.html
    assert not (project / ".digest").exists()


# A real `digest build` in a child process, held inside its write to the record (after the
# old edition's rows are deleted, before the new ones are committed) until it is killed.
HELD_BUILD = textwrap.dedent(
    """
    import sys, time
    from digest.editions import store
    def held(url):
        print("mid-write", flush=True)
        time.sleep(60)
    store.canonical_url = held
    from digest.cli.commands import main
    sys.argv = ["digest", "build", "seeds", "--date", "2026-11-09", "-o", "again.html"]
    main()
    """
)


def test_a_build_killed_mid_write_leaves_the_record_as_it_was(project: Path) -> None:
    seeds = project / "seeds"
    _seed(seeds, "ferry", WEEK[0].title)
    _seed(seeds, "mill", WEEK[1].title)
    build(["seeds"], "2026-11-09")
    before = CliRunner().invoke(cli, ["editions", "--format", "json"]).stdout
    _seed(seeds, "lights", WEEK[2].title)
    child = subprocess.Popen(
        [sys.executable, "-c", HELD_BUILD], cwd=project, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "mid-write\n"
        assert (project / ".digest" / "editions.sqlite-journal").stat().st_size > 0
    finally:
        child.kill()
        child.communicate(timeout=30)
    # The rolled-back rebuild: issue 1 with its two stories, exactly as before.
    assert CliRunner().invoke(cli, ["editions", "--format", "json"]).stdout == before
    with sqlite3.connect(project / ".digest" / "editions.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    build(["seeds"], "2026-11-16")
    assert WEEK[2].title in html("2026-11-16") and "Issue 2" in html("2026-11-16")
