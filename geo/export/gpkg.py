"""Write a build as an OGC GeoPackage through pyogrio's raw writer (GDAL).

Layers (docs/exports.md defines every field):

    places        Point, one feature per place (``rows.place_rows``)
    claims        Point, one feature per (claim, place) with exactly the CSV's rows and
                  columns (``fragments.claim_rows``); a row whose place is a district or the
                  oblast, and an unplaced claim, have a null geometry: they are not
                  stacked on a point that stands for an area
    area_claims   MultiPolygon, a view: the rows of ``claims`` tied to a district or the
                  oblast, each with that area's polygon (joined from ``areas``, not copied)
    areas         MultiPolygon, the districts and the oblast that carry claims; a
                  district's polygon comes from the gazetteer's ``districts.geojson``, the
                  oblast's is the union of all districts
    about         no geometry: key/value rows of build metadata and attribution
    layer_styles  QGIS's table of default styles (``qgis_style``): claims coloured by
                  kind, sized by figure, animated by ``event_date``

Every spatial layer has its R-tree, and ``gpkg_contents.description`` says what each
layer holds. ``event_date`` is a GeoPackage DATE, so QGIS's temporal controller reads it.

All spatial layers are in EPSG:4326. The file is written as GeoPackage 1.3 so that
GDAL 3.6 (Debian 12, older QGIS) opens it without a version warning. GeoPackage
strings are C strings: a NUL character in a quote would cut it short (article text
has none).

Why not GeoDataFrames: a frame of every claim row grows with the corpus, and building
it (pandas columns, a shapely Point per row) cost more than GDAL's own writing. The
small layers are written by ``pyogrio.raw.write`` as numpy columns with null masks.
GDAL makes the ``claims`` layer empty (its table, R-tree, triggers and metadata), and
its rows stream in through SQLite's bulk insert (``_insert_claims``):
GDAL's row-by-row inserts were about 30 s of a rebuild of 10,000 articles (issue 14).
Its R-tree is bulk-loaded as a packed tree (``gpkg_rtree``), not point by point.
Either way the writer's memory is flat in the size of the corpus.

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
import sqlite3
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import ExportError
from geo.export import gpkg_rtree, gpkg_splice
from geo.export._atomic import atomic_path, write_with_atomic
from geo.export.fragments import fragments_of
from geo.export.gpkg_splice import GpkgCounts, OldGpkg
from geo.export.qgis_style import STYLE_COLUMNS, style_rows
from geo.export.rows import (
    ABOUT_COLUMNS,
    CLAIM_COLUMNS,
    PLACE_COLUMNS,
    about_rows,
    areas_of,
    place_rows,
)
from geo.export.splice import index_name
from geo.model import Build
from geo.records import Records, as_records

if TYPE_CHECKING:
    import numpy as np
    import shapely

Row = Mapping[str, object]

CRS = "EPSG:4326"
#: Layer name → the geometry type written for it (None: a plain table).
LAYER_GEOMETRY: Mapping[str, str | None] = {
    "places": "Point", "claims": "Point", "area_claims": "MultiPolygon", "areas": "MultiPolygon",
    "about": None, "layer_styles": None,
}
#: ``gpkg_contents.description`` of each layer: what a GIS user sees in the layer's metadata.
LAYER_DESCRIPTIONS: Mapping[str, str] = {
    "places": "Places of Kursk oblast named in the corpus: settlements, districts, the oblast",
    "claims": ("One row per (claim, place), the columns of claims.csv; claims tied to a district or "
               "the oblast, and unplaced claims, have no point (see area_claims)"),
    "area_claims": "The claims rows tied to a district or to the oblast, drawn as that area",
    "areas": "District and oblast polygons that carry claims",
    "about": "Build metadata and attribution (key/value)",
    "layer_styles": "Default QGIS styles of the claims layers",
}
#: Rows ``chunks`` hands out at a time (bench/bench_gpkg.py's variants); the claims rows
#: stream into SQLite row by row since issue 14 and hold no chunk.
CHUNK_ROWS = 5_000
#: Layers given GDAL's R-tree spatial index: every spatial table (issue 15: QGIS and other
#: clients expect one). ``area_claims`` is a view, which SQLite cannot index: it reads
#: the few polygons of ``areas``. The claims rows' boxes are bulk-loaded into GDAL's R-tree
#: after the rows (``_insert_claims``), so the file behaves like any other GeoPackage.
SPATIAL_INDEX_LAYERS = frozenset(name for name, geometry in LAYER_GEOMETRY.items() if geometry) - {"area_claims"}
#: numpy dtypes giving GDAL the field types of docs/exports.md (Integer, Real,
#: Integer(Boolean), String); None travels as a mask (numbers) or as None (strings).
_DTYPES: Mapping[type, str] = {int: "int32", float: "float64", bool: "bool", str: "object",
                               date: "datetime64[D]", datetime: "datetime64[ms]"}
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
    return None if lat is None or lon is None else _POINT_WKB.pack(1, 1, lon, lat)


#: Where longitude, latitude and the place id sit in a claim row's values.
_CLAIM_LON = list(CLAIM_COLUMNS).index("longitude")
_CLAIM_LAT = list(CLAIM_COLUMNS).index("latitude")
_CLAIM_PLACE = list(CLAIM_COLUMNS).index("place_id")
#: Columns of the ``layer_styles`` table: QGIS's names; its key is the FID column ``id``.
_STYLE_TYPES: Mapping[str, type] = {**{name: str for name in STYLE_COLUMNS}, "useAsDefault": bool,
                                    "update_time": datetime}


def _column(values: tuple[object, ...], kind: type) -> tuple[np.ndarray, np.ndarray | None]:
    """One column as the array GDAL reads and the mask of its NULLs (None: no NULL)."""
    import numpy as np

    if kind is date or kind is datetime:  # ISO text; NaT is GDAL's NULL date
        return np.array(["NaT" if v is None else v for v in values], dtype=_DTYPES[kind]), None
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
    options = {"DESCRIPTION": LAYER_DESCRIPTIONS[layer]}
    if geometry_type:
        options["SPATIAL_INDEX"] = "YES" if layer in SPATIAL_INDEX_LAYERS else "NO"
    if layer == "layer_styles":
        options["FID"] = "id"
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
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:  # a null geometry
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


def _add_area_claims_view(path: Path, stamp: str) -> None:
    """Register ``area_claims``: the claims rows tied to an area, with the area's polygon.

    A view, not a table: the oblast's polygon is 33 kB of WKB, and copying it into every
    oblast-wide claim row made a 2,000-article GeoPackage 67 MB (bench/bench_gpkg.py);
    the view joins ``claims`` to ``areas`` on ``place_id`` and stores nothing. GDAL and
    QGIS read a view registered in ``gpkg_contents`` and ``gpkg_geometry_columns`` as an
    ordinary layer (GDAL: "GPKG spatial views"); its first column is the FID.
    """
    import sqlite3

    columns = ", ".join(f'c."{name}"' for name in CLAIM_COLUMNS)
    description = LAYER_DESCRIPTIONS["area_claims"].replace("'", "''")
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        bounds = db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'areas'").fetchone()
        db.execute(f"CREATE VIEW area_claims AS SELECT c.fid AS fid, a.geom AS geom, {columns} "  # noqa: S608
                   "FROM claims c JOIN areas a ON a.place_id = c.place_id ORDER BY c.fid")
        db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
                   "min_x, min_y, max_x, max_y, srs_id) VALUES ('area_claims', 'features', 'area_claims', ?, ?, "
                   "?, ?, ?, ?, 4326)", (description, stamp, *(bounds or (None,) * 4)))
        db.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
                   "VALUES ('area_claims', 'geom', 'MULTIPOLYGON', 4326, 0, 0)")


def _styles(built: str) -> list[dict[str, object]]:
    """The ``layer_styles`` rows, stamped with the build's date (not the clock)."""
    from geo.webmap.payload import KIND_COLORS

    stamp = last_change(built).removesuffix("Z")
    return [{**row, "update_time": stamp}
            for row in style_rows(KIND_COLORS, point_layer="claims", area_layer="area_claims")]


