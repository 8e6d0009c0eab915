"""Running a corpus (geo/parallel.py): every route gives the same bytes; the result cache (issue 7).

The corpus is the five seeds plus 40 articles of ``bench/synthetic.py`` (loaded from bench/,
not copied). Builds are compared as the bytes the user gets: the rendered GeoJSON and CSV.

Each test that touches the result cache gets its own ``GEO_CACHE_DIR`` under ``tmp_path``,
seeded with the session's automaton so that nothing is rebuilt and no state is shared.
"""

from __future__ import annotations

import concurrent.futures
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import geo.parallel
import geo.pipeline
from geo.cli import app
from geo.export.csv import render_csv
from geo.export.geojson import render_geojson
from geo.model import Build
from geo.parallel import run_parallel
from tests.builds import break_write_bytes, seeded_cache, synthetic_module
from tests.conftest import ROOT
from tests.geo_imports import import_closure

SYNTHETIC_ARTICLES = 40
#: The LocalCluster test fails, rather than hangs, when the cluster does not answer in time.
DASK_TIMEOUT_S = 300


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory) -> dict[str, bytes]:
    """Name → bytes of the test corpus: the seeds and 40 synthetic articles."""
    folder = tmp_path_factory.mktemp("synthetic")
    synthetic_module().write_corpus(folder, SYNTHETIC_ARTICLES)
    paths = [*sorted((ROOT / "seeds").iterdir()), *sorted(folder.iterdir())]
    return {p.name: p.read_bytes() for p in paths}


def _write(folder: Path, files: dict[str, bytes], order: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in order:
        (folder / name).write_bytes(files[name])
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, corpus_files) -> Path:
    return _write(tmp_path_factory.mktemp("corpus") / "kursk", corpus_files, sorted(corpus_files))


def _bytes(build: Build) -> tuple[bytes, bytes]:
    return render_geojson(build), render_csv(build)


@pytest.fixture(scope="module")
def serial(corpus, resources) -> tuple[bytes, bytes]:
    """GeoJSON and CSV bytes of the serial run, without the cache."""
    build = run_parallel(corpus, resources=resources, use_cache=False)
    assert len(build.sources) == 5 + SYNTHETIC_ARTICLES and build.claims and build.places
    return _bytes(build)


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The sources ``run_parallel`` extracts in this process (cache misses of the serial route)."""
    calls: list[str] = []
    extract = geo.pipeline.process_document

    def counting(doc, res):
        calls.append(doc.source)
        return extract(doc, res)

    monkeypatch.setattr(geo.pipeline, "process_document", counting)
    return calls


# --- every route, every run: the same bytes -------------------------------------------------


def test_two_serial_runs_give_the_same_bytes(corpus, resources, serial):
    assert _bytes(run_parallel(corpus, resources=resources, use_cache=False)) == serial


def test_worker_processes_give_the_serial_bytes(corpus, resources, serial, private_cache):
    assert _bytes(run_parallel(corpus, resources=resources, workers=2)) == serial


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_file_creation_order_does_not_change_the_bytes(tmp_path, corpus_files, resources, serial, seed):
    order = sorted(corpus_files)
    random.Random(seed).shuffle(order)
    folder = _write(tmp_path / "kursk", corpus_files, order)
    assert _bytes(run_parallel(folder, resources=resources, use_cache=False)) == serial


def _export_in_subprocess(corpus: Path, out: Path, fmt: str, *, hashseed: str) -> bytes:
    """``geo export`` in a fresh interpreter with its own cache and PYTHONHASHSEED."""
    env = {**os.environ, "PYTHONHASHSEED": hashseed,
           "GEO_CACHE_DIR": str(seeded_cache(out.parent / f"cache-{hashseed}"))}
    done = subprocess.run([sys.executable, "-m", "geo", "export", str(corpus), "--format", fmt, "--output", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.parametrize(("fmt", "hashseed"), [("geojson", "0"), ("geojson", "1"), ("csv", "4242")])
def test_export_bytes_do_not_depend_on_the_hash_seed(tmp_path, corpus, serial, fmt, hashseed):
    expected = serial[0] if fmt == "geojson" else serial[1]
    assert _export_in_subprocess(corpus, tmp_path / f"out.{fmt}", fmt, hashseed=hashseed) == expected


def _run_guarded(call, timeout_s: float):
    """``call()`` in a daemon thread: a hung cluster fails the test instead of hanging the run."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as err:  # handed back to the test thread
            outcome["error"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout_s)
    if thread.is_alive():
        pytest.fail(f"the Dask LocalCluster run did not finish in {timeout_s} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


@pytest.mark.slow
def test_dask_local_cluster_gives_the_serial_bytes(corpus, resources, serial, private_cache, extractions):
    build = _run_guarded(lambda: run_parallel(corpus, resources=resources, dask_address="local"),
                         DASK_TIMEOUT_S)
    assert _bytes(build) == serial
    again = run_parallel(corpus, resources=resources)
    assert (extractions, _bytes(again)) == ([], serial)  # the cluster's results were cached


# --- the per-file result cache ----------------------------------------------------------------


def test_a_second_run_extracts_nothing(corpus, resources, serial, private_cache, extractions):
    first = run_parallel(corpus, resources=resources)
    assert len(extractions) == 5 + SYNTHETIC_ARTICLES
    extractions.clear()
    second = run_parallel(corpus, resources=resources)
    assert extractions == []
    assert _bytes(first) == _bytes(second) == serial


def test_worker_results_are_cached(corpus, resources, private_cache, extractions):
    run_parallel(corpus, resources=resources, workers=2)
    run_parallel(corpus, resources=resources)
    assert extractions == []


def test_a_new_extractor_version_misses_the_cache(corpus, resources, serial, private_cache, extractions,
                                                  monkeypatch):
    run_parallel(corpus, resources=resources)
    version = geo.parallel._extraction_version(resources)
    monkeypatch.setattr(geo.parallel, "_extraction_version", lambda res: version + "-next")
    extractions.clear()
    assert _bytes(run_parallel(corpus, resources=resources)) == serial
    assert len(extractions) == 5 + SYNTHETIC_ARTICLES


def test_only_new_or_changed_files_are_extracted(tmp_path, corpus_files, resources, private_cache, extractions):
    folder = _write(tmp_path / "kursk", corpus_files, sorted(corpus_files))
    run_parallel(folder, resources=resources)
    changed = sorted(corpus_files)[-1]
    (folder / changed).write_bytes(corpus_files[changed] + b"\nZelensky said 40 soldiers were killed near Sudzha.\n")
    (folder / "zz_new.txt").write_text("Около 30 военных погибли под Суджей.\n", encoding="utf-8")
    extractions.clear()
    build = run_parallel(folder, resources=resources)
    assert sorted(extractions) == [changed, "zz_new.txt"]
    assert _bytes(build) == _bytes(run_parallel(folder, resources=resources, use_cache=False))


def test_a_cached_corpus_starts_no_cluster(corpus, resources, serial, private_cache, monkeypatch):
    run_parallel(corpus, resources=resources)

    def no_cluster(*args, **kwargs):
        raise AssertionError("a LocalCluster was started for a corpus with nothing to extract")

    monkeypatch.setattr("dask.distributed.LocalCluster", no_cluster)
    assert _bytes(run_parallel(corpus, resources=resources, dask_address="local")) == serial


def test_copies_of_one_article_are_cached_apart(tmp_path, resources, private_cache, extractions):
    text = b"Zelensky said 40 North Korean soldiers were killed near Sudzha.\n"
    folder = tmp_path / "kursk"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text)
    (folder / "b.txt").write_bytes(text)
    build = run_parallel(folder, resources=resources)
    assert sorted(c.source for c in build.claims) == ["a.txt", "b.txt"]
    extractions.clear()
    assert run_parallel(folder, resources=resources) == build
    assert extractions == []


