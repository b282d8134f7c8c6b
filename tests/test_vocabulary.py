"""One vocabulary: formats, email services and merge tags are each defined once.

A new email service with a tag syntax of its own is one entry in
digest.vocabulary.PRESETS and one body function; the command line, the JSON
dispatch, config checks, `digest check`, UTM tagging and seed sanitizing all
follow. The fake provider is registered in a fresh process, the way a new entry
in the table would be there from the start.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import TEST_SEEDS
from digest.cli.commands import cli
from digest.deliver.esp import BODIES
from digest.deliver.formats import WRITERS
from digest.vocabulary import FORMATS, PRESETS

FAKE_PROVIDER = r"""
import json, sys
from pathlib import Path
from click.testing import CliRunner
from digest import vocabulary
from digest.links import is_merge_tag
from digest.model import MergeTags
from digest.render.sanitize import inert_text
from digest.render.utm import tag_url

TAG, LINK, GREETING = "$$unsubscribe$$", "https://news.example/a?who=$$email$$", "Hi $$name$$"
UTM = {"utm_source": "digest"}
seen = {"before": [is_merge_tag(TAG), tag_url(LINK, UTM) == LINK, inert_text(GREETING)]}

# The table entry: Inkwell's tags look like $$name$$ ...
vocabulary.PRESETS["inkwell"] = vocabulary.Preset(
    MergeTags(unsubscribe=TAG, web_version=None, first_name="$$first_name$$"),
    vocabulary.TagSyntax(r"\$\$[A-Za-z_.]+\$\$", r"\$(?=\$[A-Za-z_.]+\$\$)", r"\$\$"),
    "POST https://inkwell.example/v1/send",
    ("to",),
)
# ... and its body function.
from digest.deliver.esp import body_for

@body_for("inkwell")
def _inkwell(email, env):
    return {"inkwell": True, "to": [a for _, a in env.to], "html": email.html}

from digest.cli.commands import cli

seen["after"] = [is_merge_tag(TAG), tag_url(LINK, UTM) == LINK, inert_text(GREETING)]
runner = CliRunner()
seen["help"] = runner.invoke(cli, ["build", "--help"]).stdout
args = ["build", sys.argv[1], "--esp", "inkwell", "--to", "reader@news.example"]
built = runner.invoke(cli, [*args, "--format", "json", "--utm-source", "digest"])
seen["json"] = [built.exit_code, built.stdout, built.stderr]
config = Path(sys.argv[2])
config.write_text('[footer]\nunsubscribe_url = "$$unsubscribe$$"\n', encoding="utf-8")
html = runner.invoke(cli, ["build", sys.argv[1], "--config", str(config), "--format", "html"])
seen["html"] = [html.exit_code, html.stdout, html.stderr]
page = Path(sys.argv[2]).with_suffix(".html")
page.write_text(html.stdout, encoding="utf-8")
checked = runner.invoke(cli, ["check", str(page)])
seen["check"] = [checked.exit_code, checked.stderr]
print(json.dumps(seen))
"""


def test_a_new_provider_is_one_table_entry_and_one_body_function(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FAKE_PROVIDER, str(TEST_SEEDS), str(tmp_path / "digest.toml")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    # Before the entry, $$tags$$ are plain text: not a link, tagged with UTM, left live.
    assert seen["before"] == [False, False, "Hi $$name$$"]
    # After it: a link config may use, a URL UTM leaves alone, seed text made inert.
    assert seen["after"] == [True, True, "Hi $\u2060$name$$"]
    assert "inkwell" in seen["help"]  # the CLI's --esp choice
    code, stdout, stderr = seen["json"]
    assert code == 0, stderr
    body = json.loads(stdout)  # the format dispatch reached Inkwell's body function
    assert body["inkwell"] is True and body["to"] == ["reader@news.example"]
    assert 'href="$$unsubscribe$$"' in body["html"] and "Hi $$first_name$$," in body["html"]
    code, html, stderr = seen["html"]
    assert code == 0, stderr  # digest.toml accepted the tag as a link
    assert 'href="$$unsubscribe$$"' in html
    code, stderr = seen["check"]
    assert code == 0 and "goes to" not in stderr, stderr  # `digest check` accepts the tag


def test_every_format_has_a_writer_and_every_preset_a_body() -> None:
    assert list(WRITERS) == list(FORMATS)
    assert set(BODIES) == set(PRESETS)


def test_the_command_line_offers_every_format_and_its_suffix() -> None:
    shown = " ".join(CliRunner().invoke(cli, ["build", "--help"]).stdout.split())
    assert "[html|text|eml|json]" in shown
    assert "(.html .txt .eml .json)" in shown
