"""Why each block of a seed was kept or dropped, for an editor checking a summary, and
how the headline, byline and lead candidates ranked (their scores and the features that
weighed most)."""

from __future__ import annotations

from dataclasses import dataclass, field

from digest.model import Quote, Seed
from digest.summarize import Analysis, analyse_seed
from digest.summarize.blocks import key
from digest.summarize.page import PROSE, TEXT
from digest.summarize.verbatim import normalised

_WIDTH = 72


@dataclass(frozen=True)
class Line:
    line: int  # where the block starts in the seed body (1-based)
    label: str
    text: str

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "label": self.label, "text": self.text}


@dataclass(frozen=True)
class Choice:
    """One ranked candidate: where it is, its score, and what moved the score most."""

    line: int
    score: float
    text: str
    weighed: tuple[tuple[str, float, float], ...]  # (feature, its value, what it added)

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "score": round(self.score, 3),
            "text": self.text,
            "features": [
                {"name": n, "value": v, "weight": round(w, 3)} for n, v, w in self.weighed
            ],
        }


@dataclass(frozen=True)
class Sourced:
    """A quote the story offers the email, where it came from and where the article has it."""

    quote: Quote
    line: int | None  # the seed line of the block holding it; None: not in the article

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.quote.text,
            "speaker": self.quote.speaker,
            "source": self.quote.origin,
            "line": self.line,
            "in_article": self.line is not None,
        }

    def describe(self) -> str:
        where = f"line {self.line}" if self.line is not None else "NOT in the article, left out"
        speaker = f" ({self.quote.speaker})" if self.quote.speaker else ""
        return f"{self.quote.origin}, {where}{speaker}"


@dataclass(frozen=True)
class Explanation:
    rows: list[Line]
    ranking: dict[str, list[Choice]]  # per decision, best first
    quotes: list[Sourced] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "blocks": [row.as_json() for row in self.rows],
            "ranking": {task: [c.as_json() for c in found] for task, found in self.ranking.items()},
            "quotes": [q.as_json() for q in self.quotes],
        }


TOP = 3  # candidates shown per decision
WEIGHED = 3  # features shown per candidate


def explain(seed: Seed) -> Explanation:
    analysis = analyse_seed(seed)
    return Explanation(rows(seed, analysis), ranking(analysis), sources(analysis))


def sources(analysis: Analysis) -> list[Sourced]:
    """Each quote the story offers (then each one left out): its origin and article line."""
    story = analysis.story
    blocks = [(b.line_no, normalised(b.text)) for b in analysis.page.blocks]
    found: list[Sourced] = []
    for quote in (*story.quotes, *story.unsourced):
        wanted = normalised(quote.text).strip(" \"'")
        lines = [n for n, text in blocks if wanted and wanted in text]
        line = lines[0] if lines else None
        if line is None and quote in story.quotes:
            line = 0  # in the article across blocks: sourced, on no one line
        found.append(Sourced(quote, line))
    return found


def ranking(analysis: Analysis) -> dict[str, list[Choice]]:
    out: dict[str, list[Choice]] = {}
    for task, scored in analysis.ranking.scored.items():
        ranker = analysis.ranking.rankers[task]
        out[task] = [
            Choice(
                analysis.page.blocks[s.candidate.index].line_no,
                s.score,
                s.candidate.value or analysis.page.blocks[s.candidate.index].text,
                tuple(
                    (name, s.candidate.features.get(name, 0.0), weight)
                    for name, weight in ranker.weighed(s.candidate.features)[:WEIGHED]
                ),
            )
            for s in scored[:TOP]
        ]
    return out


def rows(seed: Seed, analysis: Analysis) -> list[Line]:
    """One line per block of the seed (for HTML, of the text trafilatura kept)."""
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
    if page.labels[i].kind == TEXT:
        return _text_label(analysis, i)
    if page.labels[i].kind == PROSE:
        inside = page.start <= i < page.end
        return "kept: body, not in the summary" if inside else "dropped: outside the article body"
    return page.labels[i].reason


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
    return page.labels[i].reason


def _front_matter(seed: Seed) -> Line:
    fields = [k for k, v in vars(seed.meta).items() if v]
    label = f"front matter wins: {', '.join(fields)}" if fields else ""
    return Line(0, label, "")


def render(explanation: Explanation) -> str:
    """One row per block (seed line, label, the start of the text), the ranking, then the
    quotes for the email with their source."""
    out = [
        f"{item.line:>5}  {item.label:<44}  {_cut(item.text)}".rstrip() for item in explanation.rows
    ]
    for task, found in explanation.ranking.items():
        out.append(
            f"\n{task}: {len(found)} best of the candidates (score, line, text; what weighed)"
        )
        for choice in found:
            out.append(f"  {choice.score:+7.2f}  {choice.line:>5}  {_cut(choice.text)}")
            weighed = ", ".join(f"{n}={v:.3g} ({w:+.2f})" for n, v, w in choice.weighed)
            out.append(f"{'':17}{weighed}")
    if explanation.quotes:
        out.append("\nquotes for the email: where each came from (checked against the article)")
        out += [f"  {q.describe():<44}  {_cut(q.quote.text)}" for q in explanation.quotes]
    return "\n".join(out)


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"
