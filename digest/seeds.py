"""Read seed files from disk: find them, decode them, split off front matter."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from digest.errors import InputError
from digest.model import FrontMatter, Seed, SeedKind

log = logging.getLogger(__name__)

_KINDS: dict[str, SeedKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_FRONT_MATTER_KEYS = {"title", "url", "byline", "date", "image", "quote"}


def seed_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their seed files, in name order; keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_files_in(path))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder; check the seed path")
    return found


def _files_in(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir()):
        if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in _KINDS:
            yield child


def read_seed(path: Path) -> Seed:
    """Read one seed file into a Seed."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from exc
    text, encoding = decode(raw, path)
    return parse_seed(text, str(path), kind_of(path), encoding)


def kind_of(path: Path) -> SeedKind:
    return _KINDS.get(path.suffix.lower(), "text")


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode seed bytes: UTF-8 (with or without BOM) first, else detect the encoding."""
    if not raw.strip():
        raise InputError(f"{path}: the seed is empty; put an article's text in it or remove it")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec), codec
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{path}: not text (binary data?); remove it from the seeds folder")
    log.warning("%s: read as %s, not UTF-8; save it as UTF-8 to silence this", path, best.encoding)
    return str(best), best.encoding


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
    block = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        raise InputError(
            f"{source}:{line}: front matter is not valid YAML; fix it or remove the --- block"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(f"{source}: front matter must be `key: value` lines")
    unknown = sorted(str(k) for k in data if k not in _FRONT_MATTER_KEYS)
    if unknown:
        log.warning("%s: front matter key(s) %s ignored", source, ", ".join(unknown))
    fields = {k: _as_text(data[k]) for k in _FRONT_MATTER_KEYS if data.get(k) is not None}
    return FrontMatter(**fields), "\n".join(lines[end + 1 :])


def _as_text(value: object) -> str:
    return str(value).strip()
