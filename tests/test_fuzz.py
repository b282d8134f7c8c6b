"""Hypothesis: no text or bytes make `digest summarize` or `digest build` crash.

A run may fail only with a DigestError: one line on stderr and a documented
exit code. The focused fuzz test runs a few thousand seeds in CI with
`pytest --hypothesis-profile=fuzz tests/test_fuzz.py` (profile in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import lxml.html
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.build import assemble, summarize_file
from digest.cli.commands import cli
from digest.config import Config
from digest.errors import DigestError
from digest.links import safe_url
from digest.render.compose import render
from digest.render.sanitize import sanitize

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLEAN_EXIT_CODES = {0, 3}  # success, or a seed that cannot be used

WORDS = st.sampled_from(
    ["the", "council", "said", "harbour", "Caf\u00e9", "\u201cquote\u201d", "<b>", "{{", "}}",
     "*|UNSUB|*", "%recipient%", "&amp;", "javascript:", "\u202e", "\x00", "\t", "\u00c3\u00a9",
     "\U0001f600", "---", "By", "\r", "\ufeff", "<script>", "]]>", "-->"]
)  # fmt: skip
PARAGRAPH = st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=0, max_size=40).map(" ".join)
FRONT = st.fixed_dictionaries(
    {},
    optional={
        key: st.one_of(st.text(max_size=40), WORDS)
        for key in ("title", "url", "byline", "image", "quote", "date")
    },
)


@st.composite
def seeds(draw: st.DrawFn) -> str:
    """A seed-shaped text: maybe front matter, a headline, paragraphs, quotes, junk."""
    parts = []
    meta = draw(FRONT)
    if meta:
        lines = [f"{k}: {v!r}" if draw(st.booleans()) else f"{k}: {v}" for k, v in meta.items()]
        parts.append("---\n" + "\n".join(lines) + "\n---")
    parts.append(draw(st.text(max_size=80)))
    for paragraph in draw(st.lists(PARAGRAPH, max_size=6)):
        parts.append(f'"{paragraph}," said someone.' if draw(st.booleans()) else paragraph)
    return "\n\n".join(parts)


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


def assert_clean(result: Result) -> None:
    """Success, or a DigestError shown as one line: never a traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in CLEAN_EXIT_CODES, result.output
    assert "Traceback" not in result.stderr
    if result.exit_code:
        assert result.stderr.splitlines()[-1].startswith("digest: error: ")


def _in_file(data: bytes, suffix: str, command: str) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"seed{suffix}"
        path.write_bytes(data)
        return run([command, str(path)])


@QUICK
@given(text=st.text(), suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_summarize_never_crashes_on_any_text(text: str, suffix: str) -> None:
    assert_clean(_in_file(text.encode("utf-8", "surrogatepass"), suffix, "summarize"))


@QUICK
@given(data=st.binary(max_size=2000))
def test_summarize_never_crashes_on_any_bytes(data: bytes) -> None:
    assert_clean(_in_file(data, ".txt", "summarize"))


@QUICK
@given(text=seeds(), suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_build_never_crashes_on_any_seed(text: str, suffix: str) -> None:
    result = _in_file(text.encode("utf-8", "surrogatepass"), suffix, "build")
    assert_clean(result)
    if result.exit_code == 0:
        assert result.stdout.startswith("<!doctype html>")


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_safe_url_only_ever_returns_plain_web_or_mail_links(value: str) -> None:
    url = safe_url(value)
    if url is not None:
        assert url.startswith(("http://", "https://", "mailto:"))
        assert not any(c in url for c in " \"'<>\\`{|}\t\n\r\x00")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=seeds(), suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_fuzz_summarize_and_render(text: str, suffix: str) -> None:
    """The focused fuzz run: 100 seeds locally, ~2000 with --hypothesis-profile=fuzz."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"seed{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            story = sanitize(summarize_file(path))
        except DigestError as exc:
            assert "\n" not in exc.format_message().strip()
            return
    html = render(assemble([story], Config(), dt.date(2026, 11, 30)), Config()).html
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//script | //iframe | //object | //embed | //form")
    for element in doc.iter():
        if isinstance(element.tag, str):
            assert not any(name.lower().startswith("on") for name in element.attrib)
            href = element.get("href")
            assert href is None or href.startswith(("http://", "https://", "mailto:"))
