"""Label every block of a page and find where the article body runs.

The body is the stretch of the page that scores best when prose counts for it and
chrome counts against it (a maximum-sum run, as boilerplate detectors do): a long
run of paragraphs beats menus, teasers, and comment threads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from digest.summarize import chrome
from digest.summarize.blocks import Block, repeats


class Kind(StrEnum):
    """What a block is, judged by the rules: the body's paragraphs and everything else."""

    PROSE = "prose"
    TEXT = "text"  # a short line: a title, subhead or link
    CHROME = "chrome"
    COMMENT = "comment"
    CAPTION = "caption"
    DATE = "date"
    CODE = "code"


PROSE, TEXT, CHROME, COMMENT, CAPTION, DATE, CODE = Kind


@dataclass(frozen=True)
class Label:
    """A block's kind and the reason an editor reads in --explain."""

    kind: Kind
    reason: str


MENU = "dropped: menu"
BIO = "dropped: author bio"
_SCORES = {
    PROSE: 0.0,
    TEXT: -3.0,
    CHROME: -12.0,
    COMMENT: -20.0,
    CAPTION: -4.0,
    DATE: -3.0,
    CODE: 1.0,
}


@dataclass
class Page:
    blocks: list[Block]
    labels: list[Label]  # one per block
    counts: Counter[str]
    start: int = 0  # first block of the body
    end: int = 0  # one past the last block of the body
    notes: dict[int, str] = field(default_factory=dict)  # explain labels set by the pickers
    memo: dict[tuple[str, int], bool] = field(default_factory=dict)  # per-block answers
    chrome_labels: list[tuple[str, int]] | None = None  # (key, words) of chrome, once asked
    names: dict[int, str | None] = field(default_factory=dict)  # byline names, once asked

    def repeated(self, index: int) -> int:
        return self.counts[self.blocks[index].key]


def analyse(blocks: list[Block]) -> Page:
    counts = repeats(blocks)
    labels = [Label(*classify(block)) for block in blocks]
    _mark_menus(blocks, labels)
    _mark_credited(blocks, labels)
    page = Page(blocks, labels, counts)
    page.start, page.end = _body_span(page)
    if _unbio_opening(page) | _unbio_inside(page):
        page.start, page.end = _body_span(page)
    _mark_comment_thread(page)
    return page


def is_prose(block: Block) -> bool:
    """A sentence-like paragraph: enough words, mostly lower case, ends like a sentence."""
    words = block.text.split()
    if len(words) < 8 or not (block.ends_sentence or len(words) >= 25):
        return False
    lower = sum(1 for w in words if w.lstrip("(\"'“‘[")[:1].islower())  # noqa: RUF001
    return lower >= 0.35 * len(words)


def classify(block: Block) -> tuple[Kind, str]:
    """The kind of one block, judged alone, and the reason an editor would read."""
    if chrome.is_comment(block):
        return COMMENT, "dropped: comment thread"
    why = chrome.is_chrome(block)
    if why:
        return CHROME, f"dropped: {why}"
    if chrome.is_bio(block):
        return CHROME, BIO
    if chrome.is_code(block):
        return CODE, "dropped: code sample"
    why = chrome.is_caption(block)
    if why:
        return CAPTION, f"dropped: {why}"
    if chrome.is_date(block):
        return DATE, "dropped: dateline"
    if is_prose(block):
        return PROSE, "body"
    return TEXT, "dropped: short line (title, subhead or link)"


# A "By" line: the words that bring in an author's name, then the name (group 1).
BY_LINE = re.compile(
    r"^(?:by|written by|posted by|published by|reviewed by|words by|story by|reporting by|"
    r"interview by|interviewed by|text by|author|authors|(?:text|words)(?=\s*:))\s*:?\s+(.+)$",
    re.IGNORECASE,
)


def is_by_line(text: str) -> bool:
    """'By Ana Ruiz': a byline, not a short menu label (the name is capitalised)."""
    match = BY_LINE.match(text)
    return match is not None and match.group(1)[:1].isupper()


