"""The end-of-build summary: the files read, the files skipped and why, each unresolved name, the totals.

Per-file lines come first and the totals last, so that the line a user reads at the end
of a log is the one that sums it up. An unresolved name is listed once (not once per
mention): how often it occurs, the places it could be, the reason geo abstained, and the
first files it occurs in, so the user can open one and decide (``geo explain FILE``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from geo.model import Build, Place, PlaceType
from geo.records import Records, UnresolvedMention, as_records

__all__ = ["UnresolvedName", "group_unresolved", "summary_lines"]

#: Files named per unresolved name before "and N more".
FILES_SHOWN = 3
#: Unresolved names listed before "and N more names".
NAMES_SHOWN = 40


@dataclass(slots=True)
class _Tally:
    """Accumulates one name while the unresolved mentions stream past (kept small)."""

    candidates: tuple[str, ...]
    count: int = 0
    files: list[str] = field(default_factory=list)
    n_files: int = 0
    last: str = ""
    reasons: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """One name geo could not place, over the whole corpus."""

    name: str
    count: int
    candidates: tuple[str, ...]
    reason: str
    files: tuple[str, ...]
    n_files: int


def group_unresolved(mentions: Iterable[UnresolvedMention]) -> list[UnresolvedName]:
    """Unresolved mentions grouped by gazetteer name, most frequent first.

    ``mentions`` come in (source, start) order, as ``Records.iter_unresolved_names`` gives
    them: a name's files are then counted without keeping them all.
    """
    tallies: dict[str, _Tally] = {}
    for m in mentions:
        tally = tallies.setdefault(m.lemma, _Tally(candidates=m.candidates))
        tally.count += 1
        tally.reasons[m.reason] += 1
        if m.source != tally.last:
            tally.last = m.source
            tally.n_files += 1
            if len(tally.files) < FILES_SHOWN:
                tally.files.append(m.source)
    names = [UnresolvedName(name, t.count, t.candidates, t.reasons.most_common(1)[0][0],
                            tuple(t.files), t.n_files) for name, t in tallies.items()]
    return sorted(names, key=lambda u: (-u.count, u.name))


def _candidate_label(place_id: str, places: Mapping[str, Place] | None) -> str:
    place = places.get(place_id) if places is not None else None
    if place is None:
        return place_id
    return f"{place.name} ({place.admin2})" if place.admin2 else place.name


def unresolved_lines(names: list[UnresolvedName], places: Mapping[str, Place] | None = None) -> list[str]:
    """One line per unresolved name: count, candidates, reason, files."""
    lines = []
    for u in names[:NAMES_SHOWN]:
        candidates = "; ".join(_candidate_label(c, places) for c in u.candidates)
        more = u.n_files - len(u.files)
        files = ", ".join(u.files) + (f" and {more:,} more" if more > 0 else "")
        lines.append(f"unresolved {u.name} x{u.count:,} in {u.n_files:,} file(s): {len(u.candidates)} "
                     f"candidate(s): {candidates}; {u.reason.split(';')[-1].strip()}; in {files}")
    if len(names) > NAMES_SHOWN:
        lines.append(f"… and {len(names) - NAMES_SHOWN:,} more unresolved name(s) (all are in places.geojson)")
    return lines


def summary_lines(data: Build | Records, *, max_files: int = 50,
                  places: Mapping[str, Place] | None = None) -> list[str]:
    """Lines for stderr: the files read, every skip with its reason, each unresolved name, the totals.

    Every skip is listed (a skipped file is lost data, the user must see why); the files
    read are listed up to ``max_files``, then counted. ``places`` (the gazetteer's) names
    the candidates of an unresolved name; without it they are shown by id.
    """
    records = as_records(data)
    counts = records.counts
    lines = [f"read {s.source}" for s in itertools.islice(records.iter_sources(), max_files)]
    if counts.sources > max_files:
        lines.append(f"… and {counts.sources - max_files:,} more file(s) read")
    lines += [f"skipped {s.source}: {s.reason}" for s in records.iter_skips()]
    lines += unresolved_lines(group_unresolved(records.iter_unresolved_names()), places)
    settlements = [p for p in records.places if p.place_type is PlaceType.SETTLEMENT]
    lines.append(
        f"read {counts.sources:,} file(s), skipped {counts.skips:,}; "
        f"{len(settlements):,} place(s), {counts.claims:,} claim(s) "
        f"({counts.unplaced_claims:,} unplaced), {counts.unresolved:,} unresolved mention(s)")
    return lines
