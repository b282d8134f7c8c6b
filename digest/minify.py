"""Shrink the finished HTML without changing what any mail client shows.

Gmail clips messages over about 102 KB, so bytes matter. Only white space
that HTML ignores is removed; MSO conditional comments are copied unchanged.
"""

from __future__ import annotations

import re

# Conditional comments (<!--[if mso]>...<![endif]-->, <!--<![endif]-->) are code for
# Outlook: they are cut out first and put back byte for byte.
_CONDITIONAL = re.compile(r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->|<!--<!\[endif\]-->", re.S)
_PLAIN_COMMENT = re.compile(r"<!--(?!\[if|<!\[endif).*?-->", re.S)
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S | re.I)
_PRE = re.compile(r"<(pre|textarea)\b.*?</\1>", re.S | re.I)
# White space containing a line break between two tags is template layout, not text.
_LAYOUT_SPACE = re.compile(r">\s*\n\s*<")
_RUNS = re.compile(r"[ \t\r\n]{2,}")
# premailer writes `a:b; c:d`: the space after each semicolon is dead weight.
_STYLE_ATTR = re.compile(r'( style=")([^"]*)"')


def minify_css(css: str) -> str:
    """Drop comments and the white space around CSS punctuation."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    css = re.sub(r";}", "}", css)
    return re.sub(r"\s+", " ", css).strip()


def minify_html(html: str) -> str:
    """Collapse layout white space; keep conditional comments and <pre> exact."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"<\x00{len(kept) - 1}\x00>"

    html = _CONDITIONAL.sub(keep, html)
    html = _PRE.sub(keep, html)
    html = _PLAIN_COMMENT.sub("", html)
    html = _STYLE.sub(lambda m: m.group(1) + minify_css(m.group(2)) + m.group(3), html)
    html = _STYLE_ATTR.sub(lambda m: m.group(1) + re.sub(r";\s+", ";", m.group(2)) + '"', html)
    html = _LAYOUT_SPACE.sub("><", html)
    html = _RUNS.sub(" ", html)
    return re.sub(r"<\x00(\d+)\x00>", lambda m: kept[int(m.group(1))], html)
