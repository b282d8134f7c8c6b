"""A front-matter value its type cannot hold names the seed, field and value, and skips it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from digest.errors import InputError
from digest.sources.seeds import parse_seed

BODY = "Harbour barrier opens\n\nThe barrier opened on Monday after three years of work.\n"
BAD = [
    ("date", "2026-11-31", "2026-11-31"),
    ("date", "2026-13-45", "2026-13-45"),
    ("date", "2026-11-30 25:61:00", "2026-11-30 25:61:00"),
    ("date", '!!int "abc"', "abc"),
    ("date", '!!timestamp "nope"', "nope"),
    ("title", '!!float "x"', "x"),
    ("url", '!!bool "maybe"', "maybe"),
]


@pytest.mark.parametrize(("key", "value", "shown"), BAD)
def test_a_bad_value_names_the_seed_field_and_value(key: str, value: str, shown: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_seed(f"---\n{key}: {value}\n---\n{BODY}", "week/a.txt")
    message = caught.value.format_message()
    assert message.startswith(f"week/a.txt: front matter '{key}' has '{shown}'")


def test_a_bad_value_under_an_unknown_key_is_only_the_unknown_key_warning() -> None:
    seed = parse_seed(f"---\nextra: 2026-02-30\ntitle: Fine\n---\n{BODY}", "a.txt")
    assert seed.meta.title == "Fine"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text((TEST_SEEDS / "harbour.txt").read_text("utf-8"), "utf-8")
    for n, (key, value, _shown) in enumerate(BAD):
        (folder / f"bad{n}.txt").write_text(f"---\n{key}: {value}\n---\n{BODY}", "utf-8")
    return folder


def test_build_of_a_folder_skips_each_bad_seed_with_one_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(_folder(tmp_path)), "-o", "-"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == len(BAD)
    assert all("front matter" in line and line.endswith("(skipped)") for line in warnings)
    assert f"1 story, {len(BAD)} seeds skipped" in result.stderr


def test_summarize_a_folder_on_every_core_warns_per_seed_without_a_traceback(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "digest", "summarize", str(folder), "--jobs", "0"],
        capture_output=True,
        timeout=120,
    )
    stderr = proc.stderr.decode()
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert stderr.count("front matter") == len(BAD)
    assert proc.stdout.decode().count("\n") == 1  # the good seed's line
