"""The map page and its card shards, read as text: offline, escaped by construction,
deterministic, atomic, streamed.

The page and its cards are written once per module from ``webmap_builds.hostile_build``;
what a browser makes of them (including ``map.js`` unpacking the data and loading the
cards) is ``test_browser.py``'s job.
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo import sides
from geo.manifest import MANIFEST
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.export import Format, render_bytes
from geo.model import Build, Claim, Figure, Kind, Link, Mention, PlaceLink, Resolution, Source
from geo.records import MemoryRecords
from geo.sides import Side, read_control, side_of, subject_side
from geo.statements import statement_id
from geo.where import lookup
from geo.webmap import articles as reader_articles
from geo.webmap import payload as webmap_payload
from geo.webmap.assets import load_assets
from geo.webmap.build import render_map, write_map
from geo.webmap.cards import CARDS_DIR, card_key, card_key_length
from geo.webmap.payload import (
    CLAIM_FIELDS,
    CLAIM_COLUMNS,
    DIGIT_MEMBERS,
    build_payload,
    decode_digits,
    encode_digits,
    doc_entry_json,
    script_json,
    split_entry,
    statement_key,
    utf16_offset,
)
from tests.builds import ROOT, assert_old_file_survives, break_write_bytes
from tests.webmap_builds import (
    page_index_in_bands,
    CORPUS,
    LYUBIMOVKA,
    OLGOVKA,
    GUYEVO,
    HOSTILE,
    MAKHNOVKA,
    NAME,
    PLEKHOVO,
    PLEKHOVO_CONTEXT,
    SUDZHA,
    analyst_build,
    hostile_build,
    hostile_quote,
    render_map_in_subprocess,
    widened_build,
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
def folder(build: Build, gazetteer: Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``write_map`` wrote the page and its ``cards/`` into."""
    out = tmp_path_factory.mktemp("map")
    write_map(build, gazetteer, out / "index.html")
    return out


@pytest.fixture(scope="module")
def html(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cards(folder: Path) -> list[dict]:
    return cards_in(folder / CARDS_DIR)


def cards_in(folder: Path) -> list[dict]:
    """Every card, in page order, found as ``map.js`` finds it: in the shard of its key.

    Each document's key is its run of the page's ``card_keys``; a shard
    (``geoCards("key", [...])``) holds the cards of the documents with its key, in page
    order, and no shard is left over.
    """
    data = json.loads(data_block((folder.parent / "index.html").read_text(encoding="utf-8")))
    keys, length = data["card_keys"], card_key_length(len(data["docs"]))
    assert len(keys) == length * len(data["docs"])
    shards = {}
    for path in folder.iterdir():
        key, text = path.name.removesuffix(".js"), path.read_text(encoding="utf-8")
        head = f'geoCards("{key}",'
        assert path.name == f"{key}.js" and text.startswith(head) and text.endswith(");\n")
        shards[key] = json.loads(text[len(head):-len(");\n")])
    out, used = [], dict.fromkeys(shards, 0)
    for start in range(0, len(keys), length):
        key = keys[start:start + length]
        out.append(shards[key][used[key]])
        used[key] += 1
    assert used == {key: len(cards) for key, cards in shards.items()}
    return out


def shard_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((folder / CARDS_DIR).iterdir()))


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


def data_block(html: str) -> str:
    """The text of the JSON data block, as the browser's parser delimits it."""
    blocks = [text for attrs, text in parse_page(html).scripts if attrs.get("id") == "geo-data"]
    assert len(blocks) == 1
    assert blocks[0] and "<" not in blocks[0]
    return blocks[0]


def payload_of(html: str) -> dict:
    """The JSON data block, parsed, its digit members as lists of integers."""
    return decoded(json.loads(data_block(html)))


def decoded(data: dict) -> dict:
    """The page's data with each member of ``DIGIT_MEMBERS`` decoded (issue 14: digits, not JSON)."""
    return {key: decode_digits(value) if key in DIGIT_MEMBERS else value for key, value in data.items()}


def claims_of(cards: list[dict]) -> list[tuple[dict, dict]]:
    """Every claim in page order as a dict of ``CLAIM_FIELDS``, with its document's card."""
    return [(doc, dict(zip(CLAIM_FIELDS, row, strict=True)))
            for doc in cards for row in doc.get("claims", [])]


def texts_of(cards: list[dict]) -> list[str]:
    return [text for doc in cards for text in doc["texts"]]


def rivals_of(data: dict, cards: list[dict]) -> dict[str, dict[str, str | None]]:
    """The page's contested (claim, place, rival) number triples as {place id: {claim id: rival id}}."""
    ids = [claim["claim_id"] for _, claim in claims_of(cards)]
    triples = data["contested"]
    out: dict[str, dict[str, str | None]] = {}
    for claim, place, rival in zip(triples[::3], triples[1::3], triples[2::3], strict=True):
        out.setdefault(data["places"][place]["place_id"], {})[ids[claim]] = ids[rival] if rival >= 0 else None
    return out


def contested_of(data: dict, cards: list[dict]) -> dict[str, list[str]]:
    """The page's contested claims as claim ids by place id."""
    return {place_id: sorted(rivals) for place_id, rivals in rivals_of(data, cards).items()}


