"""A corpus's extracted records in one SQLite file: flat memory, and rebuilds that re-read nothing.

Two problems of a large corpus meet here. Holding every claim and mention of 10,000
articles as Python objects makes a build's memory grow with the corpus; and re-reading,
re-hashing and re-loading 10,000 files to add one article makes a rebuild slow. The
Store answers both: each document's records go to disk as soon as they are extracted,
and the writers walk them back in order (``geo.records.Records``), one at a time. A
file whose stamp (size, mtime, inode, ctime) has not changed since the last build of
the same corpus with the same extractor is not read again at all.

SQLite orders the walks. Sources are stored as UTF-8 BLOBs (lone surrogates from
undecodable file names kept with ``surrogatepass``): byte order of UTF-8 is code point
order, so ``ORDER BY source`` is Python's string order and the walks give exactly the
order ``pipeline.assemble_build`` gives in memory. Records are kept as JSON data
(``geo._cache.to_data``), never pickled: the file sits in a cache folder that may be
shared, and loading it must not be able to run code (issue 13). The columns beside them
are what ordering, filtering and the conflict test need.

The file is a cache: any doubt (another schema, another extractor version, a damaged
file, any ``sqlite3.DatabaseError`` but a lock) and it is rebuilt from the corpus. One
build at a time holds a corpus's Store: a second one waits for the lock file beside it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import json
import operator
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from geo._cache import dumps, dumps_record, from_data, make_private_dir
from geo.export import fragments
from geo.export.rows import CLAIM_COLUMNS, claim_dict
from geo.gazetteer import Gazetteer
from geo.model import (
    Build,
    Claim,
    DocumentResult,
    Kind,
    Link,
    Mention,
    Place,
    Resolution,
    Skip,
    Source,
)
from geo.periods import Scope
from geo.records import Counts, UnresolvedMention, claim_scope, contested_rivals
from geo.webmap.payload import doc_entry_json

__all__ = ["Store", "document_result", "is_damage"]

#: Bump when the tables change: an older file is then dropped and rebuilt.
SCHEMA = 17
R = TypeVar("R")

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    source BLOB NOT NULL UNIQUE,
    stamp TEXT,
    published TEXT,
    skip TEXT,
    record TEXT,
    geojson TEXT,
    map TEXT,
    -- 0 when its claims' CSV and GeoPackage rows and its map entry are not made yet
    -- (``stored_document(flat=False)``: a GeoJSON export needs none of them);
    -- ``Store.render_missing`` makes them before a build or another export reads them.
    flat INTEGER NOT NULL DEFAULT 1,
    -- Its rows of ``links`` (its records in the CSV and the GeoPackage's claims layer) and
    -- its claims stored under another file's name, counted when it is stored: a rebuild's
    -- GeoPackage and CSV read them per document from ``docs_rows``, not by a join over
    -- every claim and link (issue 14: 250 ms of the GeoPackage's process at 10,000 articles)
    links INTEGER NOT NULL DEFAULT 0,
    foreign_claims INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    source BLOB NOT NULL,
    start INTEGER NOT NULL,
    end_ INTEGER NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    claimant TEXT,
    reported TEXT,
    low REAL,
    best REAL,
    high REAL,
    placed INTEGER NOT NULL,
    scope TEXT,
    record TEXT NOT NULL
);
-- One row per (claim, place), and one with a NULL place for an unplaced claim, each
-- with its export fragments (geo.export.fragments).
CREATE TABLE links (
    claim INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    place_id TEXT,
    link TEXT,
    geojson TEXT NOT NULL,
    csv TEXT,
    row TEXT,
    claim_id TEXT NOT NULL,
    flat_order BLOB NOT NULL,
    -- The conflict test's group of its claim (``_group_key``: kind and period), NULL for a
    -- claim no other is compared with (no figure, or a part of one or an increase on one).
    -- Kept per link, not per claim: the end of a walk finds a dirty group's members at a
    -- place through ``links_group`` in the time of the members it finds (from the group's
    -- claims at every place, a big group spread over many places was quadratic, issue 14)
    grp TEXT
);
CREATE TABLE resolutions (
    doc INTEGER NOT NULL,
    source BLOB NOT NULL,
    start INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    place_id TEXT,
    record TEXT NOT NULL,
    geojson TEXT NOT NULL
);
-- Claims whose figures conflict with another claimant's at the same place, and the claim
-- each disagrees with, kept up to date at the end of each walk for the groups of claims
-- compared with each other (a place, a kind and a period: ``claims.grp``) that a changed
-- document had a claim in (``dirty``).
CREATE TABLE contested (place_id TEXT NOT NULL, claim_id TEXT NOT NULL, rival TEXT NOT NULL);
CREATE TABLE dirty (place_id TEXT NOT NULL, grp TEXT NOT NULL, PRIMARY KEY (place_id, grp)) WITHOUT ROWID;
CREATE INDEX contested_place ON contested (place_id, claim_id);
CREATE INDEX claims_order ON claims (source, start, end_, kind, seq);
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_id ON claims (claim_id);
-- The totals (``Store.counts``) and the sources' list count and walk these small indexes,
-- not the tables' rows with their rendered text (issue 14: 90 ms of each rebuild at
-- 10,000 articles with the pages in memory, two seconds without).
CREATE INDEX docs_listed ON docs (skip, source);
CREATE INDEX docs_rows ON docs (source, stamp, links, foreign_claims);
CREATE INDEX claims_placed ON claims (placed);
CREATE INDEX links_place ON links (place_id, claim);
CREATE INDEX links_group ON links (place_id, grp);
CREATE INDEX links_claim ON links (claim);
CREATE INDEX links_flat ON links (flat_order);
CREATE INDEX links_place_flat ON links (place_id, flat_order);
CREATE INDEX resolutions_order ON resolutions (source, start, seq);
CREATE INDEX resolutions_place ON resolutions (place_id, source, start, seq);
CREATE INDEX resolutions_doc ON resolutions (doc);
"""

