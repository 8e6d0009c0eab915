"""Build the committed gazetteer under ``gazetteer/`` from the shared source extract.

    python -m geo.gazetteer_build ../shared/gazetteer gazetteer

Reads ``kursk_places.csv``, ``kursk_places_extra.csv``, ``kursk_districts.csv`` and
``kursk_districts.geojson`` of the source folder (see its SOURCES.md) and writes:

- ``places.csv``     one row per settlement, district and the oblast (compact columns);
- ``districts.geojson`` district polygons, simplified to about 100 m, 5 decimals;
- ``ATTRIBUTION.md`` the licence and attribution text every copy must carry;
- ``VERSION``        sha256 of the two data files, the key of every derived cache.

The output is byte-for-byte the same for the same input (sorted rows, fixed float
formatting, no timestamps). Run at development time only: geo never reads the shared
folder at run time.

QA: the source flags four points as clearly misplaced (10 to 160 km outside the district
the source names). Those places keep their names, so they stay findable, but their point
becomes their district's centroid and ``point_trusted`` is 0: they are drawn on the
district, with precision 2, never at the wrong point.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from pathlib import Path

#: A point this far outside its own district is misplaced, not a boundary nuance
#: (the source's mismatches are <= 3 km for ten points and >= 15 km for four).
MISPLACED_KM = 10.0
#: Polygon simplification tolerance in degrees (~100 m): enough for an overview map.
SIMPLIFY_DEG = 0.001

PLACE_COLUMNS = (
    "id", "place_type", "name_ru", "name_en", "alt_names", "category", "lat", "lon",
    "district_id", "admin2", "population", "point_trusted",
)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _misplaced_ids(extra_rows: list[dict[str, str]]) -> set[str]:
    out = set()
    for row in extra_rows:
        for flag in row["qa_flags"].split("|"):
            match = re.fullmatch(r"district_mismatch:[^:]*:([\d.]+)km_outside", flag)
            if match and float(match.group(1)) >= MISPLACED_KM:
                out.add(row["id"])
    return out


def _category(feature_code: str) -> str:
    return feature_code.split(":", 1)[1] if ":" in feature_code else feature_code


def build_rows(source: Path) -> list[dict[str, str]]:
    """Return the rows of ``places.csv``: settlements, districts and the oblast, sorted by id."""
    places = _read_csv(source / "kursk_places.csv")
    extra = {r["id"]: r for r in _read_csv(source / "kursk_places_extra.csv")}
    districts = _read_csv(source / "kursk_districts.csv")
    misplaced = _misplaced_ids(list(extra.values()))
    centroid = {d["id"]: (d["centroid_lat"], d["centroid_lon"]) for d in districts}
    district_name = {d["id"]: d["name_en"] for d in districts}
    rows = []
    for p in places:
        district_id = extra[p["id"]]["district_id"]
        lat, lon = p["lat"], p["lon"]
        trusted = p["id"] not in misplaced
        if not trusted:
            lat, lon = centroid[district_id]
        rows.append({
            "id": p["id"], "place_type": "settlement", "name_ru": p["name_ru"],
            "name_en": p["name_en"], "alt_names": p["alt_names"],
            "category": _category(p["feature_code"]), "lat": f"{float(lat):.6f}",
            "lon": f"{float(lon):.6f}", "district_id": district_id,
            "admin2": p["admin2"] or district_name[district_id], "population": p["population"] or "0",
            "point_trusted": "1" if trusted else "0",
        })
    for d in districts:
        is_oblast = d["kind"] == "oblast"
        rows.append({
            "id": d["id"], "place_type": "region" if is_oblast else "district",
            "name_ru": d["name_ru"], "name_en": d["name_en"], "alt_names": d["alt_names"],
            "category": d["kind"], "lat": f"{float(d['centroid_lat']):.6f}",
            "lon": f"{float(d['centroid_lon']):.6f}", "district_id": "" if is_oblast else d["id"],
            "admin2": "" if is_oblast else d["name_en"], "population": "0", "point_trusted": "1",
        })
    return sorted(rows, key=lambda r: r["id"])


def render_places_csv(rows: list[dict[str, str]]) -> bytes:
    """Serialise rows with a fixed column order and LF line ends."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=PLACE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _round_coords(obj: object) -> object:
    if isinstance(obj, float):
        return round(obj, 5)
    if isinstance(obj, list | tuple):
        return [_round_coords(x) for x in obj]
    return obj


