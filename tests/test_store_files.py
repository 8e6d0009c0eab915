"""A corpus's Stores of other versions are deleted once its build has filled its own."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from geo.parallel import open_records
from geo.store_files import (
    companion_path,
    other_versions,
    remove_other_companions,
    remove_other_versions,
    store_path,
)

ARTICLE = "Сводка. Российские войска освободили Погребки Курской области, сообщило Минобороны.\n"


def _plant(path: Path) -> None:
    """A Store file with the side files SQLite leaves beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").write_bytes(b"old records")


def test_a_stores_name_starts_with_its_corpus_so_its_other_versions_are_found(tmp_path, private_cache):
    new, old = store_path(tmp_path / "a", "v2"), store_path(tmp_path / "a", "v1")
    elsewhere = store_path(tmp_path / "b", "v1")
    for path in (new, old, elsewhere):
        _plant(path)
    assert new.stem.split("-")[0] == old.stem.split("-")[0] != elsewhere.stem.split("-")[0]
    assert list(other_versions(new)) == [old]


def test_other_versions_are_deleted_with_their_side_files_and_nothing_else(tmp_path, private_cache):
    new, old = store_path(tmp_path / "a", "v2"), store_path(tmp_path / "a", "v1")
    elsewhere = store_path(tmp_path / "b", "v1")
    for path in (new, old, elsewhere):
        _plant(path)
    assert remove_other_versions(new) == [old]
    assert not any(Path(f"{old}{s}").exists() for s in ("", "-wal", "-shm"))
    assert new.exists() and Path(f"{new}-wal").exists() and elsewhere.exists()


def test_a_store_another_build_holds_is_kept(tmp_path, private_cache):
    new, old = store_path(tmp_path / "a", "v2"), store_path(tmp_path / "a", "v1")
    _plant(old)
    fd = os.open(f"{old}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another build (flock is per open file, so this blocks ours)
        assert remove_other_versions(new) == []
        assert old.exists()
    finally:
        os.close(fd)
    assert remove_other_versions(new) == [old]


def test_a_build_removes_its_corpus_stores_of_earlier_versions(tmp_path, private_cache, resources):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    earlier = store_path(corpus, "an earlier version")
    _plant(earlier)
    with open_records(corpus, resources=resources) as store:
        assert store.path.exists() and store.path.parent == earlier.parent
        assert not earlier.exists()
    # without the cache the build's Store is a temporary file: nothing of the cache is touched
    _plant(earlier)
    with open_records(corpus, resources=resources, use_cache=False):
        assert earlier.exists()


def test_a_stores_companions_go_with_it_and_a_held_ones_stay(tmp_path, private_cache):
    new, old = store_path(tmp_path / "a", "v2"), store_path(tmp_path / "a", "v1")
    held = store_path(tmp_path / "a", "v0")
    for path in (new, old, held):
        _plant(path)
        companion_path(path, "pieces", "code1").write_bytes(b"pieces")
    gone = store_path(tmp_path / "a", "gone")  # its Store was deleted by hand
    orphan = companion_path(gone, "pieces", "code1")
    orphan.write_bytes(b"pieces")
    fd = os.open(f"{held}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert remove_other_versions(new) == sorted([old, gone])
    finally:
        os.close(fd)
    assert not companion_path(old, "pieces", "code1").exists() and not orphan.exists()
    assert companion_path(new, "pieces", "code1").exists() and companion_path(held, "pieces", "code1").exists()


def test_a_stores_pieces_of_other_map_code_are_deleted_and_its_own_kept(tmp_path, private_cache):
    store = store_path(tmp_path / "a", "v1")
    _plant(store)
    mine, stale = companion_path(store, "pieces", "new"), companion_path(store, "pieces", "old")
    for path in (mine, stale):
        path.write_bytes(b"pieces")
    assert remove_other_companions(mine) == [stale]
    assert mine.exists() and store.exists() and not stale.exists()


def test_the_maps_pieces_live_beside_the_store_and_the_old_codes_go(tmp_path, private_cache, resources):
    from geo.webmap.build import write_map

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        stale = companion_path(store.path, "pieces", "map code of before")
        stale.write_bytes(b"old pieces")
        (tmp_path / "out").mkdir()
        write_map(store, resources.gazetteer, tmp_path / "out" / "index.html")
        pieces = [p for p in store.path.parent.iterdir() if ".pieces-" in p.name]
    assert len(pieces) == 1 and pieces[0].name.startswith(store.path.stem) and not stale.exists()
    assert not list(private_cache.glob("webmap-pieces-*"))


def test_result_folders_of_versions_unused_for_a_month_are_deleted(tmp_path, private_cache, resources):
    import time

    from geo._cache import UNUSED_VERSION_DAYS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    results = private_cache / "results"
    old, recent = results / "a version of last year", results / "a version of last week"
    day = 86_400
    for folder, age in ((old, UNUSED_VERSION_DAYS + 1), (recent, UNUSED_VERSION_DAYS - 1)):
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "entry.json").write_text("{}", encoding="utf-8")
        stamp = time.time() - age * day
        os.utime(folder, (stamp, stamp))
    with open_records(corpus, resources=resources):
        pass
    kept = sorted(p.name for p in results.iterdir())
    assert old.name not in kept and recent.name in kept and len(kept) == 2  # and this build's own
    (mine,) = set(kept) - {recent.name}
    assert (results / mine).stat().st_mtime > recent.stat().st_mtime + (UNUSED_VERSION_DAYS - 2) * day  # marked
    with open_records(corpus, resources=resources, use_cache=False):
        pass
    assert sorted(p.name for p in results.iterdir()) == kept  # without the cache: nothing touched


def test_another_corpus_store_unused_for_a_month_is_deleted_a_recent_or_held_one_kept(tmp_path, private_cache):
    """A moved or deleted corpus folder leaves its Store under a key no build asks for again."""
    from geo.store_files import UNUSED_DAYS, remove_unused_stores

    ours, moved, recent, held = (store_path(tmp_path / name, "v1") for name in ("a", "b", "c", "d"))
    for path in (ours, moved, recent, held):
        _plant(path)
    pieces = companion_path(moved, "pieces", "k")
    pieces.write_bytes(b"kept pieces")
    now = 2_000_000_000.0
    old = now - (UNUSED_DAYS + 1) * 86_400
    for path in (ours, moved, held, pieces, *(Path(f"{p}{s}") for p in (ours, moved, held) for s in ("-wal", "-shm"))):
        os.utime(path, (old, old))
    os.utime(recent, (now - 86_400, now - 86_400))
    fd = os.open(f"{held}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert remove_unused_stores(ours, now=now) == [moved]
    finally:
        os.close(fd)
    assert not moved.exists() and not pieces.exists() and not Path(f"{moved}-wal").exists()
    assert ours.exists() and ours.stat().st_mtime == now  # marked as used by this build
    assert recent.exists() and held.exists()
    assert Path(f"{held}.lock").exists()  # a lock file is never deleted
