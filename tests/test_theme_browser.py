"""The default theme in a real browser (headless Chromium): phone and desktop widths,
light and dark schemes. Screenshots go to a temp folder, or to `--screenshots DIR`
for people to look at; the committed ones come from examples/regenerate.py."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from conftest import ROOT, load_example

EXAMPLES = ROOT / "examples"
TWENTY = EXAMPLES / "twenty-stories.html"
SHAPED = EXAMPLES / "shaped-edition.html"  # lead, sections, a sponsor slot, an Arabic story
open_email = load_example("regenerate").open_email  # images replaced, no network

# For each visible element with its own text: its colour, the first opaque background
# behind it (walking up the tree), and the WCAG contrast ratio of the two.
CONTRAST_JS = """
(fallback) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return c.slice(0, 3);
    }
    return fallback;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()
      && n.textContent.replace(/[\\u034f\\u200c\\u00a0\\s]/g, "").length);
    if (!own || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const fg = rgb(getComputedStyle(el).color).slice(0, 3), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    out.push({ text: el.textContent.trim().slice(0, 40), tag: el.tagName,
               ratio: (hi + 0.05) / (lo + 0.05) });
  }
  return out;
}
"""


@pytest.mark.parametrize("width", [320, 375, 650, 1200])
def test_no_horizontal_scrolling_and_every_headline_visible(
    browser, width: int, screenshots: Path
) -> None:
    page = open_email(browser, TWENTY, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    headlines = page.locator("h2")
    assert headlines.count() == 20
    for index in range(headlines.count()):
        headline = headlines.nth(index)
        assert headline.is_visible()
        box = headline.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.locator("h1").first.is_visible()
    shot = page.screenshot(path=str(screenshots / f"screenshot-{width}.png"))
    assert shot.startswith(b"\x89PNG")
    page.close()


@pytest.mark.parametrize("width", [375, 650])
def test_the_shaped_edition_fits_phone_and_desktop(browser, width: int) -> None:
    """Lead story, section headings, the sponsor slot and the right-to-left story all fit."""
    page = open_email(browser, SHAPED, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ("h2", ".slot img", "table[dir=rtl]"):
        items = page.locator(selector)
        assert items.count() > 0, selector
        for index in range(items.count()):
            box = items.nth(index).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
    page.close()


# In reading order: each element's top edge, its text, and the gap above it.
READING_ORDER_JS = """
() => [...document.querySelectorAll("h1, h2, p, .q, .cta")]
  .filter((el) => el.checkVisibility() && el.textContent.trim() && !el.querySelector("p"))
  .map((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom,
                  text: el.textContent.trim().slice(0, 30), tag: el.tagName,
                  size: parseFloat(getComputedStyle(el).fontSize) }))
"""


@pytest.mark.parametrize("width", [375, 650])
def test_with_every_style_block_removed_the_email_reads_in_order_with_spacing(
    browser, width: int
) -> None:
    """How Gmail shows mail for some accounts: no <style> at all, only inline styles."""
    page = open_email(browser, TWENTY, width)
    page.evaluate("document.querySelectorAll('style').forEach((s) => s.remove())")
    assert page.evaluate("document.styleSheets.length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    blocks = page.evaluate(READING_ORDER_JS)
    tops = [b["top"] for b in blocks]
    assert tops == sorted(tops), "blocks overlap or run out of source order"
    for above, below in itertools.pairwise(blocks):
        gap = below["top"] - above["bottom"]
        assert gap >= 4, f"no spacing between {above['text']!r} and {below['text']!r}"
    assert all(b["size"] >= 14 for b in blocks), "text under 14 px without styles"
    assert page.locator("h2").count() == 20
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", [TWENTY, EXAMPLES / "dont-miss-a-story.html", SHAPED], ids=["20", "1", "shaped"]
)
def test_text_contrast_is_wcag_aa_in_both_schemes(
    browser, scheme: str, path: Path, screenshots: Path
) -> None:
    page = open_email(browser, path, 650, scheme)
    fallback = [255, 255, 255] if scheme == "light" else [18, 18, 18]
    measured = page.evaluate(CONTRAST_JS, fallback)
    assert len(measured) > 10
    low = [m for m in measured if m["ratio"] < 4.5]
    assert not low, f"text below 4.5:1 in {scheme} mode: {low[:5]}"
    if scheme == "dark" and path == TWENTY:
        page.screenshot(path=str(screenshots / "screenshot-650-dark.png"))
    page.close()


def test_dark_mode_changes_text_and_background_together(browser) -> None:
    light = open_email(browser, TWENTY, 650, "light")
    dark = open_email(browser, TWENTY, 650, "dark")
    style = "(s) => { const e = document.querySelector(s); const c = getComputedStyle(e);"
    style += " return [c.color, getComputedStyle(e.closest('.card')).backgroundColor]; }"
    for selector in ("h1", "h2 a", ".story p"):
        (light_fg, light_bg), (dark_fg, dark_bg) = (
            light.evaluate(style, selector),
            dark.evaluate(style, selector),
        )
        assert light_fg != dark_fg and light_bg != dark_bg, selector
    light.close()
    dark.close()
