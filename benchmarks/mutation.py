"""Mutation run: break the code on purpose, one small change at a time, and count
the changes that no test notices.

    python benchmarks/mutation.py                 # every target, a sample of each (~6 min)
    python benchmarks/mutation.py --target esp    # one target
    python benchmarks/mutation.py --all           # every mutant, not a sample (slow)
    python benchmarks/mutation.py --bugs          # only the hand-written bugs below

Each mutant is written into a copy of the project in a temp folder (the checkout
is never touched), and the target's own test files run there with `pytest -x`:
a mutant is killed when a test fails (or the run times out), and survives when
every test passes. The mutants are small AST edits, each a copy of one node:
a comparison or boolean operator swapped, a `not` dropped, + and - swapped, a
number moved by one, True and False swapped, a string changed, a return value
replaced by None, a call statement removed. A fixed seed picks the sample, so
two runs on the same code test the same mutants.

mutmut 3 installs here, but it runs tests in-process through its own copy of
the package, so the tests that run `python -m digest` in a child (Ctrl-C,
pipes, the preview command) would test the unmutated code; this script puts
the copy first on PYTHONPATH, which children inherit.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 30  # mutants per target in the default run
TIMEOUT = 120.0  # seconds for one target's tests; longer means the mutant hangs a test
SEED = 18

# target name: (files mutated, test files that must notice)
TARGETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "quotes": (
        (
            "digest/summarize/quotes.py",
            "digest/summarize/attribution.py",
            "digest/summarize/speakers.py",
        ),
        (
            "tests/test_summarize_quotes.py",
            "tests/test_summarize_attribution.py",
            "tests/test_summarize_regression.py",
            "tests/test_summarize.py",
            "tests/test_summarize_html.py",
        ),
    ),
    "preview-server": (("digest/preview/server.py",), ("tests/test_preview.py",)),
    "esp": (
        ("digest/deliver/esp.py", "digest/vocabulary.py"),
        (
            "tests/test_esp.py",
            "tests/test_deliver.py",
            "tests/test_vocabulary.py",
            "tests/test_utm.py",
        ),
    ),
    "atomic": (("digest/atomic.py",), ("tests/test_output.py", "tests/test_output_targets.py")),
    # Only the hand-written clip-limit bugs below: check.py is not in the mutation sample.
    "check": (("digest/render/check.py",), ("tests/test_check.py",)),
}
MUTATED = ("quotes", "preview-server", "esp", "atomic")


@dataclass(frozen=True)
class Bug:
    """A plausible bug written by hand: `old` becomes `new` in `path`."""

    name: str
    target: str
    path: str
    old: str
    new: str


_NOT_FOUND = '            self._send(HTTPStatus.NOT_FOUND, b"not found\\n", "text/plain")'


def _from_disk(where: str) -> str:
    """A preview handler that serves what the request path names, relative to `where`."""
    return (
        f"            import urllib.parse; disk = Path({where})\n"
        f"            if disk.is_file():\n"
        f'                self._send(HTTPStatus.OK, disk.read_bytes(), "text/plain")\n'
        f"                return\n{_NOT_FOUND}"
    )


_ASSETS = 'Path(__file__).parent / "assets" / '
BUGS = (
    Bug(
        "preview serves files, plain path",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk(_ASSETS + 'self.path.lstrip("/")'),
    ),
    Bug(
        "preview serves files, URL-decoded",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk(_ASSETS + 'urllib.parse.unquote(url.path).lstrip("/")'),
    ),
    Bug(
        "preview serves files, decoded twice",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk(_ASSETS + 'urllib.parse.unquote(urllib.parse.unquote(url.path)).lstrip("/")'),
    ),
    Bug(
        "preview serves files, backslash as slash",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk(_ASSETS + 'urllib.parse.unquote(url.path).replace("\\\\", "/").lstrip("/")'),
    ),
    Bug(
        "preview serves files, absolute path",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk(_ASSETS + "urllib.parse.unquote(url.path)"),
    ),
    Bug(
        "preview serves files from the working folder",
        "preview-server",
        "digest/preview/server.py",
        _NOT_FOUND,
        _from_disk('Path.cwd() / urllib.parse.unquote(url.path).lstrip("/")'),
    ),
    Bug(
        "Mailchimp unsubscribe tag typo",
        "esp",
        "digest/vocabulary.py",
        '"*|UNSUB|*"',
        '"*|UNSUBSCRIBE|*"',
    ),
    Bug(
        "Brevo first-name tag typo",
        "esp",
        "digest/vocabulary.py",
        '"{{ contact.FIRSTNAME }}"',
        '"{{ contact.FIRST_NAME }}"',
    ),
    Bug(
        "'he said' is the first person named, not the last",
        "quotes",
        "digest/summarize/speakers.py",
        "    return recent_subject(text, book) or last_said(text, book) or last_named(text, book)",
        "    return recent_subject(text, book, first=True) or last_said(text, book) or "
        "last_named(text, book)",
    ),
    Bug(
        "'he said' takes the first full name in the text",
        "quotes",
        "digest/summarize/speakers.py",
        "    for match in reversed(list(_PROPER_RE.finditer(text))):",
        "    for match in list(_PROPER_RE.finditer(text)):",
    ),
    Bug(
        "Gmail clip limit 4 KB lower",
        "check",
        "digest/render/check.py",
        "    if size > SIZE_CLIP:",
        "    if size > SIZE_CLIP - 4 * KB:",
    ),
    Bug(
        "Gmail clip limit 4 KB higher",
        "check",
        "digest/render/check.py",
        "    if size > SIZE_CLIP:",
        "    if size > SIZE_CLIP + 4 * KB:",
    ),
    Bug(
        "atomic writer skips the temp file",
        "atomic",
        "digest/atomic.py",
        "    mode = _mode_for(path)\n",
        "    mode = _mode_for(path)\n    path.write_bytes(data)\n",
    ),
)


# --- Mutants ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Mutant:
    path: str
    line: int
    what: str
    start: tuple[int, int]  # (line, byte column) of the replaced node
    end: tuple[int, int]
    new: str


_SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.And: ast.Or, ast.Or: ast.And,
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Add,
}  # fmt: skip


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.add(id(value))
    return found


def _variants(node: ast.AST, docs: set[int]) -> Iterator[tuple[str, ast.AST]]:
    """(description, replacement node) for each mutation of `node` itself."""
    copy = lambda: ast.parse(ast.unparse(node), mode="eval").body  # noqa: E731
    if isinstance(node, ast.Compare):
        for k, op in enumerate(node.ops):
            if type(op) in _SWAPS:
                new = copy()
                new.ops[k] = _SWAPS[type(op)]()
                yield f"{type(op).__name__} -> {_SWAPS[type(op)].__name__}", new
    elif isinstance(node, ast.BoolOp):
        new = copy()
        new.op = _SWAPS[type(node.op)]()
        yield f"{type(node.op).__name__} -> {type(new.op).__name__}", new
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not dropped", node.operand
    elif isinstance(node, ast.BinOp) and type(node.op) in _SWAPS:
        new = copy()
        new.op = _SWAPS[type(node.op)]()
        yield f"{type(node.op).__name__} -> {type(new.op).__name__}", new
    elif isinstance(node, ast.Constant) and id(node) not in docs:
        value = node.value
        if isinstance(value, bool):
            yield f"{value} -> {not value}", ast.Constant(not value)
        elif isinstance(value, int | float):
            yield f"{value} -> {value + 1}", ast.Constant(value + 1)
        elif isinstance(value, str) and value:
            yield f"string {value[:30]!r} changed", ast.Constant("XX" + value + "XX")


def _statement_variants(node: ast.stmt) -> Iterator[tuple[str, str]]:
    if isinstance(node, ast.Return) and node.value is not None:
        if not (isinstance(node.value, ast.Constant) and node.value.value is None):
            yield "return value -> None", "return None"
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        yield f"call {ast.unparse(node.value.func)}() removed", "pass"


def mutants(path: str) -> list[Mutant]:
    source = (ROOT / path).read_text("utf-8")
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found: list[Mutant] = []
    for node in ast.walk(tree):
        if not hasattr(node, "lineno") or node.end_lineno is None:
            continue
        start = (node.lineno, node.col_offset)
        end = (node.end_lineno, node.end_col_offset or 0)
        if isinstance(node, ast.stmt):
            for what, text in _statement_variants(node):
                found.append(Mutant(path, node.lineno, what, start, end, text))
            continue
        for what, new in _variants(node, docs):
            text = f"({ast.unparse(new)})"
            found.append(Mutant(path, node.lineno, what, start, end, text))
    return sorted(found, key=lambda m: (m.line, m.start, m.what))


def apply(source: bytes, mutant: Mutant) -> bytes:
    lines = source.splitlines(keepends=True)
    offset = [0]
    for line in lines:
        offset.append(offset[-1] + len(line))
    a = offset[mutant.start[0] - 1] + mutant.start[1]
    b = offset[mutant.end[0] - 1] + mutant.end[1]
    return source[:a] + mutant.new.encode("utf-8") + source[b:]


# --- Running ----------------------------------------------------------------------------
def copy_project(into: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            target = into / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def run_tests(copy: Path, tests: tuple[str, ...]) -> str:
    """'passed', 'failed' or 'timeout' for the target's tests in the copy."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        done = subprocess.run(
            command, cwd=copy, env=env, capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return "passed" if done.returncode == 0 else "failed"


