"""The rules' regular expressions, compiled once per interpreter instead of once per process.

Python compiles a pattern in Python code (``re._parser``, ``re._compiler``): the two hundred
patterns of the rule modules took about 0.2 s of every start, a third of a one-article
``geo export`` (issue 14). What the compiler makes of a pattern is a pure function of the
pattern, its flags and the interpreter, so it is kept in the cache folder and handed to
``_sre.compile`` at the next start: loading the file and building every pattern takes a
few milliseconds. ``_sre.compile`` is what ``re.compile`` itself ends with, and it
validates the program it is given, so a pattern built from the file is the pattern
``re.compile`` builds (they compare equal; a test checks every rule pattern).

The file is JSON, never pickle (a cache folder may be planted: issue 13), is read only
when it is this user's and nobody else can write it (``cache_folder.is_private``), and any
entry that does not have the expected shape or that ``_sre`` refuses is compiled anew.
A program's code is one base64 string of its 32-bit words, not a JSON list of numbers:
decoding a million-character list of integers was 40 ms of every start; the string is
decoded in C, and only for the patterns a command uses.
Patterns missing from the file are compiled by ``re`` and the file is rewritten,
atomically, when the process ends. Only patterns fixed by the code belong here: a
pattern built from an article's text would grow the file without end.
"""

from __future__ import annotations

import _sre
import array
import atexit
import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # the compiler's output has no public form
from typing import Any

from geo.cache_folder import cache_dir, content_key, is_private, make_private_dir

#: One program per (pattern, flags): flags with the pattern's inline ones, code, groups,
#: group index, index group: the arguments of ``_sre.compile`` after the pattern.
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str, int]
#: The file's layout: a file of another layout is another file.
_FORMAT = "programs as base64 words"
#: The array type of one word of a compiled program, when it is ``_sre``'s word.
_CODE_TYPE = "I" if array.array("I").itemsize == getattr(_sre, "CODESIZE", 0) else None


@dataclass
class _Stored:
    """What the file holds: the programs, and the cues ``text.required_cues`` read from a
    pattern's parse tree (parsing it again was a sixth of the rule modules' import)."""

    programs: dict[_Key, _Program] = field(default_factory=dict)
    cues: dict[_Key, frozenset[str] | None] = field(default_factory=dict)
    is_dirty: bool = False
    #: Rows read from the file and not yet decoded: a command decodes only what it uses.
    unread: dict[_Key, list[Any]] = field(default_factory=dict)

    def program(self, key: _Key) -> _Program | None:
        """The stored program of ``key``, decoded on first use; None when absent or malformed."""
        program = self.programs.get(key)
        if program is None and key in self.unread:
            program = _decoded(self.unread.pop(key))
            if program is not None:
                self.programs[key] = program
        return program


_stored: _Stored | None = None
#: Patterns compiled by ``re`` in this process (a test reads it: none on a warm start).
misses = 0


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the interpreter's stored program when there is one."""
    global misses
    key = (pattern, int(flags))
    stored = _loaded()
    program = stored.program(key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            del stored.programs[key]  # refused by _sre's validator: compiled anew below
    misses += 1
    stored.programs[key] = program = _program(pattern, int(flags))
    _changed(stored)
    try:
        return _sre.compile(pattern, *program)
    except (TypeError, ValueError, RuntimeError, OverflowError):  # another _sre than this
        del stored.programs[key]
        return re.compile(pattern, flags)


def remembered_cues(pattern: re.Pattern[str],
                    read: Callable[[re.Pattern[str]], frozenset[str] | None]) -> frozenset[str] | None:
    """``read(pattern)`` (the cues of a pattern, a pure function of it), stored with the programs."""
    key = (pattern.pattern, int(pattern.flags))
    stored = _loaded()
    if key not in stored.cues:
        stored.cues[key] = read(pattern)
        _changed(stored)
    return stored.cues[key]


def _changed(stored: _Stored) -> None:
    """Mark the table for writing when the process ends."""
    if not stored.is_dirty:
        stored.is_dirty = True
        atexit.register(save)


def _program(pattern: str, flags: int) -> _Program:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, _compiler._code(parsed, flags), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _path() -> Path:
    """The file of this interpreter and of this cue reader.

    The compiler's output differs between Python versions; the cues are what
    ``geo/text.py``'s reader makes of a pattern, so a changed reader must not find the
    cues its previous version stored (a cue set too narrow would skip a pattern that
    matches: claims lost without a word).
    """
    key = content_key(_FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None),
                      hashlib.sha256(_cue_reader_source()).hexdigest())
    return cache_dir() / f"regex-{key}.json"


