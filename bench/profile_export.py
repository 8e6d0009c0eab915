"""Where ``geo export``'s time goes on real-size articles: a cProfile summarised by module.

    python bench/profile_export.py [--n 200] [--top 25] [--corpus DIR]

Writes ``--n`` articles of ``bench/realistic.py`` (or reads ``--corpus``), extracts them in
this process into a temporary Store (cold: no result cache), writes the GeoJSON, and prints
the share of the profile's own CPU time (``tottime``, ``time.process_time``: other
processes on a shared machine do not inflate it) in each module, geo's modules one by one
and the rest by package (``re``, ``sqlite3``, ``json`` …), then the costliest functions.
Run it with ``PYTHONPATH`` set to a worktree of another revision to compare. Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realistic import write_corpus


def _module_of(filename: str) -> str:
    """A profile entry's module: ``geo/claims.py`` for geo's own, the package for the rest."""
    path = Path(filename)
    parts = path.parts
    if "geo" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("geo"):])
    if filename.startswith("~") or filename == "<built-in>":
        return "builtins (C: regex engine, str methods, sqlite, pickle …)"
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    stdlib = [i for i, part in enumerate(parts) if part.startswith("python3")]
    if stdlib and len(parts) > stdlib[-1] + 1:
        return parts[stdlib[-1] + 1].removesuffix(".py")
    return path.name


def main() -> None:
    """Print the profile."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--corpus", type=Path, help="articles to read instead of writing --n new ones")
    args = parser.parse_args()
    from geo.export.geojson import write_geojson
    from geo.parallel import open_records
    from geo.pipeline import load_resources

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if args.corpus is None:
            write_corpus(corpus, args.n)
        resources = load_resources()
        resources.matcher  # noqa: B018 - loaded outside the profile, as a warm cache would
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        with open_records(corpus, resources=resources, use_cache=False) as store:
            write_geojson(store, Path(tmp) / "out.geojson")
        profile.disable()
    stats = pstats.Stats(profile)
    by_module: Counter[str] = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_module[_module_of(filename)] += tottime
    total = sum(by_module.values())
    print(f"{args.corpus or args.n} articles, {total:.2f} s of profiled CPU time")
    for module, seconds in by_module.most_common(args.top):
        print(f"{seconds / total:6.1%}  {seconds:6.2f} s  {module}")
    print("\nSteps (cumulative):")
    steps = ("decode", "find_chrome", "guess_title", "guess_publisher", "guess_published", "guess_language",
             "process_document", "scan", "resolve_candidates", "extract_claims", "stored_document", "put",
             "write_geojson")
    for (filename, _, name), (_, _, _, cumtime, _) in sorted(stats.stats.items()):  # type: ignore[attr-defined]
        if name in steps and "geo" in filename:
            print(f"{cumtime / total:6.1%}  {cumtime:6.2f} s  {_module_of(filename)}:{name}")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
