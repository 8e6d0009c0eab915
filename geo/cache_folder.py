"""Where the cache folder is, how its keys are made, and which of its files may be trusted.

The folder and key helpers of ``geo._cache``, apart so that modules below the pipeline
(``geo.regex_cache``, which ``geo.text`` uses) can keep files there without importing
the result cache, which knows the Store.

The folder is ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``,
created with mode 0700.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import pickle
import stat
import tempfile
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
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:24]  # a path that is no UTF-8


def source_hash(*modules: object) -> str:
    """Hash of the source files of the given modules: the code version of a cached value."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())  # type: ignore[attr-defined]
    return digest.hexdigest()[:16]


def module_source_hash(*names: str) -> str:
    """``source_hash`` of the modules named, found and read without importing them."""
    digest = hashlib.sha256()
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            msg = f"no source file for the module {name}"
            raise ModuleNotFoundError(msg)
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()[:16]


def installed_hash(module: str, file: str | None = None) -> str:
    """Hash of an installed module's file, found without importing the module.

    ``file`` names a file inside a package (its ``version.py``); without it, the module's
    own file is hashed (an extension module: its code). "absent" when it is not installed.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return "absent"
    path = Path(spec.origin)
    if file is not None:
        path = path.parent / file
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "unreadable"


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and its missing parents) with mode 0700: the cache is this user's."""
    folder = Path(folder)
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)


def is_private(path: Path) -> bool:
    """Whether ``path`` and its folder belong to this user and nobody else can write them.

    Only such a file is unpickled: a pickle runs code when loaded, and a cache folder
    shared with others (or writable by them) could hold a planted one.
    """
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for item in (path, path.parent):
        try:
            st = os.stat(item, follow_symlinks=False)
        except OSError:
            return False
        if uid is not None and st.st_uid != uid:
            return False
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or stat.S_ISLNK(st.st_mode):
            return False
    return True


def cached(name: str, key: str, compute: Callable[[], T], *, folder: Path | None = None) -> T:
    """Return the cached value for (name, key), computing and storing it on a miss.

    The value is pickled (the automaton is a C extension's object), so a file that is
    not ``is_private`` is never loaded: it is recomputed instead.
    """
    folder = folder or cache_dir()
    path = folder / f"{name}-{key}.pickle"
    if is_private(path):
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # noqa: S301 - a private file of this user, keyed by content
        except Exception:  # noqa: BLE001, S110 - a damaged entry is a miss
            pass
    value = compute()
    try:
        make_private_dir(folder)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)  # mode 0600
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder costs time, never correctness
    return value
