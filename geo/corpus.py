"""Read a corpus folder: every file becomes one ``Document`` or one ``Skip``.

This is the file-system edge of geo. ``iter_corpus`` lists the folder once, in sorted
order of the '/'-separated path relative to the root, and yields one record per file:

- ``.txt``, ``.md``, ``.text`` are plain text; ``.html``, ``.htm``, ``.xhtml`` are saved
  pages (a plain-text file that starts with ``<!DOCTYPE html`` or ``<html`` is read as
  a page too). Any other file, a hidden file or folder, a broken symbolic link, a
  link back into a folder already read, an unreadable, empty, binary, undecodable or
  oversized file is a ``Skip`` with a one-line reason.
- Bytes are decoded here, never by opening in text mode, so that CRLF and lone CR stay
  as they are: gold offsets index the decoded text. UTF-8 (a BOM is dropped), UTF-16
  and UTF-32 with a BOM, UTF-16 without one (told by where its NUL bytes fall), then the
  page's declared charset, then charset-normalizer's guesses and the Cyrillic code
  pages (cp1251, KOI8-R, cp866), the decoding that reads most like words winning.
- Saved pages are reduced to their article text with the standard library's
  ``html.parser``; metadata comes from ``<meta>`` tags, JSON-LD and ``<time>``.
- Metadata of plain text comes from ``geo.meta``, page furniture from ``geo.chrome``.
- A sidecar ``NAME.meta.json`` beside an article (``geo.sidecar``) overrides both; it is
  part of the article's stamp, and a bad one is a Skip of its own (the article is read).

Only a root that does not exist or cannot be listed raises ``CorpusError``.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import TypeGuard

from geo import meta
from geo.chrome import find_chrome
from geo.errors import CorpusError, failure_reason
from geo.model import Document, Skip, Source
from geo.settings import DEFAULT_SETTINGS, Settings
from geo.sidecar import Sidecar, SidecarError, apply_sidecar, parse_sidecar, sidecar_source
from geo.text import visible

__all__ = ["HTML_SUFFIXES", "PLAIN_SUFFIXES", "document_from_bytes", "iter_corpus", "read_document"]

PLAIN_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Magic numbers of the binary formats most likely to land in a folder of articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# A decoding is rejected when more than this share of its characters are controls,
# unassigned or private-use code points, or replacement characters.
_MAX_JUNK_SHARE = 0.02
_SNIFF_BYTES = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


class _Rejected(Exception):
    """A file is not used; ``reason`` is the Skip's one-line reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _one_line(text: str) -> str:
    """Collapse white space so that a reason stays on one line."""
    return " ".join(text.split())


# --- walking ----------------------------------------------------------------------------

_FolderKey = tuple[int, int]  # (device, inode): a folder's identity, whatever the path to it


@dataclass(frozen=True, slots=True)
class _Entry:
    """One file to read, or one thing already known to be skipped (``reason``)."""

    source: str
    path: Path | str
    reason: str | None = None
    stamp: str | None = None


