"""Issue 14's one-article commands, against another checkout: wall and CPU time, and where it goes.

    python bench/bench_startup.py [--base OTHER_CHECKOUT] [--runs 5] [--article FILE]

Runs ``geo where Sudzha``, ``geo where Martinovka`` (no exact name: the names a few
slips away) and ``geo export ONE --format geojson --output FILE`` (one article, cold
result cache, warm name index) from this checkout and from ``--base``,
interleaved (base, this, base, this …) so that the machine's load falls on both alike,
and prints the best and the median wall and CPU seconds of each (goal: under 0.5 s wall).

Then, for each checkout, one instrumented run of each command in one process says where
the CPU time goes: starting Python, importing the CLI, importing the reading path (corpus,
Store, export rows), importing the extraction rules (claims, resolve: compiling their
regexes), loading the gazetteer, loading the name index (automaton), extracting, writing,
and the rest. Every figure is the median of ``--runs`` runs.

Each checkout gets its own cache folder (``/tmp/bench-startup-*``), whose name index the
first run builds (about 15 s, not timed). Python's bytecode is cached as on a user's machine
after the first run (``PYTHONDONTWRITEBYTECODE`` is dropped and each checkout compiles into
its own ``PYTHONPYCACHEPREFIX`` in an untimed run of each command): with it set, as on the
project's machine, every run also compiled every module of geo, about 0.2 s of each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

#: Run in a fresh interpreter: times the phases of one command in that process.
_PHASES = r"""
import json, sys, time
clock = time.process_time
start = clock()
phases = {}

def phase(name, since):
    phases[name] = phases.get(name, 0.0) + clock() - since

nested = [0.0]

def timed(name, function):
    # exclusive time: a timed call inside (the name index loaded by the first extraction)
    # counts for itself, not twice
    def run(*args, **kwargs):
        t, outer = clock(), nested[0]
        nested[0] = 0.0
        try:
            return function(*args, **kwargs)
        finally:
            spent = clock() - t
            phases[name] = phases.get(name, 0.0) + spent - nested[0]
            nested[0] = outer + spent
    return run

command = sys.argv[1:]
try:  # a checkout with geo.fast_cli runs a plain line without Typer: time what it imports
    t = clock(); import geo.fast_cli; phase("import CLI", t)
    call = geo.fast_cli.parse(command)
except ImportError:
    call = None
if call is None:
    t = clock(); import geo.cli; phase("import CLI", t)
if command[0] == "export":
    t = clock(); import geo.corpus, geo.parallel, geo.store, geo.export.geojson; phase("import reading, Store, writer", t)
    t = clock(); import geo.claims, geo.resolve; phase("import extraction rules", t)
    import geo.export, geo.export.geojson
    from geo.export import Format
    writer = timed("write", geo.export.geojson.write_geojson)
    geo.export.geojson.write_geojson = writer
    if isinstance(geo.export.WRITERS, dict):
        geo.export.WRITERS[Format.GEOJSON] = writer
else:
    t = clock(); import geo.where; phase("import lookup", t)
import geo.pipeline
geo.pipeline.load_gazetteer = timed("gazetteer", geo.pipeline.load_gazetteer)
geo.pipeline.load_matcher = timed("name index", geo.pipeline.load_matcher)
geo.pipeline.process_document = timed("extract", geo.pipeline.process_document)
if "geo.parallel" in sys.modules:
    sys.modules["geo.parallel"].process_document = geo.pipeline.process_document
try:
    if call is not None:
        geo.fast_cli.run(call)
    else:
        geo.cli.app(command, standalone_mode=False)
except (SystemExit, Exception):
    pass
phases["total in process"] = clock() - start
sys.stdout.flush()
print(json.dumps(phases), file=sys.stderr)
"""


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _env(root: Path, cache: Path) -> dict[str, str]:
    """The environment of a run from checkout ``root``: its cache folder, its bytecode kept."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(root), GEO_CACHE_DIR=str(cache), PYTHONPYCACHEPREFIX=str(cache / "pycache"))
    return env


