"""How fast the map builds and loads: a synthetic Build of 3,000 places and 10,000 claims
(plus, by default, 1,000 more about one village).

Run from a checkout: ``python bench/bench_map.py [--places N] [--claims N] [--loads N]``.
With ``--realistic [N]`` (default 10,000) it instead writes N real-size articles with
``bench/realistic.py``, builds them with ``geo build CORPUS --out OUT --workers 2`` (a fresh
cache folder: the first run also builds the name index, about 15 s) and prints the
articles, the build's wall time, the size of ``OUT/index.html`` and of the card shards
beside it (``OUT/cards/``), and the same Chromium figures for that page, the biggest
popup being the settlement with the most claims. With ``--page DIR`` it builds nothing and
times the map a ``geo build --out DIR`` already wrote (``index.html``, ``cards/`` and
``places.geojson`` for the biggest popup), so that a change to ``map.js`` is measured
on the same page again and again.
Prints the time ``write_map`` takes with a warm page-shell cache (from the records in
memory: the input's own per-place indexes are made first), the writer's peak allocations
(tracemalloc), the page size, and the time Chromium (headless, network blocked) takes
from navigation to the end of the ``load`` event, which includes map.js unpacking the
claim index and building every marker and cluster, split at map.js's ``geo-*`` marks
(HTML and Leaflet, JSON.parse, unpack, basemap, markers, panel, then layout and paint to
the end of ``load``), and the CPU seconds Chromium's processes (and its renderer alone)
spent on each load, which other users' load on a shared machine stretches much less
than wall time; then the time to open the popup of
the place with the most claims until its cards are drawn (they come from ``cards/`` by
``<script src>``: the shards loaded are counted; the popup's height and the cards it
draws: at most 20 come first), the time from "read the article" on its first card to
the article's text shown with the quote highlighted (the texts are written beside the
page as ``articles/NN.js`` and do not change its size), and one step of the time slider
(issue 12). Not a test: it asserts nothing.

The gazetteer has 2,769 settlements; places beyond that are copies of real settlements
moved by up to 2 km, with ids ``bench:N``. About 5 % of the claims are about a district,
2 % about the oblast, 3 % about no place; there are 500 unresolved mentions.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # runs from a checkout without an install

from geo.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from geo.model import (  # noqa: E402
    Build,
    Claim,
    Figure,
    Kind,
    Link,
    Mention,
    Place,
    PlaceLink,
    PlaceType,
    Resolution,
    Source,
)
from geo.records import MemoryRecords  # noqa: E402
from geo.webmap.build import write_map  # noqa: E402
from tests.webmap_builds import write_reader_shards  # noqa: E402

CLAIMANTS = ("Russian Ministry of Defence", "Volodymyr Zelensky", "GUR", "ISW", "Pentagon",
             "Ukrainian General Staff", "Alexei Smirnov", None)
SUBJECTS = ("Russian forces", "Ukrainian troops", "ВСУ", "the enemy", None)
PUBLISHERS = ("Wire", "Daily", "ТАСС", "Kyiv Post")  # noqa: RUF001 (Cyrillic on purpose)
PHRASES = ("forces lost up to {n} soldiers in fighting near {name}",
           "more than {n} troops were killed or wounded around {name}, officials said",
           "about {n} servicemen were captured at {name} during the week",
           "as many as {n} soldiers have been deployed to the area of {name}")


def _places(gazetteer: Gazetteer, count: int, rng: random.Random) -> list[Place]:
    real = list(gazetteer.settlements)
    places = real[:count]
    for n in range(count - len(places)):
        twin = rng.choice(real)
        places.append(replace(twin, place_id=f"bench:{n}",
                              lat=twin.lat + rng.uniform(-0.018, 0.018),
                              lon=twin.lon + rng.uniform(-0.028, 0.028)))
    return places


def synthetic_build(gazetteer: Gazetteer, *, places: int, claims: int, seed: int = 1,
                    crowd: int = 0) -> Build:
    """A Build of ``places`` settlements and ``claims`` claims, the same for one seed.

    ``crowd`` more claims, each its own statement, go to the first settlement: the
    village named in a thousand articles whose popup must still open at once.
    """
    rng = random.Random(seed)
    settlements = _places(gazetteer, places, rng)
    areas = [p for p in gazetteer.places.values() if p.place_type is not PlaceType.SETTLEMENT]
    sources = [Source(source=f"corpus/{i:04d}.txt", sha256=f"{i:064x}",
                      title=f"Report {i} on Kursk", publisher=rng.choice(PUBLISHERS),
                      published=f"2024-{8 + i % 5:02d}-{1 + i % 28:02d}") for i in range(600)]
    records, resolutions, cursor = [], [], {s.source: 0 for s in sources}
    weights = [rng.paretovariate(1.2) for _ in settlements]
    for i in range(claims):
        source = rng.choice(sources).source
        roll = rng.random()
        place = (rng.choice(areas) if roll < 0.07 else
                 None if roll < 0.10 else rng.choices(settlements, weights)[0])
        name = place.name if place else "the front"
        n = rng.randint(5, 5000)
        quote = (rng.choice(PHRASES).format(n=f"{n:,}", name=name) + ". "
                 + "Details follow. " * rng.randint(2, 8))
        start = cursor[source]
        cursor[source] += len(quote) + 1
        links = (PlaceLink(place_id=place.place_id, link=rng.choice(list(Link))),) if place else ()
        reported = (None if rng.random() < 0.1
                    else f"2024-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}")
        kind = rng.choice(list(Kind))
        is_control = kind is Kind.CONTROL  # who holds the place: a side, no figure
        records.append(Claim(claim_id=f"c{i}", source=source, start=start, end=start + len(quote),
                             quote=quote, claimant=rng.choice(CLAIMANTS), kind=kind,
                             subject=rng.choice(SUBJECTS) if is_control else None,
                             figure=None if is_control else Figure(text=f"up to {n:,}", high=float(n)),
                             reported=reported, places=links))
        if place:
            at = start + quote.index(name)
            resolutions.append(Resolution(mention=Mention(
                source=source, start=at, end=at + len(name), surface=name, lemma=name,
                candidates=(place.place_id,)), place_id=place.place_id, reason="only candidate"))
    for i in range(crowd):
        source = sources[i % len(sources)].source
        quote = f"up to {i + 1} soldiers were lost near {settlements[0].name}. "
        start = cursor[source]
        cursor[source] += len(quote) + 1
        records.append(Claim(claim_id=f"crowd{i}", source=source, start=start,
                             end=start + len(quote), quote=quote, claimant=rng.choice(CLAIMANTS),
                             kind=Kind.KILLED, figure=Figure(text=f"up to {i + 1}", high=i + 1.0),
                             reported=f"2024-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}",
                             places=(PlaceLink(place_id=settlements[0].place_id, link=Link.SENTENCE),)))
    for i in range(500):
        at = 10_000_000 + i * 20
        resolutions.append(Resolution(mention=Mention(
            source=sources[i % len(sources)].source, start=at, end=at + 10, surface="Lyubimovka",
            lemma="Любимовка", candidates=("inid160:39015", "inid160:66428"),
            context="fighting near Lyubimovka", context_start=at - 14), place_id=None,
            reason="2 candidates, no district cue"))
    used = {pl.place_id for c in records for pl in c.places}
    return Build(
        corpus="synthetic-bench", built="2025-04-30", gazetteer_version=gazetteer.version,
        sources=tuple(sources),
        places=tuple(sorted([*settlements, *(a for a in areas if a.place_id in used)])),
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.mention.source, r.mention.start))),
        claims=tuple(sorted(records, key=lambda c: c.sort_key)))


#: Opens the popup of a place whose marker stands alone, as a click does, waits until its
#: cards have come from ``cards/`` (no placeholder left; a shard loads by <script src>),
#: and forces its layout: [milliseconds, popup height in px, cards drawn, shards loaded].
_OPEN_POPUP_JS = """
var done = arguments[arguments.length - 1], element = arguments[0];
var before = geoMap.app.cardShardsLoaded();
var t = performance.now();
element.click();
(function wait() {
  var popup = document.querySelector('.leaflet-popup');
  if (!popup || popup.querySelector('.geo-loading')) {
    if (performance.now() - t > 10000) { done(null); return; }
    setTimeout(wait, 0);
    return;
  }
  var height = popup.offsetHeight;
  done([performance.now() - t, height, popup.querySelectorAll('.geo-claim').length,
        geoMap.app.cardShardsLoaded() - before]);
})();
"""

#: Drags the time slider: a jump to its middle, then ten one-day steps, each timed to the
#: frame that shows it: [jump ms, mean step ms], or null without a slider.
_SLIDER_JS = """
var done = arguments[arguments.length - 1], slider = document.getElementById('geo-at');
if (!slider) { done(null); return; }
var value = Math.floor(Number(slider.max) / 2), times = [];
function step(left) {
  var t = performance.now();
  slider.value = String(value);
  slider.dispatchEvent(new Event('input'));
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    times.push(performance.now() - t);
    value += 1;
    if (left) { step(left - 1); return; }
    var steps = times.slice(1);
    done([times[0], steps.reduce(function (a, b) { return a + b; }, 0) / steps.length]);
  }); });
}
step(10);
"""


def biggest_popup_ms(driver: object, place_id: str) -> list[float]:
    """[ms, px, cards, shards] of opening the popup of ``place_id`` once the map shows its marker."""
    element = driver.execute_async_script(  # type: ignore[attr-defined]
        "geoMap.app.showPlace(arguments[0], null, arguments[1]);", place_id)
    return driver.execute_async_script(_OPEN_POPUP_JS, element)  # type: ignore[attr-defined]


_OPEN_READER_JS = """
var done = arguments[arguments.length - 1];
var button = document.querySelector('.leaflet-popup .geo-read-button');
if (!button) { done(null); return; }
var t = performance.now();
button.click();
(function wait() {
  var box = document.getElementById('geo-reader');
  if (!box.hidden && box.querySelector('mark')) {
    var shown = box.querySelector('.geo-reader-text').textContent.length;
    requestAnimationFrame(function () { done([performance.now() - t, shown]); });
    return;
  }
  if (performance.now() - t > 5000) { done(null); return; }
  setTimeout(wait, 1);
})();
"""


#: Where a load's time goes: [[step, ms since the previous one], ...] from the navigation
#: entry and map.js's ``geo-*`` marks (``geo-start`` ... ``geo-ready``), then what follows
#: until the load event ends (style, layout, paint of what map.js drew).
_LOAD_PARTS_JS = """
var nav = performance.getEntriesByType('navigation')[0];
var marks = performance.getEntriesByType('mark').filter(function (e) { return e.name.indexOf('geo-') === 0; });
if (!marks.some(function (e) { return e.name === 'geo-ready'; })) { return null; }
var steps = [['reading the file', nav.responseEnd]], last = nav.responseEnd;
marks.filter(function (e) { return e.startTime <= nav.loadEventEnd; }).forEach(function (e) {
  steps.push([e.name, e.startTime - last]);
  last = e.startTime;
});
steps.push(['to the end of load', nav.loadEventEnd - last]);
return steps;
"""

#: The marks' meaning, as map.js sets them (``geoMap.start``).
_STEP_NAMES = {"geo-start": "to map.js's start (HTML, Leaflet)", "geo-parsed": "JSON.parse",
               "geo-unpacked": "unpack", "geo-basemap": "basemap", "geo-markers": "markers",
               "geo-ready": "panel and counts"}


def _chromium_cpu_s(root_pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) of ``root_pid``'s process tree, and of its renderers alone.

    Linux /proc. Wall times on a shared machine stretch with other users' load; the CPU
    a page load costs does much less, and the renderer's (the page's parsing, scripts,
    layout and paint) least: the browser's own processes add the file's reading and noise.
    """
    ticks, children, renderers = {}, {}, set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if b"--type=renderer" in (stat.parent / "cmdline").read_bytes():
                renderers.add(int(stat.parent.name))
        except OSError:
            continue
        pid = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        ticks[pid] = int(fields[11]) + int(fields[12])
    total = renderer = 0
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        renderer += ticks.get(pid, 0) if pid in renderers else 0
        todo.extend(children.get(pid, ()))
    tick_s = 1 / os.sysconf("SC_CLK_TCK")
    return total * tick_s, renderer * tick_s


