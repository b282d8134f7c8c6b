"""Commands import only what they use, so `digest --help` and `digest summarize` start fast.

Which modules a command imports is behaviour, not timing: the benchmark has the timings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TEST_SEEDS = Path(__file__).parent / "seeds"
RENDERING = {"jinja2", "mjml", "premailer", "cssutils"}
WEB = {"httpx", "feedparser", "trafilatura"}


def imported(*args: str, cwd: Path) -> set[str]:
    """Top-level packages a `digest` process imports, from `python -X importtime`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "digest", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in lines}


def test_help_imports_no_pipeline_library(tmp_path: Path) -> None:
    modules = imported("--help", cwd=tmp_path)
    assert "click" in modules  # the test sees imports at all
    assert not modules & (RENDERING | WEB | {"lxml", "yaml"})


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_summarize_imports_no_rendering_or_web_library(tmp_path: Path, fmt: str) -> None:
    modules = imported("summarize", str(TEST_SEEDS / "harbour.txt"), "--format", fmt, cwd=tmp_path)
    assert not modules & (RENDERING | WEB)


def test_batch_summarize_imports_no_rendering_or_web_library(tmp_path: Path) -> None:
    modules = imported("summarize", str(TEST_SEEDS), "--jobs", "1", cwd=tmp_path)
    assert not modules & (RENDERING | WEB)


def test_a_build_from_files_imports_no_web_library(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    modules = imported("build", str(TEST_SEEDS), "-o", str(out), cwd=tmp_path)
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert {"jinja2", "premailer"} <= modules
    assert not modules & WEB
