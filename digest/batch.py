"""Summarize many seeds as JSON lines: in order, streamed, over N worker processes.

`digest summarize FOLDER --jobs 2` reads and summarizes each seed in a worker,
which hands back the finished JSON line and the warnings it logged; this process
only writes them, in the order of the seeds. Results are written as they come
and never collected, so memory stays flat however many seeds there are.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Generator, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from digest.build import summarize_file
from digest.console import Progress, collected_warnings, count
from digest.errors import InputError, OutputError, StrictError
from digest.sources.seeds import scan

log = logging.getLogger(__name__)

# Seeds handed to a worker at a time: big enough that pickling is not the cost,
# small enough that the first lines come out at once and the work stays balanced.
MAX_CHUNK = 16


@dataclass(frozen=True)
class Summary:
    """What became of one seed: its JSON line, or the reason it was skipped."""

    source: str
    line: str | None  # the JSON object, without the newline
    warnings: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Totals:
    written: int
    skipped: int
    jobs: int


def cpu_count() -> int:
    """Cores this process may use (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def seed_paths(args: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Files as given and folders expanded in name order; other files in them are skipped."""
    paths, skipped = scan(args)
    if not paths:
        where = ", ".join(str(a) for a in args)
        raise InputError(f"{where}: no seed files; add .txt, .html or .md articles")
    return paths, skipped


def summarize_one(path: str) -> Summary:
    """Read and summarize one seed file (in a worker): never raises for a bad seed."""
    with collected_warnings(silence=True) as warned:
        try:
            story = summarize_file(Path(path))
        except InputError as exc:
            return Summary(path, None, tuple(warned), exc.format_message())
    line = json.dumps({**story.as_json(), "source": path}, ensure_ascii=False)
    return Summary(path, line, tuple(warned))


def summarize_many(paths: Sequence[Path], jobs: int = 1) -> Generator[Summary, None, None]:
    """One Summary per path, in order; `jobs` processes (0: every core) share the work."""
    jobs = _workers(jobs, len(paths))
    names = [str(p) for p in paths]
    if jobs <= 1:
        yield from map(summarize_one, names)
        return
    chunk = max(1, min(MAX_CHUNK, len(names) // (jobs * 4)))
    # spawn, not fork: a fresh worker inherits no threads, locks or log handlers.
    context = multiprocessing.get_context("spawn")
    with ExitStack() as stack:
        with _ctrl_c_held():
            # A Ctrl-C while a worker is still importing would print its traceback.
            pool = stack.enter_context(context.Pool(jobs, initializer=_ignore_ctrl_c))
        yield from pool.imap(summarize_one, names, chunksize=chunk)


def run(args: Sequence[Path], jobs: int = 1, strict: bool = False) -> Totals:
    """Write each seed's JSON line to stdout; log each problem (or stop at it, `strict`)."""
    paths, not_seeds = seed_paths(args)
    for message in not_seeds:
        _warn(f"{message} (skipped)", strict, 0)
    written = skipped = 0
    progress = Progress("summarized", len(paths))
    try:
        with closing(summarize_many(paths, jobs)) as summaries:
            for summary in summaries:
                progress.step()
                for message in summary.warnings:
                    _warn(message, strict, written)
                if summary.line is None:
                    skipped += 1
                    _warn(f"{summary.error} (skipped)", strict, written)
                    continue
                if not _write(summary.line + "\n"):
                    break  # the reader went away (`| head`): stop working too
                written += 1
        progress.done()
        _write("", flush=True)
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: say how much is already out
        with suppress(OSError, ValueError, AttributeError):
            sys.stdout.flush()
        stop.lines_written = written  # type: ignore[attr-defined]
        raise
    if not written and skipped:
        raise InputError(f"none of the {count(len(paths), 'seed')} could be summarized; see above")
    return Totals(written, skipped + len(not_seeds), _workers(jobs, len(paths)))


def _workers(jobs: int, seeds: int) -> int:
    return max(1, min(jobs or cpu_count(), seeds))


def _write(text: str, flush: bool = False) -> bool:
    """Write to stdout; False once the reader has closed the pipe."""
    if sys.stdout is None:  # started with stdout closed
        raise OutputError("stdout is closed; redirect it to a file (> summaries.jsonl)")
    try:
        sys.stdout.write(text)
        if flush:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return False
    except (OSError, ValueError) as exc:  # a full disk (/dev/full), a closed descriptor
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or "it is closed"
        raise OutputError(f"stdout: cannot write ({reason}); redirect it elsewhere") from None
    return True


def _silence_stdout() -> None:
    # Point stdout at /dev/null so Python's exit flush does not complain either.
    with suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _warn(message: str, strict: bool, written: int) -> None:
    log.warning("%s", message)
    if strict:
        raise StrictError(
            f"--strict: stopped at the warning above, after {count(written, 'line')}; "
            "fix the seed or run without --strict"
        )


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Start processes with Ctrl-C blocked (they inherit it); one pressed meanwhile waits.

    multiprocessing's resource tracker unblocks SIGINT after starting itself, so it is
    started before the signal is blocked.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    sigint = {signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, sigint)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, sigint)


def _ignore_ctrl_c() -> None:
    # Ctrl-C reaches every process in the terminal's group: the main process stops
    # the pool and prints one line; workers must not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
