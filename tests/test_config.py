"""digest.toml: optional, strict about keys and types."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import Config, load_config
from digest.errors import ConfigError


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(folder=tmp_path) == Config()


def test_file_in_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "digest.toml").write_text(
        'title = "Weekly"\n[footer]\naddress = "1 Main St"\n', encoding="utf-8"
    )
    config = load_config(folder=tmp_path)
    assert config.title == "Weekly"
    assert config.footer.address == "1 Main St"


def test_unknown_key_names_key_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text('title = "x"\n[footer]\nadress = "typo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"digest\.toml:3: unknown key 'footer\.adress'"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('titel = "Weekend Reads"', "unknown key 'titel'; did you mean 'title'?"),
        ('[footer]\nadress = "1 Quay St"', "unknown key 'footer.adress'; did you mean 'address'?"),
        ('unsubscribe_url = "https://news.example/u"', "it belongs under [footer]"),
        ('[brand]\naccent = "#0a5c36"', "unknown key 'brand.accent'; it belongs under [theme]"),
        ('[footer]\ntext = "Hi"\nintro = "This week"', "'intro' is a top-level key: move it above"),
    ],
)
def test_unknown_key_says_what_was_meant(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert says in str(info.value)


def test_wrong_type_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text('lead_paragraphs = "two"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'lead_paragraphs' must be int, not str"):
        load_config(path)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_email_utm_and_smtp_sections(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(
        '[email]\nfrom = "Desk <desk@news.example>"\nesp = "brevo"\nlist_ids = [3, 4]\n'
        '[utm]\nsource = "newsletter"\n[smtp]\nhost = "smtp.example.org"\nport = 587\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.email.from_ == "Desk <desk@news.example>"
    assert config.email.esp == "brevo" and config.email.list_ids == (3, 4)
    assert config.utm.source == "newsletter" and config.smtp.port == 587


def test_unknown_email_key_lists_from_by_its_toml_name(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text('[email]\nsender = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'email\.sender'.*\bfrom\b") as info:
        load_config(path)
    assert "from_" not in str(info.value)


def test_flags_win_over_the_file_and_none_keeps_it() -> None:
    from digest.config import EmailSettings, with_flags

    config = Config(email=EmailSettings(from_="a@news.example", to="b@news.example"))
    changed = with_flags(config, email={"from_": "c@news.example", "to": None})
    assert changed.email == EmailSettings(from_="c@news.example", to="b@news.example")
    assert with_flags(config, email={"to": None}, utm={}) == config


def test_theme_brand_and_footer_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(
        '[brand]\nname = "The Courier"\nlogo = "https://news.example/logo.png"\n'
        '[theme]\naccent = "#0a5c36"\ndark_card = "#101"\nfont = "Verdana, sans-serif"\n'
        '[footer]\nunsubscribe_url = "*|UNSUB|*"\nweb_url = "https://news.example/latest"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.brand.name == "The Courier" and config.theme.accent == "#0a5c36"
    assert config.theme.dark_card == "#101" and config.footer.unsubscribe_url == "*|UNSUB|*"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('[brand]\nurl = "javascript:alert(1)"', r"digest\.toml:2: 'brand\.url' must be an http"),
        ('[brand]\nlogo = "logo.png"', "'brand.logo' must be an http"),
        ('[brand]\nlogo = "mailto:a@b.c"', "'brand.logo' must be an http"),
        ("[brand]\nlogo_width = 0", "'brand.logo_width' must be a width from 1 to 600"),
        ('[footer]\nunsubscribe_url = "news.example/u"', "'footer.unsubscribe_url' must be"),
        ('[footer]\nweb_url = ""', "'footer.web_url' must be an http"),
        ('[theme]\naccent = "red"', r"'theme\.accent' must be a colour such as #1f2328"),
        ('[theme]\ntext = "#12345"', "'theme.text' must be a colour"),
        ('[theme]\nfont = "Arial; } body { color: red"', "'theme.font' must be a font list"),
        ('[theme]\nfont = "\\"Segoe UI\\", sans-serif"', "'theme.font' must be a font list"),
        ("[theme]\nbackground = 255", "'theme.background' must be str, not int"),
        ('[theme]\ncolour = "#fff"', "unknown key 'theme.colour'"),
    ],
)
def test_bad_theme_values_name_the_key_and_file(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_mailto_links_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text('[footer]\nunsubscribe_url = "mailto:leave@news.example"\n', encoding="utf-8")
    assert load_config(path).footer.unsubscribe_url == "mailto:leave@news.example"


def test_starter_config_loads_and_matches_the_defaults(tmp_path: Path) -> None:
    from digest.cli.starter import STARTER_CONFIG

    path = tmp_path / "digest.toml"
    path.write_text(STARTER_CONFIG, encoding="utf-8")
    assert load_config(path) == Config()
