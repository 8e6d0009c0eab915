"""``geo eval``: score an export against gold annotations, as ``../shared/eval/score.py`` does.

The scorer reads the GeoJSON collection that ``geo export --format geojson`` writes (the
parsed dict), not the in-memory records, so that ``geo eval`` and the shared scorer see the
same data: a claim sits under the features the export puts it under, a mention is drawn at
its feature's point. The rules are the ones of GOLD.md, made precise in score.py:

- Mentions: export mentions of settlement features, matched one to one with the gold places
  of the same file whose spans overlap (a match within 5 km preferred, then the larger
  overlap); precision, recall, F1. acc@5km: matched gold places whose feature lies within
  5 km (haversine) of the gold point, over all gold places.
- Claims: a gold claim is found when an export claim of the same file overlaps its span; the
  best one is taken (same kind and figure, kind, figure, claimant, link, overlap). Claimant,
  kind, figure and link are counted over all gold claims. Claim precision: export claims
  that overlap some gold claim, over all export claims.

Beyond score.py, the figures are also given per claim kind and per language (the gold's
``language``), and every miss is listed with the gold reading and geo's side by side.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError

__all__ = ["Score", "Tally", "evaluate", "load_gold", "read_export", "report_lines"]

RADIUS_KM = 5.0
#: Mean Earth radius (IUGG), the one score.py uses: the two scorers must agree to the metre.
EARTH_KM = 6371.0088
#: Figures are head counts; 0.5 absorbs a float written for an integer.
FIGURE_TOLERANCE = 0.5
REGION_LABEL = "kursk oblast"

Triple = tuple[float | None, float | None, float | None]
_NO_FIGURE: Triple = (None, None, None)


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """One annotated settlement mention."""

    start: int
    end: int
    surface: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim; ``places`` holds gold place names or "Kursk oblast"."""

    start: int
    end: int
    quote: str
    claimant: str | None
    aliases: tuple[str, ...]
    kind: str
    figure: Triple
    figure_text: str | None
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The annotations of one file, matched to the export by file name."""

    name: str
    language: str
    places: tuple[GoldPlace, ...]
    claims: tuple[GoldClaim, ...]


@dataclass(frozen=True, slots=True)
class Feature:
    """A place of the export: its type, its point and the spans of its mentions."""

    place_id: str
    name: str
    place_type: str
    point: tuple[float, float] | None
    mentions: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, slots=True)
class ExportMention:
    """A mention of a settlement feature."""

    source: str
    start: int
    end: int
    surface: str
    feature: int


@dataclass(frozen=True, slots=True)
class ExportClaim:
    """A claim of the export and the features it sits under (empty: unplaced)."""

    source: str
    start: int
    end: int
    quote: str
    kind: str | None
    claimant: str | None
    figure: Triple
    figure_text: str | None
    features: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Export:
    """What the scorer reads from a GeoJSON export."""

    features: tuple[Feature, ...]
    mentions: tuple[ExportMention, ...]
    claims: tuple[ExportClaim, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts behind the figures of one group (all, one kind, one language)."""

    places: int = 0
    mentions: int = 0
    matched: int = 0
    within_5km: int = 0
    claims: int = 0
    found: int = 0
    claimant: int = 0
    kind: int = 0
    figure: int = 0
    link: int = 0
    exported: int = 0
    exported_ok: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))

    @property
    def mention_precision(self) -> float:
        return _ratio(self.matched, self.mentions, empty=self.places == 0)

    @property
    def mention_recall(self) -> float:
        return _ratio(self.matched, self.places, empty=self.mentions == 0)

    @property
    def mention_f1(self) -> float:
        p, r = self.mention_precision, self.mention_recall
        if not (self.places or self.mentions):
            return 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc_5km(self) -> float:
        return _ratio(self.within_5km, self.places)

    def claim_share(self, count: int) -> float:
        """``count`` over all gold claims of the group (a claim not found counts as wrong)."""
        return _ratio(count, self.claims)

    @property
    def claim_precision(self) -> float:
        return _ratio(self.exported_ok, self.exported, empty=self.claims == 0)


def _values(tally: Tally) -> tuple[int, ...]:
    return tuple(getattr(tally, name) for name in Tally.__slots__)


