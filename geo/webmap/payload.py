"""The map's data: one JSON document built from a Build and the gazetteer.

Pure: the caller reads ``districts.geojson`` and the licence text and passes them in;
nothing here touches files, the clock or the network. Claims are shaped by
``geo.export.rows`` (the contract's field names), then stored once each: a place lists
the indexes of its claims, a claim the index of its source and of its quote in a table
of texts. Every list is in a fixed order, so one Build gives one byte string.

Article text leaves Python here, and only as data: :func:`script_json` encodes the
document for a ``<script type="application/json">`` block, escaping ``<``, ``>``, ``&``,
U+2028 and U+2029 so that no quote can close the block, open markup or break a parser.
The map's script puts it into the page with ``textContent`` only.

Offsets sent to the browser (the place name highlighted inside a quote) count UTF-16
code units, as JavaScript strings do; Python's offsets count code points, and the two
differ from the first character outside the Basic Multilingual Plane (an emoji).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from geo.export.rows import (
    _place_fields,
    claim_dict,
    contested_claim_ids,
    lon_lat,
    source_dict,
    unresolved_dict,
)
from geo.model import Build, Claim, Kind, Mention, Place, PlaceType, Resolution

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

#: Colour of each kind of claim (Okabe-Ito palette: tells apart for colour-blind readers).
KIND_COLORS: Mapping[Kind, str] = {
    Kind.KILLED: "#d55e00",
    Kind.WOUNDED: "#e69f00",
    Kind.KILLED_OR_WOUNDED: "#cc79a7",
    Kind.CAPTURED: "#0072b2",
    Kind.MISSING: "#56b4e9",
    Kind.DEPLOYED: "#009e73",
    Kind.OTHER: "#8c8c8c",
}

#: Shown when a Build carries no attribution of its own (gazetteer/ATTRIBUTION.md, short).
DEFAULT_ATTRIBUTION = (
    "Settlements: INID / ЦПУР (Rosstat data), CC BY-SA 4.0",
    "Town names: GeoNames, CC BY 4.0",
    "Boundaries: © OpenStreetMap contributors, ODbL 1.0",
)

#: Positions in each row of ``settlements`` (rows, not objects: a third of the size).
SETTLEMENT_FIELDS = ("id", "name", "name_local", "alternates", "lat", "lon", "district",
                     "population")

#: Names shorter than this are not searched for in a quote (they would match inside words).
_MIN_NAME_LENGTH = 3
_OUTLINE_DECIMALS = 5  # the district file's own precision (about 1 m)

_SCRIPT_ESCAPES = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def script_json(data: object) -> str:
    r"""Encode ``data`` as JSON that is inert inside ``<script type="application/json">``.

    Parameters
    ----------
    data
        Plain JSON-ready data (dicts, lists, strings, numbers, None).

    Returns
    -------
    str
        Compact JSON with ``<``, ``>``, ``&``, U+2028, U+2029 and lone surrogates written
        as ``\uXXXX`` escapes; ``JSON.parse`` gives back the same values.

    Examples
    --------
    >>> script_json({"q": "</script><b>&"})
    '{"q":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.translate(_SCRIPT_ESCAPES)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def utf16_offset(text: str, index: int) -> int:
    """The JavaScript (UTF-16) offset of the code-point offset ``index`` in ``text``.

    >>> utf16_offset("🔥 Суджа", 2)
    3
    """
    head = text[:index]
    return index if head.isascii() else len(head.encode("utf-16-le")) // 2


