"""Write an export from the last published one: runs of unchanged records copied by the kernel.

Why (issue 14): after adding one article to 10,000, the GeoJSON (246 MB) and the CSV
(177 MB) change by a few kilobytes, yet rendering them anew from the Store took most of
the rebuild. The bytes of one record (a GeoJSON line, a CSV record) follow from its
document's stored rows alone, so a rebuild can take them from the file the last build
published instead: ``os.copy_file_range`` moves the unchanged runs inside the kernel
(0.1 s for both files on ext4), and only the records that are new, or whose
``contested`` flag turned, are rendered.

A spliced file is a sequence of **units** (records, each with a key and the separator
before it) and literal text between them (brackets, feature heads, the collection's
small members), always rendered. An **index** kept beside the published file
(``.geo-index-NAME``) gives each unit's key and byte range. A key is the record's row
in the Store with its ``contested`` flag (``geo.export.stored_units``); the index also
holds a digest of each document's name and stamp, so the rows of a document stored
since (which may have taken the row ids of deleted rows) are rendered, never copied.
The index names its **basis** (the code, the Store file and its row numbering, the
options): another basis and nothing is copied.

The new file goes to a temporary name and is renamed (``geo.export._atomic``); the old
one is only read. A new index is written with it, so the next build can splice again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from geo.export._atomic import atomic_path

__all__ = ["SEPARATORS", "DocTokens", "OldFile", "Render", "SpliceCounts", "Splicer", "doc_token", "index_name",
           "read_old", "write_spliced"]

_MAGIC = b"geo-splice-index 3\n"
#: The separators a unit may have before it, by number (stored as one byte).
SEPARATORS = ("", "\n", ",\n")
_SEP_BYTES = tuple(s.encode() for s in SEPARATORS)
_SEP_LEN = np.array([len(s) for s in _SEP_BYTES], dtype=np.int64)
#: Bytes of rendered text gathered before one ``os.write``.
_WRITE_CHUNK = 1 << 20
#: Longest text compared with the old file's next bytes to extend a copy over it (``Splicer._write``).
_JOIN_TEXT = 4096
#: Units planned (and, when missing, rendered) at a time: a first build renders every
#: record, and a whole list's texts at once would hold the 177 MB CSV in memory. Short
#: lists (a place's mentions, its claims) are queued with the text between them until
#: this many are waiting, and planned together.
_UNITS_PER_PLAN = 8192
#: ``render(units)``: the text of each (row id, contested) asked for.
Render = Callable[[list[tuple[int, int]]], dict[tuple[int, int], str]]


def index_name(output: str) -> str:
    """The index file of an output, in the same folder (hidden, published with it)."""
    return f".geo-index-{output}"


def doc_token(source: bytes, stamp: str | None) -> int | None:
    """A 63-bit digest of a document's name and stamp (None: a document with no stamp matches nothing).

    Under one Store version a stamp stands for the file's bytes and corrections
    (``Store.records_key``), so equal tokens mean equal rows.
    """
    if stamp is None:
        return None
    digest = hashlib.blake2b(bytes(source) + b"\0" + stamp.encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big") >> 1


#: Document row id -> token (None: no stamp, never the same document as before).
DocTokens = dict[int, int | None]


@dataclass(frozen=True, slots=True)
class OldFile:
    """The published file and where each of its units lies, found by key through a table.

    path          the published file (read only)
    keys          the units' keys, in file order
    starts        where each unit's separator starts
    ends          where each unit ends
    seps          each unit's separator number
    changed_docs  documents stored since (another token, or none): their rows are rendered
    slots         unit position by ``_slot(key)`` (-1: no unit), or None when the keys are
                  too sparse for a table: then ``order`` sorts them for a binary search
    order         the argsort of ``keys`` (only without ``slots``)
    blocks        named stretches of the file (a place's Feature): name -> (start, end,
                  first unit, end of its units), which a writer may copy whole (``Splicer.copy_block``)
    """

    path: Path
    keys: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    seps: np.ndarray
    changed_docs: tuple[int, ...]
    slots: np.ndarray | None = None
    order: np.ndarray | None = None
    blocks: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    def locate(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each key's position in the old file, and whether it is there (position 0 when not).

        A unit's row id and kind index a table of positions: a binary search of each key
        among the sorted old keys, in file order, cost more than the rest of a plan (the
        keys jump about: 36 ms against 3 ms for 200,000 keys, issue 14).
        """
        if not len(self.keys) or not len(keys):
            return np.zeros(len(keys), dtype=np.int64), np.zeros(len(keys), dtype=bool)
        if self.slots is not None:
            slot = _slot(keys)
            inside = (slot >= 0) & (slot < len(self.slots))
            at = self.slots[np.where(inside, slot, 0)].astype(np.int64)
            at = np.where(inside & (at >= 0), at, 0)
        else:
            order = self.order if self.order is not None else np.argsort(self.keys, kind="stable")
            ranks = np.clip(np.searchsorted(self.keys[order], keys), 0, len(self.keys) - 1)
            at = order[ranks]
        return at, self.keys[at] == keys

    def blocks_at(self, positions: np.ndarray) -> set[str]:
        """The names of the blocks holding the units at ``positions`` (a unit in no block adds none)."""
        if not self.blocks or not len(positions):
            return set()
        names = list(self.blocks)
        firsts = np.array([self.blocks[name][2] for name in names], dtype=np.int64)
        lasts = np.array([self.blocks[name][3] for name in names], dtype=np.int64)
        order = np.argsort(firsts, kind="stable")
        which = np.searchsorted(firsts[order], positions, side="right") - 1
        held = (which >= 0) & (positions < lasts[order][np.maximum(which, 0)])
        return {names[int(order[i])] for i in np.unique(which[held]).tolist()}


