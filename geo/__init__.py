"""geo: an offline map of claims about the fighting in Kursk oblast, from news articles.

The small public API: load the gazetteer and the automaton once, then run a corpus::

    from geo import load_resources, run
    build = run(Path("seeds"), resources=load_resources())

Names are imported on first use (PEP 562), so ``import geo.model`` loads only the records.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Build": "geo.model", "Claim": "geo.model", "Document": "geo.model", "Figure": "geo.model",
    "Kind": "geo.model", "Link": "geo.model", "Mention": "geo.model", "Place": "geo.model",
    "PlaceType": "geo.model", "Resolution": "geo.model", "Skip": "geo.model",
    "Gazetteer": "geo.gazetteer", "load_gazetteer": "geo.gazetteer",
    "Resources": "geo.pipeline", "load_resources": "geo.pipeline", "process_document": "geo.pipeline",
    "run": "geo.pipeline",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    msg = f"module 'geo' has no attribute {name!r}"
    raise AttributeError(msg)