@dataclass(frozen=True, slots=True)
class Score:
    """The figures of one evaluation: overall, per kind, per language, and every miss."""

    overall: Tally
    by_kind: Mapping[str, Tally]
    by_language: Mapping[str, Tally]
    misses: tuple[str, ...] = field(default=())

    @property
    def mention_f1(self) -> float:
        return self.overall.mention_f1

    @property
    def acc_5km(self) -> float:
        return self.overall.acc_5km

    @property
    def claims_found(self) -> float:
        return self.overall.claim_share(self.overall.found)

    @property
    def claim_precision(self) -> float:
        return self.overall.claim_precision


# ---------------------------------------------------------------- reading


def _ratio(num: int, den: int, *, empty: bool = True) -> float:
    if den:
        return num / den
    return 1.0 if empty else 0.0


def _basename(path: object) -> str | None:
    if not isinstance(path, str):
        return None
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_num(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _triple(figure: object) -> Triple:
    if not isinstance(figure, Mapping):
        return _NO_FIGURE
    values = [figure.get(key) for key in ("low", "best", "high")]
    return tuple(float(v) if _is_num(v) else None for v in values)  # type: ignore[return-value]


def _figure_text(figure: object) -> str | None:
    return figure.get("text") if isinstance(figure, Mapping) else None


def load_gold(path: Path) -> tuple[GoldDocument, ...]:
    """The documents of a geo-gold/1 file.

    Raises
    ------
    GeoError
        When the file is missing, not JSON, or a document lacks a field the scorer needs.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return tuple(_gold_document(doc) for doc in data["documents"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        msg = f"cannot read gold file {path}: {err!r}; expected geo-gold/1 JSON with a 'documents' list"
        raise GeoError(msg) from err


def _gold_document(doc: Mapping) -> GoldDocument:
    name = _basename(doc["file"])
    if not name:
        msg = f"a gold document has no file name: {doc.get('file')!r}"
        raise ValueError(msg)
    places = tuple(
        GoldPlace(int(p["start"]), int(p["end"]), str(p.get("surface") or ""), p["name"],
                  float(p["lat"]), float(p["lon"]))
        for p in doc.get("places", []))
    claims = tuple(
        GoldClaim(int(c["start"]), int(c["end"]), str(c.get("quote") or ""), c.get("claimant"),
                  tuple(c.get("claimant_aliases") or ()), str(c.get("kind")), _triple(c.get("figure")),
                  _figure_text(c.get("figure")), tuple(c.get("places") or ()))
        for c in doc.get("claims", []))
    return GoldDocument(name, str(doc.get("language") or "?"), places, claims)


def _point(geometry: object) -> tuple[float, float] | None:
    if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
        return None
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2 or not all(_is_num(c) for c in coords[:2]):
        return None
    return float(coords[1]), float(coords[0])


def read_export(collection: Mapping) -> Export:
    """The features, settlement mentions and claims of a parsed GeoJSON export.

    A claim listed under several features is one claim under all of them; claims of
    ``unplaced_claims`` (or ``claims``) sit under none. Malformed members are passed over,
    as score.py does.
    """
    features: list[Feature] = []
    mentions: list[ExportMention] = []
    rows: list[tuple[Mapping, int | None]] = []
    for index, item in enumerate(collection.get("features") or []):
        props = item.get("properties") or {}
        place_type = props.get("place_type") or "settlement"
        spans = []
        for m in props.get("mentions") or []:
            source, start, end = _basename(m.get("source")), m.get("start"), m.get("end")
            if not source or not _is_int(start) or not _is_int(end) or end <= start:
                continue
            spans.append((source, start, end))
            if place_type == "settlement":
                mentions.append(ExportMention(source, start, end, str(m.get("surface") or ""), index))
        features.append(Feature(str(props.get("place_id") or ""), str(props.get("name") or ""), place_type,
                                _point(item.get("geometry")), tuple(spans)))
        rows += [(c, index) for c in props.get("claims") or []]
    for key in ("claims", "unplaced_claims"):
        rows += [(c, None) for c in collection.get(key) or []]
    return Export(tuple(features), tuple(mentions), _merge_claims(rows))


def _merge_claims(rows: Iterable[tuple[Mapping, int | None]]) -> tuple[ExportClaim, ...]:
    """One ExportClaim per (file, claim_id), in first-seen order, with all its features."""
    first: dict[tuple[str, str], Mapping] = {}
    under: dict[tuple[str, str], list[int]] = defaultdict(list)
    for claim, index in rows:
        source, start, end = _basename(claim.get("source")), claim.get("start"), claim.get("end")
        if not source or not _is_int(start) or not _is_int(end) or end <= start:
            continue
        claim_id = claim.get("claim_id") or json.dumps(
            [source, start, end, claim.get("kind"), claim.get("claimant"), claim.get("figure")],
            sort_keys=True, ensure_ascii=False, default=str)
        key = (source, str(claim_id))
        first.setdefault(key, claim)
        if index is not None and index not in under[key]:
            under[key].append(index)
    return tuple(
        ExportClaim(key[0], c["start"], c["end"], str(c.get("quote") or ""),
                    c.get("kind") if isinstance(c.get("kind"), str) else None,
                    c.get("claimant") if isinstance(c.get("claimant"), str) else None,
                    _triple(c.get("figure")), _figure_text(c.get("figure")), tuple(under[key]))
        for key, c in first.items())


# ---------------------------------------------------------------- scoring


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _norm(name: str | None) -> str | None:
    if not isinstance(name, str):
        return None
    return " ".join(name.replace("\u00a0", " ").split()).casefold() or None


def _figure_ok(want: Triple, have: Triple) -> bool:
    for a, b in zip(want, have, strict=True):
        if a is None or b is None:
            if a is not None or b is not None:
                return False
        elif abs(a - b) > FIGURE_TOLERANCE:
            return False
    return True


def _claimant_ok(gold: GoldClaim, got: str | None) -> bool:
    want = _norm(gold.claimant)
    if want is None:
        return _norm(got) is None
    return _norm(got) in {want, *(_norm(a) for a in gold.aliases)}


def _link_ok(gold: GoldClaim, doc: GoldDocument, claim: ExportClaim, features: tuple[Feature, ...]) -> bool:
    carriers = [features[i] for i in claim.features]
    if not gold.places:
        return not carriers
    for label in gold.places:
        if _norm(label) == REGION_LABEL:
            if not any(f.place_type == "region" for f in carriers):
                return False
            continue
        golds = [g for g in doc.places if g.name == label]
        if not any(_carries(f, golds, doc.name) for f in carriers if f.place_type == "settlement"):
            return False
    return True


def _carries(feature: Feature, golds: list[GoldPlace], name: str) -> bool:
    """A settlement feature stands for a gold place: within 5 km, or a mention on its span."""
    if feature.point is not None and any(_haversine_km((g.lat, g.lon), feature.point) <= RADIUS_KM for g in golds):
        return True
    return any(src == name and _overlap(s, e, g.start, g.end) for (src, s, e) in feature.mentions for g in golds)


@dataclass(frozen=True, slots=True)
class _Match:
    """The export claim taken for a gold claim, and which of its readings are right."""

    claim: ExportClaim
    kind: bool
    figure: bool
    claimant: bool
    link: bool


def _best_claim(gold: GoldClaim, doc: GoldDocument, claims: list[ExportClaim],
                features: tuple[Feature, ...]) -> _Match | None:
    best: tuple[tuple, _Match] | None = None
    for j, c in enumerate(claims):
        size = _overlap(gold.start, gold.end, c.start, c.end)
        if not size:
            continue
        match = _Match(c, c.kind == gold.kind, _figure_ok(gold.figure, c.figure), _claimant_ok(gold, c.claimant),
                       _link_ok(gold, doc, c, features))
        rank = (match.kind and match.figure, match.kind, match.figure, match.claimant, match.link, size, -j)
        if best is None or rank > best[0]:
            best = (rank, match)
    return None if best is None else best[1]


def evaluate(gold: Iterable[GoldDocument], collection: Mapping) -> Score:
    """Score a parsed GeoJSON export against gold documents (matched by file name).

    Parameters
    ----------
    gold
        The documents of ``load_gold``.
    collection
        The FeatureCollection that ``geo export --format geojson`` writes, parsed.

    Returns
    -------
    Score
        The overall figures (equal to score.py's), per kind and per language, and the misses.
    """
    docs = tuple(gold)
    export = read_export(collection)
    mentions_of: dict[str, list[ExportMention]] = defaultdict(list)
    for m in export.mentions:
        mentions_of[m.source].append(m)
    claims_of: dict[str, list[ExportClaim]] = defaultdict(list)
    for c in export.claims:
        claims_of[c.source].append(c)
    by_kind: dict[str, Tally] = defaultdict(Tally)
    by_language: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    known = {d.name for d in docs}
    for doc in docs:
        places, place_misses = _score_places(doc, mentions_of.get(doc.name, []), export.features)
        misses += place_misses
        by_language[doc.language] += places
        for kind, tally in _score_claims(doc, claims_of.get(doc.name, []), export.features, misses).items():
            by_kind[kind] += tally
            by_language[doc.language] += tally
    # Records of files the gold does not annotate count against precision, as in score.py.
    strays = Tally(mentions=sum(len(v) for k, v in mentions_of.items() if k not in known))
    for c in export.claims:
        if c.source not in known:
            by_kind[c.kind or "?"] += Tally(exported=1)
            strays += Tally(exported=1)
    overall = sum(by_language.values(), Tally()) + strays
    return Score(overall, dict(sorted(by_kind.items())), dict(sorted(by_language.items())), tuple(misses))


def _score_places(doc: GoldDocument, found: list[ExportMention],
                  features: tuple[Feature, ...]) -> tuple[Tally, list[str]]:
    ordered = sorted(found, key=lambda m: (m.start, m.end))
    used: set[int] = set()
    matched = within = 0
    misses = []
    for g in doc.places:
        best: tuple[tuple, int, float | None] | None = None
        for j, m in enumerate(ordered):
            size = _overlap(g.start, g.end, m.start, m.end)
            if j in used or not size:
                continue
            point = features[m.feature].point
            km = None if point is None else _haversine_km((g.lat, g.lon), point)
            rank = (km is not None and km <= RADIUS_KM, size, -j)
            if best is None or rank > best[0]:
                best = (rank, j, km)
        if best is None:
            misses.append(_side_by_side(f"{doc.name}:{g.start} place {g.surface!r} not found",
                                        [("place", f"{g.name} ({g.lat:.4f}, {g.lon:.4f})", "-")]))
            continue
        _, j, km = best
        used.add(j)
        matched += 1
        if best[0][0]:
            within += 1
        else:
            f = features[ordered[j].feature]
            off = "no point" if km is None else f"{km:.1f} km off"
            misses.append(_side_by_side(
                f"{doc.name}:{g.start} place {g.surface!r} placed wrong",
                [("place", f"{g.name} ({g.lat:.4f}, {g.lon:.4f})", f"{f.name} {f.place_id}, {off}")]))
    for j, m in enumerate(ordered):
        if j not in used:
            f = features[m.feature]
            misses.append(_side_by_side(f"{doc.name}:{m.start} extra place {m.surface!r}",
                                        [("place", "-", f"{f.name} {f.place_id}")]))
    return Tally(places=len(doc.places), mentions=len(ordered), matched=matched, within_5km=within), misses


def _score_claims(doc: GoldDocument, claims: list[ExportClaim], features: tuple[Feature, ...],
                  misses: list[str]) -> dict[str, Tally]:
    """Tallies per kind (gold kind for gold claims, geo's kind for geo's claims); misses appended."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for g in doc.claims:
        match = _best_claim(g, doc, claims, features)
        if match is None:
            tallies[g.kind] += Tally(claims=1)
            misses.append(_claim_miss(doc.name, g, None, features, "not found"))
            continue
        tallies[g.kind] += Tally(claims=1, found=1, claimant=match.claimant, kind=match.kind,
                                 figure=match.figure, link=match.link)
        wrong = [k for k in ("claimant", "kind", "figure", "link") if not getattr(match, k)]
        if wrong:
            misses.append(_claim_miss(doc.name, g, match.claim, features, "wrong " + ", ".join(wrong)))
    for c in claims:
        hit = any(_overlap(g.start, g.end, c.start, c.end) for g in doc.claims)
        tallies[c.kind or "?"] += Tally(exported=1, exported_ok=hit)
        if not hit:
            misses.append(_claim_miss(doc.name, None, c, features, "extra"))
    return tallies


# ---------------------------------------------------------------- report


def _show_figure(text: str | None, triple: Triple) -> str:
    if triple == _NO_FIGURE and not text:
        return "-"
    bounds = "/".join("·" if v is None else f"{v:g}" for v in triple)
    return f"{text!r} ({bounds})" if text else f"({bounds})"


def _show_places(claim: ExportClaim, features: tuple[Feature, ...]) -> str:
    names = [("Kursk oblast" if features[i].place_type == "region" else features[i].name) for i in claim.features]
    return ", ".join(names) or "unplaced"


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _claim_miss(name: str, gold: GoldClaim | None, got: ExportClaim | None,
                features: tuple[Feature, ...], what: str) -> str:
    anchor = gold or got
    assert anchor is not None  # noqa: S101 - one of the two always exists
    rows = [
        ("kind", gold.kind if gold else "-", (got.kind or "?") if got else "-"),
        ("claimant", (gold.claimant or "none") if gold else "-", (got.claimant or "none") if got else "-"),
        ("figure", _show_figure(gold.figure_text, gold.figure) if gold else "-",
         _show_figure(got.figure_text, got.figure) if got else "-"),
        ("places", (", ".join(gold.places) or "unplaced") if gold else "-",
         _show_places(got, features) if got else "-"),
    ]
    if gold and got and (got.start, got.end) != (gold.start, gold.end):
        rows.append(("span", f"{gold.start}-{gold.end}", f"{got.start}-{got.end}"))
    return _side_by_side(f"{name}:{anchor.start} claim {what}: {_clip(anchor.quote)!r}", rows)


def _side_by_side(head: str, rows: list[tuple[str, str, str]]) -> str:
    """A miss: its head line, then one aligned line per field, gold on the left, geo on the right."""
    width = max([4, *(len(r[1]) for r in rows)])
    width = min(width, 48)
    lines = [head, f"    {'':<9} {'gold':<{width}} | geo"]
    lines += [f"    {label:<9} {_clip(want, 200):<{width}} | {_clip(have, 200)}" for label, want, have in rows]
    return "\n".join(lines)


def summary_line(score: Score) -> str:
    """score.py's last line, to the same two decimals, so the two can be compared by eye."""
    t = score.overall
    return (f"mentions F1 {t.mention_f1:.2f} | acc@5km {t.acc_5km:.2f} | claims found "
            f"{t.claim_share(t.found):.2f} claimant {t.claim_share(t.claimant):.2f} kind {t.claim_share(t.kind):.2f} "
            f"figure {t.claim_share(t.figure):.2f} link {t.claim_share(t.link):.2f} | "
            f"claim precision {t.claim_precision:.2f}")


_CLAIM_HEAD = f"{'':<22} {'gold':>5} {'found':>6} {'claimant':>8} {'kind':>6} {'figure':>6} {'link':>6} {'geo':>5} {'precision':>9}"
_PLACE_HEAD = f"{'':<22} {'gold':>5} {'geo':>5} {'precision':>9} {'recall':>6} {'F1':>6} {'acc@5km':>7}"


def _claim_row(label: str, t: Tally) -> str:
    shares = [t.claim_share(n) for n in (t.found, t.claimant, t.kind, t.figure, t.link)]
    return (f"{label:<22} {t.claims:>5} {shares[0]:>6.3f} {shares[1]:>8.3f} {shares[2]:>6.3f} {shares[3]:>6.3f} "
            f"{shares[4]:>6.3f} {t.exported:>5} {t.claim_precision:>9.3f}")


def _place_row(label: str, t: Tally) -> str:
    return (f"{label:<22} {t.places:>5} {t.mentions:>5} {t.mention_precision:>9.3f} {t.mention_recall:>6.3f} "
            f"{t.mention_f1:>6.3f} {t.acc_5km:>7.3f}")


def report_lines(score: Score) -> list[str]:
    """What ``geo eval`` prints: the tables (overall, per language, per kind), every miss, the summary.

    Claim figures are shares of all gold claims of the row (end to end: a claim not found
    counts as wrong); ``geo`` is the number of claims geo made, and ``precision`` the share
    of them that overlap a gold claim.
    """
    lines = ["places", _PLACE_HEAD, _place_row("all", score.overall)]
    lines += [_place_row(f"language {lang}", t) for lang, t in score.by_language.items()]
    lines += ["", "claims", _CLAIM_HEAD, _claim_row("all", score.overall)]
    lines += [_claim_row(f"language {lang}", t) for lang, t in score.by_language.items()]
    lines += [_claim_row(f"kind {kind}", t) for kind, t in score.by_kind.items()]
    lines += ["", f"{len(score.misses)} miss(es):"]
    lines += [f"miss {m}" for m in score.misses]
    lines += ["", summary_line(score)]
    return lines
