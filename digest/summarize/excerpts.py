"""Block quotations the article attributes without quote marks.

Two shapes: a quoted post ("— Name (@handle) date" under the block), and a
transcript excerpt (a first-person paragraph, set apart in an article otherwise
written in the third person, right after a paragraph that says who is speaking).
"""

from __future__ import annotations

import re

from digest.summarize import speakers
from digest.summarize.attribution import resolve
from digest.summarize.byline import ends_body, sign_off
from digest.summarize.found import Found
from digest.summarize.page import PROSE, Page
from digest.summarize.sentences import first_sentences
from digest.summarize.speakers import NameBook

_DASH = re.compile(r"[\u2014\u2013\u2015-]\s*")  # "— Ana Ruiz (@ana)"; the name: speakers.proper_at
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|me|us)\b")  # "I'm" counts as "I"
_QUOTE_MARKS = re.compile('[“”"‘]')  # noqa: RUF001
_EXCERPT_WORDS = 60
_THIRD_PERSON_SHARE = 0.35  # at most this share of first-person paragraphs in the article


def block_quotes(page: Page, body: list[int], book: NameBook, min_words: int) -> list[Found]:
    """A quoted post or excerpt: a block followed by a "— Name ..." line."""
    found: list[Found] = []
    # The body may end on the quoted block itself: look just past it too.
    tail = range(page.end, min(page.end + 2, len(page.blocks)))
    near = set(body) | set(tail)
    for i in range(max(1, page.start), min(page.end + 3, len(page.blocks))):
        match = _dash_name(page.blocks[i].text)
        quote = page.blocks[i - 1].text
        if _signs_off(page, i):
            continue  # the writer's own name under the last paragraph, not a quoted post
        if match and i - 1 in near and len(quote.split()) >= min_words:
            name = speakers.trim_name(match)
            if name:
                found.append(Found(quote.strip('“”"'), book.fullest(name), i - 1, "block"))
    return found


def _dash_name(text: str) -> str | None:
    dash = _DASH.match(text)
    return speakers.proper_at(text, dash.end()) if dash else None


def _signs_off(page: Page, i: int) -> bool:
    return bool(sign_off(page.blocks[i].text)) and ends_body(page, i)


def transcript_excerpts(page: Page, body: list[int], book: NameBook) -> list[Found]:
    """First-person paragraphs without quote marks that follow "... Name said ..."."""
    prose = [i for i in body if page.labels[i].kind == PROSE]
    first_person = [i for i in prose if _is_first_person(page.blocks[i].text)]
    if not first_person or len(first_person) > _THIRD_PERSON_SHARE * len(prose):
        return []
    found: list[Found] = []
    for i in first_person:
        before = [j for j in prose if j < i]
        if not before or before[-1] in first_person or i - before[-1] > 3:
            continue
        text = page.blocks[before[-1]].text
        said = list(speakers.SAID.finditer(text))
        if not said:
            continue
        raw = said[-1].group(1)
        speaker = resolve(raw, page, before[-1], book, None, text[: said[-1].start(1)])
        if speaker and speaker[:1].isupper():
            found.append(
                Found(first_sentences(page.blocks[i].text, _EXCERPT_WORDS), speaker, i, "excerpt")
            )
    return found


def _is_first_person(text: str) -> bool:
    return not _QUOTE_MARKS.search(text) and len(_FIRST_PERSON.findall(text)) >= 2
