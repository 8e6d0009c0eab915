"""Debian's Chromium under selenium, with the network blocked and every request recorded.

Shared by ``tests/test_browser.py`` and ``bench/bench_map.py``. Selenium Manager never
runs: the driver's path is given, so nothing is downloaded. ``requested_urls`` reads the
performance log, so a request the page *attempted* is seen even though it was blocked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Chromium will not make a window narrower than this; narrower screens are emulated.
_MIN_WINDOW_WIDTH = 500
_ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--lang=en-US")


def start_chromium(profile: Path, *, width: int = 1280, height: int = 1000) -> WebDriver:
    """A headless Chromium whose every http(s) request is refused and logged.

    Parameters
    ----------
    profile
        An empty folder for the browser profile (``--user-data-dir``).
    width, height
        Window size in CSS pixels; below 500 wide, a phone's screen is emulated.

    Returns
    -------
    WebDriver
        The session; the caller quits it.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in (*_ARGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    if width < _MIN_WINDOW_WIDTH:  # a phone: headless windows are never narrower than 500
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*"]})
    return driver


def requested_urls(driver: WebDriver) -> list[str]:
    """Every URL the page asked for since the last call (the log is drained)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver: WebDriver) -> list[str]:
    """Severe console messages (script errors, refused loads) since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def screenshot_with_popup(html: Path, png: Path, *, place_id: str | None = None,
                          zoom: int = 11) -> str:
    """Save a screenshot of the map with a popup open; returns the place shown.

    ``place_id`` defaults to the place with the most claims. Run as
    ``python -m tests.chromium maps/index.html docs/screenshot.png [PLACE_ID [ZOOM]]``.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile), width=1400, height=900)
        try:
            driver.get(Path(html).resolve().as_uri())
            shown = place_id or driver.execute_script("return geoMap.app.busiestPlaceId();")
            element = driver.execute_async_script(
                "geoMap.app.showPlace(arguments[0], arguments[1], arguments[2]);", shown, zoom)
            element.click()
            driver.execute_script("return new Promise(function (r) { setTimeout(r, 300); });")
            png.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(png))
        finally:
            driver.quit()
    return str(shown)


if __name__ == "__main__":
    import sys

    print(screenshot_with_popup(Path(sys.argv[1]), Path(sys.argv[2]),
                                place_id=sys.argv[3] if len(sys.argv) > 3 else None,
                                zoom=int(sys.argv[4]) if len(sys.argv) > 4 else 11))
