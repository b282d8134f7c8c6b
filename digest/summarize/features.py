"""Named, generic measurements of a page's blocks, the evidence the ranker weighs.

Each feature is a shape or a place (length, capitals, how often a line repeats, how far
it sits from the first paragraph, what the rules made of it), never a site, a page or a
phrase. A block's own measures are taken once per page; the three decisions (headline,
byline, lead) add measures of where a candidate sits relative to the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from digest.summarize import chrome
from digest.summarize.blocks import UPPER, word_list, wordset
from digest.summarize.byline import by_line, is_meta
from digest.summarize.names import NOT_NAMES, is_name
from digest.summarize.page import CAPTION, CHROME, CODE, COMMENT, DATE, MENU, PROSE, TEXT, Page

Features = dict[str, float]
_OPENING = 3  # paragraphs

KINDS = (PROSE, TEXT, CHROME, COMMENT, CAPTION, DATE, CODE)
_STOP = wordset("the a an of and or to in on at for with from by is are was were as it its")
UI_WORDS = wordset(
    """
    share tweet email print comment comments reply follow sign log subscribe register login
    search menu home click tap read more next previous skip site switch section sections
    latest headlines order reprint reprints account free image photo gallery video watch
    listen posters participating ticker newsletter app download view edition posted
    published updated written edited filed
    """
)
# Page furniture's words: the buttons' and the sections' ("the", "of" tell nothing).
_UI = (UI_WORDS | NOT_NAMES) - _STOP
_HANDLE = re.compile(r"(?:^|\s)@\w")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
_KICKER = re.compile(rf"^[{UPPER}0-9][{UPPER}0-9 &'’.\-]{{2,}}:\s")  # noqa: RUF001
_INNER_SENTENCE = re.compile(rf"[.!?]\s+[{UPPER}]")
_SUFFIX = re.compile(r"\s(?:\||-|\u2013|\u2014|::)\s[^|]{2,40}$")
_NUMBERS = re.compile(r"\d")
_QUOTE_START = re.compile("^[\"“‘']")  # noqa: RUF001
_DATELINE = re.compile(
    rf"^[{UPPER}][{UPPER} .'\-]{{2,}}(?:,[^()\u2014\u2013]{{1,40}})?(?:\s*\([^)]{{2,40}}\))?"
    r"\s*(?:-{1,2}|\u2014|\u2013|:)\s"
)
_NOTE = re.compile(r"^[^.!?]{0,30}\b(?:note|update|correction|disclosure)\b\s*:", re.IGNORECASE)
_DANGLING = re.compile(r"[:|\u2014\u2013-]\s*$")  # "SECTION NAME —", "Read more:"
_SLASH_CREDIT = re.compile(rf"[{UPPER}]\w*\s*/\s*[{UPPER}]")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass
class PageView:
    """A page with the measures every decision shares, each computed once."""

    page: Page
    rule_headline: int | None
    _block: dict[int, Features] = field(default_factory=dict)
    _words: dict[int, set[str]] = field(default_factory=dict)

    @cached_property
    def opening(self) -> list[int]:
        """The first paragraphs of the body: a title names what they tell."""
        found = [
            i for i in range(self.page.start, self.page.end) if self.page.labels[i].kind == PROSE
        ]
        return found[: _OPENING + 1]

    def body_words(self, besides: int) -> set[str]:
        """Content words of the opening paragraphs other than block `besides` (a paragraph
        shares every word with itself, which says nothing about it being a title)."""
        if besides not in self.opening:
            besides = -1  # most candidates: the same set, made once
        words = self._words.get(besides)
        if words is None:
            words = self._words[besides] = set()
            for i in [j for j in self.opening if j != besides][:_OPENING]:
                words |= _content(self.page.blocks[i].key)
        return words

    @cached_property
    def prose_at(self) -> list[int]:
        return [i for i, label in enumerate(self.page.labels) if label.kind == PROSE]

    @cached_property
    def dates(self) -> list[int]:
        return [i for i, label in enumerate(self.page.labels) if label.kind == DATE]

    def block(self, i: int) -> Features:
        """A block's own measures, the same whichever decision asks."""
        found = self._block.get(i)
        if found is None:
            found = self._block[i] = _block_features(self.page, i)
        return found


def _content(key: str) -> set[str]:
    """Content words, stemmed just enough that "Roger's" and "Roger", "angels" and "angel"
    count as one word."""
    return {_stem(w) for w in key.split() if w not in _STOP and len(w) > 2}


_POSSESSIVE = re.compile(r"['\u2019]s$")