def _write_layers(records: Records, path: Path, districts_geojson: Path, fill: _Fill,
                  attach: _Attach | None = None) -> GpkgCounts:
    """Write the layers into a new GeoPackage at ``path``; ``fill`` appends the claims rows."""
    places = place_rows(records)
    areas = areas_of(places)
    polygons = area_wkb(areas, districts_geojson)  # before any writing: fail early
    area_ids = {str(row["place_id"]) for row in areas}
    with _gdal_option("OGR_CURRENT_DATE", last_change(records.built)):
        _write_chunk(path, "places", places, PLACE_COLUMNS, map(point_wkb, places), append=False)
        # GDAL makes the claims layer (its table, R-tree, triggers and metadata); the rows follow
        _write_chunk(path, "claims", [], CLAIM_COLUMNS, [], append=False)
        _write_chunk(path, "areas", areas, PLACE_COLUMNS, polygons, append=False)
        _write_chunk(path, "about", about_rows(records, geo_version=_geo_version()),
                     ABOUT_COLUMNS, None, append=False)
        _write_chunk(path, "layer_styles", _styles(records.built), _STYLE_TYPES, None, append=False)
    counts = _insert_claims(path, area_ids, fill, attach=attach)
    _add_area_claims_view(path, last_change(records.built))
    return counts


