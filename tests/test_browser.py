"""The map in Debian's Chromium: offline, clickable, searchable, and inert to hostile text.

One browser session serves the module. Every http(s) request is blocked and logged; the
page must not attempt one. Clicks are real WebDriver clicks on a marker's element, after
the map has zoomed to where that marker stands alone.
"""

from __future__ import annotations

import contextlib
import math
import re
import os
from collections import Counter
from collections.abc import Iterator

import pytest

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Build
from geo.webmap.build import write_map
from tests.chromium import CHROMEDRIVER, CHROMIUM, console_errors, requested_urls, start_chromium
from tests.webmap_builds import (
    CROWD,
    GUYEVO,
    HOSTILE_TAG,
    KURILOVKA,
    LYUBIMOVKA,
    MALAYA_LOKNYA,
    OLGOVKA,
    POGREBKI,
    STATEMENT_QUOTES,
    analyst_build,
    HOSTILE,
    MAKHNOVKA,
    MAKHNOVKA_QUOTE,
    NAME,
    SUDZHA,
    HOSTILE_SOURCE,
    NEWS,
    hostile_build,
    hostile_quote,
    write_reader_shards,
)

pytestmark = pytest.mark.browser

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {CHROMIUM} and {CHROMEDRIVER}: "
                    "apt-get install chromium chromium-driver", pytrace=False)
    pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} is not installed", allow_module_level=True)

from selenium.common.exceptions import (  # noqa: E402
    NoAlertPresentException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT_S = 5


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@contextlib.contextmanager
def _map_session(tmp_path_factory: pytest.TempPathFactory, build: Build, gazetteer: Gazetteer,
                 **size: int) -> Iterator[WebDriver]:
    """A Build's map, loaded from file:// in a fresh headless Chromium (``size``: width, height)."""
    folder = tmp_path_factory.mktemp("map")
    write_map(build, gazetteer, folder / "index.html")
    driver = start_chromium(tmp_path_factory.mktemp("profile"), **size)
    try:
        driver.get("about:blank")
        requested_urls(driver)  # drain what the browser loaded for itself
        console_errors(driver)
        driver.get((folder / "index.html").as_uri())
        driver.page_urls = requested_urls(driver)  # type: ignore[attr-defined]
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[WebDriver]:
    """The hostile Build's map."""
    with _map_session(tmp_path_factory, hostile_build(gazetteer), gazetteer) as driver:
        yield driver


def _reset(driver: WebDriver) -> None:
    driver.execute_script("var m = geoMap.app.map; m.closePopup();"
                          "m.setView([51.68, 36.1], 8, {animate: false});")


def _click_place(driver: WebDriver, place_id: str) -> WebElement:
    """Zoom until the place's marker stands alone, click its element, return the popup."""
    _reset(driver)
    marker = driver.execute_async_script(
        "geoMap.app.showPlace(arguments[0], null, arguments[1]);", place_id)
    assert marker.get_attribute("data-place-id") == place_id
    marker.click()
    return _popup_of(driver, place_id)


def _popup_of(driver: WebDriver, place_id: str) -> WebElement:
    """The open popup of a place (a closed one fades out for 200 ms: never pick that), once it
    shows its text (an opening popup fades in; Selenium's ``.text`` reads only what is visible)
    and its cards have come from ``cards/`` (no placeholder left)."""
    def shown(d: WebDriver) -> WebElement | bool:
        popup = d.find_element(By.CSS_SELECTOR, f'.geo-popup[data-place-id="{place_id}"]')
        loading = popup.find_elements(By.CSS_SELECTOR, ".geo-loading")
        return popup if popup.is_displayed() and popup.text and not loading else False

    # a popup drawn anew while we look (search, zoom) leaves the element we held stale: look again
    return WebDriverWait(driver, WAIT_S, ignored_exceptions=(StaleElementReferenceException,)).until(shown)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _assert_no_alert(driver: WebDriver) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def test_page_loads_without_touching_the_network(page: WebDriver) -> None:
    urls = page.page_urls + requested_urls(page)  # type: ignore[attr-defined]
    assert urls and urls[0].startswith("file://")
    assert [u for u in urls if not u.startswith(("file://", "data:"))] == []
    assert console_errors(page) == []


def test_leaflet_runs(page: WebDriver) -> None:
    assert page.execute_script("return typeof L !== 'undefined' && L.version") == "1.9.3"
    assert page.execute_script("return typeof L.markerClusterGroup") == "function"
    assert "2024-08-12" in page.title


# ---- the basemap, drawn without a layer per settlement (issue 14) ----

def _lonely_settlement(gazetteer: Gazetteer, build: Build) -> str:
    """A settlement the build does not name whose nearest other settlement is over 3 km away."""
    named = {p.place_id for p in build.places}
    points = [(s.place_id, (s.lat, s.lon)) for s in gazetteer.settlements]
    for place_id, point in points:
        if place_id not in named and all(
                other == place_id or _distance_km(point, at) > 3 for other, at in points):
            return place_id
    raise AssertionError("no lonely settlement in the gazetteer")


def test_the_gazetteer_dots_are_one_layer(page: WebDriver, gazetteer: Gazetteer) -> None:
    """Issue 14: every settlement is drawn, as one canvas layer: a layer each cost a fifth of the load."""
    assert page.execute_script("return geoMap.app.dotCount()") == len(gazetteer.settlements) > 2700
    assert page.execute_script("return geoMap.app.layerCount()") < 300


def test_clicking_the_dot_of_a_settlement_no_article_names_says_so(page: WebDriver,
                                                                    gazetteer: Gazetteer) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    place_id = _lonely_settlement(gazetteer, hostile_build(gazetteer))
    place = gazetteer.places[place_id]
    _reset(page)
    page.execute_script("geoMap.app.map.setView([arguments[0], arguments[1]], 14, {animate: false});",
                        place.lat, place.lon)
    ActionChains(page).move_to_element(page.find_element(By.ID, "map_geo")).click().perform()
    popup = _popup_of(page, place_id)
    assert place.name in popup.text and "No mention of this settlement in the corpus." in popup.text


def test_enter_on_a_focused_marker_opens_its_popup(page: WebDriver) -> None:
    """A marker's popup is bound when first asked for (issue 14): the keyboard still opens it."""
    _reset(page)
    marker = page.execute_async_script("geoMap.app.showPlace(arguments[0], null, arguments[1]);",
                                       MAKHNOVKA)
    marker.send_keys(Keys.ENTER)
    assert MAKHNOVKA_QUOTE in _popup_of(page, MAKHNOVKA).get_attribute("textContent")


def test_district_names_are_shown_as_the_map_opens(page: WebDriver, gazetteer: Gazetteer) -> None:
    names = page.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.leaflet-tooltip.geo-district-label'),"
        " function (e) { return e.textContent; });")
    assert len(names) > 20 and "Sudzhansky District" in names


