"""Leftovers and traces: SIGTERM cleans up, stale temp files go, Ctrl-C counts lines written,
and no message carries a terminal escape sequence."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from children import child
from conftest import TEST_SEEDS
from digest.atomic import STALE_SECONDS
from digest.cli.commands import cli
from digest.errors import one_line

OLD = b"<!doctype html><p>last week's issue</p>\n"

# The real CLI in a child process, with one step made to stall so the test can signal
# it at a known point: in the write (before fsync), or before the Nth seed's summary.
CHILD = """
import os, sys, time
ready, where, *args = sys.argv[1:]
def stall(*a, **k):
    open(ready, "w").close()
    time.sleep(60)
if where == "write":
    os.fsync = stall
else:
    import digest.batch
    real = digest.batch.summarize_file
    calls = []
    def slow(path):
        calls.append(path)
        if len(calls) == int(where):
            stall()
        return real(path)
    digest.batch.summarize_file = slow
from digest.cli.commands import main
sys.argv = ["digest", *args]
main()
"""


@contextmanager
def _stalled(tmp_path: Path, where: str, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """The child, stalled at `where`; SIGINT works in it, and it is killed at the end."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    ready = tmp_path / "ready"
    command = [sys.executable, str(script), str(ready), where, *args]
    with child(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + 30
        while not ready.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"child never stalled: {proc.communicate()[1].decode()}")
            time.sleep(0.02)
        yield proc


def test_sigterm_mid_write_removes_the_temp_file_and_keeps_the_old_output(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "digest.html"
    target.write_bytes(OLD)
    with _stalled(tmp_path, "write", "build", str(TEST_SEEDS), "-o", str(target)) as proc:
        proc.send_signal(signal.SIGTERM)
        _stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143
    assert stderr.decode() == "digest: terminated; nothing written\n"
    assert target.read_bytes() == OLD
    assert [p.name for p in out.iterdir()] == ["digest.html"]


def test_stale_temp_files_of_our_naming_are_swept_on_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    stale = tmp_path / ".digest.html.k3j9x_2a.tmp"
    fresh = tmp_path / ".digest.html.q8w7e6r5.tmp"  # another run may be writing right now
    other = tmp_path / ".notes.txt.k3j9x_2a.tmp"  # not ours to remove
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, fresh.name, other.name]
    )


def test_ctrl_c_while_summaries_stream_says_how_many_lines_were_written(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    article = (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8")
    for n in range(6):
        (folder / f"{n}.txt").write_text(article, encoding="utf-8")
    with _stalled(tmp_path, "4", "summarize", str(folder)) as proc:
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert stdout.decode().count("\n") == 3
    assert stderr.decode() == "digest: interrupted; 3 lines already written to stdout\n"


def test_messages_carry_no_control_characters() -> None:
    raw = "seeds/a\x1b[31mred\x1b[0m.txt: \x1b]0;owned\x07bad\u202e \x9b2Jthing\x07\nnext"
    assert one_line(raw) == "seeds/ared.txt: bad thing next"


def test_a_seed_name_with_escape_sequences_is_printed_without_them(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text((TEST_SEEDS / "harbour.txt").read_text("utf-8"), "utf-8")
    (folder / "evil\x1b[2J\x1b]0;owned\x07.txt").write_text("---\n[\n---\nText\n", "utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "o.html")])
    assert result.exit_code == 0, result.output
    assert "evil.txt" in result.stderr
    assert not any(ord(c) < 32 and c != "\n" for c in result.stderr)


def test_the_preview_terminal_lines_carry_no_escape_sequences() -> None:
    from digest.preview.run import describe
    from digest.preview.state import Snapshot

    snapshot = Snapshot(
        version=1, error="seeds/\x1b]0;owned\x07a.md: broken", warnings=("\x1b[2Jx",)
    )
    assert describe(snapshot, []) == ["digest: warning: x", "digest: error: seeds/a.md: broken"]
