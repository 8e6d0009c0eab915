"""The errors geo raises, and only those.

    GeoError                    root: anything geo explains in one line
     ├── GazetteerError(ValueError)   the committed gazetteer data is missing or broken
     ├── CorpusError(OSError)         the corpus path cannot be used at all
     ├── ExportError(OSError)         an output cannot be written
     └── ContractError(ValueError)    an export does not hold what the contract asks

A bad *input file* is not an error: ``corpus`` records it as a ``Skip`` and the build
goes on. Exceptions are for a caller's mistake and for a broken installation.
"""

from __future__ import annotations

import re


class GeoError(Exception):
    """Root of every error geo explains in one line."""


class GazetteerError(GeoError, ValueError):
    """The gazetteer data cannot be loaded."""


class CorpusError(GeoError, OSError):
    """The corpus path cannot be read at all (missing, not a folder, unreadable)."""


class ExportError(GeoError, OSError):
    """An output file cannot be written."""


class ContractError(GeoError, ValueError):
    """An export breaks the places contract."""


def failure_reason(what: str, err: BaseException) -> str:
    """One line saying what failed and why, for the Skip of one file (issue 13).

    A bug or a hostile input in one file (JSON-LD nested 1,000 deep, a pathological
    page) must cost that file, not the build. Skip reasons are sentences for people,
    so the exception's class is named in words ("KeyError" gives "key").

    >>> failure_reason("cannot extract the file", RecursionError("maximum recursion depth exceeded"))
    'cannot extract the file: nested too deeply (recursion limit)'
    >>> failure_reason("cannot extract the file", KeyError("x"))
    "cannot extract the file: unexpected failure (key: 'x')"
    """
    if isinstance(err, RecursionError):
        return f"{what}: nested too deeply (recursion limit)"
    if isinstance(err, MemoryError):
        return f"{what}: out of memory"
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(err).__name__.removesuffix("Error")).lower() or "failure"
    detail = " ".join(str(err).split())[:200]
    return f"{what}: unexpected failure ({words}: {detail})" if detail else f"{what}: unexpected failure ({words})"


#: Bidirectional-text controls: in a file name they reorder what a terminal shows
#: ("txt.exe" shown as "exe.txt"), so they are escaped like control characters.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    r"""``text`` with control and bidi-override characters written as escapes, for a terminal.

    A file name is data from the corpus: ``ESC[2J`` in it must not clear the user's
    screen, nor U+202E reverse the line (issue 13). Newlines and tabs are escaped too, so
    one message stays one line.

    >>> printable("skipped \x1b[2Jnews.txt: empty file")
    'skipped \\x1b[2Jnews.txt: empty file'
    >>> printable("read report\u202etxt.exe")
    'read report\\u202etxt.exe'
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() and ch not in _BIDI_CONTROLS
        else f"\\x{ord(ch):02x}" if ord(ch) < 0x100
        else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
        for ch in text)
