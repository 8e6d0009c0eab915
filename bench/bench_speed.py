"""Issue 14's figures on real-size articles (``bench/realistic.py``): throughput, floor, start-up, rebuild, memory.

    python bench/bench_speed.py [--small 1000] [--big 10000] [--repeat 3]

Prints, measured in one run on this machine (every ``geo`` command a fresh process whose
cache folder holds only the automaton, so that no figure includes building it):

- ``geo export`` of ``--small`` articles (cold result cache): articles/s and MB/s with one
  process and with ``--workers 2``;
- the floor over the same files: start Python, load a bare pyahocorasick automaton with
  the same keys (pickled once, as geo's is), read, decode, lower-case and scan every file;
  and geo's one-process time as a multiple of it (goal: within 20x);
- wall time of ``geo where Sudzha`` and of ``geo export`` of one article (goal < 0.5 s);
- with ``--linear 0.5 1 2``: CPU time of ``geo export`` of one article of each size in MB,
  per KB (a file's cost should be linear in its size);
- with ``--big N`` (0 skips it; run it once, at the end: it takes minutes): ``geo build``
  after adding one article to a built corpus of N articles (goal < 1 s), and peak RSS of
  ``geo export`` over ``--small`` against N articles (goal: flat).
- with ``--big-from DIR`` instead of ``--big``: the rebuild figures on a corpus already
  extracted, without the cold extraction (15 minutes for 10,000): ``DIR/corpus`` and
  ``DIR/cache`` (a ``GEO_CACHE_DIR`` that built it with this extraction code, e.g. the
  ``/work/c10k`` of the project's machine) are copied, never written. Prints wall time,
  CPU time and peak RSS of ``geo build --workers 2``: of the copy (read from the result
  cache), again with nothing changed, after adding one article, and after removing it.
  ``--only-rebuild`` skips every other figure.

Timings are the best of ``--repeat`` runs where a run is short; the machine is shared,
so the spread is large. Not a test: the test suite asserts no speeds.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import _peak_rss_kib
from realistic import write_corpus

from geo.settings import Settings

GEO = [sys.executable, "-m", "geo"]

# The floor: everything a scan of the corpus cannot avoid, in a fresh interpreter.
_FLOOR = """
import pickle, sys
from pathlib import Path
with open(sys.argv[1], "rb") as fh:
    automaton = pickle.load(fh)
hits = 0
for path in sorted(Path(sys.argv[2]).iterdir()):
    text = path.read_bytes().decode("utf-8").lower()
    hits += sum(1 for _ in automaton.iter(text))
print(hits)
"""


def _cpu_s() -> float:
    """User and system seconds of every child waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wall_s(args: list[str], env: dict[str, str], *, repeat: int = 1,
            before: object = None) -> float:
    """Best wall seconds of ``repeat`` runs of a child process (``before()`` runs ahead of each)."""
    return _times_s(args, env, repeat=repeat, before=before)[0]


