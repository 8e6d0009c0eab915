"""Where a corpus's Store lives in the cache folder, and removing the Stores a build left behind.

A Store is kept per corpus and per extractor version (``geo.parallel``): a new version
of geo, or a change of its settings or gazetteer, starts a new file, because the old
one's records were made by other rules. The old file is then never read again, and at
10,000 articles it is more than a gigabyte, so after a build of a corpus has filled its
Store, the same corpus's Stores of other versions are deleted.

That is why a Store's name is two keys, ``<corpus>-<version>.sqlite``: the files of one
corpus share the prefix, and nothing but the name is needed to find them. A Store that
another build holds (its ``.lock`` is taken) is left alone, so two versions of geo
building the same corpus side by side never delete each other's open file; the lock
file itself stays (it is empty), so that both always lock the same file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from geo._cache import cache_dir, content_key

#: The files SQLite keeps beside a database, removed with it.
_SIDE_FILES = ("", "-wal", "-shm", "-journal")
#: Hex digits of each of the two keys in a Store's name.
_KEY_DIGITS = 16


def store_path(corpus: Path, version: str) -> Path:
    """Where the Store of ``corpus`` built by extractor ``version`` lives in the cache folder."""
    corpus_key = content_key(str(Path(corpus).resolve()))[:_KEY_DIGITS]
    return cache_dir() / "stores" / f"{corpus_key}-{content_key(version)[:_KEY_DIGITS]}.sqlite"


def other_versions(path: Path) -> list[Path]:
    """The Stores beside ``path`` of the same corpus and another version, in name order."""
    corpus_key, _, _ = path.stem.partition("-")
    return sorted(p for p in path.parent.glob(f"{corpus_key}-*.sqlite") if p != path)


def remove_other_versions(path: Path) -> list[Path]:
    """Delete the Stores of ``path``'s corpus made by other versions; return those deleted.

    A Store whose lock another process holds is kept. Failures (a read-only folder, a
    file gone meanwhile) are not errors: this only frees disk space.
    """
    removed = []
    for old in other_versions(path):
        with _unless_held(old) as free:
            if free:
                for suffix in _SIDE_FILES:
                    with contextlib.suppress(OSError):
                        Path(f"{old}{suffix}").unlink(missing_ok=True)
                removed.append(old)
    return removed


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
