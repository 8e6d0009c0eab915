"""Write everything ``geo build`` makes: the map and the three exports, on both cores.

The GeoPackage is the slowest output (importing pyogrio alone takes a third of a second,
and the file is a new SQLite database each time, even where a rebuild copies most of its
rows from the published one: ``geo.export.gpkg_splice``), and it depends on nothing the
other writers do. So, where the system can fork, a child process is started before the corpus is
read: it imports the GeoPackage writer while this process reads the corpus, then, told
where the Store is, writes the GeoPackage while this process writes the map, the
GeoJSON and the CSV. A rebuild takes the time of the slower half, not of the sum.

The child opens its own connection to the Store's file (an SQLite connection must not
cross a fork) and reports back in one line.

The four files are published as one set (issue 13), with the map's ``articles`` folder
(the reader's texts, ``geo.webmap.articles``). Both processes write into a staging folder
beside ``out`` (``.NAME.geo-staging-PID``), into which whatever else ``out`` holds (a
user's notes, ``.gitkeep``) is carried as hard links; when all of it is complete, one
``renameat2(RENAME_EXCHANGE)`` swaps the two folders. That call is the commit: before
it a reader of ``out`` sees the whole old set, after it the whole new one, never a mix,
and a kill on either side of it leaves one whole set in ``out`` and a folder at the
staging name that the next build removes. What appeared in ``out`` during the build is
moved across after the swap, so nothing of the user's is lost.

Where the swap is not possible (not Linux, a file system or kernel without it, ``out``
a mount point or holding the working directory, a parent folder we cannot write), the
staging folder is made inside ``out`` and its files are renamed over the old ones one by
one, after a ``COMPLETE`` mark is written in it: a kill during those renames leaves a
complete staging folder, which the next build finishes publishing before anything else.

Children do not outlive the build: the GeoPackage process and the extraction workers ask
the kernel for SIGTERM when their parent dies (``die_with_parent``), so a ``kill -9`` of
the build leaves no process writing behind it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import json
import os
import shutil
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from geo.errors import ExportError
from geo.gazetteer import Gazetteer
from geo.manifest import MANIFEST, Manifest
from geo.store import Store

#: The files of a build, in the order they are reported.
OUTPUTS = ("index.html", "places.geojson", "claims.csv", "places.gpkg")
#: Folders published with them: the map's article texts (``geo.webmap.articles``).
FOLDERS = ("articles", "cards")
#: The exports written by splicing the last published file (``geo.export.splice``), and
#: the index kept beside each (published with the set, like the manifest).
SPLICED = ("places.geojson", "claims.csv")
#: The GeoPackage's index (``geo.export.gpkg_splice``): its rows of unchanged documents are
#: copied from the last published file.
GPKG_INDEX = ".geo-index-places.gpkg"
SPLICED_INDEXES = tuple(f".geo-index-{name}" for name in SPLICED)
INDEXES = (*SPLICED_INDEXES, GPKG_INDEX)
_STAGING = ".geo-staging-"
_COMPLETE = "COMPLETE"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_AT_FDCWD = -100  # <fcntl.h>
_RENAME_EXCHANGE = 2  # <linux/fs.h>


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
    _tidy_swap_stagings(Path(out).resolve())
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
        elif any(name.startswith(f".{output}.") for output in (*OUTPUTS, *INDEXES)) and child.is_file():
            with contextlib.suppress(OSError):
                child.unlink()
        elif any(name.startswith(f".{folder}.old-") for folder in FOLDERS) and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)  # the folder a publish replaced


def _swap_staging_name(out: Path, pid: int | str) -> Path:
    """The staging folder beside ``out`` that ``_swap`` exchanges with it."""
    return out.parent / f".{out.name}{_STAGING}{pid}"


def _tidy_swap_stagings(out: Path) -> None:
    """Remove folders at the swap's staging name left by dead builds.

    Such a folder holds either an unfinished new set (the build died before the swap)
    or the old set (it died after): ``out`` is whole in both cases, so it goes.
    """
    prefix = _swap_staging_name(out, "").name
    try:
        siblings = [p for p in out.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for sibling in siblings:
        pid = sibling.name.removeprefix(prefix)
        if not pid.isdigit() or sibling.is_symlink() or not sibling.is_dir():
            continue
        if _is_alive(int(pid)) and int(pid) != os.getpid():
            continue  # another build is writing into this folder right now
        shutil.rmtree(sibling, ignore_errors=True)


def _libc_renameat2() -> Callable[..., int] | None:
    """glibc's ``renameat2``, or None where there is none (not Linux, an old or other libc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def _exchange(first: Path, second: Path) -> None:
    """Swap two folders in one step (``renameat2(RENAME_EXCHANGE)``); OSError where it cannot."""
    renameat2 = _libc_renameat2()
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _can_swap(out: Path) -> bool:
    """Whether ``out`` can be replaced by swapping a whole folder for it.

    Not when it is a mount point (EBUSY), when it holds this process's working folder
    (the process would be left in the removed old one), or on a system without the call.
    """
    if _libc_renameat2() is None or not out.is_dir() or os.path.ismount(out):
        return False
    here = Path.cwd().resolve()
    return here != out and out not in here.parents


