"""Quotes an editor can trust: each one in the email occurs in its article, word for word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli.commands import cli
from digest.model import FrontMatter, Quote, Seed
from digest.summarize import summarize_seed
from digest.summarize.explain import explain, render
from digest.summarize.verbatim import normalised, occurs, sourced

ARTICLE = """The council voted on Tuesday to rebuild the harbour wall at Corvell Bay.

Work starts in March and the coast road will close for six weeks.

\u201cWe will rebuild the wall before the storms come,\u201d said Mara Quillfeather,
the harbour master.

Residents of the old quay said the vote had taken far too long to come.
"""
SOURCED = "We will rebuild the wall before the storms come"
INVENTED = "We will rebuild it all, whatever it costs"


def _seed(tmp_path: Path, quote: str, name: str = "harbour.md") -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir(exist_ok=True)
    path = folder / name
    front = (
        "---\ntitle: Harbour wall to be rebuilt\nurl: https://news.example/wall\n"
        f"quote: {quote}\n---\n"
    )
    path.write_text(front + ARTICLE, encoding="utf-8")
    return path


def test_normalising_keeps_words_and_evens_out_marks_and_spaces() -> None:
    assert normalised("\u201cWe  will\nrebuild\u201d it\u2019s") == '"We will rebuild" it\'s'
    assert occurs("\u00abwe will rebuild the wall\u00bb", 'said "we will rebuild the wall" today')
    assert occurs(SOURCED, ARTICLE) and not occurs(INVENTED, ARTICLE)
    assert not occurs(
        "We will rebuild \u2026 the storms come", ARTICLE
    )  # an ellipsis is not verbatim
    assert not occurs("  \u201c ", ARTICLE) and not occurs(",", "a, b")


def test_sourced_splits_kept_from_unsourced_in_order() -> None:
    kept, unsourced = sourced([Quote(SOURCED), Quote(INVENTED, None, "front matter")], ARTICLE)
    assert kept == (Quote(SOURCED),)
    assert unsourced == (Quote(INVENTED, None, "front matter"),)


def test_front_matter_quote_found_in_the_article_is_kept_with_its_source() -> None:
    story = summarize_seed(Seed("a.md", ARTICLE, "markdown", FrontMatter(quote=SOURCED)))
    assert story.quotes[0] == Quote(SOURCED, None, "front matter")
    assert story.as_json()["quotes"][0] == {  # type: ignore[index]
        "text": SOURCED,
        "speaker": None,
        "source": "front matter",
    }
    assert not story.unsourced


def test_front_matter_quote_not_in_the_article_never_reaches_the_story() -> None:
    story = summarize_seed(Seed("a.md", ARTICLE, "markdown", FrontMatter(quote=INVENTED)))
    assert all(q.text != INVENTED for q in story.quotes)
    assert story.unsourced == (Quote(INVENTED, None, "front matter"),)
    assert all(q.origin == "article" and occurs(q.text, ARTICLE) for q in story.quotes)


def test_explain_names_each_quotes_source_and_line() -> None:
    sourced_seed = Seed("a.md", ARTICLE, "markdown", FrontMatter(quote=SOURCED))
    explanation = explain(sourced_seed)
    assert [(q.quote.origin, q.line) for q in explanation.quotes][:1] == [("front matter", 5)]
    assert "front matter, line 5" in render(explanation)
    unsourced = explain(Seed("a.md", ARTICLE, "markdown", FrontMatter(quote=INVENTED)))
    rows = [q.as_json() for q in unsourced.quotes if q.quote.text == INVENTED]
    assert rows == [
        {
            "text": INVENTED,
            "speaker": None,
            "source": "front matter",
            "line": None,
            "in_article": False,
        }
    ]
    assert "front matter, NOT in the article, left out" in render(unsourced)


def test_strict_build_fails_in_one_line_naming_the_seed(tmp_path: Path) -> None:
    seed = _seed(tmp_path, INVENTED)
    out = tmp_path / "email.html"
    result = CliRunner().invoke(cli, ["build", str(seed.parent), "-o", str(out), "--strict"])
    assert result.exit_code == 7, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("digest: error: --strict: ")
    assert str(seed) in result.stderr and "quote:" in result.stderr
    assert not out.exists()


def test_build_leaves_an_unsourced_quote_out_with_a_warning(tmp_path: Path) -> None:
    seed = _seed(tmp_path, INVENTED)
    out = tmp_path / "email.html"
    result = CliRunner().invoke(cli, ["build", str(seed.parent), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"digest: warning: {seed}: front matter `quote:`" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert "whatever it costs" not in html


@pytest.mark.parametrize("quote", [SOURCED, f'"\u201c{SOURCED}\u201d"'])
def test_strict_build_passes_with_a_quote_copied_from_the_article(
    tmp_path: Path, quote: str
) -> None:
    seed = _seed(tmp_path, quote)
    out = tmp_path / "email.html"
    result = CliRunner().invoke(cli, ["build", str(seed.parent), "-o", str(out), "--strict"])
    assert result.exit_code == 0, result.output
    assert "before the storms come" in out.read_text(encoding="utf-8")


def test_summarize_json_records_the_quote_source(tmp_path: Path) -> None:
    seed = _seed(tmp_path, SOURCED)
    result = CliRunner().invoke(cli, ["summarize", str(seed), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quotes"][0]["source"] == "front matter"