class _Texts:
    """A table of distinct strings: each quote or context is stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


class _Sources:
    """The Build's sources by index; a claim's file that the Build does not list gets a stub."""

    def __init__(self, build: Build) -> None:
        self.items = [_source_entry(source_dict(s)) for s in build.sources]
        self._index = {s.source: i for i, s in enumerate(build.sources)}

    def ref(self, name: str) -> int:
        if name not in self._index:
            self._index[name] = len(self.items)
            self.items.append({"file": name, "title": None, "publisher": None,
                               "published": None, "language": "und"})
        return self._index[name]


def _source_entry(row: dict[str, object]) -> dict[str, object]:
    """The fields a popup shows: the URL stays out, so the page names no server."""
    return {key: row[key] for key in ("file", "title", "publisher", "published", "language")}


def _spans(text: str, offsets: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Sorted, non-overlapping [start, end) spans of ``text``, in UTF-16 units."""
    out: list[list[int]] = []
    last = 0
    for start, end in sorted(set(offsets)):
        if start >= last and 0 <= start < end <= len(text):
            out.append([utf16_offset(text, start), utf16_offset(text, end)])
            last = end
    return out


class _Highlighter:
    """Where a place's name stands in a text: by the mention offsets, else by its names."""

    def __init__(self, build: Build, gazetteer: Gazetteer) -> None:
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self._offsets: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        names: dict[str, set[str]] = defaultdict(set)
        for res in build.resolutions:
            if res.place_id is not None:
                m = res.mention
                self.mentions[res.place_id].append(m)
                self._offsets[(res.place_id, m.source)].append((m.start, m.end))
                names[res.place_id].add(m.surface)
        for entry in gazetteer.names:
            if entry.place_id in names:
                names[entry.place_id].update(entry.alternates)
        self._names = names
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, place: Place) -> re.Pattern[str] | None:
        if place.place_id not in self._patterns:
            names = {place.name, place.name_local, *self._names.get(place.place_id, ())}
            names = {n for n in names if len(n) >= _MIN_NAME_LENGTH}
            alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
            self._patterns[place.place_id] = (
                re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE) if names else None)
        return self._patterns[place.place_id]

    def spans(self, place: Place, source: str, text: str, text_start: int) -> list[list[int]]:
        """Spans of the place's name in ``text``, found at ``text_start`` of ``source``."""
        text_end = text_start + len(text)
        by_offset = [(start - text_start, end - text_start)
                     for start, end in self._offsets.get((place.place_id, source), ())
                     if text_start <= start and end <= text_end]
        if by_offset:
            return _spans(text, by_offset)
        pattern = self._pattern(place)
        return _spans(text, (m.span() for m in pattern.finditer(text))) if pattern else []


def first_day(reported: str | None) -> str | None:
    """The first day of a reported date, ISO week or month: what the time filter compares.

    None when there is no date or it cannot be read.

    >>> first_day("2024-W44"), first_day("2024-08"), first_day("2024-08-12T09:30:00+03:00")
    ('2024-10-28', '2024-08-01', '2024-08-12')
    """
    if not reported:
        return None
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-\d)?", reported)
    try:
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        if re.fullmatch(r"\d{4}(?:-\d{2})?", reported):
            return date.fromisoformat((reported + "-01-01")[:10]).isoformat()
        return date.fromisoformat(reported[:10]).isoformat()
    except ValueError:
        return None


def _claim_entry(claim: Claim, texts: _Texts, sources: _Sources) -> dict[str, object]:
    """A claim as rows.claim_dict writes it, with its quote and source replaced by indexes.

    ``day`` is added where ``reported`` does not start with its own first day (a week, a
    month, an unreadable date: then None).
    """
    row = claim_dict(claim, link=None)
    for per_place in ("link", "contested"):
        del row[per_place]
    row["quote"] = texts.ref(claim.quote)
    row["source"] = sources.ref(claim.source)
    day = first_day(claim.reported)
    if claim.reported and day != claim.reported[:10]:
        row["day"] = day
    return row


def _place_entry(place: Place) -> dict[str, object]:
    """A place as the exports describe it, with its point as named lat and lon."""
    lon, lat = lon_lat(place)
    # rows' private helper on purpose: one definition of a place's fields for every writer
    return {**_place_fields(place), "category": place.category, "lat": lat, "lon": lon}