def _is_utf8_name(name: str) -> bool:
    """Whether a file name decoded by the OS holds no undecodable bytes (lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    r"""A file name with its undecodable bytes written as ``\xNN`` escapes.

    >>> printable_name(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _folder_key(st: os.stat_result) -> _FolderKey:
    return st.st_dev, st.st_ino


def _os_reason(what: str, err: OSError) -> str:
    """Say what failed and what the system said, on one line."""
    return _one_line(f"{what} ({err.strerror or err})")


def _link_reason(err: OSError, link: Path) -> str:
    """Say why a symbolic link cannot be followed."""
    if err.errno == errno.ELOOP:
        return "symbolic link loop (the link resolves to itself)"
    if isinstance(err, FileNotFoundError):
        try:
            target = os.readlink(link)
        except OSError:
            target = "?"
        return _one_line(f"broken symbolic link (its target {target} does not exist)")
    if isinstance(err, PermissionError):
        return "permission denied: the link's target cannot be reached"
    return _os_reason("cannot follow the symbolic link", err)


@dataclass
class _Walk:
    """One listing: the entries found, the folders read, the folders still to read.

    The walk keeps its own stack of folders instead of recursing: a tree nested a few
    hundred deep must not exhaust Python's recursion limit (issue 13).
    """

    root: Path
    follow_links: bool = False
    entries: list[_Entry] = field(default_factory=list)
    seen: set[_FolderKey] = field(default_factory=set)
    pending: list[tuple[Path, str, frozenset[_FolderKey]]] = field(default_factory=list)
    linked: list[tuple[Path, str, frozenset[_FolderKey]]] = field(default_factory=list)

    def skip(self, source: str, path: Path | str, reason: str) -> None:
        self.entries.append(_Entry(source, path, reason))

    def run(self) -> None:
        """List every folder; linked folders only after every real one, so a link never hides one."""
        while self.pending or self.linked:
            if self.pending:
                self.list_folder(*self.pending.pop())
            else:
                self.follow_link(*self.linked.pop(0))

    def list_folder(self, folder: Path, prefix: str, parents: frozenset[_FolderKey]) -> None:
        try:
            with os.scandir(folder) as listing:
                children = sorted(listing, key=lambda child: child.name)
        except OSError as err:
            if not prefix:
                msg = (f"corpus folder {folder} cannot be listed ({err.strerror or err}): "
                       "check its permissions or pass another folder")
                raise CorpusError(msg) from err
            denied = isinstance(err, PermissionError)
            self.skip(prefix.rstrip("/"), folder, "permission denied: the folder cannot be listed"
                      if denied else _os_reason("cannot list the folder", err))
            return
        for child in children:
            self.add(child, prefix + child.name, parents)

    def add(self, child: os.DirEntry[str], source: str, parents: frozenset[_FolderKey]) -> None:
        # A Path only where one is needed: building 10,000 of them costs a rebuild 0.1 s.
        path = Path(child.path) if not child.is_file(follow_symlinks=False) else child.path
        if not _is_utf8_name(child.name):
            # Every output names its sources in UTF-8: such a name cannot be written there.
            self.skip(printable_name(source), path, "the name is not valid UTF-8: rename it to have it read")
            return
        try:
            own = child.stat(follow_symlinks=False)
        except OSError as err:
            self.skip(source, path, _os_reason("cannot read", err))
            return
        if child.name.startswith("."):
            kind = "folder" if stat.S_ISDIR(own.st_mode) else "file"
            self.skip(source, path, f"hidden {kind} (name starts with '.')")
        elif stat.S_ISLNK(own.st_mode):
            self.add_link(Path(path), source, parents)
        elif stat.S_ISDIR(own.st_mode):
            self.seen.add(_folder_key(own))
            self.pending.append((Path(path), source + "/", parents | {_folder_key(own)}))
        else:
            self.entries.append(_Entry(source, path, stamp=_stamp(own)))

    def add_link(self, path: Path, source: str, parents: frozenset[_FolderKey]) -> None:
        try:
            target = os.stat(path)
        except OSError as err:
            self.skip(source, path, _link_reason(err, path))
            return
        if not self.follow_links and not _is_inside(path, self.root):
            # A corpus's outputs are made to be e-mailed: a link must not publish
            # /proc/version or another folder's files (issue 13).
            self.skip(source, path, "symbolic link to outside the corpus: pass --follow-links to read it")
        elif stat.S_ISDIR(target.st_mode):
            self.linked.append((path, source + "/", parents))
        else:
            self.entries.append(_Entry(source, path, stamp=_stamp(target)))

    def follow_link(self, path: Path, prefix: str, parents: frozenset[_FolderKey]) -> None:
        source = prefix.rstrip("/")
        try:
            key = _folder_key(os.stat(path))
        except OSError as err:
            self.skip(source, path, _link_reason(err, path))
            return
        if key in parents:
            self.skip(source, path, "symbolic link loop (it points to a folder holding it)")
        elif key in self.seen:
            self.skip(source, path, "symbolic link to a folder that is already read")
        else:
            self.seen.add(key)
            self.pending.append((path, prefix, parents | {key}))


def _is_inside(link: Path, root: Path) -> bool:
    """Whether the resolved target of ``link`` lies inside the resolved ``root``."""
    try:
        target = Path(os.path.realpath(link))
    except (OSError, ValueError):
        return False
    return target == root or root in target.parents


def _list_corpus(root: Path, *, follow_links: bool = False) -> list[_Entry]:
    """List every file below ``root`` (or ``root`` itself), sorted by relative path.

    Symbolic links whose target lies outside ``root`` are skipped unless ``follow_links``.
    """
    try:
        st = os.stat(root)
    except FileNotFoundError as err:
        msg = f"corpus {root} does not exist: pass a folder of .txt, .md or .html articles"
        raise CorpusError(msg) from err
    except OSError as err:
        msg = (f"corpus {root} cannot be read ({err.strerror or err}): "
               "check the path and its permissions")
        raise CorpusError(msg) from err
    if stat.S_ISREG(st.st_mode):
        if not _is_utf8_name(root.name):
            return [_Entry(printable_name(root.name), root, "the name is not valid UTF-8: rename it to have it read")]
        return [_Entry(root.name, root, stamp=_stamp(st))]
    if not stat.S_ISDIR(st.st_mode):
        msg = (f"corpus {root} is neither a folder nor a file: "
               "pass a folder of .txt, .md or .html articles")
        raise CorpusError(msg)
    walk = _Walk(Path(os.path.realpath(root)), follow_links=follow_links, seen={_folder_key(st)})
    walk.list_folder(root, "", frozenset({_folder_key(st)}))
    walk.run()
    return sorted(walk.entries, key=lambda entry: entry.source)


def iter_corpus(root: Path, *, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Document | Skip]:
    """Read every file below ``root``: one Document or one Skip each, in path order.

    The folder is listed when this is called (so a bad root raises at once); files are
    read one at a time as the iterator is consumed.

    Parameters
    ----------
    root
        A folder of articles (walked recursively), or a single article file.
    settings
        ``max_file_bytes`` caps the size of a file that is read.

    Returns
    -------
    Iterator of Document or Skip
        Sorted by ``source``, the path relative to ``root`` with '/' separators (the
        file's name when ``root`` is a file).

    Raises
    ------
    CorpusError
        When ``root`` does not exist or cannot be listed at all.
    """
    entries = _list_corpus(Path(root), follow_links=settings.follow_links)
    sidecars = {listed.source for listed in _sidecar_entries(entries).values()}
    return filter(None, (_read_entry(entry, settings, sidecars) for entry in entries))


def _read_entry(entry: _Entry, settings: Settings, sidecars: set[str]) -> Document | Skip | None:
    """The entry's Document or Skip; None for a good sidecar (its article reads it)."""
    if entry.reason is not None:
        return Skip(source=entry.source, reason=entry.reason)
    if entry.source in sidecars:
        reason = _read_sidecar(entry.path, settings)[1]
        return Skip(source=entry.source, reason=reason) if reason else None
    return read_document(entry.path, entry.source, settings=settings)


@dataclass(frozen=True, slots=True)
class RawFile:
    """A file's bytes before decoding: enough to look up a cached result by content.

    source   the path relative to the corpus root
    data     the bytes
    sha256   their hex digest
    is_html  read as a saved page
    stamp    size, mtime, inode and ctime of the file when it was listed (``_stamp``)
    max_text_chars  the budget of the decoded text (``Settings.max_text_chars``)
    sidecar  what the file's ``NAME.meta.json`` states about it (``geo.sidecar``), if any
    """

    source: str
    data: bytes
    sha256: str
    is_html: bool
    stamp: str | None = None
    max_text_chars: int = DEFAULT_SETTINGS.max_text_chars
    sidecar: Sidecar | None = None

    def decode(self) -> Document | Skip:
        """The Document (or Skip) these bytes make."""
        return document_from_bytes(self.data, self.source, is_html=self.is_html,
                                   max_text_chars=self.max_text_chars, sidecar=self.sidecar)


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A file that ``iter_raw``'s ``unchanged`` test recognised by its stamp: not read again."""

    source: str


def _stamp(st: os.stat_result) -> str:
    """Size, modification time, inode and change time: what tells a file was not touched.

    The change time moves on every write and on every ``touch`` back to an old
    modification time, so a stamp that matches means the bytes are the ones read before.
    """
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}"


