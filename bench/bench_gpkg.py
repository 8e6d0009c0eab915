"""How fast the GeoPackage writer is, and how much memory it holds, on a real Build.

Run from a checkout: ``python bench/bench_gpkg.py SOURCE [--repeat N]``, where SOURCE
is a corpus folder (read through the pipeline, with ``$GEO_CACHE_DIR`` as usual) or a
pickled ``Build`` (``.pkl``; quicker when the same corpus is measured again). Prints,
for the default writer and for its variants (an indexed claims layer, other chunk sizes):
the best wall time of ``write_gpkg`` over N runs, the tracemalloc peak of one run,
and the file size. The writer is given the Build's ``MemoryRecords``, made and warmed
before, so that neither the Build nor its per-place groupings count as the writer's
memory (a Store holds those on disk). Also the
time a fresh interpreter takes to import what the writer imports. Not a test: it
asserts nothing.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # runs from a checkout without an install

from geo.export import gpkg  # noqa: E402
from geo.export.rows import place_rows  # noqa: E402
from geo.model import Build  # noqa: E402
from geo.records import Records, as_records  # noqa: E402

DISTRICTS = ROOT / "gazetteer" / "districts.geojson"
IMPORTS = "import numpy, pyogrio.raw, shapely"


def load(source: Path) -> Build:
    """The Build to write: unpickled, or read from a corpus folder."""
    if source.suffix == ".pkl":
        with source.open("rb") as f:
            return pickle.load(f)  # a file the user made
    from geo.pipeline import load_resources, run

    return run(source, resources=load_resources())


def import_seconds() -> float:
    """Seconds a fresh interpreter spends importing the writer's libraries (best of 3)."""
    code = f"import time; t = time.perf_counter(); {IMPORTS}; print(time.perf_counter() - t)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))


def measure(records: Records, folder: Path, repeat: int) -> tuple[float, int, int]:
    """Best seconds of ``repeat`` writes, the tracemalloc peak of one, the file's bytes."""
    path = folder / "bench.gpkg"
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        gpkg.write_gpkg(records, path, districts_geojson=DISTRICTS)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    gpkg.write_gpkg(records, path, districts_geojson=DISTRICTS)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak, path.stat().st_size


def main() -> None:
    """Measure the writer on the Build named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("source", type=Path, help="corpus folder or pickled Build (.pkl)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    build = load(args.source)
    n_rows = sum(max(1, len(c.places)) for c in build.claims)
    print(f"{len(build.sources)} sources, {len(build.places)} places, {n_rows} claim rows")
    print(f"import ({IMPORTS}): {import_seconds():.3f} s")
    records = as_records(build)
    place_rows(records)  # makes MemoryRecords' per-place groupings
    default = gpkg.SPATIAL_INDEX_LAYERS
    variants = [("default", default, gpkg.CHUNK_ROWS),
                ("claims indexed", default | {"claims"}, gpkg.CHUNK_ROWS),
                ("chunk 1,000", default, 1_000),
                ("chunk 20,000", default, 20_000),
                ("chunk 100,000", default, 100_000)]
    with tempfile.TemporaryDirectory() as folder:
        for label, indexed, chunk_rows in variants:
            gpkg.SPATIAL_INDEX_LAYERS, gpkg.CHUNK_ROWS = indexed, chunk_rows
            seconds, peak, size = measure(records, Path(folder), args.repeat)
            print(f"{label:>17}: {seconds:.3f} s, peak {peak / 2**20:.1f} MiB, "
                  f"{size / 2**20:.1f} MiB file")


if __name__ == "__main__":
    main()