def test_clicking_a_marker_shows_its_claim(page: WebDriver) -> None:
    popup = _click_place(page, MAKHNOVKA)
    text = popup.get_attribute("textContent")
    assert MAKHNOVKA_QUOTE in text
    assert "Махновка" in text and "Volodymyr Zelensky" in text and "up to a battalion" in text
    marks = popup.find_elements(By.CSS_SELECTOR, ".geo-quote mark")
    assert [m.get_attribute("textContent") for m in marks] == ["Makhnovka"]


def test_hostile_quotes_render_as_literal_text(page: WebDriver) -> None:
    popup = _click_place(page, GUYEVO)
    text = popup.get_attribute("textContent")
    for key in HOSTILE:
        assert hostile_quote(key) in text, key
    assert popup.find_elements(By.TAG_NAME, "img") == []
    assert popup.find_elements(By.TAG_NAME, "script") == []
    marks = popup.find_elements(By.CSS_SELECTOR, ".geo-quote mark")
    assert {m.get_attribute("textContent") for m in marks} == {NAME} and len(marks) == len(HOSTILE)
    _assert_no_alert(page)
    assert not [u for u in requested_urls(page) if u.endswith("/x")]  # <img src=x> never loaded


def test_a_card_from_its_shard_shows_hostile_sources_as_text(page: WebDriver) -> None:
    """Issue 14: titles, outlets and file names come from ``cards/KEY.js``, as text only."""
    popup = _click_place(page, GUYEVO)
    assert page.execute_script("return geoMap.app.cardShardsLoaded()") >= 1
    sources = [s.get_attribute("textContent") for s in popup.find_elements(By.CSS_SELECTOR, ".geo-source")]
    assert sources and all(HOSTILE_SOURCE.title in text and HOSTILE_SOURCE.publisher in text
                           and HOSTILE_SOURCE.source in text for text in sources)
    assert popup.find_elements(By.CSS_SELECTOR, "img, script, iframe") == []
    assert page.execute_script("return document.querySelectorAll('img, script[src], iframe').length") == 0
    _assert_no_alert(page)


