"""What a seed's markup states outright (HTML meta, a Markdown title)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hints:
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    image: str | None = None
    section: str | None = None  # article:section or JSON-LD articleSection
    lang: str | None = None  # <html lang>
    site: str | None = None  # og:site_name: shown above the headline when there is no section
