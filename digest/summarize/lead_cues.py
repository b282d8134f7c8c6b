"""What tells the story's first paragraph from the prose that stands before it.

A standfirst over a photo credit or over a release's dateline, a note about the page
itself ("first published in...", an "updated" date stamp), a list of other stories run
together into one block: they read like prose in plain text, and these shapes give
them away. The lead rules (lead.py) pass them over and the ranker never sees an aside
as a candidate.
"""

from __future__ import annotations

import re

from digest.summarize import chrome
from digest.summarize.blocks import Block
from digest.summarize.page import CAPTION, CHROME, Page

_PLACE_WORDS = 5
_PLACE_MARKS = frozenset(" ,.'-")
# "1 First title 2 Second title 3 ...": a numbered list run into one block.
_NUMBERED = re.compile(r"(?:^|\s)(\d{1,2})[.)]?\s+(?=\S)")
_CREDIT_WORD = re.compile(
    r"\b(?:image|photo|photograph|picture|illustration|credit|source|courtesy)s?\b", re.IGNORECASE
)
_CREDIT_MARK = re.compile(r"[:/|©]")
_SHORT_CREDIT = 10  # words
# The page speaking of itself: "This article was originally published on...", "A version
# of this story appeared in print" (a story may well say "this page" of something else).
_SELF = re.compile(
    r"\bthis (?:article|story|piece|post) (?:was|has been|first|originally|appeared|appears)\b|"
    r"\ba version of this (?:article|story)\b"
)
_NOTE_WORDS = 40
# A date stamp: "Published May 3, 2024 Last updated ..." ("First published in 1954, the
# novel..." has no day and month, and is the story's).
_STAMP = re.compile(r"^\W*(?:(?:originally |first )?published|(?:last )?updated)\b")
_STAMP_WORDS = 30


def is_credit(block: Block, kind: str) -> bool:
    """A photo's caption or credit line: "Photo: Ana Ruiz", "Image source: Agency"."""
    if kind == CAPTION or "©" in block.text:
        return True
    short = block.words <= _SHORT_CREDIT and bool(_CREDIT_MARK.search(block.text))
    if short and _CREDIT_WORD.search(block.text):
        return True
    return chrome.is_caption(block) is not None


def is_place_line(block: Block, kind: str) -> bool:
    """A wire or release dateline on a line of its own: "LYON, FRANCE" (not a label in
    capitals the page's chrome is made of: "ADVERTISEMENT")."""
    text = block.text
    return (
        kind != CHROME
        and block.words <= _PLACE_WORDS
        and len(text) >= 3
        and text[:1].isalpha()
        and text.isupper()
        and all(c.isalpha() or c in _PLACE_MARKS for c in text)
    )


def credit_between(page: Page, first: int, last: int) -> bool:
    """A photo credit or a dateline line between two paragraphs: what stands under a
    standfirst (over its photo, or over the story's dateline)."""
    return any(
        is_credit(page.blocks[j], page.labels[j].kind)
        or is_place_line(page.blocks[j], page.labels[j].kind)
        for j in range(first + 1, last)
    )


def is_page_note(block: Block) -> bool:
    """A line about the page, not the story: "This article was first published...",
    a date stamp ("Updated May 3, 2024")."""
    low = block.text.lower()
    if block.words <= _NOTE_WORDS and _SELF.search(low):
        return True
    return block.words <= _STAMP_WORDS and bool(_STAMP.match(low)) and chrome.has_date(block.text)


_LIST_RUN = 3  # "1 ... 2 ... 3 ...": other stories' titles run together


def is_aside(block: Block) -> bool:
    """Never the lead: a line about the page ("first published...") or a list of other
    stories (no such line is the first paragraph of any development page's story)."""
    return is_page_note(block) or numbered_run(block.text) >= _LIST_RUN


def numbered_run(text: str) -> int:
    """How far "1 ... 2 ... 3 ..." counts up inside one block: a list of titles run together."""
    run = 0
    for n in (int(x) for x in _NUMBERED.findall(text)):
        run = run + 1 if n == run + 1 else (1 if n == 1 else run)
    return run
