"""The templates' MJML is validated: a mistake names the template file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_render import DIGEST

from conftest import ROOT
from digest.config import Config
from digest.errors import TemplateError
from digest.render.compose import render_mjml, template_dirs
from digest.render.mjml_check import check_source, check_templates

PARTIALS = ROOT / "templates" / "partials"


def test_the_packaged_templates_are_valid() -> None:
    from digest.render.compose import ROOT_TEMPLATE, environment

    check_templates(environment(tuple(template_dirs())), ROOT_TEMPLATE)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<mj-section>\n  <mj-bogus />\n</mj-section>", "line 2: unknown MJML tag <mj-bogus>"),
        ('<mj-section>\n<mj-column wdth="5%">\n</mj-column>\n</mj-section>', "attribute 'wdth'"),
        ("<mj-section>\n<mj-column>\n</mj-section>", "line 3: </mj-section> closes <mj-column>"),
        ("<mj-section>\n<mj-column>\n</mj-column>", "line 1: <mj-section> is never closed"),
        ("<mj-column>\n<mj-section></mj-section>\n</mj-column>", "cannot go inside <mj-column>"),
        ("<mj-text>\n<mj-image src='x' />\n</mj-text>", "inside <mj-text>, whose content is HTML"),
    ],
)
def test_mistakes_are_named_with_file_and_line(source: str, expected: str) -> None:
    with pytest.raises(TemplateError, match=r"story\.mjml\.j2: ") as caught:
        check_source(source, "story.mjml.j2")
    assert expected in str(caught.value)


def test_jinja_code_is_ignored_but_lines_still_count() -> None:
    source = '{# a\ncomment #}\n<mj-image src="{{ x }}"{% if y %} href="{{ y }}"{% endif %} />'
    check_source(source, "ok.j2")
    with pytest.raises(TemplateError, match=r"ok\.j2: line 3: unknown MJML tag <mj-imag>"):
        check_source(source.replace("mj-image", "mj-imag"), "ok.j2")


def test_a_broken_override_in_a_user_template_folder_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    footer = (PARTIALS / "footer.mjml.j2").read_text(encoding="utf-8")
    broken = footer.replace("<mj-column>", "<mj-column>\n<mj-bogus />", 1)
    (tmp_path / "partials" / "footer.mjml.j2").write_text(broken, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_mjml(DIGEST, Config(), tmp_path)
    message = str(caught.value)
    assert str(tmp_path / "partials" / "footer.mjml.j2") in message
    line = broken.splitlines().index("<mj-bogus />") + 1
    assert f"line {line}: unknown MJML tag <mj-bogus>" in message
