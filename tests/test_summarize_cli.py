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
    assert all(list(q) == ["text", "speaker", "source"] for q in data["quotes"])


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
    table, _, ranking = out.partition("\n\nheadline: ")
    rows = [line for line in table.splitlines() if line.strip()]
    assert len(rows) == table.count("\n") + 1  # one row per block, nothing else
    # Then each decision's best candidates, with their scores and what weighed most.
    assert "byline: " in ranking and "lead: " in ranking
    assert "Helena Voss-March" in ranking.split("byline: ")[1]


def test_explain_ranks_the_candidates_as_json() -> None:
    args = ["summarize", str(SEEDS / "news_page.txt"), "--explain", "--format", "json"]
    ranking = json.loads(CliRunner().invoke(cli, args).stdout)["ranking"]
    story = json.loads(CliRunner().invoke(cli, [*args[:2], "--format", "json"]).stdout)
    assert set(ranking) == {"headline", "byline", "lead"}
    assert ranking["headline"][0]["text"] == story["headline"]  # the winner comes first
    scores = [c["score"] for c in ranking["lead"]]
    assert scores == sorted(scores, reverse=True)
    weights = ranking["lead"][0]["features"]
    assert weights and {"name", "value", "weight"} == set(weights[0])


def test_explain_as_json() -> None:
    args = ["summarize", str(SEEDS / "note.md"), "--explain", "--format", "json"]
    result = CliRunner().invoke(cli, args)
    rows = json.loads(result.stdout)["blocks"]
    assert rows[0]["label"].startswith("front matter wins: title")
    assert {"line", "label", "text"} == set(rows[1])
