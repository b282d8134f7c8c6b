"""Write files atomically, so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from digest.errors import OutputError


def write_output(data: str | bytes, target: str | Path) -> None:
    """Write to `target`, or to stdout when it is '-'."""
    if str(target) == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return
    write_atomic(Path(target), data.encode("utf-8") if isinstance(data, str) else data)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename it over `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror}); choose another -o") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another -o") from exc
        raise
