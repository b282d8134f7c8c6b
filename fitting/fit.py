"""Fit the summarizer's rankers on the development pages, and measure them honestly.

    python fitting/fit.py refit    # fit on every page; rewrite digest/summarize/weights.json
    python fitting/fit.py cv       # leave-site-out cross-validated score line (the README's)
    python fitting/fit.py check    # exit 1 when the shipped weights are not what refit makes

Needs the `fit` extra (LightGBM) and the shared corpora beside the repository. Each
decision is a ranking among a page's candidates (`digest/summarize/*candidates.py`); the
trees LightGBM grows are written out as plain numbers that `ranker.py` walks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from digest.sources.seeds import parse_seed
from digest.summarize import analyse_seed
from digest.summarize.blocks import split_blocks
from digest.summarize.byline_candidates import byline_candidates
from digest.summarize.candidates import Candidate, headline_candidates
from digest.summarize.features import PageView
from digest.summarize.headline import drop_site_name, find_headline
from digest.summarize.lead_candidates import lead_candidates
from digest.summarize.page import analyse
from digest.summarize.ranker import TASKS, WEIGHTS, Model, Ranker, Tree

FOLDS = 10
# The features each decision weighs (the candidates measure more; these earned their place
# in leave-site-out runs).
FEATURES: dict[str, tuple[str, ...]] = {
    "headline": tuple(
        [
            "rule_score",
            "rule_rank",
            "rule_pick",
            "above_meta",
            "next_meta",
            "meta_within_3",
            "body_overlap",
            "overlap_rank",
            "title_case",
            "capitals",
            "words",
            "ends_period",
            "inner_sentence",
            "kind_prose",
            "kind_text",
            "kind_chrome",
            "kind_caption",
            "kind_date",
            "repeats",
            "contains_other",
            "inside_other",
            "title_bar",
            "mentions",
            "chrome_above",
            "from_start",
            "content_between",
            "ui_words",
            "punct_start",
            "slash_credit",
            "next_ends_period",
            "prev_title_like",
            "next_dek_like",
            "in_list",
            "under_a_title",
            "names_a_section",
            "inside_longer",
            "handle",
            "urlish",
            "menu",
            "first_block",
            "digits",
            "stopwords",
            "to_date",
            "dangling",
            "body_start",
            "over_standfirst",
        ]
    ),
}
PARAMS: dict[str, Any] = {
    "learning_rate": 0.05,
    "num_leaves": 4,
    "min_data_in_leaf": 4,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "seed": 7,
    "verbose": -1,
}
# Which way a feature may move a candidate's score: what every page teaches (a title right
# above the byline, quoted elsewhere on the page, is likelier; a menu label is not; the
# first paragraphs are likelier leads than later ones), held fixed so that a few odd pages
# cannot turn it round. Everything else the trees may use either way.
RISES = {
    "headline": """rule_score rule_pick next_meta meta_within_3 body_overlap mentions title_bar
        inside_other over_standfirst""",
    "lead": "rule_pick kind_prose",
    "byline": "rule_pick name_shape",
}
FALLS = {
    "headline": """rule_rank above_meta overlap_rank contains_other ui_words punct_start
        slash_credit in_list names_a_section handle urlish menu kind_chrome kind_caption
        kind_date content_between inner_sentence dangling ends_period kind_prose under_a_title
        body_start""",
    "lead": """rank prose_rank meta_after kind_caption kind_chrome note ends_ellipsis
        standfirst_note ui_words urlish handle bio repeats""",
    "byline": "name_ui name_glued",
}
TASK_PARAMS: dict[str, dict[str, Any]] = {
    "headline": {"objective": "lambdarank", "learning_rate": 0.15},
    "byline": {"objective": "binary", "learning_rate": 0.15},
    "lead": {"objective": "lambdarank", "learning_rate": 0.15},
}
ROUNDS = {"headline": 40, "byline": 40, "lead": 40}  # per seed
SEEDS = tuple(range(1, 11))
INNER_FOLDS = 5


@dataclass
class Rows:
    """One decision's training rows: features, labels and the page each group of rows is."""

    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # rows per page, in order
    sites: list[str] = field(default_factory=list)  # per page
    nulls: list[bool] = field(default_factory=list)  # per page: the truth has no answer

    def only(self, keep: set[int]) -> Rows:
        """The rows of the pages (group numbers) in keep."""
        out = Rows()
        at = 0
        for n, size in enumerate(self.groups):
            if n in keep:
                out.features += self.features[at : at + size]
                out.labels += self.labels[at : at + size]
                out.groups.append(size)
                out.sites.append(self.sites[n])
                out.nulls.append(self.nulls[n])
            at += size
        return out


def norm(text: str) -> str:
    return str(corpus.scorer().norm_text(text))


