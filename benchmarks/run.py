"""The benchmark: prints a table of timings and memory, and checks them against the budgets.

    python benchmarks/run.py            # full run: 2,000-seed batches, 7 repeats (~10 min here)
    python benchmarks/run.py --quick    # 200-seed batches, 3 repeats (well under a minute)

Seeds are generated here (benchmarks/seedgen.py), so it runs anywhere. Results
are printed and written to benchmarks/results.md next to this script. Every
figure is a median of several runs; on a shared machine, run it twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import machine
import seedgen
from cold import Run, environment, median_run

from digest.atomic import write_atomic
from digest.build import assemble
from digest.config import Config
from digest.render.compose import compile_mjml, inline_css, inline_rules, render_mjml, render_text
from digest.render.minify import minify_html
from digest.sources.seeds import read_seed
from digest.summarize import summarize_seed

HERE = Path(__file__).resolve().parent
DATE = dt.date(2026, 11, 30)
RENDER_TOTAL = "render + compile + inline"
PAGE_URL = "https://news.example/2026/11/30/story"
Row = tuple[object, ...]
ColdRow = tuple[str, float, float]  # command, wall s, peak MB
StageRow = tuple[str, float]  # stage, ms


def median_ms(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_rows(root: Path, repeats: int) -> list[ColdRow]:
    """New `digest` processes, as an editor, a script or CI runs them."""
    one = seedgen.write_seeds(root / "seeds-1", 1)[0]
    commands = [
        ("digest --help", ["--help"]),
        ("digest summarize, 1 seed", ["summarize", str(one)]),
    ]
    for count in (1, 20, 200):
        folder = root / f"seeds-{count}"
        seedgen.write_seeds(folder, count)
        # 200 stories are over the story and clip limits a real send keeps: written anyway,
        # since what is timed here is the work, not the email.
        out = ["-o", str(root / "out.html"), "--date", DATE.isoformat(), "--allow-oversize"]
        commands.append((f"digest build, {count} seeds", ["build", str(folder), *out]))
    rows: list[ColdRow] = []
    for label, args in commands:
        run = median_run(args, repeats)
        rows.append((label, run.wall, run.peak_mb))
    return rows


def stage_rows(root: Path, repeats: int) -> list[StageRow]:
    """Each stage of a 20-story build in one warm process (the preview loop's case), in ms."""
    paths = seedgen.write_seeds(root / "stage-seeds", 20)
    config = Config()
    seeds = [read_seed(p) for p in paths]
    # Every story with its picture, as pages fetched with `digest fetch` have (og:image).
    stories = [
        replace(summarize_seed(s), image=f"https://news.example/img/{n}.jpg", url=PAGE_URL)
        for n, s in enumerate(seeds)
    ]
    digest = assemble(stories, config, DATE)
    mjml = render_mjml(digest, config)
    html = compile_mjml(mjml)
    inlined = inline_css(html, inline_rules(config))
    final = minify_html(inlined).encode("utf-8")
    out = root / "stage-out.html"
    stages: list[tuple[str, Callable[[], object]]] = [
        ("read 20 seeds", lambda: [read_seed(p) for p in paths]),
        ("summarize 20 seeds", lambda: [summarize_seed(s) for s in seeds]),
        ("render MJML (Jinja2)", lambda: render_mjml(digest, config)),
        ("compile (mjml-python)", lambda: compile_mjml(mjml)),
        ("inline CSS (premailer)", lambda: inline_css(html, inline_rules(config))),
        ("minify", lambda: minify_html(inlined)),
        ("plain text", lambda: render_text(digest, config)),
        ("write (atomic, fsync)", lambda: write_atomic(out, final)),
    ]
    rows = [(name, median_ms(func, repeats)) for name, func in stages]
    render_ms = sum(ms for name, ms in rows if name.startswith(("render", "compile", "inline")))
    return [*rows, (RENDER_TOTAL, render_ms)]


def summarize_rows(root: Path, count: int, setup_ms: float) -> tuple[list[Row], float, float]:
    """The summarizer alone, in process: the median seed, throughput, cost against length."""
    seeds = [read_seed(p) for p in seedgen.write_seeds(root / "many", count)]
    per_seed = []
    start = time.perf_counter()
    for seed in seeds:
        before = time.perf_counter()
        summarize_seed(seed)
        per_seed.append((time.perf_counter() - before) * 1000)
    total = time.perf_counter() - start
    (root / "short.txt").write_text(seedgen.seed_text(0), encoding="utf-8")
    (root / "long.txt").write_text(seedgen.seed_text(0, paragraphs=90), encoding="utf-8")
    short, long = read_seed(root / "short.txt"), read_seed(root / "long.txt")
    size = len(long.text) / len(short.text)
    cost = median_ms(lambda: summarize_seed(long), 15) / median_ms(
        lambda: summarize_seed(short), 15
    )
    median_seed = statistics.median(per_seed)
    rows: list[Row] = [
        (
            "import and set-up beyond the CLI's, cold (1st page less a warm one)",
            f"{setup_ms:.1f} ms",
        ),
        (f"median seed, of {count}", f"{median_seed:.3f} ms"),
        (f"{count} seeds, one process", f"{total:.2f} s, {count / total:,.0f} seeds/s"),
        (f"a {size:.1f}x longer seed", f"{cost:.1f}x the time"),
    ]
    return rows, median_seed, cost


# In a fresh process that has loaded what every `digest` command loads (the CLI, and with it
# click, logging, dataclasses, the shared model), import the summarizer and summarize one
# small page. The first page pays what a cold `digest summarize` or `build` adds before its
# first story (the import, the weights and their trees, patterns compiled on first use); a
# warm run of the same page is taken off, so what remains is the set-up alone.
SETUP = """
import statistics, sys, time
import digest.cli.commands
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
from digest.model import Seed
from digest.summarize import summarize
page = Seed("page.txt", text)
summarize(page)
first = time.perf_counter() - start
warm = []
for _ in range(5):
    before = time.perf_counter()
    summarize(page)
    warm.append(time.perf_counter() - before)
print((first - statistics.median(warm)) * 1000)
"""


def summarizer_setup_ms(root: Path, repeats: int) -> float:
    page = root / "setup-page.txt"
    page.write_text(seedgen.seed_text(0), encoding="utf-8")
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", SETUP, str(page)],
                capture_output=True,
                text=True,
                check=True,
                env=environment(),
            ).stdout
        )
        for _ in range(repeats)
    ]
    return statistics.median(runs)


