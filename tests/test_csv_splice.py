"""Issue 14: the CSV spliced by documents (geo/export/csv.py ``_spliced_records``).

The CSV is in document order, so each document's records are a block of its index: a
rebuild copies every unchanged document whole and lists from the Store only the records
of documents stored since, or with a record whose contested flag turned. These tests
count the documents copied whole and the records rendered, and compare every output
with a fresh build.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pytest

import geo.outputs
from geo.export import stored_units as units
from geo.parallel import open_records
from tests.test_incremental import NEW_ARTICLE, _fresh, _rebuilt, _rows, _spliced
from tests.test_store import corpus  # noqa: F401 - the seeds and 20 synthetic articles

pytestmark = pytest.mark.skipif(geo.outputs._libc_renameat2() is None, reason="needs Linux renameat2")

#: Two claims of one day, kind and place whose figures disagree: the second turns the first contested.
FIRST = "12 февраля 2025\n\nОколо 3000 военных погибли под Суджей, сообщил Минобороны России.\n"
RIVAL = "12 февраля 2025\n\nОколо 30 военных погибли под Суджей, сообщил Зеленский.\n"


def _documents(out: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Each CSV record's (claim, place, link): its document and its contested cell."""
    rows = csv.DictReader(io.StringIO((out / "claims.csv").read_text(encoding="utf-8"), newline=""))
    return {(row["claim_id"], row["place_id"], row["link"]): (row["source_article"], row["contested"])
            for row in rows}


def _turned(before: dict, after: dict) -> set[str]:
    """The documents, in both builds, with a record whose contested cell differs."""
    return {after[key][0] for key in before.keys() & after.keys() if before[key][1] != after[key][1]}


def test_the_records_of_each_document_in_name_order_are_the_csv_order(corpus, tmp_path, resources, private_cache,
                                                                       monkeypatch):
    """The blocks cut the full listing by each document's count: both must follow one order."""
    (corpus / "m_quiet.txt").write_text("A quiet day in Sudzha, the mayor said.\n", encoding="utf-8")
    with open_records(corpus, resources=resources) as store:
        contested = units.contested_links(store)
        listed = units.csv_units(store, contested)
        docs = units.docs_by_source(store).tolist()
        runs = [units.csv_units_of_doc(store, doc, contested) for doc in docs]
        counts = units.csv_counts_by_doc(store)
    assert len(listed[0]) > 20 and 1 < len(counts) == len(docs) - 1  # the quiet one has no records
    assert np.concatenate([keys for keys, _ in runs]).tolist() == listed[0].tolist()
    assert [len(keys) for keys, _ in runs] == [counts.get(doc, 0) for doc in docs]
    assert bool((listed[0] & 4).any())  # contested records are marked in both


@pytest.mark.parametrize("name", ["0_new.txt", "m_new.txt", "zz_new.txt"])
def test_adding_one_article_copies_every_other_document_whole(corpus, tmp_path, resources, private_cache,
                                                             monkeypatch, name):
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    before = _documents(out)
    made = _spliced(monkeypatch)
    (corpus / name).write_text(NEW_ARTICLE * 3, encoding="utf-8")
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    after = _documents(out)
    counts, turned = made[0].spliced["claims.csv"], _turned(before, after)
    documents = {document for document, _ in before.values()}
    assert len(documents) > 10
    assert counts.blocks_copied == len(documents - turned)
    # the new article's records and those whose flag turned; nothing else is listed or looked up
    new = len(after) - len(before)
    flipped = sum(before[key][1] != after[key][1] for key in before)
    assert new > 0 and counts.rendered_units == new + flipped
    assert counts.copied_units + counts.rendered_units == _rows(out)
    assert counts.plans == 1 + len(turned)  # the new document's block, and each turned one's


def test_a_new_rival_renders_the_documents_whose_records_turn_contested(corpus, tmp_path, resources, private_cache,
                                                                        monkeypatch):
    out = tmp_path / "maps"
    (corpus / "zz_first.txt").write_text(FIRST, encoding="utf-8")
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    before = _documents(out)
    made = _spliced(monkeypatch)
    (corpus / "zz_rival.txt").write_text(RIVAL, encoding="utf-8")
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    after, counts = _documents(out), made[0].spliced["claims.csv"]
    turned = _turned(before, after)
    assert turned == {"zz_first.txt"}  # the scenario must turn some: else it tests nothing
    assert counts.blocks_copied == len({document for document, _ in before.values()} - turned)
    # the turned documents' other records are found in the old file and copied
    assert counts.rendered_units == len(after) - len(before) + sum(before[k][1] != after[k][1] for k in before)
    (corpus / "zz_rival.txt").unlink()  # and back: the flags turn again
    made.clear()
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    assert made[0].spliced["claims.csv"].rendered_units == sum(before[k][1] != after[k][1] for k in before)


def test_removing_an_article_renders_nothing_that_did_not_turn(corpus, tmp_path, resources, private_cache,
                                                              monkeypatch):
    out = tmp_path / "maps"
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    before = _documents(out)
    gone = sorted({document for document, _ in before.values()})[3]
    made = _spliced(monkeypatch)
    (corpus / gone).unlink()
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    after, counts = _documents(out), made[0].spliced["claims.csv"]
    assert gone not in {document for document, _ in after.values()}
    turned = _turned(before, after)
    assert counts.blocks_copied == len({document for document, _ in after.values()} - turned)
    assert counts.rendered_units == sum(before[k][1] != after[k][1] for k in before.keys() & after.keys())


def test_blocks_not_named_by_documents_write_the_csv_whole(corpus, tmp_path, resources, private_cache, monkeypatch):
    """An index of this basis whose blocks are not documents' (forged, or another writer's): no block is trusted."""
    out = tmp_path / "maps"
    (corpus / "zz_first.txt").write_text(FIRST, encoding="utf-8")
    _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    index = out / ".geo-index-claims.csv"
    stat, data = index.stat(), bytearray(index.read_bytes())
    at = data.index(b'"blocks": ["') + len(b'"blocks": ["')
    data[at: at + 1] = b"x"  # the first block's name: "x..." is no document's
    with index.open("r+b") as fh:  # in place, its size and time kept: the manifest still trusts it
        fh.write(data)
    os.utime(index, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (corpus / "zz_rival.txt").write_text(RIVAL, encoding="utf-8")
    made = _spliced(monkeypatch)
    files, _ = _rebuilt(resources, corpus, out, private_cache, monkeypatch)
    assert files == _fresh(resources, corpus, tmp_path, monkeypatch)
    counts = made[0].spliced["claims.csv"]
    assert counts.blocks_copied == 0 and counts.copied_units > 0  # listed whole, found unit by unit
