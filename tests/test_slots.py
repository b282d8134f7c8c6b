"""Sponsor and house-ad slots: placed after the Nth story or at a section's end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from digest.build import build
from digest.config import Config, ConfigError, Footer, Section, Slot, Utm, load_config
from digest.render.check import check_html

DAY = dt.date(2026, 11, 30)
BODY = (
    "The council met on Tuesday and voted to repair the old bridge over the river Anselm.\n\n"
    "Repairs start in spring and the bridge will close to cars for most of the summer.\n"
)
AD = Slot(
    text="Tallow & Wick candles: 20% off for readers this week.",
    link="https://shop.example/candles",
    after=2,
    image="https://shop.example/candles.jpg",
    image_alt="Three lit candles on a windowsill",
)


def _seeds(tmp_path: Path, sections: dict[str, str | None]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, section in sections.items():
        front = f"---\ntitle: Story {name}\nurl: https://news.example/{name}\n"
        front += f"section: {section}\n" if section else ""
        (folder / f"{name}.md").write_text(front + "---\n" + BODY, encoding="utf-8")
    return folder


def _order(html: str) -> list[str]:
    """Headlines and slot labels, in the order the email shows them."""
    tree = lxml.html.fromstring(html)
    found = tree.xpath('//h2[contains(@class, "h2")] | //table[@class="slot"]//p[@class="k"]')
    return [el.text_content().strip() for el in found]


def test_a_slot_after_the_nth_story_is_tagged_alt_texted_and_checks_clean(
    tmp_path: Path,
) -> None:
    footer = Footer(address="1 Quay St, Corvell", unsubscribe_url="https://news.example/unsub")
    config = Config(slots=(AD,), utm=Utm(source="newsletter", medium="email"), footer=footer)
    email = build([_seeds(tmp_path, {"a": None, "b": None, "c": None})], config, DAY).email
    assert _order(email.html) == ["Story a", "Story b", "Sponsored", "Story c"]
    tree = lxml.html.fromstring(email.html)
    (image,) = tree.xpath('//table[@class="slot"]//img')
    assert image.get("alt") == "Three lit candles on a windowsill"
    links = {a.get("href") for a in tree.xpath('//table[@class="slot"]//a')}
    assert links == {
        "https://shop.example/candles?utm_source=newsletter&utm_medium=email"
        "&utm_campaign=2026-11-30"
    }
    assert "Tallow &amp; Wick candles" in email.html
    assert check_html(email.html) == []
    text = email.text
    assert text.index("Story b") < text.index("SPONSORED") < text.index("Story c")
    assert "https://shop.example/candles?utm_source=newsletter" in text


def test_a_slot_at_the_end_of_a_section_with_its_own_label(tmp_path: Path) -> None:
    slot = Slot(
        text="Our podcast: the week in ten minutes.",
        link="https://news.example/pod",
        section="sport",
        label="From the newsroom",
    )
    config = Config(sections=(Section("sport"), Section("arts")), slots=(slot,))
    seeds = _seeds(tmp_path, {"a": None, "b": "sport", "c": "arts", "d": "sport"})
    email = build([seeds], config, DAY).email
    assert _order(email.html) == ["Story a", "Story b", "Story d", "From the newsroom", "Story c"]


def test_a_slot_past_the_last_story_goes_last_and_one_for_an_empty_section_is_left_out(
    tmp_path: Path,
) -> None:
    late = Slot(text="Late ad words here.", link="https://shop.example/", after=99)
    empty = Slot(text="Arts ad words here.", link="https://shop.example/", section="arts")
    config = Config(sections=(Section("arts"),), slots=(late, empty))
    email = build([_seeds(tmp_path, {"a": None, "b": None})], config, DAY).email
    assert _order(email.html) == ["Story a", "Story b", "Sponsored"]
    assert "Late ad words" in email.html and "Arts ad words" not in email.html


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('text = "Words"\nafter = 2\n', "give it text and a link"),
        ('text = "Words"\nlink = "https://x.example"\n', "either after = N"),
        ('text = "W"\nlink = "https://x.example"\nafter = 1\nsection = "a"\n', "either after"),
        ('text = "W"\nlink = "https://x.example"\nsection = "nope"\n', "is not one of"),
        (
            'text = "W"\nlink = "https://x.example"\nafter = 1\nimage = "https://x.example/i.jpg"\n',
            "image_alt",
        ),
        ('text = "W"\nlink = "javascript:alert(1)"\nafter = 1\n', "http(s)://"),
        ('text = "W"\nlink = "https://x.example"\nafter = 0\n', "'slots.after' = 0"),
    ],
)
def test_a_slot_missing_a_part_is_one_line_naming_the_fix(
    tmp_path: Path, table: str, problem: str
) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(f"[[slots]]\n{table}", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"digest\.toml") as caught:
        load_config(path)
    assert problem in str(caught.value) and "\n" not in str(caught.value)


def test_slots_are_read_from_digest_toml(tmp_path: Path) -> None:
    path = tmp_path / "digest.toml"
    path.write_text(
        '[[slots]]\ntext = "Words"\nlink = "https://x.example"\nafter = 4\nlabel = "Partner"\n',
        encoding="utf-8",
    )
    assert load_config(path).slots == (
        Slot(text="Words", link="https://x.example", after=4, label="Partner"),
    )
