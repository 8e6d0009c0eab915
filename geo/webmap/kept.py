"""What the map keeps between builds beside a corpus's Store: private SQLite files of the cache folder.

Two things are kept, each in a file of its own named after the Store (``geo.store_files``,
so that it goes when the Store goes) and after the code that made its rows (so that rows
of older code are never read): the documents' page pieces (``page.PieceCache``) and the
articles' decoded texts (``articles.TextCache``). Both are caches: a file that cannot be
read, is damaged or is not this user's own is replaced by an empty one, and one that
cannot be written costs the next build time, never this one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from geo.cache_folder import is_private, make_private_dir
from geo.records import Records
from geo.store_files import companion_path, remove_other_companions

__all__ = ["companion_of", "open_kept"]


def companion_of(records: Records, kind: str, key: str) -> Path | None:
    """Where the Store of ``records`` keeps its ``kind`` made by code ``key``; None for other records.

    One file per Store (a corpus folder and its extractor version), beside it: it holds
    that corpus's rows only, so two corpora do not evict each other's, and it goes when the
    Store goes. The Store's files of this kind made by other code are deleted: they are
    never read again.
    """
    store_path = getattr(records, "path", None)
    if not isinstance(store_path, Path):
        return None
    path = companion_path(store_path, kind, key)
    remove_other_companions(path)
    return path


def open_kept(path: Path | None, table: str) -> sqlite3.Connection | None:
    """The connection of a kept file with ``table`` (a CREATE TABLE IF NOT EXISTS), in a transaction.

    None when there is no path or no usable file. A file that is not this user's own (or is
    damaged) is deleted and made anew; one that cannot be replaced is never read.
    """
    if path is None:
        return None
    for attempt in range(2):
        if path.exists() and (attempt or not is_private(path)):
            with contextlib.suppress(OSError):
                path.unlink()  # foreign or damaged: made anew (the folder is this user's)
        try:
            make_private_dir(path.parent)
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            if not is_private(path):  # could not be replaced (or its folder is not private): unused
                return None
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA synchronous=OFF")  # a cache: a torn file is an empty one
            db.execute(table)
            db.execute("BEGIN")
            return db
        except (OSError, sqlite3.Error):
            continue
    return None
