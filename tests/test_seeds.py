"""Reading seeds: folders, encodings, front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError, NotTextError
from digest.sources.decoding import binary_kind, repair_mojibake
from digest.sources.seeds import (
    MAX_SEED_BYTES,
    parse_seed,
    read_capped,
    read_seed,
    scan,
)


def test_folder_expands_to_seed_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in scan([tmp_path])[0]] == ["a.md", "b.txt", "c.html"]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        scan([tmp_path / "missing"])


def test_kind_follows_the_extension(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.md").write_text("# x", encoding="utf-8")
    assert read_seed(tmp_path / "a.html").kind == "html"
    assert read_seed(tmp_path / "b.md").kind == "markdown"


def test_front_matter_is_split_off() -> None:
    seed = parse_seed("---\ntitle: Given title\nurl: https://x.example/a\n---\nBody text\n", "s.md")
    assert seed.meta.title == "Given title"
    assert seed.meta.url == "https://x.example/a"
    assert seed.text.strip() == "Body text"


def test_malformed_front_matter_names_the_line() -> None:
    with pytest.raises(InputError, match=r"s\.md: line 3"):
        parse_seed("---\ntitle: ok\nurl: [unclosed\n---\nBody\n", "s.md")


def test_cp1252_is_detected_and_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.txt"
    text = "Caf\u00e9 owners say the new rules are \u201cunfair\u201d to small businesses.\n" * 3
    path.write_bytes(text.encode("cp1252"))
    seed = read_seed(path)
    assert "Caf\u00e9" in seed.text and "\u201cunfair\u201d" in seed.text
    assert "not UTF-8" in caplog.text


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Headline here\n\nBody".encode("utf-16"))
    assert read_seed(path).text.startswith("Headline here")


def test_empty_seed_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_seed(path)


# --- Hardening: binary, huge, encodings, mojibake, hostile front matter -------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.4\n", "a PDF"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"\x00\x00\x00\x18ftypheic", "a video or HEIC image"),
        (b"Headline\x00\x00", "binary data (NUL bytes; UTF-16 without a BOM looks like this too)"),
    ],
)
def test_binary_files_are_recognised_before_decoding(head: bytes, kind: str) -> None:
    assert binary_kind(head + bytes(100)) == kind


def test_text_is_not_binary() -> None:
    assert binary_kind("Caf\u00e9 \u201cnews\u201d".encode()) is None


def test_binary_seed_is_a_not_text_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n" + bytes(200))
    with pytest.raises(NotTextError, match=r"scan\.txt: a PDF, not text"):
        read_seed(path)


def test_folder_scan_names_the_files_it_skips(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    found, skipped = scan([tmp_path, tmp_path / "a.txt"])
    assert [p.name for p in found] == ["a.txt"]  # named twice, read once
    assert [s.split(": ", 1)[1] for s in skipped] == [
        "not a seed (no extension); seeds are .txt, .html or .md",
        "not a seed (.jpg); seeds are .txt, .html or .md",
    ]


def test_reading_stops_just_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    assert read_capped(path, limit=101) == b"x" * 101
    with pytest.raises(InputError, match="over the 0 MB limit"):
        read_capped(path, limit=100)
    assert MAX_SEED_BYTES == 10 * 2**20


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_every_byte_order_mark_is_honoured(tmp_path: Path, codec: str) -> None:
    boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    boms |= {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    path = tmp_path / "a.txt"
    path.write_bytes(boms[codec] + "Caf\u00e9 opens\n\nBody".encode(codec))
    assert read_seed(path).text.startswith("Caf\u00e9 opens")


def test_utf8_bom_is_silent(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\n\nBody")
    assert read_seed(path).text.startswith("Headline")
    assert caplog.text == ""


def test_polish_cp1250_is_not_mistaken_for_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = (
        "Burmistrz \u0141odzi powiedzia\u0142 w czwartek, \u017ce nowy most zostanie otwarty "
        "w przysz\u0142ym roku. Mieszka\u0144cy dzielnicy s\u0105 zadowoleni, ale kierowcy "
        "narzekaj\u0105 na korki i brak miejsc do parkowania.\n\n"
    ) * 3
    path.write_bytes(text.encode("cp1250"))
    assert read_seed(path).text == text


def test_mojibake_is_repaired_and_clean_text_left_alone(caplog: pytest.LogCaptureFixture) -> None:
    assert (
        repair_mojibake("Caf\u00c3\u00a9 it\u00e2\u20ac\u2122s", "a.txt") == "Caf\u00e9 it\u2019s"
    )
    assert "a.txt: repaired mojibake" in caplog.text
    caplog.clear()
    clean = "Caf\u00e9 \u00c0 la carte, na\u00efve \u201cquotes\u201d \u2014 fine"
    assert repair_mojibake(clean, "b.txt") == clean
    assert caplog.text == ""


def test_front_matter_lists_and_alias_bombs_are_ignored_not_expanded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bomb = "\n".join(
        ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]"
            for i in range(8)
        ]
        + ["title: *i", "byline: {name: x}", "url: https://news.example/a"]
    )
    seed = parse_seed(f"---\n{bomb}\n---\nBody\n", "s.md")
    assert seed.meta.title is None and seed.meta.byline is None
    assert seed.meta.url == "https://news.example/a"
    assert "front matter 'title' is not text; ignored" in caplog.text


def test_front_matter_date_and_numbers_become_text() -> None:
    seed = parse_seed("---\ndate: 2026-03-03\ntitle: 1984\n---\nBody\n", "s.md")
    assert seed.meta.date == "2026-03-03" and seed.meta.title == "1984"


def test_crlf_and_cr_line_endings_are_normalised() -> None:
    seed = parse_seed("---\r\ntitle: T\r\n---\r\nOne\rTwo\r\n", "s.txt")
    assert seed.meta.title == "T" and seed.text == "One\nTwo\n"