def iter_raw(
    root: Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    unchanged: Callable[[str, str | None], bool] | None = None,
) -> Iterator[RawFile | Skip | Unchanged]:
    """Like ``iter_corpus`` but stops before decoding, so a cache hit costs only a hash.

    ``unchanged(source, stamp)``, when given, is asked about every entry, in source
    order, before anything is read (``stamp`` is None for an entry that is not a file
    to read); a file it recognises is yielded as ``Unchanged`` and not read at all.
    """
    entries = _list_corpus(Path(root), follow_links=settings.follow_links)
    sidecars = _sidecar_entries(entries)
    sidecar_names = {listed.source for listed in sidecars.values()}
    for entry in entries:
        sidecar_entry = sidecars.get(entry.source)
        stamp = f"{entry.stamp}|{sidecar_entry.stamp}" if sidecar_entry and entry.stamp else entry.stamp
        known = unchanged is not None and unchanged(entry.source, stamp)
        if entry.reason is not None:
            yield Skip(source=entry.source, reason=entry.reason)
            continue
        suffix = _suffix(entry.source)
        if entry.source in sidecar_names:
            reason = _read_sidecar(entry.path, settings)[1]
            if reason:
                yield Skip(source=entry.source, reason=reason)
            continue
        if suffix not in PLAIN_SUFFIXES | HTML_SUFFIXES:
            yield Skip(source=entry.source, reason=f"not a text or HTML file ({suffix or 'no extension'})")
            continue
        if known:
            yield Unchanged(entry.source)
            continue
        try:
            data = _read_bytes(entry.path, settings.max_file_bytes)
        except _Rejected as rejected:
            yield Skip(source=entry.source, reason=rejected.reason)
            continue
        sidecar = _read_sidecar(sidecar_entry.path, settings)[0] if sidecar_entry else None
        yield RawFile(source=entry.source, data=data, sha256=hashlib.sha256(data).hexdigest(),
                      is_html=suffix in HTML_SUFFIXES, stamp=stamp,
                      max_text_chars=settings.max_text_chars, sidecar=sidecar)


