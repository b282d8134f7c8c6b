"""What a person's name looks like on a page, and how to write it properly.

Names are recognised by shape (capitalised words, particles, initials) and by the
cues around them, never from a list of people.
"""

from __future__ import annotations

import re

from digest.summarize.blocks import UPPER, wordset

PARTICLES = wordset(
    """
    de da di del della der den van von la le du dos das bin ibn al el ter ten
    """
)
# Each [{UPPER}] costs the pattern compiler about a quarter of a millisecond, and NAME is
# compiled into several patterns: so (?:X\.)+ for X\.(?:X\.)*, and one \s+ after either start.
_CAP = rf"[{UPPER}][^\W\d_]*(?:['’\-][^\W\d_]+)*\.?"  # noqa: RUF001
_PART = r"(?:" + "|".join(sorted(PARTICLES)) + r")"
_INITIALS = rf"\(?(?:[{UPPER}]\.)+\)?"
TOKEN = rf"(?:{_INITIALS}|{_CAP}|{_PART}(?=\s+[{UPPER}]))"
NAME = rf"(?:{_INITIALS}|{_CAP})\s+(?:{TOKEN}\s+){{0,3}}{_CAP}"
_NAME_RE = re.compile(NAME)
# Capitalised words that are page furniture or titles, not parts of a byline name.
NOT_NAMES = wordset(
    """
    the a an of and in on at for to with from by is are was news home more video videos
    sport sports business tech science health world politics opinion culture life style
    travel report reports section sections share follow sign search menu email subscribe
    top stories story latest read live data market markets page help contact about us
    our your my new edition all most popular related posts comments comment
    advertisement sponsored view watch photo photos gallery images image credit today
    week month year january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday staff
    reporter editor writer correspondent online program institute university united
    nations america american national international association center centre department
    company group inc ltd climate change economy education environment technology
    entertainment lifestyle food weather local global breaking update updates analysis
    features review reviews podcast podcasts newsletter newsletters media press
    """
)
TITLES = wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister
    secretary senator sen rep representative gov governor mayor judge justice chief
    inspector sergeant sgt officer detective captain capt general gen colonel col
    lieutenant lt commander cmdr col capt maj adm cpl pvt det insp supt admiral father
    rev reverend bishop archbishop pope king queen prince princess ceo chairman
    chairwoman chair director spokesman spokeswoman spokesperson minister chancellor
    ambassador coach dean superintendent commissioner constable deputy councillor
    councilor councilman councilwoman alderman alderwoman assemblyman assemblywoman mp mep
    prosecutor barrister solicitor attorney counsel coroner magistrate sheriff pastor rabbi
    imam vicar canon
    """
)


def name_shaped(text: str) -> bool:
    """The whole text, as it is (no spaces around), has a name's shape: no word checks.

    Patterns that find a name between cues match it loosely and check it here, instead of
    compiling NAME into each of them (milliseconds at every start).
    """
    return _NAME_RE.fullmatch(text) is not None


def opens_with_name(text: str, start: int = 0) -> bool:
    """Some stretch of text from `start` has a name's shape: a quick test before looking
    along a line for the cue that ends the name (most lines fail it at their first word)."""
    return _NAME_RE.match(text, start) is not None


def is_name(text: str, min_tokens: int = 2, max_tokens: int = 5) -> bool:
    """True if the whole text has the shape of a person's name."""
    text = text.strip()
    if not _NAME_RE.fullmatch(text):
        return False
    tokens = text.split()
    if not min_tokens <= len(tokens) <= max_tokens:
        return False
    plain = [t.strip("().").lower() for t in tokens]
    return not any(t in NOT_NAMES or t in TITLES for t in plain)


def proper_case(name: str, page_text: str) -> str:
    """Write an all-capitals name as the page writes it elsewhere, else capitalise words."""
    if not name.isupper():
        return name
    for found in re.finditer(re.escape(name), page_text, re.IGNORECASE):
        if not found.group(0).isupper():
            return found.group(0)
    return " ".join(_cap_word(w) for w in name.split())


def _cap_word(word: str) -> str:
    if word.lower() in PARTICLES:
        return word.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
