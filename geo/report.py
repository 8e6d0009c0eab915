"""The end-of-build summary: every file read, every file skipped and why, what was found."""

from __future__ import annotations

from collections import Counter

from geo.model import Build, PlaceType


def summary_lines(build: Build, *, max_files: int = 50) -> list[str]:
    """Lines for stderr: counts first, then each skip with its reason, then the files read."""
    settlements = [p for p in build.places if p.place_type is PlaceType.SETTLEMENT]
    reasons = Counter(r.reason.split(":")[0] for r in build.unresolved)
    lines = [
        f"read {len(build.sources):,} file(s), skipped {len(build.skips):,}; "
        f"{len(settlements):,} place(s), {len(build.claims):,} claim(s) "
        f"({len(build.unplaced_claims):,} unplaced), {len(build.unresolved):,} unresolved mention(s)",
    ]
    lines += [f"skipped {s.source}: {s.reason}" for s in build.skips]
    for reason, count in sorted(reasons.items()):
        lines.append(f"unresolved x{count}: {reason}")
    shown = build.sources[:max_files]
    lines += [f"read {s.source}" for s in shown]
    if len(build.sources) > max_files:
        lines.append(f"… and {len(build.sources) - max_files:,} more file(s) read")
    return lines
