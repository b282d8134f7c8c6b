"""What each digest.toml value may be, beyond its type: ranges, choices, one-line text.

`config.build_section` checks every value against these rules when the file is
read, so a typo (`lead_paragraphs = -5`, `format = "pdf"`, `port = 99999999`) is
one line naming the file, key, value and what is allowed, not a surprise later.
"""

from __future__ import annotations

import re
from typing import Any

from digest.vocabulary import FORMATS, PRESETS

SECURITY = ("auto", "starttls", "ssl", "none")  # [smtp] security

# Whole numbers: (smallest, largest). A list's rule applies to each of its items.
RANGES: dict[str, tuple[int, int]] = {
    "issue_number": (1, 999_999),
    "lead_paragraphs": (0, 10),
    "lead_words": (10, 1000),
    "quote_words": (5, 200),
    "max_stories": (1, 1000),
    "sections.max": (1, 1000),
    "slots.after": (1, 1000),
    "smtp.port": (1, 65535),
    "email.list_ids": (1, 2**31 - 1),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "email.format": tuple(FORMATS),
    "email.esp": tuple(PRESETS),
    "smtp.security": SECURITY,
}
# Text that goes into a header, an attribute or a single line of the email.
ONE_LINE = {
    "title",
    "lead_story",
    "more_section",
    "sections.name",
    "sections.title",
    "slots.label",
    "slots.image_alt",
    "lang",
    "button",
    "preheader",
    "brand.name",
    "brand.logo_alt",
    "email.from",
    "email.to",
    "email.reply_to",
    "email.unsubscribe_mailto",
    "utm.source",
    "utm.medium",
    "utm.campaign",
    "smtp.host",
    "smtp.user",
}
NOT_EMPTY = {"title", "lang", "brand.name", "smtp.host", "sections.name", "more_section"}
# A BCP 47 language tag as HTML's lang= takes it: en, pt-BR, zh-Hant-TW.
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_BREAKS = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")


def problem(dotted: str, value: Any) -> str | None:
    """What is allowed for `dotted`, when `value` breaks its rule; None when it is fine."""
    if dotted in RANGES:
        low, high = RANGES[dotted]
        items = value if isinstance(value, tuple | list) else (value,)
        if any(
            not isinstance(i, int) or isinstance(i, bool) or not low <= i <= high for i in items
        ):
            each = "whole numbers" if isinstance(value, tuple | list) else "a whole number"
            return f"{each} from {low} to {high}"
    if dotted in CHOICES and value not in CHOICES[dotted]:
        return f"one of {', '.join(CHOICES[dotted])}"
    if isinstance(value, str):
        if dotted in NOT_EMPTY and not value.strip():
            return "some text, not empty"
        if dotted in ONE_LINE and _BREAKS.search(value):
            return "one line, without line breaks or control characters"
        if dotted == "lang" and not _LANG.fullmatch(value):
            return "a language tag such as en, de or pt-BR"
    return None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
