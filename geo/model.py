"""Frozen records that every step of the pipeline speaks.

Nothing here imports from the rest of geo, and nothing here does I/O. Each record
checks its invariants once, in ``__post_init__``, so a record that exists is a
record that holds: offsets are ordered, ``low <= best <= high``, coordinates are
finite and inside the oblast's bounding box.

Sort order is explicit: places sort by id, claims by (source, start, end, kind).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from datetime import date
from dataclasses import dataclass, field
from enum import StrEnum

#: Generous bounding box of Kursk oblast (the OSM union is 50.90-52.45 N, 34.08-38.52 E).
OBLAST_BOUNDS = (50.5, 33.5, 52.9, 39.0)  # south, west, north, east


class PlaceType(StrEnum):
    """What a place record stands for; the contract's ``place_type``."""

    SETTLEMENT = "settlement"
    DISTRICT = "district"
    REGION = "region"


class Kind(StrEnum):
    """What a claim reports (GOLD.md's closed list)."""

    KILLED = "killed"
    WOUNDED = "wounded"
    KILLED_OR_WOUNDED = "killed_or_wounded"
    CAPTURED = "captured"
    MISSING = "missing"
    DEPLOYED = "deployed"
    CONTROL = "control"
    OTHER = "other"


class Link(StrEnum):
    """How a claim was tied to a place: the narrowest text unit that holds both."""

    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    ARTICLE = "article"