def _is_geo_own(name: str) -> bool:
    """Whether an entry of ``out`` is a build's output, folder or leftover (not the user's)."""
    return (name in OUTPUTS or name in FOLDERS or name.startswith(_STAGING) or name in (_COMPLETE, MANIFEST)
            or name in INDEXES or any(name.startswith(f".{output}.") for output in (*OUTPUTS, *INDEXES))
            or any(name.startswith(f".{folder}.old-") for folder in FOLDERS))


def _link_or_copy(source: str, target: str) -> None:
    """A hard link (free, and it shares later writes); a copy of a regular file where links
    are refused. Anything else (a FIFO, a socket) that cannot be linked raises, and the
    publish falls back to renaming the outputs one by one: a copy would block on a FIFO."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        if not stat.S_ISREG(os.lstat(source).st_mode):
            raise
        shutil.copy2(source, target, follow_symlinks=False)


def _carry(entry: Path, target: Path) -> None:
    """Put a user's entry of ``out`` into the staging folder: links for files, a linked tree for folders."""
    if entry.is_symlink():
        os.symlink(os.readlink(entry), target)
    elif entry.is_dir():
        shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(str(entry), str(target))


def _swap(staging: Path, out: Path) -> None:
    """Publish a staging folder beside ``out`` by exchanging the two folders in one step.

    The user's entries of ``out`` are carried into the staging folder first; after the
    swap, whatever the old folder holds that the new one lacks (something written into
    ``out`` during the build) is moved across, then the old folder is removed.
    """
    for entry in sorted(out.iterdir()):
        if not _is_geo_own(entry.name) and not os.path.lexists(staging / entry.name):
            _carry(entry, staging / entry.name)
    with contextlib.suppress(OSError):
        os.chmod(staging, stat.S_IMODE(out.stat().st_mode))
    _exchange(staging, out)
    old = staging  # the name now holds the previous folder
    for entry in sorted(old.iterdir()):
        if not _is_geo_own(entry.name) and not os.path.lexists(out / entry.name):
            with contextlib.suppress(OSError):
                os.rename(entry, out / entry.name)
    shutil.rmtree(old, ignore_errors=True)


