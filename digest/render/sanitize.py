"""Stage: Story -> Story that is safe to render. Seed text is data, never code or a live link.

Runs between summarize and assemble, so every later stage (templates, the
text version, an ESP) sees only safe values:
- links pass through `links.safe_url` (only http(s)/mailto; images only http(s));
- control characters, which HTML forbids and lxml refuses, are removed;
- merge-tag look-alikes (`*|UNSUB|*`, `{{ name }}`, `%recipient%`) get an
  invisible word joiner after their first character, so an email service
  provider never fills them in; a reader sees the same text.
Jinja2's autoescaping then turns `<`, `>`, `&` and quotes into entities.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from digest.links import IMAGE_SCHEMES, LINK_SCHEMES, safe_url
from digest.model import Story
from digest.vocabulary import tag_opener

log = logging.getLogger(__name__)

WORD_JOINER = "\u2060"
# C0/C1 controls except tab and newline, and the two non-characters XML refuses.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Remove control characters (keeping tab and newline)."""
    return _CONTROL.sub("", text)


def inert_text(text: str) -> str:
    """Seed text as the reader should see it, with no merge tag an ESP would fill in."""
    # The openers of every ESP's and template language's tags (digest/vocabulary.py).
    return tag_opener().sub(lambda m: m.group(0) + WORD_JOINER, clean_text(text))


def sanitize(story: Story) -> Story:
    """Stage: a Story whose text is inert and whose links are safe (bad links are dropped)."""
    return replace(
        story,
        headline=inert_text(story.headline),
        byline=inert_text(story.byline) if story.byline is not None else None,
        lead=tuple(inert_text(p) for p in story.lead),
        quotes=tuple(
            replace(
                q,
                text=inert_text(q.text),
                speaker=inert_text(q.speaker) if q.speaker is not None else None,
            )
            for q in story.quotes
        ),
        url=_checked(story.url, "url", story.source),
        image=_checked(story.image, "image", story.source, IMAGE_SCHEMES),
    )


def _checked(
    value: str | None, field: str, source: str, schemes: frozenset[str] = LINK_SCHEMES
) -> str | None:
    if value is None or not value.strip():
        return None
    url = safe_url(value, schemes)
    if url is None:
        allowed = "/".join(sorted(schemes))
        log.warning(
            "%s: %s %r is not an %s link; left out of the email, fix the seed's %s",
            source,
            field,
            clean_text(value)[:80],
            allowed,
            field,
        )
    return url
