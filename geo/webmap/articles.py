"""The map's reader view: each shown article's full text, in small script shards beside the map.

Why shards, and why scripts: the map must open fast with 10,000 articles (issue 14), so
texts are never inlined into ``index.html``; and a page opened from ``file://`` may not
``fetch`` a neighbouring file, but it may load one by ``<script src>``. So the texts of
the articles the map shows (those with a claim or a mention: exactly the ``docs`` of
the page, in the same order) are written as ``articles/NN.js``, each a single call
``geoArticles({"source": "text", ...})``. ``map.js`` loads the one shard it needs when
"read the article" is clicked.

The shard of an article is :func:`shard_of` its source name: FNV-1a (32 bit) over the
name's UTF-16 code units, modulo :func:`shard_count` of the number of shown articles.
``map.js`` computes the same two numbers from the page's own data, so the page carries
nothing new and its size does not change.

Where the text comes from: the Store keeps no text, only each article's sha256. The
file is read again from the corpus folder and decoded as the build decoded it
(``corpus.document_from_bytes``), so every offset of a claim indexes it. A file that is
gone or whose sha256 differs is left out of its shard: the card says so. Each text read
is kept beside the Store under the article's name and sha256 (:class:`TextCache`), so
that a later build reads only the articles that are new or changed.

Every character of an article is escaped by ``payload.script_json`` (``<``, ``>``, ``&``,
U+2028, U+2029, lone surrogates), so no text can end the script or break a parser; the
page inserts it with ``textContent`` only.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from geo._cache import cached, content_key, source_hash
from geo.corpus import HTML_SUFFIXES, document_from_bytes
from geo.model import Build, Document
from geo.records import Records, as_records
from geo.webmap.kept import companion_of, open_kept
from geo.webmap.payload import script_json

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer
    from geo.manifest import Manifest

__all__ = ["ARTICLES_DIR", "PER_SHARD", "Article", "TextCache", "map_articles", "shard_count", "shard_name",
           "shard_of", "shard_script", "write_articles", "write_map_articles"]

#: The folder beside ``index.html`` that holds the shards.
ARTICLES_DIR = "articles"
#: Articles a shard holds on average: one click loads about this much text (~300 KB).
PER_SHARD = 64
#: The function each shard calls; ``map.js`` defines it.
REGISTER = "geoArticles"

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One shown article, as the records know it.

    source  its path relative to the corpus root (the page's ``file``)
    sha256  the digest of the bytes it was extracted from
    """

    source: str
    sha256: str


