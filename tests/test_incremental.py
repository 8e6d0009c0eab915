"""Issue 14: a rebuild writes only what changed, and gives the bytes of a fresh build (geo/manifest.py).

Every output of a build, the card shards and the articles' texts included, is compared
file by file with a fresh build of the same corpus (its own cache folder, its own output
folder) after adding, changing and removing articles. What a rebuild wrote is counted by
inode: a file linked from the published set keeps its inode, a written one gets a new one.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import geo.outputs
from geo.manifest import MANIFEST, Manifest
from geo.outputs import INDEXES, output_writer
from geo.parallel import open_records
from geo.webmap.cards import card_key
from tests.builds import seeded_cache
from tests.test_store import corpus  # noqa: F401 - the seeds and 20 synthetic articles

pytestmark = pytest.mark.skipif(geo.outputs._libc_renameat2() is None, reason="needs Linux renameat2")

NEW_ARTICLE = "Zelensky said 40 North Korean soldiers were killed near Sudzha on Monday.\n"


def _build(resources, corpus: Path, out: Path, *, parallel: bool = False) -> None:
    with output_writer(resources.gazetteer, out, parallel=parallel) as write, \
            open_records(corpus, resources=resources) as store:
        write(store)


def _files(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of an output folder but the manifest and the splice indexes: its bytes and its inode.

    Those two are the build's notes to itself (inodes, the Store's row ids), not outputs.
    """
    return {str(p.relative_to(out)): (p.read_bytes(), p.stat().st_ino)
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != MANIFEST and p.name not in INDEXES}


def _fresh(resources, corpus: Path, tmp_path: Path, monkeypatch) -> dict[str, bytes]:
    """The files of a build from nothing: a new cache folder, a new output folder."""
    cache = seeded_cache(tmp_path / "fresh-cache")
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache))
    out = tmp_path / "fresh"
    try:
        _build(resources, corpus, out)
        return {name: data for name, (data, _) in _files(out).items()}
    finally:
        shutil.rmtree(out)
        shutil.rmtree(cache)


def _rebuilt(resources, corpus: Path, out: Path, private_cache: Path, monkeypatch,
             *, parallel: bool = False) -> tuple[dict[str, bytes], set[str]]:
    """Rebuild into ``out`` with the kept cache: the files and the names of those written anew."""
    monkeypatch.setenv("GEO_CACHE_DIR", str(private_cache))
    before = {name: ino for name, (_, ino) in _files(out).items()} if out.is_dir() else {}
    _build(resources, corpus, out, parallel=parallel)
    after = _files(out)
    written = {name for name, (_, ino) in after.items() if before.get(name) != ino}
    return {name: data for name, (data, _) in after.items()}, written


def test_a_rebuild_with_nothing_changed_writes_nothing(corpus, tmp_path, resources, private_cache, monkeypatch):
    out = tmp_path / "maps"
    first, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert written == set(first) and {"index.html", "places.gpkg", "articles/00.js"} <= written
    assert any(name.startswith("cards/") for name in written)
    again, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert written == set() and again == first


def test_with_the_page_unchanged_the_articles_shards_are_linked_without_keying_them(
        corpus, tmp_path, resources, private_cache, monkeypatch):
    import geo.webmap.articles

    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    keyed: list[int] = []
    shard_key = geo.webmap.articles._shard_key
    monkeypatch.setattr(geo.webmap.articles, "_shard_key", lambda *a, **k: keyed.append(1) or shard_key(*a, **k))
    again, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert written == set() and keyed == []
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert keyed and [n for n in written if n.startswith("articles/")] != []
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "forked writer"])
def test_adding_one_article_writes_the_exports_its_card_and_its_shard_and_equals_a_fresh_build(
        corpus, tmp_path, resources, private_cache, monkeypatch, parallel):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch, parallel=parallel)
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")  # last in page order
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch, parallel=parallel)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    # the four files that hold every record, the new article's card and its text's shard
    card = f"cards/{card_key('zz_new.txt')}.js"
    assert written == {"index.html", "places.geojson", "claims.csv", "places.gpkg", card, "articles/00.js"}


