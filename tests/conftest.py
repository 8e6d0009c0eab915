"""Session fixtures: the shipped gazetteer, its automaton, and a private cache folder.

The automaton is built once per session into a temporary cache folder (``GEO_CACHE_DIR``
is set for the whole session, so CLI subprocesses reuse it too): the tests never read
or write the user's own cache. Under pytest-xdist (``-n 2`` in pyproject.toml) each
worker has a cache folder of its own, and a run of the whole suite builds the automaton
once for all of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# Hypothesis fails an example slower than 200 ms by default: a wall-clock assertion, which
# this suite never makes (under load a first example that loads a module took 560 ms).
hypothesis_settings.register_profile("geo", deadline=None)
hypothesis_settings.load_profile("geo")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


_OWN_FOLDERS: list[str] = []
#: The Resources whose automaton this worker built for all (the session fixture reuses them).
_PRELOADED: list[Any] = []
#: (lock file, session folder, own folder) of a worker to wait for the automaton after collection.
_WAITING: list[tuple[Any, Path, Path]] = []
#: The cache folder a session made, so the xdist workers it starts can tell it from the user's.
_SESSION_CACHE = "GEO_TEST_SESSION_CACHE"


def pytest_configure(config: pytest.Config) -> None:
    """Give the whole session (and its subprocesses) a private cache folder.

    Under pytest-xdist each worker gets a folder of its own inside the session's (removed
    with it): two workers building the seeds at once would otherwise wait on each other's
    Store lock, and a test that reads what its build left in the cache would see the other's.
    """
    worker = getattr(config, "workerinput", {}).get("workerid")
    inherited = os.environ.get("GEO_CACHE_DIR")
    if worker and inherited and inherited == os.environ.get(_SESSION_CACHE):
        folder = Path(inherited) / worker
        folder.mkdir(mode=0o700)
        os.environ["GEO_CACHE_DIR"] = os.environ[_SESSION_CACHE] = str(folder)
        if config.args_source is pytest.Config.ArgsSource.TESTPATHS:  # the suite, not chosen files
            _share_name_index(Path(inherited), folder)
    elif not inherited:
        folder = Path(_scratch_folder("geo-test-cache-"))
        os.environ["GEO_CACHE_DIR"] = os.environ[_SESSION_CACHE] = str(folder)
    if not worker and config.option.basetemp is None:
        config.option.basetemp = _scratch_folder("geo-test-tmp-")  # tmp_path of every test


def _scratch_folder(prefix: str) -> str:
    """A new private folder for this session, in memory (/dev/shm) where the machine has one.

    The tests make hundreds of SQLite Stores and atomic writes; on a disk each costs a
    sync (15 ms a Store on the CI machine's disk, 1 ms in memory) and nothing is kept.
    Removed at the end of the session.
    """
    import tempfile

    memory = Path("/dev/shm")
    usable = memory.is_dir() and os.access(memory, os.W_OK | os.X_OK)
    folder = tempfile.mkdtemp(prefix=prefix, dir=memory if usable else None)
    _OWN_FOLDERS.append(folder)
    return folder


def _share_name_index(session: Path, own: Path) -> None:
    """Put the gazetteer's automaton in this worker's cache folder, built once for all workers.

    The first worker to take the lock builds it (~15 s) now and leaves a copy in the
    session's folder; the others collect their tests meanwhile and copy it after
    (:func:`pytest_collection_finish`). Either way before any test runs, so a CLI
    subprocess of any worker finds it instead of building it again inside the test.
    """
    import fcntl

    lock = (session / ".name-index.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        _WAITING.append((lock, session, own))
        return
    with lock:
        _fill_name_index(session, own)


def pytest_collection_finish(session: pytest.Session) -> None:
    """A worker that found the automaton being built waits for it here, its tests collected."""
    import fcntl

    while _WAITING:
        lock, shared, own = _WAITING.pop()
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            _fill_name_index(shared, own)


def _fill_name_index(session: Path, own: Path) -> None:
    """Copy the session's automaton into ``own``, or build it there and copy it back (lock held)."""
    from tests.builds import copy_name_index

    if not copy_name_index(session, own):
        from geo.pipeline import load_resources

        _PRELOADED.append(load_resources())
        _ = _PRELOADED[0].matcher  # built into ``own``, the worker's GEO_CACHE_DIR
        copy_name_index(own, session)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's cache and temporary folders (only those this session made)."""
    for folder in _OWN_FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Print what the results depend on: the gazetteer version and the browser."""
    version = (ROOT / "gazetteer" / "VERSION").read_text(encoding="ascii").strip()
    chromium = shutil.which("chromium")
    browser = "absent"
    if chromium:
        out = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False)
        browser = out.stdout.strip() or "unknown"
    cache = os.environ.get("GEO_CACHE_DIR")
    return [f"geo gazetteer {version}; chromium: {browser}; cache: {cache}; "
            f"tmp: {config.option.basetemp}"]


@pytest.fixture(scope="session")
def resources():
    """The shipped gazetteer and its automaton (built once per session)."""
    from geo.pipeline import load_resources

    return _PRELOADED[0] if _PRELOADED else load_resources()


@pytest.fixture(scope="session")
def name_index(resources):
    """The automaton built into the session's cache folder, for a test whose ``geo``
    subprocess must find it there (the whole suite builds it up front; chosen files do not).
    """
    _ = resources.matcher
    return resources


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


@pytest.fixture(scope="session")
def seeds_geojson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``geo export seeds --format geojson --output FILE`` run once, as a user runs it."""
    out = tmp_path_factory.mktemp("export") / "seeds.geojson"
    command = ["export", "seeds", "--format", "geojson", "--output", str(out)]
    result = subprocess.run([sys.executable, "-m", "geo", *command], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def private_cache(tmp_path, monkeypatch, resources) -> Path:
    """``GEO_CACHE_DIR`` for this test alone, seeded with the session's automaton."""
    from tests.builds import seeded_cache

    folder = seeded_cache(tmp_path / "cache")
    monkeypatch.setenv("GEO_CACHE_DIR", str(folder))
    return folder
