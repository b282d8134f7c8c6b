"""Hostile seeds stay inert: every vector comes out as visible text, never markup or code.

Each string of the corpus (XSS cheat-sheet vectors, template and MJML syntax,
ESP merge-tag look-alikes) goes through every field a seed can fill; the built
HTML is parsed and checked for live markup, live links and evaluated templates.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from click.testing import CliRunner

from digest.build import assemble
from digest.cli.commands import cli
from digest.config import Config
from digest.links import safe_url
from digest.model import Quote, Story
from digest.render.compose import render
from digest.render.sanitize import WORD_JOINER, inert_text, sanitize

CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<a href="javascript:alert(1)">click</a>',
    "<a href=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>x</a>",
    '<iframe src="vbscript:msgbox(1)"></iframe>',
    '<div style="background:url(javascript:alert(1))">',
    '<p style="width: expression(alert(1))">',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name=pw></form>',
    '<base href="https://evil.example/">',
    "<!-- hidden --> <![CDATA[ <script>alert(1)</script> ]]>",
    '"><script>alert(1)</script>',
    "'\"><img src=x onerror=alert(1)>",
    "</mj-text></mj-column><mj-raw><script>alert(1)</script></mj-raw>",
    '<mj-include path="/etc/passwd" />',
    '<mj-button href="javascript:alert(1)">Win</mj-button>',
    "{{ 7*7 }}",
    "{{ config.__class__.__init__.__globals__ }}",
    "{% for i in range(99) %}X{% endfor %}",
    "{# a comment #} after",
    "{{{unsubscribe}}} and {{ unsubscribe_url }}",
    "*|UNSUB|* *|HTML:FNAME|* *|ARCHIVE|*",
    "%recipient% %unsubscribe_url% [%first_name%] [Unsubscribe]",
    "<%asm_group_unsubscribe_raw_url%>",
    "&lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:",
    "java\tscript:alert(1) and \u202egnp.exe",
]
URL_VECTORS = [
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "javascript&#58;alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https://bank.example@evil.example/",
    "file:///etc/passwd",
    '"><script>alert(1)</script>',
    "{{ 7*7 }}",
]
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "background", "poster", "data", "srcset")
ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
# What an ESP would fill in at send time: none may come from a seed.
ESP_TAG = re.compile(r"\*\|\w|\{\{|\{%|\{#|\{!|%[A-Za-z_][\w.]*%|\[%|\[Unsubscribe\]")
BODY = (
    "The harbour ferry will run every twenty minutes from Monday, the transport office said, "
    "after a year of complaints about crowded boats during the morning rush. "
)


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def visible_text(doc: lxml.html.HtmlElement) -> str:
    body = doc.find("body")
    assert body is not None
    # Long words get zero-width break points and quotes turn typographic: both are
    # still the seed's text, shown as text.
    text = body.text_content().replace(WORD_JOINER, "").replace("\u200b", "")
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text)


def assert_inert(html: str, vector: str, baseline: str) -> None:
    """No markup, link, comment or template result in `html` that a seed could have made."""
    doc, base = parse(html), parse(baseline)
    tags = {el.tag for el in doc.iter() if isinstance(el.tag, str)}
    base_tags = {el.tag for el in base.iter() if isinstance(el.tag, str)}
    assert tags <= base_tags, f"new elements {tags - base_tags} from {vector!r}"
    assert not doc.xpath("//script | //iframe | //object | //embed | //form | //base | //svg")
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{name}= from {vector!r}"
            if name.lower() in URL_ATTRIBUTES:
                assert value.startswith(ALLOWED_SCHEMES), f"{name}={value!r} from {vector!r}"
            if name.lower() == "style":
                assert not re.search(r"expression|javascript|url\(", value, re.I), value
    comments = {c.text for c in doc.iter(lxml.etree.Comment)}
    assert comments <= {c.text for c in base.iter(lxml.etree.Comment)}, vector
    assert "<mj-" not in html
    assert not ESP_TAG.search(html), f"ESP merge tag {ESP_TAG.search(html)} from {vector!r}"


def story_with(vector: str) -> Story:
    return Story(
        headline=f"Ferry {vector}",
        byline=f"Ed {vector}",
        lead=(f"{BODY}{vector}", f"{BODY} second"),
        quotes=(Quote(f"We said {vector} loudly", f"Mayor {vector}"),),
        url="https://news.example/ferry",
        source="ferry.txt",
    )


def build_html(story: Story) -> str:
    digest = assemble([sanitize(story)], Config(), dt.date(2026, 11, 30))
    return render(digest, Config()).html


BASELINE = build_html(story_with("plain words"))


@pytest.mark.parametrize("vector", CORPUS)
def test_vector_in_every_story_field_is_visible_text_not_markup(vector: str) -> None:
    html = build_html(story_with(vector))
    assert_inert(html, vector, BASELINE)
    shown = visible_text(parse(html))
    flat = re.sub(r"\s+", " ", vector)
    for where in (f"Ferry {flat}", f"By Ed {flat}", f"We said {flat} loudly", f"Mayor {flat}"):
        assert where in shown, f"{where!r} not shown"
    if "7*7" in vector:
        assert "49" not in shown


def front_matter_seed(vector: str) -> str:
    meta = {
        "title": f"Ferry {vector}",
        "byline": f"Ed {vector}",
        "url": vector,
        "image": vector,
        "quote": vector,
    }
    block = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    quote = f'"We said {vector} to the whole meeting on Tuesday night," said the mayor.'
    return f"---\n{block}---\nFerry news\n\n{BODY}{BODY}{vector}\n\n{BODY}{quote}\n"


@pytest.mark.parametrize("vector", CORPUS + URL_VECTORS)
def test_vector_in_a_seed_and_its_front_matter_builds_inert(vector: str, tmp_path: Path) -> None:
    seed = tmp_path / "ferry.md"
    seed.write_text(front_matter_seed(vector), encoding="utf-8")
    calm = tmp_path / "calm.md"
    calm.write_text(front_matter_seed("https://news.example/calm"), encoding="utf-8")
    baseline = CliRunner().invoke(cli, ["build", str(calm)]).stdout
    result = CliRunner().invoke(cli, ["build", str(seed)])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, vector, baseline)
    shown = visible_text(parse(result.stdout))
    assert re.sub(r"\s+", " ", f"Ferry {vector}") in shown
    assert "is not an http" in result.stderr  # the dropped link is reported
    if "7*7" in vector:
        assert "49" not in shown


def test_html_seed_markup_never_becomes_live(tmp_path: Path) -> None:
    seed = tmp_path / "page.html"
    seed.write_text(
        "<html><head><title>Ferry times</title></head><body><h1>Ferry times</h1>"
        + "".join(f"<p>{BODY}</p>{v}" for v in CORPUS)
        + "</body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", str(seed)])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, "html seed", BASELINE)


@pytest.mark.parametrize("vector", URL_VECTORS)
def test_hostile_links_never_reach_an_href(vector: str) -> None:
    assert safe_url(vector) is None
    story = Story(headline="Ferry", byline=None, lead=(BODY,), url=vector, image=vector)
    clean = sanitize(story)
    assert clean.url is None and clean.image is None
    assert_inert(build_html(story), vector, BASELINE)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=1&c=2", "https://news.example/a?b=1&c=2"),
        ("https://news.example/a?b=1&amp;c=2", "https://news.example/a?b=1&c=2"),
        ("  http://news.example/x\n", "http://news.example/x"),
        ("mailto:desk@news.example", "mailto:desk@news.example"),
        ('https://news.example/"onclick=x', "https://news.example/%22onclick=x"),
        ("https://news.example/*|UNSUB|*", "https://news.example/*%7CUNSUB%7C*"),
        ("https://news.example/?to=%recipient%", "https://news.example/?to=%25recipient%25"),
    ],
)
def test_good_links_pass_with_unsafe_characters_encoded(url: str, expected: str) -> None:
    assert safe_url(url) == expected


def test_images_must_be_web_links() -> None:
    story = Story(headline="x", byline=None, lead=(), image="mailto:a@news.example")
    assert sanitize(story).image is None


@pytest.mark.parametrize(
    "text",
    ["*|UNSUB|*", "{{ first_name }}", "{% unsubscribe %}", "%recipient%", "[Unsubscribe]", "{!x}"],
)
def test_merge_tag_look_alikes_are_broken_invisibly(text: str) -> None:
    inert = inert_text(text)
    assert inert != text and inert.replace(WORD_JOINER, "") == text


def test_ordinary_text_is_unchanged() -> None:
    text = "Prices rose 5% in May; the mayor's office (and {its} critics) said *so*."
    assert inert_text(text) == text


def test_control_characters_are_removed_before_rendering() -> None:
    story = story_with("bell\x07 nul\x00 esc\x1b[31m del\x7f c1\x85 tab\tend")
    clean = sanitize(story)
    assert clean.headline == "Ferry bell nul esc[31m del c1 tab\tend"
    assert_inert(build_html(story), "controls", BASELINE)
