"""Helpers that look places up in the gazetteer and run text through matcher and resolver."""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.model import PlaceType, Resolution
from geo.pipeline import Resources
from geo.resolve import resolve_candidates


def only_place(gaz: Gazetteer, russian: str) -> str:
    """The id of the one settlement with this Russian name (fails if there are several)."""
    ids = [p.place_id for p in gaz.settlements if p.name_local == russian]
    assert len(ids) == 1, f"{russian}: {len(ids)} places"
    return ids[0]


def places_named(gaz: Gazetteer, russian: str) -> list[str]:
    """Ids of every settlement with this Russian name."""
    return sorted(p.place_id for p in gaz.settlements if p.name_local == russian)


def resolve_text(res: Resources, text: str) -> tuple[Resolution, ...]:
    """Scan and resolve a text as the pipeline does."""
    return resolve_candidates(text, "t.txt", res.matcher.scan(text), res.gazetteer, settings=res.settings)


def settlement_ids(res: Resources, text: str) -> list[str]:
    """Ids of the settlements resolved in a text, in text order."""
    return [r.place_id for r in resolve_text(res, text)
            if r.place_id and res.gazetteer.places[r.place_id].place_type is PlaceType.SETTLEMENT]
