"""Rebuild the committed examples:  python examples/regenerate.py [--no-screenshots]

dont-miss-a-story.* is built from seeds/, twenty-stories.html from twenty
synthetic seeds (examples/synthetic.py), both with examples/digest.toml, the
settings a newsroom fills in before sending (address, unsubscribe link);
shaped-edition.* from thirteen synthetic seeds (one in Arabic) with
examples/shaped.toml: a lead story, three sections, a sponsor slot.
The date is fixed so the output only changes when the code or the seeds do;
tests/test_examples.py fails when these files drift from what the code builds.

The screenshots (phone and desktop width, light and dark) are taken here, in
Debian's headless Chromium through Playwright (pip install '.[test]'); the tests
never write into examples/.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

from digest.atomic import write_atomic
from digest.build import build
from digest.config import load_config

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_DATE = dt.date(2026, 11, 30)
CONFIG = EXAMPLES / "digest.toml"
SHAPED_CONFIG = EXAMPLES / "shaped.toml"
TWENTY = EXAMPLES / "twenty-stories.html"
SHAPED = EXAMPLES / "shaped-edition.html"
SCREENSHOTS = {  # file name in examples/: (email, viewport width, colour scheme)
    "screenshot-375.png": (TWENTY, 375, "light"),
    "screenshot-650.png": (TWENTY, 650, "light"),
    "screenshot-650-dark.png": (TWENTY, 650, "dark"),
    "shaped-375.png": (SHAPED, 375, "light"),
    "shaped-650.png": (SHAPED, 650, "light"),
    "shaped-650-dark.png": (SHAPED, 650, "dark"),
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Story photos live on the newsroom's server; the browser never touches the network.
PLACEHOLDER = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="544" height="272">'
    b'<rect width="544" height="272" fill="#8a96a3"/></svg>'
)


def _synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synthetic", EXAMPLES / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outputs() -> dict[str, str]:
    """File name in examples/ -> the content the code builds now."""
    config = load_config(CONFIG)
    email = build([ROOT / "seeds"], config, EXAMPLE_DATE).email
    with tempfile.TemporaryDirectory() as folder:
        _synthetic().write_seeds(Path(folder))
        twenty = build([Path(folder)], config, EXAMPLE_DATE).email
    with tempfile.TemporaryDirectory() as folder:
        _synthetic().write_shaped_seeds(Path(folder))
        shaped = build([Path(folder)], load_config(SHAPED_CONFIG), EXAMPLE_DATE).email
    return {
        "dont-miss-a-story.html": email.html,
        "dont-miss-a-story.txt": email.text,
        "twenty-stories.html": twenty.html,
        "shaped-edition.html": shaped.html,
        "shaped-edition.txt": shaped.text,
    }


def open_email(browser, path: Path, width: int, scheme: str = "light"):  # type: ignore[no-untyped-def]
    """A Playwright page showing the email file at `width`, images replaced by a grey box."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)

    def route(request_route) -> None:  # type: ignore[no-untyped-def]
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        elif request_route.request.resource_type == "image":
            request_route.fulfill(body=PLACEHOLDER, content_type="image/svg+xml")
        else:
            request_route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    return page


def take_screenshots(browser, folder: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    written = []
    for name, (email, width, scheme) in SCREENSHOTS.items():
        page = open_email(browser, email, width, scheme)
        # The top of the email down to its first stories: masthead, contents, a story.
        clip = {"x": 0, "y": 0, "width": width, "height": 1700 if width < 500 else 1500}
        page.screenshot(path=str(folder / name), full_page=True, clip=clip)
        page.close()
        written.append(folder / name)
    return written


def _screenshots() -> None:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("no chromium on PATH: apt-get install chromium, or give --no-screenshots")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for path in take_screenshots(browser, EXAMPLES):
            print(f"wrote examples/{path.name}", file=sys.stderr)
        browser.close()


def main() -> None:
    for name, content in outputs().items():
        write_atomic(EXAMPLES / name, content.encode("utf-8"))
        print(f"wrote examples/{name}", file=sys.stderr)
    if "--no-screenshots" not in sys.argv[1:]:
        _screenshots()


if __name__ == "__main__":
    main()
