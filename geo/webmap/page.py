"""The page's record members, joined from each document's pieces instead of encoded anew.

Why (issue 14): after adding one article to 10,000, writing the page re-encoded the
index of every document (``payload.PageIndex.row``: a JSON parse and a dozen steps per
claim, 200,000 claims), 7 of the rebuild's 14 s, though one document was new. The
page's bytes are those ``PageIndex`` writes (``payload.record_members``) but for the
order of the places (:func:`busiest_first`) and the cards' keys; they are made in two
steps here:

- :func:`analyse`: what a document's index entry gives the page, in the document's own
  numbering (its strings and places by their first use in it): a pure function of the
  entry's text, made once per entry and kept (:class:`PieceCache`);
- :func:`encode`: its claim columns in the page's numbering, which depends on the
  documents before it (strings and places are numbered by first use in page order,
  places busiest first). Made at every build, by table: each value of a column is a
  token naming one of the document's strings or places (``DocPieces.tokens``), and the
  column is the tokens looked up in a table of their numbers' digits, one C-level join
  per column. Kept columns had to be made again for nearly every document after one
  article was added (a place crossing a power of two renumbers the places of most
  documents), and writing them back cost more than making them this way (issue 14).

The page-wide tables (``strings``, ``places``, ``contested``, ``claimant_side``, the
documents' rows and the day pairs, which hold page claim numbers) are made at every
build from the kept pieces: a few steps per document, not per claim. So a fresh build and
a rebuild write the same bytes: a kept piece is used only under the numbers it was made
with.

A rebuild does not join again the documents before the first one that changed (issue
14: after adding one article to 3,000, joining the 3,000 was half of the page's CPU; a
new article is often named to sort last). A document's numbers and the tables after it
follow from the documents before it, the order of the places and the contested claims
only, so the page keeps its tables whole, with a mark of how far each was filled every
``MARK_EVERY`` documents (``_Page.state``, kept with the pieces), and the next page
takes them up to the last mark before the first document whose token differs, when the
places are in the same order (``_Page.resume``). An added article often contests claims
of earlier ones: the documents of the claims whose rivalry changed are contested again.
"""

from __future__ import annotations

import contextlib
import bisect
import functools
import hashlib
import itertools
import json
import marshal
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.sides import Side
from geo.webmap.cards import CardSink, card_hash, card_key_length
from geo.webmap.kept import open_kept
from geo.webmap.shown import Shown, shown_documents
from geo.webmap.payload import (
    CLAIM_COLUMNS,
    DEFAULT_ATTRIBUTION,
    DIGITS,
    EncodedItems,
    EncodedValue,
    PageIndex,
    _SHORT_DIGITS,
    decode_digits,
    encode_digits,
    kind_code,
    place_entry,
)

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer
    from geo.model import Place
    from geo.records import Records

__all__ = ["DocPieces", "PieceCache", "analyse", "busiest_first", "encode", "encode_claim_numbers", "page_members"]


@dataclass(frozen=True, slots=True)
class DocPieces:
    """One document's index entry in its own numbering: what the page needs of it.

    file          the document's source name
    card          ``cards.card_hash`` of ``file``: its card shard's key is its first
                  ``cards.card_key_length`` characters, as many as the page needs
    claims        how many claims it has
    unresolved    how many names it left unresolved
    strings       its distinct strings, in the order ``PageIndex`` numbers them (claimant,
                  figure, reported, day, side of each claim); a string's local reference
                  is 1 + its place here, 0 is null
    places        the distinct places its claims are tied to, in first use
    mentions      the places it mentions without a claim
    ids           its claims' ids, one per line (the page's ``contested`` names claims
                  by number; one text, not 20: a kept row loads at a fraction of the cost)
    first, last   the reported date of its first and last claim (a claim's ``reported``
                  is 0 when it is the claim before it's, across documents too)
    local         :func:`~geo.webmap.payload.encode_digits` of, per claim, its claimant,
                  figure and reported references, then its places' count and positions
                  in ``places``
    at            per claim, how many places it has and their positions in ``places``,
                  as 16-bit numbers (``contested`` reads them for a few claims of most
                  documents: not decoded from ``local``)
    days          flat pairs [claim, day reference] of the claims whose day is not their
                  reported date
    sides         flat pairs [claimant reference, side reference], the last of each claimant
    statements    its part of ``claim_statement`` (no numbering in it)
    kinds         its part of ``claim_kind`` (no numbering in it)
    tokens        its ``claim_claimant``, ``claim_figure``, ``claim_reported`` and
                  ``claim_place`` parts as unsigned 32-bit tokens into :func:`encode`'s table
                  (the first claim's reported token as if it differed from the claim before)
    """

    file: str
    card: str
    claims: int
    unresolved: int
    strings: tuple[str, ...]
    places: tuple[str, ...]
    mentions: tuple[str, ...]
    ids: str
    first: str | None
    last: str | None
    local: str
    at: bytes
    days: tuple[int, ...]
    sides: tuple[int, ...]
    statements: str
    kinds: str
    tokens: tuple[bytes, bytes, bytes, bytes]