def _sidecar_entries(entries: list[_Entry]) -> dict[str, _Entry]:
    """Each article's listed sidecar entry (``NAME.meta.json``), by the article's source."""
    by_source = {entry.source: entry for entry in entries}
    found: dict[str, _Entry] = {}
    for entry in entries:
        if _suffix(entry.source) in PLAIN_SUFFIXES | HTML_SUFFIXES:
            listed = by_source.get(sidecar_source(entry.source))
            if listed is not None and listed.reason is None:
                found[entry.source] = listed
    return found


def _read_sidecar(path: Path | str, settings: Settings) -> tuple[Sidecar | None, str | None]:
    """The sidecar at ``path``, or the one-line reason it cannot be used (never raises)."""
    try:
        return parse_sidecar(_read_bytes(path, settings.max_file_bytes)), None
    except _Rejected as rejected:
        return None, rejected.reason
    except SidecarError as err:
        return None, str(err)


# --- reading ----------------------------------------------------------------------------


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"),
             (stat.S_ISBLK, "device"), (stat.S_ISDIR, "folder"))
    return next((name for test, name in kinds if test(mode)), "special file")


def _too_large(size: int, limit: int) -> str:
    return (f"too large: {size:,} bytes, over the limit of {limit:,} bytes "
            "(raise Settings.max_file_bytes to read it)")


