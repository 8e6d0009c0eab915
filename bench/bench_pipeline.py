"""End-to-end figures on synthetic corpora: throughput, a 10,000-article build, memory, rebuild.

    python bench/bench_pipeline.py [--n 10000]

Prints, with the machine's core count:
- extraction throughput (articles/s) of the whole pipeline in one process, cold cache;
- the wall time of a full `geo build` (map and three exports) of N articles, and with
  --workers 2;
- peak RSS of `geo export` over 1,000 and over N articles (flat in corpus size?);
- the wall time of a rebuild after adding one article to the built corpus (warm cache).
Each measurement runs in a fresh process with its own cache folder unless said otherwise.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus  # noqa: E402


def _run(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def _peak_rss(args: list[str], env: dict[str, str]) -> int:
    """Peak RSS (KiB) of one child, measured by /usr/bin/time-free means: a wrapper process."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True)
    return int(out.stdout.strip())


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    geo = [sys.executable, "-m", "geo"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big, small = root / "big", root / "small"
        write_corpus(big, args.n)
        write_corpus(small, 1000)
        print(f"cores: {os.cpu_count()}; corpus: {args.n:,} synthetic articles "
              f"({sum(p.stat().st_size for p in big.iterdir()) / 1e6:.1f} MB)")

        # warm the automaton cache once, so that figures measure extraction, not its build
        warm = dict(os.environ, GEO_CACHE_DIR=str(root / "automaton"))
        subprocess.run([*geo, "where", "Sudzha"], check=True, env=warm, stdout=subprocess.DEVNULL)

        def fresh(name: str) -> dict[str, str]:
            env = dict(os.environ, GEO_CACHE_DIR=str(root / name))
            subprocess.run(["cp", "-r", str(root / "automaton"), str(root / name)], check=True)
            return env

        from geo.parallel import run_parallel
        from geo.pipeline import load_resources

        os.environ["GEO_CACHE_DIR"] = str(root / "automaton")
        res = load_resources()
        t0 = time.perf_counter()
        run_parallel(small, resources=res, use_cache=False)
        rate = 1000 / (time.perf_counter() - t0)
        print(f"extraction, one process: {rate:,.0f} articles/s (goal >= 500)")

        env = fresh("build1")
        elapsed, _ = _run([*geo, "build", str(big), "--out", str(root / "out1"), "--quiet"], env)
        print(f"geo build of {args.n:,} articles, 1 process, cold result cache: {elapsed:.1f} s (goal < 60 s)")
        env2 = fresh("build2")
        elapsed, _ = _run([*geo, "build", str(big), "--out", str(root / "out2"), "--quiet", "--workers", "2"], env2)
        print(f"geo build of {args.n:,} articles, --workers 2: {elapsed:.1f} s")

        (big / "zz_new.txt").write_text("Zelensky said 40 North Korean soldiers were killed near Sudzha.\n",
                                        encoding="utf-8")
        elapsed, _ = _run([*geo, "build", str(big), "--out", str(root / "out1"), "--quiet"], env)
        print(f"rebuild after adding one article (warm result cache): {elapsed:.1f} s (goal < 2 s)")

        rss_small = _peak_rss([*geo, "export", str(small), "--output", str(root / "s.geojson")], fresh("m1"))
        rss_big = _peak_rss([*geo, "export", str(big), "--output", str(root / "b.geojson")], fresh("m2"))
        print(f"peak RSS of geo export: 1,000 articles {rss_small / 1024:.0f} MiB; {args.n:,} articles "
              f"{rss_big / 1024:.0f} MiB; ratio {rss_big / rss_small:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
