"""Compiled code kept between runs in the user's cache folder, the way Python keeps .pyc files.

Compiling the rankers' trees costs more than the rest of the summarizer's start-up, and
their code only changes when the weights or the code that writes them out do. An entry
holds what it was made from (its stamp, with the Python version): anything else, or a
file that cannot be read, is a miss, and the value is made again. The cache is
disposable: a folder that cannot be written only means the work is done every run.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")
# Part of every stamp: a change to how entries are laid out makes the old ones misses.
LAYOUT = b"digest codecache 1"


def folder() -> Path | None:
    """$XDG_CACHE_HOME/digest, else ~/.cache/digest (as for fetched pages on Linux).

    Not platformdirs: importing it would cost more than the cache saves.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG spec says to ignore it
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home folder to find
            return None
    return Path(base) / "digest"


def kept(name: str, stamp: bytes, make: Callable[[], T], where: Path | None = None) -> T:
    """The value `make()` returns (marshal-able: numbers, text, tuples, dicts, code),
    read from the cache when an entry was made from the same `stamp`."""
    where = where or folder()
    if where is None:
        return make()
    # Bytecode is only good for the Python that wrote it.
    stamp = b"\0".join([LAYOUT, sys.version.encode(), stamp])
    path = where / f"{name}-{zlib.crc32(stamp):08x}.marshal"
    try:
        stored_stamp, value = marshal.loads(path.read_bytes())
        if stored_stamp == stamp:
            return cast("T", value)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = make()
    if not sys.dont_write_bytecode:  # -B or PYTHONDONTWRITEBYTECODE: leave no files, as Python
        _store(path, marshal.dumps((stamp, value)))  # type: ignore[arg-type]
    return value


def _store(path: Path, data: bytes) -> None:
    from digest.atomic import write_atomic  # only on a miss: it imports tempfile
    from digest.errors import OutputError

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, OutputError):
        pass  # read-only home, full disk: compiled again next run, nothing lost