def _suffix(source: str) -> str:
    """``Path(source).suffix.lower()`` without building a Path (10,000 of them cost 0.1 s).

    >>> _suffix("news/a.TXT"), _suffix(".bashrc"), _suffix("a."), _suffix("a.tar.gz")
    ('.txt', '', '', '.gz')
    """
    name = source.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def _read_bytes(path: Path | str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of a regular file; raise ``_Rejected`` with the reason."""
    try:
        st = os.stat(path)
    except OSError as err:
        raise _Rejected(_os_reason("cannot read the file", err)) from err
    if not stat.S_ISREG(st.st_mode):
        msg = f"not a regular file ({_file_kind(st.st_mode)})"
        raise _Rejected(msg)
    if st.st_size > limit:
        raise _Rejected(_too_large(st.st_size, limit))
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError as err:
        msg = "permission denied: the file cannot be read"
        raise _Rejected(msg) from err
    except OSError as err:
        raise _Rejected(_os_reason("cannot read the file", err)) from err
    if len(data) > limit:
        raise _Rejected(_too_large(len(data), limit))
    return data


def read_document(path: Path, source: str, *,
                  settings: Settings = DEFAULT_SETTINGS) -> Document | Skip:
    """Read one file into a Document, or say in a Skip why it cannot be used.

    Parameters
    ----------
    path
        The file (a symbolic link is followed).
    source
        The name recorded for it: its path relative to the corpus root. Its suffix
        decides whether the file is plain text, a saved page, or skipped.
    settings
        ``max_file_bytes``: larger files are skipped without being read whole.

    Returns
    -------
    Document or Skip
        Never raises for a bad file.
    """
    suffix = _suffix(source)
    if suffix not in PLAIN_SUFFIXES | HTML_SUFFIXES:
        return Skip(source=source, reason=f"not a text or HTML file ({suffix or 'no extension'})")
    try:
        data = _read_bytes(Path(path), settings.max_file_bytes)
    except _Rejected as rejected:
        return Skip(source=source, reason=rejected.reason)
    beside = Path(path).with_name(sidecar_source(Path(path).name))
    sidecar = _read_sidecar(beside, settings)[0] if beside.is_file() else None
    return document_from_bytes(data, source, is_html=suffix in HTML_SUFFIXES,
                               max_text_chars=settings.max_text_chars, sidecar=sidecar)


def document_from_bytes(data: bytes, source: str, *, is_html: bool = False, sidecar: Sidecar | None = None,
                        max_text_chars: int = DEFAULT_SETTINGS.max_text_chars) -> Document | Skip:
    r"""Decode a file's bytes into a Document with its metadata and furniture spans.

    Parameters
    ----------
    data
        The whole file; its sha256 is recorded.
    source
        The file's name relative to the corpus root.
    is_html
        Read the bytes as a saved web page (also done when plain text starts like one).
    max_text_chars
        A longer decoded text is skipped: the file's budget (``Settings.max_text_chars``).

    Returns
    -------
    Document or Skip
        A Skip for empty, binary, undecodable, textless or over-budget input, and for
        any exception raised while decoding it: one file never sinks a build.

    Examples
    --------
    >>> doc = document_from_bytes("Headline of the day\r\nBody text.\r\n".encode(), "a.txt")
    >>> doc.text, doc.meta.encoding
    ('Headline of the day\r\nBody text.\r\n', 'utf-8')
    >>> document_from_bytes(b"", "b.txt").reason
    'empty file (0 bytes)'
    """
    try:
        doc = _document(data, source, is_html=is_html, max_text_chars=max_text_chars)
        return replace(doc, meta=apply_sidecar(doc.meta, sidecar)) if sidecar else doc
    except _Rejected as rejected:
        return Skip(source=source, reason=rejected.reason)
    except Exception as err:  # noqa: BLE001 - a hostile file costs that file only (issue 13)
        return Skip(source=source, reason=failure_reason("cannot read the file", err))


def _document(data: bytes, source: str, *, is_html: bool, max_text_chars: int) -> Document:
    if not data:
        msg = "empty file (0 bytes)"
        raise _Rejected(msg)
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if kind:
        msg = f"binary content ({kind})"
        raise _Rejected(msg)
    declared = _declared_charset(data) if is_html or data.lstrip()[:1] == b"<" else None
    text, encoding = _decode(data, declared)
    if not text.strip():
        msg = "no text (the file holds only white space)"
        raise _Rejected(msg)
    if len(text) > max_text_chars:
        msg = (f"over the text budget: {len(text):,} characters, over {max_text_chars:,} "
               "(raise Settings.max_text_chars to read it)")
        raise _Rejected(msg)
    sha256 = hashlib.sha256(data).hexdigest()
    if is_html or _looks_like_html(text):
        return _html_document(text, source, sha256, encoding)
    chrome = find_chrome(text)
    url = meta.guess_url(text)
    info = Source(
        source=source, sha256=sha256, title=visible(meta.guess_title(text, chrome)),
        publisher=visible(meta.guess_publisher(text) or meta.outlet_from_url(url)),
        published=meta.guess_published(text, url),
        url=url, language=meta.guess_language(text), encoding=encoding,
    )
    return Document(meta=info, text=text, chrome=chrome)


# --- decoding ---------------------------------------------------------------------------


_ORDINARY_RUNS = re.compile("[\t\n\r\f\v\x20-\x7e\xa0-\u024f\u0400-\u052f\u2000-\u2064]+")


def _junk_share(text: str) -> float:
    """Share of characters no text file holds: controls, unassigned, private use, U+FFFD."""
    if not text:
        return 0.0
    # Only characters outside the scripts of a Kursk corpus are looked at one by one
    # (issue 14); every character of those ranges is assigned and printable.
    junk = sum(1 for ch in _ORDINARY_RUNS.sub("", text) if ch not in "\t\n\r\f\v" and (
        ch == "\ufffd" or unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}))
    return junk / len(text)


def _plausible(text: str | None) -> TypeGuard[str]:
    return text is not None and _junk_share(text) <= _MAX_JUNK_SHARE


def _is_european_script(text: str) -> bool:
    """Tell whether nearly all of ``text`` is Latin, Cyrillic, punctuation or symbols.

    Bytes that are not UTF-16 read as UTF-16 give CJK ideographs ("00" is U+3030); a
    corpus about Kursk oblast is English, Russian or Ukrainian.
    """
    inside = sum(1 for ch in text if ch <= "\u052f" or "\u2000" <= ch <= "\u22ff")
    return inside >= 0.95 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Name 'utf-16-le' or 'utf-16-be' when NUL bytes fall on one side of the byte pairs only.

    Text in UTF-16 puts a NUL beside every ASCII character (spaces, digits and
    punctuation even in Cyrillic text); binary data scatters NULs over both sides.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    pairs = len(data) // 2
    if odd and not even and odd * 10 >= pairs:
        return "utf-16-le"
    if even and not odd and even * 10 >= pairs:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """Name the codec a page declares in its <meta> tags ("windows-1251" gives "cp1251")."""
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name if match else None
    except LookupError:
        return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    """Return the text and the name of its encoding; raise ``_Rejected`` when none fits."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom):], codec)
            if not _plausible(text):
                label = codec.upper()
                msg = (f"cannot decode the text: it starts with a {label} byte-order mark "
                       f"but is not {label}")
                raise _Rejected(msg)
            return text, name
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        text = _try_decode(data, utf16) if utf16 else None
        if utf16 and _plausible(text) and _is_european_script(text):
            return text, utf16
        msg = "binary content (NUL bytes)"
        raise _Rejected(msg)
    text = _try_decode(data, "utf-8")
    if text is not None:
        if not _plausible(text):
            msg = "binary content (control characters)"
            raise _Rejected(msg)
        return text, "utf-8"
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    text = _try_decode(data, declared) if declared else None
    if declared and _plausible(text):
        return text, declared
    return _decode_legacy(data)


#: UTF-8 with a few bad bytes (a truncated copy, one byte flipped in transit) is still
#: UTF-8 when its well-formed multi-byte characters outnumber the bad bytes this many
#: times: legacy Cyrillic or Latin-1 text read as UTF-8 gives almost no well-formed
#: multi-byte sequence, so it goes on to the legacy decoders.
_UTF8_VALID_PER_BAD = 10
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    r"""Decode UTF-8 with a few bad bytes as UTF-8, the bad bytes replaced (U+FFFD).

    The encoding's name says how many bytes were replaced, so the file's line in the
    report shows the damage (issue 13: such files were read as KOI8-R mojibake).

    >>> _mostly_utf8("Бои под Суджей продолжаются".encode() + b"\xff")
    ('Бои под Суджей продолжаются\ufffd', 'utf-8 (1 byte replaced)')
    >>> _mostly_utf8("Бои под Суджей".encode("cp1251")) is None
    True
    """
    # surrogateescape turns each bad byte into one lone surrogate: they count the bytes.
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    if not bad or len(_UTF8_MULTIBYTE.findall(data)) < _UTF8_VALID_PER_BAD * bad:
        return None
    text = _ESCAPED_BYTE.sub("\ufffd", escaped)
    if not _plausible(text.replace("\ufffd", "")):
        return None
    return text, f"utf-8 ({bad:,} byte{'s' if bad > 1 else ''} replaced)"


_SCRIPT_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
# Tried after charset-normalizer's guesses, in this order: the encodings of Russian and
# Ukrainian pages (Windows, Unix, DOS), which short texts leave it unable to tell apart.
_CYRILLIC_FALLBACKS = ("cp1251", "koi8_r", "cp866")


def _legacy_score(text: str) -> float:
    """Score how much a decoding reads like Latin or Cyrillic text (1.0 at best).

    Words that mix scripts ("cafй"), letters outside Latin and Cyrillic, and lower-case
    letters followed by capitals inside a word ("пРИВЕТ": KOI8-R read as cp1251) count
    against it, and so, by half, do long all-capital words (cp1251 read as KOI8-R).
    """
    words = text.split()
    if not words:
        return 0.0
    bad = 0.0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters:
            continue
        scripts = {"cyr" if "\u0400" <= c <= "\u04ff" else "lat" if c <= "\u024f" else "other"
                   for c in letters}
        flips = any(a.islower() and b.isupper() for a, b in pairwise(letters))
        if len(scripts) > 1 or "other" in scripts or flips:
            bad += 1
        elif len(letters) >= 4 and all(c.isupper() for c in letters):
            bad += 0.5
    return 1.0 - bad / len(words) - _junk_share(text) * 10


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Pick the most plausible legacy decoding: charset-normalizer's, then Cyrillic code pages."""
    from charset_normalizer import from_bytes

    names = [match.encoding for match in list(from_bytes(data))[:5]]
    names += [name for name in _CYRILLIC_FALLBACKS if name not in names]
    scored = []
    for rank, name in enumerate(names):
        text = _try_decode(data, name)
        if _plausible(text) and _SCRIPT_LETTER.search(text):
            scored.append((_legacy_score(text), -rank, name, text))
    best = max(scored, default=None)
    if best is None or best[0] < 0.5:
        msg = "cannot decode the text: not UTF-8, UTF-16 or a known legacy encoding"
        raise _Rejected(msg)
    return best[3], best[2]


# --- saved web pages --------------------------------------------------------------------


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:100].lower()
    return head.startswith(("<!doctype html", "<html"))