def page_rows(page: corpus.Page) -> dict[str, tuple[list[Candidate], list[int]]]:
    """Each decision's candidates on one page, labelled by the truth."""
    truth = page.truth
    blocks = analyse(split_blocks(page.text))
    view = PageView(blocks, find_headline(blocks))
    out: dict[str, tuple[list[Candidate], list[int]]] = {}
    heads = {norm(h) for h in [truth["headline"], *(truth.get("headline_alt") or [])] if h}
    found = headline_candidates(view)
    right = [
        int(
            norm(blocks.blocks[c.index].text) in heads
            or norm(drop_site_name(blocks, c.index)) in heads
        )
        for c in found
    ]
    if not truth.get("headline_unknown"):
        out["headline"] = (found, right)
    # The later decisions see the page as they will at run time: after a right headline.
    headline = next((c.index for c, y in zip(found, right, strict=True) if y), view.rule_headline)
    if not truth.get("lead_unknown"):
        leads = [truth["lead"], *(truth.get("lead_alt") or [])]
        found = lead_candidates(view, headline)
        f1 = corpus.scorer().token_f1
        hits = [int(max(f1(blocks.blocks[c.index].text, x) for x in leads) >= 0.8) for c in found]
        out["lead"] = (found, hits)
    if not truth.get("byline_unknown"):
        found = byline_candidates(view, headline)
        match = corpus.scorer().byline_match
        out["byline"] = (found, [int(match(c.value, truth.get("byline"))) for c in found])
    return out


def collect(pages: Iterable[corpus.Page]) -> dict[str, Rows]:
    rows = {task: Rows() for task in TASKS}
    for page in pages:
        for task, (found, labels) in page_rows(page).items():
            if task != "byline" and not any(labels):
                continue  # a ranking needs a right answer among the candidates
            if not found:
                continue
            target = rows[task]
            target.features += [c.features for c in found]
            target.labels += labels
            target.groups.append(len(found))
            target.sites.append(page.site)
            target.nulls.append(page.truth.get("byline") is None)
    return rows


def fit(pages: Iterable[corpus.Page]) -> Model:
    rows = collect(pages)
    model = {task: _fit_task(task, rows[task]) for task in TASKS}
    threshold = _no_byline_threshold(rows["byline"])
    model["byline"] = replace(model["byline"], threshold=threshold)
    return model


def _fit_task(task: str, data: Rows) -> Ranker:
    import lightgbm as lgb
    import numpy as np

    names = sorted({name for f in data.features for name in f})
    if task in FEATURES:
        names = [name for name in names if name in FEATURES[task]]
    matrix = np.array([[f.get(name, 0.0) for name in names] for f in data.features])
    params = {**PARAMS, **TASK_PARAMS[task]}
    rises, falls = RISES[task].split(), FALLS[task].split()
    params["monotone_constraints"] = [(n in rises) - (n in falls) for n in names]
    params["monotone_constraints_method"] = "intermediate"
    if task == "byline":
        dataset = lgb.Dataset(matrix, data.labels, feature_name=names, free_raw_data=False)
    else:
        dataset = lgb.Dataset(
            matrix, data.labels, group=data.groups, feature_name=names, free_raw_data=False
        )
    # Several fits that differ only in their random seed, averaged: on a hundred-odd pages
    # one fit's pick of rows and features sways the result; the average sways less.
    boosters = [
        lgb.train({**params, "seed": seed}, dataset, num_boost_round=ROUNDS[task]) for seed in SEEDS
    ]
    share = 1.0 / len(boosters)
    trees = tuple(_scaled(t, share) for b in boosters for t in _trees(b.dump_model()))
    ranker = Ranker(tuple(names), trees)
    # The plain-Python trees must score as LightGBM does, or the file says something else.
    expected = sum(b.predict(matrix, raw_score=True) for b in boosters) * share
    worst = max(abs(ranker.score(f) - e) for f, e in zip(data.features, expected, strict=True))
    assert worst < 1e-6, f"{task}: written trees differ from the fitted ones by {worst}"
    return ranker


def _scaled(tree: Tree, share: float) -> Tree:
    return replace(
        tree,
        leaves=tuple(round(v * share, 12) for v in tree.leaves),
        values=tuple(round(v * share, 12) for v in tree.values),
    )


def _no_byline_threshold(data: Rows) -> float:
    """The score under which a page is said to have no byline, chosen on pages held out of
    an inner fit (whole sites at a time), so it is not set on scores the trees were fit to."""
    sites = sorted(set(data.sites))
    tops: list[tuple[float, bool, bool]] = []  # (best score, best is right, page has none)
    for k in range(INNER_FOLDS):
        held = {n for n, site in enumerate(data.sites) if sites.index(site) % INNER_FOLDS == k}
        ranker = _fit_task("byline", data.only(set(range(len(data.groups))) - held))
        part = data.only(held)
        at = 0
        for size, null in zip(part.groups, part.nulls, strict=True):
            scores = [ranker.score(f) for f in part.features[at : at + size]]
            best = max(range(size), key=lambda n: scores[n])
            tops.append((scores[best], bool(part.labels[at + best]), null))
            at += size
    cuts = sorted({round(score, 3) for score, _, _ in tops})
    right = [(sum(ok if score >= cut else null for score, ok, null in tops), -cut) for cut in cuts]
    _best_right, best_cut = max(right)
    return -best_cut


