"""WCAG contrast of the theme's colour pairs, so a re-brand cannot make text unreadable.

The browser tests measure the default theme in Chromium; this catches a user's
digest.toml colours at build time, before anyone opens the email.
"""

from __future__ import annotations

from digest.config import Theme

AA = 4.5  # WCAG 2 level AA for body text


def luminance(colour: str) -> float:
    """Relative luminance of #rgb or #rrggbb (WCAG 2 definition)."""
    hexes = colour.lstrip("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)
    channels = [int(hexes[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (text colour, background colour) as the theme pairs them.
PAIRS = (
    ("text", "card"),
    ("muted", "card"),
    ("muted", "background"),
    ("accent", "card"),
    ("on_accent", "accent"),
    ("dark_text", "dark_card"),
    ("dark_muted", "dark_card"),
    ("dark_muted", "dark_background"),
    ("dark_accent", "dark_card"),
)


def low_contrast(theme: Theme) -> list[str]:
    """One message per colour pair below 4.5:1."""
    problems = []
    for fore, back in PAIRS:
        ratio = contrast(getattr(theme, fore), getattr(theme, back))
        if ratio < AA:
            problems.append(
                f"theme: {fore} {getattr(theme, fore)} on {back} {getattr(theme, back)} is "
                f"{ratio:.1f}:1; text needs {AA}:1 to stay readable, change one in digest.toml"
            )
    return problems
