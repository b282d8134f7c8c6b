"""The commands as a user runs them (click's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE_SEEDS, TEST_SEEDS
from digest.cli.commands import cli

SAMPLE = next(SAMPLE_SEEDS.glob("*.txt"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_build_writes_an_email_and_one_summary_line(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "-o", str(out), "--date", "2026-11-30"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert '<html lang="en"' in html
    assert "City Council Approves New Harbour Flood Barrier" in html
    assert "November 30, 2026" in html
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "1 story," in result.stderr


def test_build_without_output_writes_html_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--date", "2026-11-30"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!doctype html>")
    assert result.stdout.rstrip().endswith("</html>")
    assert "stdout" in result.stderr


def test_build_defaults_to_the_seeds_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = runner.invoke(cli, ["build", "-o", "out.html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("command", [["build"], ["send", "--dry-run", "--to", "me@news.example"]])
def test_no_seeds_and_no_seeds_folder_says_what_to_give(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, command)
    assert result.exit_code == 3
    assert result.stderr.startswith("digest: error: no SEEDS given and no seeds folder here")
    assert result.stderr.count("\n") == 1


def test_title_option_changes_the_masthead(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--title", "Weekend Reads"])
    assert result.exit_code == 0, result.output
    assert "Weekend Reads" in result.stdout


def test_bad_date_is_one_clear_line(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--date", "30/11/2026"])
    assert result.exit_code == 4
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output


def test_a_day_that_does_not_exist_is_named_as_such(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--date", "2026-02-30"])
    assert result.exit_code == 4
    assert "--date '2026-02-30': no such day (day is out of range for month)" in result.stderr
    assert "YYYY-MM-DD" not in result.stderr


def test_missing_seed_path_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 3
    assert result.stderr.startswith("digest: error:") and "nope" in result.stderr
    assert result.stderr.count("\n") == 1


def test_summarize_json_has_exactly_the_documented_keys(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["summarize", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"headline", "byline", "lead", "quotes"}
    assert isinstance(data["headline"], str)
    assert data["byline"] is None or isinstance(data["byline"], str)
    assert all(isinstance(p, str) for p in data["lead"])
    assert all(set(q) == {"text", "speaker", "source"} for q in data["quotes"])


def test_summarize_text_is_readable(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["summarize", str(TEST_SEEDS / "harbour.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("City Council Approves")


# Each command's --help, and what it must offer (the option names users type).
HELP = {
    "build": ["--output", "--date", "--format", "--esp", "--templates", "mailgun a JSON object"],
    "summarize": ["--format", "--explain", "--jobs", "--strict"],
    "send": ["--smtp", "--starttls", "--ssl", "--user", "--dry-run", "--from", "--to"],
    "fetch": ["--output", "--force", "--since", "--last", "--cache", "--refresh"],
    "preview": ["--host", "--port", "--open", "--date", "--config", "--templates"],
    "check": ["--strict"],
    "init": ["--force"],
    "editions": ["--format", "--config"],
    "archive": ["OUT_DIR", "--config", "web_url"],
}


def test_every_command_is_listed_in_the_top_level_help(runner: CliRunner) -> None:
    assert set(cli.commands) == set(HELP)
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout
    listing = result.stdout.split("Commands:")[1]
    assert {line.split()[0] for line in listing.strip().splitlines()} == set(HELP)


@pytest.mark.parametrize("command", sorted(HELP))
def test_every_command_has_help_with_its_options(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout
    words = " ".join(result.stdout.split())  # the help text wraps at the terminal width
    assert [o for o in HELP[command] if o not in words] == []


def test_command_list_is_not_cut_off(runner: CliRunner) -> None:
    listing = runner.invoke(cli, ["--help"], terminal_width=80).stdout.split("Commands:")[1]
    for line in listing.strip().splitlines():
        assert not line.rstrip().endswith("..."), line
