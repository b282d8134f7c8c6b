"""`digest build` never writes an email Gmail would clip, or a longer issue than allowed,
unless told to."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import load_example
from digest.cli.commands import cli


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    load_example("synthetic").write_seeds(folder, count=22)
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    load_example("synthetic").write_seeds(folder, count=48)
    return folder


def test_more_stories_than_max_stories_is_refused_with_what_to_do(
    seeds: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["build", str(seeds), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    message = result.stderr.strip().splitlines()[-1]
    assert "22 stories, over the limit of 20" in message
    assert "--max-stories 20" in message and "--allow-oversize" in message


def test_max_stories_keeps_the_first_n(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["build", str(seeds), "--max-stories", "3", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "3 stories" in result.stderr and out.read_text(encoding="utf-8").count("<h2") == 3


def test_an_email_over_gmails_clip_is_refused_then_written_with_the_flag(
    many: Path, tmp_path: Path
) -> None:
    config = tmp_path / "digest.toml"
    config.write_text("max_stories = 100\n", "utf-8")
    out = tmp_path / "out.html"
    args = ["build", str(many), "--config", str(config), "-o", str(out)]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 1 and not out.exists(), refused.stderr
    message = refused.stderr.strip().splitlines()[-1]
    assert "KB, over Gmail's 102 KB clip" in message
    assert "fewer stories (--max-stories N)" in message and "shorter leads" in message
    checked = CliRunner().invoke(cli, [*args, "--allow-oversize", "--check"])
    assert checked.exit_code == 1 and not out.exists()  # a broken email fails --check
    assert "nothing written" in checked.stderr
    written = CliRunner().invoke(cli, [*args, "--allow-oversize"])
    assert written.exit_code == 0 and out.stat().st_size > 102 * 1024


def test_build_check_warns_about_a_boilerplate_headline(tmp_path: Path) -> None:
    seed = tmp_path / "untitled.md"
    seed.write_text("---\ntitle: Untitled\n---\nThe council met on Tuesday.\n", "utf-8")
    config = tmp_path / "digest.toml"
    config.write_text('[theme]\nmuted = "#f0f0f0"\n', "utf-8")
    out = tmp_path / "out.html"
    args = ["build", str(seed), "--check", "--config", str(config), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert "boilerplate" in result.stderr  # a warning: written, exit 0 without --strict
    assert result.exit_code == 0 and out.exists()
