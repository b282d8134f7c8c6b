"""The footer's "view in browser" link for one edition, from the `web_url` pattern."""

from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger(__name__)


def web_url_for(pattern: str | None, issue: int | None, date: dt.date) -> str | None:
    """`https://news.example/newsletter/{issue}/` -> `.../newsletter/3/`; {date} is YYYY-MM-DD."""
    if pattern is None or "{" not in pattern:
        return pattern
    if "{issue}" in pattern and issue is None:
        log.warning(
            "footer.web_url uses {issue} but this edition has no number; the web link is left "
            "out: set issue_number, or build beside a digest.toml so editions number themselves"
        )
        return None
    return pattern.replace("{issue}", str(issue)).replace("{date}", date.isoformat())