def _run(root: Path, cache: Path, args: list[str], *, cold: bool) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -m geo ARGS`` from checkout ``root``."""
    if cold:
        shutil.rmtree(cache / "stores", ignore_errors=True)
        shutil.rmtree(cache / "results", ignore_errors=True)
    env = _env(root, cache)
    t0, c0 = time.perf_counter(), _children_cpu_s()
    subprocess.run([sys.executable, "-m", "geo", *args], cwd=root, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, _children_cpu_s() - c0


def _phases(root: Path, cache: Path, args: list[str], *, cold: bool) -> dict[str, float]:
    if cold:
        shutil.rmtree(cache / "stores", ignore_errors=True)
        shutil.rmtree(cache / "results", ignore_errors=True)
    env = _env(root, cache)
    done = subprocess.run([sys.executable, "-c", _PHASES, *args], cwd=root, env=env, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def _python_start_s(runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), _children_cpu_s()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        walls.append(time.perf_counter() - t0)
        cpus.append(_children_cpu_s() - c0)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="another checkout to compare with, interleaved (default: none)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--article", type=Path, help="the one article (default: bench/realistic.py's 4th)")
    args = parser.parse_args()
    if args.base is not None and not (args.base / "geo" / "__init__.py").is_file():
        parser.error(f"--base {args.base}: not a checkout of geo (no geo/__init__.py)")

    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    one = work / "one"
    one.mkdir()
    if args.article:
        shutil.copy(args.article, one / args.article.name)
    else:
        subprocess.run([sys.executable, str(HERE / "bench" / "realistic.py"), str(work / "gen"), "4"], check=True,
                       stdout=subprocess.DEVNULL)
        article = sorted((work / "gen").iterdir())[3]
        shutil.copy(article, one / article.name)
    sides = {"this": HERE} if args.base is None else {"base": args.base.resolve(), "this": HERE}
    caches = {side: Path(f"/tmp/bench-startup-{side}-cache") for side in sides}
    commands = {
        "geo where Sudzha": (["where", "Sudzha"], False),
        "geo where Martinovka (a slip: the near names)": (["where", "Martinovka"], False),
        f"geo export of one article ({sum(p.stat().st_size for p in one.iterdir()) / 1000:.1f} KB)":
            (["export", str(one), "--format", "geojson", "--output", str(work / "one.geojson")], True),
    }
    for side, root in sides.items():  # build each name index and compile the bytecode (untimed)
        shutil.rmtree(caches[side] / "pycache", ignore_errors=True)
        for command, cold in commands.values():
            _run(root, caches[side], command, cold=cold)

    start_wall, start_cpu = _python_start_s(args.runs)
    print(f"python -c pass: {start_wall:.3f} s wall, {start_cpu:.3f} s CPU (median of {args.runs})")
    for label, (command, cold) in commands.items():
        times: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
        for _ in range(args.runs):
            for side, root in sides.items():
                times[side].append(_run(root, caches[side], command, cold=cold))
        for side in sides:
            walls = [w for w, _ in times[side]]
            cpus = [c for _, c in times[side]]
            print(f"{label}, {side} ({sides[side]}): wall best {min(walls):.3f} median {statistics.median(walls):.3f} s;"
                  f" CPU best {min(cpus):.3f} median {statistics.median(cpus):.3f} s")
        for side, root in sides.items():
            runs = [_phases(root, caches[side], command, cold=cold) for _ in range(args.runs)]
            names = list(dict.fromkeys(name for run in runs for name in run))
            medians = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in names}
            total = medians.pop("total in process")
            rest = total - sum(medians.values())
            parts = ", ".join(f"{name} {s:.3f}" for name, s in medians.items())
            print(f"  {side}: CPU s in process {total:.3f} = {parts}, other {rest:.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
