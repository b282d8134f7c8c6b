"""The archive's HTML: an index of every edition and one page per edition.

The pages carry their own CSS and nothing else (no script, font, image or
stylesheet from elsewhere); every text is escaped by Jinja's autoescaping and
every link passes the same check as the email's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from digest.atomic import write_atomic
from digest.config import Config
from digest.deliver.archive.atom import FEED_NAME, atom_feed
from digest.deliver.archive.layout import Place, archive_root, places
from digest.editions.store import Edition
from digest.errors import OutputError
from digest.language import longdate, text_direction
from digest.links import safe_href
from digest.render.compose import css_value

_TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Autoescape every template: headlines and leads came from seeds and are data.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = longdate
    env.filters["safe_url"] = safe_href
    env.filters["css"] = css_value
    return env


@dataclass(frozen=True)
class Written:
    folder: Path
    editions: int
    files: int


def write_archive(editions: list[Edition], config: Config, folder: Path) -> Written:
    """Write index.html, feed.xml and FOLDER/index.html for each edition (newest first)."""
    pattern = config.footer.web_url
    found = places(editions, pattern)
    files = render_archive(found, config, archive_root(pattern))
    _make_folder(folder)
    for name, data in files.items():
        target = folder / name
        if not target.parent.is_dir():
            _make_folder(target.parent)
        write_atomic(target, data)
    return Written(folder, len(found), len(files))


def render_archive(found: list[Place], config: Config, root: str | None) -> dict[str, bytes]:
    """File name (relative to the archive folder) -> its bytes."""
    env = _environment()
    shared = {
        "config": config,
        "brand": config.brand,
        "theme": config.theme,
        "lang": config.lang,
        "dir": text_direction(config.lang),
        "feed": FEED_NAME,
    }
    files = {"index.html": env.get_template("index.html.j2").render(places=found, **shared)}
    for n, place in enumerate(found):
        newer = found[n - 1] if n > 0 else None
        older = found[n + 1] if n + 1 < len(found) else None
        page = env.get_template("edition.html.j2").render(
            place=place, edition=place.edition, newer=newer, older=older, **shared
        )
        files[f"{place.folder}/index.html"] = page
    encoded = {name: text.encode("utf-8") for name, text in files.items()}
    encoded[FEED_NAME] = atom_feed(found, config.title, config.brand.name, root)
    return encoded


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file, not a folder; choose another OUT_DIR")
    try:
        folder.mkdir(exist_ok=True)
    except FileNotFoundError as exc:
        raise OutputError(f"{folder}: its parent folder does not exist; create it first") from exc
    except OSError as exc:
        raise OutputError(
            f"{folder}: cannot create ({exc.strerror}); choose another OUT_DIR"
        ) from exc
