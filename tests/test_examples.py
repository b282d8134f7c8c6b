"""The committed examples/ are exactly what the code builds from seeds/."""

from __future__ import annotations

from conftest import ROOT, load_example


def test_examples_match_what_the_code_builds() -> None:
    for name, content in load_example("regenerate").outputs().items():
        committed = (ROOT / "examples" / name).read_text(encoding="utf-8")
        assert committed == content, (
            f"examples/{name} is stale: run `python examples/regenerate.py` and commit"
        )
