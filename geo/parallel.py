"""Run extraction over a corpus into its Store: serially, in worker processes, or on Dask.

Every route calls the same ``_extract`` (decode the bytes, ``pipeline.process_document``,
``store.stored_document``) and the main process only inserts what comes back, in
corpus order, so the Store (and every output) is identical whichever route ran it (a
test checks this against a Dask ``LocalCluster``). Decoding and rendering run where
the extraction runs: with two workers the main process is never the bottleneck.

The corpus is streamed: files go to the workers in batches while later files are still
being read, and at most ``_IN_FLIGHT_PER_WORKER`` batches per worker wait at a time.
Records go to the Store as they arrive, so memory does not grow with the corpus.

Three levels keep a rebuild short. A file whose stamp (size, mtime, inode, ctime) is
the one stored by the last build of this corpus is not read at all (``Store.unchanged``).
A file that was touched is hashed and looked up in the per-file result cache, keyed by
its sha256, its name and the extractor version (the gazetteer version, the source of
every extraction and rendering module, the settings). Only a file missing from both is
extracted: adding one article to a built corpus extracts that article, and any change
to the code or the data misses the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from geo import sides, statements
from geo._cache import ResultCache, content_key, source_hash
from geo.corpus import RawFile, iter_raw
from geo.errors import CorpusError, failure_reason
from geo.export import fragments as export_fragments
from geo.export import rows as export_rows
from geo.model import Build, Skip
from geo.overrides import Overrides, apply_overrides
from geo.pipeline import (
    Resources,
    attribution_lines,
    build_date,
    corpus_name,
    extract_document,
    load_resources,
)
from geo.store import Store, StoredDocument, document_result, is_damage, stored_document
from geo.store_files import remove_other_versions, remove_unused_stores, store_path
from geo.webmap import payload as webmap_payload

#: What extracting one file gives: its rows for the Store, or the reason it is not used.
Extracted = StoredDocument | Skip

#: Documents handed to a worker at a time: large enough to amortise the round trip
#: (a few ms of pickling against ~100 ms of extraction), small enough to keep both
#: workers busy on a corpus of a few dozen files.
BATCH = 32
#: Files to extract from which worker processes pay: fewer are extracted in this process
#: (starting the pool and handing the work across cost more than an article's extraction).
_POOL_FROM = 4
#: Batches submitted ahead of the results per worker: enough to keep every worker busy
#: while the client reads on; bounded so that a huge corpus is never all in memory.
_IN_FLIGHT_PER_WORKER = 2


#: Modules of the package that shape no stored record: editing one keeps the Store and the
#: result cache (``outputs`` and ``manifest`` write the outputs; their own keys cover them).
_NOT_EXTRACTION = frozenset({"cli.py", "cli_params.py", "commands.py", "fast_cli.py", "report.py", "where.py",
                             "evaluate.py", "parallel.py", "outputs.py", "manifest.py"})


def _extraction_version(res: Resources) -> str:
    """Hash of every extraction module's source and of the resources' own version."""
    digest = hashlib.sha256(res.extractor_version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):
        if path.name not in _NOT_EXTRACTION:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


_worker_resources: Resources | None = None
#: The parent's resources, automaton loaded, while it starts a pool: a forked worker finds
#: them in its copy of the parent's memory and skips loading its own (0.2 s per worker).
_inherited: Resources | None = None


def _init_worker(gazetteer_folder: str, settings: object) -> None:
    global _worker_resources  # noqa: PLW0603 - one per worker process, set once by the pool
    from geo.outputs import die_with_parent

    die_with_parent()  # a kill -9 of the build must not leave workers behind (issue 13)
    if _inherited is not None and str(_inherited.gazetteer.folder) == gazetteer_folder:
        _worker_resources = _inherited
    else:
        _worker_resources = load_resources(Path(gazetteer_folder), settings=settings)  # type: ignore[arg-type]


def _extract(raw: RawFile, resources: Resources, flat: bool = True) -> Extracted:
    """The steps of one file (``pipeline.extract_document``), rendered as the Store keeps them
    (``flat``: with the CSV and GeoPackage rows and the map entry, ``store.stored_document``)."""
    item = extract_document(raw, resources)
    if isinstance(item, Skip):
        return item
    try:
        return stored_document(item, resources.gazetteer, flat=flat)
    except Exception as err:  # noqa: BLE001 - one file never sinks the build (issue 13)
        return Skip(source=raw.source, reason=failure_reason("cannot extract the file", err))


def _work(raws: list[RawFile], flat: bool = True) -> list[Extracted]:
    assert _worker_resources is not None
    return [_extract(raw, _worker_resources, flat) for raw in raws]


def _process_batch_with(resources_args: tuple[str, object], flat: bool,
                        raws: list[RawFile]) -> list[Extracted]:
    """Dask task: load the resources once per worker process (cached on disk), then extract."""
    global _worker_resources  # noqa: PLW0603
    if _worker_resources is None:
        _init_worker(*resources_args)
    return _work(raws, flat)


def _batches(items: Iterable[RawFile], size: int) -> Iterator[list[RawFile]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _bounded(
    submit: Callable[[list[RawFile]], Any], docs: Iterable[RawFile], limit: int,
) -> Iterator[Extracted]:
    """Submit batches of ``docs``, at most ``limit`` unfinished at a time; yield results in order.

    ``submit`` returns a future (concurrent.futures or dask) whose ``result()`` is a list.
    """
    waiting: deque[Any] = deque()
    for batch in _batches(docs, BATCH):
        waiting.append(submit(batch))
        if len(waiting) >= limit:
            yield from waiting.popleft().result()
    while waiting:
        yield from waiting.popleft().result()


@contextlib.contextmanager
def open_records(
    corpus: Path,
    *,
    resources: Resources,
    workers: int = 1,
    dask_address: str | None = None,
    use_cache: bool = True,
    on_document: Callable[[str], None] | None = None,
    overrides: Overrides | None = None,
    flat: bool = True,
) -> Iterator[Store]:
    """Read a corpus into a Store and yield it; every writer reads the Store.

    With ``use_cache`` the Store is the corpus's own file in the cache folder, kept from
    one build to the next: files whose stamp has not changed are not read again, and a
    changed file is looked up in the per-file result cache (by its sha256) before it is
    extracted. Without, the Store is a temporary file and every file is extracted.

    Parameters
    ----------
    corpus
        Folder (or file) of articles.
    resources
        ``load_resources()``.
    workers
        Processes on this machine; 1 runs in this process.
    dask_address
        A Dask scheduler address, or ``"local"`` for a ``LocalCluster``; overrides ``workers``.
    use_cache
        Keep the Store and use the per-file result cache.
    on_document
        Called with each file name once it is read (or recognised as unchanged).
    overrides
        An analyst's corrections (``geo.overrides``), applied to each document's result
        before it is stored; a file's corrections are part of its stamp.
    flat
        Whether the caller reads the claims' CSV and GeoPackage rows or the map entries
        (every writer but the GeoJSON one): they are made for the documents extracted now
        and for any an earlier ``flat=False`` walk stored without them; False leaves them
        unmade (``store.stored_document``).
    """
    # The Store and the result cache also keep export fragments and map entries: the
    # code that renders them is part of their key (geo/export and geo/webmap are not in
    # the extraction version, which hashes geo/*.py only).
    # Checklist: a module that renders what StoredDocument keeps is named here (the map's
    # entries take each claimant's side from ``sides``, the rows their statement from ``statements``).
    version = content_key(_extraction_version(resources), sys.version_info[:2],
                          source_hash(export_rows, export_fragments, webmap_payload, sides, statements))
    path = store_path(corpus, version) if use_cache else None
    store = _open_store(path, corpus, resources, version)
    cache = ResultCache(version, gazetteer=resources.gazetteer) if use_cache else None
    try:
        try:
            _fill(store, corpus, resources=resources, workers=workers, dask_address=dask_address,
                  cache=cache, on_document=on_document, overrides=overrides, flat=flat)
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise
            store.reset()  # damaged pages: the Store is a cache, rebuilt from the corpus (issue 13)
            _fill(store, corpus, resources=resources, workers=workers, dask_address=dask_address,
                  cache=cache, on_document=on_document, overrides=overrides, flat=flat)
        if path is not None and store.path == path:
            remove_other_versions(path)  # this corpus's Stores of earlier versions: never read again
            remove_unused_stores(path)  # other corpora's Stores no build used for a month (moved folders)
        if cache is not None:
            cache.remove_unused_versions()  # results of versions no build used for a month
        yield store
    except sqlite3.Error as err:  # a full disk, a file locked by another build for a minute
        if is_damage(err):
            store.discard()  # damaged while writing the outputs: the next build starts afresh
        msg = (f"the build store {store.path} failed ({err}); free disk space, wait for the other "
               "build, or delete the file (it is a cache)")
        raise CorpusError(msg) from err
    finally:
        store.close()


def _open_store(path: Path | None, corpus: Path, resources: Resources, version: str) -> Store:
    """The Store at ``path``; a temporary one when that folder cannot be written."""
    kwargs = {"corpus": corpus_name(corpus), "gazetteer": resources.gazetteer, "version": version,
              "root": Path(corpus)}
    if path is not None:
        try:
            return Store(path, **kwargs)  # type: ignore[arg-type]
        except (OSError, sqlite3.Error):
            pass  # a read-only cache folder costs time, never the build
    return Store(None, **kwargs)  # type: ignore[arg-type]


def _fill(
    store: Store,
    corpus: Path,
    *,
    resources: Resources,
    workers: int,
    dask_address: str | None,
    cache: ResultCache | None,
    on_document: Callable[[str], None] | None,
    overrides: Overrides | None = None,
    flat: bool = True,
) -> None:
    """One walk of the corpus into ``store``: unchanged files kept, the rest read or extracted."""
    pending: dict[str, tuple[str, str | None]] = {}  # source -> (sha256, stamp) of a file out for extraction

    def stamped(source: str, stamp: str | None) -> str | None:
        """The file's stamp, plus its corrections' key: editing them re-reads only that file."""
        key = overrides.stamp(source) if overrides is not None else ""
        return f"{stamp}|{key}" if stamp is not None and key else stamp

    def keep(result: Extracted, stamp: str | None) -> None:
        if isinstance(result, Skip):
            store.put_skip(result, stamp)
        else:
            store.put(corrected(result), stamp)

    def corrected(stored: StoredDocument) -> StoredDocument:
        """The document with the analyst's corrections applied (the few files they name)."""
        if overrides is None or not overrides.for_source(stored.source):
            return stored
        return stored_document(apply_overrides(document_result(stored), overrides), resources.gazetteer,
                               flat=stored.flat)

    def misses() -> Iterator[RawFile]:
        """The files to extract; skips, unchanged files and cache hits are stored on the way."""
        for raw in iter_raw(corpus, settings=resources.settings,
                            unchanged=lambda source, stamp: store.unchanged(source, stamped(source, stamp))):
            if isinstance(raw, Skip):
                store.put_skip(raw)
            elif isinstance(raw, RawFile):
                # A cache hit is checked against the decoded text, then rendered anew.
                if cache and (hit := cache.get(raw, flat=flat)) is not None:
                    keep(hit, stamped(raw.source, raw.stamp))
                else:
                    pending[raw.source] = (raw.sha256, stamped(raw.source, raw.stamp))
                    yield raw
            if on_document is not None:
                on_document(raw.source)

    if dask_address is not None:
        fresh = _run_dask(misses(), resources, dask_address, flat)
    elif workers > 1:
        fresh = _run_pool(misses(), resources, workers, flat)
    else:
        fresh = (_extract(raw, resources, flat) for raw in misses())
    store.begin_walk()
    try:
        for result in fresh:
            sha256, stamp = pending.pop(result.source)
            if cache:
                cache.put(sha256, result)
            keep(result, stamp)
        store.end_walk()
    except BaseException:
        store.abort_walk()
        raise
    if flat:
        store.render_missing()
    store.built = build_date(store.published_dates())
    store.attribution = attribution_lines(resources.gazetteer)


