"""Quotes: attributed direct quotations, with their speaker named as fully as the page does."""

from __future__ import annotations

from digest.model import Quote, Seed
from digest.summarize import summarize

TOP = "River falls to a record low\n\nBy Ana Ruiz\n\n12 May 2024\n\n"
OPENING = (
    "The river authority said on Monday that water levels had fallen to their lowest point "
    "since records began, and asked farmers to stop drawing from the main channel. It is the "
    "second dry spring in a row, and the third time in ten years that the channel has been "
    "closed to pumps."  # long enough to be the whole lead, so no quote below is in it
)


def _quotes(*paragraphs: str) -> tuple[Quote, ...]:
    text = TOP + "\n\n".join([OPENING, *paragraphs])
    return summarize(Seed(source="t.txt", text=text)).quotes


def test_said_after_the_quote_with_the_fullest_name() -> None:
    quotes = _quotes(
        "Marta Elena Solbakk, who farms on the lower bank, has lost half her crop.",
        "\u201cWe have never had to choose between the cattle and the orchard before,\u201d "
        "Solbakk said.",
    )
    assert quotes == (
        Quote(
            "We have never had to choose between the cattle and the orchard before",
            "Marta Elena Solbakk",
        ),
    )


def test_verb_before_the_quote_and_titles_dropped() -> None:
    quotes = _quotes(
        'President Ilse Varga visited the valley. She added: "The state will pay for the '
        'water trucks until the rain comes back."'
    )
    assert quotes[0] == Quote(
        "The state will pay for the water trucks until the rain comes back.", "Ilse Varga"
    )


def test_inverted_said_and_according_to() -> None:
    quotes = _quotes(
        '"Nobody should be watering a lawn in this weather at all," said chief engineer '
        "Oskar Lind of the authority.",
        "The levels are \u201cthe lowest we have measured in a hundred years of records,\u201d "
        "according to the Valley Water Board.",
    )
    assert quotes[0].speaker == "Oskar Lind"
    assert quotes[1].speaker == "the Valley Water Board"


def test_a_pronoun_points_to_the_person_just_named() -> None:
    quotes = _quotes(
        "Tomas Brekke runs the ferry. \u201cI have moved the boat three times since March "
        "and I will move it again,\u201d he said."
    )
    assert quotes[0].speaker == "Tomas Brekke"


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker() -> None:
    quotes = _quotes(
        "\u201cWe dug the well deeper in April and it is dry again already,\u201d said Ana "
        "Maris, a farmer.",
        "\u201cIf it does not rain by June we will sell the herd, there is no other way.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Ana Maris", "Ana Maris"]


def test_a_pull_quote_ranks_first() -> None:
    quotes = _quotes(
        "\u201cThe first quote in the story is a perfectly good one as well,\u201d said Ana Maris.",
        "\u201cWe are watching a river we grew up with turn into a road of dry stones,\u201d "
        "said Tomas Brekke.",
        "We are watching a river we grew up with turn into a road of dry stones",
    )
    assert quotes[0].speaker == "Tomas Brekke"


def test_interview_answers_are_quoted_and_questions_are_not() -> None:
    quotes = _quotes(
        "We spoke to Mirela Dontas, the authority's hydrologist.",
        "VALLEY NEWS: How low can the river go?",
        "DONTAS: It can go much lower than this, because the springs upstream are failing too.",
        "VALLEY NEWS: What should farmers do?",
        "DONTAS: They should plan for a second dry year and hope that I am wrong about it.",
    )
    assert quotes[0].speaker == "Mirela Dontas"
    assert quotes[0].text.startswith("It can go much lower")
    assert all("?" not in q.text for q in quotes)


def test_a_block_quotation_attributed_by_a_dash_line() -> None:
    quotes = _quotes(
        "The ferry owner posted this on Sunday:",
        "Moved the boat again today, third time since March, the river is a road now",
        "\u2014 Tomas Brekke (@tbrekke) May 10, 2024",
    )
    assert quotes[0].speaker == "Tomas Brekke"
    assert quotes[0].text.startswith("Moved the boat again")