def _outline(districts: Mapping[str, Any]) -> dict[str, object]:
    """The oblast's outline: the union of the district polygons, without its sliver holes.

    The simplified districts leave about a hundred gaps of a few square metres between
    neighbours; the oblast has no real holes, so only exterior rings are kept.
    """
    from shapely.geometry import shape
    from shapely.ops import unary_union

    union = unary_union([shape(f["geometry"]) for f in districts["features"]])
    polygons = getattr(union, "geoms", [union])
    rings = [[[[round(x, _OUTLINE_DECIMALS), round(y, _OUTLINE_DECIMALS)]
               for x, y in polygon.exterior.coords]]
             for polygon in polygons if not polygon.is_empty]
    return {"type": "MultiPolygon", "coordinates": rings}


def _districts(districts: Mapping[str, Any], gazetteer: Gazetteer) -> list[dict[str, object]]:
    out = []
    for feature in sorted(districts["features"], key=lambda f: f["properties"]["id"]):
        props = feature["properties"]
        place = gazetteer.places.get(props["id"])
        out.append({
            "id": props["id"],
            "name": props.get("name_en") or (place.name if place else props["id"]),
            "name_local": props.get("name_ru") or (place.name_local if place else ""),
            "kind": props.get("kind") or (place.category if place else ""),
            "label": dict(zip(("lon", "lat"), lon_lat(place), strict=True)) if place else None,
            "geometry": feature["geometry"],
        })
    return out


def _settlements(gazetteer: Gazetteer, district_ids: Sequence[str]) -> list[list[object]]:
    district_index = {district_id: i for i, district_id in enumerate(district_ids)}
    alternates = {n.place_id: n.alternates for n in gazetteer.names}
    return [[p.place_id, p.name, p.name_local, "|".join(alternates.get(p.place_id, ())),
             *reversed(lon_lat(p)), district_index.get(p.district_id or "", -1), p.population]
            for p in gazetteer.settlements]


def _context_spans(mention: Mention) -> list[list[int]] | None:
    """The mention inside its own context, or None when the context does not hold it."""
    offset = mention.start - mention.context_start
    if not mention.context or offset < 0 or offset + len(mention.surface) > len(mention.context):
        return None
    return _spans(mention.context, [(offset, offset + len(mention.surface))])


class _Entries:
    """Places with their claims (index, link, highlight, contested), else their mentions."""

    def __init__(self, build: Build, gazetteer: Gazetteer, texts: _Texts,
                 sources: _Sources) -> None:
        self._texts, self._sources = texts, sources
        self._highlighter = _Highlighter(build, gazetteer)
        known = {p.place_id: p for p in build.places}
        self.links: dict[str, list[tuple[int, Claim, str]]] = defaultdict(list)
        self.unplaced: list[int] = []
        for index, claim in enumerate(build.claims):
            placed = [pl for pl in claim.places
                      if pl.place_id in known or pl.place_id in gazetteer.places]
            for pl in placed:
                self.links[pl.place_id].append((index, claim, pl.link.value))
            if not placed:
                self.unplaced.append(index)
        self.places = [known.get(pid) or gazetteer.places[pid]
                       for pid in sorted({*known, *self.links})]

    def _mention(self, place: Place, m: Mention) -> dict[str, object]:
        if m.context:
            text = m.context
            spans = self._highlighter.spans(place, m.source, m.context, m.context_start)
        else:
            text, spans = m.surface, _spans(m.surface, [(0, len(m.surface))])
        return {"source": self._sources.ref(m.source), "context": self._texts.ref(text),
                "hl": spans}

    def entry(self, place: Place) -> dict[str, object]:
        here = self.links.get(place.place_id, [])
        contested = contested_claim_ids(c for _, c, _ in here)
        spans = self._highlighter.spans
        out = _place_entry(place)
        out["claims"] = [
            {"c": index, "link": link, "hl": spans(place, claim.source, claim.quote, claim.start),
             **({"contested": True} if claim.claim_id in contested else {})}
            for index, claim, link in here]
        if not here:
            rows: dict[tuple[str, str], dict[str, object]] = {}
            for m in sorted(self._highlighter.mentions.get(place.place_id, ())):
                if (m.source, m.context or m.surface) not in rows:
                    rows[(m.source, m.context or m.surface)] = self._mention(place, m)
            out["mentions"] = list(rows.values())
        return out


