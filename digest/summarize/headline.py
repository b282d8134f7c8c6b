"""Pick the article's own title from the lines above its first paragraph.

Cues, all generic: a title sits just above the byline or date; pages print it
twice (the title bar and the article) while ads repeat three times and more; it is
a phrase, not a paragraph; a section kicker ("COLUMN NAME: ...") or a standfirst
(a full sentence, often two) is not it.
"""

from __future__ import annotations

import itertools
import re

from digest.summarize.blocks import UPPER, word_list
from digest.summarize.byline import by_line, is_meta, name_block
from digest.summarize.page import CAPTION, CHROME, CODE, COMMENT, DATE, MENU, PROSE, TEXT, Page

_KICKER = re.compile(rf"^[{UPPER}0-9][{UPPER}0-9 &'’.\-]{{2,}}:\s")  # noqa: RUF001
_INNER_SENTENCE = re.compile(rf"[.!?]\s+[{UPPER}]")
_DEFINES = r"(?:is|was|are|were|refers to|has been)\s"
_SKIP = (CHROME, COMMENT, CAPTION, DATE, CODE)
_LOOK_BACK = 25


def find_headline(page: Page) -> int | None:
    """Index of the headline block, or None if nothing above the body looks like one."""
    first = max(0, page.start - _LOOK_BACK)
    last = min(page.end, page.start + 4)
    best, best_score = None, float("-inf")
    for i in range(first, last):
        score = _score(page, i)
        if score is not None and score > best_score:
            best, best_score = i, score
    return best


def evidence(page: Page, i: int) -> dict[str, float]:
    """The rules' judgements of block i as a headline, as features for the ranker."""
    score = _score(page, i)
    return {
        "rule_score": score if score is not None else -30.0,
        "rule_possible": float(score is not None),
        "in_list": float(_in_list(page, i)),
        "under_a_title": float(_under_a_title(page, i)),
        "attached": float(_attached(page, i)),
        "below_a_byline": float(_below_a_byline(page, i)),
        "names_a_section": float(_names_a_section(page, i)),
        "opens_the_story": float(_opens_the_story(page, i)),
        "repeat_score": _repeat_score(page, i),
        "meta_score": _meta_score(page, i),
        "distance": float(_distance(page, i)),
        "ends_a_menu": float(_ends_a_menu(page, i)),
    }


def _score(page: Page, i: int) -> float | None:
    """How much block i looks like the headline; None when it cannot be one."""
    block = page.blocks[i]
    if page.labels[i].kind in _SKIP and not _ends_a_menu(page, i):
        return None
    if not 2 <= block.words <= 30 and not (block.words == 1 and _opens_the_story(page, i)):
        return None
    if block.text.endswith(":"):
        return None
    if is_meta(page, i) or not _prose_follows(page, i):
        return None
    if page.labels[i].kind == PROSE and block.words >= 15:
        return None  # a paragraph, not a title
    # The last label of a menu may be a short title: it then names what the story names.
    penalty = 0.0 if page.labels[i].kind not in _SKIP or _shares_a_phrase(page, i) else 5.0
    return _shape_score(page, i) + _place_score(page, i) - penalty


def _shape_score(page: Page, i: int) -> float:
    """A title is a capitalised phrase: not one word, not sentences, not a kicker."""
    text = page.blocks[i].text
    words = word_list(text)
    capitals = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    score = 2.0 if capitals >= 0.6 * len(words) else 0.0
    score -= {1: 3.0, 2: 3.0, 3: 1.0}.get(len(words), 0.0)  # short: a kicker or a menu item
    score -= 4.0 if text.endswith(".") else 0.0
    score -= 4.0 if _INNER_SENTENCE.search(text) else 0.0
    score -= 6.0 if _KICKER.match(text) or text.isupper() else 0.0
    return score - (6.0 if page.labels[i].kind == PROSE else 0.0)


def _place_score(page: Page, i: int) -> float:
    """A title sits right above its byline and story, once or twice, never inside it."""
    score = -4.0 if _in_list(page, i) else 0.0
    score -= 3.0 if _under_a_title(page, i) else 0.0
    score -= 4.0 if _below_a_byline(page, i) else 0.0
    score += 3.0 if _attached(page, i) else 0.0
    score += _repeat_score(page, i) + _meta_score(page, i)
    score -= 3.0 if i > page.start else 0.0  # below the first paragraph: a subhead or an ad
    score -= 4.0 if _names_a_section(page, i) else 0.0
    score += 8.0 if _opens_the_story(page, i) else 0.0
    return score - 0.3 * _distance(page, i)


def _ends_a_menu(page: Page, i: int) -> bool:
    """The last of a run of short labels, right above content: a menu item or a short title."""
    return (
        page.labels[i].reason == MENU
        and i + 1 < len(page.blocks)
        and page.labels[i + 1].kind in (TEXT, PROSE)
    )


def _shares_a_phrase(page: Page, i: int) -> bool:
    """Two words in a row that the first paragraph also has ("Ana Ruiz obituary")."""
    words = page.blocks[i].key.split()
    opening = f" {page.blocks[page.start].key} " if page.start < len(page.blocks) else ""
    return any(f" {a} {b} " in opening for a, b in itertools.pairwise(words))


def _opens_the_story(page: Page, i: int) -> bool:
    """A short title the first paragraph defines ("Marrowdale is a village ..."): how
    encyclopedia entries, glossaries and product pages name their subject."""
    block = page.blocks[i]
    if block.words > 4 or i >= page.start:
        return False
    # The first paragraph, or the second after a one-line note ("This article is about ...").
    opening = [
        j for j in range(page.start, min(page.end, page.start + 3)) if page.labels[j].kind == PROSE
    ]
    title = block.text.lower()
    return any(_defines(page.blocks[j].text, title) for j in opening[:2])


