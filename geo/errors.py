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
