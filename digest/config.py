"""Settings from `digest.toml` (optional): every field has a default, so no file is needed.

Each [section] of the file is one frozen dataclass below; a key that is not a
field, or a value of the wrong type, is an error naming the key, file and line.
"""

from __future__ import annotations

import dataclasses
import keyword
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.errors import ConfigError

CONFIG_NAME = "digest.toml"


@dataclass(frozen=True)
class Brand:
    name: str = "The Weekly Digest"
    url: str | None = None
    logo: str | None = None  # an https:// image URL
    logo_alt: str | None = None


@dataclass(frozen=True)
class Theme:
    accent: str = "#b4232c"
    text: str = "#1f2328"
    muted: str = "#59606a"
    background: str = "#eef0f3"
    card: str = "#ffffff"
    font: str = "Georgia, 'Times New Roman', serif"


@dataclass(frozen=True)
class Footer:
    text: str = "You are receiving this email because you subscribed to our newsletter."
    address: str | None = None
    unsubscribe_url: str | None = None
    web_url: str | None = None


@dataclass(frozen=True)
class EmailSettings:
    """[email]: who the message is from and to, and how `digest build` hands it off."""

    from_: str | None = None  # TOML key `from`; "Name <addr>" or a bare address
    to: str | None = None  # one address or a comma-separated list
    reply_to: str | None = None
    esp: str = "none"  # whose merge tags and API body: see digest.esp.PRESETS
    format: str = "html"  # html | text | eml | json
    unsubscribe_mailto: str | None = None  # for the List-Unsubscribe header
    list_ids: tuple[int, ...] = ()  # the ESP's list IDs (listmonk, Brevo campaigns)


@dataclass(frozen=True)
class Utm:
    """[utm]: tags added to story links; none set means links stay as they are."""

    source: str | None = None
    medium: str | None = None
    campaign: str | None = None  # default: the issue date, when source or medium is set


@dataclass(frozen=True)
class Smtp:
    """[smtp]: where `digest send` delivers a test. The password is never stored here."""

    host: str = "localhost"
    port: int | None = None  # default: 465 for ssl, 587 for starttls, else 25
    security: str = "auto"  # auto (STARTTLS when offered) | starttls | ssl | none
    user: str | None = None


@dataclass(frozen=True)
class Config:
    title: str = "Don't Miss a Story"
    lang: str = "en"
    intro: str | None = None
    issue_number: int | None = None
    lead_paragraphs: int = 2
    brand: Brand = field(default_factory=Brand)
    theme: Theme = field(default_factory=Theme)
    footer: Footer = field(default_factory=Footer)
    email: EmailSettings = field(default_factory=EmailSettings)
    utm: Utm = field(default_factory=Utm)
    smtp: Smtp = field(default_factory=Smtp)


def load_config(path: Path | None = None, folder: Path | None = None) -> Config:
    """Read `path`, else `digest.toml` in `folder` (default: the current folder), else defaults."""
    if path is None:
        candidate = (folder or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such config file; check --config") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config ({exc}); save it as UTF-8") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}; fix that line") from exc
    config: Config = build_section(Config, data, _Where(str(path), text))
    return config


@dataclass(frozen=True)
class _Where:
    source: str
    text: str = ""

    def key(self, dotted: str) -> str:
        line = _line_of(self.text, dotted)
        return f"{self.source}:{line}" if line else self.source


def build_section(cls: type[Any], data: dict[str, Any], where: _Where, prefix: str = "") -> Any:
    """Make dataclass `cls` from a TOML table, checking every key and type."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for toml_key, value in data.items():
        dotted = f"{prefix}{toml_key}"
        # A key that is a Python keyword (`from`) is the field with a trailing underscore.
        key = f"{toml_key}_" if keyword.iskeyword(toml_key) else toml_key
        if key not in names:
            known = ", ".join(sorted(n.rstrip("_") for n in names))
            raise ConfigError(f"{where.key(dotted)}: unknown key '{dotted}'; known here: {known}")
        expected = hints[key]
        if dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                raise ConfigError(f"{where.key(dotted)}: '{dotted}' must be a [{dotted}] table")
            values[key] = build_section(expected, value, where, f"{dotted}.")  # type: ignore[arg-type]
        else:
            values[key] = _checked(value, expected, dotted, where)
    return cls(**values)


def _checked(value: Any, expected: Any, dotted: str, where: _Where) -> Any:
    allowed = _plain_types(expected)
    if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
        names = " or ".join(t.__name__ for t in allowed if t is not type(None))
        raise ConfigError(
            f"{where.key(dotted)}: '{dotted}' must be {names}, not {type(value).__name__}"
        )
    if isinstance(value, list):
        return tuple(value)
    return value


def _plain_types(hint: Any) -> tuple[type, ...]:
    """`str | None` -> (str, NoneType); `tuple[str, ...]` -> (list,) as TOML gives lists."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return tuple(t for arg in typing.get_args(hint) for t in _plain_types(arg))
    origin = typing.get_origin(hint)
    if origin is tuple:
        return (list,)
    return (hint,)


def _line_of(text: str, dotted: str) -> int | None:
    """The line number of `dotted` in the TOML text, for messages (best effort)."""
    *tables, key = dotted.split(".")
    section = ".".join(tables)
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            if current == dotted:
                return number
        elif current == section and re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None


def with_flags(config: Config, **sections: dict[str, Any]) -> Config:
    """Command-line flags win over digest.toml: each non-None value replaces the section's field."""
    changed = {}
    for name, values in sections.items():
        given = {key: value for key, value in values.items() if value is not None}
        if given:
            changed[name] = dataclasses.replace(getattr(config, name), **given)
    return dataclasses.replace(config, **changed)
