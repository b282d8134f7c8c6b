"""Hypothesis: no URL, front matter or settings value makes digest raise anything but a
DigestError (one line, a documented exit code).

Locally each property runs ~100 examples; CI runs ~2000 with
`pytest --hypothesis-profile=fuzz tests/test_fuzz_inputs.py`. No test here reaches the
network: name lookups are switched off, so a fuzzed host name fails as an unknown host.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.config import Config, load_config
from digest.deliver.formats import export
from digest.errors import DigestError
from digest.model import Digest, Email, Story
from digest.sources.load import SourceOptions, load_seeds
from digest.sources.seeds import parse_seed
from digest.summarize import summarize

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
TMP = Path(tempfile.mkdtemp(prefix="digest-fuzz-"))
OPTIONS = SourceOptions(cache=TMP / "cache", timeout=1.0, deadline=2.0, workers=2)

# --- URLs ---------------------------------------------------------------------------------
LABELS = st.one_of(
    st.sampled_from(
        ["a", "", "news", "example", "xn--zz-zzz", "xn--", "\U0001f4a9", "\u4f8b\u3048",
         "stra\u00dfe", "-a-", "a" * 64, "127.0.0.1", "[::1]", "[::1", "169.254.169.254",
         "0x7f.1", "2130706433",
         "%41", "a b", "\u200b", "\x00", "@", ":", "localhost", "\uff21", "..", "\udcff", "\u202e"]
    ),
    st.text(max_size=8),
)  # fmt: skip
PATHS = st.one_of(
    st.sampled_from(["/", "/a", "/a?b=c#d", "/%zz", "/\u00e9", ""]), st.text(max_size=12)
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http://", "https://", "HTTP://", "http:/", "ftp://"]))
    host = ".".join(draw(st.lists(LABELS, min_size=1, max_size=4)))
    port = draw(st.sampled_from(["", ":80", ":0", ":99999", ":x", ":"]))
    return scheme + host + port + draw(PATHS)


@contextmanager
def no_name_lookups() -> Iterator[None]:
    """Every connection needs a lookup first (literal addresses too): refuse them all."""
    real = socket.getaddrinfo

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "lookups are off in the fuzz tests")

    socket.getaddrinfo = refuse
    try:
        yield
    finally:
        socket.getaddrinfo = real


@FUZZ
@given(url=urls())
def test_fuzz_a_url_argument_is_a_seed_or_one_line(url: str) -> None:
    with no_name_lookups():
        try:
            load_seeds([url], OPTIONS)
        except DigestError as exc:
            assert exc.format_message().strip()  # the CLI shows it as one line


@FUZZ
@given(links=st.lists(urls(), min_size=1, max_size=4), title=st.text(max_size=20))
def test_fuzz_feed_item_links_are_stories_or_warnings(links: list[str], title: str) -> None:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        "<description>The harbour wall was repaired.</description></item>"
        for link in links
    )
    feed = TMP / "feed.xml"
    feed.write_text(f'<rss version="2.0"><channel>{items}</channel></rss>', "utf-8", "replace")
    with no_name_lookups():
        try:
            loaded = load_seeds([feed], OPTIONS)
        except DigestError:
            return
    for seed in loaded.seeds:
        summarize(seed)


# --- Front matter -------------------------------------------------------------------------
KEYS = st.sampled_from(["title", "url", "byline", "date", "image", "quote", "section", "x"])
TAGGED = st.builds(
    "{} {}".format,
    st.sampled_from(
        ["!!int", "!!float", "!!bool", "!!timestamp", "!!binary", "!!str", "!!null", "!!set",
         "!!omap", "!!seq", "!!map", "!!python/name:os.system", "!custom", "&a", "*a", "?"]
    ),
    st.one_of(
        st.sampled_from(['"abc"', "nope", "12", "0x", "{}", "[]", "2026-02-30"]),
        st.text(max_size=6),
    ),
)  # fmt: skip
DATES = st.builds(
    "{}-{}-{}{}".format,
    st.integers(0, 99999),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(["", " 25:61:00", "T99:00:00", " 12:00:00+99:00", "T12:00:00Z"]),
)
VALUES = st.one_of(TAGGED, DATES, st.text(max_size=20), st.sampled_from(["[", "{", "|", ">", "~"]))


@FUZZ
@given(fields=st.lists(st.tuples(KEYS, VALUES), max_size=5), body=st.text(max_size=60))
def test_fuzz_front_matter_is_a_seed_or_one_line(fields: list[tuple[str, str]], body: str) -> None:
    block = "\n".join(f"{key}: {value}" for key, value in fields)
    try:
        seed = parse_seed(f"---\n{block}\n---\nHarbour\n\n{body}\n", "fuzz.txt")
    except DigestError as exc:
        assert exc.format_message().strip()
        return
    assert all(isinstance(v, str | None) for v in vars(seed.meta).values())
    summarize(seed)


# --- Settings -----------------------------------------------------------------------------
SETTING_KEYS = st.sampled_from(
    ["title", "lang", "intro", "issue_number", "lead_paragraphs", "lead_words", "quote_words",
     "button", "contents", "max_stories", "preheader", "brand.name", "brand.url", "brand.logo",
     "brand.logo_width", "theme.accent", "theme.font", "footer.unsubscribe_url",
     "email.from", "email.to", "email.reply_to", "email.esp", "email.format",
     "email.unsubscribe_mailto", "email.list_ids", "utm.source", "smtp.host", "smtp.port",
     "smtp.security", "smtp.user", "nope", "email.nope"]
)  # fmt: skip
SCALARS = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["a@b.example", "Desk <d@news.example>", "a@b.example\nBcc: c@d.example",
                     "https://news.example/u", "#fff", "mailchimp", "eml", "starttls", "pt-BR"]),
)  # fmt: skip
SETTING_VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def _document(settings: dict[str, Any]) -> str:
    top = [f"{k} = {_toml(v)}" for k, v in settings.items() if "." not in k]
    tables: dict[str, list[str]] = {}
    for key, value in settings.items():
        if "." in key:
            table, name = key.split(".", 1)
            tables.setdefault(table, []).append(f"{name} = {_toml(value)}")
    sections = [f"[{table}]\n" + "\n".join(lines) for table, lines in tables.items()]
    return "\n".join(top) + "\n" + "\n".join(sections) + "\n"


EMAIL = Email(subject="Weekly: November 30, 2026", preheader="p", html="<p>x</p>", text="x")
DIGEST = Digest(title="Weekly", date=dt.date(2026, 11, 30), stories=(Story("H", None, ("L",)),))


@FUZZ
@given(settings_=st.dictionaries(SETTING_KEYS, SETTING_VALUES, max_size=6))
def test_fuzz_settings_load_or_say_what_is_allowed(settings_: dict[str, Any]) -> None:
    path = TMP / "digest.toml"
    path.write_text(_document(settings_), "utf-8", "surrogatepass")
    try:
        config = load_config(path)
    except DigestError as exc:
        assert exc.format_message().strip()
        return
    assert isinstance(config, Config)
    for fmt in ("eml", "json"):
        try:
            export(EMAIL, DIGEST, config, fmt)
        except DigestError as exc:
            assert exc.format_message().strip()  # the CLI shows it as one line
