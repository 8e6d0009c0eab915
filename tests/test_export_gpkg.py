"""GeoPackage export (geo/export/gpkg.py): layers, types, content round trip, atomicity."""

from __future__ import annotations

import json
import math
import time
from dataclasses import replace

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.raw
import pytest
import shapely
from shapely.geometry import shape

from geo.errors import ExportError
from geo.export import gpkg as gpkg_module
from geo.export.fragments import claim_rows
from geo.export.gpkg import write_gpkg
from geo.export.rows import (
    CLAIM_COLUMNS,
    PLACE_COLUMNS,
    area_rows,
    place_rows,
)
from geo.model import Build
from geo.records import MemoryRecords
from tests.builds import ROOT, assert_old_file_survives, sample_build

DISTRICTS = ROOT / "gazetteer" / "districts.geojson"


def _cell(value: object) -> object:
    """NULL/NaN/NaT as None, a date back to its ISO text (how the rows give it)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def read_layer(path, layer) -> list[dict[str, object]]:
    """A layer's attribute rows with NULL/NaN as None and numbers as the rows give them."""
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    return [{k: _cell(v) for k, v in row.items()} for row in frame.to_dict("records")]


def same_rows(read: list[dict[str, object]], expected: list[dict[str, object]]) -> bool:
    def norm(value):
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if is_number else value
    return [{k: norm(v) for k, v in r.items()} for r in read] == [
        {k: norm(v) for k, v in r.items()} for r in expected]


@pytest.fixture(scope="module")
def build():
    return sample_build()


@pytest.fixture(scope="module")
def gpkg(build, tmp_path_factory):
    path = tmp_path_factory.mktemp("gpkg") / "sample.gpkg"
    write_gpkg(build, path, districts_geojson=DISTRICTS)
    return path


def test_layers_and_geometry_types(gpkg):
    assert pyogrio.list_layers(gpkg).tolist() == [
        ["places", "Point"], ["claims", "Point"], ["areas", "MultiPolygon"], ["area_claims", "MultiPolygon"],
        ["about", None], ["layer_styles", None]]
    for layer in ("places", "claims", "area_claims", "areas"):
        assert gpd.read_file(gpkg, layer=layer).crs.to_epsg() == 4326


def test_places_layer_reads_back_as_the_place_rows(build, gpkg):
    read = read_layer(gpkg, "places")
    assert same_rows(read, place_rows(build))
    frame = gpd.read_file(gpkg, layer="places")
    assert [(p.x, p.y) for p in frame.geometry] == [
        (round(p.lon, 6), round(p.lat, 6)) for p in sorted(build.places, key=lambda p: p.place_id)]
    assert {r["place_id"]: (r["n_mentions"], r["n_claims"], r["contested"]) for r in read} == {
        "inid160:115637": (1, 2, True), "inid160:25632": (1, 1, False),
        "kursk-district:sudzhanskiy": (0, 1, False), "kursk-oblast": (0, 1, False)}


def test_claims_layer_holds_exactly_the_csv_rows(build, gpkg):
    read = read_layer(gpkg, "claims")
    assert list(read[0]) == list(CLAIM_COLUMNS)
    assert same_rows(read, list(claim_rows(build)))


AREA_IDS = {"kursk-district:sudzhanskiy", "kursk-oblast"}


def test_only_claims_at_settlements_are_points(gpkg):
    """Issue 15: an unplaced claim, and a claim tied to a district or the oblast, have no point."""
    frame = gpd.read_file(gpkg, layer="claims")
    pointless = frame["place_id"].isna() | frame["place_id"].isin(AREA_IDS)
    assert pointless.sum() == 3
    assert frame[pointless].geometry.isna().all()
    assert frame[~pointless].geometry.notna().all()


def test_area_claims_are_the_area_rows_drawn_as_their_area(build, gpkg):
    rows = [r for r in claim_rows(build) if r["place_id"] in AREA_IDS]
    assert same_rows(read_layer(gpkg, "area_claims"), rows)
    areas = gpd.read_file(gpkg, layer="areas").set_index("place_id").geometry
    frame = gpd.read_file(gpkg, layer="area_claims")
    assert all(geom.equals(areas[pid]) for pid, geom in zip(frame["place_id"], frame.geometry, strict=True))


def test_dates_load_as_dates(gpkg):
    """A QGIS-like load: event_date is a date column, parsed, with NULL where no date is known."""
    info = pyogrio.read_info(gpkg, layer="claims")
    assert info["ogr_types"][list(info["fields"]).index("event_date")] == "OFTDate"
    frame = pyogrio.read_dataframe(gpkg, layer="claims", read_geometry=False).set_index("claim_id")
    assert frame.loc["c-gur-deployed", "event_date"] == pd.Timestamp("2024-10-28")
    assert frame.loc["c-gur-deployed", "date_basis"] == "claim"


