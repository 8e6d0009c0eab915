"""The three export files as GDAL's own ``ogrinfo -al -so`` sees them (Debian's gdal-bin).

Skipped when ``ogrinfo`` is not on PATH outside CI; a failure in CI (env ``CI`` set),
where gdal-bin must be installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field

from datetime import date

import pytest

from geo.export import WRITERS, Format
from geo.export.rows import CLAIM_COLUMNS, PLACE_COLUMNS
from tests.builds import sample_build

OGR_TYPES = {int: "Integer", float: "Real", str: "String", bool: "Integer(Boolean)", date: "Date"}
#: How GIS users open the CSV: typed columns and points from longitude/latitude.
CSV_OPEN_OPTIONS = ("-oo", "AUTODETECT_TYPE=YES", "-oo", "X_POSSIBLE_NAMES=longitude",
                    "-oo", "Y_POSSIBLE_NAMES=latitude", "-oo", "KEEP_GEOM_COLUMNS=YES")
_FIELD = re.compile(r"^(\w+): (\S+) \(\d+\.\d+\)$")


@dataclass
class Layer:
    """What ``ogrinfo -so`` says about one layer."""

    geometry: str = ""
    count: int = -1
    fields: dict[str, str] = field(default_factory=dict)


def ogr_types(columns: Mapping[str, type]) -> dict[str, str]:
    return {name: OGR_TYPES[kind] for name, kind in columns.items()}


def ogrinfo(path, *options: str) -> dict[str, Layer]:
    """Run ``ogrinfo -ro -al -so`` on ``path``; its layers by name. Warnings fail the test."""
    exe = shutil.which("ogrinfo")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("ogrinfo is not on PATH; CI must `apt-get install -y gdal-bin`")
        pytest.skip("ogrinfo is not on PATH (apt-get install gdal-bin)")
    done = subprocess.run([exe, "-ro", "-al", "-so", *options, str(path)], capture_output=True,
                          text=True, check=True, timeout=60)
    assert not re.search(r"warning|error", done.stderr, re.IGNORECASE), done.stderr
    layers: dict[str, Layer] = {}
    for chunk in done.stdout.split("\nLayer name: ")[1:]:
        name, *lines = chunk.splitlines()
        layer = layers.setdefault(name, Layer())
        for line in lines:
            if line.startswith("Geometry: "):
                layer.geometry = line.removeprefix("Geometry: ")
            elif line.startswith("Feature Count: "):
                layer.count = int(line.removeprefix("Feature Count: "))
            elif match := _FIELD.match(line):
                layer.fields[match[1]] = match[2]
    return layers


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ogrinfo")
    build = sample_build()
    out = {fmt: folder / f"sample.{fmt}" for fmt in Format}
    for fmt, path in out.items():
        WRITERS[fmt](build, path)  # gpkg: the default gazetteer's districts.geojson
    return out


def test_gpkg_layers_counts_and_field_types(files):
    layers = ogrinfo(files[Format.GPKG])
    assert list(layers) == ["places", "claims", "areas", "area_claims", "about", "layer_styles"]
    assert [(lay.geometry, lay.count) for lay in layers.values()] == [
        ("Point", 4), ("Point", 6), ("Multi Polygon", 2), ("Multi Polygon", 2), ("None", 10), ("None", 2)]
    assert layers["area_claims"].fields == ogr_types(CLAIM_COLUMNS)
    assert layers["claims"].fields["event_date"] == "Date"
    assert layers["claims"].fields == ogr_types(CLAIM_COLUMNS)
    assert layers["places"].fields == layers["areas"].fields == ogr_types(PLACE_COLUMNS)
    assert layers["about"].fields == {"key": "String", "value": "String"}
    claims = layers["claims"].fields
    picked = (claims["quote_start"], claims["latitude"], claims["kind"])
    assert picked == ("Integer", "Real", "String")


def test_csv_rows_and_detected_types(files):
    layers = ogrinfo(files[Format.CSV], *CSV_OPEN_OPTIONS)
    [(name, layer)] = layers.items()
    assert (name, layer.geometry, layer.count) == ("sample", "Point", 6)
    # event_date is always a whole day (a partial date stands for its first day), so GDAL
    # detects a Date in the CSV too.
    assert layer.fields == ogr_types(CLAIM_COLUMNS)


def test_geojson_features_and_field_types(files):
    layers = ogrinfo(files[Format.GEOJSON])
    [(name, layer)] = layers.items()
    assert (name, layer.geometry, layer.count) == ("sample", "Point", 4)
    assert {k: layer.fields[k] for k in ("place_id", "name_local", "geo_precision", "population",
                                         "contested", "claims")} == {
        "place_id": "String", "name_local": "String", "geo_precision": "Integer",
        "population": "Integer", "contested": "Integer(Boolean)", "claims": "String(JSON)"}


def _sql(path, query: str) -> str:
    exe = shutil.which("ogrinfo")
    if exe is None:
        pytest.skip("ogrinfo is not on PATH (apt-get install gdal-bin)")
    return subprocess.run([exe, "-ro", "-q", "-sql", query, str(path)], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_every_spatial_layer_has_an_rtree_and_every_layer_a_description(files):
    """Issue 15: R-trees on all spatial layers; gpkg_contents describes each layer."""
    rtrees = _sql(files[Format.GPKG], "SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'")
    found = re.findall(r"table_name \(String\) = (\w+)", rtrees)
    assert sorted(found) == ["areas", "claims", "places"]  # area_claims is a view over areas
    contents = _sql(files[Format.GPKG], "SELECT description FROM gpkg_contents")
    descriptions = re.findall(r"description \(String\) = (.+)", contents)
    assert len(descriptions) == 6 and all(len(d) > 20 for d in descriptions)


def test_gpkg_dates_are_gdal_dates(files):
    out = _sql(files[Format.GPKG], "SELECT claim_id, event_date FROM claims WHERE claim_id = 'c-gur-deployed'")
    assert "event_date (Date) = 2024/10/28" in out
