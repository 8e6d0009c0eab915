"""The map page, read as text: offline, escaped by construction, deterministic, atomic.

The page is rendered once per module from ``webmap_builds.hostile_build``; what a
browser makes of it is ``test_browser.py``'s job.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Build
from geo.webmap import build as webmap_build
from geo.webmap.assets import load_assets
from geo.webmap.build import render_map, write_map
from geo.webmap.payload import script_json, utf16_offset
from tests.builds import ROOT, assert_old_file_survives, break_write_bytes
from tests.webmap_builds import (
    CORPUS,
    GUYEVO,
    HOSTILE,
    MAKHNOVKA,
    NAME,
    PLEKHOVO,
    PLEKHOVO_CONTEXT,
    SUDZHA,
    hostile_build,
    hostile_quote,
    render_map_in_subprocess,
)

#: Addresses a page may name without fetching them: the XML namespace of SVG, which
#: Leaflet and map.js pass to createElementNS, and Leaflet's own attribution link.
NAMESPACE_AND_CREDIT = {"http://www.w3.org/2000/svg", "https://leafletjs.com"}
TILE_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
URL = re.compile(r"https?://[^\s\"'<>)\\]+")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def build(gazetteer: Gazetteer) -> Build:
    return hostile_build(gazetteer)


@pytest.fixture(scope="module")
def html(build: Build, gazetteer: Gazetteer) -> str:
    return render_map(build, gazetteer)


class _Page(HTMLParser):
    """Start tags outside scripts, and the text of each <script>, as a browser splits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def payload_of(html: str) -> dict:
    """The JSON data block, as the browser's parser delimits it."""
    blocks = [text for attrs, text in parse_page(html).scripts if attrs.get("id") == "geo-data"]
    assert len(blocks) == 1
    assert blocks[0] and "<" not in blocks[0]
    return json.loads(blocks[0])


def utf16_slice(text: str, span: list[int]) -> str:
    return text.encode("utf-16-le")[2 * span[0]:2 * span[1]].decode("utf-16-le")


# ---- offline and self-contained ----

