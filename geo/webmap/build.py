"""Write the interactive map: one self-contained HTML file that opens with no network.

Speaks to the gazetteer folder (``districts.geojson``, ``ATTRIBUTION.md``), the installed
Leaflet packages (:mod:`geo.webmap.assets`), folium and branca for the page skeleton, and
the file system through ``geo.export._atomic``. folium, branca and jinja2 are imported
inside the functions, so importing this module stays cheap.

How the page is put together, and why:

- folium builds the skeleton: the map ``<div>``, ``L.map(...)`` and the OpenStreetMap
  tile layer, which is offered in the layer control but off by default. Its CDN links
  are emptied on the instance, and its random element ids are replaced by fixed ones,
  so one Build gives byte-identical HTML.
- Everything else goes in through elements whose text branca inserts verbatim. branca's
  ``MacroElement`` parses a macro's output *again* as a Jinja template, so a quote with
  ``{{ 7*7 }}`` in it would be evaluated: article text never passes through one. The one
  MacroElement here (:func:`_start_call`) carries only two generated identifiers.
- Header and side panel come from a Jinja environment with ``autoescape=True``; the
  inlined scripts, style sheets and the JSON block are marked ``Markup`` explicitly,
  each already made safe for its element (``assets``, ``payload.script_json``).
- A Content-Security-Policy ``<meta>`` allows inline code and ``data:`` images only, plus
  HTTPS images for the optional tile layer: anything else the page tried to fetch would
  be refused by the browser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GazetteerError
from geo.export._atomic import write_bytes_atomic
from geo.model import Build, PlaceType
from geo.webmap.assets import Assets, load_assets
from geo.webmap.payload import KIND_COLORS, build_payload, script_json

if TYPE_CHECKING:
    from branca.element import Element, Figure

    from geo.gazetteer import Gazetteer

#: The names of the two JavaScript globals folium declares (``{_name}_{_id}``).
MAP_ID = "geo"
TILES_ID = "osm"

#: Allows what the page is made of and nothing that travels: inline code and styles,
#: data: images, and HTTPS images for the optional OpenStreetMap layer (off by default).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: https:; base-uri 'none'; form-action 'none'"
)

_HEAD = """\
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{{ title }}</title>
<style>{{ inline.leaflet_css }}</style>
<style>{{ inline.markercluster_css }}</style>
<style>{{ inline.app_css }}
{% for kind, color in kind_colors %}.geo-k-{{ kind }} { --k: {{ color }}; }
{% endfor %}</style>
<script>{{ inline.leaflet_js }}</script>
<script>{{ inline.markercluster_js }}</script>
<script>{{ inline.app_js }}</script>
"""

_BODY = """\
<header id="geo-header">
  <button type="button" id="geo-panel-toggle" aria-controls="geo-panel" aria-expanded="true"
          title="Show or hide the side panel">&#9776;</button>
  <h1>{{ corpus }}</h1>
  <p>claims about places in Kursk oblast &middot; built {{ built }} &middot;
     {{ n_claims }} claims, {{ n_places }} places &middot; gazetteer {{ gazetteer_version }}</p>
</header>
<aside id="geo-panel" aria-label="Search, filters and lists">
  <form id="geo-search" role="search" autocomplete="off">
    <label for="geo-q">Find a village</label>
    <div class="geo-row">
      <input id="geo-q" type="search" placeholder="Latin or Cyrillic: Sudzha, Суджа"
             spellcheck="false">
      <button type="submit">Find</button>
    </div>
    <ol id="geo-results"></ol>
  </form>
  <section id="geo-filters">
    <h2>Filters</h2>
    <div class="geo-row geo-dates">
      <label>from <input type="date" id="geo-from"></label>
      <label>to <input type="date" id="geo-to"></label>
    </div>
    <label class="geo-check"><input type="checkbox" id="geo-undated" checked> undated claims</label>
    <label class="geo-check"><input type="checkbox" id="geo-mentioned" checked>
      places mentioned without a claim</label>
    <h3>Kind of claim</h3>
    <div id="geo-kinds" class="geo-checks"></div>
    <h3>Claimant
      <button type="button" class="geo-small" id="geo-claimants-all">all</button>
      <button type="button" class="geo-small" id="geo-claimants-none">none</button></h3>
    <div id="geo-claimants" class="geo-checks"></div>
  </section>
  <section id="geo-legend">
    <h2>Legend</h2>
    <div id="geo-legend-items"></div>
  </section>
  <details id="geo-region"{% if n_region %} open{% endif %}>
    <summary>Claims about the whole oblast (<span class="geo-count">{{ n_region }}</span>)</summary>
    <div class="geo-list"></div>
  </details>
  <details id="geo-areas">
    <summary>Claims about a district (<span class="geo-count">{{ n_areas }}</span>)</summary>
    <div class="geo-list"></div>
  </details>
  <details id="geo-unplaced">
    <summary>Claims tied to no place (<span class="geo-count">{{ n_unplaced }}</span>)</summary>
    <div class="geo-list"></div>
  </details>
  <details id="geo-unresolved">
    <summary>Unresolved mentions (<span class="geo-count">{{ n_unresolved }}</span>)</summary>
    <div class="geo-list"></div>
  </details>
  <details id="geo-about">
    <summary>Data and licences</summary>
    <pre id="geo-licence"></pre>
  </details>
