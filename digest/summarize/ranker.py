"""The fitted weights: small boosted trees, read from `weights.json` and walked in plain Python.

`fitting/fit.py` fits them on the development pages and rewrites the file; nothing here
imports a machine-learning library, so a build costs a few milliseconds and no import.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("weights.json")
TASKS = ("headline", "byline", "lead")


@dataclass(frozen=True)
class Tree:
    """Internal node n splits on features[n] <= thresholds[n]; a child < 0 is leaf ~child."""

    features: tuple[int, ...]
    thresholds: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaves: tuple[float, ...]

    def value(self, x: Sequence[float]) -> float:
        if not self.features:
            return self.leaves[0]
        node = 0
        while node >= 0:
            go_left = x[self.features[node]] <= self.thresholds[node]
            node = self.left[node] if go_left else self.right[node]
        return self.leaves[~node]


@dataclass(frozen=True)
class Ranker:
    """One decision's trees: a higher score is a likelier candidate."""

    names: tuple[str, ...]
    trees: tuple[Tree, ...]
    threshold: float = float("-inf")  # below it, no candidate is taken (a page with no byline)

    def score(self, features: dict[str, float]) -> float:
        x = [features.get(name, 0.0) for name in self.names]
        return sum(tree.value(x) for tree in self.trees)

    def as_json(self) -> dict[str, Any]:
        return {
            "features": list(self.names),
            "threshold": self.threshold if self.threshold != float("-inf") else None,
            "trees": [
                [list(t.features), list(t.thresholds), list(t.left), list(t.right), list(t.leaves)]
                for t in self.trees
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        trees = tuple(Tree(*(tuple(part) for part in tree)) for tree in data["trees"])
        threshold = data.get("threshold")
        return cls(
            tuple(data["features"]),
            trees,
            float("-inf") if threshold is None else float(threshold),
        )


Model = dict[str, Ranker]


@cache
def shipped() -> Model:
    """The weights that ship with the package."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {task: Ranker.from_json(data[task]) for task in TASKS}
