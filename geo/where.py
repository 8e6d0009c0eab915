"""``geo where NAME``: which gazetteer places a name (any spelling, any case form) stands for."""

from __future__ import annotations

from pathlib import Path

from geo.model import Place
from geo.pipeline import load_resources


def lookup_places(name: str, gazetteer: Path | None = None) -> list[Place]:
    """Places whose name forms match the whole of ``name`` (after an optional preposition)."""
    res = load_resources(gazetteer)
    text = name.strip()
    found: dict[str, Place] = {}
    for candidate in res.matcher.scan(text[:1].upper() + text[1:]):
        for place_id in candidate.place_ids:
            found[place_id] = res.gazetteer.places[place_id]
    return sorted(found.values())


def lookup(name: str, gazetteer: Path | None = None) -> list[str]:
    """One line per place: id, names, type, district, coordinates."""
    return [
        f"{p.place_id}\t{p.name}\t{p.name_local}\t{p.place_type.value}\t{p.admin2 or '-'}\t"
        f"{p.lat:.5f}, {p.lon:.5f}" + ("" if p.is_point_trusted else "\t(point: district centroid)")
        for p in lookup_places(name, gazetteer)
    ]