def load_times_ms(html_path: Path, loads: int, biggest: str | None = None) -> list[float]:
    """Navigation start → end of the load event, in a fresh headless Chromium, per load.

    With ``biggest`` (a place id), also prints the time to open its popup and one step of
    the time slider, measured after the last load.
    """
    from tests.chromium import console_errors, requested_urls, start_chromium

    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile))
        try:
            times, parts, cpu = [], [], []
            for _ in range(loads):
                driver.get("about:blank")
                before = _chromium_cpu_s(driver.service.process.pid)
                driver.get(html_path.as_uri())
                times.append(driver.execute_script(
                    "return performance.getEntriesByType('navigation')[0].loadEventEnd;"))
                after = _chromium_cpu_s(driver.service.process.pid)
                cpu.append((after[0] - before[0], after[1] - before[1]))
                parts.append(driver.execute_script(_LOAD_PARTS_JS))
            if parts and all(parts) and len({tuple(n for n, _ in p) for p in parts}) == 1:
                print("of which (median): " + ", ".join(
                    f"{_STEP_NAMES.get(name, name)} {statistics.median(p[i][1] for p in parts):.0f} ms"
                    for i, (name, _) in enumerate(parts[0])))
            for i, what in enumerate(("all its processes", "its renderer")):
                spent = sorted(c[i] for c in cpu)
                print(f"Chromium's CPU to the end of load ({what}): "
                      + ", ".join(f"{t:.2f}" for t in spent)
                      + f" s (median {statistics.median(spent):.2f} s)")
            if biggest is not None:
                ms, height, cards, shards = biggest_popup_ms(driver, biggest)
                print(f"biggest popup ({biggest}): opened in {ms:.0f} ms with its cards drawn "
                      f"({shards} card shards loaded), {height} px tall, {cards} cards drawn")
                reader = driver.execute_async_script(_OPEN_READER_JS)
                print("reader: " + ("did not open" if reader is None else
                      f"'read the article' to the text shown with its quote: {reader[0]:.0f} ms "
                      f"(a shard loaded by <script src>, {reader[1]:,} characters)"))
                driver.execute_script("geoMap.app.map.closePopup();")
                slider = driver.execute_async_script(_SLIDER_JS)
                print("time slider: " + ("none" if slider is None else
                      f"a jump to the middle {slider[0]:.0f} ms, then one day at a time "
                      f"{slider[1]:.0f} ms a step (to the frame that shows it)"))
            local = ("file:", "data:", "about:", "chrome:")
            offline = all(u.startswith(local) for u in requested_urls(driver))
            errors = console_errors(driver)
        finally:
            driver.quit()
    print(f"network requests outside file:/data: {'none' if offline else 'SOME'}; "
          f"console errors: {len(errors)}")
    return times


