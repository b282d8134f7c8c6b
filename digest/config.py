"""Settings from `digest.toml` (optional): every field has a default, so no file is needed.

Each [section] of the file is one frozen dataclass below; a key that is not a
field, or a value of the wrong type, is an error naming the key, file and line.
"""

from __future__ import annotations

import dataclasses
import difflib
import keyword
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.config_rules import problem
from digest.errors import ConfigError
from digest.links import is_allowed_href

CONFIG_NAME = "digest.toml"


def _url(default: str | None = None) -> Any:
    """A field holding a link: checked as http(s)/mailto (or an ESP merge tag) on load."""
    return field(default=default, metadata={"kind": "url"})


def _image(default: str | None = None) -> Any:
    """A field holding an image address: http(s) only (mail apps fetch it)."""
    return field(default=default, metadata={"kind": "image"})


def _colour(default: str) -> Any:
    """A field holding a colour: #rgb or #rrggbb, so it is safe in CSS and contrast math."""
    return field(default=default, metadata={"kind": "colour"})


def _font(default: str) -> Any:
    """A CSS font stack: names, commas and single quotes only (it goes into CSS and attributes)."""
    return field(default=default, metadata={"kind": "font"})


@dataclass(frozen=True)
class Brand:
    name: str = "The Weekly Digest"
    url: str | None = _url()  # the newsroom's home page, linked in the footer
    logo: str | None = _image()  # an https:// image URL shown instead of the name
    logo_alt: str | None = None  # default: the brand name
    logo_width: int = field(default=180, metadata={"kind": "pixels"})  # shown this wide


@dataclass(frozen=True)
class Theme:
    """Colours for the light scheme and the dark one; each pair must keep 4.5:1 contrast."""

    accent: str = _colour("#b4232c")  # brand line, quote rule, buttons
    on_accent: str = _colour("#ffffff")  # button text on the accent colour
    text: str = _colour("#1f2328")
    muted: str = _colour("#59606a")  # bylines, dates, footer
    background: str = _colour("#eef0f3")  # around the card
    card: str = _colour("#ffffff")
    rule: str = _colour("#d5d9de")  # lines between stories
    dark_accent: str = _colour("#ff9d96")
    dark_text: str = _colour("#e8eaed")
    dark_muted: str = _colour("#a9b1bb")
    dark_background: str = _colour("#121418")
    dark_card: str = _colour("#1c1f24")
    dark_rule: str = _colour("#3a3f47")
    font: str = _font("Georgia, 'Times New Roman', Times, serif")  # body and headlines
    meta_font: str = _font("Helvetica, Arial, sans-serif")  # bylines, dates, buttons, footer


@dataclass(frozen=True)
class Footer:
    text: str = "You are receiving this email because you signed up for our newsletter."
    address: str | None = None  # the newsroom's postal address (required by anti-spam laws)
    unsubscribe_url: str | None = _url()
    # The web version of this issue; {issue} and {date} are filled in for each edition.
    web_url: str | None = _url()


@dataclass(frozen=True)
class EmailSettings:
    """[email]: who the message is from and to, and how `digest build` hands it off."""

    from_: str | None = None  # TOML key `from`; "Name <addr>" or a bare address
    to: str | None = None  # one address or a comma-separated list
    reply_to: str | None = None
    esp: str = "none"  # whose merge tags and API body: see digest.vocabulary.PRESETS
    format: str = "html"  # one of digest.vocabulary.FORMATS: html | text | eml | json
    unsubscribe_mailto: str | None = None  # for the List-Unsubscribe header
    list_ids: tuple[int, ...] = ()  # the ESP's list IDs (listmonk, Brevo campaigns)
    list_address: str | None = None  # `digest send` to it is the edition going out, recorded


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
class Editions:
    """[editions]: where the record of past editions is kept, beside digest.toml."""

    path: str = ".digest/editions.sqlite"  # relative to the folder of digest.toml


@dataclass(frozen=True)
class Section:
    """[[sections]]: one section of the edition, in the order they are listed."""

    name: str  # matched, case aside, against each story's section
    title: str | None = None  # the heading shown; default: the name
    max: int | None = None  # at most this many stories; the others are left out

    @property
    def heading(self) -> str:
        return self.title or self.name


@dataclass(frozen=True)
class Slot:
    """[[slots]]: a sponsor or house-ad block, after the Nth story or at a section's end."""

    text: str = ""
    link: str | None = _url()  # UTM-tagged like story links
    after: int | None = None  # after this story (1 = the lead)
    section: str | None = None  # or at the end of this section (its name, or more_section)
    label: str = "Sponsored"
    image: str | None = _image()
    image_alt: str | None = None  # what the image shows: required with an image


@dataclass(frozen=True)
class Config:
    title: str = "Don't Miss a Story"
    lang: str = "en"
    intro: str | None = None
    issue_number: int | None = None
    lead_story: str | None = None  # the seed (file name, path or URL) that leads; default: first
    lead_paragraphs: int = 2  # the lead story's; the others show one (compact)
    lead_words: int = 80  # a lead is cut at the last sentence that fits (never mid-sentence)
    quote_words: int = 40  # the pull quote: the first quote this short, or none
    button: str = "Continue reading"  # the link under each story
    contents: bool = True  # the "In this issue" list, shown from three stories up
    max_stories: int = 20  # `digest build` refuses more (or pass --max-stories)
    preheader: str | None = None  # the inbox preview text; default: built from the headlines
    brand: Brand = field(default_factory=Brand)
    theme: Theme = field(default_factory=Theme)
    footer: Footer = field(default_factory=Footer)
    email: EmailSettings = field(default_factory=EmailSettings)
    utm: Utm = field(default_factory=Utm)
    smtp: Smtp = field(default_factory=Smtp)
    editions: Editions = field(default_factory=Editions)
    sections: tuple[Section, ...] = ()  # none: one list of stories, as without sections
    more_section: str = "More"  # the last section's heading: stories in no listed section
    slots: tuple[Slot, ...] = ()


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
    _check_slots(config, _Where(str(path), text))
    return config


