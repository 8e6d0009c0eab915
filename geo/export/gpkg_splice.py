"""The GeoPackage's claims rows of unchanged documents, copied by SQLite from the last published file.

Why (issue 14): after adding one article to 10,000, ``geo build`` wrote the GeoPackage
whole, and 283,586 claim rows decoded in Python and bound one by one (about 50 µs a
row) were most of the rebuild's wall time. A document's rows follow from its stored
records alone, except the ``contested`` flag, so a rebuild copies the rows of every
unchanged document from the published file with ``INSERT … SELECT`` (C only, a range
of fids per run of documents) and decodes only the rows of documents stored since.

Why the bytes are those of a fresh build: both builds make a new file and append the
same rows with the same fids in the same order (claims by source, offsets, kind, id,
then place); only where a row's values come from differs. SQLite's pages follow from
that sequence of appends, not from the statement that made each one. ``contested`` is
computed anew for copied rows from the Store's contested pairs, as a rendered row gets
it; the point geometry is copied (it follows from the row's place, which the basis
fixes). A test compares the bytes after adding, changing and removing articles.

Which rows a document has: its claim rows are one block in the layer's order when each
of its claims has the document's own source (checked in the Store, ``doc_blocks``);
blocks follow the documents' source order. An **index** kept beside the published file
(``.geo-index-places.gpkg``, published with the set) lists each document's name, stamp
token (``splice.doc_token``), first fid and row count, with the file's size, its row
count and a **basis** (the code, the extractor and gazetteer versions, SQLite's): a
document is copied only if its token and row count are the same, and anything that
doubts the old file (another basis, another size, a foreign schema, a block whose first
or last row names another article, an SQLite error) makes the file be written whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.export import fragments
from geo.export.rows import CLAIM_COLUMNS
from geo.export.splice import doc_token, index_name

__all__ = ["INDEX", "Block", "GpkgCounts", "OldFileError", "OldGpkg", "Step", "attached", "contested_pairs",
           "doc_blocks", "fill_from_steps", "index_bytes", "plan_steps", "read_index", "render_doc_values"]

#: The index file of the GeoPackage, in the output folder.
INDEX = index_name("places.gpkg")
_FORMAT = "geo-gpkg-index 1"
#: Name of the attached old file in the writer's connection.
OLD_SCHEMA = "old_gpkg"
#: Rows of rendered documents decoded at a time.
_PAGE = 1000


class OldFileError(Exception):
    """The published GeoPackage cannot be trusted: write the file whole instead."""


@dataclass(frozen=True, slots=True)
class Block:
    """One document's claim rows, one block in the layer's order.

    doc     its row id in the Store (this build's)
    source  its file name, as the Store keeps it
    token   ``splice.doc_token`` of its name and stamp (None: never copied)
    rows    how many claim rows it has
    """

    doc: int
    source: bytes
    token: int | None
    rows: int


@dataclass(frozen=True, slots=True)
class OldGpkg:
    """The published GeoPackage and, per document, where its rows are.

    path    the published file (only read)
    rows    its claim rows
    blocks  (source, token) -> (first fid, rows)
    """

    path: Path
    rows: int
    blocks: dict[tuple[bytes, int], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Step:
    """A run of the new layer's rows, from ``first_fid`` on.

    old_first  copied from the old file's fids ``old_first …`` (None: rendered)
    docs       rendered: these documents' rows, in order
    """

    first_fid: int
    rows: int
    old_first: int | None = None
    docs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class GpkgCounts:
    """What one GeoPackage write did (the tests assert these, not times).

    copied_rows, rendered_rows  claim rows copied by SQLite from the old file, decoded in Python
    copies                      ranges copied (adjacent documents make one)
    """

    copied_rows: int = 0
    rendered_rows: int = 0
    copies: int = 0


def _db(store: object) -> sqlite3.Connection:
    return store._db  # type: ignore[attr-defined,no-any-return] # noqa: SLF001 - as geo.export.stored_units


def doc_blocks(store: object) -> list[Block] | None:
    """Each document with claim rows, in the layer's order; None when a document's rows are not one block.

    A claim stored under another source than its document's would sort among another
    document's rows; no extractor makes one today, but then nothing is copied.
    """
    db = _db(store)
    # both from the counts each document was stored with, through the index ``docs_rows``
    if db.execute("SELECT EXISTS (SELECT 1 FROM docs WHERE foreign_claims > 0)").fetchone()[0]:
        return None
    rows = db.execute("SELECT id, source, stamp, links FROM docs WHERE links > 0 ORDER BY source")
    return [Block(doc, bytes(source), doc_token(source, stamp), count) for doc, source, stamp, count in rows]


def plan_steps(blocks: Sequence[Block], old: OldGpkg | None) -> list[Step]:
    """The runs of the new layer: each document copied (same token and row count) or rendered.

    >>> a, b = Block(1, b"a.txt", 11, 2), Block(2, b"b.txt", 12, 3)
    >>> old = OldGpkg(Path("x"), 5, {(b"a.txt", 11): (1, 2), (b"b.txt", 99): (3, 3)})
    >>> plan_steps([a, b], old)
    [Step(first_fid=1, rows=2, old_first=1, docs=()), Step(first_fid=3, rows=3, old_first=None, docs=(2,))]
    """
    steps: list[Step] = []
    fid = 1
    for block in blocks:
        found = old.blocks.get((block.source, block.token)) if old and block.token is not None else None
        old_first = found[0] if found and found[1] == block.rows else None
        last = steps[-1] if steps else None
        if last and old_first is not None and last.old_first is not None and last.old_first + last.rows == old_first:
            steps[-1] = Step(last.first_fid, last.rows + block.rows, last.old_first)
        elif last and old_first is None and last.old_first is None:
            steps[-1] = Step(last.first_fid, last.rows + block.rows, None, (*last.docs, block.doc))
        else:
            steps.append(Step(fid, block.rows, old_first, () if old_first is not None else (block.doc,)))
        fid += block.rows
    return steps


def contested_pairs(store: object) -> list[tuple[str, str]]:
    """The Store's contested (place, claim) pairs: a copied row's ``contested`` flag."""
    return _db(store).execute("SELECT DISTINCT place_id, claim_id FROM contested").fetchall()


def render_doc_values(store: object, docs: Sequence[int]) -> Iterator[tuple[object, ...]]:
    """The claim rows of ``docs`` in the layer's order, as ``Fragments.claim_values`` gives them."""
    db = _db(store)
    contested_at = store.contested_at  # type: ignore[attr-defined]
    rows = db.execute("SELECT l.claim_id, l.place_id, l.row FROM links l JOIN claims c ON c.id = l.claim "
                      "WHERE c.doc IN (SELECT value FROM json_each(?)) ORDER BY l.flat_order",
                      (json.dumps(list(docs)),))
    while page := rows.fetchmany(_PAGE):
        decoded = json.loads("[" + ",".join(text for _, _, text in page) + "]")
        for (claim_id, place_id, _), values in zip(page, decoded, strict=True):
            contested = place_id is not None and claim_id in contested_at(place_id)
            yield fragments.as_contested_values(tuple(values)) if contested else tuple(values)


def index_bytes(basis: str, blocks: Sequence[Block], path: Path) -> bytes:
    """The index of a GeoPackage just written at ``path`` with ``blocks`` (their rows from fid 1 on)."""
    docs, fid = [], 1
    for block in blocks:
        if block.token is not None:
            docs.append([block.source.hex(), block.token, fid, block.rows])
        fid += block.rows
    head = {"format": _FORMAT, "basis": basis, "size": path.stat().st_size, "rows": fid - 1, "docs": docs}
    return json.dumps(head, separators=(",", ":")).encode()


def read_index(path: Path | None, index: Path | None, basis: str) -> OldGpkg | None:
    """The published GeoPackage with its index, if the index was written for it on this ``basis``; else None."""
    if path is None or index is None:
        return None
    try:
        head = json.loads(index.read_bytes())
        if not (isinstance(head, dict) and head.get("format") == _FORMAT and head.get("basis") == basis
                and head.get("size") == path.stat().st_size):
            return None
        blocks = {}
        for source, token, first, rows in head["docs"]:
            if not (type(token) is int and type(first) is int and type(rows) is int and first >= 1 and rows >= 1):
                return None
            blocks[(bytes.fromhex(source), token)] = (first, rows)
        rows = head["rows"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return OldGpkg(path, rows, blocks) if type(rows) is int else None


def _copy_sql() -> str:
    """Copy a fid range of the old claims, shifted, with ``contested`` from the Store's pairs."""
    names = [f'"{name}"' for name in CLAIM_COLUMNS]
    if CLAIM_COLUMNS and list(CLAIM_COLUMNS)[-1] != "contested":  # pragma: no cover - rows.py's order
        msg = "contested is no longer the last claim column"
        raise RuntimeError(msg)
    kept = ", ".join(f"o.{name}" for name in names[:-1])
    return (f'INSERT INTO main."claims" ("fid", "geom", {", ".join(names)}) '  # noqa: S608
            f"SELECT o.fid + ?, o.geom, {kept}, EXISTS (SELECT 1 FROM temp.gpkg_pairs p "
            f"WHERE p.place_id = o.place_id AND p.claim_id = o.claim_id) "
            f'FROM {OLD_SCHEMA}."claims" o WHERE o.fid BETWEEN ? AND ? ORDER BY o.fid')


@contextlib.contextmanager
def attached(db: sqlite3.Connection, old: OldGpkg, steps: Sequence[Step], blocks: Sequence[Block],
             pairs: Sequence[tuple[str, str]]) -> Iterator[None]:
    """Attach the old file read-only and check it; OldFileError when it is not the file its index describes,
    or when SQLite fails while it is attached.

    Called before the writing transaction (SQLite attaches outside one). Checks: its
    claims table has this version's columns, its last fid and feature count are the
    index's rows, and the first and last rows of every document to copy name that
    document's file. The Store's contested pairs go into a temporary table (not into the
    file) for the copies.
    """
    # read-only: a hot journal beside the published file is never rolled back into it from here
    # (the connection is opened with ``uri=True``, or SQLite would take this for a file name)
    uri = "file:" + urllib.parse.quote(os.fspath(old.path.resolve())) + "?mode=ro"
    try:
        db.execute(f"ATTACH DATABASE ? AS {OLD_SCHEMA}", (uri,))
    except sqlite3.Error as err:
        raise OldFileError(str(err)) from err
    try:
        with _temp_transaction(db):  # a transaction per row was most of the cost of these two tables
            _check_old(db, old, steps, blocks)
            db.execute("CREATE TEMP TABLE gpkg_pairs (place_id TEXT NOT NULL, claim_id TEXT NOT NULL, "
                       "PRIMARY KEY (place_id, claim_id)) WITHOUT ROWID")
            db.executemany("INSERT OR IGNORE INTO temp.gpkg_pairs VALUES (?, ?)", pairs)
        yield
    except sqlite3.Error as err:
        # A damaged or busy old file; a fault of the new file or its disk shows again when
        # the file is written whole, and is reported then.
        raise OldFileError(str(err)) from err
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute("DROP TABLE IF EXISTS temp.gpkg_pairs")
        with contextlib.suppress(sqlite3.Error):
            db.execute(f"DETACH DATABASE {OLD_SCHEMA}")


@contextlib.contextmanager
def _temp_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One transaction around work on temporary tables only (the new file is not touched)."""
    db.execute("BEGIN")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _check_old(db: sqlite3.Connection, old: OldGpkg, steps: Sequence[Step], blocks: Sequence[Block]) -> None:
    columns = [row[1] for row in db.execute(f'PRAGMA {OLD_SCHEMA}.table_info("claims")')]
    if columns != ["fid", "geom", *CLAIM_COLUMNS]:
        msg = "its claims layer has other columns"
        raise OldFileError(msg)
    last = db.execute(f'SELECT max(fid) FROM {OLD_SCHEMA}."claims"').fetchone()[0]  # noqa: S608
    count = db.execute(f"SELECT feature_count FROM {OLD_SCHEMA}.gpkg_ogr_contents "  # noqa: S608
                       "WHERE table_name = 'claims'").fetchone()
    if last != old.rows or count is None or count[0] != old.rows:
        msg = "its claims layer is not the one its index describes"
        raise OldFileError(msg)
    expected = []
    for block in blocks:
        found = old.blocks.get((block.source, block.token)) if block.token is not None else None
        if found and found[1] == block.rows:
            expected += [(found[0], block.source), (found[0] + found[1] - 1, block.source)]
    copied = sum(step.rows for step in steps if step.old_first is not None)
    if copied and not expected:  # pragma: no cover - plan_steps copies only what the index names
        msg = "rows to copy that the index does not name"
        raise OldFileError(msg)
    db.execute("CREATE TEMP TABLE gpkg_expect (fid INTEGER NOT NULL, source BLOB NOT NULL)")
    try:
        db.executemany("INSERT INTO temp.gpkg_expect VALUES (?, ?)", expected)
        wrong = db.execute(f"SELECT COUNT(*) FROM temp.gpkg_expect e LEFT JOIN {OLD_SCHEMA}.\"claims\" o "  # noqa: S608
                           "ON o.fid = e.fid WHERE o.fid IS NULL OR CAST(o.source_article AS BLOB) != e.source"
                           ).fetchone()[0]
    finally:
        db.execute("DROP TABLE temp.gpkg_expect")
    if wrong:
        msg = f"{wrong} of its rows are not where its index says"
        raise OldFileError(msg)


def fill_from_steps(db: sqlite3.Connection, steps: Sequence[Step],
                    insert: Callable[[Iterator[tuple[object, ...]], int], int],
                    render: Callable[[Sequence[int]], Iterator[tuple[object, ...]]]) -> GpkgCounts:
    """Append every step's rows in order: copied ranges by SQLite, rendered ones through ``insert``."""
    copy = _copy_sql()
    copied = rendered = copies = 0
    for step in steps:
        if step.old_first is None:
            done = insert(render(step.docs), step.first_fid)
            rendered += done
        else:
            done = db.execute(copy, (step.first_fid - step.old_first, step.old_first,
                                     step.old_first + step.rows - 1)).rowcount
            copied += done
            copies += 1
        if done != step.rows:
            msg = f"{done} claim rows where {step.rows} were planned"
            raise OldFileError(msg)
    return GpkgCounts(copied_rows=copied, rendered_rows=rendered, copies=copies)
