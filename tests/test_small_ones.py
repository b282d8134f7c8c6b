"""Small rough edges: stdin and FIFO seeds, checking an image, -o with a suffix we do not
write, a Markdown link with parentheses in its URL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli

ARTICLE = (TEST_SEEDS / "harbour.txt").read_text(encoding="utf-8")
PAGE = (
    "<!doctype html><html><body><article><h1>Harbour Wall Repaired</h1><p>The harbour wall "
    "was repaired on Monday after months of work by the town's engineers, the council said."
    "</p></article></body></html>"
)


@pytest.mark.parametrize(("given", "headline"), [(ARTICLE, "Harbour"), (PAGE, "Harbour Wall")])
def test_build_reads_a_seed_from_stdin(tmp_path: Path, given: str, headline: str) -> None:
    out = tmp_path / "o.html"
    result = CliRunner().invoke(cli, ["build", "-", "-o", str(out)], input=given)
    assert result.exit_code == 0, result.output
    assert headline in out.read_text("utf-8")
    assert "<!doctype" not in out.read_text("utf-8").split("<body", 1)[1]  # HTML was read as HTML


def test_build_from_a_pipe_in_a_real_shell(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "digest", "build", "-", "-o", str(tmp_path / "o.html")],
        input=ARTICLE.encode(),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().startswith("digest: 1 story")


def _fifo_with(tmp_path: Path, text: str) -> tuple[Path, threading.Thread]:
    fifo = tmp_path / "article"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(text, encoding="utf-8"))
    writer.start()
    return fifo, writer


def test_build_reads_a_fifo_seed(tmp_path: Path) -> None:
    fifo, writer = _fifo_with(tmp_path, ARTICLE)
    out = tmp_path / "o.html"
    result = CliRunner().invoke(cli, ["build", str(fifo), "-o", str(out)])
    writer.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert "no such file" not in result.stderr and "Harbour" in out.read_text("utf-8")


def test_summarize_reads_a_fifo_seed(tmp_path: Path) -> None:
    fifo, writer = _fifo_with(tmp_path, ARTICLE)
    result = CliRunner().invoke(cli, ["summarize", str(fifo)])
    writer.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert "Harbour" in result.stdout


def test_check_refuses_an_image(tmp_path: Path) -> None:
    image = tmp_path / "x.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = CliRunner().invoke(cli, ["check", str(image)])
    assert result.exit_code == 3
    assert result.stderr == f"digest: error: {image}: a PNG image, not an HTML email; " + (
        "give the .html file to check\n"
    )


@pytest.mark.parametrize("name", ["out.md", "out.pdf", "out.MJML"])
def test_an_output_suffix_digest_does_not_write_is_refused(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(out)])
    assert result.exit_code == 4
    assert "--format" in result.stderr and result.stderr.count("\n") == 1  # before any work
    assert not out.exists()


@pytest.mark.parametrize("name", ["out", "issue.2026-11-30"])
def test_an_output_without_a_word_suffix_is_html(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("<!doctype html>")


def test_format_writes_any_suffix(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "-o", str(out), "--format", "text"])
    assert result.exit_code == 0, result.output


def test_a_markdown_link_with_parentheses_leaves_no_stray_bracket(tmp_path: Path) -> None:
    seed = tmp_path / "a.md"
    seed.write_text(
        "# Harbour wall repaired\n\nThe council said the "
        "[wall](https://news.example/wiki/Wall_(harbour)) was repaired on Monday after months "
        "of work by the town engineers.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["summarize", str(seed)])
    assert result.exit_code == 0, result.output
    lead = result.stdout.splitlines()[-1]
    assert lead.startswith("The council said the wall was repaired on Monday")
    assert ")" not in lead
