"""An HTML page's article as the same text a text seed holds: one block per paragraph.

trafilatura finds the article and drops the boilerplate. Its plain-text output puts
every paragraph and every <br> on a line of its own with no blank line between
them, so a paragraph broken by <br> fell apart into blocks and a quote lost the
sentence that names its speaker. Its document tree keeps the structure: each
paragraph, heading, list or quoted paragraph becomes a block (a blank line between
blocks), and a <br> is a line break inside its block, as in a scraped page's text.

Where the browser shows what trafilatura drops, the page is adjusted first: an
inline <q> gets the quotation marks a browser draws around it, and a blockquote's
<footer> or <cite> (the "— Name" line under a quoted post) stays as a paragraph.
The lines between the title and the story (byline, date) are
kept, as a text seed has them, since trafilatura drops them. Two <br> in a row
are a paragraph break, as they look on screen. trafilatura also
drops pull quotes (an <aside>, or an element whose class says "pull"), which a
text seed keeps and which tell which quote the page thinks best: one that repeats
a sentence of a paragraph is put back under that paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from digest.summarize.blocks import key, norm

_CONTAINERS = {"quote", "div", "main"}  # hold paragraphs of their own: one block each
_PULL = '//aside | //*[contains(translate(@class, "PUL", "pul"), "pull")]'
_PULL_WORDS = (4, 40)
_LEAVES = {"p", "div", "time", "address", "li", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "noscript", "template", "button", "svg", "form"}
_HEADER_WORDS = 15  # a byline or date line; a longer one is the story starting
_HEADER_LINES = 8
_LB = "\ue000"  # stands for <lb/> while text is collected: a newline in the source is a space
_PARAGRAPH_BREAK = re.compile(rf"{_LB}(?:\s*{_LB})+")
_ATTRIBUTION = "//blockquote//footer | //blockquote//cite[not(ancestor::p or ancestor::footer)]"


def article_text(source: str, doc: Any) -> str:
    """The article's blocks, a blank line between them."""
    import trafilatura

    # The extracted tree itself: serialising it to XML would also fingerprint it.
    found = trafilatura.bare_extraction(
        _as_shown(source, doc),
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        with_metadata=False,
    )
    body = getattr(found, "body", None)
    if body is None or not len(body):
        # No article found: the visible text, one block per paragraph element.
        texts = (el.text_content() for el in doc.iter("p", "h1", "h2", "h3", "li", "blockquote"))
        return "\n\n".join(b for b in map(norm, texts) if b)
    blocks: list[str] = []
    for element in body:
        _add(element, blocks)
    blocks = _with_header([b for b in blocks if b], doc)
    return "\n\n".join(_with_pull_quotes(blocks, doc))


def _add(element: Any, blocks: list[str]) -> None:
    if element.tag in _CONTAINERS and len(element):
        if element.text and element.text.strip():
            blocks.append(norm(element.text))
        for child in element:
            _add(child, blocks)
            if child.tail and child.tail.strip():
                blocks.append(norm(child.tail))
    elif element.tag == "list":
        blocks.append("\n".join(f"- {_lines(item)}" for item in element.iter("item")))
    else:
        blocks.append(_lines(element))


def _lines(element: Any) -> str:
    """The element's text: a line for each <lb/>, a blank line for two in a row."""
    for lb in element.iter("lb"):
        lb.text = _LB
    paragraphs = _PARAGRAPH_BREAK.split("".join(element.itertext()))
    lines = ("\n".join(filter(None, map(norm, p.split(_LB)))) for p in paragraphs)
    return "\n\n".join(filter(None, lines))


def _as_shown(source: str, doc: Any) -> str:
    """The page with <q> marks drawn and quote attributions kept (see above)."""
    import lxml.html

    changed = False
    for q in doc.iter("q"):
        q.text = "\u201c" + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + "\u201d"
        else:
            q.text += "\u201d"
        changed = True
    for credit in doc.xpath(_ATTRIBUTION):
        credit.tag = "p"
        changed = True
    return str(lxml.html.tostring(doc, encoding="unicode")) if changed else source


def _with_pull_quotes(blocks: list[str], doc: Any) -> list[str]:
    keys = [f" {key(b)} " for b in blocks]
    after: dict[int, list[str]] = {}
    seen: set[str] = set()
    for element in doc.xpath(_PULL):
        text = norm(element.text_content())
        wanted = f" {key(text)} "
        if not _PULL_WORDS[0] <= len(text.split()) <= _PULL_WORDS[1] or wanted in seen:
            continue
        seen.add(wanted)  # an <aside> and the pull-quote <blockquote> inside it are one
        at = next((i for i, k in enumerate(keys) if wanted in k and k != wanted), None)
        if at is not None:
            after.setdefault(at, []).append(text)
    return [line for i, b in enumerate(blocks) for line in (b, *after.get(i, ()))]


def _with_header(blocks: list[str], doc: Any) -> list[str]:
    """The short lines the page shows between its <h1> and the first paragraph kept."""
    if len(blocks) < 2:
        return blocks
    title = next((h for h in doc.iter("h1") if norm(h.text_content()) == blocks[0]), None)
    if title is None:
        return blocks
    stop, have = key(blocks[1]), {key(b) for b in blocks}
    header: list[str] = []
    for element in _leaves_after(title):
        text = norm(element.text_content())
        if key(text) == stop or len(text.split()) > _HEADER_WORDS or len(header) >= _HEADER_LINES:
            break
        if text and key(text) not in have and text not in header:
            header.append(text)
    return [blocks[0], *header, *blocks[1:]]


def _leaves_after(title: Any) -> Any:
    """Block elements holding no other block element, in page order after `title`."""
    after = False
    for element in title.getroottree().iter():
        if element is title:
            after = True
            continue
        if not after or not isinstance(element.tag, str) or element.tag not in _LEAVES:
            continue
        if title in element.iterancestors() or any(
            a.tag in _SKIPPED for a in element.iterancestors()
        ):
            continue
        if not any(
            isinstance(c.tag, str) and c.tag in _LEAVES for c in element.iter() if c is not element
        ):
            yield element
