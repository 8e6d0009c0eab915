"""Records rendered once, as the exact text each export writes for them.

A rebuild after adding one article must not re-encode 36,000 claims. So each record's
export text (its GeoJSON line, its CSV line, its GeoPackage row) is made once, when its
document is extracted, and kept beside the record in the Store; the writers then copy
text in order. ``LiveFragments`` makes the same text on the fly from any ``Records``
(a Build in memory), with the same functions, so both routes write the same bytes.

Every fragment is made with ``contested`` false. A claim is contested only against
the other claims of its place, which another article can change; the few contested
ones are rendered again from their record when written.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Protocol

from geo.export.rows import (
    CLAIM_COLUMNS,
    _claim_row,
    _place_columns,
    claim_dict,
    mention_dict,
    source_dict,
    unresolved_dict,
)
from geo.model import Build, Claim, Link, Place, Resolution, Source
from geo.records import Records, as_records

__all__ = ["Fragments", "LiveFragments", "claim_rows", "fragments_of"]


def dumps(value: object) -> str:
    """Compact JSON, UTF-8 characters kept, no NaN: the encoding of every GeoJSON record."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def source_json(source: Source) -> str:
    """A source's line in the GeoJSON ``sources``."""
    return dumps(source_dict(source))


def resolution_json(res: Resolution) -> str:
    """A mention's line: under its place if resolved, in ``unresolved`` if not."""
    return dumps(mention_dict(res) if res.place_id is not None else unresolved_dict(res))


def claim_json(claim: Claim, link: Link | None, *, contested: bool = False) -> str:
    """A claim's line under one place (``link``), or in ``unplaced_claims`` (None)."""
    return dumps(claim_dict(claim, link=link, contested=contested))


def claim_row(claim: Claim, source: Source | None, place: Place | None, link: Link | None,
              *, contested: bool = False) -> dict[str, object]:
    """The flat row of a claim at one place (or of an unplaced claim): CSV and GeoPackage."""
    return _claim_row(claim, source, _place_columns(place, link, contested=contested))


def _cell(value: object) -> str:
    """One CSV cell: empty for None, ``true``/``false`` for booleans, else ``str``/``repr``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def csv_line(row: dict[str, object]) -> str:
    """One CSV record (RFC 4180, minimal quoting, CRLF) of a flat row."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(
        [_cell(row[name]) for name in CLAIM_COLUMNS])
    return buffer.getvalue()


def row_values(row: dict[str, object]) -> tuple[object, ...]:
    """A flat row's values in ``CLAIM_COLUMNS`` order (how the Store keeps it)."""
    return tuple(row[name] for name in CLAIM_COLUMNS)


#: The end of a claim's GeoJSON line that is not contested, and what a contested one ends with.
UNCONTESTED_JSON = ',"contested":false}'
CONTESTED_JSON = ',"contested":true}'
#: The end of a CSV record that is not contested, and what a contested one ends with.
UNCONTESTED_CSV = ",false\r\n"
CONTESTED_CSV = ",true\r\n"


def as_contested_json(line: str) -> str:
    """``claim_json(..., contested=False)`` turned into the ``contested=True`` line.

    ``contested`` is the last key of ``rows.claim_dict``, so the flag is the line's
    last field; a test checks this against rendering the claim anew.
    """
    if not line.endswith(UNCONTESTED_JSON):
        msg = f"not an uncontested claim line: ...{line[-40:]!r}"
        raise ValueError(msg)
    return line[: -len(UNCONTESTED_JSON)] + CONTESTED_JSON


def as_contested_csv(line: str) -> str:
    """``csv_line`` of an uncontested row turned into the contested one (its last cell)."""
    if not line.endswith(UNCONTESTED_CSV):
        msg = f"not an uncontested CSV row: ...{line[-40:]!r}"
        raise ValueError(msg)
    return line[: -len(UNCONTESTED_CSV)] + CONTESTED_CSV


def as_contested_values(values: tuple[object, ...]) -> tuple[object, ...]:
    """``row_values`` of an uncontested row turned into the contested one."""
    return (*values[:-1], True)