def _stem(word: str) -> str:
    word = _POSSESSIVE.sub("", word)
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _block_features(page: Page, i: int) -> Features:
    block = page.blocks[i]
    text = block.text
    words = word_list(text) or [""]
    n = len(words)
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    lower = [w.lower() for w in words]
    f: Features = {
        "words": float(block.words),
        "chars": float(len(text)),
        "lines": float(len(block.lines)),
        "capitals": capitals / n,
        "title_case": _title_case(words),
        "all_caps": float(text.isupper()),
        "stopwords": sum(1 for w in lower if w in _STOP) / n,
        "ui_words": sum(1 for w in lower if w in _UI) / n,
        "digits": len(_NUMBERS.findall(text)) / max(1, len(text)),
        "ends_period": float(text.endswith(".")),
        "ends_colon": float(text.endswith(":")),
        "dangling": float(bool(_DANGLING.search(text))),
        "ends_question": float(text.endswith("?")),
        "ends_sentence": float(block.ends_sentence),
        "ends_ellipsis": float(bool(_ELLIPSIS.search(text))),
        "inner_sentence": float(bool(_INNER_SENTENCE.search(text))),
        "kicker": float(bool(_KICKER.match(text))),
        "site_suffix": float(bool(_SUFFIX.search(text))),
        "pipe": float("|" in text),
        "handle": float(bool(_HANDLE.search(text))),
        "urlish": float(bool(_URLISH.search(text))),
        "quote_start": float(bool(_QUOTE_START.match(text))),
        "dateline": float(bool(_DATELINE.match(text))),
        "note": float(bool(_NOTE.match(text))),
        "by_line": float(by_line(text) is not None),
        "name_like": float(is_name(text)),
        "meta": float(is_meta(page, i)),
        "repeats": float(page.repeated(i)),
        "menu": float(page.labels[i].reason == MENU),
        "bio": float(chrome.is_bio(block)),
        "lower_start": float(text[:1].islower()),
        "punct_start": float(not text[:1].isalnum() and not _QUOTE_START.match(text)),
        "slash_credit": float(bool(_SLASH_CREDIT.search(text))),
    }
    for kind in KINDS:
        f[f"kind_{kind}"] = float(page.labels[i].kind == kind)
    return f


def _title_case(words: list[str]) -> float:
    """Capitals on the longer words: Title Case is near 1, a sentence near 0."""
    longer = [w for w in words[1:] if len(w) > 3]
    return sum(1 for w in longer if w[:1].isupper()) / len(longer) if longer else 0.5


def context(view: PageView, i: int) -> Features:
    """Where block i sits: next to what, how far from the body, the date and the rules' pick."""
    page = view.page
    n = len(page.blocks)
    nxt = i + 1 if i + 1 < n else None
    prev = i - 1 if i > 0 else None
    f: Features = {
        "from_start": float(i - page.start),
        "content_between": float(
            sum(1 for j in range(i + 1, page.start) if page.labels[j].kind in (PROSE, TEXT))
        ),
        "position": i / max(1, n),
        "first_block": float(i == 0),
        "in_body": float(page.start <= i < page.end),
        "after_body": float(i >= page.end),
        "next_meta": float(nxt is not None and is_meta(page, nxt)),
        "prev_meta": float(prev is not None and is_meta(page, prev)),
        "next_prose": float(nxt is not None and page.labels[nxt].kind == PROSE),
        "prev_prose": float(prev is not None and page.labels[prev].kind == PROSE),
        "next_words": float(page.blocks[nxt].words) if nxt is not None else 0.0,
        "prev_words": float(page.blocks[prev].words) if prev is not None else 0.0,
        "next_chrome": float(nxt is not None and page.labels[nxt].kind in (CHROME, CAPTION)),
        "prev_chrome": float(prev is not None and page.labels[prev].kind in (CHROME, CAPTION)),
        "to_date": float(_nearest(view.dates, i)),
        "to_prose": float(_nearest_after(view.prose_at, i)),
        "meta_within_3": float(any(is_meta(page, j) for j in range(i + 1, min(n, i + 4)))),
    }
    if view.rule_headline is not None:
        f["from_rule_headline"] = float(i - view.rule_headline)
    else:
        f["from_rule_headline"] = 99.0
    return f


def _nearest(points: list[int], i: int) -> int:
    """Signed distance to the nearest point (99 when there is none)."""
    best = 99
    for p in points:
        if abs(p - i) < abs(best):
            best = p - i
    return best


def _nearest_after(points: list[int], i: int) -> int:
    return next((p - i for p in points if p > i), 99)


def overlap(view: PageView, i: int) -> Features:
    """How much a line names what the first paragraphs tell, and whether a longer line
    elsewhere on the page (a title bar "Title | Site") contains it."""
    page = view.page
    key = page.blocks[i].key
    mine = _content(key)
    shared = len(mine & view.body_words(i)) / len(mine) if mine else 0.0
    inside = 0.0
    if len(key) >= 12:
        padded = f" {key} "
        inside = float(
            any(
                j != i and len(b.key) > len(key) and padded in f" {b.key} "
                for j, b in enumerate(page.blocks[: page.start + 3])
            )
        )
    return {"body_overlap": shared, "inside_longer": inside, "content_words": float(len(mine))}
