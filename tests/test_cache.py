"""The on-disk cache of fetched URLs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from digest.sources.cache import Cache, default_folder


def test_an_entry_round_trips(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    cache.put("https://a.example/x", {"etag": '"1"'}, b"<html>x</html>")
    entry = cache.get("https://a.example/x")
    assert entry is not None and entry.body == b"<html>x</html>" and entry.meta["etag"] == '"1"'
    assert cache.get("https://a.example/other") is None


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("https://a.example/x", {}, b"body")
    for meta in tmp_path.glob("*.json"):
        meta.write_text("{not json", encoding="utf-8")
    assert cache.get("https://a.example/x") is None


def test_an_unwritable_cache_is_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = Cache(blocker / "cache")
    with caplog.at_level(logging.WARNING):
        cache.put("https://a.example/1", {}, b"1")
        cache.put("https://a.example/2", {}, b"2")
    assert len(caplog.records) == 1 and "--cache DIR" in caplog.text


def test_the_default_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_folder() == tmp_path / "digest"