def _mark_menus(blocks: list[Block], labels: list[Label]) -> None:
    """Short labels in a run of four or more are a menu, not subheads."""
    run: list[int] = []
    for i, block in enumerate([*blocks, None]):
        short = (
            block is not None
            and not is_by_line(block.text)
            and (
                labels[i].kind in (CHROME, DATE)
                or (labels[i].kind == TEXT and block.words <= 4 and not block.ends_sentence)
            )
        )
        if short:
            run.append(i)
            continue
        if len(run) >= 4:
            # A short title and its tagline may end the run right above the first paragraph,
            # and a short title may end it right above its "By" line.
            ends_at_prose = block is not None and labels[i].kind == PROSE
            keep = 2 if ends_at_prose else 1 if block is not None and is_by_line(block.text) else 0
            titled = _title_over_date(blocks, labels, run) if ends_at_prose else None
            for j in run[: len(run) - keep]:
                if labels[j].kind == TEXT and j != titled:
                    labels[j] = Label(CHROME, MENU)
        run = []


def _title_over_date(blocks: list[Block], labels: list[Label], run: list[int]) -> int | None:
    """The short line over the date that ends a menu run, buttons ("Next post") aside:
    a short title printed among the links above its story."""
    if labels[run[-1]].kind != DATE:
        return None
    for j in reversed(run[-5:-1]):
        if labels[j].kind == TEXT and blocks[j].words >= 3:
            return j
    return None


def _mark_credited(blocks: list[Block], labels: list[Label]) -> None:
    """A short block just above a bare photo credit line is that photo's caption."""
    for i in range(1, len(blocks)):
        credit = labels[i].kind == CAPTION and blocks[i].words <= 8
        if credit and labels[i - 1].kind in (PROSE, TEXT) and blocks[i - 1].words <= 30:
            labels[i - 1] = Label(CAPTION, "dropped: caption (above a photo credit)")


def _weight(page: Page, i: int) -> float:
    kind = page.labels[i].kind
    if kind == PROSE:
        # Capped so one giant comment or teaser cannot outweigh a whole article.
        gain = float(min(page.blocks[i].words, 60))
        return gain / 3 if page.repeated(i) > 1 else gain
    extra = -5.0 if page.repeated(i) > 1 else 0.0
    if page.labels[i].reason == MENU:
        # A run of short labels may be a table inside the article: a mild penalty.
        return -4.0 + extra
    return _SCORES[kind] + extra


def _body_span(page: Page) -> tuple[int, int]:
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i in range(len(page.blocks)):
        if total <= 0:
            total, start = 0.0, i
        total += _weight(page, i)
        if total > best:
            best, best_span = total, (start, i + 1)
    first, end = best_span
    while first < end and page.labels[first].kind != PROSE:
        first += 1
    return first, end


def _unbio_opening(page: Page) -> bool:
    """A "Name is a journalist who ..." paragraph that opens the story is the story.

    Bios sit after an article; an encyclopedia-style page about a person starts so.
    """
    changed = False
    for i in range(page.start - 1, max(-1, page.start - 6), -1):
        if page.labels[i].kind == PROSE:
            break
        if page.labels[i].reason == BIO and not _under_its_name(page.blocks, i):
            page.labels[i] = Label(PROSE, "body")
            changed = True
    return changed


def _unbio_inside(page: Page) -> bool:
    """ "Ana Ruiz was a reporter at the paper when ..." between two paragraphs of the story
    is the story: bios sit after an article or in a box above it."""
    changed = False
    for i in range(page.start + 1, len(page.blocks) - 1):
        if (
            page.labels[i].reason == BIO
            and page.labels[i - 1].kind == PROSE
            and page.labels[i + 1].kind == PROSE
        ):
            page.labels[i] = Label(PROSE, "body")
            changed = True
    return changed


def _under_its_name(blocks: list[Block], i: int) -> bool:
    """A bio right under a line with the person's name alone is an author box, not a story."""
    return i > 0 and 2 <= blocks[i - 1].words <= 5 and blocks[i].text.startswith(blocks[i - 1].text)


def _mark_comment_thread(page: Page) -> None:
    """After the body, a comment marker starts the thread: all that follows is dropped."""
    for i in range(page.end, len(page.blocks)):
        if page.labels[i].kind == COMMENT:
            for j in range(i, len(page.blocks)):
                if page.labels[j].kind in (PROSE, TEXT):
                    page.labels[j] = Label(COMMENT, "dropped: comment thread")
            return
