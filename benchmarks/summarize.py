"""Time the summarizer in-process on generated pages shaped like scraped articles.

    python benchmarks/summarize.py [--seeds 200] [--seed 7]

Prints the median and 90th percentile per seed, and the time per seed as the page
grows (it should grow linearly). A figure to watch, not a timed unit test.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import time

from digest.model import Seed
from digest.summarize import summarize


def _words(text: str) -> list[str]:
    return text.split()


_WORDS = _words(
    "council harbour river market school budget week plan water road board voters "
    "report station families morning winter office project city hospital workers "
    "season village court farmers rail bridge library museum park minister police"
)
_VERBS = _words("said says told added explained warned wrote asked")
_FIRST = _words("Ana Tomas Ines Marek Leila Oskar Priya Jonas Mireille Kwame")
_LAST = _words("Ferreira Marlowe Okafor Lindqvist Duarte Novak Haddad Brennan Castell Ilunga")
_MENU = _words("Home News World Business Sport Culture Opinion Travel Video Podcasts")


def _sentence(rng: random.Random, size: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(size)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    text = " ".join(_sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.35:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        quote = _sentence(rng, rng.randint(7, 18))[:-1]
        text += f" \u201c{quote},\u201d {name} {rng.choice(_VERBS)}."
    return text


def _menu(rng: random.Random) -> list[str]:
    return [rng.choice(_MENU) for _ in range(rng.randint(20, 120))]


def make_page(rng: random.Random, paragraphs: int) -> str:
    """A page: menus, ads, headline, byline, caption, body, related links, comments."""
    ad = "Sponsored: " + _sentence(rng, 6)
    author = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    blocks = [*_menu(rng), ad, _sentence(rng, 9)[:-1].title(), f"By {author}", "12 March 2025"]
    blocks.append(_sentence(rng, 14) + " Photo: Getty Images")
    for n in range(paragraphs):
        blocks.append(_paragraph(rng))
        if n % 6 == 5:
            blocks += ["Advertisement", ad]
    blocks += ["Share", "Related Posts", *(_sentence(rng, 7)[:-1].title() for _ in range(10))]
    blocks += [f"{rng.randint(2, 9)} Comments"]
    for _ in range(rng.randint(0, 8)):
        blocks += [rng.choice(_FIRST), f"{rng.randint(1, 9)} days ago", _sentence(rng, 15)]
    blocks += [*_menu(rng), "\u00a9 2025 The Example Post. All rights reserved."]
    return "\n\n".join(blocks) + "\n"


def _time(text: str, repeat: int = 1) -> float:
    seed = Seed(source="bench.txt", text=text)
    start = time.perf_counter()
    for _ in range(repeat):
        summarize(seed)
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    # Generated pages have no URL; one warning per seed would time the logging, not us.
    logging.getLogger("digest").setLevel(logging.ERROR)
    rng = random.Random(args.seed)
    pages = [make_page(rng, rng.randint(6, 30)) for _ in range(args.seeds)]
    _time(pages[0])  # warm up: compile the regular expressions once
    times = sorted(_time(p) * 1000 for p in pages)
    sizes = [len(p.encode()) / 1024 for p in pages]
    print(f"seeds: {len(pages)}, mean size {statistics.mean(sizes):.1f} KB")
    print(f"median: {statistics.median(times):.2f} ms/seed")
    print(f"p90:    {times[int(len(times) * 0.9)]:.2f} ms/seed")
    print("growth (paragraphs -> ms/seed, ms per KB):")
    for count in (10, 20, 40, 80, 160):
        page = make_page(random.Random(count), count)
        ms = _time(page, repeat=3) * 1000
        print(f"  {count:>4}  {ms:7.2f} ms  {ms / (len(page.encode()) / 1024):5.2f} ms/KB")


if __name__ == "__main__":
    main()
