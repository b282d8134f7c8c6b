"""Sponsor and house-ad slots: where each [[slots]] block goes among the stories.

A slot goes after the Nth story (`after`, counted in email order, past the end:
after the last) or after the last story of a section (`section`). Its link is
UTM-tagged like the stories', so the sponsor's clicks show in the same analytics.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.config import Config, Slot
from digest.links import safe_href
from digest.model import Digest
from digest.render.utm import tag_url, utm_params


@dataclass(frozen=True)
class SlotView:
    """One slot as `digest.mjml.j2` and the text part show it."""

    label: str
    text: str
    url: str | None  # safe to put in href, UTM-tagged
    image: str | None  # safe to put in src
    image_alt: str | None


def placed(digest: Digest, config: Config) -> tuple[tuple[SlotView, ...], ...]:
    """Per story, in order, the slots shown after it."""
    count = len(digest.stories)
    after: list[list[SlotView]] = [[] for _ in range(count)]
    if not count:
        return ()
    params = utm_params(config.utm, digest.date)
    for slot in config.slots:
        at = _position(slot, digest, config)
        if at is not None:
            after[at].append(_view(slot, params))
    return tuple(tuple(views) for views in after)


def _position(slot: Slot, digest: Digest, config: Config) -> int | None:
    """The index of the story the slot follows; None: its section has no story this time."""
    if slot.after is not None:
        return min(slot.after, len(digest.stories)) - 1
    wanted = (slot.section or "").strip().casefold()
    heading = next(
        (s.heading for s in config.sections if s.name.strip().casefold() == wanted),
        config.more_section,
    )
    starts = [n for n, h in enumerate(digest.headings) if h is not None]
    if heading not in digest.headings:
        return None
    start = digest.headings.index(heading)
    later = [n for n in starts if n > start]
    return (later[0] if later else len(digest.stories)) - 1


def _view(slot: Slot, params: dict[str, str]) -> SlotView:
    url = tag_url(slot.link, params) if slot.link else None
    return SlotView(
        label=slot.label,
        text=slot.text,
        url=safe_href(url),
        image=safe_href(slot.image),
        image_alt=slot.image_alt,
    )
