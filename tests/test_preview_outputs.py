"""The preview builds what `digest build` would: ./templates made later is used, and an email
written into the seeds folder is skipped with a warning, not read back as a story."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_preview import fetch, running, seed_text, state, wait_until

from conftest import ISSUE_DATE
from digest.build import build
from digest.cli.commands import cli
from digest.config import load_config
from digest.render.compose import INLINE_CSS, template_dirs


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as `digest init` leaves it, without templates/ yet; the cwd."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "herons.md").write_text(seed_text("Herons return to the estuary"), "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_templates_folder_made_while_previewing_is_used(project: Path) -> None:
    with running(project / "seeds") as preview:
        version = wait_until(lambda: state(preview)["version"])
        templates = project / "templates"
        templates.mkdir()
        packaged = (template_dirs()[-1] / INLINE_CSS).read_text("utf-8")
        (templates / INLINE_CSS).write_text(packaged + "\nh1 { letter-spacing: 7px; }\n", "utf-8")
        wait_until(lambda: state(preview)["version"] != version)
        expected = build([project / "seeds"], load_config(), ISSUE_DATE, templates).email.html
        assert "letter-spacing:7px" in expected
        wait_until(lambda: fetch(preview.url + "email.html") == (200, expected.encode("utf-8")))


def test_an_email_written_into_the_seeds_folder_is_skipped_with_a_warning(project: Path) -> None:
    with running(project / "seeds") as preview:
        wait_until(lambda: state(preview)["version"])
        out = project / "seeds" / "issue.html"
        result = CliRunner().invoke(cli, ["build", "seeds", "-o", str(out), "--date", "2026-11-30"])
        assert result.exit_code == 0, result.output
        shown = wait_until(lambda: (s := state(preview))["warnings"] and s)
        assert isinstance(shown, dict)
        assert shown["stories"] == 1
        assert "issue.html: an email built by digest" in shown["warnings"][0]


def test_build_skips_its_own_earlier_output_in_the_seeds_folder(project: Path) -> None:
    args = ["build", "seeds", "-o", "seeds/issue.html"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "seeds/issue.html: an email built by digest, not an article" in again.stderr
    assert "1 story, 1 seed skipped" in again.stderr
