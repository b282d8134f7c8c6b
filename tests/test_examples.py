"""The committed examples/ are exactly what the code builds from seeds/."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def _regenerate_module():
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "examples" / "regenerate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_match_what_the_code_builds() -> None:
    for name, content in _regenerate_module().outputs().items():
        committed = (ROOT / "examples" / name).read_text(encoding="utf-8")
        assert committed == content, (
            f"examples/{name} is stale: run `python examples/regenerate.py` and commit"
        )
