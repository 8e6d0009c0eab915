"""GeoPackage export (geo/export/gpkg.py): layers, types, content round trip, atomicity."""

from __future__ import annotations

import json
import math
import time
from dataclasses import replace

import geopandas as gpd
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


def read_layer(path, layer) -> list[dict[str, object]]:
    """A layer's attribute rows with NULL/NaN as None and numbers as the rows give them."""
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    return [{k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()}
            for row in frame.to_dict("records")]


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
        ["places", "Point"], ["claims", "Point"], ["areas", "MultiPolygon"], ["about", None]]
    for layer in ("places", "claims", "areas"):
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


def test_an_unplaced_claim_keeps_a_null_geometry(gpkg):
    frame = gpd.read_file(gpkg, layer="claims")
    unplaced = frame[frame["claim_id"] == "c-gur-deployed"]
    assert len(unplaced) == 1
    assert unplaced.geometry.isna().all()
    assert frame[frame["claim_id"] != "c-gur-deployed"].geometry.notna().all()


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
        None if r["latitude"] is None else (r["longitude"], r["latitude"]) for r in expected]


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
    assert calls == ["places", "claims"]