#: ``encode``'s table: the digits of 0 and -1, then of each string's number, then of each
#: place's number n and of -2 - n (a place before another of the same claim).
_ZERO, _NULL, _FIRST_STRING = 0, 1, 2


def _column_tokens(local: list[int], n_strings: int, n_claims: int) -> tuple[bytes, bytes, bytes, bytes]:
    """``DocPieces.tokens`` of a document's ``local`` values (what ``encode`` looks up)."""
    values = iter(local)
    who_tokens, what_tokens, when_tokens, where_tokens = array("I"), array("I"), array("I"), array("I")
    previous = -1

    def string(ref: int) -> int:
        return _ZERO if ref == 0 else _FIRST_STRING + ref - 1

    for i in range(n_claims):
        who, what, when, count = next(values), next(values), next(values), next(values)
        who_tokens.append(string(who))
        what_tokens.append(string(what))
        same = i > 0 and when == previous
        when_tokens.append(_ZERO if same else _NULL if when == 0 else string(when))
        previous = when
        positions = [next(values) for _ in range(count)]
        place = _FIRST_STRING + n_strings
        where_tokens.extend(place + 2 * position + 1 for position in positions[:-1])
        where_tokens.append(place + 2 * positions[-1] if positions else _NULL)
    return who_tokens.tobytes(), what_tokens.tobytes(), when_tokens.tobytes(), where_tokens.tobytes()


def analyse(index: str) -> DocPieces:
    """A document's index entry (``payload.split_entry``'s first half) in its own numbering."""
    entry = json.loads(index)
    strings: dict[str, int] = {}
    places: dict[str, int] = {}

    def ref(value: str | None) -> int:
        if value is None:
            return 0
        return strings.setdefault(value, len(strings) + 1)

    local: list[int] = []
    ats = array("H")
    days: list[int] = []
    sides: dict[int, int] = {}
    ids, statements, kinds = [], [], []
    claims = entry["claims"]
    for i, (claim_id, statement, claimant, kind, figure, reported, day, side, holder, has_left,
            place_ids) in enumerate(claims):
        ids.append(claim_id)
        statements.append(statement)
        # the order PageIndex.row numbers them in: claimant, figure, reported, day, side
        who, what, when = ref(claimant), ref(figure), ref(reported)
        if day != reported:
            days += (i, ref(day))
        sides[who] = ref(side)
        kinds.append(kind_code(kind, holder, has_left))
        at = [places.setdefault(place_id, len(places)) for place_id in place_ids]
        ats += array("H", (len(at), *at))
        local += (who, what, when, len(at), *at)
    return DocPieces(
        file=entry["file"], card=card_hash(entry["file"]), claims=len(claims), unresolved=entry["unresolved"],
        strings=tuple(strings), places=tuple(places), mentions=tuple(entry["mentions"]),
        ids="\n".join(ids), first=claims[0][5] if claims else None, last=claims[-1][5] if claims else None,
        local=encode_digits(local), at=ats.tobytes(), days=tuple(days),
        sides=tuple(n for pair in sides.items() for n in pair),
        statements="".join(statements), kinds=encode_digits(kinds),
        tokens=_column_tokens(local, len(strings), len(claims)))