# --- atomic outputs -----------------------------------------------------------------------------


runner = CliRunner()


OLD_EXPORT = b"the previous export\n"


def _export_over_old_file(corpus: Path, folder: Path) -> int:
    """Exit code of ``geo export`` over an old file in ``folder``; check that file survived alone."""
    folder.mkdir()
    target = folder / "places.geojson"
    with target.open("wb") as fh:  # not Path.write_bytes, which a test may have broken
        fh.write(OLD_EXPORT)
    code = runner.invoke(app, ["export", str(corpus), "--format", "geojson", "--output", str(target)]).exit_code
    with target.open("rb") as fh:
        assert fh.read() == OLD_EXPORT
    assert sorted(folder.iterdir()) == [target]
    return code


def test_an_export_that_fails_while_rendering_leaves_the_old_file(tmp_path, corpus, private_cache, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("geo.export.geojson.feature_head", broken)
    assert _export_over_old_file(corpus, tmp_path / "out") == 3


def test_an_export_interrupted_midway_leaves_the_old_file(tmp_path, corpus, private_cache, monkeypatch):
    break_write_bytes(monkeypatch)
    assert _export_over_old_file(corpus, tmp_path / "out") == 1


def test_issue_14_a_file_or_two_to_extract_start_no_pool(tmp_path, corpus_files, resources, private_cache,
                                                        monkeypatch, extractions):
    names = sorted(corpus_files)
    folder = _write(tmp_path / "kursk", corpus_files, names[:-2])
    run_parallel(folder, resources=resources, workers=2)

    def no_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a pool was started for two files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)  # imported where a pool starts
    extractions.clear()
    for name in names[-2:]:
        (folder / name).write_bytes(corpus_files[name])
    build = run_parallel(folder, resources=resources, workers=2)
    assert extractions == names[-2:] and len(build.sources) == len(names)


def test_the_command_line_and_output_modules_key_no_stored_record():
    """Editing the CLI must not re-extract every corpus; leaving a module out of the key is sound
    only if no extraction module imports it."""
    seen = {name.removeprefix("geo.") for name in import_closure(["geo.pipeline", "geo.store"])}
    left_out = {name.removesuffix(".py") for name in geo.parallel._NOT_EXTRACTION}
    assert {"cli", "cli_params", "commands", "fast_cli"} <= left_out
    assert not left_out & seen, sorted(left_out & seen)
