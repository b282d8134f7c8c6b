"""Every ESP preset: its API body parses and has the required fields, its merge tags survive.

The expected merge tags are written out here as each provider documents them, not
read from the code under test, so a typo in a tag fails a test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ISSUE_DATE, TEST_SEEDS
from digest.cli.commands import cli
from digest.deliver.eml import Envelope
from digest.deliver.esp import payload
from digest.errors import ConfigError
from digest.model import Email
from digest.render.compose import ROOT_TEMPLATE

# provider: (unsubscribe URL, web version URL, first name), from each provider's docs.
TAGS: dict[str, tuple[str, str | None, str]] = {
    "mailchimp": ("*|UNSUB|*", "*|ARCHIVE|*", "*|FNAME|*"),
    "sendgrid": ("{{{unsubscribe}}}", None, "{{first_name}}"),
    "postmark": ("{{{ pm:unsubscribe }}}", None, "{{ first_name }}"),
    "mailgun": ("%unsubscribe_url%", None, "%recipient.first_name%"),
    "ses": ("{{amazonSESUnsubscribeUrl}}", None, "{{name}}"),
    "brevo": ("{{ unsubscribe }}", "{{ mirror }}", "{{ contact.FIRSTNAME }}"),
    "listmonk": ("{{ UnsubscribeURL }}", "{{ MessageURL }}", "{{ .Subscriber.FirstName }}"),
}
PROVIDERS = list(TAGS)
SUBJECT = "Don't Miss a Story: November 30, 2026"
Body = dict[str, Any]
REPLY_TO = "Letters <letters@news.example>"
# RFC 8058 one-click unsubscribe, from the configured unsubscribe URL.
ONE_CLICK = {
    "List-Unsubscribe": "<https://news.example/u>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}


def _sendgrid(b: Body) -> tuple[str, str | None]:
    assert b["personalizations"][0]["to"] == [{"email": "editor@example.org"}]
    assert b["from"] == {"email": "desk@news.example", "name": "Desk"}
    assert b["subject"] == SUBJECT
    assert [c["type"] for c in b["content"]] == ["text/plain", "text/html"]
    assert b["tracking_settings"] == {
        "subscription_tracking": {"enable": True, "substitution_tag": "{{{unsubscribe}}}"}
    }
    assert b["headers"] == ONE_CLICK
    assert b["reply_to"] == {"email": "letters@news.example", "name": "Letters"}
    return b["content"][1]["value"], b["content"][0]["value"]


def _postmark(b: Body) -> tuple[str, str | None]:
    assert b["From"] == "Desk <desk@news.example>" and b["To"] == "editor@example.org"
    assert b["Subject"] == SUBJECT and b["MessageStream"] == "broadcast"
    assert b["Headers"] == [{"Name": k, "Value": v} for k, v in ONE_CLICK.items()]
    assert b["ReplyTo"] == REPLY_TO
    return b["HtmlBody"], b["TextBody"]


def _mailgun(b: Body) -> tuple[str, str | None]:
    assert b["from"] == "Desk <desk@news.example>" and b["to"] == "editor@example.org"
    assert b["subject"] == SUBJECT
    assert b["h:List-Unsubscribe"] == "<https://news.example/u>"
    assert b["h:Reply-To"] == REPLY_TO
    assert all(isinstance(v, str) for v in b.values())  # form fields are strings
    return b["html"], b["text"]


def _mailchimp(b: Body) -> tuple[str, str | None]:
    assert set(b) == {"html", "plain_text"}
    return b["html"], b["plain_text"]


def _ses(b: Body) -> tuple[str, str | None]:
    assert b["FromEmailAddress"] == "Desk <desk@news.example>"
    assert b["Destination"] == {"ToAddresses": ["editor@example.org"]}
    simple = b["Content"]["Simple"]
    assert simple["Subject"] == {"Data": SUBJECT, "Charset": "UTF-8"}
    assert [part["Charset"] for part in simple["Body"].values()] == ["UTF-8", "UTF-8"]
    assert b["ReplyToAddresses"] == [REPLY_TO]
    return simple["Body"]["Html"]["Data"], simple["Body"]["Text"]["Data"]


def _brevo(b: Body) -> tuple[str, str | None]:
    assert b["name"] and b["subject"] == SUBJECT
    assert b["sender"] == {"email": "desk@news.example", "name": "Desk"}
    assert b["recipients"] == {"listIds": [3]}
    assert b["replyTo"] == "letters@news.example"
    assert 40 <= len(b["previewText"]) <= 130
    return b["htmlContent"], None  # Brevo campaigns take no text part


def _listmonk(b: Body) -> tuple[str, str | None]:
    assert b["name"] and b["subject"] == SUBJECT and b["lists"] == [3]
    assert b["content_type"] == "html" and b["type"] == "regular"
    return b["body"], b["altbody"]


CHECKS: dict[str, Callable[[Body], tuple[str, str | None]]] = {
    "sendgrid": _sendgrid,
    "postmark": _postmark,
    "mailgun": _mailgun,
    "mailchimp": _mailchimp,
    "ses": _ses,
    "brevo": _brevo,
    "listmonk": _listmonk,
}


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    # A configured unsubscribe URL too: the provider's tag must win over it in the body.
    path = tmp_path / "digest.toml"
    path.write_text(
        '[email]\nlist_ids = [3]\n[footer]\nunsubscribe_url = "https://news.example/u"\n',
        encoding="utf-8",
    )
    return path


def _build(esp: str, config: Path, *extra: str) -> Any:
    args = ["build", str(TEST_SEEDS), "--esp", esp, "--config", str(config), "--date", "2026-11-30"]
    args += ["--from", "Desk <desk@news.example>", "--to", "editor@example.org"]
    args += ["--reply-to", REPLY_TO, *extra]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("esp", PROVIDERS)
def test_json_is_the_providers_api_body_and_tags_survive(esp: str, config_file: Path) -> None:
    result = _build(esp, config_file, "--format", "json")
    assert result.exit_code == 0, result.output
    html, text = CHECKS[esp](json.loads(result.stdout))
    text = text or _build(esp, config_file, "--format", "text").stdout
    unsubscribe, web_version, first_name = TAGS[esp]
    for tag in (unsubscribe, web_version):
        if tag is not None:
            assert f'href="{tag}"' in html, f"{esp}: {tag} not byte-exact in an href"
            assert tag in text, f"{esp}: {tag} missing from the text part"
    assert f"Hi {first_name}," in html
    assert "https://news.example/u" not in text  # the tag replaced the configured URL
    assert html.startswith("<!doctype html>")


def test_no_provider_prints_every_piece(config_file: Path) -> None:
    result = _build("none", config_file, "--format", "json")
    body = json.loads(result.stdout)
    assert set(body) == {"subject", "preheader", "from", "to", "reply_to", "html", "text"}
    assert body["to"] == ["editor@example.org"] and body["reply_to"] == REPLY_TO
    assert body["from"] == "Desk <desk@news.example>" and body["subject"] == SUBJECT
    assert "https://news.example/u" in body["text"]


@pytest.mark.parametrize("esp", PROVIDERS)
def test_every_tag_is_byte_exact_through_jinja_mjml_and_premailer(esp: str, tmp_path: Path) -> None:
    # A template of our own uses all three tags, so the test does not depend on the theme.
    (tmp_path / ROOT_TEMPLATE).write_text(
        "<mjml><mj-body><mj-section><mj-column>"
        "<mj-text>Hello {{ merge.first_name }}, "
        '<a href="{{ merge.unsubscribe }}">Unsubscribe</a> '
        '<a href="{{ merge.web_version }}">Web</a></mj-text>'
        '<mj-button href="{{ merge.unsubscribe }}">Leave</mj-button>'
        "</mj-column></mj-section></mj-body></mjml>\n",
        encoding="utf-8",
    )
    args = ["build", str(TEST_SEEDS), "--esp", esp, "--templates", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    html = result.stdout
    unsubscribe, web_version, first_name = TAGS[esp]
    assert f"Hello {first_name}," in html
    assert html.count(f'href="{unsubscribe}"') == 2
    if web_version:
        assert f'href="{web_version}"' in html
    assert "digest-merge" not in html


@pytest.mark.parametrize(("esp", "missing"), [("sendgrid", "--from"), ("postmark", "--to")])
def test_a_field_the_api_requires_is_asked_for(esp: str, missing: str) -> None:
    email = Email(subject="S", preheader="P", html="<p>x</p>", text="x")
    sender = ("", "desk@news.example") if missing == "--to" else None
    with pytest.raises(ConfigError, match=f"the {esp} API call needs .*{missing} ADDR"):
        payload(esp, email, Envelope(date=ISSUE_DATE, sender=sender))


def test_listmonk_without_list_ids_says_where_to_set_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", str(TEST_SEEDS), "--esp", "listmonk", "--format", "json"]
    )
    assert result.exit_code == 4
    assert "list_ids" in result.stderr and "[email]" in result.stderr


def test_unknown_esp_in_the_config_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('[email]\nesp = "mailchimpp"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(TEST_SEEDS), "--config", str(config)])
    assert result.exit_code == 4
    assert (
        "'email.esp' = 'mailchimpp' is not allowed" in result.stderr
        and "mailchimp" in result.stderr
    )


def test_the_command_line_offers_every_preset() -> None:
    from digest.cli.options import ESPS

    assert set(ESPS) == {"none", *TAGS}
