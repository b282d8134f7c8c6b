"""The edition's language and each story's: lang= and dir= attributes, dates in words.

A story in another language than the edition's (a French story in an English
edition) is marked with its own lang= (and dir="rtl" for Arabic, Hebrew...), so
screen readers pronounce it and the text runs the right way. Dates are written
in the edition's language with Babel's CLDR data.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_RTL_LANGS = {"ar", "arc", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "sd", "ur", "yi"}
# A BCP 47 language tag as HTML's lang= takes it: en, pt-BR, zh-Hant-TW.
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def text_direction(lang: str) -> str:
    """`rtl` for right-to-left languages (Arabic, Hebrew, Persian, Urdu...), else `ltr`."""
    return "rtl" if primary(lang) in _RTL_LANGS else "ltr"


def primary(lang: str) -> str:
    """'pt-BR' -> 'pt'."""
    return lang.split("-")[0].lower()


def language_tag(value: str | None) -> str | None:
    """A page's or front matter's language as a lang= value; None when it is not a tag."""
    value = (value or "").strip().replace("_", "-")
    return value if LANG_TAG.fullmatch(value) else None


def longdate(day: dt.date, lang: str = "en") -> str:
    """'November 30, 2026', in `lang` ('30 novembre 2026'); English for a language
    Babel does not know."""
    return _format_long(day, lang)


@lru_cache(maxsize=64)
def _format_long(day: dt.date, lang: str) -> str:
    if lang.lower() not in ("en", "en-us"):  # the common case needs no CLDR data
        from babel import Locale, UnknownLocaleError
        from babel.dates import format_date

        try:
            locale = Locale.parse(lang.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            locale = None
        if locale is not None:
            return format_date(day, format="long", locale=locale)
    return f"{day:%B} {day.day}, {day.year}"