def test_contested_claims_name_the_claim_they_disagree_with(page: WebDriver) -> None:
    popup = _click_place(page, SUDZHA)
    cards = popup.find_elements(By.CSS_SELECTOR, ".geo-claim.is-contested")
    assert len(cards) == 2
    against = sorted(c.find_element(By.CSS_SELECTOR, ".geo-against").get_attribute("textContent")
                     for c in cards)
    assert against == ["disagrees with Russian Ministry of Defence: более 2000 (2024-08-12)",
                       "disagrees with Volodymyr Zelensky: about 100 (2024-08-12)"]


def test_claimants_and_dates_are_gathered_from_the_claims(page: WebDriver,
                                                          gazetteer: Gazetteer) -> None:
    counts = Counter(c.claimant for c in hostile_build(gazetteer).claims)
    names = sorted(counts, key=lambda name: (name is None, name or ""))
    labels = page.find_elements(By.CSS_SELECTOR, "#geo-claimants label")
    assert [" ".join(label.get_attribute("textContent").split()) for label in labels] == [
        f"{'claimant not named' if name is None else name} ({counts[name]})" for name in names]
    assert page.execute_script("var i = document.getElementById('geo-from');"
                               "return [i.min, i.max];") == ["2024-08-01", "2024-12-28"]  # 2024-08: an article's month


@pytest.mark.parametrize(("query", "place_id", "lat_lon"), [
    pytest.param("Makhnovka", MAKHNOVKA, (51.175, 35.302778), id="latin"),
    pytest.param("Махновка", MAKHNOVKA, (51.175, 35.302778), id="cyrillic"),
    pytest.param("гуево", GUYEVO, (51.094722, 35.263889), id="cyrillic-lower-case"),
    pytest.param("Kazachya Loknya", "inid160:19346", (51.24, 35.251111), id="gazetteer-only"),
    pytest.param("Казачья Локня", "inid160:19346", (51.24, 35.251111),
                 id="gazetteer-only-cyrillic"),
])
def test_search_moves_the_map_to_the_village(page: WebDriver, query: str, place_id: str,
                                              lat_lon: tuple[float, float]) -> None:
    _reset(page)
    box = page.find_element(By.ID, "geo-q")
    box.clear()
    box.send_keys(query, Keys.ENTER)
    _popup_of(page, place_id)
    center = page.execute_script("var c = geoMap.app.map.getCenter(); return [c.lat, c.lng];")
    assert _distance_km(tuple(center), lat_lon) < 1.0


def test_kind_filter_hides_markers(page: WebDriver) -> None:
    _reset(page)
    assert SUDZHA in page.execute_script("return geoMap.app.shownPlaceIds()")
    killed = page.find_element(By.XPATH,
                               "//div[@id='geo-kinds']/label[contains(., 'killed (')]/input")
    killed.click()
    try:
        shown = page.execute_script("return geoMap.app.shownPlaceIds()")
        assert SUDZHA not in shown and MAKHNOVKA in shown
    finally:
        killed.click()
    assert SUDZHA in page.execute_script("return geoMap.app.shownPlaceIds()")


def test_a_claim_without_a_date_of_its_own_is_dated_by_its_article(page: WebDriver) -> None:
    _reset(page)
    set_to = ("var i = document.getElementById('geo-to'); i.value = arguments[0];"
              "i.dispatchEvent(new Event('change'));")
    page.execute_script(set_to, "2024-08-31")
    try:
        shown = page.execute_script("return geoMap.app.shownPlaceIds()")
        assert SUDZHA in shown and MAKHNOVKA not in shown  # 2024-08-12 and 2024-12-28
        assert "inid160:25632" in shown  # Bogdanovka: its claim has no date, its article 2024-08-12
        page.execute_script(set_to, "2024-08-11")
        assert "inid160:25632" not in page.execute_script("return geoMap.app.shownPlaceIds()")
    finally:
        page.execute_script(set_to, "")
    assert MAKHNOVKA in page.execute_script("return geoMap.app.shownPlaceIds()")


# --- issue 12: who holds each village, one card per statement, bounded popups -----------------