def _trees(dump: dict[str, Any]) -> tuple[Tree, ...]:
    return tuple(_flatten(info["tree_structure"]) for info in dump["tree_info"])


def _flatten(root: dict[str, Any]) -> Tree:
    features: list[int] = []
    thresholds: list[float] = []
    left: list[int] = []
    right: list[int] = []
    leaves: list[float] = []
    values: list[float] = []

    def walk(node: dict[str, Any]) -> int:
        if "leaf_value" in node:
            leaves.append(round(float(node["leaf_value"]), 9))
            return ~(len(leaves) - 1)
        assert node["decision_type"] == "<=", node["decision_type"]
        at = len(features)
        features.append(int(node["split_feature"]))
        values.append(round(float(node["internal_value"]), 9))
        thresholds.append(float(node["threshold"]))
        left.append(0)
        right.append(0)
        left[at] = walk(node["left_child"])
        right[at] = walk(node["right_child"])
        return at

    walk(root)
    return Tree(
        tuple(features), tuple(thresholds), tuple(left), tuple(right), tuple(leaves), tuple(values)
    )


def answer(page: corpus.Page, model: Model) -> dict[str, Any]:
    """What `digest summarize --format json` prints for the page, with these weights."""
    story = analyse_seed(parse_seed(page.text, page.id), model).story
    return {
        "headline": story.headline,
        "byline": story.byline,
        "lead": list(story.lead),
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in story.quotes],
    }


def folds(pages: tuple[corpus.Page, ...]) -> list[list[corpus.Page]]:
    """Whole sites to a fold, largest first, so no site is both fit and scored."""
    sites = Counter(p.site for p in pages)
    buckets: list[list[str]] = [[] for _ in range(FOLDS)]
    sizes = [0] * FOLDS
    for site, n in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0])):
        k = sizes.index(min(sizes))
        buckets[k].append(site)
        sizes[k] += n
    return [[p for p in pages if p.site in set(b)] for b in buckets]


def cross_validate() -> dict[str, list[dict[str, Any]]]:
    pages = corpus.pages()
    scored: dict[str, list[dict[str, Any]]] = {}
    for held in folds(pages):
        ids = {p.id for p in held}
        model = fit([*(p for p in pages if p.id not in ids), *corpus.own_pages()])
        for page in held:
            result = corpus.scorer().score_page(page.truth, answer(page, model))
            scored[page.id] = [result, page]
    return {"pages": [scored[p.id] for p in pages]}


def line(results: list[list[Any]]) -> str:
    """The scorer's summary line over these pages."""
    rows = [r for r, _ in results]
    h = [r for r in rows if r["h_known"]]
    b = [r for r in rows if r["b_known"]]
    le = [r for r in rows if r["l_known"]]
    q = [r for r in rows if r["has_aq"]]
    with_q = [r for r in q if r["aq_n"]]
    without_q = [r for r in q if not r["aq_n"]]
    lead_n = sum(r["lead_n"] for r in rows)
    top = sum(r["q_top"] for r in q)
    matched = sum(r["q_top_match"] for r in q)

    def mean(key: str, rs: list[dict[str, Any]]) -> str:
        return f"{sum(r[key] for r in rs) / len(rs):.2f}" if rs else "n/a"

    def ratio(a: float, n: float) -> str:
        return f"{a / n:.2f}" if n else "n/a"

    return (
        f"headline={mean('h_exact', h)} byline={mean('byline', b)} lead={mean('lead_hit', le)} "
        f"leak={ratio(sum(r['leak_n'] for r in rows), lead_n)} "
        f"quote_p={ratio(matched, top)} speaker={ratio(sum(r['spk_ok'] for r in q), matched)} "
        f"quote_hit={mean('first_hit', with_q)} quote_none={mean('none_ok', without_q)} errors=0"
    )


def serialise(model: Model) -> str:
    return json.dumps({task: model[task].as_json() for task in TASKS}, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["refit", "cv", "check"])
    parser.add_argument("--pages", action="store_true", help="with cv: one row per page")
    args = parser.parse_args(argv)
    if not corpus.available():
        print(f"fit: no corpora at {', '.join(map(str, corpus.folders()))}", file=sys.stderr)
        return 2
    if args.command == "cv":
        results = cross_validate()["pages"]
        if args.pages:
            for r, page in results:
                print(f"{page.id[:40]:40s} h={r['h_exact']} b={r['byline']} l={r['lead_hit']}")
        for folder in corpus.folders():
            mine = [x for x in results if (folder / "truth" / f"{x[1].id}.json").exists()]
            print(f"{folder.name}: {line(mine)}")
        print(f"cross-validated, leave-site-out, {len(results)} pages: {line(results)}")
        return 0
    text = serialise(fit([*corpus.pages(), *corpus.own_pages()]))
    if args.command == "refit":
        WEIGHTS.write_text(text, encoding="utf-8")
        print(f"wrote {WEIGHTS}")
        return 0
    same = WEIGHTS.exists() and WEIGHTS.read_text(encoding="utf-8") == text
    print("shipped weights are current" if same else "shipped weights differ: run fit.py refit")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