def shard_count(n_articles: int) -> int:
    """How many shards ``n_articles`` go into: one per ``PER_SHARD``, at least one.

    >>> shard_count(0), shard_count(64), shard_count(65)
    (1, 1, 2)
    """
    return max(1, -(-n_articles // PER_SHARD))


def shard_of(source: str, n_shards: int) -> int:
    """The shard of an article: FNV-1a over the UTF-16 code units of its name (as ``map.js``).

    UTF-16 units, not UTF-8 bytes, because a JavaScript string is made of them, and a
    file name that is not valid UTF-8 (kept with lone surrogates) hashes the same on
    both sides.

    >>> shard_of("a.txt", 1)
    0
    """
    units = source.encode("utf-16-le", "surrogatepass")
    value = _FNV_OFFSET
    for i in range(0, len(units), 2):
        value ^= units[i] | units[i + 1] << 8
        value = (value * _FNV_PRIME) & 0xFFFFFFFF
    return value % n_shards


def shard_name(index: int) -> str:
    """The file name of shard ``index`` (``07.js``); ``map.js`` pads the same way."""
    return f"{index:02d}.js"


def shard_script(texts: dict[str, str]) -> str:
    r"""A shard's whole text: one registration call with {source: text}, sorted by source.

    >>> shard_script({"b.txt": "</script>"})
    'geoArticles({"b.txt":"\\u003c/script\\u003e"});\n'
    """
    return f"{REGISTER}({script_json(dict(sorted(texts.items())))});\n"


def _path_of(root: Path, source: str) -> Path:
    """The file of ``source``: below the corpus folder, or the corpus itself when it is one file."""
    return root if root.is_file() and root.name == source else root / source


def read_text(root: Path, article: Article) -> str | None:
    """The decoded text of one article, or None when its file is gone, changed or unreadable."""
    path = _path_of(root, article.source)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != article.sha256:
        return None
    doc = document_from_bytes(data, article.source,
                              is_html=Path(article.source).suffix.lower() in HTML_SUFFIXES)
    return doc.text if isinstance(doc, Document) else None


@runtime_checkable
class _ShownArticles(Protocol):
    """Records that name the map's documents and digests without reading their entries (the Store)."""

    def shown_articles(self) -> Iterator[tuple[str, str]]:
        """(source, sha256) of each document the page shows, in page order."""
        ...


class _Incomplete(Exception):
    """A shard some of whose texts could not be read: used, but never cached."""

    def __init__(self, shard: tuple[str, int]) -> None:
        super().__init__("a shard with a text left out")
        self.shard = shard


class TextCache:
    """The decoded texts of a corpus's articles, kept beside its Store between builds.

    Why (issue 14): a shard holds about 64 articles, and after adding one article its
    shard was made again by reading and decoding all 64 from the corpus folder (about
    0.1 s CPU, 1.6 ms an article); and whenever the number of shown articles crosses a
    multiple of ``PER_SHARD`` (one added article in 64), every article moves to another
    shard, and all of them were read again (16 s CPU at 10,000). A text is a function of the article's name and bytes (its sha256)
    and of this code (the file's name is keyed by ``_code_version``), so it is read from
    the corpus once and kept under its name with its sha256: an article whose sha256
    differs is read again. ``read`` counts the texts read from the corpus, ``kept`` those
    taken from the file (what the tests assert). ``save`` commits, and drops the texts of
    articles no longer shown; a build that fails is rolled back. ``TextCache(None)`` keeps
    nothing: every text is read.
    """

    def __init__(self, path: Path | None) -> None:
        self.read = 0
        self.kept = 0
        self._db = open_kept(path, "CREATE TABLE IF NOT EXISTS texts "
                                   "(source BLOB PRIMARY KEY, sha256 TEXT NOT NULL, text TEXT NOT NULL)")

    @property
    def is_kept(self) -> bool:
        """Whether texts are kept in a file (else each is read, and whole shards are cached)."""
        return self._db is not None

    def text(self, root: Path, article: Article) -> str | None:
        """The text of ``article``: kept, or read below ``root`` (and kept); None as ``read_text``."""
        source = article.source.encode("utf-8", "surrogatepass")
        row = self._query("SELECT sha256, text FROM texts WHERE source = ?", (source,))
        if row is not None and row[0] == article.sha256:
            self.kept += 1
            return str(row[1])
        self.read += 1
        text = read_text(root, article)
        if text is not None:
            self._query("INSERT OR REPLACE INTO texts VALUES (?, ?, ?)", (source, article.sha256, text))
        return text

    def _query(self, sql: str, params: tuple[object, ...]) -> tuple[object, ...] | None:
        """One statement's first row; None when there is none, or no usable file."""
        if self._db is None:
            return None
        try:
            return self._db.execute(sql, params).fetchone()  # type: ignore[no-any-return]
        except (sqlite3.Error, ValueError):  # ValueError: a text SQLite cannot hold (a lone surrogate)
            return None

    def save(self, articles: Iterable[Article]) -> None:
        """Commit, keeping the texts of ``articles`` only (the page's), when a text was read."""
        db, self._db = self._db, None
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error), contextlib.closing(db):
            if self.read:
                db.execute("CREATE TEMP TABLE shown (source BLOB PRIMARY KEY) WITHOUT ROWID")
                db.executemany("INSERT OR IGNORE INTO temp.shown VALUES (?)",
                               ((a.source.encode("utf-8", "surrogatepass"),) for a in articles))
                db.execute("DELETE FROM texts WHERE source NOT IN (SELECT source FROM temp.shown)")
            db.execute("COMMIT")


def _render_shard(members: list[Article], root: Path, texts_of: TextCache) -> tuple[str, int]:
    """Make the members' shard of their texts; raise ``_Incomplete`` when one is left out."""
    texts = {a.source: text for a in members if (text := texts_of.text(root, a)) is not None}
    shard = shard_script(texts), len(texts)
    if len(texts) < len(members):
        raise _Incomplete(shard)
    return shard


def _shard_key(members: list[Article], root: Path | None) -> str:
    """What a shard's bytes are a function of: this code, its members' names and bytes, a root or none."""
    return content_key(_code_version(), root is not None,
                       [(a.source.encode("utf-8", "surrogatepass").hex(), a.sha256) for a in members])


def _shard(members: list[Article], root: Path | None, texts: TextCache) -> tuple[str, int]:
    """One shard's text and how many texts it holds; cached, keyed by its members' bytes.

    Re-reading and decoding costs about 2 ms an article: 20 s for 10,000, on every
    build, where a rebuild after one new article must take under 2 s (issue 7). A
    shard is a pure function of its members' names and bytes (their sha256) and of
    this code, so it is cached under those: a rebuild re-reads only the shards whose
    members changed. A shard with a text left out is not cached, so that the text
    comes back once its file does. With texts kept beside the Store (``TextCache``), a
    shard is made from them instead, at the cost of escaping them (a cached shard
    would be a copy of them written again for every set of members).
    """
    if root is None or not members:
        return shard_script({}), 0
    try:
        if texts.is_kept:
            return _render_shard(members, root, texts)
        return cached("webmap-articles", _shard_key(members, root), lambda: _render_shard(members, root, texts))
    except _Incomplete as incomplete:
        return incomplete.shard


@functools.cache
def _code_version() -> str:
    """The code a shard's bytes follow from: this module, the decoding the texts go through
    (corpus, its chrome and metadata readers), the escaping (``payload.script_json``), and
    the interpreter (``html.parser`` and ``unicodedata`` are its)."""
    from geo import chrome, corpus, meta
    from geo.webmap import payload

    return content_key(source_hash(sys.modules[__name__], corpus, chrome, meta, payload), sys.version)


def shown_sources(doc_entries: Iterable[str]) -> Iterator[str]:
    """The ``file`` of each pre-rendered ``docs`` entry of the page, in page order.

    Each entry starts with its ``file`` member (``payload._source_entry``), so only that
    string is decoded, not the whole entry.
    """
    decoder = json.JSONDecoder()
    head = '{"file":'
    for entry in doc_entries:
        if not entry.startswith(head):
            msg = f"a map entry does not start with its file: {entry[:40]!r}"
            raise ValueError(msg)
        yield decoder.raw_decode(entry, len(head))[0]


def write_articles(articles: Iterable[Article], root: Path | None, folder: Path, *,
                   manifest: Manifest | None = None, texts: TextCache | None = None) -> int:
    """Write every shard of ``articles`` into ``folder`` (emptied first); the number of texts written.

    ``articles`` are the page's ``docs``, in page order: their number decides the number
    of shards, as ``map.js`` counts them. Every shard is written, even an empty one, so
    that a missing shard file means the folder did not travel with the page.

    With a ``manifest`` (``geo.build``'s staging folder, ``folder`` inside it), a shard
    whose members are those of the published one is linked, not read or written: after
    adding one article, one shard is written (issue 14). A shard with a text left out
    has no key and is always written. Linked shards count as written texts. The texts of
    the shards made come from ``texts`` (kept ones, else read; saved once all are written).
    """
    articles = list(articles)
    texts = texts or TextCache(None)
    n_shards = shard_count(len(articles))
    members: dict[int, list[Article]] = {i: [] for i in range(n_shards)}
    for article in articles:
        members[shard_of(article.source, n_shards)].append(article)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = 0
    for index, shard in members.items():
        ordered = sorted(shard, key=lambda a: a.source)
        name = f"{folder.name}/{shard_name(index)}"
        key = _shard_key(ordered, root) if manifest is not None else None
        if manifest is not None and manifest.link(name, key):
            written += len(ordered)
            continue
        script, n_texts = _shard(ordered, root, texts)
        (folder / shard_name(index)).write_text(script, encoding="utf-8", newline="\n")
        written += n_texts
        if manifest is not None:
            manifest.wrote(name, key if n_texts == len(ordered) else None)
    texts.save(articles)
    return written


def map_articles(data: Build | Records, gazetteer: Gazetteer) -> list[Article]:
    """The articles the page shows (its ``docs``), in page order, each with its sha256."""
    from geo.webmap.payload import doc_entries

    records = as_records(data)
    if isinstance(records, _ShownArticles):
        return [Article(source=name, sha256=sha256 or "") for name, sha256 in records.shown_articles()]
    digests = {source.source: source.sha256 for source in records.iter_sources()}
    return [Article(source=name, sha256=digests.get(name, ""))
            for name in shown_sources(doc_entries(records, gazetteer))]


def write_map_articles(data: Build | Records, gazetteer: Gazetteer, folder: Path, *,
                       root: Path | None, manifest: Manifest | None = None) -> int:
    """Write the shards of the map of ``data`` into ``folder``, texts read below ``root``.

    Without a ``root`` (records made in memory, not read from a folder) every shard is
    written empty, and each card says that the text is not beside the map. ``manifest``:
    as ``write_articles``. The texts of a Store's articles are kept beside it (``TextCache``).
    """
    records = as_records(data)
    texts = TextCache(companion_of(records, "texts", _code_version()) if root is not None else None)
    return write_articles(map_articles(records, gazetteer), root, Path(folder), manifest=manifest, texts=texts)
