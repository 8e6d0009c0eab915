"""The map in Debian's Chromium: offline, clickable, searchable, and inert to hostile text.

One browser session serves the module. Every http(s) request is blocked and logged; the
page must not attempt one. Clicks are real WebDriver clicks on a marker's element, after
the map has zoomed to where that marker stands alone.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterator

import pytest

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.webmap.build import write_map
from tests.chromium import CHROMEDRIVER, CHROMIUM, console_errors, requested_urls, start_chromium
from tests.webmap_builds import (
    GUYEVO,
    HOSTILE,
    MAKHNOVKA,
    MAKHNOVKA_QUOTE,
    NAME,
    SUDZHA,
    hostile_build,
    hostile_quote,
)

pytestmark = pytest.mark.browser

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {CHROMIUM} and {CHROMEDRIVER}: "
                    "apt-get install chromium chromium-driver", pytrace=False)
    pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} is not installed", allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT_S = 5


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, gazetteer: Gazetteer) -> Iterator[WebDriver]:
    """The hostile Build's map, loaded from file:// in a fresh headless Chromium."""
    folder = tmp_path_factory.mktemp("map")
    write_map(hostile_build(gazetteer), gazetteer, folder / "index.html")
    driver = start_chromium(tmp_path_factory.mktemp("profile"))
    try:
        driver.get("about:blank")
        requested_urls(driver)  # drain what the browser loaded for itself
        console_errors(driver)
        driver.get((folder / "index.html").as_uri())
        driver.page_urls = requested_urls(driver)  # type: ignore[attr-defined]
        yield driver
    finally:
        driver.quit()


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
    """The open popup of a place (a closed one fades out for 200 ms: never pick that)."""
    return WebDriverWait(driver, WAIT_S).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f'.geo-popup[data-place-id="{place_id}"]'))


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


def test_contested_claims_stand_side_by_side(page: WebDriver) -> None:
    popup = _click_place(page, SUDZHA)
    [side] = popup.find_elements(By.CSS_SELECTOR, ".geo-side")
    columns = side.find_elements(By.CSS_SELECTOR, ".geo-col")
    assert len(columns) == 2
    assert len(popup.find_elements(By.CSS_SELECTOR, ".geo-badge")) == 2


def test_claimants_and_dates_are_gathered_from_the_claims(page: WebDriver,
                                                          gazetteer: Gazetteer) -> None:
    counts = Counter(c.claimant for c in hostile_build(gazetteer).claims)
    names = sorted(counts, key=lambda name: (name is None, name or ""))
    labels = page.find_elements(By.CSS_SELECTOR, "#geo-claimants label")
    assert [" ".join(label.get_attribute("textContent").split()) for label in labels] == [
        f"{'claimant not named' if name is None else name} ({counts[name]})" for name in names]
    assert page.execute_script("var i = document.getElementById('geo-from');"
                               "return [i.min, i.max];") == ["2024-08-12", "2024-12-28"]


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


def test_time_filter_keeps_undated_claims_on_request(page: WebDriver) -> None:
    _reset(page)
    set_to = ("var i = document.getElementById('geo-to'); i.value = arguments[0];"
              "i.dispatchEvent(new Event('change'));")
    undated = page.find_element(By.ID, "geo-undated")
    page.execute_script(set_to, "2024-08-31")
    try:
        shown = page.execute_script("return geoMap.app.shownPlaceIds()")
        assert SUDZHA in shown and MAKHNOVKA not in shown  # 2024-08-12 and 2024-12-28
        assert "inid160:25632" in shown  # Bogdanovka: its one claim is undated
        undated.click()
        assert "inid160:25632" not in page.execute_script("return geoMap.app.shownPlaceIds()")
    finally:
        undated.click()
        page.execute_script(set_to, "")
    assert MAKHNOVKA in page.execute_script("return geoMap.app.shownPlaceIds()")