def batch_runs(root: Path, count: int, repeats: int) -> dict[str, Run]:
    """`digest summarize FOLDER --jobs N`, whole processes, JSON lines to /dev/null."""
    small, long = root / "batch-small", root / "batch-long"
    seedgen.write_seeds(small, count // 10)
    # 10x longer seeds: ten times the summarizing per seed, to show what the workers share.
    seedgen.write_seeds(long, count, paragraphs=90)
    many = str(root / "many")  # written by summarize_rows
    return {
        "1": median_run(["summarize", many, "--jobs", "1"], repeats),
        "0": median_run(["summarize", many, "--jobs", "0"], repeats),
        "small": median_run(["summarize", str(small), "--jobs", "0"], repeats),
        "long 1": median_run(["summarize", str(long), "--jobs", "1"], 3),
        "long 0": median_run(["summarize", str(long), "--jobs", "0"], 3),
    }


def batch_rows(runs: dict[str, Run], count: int) -> list[Row]:
    all_cores = f"--jobs 0 ({os.cpu_count()} cores)"
    labelled = [
        (f"{count} seeds, --jobs 1", runs["1"], count),
        (f"{count} seeds, {all_cores}", runs["0"], count),
        (f"{count // 10} seeds, {all_cores}", runs["small"], count // 10),
        (f"{count} 10x longer seeds, --jobs 1", runs["long 1"], count),
        (f"{count} 10x longer seeds, {all_cores}", runs["long 0"], count),
    ]
    return [(label, r.wall, f"{n / r.wall:,.0f}", r.busy, r.peak_mb) for label, r, n in labelled]


def verdict(measured: float, limit: float, unit: str) -> Row:
    """(limit, measured, status, margin): 'met', '38% under' or 'MISSED', 'by 0.12 s (24%)'."""
    share = abs(limit - measured) / limit * 100
    shown = f"{measured:.3g} {unit}"
    if measured < limit:
        return (f"< {limit:g} {unit}", shown, "met", f"{share:.0f}% under")
    over = f"by {measured - limit:.3g} {unit} ({share:.0f}%)"
    return (f"< {limit:g} {unit}", shown, "MISSED", over)


def budget_rows(
    cold: list[ColdRow],
    stages: list[StageRow],
    runs: dict[str, Run],
    count: int,
    seed_ms: float,
    cost: float,
    setup_ms: float,
) -> list[Row]:
    build20 = next(r for r in cold if r[0] == "digest build, 20 seeds")
    render_ms = next(ms for name, ms in stages if name == RENDER_TOTAL)
    flat = runs["0"].peak_mb / runs["small"].peak_mb
    speedup = runs["1"].wall / runs["0"].wall
    long_speedup = runs["long 1"].wall / runs["long 0"].wall
    share = (
        ("met", f"{speedup:.2f}x as fast as --jobs 1")
        if speedup > 1
        else (
            "MISSED",
            f"{speedup:.2f}x: starting workers costs more than the work they share "
            f"(10x longer seeds: {long_speedup:.2f}x)",
        )
    )
    return [
        ("cold build, 20 seeds: wall", *verdict(build20[1], 0.5, "s")),
        ("cold build, 20 seeds: peak memory", *verdict(build20[2], 120, "MB")),
        ("summarize: median seed, in process", *verdict(seed_ms, 10, "ms")),
        ("summarizer import and set-up beyond the CLI's, cold", *verdict(setup_ms, 60, "ms")),
        ("summarize: 10x longer seed costs at most ~10x", *verdict(cost, 12, "x")),
        ("render + compile + inline, 20 stories, warm", *verdict(render_ms, 15, "ms")),
        (f"batch peak memory, {count} / {count // 10} seeds", *verdict(flat, 1.2, "x")),
        (
            f"batch, {count} seeds, --jobs 0 uses every core",
            "faster than --jobs 1",
            f"{runs['0'].busy:.2f} cores busy",
            *share,
        ),
    ]


def table(title: str, header: tuple[str, ...], rows: Sequence[Row]) -> str:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200-seed batches, 3 repeats")
    args = parser.parse_args()
    repeats, count = (3, 200) if args.quick else (7, 2000)
    where = machine.describe()
    print(f"digest benchmark on {where}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cold = cold_rows(root, repeats)
        stages = stage_rows(root, repeats * 5)
        setup_ms = summarizer_setup_ms(root, repeats)
        summ, seed_ms, cost = summarize_rows(root, count, setup_ms)
        runs = batch_runs(root, count, repeats)
    report = "\n".join(
        [
            f"## digest benchmark{' (--quick)' if args.quick else ''}",
            "",
            f"{dt.date.today().isoformat()}, {where}.",
            "",
            table("Cold process", ("command", "wall s (median)", "peak MB"), cold),
            table("Stages of a 20-seed build, in process (warm)", ("stage", "ms (median)"), stages),
            table("Summarizer, in process", ("measure", "value"), summ),
            table(
                "Batch: `digest summarize FOLDER --jobs N`, whole process",
                ("run", "wall s", "seeds/s", "cores busy", "peak MB (largest process)"),
                batch_rows(runs, count),
            ),
            table(
                "Budgets",
                ("budget", "limit", "measured", "status", "margin"),
                budget_rows(cold, stages, runs, count, seed_ms, cost, setup_ms),
            ),
        ]
    )
    print(report)
    (HERE / "results.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
