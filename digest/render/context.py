"""What the templates receive: one typed value, built once per render.

Templates see these fields and nothing else (templates/README.md lists them), so
a template that reads a field no one fills in fails to render (StrictUndefined)
instead of quietly printing nothing. Links are checked here, not in markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from markupsafe import Markup

from digest.config import Brand, Config, Theme
from digest.language import primary, text_direction
from digest.links import safe_href
from digest.model import Digest, MergeTags, Quote, Story
from digest.render.slots import SlotView, placed

# Zero-width padding after the preheader keeps inbox previews from showing body text.
PREHEADER_PAD = Markup("&#847;&zwnj;&nbsp;" * 60)


@dataclass(frozen=True)
class StoryView:
    """One story as `partials/story.mjml.j2` shows it."""

    headline: str
    byline: str | None
    lead: tuple[str, ...]  # already cut to its length budget (copyedit)
    quote: Quote | None  # the pull quote, if one fits
    url: str | None  # safe to put in href (or None)
    image: str | None  # safe to put in src (or None)
    image_alt: str | None  # what the photo shows; None: it is decoration
    label: str | None  # the section or site name above the headline
    minutes: int | None  # reading time of the full article
    leads: bool  # the edition's lead story: larger headline, up to lead_paragraphs paragraphs
    heading: str | None  # the section heading shown above this story (first of its section)
    slots: tuple[SlotView, ...]  # sponsor or house-ad blocks shown after this story
    lang: str | None  # the story's language when it is not the edition's, else None
    dir: str | None  # with `lang`: "ltr" or "rtl"


@dataclass(frozen=True)
class FooterView:
    """The footer's text and links, merge tags already chosen over configured URLs."""

    text: str
    address: str | None
    unsubscribe: str | None
    web_version: str | None


@dataclass(frozen=True)
class EmailContext:
    """Everything `digest.mjml.j2` and its partials may use, by name."""

    subject: str
    preheader: str
    preheader_pad: Markup
    lang: str
    dir: str  # "ltr" or "rtl", from lang
    title: str
    date: dt.date
    issue_number: int | None
    intro: str | None
    contents: bool  # show "In this issue" (asked for, and three stories or more)
    button: str  # the link text under each story
    brand: Brand
    theme: Theme
    stories: tuple[StoryView, ...]
    sectioned: bool  # the stories are in sections: each first one has a heading
    footer: FooterView
    merge: MergeTags

    def as_dict(self) -> dict[str, object]:
        """Top-level names for Jinja (shallow: the values stay typed)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def story_view(
    story: Story,
    leads: bool = False,
    heading: str | None = None,
    slots: tuple[SlotView, ...] = (),
    edition_lang: str = "en",
) -> StoryView:
    own = story.lang if story.lang and primary(story.lang) != primary(edition_lang) else None
    return StoryView(
        headline=story.headline,
        byline=story.byline,
        lead=story.lead,
        quote=story.quotes[0] if story.quotes else None,
        url=safe_href(story.url),
        image=safe_href(story.image),
        image_alt=story.image_alt,
        label=story.label,
        minutes=story.minutes,
        leads=leads,
        heading=heading,
        slots=slots,
        lang=own,
        dir=text_direction(own) if own else None,
    )


def heading_of(digest: Digest, n: int) -> str | None:
    """The section heading above story `n`, or None (none there, or no sections)."""
    return digest.headings[n] if n < len(digest.headings) else None


def footer_view(config: Config, merge: MergeTags) -> FooterView:
    """An ESP's tag wins over the configured URL: the ESP fills in each reader's own link."""
    footer = config.footer
    return FooterView(
        text=footer.text,
        address=footer.address,
        unsubscribe=merge.unsubscribe or footer.unsubscribe_url,
        web_version=merge.web_version or footer.web_url,
    )


def email_context(
    digest: Digest, config: Config, merge: MergeTags, *, subject: str, preheader: str, dir: str
) -> EmailContext:
    """`digest` is copy-edited already: leads and quotes are within their budgets."""
    return EmailContext(
        subject=subject,
        preheader=preheader,
        preheader_pad=PREHEADER_PAD,
        lang=config.lang,
        dir=dir,
        title=digest.title,
        date=digest.date,
        issue_number=digest.issue_number,
        intro=digest.intro,
        contents=config.contents and len(digest.stories) >= 3,
        button=config.button,
        brand=config.brand,
        theme=config.theme,
        stories=tuple(
            story_view(s, n == 0, heading_of(digest, n), after, config.lang)
            for n, (s, after) in enumerate(zip(digest.stories, placed(digest, config), strict=True))
        ),
        sectioned=any(digest.headings),
        footer=footer_view(config, merge),
        merge=merge,
    )