_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                      "aside", "form", "iframe", "button", "select", "object", "canvas"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                     "blockquote", "div", "article", "section", "main", "figure", "figcaption",
                     "table", "tr", "td", "th", "caption", "pre", "address", "details", "summary",
                     "hr", "body"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_SPACES = re.compile(r"[ \t\n\r\f]+")
# html.parser stops with an AssertionError on SGML marked sections ("<![if …]>" in pages
# saved from Word or old IE): they are removed before parsing, and a stray "<![" escaped.
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)[^<>]{0,200}>")
_STRAY_MARK = re.compile(r"<!\[(?!CDATA\[)")
# Best first: the article's own publication time, then the generic date tags.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publishdate", "publish-date", "publish_date", "published_time", "article.published",
              "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
              "sailthru.date", "parsely-pub-date", "citation_publication_date")
_TITLE_META = ("og:title", "twitter:title", "headline")
_PUBLISHER_META = ("og:site_name", "publisher", "article:publisher", "application-name")


class _PageParser(HTMLParser):
    """Collect a page's article text (as paragraphs) and the metadata of its head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self.captured: dict[str, str] = {}  # the first <title> and <h1>
        self.json_ld: list[str] = []
        self.times: list[str] = []
        self.canonical: str | None = None
        self.lang: str | None = None
        self._parts: list[str] = []
        self._dropped: list[str] = []
        self._capture: tuple[str, str, list[str]] | None = None  # (what, closing tag, text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        self._read_head(tag, values)
        if self._capture and (self._capture[0] == "title" or tag in _BLOCKS):
            self._end_capture()  # a <title> holds only text; an <h1> ends at a block
        if tag == "br" and not self._dropped:
            self._parts.append("\n")
        if tag in _VOID:
            if tag == "hr":
                self._flush()
            return
        if tag in ("title", "h1") and tag not in self.captured and self._capture is None:
            self._capture = (tag, tag, [])
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._capture = ("ld+json", "script", [])
        if tag in _DROPPED:
            self._dropped.append(tag)
        elif tag in _BLOCKS and not self._dropped:
            self._flush()

    def _read_head(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href") or None
        elif tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])

    def _end_capture(self) -> None:
        if self._capture is None:
            return
        name, _, parts = self._capture
        if name == "ld+json":
            self.json_ld.append("".join(parts))
        else:
            self.captured.setdefault(name, " ".join("".join(parts).split()))
        self._capture = None

    def handle_endtag(self, tag: str) -> None:
        if self._capture is not None and tag == self._capture[1]:
            self._end_capture()
        if tag in self._dropped:
            while self._dropped.pop() != tag:
                pass
        elif tag in _BLOCKS and not self._dropped:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._capture[2].append(data)
            if self._capture[0] == "title":
                return
        if not self._dropped:
            self._parts.append(data)

    def _flush(self) -> None:
        lines = "".join(self._parts).split("\n")
        paragraph = "\n".join(filter(None, (_SPACES.sub(" ", line).strip(" ") for line in lines)))
        if paragraph:
            self.paragraphs.append(paragraph)
        self._parts = []

    def close(self) -> None:
        super().close()
        self._end_capture()
        self._flush()


def _parse_page(markup: str) -> _PageParser:
    parser = _PageParser()
    try:
        parser.feed(_STRAY_MARK.sub("&lt;![", _MARKED_SECTION.sub("", markup)))
        parser.close()
    except AssertionError as err:  # html.parser's way of giving up on a declaration
        msg = _one_line(f"cannot parse the HTML page ({err})")
        raise _Rejected(msg) from err
    return parser


def _json_ld_field(blobs: list[str], key: str) -> str | None:
    """Find the first ``key`` in the page's JSON-LD blocks (for the publisher: its name)."""
    queue: list[object] = []
    for blob in blobs:
        try:
            queue.append(json.loads(blob))
        except (ValueError, RecursionError):  # broken, or nested past the parser's stack
            continue
    for _ in range(10_000):  # a cap on the nodes visited, whatever the page holds
        if not queue:
            break
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str) and value.strip():
                return value.strip()
            queue.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def _first(*values: str | None) -> str | None:
    return next((" ".join(v.split()) for v in values if v and v.strip()), None)


