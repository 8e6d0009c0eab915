"""``geo eval``: score a Build against gold annotations, with the definitions of GOLD.md.

- Mentions: a settlement mention matches a gold place of the same file when the spans
  overlap (one to one); precision, recall, F1. acc@5km: matched gold mentions whose
  chosen place lies within 5 km of the gold point, over all gold mentions.
- Claims: a gold claim is found when a claim of the same file overlaps its span (the best
  one: same kind and figure first). Claimant (name or alias, case-insensitive), kind,
  figure (low/best/high within 0.5) and link (a place for each gold place; "Kursk oblast"
  is the region; [] means unplaced) are counted over all gold claims. Claim precision:
  claims that overlap some gold claim, over all claims.

Every miss is listed with the gold item and what geo produced in its place, so a user
can see why a figure is what it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import great_circle

from geo.errors import GeoError
from geo.model import Build, Claim, Figure, PlaceType

RADIUS_KM = 5.0
FIGURE_TOLERANCE = 0.5
REGION_LABEL = "kursk oblast"


@dataclass(frozen=True, slots=True)
class Score:
    """The figures of one evaluation and the misses behind them."""

    mention_precision: float
    mention_recall: float
    mention_f1: float
    acc_5km: float
    claims_found: float
    claimant: float
    kind: float
    figure: float
    link: float
    claim_precision: float
    misses: tuple[str, ...] = field(default=())


def load_gold(path: Path) -> list[dict]:
    """The documents of a geo-gold/1 file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        docs = data["documents"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        msg = f"cannot read gold file {path}: {err}; expected geo-gold/1 JSON with a 'documents' list"
        raise GeoError(msg) from err
    return list(docs)


def _ratio(num: int, den: int, *, empty: float = 1.0) -> float:
    return num / den if den else empty


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _norm(name: str | None) -> str | None:
    return " ".join(name.replace("\u00a0", " ").split()).casefold() if name else None


def _figure_ok(gold: dict | None, got: Figure | None) -> bool:
    want = (None, None, None) if gold is None else (gold.get("low"), gold.get("best"), gold.get("high"))
    have = (None, None, None) if got is None else (got.low, got.best, got.high)
    for a, b in zip(want, have, strict=True):
        if (a is None) != (b is None):
            return False
        if a is not None and abs(float(a) - float(b)) > FIGURE_TOLERANCE:  # type: ignore[arg-type]
            return False
    return True


def evaluate(gold_docs: list[dict], build: Build) -> Score:
    """Compare a Build with gold documents (matched by file name)."""
    places = {p.place_id: p for p in build.places}
    misses: list[str] = []
    m_tp = m_gold = m_export = ok5 = 0
    c_gold = found = who = kind = fig = link = 0
    precise_claims: set[str] = set()
    gold_names = {Path(d["file"]).name for d in gold_docs}
    export_claims = [c for c in build.claims if Path(c.source).name in gold_names]
    for doc in gold_docs:
        name = Path(doc["file"]).name
        mentions = [r for r in build.resolutions if Path(r.mention.source).name == name and r.place_id
                    and places[r.place_id].place_type is PlaceType.SETTLEMENT]
        m_export += len(mentions)
        used: set[int] = set()
        for g in doc.get("places", []):
            m_gold += 1
            span = (g["start"], g["end"])
            hits = [i for i, r in enumerate(mentions) if i not in used and _overlap(span, (r.mention.start, r.mention.end))]
            if not hits:
                misses.append(f"{name}: place {g['surface']!r} at {g['start']} not found")
                continue
            used.add(hits[0])
            m_tp += 1
            place = places[mentions[hits[0]].place_id]  # type: ignore[index]
            km = great_circle((g["lat"], g["lon"]), (place.lat, place.lon)).km
            if km <= RADIUS_KM:
                ok5 += 1
            else:
                misses.append(f"{name}: place {g['surface']!r} resolved to {place.place_id} {place.name}, {km:.1f} km off")
        for i, r in enumerate(mentions):
            if i not in used:
                misses.append(f"{name}: extra place {r.mention.surface!r} at {r.mention.start} ({r.place_id})")
        claims = [c for c in export_claims if Path(c.source).name == name]
        for gc in doc.get("claims", []):
            c_gold += 1
            span = (gc["start"], gc["end"])
            over = [c for c in claims if _overlap(span, (c.start, c.end))]
            for c in over:
                precise_claims.add(c.claim_id)
            if not over:
                misses.append(f"{name}: claim not found: {gc['quote'][:90]!r}")
                continue
            best = max(over, key=lambda c: (c.kind.value == gc["kind"] and _figure_ok(gc.get("figure"), c.figure),
                                            c.kind.value == gc["kind"], _figure_ok(gc.get("figure"), c.figure),
                                            _overlap(span, (c.start, c.end))))
            found += 1
            checks = {
                "claimant": _claimant_ok(gc, best.claimant),
                "kind": best.kind.value == gc["kind"],
                "figure": _figure_ok(gc.get("figure"), best.figure),
                "link": _link_ok(gc, doc, best, places),
            }
            who += checks["claimant"]
            kind += checks["kind"]
            fig += checks["figure"]
            link += checks["link"]
            wrong = [k for k, ok in checks.items() if not ok]
            if wrong:
                misses.append(
                    f"{name}: claim {gc['quote'][:60]!r}: wrong {', '.join(wrong)}; gold "
                    f"{gc.get('claimant')!r} {gc['kind']} {gc.get('figure')} {gc.get('places')}; geo "
                    f"{best.claimant!r} {best.kind.value} {best.figure} {[p.place_id for p in best.places]}"
                )
        for c in claims:
            if not any(_overlap((g["start"], g["end"]), (c.start, c.end)) for g in doc.get("claims", [])):
                misses.append(f"{name}: extra claim {c.kind.value} {c.quote[:70]!r}")
    precision = _ratio(m_tp, m_export, empty=1.0 if not m_gold else 0.0)
    recall = _ratio(m_tp, m_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        mention_precision=precision, mention_recall=recall, mention_f1=f1, acc_5km=_ratio(ok5, m_gold),
        claims_found=_ratio(found, c_gold), claimant=_ratio(who, c_gold), kind=_ratio(kind, c_gold),
        figure=_ratio(fig, c_gold), link=_ratio(link, c_gold),
        claim_precision=_ratio(len(precise_claims), len(export_claims), empty=1.0 if not c_gold else 0.0),
        misses=tuple(misses),
    )


def _claimant_ok(gold: dict, got: str | None) -> bool:
    want = _norm(gold.get("claimant"))
    if want is None:
        return got is None
    return _norm(got) in {want, *(_norm(a) for a in gold.get("claimant_aliases", []))}


def _link_ok(gold: dict, doc: dict, claim: Claim, places: dict) -> bool:
    carriers = [places[p.place_id] for p in claim.places if p.place_id in places]
    wanted = gold.get("places", [])
    if not wanted:
        return not carriers
    for label in wanted:
        if _norm(label) == REGION_LABEL:
            if not any(p.place_type is PlaceType.REGION for p in carriers):
                return False
            continue
        points = [(g["lat"], g["lon"]) for g in doc.get("places", []) if g["name"] == label]
        if not any(p.place_type is PlaceType.SETTLEMENT and any(
                great_circle(pt, (p.lat, p.lon)).km <= RADIUS_KM for pt in points) for p in carriers):
            return False
    return True


def report_lines(score: Score) -> list[str]:
    """The summary lines of ``geo eval``, then one line per miss."""
    return [
        f"mentions precision {score.mention_precision:.3f} recall {score.mention_recall:.3f} "
        f"F1 {score.mention_f1:.3f} | acc@5km {score.acc_5km:.3f}",
        f"claims found {score.claims_found:.3f} | claimant {score.claimant:.3f} kind {score.kind:.3f} "
        f"figure {score.figure:.3f} link {score.link:.3f} | claim precision {score.claim_precision:.3f}",
        *(f"miss: {m}" for m in score.misses),
    ]