def _unresolved_entry(res: Resolution, texts: _Texts, sources: _Sources) -> dict[str, object]:
    """rows.unresolved_dict with the source as an index and the mention's context, if any."""
    row = unresolved_dict(res)
    row["source"] = sources.ref(res.mention.source)
    spans = _context_spans(res.mention)
    row["context"] = texts.ref(res.mention.context) if spans is not None else None
    row["hl"] = spans or []
    return row


def build_payload(
    build: Build,
    gazetteer: Gazetteer,
    *,
    districts: Mapping[str, Any],
    licence_text: str = "",
) -> dict[str, object]:
    """Turn a Build into the JSON document the map's script reads.

    Parameters
    ----------
    build
        The records to draw.
    gazetteer
        Every settlement (drawn faint, searchable) and the district records.
    districts
        The parsed ``districts.geojson`` FeatureCollection.
    licence_text
        The gazetteer's ATTRIBUTION.md, shown in full in the side panel.

    Returns
    -------
    dict
        JSON-ready data; encode it with :func:`script_json`. Keys:
        ``texts`` (distinct quotes and contexts), ``sources``, ``claims`` (each once,
        shaped by ``rows.claim_dict``, ``quote`` and ``source`` as indexes), ``places``
        (settlements: one marker each), ``areas`` (districts), ``region``, ``unplaced``
        (claim indexes), ``unresolved``, ``districts`` (polygons), ``outline``,
        ``settlements`` (rows of :data:`SETTLEMENT_FIELDS`), ``kinds``, ``claimants``,
        ``dates`` and the build's metadata.
    """
    texts, sources = _Texts(), _Sources(build)
    claims = [_claim_entry(c, texts, sources) for c in build.claims]
    entries = _Entries(build, gazetteer, texts, sources)
    by_type: dict[PlaceType, list[dict[str, object]]] = defaultdict(list)
    for place in entries.places:
        by_type[place.place_type].append(entries.entry(place))
    unresolved = [_unresolved_entry(r, texts, sources) for r in build.unresolved]
    district_rows = _districts(districts, gazetteer)
    claimants: dict[str | None, int] = defaultdict(int)
    for claim in build.claims:
        claimants[claim.claimant] += 1
    dates = sorted(filter(None, (first_day(c.reported) for c in build.claims)))
    region = by_type.get(PlaceType.REGION, [])
    return {
        "corpus": build.corpus,
        "built": build.built,
        "gazetteer_version": build.gazetteer_version,
        "attribution": list(build.attribution or DEFAULT_ATTRIBUTION),
        "licence": licence_text,
        "kinds": [{"kind": k.value, "label": k.value.replace("_", " "), "color": KIND_COLORS[k]}
                  for k in Kind],
        "claimants": [{"name": name, "claims": claimants[name]}
                      for name in sorted(claimants, key=lambda n: (n is None, n or ""))],
        "dates": [dates[0], dates[-1]] if dates else None,
        "texts": texts.items,
        "sources": sources.items,
        "claims": claims,
        "places": by_type.get(PlaceType.SETTLEMENT, []),
        "areas": by_type.get(PlaceType.DISTRICT, []),
        "region": region[0] if region else None,
        "unplaced": entries.unplaced,
        "unresolved": unresolved,
        "districts": district_rows,
        "outline": _outline(districts),
        "settlement_fields": list(SETTLEMENT_FIELDS),
        "settlements": _settlements(gazetteer, [str(d["id"]) for d in district_rows]),
    }
