"""Write everything ``geo build`` makes: the map and the three exports, on both cores.

The GeoPackage is the slowest output (GDAL inserts its rows one by one, and importing
pyogrio alone takes a third of a second), and it depends on nothing the other writers
do. So, where the system can fork, a child process is started before the corpus is
read: it imports the GeoPackage writer while this process reads the corpus, then, told
where the Store is, writes the GeoPackage while this process writes the map, the
GeoJSON and the CSV. A rebuild takes the time of the slower half, not of the sum.

The child opens its own connection to the Store's file (an SQLite connection must not
cross a fork) and reports back in one line. Every output is written atomically, so an
error or an interrupt in either process leaves the old files whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from geo.errors import ExportError
from geo.gazetteer import Gazetteer
from geo.store import Store

#: The files of a build, in the order they are reported.
OUTPUTS = ("index.html", "places.geojson", "claims.csv", "places.gpkg")


def _write_gpkg(records: Store, gazetteer: Gazetteer, out: Path) -> None:
    from geo.export.gpkg import write_gpkg

    write_gpkg(records, out / "places.gpkg", districts_geojson=gazetteer.districts_geojson)


def _write_others(records: Store, gazetteer: Gazetteer, out: Path) -> None:
    from geo.export.csv import write_csv
    from geo.export.geojson import write_geojson
    from geo.webmap.build import write_map

    write_map(records, gazetteer, out / "index.html")
    write_geojson(records, out / "places.geojson")
    write_csv(records, out / "claims.csv")


@contextlib.contextmanager
def output_writer(
    gazetteer: Gazetteer, out: Path, *, parallel: bool = True,
) -> Iterator[Callable[[Store], list[Path]]]:
    """Yield ``write(store)``, which writes the map and the exports into ``out``.

    Enter it before reading the corpus: with ``parallel`` (and a system that forks,
    with two cores or more) the GeoPackage's process starts at once and prepares
    while the corpus is read. Leaving without writing ends that process.

    Raises
    ------
    ExportError
        From ``write``, when an output cannot be written (the message names it).
    """
    if not (parallel and hasattr(os, "fork") and (os.cpu_count() or 1) > 1):
        def write_here(store: Store) -> list[Path]:
            _write_others(store, gazetteer, out)
            _write_gpkg(store, gazetteer, out)
            return [out / name for name in OUTPUTS]

        yield write_here
        return
    child = _Child(gazetteer, lambda records: _write_gpkg(records, gazetteer, out))

    def write_both(store: Store) -> list[Path]:
        child.start(store)
        _write_others(store, gazetteer, out)
        child.wait()
        return [out / name for name in OUTPUTS]

    try:
        yield write_both
    finally:
        child.stop()


class _Child:
    """One writer run in a forked process: started early, told to go, its outcome piped back."""

    def __init__(self, gazetteer: Gazetteer, write: Callable[[Store], None]) -> None:
        go_read, self._go = os.pipe()
        self._report, report_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child never returns from here
            os.close(self._go)
            os.close(self._report)
            _run_child(gazetteer, write, go_read, report_write)
        os.close(go_read)
        os.close(report_write)
        self._done = False

    def start(self, store: Store) -> None:
        """Tell the child which Store to write from."""
        order = {"path": str(store.path), "corpus": store.corpus, "version": store.version,
                 "built": store.built, "attribution": list(store.attribution)}
        with os.fdopen(self._go, "wb") as pipe:
            pipe.write(json.dumps(order).encode("utf-8", "surrogatepass"))
        self._go = -1

    def wait(self) -> None:
        """Wait for the child; raise its error here."""
        with os.fdopen(self._report, "rb") as pipe:
            report = pipe.read().decode("utf-8", "replace")
        self._report = -1
        _, status = os.waitpid(self.pid, 0)
        self._done = True
        code = os.waitstatus_to_exitcode(status)
        if report.startswith("export "):
            raise ExportError(report.removeprefix("export "))
        if report.startswith("internal "):
            raise RuntimeError(report.removeprefix("internal "))
        if code != 0 or report != "ok":
            msg = f"the GeoPackage writer stopped unexpectedly (exit status {code})"
            raise ExportError(msg)

    def stop(self) -> None:
        """End the child if it is still there (this process failed or wrote nothing)."""
        for fd in (self._go, self._report):
            if fd >= 0:
                os.close(fd)
        self._go = self._report = -1
        if self._done:
            return
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGTERM)  # its temporary file is removed on the way out
            os.waitpid(self.pid, 0)
        self._done = True


def _run_child(gazetteer: Gazetteer, write: Callable[[Store], None], go_fd: int, report_fd: int) -> None:
    """In the child: prepare, wait for the order, write from a connection of its own, report."""
    # SIGTERM from the parent becomes SystemExit, so the atomic writer's cleanup runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides about Ctrl-C
    code, report = 0, "ok"
    try:
        with contextlib.suppress(ImportError, ExportError):  # prepare; the writer reports errors
            import numpy  # noqa: F401
            import pyogrio  # noqa: F401
            import shapely  # noqa: F401

            from geo.export.gpkg import load_area_polygons

            load_area_polygons(gazetteer.districts_geojson)
        with os.fdopen(go_fd, "rb") as pipe:
            order = pipe.read()
        if not order:  # the parent wrote nothing (an error before the outputs)
            os._exit(0)
        spec = json.loads(order.decode("utf-8", "surrogatepass"))
        records = Store(Path(spec["path"]), corpus=spec["corpus"], gazetteer=gazetteer,
                        version=spec["version"], exclusive=False)  # the parent holds the lock
        records.built, records.attribution = spec["built"], tuple(spec["attribution"])
        write(records)
    except ExportError as err:
        code, report = 1, f"export {err}"
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which decides
        code, report = 1, f"internal {type(err).__name__}: {err}"
    try:
        os.write(report_fd, report.encode("utf-8", "replace"))
    finally:
        os._exit(code)  # no atexit, no finalizers: the parent's objects are not ours
