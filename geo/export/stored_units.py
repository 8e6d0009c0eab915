"""The units of the spliced exports (``geo.export.splice``), read from a Store without their text.

Each query gives, in the order the export writes them, the row id of every record of a
list, read from an index that holds both the order and the row id (no table row is
visited: at 10,000 articles a visit per record cost seconds), and handed over by SQLite
as one string of fixed-width hex numbers (a Python step per record, a million of them,
was the other cost to avoid). Only the records to render are read again, by row id.

A unit's key is its row id, its kind (source, mention, claim) and its contested flag.
A row's text never changes while it exists, so a key stands for the bytes, provided
(1) the row ids are this Store file's (``store_epoch``, in the index's basis: a Store
made anew numbers its rows again), and (2) rows of documents stored since the last
build, which may have taken the row ids of deleted rows, are always rendered
(``changed_rows``: documents whose stamp token differs from the index's, or that have
none).

The queries read the Store's connection directly: they belong to the export edge, and
the Store's module is part of the extraction version (editing it re-extracts every file).
"""

from __future__ import annotations

import json
import secrets
import sqlite3

import numpy as np

from geo.export import fragments
from geo.export.splice import DocTokens, OldFile, Render, doc_token
from geo.store import Store

__all__ = ["EMPTY", "Units", "changed_rows", "claim_units_by_place", "contested_links", "csv_counts_by_doc",
           "csv_render", "csv_units", "csv_units_of_doc", "doc_tokens", "docs_by_source", "geojson_claim_render",
           "mention_render", "mention_units_by_place", "place_counts", "place_units", "source_render", "source_units",
           "store_epoch", "touched_places", "turned_blocks", "unplaced_units", "unresolved_units"]

#: (keys, row ids) of a list's records, in file order.
Units = tuple[np.ndarray, np.ndarray]
#: The kind of record in a key's low bits (bit 2 is contested).
SOURCE, MENTION, CLAIM = 1, 2, 3
EMPTY: Units = (np.zeros(0, np.int64), np.zeros(0, np.int64))
_EPOCH = "splice-epoch"


def _db(store: Store) -> sqlite3.Connection:
    return store._db  # noqa: SLF001 - see the module docstring


def store_epoch(store: Store) -> str:
    """A random name of this Store file's row numbering, made once per file (kept in its ``meta``)."""
    db = _db(store)
    row = db.execute("SELECT value FROM meta WHERE key = ?", (_EPOCH,)).fetchone()
    if row is None:
        db.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", (_EPOCH, secrets.token_hex(16)))
        row = db.execute("SELECT value FROM meta WHERE key = ?", (_EPOCH,)).fetchone()
    return str(row[0])


def doc_tokens(store: Store) -> DocTokens:
    """Each stored document's row id and token (``splice.doc_token``; None without a stamp)."""
    rows = _db(store).execute("SELECT id, source, stamp FROM docs")
    return {doc: doc_token(source, stamp) for doc, source, stamp in rows}


def _rowids(store: Store, sql: str, params: tuple[object, ...] = ()) -> np.ndarray:
    """The ``rowid`` column of ``sql``, in its order, as an array (one string from SQLite).

    Decimal numbers joined by commas, parsed by numpy's C reader: formatting each row id
    as fixed-width hex with ``printf`` cost SQLite twice the time of the index walk
    itself (issue 14: 30 ms against 13 ms for 85,000 row ids).
    """
    (text,) = _db(store).execute(f"SELECT group_concat(rowid, ',') FROM ({sql})", params).fetchone()  # noqa: S608
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _keyed(rowids: np.ndarray, kind: int, contested: np.ndarray | None = None) -> Units:
    """Keys of ``rowids``; those in ``contested`` (sorted: ``contested_links``) marked in bit 2.

    Membership by a binary search in the sorted array: ``np.isin`` hashes or sorts both
    arrays again at each call, once per changed place (issue 14).
    """
    keys = (rowids << 3) | kind
    if contested is not None and len(contested) and len(rowids):
        at = np.minimum(np.searchsorted(contested, rowids), len(contested) - 1)
        keys |= (contested[at] == rowids).astype(np.int64) << 2
    return keys, rowids


def contested_links(store: Store) -> np.ndarray:
    """Row ids of the contested (claim, place) rows of ``links``, found through indexes only.

    Both spliced exports mark them: ``outputs`` reads them once and hands them to each.
    Sorted, for ``_keyed``'s binary search.

    CROSS JOIN fixes the order of the lookups: left to itself, SQLite scanned every row of
    ``links`` (six times slower at 10,000 articles).
    """
    pairs = store.fragments._pairs()  # noqa: SLF001 - the Store's (place, claim) lookup table
    return np.sort(_rowids(store, f"SELECT l.rowid AS rowid FROM {pairs} t "  # noqa: S608
                                  "CROSS JOIN claims c ON c.claim_id = t.claim_id "
                                  "CROSS JOIN links l ON l.place_id = t.place_id AND l.claim = c.id"))


