"""Each rendering stage on its own, the theme's promises, and golden output."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ISSUE_DATE, SAMPLE_SEEDS, load_example
from digest.build import assemble, build, summarize_paths
from digest.config import Brand, Config, Footer, Theme
from digest.errors import TemplateError
from digest.model import Digest, MergeTags, Quote, Story
from digest.render.check import check_html
from digest.render.compose import (
    compile_mjml,
    inline_css,
    preheader_of,
    render,
    render_mjml,
    render_text,
)

STORY = Story(
    headline="Harbour barrier approved",
    byline="Maria Okafor",
    lead=("The council voted on Tuesday.", "It will take six years.", "A third paragraph."),
    quotes=(Quote("We cannot keep pumping water out of kitchens", "Jonas Lindqvist"),),
    url="https://news.example/harbour",
)
BARE = Story(headline="Library keeps weekend hours", byline=None, lead=("Four branches open.",))
PHOTO = Story(
    headline="Night clinic opens for shift workers",
    byline="Priya Raman",
    lead=("The clinic opens at 8 p.m. on weekdays.",),
    quotes=(Quote("Nobody should have to choose between a shift and a doctor"),),
    url="https://news.example/clinic?ref=a&b=c",
    image="https://news.example/img/clinic.jpg",
)
DIGEST = Digest(title="Don't Miss a Story", date=ISSUE_DATE, stories=(STORY,))
THREE = Digest(
    title="Don't Miss a Story",
    date=ISSUE_DATE,
    stories=(STORY, BARE, PHOTO),
    intro="Three stories this week.",
    issue_number=7,
)
SENDING = Config(
    footer=Footer(
        address="1 Harbour Street, Riverside",
        unsubscribe_url="https://news.example/unsubscribe",
        web_url="https://news.example/latest",
    )
)
MERGE_TAGS = [
    ("*|UNSUB|*", "*|FNAME|*"),
    ("{{{unsubscribe}}}", "{{first_name}}"),
    ("%unsubscribe_url%", "%recipient.first_name%"),
    ("{{ UnsubscribeURL }}", "{{ .Subscriber.FirstName }}"),
    ("{{amazonSESUnsubscribeUrl}}", "{{name}}"),
    ("{{{ pm:unsubscribe }}}", "{{ first_name }}"),
]


def _conditionals(html: str) -> list[str]:
    return re.findall(r"<!--\[if.*?<!\[endif\]-->", html, re.S)


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


def test_a_story_missing_pieces_leaves_no_empty_shells() -> None:
    html = render(Digest(title="T", date=ISSUE_DATE, stories=(BARE,)), Config()).html
    assert "Library keeps weekend hours" in html and "Four branches open." in html
    assert "By " not in html  # no empty byline
    assert "<blockquote" not in html
    assert "Read the full story" not in html  # no button without a link
    assert 'href=""' not in html
    assert "<h2" in html and '<a class="t"' not in html  # headline still a heading


def test_masthead_shows_brand_issue_number_intro_and_greeting() -> None:
    html = render(THREE, Config(), merge=MergeTags(first_name="*|FNAME|*")).html
    assert re.search(r"<h1[^>]*>Don't Miss a Story</h1>", html)
    assert "November 30, 2026 · Issue 7" in html
    assert "Three stories this week." in html
    assert "Hi *|FNAME|*," in html
    assert len(re.findall(r"<h2[ >]", html)) == 3


def test_no_greeting_without_a_first_name_tag() -> None:
    assert "Hi " not in render(THREE, Config()).html


def test_logo_replaces_the_brand_name_and_has_alt_text() -> None:
    config = Config(brand=Brand(name="The Courier", logo="https://news.example/logo.png"))
    html = render(DIGEST, config).html
    assert re.search(r'<img[^>]*alt="The Courier"[^>]*src="https://news.example/logo.png"', html)
    assert 'class="brand"' not in html


def test_story_image_is_decoration_unless_described_and_has_a_width_for_outlook() -> None:
    html = render(THREE, Config()).html
    img = re.search(r'<img class="img" src="https://news.example/img/clinic.jpg"[^>]*>', html)
    # The headline follows the photo: alt="" keeps a screen reader from saying it twice.
    assert img and 'alt=""' in img.group(0)
    assert 'width="544"' in img.group(0)  # Outlook ignores CSS widths
    described = replace(PHOTO, image_alt="Nurses at the front desk of the clinic")
    html = render(Digest(title="T", date=ISSUE_DATE, stories=(described,)), Config()).html
    assert 'alt="Nurses at the front desk of the clinic"' in html


def test_only_http_links_from_seeds_are_emitted() -> None:
    evil = Story(
        headline="Bad link", byline=None, lead=("x",), url="javascript:alert(1)", image="data:x"
    )
    html = render(Digest(title="T", date=ISSUE_DATE, stories=(evil,)), Config()).html
    assert "javascript:" not in html and "data:x" not in html
    assert "Bad link" in html


@pytest.mark.parametrize(("unsubscribe", "first_name"), MERGE_TAGS)
def test_merge_tags_come_out_byte_exact(unsubscribe: str, first_name: str) -> None:
    merge = MergeTags(unsubscribe=unsubscribe, web_version=unsubscribe, first_name=first_name)
    email = render(THREE, Config(), merge=merge)
    assert email.html.count(f'href="{unsubscribe}"') == 2
    assert f"Hi {first_name}," in email.html
    assert f"Unsubscribe: {unsubscribe}" in email.text


def test_merge_tag_wins_over_the_configured_url() -> None:
    html = render(DIGEST, SENDING, merge=MergeTags(unsubscribe="*|UNSUB|*")).html
    assert 'href="*|UNSUB|*"' in html
    assert "news.example/unsubscribe" not in html
    assert 'href="https://news.example/latest"' in html  # no tag for it: the config's URL


def test_links_keep_their_query_strings() -> None:
    html = render(THREE, Config()).html
    assert 'href="https://news.example/clinic?ref=a&amp;b=c"' in html


def test_footer_has_why_address_unsubscribe_and_web_version() -> None:
    html = render(DIGEST, SENDING).html
    assert "You are receiving this email because" in html
    assert "1 Harbour Street, Riverside" in html
    assert re.search(r'<a [^>]*href="https://news.example/unsubscribe"[^>]*>Unsubscribe</a>', html)
    assert re.search(r'<a [^>]*href="https://news.example/latest"[^>]*>View this email in', html)


def test_compile_keeps_outlook_conditionals_and_loads_no_web_font() -> None:
    html = compile_mjml(render_mjml(DIGEST, Config()))
    assert "<!--[if mso" in html
    assert "fonts.googleapis" not in html and "@import" not in html and "<link" not in html


def test_outlook_conditional_comments_survive_every_stage_unchanged() -> None:
    compiled = compile_mjml(render_mjml(THREE, Config()))
    final = render(THREE, Config()).html
    assert _conditionals(compiled) and _conditionals(final) == _conditionals(compiled)


def test_nothing_relies_on_what_outlook_for_windows_ignores() -> None:
    html = render(THREE, SENDING).html
    assert "border-radius" not in html
    assert "background-image" not in html and "url(" not in html
    # Widths Outlook reads: fixed attributes next to any CSS max-width.
    assert 'width="600"' in html and 'width="544"' in html


def test_compile_error_names_the_problem() -> None:
    with pytest.raises(TemplateError, match="MJML"):
        compile_mjml("<mjml><mj-body><mj-section></mjml>")


def test_inline_css_keeps_doctype_media_and_dark_rules() -> None:
    html = inline_css(compile_mjml(render_mjml(DIGEST, Config())), "h2 a { color: #123456; }")
    assert html.startswith("<!doctype html>")
    assert "@media (prefers-color-scheme:dark)" in html
    assert "[data-ogsc]" in html and "[data-ogsb]" in html
    assert "!important" in html
    assert "color:#123456" in html.replace(" ", "")
    assert "data-premailer" not in html


def test_final_html_keeps_color_scheme_and_dark_rules_with_theme_colours() -> None:
    theme = Theme(dark_text="#fafafa", dark_card="#101010", accent="#0a5c36")
    html = render(DIGEST, Config(theme=theme)).html
    assert '<meta name="color-scheme" content="light dark">' in html
    dark = re.search(r"@media \(prefers-color-scheme:dark\)\{(.*?)\}\}", html)
    assert dark and "#fafafa !important" in dark.group(1) and "#101010 !important" in dark.group(1)
    assert "[data-ogsc] .h2" in html and "[data-ogsb] .card" in html
    assert "#0a5c36" in html and "#b4232c" not in html


def test_layout_is_accessible() -> None:
    html = render(THREE, Config(lang="en-GB")).html
    assert '<html lang="en-GB" dir="ltr"' in html
    assert 'aria-roledescription="email"' in html and 'role="article"' in html
    tables = re.findall(r"<table[^>]*>", html)
    assert tables and all('role="presentation"' in t for t in tables)
    assert all(" alt=" in img for img in re.findall(r"<img[^>]*>", html))
    assert 'aria-label="Continue reading: Harbour barrier approved"' in html


def test_right_to_left_languages_get_dir_rtl() -> None:
    assert '<html lang="ar" dir="rtl"' in render(DIGEST, Config(lang="ar")).html


def test_no_web_font_by_default() -> None:
    html = render(DIGEST, Config()).html
    assert "Georgia" in html and "googleapis" not in html and "@font-face" not in html


def test_twenty_story_digest_from_seeds_stays_under_90_kb(tmp_path: Path) -> None:
    paths = load_example("synthetic").write_seeds(tmp_path / "seeds", 20)
    result = build(paths, SENDING, ISSUE_DATE)
    assert len(result.digest.stories) == 20
    assert len(result.email.html.encode("utf-8")) < 90 * 1024


def test_twenty_long_stories_with_every_piece_stay_under_90_kb() -> None:
    # Independent of the summarizer: every story at its fullest.
    words = "The council said the plan would be reviewed by independent experts next spring. "
    story = Story(
        headline="Riverside council approves a new flood barrier after a decade of debate",
        byline="Maria Okafor and Jonas Lindqvist",
        lead=(words * 6, words * 5),
        quotes=(Quote("We cannot keep pumping water out of kitchens every winter", "Jonas L."),),
        url="https://news.example/riverside/2026/11/30/flood-barrier-approved",
        image="https://news.example/images/2026/11/flood-barrier.jpg",
    )
    digest = Digest(title="Don't Miss a Story", date=ISSUE_DATE, stories=(story,) * 20)
    assert len(render(digest, SENDING).html.encode("utf-8")) < 90 * 1024


def test_preheader_is_40_to_130_characters_from_the_intro_or_first_story() -> None:
    first = preheader_of(DIGEST)
    assert 40 <= len(first) <= 130 and first.startswith(STORY.lead[0].split(".")[0])
    many = Digest(title="T", date=ISSUE_DATE, stories=(STORY, BARE, PHOTO) * 5)
    assert preheader_of(many) == first  # never a cut-off list of headlines
    intro = "Good morning. The harbour vote passed, and the night clinic opens on Monday."
    assert preheader_of(replace(DIGEST, intro=intro)) == intro
    long_intro = "Good morning. " + "A very long sentence about the week " * 6 + "."
    assert preheader_of(replace(DIGEST, intro=long_intro)).startswith("Good morning.")


def test_preheader_from_config_is_used_and_hidden_with_padding() -> None:
    text = "The harbour vote, the night clinic and weekend library hours."
    html = render(THREE, Config(preheader=text)).html
    hidden = re.search(r'<div class="preheader" style="([^"]*)">(.*?)</div>', html)
    assert hidden and hidden.group(2).startswith(text)
    assert "display:none" in hidden.group(1) and "mso-hide:all" in hidden.group(1)
    assert hidden.group(2).count("\u200c") >= 50  # padding keeps body text out of previews
    assert html.index("preheader") < html.index("<h1")


def test_preheader_of_the_wrong_length_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        email = render(DIGEST, Config(preheader="Too short"))
    assert email.preheader == "Too short"
    assert caplog.text.count("preheader is 9 characters") == 1


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


def test_user_story_partial_replaces_every_story_block(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story.mjml.j2").write_text(
        "<mj-text><h2>{{ story.headline | upper }}</h2></mj-text>\n"
    )
    html = render(THREE, Config(), tmp_path).html
    assert "HARBOUR BARRIER APPROVED" in html and "LIBRARY KEEPS WEEKEND HOURS" in html
    assert "Don't Miss a Story</h1>" in html  # masthead from the packaged theme


def test_missing_templates_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="no such templates folder"):
        render_mjml(DIGEST, Config(), tmp_path / "nope")


def test_template_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.mjml.j2").write_text("ok\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"footer\.mjml\.j2.*line 2"):
        render_mjml(DIGEST, Config(), tmp_path)


def test_email_built_with_a_sending_config_passes_every_check() -> None:
    assert check_html(render(THREE, SENDING).html) == []


def test_multi_story_email_matches_golden(golden) -> None:
    golden("three-stories.html", render(THREE, SENDING).html)


def test_sample_email_matches_golden(golden) -> None:
    stories, skipped = summarize_paths([SAMPLE_SEEDS])
    assert not skipped
    config = Config()
    golden("sample.mjml", render_mjml(assemble(stories, config, ISSUE_DATE), config))


def test_issue_date_is_a_parameter_not_today() -> None:
    later = Digest(title="T", date=dt.date(2027, 1, 4), stories=(STORY,))
    assert "January 4, 2027" in render(later, Config()).html


def _issue(stories: int, word: str) -> Digest:
    made = [
        Story(
            headline=f"{word} {n}", byline=f"{word} writer", lead=(f"{word} lead {n}.",), url=None
        )
        for n in range(stories)
    ]
    return Digest(title="Weekly", date=ISSUE_DATE, stories=(*made, PHOTO, STORY))


def test_templates_and_inline_css_are_parsed_once_not_per_story_or_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cssutils
    import jinja2

    config = Config()
    render(_issue(2, "Warm"), config)  # the first build compiles and parses
    compiled, parsed = [], []
    real_compile, real_sheet, real_style = (
        jinja2.Environment.compile,
        cssutils.parseString,
        cssutils.parseStyle,
    )
    monkeypatch.setattr(
        jinja2.Environment, "compile", lambda *a, **k: compiled.append(a) or real_compile(*a, **k)
    )
    monkeypatch.setattr(
        cssutils, "parseString", lambda *a, **k: parsed.append(a) or real_sheet(*a, **k)
    )
    monkeypatch.setattr(
        cssutils, "parseStyle", lambda *a, **k: parsed.append(a) or real_style(*a, **k)
    )
    email = render(_issue(20, "Other"), config)
    assert "Other 19" in email.html and 'style="' in email.html
    assert compiled == [] and parsed == []
