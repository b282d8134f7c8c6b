"""Compiled trees kept between runs: read back only when made from the same thing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from digest import codecache
from digest.summarize import ranker


@pytest.fixture(autouse=True)
def _writes_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    # Some shells set PYTHONDONTWRITEBYTECODE; these tests are about the writing.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


class Maker:
    """make() for kept(): counts its calls, so a test sees a hit from a miss."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_value_is_made_once_then_read_back(tmp_path: Path) -> None:
    make = Maker({"a": (1.5, "x", compile("y = 2", "<t>", "exec"))})
    first = codecache.kept("trees", b"weights", make, tmp_path)
    again = codecache.kept("trees", b"weights", make, tmp_path)
    assert make.calls == 1
    assert again == first
    namespace: dict[str, object] = {}
    exec(again["a"][2], namespace)  # type: ignore[index]
    assert namespace["y"] == 2


def test_other_weights_are_a_miss(tmp_path: Path) -> None:
    make = Maker(1)
    codecache.kept("trees", b"weights", make, tmp_path)
    assert codecache.kept("trees", b"other weights", Maker(2), tmp_path) == 2
    assert codecache.kept("trees", b"weights", make, tmp_path) == 1
    assert make.calls == 1  # each entry kept in its own file


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    codecache.kept("trees", b"weights", Maker(1), tmp_path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:-3])
    make = Maker(1)
    assert codecache.kept("trees", b"weights", make, tmp_path) == 1
    assert make.calls == 1
    assert codecache.kept("trees", b"weights", make, tmp_path) == 1
    assert make.calls == 1  # and written again whole


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    make = Maker(1)
    assert codecache.kept("trees", b"weights", make, blocked / "digest") == 1
    assert codecache.kept("trees", b"weights", make, blocked / "digest") == 1
    assert make.calls == 2


def test_no_file_is_written_when_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert codecache.kept("trees", b"weights", Maker(1), tmp_path) == 1
    assert not any(tmp_path.iterdir())


def test_the_folder_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert codecache.folder() == tmp_path / "digest"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert codecache.folder() == tmp_path / ".cache" / "digest"


def test_the_shipped_trees_from_the_cache_score_as_compiled_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = ranker.shipped.__wrapped__()  # type: ignore[attr-defined]
    kept = ranker.shipped.__wrapped__()  # type: ignore[attr-defined]
    assert [p.name for p in (tmp_path / "digest").iterdir()] and kept == made
    for task in ranker.TASKS:
        features = {name: 1.0 for name in made[task].names}
        afresh = ranker.Ranker.from_json(made[task].as_json())  # no code given: compiles its own
        assert kept[task].code is not None and afresh.code is None
        assert kept[task].score(features) == made[task].score(features) == afresh.score(features)
