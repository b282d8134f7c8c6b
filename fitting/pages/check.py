"""Check the invented pages: every truth string is in its seed, verbatim, and the JSON is sound.

Run: python3 check.py  (from this folder). Prints one line per problem and a summary; exit 1 on any.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = {
    "id",
    "headline",
    "headline_alt",
    "byline",
    "lead",
    "lead_alt",
    "body_paragraphs",
    "attributed_quotes",
    "quotes",
    "notes",
}


def check(path: Path) -> list[str]:
    truth = json.loads(path.read_text(encoding="utf-8"))
    seed = (HERE / "seeds" / f"{truth['id']}.txt").read_text(encoding="utf-8")
    lines = set(seed.splitlines())
    blocks = [line for line in seed.splitlines() if line.strip()]
    body = truth["body_paragraphs"]
    errors = []
    if path.stem != truth["id"]:
        errors.append("id differs from file name")
    if missing := KEYS - truth.keys():
        errors.append(f"missing keys {sorted(missing)}")
    if not 2 <= len(blocks) <= 120:  # short hand-written seeds are a layout too
        errors.append(f"{len(blocks)} blocks, want 2-120")
    whole = [truth["headline"], *truth["headline_alt"], truth["lead"], *truth["lead_alt"], *body]
    errors += [f"not a whole line of the seed: {s[:60]!r}" for s in whole if s not in lines]
    if body and truth["lead"] != body[0]:
        errors.append("lead is not the first body paragraph")
    if truth["byline"] is not None and truth["byline"].lower() not in seed.lower():
        errors.append(f"byline not in seed: {truth['byline']!r}")
    keys = 0
    for q in truth["attributed_quotes"]:
        keys += q["key"]
        if not any(q["text"] in p for p in body):
            errors.append(f"quote not in a body paragraph: {q['text'][:60]!r}")
        if q["speaker"].split()[-1] not in seed:
            errors.append(f"speaker not in seed: {q['speaker']!r}")
    if truth["attributed_quotes"] and not 1 <= keys <= 2:
        errors.append(f"{keys} key quotes, want 1-2")
    return errors


def main() -> int:
    paths = sorted((HERE / "truth").glob("*.json"))
    bad = 0
    for path in paths:
        for error in check(path):
            bad += 1
            print(f"{path.name}: {error}")
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    nulls = sum(t["byline"] is None for t in truths)
    strings = sum(2 + len(t["body_paragraphs"]) + len(t["attributed_quotes"]) for t in truths)
    print(
        f"{len(paths)} pages, {nulls} without byline, {strings} truth strings checked, "
        f"{bad} problems"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
