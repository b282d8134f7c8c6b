"""Digest -> Email: Jinja2 renders MJML, mjml-python compiles it, premailer inlines CSS.

The plain-text version is built from the same Digest, not by stripping the HTML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import textwrap
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from digest.config import Config
from digest.errors import TemplateError
from digest.model import Digest, Email, MergeTags

PACKAGED_TEMPLATES = Path(__file__).parent / "templates"
SOURCE_TEMPLATES = Path(__file__).parent.parent / "templates"
ROOT_TEMPLATE = "digest.mjml.j2"
INLINE_CSS = "inline.css.j2"
# Zero-width padding after the preheader keeps inbox previews from showing body text.
_BETWEEN_TAGS = re.compile(r">[ \t]+<")
PREHEADER_PAD = "&#847;&zwnj;&nbsp;" * 60


def template_dirs(user_dir: Path | None = None) -> list[Path]:
    """User templates first (one partial can be replaced), then the packaged theme."""
    packaged = PACKAGED_TEMPLATES if PACKAGED_TEMPLATES.is_dir() else SOURCE_TEMPLATES
    return [d for d in (user_dir, packaged) if d is not None]


@lru_cache(maxsize=8)
def environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    # Autoescape every template: seed text is data and must never become markup.
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = longdate
    return env


def longdate(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def subject_of(digest: Digest) -> str:
    return f"{digest.title}: {longdate(digest.date)}"


def preheader_of(digest: Digest) -> str:
    """A 40-130 character preview line from the headlines."""
    heads = [s.headline for s in digest.stories]
    text = " · ".join(heads) if heads else f"{digest.title}, {longdate(digest.date)}"
    if len(text) > 130:
        text = text[:127].rsplit(" ", 1)[0].rstrip(" ·,;:") + "…"
    if len(text) < 40:
        text = f"{text} | {digest.title}, {longdate(digest.date)}"[:130]
    return text


def render_mjml(
    digest: Digest, config: Config, templates: Path | None = None, merge: MergeTags | None = None
) -> str:
    """Stage: Digest -> MJML source. `merge` holds an ESP's merge tags, if one is used."""
    env = environment(tuple(template_dirs(templates)))
    context = {
        "digest": digest,
        "config": config,
        "subject": subject_of(digest),
        "preheader": preheader_of(digest),
        "preheader_pad": Markup(PREHEADER_PAD),
        "lead_paragraphs": config.lead_paragraphs,
        "merge": merge or MergeTags(),
    }
    try:
        source = env.get_template(ROOT_TEMPLATE).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{exc.filename or exc.name}: line {exc.lineno}: {exc.message}; fix the template"
        ) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {ROOT_TEMPLATE}: {exc}; fix the template") from exc
    # mjml-python rejects spaces (without a newline) before a closing tag in <mj-head>;
    # a newline is the same white space to HTML, so use one between any two tags.
    return _BETWEEN_TAGS.sub(">\n<", source)


def compile_mjml(source: str) -> str:
    """Stage: MJML -> HTML. No web fonts: an email must not depend on a CDN."""
    from mjml import mjml2html

    try:
        return str(mjml2html(source, fonts={}, disable_comments=True))
    except (ValueError, RuntimeError) as exc:
        raise TemplateError(f"the MJML does not compile ({exc}); check the templates") from exc


def inline_rules(config: Config, templates: Path | None = None) -> str:
    """The CSS that premailer copies into style attributes (a template, so it can be themed)."""
    env = environment(tuple(template_dirs(templates)))
    return env.get_template(INLINE_CSS).render(config=config)


def inline_css(html: str, css: str = "") -> str:
    """Stage: inline only `css`; keep @media, dark-mode and MSO rules in <style> untouched."""
    import cssutils
    from premailer import Premailer

    cssutils.log.setLevel(logging.CRITICAL)
    # Every MJML <style> block is left alone; mso resets and media queries stay byte-exact.
    marked = re.sub(r"<style(?=[\s>])", '<style data-premailer="ignore"', html)
    inliner = Premailer(
        marked,
        allow_network=False,
        keep_style_tags=False,
        strip_important=False,
        remove_classes=False,
        disable_validation=True,
        css_text=css or None,
        cssutils_logging_level=logging.CRITICAL,
    )
    # premailer cannot see <style> inside MSO conditional comments: unmark those itself.
    out = inliner.transform(pretty_print=False).replace(' data-premailer="ignore"', "")
    # premailer drops MJML's lowercase doctype (its check is case-sensitive).
    if not out.lstrip().lower().startswith("<!doctype"):
        out = "<!doctype html>" + out
    return str(out)


def render_text(digest: Digest, config: Config, merge: MergeTags | None = None) -> str:
    """Stage: Digest -> plain text, for the text/plain part and for pipes."""
    width = 72
    lines = [digest.title.upper(), longdate(digest.date), ""]
    if digest.intro:
        lines += [textwrap.fill(digest.intro, width), ""]
    for story in digest.stories:
        lines += ["-" * width, "", textwrap.fill(story.headline, width)]
        if story.byline:
            lines.append(f"By {story.byline}")
        lines.append("")
        for paragraph in story.lead[: config.lead_paragraphs]:
            lines += [textwrap.fill(paragraph, width), ""]
        if story.quotes:
            quote = story.quotes[0]
            lines.append(
                textwrap.fill(
                    f"\u201c{quote.text}\u201d", width, initial_indent="  ", subsequent_indent="  "
                )
            )
            if quote.speaker:
                lines.append(f"  \u2014 {quote.speaker}")
            lines.append("")
        if story.url:
            lines += [f"Read the full story: {story.url}", ""]
    footer, merge = config.footer, merge or MergeTags()
    lines += ["-" * width, "", textwrap.fill(footer.text, width)]
    if footer.address:
        lines.append(footer.address)
    # An ESP's tag wins over the configured URL (Mailchimp requires *|UNSUB|* in the text too).
    if unsubscribe := merge.unsubscribe or footer.unsubscribe_url:
        lines.append(f"Unsubscribe: {unsubscribe}")
    if web_version := merge.web_version or footer.web_url:
        lines.append(f"View in your browser: {web_version}")
    return "\n".join(lines).rstrip() + "\n"


def render(
    digest: Digest, config: Config, templates: Path | None = None, merge: MergeTags | None = None
) -> Email:
    """Digest -> Email, through every rendering stage."""
    tokens, restore = _merge_tokens(merge)
    html = compile_mjml(render_mjml(digest, config, templates, tokens))
    html = restore(inline_css(html, inline_rules(config, templates)))
    return Email(
        subject=subject_of(digest),
        preheader=preheader_of(digest),
        html=html,
        text=render_text(digest, config, merge),
    )


def _merge_tokens(merge: MergeTags | None) -> tuple[MergeTags | None, Callable[[str], str]]:
    """Opaque stand-ins for merge tags, and the function that puts the real tags back.

    libxml2 (under premailer) percent-encodes spaces in href values, so Brevo's
    `{{ unsubscribe }}` would reach the ESP as `{{%20unsubscribe%20}}`; a plain
    token passes Jinja2, MJML and premailer unchanged and is swapped back at the end.
    """
    if merge is None:
        return None, str
    tags = {name: tag for name, tag in dataclasses.asdict(merge).items() if tag is not None}
    tokens = {name: f"digest-merge-{name}-7f3a" for name in tags}

    def restore(html: str) -> str:
        for name, tag in tags.items():
            html = html.replace(tokens[name], tag)
        return html

    return MergeTags(**tokens), restore