def _slot(keys: np.ndarray) -> np.ndarray:
    """A unit's slot in ``OldFile.slots``: its row id and kind (the contested bit is compared after)."""
    return ((keys >> 3) << 2) | (keys & 3)


#: Slots allowed per unit before a table is too sparse to be worth its memory (row ids are
#: dense in a Store; an index naming huge ones is searched instead).
_SLOTS_PER_UNIT = 16


def _slot_table(keys: np.ndarray) -> np.ndarray | None:
    """``OldFile.slots`` for ``keys`` (in file order), or None when they are too sparse."""
    slots = _slot(keys)
    if int(slots.min()) < 0 or int(slots.max()) >= _SLOTS_PER_UNIT * len(keys) + (1 << 16):
        return None
    table = np.full(int(slots.max()) + 1, -1, dtype=np.int32 if len(keys) < 2**31 else np.int64)
    table[slots] = np.arange(len(keys), dtype=table.dtype)
    return table


@dataclass(frozen=True, slots=True)
class SpliceCounts:
    """What one spliced write did (the tests assert these, not times).

    copied_units, rendered_units   units taken from the old file, and rendered anew
    copied_bytes, written_bytes    bytes moved by ``copy_file_range``, and written from Python
    copies                         ranges copied (adjacent units make one)
    plans                          batches of units planned (each a few array operations)
    compares                       pieces of text compared with the old file's next bytes (a read each)
    blocks_copied                  named blocks copied whole, their units taken from the old index
    """

    copied_units: int
    rendered_units: int
    copied_bytes: int
    written_bytes: int
    copies: int
    plans: int
    compares: int = 0
    blocks_copied: int = 0


def _pack(basis: str, tokens: DocTokens, keys: np.ndarray, starts: np.ndarray, ends: np.ndarray,
          seps: np.ndarray, blocks: list[tuple[str, int, int, int, int]] | None = None) -> bytes:
    """The index: its head (JSON, the blocks' names with it), then arrays, the blocks' numbers last.

    A block's four numbers are binary, not JSON: a CSV has a block per document, and
    encoding, decoding and checking them one by one was most of its index's cost (issue 14).
    """
    known = {doc: token for doc, token in tokens.items() if token is not None}
    doc_ids = np.fromiter(known.keys(), dtype="<i8", count=len(known))
    doc_tokens = np.fromiter(known.values(), dtype="<i8", count=len(known))
    names = [block[0] for block in blocks or ()]
    numbers = np.array([block[1:] for block in blocks or ()], dtype="<i8").reshape(len(names), 4)
    head = json.dumps({"basis": basis, "docs": len(doc_ids), "units": len(keys), "blocks": names}).encode()
    return b"".join((_MAGIC, struct.pack("<I", len(head)), head, doc_ids.tobytes(), doc_tokens.tobytes(),
                     keys.astype("<i8").tobytes(), starts.astype("<i8").tobytes(), ends.astype("<i8").tobytes(),
                     seps.astype("u1").tobytes(), numbers.tobytes()))


