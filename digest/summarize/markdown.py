"""Markdown seeds: strip the markup to plain blocks, take the first "# " heading as title.

Only the markup is removed (heading marks, emphasis, link targets, images, code
fences); the words are kept as written.
"""

from __future__ import annotations

import re

from digest.summarize.hints import Hints

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# Underscores only at word edges: snake_case names in prose are not emphasis.
_EMPHASIS = re.compile(r"(\*\*|\*|`|(?<!\w)__|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def read_markdown(text: str) -> tuple[str, Hints]:
    title = next((m.group(1) for m in _HEADING.finditer(text) if m.group(0).startswith("# ")), None)
    text = _COMMENT.sub("", _FENCE.sub("", text))
    text = _HEADING.sub(r"\1", text)
    text = _SETEXT.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _QUOTE_MARK.sub("", text)
    return text, Hints(title=_EMPHASIS.sub(r"\2", _LINK.sub(r"\1", title)) if title else None)
