"""Write a build as an OGC GeoPackage through pyogrio's raw writer (GDAL).

Layers (docs/exports.md defines every field):

    places   Point, one feature per place (``rows.place_rows``)
    claims   Point, one feature per (claim, place) with exactly the CSV's columns
             (``fragments.claim_rows``); an unplaced claim is kept with a null geometry
    areas    MultiPolygon, the districts and the oblast that carry claims; a district's
             polygon comes from the gazetteer's ``districts.geojson``, the oblast's is
             the union of all districts
    about    no geometry: key/value rows of build metadata and attribution

All spatial layers are in EPSG:4326. The file is written as GeoPackage 1.3 so that
GDAL 3.6 (Debian 12, older QGIS) opens it without a version warning. GeoPackage
strings are C strings: a NUL character in a quote would cut it short (article text
has none).

Why not GeoDataFrames: a frame of every claim row grows with the corpus, and building
it (pandas columns, a shapely Point per row) cost more than GDAL's own writing. The
claims layer is written ``CHUNK_ROWS`` rows per ``pyogrio.raw.write`` call instead,
as numpy columns with null masks and point WKB packed with ``struct``, so the writer's
memory is flat in the size of the corpus. GDAL stays the writer of the file.

Why the file is byte-identical across runs: GDAL stamps ``gpkg_contents.last_change``
with the wall clock unless ``OGR_CURRENT_DATE`` is set, so it is set to the build's
own date while writing (``last_change``).

pyogrio, numpy and shapely are imported only when a GeoPackage is written, so
``import geo.export`` stays light (pyogrio itself imports geopandas when it is
installed; geo does not use it here).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import struct
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import ExportError
from geo.export._atomic import write_with_atomic
from geo.export.fragments import fragments_of
from geo.export.rows import (
    ABOUT_COLUMNS,
    CLAIM_COLUMNS,
    PLACE_COLUMNS,
    about_rows,
    area_rows,
    place_rows,
)
from geo.model import Build
from geo.records import Records, as_records

if TYPE_CHECKING:
    import numpy as np
    import shapely

Row = Mapping[str, object]

CRS = "EPSG:4326"
#: Layer name → the geometry type written for it (None: a plain table).
LAYER_GEOMETRY: Mapping[str, str | None] = {
    "places": "Point", "claims": "Point", "areas": "MultiPolygon", "about": None,
}
#: Claim rows held and written at a time: bounds the writer's memory whatever the
#: corpus size (5,000 rows are a few MB); larger chunks gain nothing measurable
#: (bench/bench_gpkg.py).
CHUNK_ROWS = 5_000
#: Layers given GDAL's R-tree spatial index. ``places`` and ``areas`` are written in
#: one call each, where GDAL builds the index in bulk at no measurable cost. ``claims``
#: has none: its chunks are appended in separate calls, where the index is kept up by
#: a trigger per row, +0.15 s (20 %) on 10,000 articles (bench/bench_gpkg.py), and its
#: points repeat those of ``places`` (at most one location per gazetteer place), so
#: QGIS draws it from a scan as fast as it would from the index.
SPATIAL_INDEX_LAYERS = frozenset({"places", "areas"})
#: numpy dtypes giving GDAL the field types of docs/exports.md (Integer, Real,
#: Integer(Boolean), String); None travels as a mask (numbers) or as None (strings).
_DTYPES: Mapping[type, str] = {int: "int32", float: "float64", bool: "bool", str: "object"}
#: ISO WKB of a 2-D point, little-endian: byte order 1, geometry type 1, x, y (21 bytes).
_POINT_WKB = struct.Struct("<BIdd")
#: ``last_change`` of a build whose date is not ISO 8601 (``undated``).
_NO_DATE = datetime(1970, 1, 1, tzinfo=UTC)


def last_change(built: str) -> str:
    """The ``gpkg_contents.last_change`` stamp of a build: its date, in UTC, to the millisecond.

    The build's date rather than the clock, so that the same records give the same bytes.

    >>> last_change("2025-02-28")
    '2025-02-28T00:00:00.000Z'
    >>> last_change("2024-08-12T09:30:00+03:00")
    '2024-08-12T06:30:00.000Z'
    >>> last_change("undated")
    '1970-01-01T00:00:00.000Z'
    """
    try:
        when = datetime.fromisoformat(built)
    except ValueError:
        when = _NO_DATE
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def point_wkb(row: Row) -> bytes | None:
    """The WKB point of a row's longitude/latitude; None (a null geometry) where it has none.

    >>> len(point_wkb({"longitude": 35.27, "latitude": 51.19}))
    21
    """
    return _point(row["longitude"], row["latitude"])


def _point(lon: object, lat: object) -> bytes | None:
    return None if lat is None else _POINT_WKB.pack(1, 1, lon, lat)


#: Where longitude and latitude sit in a claim row's values.
_CLAIM_LON = list(CLAIM_COLUMNS).index("longitude")
_CLAIM_LAT = list(CLAIM_COLUMNS).index("latitude")


def _column(values: tuple[object, ...], kind: type) -> tuple[np.ndarray, np.ndarray | None]:
    """One column as the array GDAL reads and the mask of its NULLs (None: no NULL)."""
    import numpy as np

    if kind is str or None not in values:
        return np.array(values, dtype=_DTYPES[kind]), None
    mask = np.array([v is None for v in values], dtype=bool)
    return np.array([0 if v is None else v for v in values], dtype=_DTYPES[kind]), mask


def _columns(
    rows: list[Row] | list[tuple[object, ...]], columns: Mapping[str, type]
) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """Rows (dicts, or tuples in ``columns`` order) as typed columns and their NULL masks."""
    names = list(columns)
    if rows and not isinstance(rows[0], tuple):
        get = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
        rows = list(map(get, rows))  # type: ignore[arg-type]
    cells = list(zip(*rows, strict=True)) or [()] * len(names)  # one transpose in C
    typed = [_column(values, kind) for values, kind in zip(cells, columns.values(), strict=True)]
    return [array for array, _ in typed], [mask for _, mask in typed]


def _write_chunk(
    path: Path,
    layer: str,
    rows: list[Row],
    columns: Mapping[str, type],
    geometries: Iterable[bytes | None] | None,
    *,
    append: bool,
) -> None:
    """Write (or append) ``rows`` to ``layer``; GDAL errors become ExportError."""
    import numpy as np
    import pyogrio.errors
    import pyogrio.raw

    geometry_type = LAYER_GEOMETRY[layer]
    wkb = None
    if geometry_type is not None:
        wkb = np.empty(len(rows), dtype=object)
        wkb[:] = list(geometries or ())
    data, masks = _columns(rows, columns)
    indexed = "YES" if layer in SPATIAL_INDEX_LAYERS else "NO"
    options = {"SPATIAL_INDEX": indexed} if geometry_type else {}
    try:
        pyogrio.raw.write(path, wkb, data, list(columns), field_mask=masks, layer=layer,
                          driver="GPKG", geometry_type=geometry_type,
                          crs=CRS if geometry_type else None, promote_to_multi=False,
                          append=append, dataset_options={"VERSION": "1.3"},
                          layer_options=options)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as err:
        msg = f"cannot write layer {layer!r} of {path}: {err}"
        raise ExportError(msg) from err


def chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """``rows`` in lists of at most ``size``; always at least one list, so a layer is made.

    >>> [len(c) for c in chunks(iter([{}] * 5), 2)], [len(c) for c in chunks([], 2)]
    ([2, 2, 1], [0])
    """
    rows = iter(rows)
    chunk = list(itertools.islice(rows, size))
    yield chunk
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


@functools.cache
def load_area_polygons(districts_geojson: Path) -> dict[str, shapely.MultiPolygon]:
    """District polygons by place id, plus the oblast as the union of all districts.

    Read once per process and file (``geo build``'s GeoPackage process reads it while the
    corpus is still being read).

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


