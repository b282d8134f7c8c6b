"""Client gaps measured with caniemail's data (doiuse-email, run by node).

CI installs Debian's nodejs and npm and the npm package (see .ci/run), so there the
test runs or fails; elsewhere it is skipped when node or the package is missing.
"""

from __future__ import annotations

import sys

from conftest import ROOT, missing

sys.path.insert(0, str(ROOT / "benchmarks"))
import email_compat

if not email_compat.available():
    missing(
        "node or doiuse-email",
        "apt-get install nodejs npm; npm install --prefix ~/.cache/email-compat doiuse-email",
    )


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
