"""End-to-end figures on synthetic corpora: throughput, a 10,000-article build, memory, rebuild.

    python bench/bench_pipeline.py [--n 10000]
    python bench/bench_pipeline.py --against 713170f [--corpus DIR] [--runs 3]

``--against REV`` prints only the extraction comparison of issue 11 instead: for the
checkout and for git revision REV (a temporary worktree), interleaved, ``--runs`` times,
in fresh processes: ``process_document`` CPU ms/article over the corpus (``--corpus``, else
150 articles of ``bench/realistic.py``; the automaton loaded before the clock starts) and
the CPU (user + system) of a whole ``geo export`` of the corpus to GeoJSON with a cold
result cache (a fresh 0700 cache folder holding only that revision's automaton). CPU time,
not wall time, because the machine is shared.

Prints, with the machine's core count (issue 7 sets its goals on 2 cores):
- extraction throughput (articles/s) of the whole pipeline (reading included) over 1,000
  articles, cold result cache: in one process, and with ``--workers 2``;
- the wall time of a full ``geo build`` (map and three exports) of N articles, with one
  process and with ``--workers 2``;
- the wall time of a rebuild after adding one article to the built corpus (warm Store),
  and how much of it is walking the corpus into the Store;
- peak RSS of ``geo export`` and of ``geo build`` over 1,000 and over N articles (flat in
  corpus size?).

Each ``geo`` command runs in a fresh process with its own cache folder (seeded with the
automaton, so that no figure includes building it) unless said otherwise. The result cache
is keyed by the source of geo's modules: if they change while the bench runs (someone is
editing the checkout), the rebuild misses the cache, and the bench says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus

GEO = [sys.executable, "-m", "geo"]


def _wall_s(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds of a child process."""
    t0 = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _peak_rss_kib(args: list[str], env: dict[str, str]) -> int:
    """Peak RSS (KiB) of one child, read by a wrapper process from its own RUSAGE_CHILDREN."""
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True
    )
    return int(out.stdout.strip())