def area_wkb(areas: list[Row], districts_geojson: Path) -> list[bytes]:
    """The WKB MultiPolygon of each area row, in order; ExportError if one has no polygon."""
    if not areas:
        return []
    import shapely

    polygons = load_area_polygons(districts_geojson)
    missing = sorted({str(r["place_id"]) for r in areas} - polygons.keys())
    if missing:
        msg = (f"{districts_geojson} has no polygon for {', '.join(missing)}; "
               "pass the districts.geojson of the gazetteer the build used")
        raise ExportError(msg)
    return list(shapely.to_wkb([polygons[str(r["place_id"])] for r in areas]))


def _geo_version() -> str:
    try:
        from geo import __version__
    except ImportError:
        return "unknown"
    return str(__version__)


@contextlib.contextmanager
def _gdal_option(name: str, value: str) -> Iterator[None]:
    """Set a GDAL config option while writing, and restore what it was (it is process-wide)."""
    import pyogrio

    before = pyogrio.get_gdal_config_option(name)
    pyogrio.set_gdal_config_options({name: value})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({name: before})


def _write_layers(records: Records, path: Path, districts_geojson: Path) -> None:
    """Write the four layers into a new GeoPackage at ``path``, claims in chunks."""
    places, areas = place_rows(records), area_rows(records)
    polygons = area_wkb(areas, districts_geojson)  # before any writing: fail early
    with _gdal_option("OGR_CURRENT_DATE", last_change(records.built)):
        _write_chunk(path, "places", places, PLACE_COLUMNS, map(point_wkb, places), append=False)
        for i, chunk in enumerate(chunks(fragments_of(records).claim_values(), CHUNK_ROWS)):
            points = (_point(row[_CLAIM_LON], row[_CLAIM_LAT]) for row in chunk)
            _write_chunk(path, "claims", chunk, CLAIM_COLUMNS, points, append=i > 0)
        _write_chunk(path, "areas", areas, PLACE_COLUMNS, polygons, append=False)
        _write_chunk(path, "about", about_rows(records, geo_version=_geo_version()),
                     ABOUT_COLUMNS, None, append=False)


def write_gpkg(data: Build | Records, path: Path, *, districts_geojson: Path | None = None) -> None:
    """Write a build's records to ``path`` as a GeoPackage, atomically.

    Parameters
    ----------
    data
        The records to write: a Build, or any ``Records`` (a Store); both give the
        same bytes.
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
        import numpy  # noqa: F401
        import pyogrio  # noqa: F401
        import shapely  # noqa: F401
    except ImportError as err:
        msg = f"writing a GeoPackage needs {err.name}: pip install pyogrio shapely"
        raise ExportError(msg) from err
    if districts_geojson is None:
        from geo.gazetteer import resolve_gazetteer_path

        districts_geojson = resolve_gazetteer_path() / "districts.geojson"
    records = as_records(data)  # once: a Build's per-place groupings are made once
    write_with_atomic(path, lambda tmp: _write_layers(records, tmp, districts_geojson),
                      suffix=".gpkg")
