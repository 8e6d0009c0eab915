"""Issue 14: a rebuild copies the GeoPackage's claim rows of unchanged articles (geo/export/gpkg_splice.py).

Each rebuild's ``places.gpkg`` is compared byte for byte with a fresh build of the same
corpus (its own cache and output folder). Which path ran is read from the counts the
writer reports (``Manifest.spliced["places.gpkg"]``): rows copied by SQLite from the
published file, rows decoded in Python.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import urllib.parse
from pathlib import Path

import pytest

import geo.outputs
from geo.export.gpkg_splice import INDEX, Block, OldGpkg, Step, plan_steps
from geo.outputs import GPKG_INDEX
from tests.test_incremental import NEW_ARTICLE, _build, _fresh, _spliced
from tests.test_store import corpus  # noqa: F401 - the seeds and 20 synthetic articles

pytestmark = pytest.mark.skipif(geo.outputs._libc_renameat2() is None, reason="needs Linux renameat2")

RUSSIAN = "Около 30 военных погибли под Суджей, заявили в ВСУ.\n"


def _read(gpkg: Path, sql: str, *params: object) -> object:
    """One value read from ``gpkg``, opened read-only."""
    with contextlib.closing(sqlite3.connect(f"file:{urllib.parse.quote(str(gpkg))}?mode=ro", uri=True)) as db:
        return db.execute(sql, params).fetchone()[0]


def _claim_rows(gpkg: Path) -> int:
    return _read(gpkg, "SELECT COUNT(*) FROM claims")


def _rows_of(gpkg: Path, article: str) -> int:
    return _read(gpkg, "SELECT COUNT(*) FROM claims WHERE source_article = ?", article)


def _rebuild(resources, corpus: Path, out: Path, monkeypatch, *, parallel: bool = False):
    """Rebuild ``out`` from ``corpus``; what the GeoPackage writer did (None: it was linked)."""
    made = _spliced(monkeypatch)
    _build(resources, corpus, out, parallel=parallel)
    return made[-1].spliced.get("places.gpkg")


def _assert_fresh(resources, corpus: Path, out: Path, tmp_path: Path, monkeypatch, private_cache: Path) -> None:
    fresh = _fresh(resources, corpus, tmp_path, monkeypatch)
    monkeypatch.setenv("GEO_CACHE_DIR", str(private_cache))
    assert (out / "places.gpkg").read_bytes() == fresh["places.gpkg"]


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "forked writer"])
def test_adding_one_article_renders_only_its_rows_and_equals_a_fresh_build(corpus, tmp_path, resources,
                                                                           private_cache, monkeypatch, parallel):
    out = tmp_path / "maps"
    first = _rebuild(resources, corpus, out, monkeypatch, parallel=parallel)
    before = _claim_rows(out / "places.gpkg")
    assert first.copied_rows == 0 and first.rendered_rows == before > 0  # nothing to copy from
    (corpus / "0_new.txt").write_text(NEW_ARTICLE * 3, encoding="utf-8")  # first in the layer's order
    counts = _rebuild(resources, corpus, out, monkeypatch, parallel=parallel)
    added = _rows_of(out / "places.gpkg", "0_new.txt")
    assert added > 0
    assert counts.rendered_rows == added and counts.copied_rows == before and counts.copies == 1
    _assert_fresh(resources, corpus, out, tmp_path, monkeypatch, private_cache)


@pytest.mark.parametrize("change", ["add several", "remove one", "change one", "add in the middle"])
def test_a_rebuild_after_a_change_copies_the_rest_and_equals_a_fresh_build(corpus, tmp_path, resources,
                                                                           private_cache, monkeypatch, change):
    out = tmp_path / "maps 100%?#"  # the old file is attached by a URI: these must not end its name
    (corpus / "m_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _rebuild(resources, corpus, out, monkeypatch)
    before = _claim_rows(out / "places.gpkg")
    gone = _rows_of(out / "places.gpkg", "m_article.txt")
    assert gone > 0
    if change == "add several":
        for name, text in (("0_a.txt", NEW_ARTICLE), ("m_b.txt", RUSSIAN), ("zz_c.txt", NEW_ARTICLE * 2)):
            (corpus / name).write_text(text, encoding="utf-8")
    elif change == "remove one":
        (corpus / "m_article.txt").unlink()
    elif change == "change one":
        (corpus / "m_article.txt").write_text(RUSSIAN, encoding="utf-8")
    else:
        (corpus / "m_article2.txt").write_text(RUSSIAN, encoding="utf-8")
    counts = _rebuild(resources, corpus, out, monkeypatch)
    after = _claim_rows(out / "places.gpkg")
    assert counts.copied_rows + counts.rendered_rows == after
    kept = before - (gone if change in ("remove one", "change one") else 0)
    assert counts.copied_rows == kept and counts.rendered_rows == after - kept
    assert counts.copies <= 4  # runs of documents, never a copy per row
    _assert_fresh(resources, corpus, out, tmp_path, monkeypatch, private_cache)


def _rebuild_after(resources, corpus, out, monkeypatch, damage) -> object:
    """Build, ``damage(out)``, add an article, rebuild: what the GeoPackage writer did."""
    _rebuild(resources, corpus, out, monkeypatch)
    damage(out)
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return _rebuild(resources, corpus, out, monkeypatch)


def _keep_stat(path: Path, data: bytes) -> None:
    """Overwrite ``path`` in place with ``data`` and put its mtime back: the manifest cannot tell."""
    st = path.stat()
    with path.open("r+b") as f:
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _edit_a_row(out: Path) -> None:
    with sqlite3.connect(out / "places.gpkg") as db:
        for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):  # GDAL's, for its triggers
            db.create_function(name, 1, lambda _: 0)
        db.execute("UPDATE claims SET notes = 'edited in QGIS' WHERE fid = 1")


def _big_endian_point(out: Path) -> None:
    """A point rewritten big-endian, as another GIS may write it: same length, same stat, same place.

    The R-tree reads the writer's own little-endian points only (``gpkg_rtree``): the file is written whole.
    """
    path = out / "places.gpkg"
    st = path.stat()
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):  # GDAL's, for its triggers
            db.create_function(name, 1, lambda _: 0)
        fid, blob = db.execute("SELECT fid, geom FROM claims WHERE geom IS NOT NULL ORDER BY fid LIMIT 1").fetchone()
        x, y = struct.unpack_from("<dd", blob, 13)
        db.execute("UPDATE claims SET geom = ? WHERE fid = ?",
                   (struct.pack(">2sBBi", b"GP", 0, 0, 4326) + struct.pack(">BIdd", 0, 1, x, y), fid))
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _corrupt_header(out: Path) -> None:
    _keep_stat(out / "places.gpkg", b"not a GeoPackage" * 8)


def _corrupt_pages(out: Path) -> None:
    size = (out / "places.gpkg").stat().st_size
    path = out / "places.gpkg"
    st = path.stat()
    with path.open("r+b") as f:
        for at in range(4096 * 3, size, 4096):  # every page's header but the schema's
            f.seek(at)
            f.write(b"\xff" * 12)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _older_index(out: Path) -> None:
    index = json.loads((out / GPKG_INDEX).read_bytes())
    index["basis"] = "made by an older geo"
    _keep_stat(out / GPKG_INDEX, json.dumps(index).encode().ljust((out / GPKG_INDEX).stat().st_size))


def _lying_index(out: Path) -> None:
    """An index whose blocks point one row off: same basis, same size, same stat."""
    data = (out / GPKG_INDEX).read_bytes()
    index = json.loads(data)
    index["docs"] = [[source, token, first + 1 if first > 1 else first, rows]
                     for source, token, first, rows in index["docs"]]
    _keep_stat(out / GPKG_INDEX, json.dumps(index, separators=(",", ":")).encode().ljust(len(data)))


def _index_of_another_file(out: Path) -> None:
    index = json.loads((out / GPKG_INDEX).read_bytes())
    index["size"] += 4096
    (out / GPKG_INDEX).write_text(json.dumps(index), encoding="utf-8")


@pytest.mark.parametrize("damage", [
    pytest.param(lambda out: (out / "places.gpkg").unlink(), id="gpkg missing"),
    pytest.param(lambda out: (out / GPKG_INDEX).unlink(), id="index missing"),
    pytest.param(_edit_a_row, id="edited by a user"),
    pytest.param(_big_endian_point, id="a point rewritten big-endian, same stat"),
    pytest.param(_corrupt_header, id="not a database, same stat"),
    pytest.param(_corrupt_pages, id="damaged pages, same stat"),
    pytest.param(_older_index, id="index of an older geo"),
    pytest.param(_lying_index, id="index one row off"),
    pytest.param(_index_of_another_file, id="index of another file"),
    pytest.param(lambda out: (out / GPKG_INDEX).write_bytes(b"\xff{"), id="index torn"),
])
def test_a_doubtful_published_gpkg_is_never_copied_from(corpus, tmp_path, resources, private_cache, monkeypatch,
                                                        damage):
    out = tmp_path / "maps"
    counts = _rebuild_after(resources, corpus, out, monkeypatch, damage)
    assert counts.copied_rows == 0 and counts.rendered_rows == _claim_rows(out / "places.gpkg")
    _assert_fresh(resources, corpus, out, tmp_path, monkeypatch, private_cache)
    # the next build copies again from what this one published
    (corpus / "zz_new.txt").unlink()
    counts = _rebuild(resources, corpus, out, monkeypatch)
    assert counts.rendered_rows == 0 and counts.copied_rows == _claim_rows(out / "places.gpkg")


def test_an_unchanged_gpkg_is_linked_with_its_index(corpus, tmp_path, resources, private_cache, monkeypatch):
    out = tmp_path / "maps"
    _rebuild(resources, corpus, out, monkeypatch)
    inodes = {name: (out / name).stat().st_ino for name in ("places.gpkg", GPKG_INDEX)}
    assert _rebuild(resources, corpus, out, monkeypatch) is None  # linked: not written
    assert {name: (out / name).stat().st_ino for name in inodes} == inodes
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert _rebuild(resources, corpus, out, monkeypatch).copied_rows > 0  # the linked index still serves


def test_a_claim_under_another_documents_source_copies_nothing(corpus, tmp_path, resources, private_cache,
                                                               monkeypatch):
    import geo.export.gpkg_splice

    monkeypatch.setattr(geo.export.gpkg_splice, "doc_blocks", lambda store: None)
    out = tmp_path / "maps"
    counts = _rebuild_after(resources, corpus, out, monkeypatch, lambda out: None)
    assert counts.copied_rows == 0 and not (out / INDEX).exists()
    _assert_fresh(resources, corpus, out, tmp_path, monkeypatch, private_cache)


@pytest.mark.parametrize(("old_blocks", "expected"), [
    pytest.param({}, [Step(1, 5, None, (1, 2))], id="nothing known: one rendered run"),
    pytest.param({(b"a", 1): (1, 2), (b"b", 2): (3, 3)}, [Step(1, 5, 1)], id="both known, adjacent: one copy"),
    pytest.param({(b"a", 1): (4, 2), (b"b", 2): (1, 3)}, [Step(1, 2, 4), Step(3, 3, 1)], id="known, reordered"),
    pytest.param({(b"a", 1): (1, 3), (b"b", 2): (4, 3)}, [Step(1, 2, None, (1,)), Step(3, 3, 4)],
                 id="another row count: rendered"),
    pytest.param({(b"a", 9): (1, 2)}, [Step(1, 5, None, (1, 2))], id="another token: rendered"),
])
def test_plan_steps_copies_only_documents_with_the_same_token_and_rows(old_blocks, expected):
    blocks = [Block(1, b"a", 1, 2), Block(2, b"b", 2, 3)]
    assert plan_steps(blocks, OldGpkg(Path("old.gpkg"), 5, old_blocks)) == expected


def test_a_document_without_a_stamp_is_never_copied():
    blocks = [Block(1, b"a", None, 2)]
    assert plan_steps(blocks, OldGpkg(Path("old.gpkg"), 2, {(b"a", 1): (1, 2)})) == [Step(1, 2, None, (1,))]
