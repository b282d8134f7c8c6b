"""Find the article's direct quotations, attribute them, rank them.

A quote is a quoted span of six words or more that a reporting verb in its
paragraph gives to a speaker, an answer in an interview ("NAME: ..."), or a block
the page attributes with a "— Name" line. Scare quotes, titles and code strings
are not quotes; a quote the page prints twice (a pull quote) ranks first.
"""

from __future__ import annotations

import re

from digest.model import Quote
from digest.summarize import speakers
from digest.summarize.attribution import quotable, resolve
from digest.summarize.blocks import key, wordset
from digest.summarize.excerpts import block_quotes, transcript_excerpts
from digest.summarize.found import Found
from digest.summarize.interview import interview_quotes
from digest.summarize.page import PROSE, TEXT, Page
from digest.summarize.sentences import first_sentences, split_sentences
from digest.summarize.speakers import NameBook

MAX_QUOTES = 5
MIN_WORDS = 6
QUOTE_WORDS = 60  # a newsletter quote is a line or two, not a speech
_MARKS = re.compile('[“”"]')
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|book|novel|film|movie|song|album|"
    r"show|series|episode|phrase|term|word|words|slogan|hashtag|so-called|known as|reads|"
    r"read|like|as in|such as|search for|type|typing|enter)\s*[:,]?\s*$",
    re.IGNORECASE,
)
_CODE = re.compile(r"[{}();=<>\\]|\w\.\w+\(|^\s*[#$/]|\b(?:var|def|function|return)\b")
_SMALL = wordset(
    """
    a an the of and or in on at to for with by from as but is are was
    """
)


def find_quotes(page: Page, skip: set[int]) -> list[Found]:
    """Attributed quotes in the body, best first, at most MAX_QUOTES."""
    body = [i for i in range(page.start, page.end) if i not in skip and quotable(page, i)]
    book = NameBook("\n".join(page.blocks[i].text for i in body))
    found: list[Found] = []
    last: Found | None = None
    for i in body:
        for quote in _reported(page, i, book, last):
            found.append(quote)
            last = quote
    found.extend(block_quotes(page, body, book, MIN_WORDS))
    if not found:
        # Only on pages that lost their quote marks: elsewhere an unmarked first-person
        # paragraph is the reporter's own narration.
        found.extend(transcript_excerpts(page, body, book))
    found.extend(interview_quotes(page, body, book, MIN_WORDS))
    return _rank(page, found)


# British and Irish papers quote with single curly marks (U+2018 ... U+2019). The
# closing mark is also the apostrophe (don't, neighbours' shop), so a span ends only
# at a closing mark next to punctuation (...,' she said), and an unclosed one is dropped.
_LSQUO, _RSQUO = "\u2018", "\u2019"
_SINGLE_CLOSE = re.compile(
    rf"(?<=[.,!?;:\u2026\-\u2014\u2013]){_RSQUO}|{_RSQUO}(?=[.,!?;:\u2026]|\s+[\u2014\u2013-]|$)"
)
_SINGLE_OPEN = re.compile(rf"(?<![^\W_]){_LSQUO}(?=\S)")


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted span: double marks, else single curly marks."""
    if _LSQUO in text and not _MARKS.search(text):
        return _single_spans(text)
    return _double_spans(text)


def _single_spans(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _SINGLE_OPEN.search(text, pos)
        if not opening:
            return found
        closing = _SINGLE_CLOSE.search(text, opening.end())
        if not closing:
            return found
        found.append((opening.end(), closing.start()))
        pos = closing.end()


def _double_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted span; an unclosed quote runs to the end."""
    found: list[tuple[int, int]] = []
    start = -1
    for mark in _MARKS.finditer(text):
        pos, char = mark.start(), mark.group()
        if start < 0 and (char == "“" or (char == '"' and _opens(text, pos))):
            start = pos + 1
        elif start >= 0 and char in '”"':
            found.append((start, pos))
            start = -1
    if start >= 0:
        found.append((start, len(text)))
    return found


