"""On-disk cache of expensive derived data, keyed by a content hash.

The key hashes everything the value depends on (the gazetteer version, the source of the
modules that compute it, library versions), canonicalised before hashing, so a change to
any of them misses the cache instead of serving stale data. Files are written atomically
(temporary file, then rename): an interrupted run never leaves a torn entry, and a
damaged entry is treated as a miss.

The folder is ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """The cache folder (not created)."""
    if os.environ.get("GEO_CACHE_DIR"):
        return Path(os.environ["GEO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geo"


def content_key(*parts: object) -> str:
    """A stable hash of JSON-serialisable parts (dict keys sorted)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def source_hash(*modules: object) -> str:
    """Hash of the source files of the given modules: the code version of a cached value."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())  # type: ignore[attr-defined]
    return digest.hexdigest()[:16]


def cached(name: str, key: str, compute: Callable[[], T], *, folder: Path | None = None) -> T:
    """Return the cached value for (name, key), computing and storing it on a miss."""
    folder = folder or cache_dir()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own file, keyed by content
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder costs time, never correctness
    return value
