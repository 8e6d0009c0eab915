"""The map's cards: each shown document's quotes, contexts and source, in shards beside the page.

Why (issues 12 and 14): the page of 10,000 realistic articles carried 110 MB of text
that no first paint needs; it now carries a compact index (``payload.PageIndex``) and
``map.js`` loads a document's card when a popup, a panel or the reader shows it.
A page opened from ``file://`` may not ``fetch`` a neighbouring file, but it may add a
``<script src>`` (as the reader's ``articles/NN.js``, ``geo.webmap.articles``): so the
cards are written as ``cards/NNNN.js``, each one call ``geoCards(k, [card, ...])``
holding the cards of the page's documents ``k * CARD_DOCS`` to ``(k + 1) * CARD_DOCS - 1``.

A card is copied as the Store rendered it (``payload.doc_entry_json``), already
script-safe (``payload.script_json``): no text can end the script or break a parser,
and ``map.js`` inserts every text with ``textContent`` only. A shard is the plain
concatenation of its cards, so writing the shards of an unchanged corpus renders nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from geo.webmap.payload import CARD_DOCS

if TYPE_CHECKING:
    from geo.manifest import Manifest

__all__ = ["CARDS_DIR", "REGISTER", "CardShards", "shard_name"]

#: The folder beside ``index.html`` that holds the card shards.
CARDS_DIR = "cards"
#: The function each shard calls; ``map.js`` defines it.
REGISTER = "geoCards"


def shard_name(index: int) -> str:
    """The file name of card shard ``index`` (``0007.js``); ``map.js`` pads the same way.

    >>> shard_name(7), shard_name(12345)
    ('0007.js', '12345.js')
    """
    return f"{index:04d}.js"


class CardShards:
    """Writes cards, in page order, into ``folder``, ``CARD_DOCS`` to a shard.

    Use as a context manager and call it with each card's JSON; only the open shard is
    held. The shards are written into a staging folder beside ``folder`` that replaces
    it on success and is removed on failure, so a failed map leaves the old cards.

    With a ``manifest`` (``folder`` is then inside a build's staging folder, fresh and
    unpublished), shards go straight into ``folder``, and a shard whose bytes are those
    of the published one (keyed by a hash of its text) is linked instead of written:
    after adding one article, the shards before it in page order are linked (issue 14).
    """

    def __init__(self, folder: Path, *, manifest: Manifest | None = None) -> None:
        self.folder = Path(folder)
        self.written = 0
        self._manifest = manifest
        self._staging = self.folder if manifest else self.folder.parent / f".{self.folder.name}.tmp-{os.getpid()}"
        self._cards: list[str] = []

    def __enter__(self) -> CardShards:
        shutil.rmtree(self._staging, ignore_errors=True)
        self._staging.mkdir(parents=True)
        if self._manifest is not None:
            self._manifest.forget(f"{self.folder.name}/")
        return self

    def __call__(self, card: str) -> None:
        self._cards.append(card)
        self.written += 1
        if len(self._cards) == CARD_DOCS:
            self._close()

    def _close(self) -> None:
        """Write the open shard (or link the published one with its bytes), if it holds a card."""
        if not self._cards:
            return
        shard = (self.written - 1) // CARD_DOCS
        text = f"{REGISTER}({shard},[{','.join(self._cards)}]);\n"
        self._cards.clear()
        name = shard_name(shard)
        if self._manifest is None:
            (self._staging / name).write_text(text, encoding="utf-8", newline="\n")
            return
        published = f"{self.folder.name}/{name}"
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        if not self._manifest.link(published, key):
            (self._staging / name).write_text(text, encoding="utf-8", newline="\n")
            self._manifest.wrote(published, key)

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            if kind is None:
                self._close()
        finally:
            if kind is not None:
                shutil.rmtree(self._staging, ignore_errors=True)
        if kind is None and self._staging != self.folder:
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(self.folder)
            self._staging.rename(self.folder)
