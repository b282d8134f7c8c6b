"""-o only ever replaces a regular file; devices, FIFOs and a bad stdout are handled in words."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.atomic import write_atomic, write_output
from digest.cli.commands import cli
from digest.errors import OutputError

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="making device nodes needs root")


def _to_full(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run digest with stdout on /dev/full, where every write fails with ENOSPC."""
    with open("/dev/full", "wb") as full:
        return subprocess.run(
            [sys.executable, "-m", "digest", *args], stdout=full, stderr=subprocess.PIPE, timeout=60
        )


@as_root
def test_a_character_device_is_written_into_never_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | 0o020000, os.makedev(1, 3))  # the same device as /dev/null
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(null)])
    assert result.exit_code == 0, result.output
    assert null.is_char_device()  # still the device, not a file renamed over it
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


@as_root
def test_a_full_device_is_one_line_and_exit_6(tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | 0o020000, os.makedev(1, 7))  # /dev/full: every write fails
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(full)])
    assert result.exit_code == 6
    assert result.stderr.count("\n") == 1 and "No space left" in result.stderr
    assert full.is_char_device()


def test_a_fifo_gets_the_bytes_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output("<p>hello</p>", fifo)
    reader.join(timeout=10)
    assert got == [b"<p>hello</p>"]
    assert fifo.is_fifo()


def test_write_atomic_refuses_anything_but_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(fifo, b"x")
    assert fifo.is_fifo()


def test_a_symlink_loop_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(tmp_path / "a")])
    assert result.exit_code == 6
    assert "symbolic link loop" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("where", "says"),
    [("no-such/out.html", "does not exist"), (".", "is a folder")],
)
def test_a_folder_or_a_missing_folder_is_one_clear_error(
    tmp_path: Path, where: str, says: str
) -> None:
    target = str(tmp_path / where)
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", target])
    assert result.exit_code == 6
    assert says in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["build", "summarize"])
def test_stdout_on_a_full_disk_is_one_line_and_exit_6(command: str) -> None:
    seed = str(TEST_SEEDS if command == "build" else TEST_SEEDS / "harbour.txt")
    proc = _to_full(command, seed)
    assert proc.returncode == 6
    assert proc.stderr.decode() == (
        "digest: error: stdout: cannot write (No space left on device); give -o FILE instead\n"
    )


def test_summarize_of_a_folder_to_a_full_disk_is_one_line_and_exit_6() -> None:
    proc = _to_full("summarize", str(TEST_SEEDS))
    assert proc.returncode == 6
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.decode().count("\n") == 1 and "No space left" in proc.stderr.decode()


def test_a_closed_stdout_is_one_line_and_exit_6() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "digest", "build", str(TEST_SEEDS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert proc.returncode == 6
    assert proc.stderr.decode() == (
        "digest: error: stdout is closed; give -o FILE or redirect stdout to a file\n"
    )
