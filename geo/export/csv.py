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

    from geo.export.splice import DocTokens, OldFile, SpliceCounts, Splicer
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
    """
    from geo.export import stored_units as units
    from geo.export.splice import write_spliced

    def write(splicer: Splicer) -> None:
        fresh = units.changed_rows(store, list(old.changed_docs))[2] if old is not None else None
        splicer.text(_header())
        splicer.units(*units.csv_units(store, contested), sep=0, first_sep=0,
                      render=units.csv_render(store, None if raw else _neutralised_record), fresh=fresh)

    return write_spliced(path, old, write, basis=basis, tokens=tokens)