def test_every_address_is_attribution_or_the_optional_tile_template(html: str, gazetteer: Gazetteer,
                                                                    build: Build) -> None:
    licence = (gazetteer.folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    osm_credit = {"https://www.openstreetmap.org/copyright"}
    attribution = set(URL.findall(licence + "\n".join(build.attribution))) | osm_credit
    allowed = attribution | NAMESPACE_AND_CREDIT | {TILE_TEMPLATE}
    assert set(URL.findall(html)) <= allowed
    assert html.count(TILE_TEMPLATE) == 1


def test_the_tile_layer_is_off_by_default(html: str) -> None:
    assert "var tile_layer_osm = L.tileLayer(" in html
    assert "tile_layer_osm.addTo" not in html


def test_leaflet_and_markercluster_are_inlined(html: str) -> None:
    assets = load_assets()
    assert assets.leaflet.version == "1.9.3"
    for text in (assets.leaflet.js, assets.markercluster.js, assets.leaflet.css, assets.app_js):
        assert text in html
    assert "sourceMappingURL" not in html
    assert "url(images/" not in html


def test_nothing_is_loaded_by_address(html: str) -> None:
    page = parse_page(html)
    assert all("src" not in attrs for attrs, _ in page.scripts)
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert "@import" not in html and "@font-face" not in html


# ---- escaping by construction ----

def test_data_travels_in_one_json_block_and_parses_back(html: str, build: Build) -> None:
    data = payload_of(html)
    assert [data["texts"][c["quote"]] for c in data["claims"]] == [c.quote for c in build.claims]
    files = [data["sources"][c["source"]]["file"] for c in data["claims"]]
    assert files == [c.source for c in build.claims]
    assert len(set(data["texts"])) == len(data["texts"])  # each quote stored once


def test_the_page_has_exactly_the_scripts_it_was_built_with(html: str) -> None:
    page = parse_page(html)
    kinds = [attrs.get("type") for attrs, _ in page.scripts]
    assert kinds.count("application/json") == 1
    assert len(kinds) == 6  # Leaflet, MarkerCluster, map.js, folium's switches, data, the map
    assert "img" not in page.tags


@pytest.mark.parametrize("key", list(HOSTILE))
def test_hostile_quote_appears_only_escaped(html: str, key: str) -> None:
    quote = hostile_quote(key)
    if re.search("[<>&\u2028\u2029]", quote):
        assert quote not in html
    assert script_json(quote) in html
    assert quote in payload_of(html)["texts"]


def test_template_syntax_in_data_is_not_evaluated(html: str) -> None:
    data = payload_of(html)
    assert hostile_quote("jinja") in data["texts"]
    assert "{{ 6*7 }}" in [s["publisher"] for s in data["sources"]]
    assert "Claimant {{ 1+1 }}" in [c["claimant"] for c in data["claims"]]


def test_title_and_header_escape_the_corpus_name(html: str) -> None:
    escaped = "&lt;b&gt;kursk&lt;/b&gt; &amp; «seeds»"
    assert f"<title>{escaped} · claims map · built 2024-08-12</title>" in html
    assert f"<h1>{escaped}</h1>" in html
    assert CORPUS not in html


@pytest.mark.parametrize("text", [*HOSTILE.values(), "\ud800 lone", "\x00\x1f", "</SCRIPT >"],
                         ids=[*HOSTILE, "lone-surrogate", "controls", "upper-script"])
def test_script_json_is_inert_and_round_trips(text: str) -> None:
    encoded = script_json({"q": text})
    assert not re.search("[<>&\u2028\u2029\ud800-\udfff]", encoded)
    assert json.loads(encoded) == {"q": text}


@given(st.text())
def test_script_json_is_inert_for_any_text(text: str) -> None:
    encoded = script_json([text])
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == [text]


# ---- what the data says ----

def _place(data: dict, place_id: str) -> dict:
    return next(p for p in data["places"] if p["place_id"] == place_id)


def test_place_name_is_highlighted_by_offsets_in_utf16_units(html: str) -> None:
    data = payload_of(html)
    for link in _place(data, GUYEVO)["claims"]:
        quote = data["texts"][data["claims"][link["c"]]["quote"]]
        assert [utf16_slice(quote, span) for span in link["hl"]] == [NAME]
    assert utf16_offset("🔥🔥 x", 3) == 5


def test_contested_claims_are_marked_per_place(html: str) -> None:
    links = _place(payload_of(html), SUDZHA)["claims"]
    assert len(links) == 2 and all(link.get("contested") for link in links)
    assert not any(link.get("contested") for link in _place(payload_of(html), MAKHNOVKA)["claims"])


def test_claims_without_a_point_go_to_areas_region_and_panel(html: str, build: Build) -> None:
    data = payload_of(html)
    assert [a["place_id"] for a in data["areas"]] == ["kursk-district:sudzhanskiy"]
    assert data["region"]["place_id"] == "kursk-oblast" and len(data["region"]["claims"]) == 1
    assert [data["claims"][i]["claim_id"] for i in data["unplaced"]] == \
        [c.claim_id for c in build.unplaced_claims]
    [unresolved] = data["unresolved"]
    assert unresolved["candidates"] == ["inid160:1", "inid160:2"]
    assert unresolved["reason"] == "16 candidates, no district cue"
    assert all(p["place_type"] == "settlement" for p in data["places"])


def test_weeks_and_months_get_their_first_day_for_the_time_filter(html: str) -> None:
    data = payload_of(html)
    claims = {c["claim_id"]: c for c in data["claims"]}
    assert claims["c-gur-deployed"]["reported"] == "2024-W44"
    assert claims["c-gur-deployed"]["day"] == "2024-10-28"
    assert "day" not in claims["c-mod-killed"]
    assert data["dates"] == ["2024-08-12", "2024-12-28"]


def test_a_place_without_claims_carries_its_mentions_in_context(html: str) -> None:
    data = payload_of(html)
    [mention] = _place(data, PLEKHOVO)["mentions"]
    assert data["texts"][mention["context"]] == PLEKHOVO_CONTEXT
    assert [utf16_slice(PLEKHOVO_CONTEXT, s) for s in mention["hl"]] == ["Plekhovo"]


def test_basemap_holds_every_settlement_and_district(html: str, gazetteer: Gazetteer) -> None:
    data = payload_of(html)
    assert len(data["settlements"]) == len(gazetteer.settlements)
    assert len(data["districts"]) == 33
    assert data["outline"]["type"] == "MultiPolygon"


# ---- deterministic ----

def test_two_renders_are_byte_identical(html: str, build: Build, gazetteer: Gazetteer) -> None:
    assert render_map(build, gazetteer) == html


def test_renders_are_identical_across_hash_seeds(html: str) -> None:
    first, second = (render_map_in_subprocess(hashseed=seed) for seed in ("0", "4242"))
    assert first == second == html.encode("utf-8")


def test_importing_the_map_module_does_not_import_folium() -> None:
    code = ("import sys, geo.webmap.build; "
            "print([m for m in ('folium', 'branca', 'shapely', 'jinja2') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


# ---- written atomically ----

def test_write_map_writes_the_rendered_page(tmp_path: Path, build: Build, gazetteer: Gazetteer,
                                            html: str) -> None:
    target = tmp_path / "maps" / "index.html"
    write_map(build, gazetteer, target)
    assert target.read_bytes() == html.encode("utf-8")


def test_a_failed_write_leaves_the_old_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           build: Build, gazetteer: Gazetteer) -> None:
    break_write_bytes(monkeypatch)
    assert_old_file_survives(lambda target: write_map(build, gazetteer, target),
                             tmp_path / "index.html")


def test_a_failed_render_leaves_the_old_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            build: Build, gazetteer: Gazetteer) -> None:
    def broken(*args: object, **kwargs: object) -> dict:
        msg = "rendering failed"
        raise RuntimeError(msg)

    monkeypatch.setattr(webmap_build, "build_payload", broken)
    target = tmp_path / "index.html"
    target.write_bytes(b"the previous map\n")
    with pytest.raises(RuntimeError, match="rendering failed"):
        write_map(build, gazetteer, target)
    assert target.read_bytes() == b"the previous map\n"
    assert sorted(tmp_path.iterdir()) == [target]
