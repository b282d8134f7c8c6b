"""UTM parameters: added to story links only, never replacing the publisher's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import ISSUE_DATE, TEST_SEEDS
from digest.cli.commands import cli
from digest.config import Utm
from digest.model import Digest, Story
from digest.render.utm import tag_links, tag_url, utm_params

PARAMS = {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "2026-11-30"}
TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-30"


def test_nothing_configured_means_no_parameters() -> None:
    assert utm_params(Utm(), ISSUE_DATE) == {}


def test_campaign_defaults_to_the_issue_date() -> None:
    assert utm_params(Utm(source="newsletter", medium="email"), ISSUE_DATE) == PARAMS
    assert utm_params(Utm(source="x", campaign="spring"), ISSUE_DATE) == {
        "utm_source": "x",
        "utm_campaign": "spring",
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a", f"https://news.example/a?{TAGS}"),
        ("https://news.example/a?id=7", f"https://news.example/a?id=7&{TAGS}"),
        ("https://news.example/a?", f"https://news.example/a?{TAGS}"),
        ("https://news.example/a#map", f"https://news.example/a?{TAGS}#map"),
        ("HTTP://news.example/a", f"HTTP://news.example/a?{TAGS}"),
    ],
)
def test_tags_are_added_and_the_rest_of_the_link_is_kept(url: str, expected: str) -> None:
    assert tag_url(url, PARAMS) == expected


def test_a_utm_the_link_already_has_is_never_replaced() -> None:
    url = "https://news.example/a?utm_source=partner&id=1"
    assert tag_url(url, PARAMS) == f"{url}&utm_medium=email&utm_campaign=2026-11-30"
    full = f"https://news.example/a?{TAGS.replace('newsletter', 'rss')}"
    assert tag_url(full, PARAMS) == full


@pytest.mark.parametrize(
    "url",
    [
        "mailto:desk@news.example",
        "ftp://files.example/a",
        "*|ARCHIVE|*",
        "https://news.example/u?e=*|EMAIL|*",
        "https://news.example/u/{{ subscriber.uuid }}",
        "https://news.example/u?r=%recipient.id%",
        "https://news.example/{% url 'issue' %}",  # a Liquid tag, filled in at send time
    ],
)
def test_mailto_other_schemes_and_merge_tags_are_left_alone(url: str) -> None:
    assert tag_url(url, PARAMS) == url


def test_values_are_percent_encoded() -> None:
    tagged = tag_url("https://news.example/a", {"utm_campaign": "Spring sale & more"})
    assert tagged == "https://news.example/a?utm_campaign=Spring%20sale%20%26%20more"


@given(st.text())
def test_never_crashes_and_only_ever_appends(url: str) -> None:
    tagged = tag_url(url, PARAMS)
    base = url.partition("#")[0]
    assert tagged == url or tagged.startswith(base)


def test_tag_links_changes_story_links_only() -> None:
    linked = Story(headline="A", byline=None, lead=("x",), url="https://news.example/a")
    unlinked = Story(headline="B", byline=None, lead=("y",))
    digest = Digest(title="T", date=ISSUE_DATE, stories=(linked, unlinked))
    tagged = tag_links(digest, Utm(source="newsletter", medium="email"))
    assert tagged.stories[0].url == f"https://news.example/a?{TAGS}"
    assert tagged.stories[1] == unlinked
    assert digest.stories[0].url == "https://news.example/a"  # the input is unchanged
    assert tag_links(digest, Utm()) is digest


def test_html_and_text_carry_the_same_tagged_links_but_unsubscribe_is_untouched(
    tmp_path: Path,
) -> None:
    config = tmp_path / "digest.toml"
    config.write_text(
        '[utm]\nsource = "newsletter"\n[footer]\nunsubscribe_url = "https://news.example/u"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    common = [str(TEST_SEEDS), "--config", str(config), "--date", "2026-11-30"]
    html = runner.invoke(cli, ["build", *common, "--utm-medium", "email"]).stdout
    text = runner.invoke(
        cli, ["build", *common, "--utm-medium", "email", "--format", "text"]
    ).stdout
    tagged = f"https://news.example/harbour-barrier?{TAGS}"
    assert f'href="{tagged.replace("&", "&amp;")}"' in html
    assert tagged in text
    assert 'href="https://news.example/u"' in html
    assert "Unsubscribe: https://news.example/u\n" in text
