"""The edition's language and each story's: lang=, dir= and the masthead date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from digest.build import build
from digest.config import Config
from digest.language import language_tag, longdate, text_direction
from digest.model import FrontMatter, Seed
from digest.summarize import summarize

DAY = dt.date(2026, 11, 30)
BODY = (
    "The council met on Tuesday and voted to repair the old bridge over the river Anselm.\n\n"
    "Repairs start in spring and the bridge will close to cars for most of the summer.\n"
)
ARABIC = "صوّت المجلس البلدي يوم الثلاثاء على إصلاح الجسر القديم.\n"


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "November 30, 2026"),
        ("fr", "30 novembre 2026"),
        ("pt-BR", "30 de novembro de 2026"),
        ("ar", "30 \u0646\u0648\u0641\u0645\u0628\u0631 2026"),
        ("qq", "November 30, 2026"),  # a language Babel does not know: English
    ],
)
def test_dates_are_written_in_the_edition_language(lang: str, shown: str) -> None:
    assert longdate(DAY, lang) == shown


def test_language_tags_are_checked_and_directions_known() -> None:
    assert language_tag(" pt_BR ") == "pt-BR"
    assert language_tag('en" onload="x') is None and language_tag("") is None
    assert text_direction("ar") == "rtl" and text_direction("he-IL") == "rtl"
    assert text_direction("fr") == "ltr"


def test_a_story_language_comes_from_front_matter_or_the_page() -> None:
    meta = FrontMatter(lang="ar")
    assert summarize(Seed("a.md", ARABIC, "markdown", meta)).lang == "ar"
    page = (
        f'<html lang="fr-CA"><body><article><h1>Le pont</h1><p>{BODY}</p></article></body></html>'
    )
    assert summarize(Seed("p.html", page, "html")).lang == "fr-CA"


def _seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Bridge repairs\n---\n" + BODY, encoding="utf-8")
    front = "---\ntitle: \u0627\u0644\u062c\u0633\u0631\nlang: ar\n---\n"
    (folder / "b.md").write_text(front + ARABIC, encoding="utf-8")
    (folder / "c.md").write_text("---\ntitle: More repairs\nlang: en-GB\n---\n" + BODY, "utf-8")
    return folder


def test_an_arabic_story_in_an_english_edition_is_marked_rtl(tmp_path: Path) -> None:
    email = build([_seeds(tmp_path)], Config(), DAY).email
    tree = lxml.html.fromstring(email.html)
    assert tree.get("lang") == "en"
    marked = [(t.get("id"), t.get("lang"), t.get("dir")) for t in tree.xpath("//table[@lang]")]
    assert marked == [("story-2", "ar", "rtl")]  # en-GB in an English edition needs no mark
    (table,) = tree.xpath('//table[@dir="rtl"]')
    assert "text-align:right" in table.get("style")  # the email's own text runs left-aligned
    (entry,) = tree.xpath('//p[@class="ti"][@lang]')
    assert (entry.get("lang"), entry.get("dir")) == ("ar", "rtl")
    assert "November 30, 2026" in email.html


def test_a_french_edition_dates_its_masthead_subject_and_text_in_french(tmp_path: Path) -> None:
    email = build([_seeds(tmp_path)], Config(lang="fr"), DAY).email
    assert "30 novembre 2026" in email.html and "30 novembre 2026" in email.text
    assert email.subject.endswith("30 novembre 2026")
    tree = lxml.html.fromstring(email.html)
    assert tree.get("lang") == "fr"
    assert {t.get("lang") for t in tree.xpath("//table[@lang]")} == {"ar", "en-GB"}