#: The numbers a document's encoded columns were made with: its strings' page numbers,
#: its places' (-1: a place the page leaves out), and whether its first claim's reported
#: date is the claim before it's.
Numbering = tuple[tuple[int, ...], tuple[int, ...], bool]

#: A document's ``claim_claimant``, ``claim_figure``, ``claim_reported`` and ``claim_place`` parts.
Columns = tuple[str, str, str, str]


def encode(doc: DocPieces, numbering: Numbering) -> Columns:
    """A document's numbered claim columns (``PageIndex.row``'s values) under ``numbering``.

    Its ``tokens`` looked up in a table of the digits of its strings' and places' numbers;
    :func:`encode_values` (the values one by one) where the page leaves one of its places out.
    """
    string_numbers, place_numbers, first_same = numbering
    if place_numbers and min(place_numbers) < 0:
        return encode_values(doc, numbering)
    table = ["A", "B", *map(_digits, string_numbers)]
    for n in place_numbers:
        table += (_digits(n), _digits(-2 - n))
    who, what, when, where = (array("I", part) for part in doc.tokens)
    if first_same and when:
        when[0] = _ZERO
    pick = table.__getitem__
    return "".join(map(pick, who)), "".join(map(pick, what)), "".join(map(pick, when)), "".join(map(pick, where))


#: The first two digits of a zigzagged number of 1024 or more, by its low 10 bits (both say
#: more follow): ``encode_claim_numbers`` looks them up instead of making them bit by bit.
_LOW_DIGITS = tuple(DIGITS[32 | low & 31] + DIGITS[32 | low >> 5] for low in range(1024))


def encode_claim_numbers(values: Iterable[int]) -> str:
    """:func:`~geo.webmap.payload.encode_digits` of numbers that run high, to the same text.

    ``contested`` and ``claim_day`` hold claim numbers (to 400,000 at 10,000 articles),
    which ``encode_digits`` makes digit by digit in Python: a tenth of a rebuild's page
    (issue 14). Here a number under 2**19 takes two table lookups. (Not a change of
    ``payload``: its source is part of the Store's version, and a change there would
    extract every article again.)

    >>> encode_claim_numbers([0, -1, 300, 64_000, -300_000]) == encode_digits([0, -1, 300, 64_000, -300_000])
    True
    """
    out = []
    for value in values:
        zigzag = value << 1 if value >= 0 else ~value << 1 | 1
        if zigzag < 1024:
            out.append(_SHORT_DIGITS[zigzag])
        elif zigzag < 1 << 20:
            out.append(_LOW_DIGITS[zigzag & 1023] + _SHORT_DIGITS[zigzag >> 10])
        else:
            out.append(encode_digits((value,)))
    return "".join(out)


@functools.cache
def _digits(value: int) -> str:
    """``encode_digits`` of one number, made once per number (a page's numbers repeat in every document)."""
    return encode_digits((value,))


def encode_values(doc: DocPieces, numbering: Numbering) -> Columns:
    """:func:`encode`, one value at a time from ``DocPieces.local``: a place numbered -1 is left out."""
    string_numbers, place_numbers, first_same = numbering
    number = (0, *string_numbers)
    values = iter(decode_digits(doc.local))
    claimants, figures, reports, at = [], [], [], []
    previous = -1
    for i in range(doc.claims):
        who, what, when, count = next(values), next(values), next(values), next(values)
        claimants.append(number[who])
        figures.append(number[what])
        same = first_same if i == 0 else when == previous
        reports.append(0 if same else -1 if when == 0 else number[when])
        previous = when
        numbers = [n for _ in range(count) if (n := place_numbers[next(values)]) >= 0]
        at += [-2 - n for n in numbers[:-1]]
        at.append(numbers[-1] if numbers else -1)
    return encode_digits(claimants), encode_digits(figures), encode_digits(reports), encode_digits(at)


#: Keys of documents met, added to the pieces file's ``seen`` table this many at a time.
_SEEN_BATCH = 512
#: Documents whose kept pieces ``PieceCache.fetch`` reads in one statement (under SQLite's
#: 999 parameters of old versions).
FETCH_BATCH = 256


