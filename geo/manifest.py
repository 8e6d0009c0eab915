"""What a build's output folder holds, so that the next build links what it would write again.

Why (issue 14): a rebuild after adding one article to 10,000 rewrote every output, about
850 MB (the exports, 10,000 card files, the articles' texts), to change a few hundred
kilobytes. Every file a build writes is recorded here with a **key**, a hash of
everything its bytes depend on (the code, the records, the options; for a shard its
members), and the stat it had when written (size, mtime, inode). The next build asks
``Manifest.link(name, key)`` before writing a file: when the published folder holds that
name under that key, untouched since (same size, mtime and inode), the file is
hard-linked into the new staging folder instead of written. A key decides the bytes, so
a linked file is exactly the file a fresh build would write: fresh and incremental
builds give the same bytes (a test compares them for every output).

The manifest is a file in the set it describes (``.geo-manifest.json``), published by the
same folder swap (``geo.outputs``), so it always speaks of the files beside it. A
missing or unreadable manifest, a file edited or replaced since (its stat differs), a
file system that refuses hard links: each is a file written anew, never an error.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MANIFEST", "Manifest"]

#: The manifest's file name in the output folder.
MANIFEST = ".geo-manifest.json"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class _Entry:
    """One file of a set: the key it was written under and its stat just after.

    key       the hash of everything the file's bytes depend on
    size, mtime_ns, ino   ``os.stat`` of the file as written: a file edited since differs
    """

    key: str
    size: int
    mtime_ns: int
    ino: int

    @classmethod
    def of(cls, key: str, path: Path) -> _Entry:
        st = os.stat(path)
        return cls(key, st.st_size, st.st_mtime_ns, st.st_ino)

    def holds(self, st: os.stat_result) -> bool:
        """Whether a file with stat ``st`` is the one recorded (not edited, not replaced)."""
        return (st.st_size, st.st_mtime_ns, st.st_ino) == (self.size, self.mtime_ns, self.ino)


def _read(folder: Path | None) -> dict[str, _Entry]:
    """The entries of the manifest in ``folder``; none when it is absent or not ours.

    A manifest is read from the output folder, which anyone who can write there may edit:
    an entry of the wrong shape is left out, and so is a name that is not a plain relative
    path inside the folder ("cards/../../x" would link a file from outside into the set).
    """
    if folder is None:
        return {}
    try:
        data = json.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("format") == _FORMAT else None
    if not isinstance(files, dict):
        return {}
    return {name: _Entry(*entry) for name, entry in files.items()
            if _is_inside(name) and isinstance(entry, list) and len(entry) == 4
            and isinstance(entry[0], str) and all(type(n) is int for n in entry[1:])}


def _is_inside(name: str) -> bool:
    r"""Whether ``name`` is a plain relative path below the folder: no root, no "..", no NUL.

    >>> [_is_inside(n) for n in ("index.html", "cards/k3f9a2bq.js", "cards/../../x", "/etc/passwd", "a\0b", "")]
    [True, True, False, False, False, False]
    >>> [_is_inside(n) for n in ("cards//x", "cards/", "./x", "a/./b", "a\\b", "..x", ".x")]
    [False, False, False, False, False, True, True]
    """
    # String tests, not a PurePosixPath per name: a manifest lists every card shard and
    # text shard, and parsing each cost reading the manifest of 3,000 articles 29 ms of
    # CPU against 9 (issue 14). Splitting on "/" finds what the path would: a root or a
    # doubled or trailing slash leaves an empty part, "." and ".." are parts of their own.
    return (bool(name) and "\0" not in name and "\\" not in name
            and all(part not in ("", ".", "..") for part in name.split("/")))


class Manifest:
    """The files of the staging folder of one build: linked from the published set, or written.

    Parameters
    ----------
    published
        The output folder as the last build left it (None: nothing to link from).
    staging
        The folder this build fills; names are relative to both (``cards/k3f9a2bq.js``).

    ``linked`` and ``written`` count the files of each sort, ``spliced`` what each spliced
    export copied and rendered (``geo.export.splice.SpliceCounts``): what the tests assert.
    """

    def __init__(self, published: Path | None, staging: Path) -> None:
        self.published = published
        self.staging = Path(staging)
        self._published_str, self._staging_str = str(published), str(self.staging)
        self._made = {self._staging_str}
        self._old = _read(published)
        self._new: dict[str, _Entry] = {}
        self.linked = 0
        self.written = 0
        self.spliced: dict[str, object] = {}

    def key_of(self, name: str) -> str | None:
        """The key ``name`` was published under by the last build (None: not recorded)."""
        entry = self._old.get(name)
        return entry.key if entry else None

    def published_file(self, name: str) -> Path | None:
        """The published ``name`` if the last build recorded it and it is untouched since, else None.

        What a spliced export copies its unchanged bytes from (``geo.export.splice``),
        whatever key it had.
        """
        old = self._old.get(name)
        if old is None or self.published is None:
            return None
        source = self.published / name
        try:
            return source if old.holds(os.lstat(source)) else None
        except (OSError, ValueError):
            return None

    def link(self, name: str, key: str | None) -> bool:
        """Hard-link the published ``name`` into the staging folder if it was written under ``key``.

        False (write it) when ``key`` is None (the bytes have no key: never reused), when
        the last build wrote it under another key, when it was edited or replaced since,
        or when the link fails.
        """
        old = self._old.get(name)
        if key is None or old is None or old.key != key or self.published is None:
            return False
        # plain strings, and each folder made once: 10,000 links through pathlib and a
        # mkdir each were a second of a rebuild (issue 14)
        source, target = os.path.join(self._published_str, name), os.path.join(self._staging_str, name)
        try:
            if not old.holds(os.lstat(source)):
                return False
            folder = os.path.dirname(target)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            try:
                os.link(source, target, follow_symlinks=False)
            except FileNotFoundError:  # the folder was removed since (written anew): make it again
                os.makedirs(folder, exist_ok=True)
                os.link(source, target, follow_symlinks=False)
        except (OSError, ValueError):  # ValueError: a name the file system cannot hold
            return False
        self._new[name] = old
        self.linked += 1
        return True

    def link_all(self, prefix: str, key: str | None, *, under: str) -> bool:
        """Link every published file whose name starts with ``prefix``, if ``under`` had ``key``.

        For a folder of files that all follow from one key (a map's cards follow from its
        page): when the page's key is unchanged, so is every card. All or nothing: on
        False, some may have been linked, and the caller writes the folder anew.
        """
        if key is None or self.key_of(under) != key:
            return False
        names = [name for name in self._old if name.startswith(prefix)]
        return bool(names) and all(self.link(name, self._old[name].key) for name in names)

    def wrote(self, name: str, key: str | None) -> None:
        """Record a file just written into the staging folder (``key`` None: never to be linked)."""
        self.written += 1
        if key is not None:
            with contextlib.suppress(OSError):
                self._new[name] = _Entry.of(key, self.staging / name)

    def forget(self, prefix: str) -> None:
        """Drop the records of files under ``prefix`` (a folder about to be written anew)."""
        for name in [name for name in self._new if name.startswith(prefix)]:
            del self._new[name]

    def save(self) -> None:
        """Write the manifest into the staging folder, to be published with the set.

        It is optional: a disk that refuses it (full, read-only) leaves none, and the next
        build writes every file anew instead of failing this one.
        """
        files = {name: [e.key, e.size, e.mtime_ns, e.ino] for name, e in sorted(self._new.items())}
        text = json.dumps({"format": _FORMAT, "files": files}, separators=(",", ":"))
        path = self.staging / MANIFEST
        try:
            path.write_text(text, encoding="utf-8")
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink()
