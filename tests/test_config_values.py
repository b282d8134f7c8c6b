"""Every digest.toml value is checked for range and choice, not only type, when it is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from digest.config import load_config
from digest.errors import ConfigError

BAD = [
    ("lead_paragraphs = -5", "'lead_paragraphs' = -5", "from 0 to 10"),
    ('[email]\nformat = "pdf"', "'email.format' = 'pdf'", "html, text, eml, json"),
    ("[smtp]\nport = 99999999", "'smtp.port' = 99999999", "from 1 to 65535"),
    ('[email]\nlist_ids = ["a"]', "'email.list_ids' = ['a']", "whole numbers"),
    ("[email]\nlist_ids = [0]", "'email.list_ids' = [0]", "whole numbers"),
    ('[email]\nesp = "nope"', "'email.esp' = 'nope'", "mailchimp"),
    ('[smtp]\nsecurity = "maybe"', "'smtp.security' = 'maybe'", "starttls"),
    ("issue_number = 0", "'issue_number' = 0", "from 1"),
    ("max_stories = 0", "'max_stories' = 0", "from 1"),
    ("lang = 'en\"><b'", "'lang' = 'en\"><b'", "language tag"),
    ('[brand]\nname = " "', "'brand.name' = ' '", "not empty"),
    ('title = "Weekly\\u2028Digest"', "'title' = 'Weekly\\u2028Digest'", "one line"),
    ('[utm]\nsource = "a\\nb"', "'utm.source' = 'a\\nb'", "one line"),
]


@pytest.mark.parametrize(("toml", "names", "allowed"), BAD)
def test_a_value_out_of_range_names_file_key_value_and_what_is_allowed(
    tmp_path: Path, toml: str, names: str, allowed: str
) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = caught.value.format_message()
    assert message.startswith(f"{path}:{toml.count(chr(10)) + 1}: {names}")
    assert allowed in message


@pytest.mark.parametrize(
    "toml",
    [
        "lead_paragraphs = 0",
        "lead_paragraphs = 10",
        "[smtp]\nport = 65535",
        '[email]\nlist_ids = [3, 7]\nesp = "listmonk"\nformat = "eml"',
        'lang = "pt-BR"',
    ],
)
def test_values_at_the_edges_are_accepted(tmp_path: Path, toml: str) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    load_config(path)


def test_a_bad_value_is_exit_4_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text("lead_paragraphs = -5\n", encoding="utf-8")
    args = ["build", str(TEST_SEEDS), "--config", str(path), "-o", str(tmp_path / "o.html")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1 and "'lead_paragraphs' = -5" in result.stderr
    assert not (tmp_path / "o.html").exists()


@pytest.mark.parametrize("kind", ["folder", "missing", "not utf-8", "unreadable"])
def test_an_unreadable_config_is_the_settings_exit_code(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "digest.toml"
    if kind == "folder":
        path.mkdir()
    elif kind == "not utf-8":
        path.write_bytes(b"\xff\xfetitle = 1\n")
    elif kind == "unreadable":
        path.write_text('title = "x"\n', encoding="utf-8")
        path.chmod(0)
        if os.access(path, os.R_OK):  # root reads anything: make it a dangling link instead
            path.unlink()
            path.symlink_to(tmp_path / "gone.toml")
    commands = (
        ["build", str(TEST_SEEDS)],
        ["send", str(TEST_SEEDS), "--dry-run"],
        ["editions"],
        ["archive", str(tmp_path / "archive")],
    )
    for command in commands:
        result = CliRunner().invoke(cli, [*command, "--config", str(path)])
        assert result.exit_code == 4, result.output
        assert result.stderr.startswith("digest: error: ") and result.stderr.count("\n") == 1
