"""Write the interactive map: one self-contained HTML file that opens with no network.

Speaks to the gazetteer folder (``districts.geojson``, ``ATTRIBUTION.md``), the installed
Leaflet packages (:mod:`geo.webmap.assets`), folium and branca for the page skeleton, the
on-disk cache (:mod:`geo._cache`) and the file system through ``geo.export._atomic``.
folium, branca, jinja2 and shapely are imported inside the functions, and only when the
page shell is not cached yet, so importing this module, and rebuilding a map, stays cheap.

How the page is put together, and why:

- The page is two things: a shell that depends only on the gazetteer and the code, and
  the records. The shell is rendered once with a marker in each place a record's value
  goes (title, header counts, the data block), split at the markers and cached
  (:func:`_shell`, keyed by the gazetteer, the code of this package, ``map.js``,
  ``map.css`` and the versions of the libraries it is made with). Writing a map
  writes the shell's pieces and, between them, the escaped values and the records'
  JSON, one document at a time (``payload.record_members``): neither the data nor the
  page is ever held whole. From a Store, each document's JSON is copied as it was
  rendered when the document was extracted (``Store.map_documents``); from a Build it
  is rendered now, to the same bytes. ``render_map`` runs the same writer into a string.
- folium builds the skeleton: the map ``<div>``, ``L.map(...)`` and the OpenStreetMap
  tile layer, which is offered in the layer control but off by default. Its CDN links
  are emptied on the instance, and its random element ids are replaced by fixed ones,
  so one build gives byte-identical HTML.
- Everything else goes in through elements whose text branca inserts verbatim. branca's
  ``MacroElement`` parses a macro's output *again* as a Jinja template, so a quote with
  ``{{ 7*7 }}`` in it would be evaluated: article text never passes through one (nor
  through Jinja at all: it is written after rendering). The one MacroElement here
  (:func:`_start_call`) carries only two generated identifiers.
- Header and side panel come from a Jinja environment with ``autoescape=True``; the
  inlined scripts, style sheets and the JSON block are marked ``Markup`` explicitly,
  each already made safe for its element (``assets``, ``payload.script_json``). The
  values written into the markers are escaped the same way (``markupsafe.escape``).
- A Content-Security-Policy ``<meta>`` allows inline code and ``data:`` images only, plus
  HTTPS images for the optional tile layer: anything else the page tried to fetch would
  be refused by the browser.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from geo._cache import cached, content_key, source_hash
from geo.errors import GazetteerError
from geo.export import rows
from geo.export._atomic import render_text, write_text_atomic
from geo.model import Build, PlaceType
from geo.records import Records, as_records
from geo.webmap import assets, page, payload, shown
from geo.webmap.assets import Assets, load_assets
from geo.webmap.cards import CARDS_DIR, CardShards, CardSink
from geo.webmap.kept import companion_of
from geo.webmap.page import PieceCache, page_members
from geo.webmap.payload import (
    KIND_COLORS,
    encode_members,
    script_json,
    static_members,
)

if TYPE_CHECKING:
    from branca.element import Element, Figure

    from geo.gazetteer import Gazetteer
    from geo.manifest import Manifest

#: The names of the two JavaScript globals folium declares (``{_name}_{_id}``).
MAP_ID = "geo"
TILES_ID = "osm"

#: Allows what the page is made of and nothing that travels: inline code and styles,
#: data: images, HTTPS images for the optional OpenStreetMap layer (off by default), and
#: scripts beside the page ('self': the reader's ``articles/NN.js``, ``geo.webmap.articles``).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; "
    "img-src data: https:; base-uri 'none'; form-action 'none'"
)

#: The libraries the shell is rendered with or inlines: their versions key the cache.
_SHELL_LIBRARIES = ("folium", "branca", "jinja2", "markupsafe", "shapely", "xstatic-leaflet",
                    "xstatic-leaflet-markercluster")

#: The places of the shell where a build's values go. A marker is a NUL byte, the name
#: and a NUL byte: nothing else in the page holds a NUL (JSON writes it as \u0000).
_SLOTS = ("title", "corpus", "built", "n_claims", "n_places", "gazetteer_version",
          "region_open", "n_region", "n_areas", "n_unplaced", "n_unresolved", "data")
_SLOT = re.compile("\x00([a-z_]+)\x00")

_HEAD = """\
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
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
  <p id="geo-showing" aria-live="polite"></p>
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
    <fieldset id="geo-sides">
      <legend>According to</legend>
      <label><input type="radio" name="geo-side" value="all" checked> all sources</label>
      <label><input type="radio" name="geo-side" value="russia"> Russian sources</label>
      <label><input type="radio" name="geo-side" value="ukraine"> Ukrainian sources</label>
    </fieldset>
    <div id="geo-time">
      <label for="geo-at">State on <output id="geo-at-label" for="geo-at">the latest date</output></label>
      <input type="range" id="geo-at" min="0" max="0" step="1" value="0">
      <div id="geo-histogram" role="img" aria-label="claims per week"></div>
    </div>
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
  <details id="geo-feed" open>
    <summary>Feed: claims in view, newest first (<span class="geo-count">0</span>)</summary>
    <div class="geo-list"></div>
  </details>
  <section id="geo-legend">
    <h2>Legend</h2>
    <div id="geo-legend-items"></div>
  </section>
  <details id="geo-region"{{ region_open }}>
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


