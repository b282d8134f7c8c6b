"""Stories -> stories in their sections, in the order digest.toml lists them.

A story's section comes from its front matter `section:`, the page's
`article:section` / JSON-LD `articleSection`, or its feed item's category
(Story.section). The lead story stays on top, above every section; a story whose
section is not listed goes to the last section ("More"). A section with a `max`
keeps its first stories, in seed order, and leaves the others out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from digest.config import Section
from digest.model import Story

log = logging.getLogger(__name__)


def arrange(
    stories: Sequence[Story], sections: Sequence[Section], more: str
) -> tuple[list[Story], tuple[str | None, ...]]:
    """(stories in section order, the heading above each one); no sections: as given, ()."""
    if not sections or not stories:
        return list(stories), ()
    index = {s.name.strip().casefold(): n for n, s in enumerate(sections)}
    groups: list[list[Story]] = [[] for _ in range(len(sections) + 1)]
    for story in stories[1:]:
        groups[index.get((story.section or "").strip().casefold(), len(sections))].append(story)
    ordered = [stories[0]]
    headings: list[str | None] = [None]
    for n, group in enumerate(groups):
        heading = sections[n].heading if n < len(sections) else more
        cap = sections[n].max if n < len(sections) else None
        if cap is not None and len(group) > cap:
            names = ", ".join(Path(s.source).name for s in group[cap:])
            log.info("section %r holds %d (max in digest.toml): left out %s", heading, cap, names)
            group = group[:cap]
        ordered += group
        headings += [heading if i == 0 else None for i in range(len(group))]
    return ordered, tuple(headings)
