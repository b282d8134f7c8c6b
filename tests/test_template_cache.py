"""Compiled templates kept in the user's cache folder: read back, never stale, never in the way."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import pytest

from conftest import ISSUE_DATE
from digest.config import Config
from digest.model import Digest, Story
from digest.render import compose
from digest.render.compose import render_mjml

STORY = Story("Ferry to stop", "Ana Ruiz", ("The harbour board said so on Tuesday.",))
DIGEST = Digest(title="Week", date=ISSUE_DATE, stories=(STORY,))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    compose.environment.cache_clear()  # a fresh process, as far as templates go
    yield tmp_path / "xdg" / "digest"
    compose.environment.cache_clear()


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: object, name: str | None = None, *a, **k):
        seen.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return seen


def test_a_second_start_reads_the_compiled_templates_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_mjml(DIGEST, Config())
    assert list(cache.glob("templates-*/__jinja2_*.cache"))
    compose.environment.cache_clear()
    compiled = _compiles(monkeypatch)
    assert render_mjml(DIGEST, Config()) == first
    assert compiled == []


def test_an_edited_template_is_compiled_afresh(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    part = next(p for p in compose.template_dirs() if (p / "partials").is_dir()) / "partials"
    name = sorted(part.glob("*.j2"))[0].name
    (mine / "partials").mkdir()
    (mine / "partials" / name).write_text("<!-- first -->", encoding="utf-8")
    assert "<!-- first -->" in render_mjml(DIGEST, Config(), mine)
    compose.environment.cache_clear()
    (mine / "partials" / name).write_text("<!-- second -->", encoding="utf-8")
    out = render_mjml(DIGEST, Config(), mine)
    assert "<!-- second -->" in out and "<!-- first -->" not in out


def test_a_damaged_or_unwritable_cache_only_costs_a_compile(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_mjml(DIGEST, Config())
    for entry in cache.glob("templates-*/__jinja2_*.cache"):
        entry.write_bytes(b"\0not a template")
    compose.environment.cache_clear()
    assert render_mjml(DIGEST, Config()) == first
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the folder cannot be made
    compose.environment.cache_clear()
    assert render_mjml(DIGEST, Config()) == first


def test_no_files_when_python_is_told_to_write_no_bytecode(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    render_mjml(DIGEST, Config())
    assert not cache.exists()