def test_a_default_qgis_style_colours_claims_by_kind_and_sizes_by_figure(gpkg):
    import xml.etree.ElementTree as ET

    from geo.model import Kind
    from geo.webmap.payload import KIND_COLORS

    styles = pyogrio.read_dataframe(gpkg, layer="layer_styles", read_geometry=False)
    assert styles["f_table_name"].tolist() == ["claims", "area_claims"]
    assert styles["useAsDefault"].all() and (styles["f_geometry_column"] == "geom").all()
    qml = ET.fromstring(styles["styleQML"][0].split("\n", 1)[1])
    renderer = qml.find("renderer-v2")
    assert (renderer.get("type"), renderer.get("attr")) == ("categorizedSymbol", "kind")
    assert [c.get("value") for c in renderer.iter("category")] == [k.value for k in Kind]
    killed = renderer.find("symbols/symbol[@name='0']/layer/Option/Option[@name='color']").get("value")
    assert killed == ",".join(str(int(KIND_COLORS[Kind.KILLED][i:i + 2], 16)) for i in (1, 3, 5)) + ",255"
    size = renderer.find(".//Option[@name='size']/Option[@name='expression']").get("value")
    assert '"best"' in size
    assert qml.find("temporal").get("startField") == "event_date"


def test_areas_are_the_district_and_the_union_of_all_districts(build, gpkg):
    frame = gpd.read_file(gpkg, layer="areas").set_index("place_id")
    assert same_rows(read_layer(gpkg, "areas"), area_rows(build))
    districts = {f["properties"]["id"]: shape(f["geometry"])
                 for f in json.loads(DISTRICTS.read_text(encoding="utf-8"))["features"]}
    district = "kursk-district:sudzhanskiy"
    assert frame.geometry[district].equals(districts[district])
    oblast = frame.geometry["kursk-oblast"]
    assert oblast.equals(shapely.union_all(list(districts.values())))
    assert oblast.contains(shapely.Point(35.271944, 51.191944))


def test_about_table_holds_metadata_and_attribution(build, gpkg):
    about = {r["key"]: r["value"] for r in read_layer(gpkg, "about")}
    assert (about["corpus"], about["built"], about["gazetteer_version"]) == (
        "sample", "2024-08-12", "test-gazetteer")
    assert about["geo_version"] != "unknown"
    assert [about["attribution.1"], about["attribution.2"]] == list(build.attribution)


def test_non_ascii_text_round_trips(build, gpkg):
    frame = gpd.read_file(gpkg, layer="claims")
    assert dict(zip(frame["claim_id"], frame["quote"], strict=True)) == {
        c.claim_id: c.quote for c in build.claims}
    assert sorted(set(frame["source_headline"].dropna())) == sorted(
        s.title for s in build.sources if s.title)


def test_two_writes_have_the_same_bytes(build, gpkg, tmp_path):
    again = tmp_path / "again.gpkg"
    time.sleep(0.01)  # a wall-clock stamp would differ
    write_gpkg(build, again, districts_geojson=DISTRICTS)
    assert again.read_bytes() == gpkg.read_bytes()


def test_a_build_and_its_records_write_the_same_bytes(build, gpkg, tmp_path):
    from_records = tmp_path / "records.gpkg"
    write_gpkg(MemoryRecords(build), from_records, districts_geojson=DISTRICTS)
    assert from_records.read_bytes() == gpkg.read_bytes()


def test_a_claims_layer_of_many_chunks_reads_back_whole_and_in_order(build, tmp_path, monkeypatch):
    monkeypatch.setattr(gpkg_module, "CHUNK_ROWS", 4)
    path = tmp_path / "chunked.gpkg"
    many = replace(build, claims=tuple(
        replace(c, claim_id=f"{c.claim_id}-{i}") for i in range(3) for c in build.claims))
    many = replace(many, claims=tuple(sorted(many.claims, key=lambda c: c.sort_key)))
    write_gpkg(many, path, districts_geojson=DISTRICTS)
    expected = list(claim_rows(many))
    assert len(expected) > 3 * gpkg_module.CHUNK_ROWS
    assert same_rows(read_layer(path, "claims"), expected)
    frame = gpd.read_file(path, layer="claims")
    assert [None if g is None else (g.x, g.y) for g in frame.geometry] == [
        None if r["latitude"] is None or r["place_id"] in AREA_IDS else (r["longitude"], r["latitude"])
        for r in expected]
    assert same_rows(read_layer(path, "area_claims"), [r for r in expected if r["place_id"] in AREA_IDS])


