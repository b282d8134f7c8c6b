"""The sample email in a real browser: it loads and shows its headline."""

from __future__ import annotations

from conftest import ROOT


def test_sample_email_shows_its_headline_in_chromium(browser) -> None:
    page = browser.new_page(viewport={"width": 650, "height": 900})
    page.goto((ROOT / "examples" / "dont-miss-a-story.html").as_uri())
    assert page.locator("h1").first.is_visible()
    page.close()