class Fragments(Protocol):
    """The export text of every record, walked in the exports' order."""

    def geojson_sources(self) -> Iterator[str]: ...
    def geojson_mentions_at(self, place_id: str) -> Iterator[str]: ...
    def geojson_claims_at(self, place_id: str) -> Iterator[str]: ...
    def geojson_unresolved(self) -> Iterator[str]: ...
    def geojson_unplaced(self) -> Iterator[str]: ...

    def claim_rows(self) -> Iterator[dict[str, object]]:
        """Flat rows in CSV order: claims by (sort_key, claim_id), then place id."""
        ...

    def claim_values(self) -> Iterator[tuple[object, ...]]:
        """``claim_rows`` as tuples in ``CLAIM_COLUMNS`` order (the GeoPackage reads columns)."""
        ...

    def csv_lines(self) -> Iterator[str]:
        """``claim_rows`` as CSV records."""
        ...


def _sources_of(records: Records, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Source | None]]:
    """Pair each claim with its source: both walks are in source order (a merge, no dict)."""
    sources = records.iter_sources()
    current = next(sources, None)
    for claim in claims:
        while current is not None and current.source < claim.source:
            current = next(sources, None)
        yield claim, current if current is not None and current.source == claim.source else None


def _csv_order(claims: Iterable[Claim]) -> Iterator[Claim]:
    """Claims in (sort_key, claim_id) order, from claims already in sort_key order."""
    for _, same in itertools.groupby(claims, key=lambda c: c.sort_key):
        yield from sorted(same, key=lambda c: c.claim_id)


class LiveFragments:
    """Fragments rendered on demand from ``Records`` (a Build in memory)."""

    def __init__(self, records: Records) -> None:
        self.records = records

    def geojson_sources(self) -> Iterator[str]:
        return (source_json(s) for s in self.records.iter_sources())

    def geojson_mentions_at(self, place_id: str) -> Iterator[str]:
        return (resolution_json(r) for r in self.records.mentions_at(place_id))

    def geojson_claims_at(self, place_id: str) -> Iterator[str]:
        contested = self.records.contested_at(place_id)
        return (claim_json(c, link, contested=c.claim_id in contested)
                for c, link in self.records.claims_at(place_id))

    def geojson_unresolved(self) -> Iterator[str]:
        return (resolution_json(r) for r in self.records.iter_unresolved())

    def geojson_unplaced(self) -> Iterator[str]:
        return (claim_json(c, None) for c in self.records.iter_unplaced_claims())

    def claim_rows(self) -> Iterator[dict[str, object]]:
        records = self.records
        places = {p.place_id: p for p in records.places}
        for claim, source in _sources_of(records, _csv_order(records.iter_claims())):
            if not claim.places:
                yield claim_row(claim, source, None, None)
            for pl in sorted(claim.places):
                contested = claim.claim_id in records.contested_at(pl.place_id)
                yield claim_row(claim, source, places[pl.place_id], pl.link, contested=contested)

    def claim_values(self) -> Iterator[tuple[object, ...]]:
        return (row_values(row) for row in self.claim_rows())

    def csv_lines(self) -> Iterator[str]:
        return (csv_line(row) for row in self.claim_rows())


def claim_rows(data: Build | Records) -> Iterator[dict[str, object]]:
    """One flat row per (claim, place): the CSV and the GeoPackage ``claims`` layer.

    A claim tied to two places gives two rows; an unplaced claim gives one row whose
    place columns (``geo_precision``, ``admin1``, ``admin2``, ``location``,
    ``latitude``, ``longitude``, ``place_id``, ``link``) are empty, with ``where_prec``
    6 and ``contested`` false, so that no claim is lost. ``contested`` is computed among
    the claims of the row's place, as in the GeoJSON.

    Parameters
    ----------
    data
        The records to flatten.

    Returns
    -------
    Iterator of dict
        Rows keyed by ``CLAIM_COLUMNS`` in that order, ``None`` for an empty cell,
        sorted by claim (source, start, end, kind, id), then place id; made one at a time.
    """
    return fragments_of(data).claim_rows()


def fragments_of(data: Build | Records) -> Fragments:
    """The stored fragments of a Store, else fragments rendered live from the records."""
    stored = getattr(data, "fragments", None)
    return stored if stored is not None else LiveFragments(as_records(data))