class DatePrecision(StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def _is_iso_date(value: str) -> bool:
    """A real calendar date, maybe reduced ("2024", "2024-08") or with a time after it."""
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.+\-Z]*)?)?)?", value):
        return False
    year, month, day = (value[:10].split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _check_span(start: int, end: int, what: str) -> None:
    if not 0 <= start < end:
        msg = f"{what}: expected 0 <= start < end, got start={start}, end={end}"
        raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Place:
    """One gazetteer entry: a settlement, a district, or the oblast itself.

    place_id        stable id: ``inid160:N`` for settlements, ``kursk-district:x``, ``kursk-oblast``
    name            Latin display name (GeoNames English name or Wikipedia-style romanisation)
    name_local      Russian name as the source writes it
    place_type      settlement, district or region
    admin1          the oblast, "Kursk Oblast"
    admin2          district name in English; None for the oblast
    district_id     id of the district place; None for the oblast
    lat, lon        WGS84 degrees of the point drawn for the place
    population      population figure of the source (0 when unknown or empty)
    category        settlement category (selo, derevnya, town, ...) or district kind
    is_point_trusted  False for the points the source's QA marks as misplaced: those
                    places are drawn at their district's centroid with precision 2
    """

    place_id: str
    name: str
    name_local: str
    place_type: PlaceType
    admin1: str
    admin2: str | None
    district_id: str | None
    lat: float
    lon: float
    population: int = 0
    category: str = ""
    is_point_trusted: bool = True

    def __post_init__(self) -> None:
        south, west, north, east = OBLAST_BOUNDS
        if not (math.isfinite(self.lat) and math.isfinite(self.lon)):
            msg = f"place {self.place_id}: coordinates must be finite, got {self.lat}, {self.lon}"
            raise ValueError(msg)
        if not (south <= self.lat <= north and west <= self.lon <= east):
            msg = f"place {self.place_id}: ({self.lat}, {self.lon}) lies outside Kursk oblast"
            raise ValueError(msg)

    @property
    def geo_precision(self) -> int:
        """1 the settlement itself, 2 its district, 3 only the oblast (contract values)."""
        if self.place_type is PlaceType.REGION:
            return 3
        if self.place_type is PlaceType.DISTRICT or not self.is_point_trusted:
            return 2
        return 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """What is known about one input document, without its text.

    source      path of the file relative to the corpus root, '/'-separated
    sha256      hex digest of the file's bytes
    title       headline where the text gives one
    publisher   outlet where the text gives one
    published   ISO 8601 date of publication where the text gives one
    url         canonical address where the text gives one
    language    'en', 'ru', 'uk' or 'und'
    encoding    how the bytes were decoded
    corrected_by  the corrections-file lines that set a field here ("corrections.csv:4")
    """

    source: str
    sha256: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "und"
    encoding: str = "utf-8"
    corrected_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.published is not None and not _is_iso_date(self.published):
            msg = f"{self.source}: published must be an ISO 8601 date (YYYY[-MM[-DD…]]), got {self.published!r}"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A decoded article: its metadata and its text.

    meta        the Source record
    text        the decoded text, not normalised; every offset in geo indexes this string
    chrome      sorted, disjoint (start, end) spans of page furniture: navigation, bylines,
                photo captions, newsletter boxes, teasers of other stories. Places are still
                found there; claims are not.
    """

    meta: Source
    text: str
    chrome: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        last = 0
        for start, end in self.chrome:
            if not last <= start < end <= len(self.text):
                msg = f"{self.meta.source}: chrome spans must be sorted, disjoint and inside the text"
                raise ValueError(msg)
            last = end

    @property
    def source(self) -> str:
        """File name relative to the corpus root."""
        return self.meta.source

    def is_chrome(self, start: int, end: int) -> bool:
        """Whether the span [start, end) lies mostly inside page furniture."""
        # Spans are sorted and disjoint: look only at those that can overlap (bisect).
        first = max(0, bisect_right(self.chrome, (start, start)) - 1)
        inside = 0
        for s, e in self.chrome[first:]:
            if s >= end:
                break
            inside += max(0, min(end, e) - max(start, s))
        return inside * 2 > end - start


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Skip:
    """An input file that was not used, and why (one line, for the report)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Mention:
    """A span of text that matched a gazetteer name form.

    source      file the mention is in
    start, end  offsets into the document text, ``text[start:end] == surface``
    surface     the text as written
    lemma       the gazetteer name the form belongs to (Russian or Latin)
    candidates  ids of every place that carries that name, sorted
    context     the sentence around the mention (clipped), for popups
    context_start  offset of ``context`` in the document text
    """

    source: str
    start: int
    end: int
    surface: str
    lemma: str
    candidates: tuple[str, ...]
    context: str = ""
    context_start: int = 0

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, f"mention {self.surface!r} in {self.source}")
        if len(self.surface) != self.end - self.start:
            msg = f"mention {self.surface!r}: surface length does not match {self.start}..{self.end}"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Resolution:
    """The decision taken for one mention: a place, or an abstention with its reason.

    mention     the mention decided on
    place_id    the chosen place, or None when geo abstains
    reason      why, in words: "only candidate", "district named: Sudzhansky District",
                "16 candidates, no district cue", "outside the oblast: Belgorod region"
    """

    mention: Mention
    place_id: str | None
    reason: str

    @property
    def is_resolved(self) -> bool:
        """Whether a place was chosen."""
        return self.place_id is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """An amount as written and as numbers (UCDP-style low / best / high).

    text    the amount as written, e.g. "more than 1,000", "two-thirds", "up to a battalion"
    low     lower bound, or None
    best    best estimate, or None
    high    upper bound, or None
    """

    text: str
    low: float | None = None
    best: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        values = [v for v in (self.low, self.best, self.high) if v is not None]
        if any(not math.isfinite(v) for v in values):
            msg = f"figure {self.text!r}: numbers must be finite"
            raise ValueError(msg)
        if values != sorted(values):
            msg = f"figure {self.text!r}: expected low <= best <= high, got {self.low}, {self.best}, {self.high}"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class PlaceLink:
    """A claim's tie to one place, and how it was made."""

    place_id: str
    link: Link


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A statement about losses or forces, tied to zero or more places.

    claim_id    stable id derived from source, span and kind
    source      file the claim is in
    start, end  offsets into the document text, ``text[start:end] == quote``
    quote       the verbatim clause or sentence
    claimant    who makes the claim (canonical name), or None when the text does not say
    kind        what is reported
    subject     whom it concerns, as the text names them, or None
    figure      the amount, or None when no amount is given
    reported    ISO date the claim was made, where known
    reported_precision  how precise ``reported`` is, or None
    places      the places the claim is tied to; empty for an unplaced claim
    corrected_by  the corrections-file lines that changed it ("corrections.csv:4")
    """

    claim_id: str
    source: str
    start: int
    end: int
    quote: str
    claimant: str | None
    kind: Kind
    subject: str | None = None
    figure: Figure | None = None
    reported: str | None = None
    reported_precision: DatePrecision | None = None
    places: tuple[PlaceLink, ...] = ()
    corrected_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, f"claim {self.claim_id} in {self.source}")
        if len(self.quote) != self.end - self.start:
            msg = f"claim {self.claim_id}: quote length does not match {self.start}..{self.end}"
            raise ValueError(msg)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Total order of claims: source, then span, then kind."""
        return (self.source, self.start, self.end, self.kind.value)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """Everything extracted from one document: the unit that is cached and parallelised."""

    meta: Source
    resolutions: tuple[Resolution, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Build:
    """The result of a whole corpus: what every writer (GeoJSON, CSV, GPKG, map) reads.

    corpus          name of the corpus (its folder name)
    built           ISO date of the build (from the newest source date, for reproducibility)
    gazetteer_version  hash of the gazetteer data the build used
    sources         every document read, sorted by source
    skips           every file not used, with its reason, sorted by source
    places          every place that carries a mention or a claim, sorted by id
    resolutions     every mention decision, sorted by (source, start)
    claims          every claim, sorted by ``Claim.sort_key``
    """

    corpus: str
    built: str
    gazetteer_version: str
    sources: tuple[Source, ...] = ()
    skips: tuple[Skip, ...] = ()
    places: tuple[Place, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    claims: tuple[Claim, ...] = ()
    attribution: tuple[str, ...] = field(default=())

    @property
    def unresolved(self) -> tuple[Resolution, ...]:
        """Mentions geo abstained on."""
        return tuple(r for r in self.resolutions if r.place_id is None)

    @property
    def unplaced_claims(self) -> tuple[Claim, ...]:
        """Claims tied to no place of the oblast."""
        return tuple(c for c in self.claims if not c.places)
