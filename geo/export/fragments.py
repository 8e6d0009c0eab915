"""Records rendered once, as the exact text each export writes for them.

A rebuild after adding one article must not re-encode 36,000 claims. So each record's
export text (its GeoJSON line, its CSV line, its GeoPackage row) is made once, when its
document is extracted, and kept beside the record in the Store; the writers then copy
text in order. ``LiveFragments`` makes the same text on the fly from any ``Records``
(a Build in memory), with the same functions, so both routes write the same bytes.

Every fragment is made with ``contested`` false. A claim is contested only against
the other claims of its place, which another article can change; the few contested
ones are rendered again from their record when written.

A claim tied to several places differs between its rows only in the place columns and
the link, so the Store renders it once (``render_claim``) and fills those in per place
(``claim_fragments_at``); CSV cells are quoted by ``csv_cell``, equal to ``csv.writer``
(issue 14: a writer per row cost more than the row).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from geo import json_text
from geo.export.rows import (
    CLAIM_COLUMNS,
    PLACE_COLUMN_NAMES,
    claim_columns,
    claim_dict,
    mention_dict,
    place_columns,
    source_dict,
    unresolved_dict,
)
from geo.export.rows import claim_row as join_row
from geo.model import Build, Claim, Link, Place, Resolution, Source
from geo.records import Records, as_records

__all__ = ["Fragments", "LiveFragments", "claim_rows", "fragments_of"]


#: Compact JSON, UTF-8 characters kept, no NaN: the encoding of every GeoJSON record.
dumps = json_text.dumps


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
    return join_row(claim_columns(claim, source), place_columns(place, link, contested=contested))


def _cell(value: object) -> str:
    """One CSV cell: empty for None, ``true``/``false`` for booleans, else ``str``/``repr``."""
    kind = type(value)
    if kind is str:  # most cells: no isinstance chain
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


#: What makes ``csv.QUOTE_MINIMAL`` quote a cell: the delimiter, the quote character and
#: the characters of the line terminator (CPython's ``_csv.c``, ``join_append_data``).
_NEEDS_QUOTES = re.compile('[,"\r\n]')


def csv_cell(text: str) -> str:
    """A cell as ``csv.writer(quoting=QUOTE_MINIMAL)`` writes it: quoted, quotes doubled, only when needed.

    A writer and a buffer per row cost more than the row's text itself; a test holds
    ``csv_record`` equal to ``csv.writer`` on hostile cells.

    >>> csv_cell("Sudzha"), csv_cell('he said "40", not 50')
    ('Sudzha', '"he said ""40"", not 50"')
    """
    if _NEEDS_QUOTES.search(text) is None:
        return text
    return '"' + text.replace('"', '""') + '"'


def csv_record(cells: Sequence[str]) -> str:
    r"""One CSV record (RFC 4180, minimal quoting, CRLF), byte for byte what ``csv.writer`` writes.

    >>> csv_record(["a", "b,c", ""]), csv_record([""])
    ('a,"b,c",\r\n', '""\r\n')
    """
    if len(cells) == 1 and not cells[0]:  # csv.writer quotes a lone empty cell, or the row would vanish
        return '""\r\n'
    return ",".join(map(csv_cell, cells)) + "\r\n"


def csv_line(row: dict[str, object]) -> str:
    """One CSV record (RFC 4180, minimal quoting, CRLF) of a flat row."""
    return csv_record([_cell(row[name]) for name in CLAIM_COLUMNS])


def row_values(row: dict[str, object]) -> tuple[object, ...]:
    """A flat row's values in ``CLAIM_COLUMNS`` order (how the Store keeps it)."""
    return tuple(row[name] for name in CLAIM_COLUMNS)


def _column_runs() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], int]:
    """``CLAIM_COLUMNS`` cut into runs of claim columns and runs of place columns.

    The two kinds alternate; the third value is where the first claim run stands in
    the alternation (0 or 1), for ``_interleave``.
    """
    runs = [tuple(names) for _, names in itertools.groupby(CLAIM_COLUMNS, key=PLACE_COLUMN_NAMES.__contains__)]
    place_first = runs[0][0] in PLACE_COLUMN_NAMES
    return tuple(runs[place_first::2]), tuple(runs[1 - place_first::2]), int(place_first)


#: The claim columns and the place columns of a claim row, in alternating runs.
_CLAIM_RUNS, _PLACE_RUNS, _CLAIM_FIRST_AT = _column_runs()
#: The claim columns in row order, and where each claim run sits among them.
_CLAIM_NAMES = tuple(itertools.chain.from_iterable(_CLAIM_RUNS))
_CLAIM_SLICES = tuple(slice(end - len(run), end)
                      for run, end in zip(_CLAIM_RUNS, itertools.accumulate(map(len, _CLAIM_RUNS)), strict=True))
_LINK_KEY = ',"link":'
#: The JSON of each tie's ``link`` member (``claim_dict``: an unplaced claim's is the article).
_LINK_JSON: dict[Link | None, str] = {None: json.dumps(Link.ARTICLE.value),
                                      **{link: json.dumps(link.value) for link in Link}}


def _interleave(claim_runs: tuple[str, ...], place_runs: tuple[str, ...]) -> list[str]:
    """The runs of a claim and of a place in the row's column order."""
    pieces = [""] * (len(claim_runs) + len(place_runs))
    pieces[_CLAIM_FIRST_AT::2] = claim_runs
    pieces[1 - _CLAIM_FIRST_AT::2] = place_runs
    return pieces


