"""Upper bounds: what one feed or one seed can put into a build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.model import Seed
from digest.sources.feeds import FEED_ITEMS
from digest.sources.load import SourceOptions, load_seeds
from digest.summarize import HEADLINE_MAX, LEAD_MAX, summarize
from localweb import LocalWeb, Route


def _big_feed(web: LocalWeb, n: int) -> str:
    start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    items = "".join(
        f"<item><title>Item {i}</title><link>{web.url(f'/item/{i}.html')}</link>"
        f"<pubDate>{(start + dt.timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
        f"</pubDate><description>Short text for item {i}.</description></item>"
        for i in range(n)
    )
    feed = f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'
    return web.add("/feed.xml", Route(feed.encode(), "application/rss+xml"))


def test_a_huge_feed_gives_its_newest_items_only_and_says_so(
    web: LocalWeb, tmp_path: Path, caplog: object
) -> None:
    url = _big_feed(web, FEED_ITEMS + 70)
    loaded = load_seeds([url], SourceOptions(cache=tmp_path / "cache", allow_private=True))
    assert len(loaded.seeds) == FEED_ITEMS
    assert len(web.requests) == 1 + FEED_ITEMS  # the feed, then one page per kept item
    titles = {seed.meta.title for seed in loaded.seeds}
    assert f"Item {FEED_ITEMS + 69}" in titles and "Item 0" not in titles


def test_last_or_since_choose_beyond_the_default(web: LocalWeb, tmp_path: Path) -> None:
    url = _big_feed(web, FEED_ITEMS + 5)
    options = SourceOptions(
        cache=tmp_path / "cache", since=dt.date(2026, 10, 1), allow_private=True
    )
    assert len(load_seeds([url], options).seeds) == FEED_ITEMS + 5


def test_a_huge_one_line_seed_gives_a_capped_headline_and_lead() -> None:
    line = "word " * 200_000  # 1 MB on one line
    story = summarize(Seed(source="big.txt", text=f"{line}\n\n{line}\n"))
    assert len(story.headline) <= HEADLINE_MAX and story.headline.endswith("\u2026")
    assert all(len(p) <= LEAD_MAX for p in story.lead)


def test_a_huge_front_matter_title_is_capped_at_a_word() -> None:
    from digest.model import FrontMatter

    title = "Council " * 100
    seed = Seed(source="a.txt", text="Body text of the story.\n", meta=FrontMatter(title=title))
    headline = summarize(seed).headline
    assert len(headline) <= HEADLINE_MAX and headline.endswith("Council\u2026")
