"""Compiled templates kept between runs in the user's cache folder, as the rankers' trees are.

Jinja2 turns each template into Python at every start: about 20 ms of a cold build.
Its bytecode cache keeps that code; an entry is used only for the same template source
and the same Python, and the folder's name carries Jinja2's version and our settings
(what the code also depends on). The cache is disposable: a folder that cannot be read
or written only means the templates are compiled every run.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from digest import codecache


class TemplateCache(jinja2.FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):  # damaged or unreadable: compile
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if sys.dont_write_bytecode:  # -B or PYTHONDONTWRITEBYTECODE: leave no files, as Python
            return
        try:
            Path(self.directory).mkdir(mode=0o700, parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # read-only home, full disk: compiled again next run, nothing lost


def template_cache(env: jinja2.Environment) -> TemplateCache | None:
    """The cache for templates compiled by `env`, a folder of its own per version and
    settings (the code a template compiles to depends on both)."""
    where = codecache.folder()
    if where is None:
        return None
    settings = (
        jinja2.__version__,
        env.autoescape,
        env.undefined.__name__,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        sorted(env.filters),
    )
    stamp = hashlib.sha1(repr(settings).encode(), usedforsecurity=False).hexdigest()[:12]
    return TemplateCache(str(where / f"templates-{stamp}"))
