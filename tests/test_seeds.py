"""Reading seeds: folders, encodings, front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.errors import InputError
from digest.seeds import parse_seed, read_seed, seed_files


def test_folder_expands_to_seed_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in seed_files([tmp_path])] == ["a.md", "b.txt", "c.html"]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        seed_files([tmp_path / "missing"])


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
