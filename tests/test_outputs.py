"""Writing a build's four files (geo/outputs.py): the GeoPackage in a forked process.

The parallel route must give the files of the serial one, byte for byte; an error in the
child must reach the user as the one-line error it is, with the old files intact; and a
build that stops before writing must not leave a process behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import geo.outputs
from geo.errors import ExportError
from geo.outputs import OUTPUTS, output_writer
from geo.parallel import open_records
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the parallel route needs fork")


def _write(resources, out: Path, *, parallel: bool) -> list[Path]:
    with output_writer(resources.gazetteer, out, parallel=parallel) as write, \
            open_records(ROOT / "seeds", resources=resources) as store:
        return write(store)


def test_the_parallel_route_writes_the_bytes_of_the_serial_one(tmp_path, resources, private_cache, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    serial = _write(resources, tmp_path / "serial", parallel=False)
    forked = _write(resources, tmp_path / "forked", parallel=True)
    assert [p.name for p in forked] == list(OUTPUTS)
    for a, b in zip(serial, forked, strict=True):
        assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000


def test_an_error_in_the_child_is_raised_here_and_old_files_survive(tmp_path, resources, private_cache,
                                                                    monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "places.gpkg").write_bytes(b"the previous GeoPackage")

    def broken(records, gazetteer, target, **_options):
        raise ExportError("cannot write places.gpkg: disk full")

    monkeypatch.setattr(geo.outputs, "_write_gpkg", broken)
    with pytest.raises(ExportError, match="disk full"):
        _write(resources, out, parallel=True)
    assert (out / "places.gpkg").read_bytes() == b"the previous GeoPackage"
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_a_crash_in_the_child_is_an_internal_error_here(tmp_path, resources, private_cache, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def crashing(records, gazetteer, target, **_options):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(geo.outputs, "_write_gpkg", crashing)
    with pytest.raises(RuntimeError, match="ZeroDivisionError: a bug"):
        _write(resources, tmp_path / "out", parallel=True)


def test_leaving_before_writing_leaves_no_process(tmp_path, resources, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    started = []
    child_class = geo.outputs._Child

    def recording(*args):
        started.append(child_class(*args))
        return started[-1]

    monkeypatch.setattr(geo.outputs, "_Child", recording)
    with pytest.raises(KeyError), output_writer(resources.gazetteer, tmp_path / "out"):
        raise KeyError("the corpus could not be read")
    (child,) = started
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # already waited for: no zombie, no orphan
    assert not (tmp_path / "out").exists()
