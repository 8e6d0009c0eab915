"""On-disk cache of expensive derived data, keyed by a content hash.

The key hashes everything the value depends on (the gazetteer version, the source of the
modules that compute it, library versions), canonicalised before hashing, so a change to
any of them misses the cache instead of serving stale data. Files are written atomically
(temporary file, then rename): an interrupted run never leaves a torn entry, and a
damaged entry is treated as a miss.

The folder is ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``,
created with mode 0700.

A cache folder may be shared or planted (issue 13), so nothing read from it can run
code or reach an output unchecked:

- per-file results (``ResultCache``) are JSON, never pickle. Each entry carries its key
  and a digest of key and content; on a hit the file's bytes are decoded again, every
  quote and mention is checked against the text (``text[start:end] == quote``), and the
  export fragments are rendered anew from the checked records. Any entry that fails a
  check, or cannot be read at all, is a miss: never an error, never output;
- the automaton (``cached``) is a pickle of a C extension's object, so it is loaded only
  from a file owned by this user and writable by nobody else, in a folder likewise.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import operator
import os
import shutil
import tempfile
import time
import types
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from geo import json_text

# The key helpers are re-exported: the modules that key a cache import them from here
from geo.cache_folder import (  # noqa: F401
    cache_dir,
    cached,
    content_key,
    installed_hash,
    is_private,
    make_private_dir,
    module_source_hash,
    source_hash,
)

if TYPE_CHECKING:
    from geo.corpus import RawFile
    from geo.gazetteer import Gazetteer
    from geo.model import Skip
    from geo.store import StoredDocument

T = TypeVar("T")


# --- records as data --------------------------------------------------------------------


def to_data(value: object) -> object:
    """A frozen record as plain JSON data: a dataclass as the list of its fields, in order.

    Lists, not objects, because a Store holds millions of records; the order of fields
    is pinned by the extractor version, which hashes the model's source.

    >>> from geo.model import Figure
    >>> to_data(Figure(text="up to 300", high=300.0))
    ['up to 300', None, None, 300.0]
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    encode = _ENCODERS.get(kind)
    if encode is None:
        encode = _ENCODERS[kind] = _encoder(kind)
    return encode(value)


_PLAIN = frozenset({str, int, float, bool, type(None)})
#: ``to_data`` of each type met so far: the shape depends on the type alone, and a Store
#: encodes thousands of records of a handful of types (a fifth of a cold export's
#: rendering went to asking each value what it was).
_ENCODERS: dict[type, Callable[[Any], object]] = {}


