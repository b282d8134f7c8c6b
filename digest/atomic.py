"""Write files atomically, so an interrupted run never leaves a half-written file.

The bytes go to a hidden temp file in the target's folder, are flushed to disk,
and the temp file is renamed over the target in one step: a reader, a crash, a
full disk or Ctrl-C sees either last week's file or this week's, never half of
one. An existing file keeps its permissions; a symlink keeps pointing where it did.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from digest.errors import OutputError


def write_output(data: str | bytes, target: str | Path) -> None:
    """Write to `target`, or to stdout when it is '-'."""
    if str(target) == "-":
        _write_stdout(data)
        return
    write_atomic(Path(target), data.encode("utf-8") if isinstance(data, str) else data)


def _write_stdout(data: str | bytes) -> None:
    try:
        if isinstance(data, str):
            sys.stdout.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader stopped early (`digest build | head`): that is its choice, not an
        # error; point stdout at /dev/null so Python's exit flush does not complain.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename it over `path`."""
    path = _follow_link(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name, e.g. -o {path / 'digest.html'}")
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as exc:
        raise OutputError(
            f"{path}: folder {folder} does not exist; create it or choose another -o"
        ) from exc
    except NotADirectoryError as exc:
        raise OutputError(f"{path}: {folder} is a file, not a folder; choose another -o") from exc
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror}); choose another -o") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:  # KeyboardInterrupt too: never leave the temp file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another -o") from exc
        raise
    _fsync_folder(folder)


def _follow_link(path: Path) -> Path:
    """Replace what a symlink points to, not the link itself."""
    try:
        return path.resolve() if path.is_symlink() else path
    except OSError:  # a link loop: let the write report it
        return path


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets the usual 0666 minus umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
