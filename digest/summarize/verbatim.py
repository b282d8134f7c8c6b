"""Every quote that reaches the email occurs in its article, word for word.

A quote is compared with the article after the two changes that do not alter what
was said: runs of whitespace (line breaks included) become one space, and every
kind of quotation mark and apostrophe becomes its straight form (the copy edit
curls them; an article may use guillemets or low marks). Anything else (a changed
word, an ellipsis standing for left-out words) is not the article's and is left out
of the email, with a warning naming the seed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from digest.model import Quote, Story

log = logging.getLogger(__name__)

_DOUBLE = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02]")
_SINGLE = re.compile("[\u2018\u2019\u201a\u201b\u2039\u203a\u2032`\u00b4]")
_SPACE = re.compile(r"\s+")
# Soft hyphen, zero-width spaces and joiners (the render adds some so long words wrap and
# merge tags stay inert), and the control characters the render removes.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_EDGES = " \"'"
_WORD = re.compile(r"[^\W_]")


def normalised(text: str) -> str:
    """`text` with one space for each run of whitespace and straight quotation marks."""
    text = _INVISIBLE.sub("", text)
    text = _SINGLE.sub("'", _DOUBLE.sub('"', text))
    return _SPACE.sub(" ", text).strip()


def occurs(quote: str, article: str) -> bool:
    """The quote (its own outer quotation marks aside) is in the article, as written."""
    return _found(_wanted(quote), normalised(article))


def _wanted(quote: str) -> str:
    return normalised(quote).strip(_EDGES)


def _found(wanted: str, article: str) -> bool:
    """A quote has words (a lone comma is no quote) and the article holds it."""
    return _WORD.search(wanted) is not None and wanted in article


def sourced(quotes: Iterable[Quote], article: str) -> tuple[tuple[Quote, ...], tuple[Quote, ...]]:
    """(kept, unsourced): the quotes found in the article, and the ones that are not."""
    kept: list[Quote] = []
    unsourced: list[Quote] = []
    article = normalised(article)
    for quote in quotes:
        (kept if _found(_wanted(quote.text), article) else unsourced).append(quote)
    return tuple(kept), tuple(unsourced)


def unsourced_message(story: Story, strict: bool = False) -> str | None:
    """One line naming the seed and its first quote not in the article; None when all are.

    `strict`: the build stops here, so the quote is not "left out" but the error.
    """
    if not story.unsourced:
        return None
    first = story.unsourced[0]
    shown = first.text if len(first.text) <= 60 else first.text[:59] + "\u2026"
    where = "front matter `quote:`" if first.origin == "front matter" else "quote"
    more = f" (and {len(story.unsourced) - 1} more)" if len(story.unsourced) > 1 else ""
    what = f"{story.source}: {where} \u201c{shown}\u201d{more} is not in the article word for word"
    if strict:
        return f"--strict: {what}; copy it from the article or remove it"
    return f"{what}; left out of the email, copy it from the article or remove it"


def report_unsourced(story: Story) -> None:
    """A warning for a story that had a quote the article does not hold."""
    message = unsourced_message(story)
    if message:
        log.warning("%s", message)