def read_old(path: Path | None, index: Path | None, basis: str, tokens: DocTokens) -> OldFile | None:
    """The published file with its index, if the index was written on this ``basis``; else None.

    ``tokens``: each stored document's token now; those that differ from the index's
    are the documents stored since (``OldFile.changed_docs``).
    """
    if path is None or index is None:
        return None
    try:
        data = index.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        at = len(_MAGIC)
        (size,) = struct.unpack_from("<I", data, at)
        head = json.loads(data[at + 4: at + 4 + size])
        at += 4 + size
        if not isinstance(head, dict) or head.get("basis") != basis:
            return None
        n_docs, n_units, names = int(head["docs"]), int(head["units"]), head["blocks"]
        n_blocks = len(names) if isinstance(names, list) else -1
        if at + 16 * n_docs + 25 * n_units + 32 * n_blocks != len(data) or min(n_docs, n_units, n_blocks) < 0:
            return None
        parts = []
        for count, stored, kind in ((n_docs, "<i8", np.int64), (n_docs, "<i8", np.int64), (n_units, "<i8", np.int64),
                                    (n_units, "<i8", np.int64), (n_units, "<i8", np.int64), (n_units, "u1", np.uint8),
                                    (4 * n_blocks, "<i8", np.int64)):
            parts.append(np.frombuffer(data, dtype=stored, count=count, offset=at).astype(kind))
            at += np.dtype(stored).itemsize * count
    except (OSError, ValueError, KeyError, TypeError, struct.error):
        return None
    doc_ids, doc_tokens, keys, starts, ends, seps, numbers = parts
    old_tokens = dict(zip(doc_ids.tolist(), doc_tokens.tolist(), strict=True))
    changed = tuple(sorted(doc for doc, token in tokens.items() if token is None or old_tokens.get(doc) != token))
    try:
        file_size: int | None = path.stat().st_size
    except OSError:
        file_size = None
    if file_size is not None and len(ends) and (int(ends.max()) > file_size or bool((ends < starts).any())
                                                or int(seps.max()) >= len(SEPARATORS)):
        return None  # not the index of this file
    slots = _slot_table(keys) if len(keys) else None
    order = np.argsort(keys, kind="stable") if slots is None else None
    blocks = _blocks(names, numbers.reshape(-1, 4), starts, ends, file_size) if file_size is not None else {}
    return OldFile(path, keys, starts, ends, seps, changed, slots, order, blocks)


