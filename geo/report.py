"""The end-of-build summary: every file read, every file skipped and why, what was found."""

from __future__ import annotations

import itertools
from collections import Counter

from geo.model import Build, PlaceType
from geo.records import Records, as_records


def summary_lines(data: Build | Records, *, max_files: int = 50) -> list[str]:
    """Lines for stderr: counts first, then each skip with its reason, then the files read.

    Every skip is listed (a skipped file is lost data, the user must see why); the files
    read are listed up to ``max_files``, then counted.
    """
    records = as_records(data)
    counts = records.counts
    settlements = [p for p in records.places if p.place_type is PlaceType.SETTLEMENT]
    reasons = Counter(r.reason.split(":")[0] for r in records.iter_unresolved())
    lines = [
        f"read {counts.sources:,} file(s), skipped {counts.skips:,}; "
        f"{len(settlements):,} place(s), {counts.claims:,} claim(s) "
        f"({counts.unplaced_claims:,} unplaced), {counts.unresolved:,} unresolved mention(s)",
    ]
    lines += [f"skipped {s.source}: {s.reason}" for s in records.iter_skips()]
    for reason, count in sorted(reasons.items()):
        lines.append(f"unresolved x{count}: {reason}")
    lines += [f"read {s.source}" for s in itertools.islice(records.iter_sources(), max_files)]
    if counts.sources > max_files:
        lines.append(f"… and {counts.sources - max_files:,} more file(s) read")
    return lines