class PieceCache:
    """Each document's pieces, kept in an SQLite file of the cache folder between builds.

    Keyed by a hash of the document's index entry (its columns in the page's numbering
    are not kept: :func:`encode` makes them faster than a kept copy is written). A
    document's row is read when the page reaches it and
    written as soon as it is made, so memory stays flat in the size of the corpus (a file
    loaded whole held 58 MiB of pieces at 10,000 articles, most of the map's memory).
    Rows are marshal data, which loading cannot make run code; the file is still read only
    when it is this user's own. ``save`` commits this build's rows and drops those of
    documents it did not see; a build that fails is rolled back. ``analysed`` counts the
    documents whose pieces were made in this build, ``kept`` the documents the file held,
    ``queries`` the statements that read rows, ``resumed`` the documents taken whole from
    the last page, whose state is kept in the same file (``last_page``; what the tests assert). A file that cannot be read, is
    damaged or is not this user's own is replaced by an empty one; one that cannot be
    written costs the next build time, never this one.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.analysed = 0
        self.kept = 0
        self._db = self._open(path)
        self._seen: list[tuple[bytes]] = []  # keys not yet in ``temp.seen``: a batch, not a statement each
        self._fetched: dict[bytes, bytes] = {}  # rows read ahead by ``fetch``, not yet asked for
        self.queries = 0  # statements that read kept rows (what the tests assert)
        self.resumed = 0  # documents taken whole from the last page (``page_members``)
        self.contested_again = 0  # of those, the documents whose contested claims were found again

    def _open(self, path: Path | None) -> sqlite3.Connection | None:
        """The file's connection, in a transaction; None when there is no usable file."""
        # rows of a few KB: a rowid table with the key in an index, not in every B-tree page
        db = open_kept(path, "CREATE TABLE IF NOT EXISTS pieces (key BLOB NOT NULL UNIQUE, fields BLOB NOT NULL)")
        if db is None:
            return None
        try:
            db.execute("CREATE TABLE IF NOT EXISTS page (id INTEGER PRIMARY KEY CHECK (id = 0), state BLOB NOT NULL)")
            db.execute("CREATE TEMP TABLE seen (key BLOB PRIMARY KEY) WITHOUT ROWID")
            (self.kept,) = db.execute("SELECT COUNT(*) FROM pieces").fetchone()
        except sqlite3.Error:
            db.close()
            return None
        return db

    @property
    def is_kept(self) -> bool:
        """Whether pieces are kept in a file (else each is made, and nothing is read ahead)."""
        return self._db is not None

    def fetch(self, keys: Sequence[bytes]) -> None:
        """Read the kept rows of ``keys`` (at most ``FETCH_BATCH``) in one statement, for ``pieces`` to take.

        Why (issue 14): a statement per document was a tenth of a rebuild's page.
        """
        if self._db is None or not keys:
            return
        with contextlib.suppress(sqlite3.Error):
            marks = ",".join("?" * len(keys))
            self.queries += 1
            self._fetched.update(self._db.execute(
                f"SELECT key, fields FROM pieces WHERE key IN ({marks})", keys))  # noqa: S608

    def _row(self, key: bytes) -> object:
        """The kept fields of ``key``; None when missing or unreadable."""
        if self._db is None:
            return None
        try:
            fields = self._fetched.pop(key, None)
            if fields is None:
                self.queries += 1
                row = self._db.execute("SELECT fields FROM pieces WHERE key = ?", (key,)).fetchone()
                fields = None if row is None else row[0]
            return None if fields is None else marshal.loads(fields)
        except (sqlite3.Error, EOFError, ValueError, TypeError):
            return None

    def _keep(self, key: bytes, fields: tuple[object, ...]) -> None:
        """Write one document's row now (committed by ``save``)."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error, ValueError):
            self._db.execute("INSERT OR REPLACE INTO pieces VALUES (?, ?)", (key, marshal.dumps(fields)))

    def pieces(self, shown: Shown | str) -> tuple[bytes, DocPieces]:
        """The key and the pieces of one document (or of an index entry), kept or made now.

        Kept under the document's token (``shown.doc_token``) when it has one: its entry is
        then read only when its pieces are not kept; else under a hash of its index entry.
        """
        if isinstance(shown, str):
            shown = Shown(None, lambda index=shown: index + "\n")  # type: ignore[misc]
        key = shown.token or hashlib.blake2b(shown.index().encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = self._row(key)
        try:
            doc = DocPieces(*kept) if isinstance(kept, tuple) else None
        except TypeError:  # another shape: made again
            doc = None
        self.see(key)
        if doc is None:
            doc = analyse(shown.index())
            self.analysed += 1
            self._keep(key, tuple(getattr(doc, name) for name in DocPieces.__slots__))
        return key, doc

    def see(self, key: bytes) -> None:
        """Keep the row of ``key``, a document the page took whole from the last page (``_Resume``)."""
        self._seen.append((key,))
        if len(self._seen) >= _SEEN_BATCH:
            self._mark_seen()

    def last_page(self) -> tuple[object, ...] | None:
        """The state the last build's page ended in (``_Page.state``); None when none is kept."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT state FROM page WHERE id = 0").fetchone()
            state = None if row is None else marshal.loads(row[0])
        except (sqlite3.Error, EOFError, ValueError, TypeError):
            return None
        return state if isinstance(state, tuple) else None

    def _mark_seen(self) -> None:
        """Add the batch of keys this build met to ``temp.seen`` (``save`` keeps their rows only)."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.executemany("INSERT OR IGNORE INTO temp.seen VALUES (?)", self._seen)
        self._seen.clear()

    def save(self, page: tuple[object, ...] | None = None) -> None:
        """Commit this build's rows (and its page's state) and drop the rows of documents it did not see."""
        self._mark_seen()
        db, self._db = self._db, None
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error, ValueError), contextlib.closing(db):
            db.execute("DELETE FROM pieces WHERE key NOT IN (SELECT key FROM temp.seen)")
            db.execute("DELETE FROM page")
            if page is not None:
                db.execute("INSERT INTO page VALUES (0, ?)", (marshal.dumps(page),))  # type: ignore[arg-type]
            db.execute("COMMIT")


def busiest_first(records: Records) -> list[Place]:
    """The records' places in page order: by how many claims they hold, in powers of two, then by id.

    Busy places first, so that the numbers the claims repeat most are short (as
    ``PageIndex`` orders them), but in bands: ``PageIndex``'s exact order by count moved
    a hundred places by one whenever an article was added (each of its places overtook
    the ones with its old count), renumbering the places of nine documents in ten. A
    place changes band when its count crosses a power of two.
    """
    return sorted(records.places, key=lambda p: (-records.count_at(p.place_id)[1].bit_length(), p.place_id))


#: The page's joined parts: the statements, then the claim columns made of pieces.
_PARTS = ("statement", *CLAIM_COLUMNS)
#: A page notes how far its tables are filled after every this many documents: a rebuild
#: resumes after the last note before the first document that changed.
MARK_EVERY = 128
#: The shape of ``_Page.state`` (a kept state of another shape is not used).
_STATE_FORMAT = 1


def _changed_rivalries(old: Mapping[str, Mapping[str, str]], new: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The claims contested, or a rival, in one of ``old`` and ``new`` (place -> claim -> rival) but not alike in both."""
    def items(rivals: Mapping[str, Mapping[str, str]]) -> set[tuple[str, str, str]]:
        return {(place_id, claim_id, rival) for place_id, claims in rivals.items() for claim_id, rival in claims.items()}

    changed = items(old) ^ items(new)
    return {claim_id for _, claim_id, _ in changed} | {rival for _, _, rival in changed}


