"""A small offline sentence splitter: no model, no data download.

It splits after . ! ? (and a closing quote or bracket) followed by a space and an
uppercase letter, digit or opening quote, except after common abbreviations and
initials, which end with a dot but not a sentence.
"""

from __future__ import annotations

import re

from digest.summarize.blocks import UPPER, wordset

_ABBREVIATIONS = wordset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr gov sen rep pres rev hon
    messrs no nos vol pp fig inc ltd co corp bros jan feb mar apr jun jul aug sep sept
    oct nov dec vs etc al approx dept est univ ave blvd rd u.s u.k u.n e.g i.e
    """
)
_BOUNDARY = re.compile(rf"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[{UPPER}0-9])")  # noqa: RUF001


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; each is a substring of the paragraph."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _is_abbreviation(text, match.start()):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the dot at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    head = text[:dot]
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    word = word.lstrip("\"“‘'([").lower()  # noqa: RUF001
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def first_sentences(text: str, budget: int) -> str:
    """The opening sentences of `text` within `budget` words (always at least one)."""
    kept: list[str] = []
    count = 0
    for sentence in split_sentences(text):
        size = len(sentence.split())
        if kept and count + size > budget:
            break
        kept.append(sentence)
        count += size
    return " ".join(kept)
