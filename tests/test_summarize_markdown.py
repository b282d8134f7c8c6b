"""Markdown seeds, with and without front matter."""

from __future__ import annotations

from pathlib import Path

from digest.model import Seed
from digest.sources.seeds import read_seed
from digest.summarize import summarize

NOTE = Path(__file__).resolve().parent / "seeds_summarize" / "note.md"


def test_front_matter_wins_and_markup_is_stripped() -> None:
    story = summarize(read_seed(NOTE))
    assert story.headline == "Night trains are back, slowly"
    assert story.byline == "Sam Okonkwo-Reyes"
    assert story.url == "https://example.org/night-trains"
    assert story.lead[0].startswith("Three new sleeper routes open this winter")
    assert "**" not in story.lead[0]
    assert "](" not in " ".join(story.lead)
    assert story.quotes[0].speaker == "Hanne Ostrava"


def test_first_level_heading_is_the_title_without_front_matter() -> None:
    text = (
        "# Night trains are back\n\nThree new sleeper routes open this winter, the first in a "
        "decade, and every one of them is already booked out, the operator said.\n"
    )
    story = summarize(Seed(source="n.md", text=text, kind="markdown"))
    assert story.headline == "Night trains are back"
    assert story.lead[0].startswith("Three new sleeper routes")


def test_code_fences_are_not_quotes() -> None:
    text = (
        "# Config notes\n\nThe setting below is the one that matters for the whole team here.\n\n"
        '```\nname = "a long string that someone might think is a quote"\n```\n'
    )
    assert summarize(Seed(source="n.md", text=text, kind="markdown")).quotes == ()


def test_emphasis_is_stripped_but_snake_case_is_kept() -> None:
    from digest.summarize.markdown import read_markdown

    text, _ = read_markdown("Set **max_retry_count** and _really_ check it, not a_b_c.")
    assert text == "Set max_retry_count and really check it, not a_b_c."


def test_links_of_every_kind_become_their_text() -> None:
    from digest.summarize.markdown import read_markdown

    text, hints = read_markdown(
        "# The [night train](https://example.org/nt) returns\n\n"
        'The [operator\'s [new] timetable](https://example.org/t_(2026) "Winter") and the '
        "[route map][map] are out, with [notes] and <https://example.org/faq>.\n\n"
        "[map]: https://example.org/map.pdf\n"
        "[notes]: <https://example.org/notes> 'Notes'\n"
    )
    assert hints.title == "The night train returns"
    assert text == (
        "The night train returns\n\n"
        "The operator's [new] timetable and the route map are out, with notes and "
        "https://example.org/faq."
    )


def test_lists_quotes_and_escapes_keep_their_words() -> None:
    from digest.summarize.markdown import read_markdown

    text, _ = read_markdown(
        "Stops on the route:\n\n- Tarn [Halt](h)\n- Vell &amp; Moor\n\n"
        "> \\*Not\\* emphasis, ![a map](m.png)and `a_b` as written.\n\n<!-- draft note -->\n"
    )
    assert text == (
        "Stops on the route:\n\n- Tarn Halt\n- Vell & Moor\n\n*Not* emphasis, and a_b as written."
    )
