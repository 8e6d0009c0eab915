"""Where a corpus's Store lives in the cache folder, and removing the Stores a build left behind.

A Store is kept per corpus and per extractor version (``geo.parallel``): a new version
of geo, or a change of its settings or gazetteer, starts a new file, because the old
one's records were made by other rules. The old file is then never read again, and at
10,000 articles it is more than a gigabyte, so after a build of a corpus has filled its
Store, the same corpus's Stores of other versions are deleted.

That is why a Store's name is two keys, ``<corpus>-<version>.sqlite``, and why what is
kept for a Store alone lives beside it under its name (the map's page pieces,
``<corpus>-<version>.pieces-<code>.sqlite``): the files of one corpus share the prefix,
those of one Store its stem, and nothing but the names is needed to find them. A Store
that another build holds (its ``.lock`` is taken) is left alone with its companions, so
two versions of geo building the same corpus side by side never delete each other's
open files; the lock file itself stays (it is empty), so that both always lock the same
file.

A corpus folder that is moved, renamed or deleted leaves its Store behind under a key no
build asks for again; so each build marks its own Store as used (its file's modification
time) and deletes the Stores of other corpora that no build used for ``UNUSED_DAYS``,
as the result cache does with its unused versions (``geo._cache``).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from geo._cache import cache_dir, content_key

#: Hex digits of each of the two keys in a Store's name.
_KEY_DIGITS = 16
#: Days after which another corpus's Store that no build used is deleted (as ``UNUSED_VERSION_DAYS``).
UNUSED_DAYS = 30


def store_path(corpus: Path, version: str) -> Path:
    """Where the Store of ``corpus`` built by extractor ``version`` lives in the cache folder."""
    corpus_key = content_key(str(Path(corpus).resolve()))[:_KEY_DIGITS]
    return cache_dir() / "stores" / f"{corpus_key}-{content_key(version)[:_KEY_DIGITS]}.sqlite"


def companion_path(store: Path, kind: str, key: str) -> Path:
    """A file kept for ``store`` alone (``kind`` "pieces": the map's), deleted with it."""
    return store.with_name(f"{store.stem}.{kind}-{key}.sqlite")


def other_versions(path: Path) -> dict[Path, list[Path]]:
    """The files of ``path``'s corpus that belong to another version, by their Store's path.

    A Store's files are the database, SQLite's files beside it and its companions; the
    lock files are not listed (they stay). A companion whose Store is gone is listed
    under the path that Store had.
    """
    corpus_key, _, _ = path.stem.partition("-")
    stem_length = len(path.stem)
    groups: dict[Path, list[Path]] = {}
    for file in sorted(path.parent.glob(f"{corpus_key}-*")):
        stem = file.name[:stem_length]
        if stem == path.stem or file.name.endswith(".lock") or len(stem) != stem_length:
            continue
        groups.setdefault(path.with_name(f"{stem}.sqlite"), []).append(file)
    return groups


def remove_other_versions(path: Path) -> list[Path]:
    """Delete the files of ``path``'s corpus made by other versions; return the Stores deleted.

    A Store whose lock another process holds is kept, with its companions. Failures (a
    read-only folder, a file gone meanwhile) are not errors: this only frees disk space.
    """
    return [old for old, files in other_versions(path).items() if _remove_unless_held(old, files)]


def remove_other_companions(path: Path) -> list[Path]:
    """Delete ``path``'s companions of the same kind but another key (code that changed).

    Called by the build that holds the Store's lock, for the companion it is about to use.
    """
    stem, _, rest = path.name.partition(".")
    kind = rest.partition("-")[0]
    stale = [p for p in sorted(path.parent.glob(f"{stem}.{kind}-*.sqlite")) if p != path]
    for file in stale:
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)
    return stale


def remove_unused_stores(path: Path, *, now: float | None = None) -> list[Path]:
    """Mark the Store ``path`` as used now; delete other corpora's Stores unused for ``UNUSED_DAYS``.

    Returns the Stores deleted. A Store is used when any of its files was written or
    marked since (a build with nothing changed may write nothing, hence the mark). One
    that another process holds is kept, and the lock files stay (``remove_other_versions``).
    Failures only leave disk space unfreed.
    """
    now = time.time() if now is None else now
    with contextlib.suppress(OSError):
        os.utime(path, (now, now))
    cutoff = now - UNUSED_DAYS * 86_400
    stores: dict[str, list[Path]] = {}
    with contextlib.suppress(OSError):
        for file in sorted(path.parent.iterdir()):
            stem = file.name.partition(".")[0]
            if file.name.endswith(".lock") or len(stem) != 2 * _KEY_DIGITS + 1 or stem[_KEY_DIGITS] != "-":
                continue  # not a Store's file (nor a lock, which stays)
            stores.setdefault(stem, []).append(file)
    corpus_key = path.stem.partition("-")[0]
    removed = []
    for stem, files in stores.items():
        if stem.startswith(f"{corpus_key}-"):
            continue  # this corpus's: other versions go by ``remove_other_versions``
        try:
            last_used = max(file.stat().st_mtime for file in files)
        except OSError:
            continue
        old = path.with_name(f"{stem}.sqlite")
        if last_used < cutoff and _remove_unless_held(old, files):
            removed.append(old)
    return removed


def _remove_unless_held(store: Path, files: list[Path]) -> bool:
    """Delete ``files`` of ``store`` unless another process holds its lock; whether they went."""
    with _unless_held(store) as free:
        if free:
            for file in files:
                with contextlib.suppress(OSError):
                    file.unlink(missing_ok=True)
        return free


@contextlib.contextmanager
def _unless_held(path: Path) -> Iterator[bool]:
    """Hold ``path``'s lock file while the body runs; yield False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): an open file cannot be deleted there anyway
        yield True
        return
    try:
        fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
