"""`digest check`: one unit test per check, then the command as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, TEST_SEEDS
from digest.cli.commands import cli
from digest.render.check import (
    check_headlines,
    check_html,
    check_image_widths,
    check_images,
    check_lang,
    check_links,
    check_preheader,
    check_text,
    check_unsubscribe,
)

PREHEADER = "The harbour vote, a night clinic and longer library hours this week"
UNSUBSCRIBE = '<a href="https://news.example/unsubscribe">Unsubscribe</a>'


def page(body: str, lang: str = ' lang="en"', preheader: str = PREHEADER) -> str:
    hidden = f'<div style="display:none;max-height:0">{preheader}\u034f\u200c\u00a0</div>'
    head = "<head><title>x</title></head>"
    return f"<!doctype html><html{lang}>{head}<body>{hidden}{body}</body></html>"


GOOD = page(
    f'<h1>Harbour vote</h1><img src="https://news.example/a.png" alt="" width="544">{UNSUBSCRIBE}'
)


def messages(check, html: str) -> list[str]:
    import lxml.html

    raw = html.encode("utf-8")
    return [p.message for p in check(raw, lxml.html.document_fromstring(html))]


def test_a_good_email_has_no_problems() -> None:
    assert check_html(GOOD) == []


def sized(size: int) -> str:
    """GOOD padded to exactly `size` bytes of UTF-8."""
    padded = GOOD.replace("<h1>", "<h1>" + "x" * (size - len(GOOD.encode("utf-8"))))
    assert len(padded.encode("utf-8")) == size
    return padded


# Gmail clips a message over 102 KB (104,448 bytes); the warning starts over 90 KB.
@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (92_160, []),
        (92_161, ["90.0 KB: close to Gmail's 102 KB clip limit"]),
        (104_447, ["102.0 KB: close to Gmail's 102 KB clip limit"]),
        (104_448, ["102.0 KB: close to Gmail's 102 KB clip limit"]),
        (104_449, ["102.0 KB: Gmail clips emails over about 102 KB"]),
    ],
)
def test_size_warns_near_the_clip_limit_and_fails_past_it(size: int, expected: list[str]) -> None:
    problems = [p for p in check_html(sized(size)) if "KB" in p.message]
    assert [p.message[: len(e)] for p, e in zip(problems, expected, strict=False)] == expected
    assert len(problems) == len(expected)
    assert [p.fatal for p in problems] == ["clips" in e for e in expected]


def test_missing_lang_is_reported() -> None:
    assert "no lang attribute" in messages(check_lang, page(UNSUBSCRIBE, lang=""))[0]
    assert messages(check_lang, GOOD) == []


def test_image_without_alt_is_reported_and_empty_alt_is_fine() -> None:
    html = page('<img src="https://news.example/photo.jpg">')
    assert "photo.jpg has no alt text" in messages(check_images, html)[0]
    assert messages(check_images, page('<img src="x.png" alt="">')) == []


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ('<a href="">Story</a>', "empty href"),
        ('<a href="   ">Story</a>', "empty href"),
        ('<a href="javascript:alert(1)">Story</a>', "only http(s):// and mailto:"),
        ('<a href="ftp://news.example/x">Story</a>', "only http(s):// and mailto:"),
        ('<a href="/relative">Story</a>', "only http(s):// and mailto:"),
        ('<a href="https://news.example/x"></a>', "has no text"),
        ('<a href="https://news.example/x">click here</a>', "means nothing on its own"),
    ],
)
def test_bad_links_are_reported(link: str, expected: str) -> None:
    assert any(expected in m for m in messages(check_links, page(link)))


def test_script_links_are_fatal() -> None:
    problems = check_html(page('<a href="javascript:alert(1)">x</a>' + UNSUBSCRIBE))
    assert any(p.fatal for p in problems)


@pytest.mark.parametrize(
    "href",
    [
        "https://news.example/a?b=1&c=2",
        "mailto:desk@news.example",
        "*|UNSUB|*",
        "{{{unsubscribe}}}",
        "%unsubscribe_url%",
        "{{ UnsubscribeURL }}",
        "{{amazonSESUnsubscribeUrl}}",
    ],
)
def test_good_links_and_merge_tags_pass(href: str) -> None:
    assert messages(check_links, page(f'<a href="{href}">Unsubscribe</a>')) == []


def test_linked_image_is_named_by_its_alt_text() -> None:
    html = page('<a href="https://news.example/"><img src="l.png" alt="The Courier"></a>')
    assert messages(check_links, html) == []


def test_vague_link_text_with_an_aria_label_is_fine() -> None:
    label = "Read more: Harbour vote"
    html = page(f'<a href="https://news.example/x" aria-label="{label}">Read more</a>')
    assert messages(check_links, html) == []


def test_image_without_a_width_or_wider_than_the_column_is_reported() -> None:
    assert "no width attribute" in messages(check_image_widths, page('<img src="a.png" alt="">'))[0]
    wide = page('<img src="a.png" alt="" width="1200">')
    assert "wider than the 600 px column" in messages(check_image_widths, wide)[0]
    assert messages(check_image_widths, page('<img src="a.png" alt="" width="544">')) == []


def test_body_text_under_14px_is_reported_but_not_the_hidden_preheader() -> None:
    small = page('<td style="font-size:0px"><p style="font-size:12px">Fine print</p></td>')
    assert messages(check_text, small) == [
        "text at 12px ('Fine print'); body text needs 14 px or more"
    ]
    assert messages(check_text, page('<div style="font-size:17px"><p>Body</p></div>')) == []


def test_text_too_close_to_its_background_is_reported() -> None:
    grey = page('<div style="background-color:#ffffff"><p style="color:#aaaaaa">Faint</p></div>')
    assert "#aaaaaa on #ffffff (2.3:1)" in messages(check_text, grey)[0]
    dark = '<table bgcolor="#1c1f24"><tr><td style="color:#e8eaed">Readable</td></tr></table>'
    assert messages(check_text, page(dark)) == []


@pytest.mark.parametrize("heading", ["<h2></h2>", "<h2>Untitled</h2>", "<h1>Page not found</h1>"])
def test_empty_or_boilerplate_headline_is_reported(heading: str) -> None:
    assert messages(check_headlines, page(heading))
    assert messages(check_headlines, page("<h2>Harbour barrier approved</h2>")) == []


def test_missing_unsubscribe_link_is_reported() -> None:
    assert "no unsubscribe link" in messages(check_unsubscribe, page("<p>hi</p>"))[0]


@pytest.mark.parametrize(
    "link",
    [
        UNSUBSCRIBE,
        '<a href="*|UNSUB|*">Manage your subscription</a>',
        '<a href="%unsubscribe_url%">Stop these emails</a>',
        '<a href="https://news.example/unsubscribe?u=1">Leave the list</a>',
        '<a href="https://news.example/prefs">Opt out</a>',
    ],
)
def test_unsubscribe_link_is_found_by_text_or_target(link: str) -> None:
    assert messages(check_unsubscribe, page(link)) == []


@pytest.mark.parametrize(
    ("preheader", "expected"),
    [("Too short", "preheader is 9 characters"), ("x " * 80, "preheader is 159 characters")],
)
def test_preheader_length_is_checked(preheader: str, expected: str) -> None:
    assert expected in messages(check_preheader, page(UNSUBSCRIBE, preheader=preheader))[0]


def test_padding_does_not_count_towards_the_preheader() -> None:
    html = page(UNSUBSCRIBE, preheader=PREHEADER + "\u034f\u200c\u00a0" * 100)
    assert messages(check_preheader, html) == []


def test_missing_preheader_is_reported() -> None:
    html = GOOD.replace("display:none", "color:red")
    assert "no preheader" in messages(check_preheader, html)[0]


@pytest.mark.parametrize("text", ["", "  \n", "<!-- only a comment -->"])
def test_empty_file_is_one_fatal_problem(text: str) -> None:
    (problem,) = check_html(text)
    assert problem.fatal


@given(st.text(max_size=300) | st.binary(max_size=300))
def test_check_never_crashes(data: str | bytes) -> None:
    problems = check_html(data)
    # Random input is never a finished email: at least one problem, each on one line.
    assert problems
    assert all(p.message.strip() and "\n" not in p.message for p in problems)


# The command


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_passes_a_good_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "good.html"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["check", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stderr and result.stdout == ""


def test_check_reports_each_problem_on_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_text(page('<img src="a.png" width="9"><a href="">x</a>', lang=""), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 0  # warnings only, and no --strict
    lines = result.stderr.splitlines()
    assert sum(line.startswith("digest: warning: ") for line in lines) == 4
    assert "4 problems" in lines[-1]
    strict = runner.invoke(cli, ["check", "--strict", str(path)])
    assert strict.exit_code == 7 and "--strict" in strict.stderr


@pytest.mark.parametrize(("size", "code"), [(104_447, 0), (104_449, 1)])
def test_check_fails_without_strict_only_when_gmail_would_clip(
    runner: CliRunner, tmp_path: Path, size: int, code: int
) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(sized(size).encode("utf-8"))
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == code, result.stderr
    assert ("Gmail clips" in result.stderr) == bool(code)
    assert "Traceback" not in result.output


def test_check_reads_stdin_so_build_can_pipe_into_it(runner: CliRunner) -> None:
    built = runner.invoke(cli, ["build", str(TEST_SEEDS)])
    result = runner.invoke(cli, ["check", "-"], input=built.stdout)
    assert result.exit_code == 0
    assert "stdin: no unsubscribe link" in result.stderr  # built without a digest.toml


def test_check_missing_file_is_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.html")])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["dont-miss-a-story.html", "twenty-stories.html"])
def test_every_example_passes_check_strict(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, ["check", "--strict", str(ROOT / "examples" / name)])
    assert result.exit_code == 0, result.stderr


def test_build_check_reports_problems_and_strict_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "x.html"
    result = runner.invoke(cli, ["build", str(TEST_SEEDS), "--check", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "no unsubscribe link" in result.stderr and out.exists()  # no config: a warning
    out.unlink()
    strict = runner.invoke(cli, ["build", str(TEST_SEEDS), "--check", "--strict", "-o", str(out)])
    assert strict.exit_code == 7 and not out.exists()


def test_build_check_passes_with_a_sending_config(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text(
        '[footer]\naddress = "1 Harbour St"\nunsubscribe_url = "https://news.example/u"\n',
        encoding="utf-8",
    )
    args = ["build", str(TEST_SEEDS), "--check", "--strict", "--config", str(config)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
