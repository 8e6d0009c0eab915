"""The map's cards: each shown document's quotes, contexts and source, in shards beside the page.

Why (issues 12 and 14): the page of 10,000 realistic articles carried 110 MB of text
that no first paint needs; it now carries a compact index (``payload.PageIndex``) and
``map.js`` loads a document's card when a popup, a panel or the reader needs it.
A page opened from ``file://`` may not ``fetch`` a neighbouring file, but it may add a
``<script src>`` (as the reader's ``articles/NN.js``, ``geo.webmap.articles``): so the
cards are written as ``cards/KEY.js``, each one call ``geoCards("KEY", [card, ...])``.

A shard is named by its documents' key (:func:`card_key`, a hash of the file name), not
by their place in the page: adding, changing or removing an article rewrites its own
shard and no other (issue 14: named by position, an article added in the middle of the
page order rewrote every shard after it). The page lists each document's key
(``card_keys``); a shard holds the cards of every document with its key, in page order,
so that two names with one key (odds of n^2 / 2^41: 5e-5 for 10,000 articles) still
each find their card.

A card is copied as the Store rendered it (``payload.doc_entry_json``), already
script-safe (``payload.script_json``): no text can end the script or break a parser,
and ``map.js`` inserts every text with ``textContent`` only. A shard is the plain
concatenation of its cards, so writing the shards of an unchanged corpus renders nothing.
A shard of one stored document is keyed by its token (``shown.doc_token``: its name and
stamp under the Store's version) and this code, so that linking it reads nothing: its
card is read only when it is written (issue 14: reading and hashing every card was a
fifth of a rebuild's map).
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
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from geo.manifest import Manifest

__all__ = ["CARDS_DIR", "CARD_KEY_LENGTH", "REGISTER", "CardShards", "CardSink", "card_key", "shard_name"]

#: The folder beside ``index.html`` that holds the card shards.
CARDS_DIR = "cards"
#: The function each shard calls; ``map.js`` defines it.
REGISTER = "geoCards"
#: Characters of a key (``map.js`` reads the page's ``card_keys`` in runs of this many).
CARD_KEY_LENGTH = 8


class CardSink(Protocol):
    """What takes each shown document's card: its key, a reader of its card text, its token."""

    def __call__(self, key: str, card: str | Callable[[], str], *, token: bytes | None = None) -> None:
        """Take the card of the document whose shard is ``key``."""


def card_key(source: str) -> str:
    """The key of a document's card shard: 40 bits of a hash of its file name, in base32.

    Lower-case letters and digits only, so that the shard's name is one file on a file
    system that ignores case, and needs no escaping in a URL or a JSON string.

    >>> card_key("000000-en.txt"), len(card_key("статья.txt"))
    ('2c3zxhap', 8)
    """
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=5).digest()
    return base64.b32encode(digest).decode("ascii").lower()


def shard_name(key: str) -> str:
    """The file name of the card shard of ``key``; ``map.js`` names it the same way.

    >>> shard_name("2c3zxhap")
    '2c3zxhap.js'
    """
    return f"{key}.js"


@functools.cache
def _code_key() -> bytes:
    """This module's source: a shard's bytes follow from it and its card."""
    from geo._cache import source_hash

    return source_hash(sys.modules[__name__]).encode()


def _token_key(token: bytes) -> str:
    """The manifest key of the shard of one stored document's card (its token and this code)."""
    return hashlib.blake2b(b"card\0" + _code_key() + b"\0" + token, digest_size=16).hexdigest()


class CardShards:
    """Writes cards, each into the shard of its document's key, into ``folder``.

    Use as a context manager and call it with each document's key and card JSON, in page
    order; no card is held. The shards are written into a staging folder beside
    ``folder`` that replaces it on success and is removed on failure, so a failed map
    leaves the old cards.

    With a ``manifest`` (``folder`` is then inside a build's staging folder, fresh and
    unpublished), shards go straight into ``folder``, and a shard whose bytes are those
    of the published one (keyed by a hash of its text) is linked instead of written:
    after adding one article, every shard but its own is linked (issue 14).

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
        self._keys: set[str] = set()
        self._prefix = f"{self.folder.name}/"  # a shard's name in the manifest

    def __enter__(self) -> CardShards:
        shutil.rmtree(self._staging, ignore_errors=True)
        self._staging.mkdir(parents=True)
        if self._manifest is not None:
            self._manifest.forget(self._prefix)
        return self

    def __call__(self, key: str, card: str | Callable[[], str], *, token: bytes | None = None) -> None:
        """Put one document's card into the shard of ``key`` (after the cards it holds, if any).

        ``card`` is its text or a reader of it; ``token`` names a stored document's card
        (``shown.doc_token``): a shard of one card is then linked without reading it.
        """
        self.cards += 1
        name = shard_name(key)
        if key in self._keys:  # a second document with this key: its shard holds both
            path = self._staging / name
            head = path.read_text(encoding="utf-8").removesuffix("]);\n")
            path.unlink()  # it may be a link to the published shard: never written in place
            self._put(name, lambda: f"{head},{self._text(card)}]);\n")
        else:
            self._keys.add(key)
            self._put(name, lambda: f'{REGISTER}("{key}",[{self._text(card)}]);\n',
                      None if token is None else _token_key(token))

    def _text(self, card: str | Callable[[], str]) -> str:
        if callable(card):
            self.read += 1
            return card()
        return card

    def _put(self, name: str, shard: Callable[[], str], key: str | None = None) -> None:
        """Write the shard ``name`` (or link the published one with its bytes, under ``key`` or its text's hash).

        Names are joined as strings, and a path is made only for a shard written: a
        ``Path`` per document was a tenth of a rebuild's cards (issue 14).
        """
        if self._manifest is None:
            (self._staging / name).write_text(shard(), encoding="utf-8", newline="\n")
            self.written += 1
            return
        published = f"{self._prefix}{name}"
        if key is not None:
            if self._manifest.link(published, key):
                return
            text = shard()
        else:
            text = shard()
            key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            if self._manifest.link(published, key):
                return
        (self._staging / name).write_text(text, encoding="utf-8", newline="\n")
        self._manifest.wrote(published, key)
        self.written += 1

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        elif self._staging != self.folder:
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(self.folder)
            self._staging.rename(self.folder)