_CLAIM_ORDER = "c.source, c.start, c.end_, c.kind, c.seq"
#: What ``_rivals_of`` reads of the claims tied to places (``links l``): those of dirty
#: groups (all have a number), in claim order (the first of equal bounds is the rival, as in memory).
_SUMMARY_COLUMNS = "c.claim_id, c.claimant, c.kind, c.reported, c.low, c.best, c.high, c.source, c.scope"
#: Mark the groups (place, ``links.grp``) a document's claims are in as dirty: their
#: contested rows are found again at the end of the walk.
_MARK_DIRTY = ("INSERT OR IGNORE INTO dirty SELECT DISTINCT l.place_id, l.grp FROM claims c "
               "CROSS JOIN links l ON l.claim = c.id WHERE c.doc = ? AND l.grp IS NOT NULL "
               "AND l.place_id IS NOT NULL")


class _FigureBounds(NamedTuple):
    low: float | None
    best: float | None
    high: float | None


class _ClaimSummary(NamedTuple):
    """What the conflict test reads of a claim, without decoding the claim (its scope was kept)."""

    claim_id: str
    claimant: str | None
    kind: Kind
    reported: str | None
    figure: _FigureBounds
    source: str
    scope: Scope


def _rivals_of(rows: Iterable[tuple[Any, ...]]) -> dict[str, str]:
    """``contested_rivals`` of one place's ``_SUMMARY_COLUMNS`` rows (no record decoded)."""
    return contested_rivals(
        (_ClaimSummary(cid, who, Kind(kind), reported, _FigureBounds(lo, best, hi),
                       bytes(source).decode("utf-8", "surrogatepass"), Scope(scope))
         for cid, who, kind, reported, lo, best, hi, source, scope in rows),
        scope=operator.attrgetter("scope"))


def _field_at(record: type, name: str) -> int:
    return [field.name for field in dataclasses.fields(record)].index(name)


#: Where a Source's sha256 sits in its record (``to_data`` writes a record's fields in order).
_SHA256_PATH = f"$[{_field_at(Source, 'sha256')}]"
#: Where the fields ``UnresolvedMention`` reads sit in a stored Resolution.
_MENTION_PATH = f"$[{_field_at(Resolution, 'mention')}]"
_UNRESOLVED_PATHS = (f"{_MENTION_PATH}[{_field_at(Mention, 'source')}]",
                     f"{_MENTION_PATH}[{_field_at(Mention, 'lemma')}]",
                     f"{_MENTION_PATH}[{_field_at(Mention, 'candidates')}]",
                     f"$[{_field_at(Resolution, 'reason')}]")


def _blob(source: str) -> bytes:
    return source.encode("utf-8", "surrogatepass")


def _encode(record: object) -> str:
    return dumps_record(record)


def _decode(kind: type[R], text: str) -> R:
    return from_data(kind, json.loads(text))


