"""Settings from `digest.toml` (optional): names, colours, links. Defaults need no file."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path

from digest.errors import ConfigError

CONFIG_NAME = "digest.toml"


@dataclass(frozen=True)
class Config:
    title: str = "Don't Miss a Story"
    brand: str = "The Weekly Digest"
    lang: str = "en"
    intro: str | None = None
    footer_text: str = "You are receiving this email because you subscribed to our newsletter."
    address: str | None = None
    unsubscribe_url: str | None = None
    web_url: str | None = None
    lead_paragraphs: int = 2


def load_config(path: Path | None = None, folder: Path | None = None) -> Config:
    """Read `path`, else `digest.toml` in `folder` (default: the current folder), else defaults."""
    if path is None:
        candidate = (folder or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such config file; check --config") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix that line") from exc
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, object], source: str) -> Config:
    fields = {f.name: f for f in dataclasses.fields(Config)}
    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"{source}: unknown key '{key}'; known keys: {known}")
        expected = _type_of(fields[key])
        if not isinstance(value, expected) or isinstance(value, bool) is not (expected is bool):
            raise ConfigError(
                f"{source}: '{key}' must be {expected.__name__}, not {type(value).__name__}"
            )
        values[key] = value
    return Config(**values)  # type: ignore[arg-type]


def _type_of(field: dataclasses.Field[object]) -> type:
    name = str(field.type).split("|")[0].strip()
    return {"str": str, "int": int, "bool": bool}[name]
