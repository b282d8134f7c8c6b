"""Seed -> Story: pick the headline, byline, lead paragraphs and key quotes.

The stages live in their own modules: blocks (split), chrome and page (label
blocks, find the body), headline, byline, lead, quotes (with speakers and
interview), html and markdown (other seed kinds), explain (why each block went
where it did).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.language import language_tag
from digest.model import Quote, Seed, Story
from digest.summarize.blocks import key, split_blocks
from digest.summarize.decide import Ranking, pick_byline, pick_headline, pick_lead
from digest.summarize.editorial import for_email
from digest.summarize.features import PageView
from digest.summarize.found import Found
from digest.summarize.headline import drop_site_name, find_headline
from digest.summarize.hints import Hints
from digest.summarize.lead import lead_text
from digest.summarize.page import Page, analyse
from digest.summarize.quotes import as_quotes, find_quotes
from digest.summarize.ranker import Model, shipped
from digest.summarize.verbatim import sourced

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    """A story with the evidence for it: the labelled page and where each part came from."""

    story: Story
    page: Page
    headline: int | None = None
    byline: int | None = None
    lead: list[int] = field(default_factory=list)
    quotes: list[Found] = field(default_factory=list)
    ranking: Ranking = field(default_factory=Ranking)


def summarize(seed: Seed) -> Story:
    """The story a seed tells: front matter first, then what the page itself shows."""
    return analyse_seed(seed).story


def summarize_seed(seed: Seed) -> Story:
    """`summarize`, for the pipeline: a story with no headline is titled from its file name."""
    story = summarize(seed)
    if story.headline.strip():
        return story
    title = title_from_name(Path(seed.source))
    log.warning(
        "%s: no headline found; used %r from the file name, add a `title:` in front matter",
        seed.source,
        title,
    )
    return replace(story, headline=title)


def title_from_name(path: Path) -> str:
    """'harbour-flood_barrier.txt' -> 'Harbour flood barrier'."""
    words = re.sub(r"[\W_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Untitled story"


def analyse_seed(seed: Seed, model: Model | None = None) -> Analysis:
    """The story and the labelled page behind it (for --explain).

    `model` replaces the shipped weights (cross-validation fits its own per fold).
    """
    model = model or shipped()
    text, hints = _body_and_hints(seed)
    page = analyse(split_blocks(text))
    view = PageView(page, find_headline(page))
    ranking = Ranking()
    title = hints.title or seed.meta.title
    headline = _headline_index(view, model, ranking, title, hints.title is not None)
    lead = pick_lead(view, model, headline, ranking)
    byline, byline_at = pick_byline(view, model, headline, ranking)
    skip = {i for i in (headline, byline_at) if i is not None}
    quotes = find_quotes(page, skip)
    story = Story(
        headline=_headline(seed, hints, page, headline),
        byline=seed.meta.byline or hints.byline or byline,
        lead=tuple(lead_text(page.blocks[i]) for i in lead),
        quotes=_with_front_quote(seed, as_quotes(quotes)),
        url=_url(seed, hints),
        image=seed.meta.image or hints.image,
        source=seed.source,
        image_alt=seed.meta.image_alt,
        label=seed.meta.section or hints.section or hints.site,
        section=seed.meta.section or hints.section,
        minutes=reading_minutes(page),
        featured=seed.meta.leads,
        lang=language_tag(seed.meta.lang) or language_tag(hints.lang),
    )
    story = checked(bounded(for_email(story, seed)), text)
    return Analysis(story, page, headline, byline_at, lead, quotes, ranking)


# Upper bounds on what one seed puts in the email: a 5 MB one-line seed must not
# become a 5 MB headline and lead. Far above any real headline or paragraph.
HEADLINE_MAX = 300  # characters
LEAD_MAX = 1500  # characters in each lead paragraph


def bounded(story: Story) -> Story:
    """The story with its headline and each lead paragraph cut to their caps."""
    lead = tuple(clip(paragraph, LEAD_MAX) for paragraph in story.lead)
    return replace(story, headline=clip(story.headline, HEADLINE_MAX), lead=lead)


def clip(text: str, limit: int) -> str:
    """`text` if it fits, else cut at a word boundary near `limit` and ended with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.7:  # a word boundary not far back; a 5 MB "word" is cut anywhere
        cut = cut[:space]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def checked(story: Story, article: str) -> Story:
    """The story with only the quotes its article holds word for word; the others are
    kept aside in `unsourced` for the build to name."""
    kept, unsourced = sourced(story.quotes, article)
    return replace(story, quotes=kept, unsourced=unsourced) if unsourced else story


def reading_minutes(page: Page) -> int | None:
    """Minutes to read the whole article at 230 words a minute; None for a short excerpt
    (a feed summary is not the article, so its reading time would mislead)."""
    words = sum(len(block.text.split()) for block in page.blocks[page.start :])
    return max(1, round(words / 230)) if words >= 250 else None


def _body_and_hints(seed: Seed) -> tuple[str, Hints]:
    if seed.kind == "html":
        from digest.summarize.html import read_html

        return read_html(seed.text)
    if seed.kind == "markdown":
        from digest.summarize.markdown import read_markdown

        return read_markdown(seed.text)
    return seed.text, Hints()


def _headline_index(
    view: PageView, model: Model, ranking: Ranking, title: str | None, declared: bool
) -> int | None:
    """The block holding the title the markup or front matter gives, else our own pick.

    When markup declares a title that the body text does not repeat (trafilatura
    drops it), there is no headline block and the lead search starts at the body.
    """
    page = view.page
    if title:
        wanted = key(title)
        for i, block in enumerate(page.blocks[: page.start + 4]):
            if block.key == wanted:
                return i
        if declared:
            return None
        # Front matter names the title; a line above the body may still print it in
        # another form, but a paragraph of the story is never its title.
        picked = pick_headline(view, model, ranking)
        return picked if picked is not None and picked < page.start else None
    return pick_headline(view, model, ranking)


def _headline(seed: Seed, hints: Hints, page: Page, index: int | None) -> str:
    if seed.meta.title:
        return seed.meta.title
    if hints.title:
        return hints.title
    if index is not None:
        return drop_site_name(page, index)
    # No title found: the first line is the best guess, and it is still the seed's own text.
    return page.blocks[0].text if page.blocks else ""


def _with_front_quote(seed: Seed, quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    if not seed.meta.quote:
        return quotes
    rest = tuple(q for q in quotes if q.text != seed.meta.quote)
    return (Quote(seed.meta.quote, None, "front matter"), *rest)


def _url(seed: Seed, hints: Hints) -> str | None:
    # A missing link is reported by the caller: once per seed by `digest summarize`,
    # and gathered into one line by `digest build`, so a week of text seeds is not noise.
    return seed.meta.url or hints.url
