"""Who a speaker phrase on the page means: a full name, or whom a pronoun points back to.

Shared by the quote finders: reported speech (quotes) and transcript excerpts.
"""

from __future__ import annotations

from digest.summarize import speakers
from digest.summarize.found import Found
from digest.summarize.page import PROSE, TEXT, Page
from digest.summarize.speakers import NameBook


def quotable(page: Page, i: int) -> bool:
    return page.labels[i].kind in (PROSE, TEXT)


def resolve(
    raw: str | None, page: Page, i: int, book: NameBook, last: Found | None, context: str
) -> str | None:
    """A full name for the speaker phrase: pronouns and "the report" point back."""
    if raw is None:
        return None
    speaker = speakers.clean_speaker(raw)
    if speaker is None:
        return None
    if speaker in ("he", "she"):
        return _pronoun(page, i, book, last, context)
    if speaker in speakers.PRONOUNS:
        return None
    if speaker[:1].islower():
        earlier = " ".join(page.blocks[j].text for j in range(page.start, i + 1))
        return speakers.author_of(speaker, earlier) or speaker
    # "Officials said ..." opens a sentence with a capital but names no one.
    return book.fullest(speaker) if book.is_name(speaker) else None


def _pronoun(page: Page, i: int, book: NameBook, last: Found | None, context: str) -> str | None:
    """Who "he" or "she" is: the person this paragraph names, else the one named since
    the last quote, else whoever spoke last."""
    named = speakers.named_in(context, book)
    if named:
        return book.fullest(named)
    recent = last is not None and last.speaker is not None and i - last.index <= 4
    since = last.index + 1 if last is not None and recent else max(page.start, i - 3)
    # A paragraph about someone, then "“...,” he said": the quote is theirs, not the
    # previous speaker's.
    between = (page.blocks[j].text for j in range(since, i) if quotable(page, j))
    named = speakers.named_in(" ".join(between), book)
    if named:
        return book.fullest(named)
    return last.speaker if last is not None and recent else None