def _folder_size(folder: Path) -> str:
    """'cards/: N files, M MB': what the page loads on demand (``geo.webmap.cards``)."""
    files = list(folder.iterdir()) if folder.is_dir() else []
    return f"{folder.name}/: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.2f} MB"


def _busiest_settlement(out: Path) -> str:
    """The id of the settlement with the most claims in a built folder's ``places.geojson``."""
    features = json.loads((out / "places.geojson").read_text(encoding="utf-8"))["features"]
    biggest = max((f["properties"] for f in features
                   if f["properties"]["place_type"] == "settlement"),
                  key=lambda p: (len(p["claims"]), p["place_id"]))
    print(f"biggest place: {biggest['place_id']} ({biggest['name']}), "
          f"{len(biggest['claims'])} claims")
    return str(biggest["place_id"])


def measure_page(out: Path, loads: int) -> None:
    """Time the map of an already built folder (``geo build --out OUT``): no build.

    Prints the page's size, the cards beside it, and the load, popup, reader and slider
    figures of :func:`load_times_ms`, so that a change to ``map.js`` is measured on the
    same page without building it again (copy the new ``map.js`` in with a warm rebuild).
    """
    path = out / "index.html"
    print(f"html: {path.stat().st_size / 1e6:.2f} MB; {_folder_size(out / 'cards')} beside it")
    if not loads:
        return
    times = load_times_ms(path, loads, _busiest_settlement(out))
    print("load event end: " + ", ".join(f"{t:.0f} ms" for t in sorted(times))
          + f" (median {statistics.median(times):.0f} ms)")


