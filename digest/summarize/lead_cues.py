"""What tells the story's first paragraph from the prose that stands before it.

A standfirst (a sentence or two under the title, often above the byline, a photo or a
wire dateline), a caption, a list of other stories, a note about the page itself
("first published...", a disclaimer) all read like prose in plain text. These are the
shapes and places that give them away, measured for each lead candidate; the ranker
weighs them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from digest.summarize import chrome
from digest.summarize.blocks import UPPER, Block, word_list, wordset
from digest.summarize.page import CAPTION

if TYPE_CHECKING:
    from digest.summarize.features import Features, PageView

# Words a page uses about itself or its publisher, not about the world.
_PAGE_WORDS = wordset(
    """
    article articles post posts blog website site published republished originally updated
    disclaimer affiliate commission copyright rights reserved premium subscriber subscribers
    membership advertisement sponsored newsletter
    """
)
# A place alone on its line before a release's text: "LYON, FRANCE", "NEW YORK".
_PLACE_LINE = re.compile(rf"^[{UPPER}][{UPPER} .'\-]{{2,}}(?:,\s*[{UPPER}][{UPPER} .'\-]+)*$")
# "1 First title 2 Second title 3 ...": a numbered list run into one block.
_NUMBERED = re.compile(r"(?:^|\s)(\d{1,2})[.)]?\s+(?=\S)")
_SPAN = 3  # blocks after a candidate where its photo credit or the story's dateline stands


_CREDIT_WORD = re.compile(
    r"\b(?:image|photo|photograph|picture|illustration|credit|source|courtesy)s?\b", re.IGNORECASE
)
_CREDIT_MARK = re.compile(r"[:/|©]")
_SHORT_CREDIT = 10  # words


def is_credit(block: Block, kind: str) -> bool:
    """A photo's caption or credit line: "Photo: Ana Ruiz", "Image source: Agency"."""
    if kind == CAPTION or "©" in block.text:
        return True
    short = block.words <= _SHORT_CREDIT and bool(_CREDIT_MARK.search(block.text))
    if short and _CREDIT_WORD.search(block.text):
        return True
    return chrome.is_caption(block) is not None


# The page speaking of itself: "this website", "first published on", "last updated".
_SELF = re.compile(
    r"\bthis (?:article|story|piece|page|website|site|blog|post)\b|"
    r"\b(?:originally|first) published\b|"
    r"\b(?:last )?updated\b"
)
_STAMP_WORDS = 30


def is_place_line(block: Block) -> bool:
    """A wire or release dateline on a line of its own: "LYON, FRANCE"."""
    return block.words <= 5 and bool(_PLACE_LINE.match(block.text))


def is_page_note(block: Block) -> bool:
    """A line about the page, not the story: "This article was first published...",
    a date stamp with "updated" in it."""
    found = _SELF.search(block.text.lower())
    if found is None:
        return False
    if found.group(0).endswith("updated"):
        return block.words <= _STAMP_WORDS and chrome.has_date(block.text)
    return True


def numbered_run(text: str) -> int:
    """How far "1 ... 2 ... 3 ..." counts up inside one block: a list of titles run together."""
    run = 0
    for n in (int(x) for x in _NUMBERED.findall(text)):
        run = run + 1 if n == run + 1 else (1 if n == 1 else run)
    return run


def block_cues(block: Block) -> Features:
    """The candidate's own text: a note about the page, a date stamp, a list run together."""
    words = [w.lower() for w in word_list(block.text)] or [""]
    low = block.text.lower()
    return {
        "page_words": sum(1 for w in words if w in _PAGE_WORDS) / len(words),
        "about_page": float(chrome.about_the_page(low)),
        "to_reader": float(chrome.speaks_to_reader(low)),
        "date_stamp": float(chrome.has_date(block.text)),
        "numbered_run": float(numbered_run(block.text)),
        "page_note": float(is_page_note(block)),
        "credit_like": float("©" in block.text or chrome.is_caption(block) is not None),
    }


def neighbour_cues(view: PageView, i: int, nxt: int | None) -> Features:
    """What stands between candidate i and the next candidate (block nxt): a photo credit
    under a caption or a standfirst, a wire dateline over the story's first paragraph."""
    page = view.page
    end = nxt if nxt is not None else min(len(page.blocks), i + 1 + _SPAN)
    between = range(i + 1, min(end, i + 1 + _SPAN))
    credit_after = any(is_credit(page.blocks[j], page.labels[j].kind) for j in between)
    place_after = any(is_place_line(page.blocks[j]) for j in between)
    before = i - 1
    credit_before = before >= 0 and is_credit(page.blocks[before], page.labels[before].kind)
    next_dateline = nxt is not None and bool(view.block(nxt)["dateline"])
    return {
        "credit_after": float(credit_after),
        "credit_before": float(credit_before),
        "dateline_after": float(place_after or next_dateline),
    }
