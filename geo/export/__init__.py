"""Exports of a build (a Build in memory, or any ``geo.records.Records``): GeoJSON, CSV and GeoPackage, chosen through one registry.

    WRITERS[Format.GEOJSON](build, path)    write a file atomically
    render_bytes(build, Format.CSV)         the bytes for ``--output -`` (GeoJSON, CSV)

Every writer has the signature ``(build, path)``. The GeoPackage writer also takes an
optional keyword, ``districts_geojson`` (see ``write_gpkg``); bind it with
``functools.partial`` when the build used a gazetteer other than the default one.

Adding a format touches three places here: a ``Format`` member, a ``_WRITER_NAMES`` entry and,
when the format can stream, a ``_RENDERERS`` entry; then docs/exports.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import ExportError

if TYPE_CHECKING:
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


class _Lazy(Mapping[Format, Callable[..., Any]]):
    """Format → function, its module imported when the format is first asked for.

    ``geo export --format geojson`` then never imports the CSV or GeoPackage writers,
    and ``import geo.export`` (for ``Format``, by the CLI) imports none (issue 14).
    """

    def __init__(self, where: dict[Format, tuple[str, str]]) -> None:
        self._where = where

    def __getitem__(self, fmt: Format) -> Callable[..., Any]:
        module, name = self._where[fmt]
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Format]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


_WRITER_NAMES = {
    Format.GEOJSON: ("geo.export.geojson", "write_geojson"),
    Format.CSV: ("geo.export.csv", "write_csv"),
    Format.GPKG: ("geo.export.gpkg", "write_gpkg"),
}
WRITERS: Mapping[Format, Callable[[Build | Records, Path], None]] = _Lazy(_WRITER_NAMES)

_RENDERERS: Mapping[Format, Callable[[Build | Records], bytes]] = _Lazy({
    Format.GEOJSON: ("geo.export.geojson", "render_geojson"),
    Format.CSV: ("geo.export.csv", "render_csv"),
})


def __getattr__(name: str) -> Callable[..., Any]:
    """``write_geojson``, ``write_csv`` and ``write_gpkg``, imported when first named."""
    for fmt, (_, writer) in _WRITER_NAMES.items():
        if writer == name:
            return WRITERS[fmt]
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


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
