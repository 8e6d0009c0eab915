"""Issue 13, trust under attack: each break of the audit, pinned by a test that failed before the fix.

One file never sinks the build; the cache and the Store cannot lie or run code; a kill
leaves nothing behind; inputs and outputs stay where they belong. Texts are written for
these tests, in English and Russian.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo import corpus
from geo.corpus import document_from_bytes, iter_corpus
from geo.model import Document, Skip
from geo.settings import Settings
from tests.conftest import ROOT
from tests.test_corpus import assert_skip

RUSSIAN = ("Минобороны России заявило, что под Суджей Курской области уничтожено до 120 "
           "военнослужащих ВСУ. Бои у Плехово продолжаются.\n")
ENGLISH = "Ukraine's General Staff said on Monday that Russia lost up to 200 soldiers near Sudzha.\n"


def geo(*args: str, cwd: Path = ROOT, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                          cwd=cwd, check=False, **kwargs)  # type: ignore[call-overload]


def nested_json_ld(depth: int) -> bytes:
    """A small saved page whose JSON-LD nests ``depth`` arrays deep (the parser's stack runs out)."""
    blob = "[" * depth + "]" * depth
    return (f'<html><head><script type="application/ld+json">{blob}</script></head>'
            f"<body><p>{ENGLISH}</p></body></html>").encode()


# --- one file never sinks the build ------------------------------------------------------


def test_issue_13_deep_folder_tree_is_walked_without_recursion(tmp_path):
    folder = tmp_path
    for _ in range(490):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "top.txt").write_text(ENGLISH, encoding="utf-8")
    records = list(iter_corpus(tmp_path))
    assert [r.source for r in records] == ["d/" * 490 + "deep.txt", "top.txt"]
    assert all(isinstance(r, Document) for r in records)


def test_issue_13_json_ld_nested_1000_deep_still_reads_the_page():
    doc = document_from_bytes(nested_json_ld(1000), "deep.html", is_html=True)
    assert isinstance(doc, Document)
    assert "Sudzha" in doc.text


def test_issue_13_any_exception_while_decoding_is_a_skip(monkeypatch):
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(corpus, "_html_document", broken)
    skip = assert_skip(document_from_bytes(b"<html><body><p>x</p></body></html>", "a.html", is_html=True),
                       source="a.html", reason="nested too deeply")
    assert skip.reason.startswith("cannot read the file")


def test_issue_13_any_exception_while_extracting_is_a_skip(tmp_path, monkeypatch, resources):
    from geo import parallel

    (tmp_path / "bad.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    real = parallel.process_document

    def fragile(doc, res):
        if doc.source == "bad.txt":
            raise KeyError("boom")
        return real(doc, res)

    monkeypatch.setattr(parallel, "process_document", fragile)
    build = parallel.run_parallel(tmp_path, resources=resources, use_cache=False)
    assert [s.source for s in build.sources] == ["good.txt"]
    [skip] = build.skips
    assert_skip(skip, source="bad.txt", reason="cannot extract the file: unexpected failure (key")


def test_issue_13_build_goes_on_past_a_hostile_page_and_a_deep_tree(tmp_path):
    corpus_dir = tmp_path / "corpus"
    deep = corpus_dir
    for _ in range(490):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(RUSSIAN, encoding="utf-8")
    (corpus_dir / "hostile.html").write_bytes(nested_json_ld(1000))
    (corpus_dir / "plain.txt").write_text(ENGLISH, encoding="utf-8")
    result = geo("build", str(corpus_dir), "--out", str(tmp_path / "maps"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == [
        "claims.csv", "index.html", "places.geojson", "places.gpkg"]
    sources = {s["file"] for s in json.loads((tmp_path / "maps" / "places.geojson").read_text())["sources"]}
    assert {"hostile.html", "plain.txt", "d/" * 490 + "deep.txt"} <= sources


@pytest.mark.parametrize(
    ("text", "damage", "replaced"),
    [
        pytest.param(RUSSIAN * 3, b"\xff", 1, id="ru one bad byte"),
        pytest.param(RUSSIAN * 3, b"\xd0", 1, id="ru cut multi-byte character"),
        pytest.param("Сили оборони України повідомили про бої біля Суджі.\n" * 3, b"\xfe\xfe", 2,
                     id="uk two bad bytes"),
    ],
)
def test_issue_13_mostly_utf8_is_read_as_utf8_and_counts_the_replaced_bytes(text, damage, replaced):
    data = text.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    doc = document_from_bytes(data[:middle] + damage + data[middle:], "news.txt")
    assert isinstance(doc, Document)
    assert doc.text.replace("\ufffd", "") == text
    assert doc.text.count("\ufffd") == replaced
    assert doc.meta.encoding == f"utf-8 ({replaced} byte{'s' if replaced > 1 else ''} replaced)"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_issue_13_legacy_cyrillic_is_still_not_read_as_utf8(codec):
    doc = document_from_bytes(RUSSIAN.encode(codec), "news.txt")
    assert isinstance(doc, Document)
    assert doc.text == RUSSIAN


def test_issue_13_text_over_the_budget_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "dump.txt").write_text(ENGLISH * 100, encoding="utf-8")
    [record] = iter_corpus(tmp_path, settings=Settings(max_text_chars=1000))
    assert_skip(record, source="dump.txt", reason="over the text budget")
    [record] = iter_corpus(tmp_path, settings=Settings(max_text_chars=100 * len(ENGLISH)))
    assert isinstance(record, Document)