def run_parallel(corpus: Path, **options: Any) -> Build:
    """Read a corpus and return its Build in memory (``open_records`` streams it instead).

    ``options`` are those of ``open_records`` (``resources`` is required); the Build is
    the same whichever route extracted it.
    """
    with open_records(corpus, **options) as store:
        return store.to_build()


def _resources_args(resources: Resources) -> tuple[str, object]:
    """What a worker needs to load the same resources: the gazetteer folder and the settings."""
    return str(resources.gazetteer.folder), resources.settings


def _run_pool(
    docs: Iterable[RawFile], resources: Resources, workers: int, flat: bool = True,
) -> Iterator[Extracted]:
    global _inherited  # noqa: PLW0603 - read by the workers forked below
    pending = iter(docs)
    head = list(itertools.islice(pending, _POOL_FROM))
    if len(head) < _POOL_FROM:  # a rebuild after adding an article or two: no pool to start
        yield from (_extract(raw, resources, flat) for raw in head)
        return
    docs = itertools.chain(head, pending)
    resources.matcher  # noqa: B018 - load it once here, not once per worker
    _inherited = resources
    try:
        from concurrent.futures import (
            ProcessPoolExecutor,  # not imported by a one-process build (7 ms)
        )

        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=_resources_args(resources)) as pool:
            yield from _bounded(lambda batch: pool.submit(_work, batch, flat), docs,
                                workers * _IN_FLIGHT_PER_WORKER)
    finally:
        _inherited = None


def _run_dask(
    docs: Iterable[RawFile], resources: Resources, address: str, flat: bool = True,
) -> Iterator[Extracted]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        from geo.errors import GeoError

        msg = "--dask needs dask.distributed: pip install 'dask[distributed]'"
        raise GeoError(msg) from err
    pending = iter(docs)
    first = next(pending, None)
    if first is None:
        return  # every file was cached: no cluster to start
    args = _resources_args(resources)
    with contextlib.ExitStack() as stack:
        if address == "local":
            target: Any = stack.enter_context(LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None))
        else:
            target = address
        client = stack.enter_context(Client(target))
        slots = max(1, sum(client.nthreads().values()))
        submit = functools.partial(client.submit, _process_batch_with, args, flat, pure=False)
        yield from _bounded(submit, itertools.chain([first], pending), slots * _IN_FLIGHT_PER_WORKER)
