"""Digest -> Digest: what a copy editor does before layout.

Each story gets a length budget (a lead cut at a sentence boundary, one short
quote) and consistent typographic quotes and apostrophes, so the HTML and the
plain-text part say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from digest.config import Config
from digest.model import Digest, Quote, Story
from digest.summarize.editorial import opening
from digest.summarize.sentences import split_sentences

# A straight double quote opens after a space, an opening bracket or a dash, else it closes.
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/\u201c-])'(?=\w)")
# '90s, 'til: an apostrophe standing for left-out letters, not an opening quote.
_ELISION = re.compile(r"(^|\s)'(?=\d0s\b|til\b|em\b|n\b|cause\b)", re.I)


def curly(text: str) -> str:
    """Straight quotes and apostrophes -> typographic ones, so no story mixes the two kinds."""
    text = _ELISION.sub("\\1\u2019", text)
    text = _OPEN_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d")
    text = _OPEN_SINGLE.sub("\\1\u2018", text)
    return text.replace("'", "\u2019")


def words(text: str) -> int:
    return len(text.split())


def cut_lead(paragraphs: tuple[str, ...], budget: int) -> tuple[str, ...]:
    """Whole sentences, in order, while the total stays within `budget` words.

    The first sentence is always kept whole, however long: a lead is never cut mid-sentence.
    """
    kept: list[str] = []
    used = 0
    for paragraph in paragraphs:
        sentences: list[str] = []
        for sentence in split_sentences(paragraph):
            if used and used + words(sentence) > budget:
                break
            sentences.append(sentence)
            used += words(sentence)
        if sentences:
            kept.append(" ".join(sentences))
        if len(sentences) < len(split_sentences(paragraph)):
            break
    return tuple(kept)


def pick_quote(quotes: tuple[Quote, ...], budget: int) -> tuple[Quote, ...]:
    """One quote of at most `budget` words: the first that fits, else the first cut to
    whole opening sentences that fit (verbatim), else none."""
    for quote in quotes:
        if words(quote.text) <= budget:
            return (quote,)
    for quote in quotes:
        cut = opening(quote.text, budget)
        if cut:
            return (replace(quote, text=cut),)
    return ()


COMPACT_PARAGRAPHS = 1  # the stories after the lead: one paragraph each


def edit_story(story: Story, config: Config, leads: bool = False) -> Story:
    """`leads`: the edition's lead story, which keeps `lead_paragraphs`; the others are compact."""
    paragraphs = (
        config.lead_paragraphs if leads else min(COMPACT_PARAGRAPHS, config.lead_paragraphs)
    )
    lead = cut_lead(story.lead[:paragraphs], config.lead_words)
    quotes = pick_quote(story.quotes, config.quote_words)
    return replace(
        story,
        headline=curly(story.headline),
        lead=tuple(curly(p) for p in lead),
        quotes=tuple(replace(q, text=curly(q.text), speaker=_curly(q.speaker)) for q in quotes),
        label=_curly(story.label),
        byline=_curly(story.byline),
    )


def _curly(text: str | None) -> str | None:
    return curly(text) if text else text


@lru_cache(maxsize=4)  # the HTML, the text part and the preheader edit the same Digest
def copyedit(digest: Digest, config: Config) -> Digest:
    """Every story within its length budget, with typographic quotes; the first story is
    the edition's lead (build puts it there)."""
    stories = tuple(edit_story(s, config, n == 0) for n, s in enumerate(digest.stories))
    intro = curly(digest.intro) if digest.intro else None
    return replace(digest, stories=stories, intro=intro)
