"""`digest fetch`: pages saved as seed files with front matter, never overwritten silently."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from digest.cli.commands import cli
from digest.sources.seeds import read_seed
from localweb import STORIES, LocalWeb, serve_site


def fetch(*args: str, tmp_path: Path) -> Result:
    cache = ["--cache", str(tmp_path / "cache"), "--allow-private"]  # the server is 127.0.0.1
    return CliRunner().invoke(cli, ["fetch", *args, *cache])


def test_a_feed_is_saved_as_seed_files_with_front_matter(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    out = tmp_path / "seeds"
    result = fetch(web.url("/feed.xml"), "--last", "2", "-o", str(out), tmp_path=tmp_path)
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "01-night-buses-return-to-the-eastern-line.html",
        "02-library-opens-on-sundays-this-winter.html",
    ]
    assert result.stdout.splitlines() == [str(out / n) for n in names]
    assert "2 seed files" in result.stderr
    seed = read_seed(out / names[0])
    assert seed.kind == "html" and STORIES[0].paragraph in seed.text
    assert seed.meta.url == web.url(STORIES[0].path)
    assert seed.meta.title == STORIES[0].title and seed.meta.byline == "Mara Quill"
    assert seed.meta.date == "2026-11-29"
    assert seed.meta.image == "https://img.valley.example/story-0.jpg"


def test_an_article_url_gets_its_front_matter_from_the_page(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    out = tmp_path / "seeds"
    result = fetch(web.url(STORIES[3].path), "-o", str(out), tmp_path=tmp_path)
    assert result.exit_code == 0, result.stderr
    (path,) = out.iterdir()
    seed = read_seed(path)
    assert seed.meta.url == web.url(STORIES[3].path)
    assert seed.meta.title is not None and "Harbour Market" in seed.meta.title


def test_existing_files_are_kept_unless_force(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    out = tmp_path / "seeds"
    url = web.url(STORIES[0].path)
    assert fetch(url, "-o", str(out), tmp_path=tmp_path).exit_code == 0
    (saved,) = out.iterdir()
    saved.write_text("my edits", encoding="utf-8")
    result = fetch(url, "-o", str(out), tmp_path=tmp_path)
    assert result.exit_code == 6 and "--force" in result.stderr
    assert saved.read_text(encoding="utf-8") == "my edits"
    assert fetch(url, "-o", str(out), "--force", tmp_path=tmp_path).exit_code == 0
    assert saved.read_text(encoding="utf-8").startswith("---\nurl: ")


def test_nothing_usable_is_an_error_and_strict_saves_nothing(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    out = tmp_path / "seeds"
    result = fetch(web.url("/gone.html"), "-o", str(out), tmp_path=tmp_path)
    assert result.exit_code == 3 and "/gone.html: HTTP 404" in result.stderr
    result = fetch(
        web.url("/gone.html"),
        web.url(STORIES[0].path),
        "-o",
        str(out),
        "--strict",
        tmp_path=tmp_path,
    )
    assert result.exit_code == 7 and not out.exists()


def test_saved_seeds_build_like_the_urls(web: LocalWeb, tmp_path: Path) -> None:
    serve_site(web)
    out = tmp_path / "seeds"
    assert (
        fetch(web.url("/feed.xml"), "--last", "3", "-o", str(out), tmp_path=tmp_path).exit_code == 0
    )
    built = CliRunner().invoke(cli, ["build", str(out), "--date", "2026-11-30"])
    assert built.exit_code == 0, built.stderr
    for story in STORIES[:3]:
        assert story.title in built.stdout and web.url(story.path) in built.stdout
