"""Records of a Build → plain JSON-ready dicts, the one shape every writer starts from.

Pure: no file system, no geopandas. GeoJSON nests claims under their places
(``feature_collection``). CSV and GeoPackage read flat rows built from the same helpers:
``fragments.claim_rows`` (one row per (claim, place), rendered by ``geo.export.fragments``
from the helpers here, which imports this module and not the other way round),
``place_rows``, ``area_rows`` and ``about_rows``; docs/exports.md defines every column.

Coordinates leave the records here and only here, in GeoJSON's [lon, lat] order,
rounded to 6 decimals (about 0.1 m).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import cast

from geo.model import (
    Build,
    Claim,
    DatePrecision,
    Figure,
    Kind,
    Link,
    Place,
    PlaceType,
    Resolution,
    Skip,
    Source,
)
from geo.records import Records, as_records
from geo.statements import statement_id

COORD_DECIMALS = 6


def lon_lat(place: Place) -> list[float]:
    """The place's point in GeoJSON axis order, rounded."""
    return [round(place.lon, COORD_DECIMALS), round(place.lat, COORD_DECIMALS)]


def figure_dict(figure: Figure | None) -> dict[str, object] | None:
    """A figure as the contract writes it; integral numbers stay integers."""
    if figure is None:
        return None
    return {"text": figure.text, "low": _number(figure.low), "best": _number(figure.best),
            "high": _number(figure.high)}


def _number(value: float | None) -> float | int | None:
    """A figure's bound as the contract writes it: an integral number as an integer."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def claim_dict(claim: Claim, *, link: Link | None, contested: bool = False) -> dict[str, object]:
    """A claim as the contract writes it, with the link under which it is listed."""
    # ``_value_`` is an enum member's own attribute; ``value`` is a property in Python, ten
    # times slower, and the Store renders every claim's fields (issue 14). Here and below.
    return {
        "claim_id": claim.claim_id,
        "quote": claim.quote,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "claimant": claim.claimant,
        "kind": claim.kind._value_,
        "subject": claim.subject,
        "figure": figure_dict(claim.figure),
        "reported": claim.reported,
        "reported_precision": claim.reported_precision._value_ if claim.reported_precision else None,
        "link": (link or Link.ARTICLE)._value_,
        "statement_id": statement_id(claim),
        "corrected_by": list(claim.corrected_by),
        "contested": contested,
    }


def mention_dict(resolution: Resolution) -> dict[str, object]:
    """A resolved mention under its place."""
    m = resolution.mention
    return {"source": m.source, "surface": m.surface, "start": m.start, "end": m.end,
            "lemma": m.lemma, "reason": resolution.reason,
            "context": m.context, "context_start": m.context_start}


def unresolved_dict(resolution: Resolution) -> dict[str, object]:
    """A mention geo abstained on, with its candidates and the reason."""
    m = resolution.mention
    return {"source": m.source, "surface": m.surface, "start": m.start, "end": m.end,
            "lemma": m.lemma, "candidates": list(m.candidates), "reason": resolution.reason}


def source_dict(source: Source) -> dict[str, object]:
    """One input document's metadata."""
    return {"file": source.source, "title": source.title, "publisher": source.publisher,
            "published": source.published, "url": source.url, "sha256": source.sha256,
            "language": source.language, "encoding": source.encoding,
            "corrected_by": list(source.corrected_by)}


def _place_fields(place: Place) -> dict[str, object]:
    """The fields that describe a place, shared by GeoJSON properties and place rows."""
    return {
        "place_id": place.place_id,
        "name": place.name,
        "name_local": place.name_local,
        "place_type": place.place_type.value,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geo_precision": place.geo_precision,
    }


def feature_head(place: Place, *, contested: bool) -> dict[str, object]:
    """A place's Feature without its ``mentions`` and ``claims`` (writers stream those)."""
    return {
        "type": "Feature",
        "id": place.place_id,
        "geometry": {"type": "Point", "coordinates": lon_lat(place)},
        "properties": {
            **_place_fields(place),
            "category": place.category,
            "population": place.population,
            "contested": contested,
        },
    }


