"""The package's shape is the pipeline: each stage imports only from stages before it.

sources -> summarize -> render -> deliver, with the shared modules (model, errors,
config, console, atomic, links) below every stage, build.py and batch.py chaining
the stages, and preview and the command line on top. Only the command line
speaks click: the core raises errors and logs warnings, the CLI prints them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import digest

PACKAGE = Path(digest.__file__).parent
STAGES = {"sources": 1, "summarize": 2, "render": 3, "deliver": 4}
CHAIN = {"build": 5, "batch": 5}
ON_TOP = {"preview": 6, "cli": 7, "__main__": 8}  # no stage imports the command line
RANKS = {**STAGES, **CHAIN, **ON_TOP}  # any other top-level module is shared: rank 0


def _rank(module: str) -> int:
    """digest.render.compose -> 3; digest.links -> 0."""
    parts = module.split(".")
    return RANKS.get(parts[1], 0) if len(parts) > 1 else 0


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, absolute or relative."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from digest import x`
    return found


MODULES = {_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_walk_sees_the_package() -> None:
    assert "digest.render.compose" in MODULES and "digest.cli.commands" in MODULES
    assert "digest.model" in MODULES["digest.render.compose"]
    assert "click" in MODULES["digest.cli.commands"]


def test_no_module_imports_from_a_stage_after_it() -> None:
    backwards = [
        f"{module} imports {imported}"
        for module, imports in MODULES.items()
        for imported in imports
        if imported.startswith("digest.")
        and imported in MODULES
        and _rank(imported) > _rank(module)
    ]
    assert backwards == []


def test_only_the_command_line_imports_click() -> None:
    speaking = [
        module
        for module, imports in MODULES.items()
        if any(i == "click" or i.startswith("click.") for i in imports)
        and not module.startswith("digest.cli")
    ]
    assert speaking == []
