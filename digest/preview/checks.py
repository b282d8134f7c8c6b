"""The checks the preview page lists beside the email: exactly what `digest check` reports."""

from __future__ import annotations

from digest.render.check import SIZE_CLIP, check_html

GMAIL_CLIP_BYTES = SIZE_CLIP


def findings(html: str) -> list[str]:
    """One line per problem a subscriber would notice; empty when all is well."""
    return [problem.message for problem in check_html(html)]
