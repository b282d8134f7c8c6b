"""The fitted decisions: the features they weigh, the trees that weigh them, the shipped file.

Pages here are our own writing, each built to show one cue a candidate carries.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys

import pytest

from conftest import ROOT
from digest.model import Seed
from digest.sources.seeds import parse_seed
from digest.summarize import analyse_seed, summarize
from digest.summarize.blocks import split_blocks
from digest.summarize.byline_candidates import byline_candidates
from digest.summarize.candidates import Candidate, headline_candidates
from digest.summarize.features import PageView
from digest.summarize.headline import find_headline
from digest.summarize.lead_candidates import lead_candidates
from digest.summarize.page import analyse
from digest.summarize.ranker import Ranker, Tree, shipped

BODY = (
    "The ferry between Marrowdale and Osk will stop running at the end of the month, the "
    "harbour board said on Tuesday, after forty years of crossings in all weathers.\n\n"
    "Board members said the boat needs repairs the harbour cannot pay for this year, and "
    "that a bus link around the estuary would replace it from the first of June.\n\n"
    "Regular passengers said the bus would add an hour to a trip that now takes twenty "
    "minutes, and that the ferry had kept the two villages in each other's lives.\n"
)
TITLE = "Marrowdale ferry to stop after forty years"
TEASER = "Most read: Osk school roof to be fixed"


def _view(text: str) -> PageView:
    page = analyse(split_blocks(text))
    return PageView(page, find_headline(page))


def _by_text(view: PageView, found: list[Candidate]) -> dict[str, Candidate]:
    return {view.page.blocks[c.index].text: c for c in found}


def test_a_title_right_above_its_byline_is_marked_so() -> None:
    view = _view(f"Home\n\nNews\n\n{TEASER}\n\n{TITLE}\n\nBy Ana Ruiz\n\n{BODY}")
    found = _by_text(view, headline_candidates(view))
    title = found[TITLE].features
    teaser = found[TEASER].features
    assert title["next_meta"] == 1.0 and title["above_meta"] == 0.0
    assert teaser["above_meta"] == 1.0  # one line of content between it and the byline
    assert title["body_overlap"] > teaser["body_overlap"]  # the story tells what the title names


def test_a_share_line_holding_the_title_contains_it() -> None:
    # (A trail that ends in the title is no candidate at all: see test_summarize_headline.)
    crumb = f"Share {TITLE} on Facebook"
    view = _view(f"{crumb}\n\n{TITLE}\n\n12 May 2024\n\n{BODY}")
    found = _by_text(view, headline_candidates(view))
    assert found[crumb].features["contains_other"] == 1.0
    assert found[TITLE].features["inside_other"] == 1.0
    assert found[TITLE].features["mentions"] == 1.0
    assert (
        summarize(
            Seed(source="t.txt", text=f"{crumb}\n\n{TITLE}\n\n12 May 2024\n\n{BODY}")
        ).headline
        == TITLE
    )


def test_a_kicker_that_ends_in_a_dash_is_no_candidate() -> None:
    page = f"FERRY WATCH \u2014\n\n{TITLE}\n\nBy Ana Ruiz\n\n{BODY}"
    view = _view(page)
    found = _by_text(view, headline_candidates(view))
    assert "FERRY WATCH \u2014" not in found
    assert found[TITLE].features["dangling"] == 0.0
    assert summarize(Seed(source="t.txt", text=page)).headline == TITLE


def test_a_dek_above_the_byline_is_marked_as_standing_over_it() -> None:
    dek = "The boat that joined two villages for forty years will be replaced by a bus."
    view = _view(f"{TITLE}\n\n{dek}\n\nBy Ana Ruiz\n\n{BODY}")
    found = _by_text(view, lead_candidates(view, 0))
    assert found[dek].features["meta_after"] == 1.0
    first = BODY.split("\n\n")[0]
    assert found[first].features["meta_after"] == 0.0
    assert found[first].features["meta_before"] == 1.0
    assert (
        summarize(Seed(source="t.txt", text=f"{TITLE}\n\n{dek}\n\nBy Ana Ruiz\n\n{BODY}")).lead[0]
        == first
    )


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("By\n\nAna Ruiz", "Ana Ruiz"),  # a bare "By", the name on the next line
        ("12/03/2024 | Ana Ruiz", "Ana Ruiz"),
        ("Ana Ruiz and Tom Vale, Coastal Press Agency", "Ana Ruiz, Tom Vale, Coastal Press Agency"),
        ("Ana RuizStaff Writer", "Ana Ruiz"),  # a role glued to the name
        ("Ana Ruiz @anaruiz", "Ana Ruiz"),
        ("ANA RUIZ, STAFF WRITER", "Ana Ruiz"),
    ],
)
def test_credit_shapes_give_the_name_as_a_candidate(credit: str, name: str) -> None:
    view = _view(f"{TITLE}\n\n{credit}\n\n{BODY}")
    values = {c.value for c in byline_candidates(view, 0)}
    assert name in values, values


def test_page_furniture_is_never_a_byline_candidate() -> None:
    view = _view(f"{TITLE}\n\nPosted\n\nMore\n\nTop Stories\n\n{BODY}")
    assert not {c.value for c in byline_candidates(view, 0)} & {"Posted", "More", "Top Stories"}


def test_a_press_release_has_no_byline() -> None:
    page = (
        f"Newsroom\n\nPress releases\n\n{TITLE}\n\n14 May 2024\n\n{BODY}\n"
        "Media contact: press office, Marrowdale Harbour Board\n\nPhoto: Harbour Board\n"
    )
    assert summarize(Seed(source="t.txt", text=page)).byline is None


def test_the_ranking_is_kept_best_first_for_explain() -> None:
    analysis = analyse_seed(Seed(source="t.txt", text=f"Home\n\n{TITLE}\n\nBy Ana Ruiz\n\n{BODY}"))
    scored = analysis.ranking.scored["headline"]
    assert analysis.page.blocks[scored[0].candidate.index].text == TITLE
    assert [s.score for s in scored] == sorted((s.score for s in scored), reverse=True)


# A tree: x[0] <= 1 ? (x[1] <= 0 ? 1.0 : 2.0) : 5.0, with node means for explaining.
TREE = Tree((0, 1), (1.0, 0.0), (1, ~0), (~2, ~1), (1.0, 2.0, 5.0), (2.5, 1.5))


def test_the_compiled_trees_score_as_the_walked_trees() -> None:
    ranker = Ranker(("a", "b"), (TREE, TREE))
    assert ranker.score({"a": 0.0, "b": 0.0}) == 2.0
    assert ranker.score({"a": 0.0, "b": 3.0}) == 4.0
    assert ranker.score({"a": 7.0}) == 10.0
    model = shipped()
    rng = random.Random(5)
    for task, shipped_ranker in model.items():
        for _ in range(50):
            x = {n: rng.choice([-1.0, 0.0, 0.5, 1.0, 3.0, 40.0]) for n in shipped_ranker.names}
            walked = sum(
                t.value([x[n] for n in shipped_ranker.names]) for t in shipped_ranker.trees
            )
            assert shipped_ranker.score(x) == pytest.approx(walked, abs=1e-9), task


def test_what_each_feature_added_sums_to_the_score() -> None:
    ranker = Ranker(("a", "b"), (TREE,))
    weighed = dict(ranker.weighed({"a": 0.0, "b": 3.0}))
    assert weighed == {"a": pytest.approx(-1.0), "b": pytest.approx(0.5)}
    assert TREE.values[0] + sum(weighed.values()) == ranker.score({"a": 0.0, "b": 3.0})


def _fit_module():  # type: ignore[no-untyped-def]
    path = ROOT / "fitting" / "fit.py"
    spec = importlib.util.spec_from_file_location("fit", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_weights_are_what_refit_makes() -> None:
    """`python fitting/fit.py refit` must have been run after any change to the features."""
    missing = importlib.util.find_spec("lightgbm") is None
    fit = None if missing else _fit_module()
    if missing or not fit.corpus.available():
        why = "needs the fit extra and the shared corpora beside the repository"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    assert fit.main(["check"]) == 0


def test_the_fit_script_lives_where_the_readme_says() -> None:
    assert (ROOT / "fitting" / "fit.py").is_file()
    assert "fitting/fit.py cv" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_front_matter_title_leaves_the_first_paragraph_to_the_lead() -> None:
    first, second = BODY.split("\n\n")[:2]
    seed = f"---\ntitle: {TITLE}\n---\n{first}\n\n{second}\n"
    story = summarize(parse_seed(seed, "t.md", kind="markdown"))
    assert story.headline == TITLE
    assert story.lead[0] == first


def test_a_title_shares_words_with_the_story_in_another_form() -> None:
    # "Harbour's" and "Stops" are the story's "harbour" and "stop".
    title = "Harbour's Board Stops Ferry Crossings"
    view = _view(f"Home\n\nNews\n\n{title}\n\nBy Ana Ruiz\n\n{BODY}")
    found = _by_text(view, headline_candidates(view))
    assert found[title].features["body_overlap"] == 1.0


def test_furniture_words_are_buttons_and_sections_not_the_words_of_a_sentence() -> None:
    view = _view(f"Share on Facebook\n\n{TITLE}\n\nBy Ana Ruiz\n\n{BODY}")
    found = _by_text(view, headline_candidates(view))
    assert found[TITLE].features["ui_words"] == 0.0  # "to", "after": plain words
    assert found["Share on Facebook"].features["ui_words"] == 1 / 3  # "share" of three words
