"""Read seed files from disk: find them, decode them, split off front matter.

A seed is refused with one clear line when it is missing, empty, binary (an
image, a PDF) or over MAX_SEED_BYTES; text in another encoding is read and a
warning names the encoding; mojibake ("CafÃ©") is repaired with a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.model import FrontMatter, Seed, SeedKind
from digest.sources.decoding import decode, repair_mojibake

log = logging.getLogger(__name__)

# A seed is one article: 10 MB is far beyond any real one, and reading stops at
# the limit, so a huge file costs at most this much memory before it is refused.
MAX_SEED_BYTES = 10 * 1024 * 1024

_KINDS: dict[str, SeedKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
STDIN = Path("-")
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
# digest's own HTML email (MJML's Outlook namespaces on <html>, the mso conditionals): in
# the seeds folder it is an earlier -o output, and read as a story it would nest the email.
_OWN_EMAIL = re.compile(
    r"<html[^>]*urn:schemas-microsoft-com:vml[^>]*>.*?<!--\[if mso", re.I | re.S
)
_FRONT_MATTER_KEYS = {
    "title",
    "url",
    "byline",
    "date",
    "image",
    "image_alt",
    "section",
    "quote",
    "lead",
    "lang",
}
_SCALARS = (str, int, float, dt.date)


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Seed files to read (folders expanded, in name order), and why others are skipped."""
    found: list[Path] = []
    skipped: list[str] = []
    for path in paths:
        if path.is_dir():
            for child in _files_in(path):
                if child.suffix.lower() in _KINDS:
                    found.append(child)
                else:
                    kind = child.suffix or "no extension"
                    skipped.append(f"{child}: not a seed ({kind}); seeds are .txt, .html or .md")
        elif path.is_file() or is_stream(path):
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file or folder; give seed files or a folder")
        else:
            raise InputError(f"{path}: no such file or folder; check the seed path")
    unique = list(dict.fromkeys(found))  # a file named twice is one story
    return unique, skipped


def _files_in(folder: Path) -> list[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        raise InputError(f"{folder}: cannot list the folder ({exc.strerror}); check it") from exc
    return [c for c in children if c.is_file() and not c.name.startswith(".")]


def read_seed(path: Path) -> Seed:
    """Read one seed file (or stdin, for `-`) into a Seed."""
    return seed_from_bytes(read_capped(path), path)


def seed_from_bytes(raw: bytes, path: Path) -> Seed:
    """A Seed from bytes already read; a name without a known suffix is sniffed for HTML."""
    name = "stdin" if path == STDIN else str(path)
    text, encoding = decode(raw, Path(name))
    kind = kind_of(path) if path.suffix.lower() in _KINDS else _sniffed_kind(text)
    if kind == "html" and _OWN_EMAIL.search(text[:4096]):
        raise InputError(
            f"{name}: an email built by digest, not an article; write -o outside the seeds "
            "folder (or remove the file)"
        )
    return parse_seed(repair_mojibake(text, name), name, kind, encoding)


def is_stream(path: Path) -> bool:
    """stdin (`-`), a FIFO or a device: read once, as it comes (`digest build <(curl ...)`)."""
    if path == STDIN:
        return True
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _sniffed_kind(text: str) -> SeedKind:
    return "html" if _HTML_START.match(text) else "text"


def read_capped(path: Path, limit: int = MAX_SEED_BYTES) -> bytes:
    """The file's bytes; refuse (having read at most limit + 1 bytes) if it is bigger."""
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read(limit + 1) if sys.stdin is not None else b""
        else:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file or folder; check the seed path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder; give one seed file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from exc
    if len(raw) > limit:
        try:
            size = f"{path.stat().st_size / 2**20:.0f} MB is"
        except OSError:
            size = "it is"
        raise InputError(
            f"{path}: {size} over the {limit / 2**20:.0f} MB limit for a seed; "
            "save just the article's text"
        )
    return raw


def kind_of(path: Path) -> SeedKind:
    return _KINDS.get(path.suffix.lower(), "text")


def parse_seed(text: str, source: str, kind: SeedKind = "text", encoding: str = "utf-8") -> Seed:
    """Build a Seed from decoded text, splitting off YAML front matter."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text, source)
    return Seed(source=source, text=body, kind=kind, meta=meta, encoding=encoding)


def split_front_matter(text: str, source: str) -> tuple[FrontMatter, str]:
    """Split a leading `---` YAML block from the body; no block means empty FrontMatter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter(), text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return FrontMatter(), text
    data = _load_yaml("\n".join(lines[1:end]), source)
    for key in sorted(_FRONT_MATTER_KEYS):
        value = data.get(key)
        if isinstance(value, BadValue):
            raise InputError(
                f"{source}: front matter '{key}' has {value.describe()}; fix it or remove the line"
            )
    unknown = sorted(str(k) for k in data if k not in _FRONT_MATTER_KEYS)
    if unknown:
        log.warning("%s: front matter key(s) %s ignored", source, ", ".join(unknown))
    fields = {}
    for key in sorted(_FRONT_MATTER_KEYS):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, _SCALARS):
            log.warning(
                "%s: front matter '%s' is not text; ignored, write it as one line", source, key
            )
            continue
        fields[key] = str(value).strip()
    return FrontMatter(**fields), "\n".join(lines[end + 1 :])


def _load_yaml(block: str, source: str) -> dict[object, object]:
    import yaml  # only seeds with front matter pay for the YAML parser (~15 ms to import)

    try:
        data = yaml.load(block, Loader=_loader()) or {}  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        raise InputError(
            f"{source}:{line}: front matter is not valid YAML; fix it or remove the --- block"
        ) from exc
    except RecursionError as exc:  # "[[[[..." nested thousands deep
        raise InputError(
            f"{source}: front matter is nested too deeply; use `key: value` lines"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{source}: front matter must be `key: value` lines")
    return data


_TYPE_WORDS = {"timestamp": "date", "int": "whole number", "float": "number", "bool": "yes or no"}


@dataclass(frozen=True)
class BadValue:
    """A scalar YAML cannot turn into its type (`date: 2026-11-31`, `!!int "abc"`)."""

    tag: str
    text: str

    def describe(self) -> str:
        kind = self.tag.rsplit(":", 1)[-1]
        what = _TYPE_WORDS.get(kind, kind)
        return f"{self.text!r}, which is not a valid {what}"


@functools.cache
def _loader() -> type:
    """yaml's SafeLoader, except that a value its type cannot hold becomes a BadValue.

    SafeLoader raises a bare ValueError (or TypeError) for a day that does not exist,
    which would stop a whole folder's build; this way the seed is named and skipped.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    for kind in ("timestamp", "int", "float", "bool", "binary"):
        tag = f"tag:yaml.org,2002:{kind}"
        Loader.add_constructor(tag, _tolerant(yaml.SafeLoader.yaml_constructors[tag], tag))
    return Loader


def _tolerant(construct: Any, tag: str) -> Any:
    def build(loader: Any, node: Any) -> object:
        try:
            return construct(loader, node)
        except (ValueError, TypeError, AttributeError, OverflowError, LookupError):
            return BadValue(tag, str(node.value)[:80])

    return build
