"""Generate realistic scraped-page seeds for benchmarks: chrome, captions, quotes, comments.

Deterministic (seeded), written in the project's own made-up words, so the
benchmark runs anywhere without any real article text.
"""

from __future__ import annotations

import random
from pathlib import Path

_PLACES = ["Port Alder", "Kestrel Bay", "Norhaven", "the Vell Valley", "Castan", "Upper Mirrow"]
_PEOPLE = [
    ("Amara", "Quist"),
    ("Tobias", "Rendell"),
    ("Lena", "Marsh-Okoye"),
    ("Iker", "Salvat"),
    ("Priya", "Dunmore"),
    ("Hugo", "Ferrant"),
    ("Mei", "Lanford"),
    ("Odile", "Brask"),
]
_ROLES = [
    "the regional health minister",
    "a councillor",
    "the union's spokesperson",
    "an economist at the Castan Institute",
    "the mission's deputy head",
]
_NOUNS = [
    "ceasefire",
    "budget",
    "water plan",
    "harbour project",
    "school reform",
    "grain deal",
    "election monitors",
    "housing fund",
    "power grid",
    "refugee camp",
    "peace talks",
]
_VERBS = ["approved", "delayed", "questioned", "expanded", "rejected", "funded", "reviewed"]
_FILLER = [
    "officials",
    "residents",
    "observers",
    "delegates",
    "donors",
    "engineers",
    "farmers",
    "the committee",
    "local groups",
    "the agency",
    "several ministries",
]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_FILLER).capitalize()} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} "
        f"the {rng.choice(_NOUNS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
        f"after {rng.randint(2, 14)} weeks of talks with {rng.choice(_FILLER)}."
    )


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _quote_paragraph(rng: random.Random, person: tuple[str, str], first: bool) -> str:
    words = " ".join(rng.choice(_FILLER + _NOUNS) for _ in range(rng.randint(8, 16)))
    speaker = f"{person[0]} {person[1]}, {rng.choice(_ROLES)}" if first else person[1]
    return f"\u201cWe cannot wait for {words} to decide this for us,\u201d said {speaker}."


def seed_text(index: int, paragraphs: int = 9) -> str:
    """One scraped page: menu, ads, headline, byline, caption, body, bio, comments, footer."""
    rng = random.Random(index)
    author = rng.choice(_PEOPLE)
    source = rng.choice([p for p in _PEOPLE if p != author])
    noun = rng.choice(_NOUNS)
    ad = "Advertisement - Enrol now in our online leadership programme"
    lines = [
        "Home | World | Politics | Climate | Opinion | Subscribe",
        ad,
        "",
        f"{noun.title()} {rng.choice(_VERBS).title()} in {rng.choice(_PLACES)} "
        f"as Talks Enter Week {rng.randint(2, 9)}",
        "",
        f"By {author[0].upper()} {author[1].upper()}",
        f"March {rng.randint(1, 28)}, 2026",
        "",
        f"Delegates arrive for the talks in {rng.choice(_PLACES)}. PHOTO: WIRE SERVICE",
        "",
    ]
    for number in range(paragraphs):
        if number in (2, 5):
            lines += [_quote_paragraph(rng, source, first=number == 2), ""]
        else:
            lines += [_paragraph(rng, rng.randint(3, 6)), ""]
        if number == 4:
            lines += [ad, ""]
    lines += [
        f"{author[0]} {author[1]} covers regional politics and has reported from "
        f"{rng.choice(_PLACES)} since 2019.",
        "",
        "Related Posts",
        f"Five Things to Know About the {rng.choice(_NOUNS).title()}",
        "",
        "3 comments",
        "Reader One",
        "2 days ago",
        "Great piece, thank you.",
        "",
        "Sign up for our newsletter",
        "We respect your privacy.",
        "",
    ]
    return "\n".join(lines)


def write_seeds(folder: Path, count: int, paragraphs: int = 9) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:04d}.txt"
        path.write_text(seed_text(index, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths
