"""The map's data: one JSON document, made piece by piece from a build's records.

Pure: the caller reads ``districts.geojson`` and the licence text and passes them in;
nothing here touches files, the clock or the network. The document has two halves:

- :func:`static_members`: what depends only on the gazetteer and the code (every
  settlement, the districts, the outline, the licence, the kinds). ``build.py`` encodes
  it once and caches it on disk.
- :func:`record_members`: what comes from the records, in source order, one document
  at a time, so that memory does not grow with the corpus. Each entry of ``docs``
  (:func:`doc_entry`) holds one source's metadata, its distinct texts (quotes and
  contexts, each stored once per document), its claims (rows of the fields of
  ``geo.export.rows.claim_dict``, each with the places it is tied to, by place id),
  the mentions of places none of its claims is tied to, and its unresolved mentions.
  An entry depends on its own document and the gazetteer only: the Store keeps it as
  rendered when the document was extracted, and a map is written by copying the
  entries (issue 7: a rebuild after one new article in under 2 s). What depends on
  the whole corpus is added at write time: ``places``, without claims (``map.js``,
  ``unpack``, files each claim under its places again), and ``contested``, the ids of
  the claims whose figures conflict, by place. Claims come in ``Claim.sort_key``
  order and every list in a fixed order, so one build gives one byte string, whether
  its entries were copied or rendered.

Article text leaves Python here, and only as data: :func:`script_json` encodes each
piece for a ``<script type="application/json">`` block, escaping ``<``, ``>``, ``&``,
U+2028 and U+2029 so that no quote can close the block, open markup or break a parser.
The map's script puts it into the page with ``textContent`` only.

Offsets sent to the browser (the place name highlighted inside a quote) count UTF-16
code units, as JavaScript strings do; Python's offsets count code points, and the two
differ from the first character outside the Basic Multilingual Plane (an emoji).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from geo.export.rows import _place_fields, claim_dict, lon_lat, source_dict, unresolved_dict
from geo.model import Build, Claim, Kind, Mention, Place, Resolution, Source
from geo.records import Records, as_records
from geo.sides import read_control, side_of

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
    Kind.CONTROL: "#7b3294",
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

#: Positions in each row of a document's ``claims``: the fields of ``rows.claim_dict``
#: but the three the row's place says (``source``: the document; ``link`` and
#: ``contested``: per place, in ``at`` and the page's ``contested``), then ``day``
#: (:func:`first_day` of the claim's date, else its article's), ``side`` (the claimant's side, ``geo.sides``), ``holding``
#: ([holder, has_left] of a control claim, else null) and ``at``, the places a claim is
#: tied to as [place id, link, highlight spans].
CLAIM_FIELDS = ("claim_id", "statement_id", "quote", "start", "end", "claimant", "kind",
                "subject", "figure", "reported", "reported_precision", "day", "side", "holding",
                "at")

_CLAIM_ROW = operator.itemgetter(*CLAIM_FIELDS)  # a tuple: JSON writes it as an array

#: Names shorter than this are not searched for in a quote (they would match inside words).
_MIN_NAME_LENGTH = 3
_OUTLINE_DECIMALS = 5  # the district file's own precision (about 1 m)

#: What may not stand raw in a script element: markup characters, the two characters
#: that end a JavaScript line, and lone surrogates (not valid UTF-8).
_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
#: Characters that count two in JavaScript's UTF-16 offsets (an emoji).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


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
    return _UNSAFE.sub(_escape, text)


@dataclass(frozen=True, slots=True)
class EncodedItems:
    """The items of an array that are already :func:`script_json` text: copied, not encoded.

    items   an iterator of JSON texts, one per item (a Store's pre-rendered documents)
    """

    items: Iterator[str]


def encode_members(members: Iterable[tuple[str, object]]) -> Iterator[str]:
    r"""The JSON text of an object's members, without its braces, one piece at a time.

    A value that is an iterator becomes an array written item by item, so that a
    streamed list is never held whole; every key and item goes through
    :func:`script_json`, so the pieces are as inert as one encoded document. The
    items of an :class:`EncodedItems` are written as they are.

    >>> "".join(encode_members([("a", 1), ("b", iter(["</x>", None])),
    ...                         ("c", EncodedItems(iter(['{"d":2}', "3"])))]))
    '"a":1,"b":["\\u003c/x\\u003e",null],"c":[{"d":2},3]'
    """
    separator = ""
    for key, value in members:
        yield f"{separator}{script_json(key)}:"
        separator = ","
        if isinstance(value, EncodedItems | Iterator):
            items = value.items if isinstance(value, EncodedItems) else map(script_json, value)
            yield "["
            comma = ""
            for item in items:
                yield comma + item
                comma = ","
            yield "]"
        else:
            yield script_json(value)


def utf16_offset(text: str, index: int) -> int:
    """The JavaScript (UTF-16) offset of the code-point offset ``index`` in ``text``.

    >>> utf16_offset("🔥 Суджа", 2)
    3
    """
    head = text[:index]
    return index if head.isascii() else len(head.encode("utf-16-le")) // 2


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


#: A corpus repeats a few hundred dates across tens of thousands of claims.
_first_day = functools.lru_cache(maxsize=4096)(first_day)


class _Texts:
    """One document's table of distinct strings: each quote or context stored once, by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def _source_entry(source: Source) -> dict[str, object]:
    """The fields a card shows; the URL is shown as text to copy, never fetched or linked."""
    row = source_dict(source)
    return {key: row[key] for key in ("file", "title", "publisher", "published", "language", "url")}


def _spans(text: str, offsets: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Sorted, non-overlapping [start, end) spans of ``text``, in UTF-16 units."""
    out: list[list[int]] = []
    last = 0
    astral = not text.isascii() and _ASTRAL.search(text) is not None
    for start, end in sorted(set(offsets)):
        if start >= last and 0 <= start < end <= len(text):
            out.append([utf16_offset(text, start), utf16_offset(text, end)] if astral
                       else [start, end])
            last = end
    return out


def _alternates(gazetteer: Gazetteer, place_id: str) -> tuple[str, ...]:
    """A place's alternate names: ``gazetteer.names`` is in id order, so a binary search."""
    names = gazetteer.names
    i = bisect.bisect_left(names, place_id, key=lambda n: n.place_id)
    return names[i].alternates if i < len(names) and names[i].place_id == place_id else ()


@functools.lru_cache(maxsize=1024)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` (longest first), not inside a word; the same few recur in every document."""
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)


class _Highlighter:
    """Where a place's name stands in one document's texts: by its mention offsets, else by name.

    Only this document and the gazetteer are read, so that a document's entry does not
    change when another document is added: the names searched for are the place's own
    two, its gazetteer alternates and the surface forms this document resolved to it.
    """

    def __init__(self, resolutions: Iterable[Resolution], gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._offsets: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._surfaces: dict[str, set[str]] = defaultdict(set)
        for res in resolutions:
            if res.place_id is not None:
                self._offsets[res.place_id].append((res.mention.start, res.mention.end))
                self._surfaces[res.place_id].add(res.mention.surface)
        for offsets in self._offsets.values():
            offsets.sort()  # cut by bisect in ``spans``

    def _pattern(self, place_id: str) -> re.Pattern[str] | None:
        names = set(self._surfaces.get(place_id, ()))
        place = self._gazetteer.places.get(place_id)
        if place is not None:
            names |= {place.name, place.name_local, *_alternates(self._gazetteer, place_id)}
        names = {n for n in names if len(n) >= _MIN_NAME_LENGTH}
        return _name_pattern(tuple(sorted(names, key=lambda n: (-len(n), n)))) if names else None

    def spans(self, place_id: str, text: str, text_start: int) -> list[list[int]]:
        """Spans of the place's name in ``text``, which starts at ``text_start`` of the document."""
        text_end = text_start + len(text)
        # From the first mention at or after ``text_start`` (bisect) to the first past the
        # text: a scan of every mention of the place per claim made a long article
        # quadratic (issue 13).
        offsets = self._offsets.get(place_id, [])
        i = bisect.bisect_left(offsets, (text_start, -1))
        by_offset = []
        while i < len(offsets) and offsets[i][0] < text_end:
            start, end = offsets[i]
            if end <= text_end:
                by_offset.append((start - text_start, end - text_start))
            i += 1
        if by_offset:
            return _spans(text, by_offset)
        pattern = self._pattern(place_id)
        return _spans(text, (m.span() for m in pattern.finditer(text))) if pattern else []


def _claim_row(claim: Claim, published: str | None, texts: _Texts,
               at: list[list[object]]) -> tuple[object, ...]:
    """A claim as a row of :data:`CLAIM_FIELDS`, its quote an index into its document's texts.

    A row, not a dict, so that tens of thousands of claims do not each repeat the keys
    (the field names travel once, in ``claim_fields``). ``day`` is the claim's own date,
    else its article's publication date (the CSV's ``event_date`` rule): the time slider
    replays what was published up to a day.
    """
    row = claim_dict(claim, link=None)
    row["quote"] = texts.ref(claim.quote)
    row["day"] = _first_day(claim.reported or published)
    row["side"] = side_of(claim.claimant).value
    holding = read_control(claim)
    row["holding"] = None if holding is None else [holding.holder.value, holding.has_left]
    row["at"] = at
    return _CLAIM_ROW(row)


def _context_spans(mention: Mention) -> list[list[int]] | None:
    """The mention inside its own context, or None when the context does not hold it."""
    offset = mention.start - mention.context_start
    if not mention.context or offset < 0 or offset + len(mention.surface) > len(mention.context):
        return None
    return _spans(mention.context, [(offset, offset + len(mention.surface))])


def _unresolved_entry(res: Resolution, texts: _Texts) -> dict[str, object]:
    """rows.unresolved_dict without the source (its document's) and with the context, if any."""
    row = unresolved_dict(res)
    del row["source"]
    spans = _context_spans(res.mention)
    row["context"] = texts.ref(res.mention.context) if spans is not None else None
    row["hl"] = spans or []
    return row


def _mention_rows(resolutions: Iterable[Resolution], claimed: set[str], texts: _Texts,
                  highlighter: _Highlighter) -> list[list[object]]:
    """The mentions of places this document ties no claim to, once per (place, context).

    Each is [place id, index into the document's texts, highlight spans]. ``map.js``
    shows a place's mentions only when no document ties a claim to it; which places
    those are depends on the whole corpus, so that choice is made in the browser.
    """
    out: list[list[object]] = []
    seen: set[tuple[str, str]] = set()
    for res in resolutions:
        place_id, m = res.place_id, res.mention
        text = m.context or m.surface
        if place_id is None or place_id in claimed or (place_id, text) in seen:
            continue
        seen.add((place_id, text))
        spans = (highlighter.spans(place_id, m.context, m.context_start) if m.context
                 else _spans(m.surface, [(0, len(m.surface))]))
        out.append([place_id, texts.ref(text), spans])
    return out


def doc_entry(source: Source, claims: Sequence[Claim], resolutions: Sequence[Resolution],
              gazetteer: Gazetteer) -> dict[str, object] | None:
    """One document's entry of ``docs``, made from that document and the gazetteer alone.

    Nothing in it depends on another document, so it is rendered once, when the
    document is extracted (``geo.store.stored_document``), and copied into every later
    map: places are named by id (not by their index in ``places``, which another
    article can shift), and whether a claim is contested, which depends on the other
    documents' claims, travels in the page's ``contested`` member instead.

    Parameters
    ----------
    source
        The document's source record.
    claims
        Its claims, in any order (put in ``Claim.sort_key`` order here).
    resolutions
        Its mention decisions, in any order (put in offset order here).
    gazetteer
        The names of the places, to find them in a quote that holds no mention of them.

    Returns
    -------
    dict or None
        ``file``, ``title``, ``publisher``, ``published``, ``language``, ``texts`` and,
        where not empty, ``claims`` (rows of :data:`CLAIM_FIELDS`), ``mentions``
        ([place id, text, spans] of places none of its claims is tied to) and
        ``unresolved``; None when the document has no claim and no mention.
    """
    claims = sorted(claims, key=lambda c: (c.start, c.end, c.kind.value))
    resolutions = sorted(resolutions, key=lambda r: r.mention.start)
    texts = _Texts()
    highlighter = _Highlighter(resolutions, gazetteer)
    rows = [_claim_row(claim, source.published, texts, [[pl.place_id, pl.link.value,
                                       highlighter.spans(pl.place_id, claim.quote, claim.start)]
                                      for pl in claim.places])
            for claim in claims]
    claimed = {pl.place_id for claim in claims for pl in claim.places}
    parts = {
        "claims": rows,
        "mentions": _mention_rows(resolutions, claimed, texts, highlighter),
        "unresolved": [_unresolved_entry(r, texts) for r in resolutions if r.place_id is None],
    }
    if not any(parts.values()):
        return None
    return {**_source_entry(source), "texts": texts.items,
            **{key: items for key, items in parts.items() if items}}


def doc_entry_json(source: Source, claims: Sequence[Claim], resolutions: Sequence[Resolution],
                   gazetteer: Gazetteer) -> str | None:
    """:func:`doc_entry` as script-safe JSON: the text the Store keeps and the page copies."""
    entry = doc_entry(source, claims, resolutions, gazetteer)
    return None if entry is None else script_json(entry)


def _place_entry(place: Place) -> dict[str, object]:
    """A place as the exports describe it, with its point as named lat and lon."""
    lon, lat = lon_lat(place)
    # rows' private helper on purpose: one definition of a place's fields for every writer
    return {**_place_fields(place), "category": place.category, "lat": lat, "lon": lon}


def _merge(*walks: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, list[Any]]]:
    """Walks of (key, value) in key order, joined on the key: None where a walk lacks it."""
    heads = [next(walk, None) for walk in walks]
    while any(head is not None for head in heads):
        key = min(head[0] for head in heads if head is not None)
        values = []
        for i, head in enumerate(heads):
            if head is not None and head[0] == key:
                values.append(head[1])
                heads[i] = next(walks[i], None)
            else:
                values.append(None)
        yield key, values


def _documents(records: Records) -> Iterator[tuple[Source, list[Claim], list[Resolution]]]:
    """Each document's source record, claims and mentions, in source order.

    Sources, claims and resolutions are each walked in source order and merged, so one
    document's records are in memory at a time. A file the records hold claims or
    mentions of but no source record for gets a stub.
    """
    sources = ((s.source, s) for s in records.iter_sources())
    claims = ((name, list(group))
              for name, group in itertools.groupby(records.iter_claims(), key=lambda c: c.source))
    mentions = ((name, list(group)) for name, group in itertools.groupby(
        records.iter_resolutions(), key=lambda r: r.mention.source))
    for name, (source, doc_claims, doc_mentions) in _merge(sources, claims, mentions):
        yield source or Source(source=name, sha256=""), doc_claims or [], doc_mentions or []


@runtime_checkable
class _PreRendered(Protocol):
    """Records that keep each document's entry as rendered at extraction (``geo.store.Store``)."""

    def map_documents(self) -> Iterator[str]:
        """:func:`doc_entry_json` of every document that has one, in source order."""
        ...


class _DocEntries:
    """The ``docs`` items of some records, and the places their claims name beyond ``places``."""

    def __init__(self, records: Records, gazetteer: Gazetteer) -> None:
        self._records, self._gazetteer = records, gazetteer
        self.extra_places: dict[str, Place] = {}

    def __iter__(self) -> Iterator[str]:
        if isinstance(self._records, _PreRendered):
            # Copied, not rendered: its claims' places are all in records.places
            return self._records.map_documents()
        return self._render()

    def _render(self) -> Iterator[str]:
        """Render each document's entry as the Store's worker would have: the same bytes."""
        known = {p.place_id for p in self._records.places}
        for source, claims, resolutions in _documents(self._records):
            for pl in (pl for claim in claims for pl in claim.places):
                if pl.place_id not in known and pl.place_id not in self.extra_places:
                    place = self._gazetteer.places.get(pl.place_id)
                    if place is not None:
                        self.extra_places[pl.place_id] = place
            text = doc_entry_json(source, claims, resolutions, self._gazetteer)
            if text is not None:
                yield text


def doc_entries(records: Records, gazetteer: Gazetteer) -> Iterator[str]:
    """The page's ``docs`` items as JSON, in page order (the reader's shards follow them)."""
    return iter(_DocEntries(records, gazetteer))


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


def static_members(
    gazetteer: Gazetteer, *, districts: Mapping[str, Any], licence_text: str = ""
) -> dict[str, object]:
    """The members that depend only on the gazetteer and the code, not on any record.

    Parameters
    ----------
    gazetteer
        Every settlement (drawn faint, searchable) and the district records.
    districts
        The parsed ``districts.geojson`` FeatureCollection.
    licence_text
        The gazetteer's ATTRIBUTION.md, shown in full in the side panel.

    Returns
    -------
    dict
        ``licence``, ``kinds``, ``settlement_fields``, ``claim_fields``, ``settlements``
        (rows of :data:`SETTLEMENT_FIELDS`), ``districts`` (polygons) and ``outline``.
    """
    district_rows = _districts(districts, gazetteer)
    return {
        "licence": licence_text,
        "kinds": [{"kind": k.value, "label": k.value.replace("_", " "), "color": KIND_COLORS[k]}
                  for k in Kind],
        "settlement_fields": list(SETTLEMENT_FIELDS),
        "claim_fields": list(CLAIM_FIELDS),
        "settlements": _settlements(gazetteer, [str(d["id"]) for d in district_rows]),
        "districts": district_rows,
        "outline": _outline(districts),
    }


def _contested(records: Records, places: Iterable[Place]) -> dict[str, list[str]]:
    """The ids of the contested claims of each place that has any, by place id.

    A claim is contested against the other claims of its place, which any article can
    change: so this is worked out when the page is written, not kept in a document's entry.
    """
    out = {}
    for place in places:
        ids = records.contested_at(place.place_id)
        if ids:
            out[place.place_id] = sorted(ids)
    return out


def record_members(data: Build | Records, gazetteer: Gazetteer) -> Iterator[tuple[str, object]]:
    """The members that come from the records, in order, as (key, value) pairs.

    ``docs`` (an :class:`EncodedItems`) and ``places`` come as iterators; ``places``
    and ``contested`` also list the places a claim names that the records do not,
    found while ``docs`` is walked: consume each value before asking for the next
    pair, as :func:`encode_members` does.

    The entries of ``docs`` are copied from ``data.map_documents()`` when the records
    keep them (the Store: rendered once, at extraction), else rendered now with
    :func:`doc_entry_json`; both give the same bytes.

    Parameters
    ----------
    data
        The records to draw (a Build, or any ``Records``).
    gazetteer
        Place records and names.

    Yields
    ------
    tuple of (str, object)
        ``corpus``, ``built``, ``gazetteer_version``, ``attribution``, ``docs`` (one
        :func:`doc_entry` per document that has a claim or a mention), ``places``
        (``_place_entry`` each) and ``contested`` (claim ids by place id).
        ``map.js`` (``unpack``) counts the claimants and the dates itself.
    """
    records = as_records(data)
    docs = _DocEntries(records, gazetteer)
    yield "corpus", records.corpus
    yield "built", records.built
    yield "gazetteer_version", records.gazetteer_version
    yield "attribution", list(records.attribution or DEFAULT_ATTRIBUTION)
    yield "docs", EncodedItems(iter(docs))
    places = [*records.places, *docs.extra_places.values()]
    yield "places", (_place_entry(p) for p in places)
    yield "contested", _contested(records, places)


def build_payload(
    data: Build | Records,
    gazetteer: Gazetteer,
    *,
    districts: Mapping[str, Any],
    licence_text: str = "",
) -> dict[str, object]:
    """The whole document as one dict: what the map page carries, for tests and small builds.

    The page writer streams the same members instead (``static_members`` then
    ``record_members`` through ``encode_members``); ``script_json`` of this dict is
    the text of the page's data block.
    """
    out = static_members(gazetteer, districts=districts, licence_text=licence_text)
    for key, value in record_members(data, gazetteer):
        if isinstance(value, EncodedItems):
            value = [json.loads(item) for item in value.items]
        out[key] = list(value) if isinstance(value, Iterator) else value
    return out
