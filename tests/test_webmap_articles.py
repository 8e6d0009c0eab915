"""Issue 14: the reader's shards are made from texts kept beside the Store (geo/webmap/articles.py).

What a build read from the corpus is counted (``TextCache.read``), and every shard is
compared with one made from the files alone (``TextCache(None)``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from geo.webmap.articles import PER_SHARD, Article, TextCache, write_articles


def _corpus(root: Path, n: int) -> list[Article]:
    """``n`` small articles in ``root``, each with the sha256 of its bytes, in page order."""
    root.mkdir(exist_ok=True)
    articles = []
    for i in range(n):
        path = root / f"{i:03d}.txt"
        if not path.exists():
            path.write_text(f"Article {i}: fighting near Sudzha </script> on day {i}.\n", encoding="utf-8")
        articles.append(Article(source=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest()))
    return articles


def _write(articles: list[Article], root: Path, out: Path, kept: Path | None) -> tuple[dict[str, bytes], TextCache]:
    """Every shard's bytes, and the cache the texts came through."""
    texts = TextCache(kept)
    write_articles(articles, root, out, texts=texts)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}, texts


def _fresh(articles: list[Article], root: Path, out: Path) -> dict[str, bytes]:
    return _write(articles, root, out, None)[0]


def test_a_rebuild_reads_only_the_texts_it_does_not_keep_and_writes_the_fresh_bytes(tmp_path, private_cache):
    root, kept = tmp_path / "corpus", private_cache / "texts.sqlite"
    articles = _corpus(root, PER_SHARD)
    shards, first = _write(articles, root, tmp_path / "a", kept)
    assert (first.read, first.kept) == (PER_SHARD, 0)
    assert shards == _fresh(articles, root, tmp_path / "fresh")
    # one more article: the shards are dealt anew (2 instead of 1), and only its text is read
    articles = _corpus(root, PER_SHARD + 1)
    shards, added = _write(articles, root, tmp_path / "b", kept)
    assert (added.read, added.kept, len(shards)) == (1, PER_SHARD, 2)
    assert shards == _fresh(articles, root, tmp_path / "fresh2")
    # an edited article (another sha256) is read again
    (root / "005.txt").write_text("Edited: Sudzha.\n", encoding="utf-8")
    articles = _corpus(root, PER_SHARD + 1)
    shards, edited = _write(articles, root, tmp_path / "c", kept)
    assert (edited.read, edited.kept) == (1, PER_SHARD)
    assert shards == _fresh(articles, root, tmp_path / "fresh3")


def test_the_texts_of_articles_no_longer_shown_are_dropped(tmp_path, private_cache):
    root, kept = tmp_path / "corpus", private_cache / "texts.sqlite"
    articles = _corpus(root, 10)
    _write(articles, root, tmp_path / "a", kept)
    (root / "010.txt").write_text("New: Sudzha.\n", encoding="utf-8")
    _write(_corpus(root, 11)[1:], root, tmp_path / "b", kept)  # one read, 000 left out
    _, again = _write(articles[:1], root, tmp_path / "c", kept)
    assert (again.read, again.kept) == (1, 0)  # 000's text was dropped with it


def test_a_foreign_or_damaged_texts_file_is_never_read(tmp_path, private_cache):
    root, kept = tmp_path / "corpus", private_cache / "texts.sqlite"
    articles = _corpus(root, 5)
    _write(articles, root, tmp_path / "a", kept)
    kept.chmod(0o666)  # anyone may have written it
    shards, texts = _write(articles, root, tmp_path / "b", kept)
    assert (texts.read, texts.kept) == (5, 0) and shards == _fresh(articles, root, tmp_path / "fresh")
    kept.write_bytes(b"\x00not sqlite")
    kept.chmod(0o600)
    shards, texts = _write(articles, root, tmp_path / "c", kept)
    assert (texts.read, texts.kept) == (5, 0) and shards == _fresh(articles, root, tmp_path / "fresh2")


@pytest.mark.parametrize("missing", ["gone", "changed"])
def test_a_text_that_cannot_be_read_is_left_out_and_not_kept(tmp_path, private_cache, missing):
    root, kept = tmp_path / "corpus", private_cache / "texts.sqlite"
    articles = _corpus(root, 3)
    if missing == "gone":
        (root / "001.txt").unlink()
    else:
        (root / "001.txt").write_text("Not the bytes the records were made of.\n", encoding="utf-8")
    shards, texts = _write(articles, root, tmp_path / "a", kept)
    assert texts.read == 3 and "001.txt" not in next(iter(shards.values())).decode()
    _, again = _write(articles, root, tmp_path / "b", kept)
    assert (again.read, again.kept) == (1, 2)  # tried again, never taken from the file
