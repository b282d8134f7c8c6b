"""A quote found on the page, before it becomes a Quote in the story.

Its own module so the finders (quotes, interview, excerpts) and the attribution
rules all depend on it, and none of them on each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Found:
    text: str
    speaker: str | None
    index: int  # block index, for page order
    how: str  # "reported", "interview", "block", "excerpt"
    pull: bool = False

    def score(self, order: int) -> float:
        """Pull quotes first, then whole sentences before fragments, in page order."""
        value = 100.0 if self.pull else 0.0
        value += 10.0 if self.text[:1].isupper() or self.text[:1] in '[“"' else -10.0
        value -= 3.0 if len(self.text.split()) < 8 else 0.0
        value -= 5.0 if self.how == "interview" else 0.0
        value -= 3.0 if self.speaker and self.speaker[:1].islower() else 0.0
        return value - order