def _read_districts(gazetteer: Gazetteer) -> dict[str, Any]:
    """The district polygons of the gazetteer folder."""
    path = gazetteer.districts_geojson
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"cannot read the district polygons {path} ({err}); rebuild the gazetteer"
        raise GazetteerError(msg) from err


def _read_licence(gazetteer: Gazetteer) -> str:
    """The gazetteer's licence text, or "" when the folder has none."""
    try:
        return (gazetteer.folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    except OSError:
        return ""


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


def _slot(name: str) -> str:
    """The marker of one slot (mark it as Markup, so that Jinja leaves it alone)."""
    return f"\x00{name}\x00"


def _render_templates(static_json: str, assets: Assets) -> tuple[str, str]:
    """Head and body markup: autoescaped, pre-escaped texts marked as Markup, values as slots."""
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
        title=Markup(_slot("title")),
        inline={name: Markup(text) for name, text in inline.items()},
        kind_colors=[(kind.value, color) for kind, color in KIND_COLORS.items()],
    )
    # the static members, then the records' members: one JSON object
    data = Markup(static_json[:-1] + "," + _slot("data") + "}")
    body = env.from_string(_BODY).render(payload=data, **{
        name: Markup(_slot(name)) for name in _SLOTS if name not in ("title", "data")})
    return head, body


def _render_shell(gazetteer: Gazetteer) -> tuple[str, ...]:
    """The page with every slot empty, split at the slots: text, slot name, text, ... text."""
    static = static_members(gazetteer, districts=_read_districts(gazetteer),
                            licence_text=_read_licence(gazetteer))
    head, body = _render_templates(script_json(static), load_assets())
    figure = _skeleton(gazetteer)
    figure.header.add_child(_verbatim(head, "geo_head"), name="geo_head")
    figure.html.add_child(_verbatim(body, "geo_body"), name="geo_body")
    parts = tuple(_SLOT.split(figure.render()))
    if parts[1::2] != _SLOTS:
        msg = f"the page shell has the slots {parts[1::2]}, expected {_SLOTS}"
        raise AssertionError(msg)
    return parts


def _library_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _shell(gazetteer: Gazetteer) -> tuple[str, ...]:
    """The page shell of this gazetteer, from the cache when this code made it before."""
    own = resources.files("geo.webmap")
    key = content_key(
        gazetteer.version,
        _read_licence(gazetteer),
        source_hash(sys.modules[__name__], payload, assets, rows),
        own.joinpath("map.js").read_text(encoding="utf-8"),
        own.joinpath("map.css").read_text(encoding="utf-8"),
        {name: _library_version(name) for name in _SHELL_LIBRARIES},
    )
    return cached("webmap-shell", key, lambda: _render_shell(gazetteer))


