"""The edition's lead story: set apart at the top, the others compact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from digest.build import build, lead_first
from digest.cli.commands import cli
from digest.config import Config
from digest.model import Story

DAY = dt.date(2026, 11, 30)
BODY = (
    "The council met on Tuesday and voted to repair the old bridge over the river Anselm.\n\n"
    "Repairs start in spring and the bridge will close to cars for most of the summer.\n\n"
    "Cyclists and walkers may still cross on a narrow lane kept open along the east side.\n"
)


def _story(name: str, featured: bool = False, url: str | None = None) -> Story:
    return Story(name, None, ("A lead.",), source=f"seeds/{name}", featured=featured, url=url)


def _seeds(tmp_path: Path, lead: str | None = None) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ("a", "b", "c"):
        front = f"---\ntitle: Story {name.upper()}\n" + (
            f"lead: {lead}\n" if name == "c" and lead else ""
        )
        (folder / f"{name}.md").write_text(front + "---\n" + BODY, encoding="utf-8")
    return folder


def test_the_first_story_leads_by_default() -> None:
    stories = [_story("a.md"), _story("b.md")]
    assert lead_first(stories, None) == stories


def test_front_matter_lead_moves_that_story_to_the_top() -> None:
    a, b, c = _story("a.md"), _story("b.md", featured=True), _story("c.md", featured=True)
    assert lead_first([a, b, c], None) == [b, a, c]


@pytest.mark.parametrize("named", ["c.md", "seeds/c.md", "https://news.example/c"])
def test_digest_toml_names_the_lead_by_file_name_path_or_url(named: str) -> None:
    a, b = _story("a.md", featured=True), _story("b.md")
    c = _story("c.md", url="https://news.example/c")
    assert lead_first([a, b, c], named) == [c, a, b]


def test_a_lead_story_that_names_no_seed_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    stories = [_story("a.md"), _story("b.md")]
    assert lead_first(stories, "nope.md") == stories
    assert "lead_story 'nope.md'" in caplog.text


def _headlines(html: str) -> list[tuple[str, str]]:
    tree = lxml.html.fromstring(html)
    return [(h.get("class"), h.text_content().strip()) for h in tree.xpath("//h2")]


def test_the_lead_is_set_apart_and_the_others_are_compact(tmp_path: Path) -> None:
    result = build([_seeds(tmp_path, lead="true")], Config(), DAY)
    assert _headlines(result.email.html) == [
        ("h2 lh", "Story C"),
        ("h2", "Story A"),
        ("h2", "Story B"),
    ]
    tree = lxml.html.fromstring(result.email.html)
    lead, other = tree.xpath('//table[@id="story-1"]'), tree.xpath('//table[@id="story-2"]')
    assert len(lead[0].xpath('.//p[@class="p"]')) == 2  # lead_paragraphs
    assert len(other[0].xpath('.//p[@class="p"]')) == 1  # compact
    assert "font-size:32px" in lead[0].xpath(".//h2")[0].get("style")
    assert result.email.text.index("Story C") < result.email.text.index("Story A")


def test_lead_story_in_digest_toml_is_checked_and_used(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (tmp_path / "digest.toml").write_text('lead_story = "b.md"\n', encoding="utf-8")
    out = tmp_path / "email.html"
    result = CliRunner().invoke(
        cli, ["build", str(seeds), "-o", str(out), "--config", str(tmp_path / "digest.toml")]
    )
    assert result.exit_code == 0, result.output
    assert _headlines(out.read_text(encoding="utf-8"))[0] == ("h2 lh", "Story B")
    (tmp_path / "digest.toml").write_text('lead_story = "b\\nc"\n', encoding="utf-8")
    bad = CliRunner().invoke(cli, ["build", str(seeds), "--config", str(tmp_path / "digest.toml")])
    assert bad.exit_code != 0 and "lead_story" in bad.stderr and bad.stderr.count("\n") == 1
