"""Write a Build as CSV: one row per (claim, place), ACLED/UCDP-style columns first.

The columns and their order are ``rows.CLAIM_COLUMNS``; docs/exports.md defines each.
An unplaced claim is one row with empty place columns, so every claim appears.

Format (RFC 4180): UTF-8 without a byte-order mark, a header row, fields quoted only
when they hold a comma, a double quote, CR or LF (``csv.QUOTE_MINIMAL``), quotes
doubled, and CRLF after every record. Line breaks inside a quote are kept verbatim
inside the quoted field. Empty cells are empty strings; booleans are ``true`` and
``false``; numbers are written in Python's shortest round-trip form.

Formula injection (issue 13): a text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return (page titles, outlets, file names and quotes come from the
articles) is run as a formula by spreadsheets. By default such a cell gets a leading
single quote, OWASP's rule ("CSV Injection"); numbers ("-1.5") are left as they are.
``raw=True`` (``--raw-csv``) writes every cell unchanged, for GIS tools.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from geo.export._atomic import render_text, write_text_atomic
from geo.export.fragments import fragments_of
from geo.export.rows import CLAIM_COLUMNS
from geo.model import Build
from geo.records import Records

if TYPE_CHECKING:
    import numpy as np

    from geo.export.splice import DocTokens, OldFile, Render, SpliceCounts, Splicer
    from geo.export.stored_units import Units
    from geo.store import Store

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A record's first cell, bare or quoted, starting like a formula.
_FIRST_CELL_LIKE_FORMULA = (*_FORMULA_START, *(f'"{c}' for c in _FORMULA_START))
#: Any later cell so starting: a literal comma first lets the engine skip to the commas
#: (``(?:^|,)`` tried both branches at every character: half of the writer's time, issue 14).
_CELL_LIKE_FORMULA = re.compile(r',"?[=+\-@\t\r]')
#: A record after the first in a chunk of several starting so (or a line break inside a
#: quoted cell: parsed for nothing, never wrong).
_RECORD_LIKE_FORMULA = re.compile(r'\n"?[=+\-@\t\r]')
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_cell(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: OWASP's leading single quote.

    >>> neutralise_cell("=1+2"), neutralise_cell("-1.5"), neutralise_cell("Sudzha")
    ("'=1+2", '-1.5', 'Sudzha')
    """
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _neutralised(chunks: Iterable[str]) -> Iterator[str]:
    """CSV text (each chunk one or more whole records) with their cells neutralised.

    A chunk with no cell that may start like a formula (no such character at its start,
    after a comma or after a line feed) is passed on as it is: most chunks. Any other
    is parsed and written again record by record, which gives the same bytes for every
    record it does not change (both are ``csv.writer`` with minimal quoting).
    """
    for chunk in chunks:
        if not (chunk.startswith(_FIRST_CELL_LIKE_FORMULA) or _CELL_LIKE_FORMULA.search(chunk)
                or _RECORD_LIKE_FORMULA.search(chunk)):
            yield chunk  # nothing to rewrite
            continue
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        for cells in csv.reader(io.StringIO(chunk, newline="")):
            writer.writerow([neutralise_cell(cell) for cell in cells])
        yield buffer.getvalue()


def _write_rows(data: Build | Records, fh: TextIO, *, raw: bool = False) -> None:
    csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(CLAIM_COLUMNS)
    lines = fragments_of(data).csv_lines()
    fh.writelines(lines if raw else _neutralised(lines))


def render_csv(data: Build | Records, *, raw: bool = False) -> bytes:
    """The claim rows as CSV bytes (UTF-8, no BOM, CRLF records): what ``write_csv`` writes.

    Parameters
    ----------
    data
        The records to write.
    raw
        Write cells unchanged; by default cells that start like a formula get a
        leading single quote (module docstring).

    Returns
    -------
    bytes
        The header and one record per (claim, place); an unplaced claim is one record
        with empty place columns.
    """
    return render_text(lambda fh: _write_rows(data, fh, raw=raw), newline="").encode("utf-8")


def write_csv(data: Build | Records, path: Path, *, raw: bool = False) -> None:
    """Write the claim rows to ``path`` as CSV, atomically and one row at a time (``raw``: as ``render_csv``)."""
    write_text_atomic(path, lambda fh: _write_rows(data, fh, raw=raw), newline="")


def _header() -> str:
    return render_text(lambda fh: csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(
        CLAIM_COLUMNS), newline="")


