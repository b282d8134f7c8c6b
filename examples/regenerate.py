"""Rebuild the committed examples from seeds/:  python examples/regenerate.py

The date is fixed so the output only changes when the code or the seeds do;
tests/test_examples.py fails when these files drift from what the code builds.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from digest.build import build
from digest.config import Config
from digest.output import write_atomic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_DATE = dt.date(2026, 11, 30)


def outputs() -> dict[str, str]:
    """File name in examples/ -> the content the code builds now."""
    email = build([ROOT / "seeds"], Config(), EXAMPLE_DATE).email
    return {"dont-miss-a-story.html": email.html, "dont-miss-a-story.txt": email.text}


def main() -> None:
    for name, content in outputs().items():
        write_atomic(EXAMPLES / name, content.encode("utf-8"))
        print(f"wrote examples/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