</aside>
<noscript><p class="geo-noscript">The map is drawn by JavaScript, which is off.</p></noscript>
<script type="application/json" id="geo-data">{{ payload }}</script>
"""


def _read_gazetteer_files(gazetteer: Gazetteer) -> tuple[dict[str, Any], str]:
    """The district polygons and the licence text of the gazetteer folder."""
    path = gazetteer.districts_geojson
    try:
        districts = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"cannot read the district polygons {path} ({err}); rebuild the gazetteer"
        raise GazetteerError(msg) from err
    try:
        licence = (gazetteer.folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    except OSError:
        licence = ""
    return districts, licence


def _verbatim(markup: str, name: str) -> Element:
    """A branca element whose text is inserted as is, never parsed as a template."""
    from branca.element import Element

    element = Element("{{ this.markup }}")
    element._id = name
    element.markup = markup  # type: ignore[attr-defined]
    return element


def _start_call(osm: Element) -> Element:
    """The one line that hands folium's map and tile layer to ``map.js``."""
    from branca.element import MacroElement
    from jinja2 import Template

    start = MacroElement()
    start._name, start._id = "GeoStart", "start"
    start._template = Template(
        "{% macro script(this, kwargs) %}"
        "geoMap.start({{ this._parent.get_name() }}, {{ this.osm.get_name() }});"
        "{% endmacro %}")
    start.osm = osm  # type: ignore[attr-defined]
    return start


def _skeleton(gazetteer: Gazetteer) -> Figure:
    """The folium page: the map and the optional tile layer, with fixed ids and no CDN."""
    import folium
    from branca.element import Figure

    region = gazetteer.region
    fmap = folium.Map(location=(region.lat, region.lon), zoom_start=8, tiles=None,
                      prefer_canvas=True, control_scale=True, minZoom=6, maxZoom=18)
    fmap.default_js, fmap.default_css = [], []
    fmap._id = MAP_ID
    osm = folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False,
                           control=False, max_zoom=18)
    osm._id = TILES_ID
    osm.add_to(fmap)
    _start_call(osm).add_to(fmap)
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure._id = "page"
    return figure


def _render_templates(build: Build, data: dict[str, Any], assets: Assets) -> tuple[str, str]:
    """Head and body markup: autoescaped, with the pre-escaped texts marked as Markup."""
    from jinja2 import Environment, StrictUndefined
    from markupsafe import Markup

    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    # each text was checked by assets._check_inline_safe: it cannot close its element
    inline = {
        "leaflet_css": assets.leaflet.css, "markercluster_css": assets.markercluster.css,
        "app_css": assets.app_css, "leaflet_js": assets.leaflet.js,
        "markercluster_js": assets.markercluster.js, "app_js": assets.app_js,
    }
    head = env.from_string(_HEAD).render(
        csp=CONTENT_SECURITY_POLICY,
        title=f"{build.corpus} · claims map · built {build.built}",
        inline={name: Markup(text) for name, text in inline.items()},
        kind_colors=[(kind.value, color) for kind, color in KIND_COLORS.items()],
    )
    body = env.from_string(_BODY).render(
        corpus=build.corpus,
        built=build.built,
        gazetteer_version=build.gazetteer_version,
        n_claims=len(build.claims),
        n_places=sum(p.place_type is PlaceType.SETTLEMENT for p in build.places),
        n_region=len(data["region"]["claims"]) if data["region"] else 0,
        n_areas=sum(len(a["claims"]) for a in data["areas"]),
        n_unplaced=len(data["unplaced"]),
        n_unresolved=len(data["unresolved"]),
        payload=Markup(script_json(data)),
    )
    return head, body


def render_map(build: Build, gazetteer: Gazetteer) -> str:
    """Render the map of a Build as one self-contained HTML page.

    Reads the gazetteer's district polygons and licence text and the installed Leaflet
    packages; writes nothing. The same Build and gazetteer give the same string.

    Parameters
    ----------
    build
        The records to draw.
    gazetteer
        The gazetteer the build used: basemap, search and district names.

    Returns
    -------
    str
        The HTML page.
    """
    districts, licence = _read_gazetteer_files(gazetteer)
    data = build_payload(build, gazetteer, districts=districts, licence_text=licence)
    head, body = _render_templates(build, data, load_assets())
    figure = _skeleton(gazetteer)
    figure.header.add_child(_verbatim(head, "geo_head"), name="geo_head")
    figure.html.add_child(_verbatim(body, "geo_body"), name="geo_body")
    return figure.render()


def write_map(build: Build, gazetteer: Gazetteer, out_path: Path) -> None:
    """Write the map of a Build to ``out_path`` atomically (UTF-8 HTML).

    A failure while rendering or writing leaves an existing file as it was.

    Parameters
    ----------
    build
        The records to draw.
    gazetteer
        The gazetteer the build used.
    out_path
        Where the HTML goes, e.g. ``maps/index.html``; folders are created.
    """
    html = render_map(build, gazetteer)
    write_bytes_atomic(Path(out_path), html.encode("utf-8"))
