"""Exports of a build (a Build in memory, or any ``geo.records.Records``): GeoJSON, CSV and GeoPackage, chosen through one registry.

    WRITERS[Format.GEOJSON](build, path)    write a file atomically
    render_bytes(build, Format.CSV)         the bytes for ``--output -`` (GeoJSON, CSV)

Every writer has the signature ``(build, path)``. The GeoPackage writer also takes an
optional keyword, ``districts_geojson`` (see ``write_gpkg``); bind it with
``functools.partial`` when the build used a gazetteer other than the default one.

Adding a format touches three places here: a ``Format`` member, a ``WRITERS`` entry and,
when the format can stream, a ``_RENDERERS`` entry; then docs/exports.md.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from geo.errors import ExportError
from geo.export.csv import render_csv, write_csv
from geo.export.geojson import render_geojson, write_geojson
from geo.export.gpkg import write_gpkg
from geo.model import Build
from geo.records import Records

__all__ = ["WRITERS", "Format", "render_bytes", "write_csv", "write_geojson", "write_gpkg"]


class Format(StrEnum):
    """An export format; its value is the ``--format`` choice and the usual file suffix."""

    GEOJSON = "geojson"
    CSV = "csv"
    GPKG = "gpkg"

    @classmethod
    def _missing_(cls, value: object) -> None:
        options = ", ".join(member.value for member in cls)
        msg = f"unknown export format {value!r}; options are: {options}"
        raise ValueError(msg)


WRITERS: dict[Format, Callable[[Build | Records, Path], None]] = {
    Format.GEOJSON: write_geojson,
    Format.CSV: write_csv,
    Format.GPKG: write_gpkg,
}

_RENDERERS: dict[Format, Callable[[Build | Records], bytes]] = {
    Format.GEOJSON: render_geojson,
    Format.CSV: render_csv,
}


def render_bytes(build: Build | Records, fmt: Format | str) -> bytes:
    """The export of ``build`` as bytes, for writing to stdout.

    Parameters
    ----------
    build
        The records to export.
    fmt
        ``geojson`` or ``csv``; a GeoPackage is an SQLite database and needs a file.

    Returns
    -------
    bytes
        Exactly what ``WRITERS[fmt]`` writes to a file.
    """
    fmt = Format(fmt)
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        options = ", ".join(f.value for f in _RENDERERS)
        msg = (f"{fmt.value} cannot be written to stdout (options are: {options}); "
               f"pass --output FILE.{fmt.value}")
        raise ExportError(msg) from None
    return renderer(build)