def _encoder(kind: type) -> Callable[[Any], object]:
    """How ``to_data`` writes a value of type ``kind`` (not a plain type)."""
    if issubclass(kind, Enum):
        return operator.attrgetter("value")
    if issubclass(kind, tuple | list):
        return lambda value: [to_data(item) for item in value]
    if issubclass(kind, dict):
        return lambda value: {str(k): to_data(v) for k, v in value.items()}
    if dataclasses.is_dataclass(kind):
        names = _field_names(kind)
        if len(names) < 2:  # attrgetter of one name gives the value, not a tuple
            return lambda value: [to_data(getattr(value, name)) for name in names]
        fields = operator.attrgetter(*names)
        plain = _PLAIN
        return lambda value: [item if type(item) in plain else to_data(item) for item in fields(value)]
    return lambda value: value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    """The fields ``to_data`` writes, in order (``dataclasses.fields`` is slow per record)."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.init)


def from_data(kind: type[T], data: object) -> T:
    """The record of type ``kind`` that ``to_data`` gave ``data``; ``ValueError`` if it does not fit.

    Every value is checked against the field's annotation and every record's own
    ``__post_init__`` runs, so damaged or planted data cannot make a malformed record.

    >>> from geo.model import Figure
    >>> from_data(Figure, ['up to 300', None, None, 300.0])
    Figure(text='up to 300', low=None, best=None, high=300.0)
    >>> from_data(Figure, ['up to 300', None, None, 'many'])
    Traceback (most recent call last):
    ...
    ValueError: expected float, got str
    """
    try:
        return _decoder(kind)(data)  # type: ignore[no-any-return]
    except (TypeError, KeyError, AttributeError) as err:
        raise ValueError(str(err)) from err


def _expect(kind: type) -> Callable[[object], object]:
    def check(value: object) -> object:
        if type(value) is not kind:
            msg = f"expected {kind.__name__}, got {type(value).__name__}"
            raise ValueError(msg)
        return value

    return check


def _as_float(value: object) -> float:
    if type(value) not in (float, int):
        msg = f"expected float, got {type(value).__name__}"
        raise ValueError(msg)
    return float(value)  # type: ignore[arg-type]


def _as_list(value: object) -> list[object]:
    if type(value) is not list:
        msg = f"expected a list, got {type(value).__name__}"
        raise ValueError(msg)
    return value


@functools.cache
def _decoder(kind: Any) -> Callable[[object], object]:  # noqa: PLR0911 - one branch per shape
    """A function that rebuilds a value of ``kind`` from JSON data, made once per type."""
    if kind is float:
        return _as_float
    if kind in (str, int, bool):
        return _expect(kind)
    if kind is type(None):
        return _expect(type(None))
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind  # its constructor rejects unknown values with ValueError
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind) if f.init]

        def record(value: object) -> object:
            items = _as_list(value)
            if len(items) != len(fields):
                msg = f"{kind.__name__}: expected {len(fields)} fields, got {len(items)}"
                raise ValueError(msg)
            return kind(**{name: decode(item) for (name, decode), item in zip(fields, items, strict=True)})

        return record
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        options = [_decoder(arg) for arg in args if arg is not type(None)]
        optional = type(None) in args
        if optional and len(options) == 1:
            only = options[0]
            return lambda value: None if value is None else only(value)

        def union(value: object) -> object:
            if value is None and optional:
                return None
            for option in options:
                with contextlib.suppress(ValueError):
                    return option(value)
            msg = f"no type of {kind} fits {type(value).__name__}"
            raise ValueError(msg)

        return union
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in _as_list(value))
    if origin is tuple:
        items = [_decoder(arg) for arg in args]
        return lambda value: tuple(f(v) for f, v in zip(items, _as_list(value), strict=True))
    if origin is dict:
        key, val = _decoder(args[0]), _decoder(args[1])
        return lambda value: {key(k): val(v) for k, v in _expect(dict)(value).items()}  # type: ignore[attr-defined]
    msg = f"no JSON form for {kind}"
    raise TypeError(msg)


#: Compact JSON with every character kept: the form of every cached record.
dumps = json_text.dumps


def dumps_record(record: object) -> str:
    """``dumps(to_data(record))``, written by json's C encoder in one pass.

    The encoder asks ``_fields_of`` only for what it cannot write itself (a record, an
    enum that is not a str or int); tuples, strings, numbers and str enums it writes as
    ``to_data`` would. A test holds the two equal on real records.

    >>> from geo.model import Figure, Kind
    >>> dumps_record((Figure(text="up to 300", high=300.0), Kind.KILLED))
    '[["up to 300",null,null,300.0],"killed"]'
    """
    return _encode_record(record)


def _fields_of(value: object) -> object:
    """What ``to_data`` makes of a value json cannot write: a record's fields, an enum's value."""
    kind = type(value)
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = _fields_getter(kind)
    return fields(value)


def _fields_getter(kind: type) -> Callable[[Any], object]:
    """``_fields_of`` for one type, made once per type (``is_dataclass`` per record was slow)."""
    if dataclasses.is_dataclass(kind):
        names = _field_names(kind)
        if len(names) < 2:  # attrgetter of one name gives the value, not a tuple
            return lambda value: [getattr(value, name) for name in names]
        return operator.attrgetter(*names)  # a tuple: json writes it as a list
    if issubclass(kind, Enum):
        return operator.attrgetter("value")
    msg = f"{kind.__name__} is not a record"
    raise TypeError(msg)


_FIELDS: dict[type, Callable[[Any], object]] = {}
_encode_record = json_text.compact_encoder(_fields_of)


# --- per-file results -------------------------------------------------------------------

_RESULT_FORMAT = "geo-result/1"
#: Days after which another version's result folder that no build used is deleted.
UNUSED_VERSION_DAYS = 30


class ResultCache:
    """Per-file extraction results on disk, keyed by extractor version, file hash and file name.

    An entry is one JSON file: ``{"format", "key", "digest", "body"}``, the body being the
    document's records (``to_data``). ``get`` trusts nothing in it (module docstring):
    a planted, edited or damaged entry is a miss, and a hit is rendered anew.
    """

    def __init__(self, version: str, folder: Path | None = None, *, gazetteer: Gazetteer) -> None:
        self.version = version
        self.gazetteer = gazetteer
        self.folder = (folder or cache_dir()) / "results" / version

    def remove_unused_versions(self, *, now: float | None = None) -> list[Path]:
        """Mark this version's folder as used now; delete the folders of other versions unused for
        ``UNUSED_VERSION_DAYS``; return those deleted.

        Each new version of geo (or of its settings or gazetteer) starts a folder of its own, and
        the old ones are never read again by this installation: about 190 MB per 10,000 articles.
        They are shared between corpora, and another installation (a second virtual environment)
        may still use one, so only a folder no build has marked for that long goes. Failures only
        leave disk space unfreed.
        """
        now = time.time() if now is None else now
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            os.utime(self.folder, (now, now))
        cutoff = now - UNUSED_VERSION_DAYS * 86_400
        removed = []
        with contextlib.suppress(OSError):
            for other in sorted(self.folder.parent.iterdir()):
                with contextlib.suppress(OSError):
                    if other != self.folder and other.is_dir() and other.stat().st_mtime < cutoff:
                        shutil.rmtree(other)
                        removed.append(other)
        return removed

    def _path(self, sha256: str, source: str) -> Path:
        # The name is part of the key: every record carries its source, and two copies
        # of one article under two names must not evict each other on every run.
        name = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return self.folder / sha256[:2] / f"{sha256}-{name}.json"

    def _key(self, sha256: str, source: str) -> list[str]:
        return [self.version, sha256, source.encode("utf-8", "surrogatepass").decode("utf-8", "replace")]

    def get(self, raw: RawFile, *, flat: bool = True) -> StoredDocument | None:
        """The checked result of the file ``raw``, rendered for the Store (``stored_document``'s
        ``flat``); None on a miss."""
        try:
            with self._path(raw.sha256, raw.source).open("rb") as fh:
                entry = json.loads(fh.read())
            return self._checked(raw, entry, flat=flat)
        except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is a miss
            return None

    def _checked(self, raw: RawFile, entry: dict[str, Any], *, flat: bool) -> StoredDocument | None:
        from geo.model import DocumentResult, Skip
        from geo.store import stored_document

        key = self._key(raw.sha256, raw.source)
        body = entry["body"]
        if entry["format"] != _RESULT_FORMAT or entry["key"] != key or entry["digest"] != _digest(key, body):
            return None
        doc = raw.decode()
        if isinstance(doc, Skip):
            return None
        result = from_data(DocumentResult, body)
        if result.meta != doc.meta or not _spans_hold(result, doc.text, self.gazetteer):
            return None
        return stored_document(result, self.gazetteer, flat=flat)

    def put(self, sha256: str, result: StoredDocument | Skip) -> None:
        """Store a document's records atomically; a skip is not kept (it costs no extraction).

        A read-only cache folder costs time, never correctness.
        """
        if not hasattr(result, "claims"):
            return
        key = dumps(self._key(sha256, result.source))
        body = _body_json(result)  # type: ignore[arg-type]
        digest = hashlib.sha256(f"[{key},{body}]".encode("utf-8", "surrogatepass")).hexdigest()
        # dumps({"format", "key", "digest", "body"}), spliced from the parts
        entry = f'{{"format":{dumps(_RESULT_FORMAT)},"key":{key},"digest":{dumps(digest)},"body":{body}}}'
        path = self._path(sha256, result.source)
        try:
            # A temporary name of its own: two builds sharing a cache folder must not
            # write into one temporary file. The folder is made (0700) only when missing:
            # checking every parent before each of thousands of files cost more than the write.
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
            except FileNotFoundError:
                make_private_dir(path.parent)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(entry)
            os.replace(tmp, path)
        except (OSError, ValueError):
            Path(tmp).unlink(missing_ok=True)


def _body_json(stored: StoredDocument) -> str:
    """``dumps(to_data(document_result(stored)))`` without decoding anything: the Store rows
    hold each record's JSON already (``store._encode``), so the body is spliced from them.

    Decoding the rows only to encode them again was a tenth of a cold ``geo export``.
    """
    resolutions = ",".join(row[4] for row in stored.resolutions)  # type: ignore[misc]
    claims = ",".join(row[-1] for row, _ in stored.claims)  # type: ignore[misc]
    return f"[{stored.record},[{resolutions}],[{claims}]]"


def _digest(key: object, body: object) -> str:
    """sha256 of an entry's key and body: a damaged byte anywhere makes the entry a miss."""
    return hashlib.sha256(dumps([key, body]).encode("utf-8", "surrogatepass")).hexdigest()


def _spans_hold(result: Any, text: str, gazetteer: Gazetteer) -> bool:
    """Whether every quote and mention is the text at its offsets and every place exists."""
    places = gazetteer.places
    for claim in result.claims:
        if text[claim.start:claim.end] != claim.quote or claim.source != result.meta.source:
            return False
        if any(link.place_id not in places for link in claim.places):
            return False
    for resolution in result.resolutions:
        mention = resolution.mention
        if text[mention.start:mention.end] != mention.surface or mention.source != result.meta.source:
            return False
        if mention.context and text[mention.context_start:mention.context_start + len(mention.context)] \
                != mention.context:
            return False
        if resolution.place_id is not None and resolution.place_id not in places:
            return False
        if any(candidate not in places for candidate in mention.candidates):
            return False
    return True
