"""`digest check`: what an inbox or a screen reader would trip over in an HTML email.

Each check is a small function returning problems; `check_html` runs them all.
A problem is `fatal` when the email is broken as sent (Gmail clips it, or a link
would run script); the rest are warnings that `--strict` turns into failures.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

from digest.errors import InputError
from digest.links import is_allowed_href, is_merge_tag
from digest.render.contrast import AA, contrast
from digest.render.inbox import GMAIL_CLIP, KB, PREHEADER_MAX, PREHEADER_MIN
from digest.sources.decoding import binary_kind

SIZE_WARN = 90 * KB  # ESPs add tracking links and headers: stay below this
SIZE_CLIP = GMAIL_CLIP
# Link text that says nothing on its own (screen readers list links out of context).
VAGUE_LINK_TEXT = {"click here", "here", "read more", "more", "link", "this", "learn more"}
_UNSUBSCRIBE = re.compile(r"unsub|opt[\s-]?out", re.I)
_INVISIBLE = "\u034f\u200b\u200c\u200d\u00a0\u2007\ufeff\u00ad"
COLUMN = 600  # the email's width: a wider image pushes phones (and Outlook) sideways
MIN_TEXT_PX = 14  # smaller body text is hard to read on a phone
# Headlines a page or a summarizer gives when it found no real one.
BOILERPLATE_HEADLINES = {
    "untitled", "untitled story", "untitled document", "no title", "title", "headline",
    "home", "homepage", "index", "news", "article", "page not found", "404", "404 not found",
    "access denied", "sign in", "log in", "subscribe", "subscribe to continue reading",
    "just a moment...", "loading...", "error",
}  # fmt: skip
_STYLE_PROP = re.compile(r"(?:^|;)\s*([a-z-]+)\s*:\s*([^;]+)")
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


@dataclass(frozen=True)
class Problem:
    message: str
    fatal: bool = False


Check = Callable[[bytes, lxml.html.HtmlElement], Iterator[Problem]]


def check_size(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    size = len(raw)
    if size > SIZE_CLIP:
        yield Problem(
            f"{size / KB:.1f} KB: Gmail clips emails over about {SIZE_CLIP // KB} KB; "
            "cut stories or lead paragraphs",
            fatal=True,
        )
    elif size > SIZE_WARN:
        yield Problem(
            f"{size / KB:.1f} KB: close to Gmail's {SIZE_CLIP // KB} KB clip limit once an "
            f"email service adds tracking; aim for under {SIZE_WARN // KB} KB"
        )


def check_lang(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    if not (doc.get("lang") or "").strip():
        yield Problem('<html> has no lang attribute; screen readers need it (lang="en")')


def check_images(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    for img in doc.iter("img"):
        if img.get("alt") is None:
            src = img.get("src") or "(no src)"
            yield Problem(f'image {_short(src)} has no alt text; add alt="..." (alt="" if decor)')


def check_image_widths(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    for img in doc.iter("img"):
        src = _short(img.get("src") or "(no src)")
        width = (img.get("width") or "").strip()
        if not width.isdigit():
            yield Problem(
                f"image {src} has no width attribute; Outlook shows it at full size, maybe wider "
                f'than the {COLUMN} px column: add width="544" (and max-width:100% in CSS)'
            )
        elif int(width) > COLUMN:
            yield Problem(f"image {src} is {width} px wide, wider than the {COLUMN} px column")


def check_text(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    """Visible text under 14 px, or too close in colour to its background (inline styles)."""
    small: dict[str, str] = {}
    faint: dict[str, str] = {}
    for el in _text_elements(doc):
        sample = _short(" ".join(el.text_content().split()), 40)
        size = _inherited(el, "font-size")
        if size and size.endswith("px") and _number(size) < MIN_TEXT_PX:
            small.setdefault(size, sample)
        fore, back = _inherited(el, "color"), _background(el)
        if fore and back and _HEX.fullmatch(fore) and contrast(fore, back) < AA:
            faint.setdefault(f"{fore} on {back} ({contrast(fore, back):.1f}:1)", sample)
    for size, sample in small.items():
        yield Problem(f"text at {size} ({sample!r}); body text needs {MIN_TEXT_PX} px or more")
    for pair, sample in faint.items():
        yield Problem(f"text {pair} ({sample!r}) is hard to read; WCAG AA needs {AA}:1")


def check_headlines(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    for heading in doc.iter("h1", "h2", "h3"):
        text = " ".join(heading.text_content().translate(_HIDE).split())
        if not text:
            yield Problem(f"an empty <{heading.tag}> headline; give the story a title")
        elif text.lower().strip(" .:!|-") in BOILERPLATE_HEADLINES:
            yield Problem(
                f"headline {text!r} is boilerplate; set `title:` in the seed's front matter"
            )


def check_links(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    ids = {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
    for link in doc.iter("a"):
        href = link.get("href")
        if href is None:
            continue  # a named anchor, not a link
        label = _label(link)
        if href.startswith("#") and len(href) > 1:  # a jump within the email ("In this issue")
            if href[1:] not in ids:
                yield Problem(f"link {label!r} jumps to {href}, which is not in the email")
        elif not href.strip():
            yield Problem(f"link {label!r} has an empty href; give it a URL or remove it")
        elif not is_allowed_href(href):
            yield Problem(
                f"link {label!r} goes to {_short(href)}; only http(s):// and mailto: links "
                "(or an email service's merge tag) work in every inbox",
                fatal=href.strip().lower().startswith(("javascript:", "data:", "vbscript:")),
            )
        if not label:
            yield Problem(f"link to {_short(href)} has no text; screen readers announce nothing")
        elif label.lower().strip(" .:!…") in VAGUE_LINK_TEXT and not link.get("aria-label"):
            yield Problem(f"link text {label!r} means nothing on its own; name the target")


def check_unsubscribe(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    for link in doc.iter("a"):
        href = link.get("href") or ""
        if _UNSUBSCRIBE.search(_label(link)) or (
            _UNSUBSCRIBE.search(href) and (is_allowed_href(href) or is_merge_tag(href))
        ):
            return
    yield Problem(
        "no unsubscribe link; set [footer] unsubscribe_url in digest.toml "
        "(or use an email service's merge tag)"
    )


def check_preheader(raw: bytes, doc: lxml.html.HtmlElement) -> Iterator[Problem]:
    body = doc.find("body")
    hidden = next(
        (
            el
            for el in (body.iter("div", "span") if body is not None else ())
            if "display:none" in (el.get("style") or "").replace(" ", "").lower()
        ),
        None,
    )
    if hidden is None:
        yield Problem("no preheader: inboxes will preview the first body text instead")
        return
    text = " ".join(hidden.text_content().translate({ord(c): " " for c in _INVISIBLE}).split())
    if not PREHEADER_MIN <= len(text) <= PREHEADER_MAX:
        yield Problem(
            f"preheader is {len(text)} characters; inboxes show {PREHEADER_MIN}-{PREHEADER_MAX}"
        )


CHECKS: tuple[Check, ...] = (
    check_size,
    check_lang,
    check_images,
    check_image_widths,
    check_text,
    check_headlines,
    check_links,
    check_unsubscribe,
    check_preheader,
)


def check_html(html: str | bytes) -> list[Problem]:
    """Every problem found in one HTML email, in check order."""
    raw = html.encode("utf-8") if isinstance(html, str) else html
    if not raw.strip():
        return [Problem("the file is empty", fatal=True)]
    # Decode first: lxml reads bytes without a <meta charset> as Latin-1.
    try:
        doc = lxml.html.document_fromstring(raw.decode("utf-8", errors="replace"))
    except lxml.etree.ParserError:
        return [Problem("no HTML found in the file", fatal=True)]
    return [problem for check in CHECKS for problem in check(raw, doc)]


def check_file(path: Path) -> tuple[int, list[Problem]]:
    """(size in bytes, problems) for the HTML file at `path` (`-`: standard input)."""
    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from exc
    binary = binary_kind(raw)
    if binary:
        raise InputError(f"{path}: {binary}, not an HTML email; give the .html file to check")
    return len(raw), check_html(raw)


def _label(link: lxml.html.HtmlElement) -> str:
    """What a screen reader announces: aria-label, else the text, else image alt text."""
    text = link.get("aria-label") or link.text_content()
    if not text.strip():
        text = " ".join(img.get("alt") or "" for img in link.iter("img"))
    return " ".join(text.translate({ord(c): " " for c in _INVISIBLE}).split())


_HIDE = {ord(c): " " for c in _INVISIBLE}


def _style(el: lxml.html.HtmlElement) -> dict[str, str]:
    return {k: v.strip().lower() for k, v in _STYLE_PROP.findall(el.get("style") or "")}


def _text_elements(doc: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Elements in <body> with text of their own that a reader sees (not the preheader)."""
    body = doc.find("body")
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("style", "script", "title"):
            continue
        own = (el.text or "") + "".join(child.tail or "" for child in el)
        if not own.translate(_HIDE).strip():
            continue
        if any(_style(a).get("display") == "none" for a in el.iterancestors(None)) or (
            _style(el).get("display") == "none"
        ):
            continue
        yield el


def _inherited(el: lxml.html.HtmlElement, prop: str) -> str | None:
    for node in (el, *el.iterancestors(None)):
        value = _style(node).get(prop)
        if value:
            return value.replace("!important", "").strip()
    return None


def _background(el: lxml.html.HtmlElement) -> str | None:
    for node in (el, *el.iterancestors(None)):
        style = _style(node)
        for value in (style.get("background-color"), style.get("background"), node.get("bgcolor")):
            found = _HEX.search(value or "")
            if found:
                return found.group(0)
    return None


def _number(value: str) -> float:
    try:
        return float(re.sub(r"[a-z%]+$", "", value))
    except ValueError:
        return float("inf")


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
