"""`digest summarize` over many seeds: JSON lines, in order, with any number of jobs."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from children import child
from digest.batch import cpu_count, summarize_many
from digest.cli.commands import cli
from digest.console import count

BODY = (
    "Officials in Port Alder approved the harbour plan on Monday after six weeks of "
    "talks with residents, engineers and the shipping companies that use the quay."
)


def write_seeds(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:03d}.txt"
        path.write_text(f"---\ntitle: Story number {n}\n---\n{BODY}\n\n{BODY}\n", encoding="utf-8")
        paths.append(path)
    return paths


def summarize(*args: str) -> Result:
    return CliRunner().invoke(cli, ["summarize", *args])


def lines_of(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_folder_is_one_json_object_per_line_in_name_order(tmp_path: Path) -> None:
    paths = write_seeds(tmp_path / "seeds", 12)
    result = summarize(str(tmp_path / "seeds"))
    assert result.exit_code == 0, result.stderr
    objects = lines_of(result)
    assert [o["headline"] for o in objects] == [f"Story number {n}" for n in range(12)]
    assert [o["source"] for o in objects] == [str(p) for p in paths]
    assert set(objects[0]) == {"headline", "byline", "lead", "quotes", "source"}
    assert "digest: 12 seeds summarized" in result.stderr


def test_each_line_is_the_json_object_plus_its_source(tmp_path: Path) -> None:
    (path,) = write_seeds(tmp_path, 1)
    single = json.loads(summarize(str(path), "--format", "json").stdout)
    (line,) = lines_of(summarize(str(path), "--format", "jsonl"))
    assert line == {**single, "source": str(path)}


def test_two_jobs_write_exactly_what_one_job_writes(tmp_path: Path) -> None:
    write_seeds(tmp_path / "seeds", 40)
    (tmp_path / "seeds" / "017.txt").write_text("", encoding="utf-8")  # a bad seed too
    one = summarize(str(tmp_path / "seeds"), "--jobs", "1")
    two = summarize(str(tmp_path / "seeds"), "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(lines_of(two)) == 39
    warnings = [line for line in two.stderr.splitlines() if "warning" in line]
    assert warnings == [line for line in one.stderr.splitlines() if "warning" in line]
    assert "(2 jobs)" in two.stderr


def test_seeds_named_one_by_one_keep_their_order(tmp_path: Path) -> None:
    paths = write_seeds(tmp_path, 5)
    order = [paths[3], paths[0], paths[4]]
    result = summarize(*map(str, order), "--jobs", "2")
    assert [o["source"] for o in lines_of(result)] == [str(p) for p in order]


def test_a_bad_seed_is_one_warning_and_the_rest_are_written(tmp_path: Path) -> None:
    write_seeds(tmp_path / "seeds", 3)
    (tmp_path / "seeds" / "001.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = summarize(str(tmp_path / "seeds"), "--jobs", "2")
    assert result.exit_code == 0
    assert [o["headline"] for o in lines_of(result)] == ["Story number 0", "Story number 2"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("digest: warning")]
    assert len(warnings) == 1 and "001.txt: a PNG image" in warnings[0]
    assert "2 seeds summarized, 1 skipped" in result.stderr


def test_strict_stops_at_the_first_bad_seed(tmp_path: Path) -> None:
    write_seeds(tmp_path / "seeds", 3)
    (tmp_path / "seeds" / "001.txt").write_text("", encoding="utf-8")
    result = summarize(str(tmp_path / "seeds"), "--strict")
    assert result.exit_code == 7
    assert [o["headline"] for o in lines_of(result)] == ["Story number 0"]
    assert "001.txt: the seed is empty" in result.stderr
    assert "digest: error: --strict: stopped" in result.stderr
    assert "Traceback" not in result.stderr


def test_only_bad_seeds_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("  \n", encoding="utf-8")
    result = summarize(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 3
    assert "none of the 2 seeds could be summarized" in result.stderr


def test_text_format_is_refused_for_several_seeds(tmp_path: Path) -> None:
    write_seeds(tmp_path, 2)
    result = summarize(str(tmp_path), "--format", "text")
    assert result.exit_code == 4
    assert "--format jsonl" in result.stderr


def test_jobs_zero_uses_every_core(tmp_path: Path) -> None:
    write_seeds(tmp_path, 4)
    result = summarize(str(tmp_path), "--jobs", "0")
    assert result.exit_code == 0
    assert len(lines_of(result)) == 4
    assert f"({count(min(cpu_count(), 4), 'job')})" in result.stderr


def test_results_are_streamed_not_collected(tmp_path: Path) -> None:
    paths = write_seeds(tmp_path, 3)
    summaries = summarize_many(paths, jobs=1)
    first = next(iter(summaries))  # available before the other seeds are read
    assert first.source == str(paths[0]) and first.line is not None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path, jobs: str) -> None:
    write_seeds(tmp_path, 300)
    command = shlex.join(
        [sys.executable, "-m", "digest", "summarize", str(tmp_path), "--jobs", jobs]
    )
    shell = f"{command} | head -n 1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout)["headline"] == "Story number 0"
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_while_workers_start_is_one_line_not_their_tracebacks(tmp_path: Path) -> None:
    write_seeds(tmp_path, 200)
    command = [sys.executable, "-m", "digest", "summarize", str(tmp_path), "--jobs", "2"]
    # A terminal's Ctrl-C reaches the whole process group, workers included.
    with child(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        deadline = time.monotonic() + 30
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # the workers are still importing
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "digest: interrupted; nothing written"
