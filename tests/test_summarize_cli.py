"""The `digest summarize` command: the stable JSON shape and --explain."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from digest.cli.commands import cli

SEEDS = Path(__file__).resolve().parent / "seeds_summarize"
SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_2e6127321d3f8742.txt"


def test_json_has_exactly_the_documented_keys() -> None:
    result = CliRunner().invoke(cli, ["summarize", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["headline", "byline", "lead", "quotes"]
    assert all(list(q) == ["text", "speaker"] for q in data["quotes"])


def test_missing_url_note_is_one_line_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["summarize", str(SAMPLE), "--format", "json"])
    notes = [line for line in result.stderr.splitlines() if "no URL" in line]
    assert len(notes) == 1 and SAMPLE.name in notes[0]


def test_explain_labels_every_block() -> None:
    result = CliRunner().invoke(cli, ["summarize", str(SEEDS / "news_page.txt"), "--explain"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for label in (
        "headline",
        "byline",
        "lead",
        "quote (Margit Ellerbrook)",
        "dropped: caption (ends with a credit)",
        "dropped: comment thread",
        "dropped: author bio",
        "dropped: dateline",
        "dropped: menu",
        "dropped: pull quote (repeats a quote)",
        "dropped: repeated 2 times on the page (ad or menu)",
    ):
        assert label in out, label
    rows = [line for line in out.splitlines() if line.strip()]
    assert len(rows) == out.count("\n")  # one row per block, nothing else


def test_explain_as_json() -> None:
    args = ["summarize", str(SEEDS / "note.md"), "--explain", "--format", "json"]
    result = CliRunner().invoke(cli, args)
    rows = json.loads(result.stdout)
    assert rows[0]["label"].startswith("front matter wins: title")
    assert {"line", "label", "text"} == set(rows[1])