def _cue_reader_source() -> bytes:
    """The source of the module whose ``required_cues`` the stored cues came from."""
    return Path(__file__).with_name("text.py").read_bytes()


def _loaded() -> _Stored:
    """The stored table, read once per process (an unreadable file reads as empty)."""
    global _stored
    if _stored is None:
        _stored = _Stored()
        path = _path()
        if is_private(path):
            with contextlib.suppress(OSError, ValueError):
                _stored = _parsed(json.loads(path.read_bytes()))
    return _stored


def _parsed(data: Any) -> _Stored:
    """The well-formed entries of a stored file; anything else is left out (made anew).

    A program row is only filed here by its pattern and flags; ``_decoded`` checks the
    rest when the pattern is first asked for.
    """
    stored = _Stored()
    if not isinstance(data, dict):
        return stored
    for row in data.get("programs", ()) if isinstance(data.get("programs"), list) else ():
        if isinstance(row, list) and len(row) == 7 and isinstance(row[0], str) and type(row[1]) is int:
            stored.unread[row[0], row[1]] = row
    for row in data.get("cues", ()) if isinstance(data.get("cues"), list) else ():
        if (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and type(row[1]) is int
                and (row[2] is None or isinstance(row[2], list) and all(isinstance(c, str) and c for c in row[2]))):
            stored.cues[row[0], row[1]] = None if row[2] is None else frozenset(row[2])
    return stored


def _decoded(row: list[Any]) -> _Program | None:
    """A stored row's program, or None when it does not have the expected shape.

    The code's words are checked by ``_sre.compile``, which refuses a malformed program.
    """
    _pattern, _flags, all_flags, code, groups, groupindex, indexgroup = row
    if not (_CODE_TYPE and type(all_flags) is int and isinstance(code, str) and type(groups) is int
            and isinstance(groupindex, dict) and all(type(v) is int for v in groupindex.values())
            and isinstance(indexgroup, list) and all(g is None or isinstance(g, str) for g in indexgroup)):
        return None
    try:
        words = array.array(_CODE_TYPE, base64.b64decode(code, validate=True)).tolist()
    except (binascii.Error, ValueError):  # not base64, or not a whole number of words
        return None
    return (all_flags, words, groups, groupindex, tuple(indexgroup))


def _encoded(code: list[int]) -> str:
    """``code`` as the base64 string of its words (see ``_decoded``)."""
    return base64.b64encode(array.array(_CODE_TYPE or "I", code).tobytes()).decode("ascii")


def save() -> None:
    """Write the table known to this process, atomically; a folder that refuses is no error."""
    if _stored is None or not _stored.is_dirty or _CODE_TYPE is None:
        return
    rows = {key: [*key, all_flags, _encoded(code), groups, groupindex, list(indexgroup)]
            for key, (all_flags, code, groups, groupindex, indexgroup) in _stored.programs.items()}
    data = {
        "programs": [row for _key, row in sorted({**_stored.unread, **rows}.items())],
        "cues": [[pattern, flags, None if cues is None else sorted(cues)]
                 for (pattern, flags), cues in sorted(_stored.cues.items())],
    }
    path = _path()
    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, separators=(",", ":"))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
