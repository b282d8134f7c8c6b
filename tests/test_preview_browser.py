"""The preview page in real headless Chromium: widths, dark mode, live reload, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_preview import BODY, seed_text

from conftest import ISSUE_DATE
from digest.preview import Preview, Settings
from digest.preview.server import scheme_variant

TIMEOUT_MS = 10_000
FRAME_BODY_BACKGROUND = """() => {
    const doc = document.getElementById("email").contentDocument;
    if (!doc || doc.readyState !== "complete" || !doc.body) return null;
    return {url: doc.URL, background: getComputedStyle(doc.body).backgroundColor};
}"""


@pytest.fixture
def preview(write_seed) -> Iterator[Preview]:
    write_seed("herons.md", seed_text("Herons return to the estuary"))
    path = write_seed("ferry.md", seed_text("Night ferry gets a second crossing"))
    settings = Settings(date=ISSUE_DATE, seeds=(path.parent,))
    with Preview(settings, port=0) as running:
        yield running


@pytest.fixture
def page(browser, preview: Preview):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(preview.url)
    page.wait_for_selector('body[data-loaded="1"]')
    yield page
    page.close()


def heading(page, name: str):
    """A story headline inside the email frame."""
    return page.frame_locator("#email").get_by_role("heading", name=name)


def frame_width(page) -> float:
    box = page.locator("#email").bounding_box()
    assert box is not None
    return float(box["width"])


def luminance(css_rgb: str) -> float:
    red, green, blue = (int(part) for part in css_rgb[css_rgb.index("(") + 1 : -1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_the_page_shows_the_email_its_subject_and_size(page) -> None:
    assert heading(page, "Herons return to the estuary").is_visible()
    assert page.locator("#subject").inner_text().endswith("November 30, 2026")
    # The preheader comes from the first story's lead (no intro is set).
    assert "Volunteers counted 40 herons" in page.locator("#preheader").inner_text()
    assert "of Gmail's 102 KB clip" in page.locator("#size-text").inner_text()
    # No digest.toml here, so `digest check` asks for the unsubscribe link it needs.
    assert "no unsubscribe link" in page.locator("#findings").inner_text()


def test_phone_width_and_back(page) -> None:
    assert frame_width(page) == 650
    page.get_by_role("button", name="Phone 375 px").click()
    assert frame_width(page) == 375
    page.get_by_role("button", name="Desktop 650 px").click()
    assert frame_width(page) == 650


def test_dark_mode_applies_the_emails_own_dark_rules(page) -> None:
    light = page.wait_for_function(FRAME_BODY_BACKGROUND).json_value()
    page.get_by_role("button", name="Dark").click()
    dark = page.wait_for_function(
        f"() => {{ const s = ({FRAME_BODY_BACKGROUND})(); "
        "return s && s.url.includes('scheme=dark') && s; }"
    ).json_value()
    assert luminance(light["background"]) > 0.5
    assert luminance(dark["background"]) < 0.2


def test_plain_text_follows_the_width_and_scheme_buttons(page) -> None:
    page.get_by_role("button", name="Plain text").click()
    text = page.locator("#text")
    assert text.bounding_box()["width"] == 650
    assert luminance(text.evaluate("e => getComputedStyle(e).backgroundColor")) > 0.5
    page.get_by_role("button", name="Phone 375 px").click()
    page.get_by_role("button", name="Dark").click()
    assert text.bounding_box()["width"] == 375
    style = text.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    assert luminance(style[0]) < 0.2 and luminance(style[1]) > 0.5


@pytest.mark.parametrize("os_scheme", ["light", "dark"])
def test_the_scheme_variant_wins_over_the_systems_scheme(browser, os_scheme: str) -> None:
    html = (
        "<!doctype html><html><head><style>body { background: rgb(255, 255, 255) }"
        "@media (prefers-color-scheme: dark) { body { background: rgb(0, 0, 0) } }"
        "</style></head><body>x</body></html>"
    )
    page = browser.new_page(color_scheme=os_scheme)
    try:
        for scheme, expected in (("light", "rgb(255, 255, 255)"), ("dark", "rgb(0, 0, 0)")):
            page.set_content(scheme_variant(html, scheme))
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == expected
    finally:
        page.close()


def test_an_edit_shows_up_without_touching_the_browser(page, preview: Preview) -> None:
    page.evaluate("window.notReloaded = true")
    seeds = preview.state.settings.seeds[0]
    (seeds / "ferry.md").write_text(seed_text("Night ferry cancelled by fog"), "utf-8")
    heading(page, "Night ferry cancelled by fog").wait_for()
    assert page.evaluate("window.notReloaded") is True


def test_a_broken_seed_shows_the_error_then_the_fixed_email(page, preview: Preview) -> None:
    seeds: Path = preview.state.settings.seeds[0]
    (seeds / "ferry.md").write_text("---\ntitle: [oops\n---\n" + BODY.format(n=2), "utf-8")
    warning = page.locator("#warn")
    warning.wait_for(state="visible")
    assert "ferry.md: line 2" in warning.inner_text()
    (seeds / "herons.md").unlink()
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert "ferry.md: line 2" in error.inner_text()
    assert page.locator("#email").is_hidden()
    (seeds / "ferry.md").write_text(seed_text("Night ferry is back"), "utf-8")
    heading(page, "Night ferry is back").wait_for()
    assert error.is_hidden() and warning.is_hidden()
