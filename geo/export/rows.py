"""Records of a Build → plain JSON-ready dicts, the one shape every writer starts from.

Pure: no file system, no geopandas. GeoJSON nests claims under their places; CSV and
GeoPackage flatten the same dicts into one row per (claim, place).

Coordinates leave the records here and only here, in GeoJSON's [lon, lat] order,
rounded to 6 decimals (about 0.1 m).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from geo.model import Build, Claim, Figure, Kind, Link, Place, Resolution, Source

COORD_DECIMALS = 6


def lon_lat(place: Place) -> list[float]:
    """The place's point in GeoJSON axis order, rounded."""
    return [round(place.lon, COORD_DECIMALS), round(place.lat, COORD_DECIMALS)]


def figure_dict(figure: Figure | None) -> dict[str, object] | None:
    """A figure as the contract writes it; integral numbers stay integers."""
    if figure is None:
        return None

    def num(value: float | None) -> float | int | None:
        if value is None:
            return None
        return int(value) if float(value).is_integer() else round(value, 2)

    return {"text": figure.text, "low": num(figure.low), "best": num(figure.best), "high": num(figure.high)}


def claim_dict(claim: Claim, *, link: Link | None, contested: bool = False) -> dict[str, object]:
    """A claim as the contract writes it, with the link under which it is listed."""
    return {
        "claim_id": claim.claim_id,
        "quote": claim.quote,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "claimant": claim.claimant,
        "kind": claim.kind.value,
        "subject": claim.subject,
        "figure": figure_dict(claim.figure),
        "reported": claim.reported,
        "reported_precision": claim.reported_precision.value if claim.reported_precision else None,
        "link": (link or Link.ARTICLE).value,
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
            "language": source.language, "encoding": source.encoding}


def _ranges_overlap(a: Figure, b: Figure) -> bool:
    """Whether two figures can describe the same count (open bounds extend to infinity)."""
    a_low = a.low if a.low is not None else a.best if a.high is None else 0.0
    a_high = a.high if a.high is not None else a.best if a.low is None else float("inf")
    b_low = b.low if b.low is not None else b.best if b.high is None else 0.0
    b_high = b.high if b.high is not None else b.best if b.low is None else float("inf")
    if None in (a_low, a_high, b_low, b_high):
        return True
    return a_low <= b_high and b_low <= a_high  # type: ignore[operator]


def contested_claim_ids(claims: Iterable[Claim]) -> frozenset[str]:
    """Claims about one place whose figure of the same kind and date disagrees with another's.

    Two claims conflict when they are of the same kind, were made on the same date (or
    both undated), come from different claimants, and their figure ranges do not
    overlap. Figures are never averaged: both claims stay, both are marked.
    """
    groups: dict[tuple[Kind, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.figure is not None and any(
            v is not None for v in (claim.figure.low, claim.figure.best, claim.figure.high)
        ):
            groups[(claim.kind, claim.reported)].append(claim)
    out: set[str] = set()
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.claimant != b.claimant and not _ranges_overlap(a.figure, b.figure):  # type: ignore[arg-type]
                    out.update((a.claim_id, b.claim_id))
    return frozenset(out)


def feature_collection(build: Build) -> dict[str, object]:
    """The whole Build as one RFC 7946 FeatureCollection dict (the contract's shape)."""
    mentions: dict[str, list[Resolution]] = defaultdict(list)
    for res in build.resolutions:
        if res.place_id is not None:
            mentions[res.place_id].append(res)
    claims_at: dict[str, list[tuple[Claim, Link]]] = defaultdict(list)
    for claim in build.claims:
        for pl in claim.places:
            claims_at[pl.place_id].append((claim, pl.link))
    features = []
    for place in build.places:
        here = claims_at.get(place.place_id, [])
        contested = contested_claim_ids(c for c, _ in here)
        features.append({
            "type": "Feature",
            "id": place.place_id,
            "geometry": {"type": "Point", "coordinates": lon_lat(place)},
            "properties": {
                "place_id": place.place_id,
                "name": place.name,
                "name_local": place.name_local,
                "place_type": place.place_type.value,
                "admin1": place.admin1,
                "admin2": place.admin2,
                "geo_precision": place.geo_precision,
                "category": place.category,
                "population": place.population,
                "contested": bool(contested),
                "mentions": [mention_dict(r) for r in mentions.get(place.place_id, [])],
                "claims": [claim_dict(c, link=link, contested=c.claim_id in contested)
                           for c, link in here],
            },
        })
    return {
        "type": "FeatureCollection",
        "name": build.corpus,
        "built": build.built,
        "gazetteer_version": build.gazetteer_version,
        "attribution": list(build.attribution),
        "sources": [source_dict(s) for s in build.sources],
        "skipped": [{"file": s.source, "reason": s.reason} for s in build.skips],
        "features": features,
        "unresolved": [unresolved_dict(r) for r in build.unresolved],
        "unplaced_claims": [claim_dict(c, link=None) for c in build.unplaced_claims],
    }
