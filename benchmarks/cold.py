"""Run `digest` as a new process and measure it: wall time, peak memory, cores kept busy."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    peak_mb: float  # the largest single process (the main one or a --jobs worker)
    busy: float  # CPU seconds / wall seconds: 2.0 means two cores were busy throughout


def environment() -> dict[str, str]:
    """As after `pip install`: bytecode is cached (some shells set PYTHONDONTWRITEBYTECODE)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


# A small launcher process starts `digest` and measures it. Started straight from this
# big process, a child's peak memory would count this one's (Linux carries the peak of
# the memory a process had before exec over into the program it execs).
LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - start
print(json.dumps({"status": status, "wall": wall, "errors": errors.decode(errors="replace"),
    "maxrss": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def run_once(args: list[str]) -> Run:
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "digest", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=environment(), check=True)
    result = json.loads(done.stdout)
    if result["status"] != 0:
        raise SystemExit(f"digest {' '.join(args)} failed:\n{result['errors']}")
    # wait4's usage covers the process and the workers it waited for; ru_maxrss is the
    # largest of them (KB on Linux), not their sum.
    wall = result["wall"]
    return Run(wall=wall, peak_mb=result["maxrss"] / 1024, busy=result["cpu"] / wall)


def median_run(args: list[str], repeats: int) -> Run:
    """Median wall time and CPU use, highest peak memory, after one untimed warm-up run."""
    run_once(args)  # writes bytecode and fills the file cache, as any second run finds them
    runs = [run_once(args) for _ in range(repeats)]
    return Run(
        wall=statistics.median(r.wall for r in runs),
        peak_mb=max(r.peak_mb for r in runs),
        busy=statistics.median(r.busy for r in runs),
    )