def _by_place(store: Store, sql: str, counts_sql: str, kind: int, contested: np.ndarray | None) -> dict[str, Units]:
    """Units of every place in one query ordered by place; split by each place's count."""
    keys, rowids = _keyed(_rowids(store, sql), kind, contested)
    split, at = {}, 0
    for place_id, count in _db(store).execute(counts_sql):
        split[place_id] = (keys[at: at + count], rowids[at: at + count])
        at += count
    if at != len(keys):  # pragma: no cover - the two queries read one snapshot
        msg = "units out of step with their places"
        raise RuntimeError(msg)
    return split


def changed_rows(store: Store, docs: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row ids of the sources, mentions and claim rows of ``docs`` (documents stored anew): sorted."""
    ids = (json.dumps(docs),)
    return (np.sort(np.array(docs, dtype=np.int64)),
            np.sort(_rowids(store, "SELECT rowid FROM resolutions WHERE doc IN (SELECT value FROM json_each(?))",
                            ids)),
            np.sort(_rowids(store, "SELECT l.rowid AS rowid FROM claims c JOIN links l ON l.claim = c.id "
                                   "WHERE c.doc IN (SELECT value FROM json_each(?))", ids)))


def source_units(store: Store) -> Units:
    """The GeoJSON ``sources``: one line per document read, in source order."""
    return _keyed(_rowids(store, "SELECT id AS rowid FROM docs WHERE skip IS NULL ORDER BY source"), SOURCE)


def mention_units_by_place(store: Store) -> dict[str, Units]:
    """Each place's mention lines, in the order of ``geojson_mentions_at``."""
    return _by_place(
        store, "SELECT rowid FROM resolutions WHERE place_id IS NOT NULL ORDER BY place_id, source, start, seq",
        "SELECT place_id, COUNT(*) FROM resolutions WHERE place_id IS NOT NULL GROUP BY place_id ORDER BY place_id",
        MENTION, None)


def place_units(store: Store, place_id: str, contested: np.ndarray | None) -> tuple[Units, Units]:
    """One place's mention lines and claim lines, as ``mention_units_by_place`` and ``claim_units_by_place`` list them.

    Read through the same indexes from the place's first row: for the few places a
    rebuild changed, instead of every place's rows.
    """
    return (_keyed(_rowids(store, "SELECT rowid FROM resolutions WHERE place_id = ? ORDER BY source, start, seq",
                           (place_id,)), MENTION),
            _keyed(_rowids(store, "SELECT rowid FROM links WHERE place_id = ? ORDER BY flat_order", (place_id,)),
                   CLAIM, contested))


def place_counts(store: Store) -> dict[str, int]:
    """Each place's mention and claim lines together (counted through indexes: no row is visited)."""
    counts: dict[str, int] = {}
    for sql in ("SELECT place_id, COUNT(*) FROM resolutions WHERE place_id IS NOT NULL GROUP BY place_id",
                "SELECT place_id, COUNT(*) FROM links WHERE place_id IS NOT NULL GROUP BY place_id"):
        for place_id, count in _db(store).execute(sql):
            counts[place_id] = counts.get(place_id, 0) + count
    return counts


def touched_places(store: Store, docs: list[int]) -> set[str]:
    """The places that rows of ``docs`` (documents stored anew) are at: mentions and claims."""
    ids = (json.dumps(docs),)
    rows = _db(store).execute(
        "SELECT place_id FROM resolutions WHERE doc IN (SELECT value FROM json_each(?)) AND place_id IS NOT NULL "
        "UNION SELECT l.place_id FROM claims c JOIN links l ON l.claim = c.id "
        "WHERE c.doc IN (SELECT value FROM json_each(?)) AND l.place_id IS NOT NULL", ids * 2)
    return {place_id for (place_id,) in rows}


def unresolved_units(store: Store) -> Units:
    """The unresolved mention lines, in the order of ``geojson_unresolved``."""
    return _keyed(_rowids(store, "SELECT rowid FROM resolutions WHERE place_id IS NULL "
                                 "ORDER BY source, start, seq"), MENTION)


def claim_units_by_place(store: Store, contested: np.ndarray | None = None) -> dict[str, Units]:
    """Each place's claim lines, in the order of ``geojson_claims_at``, contested marked (``contested_links``)."""
    return _by_place(
        store, "SELECT rowid FROM links WHERE place_id IS NOT NULL ORDER BY place_id, flat_order",
        "SELECT place_id, COUNT(*) FROM links WHERE place_id IS NOT NULL GROUP BY place_id ORDER BY place_id",
        CLAIM, contested_links(store) if contested is None else contested)


def unplaced_units(store: Store) -> Units:
    """The unplaced claims' lines, in the order of ``geojson_unplaced`` (never contested)."""
    return _keyed(_rowids(store, "SELECT l.rowid AS rowid FROM links l JOIN claims c ON c.id = l.claim "
                                 "WHERE l.place_id IS NULL ORDER BY c.source, c.start, c.end_, c.kind, c.seq"),
                  CLAIM)


def csv_units(store: Store, contested: np.ndarray | None = None) -> Units:
    """The CSV records, in ``flat_order`` (the order of ``csv_lines``), contested marked (``contested_links``)."""
    return _keyed(_rowids(store, "SELECT rowid FROM links ORDER BY flat_order"), CLAIM,
                  contested_links(store) if contested is None else contested)


def docs_by_source(store: Store) -> np.ndarray:
    """Every stored document's row id in the order of their names: the CSV's order of documents.

    ``flat_order`` starts with the claim's source name and a NUL (``store._flat_order``),
    so the CSV holds each document's records as one run, documents in name order (read
    through the names' unique index: no row is visited).
    """
    return _rowids(store, "SELECT id AS rowid FROM docs ORDER BY source")


def csv_counts_by_doc(store: Store) -> dict[int, int]:
    """Each document's count of CSV records (documents with none left out), as counted when it was stored."""
    return dict(_db(store).execute("SELECT id, links FROM docs WHERE links > 0"))


def csv_units_of_doc(store: Store, doc: int, contested: np.ndarray | None) -> Units:
    """One document's CSV records, in ``flat_order``, contested marked: ``csv_units``' run of that document."""
    return _keyed(_rowids(store, "SELECT l.rowid AS rowid FROM claims c CROSS JOIN links l ON l.claim = c.id "
                                 "WHERE c.doc = ? ORDER BY l.flat_order", (doc,)), CLAIM, contested)


def turned_blocks(old: OldFile, contested: np.ndarray) -> set[str]:
    """The old file's blocks holding a claim line whose contested flag turned since (either way).

    A contested flag is the one part of a record that another document's rows decide
    (``records.contested_rivals``), so a block whose document or place did not change
    may still differ by it.
    """
    keys = old.keys
    was = keys[((keys & 3) == CLAIM) & (((keys >> 2) & 1) == 1)] >> 3
    turned = np.setxor1d(was, contested)
    if not len(turned):
        return set()
    asked = np.concatenate([(turned << 3) | CLAIM, (turned << 3) | 4 | CLAIM])
    at, found = old.locate(asked)
    return old.blocks_at(at[found])


def _render(store: Store, sql: str, turn: object = None) -> Render:
    """Render units by row id with ``sql`` (it takes a JSON array of row ids); a contested one through ``turn``."""
    def render(units: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        texts = dict(_db(store).execute(sql, (json.dumps(sorted({rowid for rowid, _ in units})),)))
        return {(rowid, contested): turn(texts[rowid]) if contested and callable(turn) else texts[rowid]
                for rowid, contested in units}
    return render


def source_render(store: Store) -> Render:
    """Render source lines by document row id."""
    return _render(store, "SELECT id, geojson FROM docs WHERE id IN (SELECT value FROM json_each(?))")


def mention_render(store: Store) -> Render:
    """Render mention lines (resolved or not) by resolution row id."""
    return _render(store, "SELECT rowid, geojson FROM resolutions WHERE rowid IN (SELECT value FROM json_each(?))")


def geojson_claim_render(store: Store) -> Render:
    """Render claim lines by link row id, contested ones turned (``as_contested_json``)."""
    return _render(store, "SELECT rowid, geojson FROM links WHERE rowid IN (SELECT value FROM json_each(?))",
                   fragments.as_contested_json)


def csv_render(store: Store, neutralise: object = None) -> Render:
    """Render CSV records by link row id, contested ones turned, then ``neutralise``d (text -> text)."""
    turned = _render(store, "SELECT rowid, csv FROM links WHERE rowid IN (SELECT value FROM json_each(?))",
                     fragments.as_contested_csv)
    if not callable(neutralise):
        return turned
    return lambda units: {unit: neutralise(text) for unit, text in turned(units).items()}
