"""Split a seed's text into blocks and measure them.

A scraped page puts one block (paragraph, menu item, caption...) per line with a
blank line between blocks. Lines inside a block are soft wraps, lists or code, so
they are joined with one space: every text we return is then the seed's own text
after whitespace normalisation, never a rewrite.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")  # noqa: RUF001
_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")  # noqa: RUF001


def _char_class(codes: list[int]) -> str:
    """The body of a [...] class for these code points, runs written as ranges (A-Z)."""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
        start = prev = code
    return "".join(parts)


# Uppercase letters beyond ASCII, so names like "Élodie" or "ŁUKASZ" count as capitalised:
# Latin-1, Latin Extended-A, Greek and Cyrillic capitals, and the Romanian Ș and Ț.
# Written as ranges where the letters run on: dozens of patterns embed this class, and a
# short class is what keeps compiling them (at import, in every process) cheap.
UPPER = _char_class(
    [c for c in (*range(0x41, 0x5B), *range(0xC0, 0x180), *range(0x370, 0x530)) if chr(c).isupper()]
    + [0x218, 0x21A]
)


def capitals(marks: str, least: int, most: str = "") -> str:
    """A run of capitals and `marks` that opens with a capital, `least` to `most` long:
    [{UPPER}][{UPPER}marks]{least-1,most-1} written with the class once.

    The lookahead turns a mark away at the start, the work of the first class: each
    [{UPPER}] costs the pattern compiler a quarter of a millisecond at every start.
    """
    return rf"(?![{marks}])[{UPPER}{marks}]{{{least},{most}}}"


def norm(text: str) -> str:
    """Collapse every run of whitespace to one space: the only change we make to text."""
    return _SPACE.sub(" ", text).strip()


def key(text: str) -> str:
    """A comparison key: lower case, letters and digits only, for spotting repeats."""
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Block:
    index: int
    text: str  # whitespace-normalised
    lines: tuple[str, ...]  # the raw lines, stripped, for code and list detection
    line_no: int  # 1-based line of the seed where the block starts
    # Measured once here: every rule asks for them, many times per block.
    words: int = field(init=False)
    key: str = field(init=False)
    ends_sentence: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", len(self.text.split()))
        object.__setattr__(self, "key", key(self.text))
        object.__setattr__(self, "ends_sentence", bool(_END.search(self.text)))


def split_blocks(text: str) -> list[Block]:
    """Cut the text into blocks at blank lines, or at every line if it has none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    has_blanks = sum(1 for ln in lines if not ln.strip()) * 8 >= len(lines)
    blocks: list[Block] = []
    start = 0
    current: list[str] = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped and current and not has_blanks:
            _add(blocks, current, start)
            current = []
        if not stripped:
            if current:
                _add(blocks, current, start)
                current = []
            continue
        if not current:
            start = number
        current.append(stripped)
    if current:
        _add(blocks, current, start)
    return blocks


_LIST_OR_CODE = re.compile(r"^(?:\(?\d+[.)]|[-*•>])\s|[{}();=<>]")


def _add(blocks: list[Block], lines: list[str], start: int) -> None:
    if _separate_items(lines):
        # Short lines with no list marks: menu items or a byline over a date, not one text.
        for offset, line in enumerate(lines):
            blocks.append(Block(len(blocks), norm(line), (line,), start + offset))
        return
    text = norm(" ".join(lines))
    if text:
        blocks.append(Block(len(blocks), text, tuple(lines), start))


def _separate_items(lines: list[str]) -> bool:
    return (
        len(lines) > 1
        and all(len(line.split()) <= 8 for line in lines)
        and not any(line[:1].islower() for line in lines[1:])  # a soft-wrapped sentence
        and not any(_LIST_OR_CODE.search(line) for line in lines)
    )


def repeats(blocks: list[Block]) -> Counter[str]:
    """How often each block's text occurs in the page (menus and ads repeat)."""
    return Counter(b.key for b in blocks)


def word_list(text: str) -> list[str]:
    return _WORD.findall(text)


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one string, so vocabularies read as prose."""
    return frozenset(words.split())
