"""Write everything ``geo build`` makes: the map and the three exports, on both cores.

The GeoPackage is the slowest output (GDAL inserts its rows one by one, and importing
pyogrio alone takes a third of a second), and it depends on nothing the other writers
do. So, where the system can fork, a child process is started before the corpus is
read: it imports the GeoPackage writer while this process reads the corpus, then, told
where the Store is, writes the GeoPackage while this process writes the map, the
GeoJSON and the CSV. A rebuild takes the time of the slower half, not of the sum.

The child opens its own connection to the Store's file (an SQLite connection must not
cross a fork) and reports back in one line.

The four files are published as one set (issue 13), with the map's ``articles`` folder
(the reader's texts, ``geo.webmap.articles``; an old folder steps aside, as a folder
cannot be renamed over another): both processes write into a staging
folder inside ``out`` (``.geo-staging-PID``), and only when all four are complete are they
renamed over the old ones, after a ``COMPLETE`` mark is written in the staging folder.
An error, an interrupt or a kill before that leaves the old set whole; a kill during the
renames leaves a complete staging folder, which the next build finishes publishing
before anything else. Staging folders and temporary files of dead builds are removed.

Children do not outlive the build: the GeoPackage process and the extraction workers ask
the kernel for SIGTERM when their parent dies (``die_with_parent``), so a ``kill -9`` of
the build leaves no process writing behind it.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from geo.errors import ExportError
from geo.gazetteer import Gazetteer
from geo.store import Store

#: The files of a build, in the order they are reported.
OUTPUTS = ("index.html", "places.geojson", "claims.csv", "places.gpkg")
#: Folders published with them: the map's article texts (``geo.webmap.articles``).
FOLDERS = ("articles",)
_STAGING = ".geo-staging-"
_COMPLETE = "COMPLETE"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to send this process SIGTERM when its parent dies (Linux; elsewhere a no-op).

    Called first thing in a forked child: a pool worker or the GeoPackage writer must
    not keep running (nor hold pipes and files) after a ``kill -9`` of the build.
    ``parent``, the pid of the process that forked, catches a parent that died before
    the request was made.
    """
    # The parent's SIGTERM handler (``geo.cli``: raise KeyboardInterrupt) is inherited by
    # the fork; here SIGTERM must end the process, quietly.
    with contextlib.suppress(ValueError):  # not the main thread (a Dask worker): not a fork of ours
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tidy_output_folder(out: Path) -> None:
    """Finish or remove what a killed build left in ``out`` (staging folders, temporary files).

    A staging folder marked ``COMPLETE`` was being published when its build died: its
    files are the newer set, so the publishing is finished. Any other staging folder of a
    dead build, and the temporary files of older builds (``.claims.csv.*.tmp``,
    ``.places.gpkg.*``), are removed.
    """
    try:
        children = list(Path(out).iterdir())
    except OSError:
        return
    for child in children:
        name = child.name
        if name.startswith(_STAGING) and child.is_dir() and not child.is_symlink():
            pid = name.removeprefix(_STAGING)
            if pid.isdigit() and _is_alive(int(pid)) and int(pid) != os.getpid():
                continue  # another build is writing into this folder right now
            if (child / _COMPLETE).is_file():
                _publish(child, Path(out))
            shutil.rmtree(child, ignore_errors=True)
        elif any(name.startswith(f".{output}.") for output in OUTPUTS) and child.is_file():
            with contextlib.suppress(OSError):
                child.unlink()
        elif any(name.startswith(f".{folder}.old-") for folder in FOLDERS) and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)  # the folder a publish replaced


def _publish(staging: Path, out: Path) -> None:
    """Rename the staged outputs over the old ones (each rename is atomic)."""
    for name in OUTPUTS:
        with contextlib.suppress(FileNotFoundError):  # already moved by a publish that died
            os.replace(staging / name, out / name)
    for name in FOLDERS:  # a folder cannot be renamed over another: the old one steps aside
        if not (staging / name).is_dir():
            continue  # already moved by a publish that died
        old = out / f".{name}.old-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            os.replace(out / name, old)
        os.replace(staging / name, out / name)
        shutil.rmtree(old, ignore_errors=True)