class _Page(PageIndex):
    """``PageIndex``'s tables (strings, places, rivals, sides), filled from kept pieces."""

    def __init__(self, records: Records, gazetteer: Gazetteer, cache: PieceCache) -> None:
        super().__init__(records, gazetteer)
        self.places = busiest_first(records)
        self._place_numbers = {p.place_id: i for i, p in enumerate(self.places)}
        for column in (self.statements, *self.columns.values()):
            column.close()  # the columns are joined from pieces here, not streamed to files
        self._cache = cache
        self._wanted = {claim_id for rivals in self._rivals.values() for claim_id in rivals} | self._rival_ids
        self.parts: dict[str, list[str]] = {name: [] for name in _PARTS}
        self._days: list[int] = []
        self.card_keys: list[str] = []
        # what the next build resumes from (``state``, ``resume``)
        self._initial = tuple(p.place_id for p in self.places)
        self._lengths = dict.fromkeys(_PARTS, 0)
        self._rows: list[str] = []
        self._tokens: list[bytes | None] = []
        self._ids: list[str] = []  # each document's claim ids, a line each (where a claim is)
        self._ids_length = 0
        self._ends = array("I")  # where each document's ids end in them
        self._marks: list[tuple[object, ...]] = []
        self.contested_again = 0  # resumed documents contested again (what the tests assert)

    def add(self, shown: Shown | str) -> str:
        """Add one document's pieces to the page; its row of ``docs`` (as ``PageIndex.row``)."""
        _, doc = self._cache.pieces(shown)
        self.card_keys.append(doc.card)
        self._tokens.append(shown.token if isinstance(shown, Shown) else None)
        strings = self._numbers(self._string_numbers, doc.strings, self._string)
        places = self._numbers(self._place_numbers, doc.places, self._new_place)
        numbering = (strings, places, doc.claims > 0 and doc.first == self._reported)
        claimant, figure, reported, place = encode(doc, numbering)
        for name, part in (("statement", doc.statements), ("claimant", claimant), ("kind", doc.kinds),
                           ("figure", figure), ("reported", reported), ("place", place)):
            self.parts[name].append(part)
            self._lengths[name] += len(part)
        number = (0, *strings)
        pairs = doc.days
        for i in range(0, len(pairs), 2):
            day = pairs[i + 1]
            self._days += (self._claims + pairs[i], -1 if day == 0 else number[day])
        pairs = doc.sides
        for i in range(0, len(pairs), 2):
            self.sides[number[pairs[i]]] = number[pairs[i + 1]]
        hits = self._wanted.intersection(doc.ids.split("\n")) if self._wanted and doc.claims else None
        if hits:
            self._contest(doc, places, hits)
        if doc.claims:
            self._reported = doc.last
        self._claims += doc.claims
        if doc.claims:
            self._ids.append(doc.ids + "\n")
            self._ids_length += len(doc.ids) + 1
        self._ends.append(self._ids_length)
        # a mention of a place the page does not know is left out (``PageIndex.row``)
        mentions = ",".join([str(n) for n in map(self._place_numbers.get, doc.mentions) if n is not None])
        row = f"[{doc.claims},[{mentions}],{doc.unresolved}]"
        self._rows.append(row)
        if len(self._rows) % MARK_EVERY == 0:
            self._mark()
        return row

    def _mark(self) -> None:
        """Note how far each table is filled after the documents so far: a place to resume from."""
        self._marks.append((len(self._rows), len(self.strings), len(self.places), len(self._contested),
                            len(self._days), self._claims, self._reported,
                            tuple(n for pair in self.sides.items() for n in pair),
                            tuple(self._lengths[name] for name in _PARTS), self._ids_length))

    def state(self) -> tuple[object, ...] | None:
        """What the next build needs to resume after any mark: this page's tables, whole.

        None when a document has no token (records in memory): nothing to compare with.
        """
        if None in self._tokens:
            return None
        if not self._marks or self._marks[-1][0] != len(self._rows):
            self._mark()
        return (_STATE_FORMAT, self._initial, self._rivals, tuple(p.place_id for p in self.places),
                tuple(self.strings), tuple(self._contested), self._rival_numbers, tuple(self._days),
                tuple("".join(self.parts[name]) for name in _PARTS), tuple(self.card_keys),
                tuple(self._rows), tuple(self._tokens), tuple(self._marks), "".join(self._ids),
                self._ends.tobytes())

    def resume(self, state: Any, tokens: Sequence[bytes | None],  # noqa: ANN401 (marshal data, checked here)
               pieces_of: Callable[[int], DocPieces]) -> tuple[str, ...]:
        """Take the tables of the last page as they were after its first documents; their rows.

        The last page's first n documents are this page's when their tokens are
        ``tokens``' first n and the places are numbered the same (a document's numbers
        depend on the documents before it, and on the places' order only): the tables
        are then what joining them again would make, but for the contested claims. An
        added article often contests a claim of an earlier one: the documents of the
        claims whose rivalry changed (``_changed_rivalries``, found in the kept claim
        ids) are contested again, their pieces read with ``pieces_of`` (by page
        position). Resumes after the last mark within the documents that match; none
        (an empty tuple) when nothing matches.
        """
        try:
            (fmt, initial, rivals, place_ids, strings, contested, rival_numbers, days, parts, card_keys,
             rows, kept_tokens, marks, ids, ends) = state
            ends = array("I", ends)
        except (TypeError, ValueError):
            return ()
        if fmt != _STATE_FORMAT or initial != self._initial:
            return ()
        matched = 0
        for token, kept in zip(tokens, kept_tokens, strict=False):
            if token is None or token != kept:
                break
            matched += 1
        mark = max((m for m in marks if 0 < m[0] <= matched), default=None)
        if mark is None:
            return ()
        n, n_strings, n_places, n_contested, n_days, claims, reported, sides, lengths, ids_length = mark
        added = place_ids[len(initial):n_places]
        if any(place_id not in self._gazetteer.places for place_id in added):
            return ()
        for place_id in added:
            self._place(place_id, may_add=True)
        self.strings = list(strings[:n_strings])
        self._string_numbers = {value: i for i, value in enumerate(self.strings) if value is not None}
        self._contested = list(contested[:n_contested])
        self._rival_numbers = {claim_id: k for claim_id, k in rival_numbers.items() if k < claims}
        self._days = list(days[:n_days])
        self._claims, self._reported = claims, reported
        self.sides = dict(zip(sides[::2], sides[1::2], strict=True))
        for name, text, length in zip(_PARTS, parts, lengths, strict=True):
            self.parts[name] = [text[:length]]
            self._lengths[name] = length
        self.card_keys = list(card_keys[:n])
        self._rows = list(rows[:n])
        self._tokens = list(kept_tokens[:n])
        self._marks = [m for m in marks if m[0] <= n]
        self._ids = [ids[:ids_length]]
        self._ids_length = ids_length
        self._ends = ends[:n]
        changed = {bisect.bisect_right(self._ends, at) for claim_id in _changed_rivalries(rivals, self._rivals)
                   if 0 <= (at := ids.find(claim_id, 0, ids_length))}
        for index in sorted(changed):
            self._contest_again(index, pieces_of(index), ids)
        self.contested_again = len(changed)
        return tuple(self._rows)

    def _contest_again(self, index: int, doc: DocPieces, ids: str) -> None:
        """Contest the claims of the resumed document at ``index`` again, under this page's rivals."""
        start = self._ends[index - 1] if index else 0
        first = ids.count("\n", 0, start)  # its first claim's number
        ours = range(first, first + doc.claims)
        self._contested = [entry for entry in self._contested if entry[0] not in ours]
        self._rival_numbers = {claim_id: k for claim_id, k in self._rival_numbers.items() if k not in ours}
        places = tuple(-1 if number is None else number for number in map(self._place_numbers.get, doc.places))
        claims, self._claims = self._claims, first
        try:
            hits = self._wanted.intersection(doc.ids.split("\n"))
            if hits:
                self._contest(doc, places, hits)
        finally:
            self._claims = claims
        self._contested.sort(key=lambda entry: entry[0])  # stable: a claim's entries keep their order

    @staticmethod
    def _numbers(known: dict[str, int], values: Sequence[str], add: Callable[[str], int]) -> tuple[int, ...]:
        """The page numbers of ``values``: looked up in ``known`` at C speed, ``add`` for the few new ones."""
        numbers = tuple(map(known.get, values))
        if None in numbers:
            numbers = tuple(add(value) if n is None else n for n, value in zip(numbers, values, strict=True))
        return numbers  # type: ignore[return-value]

    def _new_place(self, place_id: str) -> int:
        number = self._place(place_id, may_add=True)
        return -1 if number is None else number

    def _contest(self, doc: DocPieces, places: Sequence[int], hits: set[str]) -> None:
        """Its contested claims and the rivals among its claims, numbered (``PageIndex.row``'s rule).

        Only its claims in ``hits`` (contested, or a rival) are looked at, in claim order.
        """
        at = array("H", doc.at)
        start = 0
        for i, claim_id in enumerate(doc.ids.split("\n")):
            count = at[start]
            start += 1 + count
            if claim_id not in hits:
                continue
            for position in at[start - count:start]:
                if places[position] >= 0:
                    rival = self._rivals.get(doc.places[position], {}).get(claim_id)
                    if rival is not None:
                        self._contested.append((self._claims + i, places[position], rival))
            if claim_id in self._rival_ids:
                self._rival_numbers[claim_id] = self._claims + i

    def column(self, name: str) -> str:
        """One claim column as the JSON string ``PageIndex`` writes."""
        if name == "day":
            return f'"{encode_claim_numbers(self._days)}"'
        return '"' + "".join(self.parts[name]) + '"'


