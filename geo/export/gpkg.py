"""Write a Build as an OGC GeoPackage through geopandas and pyogrio (GDAL).

Layers (docs/exports.md defines every field):

    places   Point, one feature per place (``rows.place_rows``)
    claims   Point, one feature per (claim, place) with exactly the CSV's columns
             (``rows.claim_rows``); an unplaced claim is kept with a null geometry
    areas    MultiPolygon, the districts and the oblast that carry claims; a district's
             polygon comes from the gazetteer's ``districts.geojson``, the oblast's is
             the union of all districts
    about    no geometry: key/value rows of build metadata and attribution

All spatial layers are in EPSG:4326. The file is written as GeoPackage 1.3 so that
GDAL 3.6 (Debian 12, older QGIS) opens it without a version warning. GeoPackage
strings are C strings: a NUL character in a quote would cut it short (article text
has none).

geopandas is imported only when a GeoPackage is written, so ``import geo.export``
stays light.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import ExportError
from geo.export._atomic import write_with_atomic
from geo.export.rows import (
    ABOUT_COLUMNS,
    CLAIM_COLUMNS,
    PLACE_COLUMNS,
    about_rows,
    area_rows,
    claim_rows,
    place_rows,
)
from geo.model import Build

if TYPE_CHECKING:
    import pandas as pd
    import shapely

CRS = "EPSG:4326"
#: Layer name → the geometry type written for it (None: a plain table).
LAYER_GEOMETRY: Mapping[str, str | None] = {
    "places": "Point", "claims": "Point", "areas": "MultiPolygon", "about": None,
}
#: pandas dtypes that keep None as NULL and give GDAL the field types of docs/exports.md.
_DTYPES: Mapping[type, str] = {int: "Int32", float: "Float64", bool: "bool", str: "object"}


def _frame(rows: list[dict[str, object]], columns: Mapping[str, type]) -> pd.DataFrame:
    """Rows as a DataFrame whose columns have a fixed type even when there are no rows."""
    import pandas as pd

    return pd.DataFrame({
        name: pd.Series([row[name] for row in rows], dtype=_DTYPES[kind])
        for name, kind in columns.items()
    })


def _points(rows: list[dict[str, object]]) -> list[shapely.Point | None]:
    """A point per row from its latitude/longitude, None where the row has none."""
    import shapely

    return [None if row["latitude"] is None else shapely.Point(row["longitude"], row["latitude"])
            for row in rows]


def load_area_polygons(districts_geojson: Path) -> dict[str, shapely.MultiPolygon]:
    """District polygons by place id, plus the oblast as the union of all districts.

    Parameters
    ----------
    districts_geojson
        The gazetteer's ``districts.geojson`` (features with an ``id`` property).

    Returns
    -------
    dict
        MultiPolygons keyed by place id, including ``kursk-oblast``.
    """
    import shapely
    from shapely.geometry import shape

    from geo.gazetteer import REGION_ID

    try:
        data = json.loads(Path(districts_geojson).read_text(encoding="utf-8"))
        polygons = {f["properties"]["id"]: shape(f["geometry"]) for f in data["features"]}
    except (OSError, ValueError, KeyError, TypeError) as err:
        msg = (f"cannot read district polygons from {districts_geojson} ({err}); "
               "pass the districts.geojson of the gazetteer the build used")
        raise ExportError(msg) from err
    polygons[REGION_ID] = shapely.union_all(list(polygons.values()))
    return {pid: g if g.geom_type == "MultiPolygon" else shapely.MultiPolygon([g])
            for pid, g in polygons.items()}


def _geo_version() -> str:
    try:
        from geo import __version__
    except ImportError:
        return "unknown"
    return str(__version__)


def gpkg_layers(build: Build, *, districts_geojson: Path) -> dict[str, pd.DataFrame]:
    """Convert ``build`` into the four layers, in writing order (pure but for the polygons).

    Parameters
    ----------
    build
        The records to convert.
    districts_geojson
        Where the district polygons are read from.

    Returns
    -------
    dict
        Layer name → GeoDataFrame (``places``, ``claims``, ``areas``) or DataFrame
        (``about``).
    """
    import geopandas as gpd

    places, claims, areas = place_rows(build), claim_rows(build), area_rows(build)
    polygons = load_area_polygons(districts_geojson) if areas else {}
    missing = sorted({str(r["place_id"]) for r in areas} - polygons.keys())
    if missing:
        msg = (f"{districts_geojson} has no polygon for {', '.join(missing)}; "
               "pass the districts.geojson of the gazetteer the build used")
        raise ExportError(msg)
    area_geoms = [polygons[str(r["place_id"])] for r in areas]
    return {
        "places": gpd.GeoDataFrame(_frame(places, PLACE_COLUMNS), geometry=_points(places),
                                   crs=CRS),
        "claims": gpd.GeoDataFrame(_frame(claims, CLAIM_COLUMNS), geometry=_points(claims),
                                   crs=CRS),
        "areas": gpd.GeoDataFrame(_frame(areas, PLACE_COLUMNS), geometry=area_geoms, crs=CRS),
        "about": _frame(about_rows(build, geo_version=_geo_version()), ABOUT_COLUMNS),
    }


def _write_layers(layers: Mapping[str, pd.DataFrame], path: Path) -> None:
    """Write each layer into the GeoPackage at ``path``; GDAL errors become ExportError."""
    import pyogrio
    import pyogrio.errors

    for name, frame in layers.items():
        try:
            pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG",
                                    geometry_type=LAYER_GEOMETRY[name], promote_to_multi=False,
                                    dataset_options={"VERSION": "1.3"})
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
            msg = f"cannot write layer {name!r} of {path}: {err}"
            raise ExportError(msg) from err


def write_gpkg(build: Build, path: Path, *, districts_geojson: Path | None = None) -> None:
    """Write ``build`` to ``path`` as a GeoPackage, atomically.

    Parameters
    ----------
    build
        The records to write.
    path
        The target file; a temporary ``.gpkg`` beside it is moved over it on success,
        so a failure leaves an old file intact.
    districts_geojson
        District polygons for the ``areas`` layer; default: the ``districts.geojson``
        of the gazetteer folder ``load_gazetteer()`` would read (``$GEO_GAZETTEER``,
        else the shipped one). Pass ``gazetteer.districts_geojson`` when the build used
        another gazetteer.
    """
    try:
        import geopandas  # noqa: F401
        import pyogrio  # noqa: F401
    except ImportError as err:
        msg = f"writing a GeoPackage needs {err.name}: pip install geopandas pyogrio"
        raise ExportError(msg) from err
    if districts_geojson is None:
        from geo.gazetteer import resolve_gazetteer_path

        districts_geojson = resolve_gazetteer_path() / "districts.geojson"
    layers = gpkg_layers(build, districts_geojson=districts_geojson)
    write_with_atomic(path, lambda tmp: _write_layers(layers, tmp), suffix=".gpkg")