def _publish(staging: Path, out: Path) -> None:
    """Rename the staged outputs over the old ones (each rename is atomic, the set is not)."""
    for name in (*OUTPUTS, *INDEXES, MANIFEST):
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
    """Publish a complete staging folder, and remove it; the four paths in ``out``.

    A folder beside ``out`` is swapped in whole; where the swap fails after all (a file
    system that refuses it), its files are renamed across one by one instead.
    """
    target = out.resolve()  # a link to a folder: the folder is swapped, not the link
    try:
        if staging.parent != target:
            try:
                _swap(staging, target)
            except OSError as err:
                if err.errno not in (errno.EINVAL, errno.ENOSYS, errno.EBUSY, errno.EXDEV, errno.EPERM):
                    raise
            else:
                return [out / name for name in OUTPUTS]
        (staging / _COMPLETE).write_bytes(b"")
        _publish(staging, target)
    except OSError as err:
        msg = f"cannot write {out}: {err.strerror or err}"
        raise ExportError(msg) from err
    shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in OUTPUTS]


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A fresh staging folder, beside ``out`` where it can be swapped in, else inside it.

    Removed on the way out unless it was published.
    """
    tidy_output_folder(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        out = out.resolve()
        staging = _swap_staging_name(out, os.getpid()) if _can_swap(out) else out / f"{_STAGING}{os.getpid()}"
        try:
            staging.mkdir()
        except FileExistsError:
            shutil.rmtree(staging)
            staging.mkdir()
        except PermissionError:  # the parent folder is not ours: stage inside ``out``
            staging = out / f"{_STAGING}{os.getpid()}"
            staging.mkdir(exist_ok=True)
    except OSError as err:
        msg = f"cannot write {out}: {err.strerror or err}"
        raise ExportError(msg) from err
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


#: Libraries whose versions shape an output's bytes (the map's shell, the GeoPackage).
_WRITER_LIBRARIES = ("pyogrio", "shapely", "numpy", "folium", "branca", "jinja2", "markupsafe",
                     "xstatic-leaflet", "xstatic-leaflet-markercluster")


@functools.cache
def _code_version() -> str:
    """Hash of every file of the geo package and of the writers' libraries' versions.

    Any change to the code that writes an output, or to what it inlines (``map.js``),
    makes every output's key new: the next build writes them all once.
    """
    from importlib import metadata

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".js", ".css", ".json", ".html") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    for name in _WRITER_LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}".encode())
    return digest.hexdigest()[:24]


def output_keys(records: Store, gazetteer: Gazetteer, *, raw_csv: bool = False) -> dict[str, str | None]:
    """The key of each output: a hash of everything its bytes depend on (``geo.manifest``).

    The code, the gazetteer's files, the Store's records (``Store.records_key``), the
    corpus folder the articles' texts are read from, and the CSV's option. None (never
    linked) when the records cannot be keyed.
    """
    import sqlite3

    from geo._cache import content_key
    from geo.webmap.build import _read_licence

    records_key = records.records_key()
    if records_key is None:
        return dict.fromkeys(OUTPUTS)
    try:
        districts = hashlib.sha256(gazetteer.districts_geojson.read_bytes()).hexdigest()
    except OSError:
        return dict.fromkeys(OUTPUTS)  # the writers report it
    # the licence as the map reads it (an absent one is "" there, and here)
    licence = hashlib.sha256(_read_licence(gazetteer).encode("utf-8", "surrogatepass")).hexdigest()
    # GeoPackage bytes hold the SQLite library's version in their header
    base = content_key(_code_version(), gazetteer.version, [districts, licence], sqlite3.sqlite_version,
                       records_key,
                       str(records.root.resolve()) if records.root else None)
    return {name: content_key(base, name, raw_csv if name == "claims.csv" else None) for name in OUTPUTS}


def _gpkg_options(records: Store, gazetteer: Gazetteer, manifest: Manifest) -> dict[str, Any]:
    """What the GeoPackage writer needs to copy rows from the published file: its paths and the basis.

    The basis is everything a claims row's bytes depend on besides its document's records:
    the code, the extractor's and the gazetteer's versions, and SQLite's.
    """
    import sqlite3

    from geo._cache import content_key

    published = manifest.published_file("places.gpkg"), manifest.published_file(GPKG_INDEX)
    return {"old": [str(path) for path in published] if all(published) else None,
            "basis": content_key(_code_version(), records.version, gazetteer.version, sqlite3.sqlite_version,
                                 "places.gpkg")}


def _write_gpkg(records: Store, gazetteer: Gazetteer, out: Path, *, old: list[str] | None = None,
                basis: str | None = None) -> dict[str, int]:
    """Write the GeoPackage (copying from ``old``, the published file and its index, where it can); its counts."""
    import dataclasses

    from geo.export.gpkg import write_gpkg
    from geo.export.gpkg_splice import read_index

    previous = read_index(Path(old[0]), Path(old[1]), basis) if old is not None and basis is not None else None
    counts = write_gpkg(records, out / "places.gpkg", districts_geojson=gazetteer.districts_geojson,
                        basis=basis, old=previous)
    return dataclasses.asdict(counts)


def _write_spliced(records: Store, out: Path, *, manifest: Manifest, keys: dict[str, str | None],
                   raw_csv: bool) -> None:
    """The GeoJSON and the CSV: linked when unchanged, else spliced from the published ones.

    A spliced file copies the records the published file already holds and renders the
    others (``geo.export.splice``); its index is written and published beside it. The
    index's basis is everything a record's bytes depend on besides its row: the code, the
    Store (its version, its file and that file's row numbering), and the CSV option.
    """
    tokens, epoch, contested = None, None, None
    for name, index in zip(SPLICED, SPLICED_INDEXES, strict=True):
        if manifest.link(name, keys[name]):
            manifest.link(index, keys[name])  # without it the next build renders the file whole, once
            continue
        # imported only to write: numpy alone was a tenth of a rebuild with nothing changed (issue 14)
        from geo._cache import content_key
        from geo.export.csv import write_csv_spliced
        from geo.export.geojson import write_geojson_spliced
        from geo.export.splice import read_old
        from geo.export.stored_units import contested_links, doc_tokens, store_epoch

        if tokens is None:
            tokens, epoch, contested = doc_tokens(records), store_epoch(records), contested_links(records)
        option = raw_csv if name == "claims.csv" else None
        basis = content_key(_code_version(), records.version, str(records.path.resolve()), epoch, name, option)
        old = read_old(manifest.published_file(name), manifest.published_file(index), basis, tokens)
        if name == "claims.csv":
            counts = write_csv_spliced(records, out / name, raw=raw_csv, old=old, basis=basis, tokens=tokens,
                                       contested=contested)
        else:
            counts = write_geojson_spliced(records, out / name, old=old, basis=basis, tokens=tokens,
                                           contested=contested)
        manifest.spliced[name] = counts
        manifest.wrote(name, keys[name])
        manifest.wrote(index, keys[name])
        manifest.written -= 1  # the index is part of its file


def _write_others(records: Store, gazetteer: Gazetteer, out: Path, *, manifest: Manifest,
                  keys: dict[str, str | None], raw_csv: bool = False) -> None:
    """The map, its articles, the GeoJSON and the CSV; each linked from the published set when unchanged."""
    from geo.webmap.articles import write_map_articles
    from geo.webmap.build import write_map
    from geo.webmap.cards import CARDS_DIR

    page = keys["index.html"]
    unchanged = manifest.link("index.html", page) and manifest.link_all(f"{CARDS_DIR}/", page, under="index.html")
    if not unchanged:
        (out / "index.html").unlink(missing_ok=True)
        write_map(records, gazetteer, out / "index.html", manifest=manifest)
        manifest.wrote("index.html", page)
    # The articles' shards follow from the page's key too (the shown articles, their files'
    # stamps in the records, the folder they are read from): with the page unchanged they are
    # linked whole, without listing the page's articles and keying each shard again (issue 14:
    # 0.3 s of a build with nothing changed at 10,000 articles). A shard with a text left out
    # has no key: then the folder is written anew, as it would be.
    if not (unchanged and manifest.link_all(f"{FOLDERS[0]}/", page, under="index.html")):
        write_map_articles(records, gazetteer, out / FOLDERS[0], root=records.root, manifest=manifest)
    _write_spliced(records, out, manifest=manifest, keys=keys, raw_csv=raw_csv)


def _write_set(records: Store, gazetteer: Gazetteer, out: Path, *, raw_csv: bool,
               gpkg: _Child | None) -> list[Path]:
    """Write (or link) every output into a staging folder, then publish it as one set.

    ``gpkg``: the forked GeoPackage writer, else the GeoPackage is written here.
    """
    with _staging(out) as staging:
        manifest = Manifest(out if out.is_dir() else None, staging)
        keys = output_keys(records, gazetteer, raw_csv=raw_csv)
        write_gpkg = not manifest.link("places.gpkg", keys["places.gpkg"])
        if not write_gpkg:
            manifest.link(GPKG_INDEX, keys["places.gpkg"])  # without it the next build writes it whole, once
        options = _gpkg_options(records, gazetteer, manifest) if write_gpkg else {}
        try:
            if write_gpkg and gpkg is not None:
                gpkg.start(records, staging, options)
            _write_others(records, gazetteer, staging, manifest=manifest, keys=keys, raw_csv=raw_csv)
            if write_gpkg:
                from geo.export.gpkg_splice import GpkgCounts  # only to write: it imports the splicer

                counts = gpkg.wait() if gpkg is not None else _write_gpkg(records, gazetteer, staging, **options)
                manifest.spliced["places.gpkg"] = GpkgCounts(**counts)
                manifest.wrote("places.gpkg", keys["places.gpkg"])
                if (staging / GPKG_INDEX).is_file():
                    manifest.wrote(GPKG_INDEX, keys["places.gpkg"])
                    manifest.written -= 1  # the index is part of its file
        except BaseException:
            # The child writes into the staging folder: end it before the folder is
            # removed, or it may leave a file there that keeps the folder alive.
            if gpkg is not None:
                gpkg.stop()
            raise
        manifest.save()
        return _published(staging, out)


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
        yield functools.partial(_write_set, gazetteer=gazetteer, out=out, raw_csv=raw_csv, gpkg=None)
        return
    child = _Child(gazetteer, _write_gpkg)
    try:
        yield functools.partial(_write_set, gazetteer=gazetteer, out=out, raw_csv=raw_csv, gpkg=child)
    finally:
        child.stop()


class _Child:
    """One writer run in a forked process: started early, told to go, its outcome piped back."""

    def __init__(self, gazetteer: Gazetteer, write: Callable[..., dict[str, int]]) -> None:
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

    def start(self, store: Store, out: Path, options: dict[str, Any]) -> None:
        """Tell the child which Store to write from, into which folder, and the writer's keyword ``options``."""
        order = {"path": str(store.path), "corpus": store.corpus, "version": store.version,
                 "built": store.built, "attribution": list(store.attribution), "out": str(out),
                 "options": options}
        with os.fdopen(self._go, "wb") as pipe:
            pipe.write(json.dumps(order).encode("utf-8", "surrogatepass"))
        self._go = -1

    def wait(self) -> dict[str, int]:
        """Wait for the child; its writer's counts; raise its error here."""
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
        if code != 0 or not report.startswith("ok "):
            msg = f"the GeoPackage writer stopped unexpectedly (exit status {code})"
            raise ExportError(msg)
        counts = json.loads(report.removeprefix("ok "))
        return counts if isinstance(counts, dict) else {}

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


def _run_child(gazetteer: Gazetteer, write: Callable[..., dict[str, int]],
               go_fd: int, report_fd: int) -> None:
    """In the child: prepare, wait for the order, write from a connection of its own, report."""
    # SIGTERM from the parent (or from the kernel when the parent dies) becomes
    # SystemExit, so the atomic writer's cleanup runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides about Ctrl-C
    code, report = 0, "ok {}"
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
        counts = write(records, gazetteer, Path(spec["out"]), **spec["options"])
        report = "ok " + json.dumps(counts)
    except ExportError as err:
        code, report = 1, f"export {err}"
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which decides
        code, report = 1, f"internal {type(err).__name__}: {err}"
    try:
        os.write(report_fd, report.encode("utf-8", "replace"))
    finally:
        os._exit(code)  # no atexit, no finalizers: the parent's objects are not ours
