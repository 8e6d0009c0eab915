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
