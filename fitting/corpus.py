"""The development pages the summarizer is fit and measured on, and the scorer's rules.

The pages live outside the repository (`../shared/corpus*` beside the clone, or the folders
named by DIGEST_CORPORA, separated by ':'); their text is evaluation data and never copied
in. The scoring rules are the shared `score.py`'s own, loaded from beside the pages.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("../shared/corpus", "../shared/corpus-wild")
# Pages of our own writing: layouts the shared pages lack (above all, pages with no byline).
# They are always fit on and never scored in the cross-validated line.
OWN = (ROOT / "tests" / "regression_pages", ROOT / "fitting" / "pages")


@dataclass(frozen=True)
class Page:
    id: str
    site: str
    text: str
    truth: dict[str, Any]


def folders() -> list[Path]:
    names = os.environ.get("DIGEST_CORPORA")
    chosen = names.split(":") if names else DEFAULT
    return [(ROOT / name).resolve() for name in chosen]


def available() -> bool:
    return all((folder / "truth").is_dir() for folder in folders())


@cache
def pages() -> tuple[Page, ...]:
    """The shared development pages, each with its site."""
    return _read(folders())


@cache
def own_pages() -> tuple[Page, ...]:
    return tuple(
        Page(p.id, f"own:{p.id}", p.text, p.truth) for p in _read([f for f in OWN if f.is_dir()])
    )


def _read(where: list[Path] | tuple[Path, ...]) -> tuple[Page, ...]:
    found = []
    for folder in where:
        for path in sorted((folder / "truth").glob("*.json")):
            truth = json.loads(path.read_text(encoding="utf-8"))
            seed = folder / "seeds" / f"{truth['id']}.txt"
            text = seed.read_text(encoding="utf-8")
            found.append(Page(truth["id"], _site(truth), text, truth))
    return tuple(found)


def _site(truth: dict[str, Any]) -> str:
    """The site a page comes from, so cross-validation can hold whole sites out."""
    if truth.get("site_domain"):
        return str(truth["site_domain"]).removeprefix("www.")
    if truth.get("url"):
        host = urlsplit(truth["url"]).hostname or ""
        return ".".join(host.removeprefix("www.").split(".")[-2:])
    return str(truth["id"]).split("-")[0]


@cache
def scorer() -> ModuleType:
    """The shared score.py, whose match rules define a right answer."""
    path = folders()[0] / "score.py"
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
