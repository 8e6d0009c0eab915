"""Run extraction over a corpus: serially, in worker processes, or on a Dask cluster.

Every route calls the same pure ``pipeline.process_document`` and merges with the same
``pipeline.assemble_build``, so the Build is identical whichever route ran it (a test
checks this against a Dask ``LocalCluster``).

Per-file results are cached on disk under a key made of the file's sha256 and the
extractor version (the gazetteer version, the source of every extraction module and
the settings): adding one article to a built corpus re-extracts only that article, and
any change to the code or the data misses the cache.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from geo._cache import cache_dir
from geo.corpus import iter_corpus
from geo.model import Build, Document, DocumentResult, Skip
from geo.pipeline import Resources, assemble_build, corpus_name, load_resources, process_document

#: Documents handed to a worker at a time: large enough to amortise the round trip.
BATCH = 64


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
    """Per-document results on disk, keyed by file hash and extractor version."""

    def __init__(self, version: str, folder: Path | None = None) -> None:
        self.version = version
        self.folder = (folder or cache_dir()) / "results" / version

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pickle"

    def get(self, sha256: str, source: str) -> DocumentResult | None:
        """The cached result for this content, renamed to ``source``; None on a miss."""
        try:
            with self._path(sha256).open("rb") as fh:
                result: DocumentResult = pickle.load(fh)  # noqa: S301 - our own cache
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return result if result.meta.source == source else None

    def put(self, result: DocumentResult) -> None:
        """Store a result atomically; a read-only cache costs time, never correctness."""
        path = self._path(result.meta.sha256)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass


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
    while batch := list(islice(it, size)):
        yield batch


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
        Called with each file name once it is accounted for.

    Returns
    -------
    Build
        The same records whichever route ran.
    """
    cache = ResultCache(_extraction_version(resources)) if use_cache else None
    results: list[DocumentResult] = []
    skips: list[Skip] = []
    pending: list[Document] = []
    for item in iter_corpus(corpus, settings=resources.settings):
        if isinstance(item, Skip):
            skips.append(item)
        else:
            hit = cache.get(item.meta.sha256, item.source) if cache else None
            if hit is not None:
                results.append(hit)
            elif workers == 1 and dask_address is None:
                results.append(process_document(item, resources))
                if cache:
                    cache.put(results[-1])
            else:
                pending.append(item)
        if on_document is not None:
            on_document(item.source)
    if pending:
        fresh = _run_dask(pending, resources, dask_address) if dask_address else _run_pool(pending, resources, workers)
        for result in fresh:
            if cache:
                cache.put(result)
        results.extend(fresh)
    return assemble_build(corpus_name(corpus), results, skips, resources.gazetteer)


def _run_pool(docs: list[Document], resources: Resources, workers: int) -> list[DocumentResult]:
    args = (str(resources.gazetteer.folder), resources.settings)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=args) as pool:
        return [r for batch in pool.map(_work, _batches(docs, BATCH)) for r in batch]


def _run_dask(docs: list[Document], resources: Resources, address: str) -> list[DocumentResult]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        from geo.errors import GeoError

        msg = "--dask needs dask.distributed: pip install 'dask[distributed]'"
        raise GeoError(msg) from err
    args = (str(resources.gazetteer.folder), resources.settings)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
        if address == "local" else None
    with Client(cluster if cluster is not None else address) as client:
        futures = [client.submit(_process_batch_with, args, batch, pure=False) for batch in _batches(docs, BATCH)]
        out = [r for batch in client.gather(futures) for r in batch]
    if cluster is not None:
        cluster.close()
    return out