def _slot_values(records: Records) -> dict[str, str]:
    """What each slot of the shell but ``data`` holds for these records, escaped for HTML."""
    from markupsafe import escape

    counts = records.counts
    claims_by_type = {place_type: 0 for place_type in PlaceType}
    for place in records.places:
        claims_by_type[place.place_type] += records.count_at(place.place_id)[1]
    values = {
        "title": f"{records.corpus} · claims map · built {records.built}",
        "corpus": records.corpus,
        "built": records.built,
        "gazetteer_version": records.gazetteer_version,
        "n_claims": counts.claims,
        "n_places": sum(p.place_type is PlaceType.SETTLEMENT for p in records.places),
        "region_open": " open" if claims_by_type[PlaceType.REGION] else "",
        "n_region": claims_by_type[PlaceType.REGION],
        "n_areas": claims_by_type[PlaceType.DISTRICT],
        "n_unplaced": counts.unplaced_claims,
        "n_unresolved": counts.unresolved,
    }
    return {name: str(escape(value)) for name, value in values.items()}


def _pieces_path(records: Records) -> Path | None:
    """Where the documents' page pieces of a Store are kept (``page.PieceCache``); None for other records."""
    return companion_of(records, "pieces", source_hash(payload, page, shown))


def _write_page(records: Records, gazetteer: Gazetteer, out: TextIO, *,
                cards: CardSink | None = None, pieces: PieceCache | None = None) -> None:
    """The shell's pieces, each slot's value between them, the records' JSON streamed.

    Each document's card goes to ``cards`` (the shards' writer) as the page is written;
    the documents' page pieces come from ``pieces`` (none kept: all made now).
    """
    parts = _shell(gazetteer)
    values = _slot_values(records)
    out.write(parts[0])
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        if name == "data":
            out.writelines(encode_members(page_members(records, gazetteer, cards=cards,
                                                       cache=pieces or PieceCache(None))))
        else:
            out.write(values[name])
        out.write(text)


def render_map(data: Build | Records, gazetteer: Gazetteer) -> str:
    """Render the map of a build as one HTML page (what ``write_map`` writes), without its cards.

    Reads the gazetteer's district polygons and licence text and the installed Leaflet
    packages, or the cached shell made of them; writes nothing but that cache. The same
    records and gazetteer give the same string.

    Parameters
    ----------
    data
        The records to draw: a Build, or any ``Records``.
    gazetteer
        The gazetteer the build used: basemap, search and district names.

    Returns
    -------
    str
        The HTML page.
    """
    records = as_records(data)
    return render_text(lambda fh: _write_page(records, gazetteer, fh), newline="")


def write_map(data: Build | Records, gazetteer: Gazetteer, out_path: Path, *,
              manifest: Manifest | None = None) -> None:
    """Write the map of a build to ``out_path`` atomically (UTF-8 HTML), its card shards beside it.

    The cards (quotes, contexts, sources: ``geo.webmap.cards``) go to the folder
    ``cards`` beside the page, which ``map.js`` loads from when a popup opens. A failure
    while rendering or writing leaves an existing page and its cards as they were.

    Parameters
    ----------
    data
        The records to draw: a Build, or any ``Records``.
    gazetteer
        The gazetteer the build used.
    out_path
        Where the HTML goes, e.g. ``maps/index.html``; folders are created.
    manifest
        When ``out_path`` is in a build's staging folder (``geo.outputs``): the card
        shards the published map already holds are linked, not written (``CardShards``).
    """
    records = as_records(data)
    out_path = Path(out_path)
    pieces = PieceCache(_pieces_path(records))
    with CardShards(out_path.parent / CARDS_DIR, manifest=manifest) as cards:
        write_text_atomic(out_path, lambda fh: _write_page(records, gazetteer, fh, cards=cards, pieces=pieces),
                          newline="")