def _times_s(args: list[str], env: dict[str, str], *, repeat: int = 1,
             before: object = None) -> tuple[float, float]:
    """Best wall and best CPU seconds (all its processes) of ``repeat`` runs of a command.

    The CPU time is the figure to compare across runs on a shared machine: other users'
    load stretches the wall time, not the CPU time.
    """
    wall = cpu = float("inf")
    for _ in range(repeat):
        if callable(before):
            before()
        t0, c0 = time.perf_counter(), _cpu_s()
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, _cpu_s() - c0)
    return wall, cpu


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def _bare_automaton(cache: Path, target: Path) -> int:
    """Pickle a bare pyahocorasick automaton with geo's keys into ``target``; return the key count."""
    import ahocorasick

    os.environ["GEO_CACHE_DIR"] = str(cache)
    from geo.pipeline import load_resources

    keys = list(load_resources().matcher.automaton.keys())
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    target.write_bytes(pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL))
    return len(keys)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000, help="articles of the throughput corpus")
    parser.add_argument("--big", type=int, default=0, help="articles of the rebuild/memory corpus (0: skip)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--linear", type=float, nargs="*", default=[], metavar="MB",
                        help="also time geo export of one article of each size (e.g. 0.5 1 2 4)")
    parser.add_argument("--big-from", type=Path, metavar="DIR",
                        help="rebuild figures on DIR/corpus, already extracted into DIR/cache (copied)")
    parser.add_argument("--only-rebuild", action="store_true", help="with --big-from: nothing else")
    args = parser.parse_args()
    if args.big_from and args.only_rebuild:
        with tempfile.TemporaryDirectory() as tmp:
            _rebuild_figures(Path(tmp), args.big_from)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small, one = root / "small", root / "one"
        write_corpus(small, args.small)
        write_corpus(one, 1, start=3)
        mb = _size_mb(small)
        print(f"cores: {os.cpu_count()}; corpus: {args.small:,} realistic articles (en/ru/uk), "
              f"{mb:.1f} MB, mean {mb * 1000 / args.small:.1f} KB", flush=True)

        # A user's machine as after a first run: Python's bytecode cached (a shell with
        # PYTHONDONTWRITEBYTECODE, as on the project's machine, would compile every module of
        # geo at every start), the name index and the rules' regex programs in the cache folder.
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base_env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        automaton = root / "automaton"
        for warm_up in (["where", "Sudzha"], ["export", str(one), "--output", str(root / "warm.geojson")]):
            subprocess.run([*GEO, *warm_up], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(base_env, GEO_CACHE_DIR=str(automaton)))
        for kept_results in ("stores", "results"):  # the cache folder keeps no article's results
            shutil.rmtree(automaton / kept_results, ignore_errors=True)
        print("every geo run: bytecode cached, name index and regex programs in its cache folder, "
              "no result of any article", flush=True)
        counter = iter(range(10**6))

        def fresh() -> dict[str, str]:
            folder = root / f"cache{next(counter)}"
            shutil.copytree(automaton, folder)
            return dict(base_env, GEO_CACHE_DIR=str(folder))

        seconds, cpu = {}, {}
        for workers in (1, 2):
            seconds[workers], cpu[workers] = _times_s(
                [*GEO, "export", str(small), "--output", str(root / "s.geojson"), "--workers", str(workers)],
                fresh())
            print(f"geo export, {workers} process(es): {args.small / seconds[workers]:,.0f} articles/s, "
                  f"{mb / seconds[workers]:.2f} MB/s ({seconds[workers]:.1f} s wall, {cpu[workers]:.1f} s CPU: "
                  f"{args.small / cpu[workers]:,.0f} articles per CPU second)"
                  + (" (goal >= 250 articles/s)" if workers == 2 else ""), flush=True)

        keys = _bare_automaton(Path(fresh()["GEO_CACHE_DIR"]), root / "bare.pickle")
        floor_s, floor_cpu = _times_s([sys.executable, "-c", _FLOOR, str(root / "bare.pickle"), str(small)],
                                      dict(base_env), repeat=args.repeat)
        print(f"floor (start Python, load a bare automaton of {keys:,} keys, read, decode, lower-case, "
              f"scan): {floor_s:.2f} s, {mb / floor_s:.1f} MB/s; geo export, 1 process, is "
              f"{seconds[1] / floor_s:.0f}x the floor in wall time, {cpu[1] / floor_cpu:.0f}x in CPU time "
              "(goal within 20x)", flush=True)

        where_env = fresh()
        where_s, where_cpu = _times_s([*GEO, "where", "Sudzha"], where_env, repeat=args.repeat)
        one_env = fresh()
        stores = Path(one_env["GEO_CACHE_DIR"])

        def forget() -> None:
            shutil.rmtree(stores / "stores", ignore_errors=True)
            shutil.rmtree(stores / "results", ignore_errors=True)

        one_s, one_cpu = _times_s([*GEO, "export", str(one), "--output", str(root / "one.geojson")],
                                  one_env, repeat=args.repeat, before=forget)
        print(f"geo where Sudzha: {where_s:.2f} s ({where_cpu:.2f} s CPU); geo export of one article "
              f"({_size_mb(one) * 1000:.1f} KB, cold result cache): {one_s:.2f} s ({one_cpu:.2f} s CPU) "
              "(goal < 0.5 s each)", flush=True)

        if args.linear:
            _linear_figures(root, small, args.linear, fresh, start_cpu_s=one_cpu)
        if args.big:
            _big_figures(root, args.big, small, fresh)
        if args.big_from:
            _rebuild_figures(root, args.big_from)


