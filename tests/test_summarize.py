"""The public entry point: Seed -> Story, on the sample seed and on synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli.commands import cli
from digest.model import FrontMatter, Seed
from digest.sources.seeds import read_seed
from digest.summarize import summarize

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_2e6127321d3f8742.txt"
SEEDS = Path(__file__).resolve().parent / "seeds_summarize"


def _all_text(story) -> str:
    quotes = " ".join(f"{q.text} {q.speaker}" for q in story.quotes)
    return " ".join([story.headline, story.byline or "", *story.lead, quotes])


def test_sample_seed_acceptance() -> None:
    story = summarize(read_seed(SAMPLE))
    assert story.headline == (
        "What the Withdrawal of Minusma From Mali Says About Peacekeeping\u2019s Future"
    )
    assert story.byline == "Chlo\u00e9 Cosson"
    assert story.lead[0].startswith("The coup in Niger in late July")
    first = story.quotes[0]
    assert first.text == (
        "Can a peace mission exist at the same time as a counterinsurgency operation "
        "of highly militarized goals?"
    )
    assert first.speaker is not None and first.speaker.endswith("Gauthier Vela")


@pytest.mark.parametrize(
    "chrome",
    [
        "Online Program Enrolling Now",  # the repeated ad
        "above picture",  # the photo caption ending in a credit
        "Great article",  # a comment
        "master\u2019s degree",  # the author bio
        "UNGA78",  # related posts
        "Sign up to get",  # the subscribe box
        "Notify of",
    ],
)
def test_sample_seed_output_has_no_chrome(chrome: str) -> None:
    assert chrome not in _all_text(summarize(read_seed(SAMPLE)))


def test_news_page_story() -> None:
    story = summarize(read_seed(SEEDS / "news_page.txt"))
    assert story.headline == "The Orchard Town That Learned to Share Its Apples"
    assert story.byline == "Helena Voss-March"
    assert story.lead[0].startswith("When the last commercial cider press")
    text = _all_text(story)
    for chrome in ("Larkspur", "SLOW FOOD", "Getty", "Related", "cookies", "best thing I have"):
        assert chrome not in text


def test_story_json_shape_is_stable() -> None:
    story = summarize(read_seed(SEEDS / "news_page.txt"))
    data = story.as_json()
    assert list(data) == ["headline", "byline", "lead", "quotes"]
    assert all(set(q) == {"text", "speaker", "source"} for q in data["quotes"])  # type: ignore[attr-defined]


def test_front_matter_wins_over_extraction() -> None:
    meta = FrontMatter(
        title="An editor's title",
        url="https://example.org/a",
        byline="Edi Tor",
        image="https://example.org/a.jpg",
        quote="An editor chose this line for the issue.",
    )
    # The editor's quote is checked against the article: this one is in it.
    text = (SEEDS / "news_page.txt").read_text(encoding="utf-8")
    text += "\n\nEdi Tor said: \u201cAn editor chose this line for the issue.\u201d\n"
    story = summarize(Seed(source="page.txt", text=text, meta=meta))
    assert story.headline == "An editor's title"
    assert story.byline == "Edi Tor"
    assert story.url == "https://example.org/a"
    assert story.image == "https://example.org/a.jpg"
    assert story.quotes[0].text == "An editor chose this line for the issue."
    assert story.quotes[0].origin == "front matter"
    assert len(story.quotes) > 1  # the extracted quotes follow


def test_missing_url_is_reported_naming_the_seed(tmp_path: Path) -> None:
    seed = tmp_path / "nourl.txt"
    seed.write_text("A title\n\nSome words here, enough of them to read as a story.\n", "utf-8")
    assert summarize(read_seed(seed)).url is None
    summarized = CliRunner().invoke(cli, ["summarize", str(seed), "--format", "json"])
    assert "nourl.txt: no URL (add `url:` front matter)" in summarized.stderr
    strict = CliRunner().invoke(cli, ["summarize", str(seed), "--strict"])
    assert strict.exit_code == 0 and strict.stdout.startswith("A title")  # as build --strict
    built = CliRunner().invoke(cli, ["build", str(seed), "-o", str(tmp_path / "out.html")])
    assert "1 without a link (add `url:` front matter to nourl.txt)" in built.stderr
    assert built.stderr.count("\n") == 1  # gathered into the one summary line


def test_empty_text_gives_an_empty_story() -> None:
    story = summarize(Seed(source="empty.txt", text="\n\n"))
    assert story.headline == ""
    assert story.lead == () and story.quotes == () and story.byline is None


def test_page_without_blank_lines() -> None:
    story = summarize(read_seed(SEEDS / "no_blank_lines.txt"))
    assert story.headline == "Bakers warn of bread price rise as flour costs climb"
    assert story.byline == "Pieter Oyelaran"
    assert story.lead[0].startswith("Independent bakers across the region")
    assert [q.speaker for q in story.quotes] == ["Adaeze Lindgren", "Adaeze Lindgren"]


def test_credit_lines_titles_with_dots_and_pronouns() -> None:
    story = summarize(read_seed(SEEDS / "credit_lines.txt"))
    assert story.headline == "A Lighthouse Keeper\u2019s Last Season"
    assert story.byline == "Owen Castellano"
    assert story.lead[0].startswith("HARLOW POINT, Maine \u2014 For thirty-one winters")
    assert [q.speaker for q in story.quotes] == ["Dana Whitfield", "Everett Pell", "Everett Pell"]


def test_enlarge_caption_kicker_and_name_dash_date() -> None:
    story = summarize(read_seed(SEEDS / "enlarge_caption.txt"))
    assert story.headline == "Warehouse robots learn to ask for help when they are stuck"
    assert story.byline == "Maya Okonedo"
    assert story.lead[0].startswith("Warehouse robots are good at moving shelves")
    assert story.quotes[0].speaker == "Ingrid Solheim"


def test_q_and_a_answers_belong_to_the_person_introduced() -> None:
    story = summarize(read_seed(SEEDS / "q_and_a.txt"))
    assert story.headline == "Five questions for a lighthouse poet"
    assert story.byline == "Salme Korhonen"  # "Interview by ..."
    assert story.quotes[0].text.startswith("Because I wanted to find out")
    assert {q.speaker for q in story.quotes} == {"Ilmari Vesterinen"}


@pytest.mark.parametrize(
    ("name", "headline", "byline", "lead_start"),
    [
        ("wiki.txt", "Brackwater Cider Cooperative", None, "The Brackwater Cider Cooperative is"),
        ("howto.txt", "How to Prune an Old Apple Tree", "Tove Marsh", "Old apple trees can"),
        ("blog.txt", "How I finally learned to like unit tests", None, "I resisted unit tests"),
        (
            "live.txt",
            "Storm Hilde: live updates as coast braces for gales",
            "Ana Ruiz, Tom Vale, Lee Park",
            "Ferry services between the islands",
        ),
    ],
)
def test_other_page_shapes(name: str, headline: str, byline: str | None, lead_start: str) -> None:
    story = summarize(read_seed(SEEDS / name))
    assert (story.headline, story.byline) == (headline, byline)
    assert story.lead[0].startswith(lead_start)


def test_encyclopedia_and_how_to_pages_have_no_quotes() -> None:
    for name in ("wiki.txt", "howto.txt", "blog.txt"):
        assert summarize(read_seed(SEEDS / name)).quotes == (), name
