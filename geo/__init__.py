"""geo: an offline map of claims about the fighting in Kursk oblast, from news articles.

The small public API: load the gazetteer and the automaton once, then run a corpus::

    from geo import load_resources, run
    build = run(Path("seeds"), resources=load_resources())
"""

from __future__ import annotations

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Build, Claim, Document, Figure, Kind, Link, Mention, Place, PlaceType, Resolution, Skip
from geo.pipeline import Resources, load_resources, process_document, run

__version__ = "0.1.0"

__all__ = [
    "Build", "Claim", "Document", "Figure", "Gazetteer", "Kind", "Link", "Mention", "Place",
    "PlaceType", "Resolution", "Resources", "Skip", "__version__", "load_gazetteer",
    "load_resources", "process_document", "run",
]