@pytest.fixture(scope="module")
def analyst(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[WebDriver]:
    """``analyst_build``'s map in its own browser session."""
    with _map_session(tmp_path_factory, analyst_build(gazetteer), gazetteer) as driver:
        yield driver


def test_the_analyst_map_loads_offline_without_errors(analyst: WebDriver) -> None:
    urls = analyst.page_urls + requested_urls(analyst)  # type: ignore[attr-defined]
    assert [u for u in urls if not u.startswith(("file://", "data:"))] == []
    assert console_errors(analyst) == []


def _slide_to(driver: WebDriver, day: str | None) -> None:
    """Move the time slider to ``day`` (None: the end) as a drag would: input, then change."""
    driver.execute_script(
        "var s = document.getElementById('geo-at'), d = arguments[0];"
        "var first = Date.parse(document.getElementById('geo-from').min);"
        "s.value = d === null ? s.max : String(Math.round((Date.parse(d) - first) / 86400000));"
        "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", day)


def _icon(driver: WebDriver, place_id: str) -> str | None:
    return driver.execute_script("return geoMap.app.iconClass(arguments[0])", place_id)


def _side(driver: WebDriver, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"input[name=geo-side][value={value}]").click()


def test_villages_take_the_colour_of_their_holder_at_the_slider_date(analyst: WebDriver) -> None:
    _reset(analyst)
    try:
        assert "geo-hold-russia" in _icon(analyst, OLGOVKA)
        assert "is-split" in _icon(analyst, MALAYA_LOKNYA)
        assert "geo-hold-russia" in _icon(analyst, KURILOVKA)  # undated: still drawn
        _slide_to(analyst, "2024-09-01")
        assert "geo-hold-ukraine" in _icon(analyst, OLGOVKA)
        assert _icon(analyst, MALAYA_LOKNYA) is None  # nothing claimed there yet
        assert analyst.find_element(By.ID, "geo-at-label").text == "2024-09-01"
        _slide_to(analyst, "2024-10-02")
        assert "geo-hold-russia" in _icon(analyst, MALAYA_LOKNYA)
        assert "is-split" not in _icon(analyst, MALAYA_LOKNYA)
    finally:
        _slide_to(analyst, None)
    assert "geo-hold-russia" in _icon(analyst, OLGOVKA)
    element = analyst.execute_async_script(
        "geoMap.app.showPlace(arguments[0], null, arguments[1]);", OLGOVKA)
    assert "geo-hold-russia" in element.get_attribute("class")
    assert element.get_attribute("data-place-id") == OLGOVKA


def test_the_claimant_switch_keeps_one_sides_sources(analyst: WebDriver) -> None:
    _reset(analyst)
    try:
        _side(analyst, "ukraine")
        assert "geo-hold-ukraine" in _icon(analyst, OLGOVKA)
        assert "geo-hold-ukraine" in _icon(analyst, MALAYA_LOKNYA)
        assert _icon(analyst, LYUBIMOVKA) == "geo-pin geo-k-killed"  # GUR: Ukrainian intelligence
        assert _icon(analyst, POGREBKI) is None  # its claimants name no side
        _side(analyst, "russia")
        assert "geo-hold-russia" in _icon(analyst, MALAYA_LOKNYA)
        assert "is-split" not in _icon(analyst, MALAYA_LOKNYA)
    finally:
        _side(analyst, "all")
    assert "is-split" in _icon(analyst, MALAYA_LOKNYA)


def test_the_popup_opens_with_the_control_history_newest_first(analyst: WebDriver) -> None:
    popup = _click_place(analyst, OLGOVKA)
    holding = popup.find_element(By.CSS_SELECTOR, ".geo-holding").text
    assert holding == "held by Russia according to Russian Defense Ministry, 2024-11-25"
    items = popup.find_elements(By.CSS_SELECTOR, ".geo-history-item")
    assert [i.find_element(By.CSS_SELECTOR, ".geo-date").text for i in items] == [
        "2024-11-25", "2024-08-20"]
    assert "Russian Defense Ministry · Ukraine left: held by Russia" in items[0].text
    assert "Oleksandr Syrskyi · held by Ukraine" in items[1].text
    assert popup.find_elements(By.TAG_NAME, "img") == []
    _assert_no_alert(analyst)


def test_an_undated_claim_says_so(analyst: WebDriver) -> None:
    popup = _click_place(analyst, KURILOVKA)
    assert "held by Russia according to ISW, undated" in popup.text
    assert "neither the claim nor its article gives a date" not in popup.text  # history only
    assert popup.find_element(By.CSS_SELECTOR, ".geo-date").text == "undated"


def test_a_statement_reported_by_two_articles_is_one_card_with_two_sources(
        analyst: WebDriver) -> None:
    popup = _click_place(analyst, LYUBIMOVKA)
    [card] = popup.find_elements(By.CSS_SELECTOR, ".geo-claim")
    assert card.find_element(By.CSS_SELECTOR, ".geo-reported").text == "reported by 2 outlets"
    text = card.get_attribute("textContent")
    assert all(quote in text for quote in STATEMENT_QUOTES)
    assert len(card.find_elements(By.CSS_SELECTOR, ".geo-report")) == 2
    assert f"Wire {HOSTILE_TAG}" in text and card.find_elements(By.TAG_NAME, "img") == []


def test_documents_whose_card_keys_collide_share_a_shard_and_each_finds_its_card(
        tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """File names with one card key (1,024 keys: ten a shard at 10,000 articles) share a shard, in page order."""
    import geo.webmap.page

    monkeypatch.setattr(geo.webmap.page, "card_hash", lambda source: "c" + "ab"[source > "m"] + "000000")
    with _map_session(tmp_path_factory, analyst_build(gazetteer), gazetteer) as driver:
        popup = _click_place(driver, LYUBIMOVKA)
        [card] = popup.find_elements(By.CSS_SELECTOR, ".geo-claim")
        text = card.get_attribute("textContent")
        assert all(quote in text for quote in STATEMENT_QUOTES) and f"Wire {HOSTILE_TAG}" in text
        assert driver.execute_script("return geoMap.app.cardShardsLoaded()") in (1, 2)
        assert console_errors(driver) == []


def test_a_bigger_pages_longer_card_keys_are_read_by_their_length(
        tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above 32,768 documents a key has 3 characters (``cards.card_key_length``): map.js reads its length."""
    import geo.webmap.page

    monkeypatch.setattr(geo.webmap.page, "card_key_length", lambda documents: 3)
    with _map_session(tmp_path_factory, analyst_build(gazetteer), gazetteer) as driver:
        keys = driver.execute_script("return geoMap.app.cardShardsLoaded()")
        popup = _click_place(driver, LYUBIMOVKA)
        [card] = popup.find_elements(By.CSS_SELECTOR, ".geo-claim")
        assert all(quote in card.get_attribute("textContent") for quote in STATEMENT_QUOTES)
        assert driver.execute_script("return geoMap.app.cardShardsLoaded()") > keys
        assert console_errors(driver) == []


def test_a_village_with_a_thousand_claims_opens_with_twenty_cards(analyst: WebDriver) -> None:
    popup = _click_place(analyst, POGREBKI)
    cards = popup.find_elements(By.CSS_SELECTOR, ".geo-claim")
    assert len(cards) == 20
    days = [c.get_attribute("textContent").split("reported ")[1][:10] for c in cards]
    assert days == sorted(days, reverse=True)
    more = popup.find_element(By.CSS_SELECTOR, ".geo-claims > .geo-more")
    assert more.text == f"show 20 more of {CROWD - 20}"
    more.click()  # the next cards may wait for their shards (cards/KEY.js)
    WebDriverWait(analyst, WAIT_S).until(lambda d: not popup.find_elements(By.CSS_SELECTOR, ".geo-loading"))
    assert len(popup.find_elements(By.CSS_SELECTOR, ".geo-claim")) == 40


def test_the_header_counts_what_the_filters_show(analyst: WebDriver) -> None:
    _reset(analyst)
    total = CROWD + 7
    showing = analyst.find_element(By.ID, "geo-showing")
    assert showing.text == f"showing {total:,} of {total:,} claims"
    undated = analyst.find_element(By.ID, "geo-undated")
    undated.click()
    try:
        assert showing.text == f"showing {total - 1:,} of {total:,} claims"
        assert KURILOVKA not in analyst.execute_script("return geoMap.app.shownPlaceIds()")
        killed = analyst.find_element(By.XPATH, "//div[@id='geo-kinds']/label[contains(., 'killed (')]")
        assert killed.find_element(By.CSS_SELECTOR, ".geo-n").text == f"({CROWD + 2})"
        _side(analyst, "russia")
        assert killed.find_element(By.CSS_SELECTOR, ".geo-n").text == "(0)"
    finally:
        _side(analyst, "all")
        undated.click()


def test_the_feed_lists_claims_in_view_and_opens_their_place(analyst: WebDriver) -> None:
    _reset(analyst)

    def first_item(driver: WebDriver) -> WebElement | bool:
        items = driver.find_elements(By.CSS_SELECTOR, ".geo-feed-item")
        return items[0] if items else False

    # the feed is redrawn once the map settles after a move: a line can go stale under us
    wait = WebDriverWait(analyst, WAIT_S, ignored_exceptions=(StaleElementReferenceException,))
    assert wait.until(lambda d: first_item(d) and first_item(d).text).startswith("2024-12-")
    assert analyst.find_elements(By.CSS_SELECTOR, "#geo-feed img") == []
    wait.until(lambda d: first_item(d) and (first_item(d).click() or True))
    _popup_of(analyst, POGREBKI)


def _covered_by(driver: WebDriver, element: WebElement) -> str | None:
    """The class of what is drawn on top of the element's centre, or None when it is itself."""
    return driver.execute_script(
        "var e = arguments[0], r = e.getBoundingClientRect();"
        "var top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return top && (top === e || e.contains(top)) ? null : (top ? top.className : 'nothing');",
        element)


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[WebDriver]:
    """``analyst_build``'s map on a 390 x 844 screen."""
    with _map_session(tmp_path_factory, analyst_build(gazetteer), gazetteer,
                      width=390, height=844) as driver:
        yield driver


def test_a_phone_opens_on_the_map_and_no_control_covers_a_popup(phone: WebDriver) -> None:
    assert phone.execute_script("return window.innerWidth") == 390
    panel = phone.find_element(By.ID, "geo-panel")
    assert not panel.is_displayed()  # the panel starts closed
    assert "analyst <i>test</i>" in phone.find_element(By.CSS_SELECTOR, "#geo-header h1").text
    popup = _click_place(phone, OLGOVKA)
    for part in (popup.find_element(By.CSS_SELECTOR, ".geo-title"),
                 phone.find_element(By.CSS_SELECTOR, ".leaflet-popup-close-button")):
        assert _covered_by(phone, part) is None
    assert popup.rect["x"] >= 0 and popup.rect["x"] + popup.rect["width"] <= 390
    phone.find_element(By.ID, "geo-panel-toggle").click()
    try:
        find = phone.find_element(By.CSS_SELECTOR, "#geo-search button[type=submit]")
        assert find.is_displayed() and _covered_by(phone, find) is None
    finally:
        phone.find_element(By.ID, "geo-panel-toggle").click()


def test_village_labels_never_overlap(page: WebDriver) -> None:
    _reset(page)
    page.execute_script("geoMap.app.map.setView([51.2, 35.27], 12, {animate: false});")
    rects = page.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll("
        "'.leaflet-tooltip.geo-label, .leaflet-tooltip.geo-district-label'), function (e) {"
        " var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });")
    assert len(rects) > 20
    clashes = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:]
               if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
    assert clashes == []


@pytest.mark.parametrize(("query", "place_id"), [
    pytest.param("Sudja", SUDZHA, id="j-for-zh"),
    pytest.param("Sudsha", SUDZHA, id="sh-for-zh"),
    pytest.param("Martinovka", "inid160:37899", id="i-for-y"),
    pytest.param("Суджя", SUDZHA, id="cyrillic-slip"),
])
def test_search_forgives_spelling(page: WebDriver, query: str, place_id: str) -> None:
    _reset(page)
    box = page.find_element(By.ID, "geo-q")
    box.clear()
    box.send_keys(query, Keys.ENTER)
    _popup_of(page, place_id)


def test_an_exact_name_comes_before_near_ones_and_the_rest_are_counted(page: WebDriver) -> None:
    _reset(page)
    box = page.find_element(By.ID, "geo-q")
    box.clear()
    box.send_keys("Ivanovka", Keys.ENTER)  # a name many villages share, and more nearly share
    items = page.find_elements(By.CSS_SELECTOR, "#geo-results li")
    assert items[0].text.startswith("Ivanovka / Ивановка")
    more = page.find_element(By.CSS_SELECTOR, "#geo-results .geo-more-found").text
    assert re.fullmatch(r"and \d+ more; type more of the name to narrow the list", more)
    box.clear()
    box.send_keys("Qzxwv", Keys.ENTER)
    assert "or nearly so" in page.find_element(By.CSS_SELECTOR, "#geo-results .geo-miss").text


def test_hostile_text_stays_text_in_the_feed_the_counts_and_the_cards(page: WebDriver) -> None:
    _reset(page)
    page.execute_script("geoMap.app.map.setView([51.09, 35.26], 12, {animate: false});")  # Guyevo
    feed = WebDriverWait(page, WAIT_S, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Claimant {{ 1+1 }}" in d.find_element(By.ID, "geo-feed").get_attribute("textContent")
        and d.find_element(By.ID, "geo-feed"))
    assert HOSTILE["img-onerror"] in feed.get_attribute("textContent")
    _click_place(page, GUYEVO)
    assert page.execute_script("return document.querySelectorAll('img, script[src], iframe').length") == 0
    labels = page.find_element(By.ID, "geo-claimants").get_attribute("textContent")
    assert HOSTILE["img-onerror"] in labels
    _assert_no_alert(page)


def test_unticking_undated_never_empties_the_map_without_a_word(analyst: WebDriver) -> None:
    _reset(analyst)
    analyst.find_element(By.ID, "geo-claimants-none").click()
    isw = analyst.find_element(
        By.XPATH, "//div[@id='geo-claimants']/label[starts-with(normalize-space(.), 'ISW (')]/input")
    isw.click()
    undated = analyst.find_element(By.ID, "geo-undated")
    try:
        assert analyst.find_element(By.ID, "geo-showing").text.startswith("showing 1 of ")
        undated.click()
        assert analyst.find_element(By.ID, "geo-showing").text.endswith(
            "claims: the one undated claim is hidden (tick “undated claims”)")
    finally:
        undated.click()
        analyst.find_element(By.ID, "geo-claimants-all").click()


# --- the reader view: the article's full text, from articles/NN.js beside the map ---------


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[WebDriver]:
    """The hostile Build's map with its article shards beside it; ``driver.texts``: their texts."""
    build = hostile_build(gazetteer)
    folder = tmp_path_factory.mktemp("reader")
    write_map(build, gazetteer, folder / "index.html")
    texts = write_reader_shards(build, gazetteer, folder)
    for shard in (folder / "articles").iterdir():  # one text left out, as when its file changed
        kept = shard.read_text(encoding="utf-8").replace(f'"{LEFT_OUT}":', '"elsewhere":')
        shard.write_text(kept, encoding="utf-8")
    driver = start_chromium(tmp_path_factory.mktemp("profile"))
    try:
        driver.get((folder / "index.html").as_uri())
        driver.texts = texts  # type: ignore[attr-defined]
        yield driver
    finally:
        driver.quit()


#: The article of the reader's map whose text its shard lacks.
LEFT_OUT = "ru/2024-08-12_sudzha.txt"


def _read(driver: WebDriver, place_id: str, quote: str) -> WebElement:
    """Click "read the article" under ``quote`` in the place's popup; the report it belongs to."""
    popup = _click_place(driver, place_id)
    report = next(r for r in popup.find_elements(By.CSS_SELECTOR, ".geo-report")
                  if r.find_element(By.CSS_SELECTOR, ".geo-quote").get_attribute("textContent")
                  == quote)
    report.find_element(By.CSS_SELECTOR, ".geo-read-button").click()
    return report


def _open_reader(driver: WebDriver) -> WebElement:
    return WebDriverWait(driver, WAIT_S).until(
        lambda d: d.find_element(By.ID, "geo-reader").is_displayed()
        and d.find_element(By.ID, "geo-reader"))


def test_read_the_article_shows_its_full_text_with_the_quote_highlighted(reader: WebDriver) -> None:
    _read(reader, MAKHNOVKA, MAKHNOVKA_QUOTE)
    box = _open_reader(reader)
    text = box.find_element(By.CSS_SELECTOR, ".geo-reader-text")
    assert text.get_attribute("textContent") == reader.texts[NEWS.source]  # type: ignore[attr-defined]
    marks = text.find_elements(By.TAG_NAME, "mark")
    assert [m.get_attribute("textContent") for m in marks] == [MAKHNOVKA_QUOTE]
    assert reader.execute_script(  # scrolled into view inside the text's box
        "var m = arguments[0].getBoundingClientRect(), t = arguments[1].getBoundingClientRect();"
        "return m.top >= t.top && m.top < t.bottom;", marks[0], text)
    reader.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    WebDriverWait(reader, WAIT_S).until(
        lambda d: not d.find_element(By.ID, "geo-reader").is_displayed())
    assert console_errors(reader) == []


def test_a_hostile_article_stays_text_in_the_reader(reader: WebDriver) -> None:
    quote = hostile_quote("script-close")
    _read(reader, GUYEVO, quote)
    box = _open_reader(reader)
    text = box.find_element(By.CSS_SELECTOR, ".geo-reader-text")
    assert text.get_attribute("textContent") == reader.texts[HOSTILE_SOURCE.source]  # type: ignore[attr-defined]
    shown = text.get_attribute("textContent")
    assert "</script>" in shown and "<!--" in shown and "\u2028" in shown
    marks = text.find_elements(By.TAG_NAME, "mark")
    assert [m.get_attribute("textContent") for m in marks] == [quote]
    assert box.find_elements(By.CSS_SELECTOR, "img, script, iframe") == []
    assert box.find_element(By.CSS_SELECTOR, ".geo-reader-title").text == HOSTILE_SOURCE.title
    _assert_no_alert(reader)
    box.find_element(By.CSS_SELECTOR, ".geo-reader-close").click()
    assert not box.is_displayed()


def test_a_map_without_its_articles_folder_says_so_on_the_card(page: WebDriver) -> None:
    report = _read(page, MAKHNOVKA, MAKHNOVKA_QUOTE)
    note = WebDriverWait(page, WAIT_S).until(
        lambda d: "not beside this map" in report.get_attribute("textContent") and report)
    assert "articles" in note.find_element(By.CSS_SELECTOR, ".geo-read-note").text
    assert not page.find_element(By.ID, "geo-reader").is_displayed()
    console_errors(page)  # the refused load of the missing shard is expected: drain it


def test_an_article_whose_text_was_left_out_says_so_on_the_card(reader: WebDriver) -> None:
    quote = next(c.quote for c in hostile_build(load_gazetteer()).claims
                 if c.source == LEFT_OUT and c.places[0].place_id == SUDZHA)
    report = _read(reader, SUDZHA, quote)
    WebDriverWait(reader, WAIT_S).until(
        lambda d: "not saved with the map" in report.get_attribute("textContent"))
    assert not reader.find_element(By.ID, "geo-reader").is_displayed()


def test_a_map_without_its_cards_folder_says_so_in_the_popup(tmp_path_factory: pytest.TempPathFactory,
                                                             gazetteer: Gazetteer) -> None:
    """The markers, filters and counts need only the page; the quotes need ``cards/`` beside it."""
    import shutil

    folder = tmp_path_factory.mktemp("nocards")
    write_map(hostile_build(gazetteer), gazetteer, folder / "index.html")
    shutil.rmtree(folder / "cards")
    driver = start_chromium(tmp_path_factory.mktemp("profile"))
    try:
        driver.get((folder / "index.html").as_uri())
        assert SUDZHA in driver.execute_script("return geoMap.app.shownPlaceIds()")
        popup = _click_place(driver, MAKHNOVKA)
        note = popup.find_element(By.CSS_SELECTOR, ".geo-cards-missing").text
        assert "“cards”" in note and "did not come with it" in note
        assert popup.find_elements(By.CSS_SELECTOR, ".geo-claim") == []
        console_errors(driver)  # the refused load of the missing shard is expected: drain it
    finally:
        driver.quit()


def test_control_and_bidi_characters_in_names_are_shown_not_obeyed(tmp_path_factory: pytest.TempPathFactory,
                                                                   gazetteer: Gazetteer) -> None:
    """Issue 13: a right-to-left override or an escape sequence in a title or outlet is shown as its code."""
    import dataclasses

    build = hostile_build(gazetteer)
    tricky = dataclasses.replace(NEWS, title="Report\u202egnp.exe", publisher="Wire\x1b[2J")
    build = dataclasses.replace(build, sources=tuple(tricky if s.source == NEWS.source else s for s in build.sources))
    with _map_session(tmp_path_factory, build, gazetteer) as driver:
        text = _click_place(driver, MAKHNOVKA).get_attribute("textContent")
    assert "Report\u27e8U+202E\u27e9gnp.exe" in text and "Wire\u27e8U+001B\u27e9[2J" in text
    assert "\u202e" not in text and "\x1b" not in text
