"""Run extraction over a corpus: serially, in worker processes, or on a Dask cluster.

Every route calls the same pure ``pipeline.process_document`` and merges with the same
``pipeline.assemble_build``, so the Build is identical whichever route ran it (a test
checks this against a Dask ``LocalCluster``).

The corpus is streamed: documents go to the workers in batches while later files are
still being read, and at most ``_IN_FLIGHT_PER_WORKER`` batches per worker wait at a
time, so memory grows with the records extracted, not with the bytes read.

Per-file results are cached on disk under a key made of the file's sha256, its name and
the extractor version (the gazetteer version, the source of every extraction module and
the settings): adding one article to a built corpus re-extracts only that article, and
any change to the code or the data misses the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from geo._cache import cache_dir
from geo.corpus import iter_raw
from geo.model import Build, Document, DocumentResult, Skip
from geo.pipeline import Resources, assemble_build, corpus_name, load_resources, process_document

#: Documents handed to a worker at a time: large enough to amortise the round trip
#: (a few ms of pickling against ~100 ms of extraction), small enough to keep both
#: workers busy on a corpus of a few dozen files.
BATCH = 32
#: Batches submitted ahead of the results per worker: enough to keep every worker busy
#: while the client reads on; bounded so that a huge corpus is never all in memory.
_IN_FLIGHT_PER_WORKER = 2


def _extraction_version(res: Resources) -> str:
    """Hash of every extraction module's source and of the resources' own version."""
    digest = hashlib.sha256(res.extractor_version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):
        if path.name not in ("cli.py", "report.py", "where.py", "evaluate.py", "parallel.py"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


class ResultCache:
    """Per-document results on disk, keyed by extractor version, file hash and file name."""

    def __init__(self, version: str, folder: Path | None = None) -> None:
        self.version = version
        self.folder = (folder or cache_dir()) / "results" / version

    def _path(self, sha256: str, source: str) -> Path:
        # The name is part of the key: every record carries its source, and two copies
        # of one article under two names must not evict each other on every run.
        name = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return self.folder / sha256[:2] / f"{sha256}-{name}.pickle"

    def get(self, sha256: str, source: str) -> DocumentResult | None:
        """The cached result of the file ``source`` with this content; None on a miss."""
        try:
            with self._path(sha256, source).open("rb") as fh:
                result: DocumentResult = pickle.load(fh)  # noqa: S301 - our own cache
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return result if result.meta.source == source else None

    def put(self, result: DocumentResult) -> None:
        """Store a result atomically; a read-only cache costs time, never correctness."""
        path = self._path(result.meta.sha256, result.meta.source)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A temporary name of its own: two builds sharing a cache folder must not
            # write into one temporary file.
            fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


_worker_resources: Resources | None = None


def _init_worker(gazetteer_folder: str, settings: object) -> None:
    global _worker_resources  # noqa: PLW0603 - one per worker process, set once by the pool
    _worker_resources = load_resources(Path(gazetteer_folder), settings=settings)  # type: ignore[arg-type]


def _work(docs: list[Document]) -> list[DocumentResult]:
    assert _worker_resources is not None
    return [process_document(d, _worker_resources) for d in docs]


def _process_batch_with(resources_args: tuple[str, object], docs: list[Document]) -> list[DocumentResult]:
    """Dask task: load the resources once per worker process (cached on disk), then extract."""
    global _worker_resources  # noqa: PLW0603
    if _worker_resources is None:
        _init_worker(*resources_args)
    return _work(docs)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _bounded(
    submit: Callable[[list[Document]], Any], docs: Iterable[Document], limit: int,
) -> Iterator[DocumentResult]:
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


def run_parallel(
    corpus: Path,
    *,
    resources: Resources,
    workers: int = 1,
    dask_address: str | None = None,
    use_cache: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> Build:
    """Read a corpus and return its Build, extracting uncached documents serially or in parallel.

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
        Read and write the per-file result cache.
    on_document
        Called with each file name once it is read.

    Returns
    -------
    Build
        The same records whichever route ran.
    """
    cache = ResultCache(_extraction_version(resources)) if use_cache else None
    results: list[DocumentResult] = []
    skips: list[Skip] = []

    def misses() -> Iterator[Document]:
        """The documents to extract; skips and cache hits are set aside on the way."""
        for raw in iter_raw(corpus, settings=resources.settings):
            # A cache hit is decided on the bytes' hash, before the (costlier) decoding.
            if not isinstance(raw, Skip) and cache and (hit := cache.get(raw.sha256, raw.source)) is not None:
                results.append(hit)
            else:
                item = raw if isinstance(raw, Skip) else raw.decode()
                if isinstance(item, Skip):
                    skips.append(item)
                else:
                    yield item
            if on_document is not None:
                on_document(raw.source)

    if dask_address is not None:
        fresh = _run_dask(misses(), resources, dask_address)
    elif workers > 1:
        fresh = _run_pool(misses(), resources, workers)
    else:
        fresh = (process_document(doc, resources) for doc in misses())
    for result in fresh:
        if cache:
            cache.put(result)
        results.append(result)
    return assemble_build(corpus_name(corpus), results, skips, resources.gazetteer)


def _resources_args(resources: Resources) -> tuple[str, object]:
    """What a worker needs to load the same resources: the gazetteer folder and the settings."""
    return str(resources.gazetteer.folder), resources.settings


def _run_pool(
    docs: Iterable[Document], resources: Resources, workers: int,
) -> Iterator[DocumentResult]:
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=_resources_args(resources)) as pool:
        yield from _bounded(lambda batch: pool.submit(_work, batch), docs,
                            workers * _IN_FLIGHT_PER_WORKER)


def _run_dask(
    docs: Iterable[Document], resources: Resources, address: str,
) -> Iterator[DocumentResult]:
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
        submit = functools.partial(client.submit, _process_batch_with, args, pure=False)
        yield from _bounded(submit, itertools.chain([first], pending), slots * _IN_FLIGHT_PER_WORKER)
