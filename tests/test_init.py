"""`digest init`: a starter digest.toml and templates to edit; nothing overwritten by accident."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from digest.config import Config, load_config
from digest.render.compose import template_dirs


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_config_and_a_note_in_an_otherwise_empty_templates_folder(
    in_tmp: Path,
) -> None:
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert load_config(in_tmp / "digest.toml") == Config()
    assert [p.name for p in (in_tmp / "templates").iterdir()] == ["README.md"]
    note = (in_tmp / "templates" / "README.md").read_text(encoding="utf-8")
    packaged = template_dirs()[-1]
    assert f"cp {packaged}/partials/story.mjml.j2 templates/partials/" in note
    assert (packaged / "partials" / "story.mjml.j2").is_file()
    assert "--with-templates" in note


def test_init_with_templates_writes_config_and_every_template(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, ["init", "--with-templates"])
    assert result.exit_code == 0, result.output
    assert load_config(in_tmp / "digest.toml") == Config()
    packaged = template_dirs()[-1]
    for source in packaged.rglob("*.j2"):
        copy = in_tmp / "templates" / source.relative_to(packaged)
        assert copy.read_bytes() == source.read_bytes()
    assert "wrote digest.toml" in result.stderr and result.stdout == ""


def test_init_never_overwrites_without_force(in_tmp: Path) -> None:
    (in_tmp / "digest.toml").write_text('title = "Mine"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 6
    assert "--force" in result.stderr and result.stderr.count("\n") == 1
    assert (in_tmp / "digest.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'
    assert not (in_tmp / "templates").exists()  # nothing half-done


def test_init_force_overwrites(in_tmp: Path) -> None:
    (in_tmp / "digest.toml").write_text('title = "Mine"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", "--force"])
    assert result.exit_code == 0, result.output
    assert load_config(in_tmp / "digest.toml") == Config()


def test_edited_partial_in_local_templates_is_used_by_build(in_tmp: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--with-templates"]).exit_code == 0
    story = in_tmp / "templates" / "partials" / "story.mjml.j2"
    story.write_text(
        story.read_text(encoding="utf-8").replace("{{ button }} &#8594;<", "Keep reading<"),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--date", "2026-11-30"])
    assert result.exit_code == 0, result.output
    assert ">Keep reading</a>" in result.stdout


def test_theme_colour_in_digest_toml_reaches_the_email(in_tmp: Path) -> None:
    (in_tmp / "digest.toml").write_text('[theme]\naccent = "#0a5c36"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS)])
    assert result.exit_code == 0, result.output
    assert "#0a5c36" in result.stdout and "#b4232c" not in result.stdout
