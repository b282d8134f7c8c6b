"""Digest -> Email: Jinja2 renders MJML, mjml-python compiles it, premailer inlines CSS.

The plain-text version is built from the same Digest, not by stripping the HTML.
"""

from __future__ import annotations

import logging
import re
import textwrap
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from digest.config import Config
from digest.errors import TemplateError
from digest.language import longdate, text_direction
from digest.links import safe_href
from digest.model import Digest, Email, MergeTags
from digest.render.context import email_context, footer_view, heading_of
from digest.render.contrast import low_contrast
from digest.render.copyedit import copyedit
from digest.render.inbox import PREHEADER_MAX, PREHEADER_MIN
from digest.render.minify import minify_html
from digest.render.mjml_check import check_templates
from digest.render.slots import placed
from digest.render.template_cache import template_cache
from digest.render.tidy import breakable, tidy

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).parent.parent  # digest/
PACKAGED_TEMPLATES = _PACKAGE / "templates"
SOURCE_TEMPLATES = _PACKAGE.parent / "templates"
ROOT_TEMPLATE = "digest.mjml.j2"
INLINE_CSS = "inline.css.j2"
_BETWEEN_TAGS = re.compile(r">[ \t]+<")
_LINK_ATTR = re.compile(r'(\s(?:href|src)=)"([^"]*)"')
# A CSS value from settings may go inside <style> (where &#39; would not be decoded):
# allow only what fonts and colours need, so nothing can close a rule or a tag.
_CSS_VALUE = re.compile(r"[A-Za-z0-9 ,.'#%()-]*")


def template_dirs(user_dir: Path | None = None) -> list[Path]:
    """User templates first (one partial can be replaced), then the packaged theme."""
    packaged = PACKAGED_TEMPLATES if PACKAGED_TEMPLATES.is_dir() else SOURCE_TEMPLATES
    if user_dir is not None and not user_dir.is_dir():
        raise TemplateError(f"{user_dir}: no such templates folder; check --templates")
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
    env.filters["safe_url"] = safe_href
    env.filters["css"] = css_value
    env.filters["breakable"] = breakable
    env.bytecode_cache = template_cache(env)
    return env


def css_value(value: str) -> Markup:
    """A theme value (font stack, colour) marked safe for CSS, after checking its characters."""
    if not _CSS_VALUE.fullmatch(value):
        raise TemplateError(f"{value!r} is not a plain CSS value; use names, commas and quotes")
    return Markup(value)


def subject_of(digest: Digest) -> str:
    return f"{digest.title}: {longdate(digest.date, digest.lang)}"


def preheader_of(digest: Digest, given: str | None = None) -> str:
    """The inbox preview line: `given` (from digest.toml), else the intro, else the first
    story's lead, in whole sentences of 40-130 characters; never a cut-off headline list."""
    if given:
        return given
    first = digest.stories[0] if digest.stories else None
    for candidate in (digest.intro, " ".join(first.lead) if first else None):
        if candidate and candidate.strip():
            text = _fit_sentences(" ".join(candidate.split()), PREHEADER_MAX)
            break
    else:
        text = first.headline if first else ""
    if len(text) < PREHEADER_MIN and first and first.headline not in text:
        text = f"{text} {first.headline}".strip()
    if len(text) < PREHEADER_MIN:
        text = f"{text} | {digest.title}, {longdate(digest.date, digest.lang)}".lstrip(" |")
    return text if len(text) <= PREHEADER_MAX else _fit_words(text, PREHEADER_MAX)


def _fit_sentences(text: str, limit: int) -> str:
    """Whole sentences up to `limit` characters; a first sentence too long is cut at a word."""
    from digest.summarize.sentences import split_sentences

    kept = ""
    for sentence in split_sentences(text):
        joined = f"{kept} {sentence}".strip()
        if len(joined) > limit:
            break
        kept = joined
    return kept or _fit_words(text, limit)


def _fit_words(text: str, limit: int) -> str:
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ·,;:") + "…"


def render_mjml(
    digest: Digest, config: Config, templates: Path | None = None, merge: MergeTags | None = None
) -> str:
    """Stage: Digest -> MJML source. `merge` holds an ESP's merge tags, if one is used."""
    env = environment(tuple(template_dirs(templates)))
    check_templates(env, ROOT_TEMPLATE)
    digest = copyedit(digest, config)
    context = email_context(
        digest,
        config,
        merge or MergeTags(),
        subject=subject_of(digest),
        preheader=preheader_of(digest, config.preheader),
        dir=text_direction(config.lang),
    )
    source = _render_template(env, ROOT_TEMPLATE, context.as_dict())
    # mjml-python rejects spaces (without a newline) before a closing tag in <mj-head>;
    # a newline is the same white space to HTML, so use one between any two tags.
    return _BETWEEN_TAGS.sub(">\n<", source)


def compile_mjml(source: str) -> str:
    """Stage: MJML -> HTML. No web fonts: an email must not depend on a CDN."""
    from mjml import mjml2html

    try:
        return tidy(str(mjml2html(source, fonts={}, disable_comments=True)))
    except (ValueError, RuntimeError) as exc:
        raise TemplateError(f"the MJML does not compile ({exc}); check the templates") from exc


def inline_rules(config: Config, templates: Path | None = None) -> str:
    """The CSS that premailer copies into style attributes (a template, so it can be themed)."""
    env = environment(tuple(template_dirs(templates)))
    return _render_template(env, INLINE_CSS, {"theme": config.theme})


