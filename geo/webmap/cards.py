"""The map's cards: each shown document's quotes, contexts and source, in shards beside the page.

Why (issues 12 and 14): the page of 10,000 realistic articles carried 110 MB of text
that no first paint needs; it now carries a compact index (``payload.PageIndex``) and
``map.js`` loads a document's card when a popup, a panel or the reader needs it.
A page opened from ``file://`` may not ``fetch`` a neighbouring file, but it may add a
``<script src>`` (as the reader's ``articles/NN.js``, ``geo.webmap.articles``): so the
cards are written as ``cards/KEY.js``, each one call ``geoCards("KEY", [card, ...])``.

A shard is named by its documents' key (:func:`card_key`, 10 bits of a hash of the file
name: 1,024 shards up to 32,768 documents, more above, :func:`card_key_length`), not by their place in the page: adding, changing or removing an
article rewrites the shard of its key and no other (issue 14: named by position, an
article added in the middle of the page order rewrote every shard after it; one shard
per article, a rebuild linked and unlinked 10,000 files). The page lists each
document's key (``card_keys``); a shard holds the cards of every document with its key,
in page order, and ``map.js`` gives each its card by that order.

A card is copied as the Store rendered it (``payload.doc_entry_json``), already
script-safe (``payload.script_json``): no text can end the script or break a parser,
and ``map.js`` inserts every text with ``textContent`` only. A shard is the plain
concatenation of its cards, so writing the shards of an unchanged corpus renders nothing.
A shard of stored documents is keyed by their tokens (``shown.doc_token``: each one's
name and stamp under the Store's version) and this code, so that linking it reads
nothing: its cards are read only when it is written (issue 14: reading and hashing every
card was a fifth of a rebuild's map).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from geo.manifest import Manifest

__all__ = ["CARDS_DIR", "CARD_KEY_LENGTH", "REGISTER", "CardShards", "CardSink", "card_hash", "card_key",
           "card_key_length", "shard_name"]

#: The folder beside ``index.html`` that holds the card shards.
CARDS_DIR = "cards"
#: The function each shard calls; ``map.js`` defines it.
REGISTER = "geoCards"
#: Characters of a key at the least (``card_key_length``: more for a bigger page; ``map.js``
#: reads the page's ``card_keys`` in runs of its length divided by the documents' number).
CARD_KEY_LENGTH = 2


class CardSink(Protocol):
    """What takes each shown document's card: its key, a reader of its card text, its token."""

    def __call__(self, key: str, card: str | Callable[[], str], *, token: bytes | None = None) -> None:
        """Take the card of the document whose shard is ``key``."""


def card_hash(source: str) -> str:
    """40 bits of a hash of a document's file name, in base32: its card key's characters.

    Lower-case letters and digits only, so that a shard's name is one file on a file
    system that ignores case, and needs no escaping in a URL or a JSON string.

    >>> card_hash("000000-en.txt")
    '2c3zxhap'
    """
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=5).digest()
    return base64.b32encode(digest).decode("ascii").lower()


def card_key_length(documents: int) -> int:
    """Characters of the card keys of a page of ``documents``: 5 bits each, 1,024 shards or more.

    A shard should hold a few dozen cards at most, so that a popup's shards load at once,
    and there should be far fewer shards than documents, so that a rebuild links a few
    thousand files, not one per article (issue 14): 1,024 shards up to 32,768 documents
    (at 10,000 about ten cards, 110 KB, each), 32,768 up to a million, then 1,048,576.

    >>> card_key_length(5), card_key_length(10_000), card_key_length(100_000), card_key_length(2_000_000)
    (2, 2, 3, 4)
    """
    length = CARD_KEY_LENGTH
    while documents > 32 << (5 * length):
        length += 1
    return length


def card_key(source: str, length: int = CARD_KEY_LENGTH) -> str:
    """The key of a document's card shard: the first ``length`` characters of its ``card_hash``.

    >>> card_key("000000-en.txt"), len(card_key("статья.txt"))
    ('2c', 2)
    """
    return card_hash(source)[:length]


def shard_name(key: str) -> str:
    """The file name of the card shard of ``key``; ``map.js`` names it the same way.

    >>> shard_name("2c")
    '2c.js'
    """
    return f"{key}.js"


@functools.cache
def _code_key() -> bytes:
    """This module's source: a shard's bytes follow from it and its card."""
    from geo._cache import source_hash

    return source_hash(sys.modules[__name__]).encode()


def _tokens_key(tokens: list[bytes | None]) -> str | None:
    """The manifest key of a shard of stored documents' cards: their tokens in order and this code.

    None when a document has no token (its card must be read to know the shard's bytes).
    """
    if any(token is None for token in tokens):
        return None
    digest = hashlib.blake2b(b"cards\0" + _code_key(), digest_size=16)
    for token in tokens:
        assert token is not None
        digest.update(len(token).to_bytes(4, "big") + token)
    return digest.hexdigest()


#: The end of a shard's one call.
_TAIL = b"]);\n"


