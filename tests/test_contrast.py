"""Theme colour pairs are checked against WCAG AA when the email is built."""

from __future__ import annotations

import logging

import pytest

from conftest import ISSUE_DATE
from digest.config import Config, Theme
from digest.model import Digest, Story
from digest.render.compose import render
from digest.render.contrast import contrast, low_contrast


def test_contrast_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#fff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_default_theme_passes_in_both_schemes() -> None:
    assert low_contrast(Theme()) == []


def test_low_contrast_theme_is_a_warning_naming_the_pair(caplog: pytest.LogCaptureFixture) -> None:
    config = Config(theme=Theme(muted="#aaaaaa", dark_text="#333333"))
    digest = Digest(title="T", date=ISSUE_DATE, stories=(Story("H", None, ("p",)),))
    with caplog.at_level(logging.WARNING):
        render(digest, config)
    assert "muted #aaaaaa on card #ffffff is 2.3:1" in caplog.text
    assert "dark_text #333333 on dark_card" in caplog.text
