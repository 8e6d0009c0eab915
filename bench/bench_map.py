"""How fast the map builds and loads: a synthetic Build of 3,000 places and 10,000 claims.

Run from a checkout: ``python bench/bench_map.py [--places N] [--claims N] [--loads N]``.
Prints the time ``write_map`` takes with a warm page-shell cache (from the records in
memory: the input's own per-place indexes are made first), the writer's peak allocations
(tracemalloc), the page size, and the time Chromium (headless, network blocked) takes
from navigation to the end of the ``load`` event, which includes map.js unpacking the
data and building every marker and cluster. Not a test: it asserts nothing.

The gazetteer has 2,769 settlements; places beyond that are copies of real settlements
moved by up to 2 km, with ids ``bench:N``. About 5 % of the claims are about a district,
2 % about the oblast, 3 % about no place; there are 500 unresolved mentions.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
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

CLAIMANTS = ("Russian Ministry of Defence", "Volodymyr Zelensky", "GUR", "ISW", "Pentagon",
             "Ukrainian General Staff", "Alexei Smirnov", None)
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


def synthetic_build(gazetteer: Gazetteer, *, places: int, claims: int, seed: int = 1) -> Build:
    """A Build of ``places`` settlements and ``claims`` claims, the same for one seed."""
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
        records.append(Claim(claim_id=f"c{i}", source=source, start=start, end=start + len(quote),
                             quote=quote, claimant=rng.choice(CLAIMANTS),
                             kind=rng.choice(list(Kind)),
                             figure=Figure(text=f"up to {n:,}", high=float(n)), reported=reported,
                             places=links))
        if place:
            at = start + quote.index(name)
            resolutions.append(Resolution(mention=Mention(
                source=source, start=at, end=at + len(name), surface=name, lemma=name,
                candidates=(place.place_id,)), place_id=place.place_id, reason="only candidate"))
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


def load_times_ms(html_path: Path, loads: int) -> list[float]:
    """Navigation start → end of the load event, in a fresh headless Chromium, per load."""
    from tests.chromium import console_errors, requested_urls, start_chromium

    with tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile))
        try:
            times = []
            for _ in range(loads):
                driver.get("about:blank")
                driver.get(html_path.as_uri())
                times.append(driver.execute_script(
                    "return performance.getEntriesByType('navigation')[0].loadEventEnd;"))
            local = ("file:", "data:", "about:", "chrome:")
            offline = all(u.startswith(local) for u in requested_urls(driver))
            errors = console_errors(driver)
        finally:
            driver.quit()
    print(f"network requests outside file:/data: {'none' if offline else 'SOME'}; "
          f"console errors: {len(errors)}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=3000)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=3, help="page loads to time (0: none)")
    args = parser.parse_args()

    gazetteer = load_gazetteer()
    build = synthetic_build(gazetteer, places=args.places, claims=args.claims)
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
        print(f"html: {path.stat().st_size / 1e6:.2f} MB")
        if args.loads:
            times = load_times_ms(path, args.loads)
            print("load event end: " + ", ".join(f"{t:.0f} ms" for t in times)
                  + f" (median {statistics.median(times):.0f} ms)")


if __name__ == "__main__":
    main()
