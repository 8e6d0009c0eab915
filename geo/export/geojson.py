"""Write a Build as RFC 7946 GeoJSON: WGS84, [lon, lat], no ``crs`` member.

The bytes are deterministic: keys in a fixed order (the order rows.py builds them),
records already sorted in the Build, UTF-8 without escaping non-ASCII, one trailing
newline.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.export._atomic import write_bytes_atomic
from geo.export.rows import feature_collection
from geo.model import Build


def render_geojson(build: Build) -> bytes:
    """The FeatureCollection of ``build`` as UTF-8 bytes."""
    text = json.dumps(feature_collection(build), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_geojson(build: Build, path: Path) -> None:
    """Write ``build`` to ``path`` atomically."""
    write_bytes_atomic(path, render_geojson(build))
