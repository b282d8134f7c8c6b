"""An HTML page's article as the same text a text seed holds: one block per paragraph.

trafilatura finds the article and drops the boilerplate. Its plain-text output puts
every paragraph and every <br> on a line of its own with no blank line between
them, so a paragraph broken by <br> fell apart into blocks and a quote lost the
sentence that names its speaker. Its document tree keeps the structure: each
paragraph, heading, list or quoted paragraph becomes a block (a blank line between
blocks), and a <br> is a line break inside its block, as in a scraped page's text.

trafilatura also drops pull quotes (an <aside>, or an element whose class says
"pull"), which a text seed keeps and which tell which quote the page thinks best:
one that repeats a sentence of a paragraph is put back under that paragraph.
"""

from __future__ import annotations

from typing import Any

from digest.summarize.blocks import key, norm

_CONTAINERS = {"quote", "div", "main"}  # hold paragraphs of their own: one block each
_PULL = '//aside | //*[contains(translate(@class, "PUL", "pul"), "pull")]'
_PULL_WORDS = (4, 40)


def article_text(source: str, doc: Any) -> str:
    """The article's blocks, a blank line between them."""
    import trafilatura

    # The extracted tree itself: serialising it to XML would also fingerprint it.
    found = trafilatura.bare_extraction(
        source,
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
    return "\n\n".join(_with_pull_quotes([b for b in blocks if b], doc))


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
    """The element's text, a line for each <lb/>, spaces inside each line collapsed."""
    for lb in element.iter("lb"):
        lb.text = "\n"
    return "\n".join(filter(None, map(norm, "".join(element.itertext()).split("\n"))))


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