def with_change(copy: Path, path: str, new: bytes, tests: tuple[str, ...]) -> str:
    original = (copy / path).read_bytes()
    (copy / path).write_bytes(new)
    try:
        return run_tests(copy, tests)
    finally:
        (copy / path).write_bytes(original)


def run_bugs(copy: Path, names: list[str]) -> list[str]:
    missed = []
    for bug in BUGS:
        if bug.target not in names:
            continue
        source = (copy / bug.path).read_text("utf-8")
        assert source.count(bug.old) == 1, f"{bug.name}: the text to change is not found once"
        outcome = with_change(
            copy, bug.path, source.replace(bug.old, bug.new).encode(), TARGETS[bug.target][1]
        )
        print(f"  bug {'caught' if outcome != 'passed' else 'MISSED'}: {bug.name}", flush=True)
        if outcome == "passed":
            missed.append(bug.name)
    return missed


def run_target(copy: Path, name: str, sample: int | None) -> dict[str, int]:
    paths, tests = TARGETS[name]
    every = [m for path in paths for m in mutants(path)]
    chosen = every if sample is None else random.Random(SEED).sample(every, min(sample, len(every)))
    counts = {"mutants": len(every), "run": 0, "killed": 0, "survived": 0}
    started = time.monotonic()
    for mutant in sorted(chosen, key=lambda m: (m.path, m.line)):
        new = apply((copy / mutant.path).read_bytes(), mutant)
        try:
            ast.parse(new)
        except SyntaxError:
            continue  # not a program: no test needed to notice
        outcome = with_change(copy, mutant.path, new, tests)
        counts["run"] += 1
        if outcome == "passed":
            counts["survived"] += 1
            print(f"  survived: {mutant.path}:{mutant.line}: {mutant.what}", flush=True)
        else:
            counts["killed"] += 1
    counts["seconds"] = round(time.monotonic() - started)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", action="append", choices=sorted(TARGETS))
    parser.add_argument("--all", action="store_true", help="every mutant, not a sample")
    parser.add_argument("--sample", type=int, default=SAMPLE, help="mutants per target")
    parser.add_argument("--bugs", action="store_true", help="only the hand-written bugs")
    args = parser.parse_args()
    names = args.target or list(TARGETS)
    with tempfile.TemporaryDirectory(prefix="digest-mutation-") as folder:
        copy = Path(folder)
        copy_project(copy)
        for name in names:
            if run_tests(copy, TARGETS[name][1]) != "passed":
                sys.exit(f"{name}: the tests fail before any mutation; fix them first")
        missed = run_bugs(copy, names)
        if args.bugs:
            sys.exit(1 if missed else 0)
        rows = ["| target | mutants | run | killed | survived | score | seconds |"]
        rows.append("|---|---|---|---|---|---|---|")
        for name in (n for n in names if n in MUTATED):
            print(f"{name}:", flush=True)
            c = run_target(copy, name, None if args.all else args.sample)
            score = c["killed"] / c["run"] if c["run"] else 1.0
            rows.append(
                f"| {name} | {c['mutants']} | {c['run']} | {c['killed']} | {c['survived']} "
                f"| {score:.0%} | {c['seconds']} |"
            )
        print("\n" + "\n".join(rows))


if __name__ == "__main__":
    main()