def test_an_empty_build_writes_typed_empty_layers(tmp_path):
    path = tmp_path / "empty.gpkg"
    write_gpkg(Build(corpus="empty", built="2024-01-01", gazetteer_version="x"), path,
               districts_geojson=tmp_path / "not-needed.geojson")
    info = pyogrio.read_info(path, layer="claims")
    assert (info["features"], list(info["fields"])) == (0, list(CLAIM_COLUMNS))
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["quote_start"] == "int32"
    assert pyogrio.read_info(path, layer="areas")["fields"].tolist() == list(PLACE_COLUMNS)
    assert read_layer(path, "about")[0] == {"key": "corpus", "value": "empty"}


def test_missing_district_polygons_name_the_file(build, tmp_path):
    missing = tmp_path / "nowhere" / "districts.geojson"
    with pytest.raises(ExportError, match="cannot read district polygons from .*nowhere"):
        write_gpkg(build, tmp_path / "out.gpkg", districts_geojson=missing)
    assert list(tmp_path.iterdir()) == []


def test_interrupted_write_leaves_the_old_file(build, tmp_path, monkeypatch):
    real_write = pyogrio.raw.write
    calls = []

    def fail_on_second_layer(path, *args, **kwargs):
        calls.append(kwargs["layer"])
        if len(calls) == 2:
            msg = "disk full"
            raise pyogrio.errors.DataLayerError(msg)
        real_write(path, *args, **kwargs)

    monkeypatch.setattr(pyogrio.raw, "write", fail_on_second_layer)
    assert_old_file_survives(lambda path: write_gpkg(build, path, districts_geojson=DISTRICTS),
                             tmp_path / "out.gpkg")
    assert calls[:2] == ["places", "claims"]


def test_issue_14_the_bulk_inserted_claims_keep_gdals_index_count_extent_and_triggers(gpkg):
    import sqlite3

    with sqlite3.connect(gpkg) as db:
        points = db.execute("SELECT fid, geom FROM claims WHERE geom IS NOT NULL ORDER BY fid").fetchall()
        assert points and db.execute("SELECT rtreecheck('rtree_claims_geom')").fetchone() == ("ok",)
        assert [row[0] for row in db.execute("SELECT id FROM rtree_claims_geom ORDER BY id")] == [f for f, _ in points]
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'claims'").fetchone() == \
            db.execute("SELECT COUNT(*) FROM claims").fetchone()
        lon_lat = [shapely.from_wkb(blob[8:]).coords[0] for _, blob in points]
        assert db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'claims'"
                          ).fetchone() == (min(x for x, _ in lon_lat), min(y for _, y in lon_lat),
                                           max(x for x, _ in lon_lat), max(y for _, y in lon_lat))

        def triggers(layer: str) -> list[str]:
            rows = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name",
                              (layer,))
            return [sql.replace(layer, "LAYER") for (sql,) in rows]

        # GDAL's triggers of the places layer, which GDAL wrote whole, are those of claims
        assert triggers("claims") == triggers("places") and len(triggers("claims")) == 8


def test_issue_14_a_feature_added_by_gdal_afterwards_is_indexed_and_counted(gpkg, tmp_path):
    import shutil
    import sqlite3

    copy = tmp_path / "copy.gpkg"
    shutil.copy(gpkg, copy)
    before = pyogrio.read_info(copy, layer="claims")["features"]
    frame = pyogrio.read_dataframe(copy, layer="claims", max_features=1)
    pyogrio.write_dataframe(frame, copy, layer="claims", append=True)
    with sqlite3.connect(copy) as db:
        [(fid,)] = db.execute("SELECT MAX(fid) FROM claims").fetchall()
        assert db.execute("SELECT COUNT(*) FROM rtree_claims_geom WHERE id = ?", (fid,)).fetchone() == (1,)
    assert pyogrio.read_info(copy, layer="claims")["features"] == before + 1


def test_issue_14_the_places_and_areas_layers_count_each_place_once(build, tmp_path, monkeypatch):
    """The areas layer is picked from the places layer's rows, not made from the records again."""
    asked: list[str] = []
    count_at = MemoryRecords.count_at
    monkeypatch.setattr(MemoryRecords, "count_at",
                        lambda self, pid: asked.append(pid) or count_at(self, pid))
    path = tmp_path / "once.gpkg"
    write_gpkg(build, path, districts_geojson=DISTRICTS)
    assert sorted(asked) == sorted(p.place_id for p in build.places)
    asked.clear()
    assert same_rows(read_layer(path, "areas"), area_rows(build)) and read_layer(path, "areas")