def page_members(records: Records, gazetteer: Gazetteer, *, cache: PieceCache,
                 cards: CardSink | None = None) -> Iterator[tuple[str, object]]:
    """The page's record members, joined from ``cache``'s pieces.

    ``payload.record_members``'s members and bytes, but for two things: the places are
    in :func:`busiest_first` order, and instead of ``card_docs`` (shards by page
    position) the page lists each document's card key (``card_keys``, ``geo.webmap.cards``). Each shown
    document's key, a reader of its card and its token (``shown.doc_token``) go to ``cards``, in page order. Consume each value before asking for the next pair, as
    ``encode_members`` does: the tables are complete once ``docs`` has been walked.
    ``cache`` is saved then.
    """
    page = _Page(records, gazetteer, cache)
    length = card_key_length(records.counts.sources)  # the page's key length (``map.js`` divides it out)

    def rows() -> Iterator[str]:
        documents: Iterator[Shown] = shown_documents(records, gazetteer)
        state = cache.last_page()
        if state is not None:
            shown_all = list(documents)  # light: a token and a reader each
            resumed = page.resume(state, [shown.token for shown in shown_all],
                                  lambda index: cache.pieces(shown_all[index])[1])
            cache.resumed, cache.contested_again = len(resumed), page.contested_again
            for i, row in enumerate(resumed):
                shown = shown_all[i]
                cache.see(shown.token)  # type: ignore[arg-type]
                if cards is not None:
                    cards(page.card_keys[i][:length], shown.card, token=shown.token)
                shown.release()
                yield row
            documents = iter(shown_all[len(resumed):])
        size = FETCH_BATCH if cache.is_kept else 1  # records in memory: one rendered entry at a time
        while batch := list(itertools.islice(documents, size)):
            cache.fetch([shown.token for shown in batch if shown.token is not None])
            for shown in batch:
                row = page.add(shown)
                if cards is not None:
                    cards(page.card_keys[-1][:length], shown.card, token=shown.token)
                shown.release()
                yield row
        cache.save(page.state())

    yield "corpus", records.corpus
    yield "built", records.built
    yield "gazetteer_version", records.gazetteer_version
    yield "attribution", list(records.attribution or DEFAULT_ATTRIBUTION)
    yield "docs", EncodedItems(rows())
    yield "card_keys", "".join(key[:length] for key in page.card_keys)
    yield "places", (place_entry(p) for p in page.places)
    yield "strings", page.strings
    yield "contested", encode_claim_numbers(page.contested)
    yield "claimant_side", [page.sides.get(i, 0) for i in range(len(page.strings))]
    yield "sides", [side.value for side in Side]
    yield "claim_statement", EncodedValue(iter([page.column("statement")]))
    for name in CLAIM_COLUMNS:
        yield f"claim_{name}", EncodedValue(iter([page.column(name)]))
