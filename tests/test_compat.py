"""Client gaps measured with caniemail's data (doiuse-email, run by node).

CI installs Debian's nodejs and npm and the npm package (see .ci/run) and sets
DIGEST_REQUIRE_COMPAT=1, so there the test runs or fails; elsewhere it is skipped
when node or the package is missing.
"""

from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import email_compat

if not email_compat.available():
    if os.environ.get("DIGEST_REQUIRE_COMPAT"):
        raise RuntimeError("node and doiuse-email are required here; see .ci/run")
    pytest.skip("node or doiuse-email is not installed", allow_module_level=True)


def test_ten_story_email_stays_within_the_client_gap_budget() -> None:
    gaps = email_compat.client_gaps(email_compat.ten_story_email())
    for family, budget in email_compat.BUDGET.items():
        assert len(gaps[family]) <= budget, f"{family}: {gaps[family]}"
    # What went, and must not come back: Gmail drops a <style> block using any of them.
    unwanted = {"ID selector", "Type selector", "Child combinator", "opacity", "word-break"}
    assert not unwanted & {f for found in gaps.values() for f in found}


def test_every_remaining_gap_is_listed_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gaps = email_compat.client_gaps(email_compat.ten_story_email())
    for feature in sorted({f for found in gaps.values() for f in found}):
        assert f"`{feature}`" in readme, f"README does not explain the gap {feature!r}"
