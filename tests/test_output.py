"""Outputs are written atomically: a failure never leaves a half-written file."""

from __future__ import annotations

import os
import shlex
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
from digest.atomic import write_atomic, write_output
from digest.cli.commands import cli
from digest.errors import OutputError


def test_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_text("old", encoding="utf-8")
    write_output("new", target)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.html"
    target.write_text("last week", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, b"half")
    assert target.read_text(encoding="utf-8") == "last week"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_a_missing_folder_or_a_folder_as_target_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.html"
    with pytest.raises(OutputError) as missing:
        write_atomic(target, b"x")
    assert str(missing.value) == (
        f"{target}: folder {target.parent} does not exist; create it or choose another -o"
    )
    with pytest.raises(OutputError) as folder:
        write_atomic(tmp_path, b"x")
    assert str(folder.value) == (
        f"{tmp_path}: is a folder; give a file name, e.g. -o {tmp_path / 'digest.html'}"
    )


# --- Nothing lost: permissions, links, interrupts, kills ---------------------------------
OLD = b"<!doctype html><p>last week's issue, byte for byte</p>\n"


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "out.html", b"new")
        assert os.umask(0o027) == 0o027  # read back: the write left the umask as it was
    finally:
        os.umask(old_mask)
    assert (tmp_path / "out.html").stat().st_mode & 0o777 == 0o640


def test_a_write_leaves_no_file_descriptor_open(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    for n in range(5):
        write_atomic(tmp_path / "out.html", f"issue {n}".encode())
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_dangling_symlink_gets_its_target_written(tmp_path: Path) -> None:
    link = tmp_path / "latest.html"
    link.symlink_to(tmp_path / "issue-42.html")  # the target does not exist yet
    write_atomic(link, b"new")
    assert link.is_symlink() and (tmp_path / "issue-42.html").read_bytes() == b"new"


def test_a_killed_runs_old_temp_files_are_swept_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    hour_ago = time.time() - 3600
    old = tmp_path / ".digest.html.k3x9q2ab.tmp"  # ours, from a run killed an hour ago
    fresh = tmp_path / ".digest.html.z8y7w6vu.tmp"  # ours, another run writing right now
    others = [
        tmp_path / ".digest.html.short.tmp",  # not our naming
        tmp_path / ".other.html.k3x9q2ab.tmp",  # another output's
        tmp_path / "notes.tmp",
    ]
    for path in (old, fresh, *others):
        path.write_bytes(b"half")
    for path in (old, *others):
        os.utime(path, (hour_ago, hour_ago))
    (tmp_path / ".digest.html.linkxxxx.tmp").symlink_to(others[2])  # a link: left alone
    os.utime(tmp_path / ".digest.html.linkxxxx.tmp", (hour_ago, hour_ago), follow_symlinks=False)
    write_atomic(target, b"new")
    assert not old.exists()
    assert fresh.exists() and all(path.exists() for path in others)
    assert (tmp_path / ".digest.html.linkxxxx.tmp").is_symlink()


def test_symlink_keeps_pointing_at_the_replaced_file(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_bytes(OLD)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_ctrl_c_during_the_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.html"
    target.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"half")
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_build_failing_half_way_keeps_the_old_output(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_bytes(OLD)
    theme = tmp_path / "theme" / "partials"
    theme.mkdir(parents=True)
    (theme / "footer.mjml.j2").write_text("{% if %}\n", encoding="utf-8")
    args = ["build", str(TEST_SEEDS), "-o", str(target), "--templates", str(theme.parent)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 5
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html", "theme"]


# A child process runs the real CLI with one stage made slow, so the test can
# signal it at a known point: mid-build (rendering) or mid-write (before fsync).
CHILD = """
import os, sys, time
ready, where, *args = sys.argv[1:]
def stall(*a, **k):
    open(ready, "w").close()
    time.sleep(60)
if where == "write":
    os.fsync = stall
else:
    import digest.render.compose
    digest.render.compose.render = stall
from digest.cli.commands import main
sys.argv = ["digest", *args]
main()
"""


@contextmanager
def stalled(tmp_path: Path, where: str, target: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The CLI in a child, waiting at `where`; killed at the end whatever the test does."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    ready = tmp_path / "ready"
    args = ["build", str(TEST_SEEDS), "-o", str(target), "--date", "2026-11-30"]
    command = [sys.executable, str(script), str(ready), where, *args]
    with child(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + 30
        while not ready.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"child never stalled: {proc.communicate()[1].decode()}")
            time.sleep(0.02)
        yield proc


@pytest.mark.parametrize("where", ["build", "write"])
def test_ctrl_c_mid_build_is_one_line_exit_130_and_the_old_output_stays(
    tmp_path: Path, where: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "digest.html"
    target.write_bytes(OLD)
    with stalled(tmp_path, where, target) as proc:
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert stderr.decode() == "digest: interrupted; nothing written\n"
    assert stdout == b""
    assert target.read_bytes() == OLD
    assert [p.name for p in out.iterdir()] == ["digest.html"]  # no temp file left


def test_killed_mid_write_leaves_the_old_output_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "digest.html"
    target.write_bytes(OLD)
    with stalled(tmp_path, "write", target) as proc:
        proc.send_signal(signal.SIGKILL)  # no handler runs: only the rename protects the file
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_bytes() == OLD
    # The killed run's temp file is hidden and named after the output; the next build works.
    leftovers = [p.name for p in out.iterdir() if p.name != "digest.html"]
    assert all(n.startswith(".digest.html.") and n.endswith(".tmp") for n in leftovers)
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"<!doctype html>")


def test_a_reader_closing_the_pipe_early_is_not_an_error(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    article = (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8")
    for n in range(80):  # well over a pipe buffer (64 KB) of HTML, so the write hits EPIPE
        # Each its own article: one URL twice would be one story.
        own = article.replace("/harbour-barrier", f"/harbour-barrier-{n}")
        (seeds / f"{n:02}.txt").write_text(own, encoding="utf-8")
    # 80 stories are over max_stories and Gmail's clip: --allow-oversize writes them anyway.
    args = [sys.executable, "-m", "digest", "build", str(seeds), "--allow-oversize"]
    command = shlex.join(args)
    proc = subprocess.run(f"{command} | head -c 20", shell=True, capture_output=True, timeout=60)
    assert proc.stdout == b"<!doctype html><html"
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr
    assert proc.stderr.decode().startswith("digest: 80 stories")
