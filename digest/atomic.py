"""Write files atomically, so an interrupted run never leaves a half-written file.

The bytes go to a hidden temp file in the target's folder, are flushed to disk,
and the temp file is renamed over the target in one step: a reader, a crash, a
full disk or Ctrl-C sees either last week's file or this week's, never half of
one. An existing file keeps its permissions; a symlink keeps pointing where it did.

Only a regular file is ever replaced: a character device (/dev/null), a FIFO or
stdout (`-`) is written straight into, and anything else is refused, so running
as root can never rename a file over /dev/null.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

from digest.errors import OutputError

# A temp file older than this is a leftover of a killed run (a write takes milliseconds).
STALE_SECONDS = 60.0
_TEMP_SUFFIX = ".tmp"


def write_output(data: str | bytes, target: str | Path) -> None:
    """Write to `target`, or to stdout when it is '-'."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if str(target) == "-":
        write_stdout(raw)
        return
    path = Path(target)
    if _is_stream(path):
        _write_stream(path, raw)
        return
    write_atomic(path, raw)


def write_stdout(data: str | bytes) -> None:
    """Write to stdout; a closed stdout or a full disk is one OutputError, never a traceback."""
    if sys.stdout is None:  # started with stdout closed (`digest build >&-`)
        raise OutputError("stdout is closed; give -o FILE or redirect stdout to a file")
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
        _silence_stdout()
    except (OSError, ValueError) as exc:  # ENOSPC (/dev/full), EBADF, a closed file
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or "it is closed"
        raise OutputError(f"stdout: cannot write ({reason}); give -o FILE instead") from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _is_stream(path: Path) -> bool:
    """A character device or a FIFO: written into as it is, never replaced."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another -o") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename it over `path`."""
    path = _follow_link(path)
    folder = path.parent if str(path.parent) else Path(".")
    _check_replaceable(path)
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMP_SUFFIX, dir=folder)
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
    except BaseException as exc:  # Ctrl-C and SIGTERM too: never leave the temp file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another -o") from exc
        raise
    _fsync_folder(folder)
    sweep_stale(path)


def _check_replaceable(path: Path) -> None:
    """Refuse anything but a regular file (or nothing yet) at `path`."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(
                f"{path}: a symbolic link loop; remove the link or choose another -o"
            ) from None
        return  # a missing or unreadable folder: the temp file's creation reports it
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder; give a file name, e.g. -o {path / 'digest.html'}")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: not a regular file; digest replaces only files")


def sweep_stale(path: Path) -> None:
    """Remove temp files of our own naming for `path` left by a killed run (best effort)."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[A-Za-z0-9_]{8}" + re.escape(_TEMP_SUFFIX))
    folder = path.parent if str(path.parent) else Path(".")
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


def _follow_link(path: Path) -> Path:
    """Replace what a symlink points to, not the link itself."""
    try:
        return path.resolve(strict=False) if path.is_symlink() else path
    except (OSError, RuntimeError):  # a link loop: _check_replaceable reports it
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
