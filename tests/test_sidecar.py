"""Tests of geo.sidecar and of reading a corpus with sidecars (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.corpus import RawFile, iter_raw, read_document
from geo.model import Document, Skip, Source
from geo.sidecar import Sidecar, SidecarError, apply_sidecar, parse_sidecar, sidecar_source

ARTICLE = "Drones hit a depot near Lgov\n\nThe governor said two people were wounded on Tuesday.\n"
GOOD = {"url": "https://example.org/news/184233", "title": "A headline the saver typed",
        "outlet": "Example Wire", "published": "2025-03-04"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"{not json", "bad sidecar: not a JSON object", id="broken JSON"),
        pytest.param(b"\xff\xfe\x00", "bad sidecar: not a JSON object (not UTF-8)", id="not UTF-8"),
        pytest.param(b'["https://example.org"]', "bad sidecar: expected a JSON object, got list", id="array"),
        pytest.param(b'{"titel": "x"}', "bad sidecar: unknown key 'titel'", id="typo in a key"),
        pytest.param(b'{"title": 5}', "bad sidecar: 'title' must be a string, got int", id="number"),
        pytest.param(b'{"url": "example.org/a"}', "bad sidecar: 'url' must be an http(s) address", id="no scheme"),
        pytest.param(b'{"published": "4 March 2025"}', "bad sidecar: 'published' must be a date YYYY-MM-DD",
                     id="date as prose"),
        pytest.param(b'{"published": "2025-02-30"}', "bad sidecar: 'published' must be a date YYYY-MM-DD",
                     id="impossible date"),
    ],
)
def test_a_bad_sidecar_is_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(SidecarError) as caught:
        parse_sidecar(data)
    assert str(caught.value).startswith(reason)
    assert "\n" not in str(caught.value)


def test_a_good_sidecar_keeps_every_field_and_tidies_space() -> None:
    data = json.dumps({**GOOD, "title": "  A headline\nthe saver typed "}).encode()
    assert parse_sidecar(data) == Sidecar(**GOOD)
    assert parse_sidecar(b'{"outlet": null, "title": ""}') == Sidecar()


def test_the_sidecar_wins_over_the_text_and_its_address_fills_gaps() -> None:
    read = Source(source="a.txt", sha256="0" * 64, title="From the text", publisher="Text Outlet",
                  published="2025-01-01")
    assert apply_sidecar(read, Sidecar(**GOOD)) == Source(
        source="a.txt", sha256="0" * 64, title=GOOD["title"], publisher="Example Wire",
        published="2025-03-04", url=GOOD["url"])
    bare = Source(source="a.txt", sha256="0" * 64)
    filled = apply_sidecar(bare, Sidecar(url="https://www.example.org/2024/08/14/story"))
    assert (filled.publisher, filled.published) == ("example.org", "2024-08-14")


@pytest.mark.parametrize(
    ("article", "sidecar"),
    [("a.txt", "a.meta.json"), ("news/b.md", "news/b.meta.json"), ("c.html", "c.meta.json")],
)
def test_sidecar_source(article: str, sidecar: str) -> None:
    assert sidecar_source(article) == sidecar


def _read(root: Path) -> dict[str, RawFile | Skip]:
    return {item.source: item for item in iter_raw(root) if isinstance(item, RawFile | Skip)}


def test_a_corpus_reads_the_sidecar_beside_its_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    items = _read(tmp_path)
    assert sorted(items) == ["a.txt", "b.txt"]  # a good sidecar is no skip
    doc = items["a.txt"].decode() if isinstance(items["a.txt"], RawFile) else None
    assert isinstance(doc, Document)
    assert (doc.meta.url, doc.meta.title, doc.meta.publisher, doc.meta.published) == (
        GOOD["url"], GOOD["title"], GOOD["outlet"], GOOD["published"])
    other = items["b.txt"].decode() if isinstance(items["b.txt"], RawFile) else None
    assert isinstance(other, Document)
    assert other.meta.url is None


def test_a_bad_sidecar_is_skipped_and_its_article_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    items = _read(tmp_path)
    skip = items["a.meta.json"]
    assert isinstance(skip, Skip)
    assert skip.reason.startswith("bad sidecar: 'published' must be a date")
    raw = items["a.txt"]
    assert isinstance(raw, RawFile)
    doc = raw.decode()
    assert isinstance(doc, Document)
    assert doc.meta.published is None


def test_editing_the_sidecar_changes_the_article_stamp(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(GOOD), encoding="utf-8")
    before = _read(tmp_path)["a.txt"]
    (tmp_path / "a.meta.json").write_text(json.dumps({**GOOD, "published": "2025-03-05"}), encoding="utf-8")
    after = _read(tmp_path)["a.txt"]
    assert isinstance(before, RawFile)
    assert isinstance(after, RawFile)
    assert before.stamp != after.stamp


def test_read_document_reads_the_sidecar_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "Example Wire"}), encoding="utf-8")
    doc = read_document(tmp_path / "a.txt", "a.txt")
    assert isinstance(doc, Document)
    assert doc.meta.publisher == "Example Wire"


def test_a_sidecar_without_its_article_is_skipped_as_before(tmp_path: Path) -> None:
    (tmp_path / "lonely.meta.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    skip = _read(tmp_path)["lonely.meta.json"]
    assert isinstance(skip, Skip)
    assert "not a text or HTML file" in skip.reason


def test_iter_corpus_treats_sidecars_as_iter_raw_does(tmp_path: Path) -> None:
    from geo.corpus import iter_corpus

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text("{", encoding="utf-8")
    items = {item.source: item for item in iter_corpus(tmp_path)}
    assert sorted(items) == ["a.txt", "b.meta.json", "b.txt"]
    first = items["a.txt"]
    assert isinstance(first, Document)
    assert first.meta.published == GOOD["published"]
    assert isinstance(items["b.meta.json"], Skip)
    assert isinstance(items["b.txt"], Document)
