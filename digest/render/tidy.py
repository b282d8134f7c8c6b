"""MJML's HTML, adjusted so fewer mail clients meet CSS they do not support.

Measured with caniemail's data (benchmarks/email_compat.py): Gmail ignores a
<style> block holding type or id selectors, so MJML's head resets go; the ones
only Outlook (Word) needs move into an Outlook-only conditional block, and the
rest of the base look is inlined from templates/inline.css.j2. `word-break` and
`outline`, unsupported in Outlook and Yahoo, leave the inline styles; long words
get break opportunities in the text instead (see `breakable`).
"""

from __future__ import annotations

import re

# MJML's head reset: #outlook a, body, table/td, img and p rules in one <style>.
_RESET = re.compile(r"<style type=\"text/css\">\s*#outlook a\s*\{.*?</style>", re.S)
OUTLOOK_RESET = (
    '<!--[if mso]><style type="text/css">table,td{border-collapse:collapse;'
    "mso-table-lspace:0pt;mso-table-rspace:0pt}img{-ms-interpolation-mode:bicubic}"
    "</style><![endif]-->"
)
# Only full-width mj-image uses this block (type selectors chained to a class).
_FULL_WIDTH = re.compile(
    r"<style type=\"text/css\">\s*@media[^{]*\{\s*table\.mj-full-width.*?</style>", re.S
)
# Column widths for phones vs desktops: with one full-width column they change nothing
# (its width is inline), and the Thunderbird copy uses a selector Gmail rejects.
_ONE_COLUMN = re.compile(
    r"<style type=\"text/css\">@media only screen and \(min-width:480px\)\s*\{\s*"
    r"\.mj-column-per-100 \{[^}]*\}\s*\}</style><style media=\"[^\"]*\">"
    r"\.moz-text-html \.mj-column-per-100 \{[^}]*\}\s*</style>"
)
_COLUMN_CLASS = re.compile(r"mj-column-per-\d+")
_UNSUPPORTED = re.compile(r"(?:word-break:break-word|outline:none);?")
# The card's colour sits on a <div> and on the <table> inside it: dark mode must reach both.
_CARD_TABLE = re.compile(r'(<div class="card"[^>]*>\s*<table )')
_BODY = re.compile(r"<body(?=[\s>])")
_LONG_WORD = re.compile(r"\S{20,}")
_CHUNK = re.compile(r"(\S{12})(?=\S)")
ZWSP = "\u200b"


def tidy(html: str) -> str:
    """MJML output -> the same layout with only the CSS each client can use."""
    html = _RESET.sub(OUTLOOK_RESET, html, count=1)
    if "mj-full-width-mobile" not in html.split("</head>", 1)[-1]:
        html = _FULL_WIDTH.sub("", html)
    if set(_COLUMN_CLASS.findall(html)) == {"mj-column-per-100"}:
        html = _ONE_COLUMN.sub("", html)
    html = re.sub(r' style="([^"]*)"', _clean_style, html)
    html = _CARD_TABLE.sub(r'\1class="card" ', html)
    return _BODY.sub('<body class="bg"', html, count=1)


def _clean_style(match: re.Match[str]) -> str:
    style = _UNSUPPORTED.sub("", match.group(1))
    return f' style="{style}"' if style.strip() else ""


def breakable(text: str | None) -> str:
    """A zero-width space every 12 characters of a very long word (a URL, a compound), so
    a phone can wrap it: the CSS way (word-break) is unsupported in Outlook and Yahoo."""
    if not text:
        return ""
    return _LONG_WORD.sub(lambda m: _CHUNK.sub(rf"\1{ZWSP}", m.group(0)), text)