_DEFINITION = re.compile(rf"(?:\s*\([^)]{{0,80}}\))?,?\s+{_DEFINES}", re.IGNORECASE)


def _defines(paragraph: str, title: str) -> bool:
    """'Marrowdale (Welsh: ...) is a village': the paragraph opens by defining the title."""
    return paragraph[: len(title)].lower() == title and bool(
        _DEFINITION.match(paragraph, len(title))
    )


def _names_a_section(page: Page, i: int) -> bool:
    """A short line built on a menu item ("Heard on Morning News", "More from Sport Weekly")
    labels a section or programme; a title is more than a section name."""
    block = page.blocks[i]
    if block.words > 6:
        return False
    padded = f" {block.key} "
    return any(
        words * 2 >= block.words - 1 and key != block.key and f" {key} " in padded
        for key, words in _labels(page)
    )


def _labels(page: Page) -> list[tuple[str, int]]:
    """The page's chrome labels of two words or more, gathered once per page."""
    found = page.chrome_labels
    if found is None:
        found = page.chrome_labels = [
            (b.key, b.words)
            for j, b in enumerate(page.blocks)
            if page.labels[j].kind == CHROME and b.words >= 2
        ]
    return found


def _under_a_title(page: Page, i: int) -> bool:
    """A line right under a shorter title-like line (a photo may sit between) is its dek."""
    j = i - 1
    while j >= 0 and page.labels[j].kind == CAPTION:
        j -= 1
    if j < 0 or not (page.labels[j].kind == TEXT or _ends_a_menu(page, j)) or is_meta(page, j):
        return False
    above = page.blocks[j]
    if _KICKER.match(above.text) or above.text.isupper():
        return False
    return 3 <= above.words <= page.blocks[i].words


def _attached(page: Page, i: int) -> bool:
    """Nothing but chrome, captions, meta and at most a short standfirst before the body."""
    loose = 0
    for j in range(i + 1, page.start):
        if page.labels[j].kind == PROSE and page.blocks[j].words > 30:
            return False
        if page.labels[j].kind in (TEXT, PROSE) and not is_meta(page, j):
            loose += 1
    return loose <= 2


def _below_a_byline(page: Page, i: int) -> bool:
    """Titles sit above their byline; a line just under one is a caption, credit or counter."""
    return any(by_line(page.blocks[j].text) or name_block(page, j) for j in range(max(0, i - 3), i))


def _in_list(page: Page, i: int) -> bool:
    """One of three or more title-like lines in a row: a list of links to other stories.

    Unless a byline or date comes right under it: kickers and ads often sit in a row
    above the real title.
    """
    if i + 1 < len(page.blocks) and is_meta(page, i + 1):
        return False
    run = 1
    for step in (-1, 1):
        j = i + step
        while (
            0 <= j < len(page.blocks)
            and page.labels[j].kind == TEXT
            and page.blocks[j].words >= 5
            and not is_meta(page, j)
        ):
            run += 1
            j += step
    return run >= 3


def _repeat_score(page: Page, i: int) -> float:
    """Printed twice above the story (title bar and article) is a title.

    Repeated inside the body it is an ad; repeated after it, a section name in a
    list of topics.
    """
    seen = page.repeated(i)
    if seen > 2:
        return -4.0
    if seen < 2:
        return 0.0
    wanted = page.blocks[i].key
    other = next(j for j, block in enumerate(page.blocks) if block.key == wanted and j != i)
    if page.start <= other < page.end or page.start <= i < page.end:
        return -4.0
    return 4.0 if other < page.start else 0.0


def _ahead(page: Page, i: int, count: int) -> list[int]:
    """The next `count` blocks that are not buttons, counters or captions."""
    found: list[int] = []
    for j in range(i + 1, len(page.blocks)):
        if page.labels[j].kind in (CHROME, CAPTION) and not is_meta(page, j):
            continue
        found.append(j)
        if len(found) == count:
            break
    return found


def _meta_score(page: Page, i: int) -> float:
    """A byline or date right under the block: the closer, the surer."""
    for rank, j in enumerate(_ahead(page, i, 3)):
        if is_meta(page, j):
            return 5.0 if rank == 0 else 3.0
    return 0.0


def _prose_follows(page: Page, i: int) -> bool:
    return any(page.labels[j].kind == PROSE for j in range(i + 1, min(len(page.blocks), i + 16)))


def _distance(page: Page, i: int) -> int:
    """Content blocks between the candidate and the body (chrome does not count)."""
    return sum(1 for j in range(i + 1, max(i + 1, page.start)) if page.labels[j].kind not in _SKIP)


_SITE_SUFFIX = re.compile(r"\s+(?:\||-|\u2013|\u2014|::)\s+([^|]{2,40})$")


def drop_site_name(page: Page, i: int) -> str:
    """Drop a " | Site Name" suffix from a title when the site name is in the chrome."""
    text = page.blocks[i].text
    suffix = _SITE_SUFFIX.search(text)
    if not suffix or len(suffix.group(1).split()) > 4:
        return text
    name = suffix.group(1).lower()
    title = text[: suffix.start()].lower()
    for j, block in enumerate(page.blocks):
        seen = block.text.lower()
        # A breadcrumb that repeats the whole title says nothing of what its tail is.
        if j != i and page.labels[j].kind in _SKIP and name in seen and title not in seen:
            return text[: suffix.start()]
    return text
