"""Issue 14: the claims R-tree is bulk-loaded as a packed tree (geo/export/gpkg_rtree.py).

The tree must be one SQLite reads, checks (``rtreecheck``) and edits like its own, with
the float32 boxes SQLite's own insert would store, and a bbox query through it (SQL, and
GDAL's spatial filter) must return exactly the rows a brute-force filter returns. The
GeoPackage tests write 3,000 synthetic claim rows through the real writer: points on a
grid of 1/64° (float32 holds them exactly, so box edges fall on points), each grid point
twice, and points at random doubles.
"""

from __future__ import annotations

import contextlib
import math
import random
import sqlite3
import struct

import numpy as np
import pyogrio
import pytest

from geo.export import gpkg as gpkg_module
from geo.export import gpkg_rtree
from geo.export.fragments import fragments_of
from geo.export.gpkg_splice import GpkgCounts
from geo.export.rows import CLAIM_COLUMNS
from geo.records import as_records
from tests.builds import ROOT, sample_build

DISTRICTS = ROOT / "gazetteer" / "districts.geojson"
_LON, _LAT = list(CLAIM_COLUMNS).index("longitude"), list(CLAIM_COLUMNS).index("latitude")
#: (min lon, min lat, max lon, max lat): edges on the grid, a box holding nothing, the whole oblast.
BOXES = [(35.0, 51.0, 35.5, 51.5), (34.5, 50.875, 34.515625, 50.890625), (36.0, 52.0, 36.25, 52.25),
         (35.25, 51.25, 35.25, 51.25), (30.0, 40.0, 31.0, 41.0), (33.0, 50.0, 38.0, 53.0)]