def _linear_figures(root: Path, small: Path, sizes_mb: list[float], fresh: object, *,
                    start_cpu_s: float) -> None:
    """CPU time of ``geo export`` of one article of each size: a file's cost should be linear in it.

    Each article is the realistic corpus's texts joined until the size is reached, so its
    density of places and claims is the corpus's. The cost per KB leaves out
    ``start_cpu_s``, what a one-article export costs (start-up, mostly).
    """
    assert callable(fresh)
    texts = [p.read_text(encoding="utf-8") for p in sorted(small.iterdir())]
    for size_mb in sizes_mb:
        folder = root / f"linear-{size_mb}"
        folder.mkdir()
        parts, size = [], 0
        while size < size_mb * 1e6:
            parts.append(texts[len(parts) % len(texts)])
            size += len(parts[-1].encode())
        text = "\n".join(parts)
        if len(text) > Settings().max_text_chars:  # geo skips it, with its reason: nothing to time
            print(f"geo export of one {size / 1e6:.2f} MB article: not timed, geo skips it: {len(text):,} "
                  f"characters, over the text budget of {Settings().max_text_chars:,} (Settings.max_text_chars)",
                  flush=True)
            continue
        (folder / "long.txt").write_text(text, encoding="utf-8")
        _, cpu_s = _times_s([*GEO, "export", str(folder), "--output", str(root / "l.geojson")], fresh())
        per_kb_ms = (cpu_s - start_cpu_s) * 1e3 / (size / 1e3)
        print(f"geo export of one {size / 1e6:.2f} MB article: {cpu_s:.1f} s CPU, {per_kb_ms:.1f} ms per KB "
              "beyond a one-article export (goal: the same at every size)", flush=True)


def _big_figures(root: Path, n: int, small: Path, fresh: object) -> None:
    """Rebuild after adding one article to ``n``, and peak RSS of export over ``small`` vs ``n``."""
    assert callable(fresh)
    big = root / "big"
    write_corpus(big, n)
    print(f"big corpus: {n:,} articles, {_size_mb(big):.1f} MB", flush=True)
    rss_small = _peak_rss_kib([*GEO, "export", str(small), "--output", str(root / "m.geojson"),
                               "--workers", "2"], fresh())
    env = fresh()
    t0 = time.perf_counter()
    rss_big = _peak_rss_kib([*GEO, "export", str(big), "--output", str(root / "b.geojson"),
                             "--workers", "2"], env)
    export_s = time.perf_counter() - t0
    print(f"geo export of {n:,} articles, --workers 2, cold: {export_s:.0f} s ({n / export_s:,.0f} articles/s)",
          flush=True)
    print(f"peak RSS of geo export --workers 2: {len(list(small.iterdir())):,} articles {rss_small / 1024:.0f} MiB; {n:,} articles "
          f"{rss_big / 1024:.0f} MiB; ratio {rss_big / rss_small:.2f} (goal: flat)", flush=True)
    out = root / "out"
    built_s = _wall_s([*GEO, "build", str(big), "--out", str(out), "--quiet"], env)
    print(f"geo build of the {n:,} already extracted articles (map and three exports): {built_s:.2f} s",
          flush=True)
    write_corpus(big, 1, start=n, seed=2)
    rebuild_s = _wall_s([*GEO, "build", str(big), "--out", str(out), "--quiet"], env)
    print(f"geo build after adding one article to {n:,}: {rebuild_s:.2f} s (goal < 1 s)", flush=True)


def _measured(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the command and its children) and peak RSS (KiB) of one run.

    A wrapper process runs the command and reports its own RUSAGE_CHILDREN, so that the
    CPU time and the peak are this run's alone.
    """
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(u.ru_utime + u.ru_stime, u.ru_maxrss)"
    )
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True)
    cpu_s, rss_kib = out.stdout.split()
    return time.perf_counter() - t0, float(cpu_s), int(rss_kib)


def _rebuild_figures(root: Path, built: Path) -> None:
    """``geo build --workers 2`` of a copy of ``built/corpus`` with ``built/cache``: first, unchanged, +1, -1."""
    corpus, cache = root / "corpus", root / "cache"
    shutil.copytree(built / "corpus", corpus)
    shutil.copytree(built / "cache", cache)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # bytecode cached
    env.update(GEO_CACHE_DIR=str(cache), PYTHONPYCACHEPREFIX=str(root / "pycache"))
    n = sum(1 for _ in corpus.iterdir())
    print(f"rebuild corpus: {n:,} articles, {_size_mb(corpus):.1f} MB, copied from {built}", flush=True)
    build = [*GEO, "build", str(corpus), "--out", str(root / "out"), "--workers", "2", "--quiet"]
    added: list[Path] = []

    def add() -> None:  # named as the next article of the corpus: last in page order
        added.extend(write_corpus(corpus, 1, start=n, seed=7))

    def remove() -> None:
        added.pop().unlink()

    steps = (("the copy, its records read from the result cache", None), ("nothing changed", None),
             ("one article added", add), ("that article removed", remove))
    for label, change in steps:
        if change is not None:
            change()
        wall_s, cpu_s, rss_kib = _measured(build, env)
        print(f"geo build --workers 2 of {n:,} articles, {label}: {wall_s:.2f} s wall, {cpu_s:.2f} s CPU, "
              f"peak RSS {rss_kib / 1024:.0f} MiB" + (" (goal < 1 s)" if change is add else ""), flush=True)


if __name__ == "__main__":
    main()