#: A GeoPackage geometry blob's header: "GP", version 0, flags (little-endian, no
#: envelope), the SRS id (GeoPackage 1.3, clause 2.1.3), followed by the ISO WKB.
_GP_HEADER = struct.Struct("<2sBBi").pack(b"GP", 0, 1, 4326)


#: ``insert(values, first_fid)``: append claim rows (``CLAIM_COLUMNS`` order) from ``first_fid`` on; how many.
_Insert = Callable[[Iterable[tuple[object, ...]], int], int]
#: ``fill(db, insert)``: append every claims row, in the layer's order.
_Fill = Callable[[sqlite3.Connection, _Insert], GpkgCounts]
#: ``attach(db)``: a context entered before the writing transaction (``gpkg_splice.attached``).
_Attach = Callable[[sqlite3.Connection], contextlib.AbstractContextManager[None]]


def _insert_claims(path: Path, area_ids: set[str], fill: _Fill, *, attach: _Attach | None = None) -> GpkgCounts:
    """Insert the claim rows into GDAL's empty ``claims`` layer with SQLite's own bulk insert.

    Why (issue 14): GDAL inserted the rows one by one, with a trigger per row keeping
    the R-tree and the feature count; on 10,000 articles (218,000 rows) that was most of
    a rebuild. Here the triggers GDAL made are set aside, the rows are appended by
    ``fill`` (through ``executemany``, or copied by SQLite from the last published file:
    ``geo.export.gpkg_splice``), the R-tree gets each point's box in one bulk load
    (``gpkg_rtree``: a packed tree, a function of the points alone, so a spliced file and a
    fresh one have the same bytes; SQLite's own insert was about 9 µs a point, most of a
    rebuild's writer), and the layer its feature count and extent, as GDAL sets them; then
    the triggers are put back, so that a GIS that edits the layer keeps the index as before.
    A row's geometry is the GeoPackage blob GDAL writes for a point (``_GP_HEADER`` + WKB)
    at the row's longitude and latitude; a row tied to an area, or without a place, has none
    (``area_claims`` draws the areas). The tables read back as GDAL wrote them (tests
    compare them).
    """
    names = ", ".join(f'"{name}"' for name in CLAIM_COLUMNS)
    marks = ", ".join("?" * (len(CLAIM_COLUMNS) + 2))

    def insert(values: Iterable[tuple[object, ...]], first_fid: int) -> int:
        count = 0

        def rows() -> Iterator[tuple[object, ...]]:
            nonlocal count
            for fid, row in enumerate(values, start=first_fid):
                point = _point(row[_CLAIM_LON], row[_CLAIM_LAT]) if row[_CLAIM_PLACE] not in area_ids else None
                count += 1
                yield (fid, None if point is None else _GP_HEADER + point, *row)

        db.executemany(f'INSERT INTO "claims" ("fid", "geom", {names}) VALUES ({marks})', rows())  # noqa: S608
        return count

    try:
        # uri=True: ``attach`` names the old file by a read-only URI; an absolute name is never taken for one
        with contextlib.closing(sqlite3.connect(Path(path).resolve(), isolation_level=None, uri=True)) as db, \
                (attach(db) if attach is not None else contextlib.nullcontext()):
            # The file is a temporary one until it is complete (``_write_atomic``): a failure
            # throws it away (or writes it whole again, anew), so neither a rollback journal
            # nor waiting for the disk buys anything; without them SQLite copies the rows of a
            # rebuild 30 % faster (issue 14: 1.27 -> 0.88 s for 278,000 rows). The bytes of
            # the file are the same.
            db.execute("PRAGMA main.journal_mode = OFF")
            db.execute("PRAGMA main.synchronous = OFF")
            triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND tbl_name = 'claims' ORDER BY rowid").fetchall()
            db.execute("BEGIN")
            for name, _ in triggers:
                db.execute(f'DROP TRIGGER "{name}"')
            counts = fill(db, insert)
            try:
                extent = gpkg_rtree.fill_rtree(db, "rtree_claims_geom", "claims", "geom")
            except ValueError as err:  # a copied row's geometry is not a point: OldFileError, written whole
                raise sqlite3.DatabaseError(str(err)) from err
            db.execute("UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM claims) "
                       "WHERE table_name = 'claims'")
            if extent is not None:
                db.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                           "WHERE table_name = 'claims'", extent)
            for _, sql in triggers:
                db.execute(sql)
            db.execute("COMMIT")
    except sqlite3.Error as err:
        msg = f"cannot write layer 'claims' of {path}: {err}"
        raise ExportError(msg) from err
    return counts


