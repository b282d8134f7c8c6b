"""Who said it, when a page names more than one person: the expected speakers are
written out by hand for invented pages (no real people or outlets).

A pronoun points to the person named last before it, not the first; a speaker
change between paragraphs moves the attribution with it; a "— Name" line under a
pull quote names that quote's speaker.
"""

from __future__ import annotations

from digest.model import Quote, Seed
from digest.summarize import summarize

TOP = "Canal trust asks for new lock gates\n\nBy Liesel Marrow\n\n3 March 2025\n\n"
OPENING = (
    "The Wendle Canal Trust said on Monday that the lock gates at Harrow Bridge would need "
    "replacing within two years, and asked the county for help with the cost. The gates were "
    "last rebuilt after the floods of the winter before the trust took over the locks."
)  # long enough to be the whole lead, so no quote below is one the lead already prints


def _quotes(*paragraphs: str) -> tuple[Quote, ...]:
    text = TOP + "\n\n".join([OPENING, *paragraphs])
    return summarize(Seed(source="canal.txt", text=text)).quotes


def test_he_said_after_two_named_people_is_the_second() -> None:
    quotes = _quotes(
        "Ada Fenwick chairs the trust. Tobin Quist runs the hire boats from the basin. "
        "\u201cI have had to turn away every booking for the summer because of the gates,\u201d "
        "he said."
    )
    assert quotes == (
        Quote(
            "I have had to turn away every booking for the summer because of the gates",
            "Tobin Quist",
        ),
    )


def test_she_said_after_three_named_people_is_the_third() -> None:
    quotes = _quotes(
        "Rui Castellane opened the meeting. Tobin Quist read out the repair bills. "
        "Mirela Oduya, who keeps the lock, spoke last. "
        "\u201cI have never seen water come through the gates the way it did this winter,\u201d "
        "she said."
    )
    assert [(q.speaker, q.text[:26]) for q in quotes] == [
        ("Mirela Oduya", "I have never seen water co")
    ]


def test_a_speaker_change_between_paragraphs_moves_the_attribution() -> None:
    quotes = _quotes(
        "\u201cThe lock gates are older than anyone living in the village,\u201d said Ada "
        "Fenwick, who chairs the trust.",
        "Rui Castellane, the trust's engineer, disagreed with her. \u201cAge is not the "
        "problem here, the winter floods are what break the gates,\u201d he said.",
        "\u201cWe will know much more after the divers finish the survey in March,\u201d "
        "Castellane said.",
    )
    assert [q.speaker for q in quotes] == ["Ada Fenwick", "Rui Castellane", "Rui Castellane"]
    assert quotes[1].text.startswith("Age is not the problem")


def test_a_dash_line_under_a_pull_quote_names_its_speaker() -> None:
    quotes = _quotes(
        "Ada Fenwick, who chairs the trust, called the repair bill a warning. \u201cThe lock "
        "gates are older than anyone living in the village,\u201d she said.",
        "Tobin Quist runs the hire boats. \u201cEvery week the gates stay shut costs me a "
        "season of bookings on this stretch,\u201d he said.",
        "\u201cEvery week the gates stay shut costs me a season of bookings on this stretch\u201d",
        "\u2014 Tobin Quist, boat hire owner",
    )
    assert quotes[0] == Quote(
        "Every week the gates stay shut costs me a season of bookings on this stretch",
        "Tobin Quist",
    )
    assert Quote("The lock gates are older than anyone living in the village", "Ada Fenwick") in (
        quotes
    )


def test_he_added_after_two_people_said_something_is_the_second() -> None:
    quotes = _quotes(
        "At the meeting, Ada Fenwick said the trust had spent its reserves and Rui Castellane "
        "said the county should pay. \u201cThe gates are a public road for boats and the "
        "county has to treat them like one,\u201d he added."
    )
    assert [q.speaker for q in quotes] == ["Rui Castellane"]


def test_he_said_after_two_names_in_one_sentence_is_the_second() -> None:
    quotes = _quotes(
        "The meeting heard from the trust's chair, Ada Fenwick, and from its engineer, Rui "
        "Castellane. \u201cThe bottom hinges have rusted through on both of the upper gates,"
        "\u201d he said."
    )
    assert [q.speaker for q in quotes] == ["Rui Castellane"]


def test_she_added_is_the_last_speaker_not_someone_her_paragraph_named_after_her() -> None:
    quotes = _quotes(
        "\u201cThe lock gates are older than anyone living in the village,\u201d said Ada "
        "Fenwick, who thanked Rui Castellane for the survey.",
        "\u201cWe cannot ask the boat owners to wait for another winter of repairs,\u201d she "
        "added.",
    )
    assert [q.speaker for q in quotes] == ["Ada Fenwick", "Ada Fenwick"]


def test_a_bare_quote_continues_the_last_speaker_up_to_three_paragraphs_on() -> None:
    said = (
        "\u201cThe lock gates are older than anyone living in the village,\u201d said Ada "
        "Fenwick, who chairs the trust."
    )
    asides = [
        "The trust was set up in 1984 to take over the locks from the county.",
        "Its volunteers open the gates for about four thousand boats every summer.",
        "The last full repair of the flight was paid for by a lottery grant.",
    ]
    bare = "\u201cWe cannot ask the boat owners to wait for another winter of repairs.\u201d"
    assert [q.speaker for q in _quotes(said, *asides[:2], bare)] == ["Ada Fenwick"] * 2
    assert [q.speaker for q in _quotes(said, *asides, bare)] == ["Ada Fenwick"]
