"""Where each edition lives in the archive, and its public address from the `web_url` pattern."""

from __future__ import annotations

from dataclasses import dataclass

from digest.editions.store import Edition
from digest.editions.weburl import web_url_for


@dataclass(frozen=True)
class Place:
    """One edition's page: its folder in OUT_DIR and its address on the web (if known)."""

    edition: Edition
    folder: str  # "3" or "2026-11-23": the page is FOLDER/index.html
    url: str | None  # from [footer] web_url, e.g. https://news.example/newsletter/3/


def places(editions: list[Edition], pattern: str | None) -> list[Place]:
    """Newest first. Folders follow the pattern ({issue}, else {date}) so its links resolve."""
    by_date = pattern is not None and "{date}" in pattern and "{issue}" not in pattern
    taken: set[str] = set()
    found = []
    for edition in editions:
        folder = _folder(edition, by_date, taken)
        taken.add(folder)
        url = web_url_for(pattern, edition.issue, edition.date) if pattern else None
        found.append(Place(edition, folder, url if url and "{" not in url else None))
    return found


def archive_root(pattern: str | None) -> str | None:
    """`https://news.example/newsletter/{issue}/` -> `https://news.example/newsletter/`."""
    if not pattern or "{" not in pattern:
        return None
    root = pattern.split("{", 1)[0]
    return root if root.endswith("/") else None


def _folder(edition: Edition, by_date: bool, taken: set[str]) -> str:
    day = edition.date.isoformat()
    if by_date or edition.issue is None:
        return day
    number = str(edition.issue)
    # Two editions given the same number (issue_number set by hand): the later date keeps it.
    return number if number not in taken else f"{number}-{day}"
