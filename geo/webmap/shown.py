"""The documents the map shows, each named by its stamp so that an unchanged one is not read.

Why (issue 14): writing the page after adding one article read every document's stored
entry (index and card: 110 MB at 10,000 articles), hashed its index to find its kept
pieces (``page.PieceCache``) and hashed its card to find its published shard
(``cards.CardShards``), though only one document was new. Under one Store version a
document's stamp stands for its records (``Store.records_key`` relies on the same), so
its entry is a function of its name and stamp: a digest of the three (:func:`doc_token`)
names the entry, and the entry itself is read only for a document whose pieces or shard
are not kept under that name.

The query reads the Store's connection directly, as ``geo.export.stored_units`` does:
it belongs to the map's edge, and the Store's module is part of the extraction version.
Records that are not a Store (a Build in memory), and a document stored without a stamp,
give no token: their entries are read, and keyed by their bytes, as before.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from geo.webmap.payload import doc_entries, split_entry

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer
    from geo.records import Records

__all__ = ["Shown", "doc_token", "shown_documents"]


def doc_token(version: str, source: bytes, stamp: str) -> bytes:
    """The name of a stored document's entry: a digest of the Store version, its file and its stamp."""
    return hashlib.blake2b(b"\0".join((version.encode(), bytes(source), stamp.encode("utf-8", "surrogatepass"))),
                           digest_size=16, person=b"geo-shown").digest()


class Shown:
    """One shown document: its token (None: none to trust), and its entry's halves, read once on demand."""

    __slots__ = ("_entry", "_load", "token")

    def __init__(self, token: bytes | None, load: Callable[[], str]) -> None:
        self.token = token
        self._load = load
        self._entry: tuple[str, str] | None = None

    def _halves(self) -> tuple[str, str]:
        if self._entry is None:
            self._entry = split_entry(self._load())
        return self._entry

    def index(self) -> str:
        """The entry's index half (``payload.split_entry``)."""
        return self._halves()[0]

    def card(self) -> str:
        """The entry's card half."""
        return self._halves()[1]

    def release(self) -> None:
        """Drop the entry read: the page has its row and the cards their text.

        The card shards may keep ``card`` to call at the end of the page (a shard is
        decided when all its documents are seen, ``cards.CardShards``): it then reads the
        entry again instead of every shown document's text staying in memory.
        """
        self._entry = None


def _stored_entry(db: sqlite3.Connection, source: bytes) -> str:
    """One document's stored entry, read by its file name."""
    return str(db.execute("SELECT map FROM docs WHERE source = ?", (source,)).fetchone()[0])


def shown_documents(records: Records, gazetteer: Gazetteer) -> Iterator[Shown]:
    """The documents the page shows, in page order (``payload.doc_entries``' order)."""
    db = getattr(records, "_db", None)
    version = getattr(records, "version", None)
    if db is None or not isinstance(version, str) or not hasattr(records, "map_documents"):
        for entry in doc_entries(records, gazetteer):
            yield Shown(None, lambda entry=entry: entry)  # type: ignore[misc]
        return
    rows = db.execute("SELECT source, stamp FROM docs WHERE skip IS NULL AND map IS NOT NULL ORDER BY source")
    for source, stamp in rows:
        # a partial, not a closure or a dataclass: made for every shown document
        yield Shown(None if stamp is None else doc_token(version, source, stamp),
                    functools.partial(_stored_entry, db, source))