def _render_template(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    """Render one template; any Jinja error becomes 'FILE: line N: problem; fix ...'."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}: line {exc.lineno}"
        raise TemplateError(f"{where}: {_sentence(exc.message)}; fix the template") from exc
    except jinja2.TemplateError as exc:
        where = _template_frame(exc) or name
        raise TemplateError(f"{where}: {_sentence(str(exc))}; fix the template") from exc


def _template_frame(exc: BaseException) -> str | None:
    """'FILE: line N' of the innermost template line that failed (a partial, not its parent).

    Jinja rewrites the traceback of a render error so its frames carry the template
    file names and line numbers.
    """
    where = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}: line {tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _sentence(message: str | None) -> str:
    # Jinja's messages end with a full stop; ours go on after a semicolon.
    return (message or "template error").strip().rstrip(".")


def inline_css(html: str, css: str = "") -> str:
    """Stage: inline only `css`; keep @media, dark-mode and MSO rules in <style> untouched."""
    import cssutils
    from premailer import Premailer

    cssutils.log.setLevel(logging.CRITICAL)
    # lxml re-encodes links (`{{ UnsubscribeURL }}` -> `{{%20UnsubscribeURL%20}}`): park every
    # href/src value as a plain token and put the original bytes back afterwards.
    parked: list[str] = []

    def park(match: re.Match[str]) -> str:
        parked.append(match.group(2))
        return f'{match.group(1)}"digest-link-{len(parked) - 1}"'

    marked = _LINK_ATTR.sub(park, html)
    # Every MJML <style> block is left alone; mso resets and media queries stay byte-exact.
    marked = re.sub(r"<style(?=[\s>])", '<style data-premailer="ignore"', marked)
    inliner = Premailer(
        marked,
        allow_network=False,
        keep_style_tags=False,
        strip_important=False,
        remove_classes=False,
        disable_validation=True,
        css_text=css or None,
        # CSS widths must not become width="100%" attributes: Outlook reads those.
        disable_basic_attributes=["width", "height"],
        cssutils_logging_level=logging.CRITICAL,
        # Speed: this option parses every <img> style again (~0.5 ms per image, per build)
        # to turn a CSS float into align=; without a float anywhere there is nothing to do.
        align_floating_images="float" in marked or "float" in css,
    )
    # premailer cannot see <style> inside MSO conditional comments: unmark those itself.
    out = inliner.transform(pretty_print=False).replace(' data-premailer="ignore"', "")
    out = re.sub(r'"digest-link-(\d+)"', lambda m: f'"{parked[int(m.group(1))]}"', out)
    # premailer drops MJML's lowercase doctype (its check is case-sensitive).
    if not out.lstrip().lower().startswith("<!doctype"):
        out = "<!doctype html>" + out
    return str(out)


def render_text(digest: Digest, config: Config, merge: MergeTags | None = None) -> str:
    """Stage: Digest -> plain text, for the text/plain part and for pipes."""
    width = 72
    merge = merge or MergeTags()
    digest = copyedit(digest, config)
    issue = f" · Issue {digest.issue_number}" if digest.issue_number else ""
    lines = [digest.title.upper(), longdate(digest.date, digest.lang) + issue, ""]
    if merge.first_name:
        lines += [f"Hi {merge.first_name},", ""]
    if digest.intro:
        lines += [textwrap.fill(digest.intro, width), ""]
    for n, (story, slots) in enumerate(zip(digest.stories, placed(digest, config), strict=True)):
        heading = heading_of(digest, n)
        if heading:
            lines += ["=" * width, heading.upper(), ""]
        lines += ["-" * width, "", textwrap.fill(story.headline, width)]
        if story.byline:
            lines.append(f"By {story.byline}")
        lines.append("")
        for paragraph in story.lead:
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
            lines += [f"{config.button}: {story.url}", ""]
        for slot in slots:
            lines += ["-" * width, "", slot.label.upper(), textwrap.fill(slot.text, width)]
            lines += [slot.url, ""] if slot.url else [""]
    footer = footer_view(config, merge)
    lines += ["-" * width, "", textwrap.fill(footer.text, width)]
    if footer.address:
        lines.append(footer.address)
    if footer.unsubscribe:
        lines.append(f"Unsubscribe: {footer.unsubscribe}")
    if footer.web_version:
        lines.append(f"View in your browser: {footer.web_version}")
    return "\n".join(lines).rstrip() + "\n"


def render(
    digest: Digest, config: Config, templates: Path | None = None, merge: MergeTags | None = None
) -> Email:
    """Digest -> Email, through every rendering stage."""
    for problem in low_contrast(config.theme):
        log.warning("%s", problem)
    given = config.preheader
    if given and not PREHEADER_MIN <= len(given) <= PREHEADER_MAX:
        log.warning(
            "preheader is %d characters; inboxes show about %d-%d, so edit it in digest.toml",
            *(len(given), PREHEADER_MIN, PREHEADER_MAX),
        )
    digest = copyedit(digest, config)
    html = compile_mjml(render_mjml(digest, config, templates, merge))
    html = minify_html(inline_css(html, inline_rules(config, templates)))
    return Email(
        subject=subject_of(digest),
        preheader=preheader_of(digest, config.preheader),
        html=html,
        text=render_text(digest, config, merge),
    )
