"""Outputs are written atomically: a failure never leaves a half-written file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.errors import OutputError
from digest.output import write_atomic, write_output


def test_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_text("old", encoding="utf-8")
    write_output("new", target)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.html"
    target.write_text("last week", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, b"half")
    assert target.read_text(encoding="utf-8") == "last week"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="choose another -o"):
        write_atomic(tmp_path / "no-such-folder" / "x.html", b"x")
