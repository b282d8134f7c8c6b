"""The fitted weights: small boosted trees, read from `weights.json` and walked in plain Python.

`fitting/fit.py` fits them on the development pages and rewrites the file; nothing here
imports a machine-learning library, so a build costs a few milliseconds and no import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import CodeType
from typing import Any, cast

from digest import codecache

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
    values: tuple[float, ...] = ()  # each internal node's mean output, for explaining

    def value(self, x: Sequence[float]) -> float:
        if not self.features:
            return self.leaves[0]
        node = 0
        while node >= 0:
            go_left = x[self.features[node]] <= self.thresholds[node]
            node = self.left[node] if go_left else self.right[node]
        return self.leaves[~node]

    def steps(self, x: Sequence[float]) -> list[tuple[int, float]]:
        """(feature, change in output) for each split on x's path: what each feature added."""
        out: list[tuple[int, float]] = []
        node = 0
        while self.features and node >= 0:
            child = (
                self.left[node]
                if x[self.features[node]] <= self.thresholds[node]
                else self.right[node]
            )
            after = self.leaves[~child] if child < 0 else self.values[child]
            out.append((self.features[node], after - self.values[node]))
            node = child
        return out


@dataclass(frozen=True)
class Ranker:
    """One decision's trees: a higher score is a likelier candidate."""

    names: tuple[str, ...]
    trees: tuple[Tree, ...]
    threshold: float = float("-inf")  # below it, no candidate is taken (a page with no byline)
    code: CodeType | None = field(default=None, compare=False, repr=False)  # compiled(), kept

    def score(self, features: dict[str, float]) -> float:
        return self._compiled([features.get(name, 0.0) for name in self.names])

    def weighed(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """How much each feature moved this candidate's score, largest first."""
        x = [features.get(name, 0.0) for name in self.names]
        total: dict[int, float] = {}
        for tree in self.trees:
            for feature, change in tree.steps(x):
                total[feature] = total.get(feature, 0.0) + change
        ranked = sorted(total.items(), key=lambda kv: -abs(kv[1]))
        return [(self.names[f], change) for f, change in ranked]

    @cached_property
    def _compiled(self) -> Callable[[list[float]], float]:
        namespace: dict[str, Any] = {}
        exec(self.code or self.compiled(), namespace)
        return cast("Callable[[list[float]], float]", namespace["score"])

    def compiled(self) -> CodeType:
        """The trees as one Python expression: walking them node by node in a loop costs
        ten times as much, and a page has dozens of candidates for each decision."""
        terms = ",".join(_expression(tree, 0) for tree in self.trees) or "0.0"
        return compile(f"def score(x):\n    return sum(({terms},))", "<trees>", "exec")

    def as_json(self) -> dict[str, Any]:
        return {
            "features": list(self.names),
            "threshold": self.threshold if self.threshold != float("-inf") else None,
            "trees": [
                [
                    list(t.features),
                    list(t.thresholds),
                    list(t.left),
                    list(t.right),
                    list(t.leaves),
                    list(t.values),
                ]
                for t in self.trees
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], code: CodeType | None = None) -> Ranker:
        trees = tuple(Tree(*(tuple(part) for part in tree)) for tree in data["trees"])
        threshold = data.get("threshold")
        return cls(
            tuple(data["features"]),
            trees,
            float("-inf") if threshold is None else float(threshold),
            code,
        )


def _expression(tree: Tree, node: int) -> str:
    """Numbers we wrote ourselves (ints and float reprs), never text from a page."""
    if not tree.features:
        return repr(float(tree.leaves[0]))
    if node < 0:
        return repr(float(tree.leaves[~node]))
    left = _expression(tree, tree.left[node])
    right = _expression(tree, tree.right[node])
    feature, threshold = int(tree.features[node]), float(tree.thresholds[node])
    return f"({left} if x[{feature}] <= {threshold!r} else {right})"


Model = dict[str, Ranker]


@cache
def shipped() -> Model:
    """The weights that ship with the package, their trees compiled once and kept (codecache)."""
    raw = WEIGHTS.read_bytes()
    # The compiled trees follow from the weights and from how this module writes them out.
    stamp = raw + Path(__file__).read_bytes()
    kept = codecache.kept("trees", stamp, lambda: _compile_all(raw))
    return {task: Ranker.from_json(data, code) for task, (data, code) in kept.items()}


def _compile_all(raw: bytes) -> dict[str, tuple[dict[str, Any], CodeType]]:
    data = json.loads(raw)
    rankers = {task: Ranker.from_json(data[task]) for task in TASKS}
    return {task: (ranker.as_json(), ranker.compiled()) for task, ranker in rankers.items()}
