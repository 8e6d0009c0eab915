"""The map's scripts and style sheets, read from installed packages and made inline-safe.

Leaflet and Leaflet.markercluster come from the ``xstatic-leaflet`` and
``xstatic-leaflet-markercluster`` wheels (``BASE_DIR`` of each); geo's own script and
style sheet (``map.js``, ``map.css``) sit beside this module. Nothing here contacts a
server: the page must open with no network, so

- source-map comments are dropped (they name ``.map`` files that are not shipped),
- CSS comments are dropped (one of Leaflet's carries a bug-tracker address),
- the images Leaflet's CSS points to (layer-control icon, default marker) become
  ``data:`` URIs,
- a text that could close its ``<script>`` or ``<style>`` element is refused.
"""

from __future__ import annotations

import base64
import functools
import importlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from geo.errors import ExportError

_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=\S*\s*$", re.MULTILINE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<path>[^'\")#][^'\")]*)\1\s*\)")
_CLOSING_TAG = re.compile(r"</(script|style)|<!--", re.IGNORECASE)
_MEDIA_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


@dataclass(frozen=True, slots=True)
class Library:
    """One JavaScript library, ready to inline.

    name        the xstatic package's display name
    version     its version (Leaflet reports the same one as ``L.version``)
    js          the minified script
    css         its style sheets, concatenated, with images as data: URIs
    """

    name: str
    version: str
    js: str
    css: str


@dataclass(frozen=True, slots=True)
class Assets:
    """Everything the page inlines, in load order.

    leaflet         Leaflet itself
    markercluster   Leaflet.markercluster (needs Leaflet loaded first)
    app_js          geo's map script (``map.js``): builds the layers from the JSON payload
    app_css         geo's style sheet (``map.css``)
    """

    leaflet: Library
    markercluster: Library
    app_js: str
    app_css: str


#: xstatic module → (pip name, script, style sheets), in load order.
_LIBRARIES = {
    "xstatic.pkg.leaflet": ("xstatic-leaflet", "leaflet.js", ("leaflet.css",)),
    "xstatic.pkg.leaflet_markercluster": (
        "xstatic-leaflet-markercluster",
        "leaflet.markercluster.js",
        ("MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
}


def _check_inline_safe(text: str, what: str) -> str:
    """Refuse a text that would end its element early when inlined."""
    found = _CLOSING_TAG.search(text)
    if found:
        msg = (f"{what} contains {found.group(0)!r} at offset {found.start()} and cannot be "
               "inlined into the map; reinstall the package or report the version")
        raise ExportError(msg)
    return text


def _inline_css_images(css: str, folder: Path, what: str) -> str:
    """Replace each ``url(relative/path)`` with the file's bytes as a data: URI."""

    def data_uri(match: re.Match[str]) -> str:
        if match.group("path").startswith("data:"):
            return match.group(0)
        if ":" in match.group("path") or match.group("path").startswith("/"):
            msg = f"{what} loads {match.group('path')!r}, which is not a file of the package"
            raise ExportError(msg)
        path = folder / match.group("path")
        media_type = _MEDIA_TYPES.get(path.suffix.lower())
        try:
            payload = path.read_bytes()
        except OSError as err:
            msg = f"{what} refers to {path}, which cannot be read ({err.strerror or err})"
            raise ExportError(msg) from err
        if media_type is None:
            msg = f"{what} refers to {path}, which is not an image geo can inline"
            raise ExportError(msg)
        return f"url(data:{media_type};base64,{base64.b64encode(payload).decode('ascii')})"

    return _CSS_URL.sub(data_uri, _CSS_COMMENT.sub("", css))


def _load_library(module_name: str) -> Library:
    pip_name, script, sheets = _LIBRARIES[module_name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        msg = f"the map needs the package {pip_name}: pip install {pip_name}"
        raise ExportError(msg) from err
    folder = Path(module.BASE_DIR)
    try:
        js = (folder / script).read_text(encoding="utf-8")
        css = "\n".join((folder / sheet).read_text(encoding="utf-8") for sheet in sheets)
    except OSError as err:
        msg = (f"{pip_name} is incomplete ({err.strerror or err}): "
               f"pip install --force-reinstall {pip_name}")
        raise ExportError(msg) from err
    js = _check_inline_safe(_SOURCE_MAP.sub("", js).rstrip() + "\n", f"{pip_name}/{script}")
    css = _check_inline_safe(_inline_css_images(css, folder, pip_name), f"{pip_name} CSS")
    return Library(name=module.DISPLAY_NAME, version=module.VERSION, js=js, css=css)


def _read_own(name: str) -> str:
    text = resources.files("geo.webmap").joinpath(name).read_text(encoding="utf-8")
    return _check_inline_safe(text, f"geo/webmap/{name}")


@functools.cache
def load_assets() -> Assets:
    """Read and prepare every script and style sheet of the page (once per process).

    Returns
    -------
    Assets
        The texts to inline, in load order.
    """
    leaflet, markercluster = (_load_library(name) for name in _LIBRARIES)
    return Assets(leaflet=leaflet, markercluster=markercluster,
                  app_js=_read_own("map.js"), app_css=_read_own("map.css"))
