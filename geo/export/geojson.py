"""Write a Build as RFC 7946 GeoJSON: WGS84, [lon, lat], no ``crs`` member.

The bytes are deterministic: keys in a fixed order (the order rows.py builds them),
records already sorted in the Build, UTF-8 without escaping non-ASCII, one trailing
newline.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.export._atomic import atomic_path
from geo.export.rows import feature_collection
from geo.model import Build


def render_geojson(build: Build) -> bytes:
    """The FeatureCollection of ``build`` as UTF-8 bytes."""
    text = json.dumps(feature_collection(build), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_geojson(build: Build, path: Path) -> None:
    """Write ``build`` to ``path`` atomically, streaming: the same bytes as ``render_geojson``
    without holding the whole text in memory (for 10,000 articles, 175 MiB peak, not 460)."""
    collection = feature_collection(build)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        json.dump(collection, fh, ensure_ascii=False, indent=1, allow_nan=False)
        fh.write("\n")
