"""Each rendering stage on its own, and the sample rendered against its golden file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ISSUE_DATE, SAMPLE_SEEDS
from digest.build import assemble, summarize_paths
from digest.config import Config, Footer
from digest.errors import TemplateError
from digest.model import Digest, Quote, Story
from digest.render import compile_mjml, inline_css, render, render_mjml, render_text

STORY = Story(
    headline="Harbour barrier approved",
    byline="Maria Okafor",
    lead=("The council voted on Tuesday.", "It will take six years.", "A third paragraph."),
    quotes=(Quote("We cannot keep pumping water out of kitchens", "Jonas Lindqvist"),),
    url="https://news.example/harbour",
)
DIGEST = Digest(title="Don't Miss a Story", date=ISSUE_DATE, stories=(STORY,))


def test_render_mjml_shows_every_piece_of_a_story() -> None:
    mjml = render_mjml(DIGEST, Config())
    assert mjml.lstrip().startswith("<mjml")
    for piece in (
        "Harbour barrier approved",
        "Maria Okafor",
        "The council voted",
        "pumping water",
        "Jonas Lindqvist",
        'href="https://news.example/harbour"',
    ):
        assert piece in mjml
    assert "A third paragraph." not in mjml  # two lead paragraphs by default


def test_compile_keeps_outlook_conditionals_and_loads_no_web_font() -> None:
    html = compile_mjml(render_mjml(DIGEST, Config()))
    assert "<!--[if mso" in html
    assert "fonts.googleapis" not in html


def test_compile_error_names_the_problem() -> None:
    with pytest.raises(TemplateError, match="MJML"):
        compile_mjml("<mjml><mj-body><mj-section></mjml>")


def test_inline_css_keeps_doctype_media_and_dark_rules() -> None:
    html = inline_css(compile_mjml(render_mjml(DIGEST, Config())), "h2 a { color: #123456; }")
    assert html.startswith("<!doctype html>")
    assert "@media (prefers-color-scheme: dark)" in html
    assert "[data-ogsc]" in html
    assert "!important" in html
    assert "color:#123456" in html.replace(" ", "")
    assert "data-premailer" not in html


def test_text_version_is_built_from_the_digest() -> None:
    text = render_text(DIGEST, Config(footer=Footer(unsubscribe_url="https://news.example/u")))
    assert text.startswith("DON'T MISS A STORY\nNovember 30, 2026")
    assert "By Maria Okafor" in text
    assert "\u201cWe cannot keep pumping water out of kitchens\u201d" in text
    assert "https://news.example/harbour" in text
    assert "Unsubscribe: https://news.example/u" in text
    assert "<" not in text


def test_render_returns_subject_and_preheader() -> None:
    email = render(DIGEST, Config())
    assert email.subject == "Don't Miss a Story: November 30, 2026"
    assert 40 <= len(email.preheader) <= 130
    assert email.preheader in email.html


def test_seed_text_is_escaped_not_markup() -> None:
    evil = Story(headline="<script>alert(1)</script>", byline="<b>x</b>", lead=("a & b",))
    html = render(Digest(title="T", date=ISSUE_DATE, stories=(evil,)), Config()).html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_user_template_folder_overrides_one_partial(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column><mj-text>Custom footer</mj-text></mj-column></mj-section>\n"
    )
    mjml = render_mjml(DIGEST, Config(), tmp_path)
    assert "Custom footer" in mjml
    assert "Harbour barrier approved" in mjml  # the rest of the theme is still used


def test_template_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text("ok\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"footer\.mjml\.j2.*line 2"):
        render_mjml(DIGEST, Config(), tmp_path)


def test_sample_email_matches_golden(golden) -> None:
    stories, skipped = summarize_paths([SAMPLE_SEEDS])
    assert not skipped
    config = Config()
    golden("sample.mjml", render_mjml(assemble(stories, config, ISSUE_DATE), config))