def links_at(data: dict, cards: list[dict], place_id: str) -> list[tuple[str, list, bool]]:
    """(quote, [place id, link, highlight], contested there) of each claim tied to a place."""
    contested = set(contested_of(data, cards).get(place_id, ()))
    return [(doc["texts"][claim["quote"]], link, claim["claim_id"] in contested)
            for doc, claim in claims_of(cards) for link in claim["at"] if link[0] == place_id]


def utf16_slice(text: str, span: list[int]) -> str:
    return text.encode("utf-16-le")[2 * span[0]:2 * span[1]].decode("utf-16-le")


# ---- offline and self-contained ----

def test_every_address_is_attribution_or_the_optional_tile_template(html: str, gazetteer: Gazetteer,
                                                                    build: Build) -> None:
    licence = (gazetteer.folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    osm_credit = {"https://www.openstreetmap.org/copyright"}
    attribution = set(URL.findall(licence + "\n".join(build.attribution))) | osm_credit
    # an article's own address is shown as text to copy (issue 12), never linked or fetched
    articles = {s.url for s in build.sources if s.url}
    allowed = attribution | NAMESPACE_AND_CREDIT | {TILE_TEMPLATE} | articles
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

def test_data_travels_in_one_json_block_and_card_shards_and_parses_back(
        html: str, cards: list[dict], build: Build) -> None:
    claims = claims_of(cards)
    assert [doc["texts"][c["quote"]] for doc, c in claims] == [c.quote for c in build.claims]
    assert [doc["file"] for doc, _ in claims] == [c.source for c in build.claims]
    assert [c["claim_id"] for _, c in claims] == [c.claim_id for c in build.claims]
    for doc in cards:
        assert len(set(doc["texts"])) == len(doc["texts"])  # each text once per document
    assert [row[0] for row in payload_of(html)["docs"]] == [len(doc.get("claims", [])) for doc in cards]


def _page_places(column: list[int]) -> list[list[int]]:
    """Each claim's place numbers from ``claim_place`` (payload.CLAIM_COLUMNS says how)."""
    out: list[list[int]] = []
    current: list[int] = []
    for value in column:
        if value <= -2:
            current.append(-2 - value)
            continue
        out.append([*current, value] if value >= 0 else current)
        current = []
    assert current == []
    return out


def test_the_page_index_says_what_the_cards_say(html: str, cards: list[dict]) -> None:
    """Issue 14: the page's claim columns of small numbers decode to the claims of the cards."""
    data = payload_of(html)
    strings, places = data["strings"], [p["place_id"] for p in data["places"]]
    assert strings[0] is None and len(set(strings[1:])) == len(strings) - 1
    claims = [claim for _, claim in claims_of(cards)]
    columns = {name: data[f"claim_{name}"] for name in CLAIM_COLUMNS}
    assert all(len(columns[name]) == len(claims) > 15
               for name in ("claimant", "kind", "figure", "reported"))
    days = dict(zip(columns["day"][::2], columns["day"][1::2], strict=True))
    assert days  # a claim without a date of its own, a week's first day
    reported, last = [], None  # 0: as the claim before it; -1: null
    for code in columns["reported"]:
        last = last if code == 0 else None if code < 0 else code
        reported.append(last)
    assert 0 in columns["reported"] and -1 in columns["reported"]
    assert data["claim_statement"] == "".join(statement_key(c["statement_id"]) for c in claims)
    at = _page_places(columns["place"])
    assert len(at) == len(claims)
    for i, claim in enumerate(claims):
        assert [strings[columns["claimant"][i]], strings[reported[i] or 0]] \
            == [claim["claimant"], claim["reported"]]
        kind, holding = divmod(columns["kind"][i], len(Kind))[::-1]
        assert list(Kind)[kind] == claim["kind"]
        assert (None if not holding else [list(Side)[(holding - 1) // 2], bool((holding - 1) % 2)]) \
            == claim["holding"]
        day = days.get(i)
        assert (claim["reported"] if day is None else None if day < 0 else strings[day]) == claim["day"]
        assert strings[data["claimant_side"][columns["claimant"][i]]] == claim["side"]
        assert strings[columns["figure"][i]] == (claim["figure"] or {}).get("text")
        assert [places[n] for n in at[i]] == [place[0] for place in claim["at"]]
    assert all(isinstance(json.loads(data_block(html))[key], str) for key in DIGIT_MEMBERS)
    block = data_block(html)  # the texts are in the cards
    assert '"texts"' not in block and script_json(hostile_quote("jinja")) not in block


def test_the_streamed_block_is_the_payload_encoded_at_once(html: str, build: Build, gazetteer: Gazetteer,
                                                           cards: list[dict], monkeypatch) -> None:
    """The page joined from pieces (``geo.webmap.page``) is ``payload.PageIndex``'s encoding, at once.

    With the places in the page's bands (``page_index_in_bands``), and but for the
    cards' keys (``card_keys``, one per document: the shard its card is in), where
    ``build_payload`` says how many documents a shard holds (``card_docs``).
    """
    page_index_in_bands(monkeypatch)
    districts = json.loads(gazetteer.districts_geojson.read_text(encoding="utf-8"))
    licence = (gazetteer.folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    whole = build_payload(build, gazetteer, districts=districts, licence_text=licence)
    del whole["card_docs"]
    keys = "".join(card_key(card["file"]) for card in cards)
    expected = {}
    for name, value in whole.items():
        expected[name] = value
        if name == "docs":
            expected["card_keys"] = keys
    assert data_block(html) == script_json(expected)


def test_the_page_has_exactly_the_scripts_it_was_built_with(html: str) -> None:
    page = parse_page(html)
    kinds = [attrs.get("type") for attrs, _ in page.scripts]
    assert kinds.count("application/json") == 1
    assert len(kinds) == 6  # Leaflet, MarkerCluster, map.js, folium's switches, data, the map
    assert "img" not in page.tags


@pytest.mark.parametrize("key", list(HOSTILE))
def test_hostile_quote_appears_only_escaped(html: str, folder: Path, cards: list[dict],
                                           key: str) -> None:
    quote, shards = hostile_quote(key), shard_text(folder)
    if re.search("[<>&\u2028\u2029]", quote):
        assert quote not in html and quote not in shards
    assert script_json(quote) in shards
    assert quote in texts_of(cards)


def test_a_card_shard_is_one_inert_call(folder: Path) -> None:
    """The shard path: no text of a card can end the script, open markup or break a line."""
    for path in (folder / CARDS_DIR).iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search("[<>&\u2028\u2029]", text)
        assert text.count("\n") == 1 and text.count("geoCards(") == 1


def test_template_syntax_in_data_is_not_evaluated(html: str, cards: list[dict]) -> None:
    assert hostile_quote("jinja") in texts_of(cards)
    assert "{{ 6*7 }}" in [doc["publisher"] for doc in cards]
    assert "Claimant {{ 1+1 }}" in [c["claimant"] for _, c in claims_of(cards)]
    assert "Claimant {{ 1+1 }}" in payload_of(html)["strings"]


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


@given(st.lists(st.integers(min_value=-(2**31), max_value=2**31 - 1)))
def test_digits_round_trip_and_stay_inert(values: list[int]) -> None:
    """Issue 14: the claim columns travel as digits; any Int32 comes back, in no character to escape."""
    text = encode_digits(values)
    assert decode_digits(text) == values
    assert script_json(text) == f'"{text}"'
    assert len(text) <= sum(len(f"{v},") for v in values)  # never longer than the JSON it replaced


@given(st.text())
def test_script_json_is_inert_for_any_text(text: str) -> None:
    encoded = script_json([text])
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == [text]


# ---- what the data says ----

def test_place_name_is_highlighted_by_offsets_in_utf16_units(html: str, cards: list[dict]) -> None:
    links = links_at(payload_of(html), cards, GUYEVO)
    assert len(links) == len(HOSTILE)
    for quote, (_, _, spans), _ in links:
        assert [utf16_slice(quote, span) for span in spans] == [NAME]
    assert utf16_offset("🔥🔥 x", 3) == 5


def test_contested_claims_are_marked_per_place(html: str, cards: list[dict]) -> None:
    data = payload_of(html)
    links = links_at(data, cards, SUDZHA)
    assert len(links) == 2 and all(contested for *_, contested in links)
    assert not any(contested for *_, contested in links_at(data, cards, MAKHNOVKA))
    assert contested_of(data, cards) == {SUDZHA: ["c-mod-killed", "c-zel-killed"]}
    assert rivals_of(data, cards) == {SUDZHA: {"c-mod-killed": "c-zel-killed", "c-zel-killed": "c-mod-killed"}}


def test_a_contested_claim_names_its_own_rival_not_another_articles(gazetteer: Gazetteer,
                                                                     tmp_path: Path) -> None:
    """Undated claims contest only within their article (geo.records): the page names, for each,
    the claim of its own article it disagrees with, never a same-kind claim of another article."""
    from dataclasses import replace

    from tests.builds import SUDZHA as SUDZHA_PLACE, TASS, ZELENSKY, sample_build

    def killed(claim_id: str, source: str, claimant: str, n: int) -> Claim:
        quote = f"{n} soldiers were killed"
        return Claim(claim_id=claim_id, source=source, start=0, end=len(quote), quote=quote, claimant=claimant,
                     kind=Kind.KILLED, figure=Figure(text=str(n), best=n),
                     places=(PlaceLink(place_id=SUDZHA_PLACE.place_id, link=Link.SENTENCE),))
    claims = [killed("a1", TASS.source, "Russian Ministry of Defence", 2000),
              killed("a2", TASS.source, "GUR", 100),
              killed("b1", ZELENSKY.source, "Volodymyr Zelensky", 10),
              killed("b2", ZELENSKY.source, "Russian Ministry of Defence", 5000)]
    build = replace(sample_build(), claims=tuple(sorted(claims, key=lambda c: c.sort_key)), resolutions=())
    out = tmp_path / "index.html"
    write_map(build, gazetteer, out)
    data = payload_of(out.read_text(encoding="utf-8"))
    assert rivals_of(data, cards_in(out.parent / CARDS_DIR)) == {SUDZHA_PLACE.place_id: {"a1": "a2", "a2": "a1", "b1": "b2", "b2": "b1"}}


def test_claims_without_a_point_go_to_areas_region_and_panel(html: str, cards: list[dict],
                                                             build: Build) -> None:
    data = payload_of(html)
    by_type = {kind: [p["place_id"] for p in data["places"] if p["place_type"] == kind]
               for kind in ("district", "region")}
    assert by_type == {"district": ["kursk-district:sudzhanskiy"], "region": ["kursk-oblast"]}
    assert len(links_at(data, cards, "kursk-oblast")) == 1
    assert [c["claim_id"] for _, c in claims_of(cards) if not c["at"]] == \
        [c.claim_id for c in build.unplaced_claims]
    [unresolved] = [u for doc in cards for u in doc.get("unresolved", [])]
    assert [doc[2] for doc in data["docs"]] == [len(doc.get("unresolved", [])) for doc in cards]
    assert unresolved["candidates"] == ["inid160:1", "inid160:2"]
    assert unresolved["reason"] == "16 candidates, no district cue"
    assert '<details id="geo-region" open>' in html
    assert re.search(r'geo-unresolved">\s*<summary>Unresolved mentions '
                     r'\(<span class="geo-count">1</span>\)', html)


def test_weeks_and_months_get_their_first_day_for_the_time_filter(cards: list[dict]) -> None:
    claims = {c["claim_id"]: c for _, c in claims_of(cards)}
    assert claims["c-gur-deployed"]["reported"] == "2024-W44"
    assert claims["c-gur-deployed"]["day"] == "2024-10-28"
    assert claims["c-mod-killed"]["day"] == claims["c-mod-killed"]["reported"][:10]
    # the first and the last day are map.js's to find (test_browser)


def test_a_place_without_claims_carries_its_mentions_in_context(html: str,
                                                               cards: list[dict]) -> None:
    data = payload_of(html)
    [(doc, [_, text, spans])] = [(doc, m) for doc in cards
                                 for m in doc.get("mentions", []) if m[0] == PLEKHOVO]
    assert doc["texts"][text] == PLEKHOVO_CONTEXT
    assert [utf16_slice(PLEKHOVO_CONTEXT, s) for s in spans] == ["Plekhovo"]
    assert not links_at(data, cards, PLEKHOVO)
    number = [p["place_id"] for p in data["places"]].index(PLEKHOVO)  # the page knows who mentions it
    assert [card["file"] for row, card in zip(data["docs"], cards, strict=True) if number in row[1]] \
        == [doc["file"]]


def _doc_entries(data: Build, gazetteer: Gazetteer) -> list[str]:
    """Each document's stored entry (index and card), as the page writer copies it."""
    return list(webmap_payload.doc_entries(MemoryRecords(data), gazetteer))


def test_every_documents_entry_is_made_from_that_document_alone(build: Build,
                                                              gazetteer: Gazetteer) -> None:
    expected = [doc_entry_json(source, [c for c in build.claims if c.source == source.source],
                               [r for r in build.resolutions if r.mention.source == source.source],
                               gazetteer)
                for source in build.sources]
    assert _doc_entries(build, gazetteer) == [text for text in expected if text is not None]


def test_issue_7_another_articles_mention_does_not_change_a_documents_entry(
        gazetteer: Gazetteer) -> None:
    # The Store renders an entry once, when its document is extracted: the name searched
    # for in a quote that holds no mention comes from the gazetteer and this document.
    quote = "Бои под Суджей продолжаются"
    claim = Claim(claim_id="c-b", source="b.txt", start=0, end=len(quote), quote=quote,
                  claimant=None, kind=Kind.OTHER,
                  places=(PlaceLink(place_id=SUDZHA, link=Link.ARTICLE),))
    mention = Mention(source="a.txt", start=0, end=6, surface="Суджей", lemma="Суджа",
                      candidates=(SUDZHA,))
    a, b = (Source(source=name, sha256=name[0] * 64) for name in ("a.txt", "b.txt"))
    both = Build(corpus="two", built="2024-08-12", gazetteer_version=gazetteer.version,
                 sources=(a, b), places=(gazetteer.places[SUDZHA],), claims=(claim,),
                 resolutions=(Resolution(mention=mention, place_id=SUDZHA, reason="only"),))
    alone = Build(corpus="one", built="2024-08-12", gazetteer_version=gazetteer.version,
                  sources=(b,), places=(gazetteer.places[SUDZHA],), claims=(claim,))
    entry = _doc_entries(both, gazetteer)[1]
    assert entry == _doc_entries(alone, gazetteer)[0] == doc_entry_json(b, [claim], [], gazetteer)
    assert json.loads(split_entry(entry)[1])["claims"][0][-1] == [[SUDZHA, "article", []]]


def test_basemap_holds_every_settlement_and_district(html: str, gazetteer: Gazetteer) -> None:
    data = payload_of(html)
    assert len(data["settlements"]) == len(gazetteer.settlements)
    assert len(data["districts"]) == 33
    assert data["outline"]["type"] == "MultiPolygon"


# ---- deterministic ----

def test_two_renders_are_byte_identical(html: str, folder: Path, build: Build, gazetteer: Gazetteer,
                                       tmp_path: Path) -> None:
    assert render_map(build, gazetteer) == html
    write_map(build, gazetteer, tmp_path / "index.html")
    assert shard_text(tmp_path) == shard_text(folder)


def test_a_build_and_its_records_give_the_same_bytes(tmp_path: Path, build: Build,
                                                     gazetteer: Gazetteer, html: str) -> None:
    records = MemoryRecords(build)
    assert render_map(records, gazetteer) == html
    write_map(records, gazetteer, tmp_path / "index.html")
    assert (tmp_path / "index.html").read_bytes() == html.encode("utf-8")


def test_a_cold_and_a_warm_page_shell_give_the_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build: Build, gazetteer: Gazetteer,
        html: str) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    assert render_map(build, gazetteer) == html  # renders the shell with folium, caches it
    assert [p.name.startswith("webmap-shell-") for p in tmp_path.iterdir()] == [True]
    assert render_map(build, gazetteer) == html  # from the cache


def test_renders_are_identical_across_hash_seeds(html: str) -> None:
    first, second = (render_map_in_subprocess(hashseed=seed) for seed in ("0", "4242"))
    assert first == second == html.encode("utf-8")


def test_importing_the_map_module_does_not_import_folium() -> None:
    code = ("import sys, geo.webmap.build; "
            "print([m for m in ('folium', 'branca', 'shapely', 'jinja2') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_a_warm_cache_writes_the_map_without_folium(html: str) -> None:
    # the html fixture has cached the shell in the session's GEO_CACHE_DIR (conftest)
    code = ("import sys; from geo.gazetteer import load_gazetteer; "
            "from geo.webmap.build import render_map; "
            "from tests.webmap_builds import hostile_build; gaz = load_gazetteer(); "
            "page = render_map(hostile_build(gaz), gaz); "
            "print([m for m in ('folium', 'branca', 'shapely', 'jinja2') if m in sys.modules], "
            "len(page))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=60, env=os.environ.copy())
    assert done.stdout.split() == ["[]", str(len(html))]


# ---- streamed ----

def _peak_bytes(write: object) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        write()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_writer_holds_one_document_at_a_time(tmp_path: Path, gazetteer: Gazetteer) -> None:
    peaks = []
    for copies in (10, 100):
        records = MemoryRecords(widened_build(gazetteer, copies))
        for place in records.places:  # the records' own per-place indexes, made once
            records.count_at(place.place_id)
            records.contested_at(place.place_id)
        target = tmp_path / f"{copies}.html"
        write_map(records, gazetteer, target)  # warm: imports, shell cache, date cache
        peaks.append(_peak_bytes(lambda: write_map(records, gazetteer, target)))  # noqa: B023
    # ten times the records, and not even one document's worth more memory (a page of the
    # hundred copies alone is over a megabyte)
    assert peaks[1] < peaks[0] + 100_000, peaks


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
    def broken(*args: object, **kwargs: object) -> list:
        msg = "rendering failed"
        raise RuntimeError(msg)

    # fails halfway: the page's head is written by then
    monkeypatch.setattr(webmap_payload, "_claim_row", broken)
    target = tmp_path / "index.html"
    target.write_bytes(b"the previous map\n")
    with pytest.raises(RuntimeError, match="rendering failed"):
        write_map(build, gazetteer, target)
    assert target.read_bytes() == b"the previous map\n"
    assert sorted(tmp_path.iterdir()) == [target]


# --- issue 12: the side of a claimant or subject, and who holds a village ----------------------



@pytest.mark.parametrize("alias", sides.ALIASES, ids=lambda a: a.name)
def test_every_alias_names_its_side_in_its_example(alias: sides.Alias) -> None:
    assert side_of(alias.name) is alias.side
    assert side_of(alias.example) is alias.side


@pytest.mark.parametrize(("name", "side"), [
    ("Russian Defence Ministry", Side.RUSSIA),
    ("Министерство обороны РФ", Side.RUSSIA),
    ("штурмовики группировки войск «Север»", Side.RUSSIA),
    ("Генеральний штаб ЗСУ", Side.UKRAINE),
    ("Ukraine's top commander Oleksandr Syrskyi", Side.UKRAINE),
    ("ISW, citing Russian milbloggers", Side.UNKNOWN),
    ("local residents", Side.UNKNOWN),
    ("Всуев", Side.UNKNOWN),  # an abbreviation is a whole word, never a stem
    ("", Side.UNKNOWN),
])
def test_side_of_a_claimant_in_any_case_and_script(name: str, side: Side) -> None:
    assert side_of(name) is side


@pytest.mark.parametrize(("subject", "claimant", "side"), [
    ("the enemy", "Volodymyr Zelensky", Side.RUSSIA),
    ("противник", "Минобороны России", Side.UKRAINE),
    ("наши подразделения", "Минобороны России", Side.RUSSIA),
    ("ворог", "ISW", Side.UNKNOWN),
    (None, "Генштаб ЗСУ", Side.UKRAINE),
    ("Russian forces", "ISW", Side.RUSSIA),
])
def test_the_subject_is_read_against_the_claimant(subject: str | None, claimant: str,
                                                   side: Side) -> None:
    assert subject_side(subject, claimant) is side


def _control(quote: str, subject: str | None, claimant: str | None = None) -> Claim:
    return Claim(claim_id="c", source="a.txt", start=0, end=len(quote), quote=quote,
                 claimant=claimant, kind=Kind.CONTROL, subject=subject)


@pytest.mark.parametrize(("quote", "subject", "claimant", "holder", "has_left"), [
    ("Russian troops have taken the hamlet of Lesnoye, the ministry said.", "Russian troops",
     None, Side.RUSSIA, False),
    ("Ukrainian units withdrew from the hamlet after heavy shelling.", "Ukrainian units",
     None, Side.RUSSIA, True),
    ("Russian forces were pushed out of the hamlet on Friday.", "Russian forces", None,
     Side.UKRAINE, True),
    ("Ukrainian troops pushed Russian forces out of the hamlet.", "Ukrainian troops", None,
     Side.UKRAINE, False),
    ("Ukrainian troops pushed Russian forces out of the hamlet.", "Russian forces", None,
     Side.UKRAINE, True),
    ("Подразделения ВСУ отступили от хутора под огнём.", "Подразделения ВСУ", None,
     Side.RUSSIA, True),
    ("Российские штурмовики заняли хутор.", "Российские штурмовики", None, Side.RUSSIA, False),
    ("Наши бойцы выбили противника из хутора.", "Наши бойцы", "Минобороны России",
     Side.RUSSIA, False),
    ("Сили оборони витіснили окупантів із хутора.", "окупантів", "Генштаб ЗСУ",
     Side.UKRAINE, True),
    ("Російські війська відступили з хутора.", "Російські війська", None, Side.UKRAINE, True),
    ("Хутір звільнено.", None, "Генштаб ЗСУ", Side.UKRAINE, False),
    # the subject carries the words before it: the side named last is the subject's
    ("A Russian blogger said that Ukrainian troops entered the hamlet.",
     "A Russian blogger said that Ukrainian troops", None, Side.UKRAINE, False),
    ("Пишут, что российские штурмовики вошли в хутор.", "Пишут, что российские штурмовики",
     "ISW", Side.RUSSIA, False),
    # no subject: the side the quote names first, before the claimant's own
    ("Moscow says its troops cleared the hamlet.", None, None, Side.RUSSIA, False),
    ("A Ukrainian patrol retreated across the border.", None, "Минобороны России",
     Side.RUSSIA, True),
    ("Хутір у руках у росіян.", "Хутір", "Міноборони країни-агресора", Side.RUSSIA, False),
    # an expulsion verb in the passive: the subject was pushed out
    ("Ukrainian units were finally expelled from the hamlet.", "Ukrainian units", None,
     Side.RUSSIA, True),
])
def test_who_holds_a_village_per_a_control_claim(quote: str, subject: str | None,
                                                 claimant: str | None, holder: Side,
                                                 has_left: bool) -> None:
    holding = read_control(_control(quote, subject, claimant))
    assert holding is not None
    assert (holding.holder, holding.has_left) == (holder, has_left)


@pytest.mark.parametrize("cue", sides.LEFT_CUES, ids=lambda c: c.stem)
def test_every_left_cue_fires_on_its_example(cue: sides.Cue) -> None:
    # the subject is what stands before the cue: it left, or (active expulsion) it pushed
    subject = cue.example[:cue.example.lower().index(cue.stem.split()[0])].strip()
    holding = read_control(_control(cue.example, subject))
    assert holding is not None and holding.has_left is (cue.motion is sides.Motion.LEFT)


def test_a_claim_of_another_kind_holds_nothing() -> None:
    claim = dataclasses.replace(_control("Russian troops took the hamlet.", "Russian troops"),
                                kind=Kind.KILLED)
    assert read_control(claim) is None


# --- issue 12: one statement, many claims ------------------------------------------------------

def _said(quote: str, *, source: str = "one.txt", claimant: str | None = "Генштаб ЗСУ",
          kind: Kind = Kind.KILLED, best: float | None = 300, reported: str | None = "2024-08-13",
          places: tuple[str, ...] = (SUDZHA,), subject: str | None = None) -> Claim:
    return Claim(claim_id=f"{source}:{quote[:12]}", source=source, start=0, end=len(quote),
                 quote=quote, claimant=claimant, kind=kind, subject=subject,
                 figure=None if best is None else Figure(text=str(best), best=best),
                 reported=reported,
                 places=tuple(PlaceLink(place_id=p, link=Link.SENTENCE) for p in places))


def test_a_statement_restated_in_one_article_and_reported_by_another_shares_an_id() -> None:
    headline = _said("Генштаб ЗСУ: 300 окупантів ліквідовано біля Суджі")
    lead = _said("За даними Генштабу, біля Суджі ліквідовано 300 окупантів.")
    elsewhere = _said("The General Staff said 300 Russian soldiers were killed near Sudzha.",
                      source="two.txt", reported="2024-08-15")
    assert len({statement_id(c) for c in (headline, lead, elsewhere)}) == 1


@pytest.mark.parametrize("change", [
    pytest.param({"claimant": "Минобороны России"}, id="another claimant"),
    pytest.param({"best": 310}, id="another figure"),
    pytest.param({"kind": Kind.WOUNDED}, id="another kind"),
    pytest.param({"places": (GUYEVO,)}, id="another place"),
    pytest.param({"reported": "2024-08-30"}, id="two weeks later"),
])
def test_a_different_claim_is_a_different_statement(change: dict) -> None:
    base = _said("Под Суджей уничтожено до 300 военнослужащих ВСУ.")
    other = _said("Под Суджей уничтожено до 300 военнослужащих ВСУ.", **change)
    assert statement_id(base) != statement_id(other)


def test_control_claims_with_opposite_holders_are_two_statements() -> None:
    took = _said("Russian troops took the hamlet.", kind=Kind.CONTROL, best=None,
                 claimant="ISW", subject="Russian troops")
    left = _said("Russian troops withdrew from the hamlet.", kind=Kind.CONTROL, best=None,
                 claimant="ISW", subject="Russian troops")
    assert statement_id(took) != statement_id(left)


def test_csv_and_geojson_carry_the_statement_id_of_two_articles(gazetteer: Gazetteer) -> None:
    first = _said("GUR: 300 killed near Sudzha", source="a.txt")
    second = _said("300 were killed near Sudzha, GUR said", source="b.txt")
    build = Build(corpus="c", built="2024-08-15", gazetteer_version="g",
                  sources=(Source(source="a.txt", sha256="a" * 64),
                           Source(source="b.txt", sha256="b" * 64)),
                  places=(gazetteer.places[SUDZHA],), claims=(first, second))
    rows = list(csv.DictReader(io.StringIO(render_bytes(build, Format.CSV).decode("utf-8"))))
    assert len(rows) == 2 and rows[0]["statement_id"] == rows[1]["statement_id"] != ""
    geojson = json.loads(render_bytes(build, Format.GEOJSON))
    [feature] = geojson["features"]
    assert {c["statement_id"] for c in feature["properties"]["claims"]} == {rows[0]["statement_id"]}


# --- issue 12: `geo where` forgives spelling as the map's search does -------------------------

@pytest.mark.parametrize(("name", "place_id"), [
    pytest.param("Sutzha", SUDZHA, id="t-for-d"),  # "Sudja" and "Sudsha" are spellings of their own (geo.names)
    pytest.param("Martinovka", "inid160:37899", id="i-for-y"),
    pytest.param("Суджя", SUDZHA, id="cyrillic"),
])
def test_where_lists_the_places_a_few_slips_away(name: str, place_id: str) -> None:
    rows = lookup(name)
    assert rows and all(row.endswith("(spelled 1 edit away)") for row in rows)
    assert place_id in {row.split("\t")[0] for row in rows}


def test_where_prefers_an_exact_name_and_finds_nothing_far_away() -> None:
    assert not any("edit" in row for row in lookup("Суджа"))
    assert lookup("Nowhereville") == []


def test_each_claim_row_carries_its_statement_side_and_holder(gazetteer: Gazetteer) -> None:
    entries = webmap_payload.doc_entries(MemoryRecords(analyst_build(gazetteer)), gazetteer)
    rows = [dict(zip(CLAIM_FIELDS, row, strict=True))
            for entry in entries for row in json.loads(split_entry(entry)[1]).get("claims", [])]
    olgovka = sorted((r["day"], r["side"], r["holding"]) for r in rows if r["at"][0][0] == OLGOVKA)
    assert olgovka == [("2024-08-20", "ukraine", ["ukraine", False]),
                       ("2024-11-25", "russia", ["russia", True])]
    lyubimovka = [r["statement_id"] for r in rows if r["at"][0][0] == LYUBIMOVKA]
    assert len(lyubimovka) == 2 and len(set(lyubimovka)) == 1


def test_the_page_carries_each_control_claims_holder(gazetteer: Gazetteer) -> None:
    data = decoded(build_payload(analyst_build(gazetteer), gazetteer,
                                 districts={"type": "FeatureCollection", "features": []}))
    holders = {n: (data["sides"][(code // 8 - 1) // 2], bool((code // 8 - 1) % 2))
               for n, code in enumerate(data["claim_kind"]) if code >= 8}
    # Olgovka's two, Malaya Loknya's two, Kurilovka's: in claim order, "withdrew" is a side leaving
    assert sorted(holders.values()) == [("russia", False), ("russia", False), ("russia", True),
                                        ("ukraine", False), ("ukraine", False)]
    assert all(list(Kind)[data["claim_kind"][n] % 8] == "control" for n in holders)


# --- the reader's article shards (geo.webmap.articles) -------------------------------------

def test_a_shard_is_fnv1a_of_the_name_as_map_js_computes_it() -> None:
    assert reader_articles.shard_of("a", 2**32) == 0xE40C292C  # FNV-1a 32 of one unit 0x61
    # UTF-16 units, not UTF-8 bytes: a Cyrillic name differs from its byte hash
    name = "ру/статья.txt"
    units = name.encode("utf-16-le")
    as_bytes = units.decode("latin-1")
    assert reader_articles.shard_of(name, 2**32) != reader_articles.shard_of(as_bytes, 2**32)
    assert reader_articles.shard_count(0) == 1 and reader_articles.shard_count(129) == 3


def test_a_shard_keeps_hostile_text_inert_and_whole() -> None:
    hostile = "</script><script>alert(1)</script> <!-- x --> a\u2028b\u2029c & `${y}` \ud800"
    script = reader_articles.shard_script({"b.txt": hostile, "a.txt": "Суджа, Суджі"})
    for raw in ("<", ">", "\u2028", "\u2029", "&"):
        assert raw not in script
    assert script.startswith('geoArticles({"a.txt":') and script.endswith("});\n")
    inner = script[len("geoArticles("):-len(");\n")]
    assert json.loads(inner) == {"a.txt": "Суджа, Суджі", "b.txt": hostile}


def _shard_texts(path: Path) -> dict[str, str]:
    """The {source: text} a shard registers."""
    return json.loads(path.read_text(encoding="utf-8")[len("geoArticles("):-len(");\n")])


def _article(root: Path, name: str, text: str) -> reader_articles.Article:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return reader_articles.Article(source=name, sha256=digest)


def test_texts_are_read_again_and_a_changed_or_missing_file_is_left_out(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    kept = [_article(root, "en/a.txt", "Troops were seen near Sudzha on Monday.\r\n"),
            _article(root, "ru/b.txt", "Бои шли у села Гуево, сообщил штаб."),
            _article(root, "uk/c.txt", "Бої тривали біля Суджі, повідомив штаб.")]
    changed = _article(root, "en/changed.txt", "The first version.")
    (root / "en/changed.txt").write_text("A later version.", encoding="utf-8")
    missing = _article(root, "en/gone.txt", "Soon deleted.")
    (root / "en/gone.txt").unlink()
    out = tmp_path / "maps" / "articles"
    assert reader_articles.write_articles([*kept, changed, missing], root, out) == 3
    assert sorted(p.name for p in out.iterdir()) == ["00.js"]
    shard = _shard_texts(out / "00.js")
    assert shard == {"en/a.txt": "Troops were seen near Sudzha on Monday.\r\n",
                     "ru/b.txt": "Бои шли у села Гуево, сообщил штаб.",
                     "uk/c.txt": "Бої тривали біля Суджі, повідомив штаб."}
    first = (out / "00.js").read_bytes()
    reader_articles.write_articles([*kept, changed, missing], root, out)
    assert (out / "00.js").read_bytes() == first  # byte-identical, no stale shard left
    one = reader_articles.write_articles([kept[0]], root / "en" / "a.txt", tmp_path / "one")
    assert one == 0  # a single-file corpus names the file by its own name only
    single = _article(tmp_path, "solo.txt", "Fighting near Plekhovo.")
    assert reader_articles.write_articles([single], tmp_path / "solo.txt", tmp_path / "solo") == 1


def test_a_build_publishes_the_shards_with_the_map(tmp_path: Path, resources,
                                                   private_cache) -> None:
    from geo.outputs import INDEXES, output_writer
    from geo.parallel import open_records

    out = tmp_path / "maps"
    with output_writer(resources.gazetteer, out, parallel=False) as write, \
            open_records(ROOT / "seeds", resources=resources) as store:
        write(store)
    shards = sorted((out / "articles").iterdir())
    assert [p.name for p in shards] == ["00.js"]
    texts = _shard_texts(shards[0])
    features = json.loads((out / "places.geojson").read_text(encoding="utf-8"))["features"]
    claims = [c for f in features for c in f["properties"]["claims"]]
    assert claims and {c["source"] for c in claims} <= set(texts)
    for claim in claims:  # every quote stands at its offsets in the text the reader shows
        assert texts[claim["source"]][claim["start"]:claim["end"]] == claim["quote"]
    # staging and old folders gone; the manifest and the splice indexes of the set stay (geo.manifest)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == sorted([MANIFEST, *INDEXES])


# --- issue 14: a quote's place names found without compiling a pattern per document

#: Letters a case-blind pattern equates across case in ways ``str.lower`` alone does
#: not (dotted and dotless i, long s, Kelvin sign, sigmas, old Cyrillic forms), and
#: plain ones, so that names and texts collide often.
_CASE_LETTERS = st.sampled_from(list("aAsSiIkK ") + ["İ", "ı", "ſ", "K", "ß", "Σ", "σ", "ς", "в", "В", "ᲀ",
                                                     "т", "ᲄ", "ᲅ", "µ", "μ", "ﬅ", "ﬆ", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(_CASE_LETTERS, min_size=3, max_size=6), min_size=1, max_size=4),
       st.text(_CASE_LETTERS, max_size=30))
@example(["ias"], "İas").via("İ lowers to two characters")
@example(["ſas", "kas"], "SAS KAS").via("long s and the Kelvin sign")
@example(["ᲀas"], "Вas").via("an old Cyrillic ve")
def test_issue_14_names_found_from_their_fold_are_those_of_the_whole_alternation(names, text):
    from geo.webmap.payload import _by_length, _find_names, _fold, _name_pattern

    ordered = _by_length(names)
    expected = [m.span() for m in _name_pattern(ordered).finditer(text)]
    assert list(_find_names(ordered, text, _fold(text))) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(_CASE_LETTERS, min_size=1, max_size=4), st.text(_CASE_LETTERS, max_size=12))
@example("is", "xİs").via("İ lowers to two characters")
@example("ıs", "IS").via("dotless i")
def test_issue_14_a_name_a_case_blind_pattern_finds_is_in_the_fold_of_the_text(name, text):
    from geo.webmap.payload import _fold

    folded_name, folded_text = _fold(name), _fold(text)
    if re.search(re.escape(name), text, re.IGNORECASE) and None not in (folded_name, folded_text):
        assert folded_name in folded_text


def test_issue_14_the_dev_articles_map_entries_compile_a_handful_of_patterns(resources, shared):
    """Each document's names of a place made a new alternation: 48 compiles here (399 for 150 realistic articles)."""
    from geo.parallel import run_parallel
    from geo.webmap.payload import _name_pattern

    build = run_parallel(shared / "dev" / "corpus", resources=resources, use_cache=False)
    _name_pattern.cache_clear()
    entries = list(webmap_payload.doc_entries(MemoryRecords(build), resources.gazetteer))
    assert len(entries) > 30
    assert _name_pattern.cache_info().misses <= 10
