"""Why each block of a seed was kept or dropped, for an editor checking a summary."""

from __future__ import annotations

from dataclasses import dataclass

from digest.model import Seed
from digest.summarize import Analysis, analyse_seed
from digest.summarize.blocks import key
from digest.summarize.page import PROSE, TEXT

_WIDTH = 72


@dataclass(frozen=True)
class Line:
    line: int  # where the block starts in the seed body (1-based)
    label: str
    text: str

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "label": self.label, "text": self.text}


def explain(seed: Seed) -> list[Line]:
    """One line per block of the seed (for HTML, of the text trafilatura kept)."""
    analysis = analyse_seed(seed)
    lines = [_front_matter(seed)] if _front_matter(seed).label else []
    if seed.kind == "html":
        note = "html: page chrome removed by trafilatura; title, author, URL, image from markup"
        lines.append(Line(0, note, ""))
    lines += [
        Line(block.line_no, label_of(analysis, i), block.text)
        for i, block in enumerate(analysis.page.blocks)
    ]
    return lines


def label_of(analysis: Analysis, i: int) -> str:
    page = analysis.page
    if i == analysis.headline:
        return "headline"
    if i == analysis.byline:
        return "byline"
    if i in analysis.lead:
        return "lead"
    speakers = [q.speaker or "?" for q in analysis.quotes if q.index == i]
    if speakers:
        return f"quote ({', '.join(dict.fromkeys(speakers))})"
    if i in page.notes:
        return page.notes[i]
    if page.kinds[i] == TEXT:
        return _text_label(analysis, i)
    if page.kinds[i] == PROSE:
        inside = page.start <= i < page.end
        return "kept: body, not in the summary" if inside else "dropped: outside the article body"
    return page.reasons[i]


def _text_label(analysis: Analysis, i: int) -> str:
    """Why a short line was dropped, from where it sits and what it repeats."""
    page = analysis.page
    block = page.blocks[i]
    if block.words >= 4 and any(block.key in key(q.text) for q in analysis.quotes):
        return "dropped: pull quote (repeats a quote)"
    if page.repeated(i) > 2 or (page.repeated(i) == 2 and page.start <= i < page.end):
        return f"dropped: repeated {page.repeated(i)} times on the page (ad or menu)"
    if analysis.headline is not None and i < analysis.headline:
        return "dropped: above the headline (kicker, site name or menu)"
    return page.reasons[i]


def _front_matter(seed: Seed) -> Line:
    fields = [k for k, v in vars(seed.meta).items() if v]
    label = f"front matter wins: {', '.join(fields)}" if fields else ""
    return Line(0, label, "")


def render(lines: list[Line]) -> str:
    """One row per block: seed line, label, the start of the text."""
    rows = []
    for item in lines:
        text = item.text if len(item.text) <= _WIDTH else item.text[: _WIDTH - 1] + "…"
        rows.append(f"{item.line:>5}  {item.label:<44}  {text}".rstrip())
    return "\n".join(rows)
