"""`digest fetch`: save web seeds as seed files an editor can change before building.

Each page is kept whole (the summarizer reads it exactly as `digest build URL`
would) under YAML front matter: url, title, byline, date, image. The feed's
hints win; the page's own metadata fills the gaps.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from digest.atomic import write_atomic
from digest.errors import InputError, OutputError
from digest.model import FrontMatter, Seed

log = logging.getLogger(__name__)

_KEYS = ("url", "title", "byline", "date", "image")


def save_seeds(seeds: Sequence[Seed], folder: Path, force: bool = False) -> list[Path]:
    """Write one `NN-slug.html` per web seed into `folder`; existing files need `force`."""
    web = [s for s in seeds if s.kind == "html" and s.meta.url]
    if not web:
        raise InputError("nothing fetched: no page could be used; see the warnings above")
    targets = [folder / f"{n:02d}-{_slug(s)}.html" for n, s in enumerate(web, start=1)]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise OutputError(
            f"{existing[0]}: already exists ({len(existing)} file(s) would be replaced); "
            "pass --force to overwrite, or -o another folder"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
    for seed, target in zip(web, targets, strict=True):
        write_atomic(target, seed_file_text(seed).encode("utf-8"))
    return targets


def seed_file_text(seed: Seed) -> str:
    """The seed as a file: front matter, then the page as fetched."""
    meta = _with_page_metadata(seed)
    fields = {k: v for k, v in asdict(meta).items() if k in _KEYS and v}
    ordered = {k: fields[k] for k in _KEYS if k in fields}
    block = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{block}---\n{seed.text}"


def _with_page_metadata(seed: Seed) -> FrontMatter:
    """Fill what the feed did not say from the page's own metadata (title, author, date...)."""
    meta = seed.meta
    if all(getattr(meta, k) for k in _KEYS):
        return meta
    import trafilatura

    found = trafilatura.extract_metadata(seed.text, default_url=meta.url)
    if found is None:
        return meta
    page = {
        "title": found.title,
        "byline": found.author,
        "date": found.date,
        "image": found.image if _is_web(found.image) else None,
    }
    return replace(meta, **{k: getattr(meta, k) or v for k, v in page.items()})


def _slug(seed: Seed) -> str:
    """A file name from the title, else the URL's last path segment."""
    base = seed.meta.title or urlsplit(seed.meta.url or "").path.rstrip("/").rsplit("/", 1)[-1]
    base = re.sub(r"\.[a-z0-9]{2,5}$", "", base, flags=re.I)
    ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or "page"


def _is_web(url: object) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))