def feature_mentions(records: Records, place: Place) -> Iterator[dict[str, object]]:
    """The ``mentions`` of a place's Feature, one at a time."""
    return (mention_dict(r) for r in records.mentions_at(place.place_id))


def feature_claims(records: Records, place: Place) -> Iterator[dict[str, object]]:
    """The ``claims`` of a place's Feature, one at a time, with their tie and conflict flag."""
    contested = records.contested_at(place.place_id)
    return (claim_dict(c, link=link, contested=c.claim_id in contested)
            for c, link in records.claims_at(place.place_id))


def iter_features(data: Build | Records) -> Iterator[dict[str, object]]:
    """One whole GeoJSON Feature dict per place, in place order (tests; writers stream)."""
    records = as_records(data)
    for place in records.places:
        feature = feature_head(place, contested=bool(records.contested_at(place.place_id)))
        props = feature["properties"]
        props["mentions"] = list(feature_mentions(records, place))  # type: ignore[index]
        props["claims"] = list(feature_claims(records, place))  # type: ignore[index]
        yield feature


def skip_dict(skip: Skip) -> dict[str, object]:
    """A file not used, and why."""
    return {"file": skip.source, "reason": skip.reason}


def collection_members(data: Build | Records) -> dict[str, Iterable[object] | object]:
    """The FeatureCollection's members in their fixed order; lists come as iterators.

    ``features`` iterates whole Feature dicts; a streaming writer may build them itself
    from ``feature_head``, ``feature_mentions`` and ``feature_claims`` instead.
    """
    records = as_records(data)
    return {
        "type": "FeatureCollection",
        "name": records.corpus,
        "built": records.built,
        "gazetteer_version": records.gazetteer_version,
        "attribution": list(records.attribution),
        "sources": (source_dict(s) for s in records.iter_sources()),
        "skipped": (skip_dict(s) for s in records.iter_skips()),
        "features": iter_features(records),
        "unresolved": (unresolved_dict(r) for r in records.iter_unresolved()),
        "unplaced_claims": (claim_dict(c, link=None) for c in records.iter_unplaced_claims()),
    }


def feature_collection(data: Build | Records) -> dict[str, object]:
    """The whole build as one RFC 7946 FeatureCollection dict (the contract's shape)."""
    return {key: value if isinstance(value, str | list) else list(value)  # type: ignore[arg-type]
            for key, value in collection_members(data).items()}


# --- Flat rows: CSV and the GeoPackage layers -----------------------------------------
#
# docs/exports.md defines every column below. Changing a column means changing, together:
# the mapping here, the row builder, docs/exports.md, and the expectations in
# tests/test_export_csv.py and tests/test_ogrinfo.py.

#: Columns of a claim row (the CSV and the GeoPackage ``claims`` layer), in order, with
#: the Python type of their non-empty values. ``None`` is the empty value of every column.
CLAIM_COLUMNS: Mapping[str, type] = MappingProxyType({
    # ACLED-style
    "event_date": date,
    "time_precision": int,
    "geo_precision": int,
    "admin1": str,
    "admin2": str,
    "location": str,
    "latitude": float,
    "longitude": float,
    "source": str,
    "notes": str,
    "fatalities": int,
    # UCDP GED-style
    "where_prec": int,
    "date_prec": int,
    "low": float,
    "best": float,
    "high": float,
    "source_article": str,
    "source_headline": str,
    "source_date": str,
    "source_office": str,
    # geo's own
    "date_basis": str,
    "claim_id": str,
    "statement_id": str,
    "place_id": str,
    "claimant": str,
    "kind": str,
    "subject": str,
    "figure_text": str,
    "quote": str,
    "quote_start": int,
    "quote_end": int,
    "source_sha256": str,
    "link": str,
    "corrected_by": str,
    "contested": bool,
})