def realistic(n: int, loads: int) -> None:
    """Build ``n`` articles of ``bench/realistic.py`` with ``geo build`` and time its map."""
    sys.path.insert(0, str(ROOT / "bench"))
    from realistic import write_corpus

    print(f"cpu_count: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as folder:
        corpus, out, cache = Path(folder) / "corpus", Path(folder) / "out", Path(folder) / "cache"
        cache.mkdir(mode=0o700)
        cache.chmod(0o700)
        write_corpus(corpus, n)
        corpus_mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"articles: {n} ({corpus_mb:.1f} MB, bench/realistic.py)")
        env = {**os.environ, "GEO_CACHE_DIR": str(cache)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geo", "build", str(corpus), "--out", str(out),
                        "--workers", "2"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"geo build --workers 2: {time.perf_counter() - started:.1f} s wall "
              "(cold cache, name index built first)")
        measure_page(out, loads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=3000)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=3, help="page loads to time (0: none)")
    parser.add_argument("--crowd", type=int, default=1000,
                        help="extra claims about one village (its popup is timed)")
    parser.add_argument("--realistic", type=int, nargs="?", const=10_000, default=None,
                        metavar="N", help="build N realistic articles with geo build "
                        "instead (default 10,000) and time that map")
    parser.add_argument("--page", type=Path, default=None, metavar="DIR",
                        help="time the map of a folder geo build already wrote (its "
                        "index.html, cards/ and places.geojson) instead of building one")
    args = parser.parse_args()
    if args.page is not None:
        measure_page(args.page, args.loads)
        return
    if args.realistic is not None:
        realistic(args.realistic, args.loads)
        return

    gazetteer = load_gazetteer()
    build = synthetic_build(gazetteer, places=args.places, claims=args.claims, crowd=args.crowd)
    records = MemoryRecords(build)
    for place in records.places:  # the input's own per-place indexes, not the writer's
        records.count_at(place.place_id)
        records.contested_at(place.place_id)
    print(f"cpu_count: {os.cpu_count()}")
    print(f"places: {len(build.places)}  claims: {len(build.claims)}  "
          f"unresolved: {len(build.unresolved)}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.html"
        write_map(records, gazetteer, path)  # warm: imports, the page shell's cache
        started = time.perf_counter()
        write_map(records, gazetteer, path)
        elapsed_s = time.perf_counter() - started
        tracemalloc.start()
        write_map(records, gazetteer, path)
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"write_map: {elapsed_s:.2f} s  (peak allocations {peak_mb:.1f} MB)")
        print(f"html: {path.stat().st_size / 1e6:.2f} MB; {_folder_size(Path(folder) / 'cards')} "
              "beside it")
        started = time.perf_counter()
        write_reader_shards(build, gazetteer, Path(folder))  # the texts beside the page, not in it
        shards = sorted((Path(folder) / "articles").iterdir())
        shard_mb = sum(p.stat().st_size for p in shards) / 1e6
        print(f"article shards: {len(shards)} files, {shard_mb:.2f} MB "
              f"beside the page (written in {time.perf_counter() - started:.2f} s); "
              f"html still {path.stat().st_size / 1e6:.2f} MB")
        if args.loads:
            biggest = max((p for p in build.places if p.place_type is PlaceType.SETTLEMENT),
                          key=lambda p: (records.count_at(p.place_id)[1], p.place_id))
            print(f"biggest place: {biggest.place_id}, {records.count_at(biggest.place_id)[1]} claims")
            times = load_times_ms(path, args.loads, biggest.place_id)
            print("load event end: " + ", ".join(f"{t:.0f} ms" for t in times)
                  + f" (median {statistics.median(times):.0f} ms)")


if __name__ == "__main__":
    main()