def _timed_s(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


#: Run in a child with the revision on its path: process_document CPU ms/article of a folder.
_PROCESS_DOCUMENT_MS = """
import sys, time
from pathlib import Path
from geo.corpus import document_from_bytes
from geo.pipeline import load_resources, process_document
res = load_resources()
res.matcher
docs = [document_from_bytes(f.read_bytes(), f.name, is_html=False) for f in sorted(Path(sys.argv[1]).iterdir())]
process_document(document_from_bytes(b"Officials said 40 soldiers were killed near Sudzha.\\n", "w.txt",
                                     is_html=False), res)
start = time.process_time()
for doc in docs:
    process_document(doc, res)
print((time.process_time() - start) * 1000 / len(docs))
"""


def _child_cpu_s(args: list[str], env: dict[str, str], cwd: Path) -> float:
    """User + system CPU seconds of one child process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_against(rev: str, corpus: Path | None, runs: int) -> None:
    """Print process_document ms/article and geo export CPU of the checkout and of ``rev``."""
    checkout = Path(__file__).resolve().parent.parent
    corpus = corpus.resolve() if corpus else None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)  # the children run here: "python -m" puts its folder first on the path
        worktree = root / "rev"
        subprocess.run(["git", "-C", str(checkout), "worktree", "add", "--detach", str(worktree), rev],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if corpus is None:
                corpus = root / "corpus"
                sys.path.insert(0, str(checkout / "bench"))
                from realistic import write_corpus as write_realistic

                write_realistic(corpus, 150)
            sides = {rev: worktree, "checkout": checkout}
            automata: dict[str, Path] = {}
            for name, path in sides.items():
                automata[name] = root / f"automaton-{len(automata)}"
                automata[name].mkdir(mode=0o700)
                env = dict(os.environ, GEO_CACHE_DIR=str(automata[name]), PYTHONPATH=str(path))
                subprocess.run([*GEO, "where", "Sudzha"], check=True, env=env, cwd=root, stdout=subprocess.DEVNULL)
            print(f"{corpus}: {len(list(corpus.iterdir()))} articles; CPU time; {runs} interleaved runs")
            print(f"{'run':>3}  {'revision':<10} {'process_document ms/article':>28} {'geo export CPU s':>17}")
            for run in range(1, runs + 1):
                for name, path in sides.items():
                    env = dict(os.environ, GEO_CACHE_DIR=str(automata[name]), PYTHONPATH=str(path))
                    out = subprocess.run([sys.executable, "-c", _PROCESS_DOCUMENT_MS, str(corpus)], check=True,
                                         env=env, cwd=root, capture_output=True, text=True).stdout
                    cold = root / f"cache-{run}-{name}"
                    cold.mkdir(mode=0o700)
                    for pickle in automata[name].glob("matcher-*"):
                        shutil.copy2(pickle, cold / pickle.name)
                    env["GEO_CACHE_DIR"] = str(cold)
                    cpu = _child_cpu_s([*GEO, "export", str(corpus), "--format", "geojson", "--output",
                                        str(root / "out.geojson")], env, root)
                    shutil.rmtree(cold)
                    print(f"{run:>3}  {name:<10} {float(out):>28.2f} {cpu:>17.2f}", flush=True)
        finally:
            subprocess.run(["git", "-C", str(checkout), "worktree", "remove", "--force", str(worktree)],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--against", metavar="REV", help="compare extraction with git revision REV (issue 11)")
    parser.add_argument("--corpus", type=Path, help="with --against: the articles (else 150 realistic ones)")
    parser.add_argument("--runs", type=int, default=3, help="with --against: interleaved runs")
    args = parser.parse_args()
    if args.against:
        compare_against(args.against, args.corpus, args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big, small = root / "big", root / "small"
        write_corpus(big, args.n)
        write_corpus(small, 1000)
        print(
            f"cores: {os.cpu_count()}; corpus: {args.n:,} synthetic articles "
            f"({sum(p.stat().st_size for p in big.iterdir()) / 1e6:.1f} MB)",
            flush=True,
        )

        # Build the automaton once; every cache folder below starts from a copy of it.
        automaton = root / "automaton"
        subprocess.run(
            [*GEO, "where", "Sudzha"],
            check=True,
            env=dict(os.environ, GEO_CACHE_DIR=str(automaton)),
            stdout=subprocess.DEVNULL,
        )

        def fresh(name: str) -> dict[str, str]:
            shutil.copytree(automaton, root / name)
            return dict(os.environ, GEO_CACHE_DIR=str(root / name))

        os.environ["GEO_CACHE_DIR"] = str(automaton)
        from geo.parallel import _extraction_version, open_records
        from geo.pipeline import load_resources

        res = load_resources()
        version = _extraction_version(res)

        def extract_all(corpus: Path, workers: int = 1, use_cache: bool = True) -> None:
            """Read, extract and store a corpus (what every writer then reads)."""
            with open_records(corpus, resources=res, workers=workers, use_cache=use_cache):
                pass

        for workers in (1, 2):
            elapsed = _timed_s(lambda w=workers: extract_all(small, w, use_cache=False))
            print(
                f"extraction, {workers} process(es): {1000 / elapsed:,.0f} articles/s (goal >= 500 on 2 cores)",
                flush=True,
            )

        env = fresh("build1")
        elapsed = _wall_s([*GEO, "build", str(big), "--out", str(root / "out1"), "--quiet"], env)
        print(
            f"geo build of {args.n:,} articles, 1 process, cold result cache: {elapsed:.1f} s (goal < 60 s)",
            flush=True,
        )
        elapsed = _wall_s(
            [*GEO, "build", str(big), "--out", str(root / "out2"), "--quiet", "--workers", "2"],
            fresh("build2"),
        )
        print(
            f"geo build of {args.n:,} articles, --workers 2, cold result cache: {elapsed:.1f} s",
            flush=True,
        )

        (big / "zz_new.txt").write_text(
            "Zelensky said 40 North Korean soldiers were killed near Sudzha.\n", encoding="utf-8"
        )
        elapsed = _wall_s([*GEO, "build", str(big), "--out", str(root / "out1"), "--quiet"], env)
        os.environ["GEO_CACHE_DIR"] = env["GEO_CACHE_DIR"]
        reading = _timed_s(lambda: extract_all(big))
        print(
            f"rebuild after adding one article (warm Store): {elapsed:.2f} s (goal < 2 s); "
            f"of which walking the corpus into the Store (in-process, nothing changed) {reading:.2f} s",
            flush=True,
        )
        if _extraction_version(res) != version:
            print(
                "warning: geo's source changed while the bench ran; the rebuild missed the result cache"
            )

        rss_small = _peak_rss_kib(
            [*GEO, "export", str(small), "--output", str(root / "s.geojson")], fresh("m1")
        )
        rss_big = _peak_rss_kib(
            [*GEO, "export", str(big), "--output", str(root / "b.geojson")], fresh("m2")
        )
        print(
            f"peak RSS of geo export: 1,000 articles {rss_small / 1024:.0f} MiB; {args.n:,} articles "
            f"{rss_big / 1024:.0f} MiB; ratio {rss_big / rss_small:.2f} (goal <= 1.5)",
            flush=True,
        )
        rss_small = _peak_rss_kib(
            [*GEO, "build", str(small), "--out", str(root / "m3"), "--quiet"], fresh("m3")
        )
        rss_big = _peak_rss_kib(
            [*GEO, "build", str(big), "--out", str(root / "m4"), "--quiet"], fresh("m4")
        )
        print(
            f"peak RSS of geo build (map and three exports): 1,000 articles {rss_small / 1024:.0f} MiB; "
            f"{args.n:,} articles {rss_big / 1024:.0f} MiB; ratio {rss_big / rss_small:.2f} (goal <= 1.5)"
        )


if __name__ == "__main__":
    main()