def is_damage(err: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged (rebuild it), not busy or full (wait, report)."""
    return isinstance(err, sqlite3.DatabaseError) and not isinstance(err, sqlite3.OperationalError)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One document's rows as the Store keeps them, made where the document was extracted.

    Rendering the export fragments and encoding the records is as costly as a third of
    the extraction; done in the worker that extracted the document, it runs in parallel,
    and the main process only inserts rows.

    source       the file
    published    its publication date (for the build date)
    record       the ``Source`` as JSON (``geo._cache.to_data``)
    geojson      its line in the GeoJSON ``sources``
    resolutions  rows of the ``resolutions`` table, without the document id
    claims       (row of the ``claims`` table, rows of its ``links``), without the ids
    map          its entry of the map's ``docs`` (``geo.webmap.payload.doc_entry_json``),
                 None when the map shows nothing of it
    flat         whether the links' CSV and GeoPackage rows and ``map`` were made (else
                 they are None, made by ``Store.render_missing`` when an output needs them)
    """

    source: str
    published: str | None
    record: str
    geojson: str
    resolutions: tuple[tuple[object, ...], ...]
    claims: tuple[tuple[tuple[object, ...], tuple[tuple[object, ...], ...]], ...]
    map: str | None = None
    flat: bool = True


def stored_document(result: DocumentResult, gazetteer: Gazetteer, *, flat: bool = True) -> StoredDocument:
    """Render one document's records, export fragments and map entry as Store rows (pure).

    With ``flat`` false only the records and the GeoJSON lines are made: the CSV and
    GeoPackage rows and the map entry were a third of the rendering, and a GeoJSON
    export (or ``geo eval``) reads none of them (issue 14: "render only the outputs that
    were asked for"). ``Store.render_missing`` makes them from the records if a later
    build asks.
    """
    meta = result.meta
    places = gazetteer.places
    blob = _blob(meta.source)
    resolutions = tuple(
        (_blob(r.mention.source), r.mention.start, seq, r.place_id, _encode(r), fragments.resolution_json(r))
        for seq, r in enumerate(result.resolutions))
    claims = []
    # each claim's fields as every export writes them, made once for the exports and the map
    fields = [claim_dict(claim, link=None) for claim in result.claims]
    for seq, claim in enumerate(result.claims):
        figure = claim.figure
        bounds = (figure.low, figure.best, figure.high) if figure else (None, None, None)
        # the conflict test's costliest part, read here (in the worker) once, not per walk and place
        # (``_value_``: an enum member's own attribute, not the slower ``value`` property)
        scope = claim_scope(claim)._value_ if bounds != (None, None, None) else None
        own = claim.source == meta.source
        source = blob if own else _blob(claim.source)
        row = (source, claim.start, claim.end, claim.kind._value_, seq,
               claim.claim_id, claim.claimant, claim.reported, *bounds, int(bool(claim.places)),
               scope, _encode(claim))
        ties = _ties(claim)
        texts: list[tuple[str, str | None, str | None]]
        if flat:
            texts = _flat_texts(claim, meta if own else None, fields[seq], ties, places)
        else:
            line = fragments.claim_line_parts(claim, fields=fields[seq])
            texts = [(fragments.claim_line_at(*line, link), None, None) for _, link in ties]
        head = _flat_head(claim)
        group = _group_key(row[3], scope, claim.reported, source)
        links = tuple(
            (i, place_id, link._value_ if link else None, *text, claim.claim_id,
             _flat_order(head, place_id, link), group)
            for i, ((place_id, link), text) in enumerate(zip(ties, texts, strict=True)))
        claims.append((row, links))
    return StoredDocument(source=meta.source, published=meta.published, record=_encode(meta),
                          geojson=fragments.source_json(meta), resolutions=resolutions,
                          claims=tuple(claims), flat=flat,
                          map=doc_entry_json(meta, result.claims, result.resolutions, gazetteer, fields=fields)
                          if flat else None)


def _ties(claim: Claim) -> list[tuple[str | None, Link | None]]:
    """A claim's (place id, link) pairs, one row each; an unplaced claim's one row has neither."""
    return [(pl.place_id, pl.link) for pl in claim.places] or [(None, None)]


def _flat_texts(claim: Claim, source: Source | None, fields: Mapping[str, object],
                ties: list[tuple[str | None, Link | None]], places: Mapping[str, Place],
                ) -> list[tuple[str, str | None, str | None]]:
    """The GeoJSON line, CSV line and GeoPackage row of the claim at each of its ``ties``."""
    rendered = fragments.render_claim(claim, source, fields=fields)
    return [fragments.claim_fragments_at(rendered, places[place_id] if place_id is not None else None, link)
            for place_id, link in ties]


def _flat_parts(result: DocumentResult, gazetteer: Gazetteer,
                ) -> tuple[list[list[tuple[str, str | None, str | None]]], str | None]:
    """What ``stored_document(flat=False)`` leaves out: each claim's ``_flat_texts`` and the map entry."""
    meta = result.meta
    fields = [claim_dict(claim, link=None) for claim in result.claims]
    texts = [_flat_texts(claim, meta if claim.source == meta.source else None, claim_fields, _ties(claim),
                         gazetteer.places)
             for claim, claim_fields in zip(result.claims, fields, strict=True)]
    return texts, doc_entry_json(meta, result.claims, result.resolutions, gazetteer, fields=fields)


def document_result(stored: StoredDocument) -> DocumentResult:
    """The records a ``StoredDocument`` was rendered from (what the result cache keeps)."""
    return DocumentResult(
        meta=_decode(Source, stored.record),
        resolutions=tuple(_decode(Resolution, row[4]) for row in stored.resolutions),  # type: ignore[arg-type]
        claims=tuple(_decode(Claim, row[-1]) for row, _ in stored.claims))  # type: ignore[arg-type]


#: Scopes whose figures are compared with no other claim's (``records._period``).
_UNCOMPARED = frozenset({None, Scope.PART._value_, Scope.CHANGE._value_})


def _group_key(kind: str, scope: str | None, reported: str | None, source: bytes) -> str | None:
    r"""The claims a claim's figure is compared with (``records._period`` and its kind), as text.

    None for a claim compared with none: no figure (no scope read), a part of a figure or
    an increase on one. Made where the claim is rendered, in the worker: an SQL expression
    over the inserted rows, copied to each link by an UPDATE, cost the main process a
    sixth of its inserts (issue 14). Dated claims meet by date, undated ones only within
    their article (its name in upper-case hex, as SQLite's ``hex``).

    >>> _group_key("killed", "day", "2024-08-12", b"a.txt"), _group_key("killed", "total", None, b"a")
    ('killed\x1fday\x1fd2024-08-12', 'killed\x1ftotal\x1fa61')
    >>> _group_key("killed", "part", "2024-08-12", b"a.txt") is None
    True
    """
    if scope in _UNCOMPARED:
        return None
    return f"{kind}\x1f{scope}\x1f" + (f"d{reported}" if reported else f"a{source.hex().upper()}")


def _flat_head(claim: Claim) -> bytes:
    """The claim's part of ``_flat_order``, the same for each of its rows."""
    return b"".join((_blob(claim.source), b"\x00", claim.start.to_bytes(8, "big"), claim.end.to_bytes(8, "big"),
                     claim.kind._value_.encode(), b"\x00", claim.claim_id.encode(), b"\x00"))


def _flat_order(head: bytes, place_id: str | None, link: Link | None) -> bytes:
    """A key whose byte order is the order of the flat rows (CSV, GeoPackage), for an index.

    Claims by (source, start, end, kind, id) (``_flat_head``), then place id (an
    unplaced claim's single row first), then link. Text parts end with NUL, which no
    part contains and which sorts before every other byte, so "a" comes before "a b" as
    in Python; offsets are fixed-width big-endian.
    """
    return b"".join((head, (place_id or "").encode(), b"\x00", (link._value_ if link else "").encode(), b"\x00"))


class Store:
    """The records of one corpus, on disk; a ``geo.records.Records`` for every writer.

    Parameters
    ----------
    path
        The SQLite file; None for a temporary one, removed by ``close``.
    corpus
        The corpus's display name.
    gazetteer
        Where place records come from.
    version
        The extractor version: a file made by another version is emptied first.
    exclusive
        Hold the corpus's lock file (``<path>.lock``) while open, waiting for another
        build that holds it; False for a reader inside the same build (the GeoPackage
        writer's process).
    on_wait
        Called once when another build holds the lock, before waiting for it.
    root
        The corpus folder (or file) the sources are relative to: the map's reader view
        reads each article's text from there again (the Store keeps no text).

    ``built`` and ``attribution`` are set by whoever ends the walk (``geo.parallel``).
    ``compared`` counts the claims (one per place) the last walk's end set against each
    other in the conflict test (what the tests assert).
    """

    def __init__(self, path: Path | None, *, corpus: str, gazetteer: Gazetteer, version: str,
                 exclusive: bool = True, on_wait: Callable[[], None] | None = None,
                 root: Path | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="geo-store-") if path is None else None
        self.path = Path(self._tmp.name) / "records.sqlite" if self._tmp else Path(path)  # type: ignore[arg-type]
        make_private_dir(self.path.parent)
        self._lock = _hold_lock(self.path, on_wait or _say_waiting) if exclusive and self._tmp is None else None
        self.corpus = corpus
        self.root = root
        self.gazetteer = gazetteer
        self.version = version
        self.built = "undated"
        self.attribution: tuple[str, ...] = ()
        self._contested: dict[str, frozenset[str]] = {}
        self._rivals: dict[str, dict[str, str]] = {}
        self._places: tuple[Place, ...] | None = None
        self._counts: dict[str, tuple[int, int]] | None = None
        self._totals: Counts | None = None
        self._next_claim = 1
        self.compared = 0
        try:
            self._db = self._open()
        except BaseException:
            self._release()
            raise
        self._stored = _Merge(self._db)
        self.fragments = _StoredFragments(self)

    # --- opening --------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            if self._meta(db, "schema") == str(SCHEMA) and self._meta(db, "version") == self.version:
                return db
            db.close()
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise
            # damaged or not a database: start again
        return self._create()

    def _create(self) -> sqlite3.Connection:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        db = self._connect()
        with db:
            db.executescript(_TABLES)
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("schema", str(SCHEMA)), ("version", self.version)])
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        # A cache: a crash may cost the file (it is then rebuilt), never the outputs.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-16000")  # 16 MB of pages, whatever the corpus
        return db

    @staticmethod
    def _meta(db: sqlite3.Connection, key: str) -> str | None:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    def reset(self) -> None:
        """Empty the Store: drop the file and start a new one (after ``is_damage`` errors)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._db = self._create()
        self._stored = _Merge(self._db)
        self.fragments = _StoredFragments(self)
        self._contested.clear()
        self._rivals.clear()
        self._places = None
        self._counts = None
        self._totals = None

    def discard(self) -> None:
        """Close and delete the file, so that the next build starts afresh (it is a cache)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        """Close the file and release the corpus's lock; a temporary store is deleted."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._release()
        if self._tmp is not None:
            self._tmp.cleanup()

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor drops the flock
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- filling: one walk of the corpus ---------------------------------------------------

    def begin_walk(self) -> None:
        """Start a walk of the corpus, in source order: files it does not name are forgotten."""
        self._db.execute("BEGIN")
        self._next_claim = int(self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM claims").fetchone()[0])
        self._contested.clear()
        self._rivals.clear()
        self._places = None
        self._counts = None
        self._totals = None
        self._stored = _Merge(self._db)
        self.fragments = _StoredFragments(self)

    def unchanged(self, source: str, stamp: str | None) -> bool:
        """Whether ``source`` is stored with this stamp (asked for every entry, in source order).

        The corpus listing and the stored files are both in source order, so they are
        merged as two sorted lists: no query per file, and only a page of stored names in
        memory. A stored file the walk passes over is gone from the corpus.
        """
        stored = self._stored.advance(_blob(source))  # every entry moves the merge on
        return stamp is not None and stored == stamp

    def _replace_doc(self, source: str, stamp: str | None, *, published: str | None = None,
                     skip: str | None = None, record: bytes | None = None,
                     geojson: str | None = None, map_entry: str | None = None, flat: bool = True,
                     links: int = 0, foreign_claims: int = 0) -> int:
        blob = _blob(source)
        old = self._db.execute("SELECT id FROM docs WHERE source = ?", (blob,)).fetchone()
        if old is not None:
            self._delete_doc(old[0])
        cursor = self._db.execute(
            "INSERT INTO docs (source, stamp, published, skip, record, geojson, map, flat, links, foreign_claims) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (blob, stamp, published, skip, record, geojson, map_entry, int(flat), links, foreign_claims))
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def put_skip(self, skip: Skip, stamp: str | None = None) -> None:
        """Record a file that is not used, and why."""
        self._replace_doc(skip.source, stamp, skip=skip.reason)

    def put(self, stored: StoredDocument, stamp: str | None = None) -> None:
        """Record one document's rows, replacing what the file held before."""
        blob = _blob(stored.source)
        doc = self._replace_doc(stored.source, stamp, published=stored.published,
                                record=stored.record, geojson=stored.geojson, map_entry=stored.map,
                                flat=stored.flat, links=sum(len(links) for _, links in stored.claims),
                                foreign_claims=sum(claim[0] != blob for claim, _ in stored.claims))
        self._db.executemany("INSERT INTO resolutions VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [(doc, *row) for row in stored.resolutions])
        # Ids given here, so that a document's claims and links go in one statement each
        # (the main process inserts while the workers extract: its time is theirs).
        claim_rows, link_rows = [], []
        for claim, links in stored.claims:
            claim_id = self._next_claim
            self._next_claim += 1
            claim_rows.append((claim_id, doc, *claim))
            link_rows += [(claim_id, *link) for link in links]
        self._db.executemany(
            "INSERT INTO claims (id, doc, source, start, end_, kind, seq, claim_id, claimant, "
            "reported, low, best, high, placed, scope, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            claim_rows)
        self._db.executemany("INSERT INTO links (claim, seq, place_id, link, geojson, csv, row, claim_id, "
                             "flat_order, grp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", link_rows)
        # _MARK_DIRTY's pairs, from the rows at hand rather than a join over what was just inserted
        self._db.executemany("INSERT OR IGNORE INTO dirty VALUES (?, ?)",
                             sorted({(row[2], row[-1]) for row in link_rows
                                     if row[2] is not None and row[-1] is not None}))

    def _delete_doc(self, doc: int) -> None:
        self._db.execute(_MARK_DIRTY, (doc,))
        # its claims' own contested rows (their groups, now dirty, no longer list them)
        self._db.execute("DELETE FROM contested WHERE rowid IN (SELECT t.rowid FROM claims c "
                         "CROSS JOIN links l ON l.claim = c.id CROSS JOIN contested t "
                         "ON t.place_id = l.place_id AND t.claim_id = c.claim_id WHERE c.doc = ?)", (doc,))
        self._db.execute("DELETE FROM links WHERE claim IN (SELECT id FROM claims WHERE doc = ?)", (doc,))
        self._db.execute("DELETE FROM claims WHERE doc = ?", (doc,))
        self._db.execute("DELETE FROM resolutions WHERE doc = ?", (doc,))
        self._db.execute("DELETE FROM docs WHERE id = ?", (doc,))

    def end_walk(self) -> None:
        """Forget the files this walk did not name, and commit."""
        for doc in self._stored.finish():
            self._delete_doc(doc)
        # The members of every dirty group in one query, grouped by place: a query per place
        # cost more than the conflict test itself, and a whole place's claims (the oblast's:
        # a third of every claim) were most of a rebuild's walk (issue 14). Groups do not
        # meet in the test, so a place's other groups keep their rows.
        self._db.execute("DELETE FROM contested WHERE rowid IN (SELECT t.rowid FROM dirty d "
                         "CROSS JOIN links l ON l.place_id = d.place_id AND l.grp = d.grp CROSS JOIN contested t "
                         "ON t.place_id = d.place_id AND t.claim_id = l.claim_id)")
        rows = self._db.execute(f"SELECT l.place_id, {_SUMMARY_COLUMNS} FROM dirty d "  # noqa: S608
                                "CROSS JOIN links l ON l.place_id = d.place_id AND l.grp = d.grp "
                                "CROSS JOIN claims c ON c.id = l.claim "
                                "ORDER BY l.place_id, l.claim").fetchall()  # the dirty groups' only: few
        self.compared = len(rows)
        # each with the claim it disagrees with: the map reads them, it does not find them again
        contested = [(place_id, claim_id, rival)
                     for place_id, group in itertools.groupby(rows, key=operator.itemgetter(0))
                     for claim_id, rival in sorted(_rivals_of(row[1:] for row in group).items())]
        self._db.executemany("INSERT INTO contested VALUES (?, ?, ?)", contested)
        self._db.execute("DELETE FROM dirty")
        self._db.execute("COMMIT")
        self._totals = None  # files forgotten above

    def render_missing(self) -> int:
        """Make the CSV and GeoPackage rows and the map entries of the documents stored without
        them (``stored_document(flat=False)``), from their stored records; return how many.

        The records decode to the records they were made of (the result cache relies on
        the same), so the rows are those an extraction with ``flat`` would have stored.
        """
        docs = self._db.execute("SELECT id, record FROM docs WHERE flat = 0 AND skip IS NULL").fetchall()
        if not docs:
            return 0
        self._db.execute("BEGIN")
        try:
            for doc, record in docs:
                claims = self._db.execute("SELECT id, record FROM claims WHERE doc = ? ORDER BY seq",
                                          (doc,)).fetchall()
                resolutions = self._db.execute("SELECT record FROM resolutions WHERE doc = ? ORDER BY seq",
                                               (doc,)).fetchall()
                texts, map_entry = _flat_parts(DocumentResult(
                    meta=_decode(Source, record),
                    resolutions=tuple(_decode(Resolution, text) for text, in resolutions),
                    claims=tuple(_decode(Claim, text) for _, text in claims)), self.gazetteer)
                self._db.executemany(
                    "UPDATE links SET csv = ?, row = ? WHERE claim = ? AND seq = ?",
                    [(csv, row, claim, seq) for (claim, _), ties in zip(claims, texts, strict=True)
                     for seq, (_, csv, row) in enumerate(ties)])
                self._db.execute("UPDATE docs SET map = ?, flat = 1 WHERE id = ?", (map_entry, doc))
            self._db.execute("COMMIT")
        except BaseException:
            self.abort_walk()
            raise
        return len(docs)

    def abort_walk(self) -> None:
        """Undo an unfinished walk (an error or an interrupt): the file stays as it was."""
        with contextlib.suppress(sqlite3.OperationalError):
            self._db.execute("ROLLBACK")

    def published_dates(self) -> Iterator[str]:
        """The publication dates of the documents (for ``pipeline.build_date``)."""
        rows = self._db.execute("SELECT published FROM docs WHERE published IS NOT NULL")
        return (row[0] for row in rows)

    # --- reading: geo.records.Records -------------------------------------------------------

    @property
    def gazetteer_version(self) -> str:
        return self.gazetteer.version

    @property
    def places(self) -> tuple[Place, ...]:
        if self._places is None:  # the places counted: a UNION of the two columns cost twice the counts
            self._places = tuple(self.gazetteer.places[pid] for pid in sorted(self._place_counts()))
        return self._places

    def _count(self, sql: str) -> int:
        return int(self._db.execute(sql).fetchone()[0])

    @property
    def counts(self) -> Counts:
        """The totals, counted once per walk (the summary, the map's header and the ``about`` table ask)."""
        if self._totals is None:
            self._totals = Counts(
                sources=self._count("SELECT COUNT(*) FROM docs WHERE skip IS NULL"),
                skips=self._count("SELECT COUNT(*) FROM docs WHERE skip IS NOT NULL"),
                claims=self._count("SELECT COUNT(*) FROM claims"),
                unplaced_claims=self._count("SELECT COUNT(*) FROM claims WHERE placed = 0"),
                resolutions=self._count("SELECT COUNT(*) FROM resolutions"),
                unresolved=self._count("SELECT COUNT(*) FROM resolutions WHERE place_id IS NULL"),
            )
        return self._totals

    def _records(self, kind: type[R], sql: str, params: tuple[object, ...] = ()) -> Iterator[R]:
        # A cursor of its own per walk: walks nest (a place's claims inside the features).
        return (_decode(kind, row[0]) for row in self._db.execute(sql, params))

    def iter_sources(self) -> Iterator[Source]:
        return self._records(Source, "SELECT record FROM docs WHERE skip IS NULL ORDER BY source")

    def iter_skips(self) -> Iterator[Skip]:
        rows = self._db.execute("SELECT source, skip FROM docs WHERE skip IS NOT NULL ORDER BY source, skip")
        return (Skip(source=bytes(s).decode("utf-8", "surrogatepass"), reason=r) for s, r in rows)

    def iter_claims(self) -> Iterator[Claim]:
        return self._records(Claim, f"SELECT record FROM claims c ORDER BY {_CLAIM_ORDER}")  # noqa: S608

    def iter_unplaced_claims(self) -> Iterator[Claim]:
        return self._records(
            Claim, f"SELECT record FROM claims c WHERE placed = 0 ORDER BY {_CLAIM_ORDER}")  # noqa: S608

    def iter_resolutions(self) -> Iterator[Resolution]:
        return self._records(Resolution, "SELECT record FROM resolutions ORDER BY source, start, seq")

    def iter_unresolved(self) -> Iterator[Resolution]:
        return self._records(
            Resolution, "SELECT record FROM resolutions WHERE place_id IS NULL ORDER BY source, start, seq")

    def iter_unresolved_names(self) -> Iterator[UnresolvedMention]:
        rows = self._db.execute(
            "SELECT json_extract(record, ?), json_extract(record, ?), json_extract(record, ?), "
            "json_extract(record, ?) FROM resolutions WHERE place_id IS NULL ORDER BY source, start, seq",
            _UNRESOLVED_PATHS)
        return (UnresolvedMention(source, lemma, tuple(json.loads(candidates)), reason)
                for source, lemma, candidates, reason in rows)

    def mentions_at(self, place_id: str) -> Iterator[Resolution]:
        return self._records(
            Resolution, "SELECT record FROM resolutions WHERE place_id = ? ORDER BY source, start, seq",
            (place_id,))

    def claims_at(self, place_id: str) -> Iterator[tuple[Claim, Link]]:
        rows = self._db.execute(
            f"SELECT c.record, l.link FROM links l JOIN claims c ON c.id = l.claim "  # noqa: S608
            f"WHERE l.place_id = ? ORDER BY {_CLAIM_ORDER}, l.seq", (place_id,))
        return ((_decode(Claim, record), Link(link)) for record, link in rows)

    def rivals_at(self, place_id: str) -> dict[str, str]:
        """Each contested claim of a place and the claim it disagrees with, as the walk stored them.

        Stored, not found again: finding them reads every figure of the place, and the
        map asks for every place (the oblast's 3,000 contested claims were most of a
        map of 10,000 articles, issue 14).
        """
        if not self._contested:
            self._read_contested()
        return dict(self._rivals.get(place_id, {}))

    def contested_at(self, place_id: str) -> frozenset[str]:
        if not self._contested:  # asked for every claim row: the check stays inline
            self._read_contested()
        return self._contested.get(place_id, frozenset())

    def _read_contested(self) -> None:
        """Read the contested table once for every place: only contested claims are stored.

        One query, not one per contested place: the map asks every place for its rivals
        and the GeoPackage every claim row whether it is contested (issue 14).
        """
        rivals: dict[str, dict[str, str]] = {}
        for pid, claim_id, rival in self._db.execute(
                "SELECT place_id, claim_id, rival FROM contested ORDER BY place_id, claim_id"):
            rivals.setdefault(pid, {})[claim_id] = rival
        self._rivals = rivals
        self._contested = {pid: frozenset(ids) for pid, ids in rivals.items()}
        self._contested[""] = frozenset()  # marks the table as read, also when it is empty

    def count_at(self, place_id: str) -> tuple[int, int]:
        return self._place_counts().get(place_id, (0, 0))

    def _place_counts(self) -> dict[str, tuple[int, int]]:
        """Resolved mentions and claims of every place that has one: two grouped queries, not two per place.

        Each reads its table's covering index by place; ``places`` is their keys (issue 14).
        """
        if self._counts is None:
            mentions = dict(self._db.execute(
                "SELECT place_id, COUNT(*) FROM resolutions WHERE place_id IS NOT NULL GROUP BY place_id"))
            claims = dict(self._db.execute(
                "SELECT place_id, COUNT(*) FROM links WHERE place_id IS NOT NULL GROUP BY place_id"))
            self._counts = {pid: (mentions.get(pid, 0), claims.get(pid, 0)) for pid in {*mentions, *claims}}
        return self._counts

    def map_documents(self) -> Iterator[str]:
        """Each document's map entry as rendered at extraction, in source order (``geo.webmap``).

        Documents the map shows nothing of have none and are left out.
        """
        rows = self._db.execute(
            "SELECT map FROM docs WHERE skip IS NULL AND map IS NOT NULL ORDER BY source")
        return (row[0] for row in rows)

    def shown_articles(self) -> Iterator[tuple[str, str]]:
        """(source, sha256) of each document the map shows, in page order (``geo.webmap.articles``).

        The documents of ``map_documents``, without reading their entries: a rebuild
        decides which text shards changed from the names and digests alone.
        """
        rows = self._db.execute(
            "SELECT source, json_extract(record, ?) FROM docs WHERE skip IS NULL AND map IS NOT NULL "
            "ORDER BY source", (_SHA256_PATH,))
        return ((bytes(source).decode("utf-8", "surrogatepass"), sha256) for source, sha256 in rows)

    def records_key(self) -> str | None:
        """A hash of everything the outputs are made of, or None when it cannot be told.

        Each document's name, stamp, skip reason and sha256, with the extractor version,
        the corpus name, the build date and the attribution: under one version a stamp
        stands for the file's bytes and its corrections, and the sha256 for its text, so
        equal keys mean equal records (``geo.manifest`` links an output written under the
        same key instead of writing it). A document stored without a stamp may have
        changed unseen: then there is no key, and every output is written.

        SQLite lists the facts in one query: encoding each document's whole record in
        Python was the largest part of a 10,000-article rebuild's own work after the map
        (issue 14). Hex, so no field can hold the separators.
        """
        if self._db.execute("SELECT 1 FROM docs WHERE stamp IS NULL AND skip IS NULL LIMIT 1").fetchone():
            return None
        (listing,) = self._db.execute(
            "SELECT group_concat(line, char(10)) FROM (SELECT hex(source) || '|' || ifnull(hex(stamp), '-') || '|' "
            "|| ifnull(hex(skip), '-') || '|' || ifnull(hex(json_extract(record, ?)), '-') AS line "
            "FROM docs ORDER BY source)",
            (_SHA256_PATH,)).fetchone()
        digest = hashlib.sha256(dumps([self.version, self.corpus, self.built, list(self.attribution)])
                                .encode("utf-8", "surrogatepass"))
        digest.update((listing or "").encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:32]

    def to_build(self) -> Build:
        """Every record in memory, as one Build (small corpora, tests, ``geo eval``)."""
        return Build(
            corpus=self.corpus, built=self.built, gazetteer_version=self.gazetteer_version,
            sources=tuple(self.iter_sources()), skips=tuple(self.iter_skips()),
            places=self.places, resolutions=tuple(self.iter_resolutions()),
            claims=tuple(self.iter_claims()), attribution=self.attribution,
        )



def _say_waiting() -> None:
    # The one message a Store gives: without it a waiting build looks hung.
    sys.stderr.write("geo: another build holds this corpus; waiting for it to finish\n")
    sys.stderr.flush()


def _hold_lock(path: Path, on_wait: Callable[[], None]) -> int | None:
    """Take the corpus's lock file beside ``path``, waiting while another build holds it.

    Two builds writing one Store at once fail with "database is locked" or mix their
    walks; the second waits instead, then finds the first one's records unchanged.
    """
    try:
        import fcntl
    except ImportError:  # no flock (Windows): SQLite's own locking is all there is
        return None
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


class _Merge:
    """The stored files' (id, source, stamp), read a page at a time in source order."""

    PAGE = 1000

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._page: list[tuple[int, bytes, str | None]] = []
        self._at = 0
        self._after: bytes | None = None
        self._done = False
        self.gone: list[int] = []

    def _peek(self) -> tuple[int, bytes, str | None] | None:
        if self._at == len(self._page) and not self._done:
            # Keyset paging: rows written since (a changed file stored anew) sort before
            # ``_after`` and are not seen twice.
            self._page = self._db.execute(
                "SELECT id, source, stamp FROM docs WHERE ? IS NULL OR source > ? "
                "ORDER BY source LIMIT ?", (self._after, self._after, self.PAGE)).fetchall()
            self._at, self._done = 0, len(self._page) < self.PAGE
            if self._page:
                self._after = self._page[-1][1]
        return self._page[self._at] if self._at < len(self._page) else None

    def advance(self, source: bytes) -> str | None:
        """The stored stamp of ``source`` (None if not stored); stored names before it are gone."""
        while (row := self._peek()) is not None and bytes(row[1]) < source:
            self.gone.append(row[0])
            self._at += 1
        if row is not None and bytes(row[1]) == source:
            self._at += 1
            return row[2]
        return None

    def finish(self) -> list[int]:
        """The ids of every stored file the walk did not name."""
        while (row := self._peek()) is not None:
            self.gone.append(row[0])
            self._at += 1
        return self.gone


#: Rows of the ``row`` column decoded at a time (``_StoredFragments.claim_values``).
_VALUES_PAGE = 1000
#: CSV records concatenated at a time (``_StoredFragments.csv_lines``): about 400 KB.
_CSV_PAGE = 500
#: GeoJSON lines joined at a time (``_StoredFragments._pages``): a few hundred KB.
_GEOJSON_PAGE = 500


class _StoredFragments:
    """``geo.export.fragments.Fragments`` read from the Store: copied, not rendered.

    A contested claim is the exception: its fragments were made uncontested, so it is
    rendered again from its record.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store._db  # noqa: SLF001 - one object split in two for readability
        self._has_pairs = False

    def _pairs(self) -> str:
        """A temporary table of the contested (place, claim) pairs, keyed for a lookup per row.

        ``contested`` is indexed by place only: a lookup per row scanned every contested
        claim of the oblast (29,000 at 10,000 articles) for each of its 60,000 rows. The
        table is this connection's, made once per walk of the records (never in the file).
        """
        if not self._has_pairs:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS contested_pairs (place_id TEXT NOT NULL, "
                             "claim_id TEXT NOT NULL, PRIMARY KEY (place_id, claim_id)) WITHOUT ROWID")
            self._db.execute("DELETE FROM temp.contested_pairs")
            self._db.execute("INSERT OR IGNORE INTO temp.contested_pairs SELECT place_id, claim_id FROM main.contested")
            self._has_pairs = True
        return "temp.contested_pairs"

    def _pages(self, sql: str, params: tuple[object, ...] = ()) -> Iterator[str]:
        """The ``line`` column of ``sql``, in its order, joined with ",\\n" by SQLite a page at a time.

        The GeoJSON writer joins the items of a list with ",\\n", so a page is the bytes of
        its lines (issue 14: a Python step per line was most of the writer at 10,000
        articles); a page is bounded, so memory stays flat however many lines a place has.
        """
        offset, count = 0, _GEOJSON_PAGE
        while count == _GEOJSON_PAGE:
            page, count = self._db.execute(
                f"SELECT group_concat(line, ',\n'), COUNT(*) FROM ({sql} LIMIT ? OFFSET ?)",  # noqa: S608
                (*params, _GEOJSON_PAGE, offset)).fetchone()
            if page is not None:
                yield page
            offset += _GEOJSON_PAGE

    def geojson_sources(self) -> Iterator[str]:
        return self._pages("SELECT geojson AS line FROM docs WHERE skip IS NULL ORDER BY source")

    def geojson_mentions_at(self, place_id: str) -> Iterator[str]:
        return self._pages("SELECT geojson AS line FROM resolutions WHERE place_id = ? "
                           "ORDER BY source, start, seq", (place_id,))

    def geojson_unresolved(self) -> Iterator[str]:
        return self._pages("SELECT geojson AS line FROM resolutions WHERE place_id IS NULL "
                           "ORDER BY source, start, seq")

    def geojson_unplaced(self) -> Iterator[str]:
        return self._pages(f"SELECT l.geojson AS line FROM links l JOIN claims c ON c.id = l.claim "  # noqa: S608
                           f"WHERE l.place_id IS NULL ORDER BY {_CLAIM_ORDER}")

    def geojson_claims_at(self, place_id: str) -> Iterator[str]:
        # flat_order is claim order (a claim's id is a hash of its sort key: no ties); a
        # contested claim's last member is turned in the query, as ``as_contested_json`` does
        if not self._store.contested_at(place_id):
            return self._pages("SELECT geojson AS line FROM links WHERE place_id = ? ORDER BY flat_order",
                               (place_id,))
        return self._pages(
            f"SELECT CASE WHEN EXISTS (SELECT 1 FROM {self._pairs()} t WHERE t.place_id = l.place_id "  # noqa: S608
            "AND t.claim_id = l.claim_id) THEN substr(geojson, 1, length(geojson) - ?) || ? ELSE geojson END "
            "AS line FROM links l WHERE place_id = ? ORDER BY flat_order",
            (len(fragments.UNCONTESTED_JSON), fragments.CONTESTED_JSON, place_id))

    def _rows(self, column: str) -> Iterator[tuple[bool, object]]:
        """(contested?, the row's ``csv`` or ``row`` column) in CSV order."""
        rows = self._db.execute(
            f"SELECT claim_id, place_id, {column} FROM links ORDER BY flat_order")  # noqa: S608
        contested_at = self._store.contested_at
        return ((place_id is not None and claim_id in contested_at(place_id), value)
                for claim_id, place_id, value in rows)

    def claim_values(self) -> Iterator[tuple[object, ...]]:
        rows = self._rows("row")
        # A page of rows decoded by one json.loads: a call per row was a third of the
        # GeoPackage writer (issue 14); the values are those of decoding each row.
        while page := list(itertools.islice(rows, _VALUES_PAGE)):
            decoded = json.loads("[" + ",".join(text for _, text in page) + "]")  # type: ignore[misc]
            for (contested, _), values in zip(page, decoded, strict=True):
                yield fragments.as_contested_values(tuple(values)) if contested else tuple(values)

    def claim_rows(self) -> Iterator[dict[str, object]]:
        return (dict(zip(CLAIM_COLUMNS, values, strict=True)) for values in self.claim_values())

    def csv_lines(self) -> Iterator[str]:
        """The CSV records, a page of them concatenated by SQLite per item.

        The CSV writer writes items as they come, so a page is the bytes of its records;
        a contested row's last cell is turned to ``true`` in the query, as
        ``as_contested_csv`` turns it (issue 14: a Python step per record was most of
        the writer at 10,000 articles).
        """
        after, pairs = b"", self._pairs()
        while True:
            text, last = self._db.execute(
                f"SELECT group_concat(CASE WHEN EXISTS (SELECT 1 FROM {pairs} t WHERE t.place_id = p.place_id "  # noqa: S608
                "AND t.claim_id = p.claim_id) THEN substr(csv, 1, length(csv) - ?) || ? ELSE csv END, ''), "
                "max(flat_order) FROM (SELECT place_id, claim_id, csv, flat_order FROM links "
                "WHERE flat_order > ? ORDER BY flat_order LIMIT ?) p",
                (len(fragments.UNCONTESTED_CSV), fragments.CONTESTED_CSV, after, _CSV_PAGE)).fetchone()
            if text is None:
                return
            yield text
            after = last
