"""Seed -> Story: pick the headline, byline, lead paragraphs and key quotes.

This first version is deliberately simple; the rules live in their own modules
as they grow (cleaning, headline/byline, lead, quotes).
"""

from __future__ import annotations

import re

from digest.model import Quote, Seed, Story

_QUOTE = re.compile(r"[\u201c\"]([^\u201d\"]{20,}?)[\u201d\"]")


def summarize(seed: Seed) -> Story:
    blocks = [b.strip() for b in seed.text.split("\n") if b.strip()]
    headline = seed.meta.title or (blocks[0] if blocks else seed.source)
    paragraphs = [b for b in blocks if len(b.split()) >= 25]
    lead = tuple(paragraphs[:2])
    quotes = tuple(
        Quote(m.group(1).strip(), None)
        for p in paragraphs
        for m in _QUOTE.finditer(p)
        if len(m.group(1).split()) >= 6
    )[:3]
    return Story(
        headline=headline,
        byline=seed.meta.byline,
        lead=lead,
        quotes=quotes,
        url=seed.meta.url,
        image=seed.meta.image,
        source=seed.source,
    )
