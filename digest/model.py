"""The typed values passed between the pipeline's stages.

read seeds -> Seed -> summarize -> Story -> assemble -> Digest -> render -> Email
Every value is frozen: a stage returns a new value instead of changing its input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SeedKind = Literal["text", "html", "markdown"]
QuoteOrigin = Literal["article", "front matter"]  # where a quote in the email came from


@dataclass(frozen=True)
class FrontMatter:
    """Fields an editor may set at the top of a seed; each wins over extraction."""

    title: str | None = None
    url: str | None = None
    byline: str | None = None
    date: str | None = None
    image: str | None = None
    image_alt: str | None = None  # what the photo shows; none: the photo is decoration
    section: str | None = None  # the small label above the headline
    quote: str | None = None
    lead: str | None = None  # "true": this story leads the edition
    lang: str | None = None  # the story's language, when not the edition's (fr, ar)

    @property
    def leads(self) -> bool:
        """`lead: true` (YAML's yes/on too) marks the edition's lead story."""
        return (self.lead or "").lower() in ("true", "yes", "on", "1")


@dataclass(frozen=True)
class Seed:
    """One article as read from disk, before any summarizing."""

    source: str  # the path (or URL) the seed came from, for messages
    text: str  # the body: plain text, HTML or Markdown, front matter removed
    kind: SeedKind = "text"
    meta: FrontMatter = field(default_factory=FrontMatter)
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None
    origin: QuoteOrigin = "article"


@dataclass(frozen=True)
class Story:
    """What the summarizer keeps of a seed."""

    headline: str
    byline: str | None
    lead: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    url: str | None = None
    image: str | None = None
    source: str = ""
    image_alt: str | None = None
    label: str | None = None  # the section or site name, shown above the headline
    minutes: int | None = None  # reading time of the full article, when the seed holds it
    # Quotes given for the story that its article does not hold word for word: never in
    # the email, kept here so the build can name the seed.
    unsourced: tuple[Quote, ...] = ()
    featured: bool = False  # `lead: true` in front matter: the edition's lead story
    section: str | None = None  # front matter, article:section / articleSection, feed category
    lang: str | None = None  # front matter `lang:`, else the page's <html lang>

    def as_json(self) -> dict[str, object]:
        """The stable `digest summarize --format json` object."""
        return {
            "headline": self.headline,
            "byline": self.byline,
            "lead": list(self.lead),
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "source": q.origin} for q in self.quotes
            ],
        }


@dataclass(frozen=True)
class Digest:
    """One issue of the newsletter: what the templates render."""

    title: str
    date: dt.date
    stories: tuple[Story, ...]
    intro: str | None = None
    issue_number: int | None = None
    # With [[sections]] in digest.toml: per story, the section heading shown above it
    # (on the first story of each section), else None. Empty: the edition has no sections.
    headings: tuple[str | None, ...] = ()
    lang: str = "en"  # the edition's language (digest.toml `lang`): dates are written in it


@dataclass(frozen=True)
class MergeTags:
    """An email service provider's placeholders, put in the email byte-exact.

    None means the provider has no tag for it (or no provider is used): the
    template then falls back to the configured URL, or leaves the piece out.
    """

    unsubscribe: str | None = None
    web_version: str | None = None
    first_name: str | None = None


@dataclass(frozen=True)
class Email:
    """The finished message, ready to write or hand to a provider."""

    subject: str
    preheader: str
    html: str
    text: str