def _points(count: int, seed: int = 14) -> list[tuple[float, float]]:
    """``count`` points: on the 1/64° grid, each twice, then at random doubles."""
    rng = random.Random(seed)
    grid = [(34.5 + rng.randrange(128) / 64, 50.875 + rng.randrange(96) / 64) for _ in range(count // 4)]
    grid = [point for point in grid for _ in range(2)]
    return grid + [(rng.uniform(34.4, 36.6), rng.uniform(50.8, 52.5)) for _ in range(count - len(grid))]


@pytest.fixture(scope="module")
def points() -> list[tuple[float, float]]:
    return _points(3000)


@pytest.fixture(scope="module")
def many(points, tmp_path_factory):
    """A GeoPackage from the writer whose claims layer holds a row at each of ``points``."""
    records = as_records(sample_build())
    template = next(row for row in fragments_of(records).claim_values() if row[_LON] is not None)

    def rows():
        for lon, lat in points:
            row = list(template)
            row[_LON], row[_LAT] = lon, lat
            yield tuple(row)

    path = tmp_path_factory.mktemp("rtree") / "many.gpkg"
    gpkg_module._write_atomic(records, path, DISTRICTS,
                              lambda _, insert: GpkgCounts(rendered_rows=insert(rows(), 1)))
    return path


def _brute(points: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[int]:
    """The fids (from 1) of the points inside ``box``, edges included."""
    x0, y0, x1, y1 = box
    return [fid for fid, (x, y) in enumerate(points, start=1) if x0 <= x <= x1 and y0 <= y <= y1]


def _through_rtree(db: sqlite3.Connection, table: str, box: tuple[float, float, float, float]) -> list[int]:
    x0, y0, x1, y1 = box
    return [fid for (fid,) in db.execute(f"SELECT id FROM {table} WHERE minx <= ? AND maxx >= ? "  # noqa: S608
                                         "AND miny <= ? AND maxy >= ? ORDER BY id", (x1, x0, y1, y0))]


def test_the_tree_is_packed_checked_and_holds_each_point_once(many, points):
    with contextlib.closing(sqlite3.connect(many)) as db:
        assert db.execute("SELECT rtreecheck('rtree_claims_geom')").fetchone() == ("ok",)
        node_bytes, depth = db.execute("SELECT length(data), rtreedepth(data) FROM rtree_claims_geom_node "
                                       "WHERE nodeno = 1").fetchone()
        cells = (node_bytes - 4) // 24
        leaves = db.execute("SELECT COUNT(DISTINCT nodeno) FROM rtree_claims_geom_rowid").fetchone()[0]
        assert depth >= 1  # several levels: 3,000 points do not fit in one node
        # packed: every leaf full but the last (SQLite's own inserts leave nodes a third empty)
        assert leaves == math.ceil(len(points) / cells)
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT rowid), MIN(rowid), MAX(rowid) "
                          "FROM rtree_claims_geom_rowid").fetchone() == (len(points), len(points), 1, len(points))


def test_the_boxes_are_those_sqlites_own_insert_stores(many):
    with contextlib.closing(sqlite3.connect(many)) as db:
        db.execute("CREATE VIRTUAL TABLE temp.own USING rtree(id, minx, maxx, miny, maxy)")
        db.execute("INSERT INTO temp.own SELECT fid, longitude, longitude, latitude, latitude FROM claims "
                   "WHERE geom IS NOT NULL")
        assert db.execute("SELECT * FROM rtree_claims_geom ORDER BY id").fetchall() == \
            db.execute("SELECT * FROM temp.own ORDER BY id").fetchall()
        rng = random.Random(7)
        boxes = [*BOXES, *((x, y, x + rng.uniform(0, 0.5), y + rng.uniform(0, 0.5))
                           for x, y in ((rng.uniform(34.4, 36.4), rng.uniform(50.8, 52.3)) for _ in range(40)))]
        for box in boxes:
            assert _through_rtree(db, "rtree_claims_geom", box) == _through_rtree(db, "temp.own", box), box


@pytest.mark.parametrize("box", BOXES)
def test_a_bbox_query_through_the_tree_returns_what_a_brute_force_filter_returns(many, points, box):
    with contextlib.closing(sqlite3.connect(many)) as db:
        joined = [fid for (fid,) in db.execute(
            "SELECT c.fid FROM claims c JOIN rtree_claims_geom r ON r.id = c.fid WHERE r.minx <= ? AND r.maxx >= ? "
            "AND r.miny <= ? AND r.maxy >= ? AND c.longitude BETWEEN ? AND ? AND c.latitude BETWEEN ? AND ? "
            "ORDER BY c.fid", (box[2], box[0], box[3], box[1], box[0], box[2], box[1], box[3]))]
    frame = pyogrio.read_dataframe(many, layer="claims", bbox=box, fid_as_index=True, columns=[])
    assert joined == sorted(frame.index.tolist()) == _brute(points, box)


def _with_gpkg_functions(db: sqlite3.Connection) -> sqlite3.Connection:
    """The SQL functions GDAL's R-tree triggers call (GDAL and QGIS register them), for point blobs."""
    def coord(axis: int):
        return lambda blob: None if blob is None else struct.unpack_from("<d", blob, 8 + 5 + 8 * axis)[0]

    db.create_function("ST_IsEmpty", 1, lambda blob: None if blob is None else 0, deterministic=True)
    for name, axis in (("ST_MinX", 0), ("ST_MaxX", 0), ("ST_MinY", 1), ("ST_MaxY", 1)):
        db.create_function(name, 1, coord(axis), deterministic=True)
    return db


def test_gis_edits_afterwards_keep_the_tree_sound(many, tmp_path):
    import shutil

    copy = tmp_path / "edited.gpkg"
    shutil.copy(many, copy)
    with contextlib.closing(_with_gpkg_functions(sqlite3.connect(copy))) as db, db:
        geom = db.execute("SELECT geom FROM claims WHERE fid = 1").fetchone()[0]
        db.execute("INSERT INTO claims (fid, geom) VALUES (100000, ?)", (geom,))
        db.execute("UPDATE claims SET geom = (SELECT geom FROM claims WHERE fid = 2) WHERE fid = 3")
        db.execute("DELETE FROM claims WHERE fid BETWEEN 10 AND 200")
    with contextlib.closing(sqlite3.connect(copy)) as db:
        assert db.execute("SELECT rtreecheck('rtree_claims_geom')").fetchone() == ("ok",)
        indexed = db.execute("SELECT COUNT(*), SUM(id = 100000), SUM(id BETWEEN 10 AND 200) "
                             "FROM rtree_claims_geom").fetchone()
        assert indexed == (db.execute("SELECT COUNT(*) FROM claims WHERE geom IS NOT NULL").fetchone()[0], 1, 0)
        assert db.execute("SELECT minx, miny FROM rtree_claims_geom WHERE id = 3").fetchone() == \
            db.execute("SELECT minx, miny FROM rtree_claims_geom WHERE id = 2").fetchone() == \
            db.execute("SELECT longitude, latitude FROM claims WHERE fid = 2").fetchone()  # 2 is on the grid


def test_the_rounding_is_sqlites():
    rng = np.random.default_rng(14)
    values = np.concatenate([rng.uniform(-200, 200, 2000), rng.uniform(-1e-3, 1e-3, 500),
                             np.array([0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 35.25, 1e30, -1e30, 3.4e38])])
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING rtree(id, lo, hi)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", ((i, v, v) for i, v in enumerate(values.tolist())))
    stored = np.array(db.execute("SELECT lo, hi FROM t ORDER BY id").fetchall())
    assert (gpkg_rtree.round_down(values).astype(np.float64) == stored[:, 0]).all()
    assert (gpkg_rtree.round_up(values).astype(np.float64) == stored[:, 1]).all()


@pytest.mark.parametrize("count", [0, 1, 51, 52, 2601, 2602])
def test_any_count_of_points_makes_a_sound_tree_that_depends_on_the_points_alone(count):
    rng = np.random.default_rng(count)
    fids = np.sort(rng.choice(10 * count + 1, size=count, replace=False)) + 1
    lon, lat = rng.uniform(34, 37, count), rng.uniform(50, 53, count)

    def filled() -> tuple[list[tuple[object, ...]], tuple[float, float, float, float] | None]:
        db = _points_table(zip(fids.tolist(), lon.tolist(), lat.tolist(), strict=True))
        db.execute("BEGIN")
        extent = gpkg_rtree.fill_rtree(db, "r", "p", "geom")
        db.execute("COMMIT")
        assert db.execute("SELECT rtreecheck('r')").fetchone() == ("ok",)
        assert [fid for (fid,) in db.execute("SELECT id FROM r ORDER BY id")] == fids.tolist()
        tables = [db.execute(f"SELECT * FROM r_{name} ORDER BY 1").fetchall() for name in ("node", "parent", "rowid")]
        return [row for table in tables for row in table], extent

    first, extent = filled()
    assert filled() == (first, extent)
    assert extent == (None if not count else (lon.min(), lat.min(), lon.max(), lat.max()))


def test_the_tree_does_not_depend_on_how_the_rows_got_into_the_table(points):
    """A spliced build copies most rows and renders a few, a fresh one renders all: the same tree."""
    rows = [(fid, x, y) for fid, (x, y) in enumerate(points, start=1)]
    shuffled = rows[:]
    random.Random(3).shuffle(shuffled)
    trees = []
    for order in (rows, shuffled):
        db = _points_table(order)
        db.execute("BEGIN")
        gpkg_rtree.fill_rtree(db, "r", "p", "geom")
        db.execute("COMMIT")
        trees.append([db.execute(f"SELECT * FROM r_{name} ORDER BY 1").fetchall() for name in ("node", "parent", "rowid")])
    assert trees[0] == trees[1] and len(trees[0][0]) > 1


def test_a_geometry_the_writer_does_not_make_is_refused_and_nothing_is_written():
    db = _points_table([(1, 35.0, 51.0), (2, 35.5, 51.5)])
    with_envelope = struct.pack("<2sBBi4d", b"GP", 0, 3, 4326, 35.0, 35.0, 51.0, 51.0) + struct.pack("<BIdd", 1, 1, 35, 51)
    db.execute("UPDATE p SET geom = ? WHERE fid = 2", (with_envelope,))
    with pytest.raises(ValueError, match="not a 2-D point"):
        gpkg_rtree.fill_rtree(db, "r", "p", "geom")
    assert db.execute("SELECT COUNT(*) FROM r_rowid").fetchone() == (0,)


def _points_table(points) -> sqlite3.Connection:
    """An in-memory table ``p`` of (fid, point blob as the writer makes it) and an empty R-tree ``r``."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("CREATE TABLE p (fid INTEGER PRIMARY KEY, geom BLOB)")
    db.executemany("INSERT INTO p VALUES (?, ?)",
                   ((fid, gpkg_module._GP_HEADER + gpkg_module._point(x, y)) for fid, x, y in points))
    db.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    return db
