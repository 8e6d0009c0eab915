"""Issue 14: the map's page is joined from each document's kept pieces (geo/webmap/page.py).

What a rebuild made is counted (``PieceCache.analysed``: documents whose index entry was
read anew), and every page is compared with one made from nothing (no kept piece).
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from pathlib import Path

import pytest

from geo.parallel import open_records
from geo.webmap import page as page_module
from geo.webmap.page import PieceCache, analyse, encode, encode_claim_numbers, encode_values, page_members
from geo.webmap.payload import decode_digits, doc_entries, encode_digits, encode_members, record_members, split_entry
from tests.test_store import corpus  # noqa: F401 - the seeds and 20 synthetic articles
from tests.webmap_builds import page_index_in_bands

NEW_ARTICLE = "Zelensky said 40 North Korean soldiers were killed near Sudzha on Monday.\n"
#: An article that names a known place and claims nothing: no place changes its count.
MENTION_ARTICLE = "Residents of Sudzha said the weather was cold on Monday.\n"


def _page(store, gazetteer, cache: PieceCache) -> str:
    return "".join(encode_members(page_members(store, gazetteer, cache=cache)))


def _build(corpus: Path, resources, path: Path) -> tuple[str, PieceCache, str]:
    """The page with the pieces kept in ``path``, what it made, and the page made from nothing."""
    with open_records(corpus, resources=resources) as store:
        cache = PieceCache(path)
        page = _page(store, resources.gazetteer, cache)
        return page, cache, _page(store, resources.gazetteer, PieceCache(None))


@pytest.mark.parametrize("name", ["zz_new.txt", "000_first.txt", "m_middle.txt"])
def test_a_rebuild_after_adding_one_article_reads_only_its_entry_and_gives_the_fresh_bytes(
        corpus, tmp_path, resources, private_cache, name):
    path = tmp_path / "pieces.marshal"
    page, first, fresh = _build(corpus, resources, path)
    documents = first.analysed
    assert page == fresh and documents > 10
    page, again, fresh = _build(corpus, resources, path)
    assert page == fresh and again.analysed == 0
    (corpus / name).write_text(NEW_ARTICLE, encoding="utf-8")
    page, added, fresh = _build(corpus, resources, path)
    assert page == fresh and added.analysed == 1
    (corpus / name).unlink()
    page, removed, fresh = _build(corpus, resources, path)
    assert page == fresh and removed.analysed == 0
    assert (removed.kept, PieceCache(path).kept) == (documents + 1, documents)  # the file forgot it


def test_a_damaged_or_foreign_pieces_file_is_an_empty_cache(corpus, tmp_path, resources, private_cache):
    path = tmp_path / "pieces.marshal"
    path.write_bytes(b"\x00not marshal")
    path.chmod(0o600)
    page, cache, fresh = _build(corpus, resources, path)
    assert page == fresh and cache.analysed > 10
    path.chmod(0o666)  # anyone may have written it: not read
    page, cache, fresh = _build(corpus, resources, path)
    assert page == fresh and cache.analysed > 10
    page, cache, fresh = _build(corpus, resources, path)  # replaced by a file of this user's own
    assert page == fresh and cache.analysed == 0
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_foreign_pieces_file_that_cannot_be_replaced_is_never_read(corpus, tmp_path, resources,
                                                                     private_cache, monkeypatch):
    path = tmp_path / "pieces.sqlite"
    _build(corpus, resources, path)
    path.chmod(0o666)  # anyone may have written it
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: (_ for _ in ()).throw(PermissionError(self)))
    page, cache, fresh = _build(corpus, resources, path)
    assert page == fresh and cache.kept == 0 and cache.analysed > 10
    assert oct(path.stat().st_mode & 0o777) == "0o666"  # left as it was, not written either


def test_a_build_that_fails_keeps_the_last_builds_pieces(corpus, tmp_path, resources, private_cache):
    """The rows a build wrote are committed only when its page is complete."""
    path = tmp_path / "pieces.sqlite"
    _, first, _ = _build(corpus, resources, path)
    (corpus / "0.txt").write_text(NEW_ARTICLE, encoding="utf-8")  # first in page order
    with open_records(corpus, resources=resources) as store:
        abandoned = PieceCache(path)
        for name, value in page_members(store, resources.gazetteer, cache=abandoned):
            if name == "docs":
                next(value.items)  # the page is abandoned after its first document, the new one
                break
    assert abandoned.analysed == 1
    assert PieceCache(path).kept == first.analysed  # its row was never committed


def test_the_joined_page_is_payloads_page_index_and_a_document_is_numbered_as_it_says(
        corpus, resources, private_cache, monkeypatch):
    """``payload.record_members`` (``PageIndex``, one claim at a time) is the oracle of the bytes."""
    page_index_in_bands(monkeypatch)
    with open_records(corpus, resources=resources) as store:
        old = "".join(encode_members(record_members(store, resources.gazetteer)))
        new = _page(store, resources.gazetteer, PieceCache(None))
    assert new.replace(new[new.index(',"card_keys"'):new.index(',"places"')], "") == \
        old.replace(',"card_docs":1', "")
    entry = '{"file":"a","claims":[["c1","k","A",' \
        '"killed","5","2024-08-01","2024-08-02","ukraine",null,0,["p","q"]]],"mentions":[],"unresolved":0}'
    doc = analyse(entry)
    assert (doc.strings, doc.places, doc.days) == (("A", "5", "2024-08-01", "2024-08-02", "ukraine"), ("p", "q"), (0, 4))
    assert encode(doc, ((7, 8, 9, 10, 11), (3, -1), False)) == ("O", "Q", "S", "G")


def test_a_documents_columns_by_table_are_its_values_encoded_one_by_one(corpus, resources, private_cache):
    """``encode`` (tokens looked up in a table, issue 14) writes what ``encode_values`` writes, value by value."""
    import random

    rng = random.Random(14)
    with open_records(corpus, resources=resources) as store:
        docs = [analyse(split_entry(entry)[0]) for entry in doc_entries(store, resources.gazetteer)]
    checked = 0
    for doc in docs:
        for _ in range(3):
            numbering = (tuple(rng.sample(range(600), len(doc.strings))),
                         tuple(rng.sample(range(300), len(doc.places))), rng.random() < 0.5)
            assert encode(doc, numbering) == encode_values(doc, numbering)
            checked += doc.claims
    assert checked > 50
    doc = analyse('{"file":"a","claims":[["c1","k","A","killed","5","2024-08-01","2024-08-01","ukraine",null,0,'
                  '["p","q"]],["c2","k","B","killed",null,"2024-08-01","2024-08-01",null,null,0,[]]],'
                  '"mentions":[],"unresolved":0}')
    for numbering in (((7, 8, 9, 10, 11), (3, 40), True), ((7, 8, 9, 10, 11), (3, 40), False),
                      ((0, 1, 2, 3, 4), (600, 1), False)):
        assert encode(doc, numbering) == encode_values(doc, numbering)


def test_a_rebuild_reads_the_kept_pieces_a_batch_at_a_time(corpus, tmp_path, resources, private_cache, monkeypatch):
    """Issue 14: one statement per ``FETCH_BATCH`` documents, not one per document; the same bytes."""
    monkeypatch.setattr(page_module, "FETCH_BATCH", 4)
    path = tmp_path / "pieces.sqlite"
    _, first, _ = _build(corpus, resources, path)
    documents = first.analysed
    (corpus / "000_first.txt").write_text(NEW_ARTICLE, encoding="utf-8")  # first: nothing to resume
    page, added, fresh = _build(corpus, resources, path)
    assert page == fresh and (added.analysed, added.resumed) == (1, 0)
    assert added.queries == -(-(documents + 1) // 4) + 1 < documents  # and one look for the new document's row


@pytest.mark.parametrize(("name", "where"), [("!first.txt", "first"), ("000010a.txt", "middle"),
                                             ("zz_new.txt", "last")])
def test_a_rebuild_resumes_the_last_page_before_the_first_changed_document(
        corpus, tmp_path, resources, private_cache, monkeypatch, name, where):
    """Issue 14: the documents before the first change are not joined again (``PieceCache.resumed``); the same bytes."""
    monkeypatch.setattr(page_module, "MARK_EVERY", 4)
    path = tmp_path / "pieces.sqlite"
    _, first, _ = _build(corpus, resources, path)
    documents = first.analysed
    page, again, fresh = _build(corpus, resources, path)
    assert page == fresh and (again.resumed, again.queries, again.analysed) == (documents, 0, 0)
    (corpus / name).write_text(MENTION_ARTICLE, encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        names = [json.loads(split_entry(entry)[0])["file"] for entry in doc_entries(store, resources.gazetteer)]
    at = names.index(name)  # shown: the page changes there
    assert {"first": at == 0, "middle": 4 <= at < documents - 4, "last": at == documents}[where]
    page, added, fresh = _build(corpus, resources, path)
    assert page == fresh and added.analysed == 1
    assert added.resumed == (documents if at == documents else at // 4 * 4)
    (corpus / name).unlink()
    page, removed, fresh = _build(corpus, resources, path)
    assert page == fresh and (removed.analysed, removed.resumed) == (0, added.resumed)


def test_a_kept_page_of_another_shape_is_not_resumed(corpus, tmp_path, resources, private_cache):
    path = tmp_path / "pieces.sqlite"
    _build(corpus, resources, path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE page SET state = ?", (marshal.dumps(("not", "a", "page")),))
    page, again, fresh = _build(corpus, resources, path)
    assert page == fresh and again.resumed == 0 and again.analysed == 0


@pytest.mark.parametrize("value", [0, -1, 511, 512, -512, -513, 2**19 - 1, 2**19, -(2**19), -(2**19) - 1,
                                   400_000, 2**31 - 1, -(2**31)])
def test_claim_numbers_by_table_are_their_digits_one_by_one(value):
    """Issue 14: a number of 1024 or more zigzagged takes its first two digits from a table, to the same text."""
    assert encode_claim_numbers([value, 7]) == encode_digits([value, 7])
    assert decode_digits(encode_claim_numbers([value])) == [value]


def test_changed_rivalries_are_the_claims_contested_otherwise_on_either_side():
    from geo.webmap.page import _changed_rivalries

    old = {"p": {"c1": "c2", "c2": "c1"}, "q": {"c3": "c4"}}
    assert _changed_rivalries(old, old) == set()
    new = {"p": {"c1": "c2", "c2": "c1", "c9": "c1"}, "q": {"c3": "c5"}}
    assert _changed_rivalries(old, new) == {"c9", "c1", "c3", "c4", "c5"}


def test_a_resumed_document_whose_claims_are_contested_otherwise_is_contested_again(
        corpus, tmp_path, resources, private_cache, monkeypatch):
    """Issue 14: when a claim of a resumed document gets a rival (as an added article's figure gives
    one to earlier claims), its document is contested again; the page is the one made from nothing."""
    monkeypatch.setattr(page_module, "MARK_EVERY", 4)
    path = tmp_path / "pieces.sqlite"
    before, first, _ = _build(corpus, resources, path)
    documents = first.analysed
    with open_records(corpus, resources=resources) as store:
        place, claims = next((p.place_id, ids) for p in store.places
                             if len(ids := [c.claim_id for c, _ in store.claims_at(p.place_id)]) >= 2)
    init = page_module._Page.__init__

    def with_a_new_rival(self, records, gazetteer, cache) -> None:
        init(self, records, gazetteer, cache)
        self._rivals = {**self._rivals, place: {**self._rivals.get(place, {}), claims[0]: claims[1]}}
        self._rival_ids = self._rival_ids | {claims[1]}
        self._wanted = self._wanted | {claims[0], claims[1]}

    monkeypatch.setattr(page_module._Page, "__init__", with_a_new_rival)
    page, again, fresh = _build(corpus, resources, path)
    assert page == fresh != before
    assert again.resumed == documents and 0 < again.contested_again <= 2
