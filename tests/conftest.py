"""Shared fixtures. Golden files are rewritten only with `pytest --update-golden`."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from platformdirs import user_cache_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SEEDS = ROOT / "seeds"
TEST_SEEDS = Path(__file__).resolve().parent / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
ISSUE_DATE = dt.date(2026, 11, 30)

# Hypothesis keeps its example database in the user's cache, not in the repository.
set_hypothesis_home_dir(str(user_cache_path("digest-tests") / "hypothesis"))

# CI's fuzz run: `pytest --hypothesis-profile=fuzz tests/test_fuzz.py` (tests that
# set their own max_examples keep it; the focused fuzz test takes this one).
settings.register_profile("fuzz", max_examples=2000, deadline=None, print_blob=True)


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory):
    """The user's cache folder (where `digest` keeps its compiled trees) points into a temp
    folder for the whole run, for this process and the `digest` processes tests start."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = saved


def load_example(name: str) -> ModuleType:
    """Import examples/NAME.py (examples/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )
    parser.addoption(
        "--require-browser",
        action="store_true",
        help="fail, not skip, when Chromium, Playwright or aiosmtpd is missing "
        "(always so when the CI environment variable is set)",
    )
    parser.addoption(
        "--screenshots",
        metavar="DIR",
        help="keep the browser tests' screenshots in DIR (default: a temp folder); "
        "the committed ones come from examples/regenerate.py",
    )


# Set from the command line and $CI before collection: in CI a missing real part must
# fail the run, not quietly skip the browser and SMTP tests.
REQUIRE_REAL_PARTS = False


def pytest_configure(config: pytest.Config) -> None:
    global REQUIRE_REAL_PARTS
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    REQUIRE_REAL_PARTS = ci or bool(config.getoption("--require-browser"))


def missing(what: str, fix: str) -> NoReturn:
    """Skip without a real part (browser, SMTP server); fail instead in CI or when required."""
    if REQUIRE_REAL_PARTS:
        pytest.fail(
            f"{what} is missing, and CI or --require-browser needs it: {fix}", pytrace=False
        )
    pytest.skip(f"{what} is missing: {fix}", allow_module_level=True)


def real_module(name: str, fix: str = "pip install '.[test]'") -> ModuleType:
    """Import a module a real part needs (playwright, aiosmtpd), or skip/fail as `missing`."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(f"the Python module {name}", fix)


def normalise(text: str) -> str:
    """Whitespace-insensitive form for golden comparisons."""
    return re.sub(r"\s+", " ", text).replace("> <", "><").strip()


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """golden(name, text): compare with tests/golden/name, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"{path} did not exist; written now, check it in")
            return
        expected = path.read_text(encoding="utf-8")
        assert normalise(text) == normalise(expected), (
            f"{name} drifted from its golden file; if the change is intended, "
            "run `pytest --update-golden` and review the diff"
        )

    return check


@pytest.fixture
def write_seed(tmp_path: Path):
    """write_seed(name, text) -> path of a seed file in a fresh seeds folder."""
    folder = tmp_path / "seeds"
    folder.mkdir()

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A real HTTP server on 127.0.0.1 serving what the test adds (tests/localweb.py).

    The user's cache folder points into tmp_path, so no test touches ~/.cache.
    """
    from localweb import LocalWeb

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    with LocalWeb() as server:
        yield server


@pytest.fixture
def screenshots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where a browser test saves its screenshot: never into the repository by default."""
    chosen = request.config.getoption("--screenshots")
    folder = Path(chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium (Debian's package) driven by Playwright.

    Without one the browser tests skip, or fail in CI and with --require-browser.
    """
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        missing("chromium (not on PATH)", "apt-get install chromium")
    playwright_api = real_module("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=load_example("regenerate").CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
