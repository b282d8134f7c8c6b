"""Pick the lead: the first one or two real paragraphs after the headline.

Skipped on the way: captions, datelines, bylines, repeated teasers and the
standfirst (the sentence under a headline that sits above the byline, or a short
summary right under the headline with the story proper just after it).
"""

from __future__ import annotations

import re

from digest.summarize.blocks import Block, capitals
from digest.summarize.byline import is_meta
from digest.summarize.lead_cues import credit_between, is_aside, is_credit
from digest.summarize.page import PROSE, Page
from digest.summarize.sentences import first_sentences

_LABELLED = re.compile(r"^[^\s:]+(?: [^\s:]+){0,3}: ")  # "NAME: ..." in an interview
# A wire dateline: "LYON —", "LYON (Agency) -", "LYON, France, May 3 (Agency) —".
_PLACE = capitals(" .'\\-", 3)  # "LYON", "NEW YORK", "ST. JOHN'S"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:,[^()\u2014\u2013]{{1,40}})?(?:\s*\([^)]{{2,40}}\))?"
    r"\s*(?:-{1,2}|\u2014|\u2013)\s"
)
LEAD_BUDGET = 120  # words for two paragraphs: the newsletter shows a taste, not the article
_LONG = 220  # a first paragraph longer than this is cut at a sentence end ...
_CUT_TO = 160  # ... to at most this many words, so it still reads as that paragraph
_SHORT = 40  # a first paragraph shorter than this is joined by the next one
_STANDFIRST = 25
_STANDFIRST_CREDITED = 40  # a standfirst with a photo or a dateline under it may run longer
_NEAR = 4  # blocks between a standfirst and the story under it
_SECOND_MIN = 15  # a shorter second "paragraph" is more often a caption or a teaser


def find_lead(page: Page, headline: int | None) -> list[int]:
    """Indexes of the lead paragraphs (one or two)."""
    start = headline + 1 if headline is not None else page.start
    found = _eligible(page, start)
    if not found and start > page.start:
        found = _eligible(page, page.start)
    if not found:
        found = _eligible(page, min(start, page.start), asides=True)  # all the page has
    if not found:
        return []
    first = found[0]
    if len(found) > 1 and _is_standfirst(page, start, first, found[1]):
        page.notes[first] = "dropped: standfirst (summary under the headline)"
        found = found[1:]
        first = found[0]
    return with_second(page, first, found[1:])


def past_standfirst(page: Page, first: int) -> int:
    """The paragraph after `first` when `first` is a short summary over a photo credit or
    a dateline line, and the story goes on right under them; else `first`."""
    nxt = _eligible(page, first + 1)[:1]
    if (
        nxt
        and nxt[0] - first <= _NEAR
        and page.blocks[first].words <= _STANDFIRST_CREDITED
        and credit_between(page, first, nxt[0])
    ):
        page.notes[first] = "dropped: standfirst (over a photo credit or a dateline)"
        return nxt[0]
    return first


def with_second(page: Page, first: int, after: list[int] | None = None) -> list[int]:
    """The lead from its first paragraph: a short one is joined by the next paragraph
    (past a photo's caption or credit printed as a paragraph: "© Agency A dry river...")."""
    found = after if after is not None else _eligible(page, first + 1)
    nxt = [i for i in found if not is_credit(page.blocks[i], page.labels[i].kind)][:1]
    if (
        nxt
        and page.blocks[first].words < _SHORT
        and page.blocks[nxt[0]].words >= _SECOND_MIN
        and page.blocks[first].words + page.blocks[nxt[0]].words <= LEAD_BUDGET
        and nxt[0] - first <= 4
        and not _LABELLED.match(page.blocks[nxt[0]].text)
    ):
        return [first, nxt[0]]
    return [first]


def _eligible(page: Page, start: int, asides: bool = False) -> list[int]:
    found = []
    for i in range(start, len(page.blocks)):
        if (
            page.labels[i].kind == PROSE
            and _once_in_story(page, i)
            and (asides or not is_aside(page.blocks[i]))
        ):
            found.append(i)
            if len(found) == 3:
                break
    return found


def _once_in_story(page: Page, i: int) -> bool:
    """Not a repeated teaser or gallery caption; a lead the page also shows as a summary
    at the top is still the lead."""
    seen = page.repeated(i)
    if seen == 1:
        return True
    if seen > 2 or i < page.start:
        return False
    other = next(j for j, b in enumerate(page.blocks) if b.key == page.blocks[i].key and j != i)
    return other < i - 1


def _is_standfirst(page: Page, headline_end: int, first: int, second: int) -> bool:
    if _DATELINE.match(page.blocks[first].text):
        return False  # "LYON (Agency) — ...": the story starts here
    if any(is_meta(page, j) for j in range(first + 1, second)):
        return True
    if page.blocks[first].words <= _STANDFIRST_CREDITED and credit_between(page, first, second):
        return True  # a summary over the photo, or over the wire dateline of the story
    meta_before = any(is_meta(page, j) for j in range(headline_end, first))
    block = page.blocks[first]
    return (
        not meta_before
        and block.words <= _STANDFIRST
        and page.blocks[second].words > block.words
        and second - first <= 4
    )


def lead_text(block: Block) -> str:
    """The paragraph, cut at a sentence end if it is far over the budget."""
    if block.words <= _LONG:
        return block.text
    return first_sentences(block.text, _CUT_TO)
