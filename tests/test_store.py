"""The Store (geo/store.py): a corpus's records on disk, kept from one build to the next (issue 7).

What must hold: every writer gives the same bytes from the Store as from the Build in
memory; a rebuild after files are added, changed or removed gives the bytes of a clean
build; a file whose stamp did not change is not read again; anything doubtful (another
version, a damaged file, an interrupted walk) costs time, never a wrong output.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo.corpus
import geo.parallel
import geo.pipeline
import geo.store
from geo.export.csv import render_csv
from geo.export.fragments import (
    as_contested_csv,
    as_contested_json,
    claim_json,
    claim_row,
    csv_line,
)
from geo.export.geojson import render_geojson
from geo.export.gpkg import write_gpkg
from geo.model import Claim, Figure, Kind, Link
from geo.parallel import open_records, run_parallel, store_path
from geo.records import as_records, contested_claim_ids
from geo.webmap.build import write_map
from tests.builds import synthetic_module
from tests.conftest import ROOT

NEW_ARTICLE = "Zelensky said 40 North Korean soldiers were killed near Sudzha.\n"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seeds and 20 synthetic articles, in a folder of their own."""
    folder = tmp_path / "kursk"
    synthetic_module().write_corpus(folder, 20)
    for seed in sorted((ROOT / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The files the corpus reader reads (their bytes, not their stamps)."""
    calls: list[Path] = []
    read = geo.corpus._read_bytes

    def counting(path, limit):
        calls.append(Path(path))
        return read(path, limit)

    monkeypatch.setattr(geo.corpus, "_read_bytes", counting)
    return calls


def _outputs(data) -> tuple[bytes, bytes]:
    return render_geojson(data), render_csv(data)


def _clean(corpus: Path, resources) -> tuple[bytes, bytes]:
    """The bytes of a build from scratch: no Store kept, no result cache."""
    return _outputs(run_parallel(corpus, resources=resources, use_cache=False))


def _map_bytes(data, gazetteer, path: Path) -> bytes:
    write_map(data, gazetteer, path)
    return path.read_bytes()


def _assert_same_outputs(data, other, gazetteer, folder: Path) -> None:
    """Every writer (GeoJSON, CSV, GeoPackage, map) gives the same bytes from ``data`` and ``other``."""
    assert _outputs(data) == _outputs(other)
    write_gpkg(data, folder / "data.gpkg")
    write_gpkg(other, folder / "other.gpkg")
    assert (folder / "data.gpkg").read_bytes() == (folder / "other.gpkg").read_bytes()
    assert _map_bytes(data, gazetteer, folder / "data.html") == _map_bytes(other, gazetteer, folder / "other.html")


def test_every_writer_gives_the_same_bytes_from_the_store_and_from_memory(corpus, resources, private_cache,
                                                                         tmp_path):
    with open_records(corpus, resources=resources) as store:
        build = store.to_build()
        assert build.claims and build.places and build.resolutions
        _assert_same_outputs(store, build, resources.gazetteer, tmp_path)


def test_the_summary_reads_the_same_unresolved_names_from_the_store_and_from_memory(tmp_path, resources,
                                                                                   private_cache):
    """The Store reads four fields of each unresolved mention out of its JSON (no record
    decoded); they and the summary's lines are those of the records in memory."""
    from geo.records import MemoryRecords, UnresolvedMention
    from geo.report import summary_lines

    folder = tmp_path / "shared-names"
    folder.mkdir()
    (folder / "a.txt").write_text("Shelling was reported in Vorobzha and in Ivanovka on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Обстрелу подверглась Воробжа, сообщили власти.\n", encoding="utf-8")
    with open_records(folder, resources=resources) as store:
        build = store.to_build()
        names = list(store.iter_unresolved_names())
        assert len(names) >= 2 and all(len(n.candidates) >= 2 for n in names)
        assert names == [UnresolvedMention.of(r) for r in build.unresolved]
        assert names == list(MemoryRecords(build).iter_unresolved_names())
        lines = summary_lines(store)
        assert any(line.startswith("unresolved ") for line in lines)
        assert lines == summary_lines(build)


@pytest.fixture
def conflict(tmp_path) -> Path:
    """Two articles whose figures for the same kind, place and day do not overlap."""
    folder = tmp_path / "conflict"
    folder.mkdir()
    (folder / "a.txt").write_text("On November 2, 2024, Zelensky said 40 soldiers were killed near Sudzha.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("On November 2, 2024, the ministry said 900 soldiers were killed near Sudzha.\n",
                                  encoding="utf-8")
    return folder


def test_contested_claims_are_marked_alike_from_the_store_and_from_memory(conflict, resources, private_cache):
    with open_records(conflict, resources=resources) as store:
        contested = {pid: store.contested_at(pid) for pid in (p.place_id for p in store.places)}
        assert any(len(ids) == 2 for ids in contested.values())
        assert _outputs(store) == _outputs(store.to_build())
        assert b'"contested":true' in render_geojson(store) and b",true\r\n" in render_csv(store)


def test_the_map_from_the_store_copies_the_entries_rendered_at_extraction(conflict, tmp_path, resources,
                                                                          private_cache):
    gazetteer = resources.gazetteer
    with open_records(conflict, resources=resources) as store:
        assert any(len(store.contested_at(p.place_id)) == 2 for p in store.places)
        assert len(list(store.map_documents())) == 2
        from_store = _map_bytes(store, gazetteer, tmp_path / "store.html")
        assert from_store == _map_bytes(store.to_build(), gazetteer, tmp_path / "build.html")
    # [claim number 0, place number, ...] as digits: 0 is "A" (geo.webmap.payload.encode_digits)
    assert b'"contested":"A' in from_store
    (conflict / "c.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with open_records(conflict, resources=resources) as store:
        rebuilt = _map_bytes(store, gazetteer, tmp_path / "rebuilt.html")
    clean = run_parallel(conflict, resources=resources, use_cache=False)
    assert rebuilt == _map_bytes(clean, gazetteer, tmp_path / "clean.html") != from_store


def test_a_rebuild_after_adding_changing_and_removing_files_equals_a_clean_build(corpus, resources, private_cache,
                                                                              tmp_path):
    with open_records(corpus, resources=resources):
        pass
    names = sorted(p.name for p in corpus.iterdir())
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (corpus / names[3]).write_text("Около 30 военных погибли под Суджей.\n", encoding="utf-8")
    (corpus / names[7]).unlink()
    (corpus / "a_binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02")
    gazetteer = resources.gazetteer
    with open_records(corpus, resources=resources) as store:
        assert _outputs(store) == _clean(corpus, resources)
        assert store.counts.sources == len(names) - 1 + 1
        assert [s.source for s in store.iter_skips()] == ["a_binary.txt"]
        from_store = _map_bytes(store, gazetteer, tmp_path / "store.html")
    clean = run_parallel(corpus, resources=resources, use_cache=False)
    assert from_store == _map_bytes(clean, gazetteer, tmp_path / "clean.html")


def test_the_totals_are_counted_once_per_walk_from_indexes_and_match_a_build_in_memory(corpus, resources,
                                                                                      private_cache):
    (corpus / "a_binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02")
    with open_records(corpus, resources=resources) as store:
        statements: list[str] = []
        store._db.set_trace_callback(statements.append)
        totals = store.counts
        assert store.counts is totals  # the summary, the map and the about table ask again
        store._db.set_trace_callback(None)
        counted = [sql for sql in statements if "COUNT(*)" in sql]
        assert len(counted) == 6
        for sql in counted:  # an index, not the rows with their rendered text
            plan = " ".join(row[3] for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "INDEX" in plan, (sql, plan)
    clean = run_parallel(corpus, resources=resources, use_cache=False)
    assert totals == as_records(clean).counts
    assert totals.skips == 1


def test_each_document_keeps_its_count_of_link_rows_as_the_join_counts_them(corpus, resources, private_cache):
    """The GeoPackage's and the CSV's per-document counts come from ``docs``, through an index."""
    from geo.export.gpkg_splice import doc_blocks
    from geo.export.stored_units import csv_counts_by_doc

    with open_records(corpus, resources=resources) as store:
        db = store._db
        joined = dict(db.execute("SELECT c.doc, COUNT(*) FROM claims c JOIN links l ON l.claim = c.id GROUP BY c.doc"))
        assert len(joined) > 10
        assert csv_counts_by_doc(store) == joined
        assert {block.doc: block.rows for block in doc_blocks(store)} == joined
        assert db.execute("SELECT SUM(foreign_claims) FROM docs").fetchone()[0] == 0
        for sql in ("SELECT id, source, stamp, links FROM docs WHERE links > 0 ORDER BY source",
                    "SELECT EXISTS (SELECT 1 FROM docs WHERE foreign_claims > 0)"):
            plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "COVERING INDEX docs_rows" in plan, plan


def test_an_unchanged_file_is_not_read_again(corpus, resources, private_cache, reads):
    with open_records(corpus, resources=resources):
        pass
    assert len(reads) == len(list(corpus.iterdir()))
    reads.clear()
    with open_records(corpus, resources=resources):
        pass
    assert reads == []
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        assert [p.name for p in reads] == ["zz_new.txt"]
        assert "zz_new.txt" in {s.source for s in store.iter_sources()}


def test_a_file_rewritten_with_its_old_time_is_read_again(corpus, resources, private_cache, reads):
    with open_records(corpus, resources=resources):
        pass
    target = sorted(corpus.iterdir())[0]
    before = target.stat()
    target.write_text(NEW_ARTICLE, encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime restored, ctime moves
    reads.clear()
    with open_records(corpus, resources=resources) as store:
        assert reads == [target]
        assert _outputs(store) == _clean(corpus, resources)


def test_another_extractor_version_starts_a_store_of_its_own_and_drops_the_old(
        corpus, resources, private_cache, monkeypatch, reads):
    with open_records(corpus, resources=resources) as store:
        first = store.path
    version = geo.parallel._extraction_version(resources)
    monkeypatch.setattr(geo.parallel, "_extraction_version", lambda res: version + "-next")
    reads.clear()
    with open_records(corpus, resources=resources) as store:
        assert len(reads) == len(list(corpus.iterdir()))
        assert _outputs(store) == _clean(corpus, resources)
        second = store.path
    assert list((private_cache / "stores").glob("*.sqlite")) == [second] != [first]


def test_a_damaged_store_is_rebuilt(corpus, resources, private_cache):
    with open_records(corpus, resources=resources) as store:
        path = store.path
    path.write_bytes(b"this is not an SQLite database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open_records(corpus, resources=resources) as store:
        assert _outputs(store) == _clean(corpus, resources)


def test_an_interrupted_walk_leaves_the_store_as_it_was(corpus, resources, private_cache, monkeypatch):
    with open_records(corpus, resources=resources) as store:
        before = _outputs(store)
    (corpus / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    extract = geo.pipeline.process_document

    def failing(doc, res):
        if doc.source == "zz_new.txt":
            raise KeyboardInterrupt
        return extract(doc, res)

    monkeypatch.setattr(geo.pipeline, "process_document", failing)
    with pytest.raises(KeyboardInterrupt), open_records(corpus, resources=resources):
        pass
    monkeypatch.setattr(geo.pipeline, "process_document", extract)
    (corpus / "zz_new.txt").unlink()
    with open_records(corpus, resources=resources) as store:
        assert _outputs(store) == before


def test_the_store_walks_sources_in_python_string_order(tmp_path, resources, private_cache):
    folder = tmp_path / "names"
    folder.mkdir()
    names = ["b.txt", "a b.txt", "ä.txt", "z.txt", "Ω.txt", "日本.txt", "A.txt", "\U0001f525.txt", "\uffff.txt"]
    for name in names:
        (folder / name).write_text(NEW_ARTICLE, encoding="utf-8")
    with open_records(folder, resources=resources) as store:
        assert [s.source for s in store.iter_sources()] == sorted(names)
        assert [c.source for c in store.iter_claims()] == sorted(names)
    with open_records(folder, resources=resources) as store:  # the merge with the listing agrees
        assert [s.source for s in store.iter_sources()] == sorted(names)


def test_a_file_name_that_is_not_utf8_is_skipped_under_a_printable_name(tmp_path, resources, private_cache):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(NEW_ARTICLE, encoding="utf-8")
    (folder / "ok.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with open_records(folder, resources=resources) as store:
        assert [s.source for s in store.iter_sources()] == ["ok.txt"]
        (skip,) = store.iter_skips()
        assert skip.source == "caf\\xe9.txt" and "not valid UTF-8" in skip.reason
        assert b"caf\\\\xe9.txt" in render_geojson(store)


def test_the_store_lives_in_the_cache_folder_keyed_by_corpus_and_version(tmp_path, private_cache):
    a, b = store_path(tmp_path / "a", "v1"), store_path(tmp_path / "b", "v1")
    assert a.parent == private_cache / "stores" and a != b != store_path(tmp_path / "a", "v2")
    assert store_path(tmp_path / "a" / ".." / "a", "v1") == a


# --- the conflict test and the contested flag of a stored fragment ------------------------------

def _pairwise_contested(claims: list[Claim]) -> set[str]:
    """The definition, pair by pair (quadratic): the reference for the linear version."""
    out = set()
    for a, b in itertools.combinations(claims, 2):
        if a.kind != b.kind or a.reported != b.reported or a.claimant == b.claimant:
            continue
        (a_lo, a_hi), (b_lo, b_hi) = (_range(a.figure), _range(b.figure))
        if not (a_lo <= b_hi and b_lo <= a_hi):
            out |= {a.claim_id, b.claim_id}
    return out


def _range(f: Figure) -> tuple[float, float]:
    low = f.low if f.low is not None else f.best if f.high is None else 0.0
    high = f.high if f.high is not None else f.best if f.low is None else float("inf")
    return low, high


numbers = st.one_of(st.none(), st.integers(0, 60).map(float))
figures = st.tuples(numbers, numbers, numbers).filter(
    lambda t: any(v is not None for v in t)
    and [v for v in t if v is not None] == sorted(v for v in t if v is not None))
claims = st.lists(st.tuples(st.sampled_from(["GUR", "NIS", None]), st.sampled_from([Kind.KILLED, Kind.WOUNDED]),
                            st.sampled_from([None, "2024-12-01"]), figures), max_size=12)


@settings(max_examples=300, deadline=None)
@given(claims)
def test_the_linear_conflict_test_agrees_with_the_pairwise_definition(rows):
    made = [Claim(claim_id=f"c{i}", source="a.txt", start=0, end=1, quote="x", claimant=who, kind=kind,
                  reported=day, figure=Figure(text="n", low=lo, best=best, high=hi))
            for i, (who, kind, day, (lo, best, hi)) in enumerate(rows)]
    assert contested_claim_ids(made) == _pairwise_contested(made)


def test_a_stored_fragment_marked_contested_equals_the_claim_rendered_contested(resources):
    build = run_parallel(ROOT / "seeds", resources=resources, use_cache=False)
    places = {p.place_id: p for p in build.places}
    sources = {s.source: s for s in build.sources}
    checked = 0
    for claim in build.claims:
        for pl in claim.places:
            assert as_contested_json(claim_json(claim, pl.link)) == claim_json(claim, pl.link, contested=True)
            plain = claim_row(claim, sources[claim.source], places[pl.place_id], pl.link)
            marked = claim_row(claim, sources[claim.source], places[pl.place_id], pl.link, contested=True)
            assert as_contested_csv(csv_line(plain)) == csv_line(marked)
            checked += 1
    assert checked > 20
    with pytest.raises(ValueError, match="not an uncontested"):
        as_contested_json(claim_json(build.claims[0], Link.SENTENCE, contested=True))


def test_a_store_that_fails_while_reading_the_corpus_is_a_one_line_error(corpus, resources, private_cache,
                                                                          monkeypatch):
    import sqlite3

    from geo.errors import CorpusError
    from geo.store import Store

    def full_disk(self, *args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "put", full_disk)
    with pytest.raises(CorpusError, match="database or disk is full.*delete the file"), \
            open_records(corpus, resources=resources):
        pass


@pytest.mark.parametrize("text", [
    pytest.param("Officials said 40 soldiers were killed near Sudzha on Monday.\n", id="en"),
    pytest.param("Минобороны сообщило, что у Суджи погибли 40 военных.\n", id="ru"),
    pytest.param("Генштаб повідомив, що біля Суджі загинули 40 військових.\n", id="uk"),
])
def test_a_result_cache_entry_is_the_records_encoded_and_reads_back(text, tmp_path, resources):
    """Issue 11: ``ResultCache.put`` splices the rows' JSON instead of decoding and encoding the
    records again; the entry holds the records (a figure's 40 stays 40 where the decoded record
    said 40.0: the same float read back), its digest checks, and a hit gives them back."""
    import json

    from geo._cache import ResultCache, _digest, from_data
    from geo.corpus import iter_raw
    from geo.model import DocumentResult
    from geo.parallel import _extract
    from geo.store import document_result, stored_document

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(text, encoding="utf-8")
    [raw] = iter_raw(tmp_path / "corpus")
    stored = _extract(raw, resources)
    assert stored.claims
    cache = ResultCache("v", tmp_path / "cache", gazetteer=resources.gazetteer)
    cache.put(raw.sha256, stored)
    entry = json.loads(cache._path(raw.sha256, raw.source).read_text(encoding="utf-8"))
    key = cache._key(raw.sha256, raw.source)
    assert (entry["format"], entry["key"], entry["digest"]) == ("geo-result/1", key, _digest(key, entry["body"]))
    assert from_data(DocumentResult, entry["body"]) == document_result(stored)
    assert cache.get(raw) == stored_document(document_result(stored), resources.gazetteer)


def _to_data_by_hand(value: object) -> object:
    """``_cache.to_data`` as it was before its encoders were kept per type (issue 11)."""
    import dataclasses
    from enum import Enum

    from geo._cache import _field_names

    if type(value) in (str, int, float, bool, type(None)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_to_data_by_hand(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _to_data_by_hand(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return [_to_data_by_hand(getattr(value, name)) for name in _field_names(type(value))]
    return value


@pytest.mark.parametrize("text", [
    pytest.param("Up to 300 soldiers were killed near Sudzha and 2,000 were deployed, the ministry said.\n",
                 id="en"),
    pytest.param("ВСУ вошли в Суджу; погибли около 40 военных, сообщил губернатор.\n", id="ru"),
    pytest.param("ЗСУ звільнили Суджу, понад 50 військових потрапили в полон, повідомив Генштаб.\n", id="uk"),
])
def test_records_encode_as_the_field_by_field_walk_did(text, resources):
    from geo._cache import dumps, dumps_record, to_data
    from geo.corpus import document_from_bytes
    from geo.pipeline import process_document

    result = process_document(document_from_bytes(text.encode(), "a.txt", is_html=False), resources)
    assert result.claims
    for record in (result, result.meta, *result.resolutions, *result.claims):
        assert dumps(to_data(record)) == dumps(_to_data_by_hand(record)) == dumps_record(record)


# --- issue 14: each claim rendered once, the conflict test's scope read once per claim


def _fragments_one_by_one(claim, source, place, link) -> tuple[str, str, str]:
    from geo.export.fragments import dumps, row_values

    row = claim_row(claim, source, place, link)
    return claim_json(claim, link), csv_line(row), dumps(row_values(row))


def _ties(claim, places):
    return [(places[pl.place_id], pl.link) for pl in claim.places] or [(None, None)]


def test_issue_14_a_claim_rendered_once_gives_each_place_the_fragments_rendered_one_by_one(resources, shared):
    from geo.export.fragments import claim_fragments_at, render_claim

    build = run_parallel(shared / "dev" / "corpus", resources=resources, use_cache=False)
    places, sources = resources.gazetteer.places, {s.source: s for s in build.sources}
    checked = 0
    for claim in build.claims:
        rendered = render_claim(claim, sources[claim.source])
        for place, link in _ties(claim, places):
            assert claim_fragments_at(rendered, place, link) == \
                _fragments_one_by_one(claim, sources[claim.source], place, link)
            checked += 1
    assert checked > 100 and any(not c.places for c in build.claims)
    unsourced = render_claim(build.claims[0], None)  # a claim whose source record is not at hand
    place, link = _ties(build.claims[0], places)[0]
    assert claim_fragments_at(unsourced, place, link) == _fragments_one_by_one(build.claims[0], None, place, link)


@settings(max_examples=60, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text()))
def test_issue_14_a_hostile_quote_renders_once_as_one_by_one(seeds_claim, quote, claimant):
    """A quote may hold what the rendering splits on (',"link":', quotes, commas, line ends)."""
    import dataclasses

    from geo.export.fragments import claim_fragments_at, render_claim

    claim, ties = seeds_claim
    quote = ',"link":"x",' + quote
    claim = dataclasses.replace(claim, quote=quote, end=claim.start + len(quote), claimant=claimant)
    rendered = render_claim(claim, None)
    for place, link in ties:
        assert claim_fragments_at(rendered, place, link) == _fragments_one_by_one(claim, None, place, link)


@pytest.fixture(scope="module")
def seeds_claim(resources):
    """A seeds claim tied to two places or more, and its (place, link) ties."""
    build = run_parallel(ROOT / "seeds", resources=resources, use_cache=False)
    claim = next(c for c in build.claims if len(c.places) >= 2)
    return claim, _ties(claim, resources.gazetteer.places)


def test_issue_14_the_store_reads_each_scope_once_at_extraction_and_none_at_the_end_of_a_walk(
        corpus, conflict, resources, monkeypatch):
    import geo.records
    from geo.records import MemoryRecords
    from geo.store import Store, stored_document

    for path in conflict.iterdir():  # the conflicting pair among the seeds and the synthetic articles
        (corpus / path.name).write_bytes(path.read_bytes())
    build = run_parallel(corpus, resources=resources, use_cache=False)
    calls = []
    scope_of = geo.records.scope_of
    monkeypatch.setattr(geo.records, "scope_of", lambda *args: calls.append(args) or scope_of(*args))
    claims_of = {}
    for claim in build.claims:
        claims_of.setdefault(claim.source, []).append(claim)
    from geo.model import DocumentResult

    stored = [stored_document(DocumentResult(meta=s, claims=tuple(claims_of.get(s.source, ())),
                                             resolutions=tuple(r for r in build.resolutions
                                                               if r.mention.source == s.source)),
                              resources.gazetteer) for s in build.sources]
    numbered = [c for c in build.claims if c.figure and (c.figure.low, c.figure.best, c.figure.high) != (None,) * 3]
    assert len(calls) == len(numbered) > 10
    calls.clear()
    with Store(None, corpus="c", gazetteer=resources.gazetteer, version="v") as store:
        store.begin_walk()
        for doc in stored:
            store.unchanged(doc.source, None)
            store.put(doc)
        store.end_walk()
        assert calls == []
        memory = MemoryRecords(build)
        rivals = {p.place_id: store.rivals_at(p.place_id) for p in store.places}
        assert rivals == {p.place_id: dict(memory.rivals_at(p.place_id)) for p in store.places}
        assert any(rivals.values())


def test_issue_14_a_geojson_export_makes_no_flat_rows_and_the_next_build_makes_them_from_the_records(
        corpus, resources, private_cache, tmp_path, monkeypatch, reads):
    """``flat=False`` (``geo export --format geojson``, ``geo eval``) stores no CSV or GeoPackage
    rows and no map entries; the next walk that needs them makes them from the stored records,
    reading no file again, and every output is a clean build's."""
    made = []
    entry, render = geo.store.doc_entry_json, geo.store.fragments.render_claim
    monkeypatch.setattr(geo.store, "doc_entry_json", lambda *a, **k: made.append("map") or entry(*a, **k))
    monkeypatch.setattr(geo.store.fragments, "render_claim", lambda *a, **k: made.append("row") or render(*a, **k))
    clean = run_parallel(corpus, resources=resources, use_cache=False)
    made.clear()
    with open_records(corpus, resources=resources, flat=False) as store:
        assert render_geojson(store) == render_geojson(clean)
        assert store._db.execute("SELECT COUNT(*) FROM links WHERE csv IS NOT NULL").fetchone()[0] == 0
    assert made == []
    documents = len(clean.sources)
    read = len(reads)
    with open_records(corpus, resources=resources) as store:
        assert made.count("map") == documents and made.count("row") == len(clean.claims)
        assert len(reads) == read  # made from the records: no file read again
        _assert_same_outputs(store, clean, resources.gazetteer, tmp_path)
    made.clear()
    with open_records(corpus, resources=resources):
        assert made == []  # made once


#: How the Store grouped claims for the conflict test when SQLite made the group (schema 13):
#: the expression the group key made in the worker must agree with.
_SQL_GROUP = ("CASE WHEN (low IS NULL AND best IS NULL AND high IS NULL) OR scope IS NULL OR scope IN ('part', "
              "'change') THEN NULL ELSE kind || char(31) || scope || char(31) || CASE WHEN reported IS NOT NULL "
              "AND reported <> '' THEN 'd' || reported ELSE 'a' || hex(source) END END")


def test_issue_14_each_link_s_conflict_group_is_made_in_the_worker_as_sqlite_made_it(
        corpus, conflict, resources):
    """``links.grp`` comes with the rows (no UPDATE in the main process): the group SQLite's
    expression gives of the claim's columns, for dated, undated and numberless claims."""
    for path in conflict.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "undated.txt").write_text("The ministry said 70 soldiers were killed near Sudzha in total.\n",
                                        encoding="utf-8")
    with open_records(corpus, resources=resources, use_cache=False) as store:
        rows = store._db.execute(f"SELECT l.grp, {_SQL_GROUP}, l.place_id FROM links l "  # noqa: S608
                                 "JOIN claims c ON c.id = l.claim").fetchall()
        dirty = store._db.execute("SELECT COUNT(*) FROM dirty").fetchone()[0]
    assert [made for made, _, _ in rows] == [expected for _, expected, _ in rows]
    groups = [made for made, _, _ in rows if made is not None]
    assert any("\x1fd" in g for g in groups) and any("\x1fa" in g for g in groups)
    assert len(groups) < len(rows)  # numberless claims have none
    assert dirty == 0  # the walk's end read and emptied the dirty groups


def test_issue_14_a_place_s_row_columns_are_made_once_per_place_and_link(seeds_claim, monkeypatch):
    """Place columns are the same for every claim at a place: made once, keyed by the place's id,
    and made anew for another Place under that id (another gazetteer's)."""
    import dataclasses

    from geo.export import fragments

    claim, ties = seeds_claim
    place, link = ties[0]
    moved = dataclasses.replace(place, lat=place.lat + 0.5)
    expected = {(p, lk): _fragments_one_by_one(claim, None, p, lk) for p, lk in [*ties, (moved, link)]}
    calls = []
    real = fragments.place_columns
    monkeypatch.setattr(fragments, "place_columns", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(fragments, "_PLACE_RUNS_MADE", {})
    rendered = fragments.render_claim(claim, None)
    for _ in range(3):
        for p, lk in ties:
            assert fragments.claim_fragments_at(rendered, p, lk) == expected[p, lk]
    assert len(calls) == len(set(ties)) == len(ties) >= 2
    assert fragments.claim_fragments_at(rendered, moved, link) == expected[moved, link] != expected[place, link]
    assert fragments.claim_fragments_at(rendered, place, link) == expected[place, link]
    assert len(calls) == len(ties) + 2


def test_issue_14_the_end_of_a_walk_compares_only_the_groups_a_changed_document_is_in(
        corpus, conflict, resources, private_cache):
    """The conflict test reads the claims of the (place, kind, period) groups a changed document has a
    claim in, not every claim of its places; the contested rows are those of a clean build."""
    for path in conflict.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    with open_records(corpus, resources=resources) as store:
        numbered = store.compared
    assert numbered > 10
    with open_records(corpus, resources=resources) as store:
        assert store.compared == 0  # nothing changed: no claim read
    (corpus / "c.txt").write_text("On November 2, 2024, the governor said 3,000 soldiers were killed near Sudzha.\n",
                                  encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        assert store.compared == 3  # the Sudzha group of November 2: a, b and c, of 100-odd numbered claims
        contested = {p.place_id: store.rivals_at(p.place_id) for p in store.places}
    clean = run_parallel(corpus, resources=resources, use_cache=False)
    from geo.records import MemoryRecords

    memory = MemoryRecords(clean)
    assert contested == {p.place_id: dict(memory.rivals_at(p.place_id)) for p in clean.places}
    assert any(contested.values())
    (corpus / "b.txt").unlink()
    with open_records(corpus, resources=resources) as store:
        assert 0 < store.compared < numbered
        contested = {p.place_id: store.rivals_at(p.place_id) for p in store.places}
    memory = MemoryRecords(run_parallel(corpus, resources=resources, use_cache=False))
    assert contested == {p.place_id: dict(memory.rivals_at(p.place_id)) for p in memory.build.places}


def _one_group_at_many_places(folder: Path, places: list[str]) -> None:
    """One article whose undated killed figures (one conflict group) are each at another place."""
    folder.mkdir()
    lines = [f"The governor said {10 + i} soldiers were killed near {name}." for i, name in enumerate(places)]
    (folder / "a.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def test_issue_14_the_end_of_a_walk_reads_a_group_spread_over_many_places_in_linear_work(
        tmp_path, resources, private_cache, monkeypatch):
    """A group found from its claims at every place read |group| claims per place: quadratic in a
    long article. Counted in SQLite's virtual machine steps, doubling the places about doubles the work."""
    names = ["Sudzha", "Rylsk", "Lgov", "Korenevo", "Glushkovo", "Pogrebki", "Martynovka", "Plekhovo",
             "Guyevo", "Olgovka", "Kurchatov", "Oboyan", "Tetkino", "Zvannoye", "Oleshnya", "Gornal"]
    steps: list[int] = []
    end_walk = geo.store.Store.end_walk

    def counted(store) -> None:
        count = [0]

        def tick() -> int:
            count[0] += 1
            return 0
        store._db.set_progress_handler(tick, 10)
        try:
            end_walk(store)
        finally:
            store._db.set_progress_handler(None, 10)
            steps.append(count[0])
    monkeypatch.setattr(geo.store.Store, "end_walk", counted)
    placed = []
    for n in (8, 16):
        _one_group_at_many_places(tmp_path / f"c{n}", names[:n])
        with open_records(tmp_path / f"c{n}", resources=resources) as store:
            placed.append(len(store.places))
            contested = sum(len(store.rivals_at(p.place_id)) for p in store.places)
        assert contested == 0  # one claimant: nothing contested, but every pair of the group was read
    assert placed[1] >= 1.8 * placed[0] >= 12
    assert steps[1] < 2.6 * steps[0], steps  # quadratic work would be about 4x


def test_issue_14_the_place_rows_and_rivals_of_every_place_are_read_in_a_fixed_number_of_queries(
        corpus, conflict, resources, private_cache):
    """The place rows and the rivals of every place take a few grouped queries.

    The GeoPackage's place rows and the map's rivals: one query per table for the whole
    Store, not one per place or per contested place; what they read is what memory gives.
    """
    from geo.export.rows import place_rows
    from geo.records import MemoryRecords

    for path in conflict.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    for name, figure in (("c.txt", 40), ("d.txt", 900)):  # a second contested place
        text = f"On November 3, 2024, officials said {figure} soldiers were killed near Korenevo.\n"
        (corpus / name).write_text(text, encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        statements: list[str] = []
        store._db.set_trace_callback(statements.append)
        rows = place_rows(store)
        rivals = {p.place_id: store.rivals_at(p.place_id) for p in store.places}
        store._db.set_trace_callback(None)
        build = store.to_build()
    assert len(rows) > 10 and len([r for r in rivals.values() if r]) >= 2
    assert len(statements) == 3, statements  # mentions and claims per place (the places too); contested
    memory = MemoryRecords(build)
    assert rows == place_rows(memory)
    assert rivals == {p.place_id: dict(memory.rivals_at(p.place_id)) for p in build.places}