#: Columns of a place row (the GeoPackage ``places`` and ``areas`` layers).
PLACE_COLUMNS: Mapping[str, type] = MappingProxyType({
    "place_id": str,
    "name": str,
    "name_local": str,
    "place_type": str,
    "admin1": str,
    "admin2": str,
    "geo_precision": int,
    "latitude": float,
    "longitude": float,
    "n_mentions": int,
    "n_claims": int,
    "contested": bool,
})

#: Columns of the key/value ``about`` table.
ABOUT_COLUMNS: Mapping[str, type] = MappingProxyType({"key": str, "value": str})

#: ACLED ``time_precision``: 1 the day, 2 the week, 3 the month (ACLED's coarsest level,
#: so a year-only date is 3 as well).
ACLED_TIME_PRECISION: Mapping[DatePrecision, int] = MappingProxyType({
    DatePrecision.DAY: 1, DatePrecision.WEEK: 2, DatePrecision.MONTH: 3, DatePrecision.YEAR: 3,
})

#: UCDP GED ``date_prec``: 1 the exact day, 3 the week, 4 the month, 5 within the year.
UCDP_DATE_PREC: Mapping[DatePrecision, int] = MappingProxyType({
    DatePrecision.DAY: 1, DatePrecision.WEEK: 3, DatePrecision.MONTH: 4, DatePrecision.YEAR: 5,
})

#: UCDP GED ``where_prec`` of an unplaced claim: 6, "only the country is known".
UCDP_WHERE_PREC_UNPLACED = 6

#: ISO 8601 shapes a date can take, finest first, with the precision each one states.
_DATE_SHAPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), DatePrecision.DAY),
    (re.compile(r"\d{4}-W\d{2}"), DatePrecision.WEEK),
    (re.compile(r"\d{4}-\d{2}"), DatePrecision.MONTH),
    (re.compile(r"\d{4}"), DatePrecision.YEAR),
)

#: ``date_basis``: where a row's ``event_date`` comes from.
DATE_FROM_CLAIM = "claim"
DATE_FROM_PUBLISHED = "published"


def ucdp_where_prec(place: Place | None) -> int:
    """UCDP GED ``where_prec`` of a place.

    1 a settlement drawn at its own point; 3 a district, or a settlement drawn at its
    district's centroid because its own point is untrusted (UCDP: "second-order
    administrative division"); 4 the oblast ("first-order"); 6 no place (the country).

    >>> ucdp_where_prec(None)
    6
    """
    if place is None:
        return UCDP_WHERE_PREC_UNPLACED
    if place.place_type is PlaceType.REGION:
        return 4
    return 1 if place.geo_precision == 1 else 3


def acled_fatalities(claim: Claim) -> int:
    """ACLED ``fatalities``: the most conservative killed figure of the claim, else 0.

    Only ``kind == killed`` counts (``killed_or_wounded`` does not): its figure's low
    bound, else its best estimate, else its high bound, rounded down to a whole number.
    Any other claim, and a killed claim without a number, gives 0, ACLED's value when
    no fatalities are reported.
    """
    if claim.kind is not Kind.KILLED or claim.figure is None:
        return 0
    figure = claim.figure
    value = next((v for v in (figure.low, figure.best, figure.high) if v is not None), 0.0)
    return math.floor(value)


