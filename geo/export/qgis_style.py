"""The default QGIS style that travels inside the GeoPackage (the ``layer_styles`` table).

QGIS looks for a ``layer_styles`` table in a GeoPackage and applies the row marked
``useAsDefault`` to the layer named in ``f_table_name``; that table and its columns are
QGIS's own convention (what "Save style → in database" writes). With it, a GeoPackage
dropped into QGIS looks like the web map: claims coloured by kind (the map's colours,
``geo.webmap.payload.KIND_COLORS``), points sized by their figure, district and oblast
claims drawn as translucent areas, and the temporal controller set to ``event_date``
so that the claims animate with no expression to write.

Pure: the QML text and the table rows are made from data here; ``gpkg.py`` writes them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from geo.model import Kind

__all__ = ["STYLE_COLUMNS", "claims_qml", "style_rows"]

#: Columns of QGIS's ``layer_styles`` table (besides its ``id`` key), in QGIS's order.
STYLE_COLUMNS: tuple[str, ...] = (
    "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
    "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time",
)
#: The QGIS version whose QML the style follows (read by every later 3.x).
QGIS_VERSION = "3.28.0"
#: Marker size in mm from the figure: sqrt scale from 1 to 10,000 onto 2.5–10 mm (clamped
#: by ``scale_exp``), 2 mm without a number, so a large figure stands out and a small one
#: stays visible.
SIZE_EXPRESSION = 'coalesce(scale_exp(coalesce("best", "high", "low"), 1, 10000, 2.5, 10, 0.5), 2)'
#: Opacity of an area claim's fill: the oblast is large, the villages under it stay visible.
AREA_FILL_ALPHA = 60
#: GDAL's geometry column name in a GeoPackage layer.
GEOMETRY_COLUMN = "geom"


def _rgba(hex_colour: str, alpha: int = 255) -> str:
    """``#d55e00`` → ``213,94,0,255``, QGIS's colour notation."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"{r},{g},{b},{alpha}"


def _option(parent: ET.Element, name: str, value: str, kind: str = "QString") -> None:
    ET.SubElement(parent, "Option", {"name": name, "type": kind, "value": value})


def _symbol_layer(symbol: ET.Element, layer_class: str, options: Mapping[str, str], *,
                  size_expression: str | None) -> None:
    layer = ET.SubElement(symbol, "layer", {"class": layer_class, "enabled": "1", "locked": "0", "pass": "0"})
    values = ET.SubElement(layer, "Option", {"type": "Map"})
    for name, value in options.items():
        _option(values, name, value)
    if size_expression is not None:
        props = ET.SubElement(ET.SubElement(layer, "data_defined_properties"), "Option", {"type": "Map"})
        _option(props, "name", "")
        size = ET.SubElement(ET.SubElement(props, "Option", {"name": "properties", "type": "Map"}),
                             "Option", {"name": "size", "type": "Map"})
        _option(size, "active", "true", "bool")
        _option(size, "expression", size_expression)
        _option(size, "type", "3", "int")  # 3: an expression-based property
        _option(props, "type", "collection")


def _qml(colours: Mapping[Kind, str], *, polygons: bool) -> str:
    root = ET.Element("qgis", {"version": QGIS_VERSION, "styleCategories": "Symbology|Temporal"})
    renderer = ET.SubElement(root, "renderer-v2", {"type": "categorizedSymbol", "attr": "kind",
                                                   "symbollevels": "0", "enableorderby": "0",
                                                   "forceraster": "0"})
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for index, kind in enumerate(Kind):
        name = str(index)
        ET.SubElement(categories, "category", {"symbol": name, "value": kind.value,
                                               "label": kind.value.replace("_", " "), "render": "true"})
        colour = colours.get(kind, "#8c8c8c")
        symbol = ET.SubElement(symbols, "symbol", {"type": "fill" if polygons else "marker", "name": name,
                                                   "alpha": "1" if polygons else "0.85",
                                                   "clip_to_extent": "1", "force_rhr": "0"})
        if polygons:
            _symbol_layer(symbol, "SimpleFill", {
                "color": _rgba(colour, AREA_FILL_ALPHA), "style": "solid", "outline_color": _rgba(colour),
                "outline_style": "solid", "outline_width": "0.4", "outline_width_unit": "MM"},
                size_expression=None)
        else:
            _symbol_layer(symbol, "SimpleMarker", {
                "color": _rgba(colour), "name": "circle", "outline_color": "35,35,35,255",
                "outline_style": "solid", "outline_width": "0.2", "outline_width_unit": "MM",
                "size": "3", "size_unit": "MM"}, size_expression=SIZE_EXPRESSION)
    # The temporal controller: each claim is an instant at its event_date, shown for a day.
    ET.SubElement(root, "temporal", {
        "enabled": "1", "mode": "1", "limitMode": "0", "startField": "event_date", "endField": "",
        "durationField": "", "durationUnit": "d", "fixedDuration": "1", "accumulate": "0",
        "startExpression": "", "endExpression": ""})
    ET.indent(root)
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="unicode")


def claims_qml(colours: Mapping[Kind, str], *, polygons: bool = False) -> str:
    """The QML of a claims layer: categorised on ``kind``, points sized by the figure.

    Parameters
    ----------
    colours
        The colour of each kind (``#rrggbb``); a kind without one is grey.
    polygons
        Style a polygon layer (``area_claims``) with translucent fills instead of points.

    Returns
    -------
    str
        A QGIS style document (``.qml``).
    """
    return _qml(colours, polygons=polygons)


def style_rows(colours: Mapping[Kind, str], *, point_layer: str, area_layer: str) -> list[dict[str, object]]:
    """The ``layer_styles`` rows: one default style for each claims layer."""
    rows = []
    for layer, polygons in ((point_layer, False), (area_layer, True)):
        rows.append({
            "f_table_catalog": "", "f_table_schema": "", "f_table_name": layer,
            "f_geometry_column": GEOMETRY_COLUMN, "styleName": f"geo {layer}",
            "styleQML": claims_qml(colours, polygons=polygons), "styleSLD": "", "useAsDefault": True,
            "description": "claims coloured by kind" + ("" if polygons else ", sized by figure"),
            "owner": "", "ui": "",
        })
    return rows
