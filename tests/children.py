"""Child processes for the Ctrl-C tests: SIGINT works in the child, and the child never
outlives its test.

pytest may itself run with SIGINT ignored (started by `nohup`, or as a background
job of a non-interactive shell); a child inherits that, and Python then installs
no KeyboardInterrupt handler, so a test's Ctrl-C would never reach the command.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def child(args: Sequence[str], **options: Any) -> Iterator[subprocess.Popen[Any]]:
    """Popen(args) with SIGINT back to its default; killed (its group too) at the end."""
    process = subprocess.Popen(args, preexec_fn=_default_sigint, **options)
    try:
        yield process
    finally:
        if process.poll() is None:
            if options.get("start_new_session"):
                os.killpg(process.pid, signal.SIGKILL)  # the workers too
            else:
                process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