def _published(staging: Path, out: Path) -> list[Path]:
    """Mark the staging folder complete, publish it, and remove it; the four paths in ``out``."""
    try:
        (staging / _COMPLETE).write_bytes(b"")
        _publish(staging, out)
    except OSError as err:
        msg = f"cannot write {out}: {err.strerror or err}"
        raise ExportError(msg) from err
    shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in OUTPUTS]


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A fresh staging folder in ``out``; removed on the way out unless it was published."""
    tidy_output_folder(out)
    staging = out / f"{_STAGING}{os.getpid()}"
    try:
        staging.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"cannot write {out}: {err.strerror or err}"
        raise ExportError(msg) from err
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_gpkg(records: Store, gazetteer: Gazetteer, out: Path) -> None:
    from geo.export.gpkg import write_gpkg

    write_gpkg(records, out / "places.gpkg", districts_geojson=gazetteer.districts_geojson)


def _write_others(records: Store, gazetteer: Gazetteer, out: Path, *, raw_csv: bool = False) -> None:
    from geo.export.csv import write_csv
    from geo.export.geojson import write_geojson
    from geo.webmap.articles import write_map_articles
    from geo.webmap.build import write_map

    write_map(records, gazetteer, out / "index.html")
    write_map_articles(records, gazetteer, out / FOLDERS[0], root=records.root)
    write_geojson(records, out / "places.geojson")
    write_csv(records, out / "claims.csv", raw=raw_csv)


@contextlib.contextmanager
def output_writer(
    gazetteer: Gazetteer, out: Path, *, parallel: bool = True, raw_csv: bool = False,
) -> Iterator[Callable[[Store], list[Path]]]:
    """Yield ``write(store)``, which writes the map and the exports into ``out`` as one set.

    Enter it before reading the corpus: with ``parallel`` (and a system that forks,
    with two cores or more) the GeoPackage's process starts at once and prepares
    while the corpus is read. Leaving without writing ends that process.
    ``raw_csv`` writes CSV cells unchanged (``geo.export.csv``).

    Raises
    ------
    ExportError
        From ``write``, when an output cannot be written (the message names it).
    """
    out = Path(out)
    if not (parallel and hasattr(os, "fork") and (os.cpu_count() or 1) > 1):
        def write_here(store: Store) -> list[Path]:
            with _staging(out) as staging:
                _write_others(store, gazetteer, staging, raw_csv=raw_csv)
                _write_gpkg(store, gazetteer, staging)
                return _published(staging, out)

        yield write_here
        return
    child = _Child(gazetteer, _write_gpkg)

    def write_both(store: Store) -> list[Path]:
        with _staging(out) as staging:
            try:
                child.start(store, staging)
                _write_others(store, gazetteer, staging, raw_csv=raw_csv)
                child.wait()
            except BaseException:
                # The child writes into the staging folder: end it before the folder is
                # removed, or it may leave a file there that keeps the folder alive.
                child.stop()
                raise
            return _published(staging, out)

    try:
        yield write_both
    finally:
        child.stop()


class _Child:
    """One writer run in a forked process: started early, told to go, its outcome piped back."""

    def __init__(self, gazetteer: Gazetteer, write: Callable[[Store, Gazetteer, Path], None]) -> None:
        go_read, self._go = os.pipe()
        self._report, report_write = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the child never returns from here
            die_with_parent(parent)
            os.close(self._go)
            os.close(self._report)
            _run_child(gazetteer, write, go_read, report_write)
        os.close(go_read)
        os.close(report_write)
        self._done = False

    def start(self, store: Store, out: Path) -> None:
        """Tell the child which Store to write from, and into which folder."""
        order = {"path": str(store.path), "corpus": store.corpus, "version": store.version,
                 "built": store.built, "attribution": list(store.attribution), "out": str(out)}
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
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._go = self._report = -1
        if self._done:
            return
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGTERM)  # its temporary file is removed on the way out
            os.waitpid(self.pid, 0)
        self._done = True


def _run_child(gazetteer: Gazetteer, write: Callable[[Store, Gazetteer, Path], None],
               go_fd: int, report_fd: int) -> None:
    """In the child: prepare, wait for the order, write from a connection of its own, report."""
    # SIGTERM from the parent (or from the kernel when the parent dies) becomes
    # SystemExit, so the atomic writer's cleanup runs.
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
        write(records, gazetteer, Path(spec["out"]))
    except ExportError as err:
        code, report = 1, f"export {err}"
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which decides
        code, report = 1, f"internal {type(err).__name__}: {err}"
    try:
        os.write(report_fd, report.encode("utf-8", "replace"))
    finally:
        os._exit(code)  # no atexit, no finalizers: the parent's objects are not ours
