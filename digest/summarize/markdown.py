"""Markdown seeds: plain blocks from the parsed document, the first "# " heading as title.

markdown-it-py (CommonMark) parses the seed, so inline and reference links,
emphasis, escapes and entities come out as the reader sees them. Only the markup
goes (heading marks, link targets, images, HTML comments and tags, code blocks);
the words are kept as written, one block per paragraph, heading or list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digest.summarize.hints import Hints

if TYPE_CHECKING:
    from markdown_it.token import Token

# Inline pieces that are markup only: their words (if any) are in the text tokens between.
_DROPPED = {"image", "html_inline"}
_BREAKS = {"softbreak", "hardbreak"}


def read_markdown(text: str) -> tuple[str, Hints]:
    """The seed as plain blocks (a blank line between them) and its first-level heading."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[str] = []
    title: str | None = None
    tight = False  # items of a tight list share one block, a line each, as written
    marker = ""
    join = False
    for n, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            tight, join = n + 2 < len(tokens) and tokens[n + 2].hidden, False
        elif token.type == "list_item_open":
            marker = f"{token.info}{token.markup} " if token.info else f"{token.markup} "
        elif token.type == "inline":
            line = marker + _inline(token)
            if marker and join:
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
            join, marker = bool(marker) and tight, ""
            if title is None and tokens[n - 1].tag == "h1":
                title = _inline(token)
        elif token.type == "html_block" and not token.content.lstrip().startswith("<!--"):
            blocks.append(token.content.strip())
    return "\n\n".join(b for b in blocks if b.strip()), Hints(title=title or None)


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in _BREAKS:
            parts.append("\n")
        elif child.type not in _DROPPED:
            parts.append(child.content)  # text and code spans; link and emphasis marks are empty
    return "".join(parts).strip()