def test_scare_quotes_titles_and_code_strings_are_not_quotes() -> None:
    quotes = _quotes(
        "Officials called it a \u201cmanaged decline\u201d of the river, which critics mock.",
        "The authority's report, \u201cThe State of the Valley Rivers and Their Many "
        "Tributaries,\u201d was published on Monday, said the minister.",
        'Set "max_flow_rate = compute(levels, 0.5);" in the config, the engineer said.',
    )
    assert quotes == ()


def test_unattributed_and_hypothetical_quotes_are_not_quotes() -> None:
    quotes = _quotes(
        "Someone might have said: \u201cthe river will always come back, it always does.\u201d",
        "Don't say \u201cthe drought is over\u201d just because it rained for one afternoon.",
        "\u201cA river is a promise the land makes to the sea,\u201d goes the old saying.",
    )
    assert quotes == ()


def test_at_most_five_quotes() -> None:
    paragraphs = [
        f"\u201cThis is statement number {n} about the river and the long dry spring,\u201d "
        f"said Ana Maris."
        for n in range(9)
    ]
    assert len(_quotes(*paragraphs)) == 5


def test_a_transcript_excerpt_after_said_is_quoted() -> None:
    quotes = _quotes(
        "The hearing heard from the authority's director. Water is rationed by need, Petra "
        "Holm said at the hearing, and farms come after homes.",
        "I have told every farmer in this valley that we will share what is left, and I "
        "meant it. We cannot make it rain, but we can make sure nobody is left without.",
        "The hearing continues on Thursday with evidence from the farmers' union and the "
        "ferry company.",
        "Boat owners have been told to move their vessels before the weekend inspections "
        "of the lock gates.",
    )
    assert quotes[0].speaker == "Petra Holm"
    assert quotes[0].text.startswith("I have told every farmer")


def test_first_person_essays_have_no_excerpts() -> None:
    text = (
        "Why I stopped watering the lawn\n\nBy Ana Ruiz\n\n"
        "I used to water the lawn every evening, and my neighbours did the same, until our "
        "well ran dry in June.\n\n"
        "We decided, my partner and I, that a brown lawn was a small price for a full well.\n"
    )
    assert summarize(Seed(source="t.txt", text=text)).quotes == ()


def test_a_capitalised_sentence_opener_is_not_taken_for_a_name() -> None:
    quotes = _quotes(
        "On the drought, Mr Tomas Brekke said the authority had acted too late.",
        "Farmers who stay through the summer \u201cwill need more help than anyone has "
        "promised them so far,\u201d he said.",
    )
    assert quotes[0].speaker == "Tomas Brekke"


def test_a_quote_with_its_own_unnamed_speaker_does_not_borrow_one() -> None:
    quotes = _quotes(
        "\u201cThe well is dry and the river is a road of stones,\u201d said Ana Maris.",
        "\u201cNobody from the authority has been to see us at all,\u201d one neighbour wrote "
        "on a forum.",
    )
    assert [q.speaker for q in quotes] == ["Ana Maris"]


def test_labelled_notes_without_questions_are_not_an_interview() -> None:
    quotes = _quotes(
        "UPDATE: The authority has now confirmed that the restrictions start on Monday.",
        "NOTE: Figures in this story come from the authority's own weekly report on levels.",
        "UPDATE: The restrictions will be reviewed at the end of the month by the board.",
        "NOTE: An earlier version of this story gave the wrong date for the board meeting.",
    )
    assert quotes == ()


def test_unnamed_officials_and_places_are_not_speakers() -> None:
    quotes = _quotes(
        "Officials said \u201cthe restrictions will stay in place for the whole of the "
        "summer.\u201d",
        "\u201cThe lock gates will be closed for at least a fortnight,\u201d said the mayor of "
        "Lyon.",
    )
    assert quotes == ()