def _blocks(names: list[object], numbers: np.ndarray, starts: np.ndarray, ends: np.ndarray,
            size: int) -> dict[str, tuple[int, int, int, int]]:
    """The index's blocks that hold together: each inside the file, its units inside it (else none is kept).

    ``numbers``: each block's start, end, first unit and end of its units. Checked as
    arrays (a CSV has a block per document).
    """
    if not names or not all(type(name) is str for name in names):
        return {}
    start, end, first, last = numbers.T
    if not bool(((start >= 0) & (start <= end) & (end <= size) & (first >= 0) & (first <= last)
                 & (last <= len(starts))).all()):
        return {}
    some = first < last
    if bool((starts[first[some]] < start[some]).any() or (ends[last[some] - 1] > end[some]).any()):
        return {}
    return {str(name): (row[0], row[1], row[2], row[3]) for name, row in zip(names, numbers.tolist(), strict=True)}


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a named block starts or ends, queued between lists (``Splicer.begin_block``)."""

    name: str
    start: bool


@dataclass(frozen=True, slots=True)
class _Queued:
    """A part of a list of units waiting to be planned (``Splicer.units``' arguments)."""

    keys: np.ndarray
    rowids: np.ndarray
    sep: int
    first_sep: int
    render: Render
    fresh: np.ndarray | None


class Splicer:
    """Writes one file: literal text, and units copied from ``old`` or rendered.

    Use ``text`` for what is always rendered, ``units`` for a list of keyed records;
    ``finish`` writes what is pending and returns the counts, ``index_bytes`` the index.
    """

    def __init__(self, fd: int, old: OldFile | None) -> None:
        self._fd = fd
        self._old = old
        self._old_fd = os.open(old.path, os.O_RDONLY) if old is not None else -1
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._copy_start = self._copy_end = 0  # the old file's range waiting to be copied
        self._pos = 0
        self._index: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._counts = [0] * 8  # the fields of SpliceCounts, in order
        self._queue: list[bytes | _Queued | _Mark] = []  # text, lists and marks waiting for ``_plan``, in order
        self._queued_units = 0
        self._units_done = 0  # units in ``_index`` so far
        self._blocks: list[tuple[str, int, int, int, int]] = []  # name, start, end, first unit, end of units
        self._block_at: tuple[str, int, int] | None = None  # the open block: name, start, first unit

    # --- writing ---------------------------------------------------------------------------

    def _flush_copy(self) -> None:
        length = self._copy_end - self._copy_start
        if length:
            _copy_range(self._old_fd, self._fd, self._copy_start, length)
            self._counts[2] += length
            self._counts[4] += 1
        self._copy_start = self._copy_end = 0

    def _flush_text(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
            self._counts[3] += len(data)
            self._pending, self._pending_size = [], 0

    def _write(self, data: bytes) -> None:
        if not data:
            return
        if self._copy_end:
            self._counts[6] += len(data) <= _JOIN_TEXT
            if len(data) <= _JOIN_TEXT and os.pread(self._old_fd, len(data), self._copy_end) == data:
                # the old file holds these bytes next (a place's head between its lists): the copy
                # goes on over them, one range instead of two per place (issue 14)
                self._copy_end += len(data)
                self._pos += len(data)
                return
            self._flush_copy()
        self._pending.append(data)
        self._pending_size += len(data)
        self._pos += len(data)
        if self._pending_size >= _WRITE_CHUNK:
            self._flush_text()

    def _copy(self, start: int, end: int) -> None:
        if self._pending:
            self._flush_text()
        if self._copy_end and start == self._copy_end:
            self._copy_end = end
        else:
            self._flush_copy()
            self._copy_start, self._copy_end = start, end
        self._pos += end - start

    def text(self, text: str) -> None:
        """Write text that is rendered every time (brackets, heads, small members)."""
        data = text.encode("utf-8", "surrogatepass")
        if self._queue and isinstance(self._queue[-1], bytes):
            # one piece of text between two lists (a place's tail and the next one's head):
            # compared with the old file's bytes once (``_write``), not piece by piece
            self._queue[-1] += data
        elif self._queue:
            self._queue.append(data)
        else:
            self._write(data)

    def units(self, keys: np.ndarray, rowids: np.ndarray, sep: int, first_sep: int, render: Render,
              fresh: np.ndarray | None = None) -> None:
        """Write a list of units: their keys and row ids, in file order.

        Each unit has separator ``sep`` before it, the first ``first_sep``. A key is
        ``stored_units``' packing (row id, kind, contested in bit 2). Units whose row id is
        in ``fresh`` (rows stored since the old file) are rendered; units found in the old file are copied,
        adjacent ones in one range; the others are rendered by one ``render`` call per
        batch. Lists are planned with array operations, a batch of them at a time: a
        Python step per unit (a million in the exports of 10,000 articles) cost more than
        the copies, and a plan per short list (two per place of the GeoJSON) was most of
        a rebuild's GeoJSON (issue 14).
        """
        for at in range(0, len(keys), _UNITS_PER_PLAN):
            part = slice(at, at + _UNITS_PER_PLAN)
            self._queue.append(_Queued(keys[part], rowids[part], sep, first_sep if at == 0 else sep, render, fresh))
            self._queued_units += len(keys[part])
            if self._queued_units >= _UNITS_PER_PLAN:
                self._plan_queue()

    # --- blocks: a stretch copied whole, its units' index entries with it ---------------------

    def begin_block(self, name: str) -> None:
        """Start the block ``name`` here (what follows, to ``end_block``, is kept as one stretch)."""
        self._mark(_Mark(name, start=True))

    def end_block(self, name: str) -> None:
        """End the block ``name`` here: the next file's writer may copy it whole (``copy_block``)."""
        self._mark(_Mark(name, start=False))

    def copy_block(self, name: str) -> bool:
        """Copy the old file's block ``name`` whole, and its units' index entries; False when it has none.

        The caller knows the block's bytes are unchanged (for a place's Feature: no row of
        it changed, none came or went, no contested flag turned): nothing in it is listed,
        looked up or compared (issue 14: listing every unit of every place from the Store
        was most of the splice after the kernel's copying).
        """
        return self.copy_blocks([name]) == 1

    def copy_blocks(self, names: list[str]) -> int:
        """``copy_block`` of each of ``names`` in turn, nothing between them; how many the old file had.

        Blocks that follow each other in the old file are one range and one stretch of its
        index: a copy and an index entry per block (a CSV's documents, thousands) cost more
        than listing the units did (issue 14).
        """
        old = self._old
        if old is None or not names:
            return 0
        self._plan_queue()
        run: list[int] | None = None  # the old file's start, end, first unit, end of units of a run of blocks
        copied = 0
        for name in names:
            block = old.blocks.get(name)
            if block is None:
                continue
            start, end, first, last = block
            if run is not None and start == run[1] and first == run[3]:
                run[1], run[3] = end, last
            else:
                if run is not None:
                    self._copy_run(old, *run)
                run = [start, end, first, last]
            # where it will lie in the new file: after the runs before it and this run so far
            at, units_at = self._pos + start - run[0], self._units_done + first - run[2]
            self._blocks.append((name, at, at + end - start, units_at, units_at + last - first))
            copied += 1
        if run is not None:
            self._copy_run(old, *run)
        self._counts[7] += copied
        return copied

    def _copy_run(self, old: OldFile, start: int, end: int, first: int, last: int) -> None:
        """Copy ``old``'s ``start:end`` and its units ``first:last`` (their index entries moved with them)."""
        shift = self._pos - start
        if end > start:
            self._copy(start, end)
        if last > first:
            self._index.append((old.keys[first:last], old.starts[first:last] + shift, old.ends[first:last] + shift,
                                old.seps[first:last]))
            self._units_done += last - first
            self._counts[0] += last - first

    def _mark(self, mark: _Mark) -> None:
        if self._queue:
            self._queue.append(mark)
        else:
            self._at_mark(mark, self._units_done)

    def _at_mark(self, mark: _Mark, units: int) -> None:
        """Record a block's start or end at the current position (``units``: units written before it)."""
        if mark.start:
            self._block_at = (mark.name, self._pos, units)
        elif self._block_at is not None and self._block_at[0] == mark.name:
            name, start, first = self._block_at
            self._blocks.append((name, start, self._pos, first, units))
            self._block_at = None

    def _plan_queue(self) -> None:
        """Plan and write the queued lists and the text between them, in file order."""
        queue, self._queue, self._queued_units = self._queue, [], 0
        lists = [item for item in queue if isinstance(item, _Queued)]
        if lists:
            self._plan(lists, queue)
        else:
            for item in queue:
                if isinstance(item, _Mark):
                    self._at_mark(item, self._units_done)
                else:
                    self._write(item)  # type: ignore[arg-type]

    def _plan(self, lists: list[_Queued], queue: list[bytes | _Queued | _Mark]) -> None:
        """Write ``queue``: its text as it is, its lists (``lists``, in order) planned as one array."""
        self._counts[5] += 1
        sizes = np.array([len(item.keys) for item in lists], dtype=np.int64)
        firsts = np.cumsum(sizes) - sizes
        keys = np.concatenate([item.keys for item in lists])
        rowids = np.concatenate([item.rowids for item in lists])
        n = len(keys)
        owner = np.repeat(np.arange(len(lists)), sizes)
        seps = np.repeat(np.array([item.sep for item in lists], dtype=np.uint8), sizes)
        seps[firsts[sizes > 0]] = [item.first_sep for item in lists if len(item.keys)]
        sep_len = _SEP_LEN[seps]
        found = np.zeros(n, dtype=bool)
        copy_from = copy_to = prefix = np.zeros(n, dtype=np.int64)
        old = self._old
        if old is not None and len(old.keys) and n:
            at, found = old.locate(keys)
            for fresh, members in _grouped(lists, lambda item: item.fresh):
                if fresh is not None and len(fresh):
                    chosen = np.isin(owner, members)
                    found[chosen] &= ~np.isin(rowids[chosen], fresh)
            old_sep = old.seps[at]
            same_sep = old_sep == seps
            copy_from = np.where(same_sep, old.starts[at], old.starts[at] + _SEP_LEN[old_sep])
            copy_to = old.ends[at]
            prefix = np.where(same_sep, 0, sep_len)
        missing = np.flatnonzero(~found)
        rendered: dict[int, bytes] = {}
        if len(missing):
            contested = (keys >> 2) & 1
            for render, members in _grouped(lists, lambda item: item.render):
                chosen = missing[np.isin(owner[missing], members)]
                wanted = list(zip(rowids[chosen].tolist(), contested[chosen].tolist(), strict=True))
                texts = render(wanted)
                rendered.update((int(i), (SEPARATORS[seps[i]] + texts[unit]).encode("utf-8", "surrogatepass"))
                                for i, unit in zip(chosen.tolist(), wanted, strict=True))
        lengths = np.where(found, prefix + copy_to - copy_from, 0)
        if rendered:
            lengths[missing] = [len(rendered[i]) for i in missing.tolist()]
        # the text queued before each list moves its units on
        text_before, list_at, written = np.zeros(len(lists), dtype=np.int64), 0, 0
        for item in queue:
            if isinstance(item, bytes):
                written += len(item)
            elif isinstance(item, _Queued):
                text_before[list_at] = written
                list_at += 1
        ends = self._pos + np.cumsum(lengths) + text_before[owner]
        starts = ends - lengths
        # runs: a found unit that follows a found unit in the old file, with its separator, extends the copy
        joins = np.zeros(n, dtype=bool)
        joins[1:] = found[1:] & found[:-1] & (prefix[1:] == 0) & (copy_from[1:] == copy_to[:-1])
        joins[firsts[firsts < n]] = False  # a run never spans two lists (text may lie between)
        heads = np.flatnonzero(~joins).tolist()
        tails = [*heads[1:], n]
        run, list_at = 0, 0
        for item in queue:
            if isinstance(item, bytes):
                self._write(item)
                continue
            if isinstance(item, _Mark):
                self._at_mark(item, self._units_done + (int(firsts[list_at]) if list_at < len(lists) else n))
                continue
            end = int(firsts[list_at] + sizes[list_at])
            while run < len(heads) and heads[run] < end:
                head, tail = heads[run], tails[run] - 1
                if found[head]:
                    if prefix[head]:
                        self._write(_SEP_BYTES[seps[head]])
                    self._copy(int(copy_from[head]), int(copy_to[tail]))
                else:
                    self._write(rendered[head])
                run += 1
            if end and self._pos != int(ends[end - 1]):  # pragma: no cover - a broken plan must not pass silently
                msg = "spliced file out of step with its plan"
                raise RuntimeError(msg)
            list_at += 1
        self._counts[0] += int(found.sum())
        self._counts[1] += len(missing)
        self._index.append((keys, starts, ends, seps))
        self._units_done += n

    def finish(self) -> SpliceCounts:
        """Write what is pending; the counts of this file."""
        self._plan_queue()
        self._flush_copy()
        self._flush_text()
        self.close_quietly()
        return SpliceCounts(*self._counts)

    def close_quietly(self) -> None:
        """Close the old file (also on the way out of an error)."""
        if self._old_fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._old_fd)
            self._old_fd = -1

    def index_bytes(self, basis: str, tokens: DocTokens) -> bytes:
        """The index of the file written (to be kept beside it)."""
        parts = list(zip(*self._index, strict=True)) or [[np.zeros(0, np.int64)]] * 3 + [[np.zeros(0, np.uint8)]]
        return _pack(basis, tokens, *(np.concatenate(p) for p in parts), self._blocks)


def _grouped(lists: list[_Queued], attribute: Callable[[_Queued], Any]) -> list[tuple[Any, list[int]]]:
    """The positions of ``lists`` grouped by the object ``attribute`` gives (a render, a fresh array)."""
    groups: dict[int, tuple[Any, list[int]]] = {}
    for position, item in enumerate(lists):
        value = attribute(item)
        groups.setdefault(id(value), (value, []))[1].append(position)
    return list(groups.values())


def _copy_range(src: int, dst: int, offset: int, length: int) -> None:
    """Copy ``length`` bytes of ``src`` from ``offset`` to the current end of ``dst``.

    In the kernel where it can (``copy_file_range``: no byte passes through Python);
    else read and written in pieces.
    """
    copy = getattr(os, "copy_file_range", None)
    while length > 0:
        done = 0
        if copy is not None:
            try:
                done = copy(src, dst, length, offset)
            except OSError:
                copy = None
        if not done:
            data = os.pread(src, min(length, _WRITE_CHUNK), offset)
            if not data:
                msg = "the published file is shorter than its index says"
                raise OSError(msg)
            view = memoryview(data)
            while view:
                view = view[os.write(dst, view):]
            done = len(data)
        offset += done
        length -= done


def write_spliced(target: Path, old: OldFile | None, write: Callable[[Splicer], None],
                  *, basis: str, tokens: DocTokens) -> SpliceCounts:
    """Write ``target`` atomically with ``write(splicer)``, and its index beside it."""
    with atomic_path(target) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC)
        splicer = Splicer(fd, old)
        try:
            write(splicer)
            counts = splicer.finish()
        finally:
            splicer.close_quietly()
            os.close(fd)
        with atomic_path(target.parent / index_name(target.name)) as index:
            index.write_bytes(splicer.index_bytes(basis, tokens))
    return counts