def claim_date(claim: Claim, source: Source | None) -> tuple[str | None, DatePrecision | None, str | None]:
    """The date a claim row carries, how precise it is, and where it comes from.

    The claim's own ``reported`` date (basis ``claim``), else its source's publication
    date (basis ``published``), else none. The date is always a whole calendar day, so
    that GDAL and QGIS read it as a DATE: a timestamp is cut to its day, and a reduced
    date stands for its first day (``2024-08`` → ``2024-08-01``, ``2024-W44`` → that
    week's Monday, ``2024`` → ``2024-01-01``) with the precision saying how much of it is
    known. The precision is the claim's ``reported_precision`` when it states one, else
    what the date's shape says; a date that is not ISO 8601 counts as none.

    >>> claim_date(Claim(claim_id="c", source="a.txt", start=0, end=1, quote="x",
    ...                  claimant=None, kind=Kind.OTHER), Source(source="a.txt", sha256="0",
    ...                  published="2024-08-12T09:30:00+03:00"))
    ('2024-08-12', <DatePrecision.DAY: 'day'>, 'published')
    >>> claim_date(Claim(claim_id="c", source="a.txt", start=0, end=1, quote="x", claimant=None,
    ...                  kind=Kind.OTHER, reported="2024-W44"), None)
    ('2024-10-28', <DatePrecision.WEEK: 'week'>, 'claim')
    """
    return _row_date(claim.reported, claim.reported_precision,
                     source.published if source is not None else None)


@functools.lru_cache(maxsize=4096)  # a corpus repeats a few hundred dates (issue 14)
def _row_date(reported: str | None, reported_precision: DatePrecision | None,
              published: str | None) -> tuple[str | None, DatePrecision | None, str | None]:
    """``claim_date`` of the only fields of a claim and its source that it reads."""
    for value, basis in ((reported, DATE_FROM_CLAIM), (published, DATE_FROM_PUBLISHED)):
        day, precision = _date_shape(value) if value else (None, None)
        if day is not None:
            if basis == DATE_FROM_CLAIM and reported_precision is not None:
                precision = reported_precision
            return day, precision, basis
    return None, None, None


def _date_shape(value: str) -> tuple[str | None, DatePrecision | None]:
    """An ISO 8601 date as its (first) whole day, and the precision its shape states."""
    text = value.partition("T")[0]
    for shape, precision in _DATE_SHAPES:
        if shape.fullmatch(text):
            try:
                return _first_day(text, precision).isoformat(), precision
            except ValueError:  # 2024-02-30, 2024-W60: not a date
                return None, None
    return None, None


def _first_day(text: str, precision: DatePrecision) -> date:
    if precision is DatePrecision.DAY:
        return date.fromisoformat(text)
    if precision is DatePrecision.WEEK:
        return date.fromisocalendar(int(text[:4]), int(text[6:]), 1)
    if precision is DatePrecision.MONTH:
        return date(int(text[:4]), int(text[5:7]), 1)
    return date(int(text), 1, 1)


#: The columns of a claim row that come from its place (``place_columns``); the others
#: come from the claim and its source (``claim_columns``), the same at each of its places.
PLACE_COLUMN_NAMES = ("geo_precision", "admin1", "admin2", "location", "latitude", "longitude",
                      "where_prec", "place_id", "link", "contested")


_NO_FIGURE: Mapping[str, object] = MappingProxyType(dict.fromkeys(("text", "low", "best", "high")))


def place_columns(place: Place | None, link: Link | None, *, contested: bool) -> dict[str, object]:
    """The columns of a claim row that come from its place (all empty for no place)."""
    lon, lat = lon_lat(place) if place is not None else (None, None)
    return {
        "geo_precision": place.geo_precision if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": lat,
        "longitude": lon,
        "where_prec": ucdp_where_prec(place),
        "place_id": place.place_id if place else None,
        "link": link._value_ if link else None,
        "contested": contested,
    }