def write_gpkg(data: Build | Records, path: Path, *, districts_geojson: Path | None = None,
               basis: str | None = None, old: OldGpkg | None = None) -> GpkgCounts:
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
    basis
        With a Store: what a row's bytes depend on besides its document's records
        (``geo.outputs``). The file's index is written beside it on this basis
        (``gpkg_splice``), so that the next build can copy its rows. None: no index.
    old
        The last published GeoPackage and its index (``gpkg_splice.read_index``): the
        rows of unchanged documents are copied from it by SQLite. Whatever makes it
        doubtful (``gpkg_splice.attached``) and the file is written whole; the bytes are
        the same either way.

    Returns
    -------
    GpkgCounts
        How many claim rows were copied and rendered.
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
    from geo.store import Store

    records = as_records(data)  # once: a Build's per-place groupings are made once
    blocks = gpkg_splice.doc_blocks(records) if basis is not None and isinstance(records, Store) else None
    steps = gpkg_splice.plan_steps(blocks, old) if blocks is not None and old is not None else []
    counts = None
    if old is not None and any(step.old_first is not None for step in steps):
        pairs = gpkg_splice.contested_pairs(records)
        render = functools.partial(gpkg_splice.render_doc_values, records)
        try:
            counts = _write_atomic(records, path, districts_geojson,
                                   lambda db, insert: gpkg_splice.fill_from_steps(db, steps, insert, render),
                                   lambda db: gpkg_splice.attached(db, old, steps, blocks or [], pairs))
        except gpkg_splice.OldFileError:
            counts = None  # the old file is not what its index says: written whole
    if counts is None:
        counts = _write_atomic(records, path, districts_geojson,
                               lambda _, insert: GpkgCounts(rendered_rows=insert(
                                   fragments_of(records).claim_values(), 1)))
    if blocks is not None and basis is not None:
        index = path.parent / index_name(path.name)
        with atomic_path(index) as tmp:
            tmp.write_bytes(gpkg_splice.index_bytes(basis, blocks, path))
    return counts


def _write_atomic(records: Records, path: Path, districts_geojson: Path, fill: _Fill,
                  attach: _Attach | None = None) -> GpkgCounts:
    """``_write_layers`` into a temporary file moved over ``path`` when complete."""
    made: list[GpkgCounts] = []
    write_with_atomic(path, lambda tmp: made.append(_write_layers(records, tmp, districts_geojson, fill, attach)),
                      suffix=".gpkg")
    return made[0]
