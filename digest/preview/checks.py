"""The checks the preview page lists beside the email.

A small built-in set until `digest check` lands; the page only needs
`findings(html) -> list[str]`, so that module can take over this one function.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Gmail clips a message whose source passes about 102 KB; ESPs add tracking links
# and headers on top of ours, so anything above 90 KB is already at risk.
GMAIL_CLIP_BYTES = 102 * 1024
SAFE_BYTES = 90 * 1024


def findings(html: str) -> list[str]:
    """One line per problem a subscriber would notice; empty when all is well."""
    found = _size_findings(len(html.encode("utf-8")))
    scan = _Scan()
    scan.feed(html)
    scan.close()
    if not scan.html_lang:
        found.append("<html> has no lang attribute: screen readers guess the language; set it")
    if scan.images_without_alt:
        shown = ", ".join(scan.images_without_alt[:3])
        more = len(scan.images_without_alt) - 3
        extra = f" and {more} more" if more > 0 else ""
        found.append(
            f"{len(scan.images_without_alt)} image(s) without alt text ({shown}{extra}); "
            'add alt, or alt="" for decoration'
        )
    return found


def _size_findings(size: int) -> list[str]:
    kb = size / 1024
    if size > GMAIL_CLIP_BYTES:
        return [f"{kb:.1f} KB: over Gmail's 102 KB clip, the end is cut off; drop stories"]
    if size > SAFE_BYTES:
        return [f"{kb:.1f} KB: ESP tracking may push it past Gmail's 102 KB clip; stay under 90"]
    return []


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang = False
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = bool((values.get("lang") or "").strip())
        elif tag == "img" and "alt" not in values:
            self.images_without_alt.append(values.get("src") or "an <img> with no src")

    handle_startendtag = handle_starttag
