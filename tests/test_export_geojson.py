"""GeoJSON export (geo/export/geojson.py) and the export registry (geo/export/__init__.py).

The registry tests also cover what every streamable writer (GeoJSON, CSV) must do:
identical bytes across runs and hash seeds, and atomic writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from geo.errors import ExportError
from geo.export import WRITERS, Format, render_bytes
from geo.export.geojson import render_geojson, write_geojson
from tests.builds import (
    ROOT,
    assert_old_file_survives,
    break_write_bytes,
    one_claim_build,
    render_in_subprocess,
    sample_build,
)

SCHEMA_COPY = Path(__file__).parent / "data" / "places.schema.json"
SCHEMA_SHARED = ROOT.parent / "shared" / "contract" / "places.schema.json"


@pytest.fixture
def build():
    return sample_build()


@pytest.fixture
def collection(build):
    return json.loads(render_geojson(build))


def test_schema_copy_matches_the_shared_contract():
    if not SCHEMA_SHARED.exists():
        pytest.skip(f"no shared contract at {SCHEMA_SHARED}")
    assert SCHEMA_COPY.read_bytes() == SCHEMA_SHARED.read_bytes(), (
        f"copy {SCHEMA_SHARED} to {SCHEMA_COPY}")


def test_validates_against_the_contract(collection):
    schema = json.loads(SCHEMA_COPY.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(collection), key=str)
    assert errors == []


def test_is_rfc7946_wgs84_lon_lat_without_crs(build, collection):
    assert "crs" not in collection
    coordinates = {f["id"]: f["geometry"]["coordinates"] for f in collection["features"]}
    assert coordinates == {p.place_id: [round(p.lon, 6), round(p.lat, 6)] for p in build.places}
    assert coordinates["inid160:115637"] == [35.271944, 51.191944]


def test_one_feature_per_place_with_its_claims_nested(build, collection):
    features = {f["id"]: f["properties"] for f in collection["features"]}
    assert list(features) == [p.place_id for p in build.places]
    claims_at = {pid: [c["claim_id"] for c in props["claims"]] for pid, props in features.items()}
    assert claims_at == {
        "inid160:115637": ["c-zel-killed", "c-mod-killed"],
        "inid160:25632": ["c-mod-captured"],
        "kursk-district:sudzhanskiy": ["c-mod-captured"],
        "kursk-oblast": ["c-zel-region"],
    }
    assert features["inid160:115637"]["contested"] is True
    assert [c["contested"] for c in features["inid160:115637"]["claims"]] == [True, True]
    assert features["kursk-oblast"]["contested"] is False


def test_foreign_members_carry_sources_unresolved_and_unplaced(build, collection):
    assert [s["file"] for s in collection["sources"]] == [s.source for s in build.sources]
    assert [(u["surface"], u["candidates"]) for u in collection["unresolved"]] == [
        ("Александровка", ["inid160:1", "inid160:2"])]
    assert [c["claim_id"] for c in collection["unplaced_claims"]] == ["c-gur-deployed"]


def test_text_round_trips_through_geopandas(build, tmp_path):
    import geopandas as gpd

    path = tmp_path / "places.geojson"
    write_geojson(build, path)
    frame = gpd.read_file(path).set_index("place_id")
    for place in build.places:
        row = frame.loc[place.place_id]
        assert (row["name"], row["name_local"]) == (place.name, place.name_local)
        assert (row.geometry.x, row.geometry.y) == (round(place.lon, 6), round(place.lat, 6))
    # GDAL reads the nested arrays as JSON fields, which geopandas parses into lists
    quotes = {c["claim_id"]: c["quote"] for claims in frame["claims"] for c in claims}
    assert quotes == {c.claim_id: c.quote for c in build.claims if c.places}


@given(st.text(min_size=1))
def test_any_quote_round_trips(quote):
    collection = json.loads(render_geojson(one_claim_build(quote)))
    claim = collection["features"][0]["properties"]["claims"][0]
    assert (claim["quote"], claim["claimant"], claim["subject"]) == (quote, quote, quote)


# --- the registry: Format, WRITERS, render_bytes ------------------------------------------


STREAMABLE = [Format.GEOJSON, Format.CSV]


@pytest.mark.parametrize("fmt", STREAMABLE, ids=str)
def test_bytes_are_identical_across_runs_and_hash_seeds(fmt):
    data = render_bytes(sample_build(), fmt)
    assert render_bytes(sample_build(), fmt) == data
    assert {render_in_subprocess(fmt.value, hashseed=s) for s in ("0", "1", "4242")} == {data}


@pytest.mark.parametrize("fmt", STREAMABLE, ids=str)
def test_interrupted_write_leaves_the_old_file(build, tmp_path, monkeypatch, fmt):
    break_write_bytes(monkeypatch)
    assert_old_file_survives(lambda path: WRITERS[fmt](build, path), tmp_path / f"out.{fmt}")


def test_every_format_has_a_writer():
    assert set(WRITERS) == set(Format)


@pytest.mark.parametrize("fmt", STREAMABLE, ids=str)
def test_render_bytes_equals_the_written_file(build, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    WRITERS[fmt](build, path)
    assert render_bytes(build, fmt) == path.read_bytes()
    assert render_bytes(build, fmt.value) == path.read_bytes()


def test_gpkg_cannot_go_to_stdout(build):
    with pytest.raises(ExportError, match=r"gpkg cannot be written to stdout.*geojson, csv"):
        render_bytes(build, Format.GPKG)


def test_unknown_format_lists_the_options():
    expected = "unknown export format 'xml'; options are: geojson, csv, gpkg"
    with pytest.raises(ValueError, match=expected):
        Format("xml")


def test_importing_the_exports_does_not_import_geopandas():
    code = "import sys, geo.export; print(sorted({'geopandas', 'pandas'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