def _check_slots(config: Config, where: _Where) -> None:
    """Each slot has its words, a link, one place, and an alt text for its image."""
    names = {s.name.strip().casefold() for s in config.sections}
    names.add(config.more_section.strip().casefold())
    for n, slot in enumerate(config.slots, start=1):
        fix = None
        if not slot.text.strip() or not slot.link:
            fix = "give it text and a link"
        elif (slot.after is None) == (slot.section is None):
            fix = "give it either after = N (a story number) or section = NAME"
        elif slot.section is not None and slot.section.strip().casefold() not in names:
            fix = f"section {slot.section!r} is not one of [[sections]]; use one of their names"
        elif slot.image and not (slot.image_alt or "").strip():
            fix = "give its image an image_alt saying what it shows"
        if fix:
            raise ConfigError(f"{where.key('slots')}: slot {n} in [[slots]]: {fix}")


@dataclass(frozen=True)
class _Where:
    source: str
    text: str = ""

    def key(self, dotted: str) -> str:
        line = _line_of(self.text, dotted)
        return f"{self.source}:{line}" if line else self.source


def _hint(key: str, cls: type[Any]) -> str:
    """What to write instead of an unknown key: a near spelling, or the section it belongs in."""
    known = sorted(f.name.rstrip("_") for f in dataclasses.fields(cls))
    top = typing.get_type_hints(Config)
    if cls is not Config and key in top and not dataclasses.is_dataclass(top[key]):
        # TOML puts every key after a [section] header into that section.
        return f"'{key}' is a top-level key: move it above the first [section]"
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"did you mean '{close[0]}'? Known here: {', '.join(known)}"
    for section, kind in top.items():
        if not dataclasses.is_dataclass(kind) or kind is cls:
            continue
        if key in {f.name.rstrip("_") for f in dataclasses.fields(kind)}:
            return f"it belongs under [{section}]"
    return f"known here: {', '.join(known)}"


def build_section(cls: type[Any], data: dict[str, Any], where: _Where, prefix: str = "") -> Any:
    """Make dataclass `cls` from a TOML table, checking every key and type."""
    hints = typing.get_type_hints(cls)
    kinds = {f.name: f.metadata.get("kind") for f in dataclasses.fields(cls)}
    names = set(kinds)
    values: dict[str, Any] = {}
    for toml_key, value in data.items():
        dotted = f"{prefix}{toml_key}"
        # A key that is a Python keyword (`from`) is the field with a trailing underscore.
        key = f"{toml_key}_" if keyword.iskeyword(toml_key) else toml_key
        if key not in names:
            hint = _hint(toml_key, cls)
            raise ConfigError(f"{where.key(dotted)}: unknown key '{dotted}'; {hint}")
        expected = hints[key]
        item = _table_list(expected)
        if item is not None:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ConfigError(f"{where.key(dotted)}: '{dotted}' must be [[{dotted}]] tables")
            values[key] = tuple(build_section(item, v, where, f"{dotted}.") for v in value)
        elif dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                raise ConfigError(f"{where.key(dotted)}: '{dotted}' must be a [{dotted}] table")
            values[key] = build_section(expected, value, where, f"{dotted}.")  # type: ignore[arg-type]
        else:
            values[key] = _checked(value, expected, dotted, where)
            kind = kinds[key]
            if kind and value is not None:
                _check_kind(value, kind, dotted, where)
            allowed = problem(dotted, values[key])
            if allowed:
                raise ConfigError(
                    f"{where.key(dotted)}: '{dotted}' = {_shown(value)} is not allowed; "
                    f"use {allowed}"
                )
    return cls(**values)


def _table_list(hint: Any) -> Any:
    """`tuple[Section, ...]` -> Section (an array of tables, [[sections]]); else None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and args and dataclasses.is_dataclass(args[0]):
        return args[0]
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_KIND_RULES = {
    "colour": (re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}"), "a colour such as #1f2328"),
    "font": (re.compile(r"[A-Za-z0-9 ,'-]+"), 'a font list such as "Georgia, serif"'),
}


def _check_kind(value: Any, kind: str, dotted: str, where: _Where) -> None:
    """Values that reach HTML, CSS or image sizes: checked here, so templates can trust them."""
    where_key = f"{where.key(dotted)}: '{dotted}' must be"
    if kind == "pixels":
        if not 1 <= value <= 600:
            raise ConfigError(f"{where_key} a width from 1 to 600 pixels, not {value}")
        return
    if kind == "url":
        if not is_allowed_href(value):
            raise ConfigError(
                f"{where_key} an http(s):// or mailto: link "
                f"(or an email service's merge tag), not {value!r}"
            )
        return
    if kind == "image":
        if not re.match(r"https?://[^/\s?#]+", value, re.I):
            raise ConfigError(f"{where_key} an http(s):// image address, not {value!r}")
        return
    pattern, example = _KIND_RULES[kind]
    if not pattern.fullmatch(value):
        raise ConfigError(f"{where_key} {example}, not {value!r}")


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
        header = re.match(r"\s*\[\[?([^\]]+)\]", line)  # [table] or [[array of tables]]
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
