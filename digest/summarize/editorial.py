"""Editorial rules for the quotes a story offers the email.

The email prints the lead and then the story's first quote, so a quote the lead
already prints would be read twice: the summarizer passes it over and the next
quote comes first. The email's quote is a line or two, not a speech: the copy
edit (digest/render/copyedit.py) keeps a long quote's opening sentences within
its word budget with `opening`, word for word as the article has them, or passes
it over for a shorter one. A quote the editor gave in front matter is theirs and
is kept as given.
"""

from __future__ import annotations

from dataclasses import replace

from digest.model import Quote, Seed, Story
from digest.summarize.blocks import key
from digest.summarize.sentences import split_sentences

_ECHO_WORDS = 6  # a quoted sentence this long, printed in the lead too, is a repeat


def for_email(story: Story, seed: Seed) -> Story:
    """The story without the quotes its lead repeats, the others in the same order."""
    lead = f" {key(' '.join(story.lead))} "
    kept = (q for q in story.quotes if q.text == seed.meta.quote or not _repeats(q, lead))
    return replace(story, quotes=tuple(kept))


def _repeats(quote: Quote, lead: str) -> bool:
    """The lead prints the quote, or one of its sentences (a lead may stop mid-quote)."""
    if f" {key(quote.text)} " in lead:
        return True
    return any(
        len(sentence.split()) >= _ECHO_WORDS and f" {key(sentence)} " in lead
        for sentence in split_sentences(quote.text)
    )


def opening(text: str, budget: int) -> str | None:
    """The longest run of whole opening sentences of `text` within `budget` words,
    sliced from `text` itself so it stays verbatim; None if the first sentence is longer."""
    if len(text.split()) <= budget:
        return text
    end, used = 0, 0
    for sentence in split_sentences(text):
        used += len(sentence.split())
        if used > budget:
            break
        end = text.index(sentence, end) + len(sentence)
    return text[:end] if end else None
