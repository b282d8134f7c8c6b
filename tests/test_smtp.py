"""`digest send` against a real SMTP server (aiosmtpd) on 127.0.0.1, and its failures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import TEST_SEEDS, real_module
from digest.cli.commands import cli
from digest.config import Smtp
from digest.deliver.smtp import PASSWORD_ENV, _is_loopback, parse_server, port_of
from digest.errors import ConfigError
from localsmtp import Inbox, free_port, serving

aiosmtpd_smtp = real_module("aiosmtpd.smtp")

ADDRESSES = ["--from", "Desk <desk@news.example>", "--to", "editor@example.org"]
DATE = ["--date", "2026-11-30"]


def _only_bob(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = data.login == b"bob" and data.password == b"secret"
    # handled=False: aiosmtpd then answers 535 itself.
    return aiosmtpd_smtp.AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server() -> Iterator[Inbox]:
    with serving() as inbox:
        yield inbox


@pytest.fixture
def auth_server() -> Iterator[Inbox]:
    with serving(_only_bob) as inbox:
        yield inbox


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _parts(raw: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """Headers but the per-send ones (Date, Message-ID, the boundary), and each part's text."""
    from email import message_from_bytes, policy

    msg = message_from_bytes(raw, policy=policy.SMTP)
    headers = [(k, v) for k, v in msg.items() if k not in ("Date", "Message-ID", "Content-Type")]
    return headers, [part.get_content() for part in msg.iter_parts()]  # type: ignore[attr-defined]


def test_send_delivers_the_eml_that_build_writes(runner: CliRunner, smtp_server: Inbox) -> None:
    where = ["--smtp", f"127.0.0.1:{smtp_server.port}"]
    sent = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert sent.exit_code == 0, sent.output
    assert sent.stdout == ""
    assert "sent" in sent.stderr and "editor@example.org" in sent.stderr
    built = runner.invoke(cli, ["build", str(TEST_SEEDS), *ADDRESSES, *DATE, "--format", "eml"])
    assert built.exit_code == 0, built.output
    [envelope] = smtp_server.received
    assert envelope.mail_from == "desk@news.example"
    assert envelope.rcpt_tos == ["editor@example.org"]
    # The same message; only Date and Message-ID are the send's own.
    assert _parts(envelope.content) == _parts(built.stdout_bytes)


def test_login_with_the_password_from_the_environment(
    runner: CliRunner, auth_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "secret")
    where = ["--smtp", f"127.0.0.1:{auth_server.port}", "--user", "bob"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert result.exit_code == 0, result.output
    assert len(auth_server.received) == 1


def test_refused_login_is_one_line_and_exit_8(
    runner: CliRunner, auth_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    where = ["--smtp", f"127.0.0.1:{auth_server.port}", "--user", "bob"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert result.exit_code == 8
    assert result.stderr.startswith("digest: error: smtp 127.0.0.1:")
    assert "login as bob refused (535" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert auth_server.received == []


def test_closed_port_is_one_line_and_exit_8(runner: CliRunner) -> None:
    port = free_port()  # nothing listens there any more
    result = runner.invoke(
        cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, "--smtp", f"127.0.0.1:{port}"]
    )
    assert result.exit_code == 8
    assert f"127.0.0.1:{port}: cannot connect" in result.stderr
    assert "check --smtp" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_starttls_required_but_not_offered_is_exit_8(runner: CliRunner, smtp_server: Inbox) -> None:
    where = ["--smtp", f"127.0.0.1:{smtp_server.port}", "--starttls"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert result.exit_code == 8
    assert "does not offer STARTTLS" in result.stderr
    assert smtp_server.received == []


def test_dry_run_prints_headers_and_sizes_and_connects_to_nothing(runner: CliRunner) -> None:
    where = ["--smtp", f"127.0.0.1:{free_port()}", "--dry-run"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Would send to editor@example.org via smtp 127.0.0.1:")
    assert "\nSubject: Don't Miss a Story: November 30, 2026\n" in out
    assert "\nFrom: Desk <desk@news.example>\n" in out
    assert "text/plain:" in out and "text/html:" in out and "KB" in out
    assert "nothing sent" in result.stderr


def test_no_recipient_is_a_config_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), "--from", "d@news.example", "--dry-run"])
    assert result.exit_code == 4
    assert "--to ADDR" in result.stderr


def test_no_password_and_no_terminal_is_a_config_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    where = ["--smtp", f"127.0.0.1:{free_port()}", "--user", "bob"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where], input="")
    assert result.exit_code == 4
    assert PASSWORD_ENV in result.stderr


def test_password_is_never_a_flag(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["send", "--help"])
    assert "--password" not in result.stdout
    assert PASSWORD_ENV in result.stdout


def test_smtp_settings_come_from_digest_toml(
    runner: CliRunner, smtp_server: Inbox, tmp_path: Any
) -> None:
    config = tmp_path / "digest.toml"
    config.write_text(
        f'[email]\nfrom = "desk@news.example"\nto = "a@example.org, b@example.org"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_server.port}\nsecurity = "none"\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), "--config", str(config), *DATE])
    assert result.exit_code == 0, result.output
    assert smtp_server.received[0].rcpt_tos == ["a@example.org", "b@example.org"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("smtp.example.org", ("smtp.example.org", None)),
        ("smtp.example.org:587", ("smtp.example.org", 587)),
        ("[::1]:2525", ("::1", 2525)),
        ("::1", ("::1", None)),
    ],
)
def test_parse_server(value: str, expected: tuple[str, int | None]) -> None:
    assert parse_server(value) == expected


def test_bad_server_value_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="HOST:PORT"):
        parse_server("smtp.example.org:port")


def test_default_ports_follow_the_security() -> None:
    assert port_of(Smtp(security="ssl")) == 465
    assert port_of(Smtp(security="starttls")) == 587
    assert port_of(Smtp()) == 25
    assert port_of(Smtp(port=2525, security="ssl")) == 2525


def test_only_this_machine_may_get_a_password_in_the_clear() -> None:
    assert _is_loopback("localhost") and _is_loopback("127.0.0.1") and _is_loopback("::1")
    assert not _is_loopback("smtp.example.org") and not _is_loopback("10.0.0.1")


def test_unknown_security_in_digest_toml_is_a_config_error(
    runner: CliRunner, tmp_path: Any
) -> None:
    config = tmp_path / "digest.toml"
    config.write_text('[smtp]\nsecurity = "tls"\n', encoding="utf-8")
    args = ["send", str(TEST_SEEDS), *ADDRESSES, "--config", str(config), "--dry-run"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 4
    assert "'smtp.security' = 'tls'" in result.stderr and "starttls" in result.stderr


def test_ssl_to_a_plain_server_is_one_line_about_tls(runner: CliRunner, smtp_server: Inbox) -> None:
    where = ["--smtp", f"127.0.0.1:{smtp_server.port}", "--ssl"]
    result = runner.invoke(cli, ["send", str(TEST_SEEDS), *ADDRESSES, *DATE, *where])
    assert result.exit_code == 8
    assert "TLS failed" in result.stderr and "--starttls" in result.stderr
    assert result.stderr.count("\n") == 1
