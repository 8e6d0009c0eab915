"""Session fixtures: the shipped gazetteer, its automaton, and a private cache folder.

The automaton is built once per session into a temporary cache folder (``GEO_CACHE_DIR``
is set for the whole session, so CLI subprocesses reuse it too): the tests never read
or write the user's own cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


_OWN_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Give the whole session (and its subprocesses) a private cache folder."""
    if "GEO_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["GEO_CACHE_DIR"] = tempfile.mkdtemp(prefix="geo-test-cache-")
        _OWN_CACHE.append(os.environ["GEO_CACHE_DIR"])


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's cache folder (only the one this session made)."""
    for folder in _OWN_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Print what the results depend on: the gazetteer version and the browser."""
    version = (ROOT / "gazetteer" / "VERSION").read_text(encoding="ascii").strip()
    chromium = shutil.which("chromium")
    browser = "absent"
    if chromium:
        out = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False)
        browser = out.stdout.strip() or "unknown"
    return [f"geo gazetteer {version}; chromium: {browser}; cache: {os.environ.get('GEO_CACHE_DIR')}"]


@pytest.fixture(scope="session")
def resources():
    """The shipped gazetteer and its automaton (built once per session)."""
    from geo.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def gaz(resources):
    """The shipped gazetteer."""
    return resources.gazetteer


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the repository (CI has it; it is never read at run time)."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI runs with ../shared beside the clone")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def private_cache(tmp_path, monkeypatch, resources) -> Path:
    """``GEO_CACHE_DIR`` for this test alone, seeded with the session's automaton."""
    from tests.builds import seeded_cache

    folder = seeded_cache(tmp_path / "cache")
    monkeypatch.setenv("GEO_CACHE_DIR", str(folder))
    return folder
