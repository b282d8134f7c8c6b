"""Every error a user can meet: one line naming the file, the problem and the fix; its exit code.

Table-driven: each Case sets up files in a fresh folder, runs one command as a
user would, and states the exit code and what the message must say.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli.commands import cli
from digest.errors import InputError
from digest.model import Story
from digest.sources.seeds import MAX_SEED_BYTES, read_seed

ARTICLE = (
    "Harbour Ferry Timetable Changes From Monday\n\n"
    "The harbour ferry will run every twenty minutes instead of every half hour from Monday, "
    "the transport office said on Thursday, after a year of complaints about crowded boats "
    "during the morning rush.\n\n"
    "Passengers at the north pier welcomed the change but asked for later evening sailings as "
    "well, saying the last boat at ten leaves night-shift workers with a long walk home.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(512)


def good(folder: Path, name: str = "ferry.txt") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def put(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def templates_with(tmp: Path, partial: str) -> Path:
    put(tmp / "theme" / "partials" / "footer.mjml.j2", partial)
    return tmp / "theme"


@dataclass(frozen=True)
class Case:
    id: str
    setup: Callable[[Path], list[str]]  # makes files in the folder, returns the arguments
    code: int
    says: tuple[str, ...]  # pieces the stderr must contain


CASES = [
    Case(
        "missing seed path",
        lambda t: ["build", str(t / "nope")],
        3,
        ("nope: no such file or folder", "check the seed path"),
    ),
    Case(
        "missing seed for summarize",
        lambda t: ["summarize", str(t / "nope.txt")],
        3,
        ("nope.txt: no such file or folder",),
    ),
    Case(
        "empty seed",
        lambda t: ["build", str(put(t / "empty.txt", " \n\n"))],
        3,
        ("empty.txt: the seed is empty", "put an article's text in it"),
    ),
    Case(
        "image named as a seed",
        lambda t: ["build", str(put(t / "photo.png", PNG))],
        3,
        ("photo.png: a PNG image, not text", "remove it from the seeds"),
    ),
    Case(
        "PDF saved with a .txt name, named among good seeds",
        lambda t: ["build", str(good(t / "s")), str(put(t / "report.txt", PDF))],
        3,
        ("report.txt: a PDF, not text",),
    ),
    Case(
        "NUL bytes in a seed",
        lambda t: ["summarize", str(put(t / "odd.txt", b"Headline\n\x00\x01\x02 data"))],
        3,
        ("odd.txt: binary data (NUL bytes;",),
    ),
    Case(
        "huge seed",
        lambda t: ["build", str(put(t / "huge.txt", b"word " * (MAX_SEED_BYTES // 5 + 1000)))],
        3,
        ("huge.txt: 10 MB is over the 10 MB limit", "save just the article's text"),
    ),
    Case(
        "malformed front matter",
        lambda t: ["build", str(put(t / "s.md", "---\ntitle: ok\nurl: [unclosed\n---\nBody\n"))],
        3,
        ("s.md: line 3: front matter is not valid YAML", "fix it or remove the --- block"),
    ),
    Case(
        "front matter nested thousands deep",
        lambda t: ["build", str(put(t / "s.md", "---\ntitle: " + "[" * 5000 + "\n---\nx\n"))],
        3,
        ("s.md: front matter is nested too deeply",),
    ),
    Case(
        "the only seed in a folder is unusable",
        lambda t: ["build", str(put(t / "seeds" / "a.txt", "\n").parent)],
        3,
        ("a.txt: the seed is empty",),
    ),
    Case(
        "no usable seed in a folder",
        lambda t: [
            "build",
            str(put(t / "s" / "a.txt", "\n").parent),
            str(put(t / "other" / "b.md", "")),
        ],
        3,
        (
            "no usable seeds (2 seeds skipped); fix what the warnings above say",
            "a.txt: the seed is empty",
            "b.md: the seed is empty",
        ),
    ),
    Case(
        "a folder without seeds given to summarize",
        lambda t: ["summarize", str(t)],
        3,
        ("no seed files; add .txt, .html or .md articles",),
    ),
    Case(
        "bad digest.toml key",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--config",
            str(put(t / "digest.toml", 'title = "x"\n[footer]\nadress = "1 Main St"\n')),
        ],
        4,
        ("digest.toml:3: unknown key 'footer.adress'",),
    ),
    Case(
        "digest.toml not TOML",
        lambda t: ["build", str(good(t / "s")), "--config", str(put(t / "digest.toml", "x =\n"))],
        4,
        ("digest.toml: not valid TOML", "line 1"),
    ),
    Case(
        "missing --config file",
        lambda t: ["build", str(good(t / "s")), "--config", str(t / "none.toml")],
        4,
        ("none.toml: no such config file",),
    ),
    Case(
        "bad --date",
        lambda t: ["build", str(good(t / "s")), "--date", "30/11/2026"],
        4,
        ("--date '30/11/2026': use the form YYYY-MM-DD",),
    ),
    Case(
        "Jinja2 syntax error in a user template",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--templates",
            str(templates_with(t, "a\n{% if %}\n")),
        ],
        5,
        ("footer.mjml.j2: line 2", "fix the template"),
    ),
    Case(
        "unknown attribute in a user partial: the partial and its line, not the root",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--templates",
            str(templates_with(t, "a\n{{ footer.nope }}\n")),
        ],
        5,
        ("footer.mjml.j2: line 2: ", "has no attribute 'nope'; fix the template"),
    ),
    Case(
        "unknown attribute in a user inline.css.j2",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--templates",
            str(put(t / "css" / "inline.css.j2", "p {}\n{{ theme.nope }}\n").parent),
        ],
        5,
        ("inline.css.j2: line 2: ", "has no attribute 'nope'; fix the template"),
    ),
    Case(
        "Jinja2 syntax error in a user inline.css.j2",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--templates",
            str(put(t / "css" / "inline.css.j2", "p {}\n{% if %}\n").parent),
        ],
        5,
        ("inline.css.j2: line 2: ", "fix the template"),
    ),
    Case(
        "user template with broken MJML: named by file and line before compiling",
        lambda t: [
            "build",
            str(good(t / "s")),
            "--templates",
            str(templates_with(t, "<mj-section><mj-column><mj-text>x</mj-column>\n")),
        ],
        5,
        ("footer.mjml.j2: line 1: </mj-column> closes <mj-text>", "add </mj-text> first"),
    ),
    Case(
        "missing --templates folder",
        lambda t: ["build", str(good(t / "s")), "--templates", str(t / "no-theme")],
        2,
        ("no-theme", "does not exist"),
    ),
    Case(
        "output folder does not exist",
        lambda t: ["build", str(good(t / "s")), "-o", str(t / "missing" / "out.html")],
        6,
        ("out.html: folder", "does not exist; create it or choose another -o"),
    ),
    Case(
        "output path under a file",
        lambda t: ["build", str(good(t / "s")), "-o", str(put(t / "afile", "x") / "out.html")],
        6,
        ("is a file, not a folder; choose another -o",),
    ),
    Case(
        "output path is a folder",
        lambda t: ["build", str(good(t / "s")), "-o", str(t)],
        6,
        ("is a folder; give a file name",),
    ),
    Case(
        "--strict with a warning",
        lambda t: [
            "build",
            str(good(t / "s")),
            str(put(t / "s" / "b.txt", "\n").parent),
            "--strict",
        ],
        7,
        ("b.txt: the seed is empty", "--strict: 1 warning above; nothing written"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_error_is_one_clear_line_with_its_exit_code(case: Case, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, case.setup(tmp_path))
    assert result.exit_code == case.code, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    error_lines = [
        line for line in result.stderr.splitlines() if line.startswith(("digest: error", "Error:"))
    ]
    assert len(error_lines) == 1, result.stderr
    for piece in case.says:
        assert piece in result.stderr, result.stderr


def test_bad_seed_in_a_folder_is_skipped_and_the_rest_is_built(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    good(folder, "a.txt")
    good(folder, "b.txt")
    good(folder, "c.txt")
    put(folder / "d.txt", "   \n")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "digest: warning: " in result.stderr and "d.txt: the seed is empty" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("digest: 3 stories, 1 seed skipped, ")
    assert out.read_text(encoding="utf-8").count("Harbour Ferry Timetable") >= 3


def test_images_and_pdfs_in_the_seeds_folder_are_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    good(folder)
    put(folder / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64))
    put(folder / "scan.txt", PDF)
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "o.html")])
    assert result.exit_code == 0, result.output
    assert "photo.jpg: not a seed (.jpg)" in result.stderr
    assert "scan.txt: a PDF, not text" in result.stderr
    assert "1 story, 2 seeds skipped" in result.stderr


@pytest.mark.parametrize(
    ("codec", "named"),
    [("cp1252", "cp1252"), ("latin-1", "cp1252"), ("utf-16", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_other_encodings_are_read_with_a_warning_naming_them(
    tmp_path: Path, codec: str, named: str
) -> None:
    text = ARTICLE.replace("Passengers", "Caf\u00e9 owners and passengers")
    if codec == "cp1252":
        text = text.replace("welcomed", "\u201cwelcomed\u201d")
    path = put(tmp_path / "s.txt", text.encode(codec))
    result = CliRunner().invoke(cli, ["build", str(path)])
    assert result.exit_code == 0, result.output
    assert f"s.txt: read as {named}, not UTF-8; save it as UTF-8" in result.stderr
    assert "Caf\u00e9 owners" in result.stdout


def test_mojibake_is_repaired_with_a_warning(tmp_path: Path) -> None:
    broken = ARTICLE.replace("Passengers", "Caf\u00e9 owners\u2019 and passengers")
    broken = broken.encode("utf-8").decode("cp1252")  # the classic double encoding
    assert "Caf\u00c3\u00a9" in broken and "\u00e2\u20ac\u2122" in broken
    result = CliRunner().invoke(cli, ["build", str(put(tmp_path / "s.txt", broken))])
    assert result.exit_code == 0, result.output
    assert "s.txt: repaired mojibake" in result.stderr
    assert "Caf\u00e9 owners\u2019" in result.stdout
    assert "\u00c3" not in result.stdout


def test_strict_turns_a_repair_warning_into_a_failure(tmp_path: Path) -> None:
    broken = ARTICLE.replace("Passengers", "Caf\u00e9 owners").encode("utf-8").decode("cp1252")
    out = put(tmp_path / "out.html", "last week")
    args = ["build", str(put(tmp_path / "s.txt", broken)), "-o", str(out), "--strict"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 7
    assert out.read_text(encoding="utf-8") == "last week"


def test_seed_without_a_headline_is_titled_from_its_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import digest.summarize

    monkeypatch.setattr(
        digest.summarize, "summarize", lambda seed: Story(headline=" ", byline=None, lead=("x",))
    )
    path = good(tmp_path / "s", "council-budget_vote.txt")
    result = CliRunner().invoke(cli, ["build", str(path)])
    assert result.exit_code == 0, result.output
    assert "council-budget_vote.txt: no headline found; used 'Council budget vote'" in (
        result.stderr
    )
    assert "Council budget vote" in result.stdout
    strict = CliRunner().invoke(cli, ["build", str(path), "--strict"])
    assert strict.exit_code == 7


def test_huge_seed_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # 50 MB of ordinary text
        line = b"The council met again on Tuesday and talked for a long time.\n"
        for _ in range(50 * 2**20 // len(line)):
            handle.write(line)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"huge\.txt: 50 MB is over the 10 MB limit"):
            read_seed(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_SEED_BYTES * 1.5


def test_warnings_and_errors_are_single_lines_even_for_multiline_causes(tmp_path: Path) -> None:
    theme = templates_with(tmp_path, "{{ config.no_such_setting }}\n")
    result = CliRunner().invoke(
        cli, ["build", str(good(tmp_path / "s")), "--templates", str(theme)]
    )
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("digest: error: ")