class CardShards:
    """Writes cards, each into the shard of its document's key, into ``folder``.

    Use as a context manager and call it with each document's key, its card (the text,
    or a reader of it that holds nothing once called) and its token, in page order. The
    shards are written into a staging folder beside ``folder`` that replaces it on
    success and is removed on failure, so a failed map leaves the old cards.

    With a ``manifest`` (``folder`` is then inside a build's staging folder, fresh and
    unpublished), shards go straight into ``folder``, and a shard whose bytes are those
    of the published one is linked instead of written: after adding one article, every
    shard but its own is linked (issue 14). A shard holds several documents, named in
    no order the page has (``card_key``), so which ones are unchanged is known only when
    every document has been seen:

    - a shard the last build did not publish is written as its cards come, from the text
      the page has just read (a first build reads no card twice);
    - a published one is decided at the end: when every document of it has a token
      (``shown.doc_token``), its key is a hash of the tokens in page order and this code,
      and an unchanged key links it without reading a card; otherwise its cards are read
      (again, through their readers) and hashed.

    ``cards`` counts the cards, ``written`` the shards written (not linked) and ``read``
    the cards whose text was read.
    """

    def __init__(self, folder: Path, *, manifest: Manifest | None = None) -> None:
        self.folder = Path(folder)
        self.cards = 0
        self.written = 0
        self.read = 0
        self._manifest = manifest
        self._staging = self.folder if manifest else self.folder.parent / f".{self.folder.name}.tmp-{os.getpid()}"
        self._prefix = f"{self.folder.name}/"  # a shard's name in the manifest
        #: the shards written as their cards come: key -> (hash of the text so far, tokens)
        self._open: dict[str, tuple[Any, list[bytes | None]]] = {}
        #: the published shards, decided at the end: key -> [(token, card), ...]
        self._deferred: dict[str, list[tuple[bytes | None, str | Callable[[], str]]]] = {}

    def __enter__(self) -> CardShards:
        shutil.rmtree(self._staging, ignore_errors=True)
        self._staging.mkdir(parents=True)
        if self._manifest is not None:
            self._manifest.forget(self._prefix)
        return self

    def __call__(self, key: str, card: str | Callable[[], str], *, token: bytes | None = None) -> None:
        """Put one document's card into the shard of ``key``, after the cards it holds.

        ``card`` is its text or a reader of it; ``token`` names a stored document's card
        (``shown.doc_token``): a published shard whose documents all have one is linked
        without reading them.
        """
        self.cards += 1
        if key in self._deferred:
            self._deferred[key].append((token, card))
        elif key in self._open or self._manifest is None or self._manifest.key_of(self._name(key)) is None:
            self._append(key, self._text(card), token)
        else:
            self._deferred[key] = [(token, card)]

    def _name(self, key: str) -> str:
        return f"{self._prefix}{shard_name(key)}"

    def _text(self, card: str | Callable[[], str]) -> str:
        if callable(card):
            self.read += 1
            return card()
        return card

    def _append(self, key: str, text: str, token: bytes | None) -> None:
        """Add a card to a shard written as its cards come (the call's head first)."""
        piece = f'{REGISTER}("{key}",[{text}' if key not in self._open else f",{text}"
        if key not in self._open:
            self._open[key] = (hashlib.blake2b(digest_size=16), [])
        digest, tokens = self._open[key]
        data = piece.encode("utf-8", "surrogatepass")
        digest.update(data)
        tokens.append(token)
        with open(self._staging / shard_name(key), "ab") as fh:
            fh.write(data)

    def _finish(self) -> None:
        """Close the shards written as their cards came; link or write the published ones."""
        for key, (digest, tokens) in sorted(self._open.items()):
            with open(self._staging / shard_name(key), "ab") as fh:
                fh.write(_TAIL)
            digest.update(_TAIL)
            self.written += 1
            if self._manifest is not None:
                self._manifest.wrote(self._name(key), _tokens_key(tokens) or digest.hexdigest())
        for key in sorted(self._deferred):
            # taken out as it is written: a card read here may hold its document's whole entry
            # (``shown.Shown``), and every shard read at once held every text of the corpus
            members = self._deferred.pop(key)
            name = self._name(key)
            tokens_key = _tokens_key([token for token, _ in members])
            if tokens_key is not None and self._manifest is not None and self._manifest.link(name, tokens_key):
                continue
            text = f'{REGISTER}("{key}",[' + ",".join(self._text(card) for _, card in members) + "]);\n"
            manifest_key = tokens_key or hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                                         digest_size=16).hexdigest()
            if self._manifest is not None and tokens_key is None and self._manifest.link(name, manifest_key):
                continue
            (self._staging / shard_name(key)).write_text(text, encoding="utf-8", newline="\n")
            self.written += 1
            if self._manifest is not None:
                self._manifest.wrote(name, manifest_key)

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            try:
                self._finish()
            except BaseException:
                shutil.rmtree(self._staging, ignore_errors=True)
                raise
        if kind is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        elif self._staging != self.folder:
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(self.folder)
            self._staging.rename(self.folder)