def test_an_article_added_in_the_middle_of_the_page_writes_its_own_card_shard_only(
        corpus, tmp_path, resources, private_cache, monkeypatch):
    """Card shards are named by their article's key, not by page position (issue 14)."""
    out = tmp_path / "maps"
    first, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    names = sorted(p.name for p in corpus.iterdir())
    name = names[len(names) // 2][:-4] + "_added.txt"  # sorts after the middle article
    (corpus / name).write_text(NEW_ARTICLE, encoding="utf-8")
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    cards = {n for n in files if n.startswith("cards/")}
    assert len(cards) == len({n for n in first if n.startswith("cards/")}) + 1 > 10
    assert written == {"index.html", "places.geojson", "claims.csv", "places.gpkg", f"cards/{card_key(name)}.js",
                       "articles/00.js"}
    (corpus / name).unlink()  # and removed: no card is written, its shard is gone
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == first and not {n for n in written if n.startswith("cards/")}


def test_a_changed_a_removed_and_a_new_article_give_the_bytes_of_a_fresh_build(corpus, tmp_path, resources,
                                                                               private_cache, monkeypatch):
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    names = sorted(p.name for p in corpus.iterdir())
    (corpus / names[2]).write_text("Около 30 военных погибли под Суджей.\n", encoding="utf-8")
    (corpus / names[5]).unlink()
    (corpus / "000_first.txt").write_text(NEW_ARTICLE, encoding="utf-8")  # in the middle of page order
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert written < set(files)  # some card of the unchanged tail kept its bytes and was linked
    (corpus / "000_first.txt").unlink()  # and back: the rebuild equals a fresh build again
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)


def test_an_output_edited_since_the_last_build_is_written_again(corpus, tmp_path, resources, private_cache,
                                                                monkeypatch):
    out = tmp_path / "maps"
    first, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    with (out / "claims.csv").open("ab") as fh:  # edited in place: the same inode, another size
        fh.write(b"x")
    lost = sorted(name for name in first if name.startswith("cards/"))[1]
    (out / lost).unlink()
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == first
    # the map is written again to make the lost card; the other cards keep their bytes and are linked
    assert written == {"claims.csv", "index.html", lost}


def test_another_csv_option_is_another_key(corpus, tmp_path, resources, private_cache, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(private_cache))
    with open_records(corpus, resources=resources) as store:
        plain = geo.outputs.output_keys(store, resources.gazetteer)
        raw = geo.outputs.output_keys(store, resources.gazetteer, raw_csv=True)
    assert plain["claims.csv"] != raw["claims.csv"] and plain["places.geojson"] == raw["places.geojson"]
    assert None not in plain.values()


def test_a_manifest_that_is_not_ours_links_nothing(tmp_path):
    published, staging = tmp_path / "out", tmp_path / "staging"
    published.mkdir()
    staging.mkdir()
    (published / "a.txt").write_text("old", encoding="utf-8")
    (published / MANIFEST).write_text('{"format": 1, "files": {"a.txt": "not a list"}}', encoding="utf-8")
    assert not Manifest(published, staging).link("a.txt", "k")
    (published / MANIFEST).write_bytes(b"\xff not json")
    assert not Manifest(published, staging).link("a.txt", "k")
    assert list(staging.iterdir()) == []


@pytest.mark.parametrize("files", [
    pytest.param([], id="files-a-list"),
    pytest.param({"cards/\u0000": ["k", 1, 1, 1]}, id="a-nul-in-a-name"),
    pytest.param({"cards/1.js": ["k", "1", 1, 1]}, id="a-size-as-text"),
])
def test_a_damaged_manifest_links_nothing_and_raises_nothing(tmp_path, files):
    published, staging = tmp_path / "out", tmp_path / "staging"
    published.mkdir()
    staging.mkdir()
    (published / MANIFEST).write_text(json.dumps({"format": 1, "files": files}), encoding="utf-8")
    manifest = Manifest(published, staging)
    assert manifest.key_of("cards/1.js") is None
    assert not manifest.link_all("cards/", "k", under="index.html")


