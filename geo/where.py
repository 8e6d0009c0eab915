"""``geo where NAME``: which gazetteer places a name (any spelling, any case form) stands for."""

from __future__ import annotations

import unicodedata
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


def _fold(text: str) -> str:
    """Lower case, no accents, ё as е, hyphens as spaces: how names are compared for slips."""
    bare = unicodedata.normalize("NFD", text.casefold().replace("ё", "е"))
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).replace("-", " ").split())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Insertions, deletions and substitutions from ``a`` to ``b``; ``limit + 1`` once past it.

    >>> edit_distance("sudja", "sudzha", 2), edit_distance("martinovka", "martynovka", 3)
    (2, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def may_be_near(letters: frozenset[str], form: str, limit: int) -> bool:
    """False when ``form`` is surely more than ``limit`` edits from a word of ``letters``.

    An edit changes the set of letters by at most two (a substitution drops one, brings
    one), so sets that differ by more than ``2 * limit`` letters need more edits. A cheap
    test before ``edit_distance``: a miss (``geo where Martinovka``) compares 6,800 name
    forms, and this leaves an eighth of them to the full count (issue 14).

    >>> may_be_near(frozenset("sudja"), "sudzha", 2), may_be_near(frozenset("sudja"), "kursk", 2)
    (True, False)
    """
    return len(letters.symmetric_difference(form)) <= 2 * limit


def allowed_slips(query: str) -> int:
    """How many typing slips a query may hold (the map's search allows the same)."""
    return 1 if len(query) <= 4 else 2 if len(query) <= 8 else 3  # noqa: PLR2004


def near_places(name: str, gazetteer: Path | None = None) -> list[tuple[int, Place]]:
    """Settlements with a name form a few edits from ``name``: the nearest distance only.

    Only the places at the smallest distance found are returned ("Sudja" gives Sudzha,
    not every name two slips away from it), so the list stays short.
    """
    res = load_resources(gazetteer)
    query = _fold(name)
    limit = allowed_slips(query)
    letters = frozenset(query)
    best: dict[str, int] = {}
    for names in res.gazetteer.names:
        place = res.gazetteer.places.get(names.place_id)
        if place is None:
            continue
        forms = [_fold(form) for form in {place.name, place.name_local, *names.alternates}]
        distance = min((edit_distance(query, form, limit) for form in forms if may_be_near(letters, form, limit)),
                       default=limit + 1)
        if distance <= limit:
            best[names.place_id] = distance
    if not best:
        return []
    nearest = min(best.values())
    return sorted((d, res.gazetteer.places[pid]) for pid, d in best.items() if d == nearest)


def lookup(name: str, gazetteer: Path | None = None) -> list[str]:
    """One line per place: id, names, type, district, coordinates.

    When no name form matches exactly (issue 12: "Sudja", "Martinovka"), the places a few
    typing slips away are listed, each line saying how many.
    """
    exact = [(0, p) for p in lookup_places(name, gazetteer)]
    return [
        f"{p.place_id}\t{p.name}\t{p.name_local}\t{p.place_type.value}\t{p.admin2 or '-'}\t"
        f"{p.lat:.5f}, {p.lon:.5f}" + ("" if p.is_point_trusted else "\t(point: district centroid)")
        + (f"\t(spelled {d} edit{'s' if d > 1 else ''} away)" if d else "")
        for d, p in exact or near_places(name, gazetteer)
    ]