def _csv_cells(values: Iterable[object]) -> list[str]:
    """``csv_cell(_cell(value))`` of each value: numbers and booleans need no quotes."""
    plain = _NEEDS_QUOTES.search
    return [(value if plain(value) is None else csv_cell(value)) if type(value) is str  # type: ignore[arg-type]
            else "" if value is None else str(value) if type(value) is int else _cell(value)
            for value in values]


def _json_items(values: Sequence[object]) -> str:
    """The JSON of a run of row values without its brackets: a list's items are joined
    by ``,`` in compact JSON, so runs join into the row's list."""
    return dumps(values)[1:-1]


@dataclass(frozen=True, slots=True)
class RenderedClaim:
    """A claim's export text with what depends on its place left open (``claim_fragments_at``).

    A claim tied to three places was rendered three times over, and its quote quoted for
    the CSV three times; this is everything that is the same at each place, made once.
    The row's columns come in runs of claim columns and runs of place columns
    (``_CLAIM_RUNS``, ``_PLACE_RUNS``); the claim's runs are kept as text, so a place
    only adds its own runs (issue 14: the row was copied, filled in and encoded per place).

    json_head, json_tail  ``claim_json`` of the claim around its ``"link"`` member
    csv_runs              each claim run's CSV cells, quoted and joined by commas
    json_runs             each claim run's values as JSON list items
    """

    json_head: str
    json_tail: str
    csv_runs: tuple[str, ...]
    json_runs: tuple[str, ...]


def render_claim(claim: Claim, source: Source | None, *,
                 fields: Mapping[str, object] | None = None) -> RenderedClaim:
    """What ``claim_json``, ``csv_line`` and ``row_values`` make of a claim at any of its places, once.

    ``fields`` is ``claim_dict(claim, link=None)`` when the caller has it (the map uses it too).
    """
    head, tail = claim_line_parts(claim, fields=fields)
    columns = claim_columns(claim, source, fields=fields)
    values = [columns[name] for name in _CLAIM_NAMES]
    cells = _csv_cells(values)
    return RenderedClaim(json_head=head, json_tail=tail,
                         csv_runs=tuple([",".join(cells[run]) for run in _CLAIM_SLICES]),
                         json_runs=tuple([dumps(values[run])[1:-1] for run in _CLAIM_SLICES]))


def claim_line_parts(claim: Claim, *, fields: Mapping[str, object] | None = None) -> tuple[str, str]:
    """``claim_json`` of a claim around its ``"link"`` member: the same at each of its places.

    ``fields`` is ``claim_dict(claim, link=None)`` when the caller has it.
    """
    line = dumps(fields) if fields is not None else claim_json(claim, None)
    head, key, tail = line.partition(_LINK_KEY)
    if not key or _LINK_KEY in tail:  # claim_dict's one "link" key; quotes write '"' as '\\"'
        msg = f"no single link member in a claim line: {line[:80]!r}"
        raise ValueError(msg)
    return head, tail[tail.index(",") :]  # after the link's value: its values are plain words


def claim_line_at(head: str, tail: str, link: Link | None) -> str:
    """``claim_json(claim, link)`` from the claim's ``claim_line_parts``, uncontested."""
    return f"{head}{_LINK_KEY}{_LINK_JSON[link]}{tail}"


#: ``_place_runs`` of the (place id, link) pairs met so far, with the place they were made
#: of: keyed by id, not by the Place, whose dataclass hash reads every field (issue 14).
_PLACE_RUNS_MADE: dict[tuple[str | None, Link | None], tuple[Place | None, tuple[str, ...], tuple[str, ...]]] = {}
_PLACE_RUNS_LIMIT = 16384  # a gazetteer's 2,770 places, each under its few links


def _place_runs(place: Place | None, link: Link | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The CSV text and the JSON items of each place run of a row at ``place``, uncontested.

    The same for every claim tied to the place, so made once per place and link; a
    Place of another gazetteer under the same id is made anew.
    """
    key = (place.place_id if place is not None else None, link)
    made = _PLACE_RUNS_MADE.get(key)
    if made is None or made[0] is not place:
        part = place_columns(place, link, contested=False)
        runs = [[part[name] for name in names] for names in _PLACE_RUNS]
        if len(_PLACE_RUNS_MADE) >= _PLACE_RUNS_LIMIT:
            _PLACE_RUNS_MADE.clear()
        made = _PLACE_RUNS_MADE[key] = (place, tuple(",".join(map(csv_cell, map(_cell, run))) for run in runs),
                                        tuple(map(_json_items, runs)))
    return made[1], made[2]


def claim_fragments_at(claim: RenderedClaim, place: Place | None, link: Link | None) -> tuple[str, str, str]:
    """A claim's GeoJSON line, CSV line and GeoPackage row (JSON) at one place, uncontested.

    Equal to ``claim_json(claim, link)``, ``csv_line(claim_row(...))`` and
    ``dumps(row_values(claim_row(...)))`` (a test says so), from ``render_claim``'s parts.
    """
    csv_runs, json_runs = _place_runs(place, link)
    line = claim_line_at(claim.json_head, claim.json_tail, link)
    return (line, ",".join(_interleave(claim.csv_runs, csv_runs)) + "\r\n",
            "[" + ",".join(_interleave(claim.json_runs, json_runs)) + "]")


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