def test_a_colon_line_introduces_the_quote_paragraph_under_it() -> None:
    quotes = _quotes(
        "Ana Maris, who farms the lower bank, put it plainly:",
        "\u201cIf the authority will not bring water to the valley, we will leave it.\u201d",
    )
    assert quotes == (
        Quote(
            "If the authority will not bring water to the valley, we will leave it.", "Ana Maris"
        ),
    )


def test_an_faq_is_not_an_interview() -> None:
    text = (
        "Water restrictions: what you need to know\n\n"
        "The Valley Water Board has published guidance for households during the drought.\n\n"
        "Q: Can I water my garden?\n\n"
        "A: Only with a watering can, and only before eight in the morning or after six.\n\n"
        "Q: Can I fill a paddling pool?\n\n"
        "A: No, not while the restrictions are in place across the whole valley.\n"
    )
    assert summarize(Seed(source="t.txt", text=text)).quotes == ()


def test_single_curly_quote_marks_are_quotes_and_apostrophes_are_not() -> None:
    quotes = _quotes(
        "Ana Maris, who farms the lower bank, has sold half the herd.",
        "\u2018We can\u2019t keep the cows on a dry field, whatever the neighbours\u2019 "
        "advice,\u2019 Ms Maris said.",
    )
    assert quotes == (
        Quote(
            "We can\u2019t keep the cows on a dry field, whatever the neighbours\u2019 advice",
            "Ana Maris",
        ),
    )


def test_he_said_after_a_paragraph_about_someone_else_is_that_person() -> None:
    quotes = _quotes(
        "\u201cThe lock gates have not been opened since the spring floods,\u201d said Ana "
        "Maris, who chairs the boat club.",
        "Tomas Brekke has run the ferry for thirty years and says he will keep it running.",
        "\u201cI will move the landing stage again if the water falls any further,\u201d he said.",
    )
    assert [q.speaker for q in quotes] == ["Ana Maris", "Tomas Brekke"]


def test_she_said_points_to_a_person_named_mid_sentence_not_to_i() -> None:
    quotes = _quotes(
        "When I called the boat club, its secretary, Ana Maris, was not surprised. "
        "\u201cHalf the moorings on the east bank have been empty since June,\u201d she said."
    )
    assert quotes == (
        Quote("Half the moorings on the east bank have been empty since June", "Ana Maris"),
    )


def test_a_lower_case_job_title_before_the_name_is_not_the_speaker() -> None:
    quotes = _quotes(
        "The Valley Council met on Tuesday to discuss the drought.",
        "Council member Ana Maris, who wrote the plan, expects changes. \u201cNobody in this "
        "valley should pay for water the big farms waste,\u201d she said.",
    )
    assert quotes[0].speaker == "Ana Maris"


def test_a_colon_line_names_its_speaker_in_apposition() -> None:
    quotes = _quotes(
        "A hydrologist I spoke to, Dr Ana Maris, put it plainly:",
        "\u201cIf the authority will not bring water to the valley, we will leave it.\u201d",
    )
    assert quotes[0].speaker == "Ana Maris"


def test_a_transcript_names_a_voice_in_full_once_then_by_surname() -> None:
    text = (
        "Transcript: the ferry keeper of the lower valley\n\n"
        "Ana Ruiz spoke with Tomas Brekke about thirty years on the river.\n\n"
        "ANA RUIZ, HOST: How did you start?\n\n"
        "TOMAS BREKKE: My father ran the ferry, and one summer he handed me the rope.\n\n"
        "RUIZ: And the drought?\n\n"
        "BREKKE: It is the worst I have seen, the landing stage is a field of mud now.\n\n"
        "RUIZ: Will you keep going?\n\n"
        "BREKKE: As long as there is a river to cross, somebody has to take people over.\n"
    )
    quotes = summarize(Seed(source="t.txt", text=text)).quotes
    assert {q.speaker for q in quotes} == {"Tomas Brekke"}
    # The first answer is the lead, so the email quotes the next ones.
    assert quotes[0].text.startswith("It is the worst I have seen")


