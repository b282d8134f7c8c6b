"""Rebuild the committed examples:  python examples/regenerate.py

dont-miss-a-story.* is built from seeds/, twenty-stories.html from twenty
synthetic seeds (examples/synthetic.py), both with examples/digest.toml, the
settings a newsroom fills in before sending (address, unsubscribe link).
The date is fixed so the output only changes when the code or the seeds do;
tests/test_examples.py fails when these files drift from what the code builds.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import tempfile
from pathlib import Path

from digest.atomic import write_atomic
from digest.build import build
from digest.config import load_config

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_DATE = dt.date(2026, 11, 30)
CONFIG = EXAMPLES / "digest.toml"


def _synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synthetic", EXAMPLES / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outputs() -> dict[str, str]:
    """File name in examples/ -> the content the code builds now."""
    config = load_config(CONFIG)
    email = build([ROOT / "seeds"], config, EXAMPLE_DATE).email
    with tempfile.TemporaryDirectory() as folder:
        _synthetic().write_seeds(Path(folder))
        twenty = build([Path(folder)], config, EXAMPLE_DATE).email
    return {
        "dont-miss-a-story.html": email.html,
        "dont-miss-a-story.txt": email.text,
        "twenty-stories.html": twenty.html,
    }


def main() -> None:
    for name, content in outputs().items():
        write_atomic(EXAMPLES / name, content.encode("utf-8"))
        print(f"wrote examples/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
