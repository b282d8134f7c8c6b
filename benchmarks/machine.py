"""One line naming the machine a benchmark ran on, and how busy it was."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def describe() -> str:
    cpu = _cpuinfo("model name") or platform.processor() or platform.machine()
    memory = _meminfo_gb()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; load average at start {load}"
    )


def _cpuinfo(key: str) -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(key):
                return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    return None


def _meminfo_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GB RAM"
    except OSError:
        pass
    return "RAM unknown"
