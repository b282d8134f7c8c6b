"""The copy edit before layout: length budget per story and typographic quotes."""

from __future__ import annotations

from digest.config import Config
from digest.model import Quote, Story
from digest.render.copyedit import curly, cut_lead, edit_story, pick_quote, words

LONG = " ".join(f"Sentence number {n} has exactly seven words." for n in range(1, 30))


def test_lead_is_cut_at_a_sentence_boundary_within_the_budget() -> None:
    lead = cut_lead((LONG,), 80)
    assert 60 <= words(lead[0]) <= 80
    assert lead[0].endswith("words.") and LONG.startswith(lead[0])


def test_a_first_sentence_over_budget_is_kept_whole_never_cut() -> None:
    sentence = "One very long sentence " + "and more " * 60 + "ends here."
    assert cut_lead((sentence, "Second paragraph."), 80) == (sentence,)


def test_second_paragraph_only_when_the_first_fits() -> None:
    assert cut_lead(("Short one.", "Short two."), 80) == ("Short one.", "Short two.")


def test_one_quote_of_at_most_the_budget() -> None:
    long = Quote(" ".join(["word"] * 50) + ".", "A")
    short = Quote("We cannot wait another year.", "B")
    assert pick_quote((long, short), 40) == (short,)
    assert pick_quote((long,), 40) == ()
    two = Quote("We cannot wait. Then " + " ".join(["word"] * 50) + ".", "C")
    assert pick_quote((two,), 40) == (Quote("We cannot wait.", "C"),)
    three = Quote("We cannot wait. Nor can the orchard. Then " + " ".join(["word"] * 40) + ".", "D")
    # Whole opening sentences, word for word: never a sentence cut in the middle.
    assert pick_quote((three,), 40) == (Quote("We cannot wait. Nor can the orchard.", "D"),)


def test_quotes_and_apostrophes_become_typographic_and_consistent() -> None:
    assert curly('"It\'s done," she said.') == "\u201cIt\u2019s done,\u201d she said."
    assert curly("the '90s and 'quoted' words") == "the \u201990s and \u2018quoted\u2019 words"
    assert curly("\u201cAlready curly\u201d") == "\u201cAlready curly\u201d"
    story = Story(
        headline='Mayor says "no"',
        byline="Aoife O'Brien",
        lead=("It's \u201cfinal\u201d, she said.",),
        quotes=(Quote("We're done", "Dara O'Neill"),),
    )
    edited = edit_story(story, Config())
    quote = edited.quotes[0]
    text = edited.headline + "".join(edited.lead) + quote.text + f"{quote.speaker}{edited.byline}"
    assert "'" not in text and '"' not in text
