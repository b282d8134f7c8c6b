"""Read seed files from disk: find them, decode them, split off front matter.

A seed is refused with one clear line when it is missing, empty, binary (an
image, a PDF) or over MAX_SEED_BYTES; text in another encoding is read and a
warning names the encoding; mojibake ("CafÃ©") is repaired with a warning.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from digest.errors import InputError, NotTextError
from digest.model import FrontMatter, Seed, SeedKind

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
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an audio file"),
)
# What Western European news text uses beyond ASCII; cp1250/cp1251 text read as
# cp1252 shows other characters ("Za¿ó³æ").
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒšŠžŽŸ"
    "\u201c\u201d\u2018\u2019\u201e\u2013\u2014\u2026\u20ac\u2022\u2122"
    "©®°£¥§«»¿¡·\u00a0½¼¾¢"
)
# "¿" opens a sentence and never ends a word; three accented letters in a row
# ("Ãåéü") is another script read wrongly, not French or German.
_NOT_WESTERN = re.compile(r"(?<=\w)[¿¡]|[À-ÿœŒšŠžŽŸ]{3}")
_FRONT_MATTER_KEYS = {"title", "url", "byline", "date", "image", "quote"}
_SCALARS = (str, int, float, dt.date)
# A UTF-8 lead byte read as cp1252/latin-1 followed by a continuation byte read
# the same way ("Ã©", "â€™"): a cheap test before the slower full repair.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


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
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file or folder; give seed files or a folder")
        else:
            raise InputError(f"{path}: no such file or folder; check the seed path")
    unique = list(dict.fromkeys(found))  # a file named twice is one story
    return unique, skipped


def seed_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their seed files, in name order; warn about other files there."""
    found, skipped = scan(paths)
    for message in skipped:
        log.warning("%s (skipped)", message)
    return found


def _files_in(folder: Path) -> list[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        raise InputError(f"{folder}: cannot list the folder ({exc.strerror}); check it") from exc
    return [c for c in children if c.is_file() and not c.name.startswith(".")]


def read_seed(path: Path) -> Seed:
    """Read one seed file into a Seed."""
    text, encoding = decode(read_capped(path), path)
    return parse_seed(repair_mojibake(text, path), str(path), kind_of(path), encoding)


def read_capped(path: Path, limit: int = MAX_SEED_BYTES) -> bytes:
    """The file's bytes; refuse (having read at most limit + 1 bytes) if it is bigger."""
    try:
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


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode seed bytes: a BOM, else UTF-8, else the detected encoding (with a warning)."""
    if not raw.strip():
        raise InputError(f"{path}: the seed is empty; put an article's text in it or remove it")
    text, encoding = _decode(raw, path)
    if not text.strip():
        raise InputError(f"{path}: the seed is empty; put an article's text in it or remove it")
    return text, encoding


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, codec, path)
            if codec != "utf-8-sig":
                log.warning(
                    "%s: read as %s, not UTF-8; save it as UTF-8 to silence this",
                    path,
                    codec.upper(),
                )
            return text, codec
    binary = binary_kind(raw)
    if binary:
        raise NotTextError(
            f"{path}: {binary}, not text; remove it from the seeds or save the article as .txt"
        )
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _detect(raw)
    log.warning("%s: read as %s, not UTF-8; save it as UTF-8 to silence this", path, encoding)
    return text, encoding


def _strict(raw: bytes, codec: str, path: Path) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: starts like {codec.upper()} but byte {exc.start} is not; save it as UTF-8"
        ) from exc


def binary_kind(raw: bytes) -> str | None:
    """What a binary file is ("a PNG image"), or None for text; checked before decoding."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "a WebP image"
    if raw[4:8] == b"ftyp":
        return "a video or HEIC image"
    if b"\x00" in raw[:8192]:
        return "binary data (NUL bytes; UTF-16 without a BOM looks like this too)"
    return None


def _detect(raw: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 text: Windows Western (cp1252, a superset of Latin-1) when it reads
    as plausible Western text, else what charset-normalizer finds most likely."""
    try:
        western: str | None = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # The detector is unsure on short, mostly-ASCII articles (it says cp775 for
    # cp1252 "quotes"), so the common case is checked first.
    if western is not None and _looks_western(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes

    for match in from_bytes(raw):  # most likely first; cp1252 was just ruled out
        if str(match) != western:
            return str(match), match.encoding
    # No other guess, but no NUL bytes either: an 8-bit Western file is likeliest.
    if western is not None:
        return western, "cp1252 (a guess: check accented letters)"
    return raw.decode("latin-1"), "latin-1 (a guess: check accented letters)"


def _looks_western(text: str) -> bool:
    """Accented letters inside mostly-ASCII words, and typographic punctuation, only."""
    others = [c for c in text if ord(c) > 127]
    letters = sum(c.isascii() and c.isalpha() for c in text)
    if len(others) > 0.3 * max(letters, 1):  # whole words of "accents": Cyrillic, Greek...
        return False
    return all(c in _WESTERN for c in others) and not _NOT_WESTERN.search(text)


def repair_mojibake(text: str, path: Path | str) -> str:
    """Fix UTF-8 that was once read as cp1252 ("CafÃ©" -> "Café"), with a warning."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        log.warning(
            "%s: repaired mojibake (text decoded with the wrong encoding, like 'Ã©' for 'é'); "
            "check it and save the seed as clean UTF-8",
            path,
        )
    return fixed


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
    try:
        data = yaml.safe_load(block) or {}
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
