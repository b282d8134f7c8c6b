"""Seed bytes -> text: byte-order marks, UTF-8, a detected encoding, mojibake repair.

Binary files (an image, a PDF) are recognised by their first bytes before any
decoding, so they are refused by name rather than read as garbage. Text in
another encoding is read and a warning names the encoding; text that was once
decoded with the wrong encoding ("CafÃ©") is repaired with ftfy, with a warning.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from digest.errors import InputError, NotTextError

log = logging.getLogger(__name__)

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
# A UTF-8 lead byte read as cp1252/latin-1 followed by a continuation byte read
# the same way ("Ã©", "â€™"): a cheap test before the slower full repair.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


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
