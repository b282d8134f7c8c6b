"""Settings from the environment (DIGEST_<COMMAND>_<OPTION>) and shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli


def test_options_come_from_digest_variables(tmp_path: Path) -> None:
    out = tmp_path / "from-env.txt"
    env = {
        "DIGEST_BUILD_OUTPUT": str(out),
        "DIGEST_BUILD_DATE": "2026-11-30",
        "DIGEST_BUILD_FORMAT": "text",
        "DIGEST_BUILD_TITLE": "Weekend Reads",
    }
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS)], env=env)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("WEEKEND READS\nNovember 30, 2026")


def test_a_flag_on_the_command_line_wins_over_the_environment(tmp_path: Path) -> None:
    env = {"DIGEST_BUILD_FORMAT": "text", "DIGEST_BUILD_DATE": "2026-11-30"}
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "--format", "html"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!doctype html>")


def test_shell_completion_script_and_answers() -> None:
    env = {**os.environ, "_DIGEST_COMPLETE": "bash_source"}
    script = subprocess.run(
        [sys.executable, "-m", "digest"], env=env, capture_output=True, text=True, timeout=60
    )
    assert script.returncode == 0 and "_digest_completion" in script.stdout
    env = {
        **os.environ,
        "_DIGEST_COMPLETE": "bash_complete",
        "COMP_WORDS": "digest ed",
        "COMP_CWORD": "1",
    }
    answer = subprocess.run(
        [sys.executable, "-m", "digest"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "plain,editions" in answer.stdout.splitlines()