def render_districts_geojson(source: Path) -> bytes:
    """Simplified district polygons with their ids and names, deterministic JSON."""
    from shapely.geometry import mapping, shape

    data = json.loads((source / "kursk_districts.geojson").read_text(encoding="utf-8"))
    features = []
    for feat in sorted(data["features"], key=lambda f: f["properties"]["id"]):
        geom = shape(feat["geometry"]).simplify(SIMPLIFY_DEG, preserve_topology=True)
        props = {k: feat["properties"][k] for k in ("id", "name_en", "name_ru", "kind")}
        geometry = mapping(geom)
        features.append({
            "type": "Feature", "properties": props,
            "geometry": {"type": geometry["type"], "coordinates": _round_coords(geometry["coordinates"])},
        })
    collection = {"type": "FeatureCollection", "attribution": data.get("attribution", ""),
                  "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text + "\n").encode("utf-8")


def _attribution(source: Path) -> bytes:
    sources_md = (source / "SOURCES.md").read_text(encoding="utf-8")
    block = re.search(r"\*\*Attribution text to carry\*\*.*?\n((?:\s*>.*\n)+)", sources_md)
    inid = block.group(1).rstrip() if block else ""
    text = f"""# Gazetteer data: licences and attribution

The files in this folder are derived from the Kursk oblast extract described in the
project's source notes (SOURCES.md of the shared gazetteer). They are passed on under
the licences of their sources. The geo program that reads them is not affected.

## places.csv — settlements of Kursk oblast (CC BY-SA 4.0)

{inid}

Adaptation: compact columns, district ids, four misplaced points moved to their
district's centroid (flag `point_trusted` = 0). Licence: CC BY-SA 4.0,
https://creativecommons.org/licenses/by-sa/4.0/

English names of 39 towns: Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0.

## districts.geojson and the district/oblast rows — boundaries (ODbL 1.0)

© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright),
via timurkanaz/Russia_geojson_OSM; simplified to about 100 m.

## addendum.csv — settlements the source register lacks (curated by the geo project)

Not built from the shared source: a short, hand-kept list of settlements that the news
names and INID dataset 160 does not hold (such as 10-й Октябрь, Korenevsky District).
`geo` merges it into the index when it loads this folder, so the files above stay a
byte-for-byte rebuild of the source. Every row says where its name and point come from
(column `provenance`); a point that no independent register confirms says so. Add a row
only for a place that news reports name, with its district and a stated provenance.
"""
    return text.encode("utf-8")


def build(source: Path, target: Path) -> dict[str, bytes]:
    """Return every output file's bytes, keyed by file name (pure apart from reading ``source``)."""
    places = render_places_csv(build_rows(source))
    districts = render_districts_geojson(source)
    version = hashlib.sha256(places + districts).hexdigest()[:16]
    return {
        "places.csv": places,
        "districts.geojson": districts,
        "ATTRIBUTION.md": _attribution(source),
        "VERSION": (version + "\n").encode("ascii"),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the built files into the target folder; print what changed."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m geo.gazetteer_build SOURCE_DIR TARGET_DIR", file=sys.stderr)
        return 2
    source, target = Path(args[0]), Path(args[1])
    if not (source / "kursk_places.csv").is_file():
        print(f"gazetteer_build: {source} has no kursk_places.csv; pass the shared gazetteer folder",
              file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    for name, data in build(source, target).items():
        path = target / name
        old = path.read_bytes() if path.exists() else None
        if old != data:
            path.write_bytes(data)
        print(f"{name}: {len(data):,} bytes{' (unchanged)' if old == data else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
