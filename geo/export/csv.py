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
import io
from pathlib import Path

from geo.export._atomic import write_bytes_atomic
from geo.export.rows import CLAIM_COLUMNS, claim_rows
from geo.model import Build


def _cell(value: object) -> str:
    """One CSV cell: empty for None, ``true``/``false`` for booleans, else ``str``/``repr``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def render_csv(build: Build) -> bytes:
    """The claim rows of ``build`` as CSV bytes (UTF-8, no BOM, CRLF records).

    Parameters
    ----------
    build
        The records to write.

    Returns
    -------
    bytes
        The header and one record per (claim, place); an unplaced claim is one record
        with empty place columns.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CLAIM_COLUMNS)
    writer.writerows([_cell(row[name]) for name in CLAIM_COLUMNS] for row in claim_rows(build))
    return buffer.getvalue().encode("utf-8")


def write_csv(build: Build, path: Path) -> None:
    """Write ``build`` to ``path`` as CSV, atomically (the old file survives a failure)."""
    write_bytes_atomic(path, render_csv(build))
