"""Write a Build as CSV: one row per (claim, place), ACLED/UCDP-style columns first.

The columns and their order are ``rows.CLAIM_COLUMNS``; docs/exports.md defines each.
An unplaced claim is one row with empty place columns, so every claim appears.

Format (RFC 4180): UTF-8 without a byte-order mark, a header row, fields quoted only
when they hold a comma, a double quote, CR or LF (``csv.QUOTE_MINIMAL``), quotes
doubled, and CRLF after every record. Line breaks inside a quote are kept verbatim
inside the quoted field. Empty cells are empty strings; booleans are ``true`` and
``false``; numbers are written in Python's shortest round-trip form. Cells are never
rewritten: a quote that starts with ``=`` stays as it is (spreadsheets may read such a
cell as a formula; GIS tools do not).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from geo.export._atomic import render_text, write_text_atomic
from geo.export.fragments import fragments_of
from geo.export.rows import CLAIM_COLUMNS
from geo.model import Build
from geo.records import Records


def _write_rows(data: Build | Records, fh: TextIO) -> None:
    csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(CLAIM_COLUMNS)
    fh.writelines(fragments_of(data).csv_lines())


def render_csv(data: Build | Records) -> bytes:
    """The claim rows as CSV bytes (UTF-8, no BOM, CRLF records): what ``write_csv`` writes.

    Parameters
    ----------
    data
        The records to write.

    Returns
    -------
    bytes
        The header and one record per (claim, place); an unplaced claim is one record
        with empty place columns.
    """
    return render_text(lambda fh: _write_rows(data, fh), newline="").encode("utf-8")


def write_csv(data: Build | Records, path: Path) -> None:
    """Write the claim rows to ``path`` as CSV, atomically and one row at a time."""
    write_text_atomic(path, lambda fh: _write_rows(data, fh), newline="")
