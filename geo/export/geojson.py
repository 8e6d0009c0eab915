"""Write a Build as RFC 7946 GeoJSON: WGS84, [lon, lat], no ``crs`` member.

The bytes are deterministic: keys in a fixed order (the order rows.py builds them),
records already sorted in the Build, UTF-8 without escaping non-ASCII, one trailing
newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from geo.export._atomic import atomic_path
from geo.export.rows import collection_members, feature_collection, iter_features
from geo.model import Build


def render_geojson(build: Build) -> bytes:
    """The FeatureCollection of ``build`` as UTF-8 bytes."""
    text = json.dumps(feature_collection(build), ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_geojson(build: Build, path: Path) -> None:
    """Write ``build`` to ``path`` atomically, one feature at a time.

    The bytes are those of ``render_geojson`` (a test compares them), but neither the
    whole text nor the list of every feature dict is held in memory at once.
    """
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        _dump_streamed(build, fh)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False)


def _dump_streamed(build: Build, fh: TextIO) -> None:
    """Write what ``json.dump(feature_collection(build), indent=1)`` writes, plus a newline."""
    members = list(collection_members(build, None).items())
    fh.write("{\n")
    for index, (key, value) in enumerate(members):
        fh.write(f" {_dumps(key)}: ")
        if key == "features":
            _dump_features(iter_features(build), fh)
        else:
            fh.write(_dumps(value).replace("\n", "\n "))
        fh.write(",\n" if index < len(members) - 1 else "\n")
    fh.write("}\n")


def _dump_features(features: Iterator[dict[str, object]], fh: TextIO) -> None:
    first = next(features, None)
    if first is None:
        fh.write("[]")
        return
    fh.write("[\n  " + _dumps(first).replace("\n", "\n  "))
    for feature in features:
        fh.write(",\n  " + _dumps(feature).replace("\n", "\n  "))
    fh.write("\n ]")