def _neutralised_record(record: str) -> str:
    """One record as ``_neutralised`` writes it (it treats each record of a chunk alone)."""
    return "".join(_neutralised((record,)))


def write_csv_spliced(store: Store, path: Path, *, raw: bool = False, old: OldFile | None, basis: str,
                      tokens: DocTokens, contested: np.ndarray | None = None) -> SpliceCounts:
    """``write_csv`` of a Store, its unchanged records copied from ``old`` (``geo.export.splice``).

    ``basis`` must tell ``raw`` apart: a neutralised record is not a raw one. ``contested``:
    ``stored_units.contested_links`` when the caller has read them already.

    Each document's records are a block of the index (``Splicer.begin_block``): the CSV
    is in document order, so a document that did not change is copied whole with its
    index entries, and only the changed documents' rows are listed from the Store
    (``_spliced_records``).
    """
    from geo.export import stored_units as units
    from geo.export.splice import write_spliced

    def write(splicer: Splicer) -> None:
        fresh = units.changed_rows(store, list(old.changed_docs))[2] if old is not None else None
        splicer.text(_header())
        _spliced_records(splicer, store, old, units.contested_links(store) if contested is None else contested,
                         units.csv_render(store, None if raw else _neutralised_record), fresh)

    return write_spliced(path, old, write, basis=basis, tokens=tokens)


#: Above this share of documents changed, every record is listed in one query: a query per
#: changed document then costs more than reading every record's row id at once.
_LISTED_PER_DOC = 0.25


def _spliced_records(splicer: Splicer, store: Store, old: OldFile | None, contested: np.ndarray,
                     render: Render, fresh: np.ndarray | None) -> None:
    """The records, one block per document with records; unchanged documents' blocks copied whole.

    Listing every record from the Store and looking each up in the old index was the
    CSV's splice (issue 14); a rebuild that adds one article to thousands now lists
    that article's records and copies every other document as one range of the old file.
    Without an old file with blocks, or when many documents changed, every record is
    listed at once and cut into documents by their counts.
    """
    from geo.export import stored_units as units

    docs = units.docs_by_source(store).tolist()
    changed = _changed_docs(old, contested) if old is not None and _blocks_are_documents(old) else None
    if changed is not None and len(changed) <= len(docs) * _LISTED_PER_DOC:
        unchanged: list[str] = []  # a run of them, copied together
        for doc in docs:
            if doc in changed:
                splicer.copy_blocks(unchanged)
                unchanged = []
                _block(splicer, str(doc), units.csv_units_of_doc(store, doc, contested), render, fresh)
            else:
                unchanged.append(str(doc))  # one without a block has no records (each with some has one)
        splicer.copy_blocks(unchanged)
        return
    keys, rowids = units.csv_units(store, contested)
    counts, at = units.csv_counts_by_doc(store), 0
    for doc in docs:
        count = counts.get(doc, 0)
        if count:
            _block(splicer, str(doc), (keys[at: at + count], rowids[at: at + count]), render, fresh)
            at += count
    if at != len(keys):  # pragma: no cover - the queries read one snapshot
        msg = "CSV records out of step with their documents"
        raise RuntimeError(msg)


def _block(splicer: Splicer, name: str, records: Units, render: Render, fresh: np.ndarray | None) -> None:
    """One document's records as a block of the index (none for a document without records)."""
    if len(records[0]):
        splicer.begin_block(name)
        splicer.units(*records, sep=0, first_sep=0, render=render, fresh=fresh)
        splicer.end_block(name)


def _changed_docs(old: OldFile, contested: np.ndarray) -> set[int]:
    """The documents whose records may differ from their block in ``old``: the rest are copied whole.

    A document stored since (another token, or none: ``OldFile.changed_docs``), or one
    with a record whose contested flag turned (another document's claims decide it).
    A document with the same token has the same rows, so nothing else can change its
    records; a document removed since is simply not written.
    """
    from geo.export import stored_units as units

    return set(old.changed_docs) | {int(name) for name in units.turned_blocks(old, contested)}


def _blocks_are_documents(old: OldFile) -> bool:
    """Whether ``old``'s blocks are documents' and hold every unit, one after another, as this writer makes them.

    A document with no block is taken to have no records: an index whose blocks were
    damaged, or made by another writer, would lose records that way, so it is listed
    whole instead.
    """
    if not old.blocks or not all(name.isdecimal() for name in old.blocks):
        return False
    at = 0
    for first, last in sorted((first, last) for _, _, first, last in old.blocks.values()):
        if first != at:
            return False
        at = last
    return at == len(old.keys)