def _opens(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    return not before.isalnum()


def _reported(page: Page, i: int, book: NameBook, last: Found | None) -> list[Found]:
    text = page.blocks[i].text
    found: list[Found] = []
    places = spans(text)
    previous = None
    for n, (start, end) in enumerate(places):
        quote = _clean(text[start:end])
        before = text[places[n - 1][1] + 1 if n else 0 : max(0, start - 1)]
        after = text[end + 1 : places[n + 1][0] - 1 if n + 1 < len(places) else len(text)]
        if not quote or _TITLE_CUE.search(before) or not _is_speech(quote):
            continue
        raw = speakers.speaker_after(after) or speakers.speaker_before(before)
        context = text[: max(0, start - 1)]
        speaker = resolve(raw, page, i, book, previous or last, context)
        speaker = speaker or _continued(before, after, i, previous, last)
        if speaker is None and n == 0 and not before.strip():
            speaker = _introduced(page, i, book)
        if speaker:
            previous = Found(quote, speaker, i, "reported")
            found.append(previous)
    return found


def _introduced(page: Page, i: int, book: NameBook) -> str | None:
    """A quote paragraph under "Ana Ruiz put it plainly:": the colon line names the speaker."""
    j = i - 1
    while j >= page.start and page.labels[j].kind not in (PROSE, TEXT):
        j -= 1  # past a photo or an ad
    if j < page.start or not page.blocks[j].text.endswith(":"):
        return None
    named = speakers.named_in(page.blocks[j].text, book)
    return book.fullest(named) if named else None


def _continued(
    before: str, after: str, i: int, previous: Found | None, last: Found | None
) -> str | None:
    """An unattributed quote that carries on the one before it.

    Not when its own sentence has a reporting verb: "... ," one reader wrote, is
    someone we could not name, not the last speaker.
    """
    if previous is not None and (not before.strip(" ,.;:") or speakers.HAS_VERB.search(before)):
        return previous.speaker  # “...,” she said. “...”: the same voice goes on
    own = split_sentences(after.strip())[:1]
    if own and speakers.HAS_VERB.search(own[0]):
        return None
    if not before.strip() and last and i - last.index <= 3:
        return last.speaker  # a paragraph that only continues the last quote
    return None


def _clean(quote: str) -> str | None:
    quote = quote.strip().rstrip(",").strip()
    if len(quote.split()) < MIN_WORDS:
        return None
    return quote


def _is_speech(quote: str) -> bool:
    """Not a title (Most Words Capitalised), not a code string."""
    if _CODE.search(quote):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", quote) if w.lower() not in _SMALL]  # noqa: RUF001
    capitals = sum(1 for w in words if w[0].isupper())
    return not words or capitals < 0.7 * len(words) or len(words) > 14


def _rank(page: Page, found: list[Found]) -> list[Found]:
    everything = key(" ".join(b.text for b in page.blocks))
    for quote in found:
        quote.pull = _is_pulled(page, quote, everything)
    in_order = sorted(found, key=lambda quote: quote.index)  # stable: order within a block kept
    ranked = sorted(enumerate(in_order), key=lambda pair: -pair[1].score(pair[0]))
    kept: list[Found] = []
    for _, quote in ranked:
        k = key(quote.text)
        if any(k in key(other.text) or key(other.text) in k for other in kept):
            continue
        kept.append(quote)
        if len(kept) == MAX_QUOTES:
            break
    return kept


def _is_pulled(page: Page, quote: Found, everything: str) -> bool:
    """The page prints the quote twice, or sets one of its sentences apart as a block."""
    text = key(quote.text)
    if everything.count(text) >= 2:
        return True
    return any(
        4 <= block.words <= 40 and block.key in text
        for i, block in enumerate(page.blocks)
        if i != quote.index and page.labels[i].kind in (PROSE, TEXT)
    )


def as_quotes(found: list[Found]) -> tuple[Quote, ...]:
    return tuple(Quote(_trim(f.text), f.speaker) for f in found)


def _trim(text: str) -> str:
    """A long quote keeps its opening sentences, as a newsletter quote should."""
    return text if len(text.split()) <= QUOTE_WORDS else first_sentences(text, QUOTE_WORDS)
