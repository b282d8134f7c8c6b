"""Client gaps: the features of an HTML email that caniemail lists as unsupported, per client.

    python benchmarks/email_compat.py                # a 10-story email from synthetic seeds
    python benchmarks/email_compat.py FILE.html ...  # any HTML emails

Runs doiuse-email (caniemail's data, an npm package) with node. It is found in
$DOIUSE_EMAIL_DIR, ./node_modules, or ~/.cache/email-compat; install it with
`npm install --prefix ~/.cache/email-compat doiuse-email` (Debian: apt-get install nodejs npm).
Prints, per client family, how many distinct features are unsupported and which.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("gmail", "outlook", "yahoo", "apple-mail")
# The budget: distinct unsupported features per family on a 10-story email.
BUDGET = {"gmail": 6, "outlook": 8, "yahoo": 3, "apple-mail": 0}
PACKAGE = Path("node_modules") / "doiuse-email" / "index.js"

# One node process checks every family: the package is ESM, so import it dynamically.
_SCRIPT = """
const [entry, ...families] = process.argv.slice(1);
const { doIUseEmail } = await import(entry);
let html = "";
for await (const chunk of process.stdin) html += chunk;
const out = {};
for (const family of families) {
  const result = doIUseEmail(html, { emailClients: [family + ".*"] });
  out[family] = result.errors || [];
}
process.stdout.write(JSON.stringify(out));
"""


def doiuse_entry() -> Path | None:
    """The installed doiuse-email package's entry file, or None."""
    homes = [
        os.environ.get("DOIUSE_EMAIL_DIR"),
        str(ROOT),
        str(Path.home() / ".cache/email-compat"),
    ]
    for home in filter(None, homes):
        entry = Path(home) / PACKAGE
        if entry.is_file():
            return entry
    return None


def available() -> bool:
    return shutil.which("node") is not None and doiuse_entry() is not None


def client_gaps(html: str) -> dict[str, list[str]]:
    """Family -> sorted names of the features caniemail marks unsupported in some client."""
    entry = doiuse_entry()
    if entry is None or shutil.which("node") is None:
        raise RuntimeError("node and doiuse-email are needed; see this script's docstring")
    done = subprocess.run(
        ["node", "--input-type=module", "-e", _SCRIPT, entry.as_uri(), *FAMILIES],
        input=html,
        capture_output=True,
        text=True,
        check=True,
    )
    errors: dict[str, list[str]] = json.loads(done.stdout)
    # Each error reads "`feature` is not supported by `client`".
    return {
        family: sorted({e.split("`")[1] for e in found if "`" in e})
        for family, found in errors.items()
    }


def _synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "examples" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ten_story_email() -> str:
    """The measured email: 10 synthetic stories, with examples/digest.toml's settings."""
    from digest.build import build
    from digest.config import load_config

    config = load_config(ROOT / "examples" / "digest.toml")
    with tempfile.TemporaryDirectory() as folder:
        _synthetic().write_seeds(Path(folder), count=10)
        return build([Path(folder)], config, dt.date(2026, 11, 30)).email.html


def main(argv: list[str]) -> int:
    emails = {Path(a).name: Path(a).read_text(encoding="utf-8") for a in argv}
    if not emails:
        emails = {"10 stories": ten_story_email()}
    over = 0
    for name, html in emails.items():
        for family, features in client_gaps(html).items():
            budget = BUDGET[family]
            mark = "ok" if len(features) <= budget else "OVER"
            over += len(features) > budget
            listed = ", ".join(features)
            print(f"{name}\t{family}\t{len(features)} (budget {budget}, {mark}): {listed}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
