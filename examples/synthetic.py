"""Twenty synthetic news seeds (invented text) for the size test and the 20-story example.

Each seed has front matter (title, url, byline, section, every third an image), four to
six body paragraphs of 40-70 words and a quoted sentence with its speaker, like
a scraped news article. The text is deterministic, so examples are reproducible.
"""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Riverside", "Northgate", "Eastbrook", "Millhaven", "Port Aldine", "Westfield", "Oakmere"]
SUBJECTS = [
    ("council", "approves", "a new flood barrier for the harbour"),
    ("school board", "delays", "the vote on longer school days"),
    ("hospital", "opens", "a night clinic for shift workers"),
    ("transit agency", "cuts", "three late bus routes after a budget gap"),
    ("library", "extends", "weekend hours at four branches"),
    ("fire service", "warns", "of a dry autumn in the hill farms"),
    ("housing trust", "buys", "the empty mill for 120 flats"),
    ("university", "launches", "a free evening course in coding"),
    ("port authority", "expands", "the container yard by a third"),
    ("police", "pilot", "body cameras for traffic officers"),
]
NAMES = [
    "Maria Okafor",
    "Jonas Lindqvist",
    "Priya Raman",
    "Tom Adeyemi",
    "Elena Kowalski",
    "Samir Haddad",
    "Grace Whitfield",
    "Luis Moreno",
    "Hana Sato",
    "Owen Gallagher",
]
SECTIONS = ["Local", "Schools", "Health", "Transport", "Culture", "Weather", "Housing"]
ROLES = ["the mayor", "a local shopkeeper", "the director", "a parent of two", "a union official"]
SENTENCES = [
    "The decision followed months of public meetings in {place}.",
    "Officials said the cost had risen sharply since the first estimate two years ago.",
    "Residents who spoke at the hearing were divided over the timing.",
    "A detailed report on progress is due before the end of next spring.",
    "Independent experts will check every figure before work begins.",
    "Neighbours asked for clear answers about noise, traffic and jobs.",
    "The plan still needs approval from the regional government.",
    "Supporters say the change is long overdue for a growing town.",
    "Critics argue that the money would be better spent on existing services.",
    "The {who} said it would publish the full budget online next week.",
    "Similar schemes in neighbouring towns took longer than planned.",
    "A public consultation will run until the end of January.",
    "Local businesses welcomed the news but warned about disruption.",
    "The first phase is expected to start in the summer.",
]
QUOTES = [
    "We cannot keep asking families to wait another year for this",
    "This is the most important decision the town has made in a decade",
    "People want to see the numbers before they trust the promises",
    "We listened to every objection and changed the plan because of them",
    "Nobody should have to choose between a night shift and a doctor",
]


def _paragraph(rng: random.Random, place: str, who: str) -> str:
    picked = rng.sample(SENTENCES, rng.randint(3, 5))
    return " ".join(s.format(place=place, who=who) for s in picked)


def seed_text(number: int) -> str:
    """The text of synthetic seed `number` (0-based): front matter and an article body."""
    rng = random.Random(number)
    who, verb, what = SUBJECTS[number % len(SUBJECTS)]
    place = PLACES[number % len(PLACES)]
    title = f"{place} {who} {verb} {what}"
    speaker = NAMES[(number * 3 + 1) % len(NAMES)]
    paragraphs = [_paragraph(rng, place, who) for _ in range(rng.randint(4, 6))]
    paragraphs.insert(
        2,
        f"\u201c{rng.choice(QUOTES)},\u201d said {speaker}, {rng.choice(ROLES)}, speaking "
        f"after the meeting on Tuesday evening at {place} town hall, where the {who} "
        "had heard from more than forty residents.",
    )
    front = [
        "---",
        f"title: {title}",
        f"url: https://news.example/{place.lower().replace(' ', '-')}/story-{number + 1}",
        f"byline: {NAMES[number % len(NAMES)]}",
        f"section: {SECTIONS[number % len(SECTIONS)]}",
    ]
    if number % 3 == 0:
        front.append(f"image: https://news.example/images/story-{number + 1}.jpg")
    return "\n".join([*front, "---", title, "", *(p + "\n" for p in paragraphs)])


def write_seeds(folder: Path, count: int = 20) -> list[Path]:
    """Write `count` synthetic seeds into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"story-{number + 1:02d}.txt"
        path.write_text(seed_text(number), encoding="utf-8")
        paths.append(path)
    return paths


# The shaped edition: thirteen seeds, the fifth marked `lead: true`, sections from front
# matter (local is capped at two in shaped.toml, so one local story is left out and twelve
# stories remain), one story in Arabic.
SHAPED_SECTIONS = [
    "Local",
    "Health",
    "Local",
    "Culture",
    "Local",
    "Health",
    "Weather",
    "Culture",
    "Local",
    "Transport",
    "Health",
    "Sport",
]
SHAPED_LEAD = 4
ARABIC_SEED = "\n".join(
    [
        "---",
        "title: مهرجان الخريف يعود إلى ساحة الميناء في ريفرسايد",
        "url: https://news.example/riverside/autumn-festival-ar",
        "byline: سامر حداد",
        "section: Culture",
        "lang: ar",
        "quote: الدخول مجاني للجميع، وإن الحافلات الليلية ستعمل حتى منتصف الليل",
        "---",
        "مهرجان الخريف يعود إلى ساحة الميناء في ريفرسايد",
        "",
        "يعود مهرجان الخريف هذا الأسبوع إلى ساحة الميناء بعد غياب دام عامين، "
        "مع أكشاك للطعام والحرف اليدوية وعروض موسيقية كل مساء.",
        "",
        "وقالت اللجنة المنظمة إن الدخول مجاني للجميع، "
        "وإن الحافلات الليلية ستعمل حتى منتصف الليل طوال أيام المهرجان.",
        "",
        "ويتوقع المنظمون أن يزور المهرجان أكثر من عشرة آلاف شخص من البلدات المجاورة.",
        "",
    ]
)


def write_shaped_seeds(folder: Path) -> list[Path]:
    """Twelve synthetic seeds with sections (one marked `lead: true`) and one in Arabic."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, section in enumerate(SHAPED_SECTIONS):
        text = seed_text(number).replace(
            f"section: {SECTIONS[number % len(SECTIONS)]}", f"section: {section}"
        )
        if number == SHAPED_LEAD:
            text = text.replace("---\n", "---\nlead: true\n", 1)
        path = folder / f"story-{number + 1:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    arabic = folder / "story-13.md"
    arabic.write_text(ARABIC_SEED, encoding="utf-8")
    return [*paths, arabic]