def claim_columns(claim: Claim, source: Source | None, *,
                  fields: Mapping[str, object] | None = None) -> dict[str, object]:
    """The columns of a claim row that come from the claim and its source: the same at every place.

    Made once per claim, so that a claim tied to three places is not rendered three times;
    ``fields`` is the claim's ``claim_dict`` when the caller has it (its figure and
    statement id are not made again).
    """
    made = fields["figure"] if fields is not None else figure_dict(claim.figure)
    figure = cast("dict[str, object] | None", made) or _NO_FIGURE
    published = source.published if source is not None else None
    day, precision, basis = _row_date(claim.reported, claim.reported_precision, published)
    # source_dict's four fields read directly: a dict of nine per claim cost more than the claim's own
    title, publisher, sha256 = (source.title, source.publisher, source.sha256) if source is not None else \
        (None, None, None)
    return {
        "event_date": day,
        "time_precision": ACLED_TIME_PRECISION[precision] if precision else None,
        "source": publisher or claim.source,
        "notes": claim.quote,
        "fatalities": acled_fatalities(claim),
        "date_prec": UCDP_DATE_PREC[precision] if precision else None,
        "low": figure["low"],
        "best": figure["best"],
        "high": figure["high"],
        "source_article": claim.source,
        "source_headline": title,
        "source_date": published,
        "source_office": publisher,
        "date_basis": basis,
        "claim_id": claim.claim_id,
        "statement_id": fields["statement_id"] if fields is not None else statement_id(claim),
        "claimant": claim.claimant,
        "kind": claim.kind._value_,
        "subject": claim.subject,
        "figure_text": figure["text"],
        "quote": claim.quote,
        "quote_start": claim.start,
        "quote_end": claim.end,
        "source_sha256": sha256,
        "corrected_by": "; ".join((*(source.corrected_by if source else ()), *claim.corrected_by)) or None,
    }


def claim_row(claim_part: Mapping[str, object], place_part: Mapping[str, object]) -> dict[str, object]:
    """One flat row, in ``CLAIM_COLUMNS`` order: ``claim_columns`` of a claim and ``place_columns`` of a place."""
    return {name: place_part[name] if name in place_part else claim_part[name] for name in CLAIM_COLUMNS}


def place_rows(data: Build | Records) -> list[dict[str, object]]:
    """One row per place, sorted by id: the GeoPackage ``places`` layer.

    ``n_mentions`` counts resolved mentions, ``n_claims`` the claims tied to the place,
    and ``contested`` says whether two of those claims disagree (as in the GeoJSON).
    """
    records = as_records(data)
    rows = []
    for place in sorted(records.places, key=lambda p: p.place_id):
        lon, lat = lon_lat(place)
        n_mentions, n_claims = records.count_at(place.place_id)
        rows.append({
            **_place_fields(place),
            "latitude": lat,
            "longitude": lon,
            "n_mentions": n_mentions,
            "n_claims": n_claims,
            "contested": bool(records.contested_at(place.place_id)),
        })
    return rows


def area_rows(data: Build | Records) -> list[dict[str, object]]:
    """The place rows of districts and the oblast that carry claims: the ``areas`` layer."""
    return areas_of(place_rows(data))


def areas_of(places: Iterable[Mapping[str, object]]) -> list[dict[str, object]]:
    """``area_rows`` picked from ``place_rows`` already made: the GeoPackage writer makes them once."""
    return [dict(row) for row in places
            if row["place_type"] != PlaceType.SETTLEMENT.value and row["n_claims"]]


def about_rows(data: Build | Records, *, geo_version: str) -> list[dict[str, object]]:
    """Key/value rows of build metadata and attribution: the GeoPackage ``about`` table.

    Keys: ``corpus``, ``built``, ``gazetteer_version``, ``geo_version``, ``crs``,
    ``n_sources``, ``n_places``, ``n_claims``, then ``attribution.1``,
    ``attribution.2`` ... one per attribution line of the Build.
    """
    records = as_records(data)
    pairs = [
        ("corpus", records.corpus),
        ("built", records.built),
        ("gazetteer_version", records.gazetteer_version),
        ("geo_version", geo_version),
        ("crs", "EPSG:4326"),
        ("n_sources", str(records.counts.sources)),
        ("n_places", str(len(records.places))),
        ("n_claims", str(records.counts.claims)),
    ]
    pairs += [(f"attribution.{i}", line) for i, line in enumerate(records.attribution, start=1)]
    return [{"key": key, "value": value} for key, value in pairs]
