"""The benchmark: prints a table of timings and memory, and checks them against the budgets.

    python benchmarks/run.py            # full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer repeats, for a smoke check

Seeds are generated here (benchmarks/seedgen.py), so it runs anywhere. Results
are printed and written to benchmarks/results.md next to this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seedgen

from digest.build import assemble
from digest.config import Config
from digest.render import compile_mjml, inline_css, inline_rules, render_mjml, render_text
from digest.seeds import read_seed
from digest.summarize import summarize

HERE = Path(__file__).resolve().parent
DATE = dt.date(2026, 11, 30)


def median_ms(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_build(folder: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `digest build` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "digest",
            "build",
            str(folder),
            "-o",
            str(out),
            "--date",
            "2026-11-30",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"digest build failed on {folder} (status {status})")
    return wall, usage.ru_maxrss / 1024


def cold_rows(root: Path, repeats: int) -> list[tuple[str, float, float]]:
    rows = []
    for count in (1, 20, 200):
        folder = root / f"seeds-{count}"
        seedgen.write_seeds(folder, count)
        runs = [cold_build(folder, root / "out.html") for _ in range(repeats)]
        rows.append(
            (
                f"cold build, {count} seeds",
                statistics.median(r[0] for r in runs),
                max(r[1] for r in runs),
            )
        )
    return rows


def stage_rows(root: Path, repeats: int) -> list[tuple[str, float]]:
    paths = seedgen.write_seeds(root / "stage-seeds", 20)
    config = Config()
    seeds = [read_seed(p) for p in paths]
    stories = [summarize(s) for s in seeds]
    digest = assemble(stories, config, DATE)
    mjml = render_mjml(digest, config)
    html = compile_mjml(mjml)
    css = inline_rules(config)
    final = inline_css(html, css)
    out = root / "stage-out.html"
    stages = [
        ("read 20 seeds", lambda: [read_seed(p) for p in paths]),
        ("summarize 20 seeds", lambda: [summarize(s) for s in seeds]),
        ("render MJML (Jinja2)", lambda: render_mjml(digest, config)),
        ("compile (mjml-python)", lambda: compile_mjml(mjml)),
        ("inline CSS (premailer)", lambda: inline_css(html, css)),
        ("plain text", lambda: render_text(digest, config)),
        ("write", lambda: out.write_text(final, encoding="utf-8")),
    ]
    rows = [(name, median_ms(func, repeats)) for name, func in stages]
    render_total = sum(ms for name, ms in rows if name.startswith(("render", "compile", "inline")))
    return [*rows, ("render + compile + inline", render_total)]


def summarize_rows(root: Path, count: int) -> list[tuple[str, float]]:
    paths = seedgen.write_seeds(root / "many", count)
    seeds = [read_seed(p) for p in paths]
    per_seed = []
    for seed in seeds:
        start = time.perf_counter()
        summarize(seed)
        per_seed.append((time.perf_counter() - start) * 1000)
    short = read_seed(paths[0])
    long_path = root / "long.txt"
    long_path.write_text(seedgen.seed_text(0, paragraphs=90), encoding="utf-8")
    long = read_seed(long_path)
    ratio = median_ms(lambda: summarize(long), 9) / median_ms(lambda: summarize(short), 9)
    return [
        (f"summarize, median of {count} seeds (ms)", statistics.median(per_seed)),
        (f"summarize, {count} seeds in one process (s)", sum(per_seed) / 1000),
        ("summarize, 10x longer seed / normal seed (x)", ratio),
    ]


def table(title: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [f"{c:.3f}" if isinstance(c, float) else str(c) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def budgets(
    cold: list[tuple[str, float, float]],
    stages: list[tuple[str, float]],
    summ: list[tuple[str, float]],
) -> list[tuple[str, str, str]]:
    cold20 = next(r for r in cold if "20 seeds" in r[0])
    render_ms = next(ms for name, ms in stages if name == "render + compile + inline")
    median_seed, _, ratio = (v for _, v in summ)

    def check(ok: bool) -> str:
        return "met" if ok else "MISSED"

    return [
        ("cold build of 20 seeds < 0.5 s", f"{cold20[1]:.2f} s", check(cold20[1] < 0.5)),
        ("cold build of 20 seeds < 120 MB", f"{cold20[2]:.0f} MB", check(cold20[2] < 120)),
        ("summarize median seed < 10 ms", f"{median_seed:.2f} ms", check(median_seed < 10)),
        ("10x longer seed costs <= ~10x", f"{ratio:.1f}x", check(ratio <= 12)),
        ("render+compile+inline, 20 stories < 15 ms", f"{render_ms:.1f} ms", check(render_ms < 15)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and seeds")
    args = parser.parse_args()
    repeats, many = (3, 200) if args.quick else (7, 2000)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cold = cold_rows(root, repeats)
        stages = stage_rows(root, repeats * 3)
        summ = summarize_rows(root, many)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = "\n".join(
        [
            f"## digest benchmark ({machine})",
            "",
            table("Cold process", ("run", "wall s (median)", "peak MB"), cold),
            table("Stages, 20-seed digest, in process (warm)", ("stage", "ms (median)"), stages),
            table("Summarizer", ("measure", "value"), summ),
            table("Budgets", ("budget", "measured", "status"), budgets(cold, stages, summ)),
        ]
    )
    print(report)
    (HERE / "results.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
