"""Progress lines show on a terminal and never in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import TEST_SEEDS


def _run(args: list[str], tty: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if not tty:
        done = subprocess.run(args, capture_output=True, env=env, timeout=60, check=True)
        return done.stderr.decode()
    parent, child = pty.openpty()
    with subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=child, env=env) as proc:
        os.close(child)
        chunks = []
        while True:
            try:
                data = os.read(parent, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
    os.close(parent)
    return b"".join(chunks).decode()


def _seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    text = (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8")
    for n in range(3):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def test_build_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "digest", "build", str(_seeds(tmp_path)), "-o", "-"]
    assert "summarized 3/3" in _run(args, tty=True)
    assert "summarized" not in _run(args, tty=False)


def test_batch_summarize_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "digest", "summarize", str(_seeds(tmp_path))]
    assert "summarized 3/3" in _run(args, tty=True)
    assert "summarized 3/3" not in _run(args, tty=False)
