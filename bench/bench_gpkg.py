"""How fast the GeoPackage writer is, and how much memory it holds, on a real Build.

``python bench/bench_gpkg.py --rebuild DIR [--base CHECKOUT] [--rounds N]``: the rebuild of
issue 14 on a corpus already built (``DIR/corpus``, its cache folder ``DIR/cache``, one
article to add in ``DIR/extra``): ``geo build --workers 2`` after adding that article and
after removing it again, with this checkout and with ``CHECKOUT`` (each into an output
folder of its own, ``DIR/out-NAME``), interleaved: wall and CPU seconds of the build, and
the CPU and wall seconds of the GeoPackage writer alone (measured inside its process), with
the rows it copied and rendered. Measured 2026-12-06 18:29–18:36 UTC (load average 7–8 from
other work: wall times are stretched, CPU is not), 3,000 realistic articles (84,610 claim
rows, a 66 MB GeoPackage), 3 rounds against add44c9: the writer 1.36–1.66 s CPU (84,610
rows copied in one range, 42 or 0 decoded) against 3.20–3.84 s; its wall 5.2–10.8 s
against 16.7–28.3 s; the whole build 5.8–7.5 s CPU, 11.3–23.4 s wall against 8.1–9.7 s
CPU, 20.4–35.4 s wall. Of the writer's 1.3 s, SQLite's R-tree of the claims (0.64 s,
about 9 µs a point, the same in every order tried) and the copy (0.32 s) were most.

Since the claims R-tree is bulk-loaded as a packed tree (``geo/export/gpkg_rtree.py``),
measured 2026-12-06 20:50–20:54 UTC (load average 6–11), same corpus (84,810 claim rows,
68,150 points; ``--rounds 2 --base`` c3d1b26): the writer 0.92–1.06 s CPU (84,810 rows
copied, 19 or 0 decoded) against 1.87–2.15 s; its wall 2.4–3.6 s against 3.5–7.5 s; the
whole build 4.1–4.4 s CPU, 3.9–6.9 s wall against 5.0–5.6 s CPU, 4.7–10.4 s wall. Filling
the R-tree alone on that file: 0.13–0.20 s CPU against 0.68–0.85 s for SQLite's insert. A
fresh write of the whole file (84,810 rows decoded) 2.2–3.4 s CPU against 3.3–5.0 s.
Again at a388b7c (21:15–21:20 UTC, beside the full test suite): the writer 0.90–0.97 s CPU
against 1.49–1.90 s; the build 3.6–3.9 s CPU against 4.0–5.2 s.
Of the writer's CPU now (a profile of one add): the copy 0.42 s, the places layer's rows
0.31 s (a count per place), the R-tree 0.2 s, GDAL's small layers 0.08 s.

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
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--run-build" not in sys.argv:  # that one measures the checkout on PYTHONPATH
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


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_build(corpus: Path, out: Path, report: Path) -> None:
    """In a process whose ``PYTHONPATH`` is the checkout measured: ``geo build``, timing its GeoPackage writer.

    The writer is wrapped where ``geo.outputs`` calls it, so in the forked writer process
    the times are that process's own; one JSON line is appended to ``report`` per write.
    """
    import geo.outputs
    from geo.fast_cli import main as geo_main

    write = geo.outputs._write_gpkg

    def timed(*args: object, **kwargs: object) -> object:
        wall, cpu = time.perf_counter(), _cpu_s(resource.RUSAGE_SELF)
        counts = write(*args, **kwargs)
        line = {"gpkg_wall_s": time.perf_counter() - wall, "gpkg_cpu_s": _cpu_s(resource.RUSAGE_SELF) - cpu,
                "counts": counts}
        with report.open("a") as f:
            f.write(json.dumps(line) + "\n")
        return counts

    geo.outputs._write_gpkg = timed
    sys.argv = ["geo", "build", str(corpus), "--out", str(out), "--workers", "2", "--quiet"]
    wall = time.perf_counter()
    try:
        geo_main()
    except SystemExit as stop:
        if stop.code:
            raise
    cpu = _cpu_s(resource.RUSAGE_SELF) + _cpu_s(resource.RUSAGE_CHILDREN)
    with report.open("a") as f:
        f.write(json.dumps({"build_wall_s": time.perf_counter() - wall, "build_cpu_s": cpu}) + "\n")


def _build(checkout: Path, folder: Path, name: str) -> dict[str, object]:
    """One ``geo build`` of ``folder/corpus`` with ``checkout``'s code; what ``run_build`` reported."""
    report = folder / f"report-{name}.jsonl"
    report.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(checkout), "GEO_CACHE_DIR": str(folder / "cache")}
    subprocess.run([sys.executable, __file__, "--run-build", str(folder / "corpus"), str(folder / f"out-{name}"),
                    str(report)], check=True, env=env, stdout=subprocess.DEVNULL)
    merged: dict[str, object] = {}
    for line in report.read_text().splitlines():
        merged.update(json.loads(line))
    return merged


def rebuild(folder: Path, checkouts: dict[str, Path], rounds: int) -> None:
    """Print the rebuild figures of each checkout: after adding ``folder/extra``'s article, after removing it."""
    extra = sorted((folder / "extra").iterdir())
    for name, checkout in checkouts.items():  # each output folder holds its checkout's set first
        _build(checkout, folder, name)
    for round_ in range(rounds):
        for name, checkout in checkouts.items():
            for step in ("add", "remove"):
                for article in extra:
                    if step == "add":
                        shutil.copy2(article, folder / "corpus" / article.name)
                    else:
                        (folder / "corpus" / article.name).unlink()
                got = _build(checkout, folder, name)
                print(f"round {round_ + 1} {name:>5} {step:>6}: build {got['build_wall_s']:.2f} s wall, "
                      f"{got['build_cpu_s']:.2f} s CPU; GeoPackage writer {got.get('gpkg_wall_s', 0):.2f} s wall, "
                      f"{got.get('gpkg_cpu_s', 0):.2f} s CPU, {got.get('counts') or 'rows not counted'}", flush=True)


def main() -> None:
    """Measure the writer on the Build named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("source", type=Path, nargs="?", help="corpus folder or pickled Build (.pkl)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuild", type=Path, metavar="DIR", help="a built corpus: corpus/, cache/, extra/")
    parser.add_argument("--base", type=Path, metavar="CHECKOUT", help="with --rebuild: the checkout to compare")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--run-build", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_build:
        run_build(*args.run_build)
        return
    if args.rebuild:
        checkouts = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
        rebuild(args.rebuild, checkouts, args.rounds)
        return
    if args.source is None:
        parser.error("give SOURCE or --rebuild DIR")
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