def test_frequently_asked_questions_are_not_an_interview() -> None:
    text = (
        "Water restrictions: frequently asked questions\n\n"
        "This page answers the questions residents have asked us most often about the drought.\n\n"
        "Q: Can I water my garden?\n\n"
        "A: Only with a watering can, and only before eight in the morning or after six.\n\n"
        "Q: Can I fill a paddling pool?\n\n"
        "A: No, not while the restrictions are in place across the whole valley.\n"
    )
    assert summarize(Seed(source="t.txt", text=text)).quotes == ()


def test_a_sign_off_under_the_last_paragraph_is_not_a_quoted_post() -> None:
    text = (
        "Water troughs to be replaced\n\n"
        f"{OPENING}\n\n"
        "Please fill your own containers in advance, and be patient at the tap by the gate.\n\n"
        "\u2014 Ana Maris, Chair\n\n"
        "Leave a comment\n"
    )
    story = summarize(Seed(source="t.txt", text=text))
    assert story.quotes == ()
    assert story.byline == "Ana Maris"


def test_a_bio_shaped_paragraph_inside_the_story_is_the_story() -> None:
    quotes = _quotes(
        "Tomas Vale was a reporter at the Valley Post when the dam failed in 1998. \u201cI have "
        "never seen water move like that, before or since,\u201d he said.",
        "The authority expects the restrictions to last until the autumn rains return.",
    )
    assert quotes == (
        Quote("I have never seen water move like that, before or since", "Tomas Vale"),
    )


def test_a_second_speaker_in_the_same_paragraph_with_a_less_common_verb() -> None:
    quotes = _quotes(
        "\u201cEvery lock on this river will be open again by the summer,\u201d said Councillor "
        "Ana Maris. Councillor Tomas Brekke disagreed: \u201cNot one of them has been inspected "
        "since the floods, and you know it.\u201d"
    )
    assert [q.speaker for q in quotes] == ["Ana Maris", "Tomas Brekke"]


def test_a_spokesperson_for_someone_is_not_that_someone() -> None:
    quotes = _quotes(
        "Ana Maris, the singer, was held at the border for six hours.",
        "\u201cThe paperwork was filed by a new agency and they got two numbers the wrong way "
        "round,\u201d a spokesperson for Maris said.",
    )
    assert quotes[0].speaker == "a spokesperson for Maris"


def test_her_sister_is_named_by_the_word_after_sister() -> None:
    quotes = _quotes(
        "\u201cSome mornings the creek is the most beautiful place on earth,\u201d says Brid "
        "Maris, who runs the oyster farm.",
        "Her sister Nuala, who handles the sales, is more cautious about the future.",
        "\u201cEvery hot August I lie awake waiting for the phone call about the stock,\u201d "
        "she says.",
    )
    assert [q.speaker for q in quotes] == ["Brid Maris", "Nuala"]


def test_a_prosecutor_title_is_not_part_of_the_name() -> None:
    quotes = _quotes(
        "Prosecutor Ana Maris said the harbour master had targeted visitors. \u201cHe treated "
        "the harbour as his own private business,\u201d she told the court."
    )
    assert quotes[0].speaker == "Ana Maris"


def test_the_quote_modules_import_one_way() -> None:
    """The finders share found.py and attribution.py; none imports quotes.py back, and
    every import sits at the top of its module (none hidden in a function or TYPE_CHECKING)."""
    import ast
    from pathlib import Path

    import digest.summarize as package

    folder = Path(package.__file__).parent
    for name in ("found", "attribution", "speakers", "interview", "excerpts", "quotes"):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert id(node) in top, f"{name}.py line {node.lineno}: import not at the top"
            if isinstance(node, ast.ImportFrom):
                assert node.module != "digest.summarize.quotes", f"{name}.py imports quotes.py"


def test_a_name_does_not_run_on_into_the_next_paragraph() -> None:
    quotes = _quotes(
        "Moving the pumps upstream is the only plan that has ever worked in a dry year.",
        "\u2014 Oskar Lind",
        "The authority will decide on Friday which of the three plans it puts to the farmers.",
    )
    assert quotes[0].speaker == "Oskar Lind"