def _strip_site_name(title: str | None, site: str | None) -> str | None:
    """Drop the site's name from a <title> ("Headline | Site" gives "Headline")."""
    if not title or not site:
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(separator)
        if head and tail.strip().casefold() == site.strip().casefold():
            return head.strip()
    return title


def _split_site_name(title: str | None, h1: str | None) -> tuple[str | None, str | None]:
    """A <title> of "Headline | Site" whose head is the page's <h1>: the headline and the site.

    >>> _split_site_name("Russia retakes Plekhovo | Example News", "Russia retakes Plekhovo")
    ('Russia retakes Plekhovo', 'Example News')
    >>> _split_site_name("Sumy - Kursk border tense", None)
    ('Sumy - Kursk border tense', None)
    """
    if title and h1:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            head, _, tail = title.rpartition(separator)
            if head and tail.strip() and head.strip().casefold() == h1.strip().casefold():
                return head.strip(), tail.strip()
    return title, None


def _html_document(markup: str, source: str, sha256: str, encoding: str) -> Document:
    page = _parse_page(markup)
    text = "\n\n".join(page.paragraphs)
    if not text.strip():
        msg = "no article text in the HTML page"
        raise _Rejected(msg)
    chrome = find_chrome(text)
    tags, ld = page.meta, page.json_ld
    names = [tags.get(k) for k in _PUBLISHER_META if not tags.get(k, "").startswith("http")]
    publisher = _first(*names, _json_ld_field(ld, "publisher"))
    page_title, site = _split_site_name(page.captured.get("title"), page.captured.get("h1"))
    publisher = publisher or site
    title = _first(*(tags.get(k) for k in _TITLE_META),
                   _strip_site_name(page_title, publisher),
                   page.captured.get("h1"), _json_ld_field(ld, "headline"))
    dates = [tags[k] for k in _DATE_META if k in tags] + [_json_ld_field(ld, "datePublished") or ""]
    published = next(filter(None, map(meta.parse_date, dates + page.times)), None)
    language = meta.guess_language(text)
    declared = (page.lang or "")[:2].lower()
    if language == "und" and declared in {"en", "ru", "uk"}:
        language = declared
    url = _first(page.canonical, tags.get("og:url")) or meta.guess_url(text)
    # the headline and the outlet as they read: a page's &shy; hyphenates them on screen only
    info = Source(
        source=source, sha256=sha256, title=visible(title or meta.guess_title(text, chrome)),
        publisher=visible(publisher or meta.guess_publisher(text) or meta.outlet_from_url(url)),
        published=published or meta.guess_published(text, url),
        url=url, language=language, encoding=encoding,
    )
    return Document(meta=info, text=text, chrome=chrome)
