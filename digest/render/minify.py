"""Shrink the finished HTML without changing what any mail client shows.

Gmail clips messages over about 102 KB, so bytes matter. Only white space
that HTML ignores is removed; MSO conditional comments and <pre> are copied
unchanged, and attribute values (links, merge tags) are never touched.
"""

from __future__ import annotations

import re

# Conditional comments (<!--[if mso]>...<![endif]-->, <!--<![endif]-->) are code for
# Outlook: they are cut out first and put back byte for byte.
_CONDITIONAL = re.compile(r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->|<!--<!\[endif\]-->", re.S)
_PLAIN_COMMENT = re.compile(r"<!--(?!\[if|<!\[endif).*?-->", re.S)
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S | re.I)
_PRE = re.compile(r"<(pre|textarea)\b.*?</\1>", re.S | re.I)
_KEPT = re.compile(r"<\x00(\d+)\x00>")
# premailer writes `a:b; c:d`: the space after each semicolon is dead weight.
_STYLE_ATTR = re.compile(r'( style=")([^"]*)"')
# White space between two tags, with the name of the tag on each side
# (a kept conditional comment counts as a tag named "\x00<n>\x00").
_NAME = r"([a-zA-Z][a-zA-Z0-9]*|\x00\d+\x00)"
_BETWEEN = re.compile(rf"(<(/?){_NAME}[^<>]*>)(\s+)(?=<(/?){_NAME})")
_TEXT = re.compile(r">([^<]+)<")
# Next to these tags white space never shows: it can go. Between inline tags
# (<a>, <b>, <span>, <img>) one space is a visible word gap and stays.
_BLOCK_TAGS = (
    "html head body title meta style link table thead tbody tfoot tr td th div p h1 h2 h3 "
    "h4 h5 h6 blockquote ul ol li center hr br noscript xml"
)
_BLOCK = frozenset(_BLOCK_TAGS.split())


def minify_css(css: str) -> str:
    """Drop comments and the white space around CSS punctuation."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    css = re.sub(r";}", "}", css)
    return re.sub(r"\s+", " ", css).strip()


def _between_tags(match: re.Match[str]) -> str:
    left, right = match.group(3).lower(), match.group(6).lower()
    if left in _BLOCK or right in _BLOCK or "\x00" in left + right:
        return match.group(1)
    return match.group(1) + " "


def minify_html(html: str) -> str:
    """Collapse white space HTML ignores; keep conditional comments and <pre> exact."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"<\x00{len(kept) - 1}\x00>"

    html = _CONDITIONAL.sub(keep, html)
    html = _PRE.sub(keep, html)
    html = _PLAIN_COMMENT.sub("", html)
    html = _STYLE.sub(lambda m: m.group(1) + minify_css(m.group(2)) + m.group(3), html)
    html = _STYLE_ATTR.sub(lambda m: m.group(1) + re.sub(r";\s+", ";", m.group(2)) + '"', html)
    html = _BETWEEN.sub(_between_tags, html)
    html = _TEXT.sub(lambda m: ">" + re.sub(r"\s+", " ", m.group(1)) + "<", html)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], html)