def test_a_manifest_cannot_link_a_file_from_outside_the_folder(tmp_path):
    """An output folder anyone may edit: "cards/../../x" must not bring x into the set."""
    published, staging = tmp_path / "out", tmp_path / "staging"
    published.mkdir()
    staging.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("not an output", encoding="utf-8")
    st = os.stat(outside)
    files = {"index.html": ["k", 1, 1, 1], "cards/../../secret.txt": ["k", st.st_size, st.st_mtime_ns, st.st_ino]}
    (published / MANIFEST).write_text(json.dumps({"format": 1, "files": files}), encoding="utf-8")
    manifest = Manifest(published, staging)
    assert not manifest.link("cards/../../secret.txt", "k")
    manifest.link_all("cards/", "k", under="index.html")
    assert list(staging.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["out", "secret.txt", "staging"]


def test_a_file_recorded_under_a_key_is_linked_only_under_that_key(tmp_path):
    published, staging, next_staging = tmp_path / "out", tmp_path / "s1", tmp_path / "s2"
    for folder in (published, staging, next_staging):
        folder.mkdir()
    first = Manifest(None, staging)
    (staging / "a.txt").write_text("bytes of k", encoding="utf-8")
    first.wrote("a.txt", "k")
    first.wrote("b.txt", None)  # no key: never linked
    first.save()
    shutil.copytree(staging, published, dirs_exist_ok=True)  # what a publish does, by copy here
    copied = Manifest(published, next_staging)
    assert not copied.link("a.txt", "k")  # another inode: not the file recorded
    os.replace(staging / "a.txt", published / "a.txt")
    shutil.copy(staging / MANIFEST, published / MANIFEST)
    second = Manifest(published, next_staging)
    assert not second.link("a.txt", "other") and not second.link("b.txt", None)
    assert second.link("a.txt", "k") and (next_staging / "a.txt").read_text(encoding="utf-8") == "bytes of k"
    assert (second.linked, second.written) == (1, 0)


def test_a_manifest_the_disk_refuses_is_left_out_not_an_error(tmp_path):
    """The manifest is optional: without it the next build writes every file anew."""
    manifest = Manifest(None, tmp_path / "gone")  # a folder that is not there: writing raises OSError
    manifest.save()
    assert not (tmp_path / "gone").exists()


def _spliced(monkeypatch) -> list[Manifest]:
    """The Manifests the next builds make, to read what each spliced export copied and rendered."""
    made: list[Manifest] = []

    class Recording(Manifest):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(geo.outputs, "Manifest", Recording)
    return made


def _rows(out: Path) -> int:
    """Records of the published CSV (one line each in these corpora: no quoted line breaks)."""
    return (out / "claims.csv").read_bytes().count(b"\r\n") - 1


def test_adding_one_article_renders_only_its_records_and_copies_the_rest(corpus, tmp_path, resources,
                                                                          private_cache, monkeypatch):
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    before = _rows(out)
    made = _spliced(monkeypatch)
    (corpus / "0_new.txt").write_text(NEW_ARTICLE * 3, encoding="utf-8")  # first in page order
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    csv, geojson = made[0].spliced["claims.csv"], made[0].spliced["places.geojson"]
    added = _rows(out) - before
    assert added > 0
    # the new article's rows, and the rows whose contested flag it turned: never the whole file
    assert added <= csv.rendered_units < before / 2
    assert csv.copied_units + csv.rendered_units == _rows(out)
    assert csv.copies <= csv.rendered_units + 1 and csv.copied_bytes > csv.written_bytes
    assert 0 < geojson.rendered_units < geojson.copied_units
    # a place the article does not name is copied whole, its lists neither listed nor planned: the
    # sources, the named place's lists and the unresolved mentions make the only batches
    places = json.loads((out / "places.geojson").read_bytes())["features"]
    assert len(places) > 10 and len(places) - 2 <= geojson.blocks_copied < len(places)
    assert geojson.plans <= 3
    # and the text between them (a place's separator) is copied with them when the old file holds it
    assert geojson.copies <= geojson.rendered_units + 1 < len(places) / 4


def test_a_reused_row_id_is_rendered_never_copied(corpus, tmp_path, resources, private_cache, monkeypatch):
    out = tmp_path / "maps"
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    (corpus / "zz_new.txt").unlink()  # its rows had the highest row ids: the next article takes them again
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    (corpus / "zz_other.txt").write_text("Около 30 военных погибли под Суджей, заявили в ВСУ.\n", encoding="utf-8")
    made = _spliced(monkeypatch)
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert made[0].spliced["claims.csv"].rendered_units > 0


@pytest.mark.parametrize("damage", [b"", b"geo-splice-index 1\n\xff\xff", None], ids=["empty", "torn", "gone"])
def test_a_damaged_or_missing_index_renders_the_whole_file_and_raises_nothing(corpus, tmp_path, resources,
                                                                              private_cache, monkeypatch, damage):
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    for name in INDEXES:
        if damage is None:
            (out / name).unlink()
        else:
            (out / name).write_bytes(damage)
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    made = _spliced(monkeypatch)
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert made[0].spliced["claims.csv"].copied_units == 0
    assert made[0].spliced["claims.csv"].rendered_units == _rows(out)
    # rendered whole, every place's short lists are planned in one batch, not two per place
    assert made[0].spliced["places.geojson"].plans == 1
    assert made[0].spliced["places.geojson"].blocks_copied == 0
    # and the next build splices again from the index this one wrote
    (corpus / "zz_new.txt").unlink()
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert made[-1].spliced["claims.csv"].copied_units == _rows(out)  # made[1] was the fresh build's


def test_lists_planned_in_slices_give_the_same_bytes_and_still_copy_in_long_runs(corpus, tmp_path, resources,
                                                                                 private_cache, monkeypatch):
    import geo.export.splice

    monkeypatch.setattr(geo.export.splice, "_UNITS_PER_PLAN", 2)  # every list split, the CSV into many slices
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    made = _spliced(monkeypatch)
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    csv = made[0].spliced["claims.csv"]
    assert csv.copies <= csv.rendered_units + 1 < csv.copied_units  # slices join into one copy


def _card_writers(monkeypatch) -> list:
    """The card shard writers the next builds make, to read how many cards each read."""
    import geo.webmap.build
    from geo.webmap.cards import CardShards

    made: list[CardShards] = []

    class Recording(CardShards):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(geo.webmap.build, "CardShards", Recording)
    return made


def test_adding_one_article_reads_its_card_only_and_a_touched_file_reads_its_own(corpus, tmp_path, resources,
                                                                                   private_cache, monkeypatch):
    """Issue 14: an unchanged document's card shard is linked by its name and stamp, its card never read."""
    out = tmp_path / "maps"
    made = _card_writers(monkeypatch)
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    documents = made[0].cards
    assert documents > 10 and made[0].read == documents  # a first build reads every card
    (corpus / "m_middle.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert (made[1].cards, made[1].read, made[1].written) == (documents + 1, 1, 1)
    assert len([name for name in written if name.startswith("cards/")]) == 1
    touched = sorted(corpus.glob("*.txt"))[3]
    touched.write_bytes(touched.read_bytes())  # the same bytes, a new stamp: its card is read again
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    rebuild = made[-1]  # before the fresh build's own
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert (rebuild.cards, rebuild.read) == (documents + 1, 1)


def test_an_article_added_to_a_shard_of_another_rewrites_that_shard_with_both_cards(
        corpus, tmp_path, resources, private_cache, monkeypatch):
    """1,024 shards: an added article whose key another article has rewrites their one shard.

    Its cards are read at the end of the page (the shard is decided when all its documents
    are seen), the others' shards are linked unread, and every byte is a fresh build's.
    """
    out = tmp_path / "maps"
    made = _card_writers(monkeypatch)
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    documents = made[0].cards
    neighbour = sorted(corpus.glob("*.txt"))[0].name
    key = card_key(neighbour)
    name = next(f"zz_{i}.txt" for i in range(100_000) if card_key(f"zz_{i}.txt") == key)
    sharing = sum(card_key(p.name) == key for p in corpus.iterdir()) + 1
    (corpus / name).write_text(NEW_ARTICLE, encoding="utf-8")
    files, written = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert (made[1].cards, made[1].read, made[1].written) == (documents + 1, sharing, 1)
    assert [n for n in written if n.startswith("cards/")] == [f"cards/{key}.js"]
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    shard = files[f"cards/{key}.js"].decode("utf-8")
    assert shard.startswith(f'geoCards("{key}",[') and shard.count('"file":') == sharing


def test_published_shards_written_at_the_end_hold_one_shards_cards_at_a_time(tmp_path):
    """A card read at the end may hold its document's whole entry: each shard's are let go once it is written."""
    import gc
    import weakref

    from geo.webmap.cards import CardShards

    class Published:  # every shard published, under a key no token gives: each is read and written
        def forget(self, prefix: str) -> None: ...
        def key_of(self, name: str) -> str: return "another"
        def link(self, name: str, key: str | None) -> bool: return False
        def wrote(self, name: str, key: str | None) -> None: ...

    class Card:  # a reader holding its text, as a loaded ``Shown`` does
        def __init__(self, text: str, alive_before: list[weakref.ref]) -> None:
            self.text, self.alive_before = text, alive_before

        def __call__(self) -> str:
            gc.collect()
            seen.append(sum(ref() is not None for ref in self.alive_before))
            return self.text

    seen: list[int] = []
    refs: list[weakref.ref] = []
    shards = CardShards(tmp_path / "cards", manifest=Published())  # type: ignore[arg-type]
    with shards:
        for key in ("aa", "bb", "cc"):
            card = Card(f'{{"file":"{key}.txt"}}', list(refs))
            refs.append(weakref.ref(card))
            shards(key, card, token=None)
            del card
    # the shard of "bb" is read when "aa"'s card is gone, "cc"'s when both are
    assert seen == [0, 0, 0] and shards.written == 3 and shards.read == 3
    assert (tmp_path / "cards" / "bb.js").read_text(encoding="utf-8") == 'geoCards("bb",[{"file":"bb.txt"}]);\n'
