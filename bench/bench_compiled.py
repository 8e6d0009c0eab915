"""Issue 14's last step, measured: geo's hot rule modules compiled by mypyc against pure Python.

    python bench/bench_compiled.py [--corpus /tmp/rc150] [--runs 3] [--modules text claims …]

Copies this checkout's ``geo/`` and ``gazetteer/`` twice into a temporary folder, makes in
both copies the few type-correct edits mypyc needs (``_TYPING_EDITS``, which change no
result), compiles ``--modules`` with mypyc in one copy (``.so`` files beside the sources),
then:

- checks that both copies give the same ``process_document`` results (a hash of their
  reprs) on the corpus, on ``seeds/`` and on the shared dev corpus;
- times, interleaved (pure, compiled, pure, compiled …) so that the machine's load falls on
  both alike, the CPU milliseconds per article of ``process_document`` alone (the best of
  two passes over the corpus in one process) and the CPU seconds of
  ``python -m geo export CORPUS --format geojson`` with a cold result cache (user + sys of
  the child), and ``cmp``s the GeoJSON of the two;
- prints the best and the median of ``--runs`` runs, the compiled/pure ratio, and whether
  the whole export gains the 1.3x that would pay for a compiled build.

Result on 2026-12-06 (65670bb, 150 realistic articles, load average 2-4): ``process_document``
1.09-1.13x, the whole export 1.07-1.13x of CPU; not kept (see the README's Benchmarks).
Why the gain is small: a third of the CPU time is already in C (the regex engine, str
methods, SQLite), the rule code is mostly calls into ``re`` and into records of the
uncompiled ``geo.model``, and extraction is half of an export.

What mypyc changes beyond speed, found here (each a reason to keep the modules out, or to
fix them before a compiled build could be trusted):

- A function annotated ``-> float`` that returns an ``int`` returns a ``float`` when
  compiled: ``figures._tidy`` gave ``high=4000.0`` for ``4000`` in a seed's "nearly a third
  of the estimated 10,000 to 12,000" (the "different result" of the earlier measurement);
  ``_TYPING_EDITS`` annotates it ``-> int | float``.
- A value typed as a fixed-length tuple is passed unboxed and boxed anew: its ``id()``
  changes. ``text._exact`` memoises parse items by ``id(item)``; compiled, a fresh tuple's
  id is reused by the next one, the memo answers for the wrong item, and ``required_cues``
  lost every Latin cue of several rules: no claim at all in the first realistic article.
  Worse, the cues are stored in the regex cache under a key that hashes ``text.py``'s
  source, the same for a compiled and a pure build: a compiled run's wrong cues would be
  served to the pure code too. ``_TYPING_EDITS`` types that item ``Any``.
- A compiled class with an ``__init__`` that takes arguments cannot be unpickled: with
  ``geo/toponyms.py`` compiled the cached name index (``toponyms.Matcher``) never loads and
  is rebuilt at every start (25 s). ``toponyms`` is left out of the default modules.
- With ``geo/pipeline.py`` (and ``linking``, ``claimants``, ``sides``, ``dates``,
  ``drafts``, ``person_names``, ``chrome``, ``meta``) compiled as well, ``process_document``
  took 44 ms per article instead of 13: the name index was unpickled once per document.
- ``cache_folder.module_source_hash`` hashes a module's ``spec.origin``, which is the
  ``.so`` of a compiled module: the extractor version (the per-file result cache's key)
  would differ between a compiled and a pure build of the same source.
"""

from __future__ import annotations

import argparse
import hashlib
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

#: The hot rule modules (``bench/profile_export.py``) that compile and behave: see the docstring
#: for ``toponyms`` and ``pipeline``.
DEFAULT_MODULES = ("text", "claims", "attribution", "figures", "control", "resolve", "gazetteer")

#: (file, text, replacement): the smallest type-correct edits mypyc needs (it refuses a module
#: with a type error), made in both copies so that they run the same source. None changes a
#: result; the last two of figures.py are what mypyc's float representation needs.
_TYPING_EDITS = (
    ("geo/text.py", "from re import _constants as op  #",
     "from re import _constants as op  # type: ignore[attr-defined] #"),
    ("geo/text.py", "from re import _parser\n",
     "from re import _parser  # type: ignore[attr-defined]\n"),
    ("geo/attribution.py", "        return None\n    words = []\n",
     "        return None\n    words: list[str] = []\n"),
    ("geo/claims.py", "    latin, cyrillic, kinds = [], [], {}\n",
     "    latin: list[str] = []\n    cyrillic: list[str] = []\n    kinds = {}\n"),
    # the loop's ``m`` is a Match; the conjunction's may be None
    ("geo/claims.py", "    m = re.match(r\"^(?:and|but|while|with|so|",
     "    conjunction = re.match(r\"^(?:and|but|while|with|so|"),
    ("geo/claims.py", "    if m and end - start - m.end() > 10:\n        start += m.end()\n",
     "    if conjunction and end - start - conjunction.end() > 10:\n"
     "        start += conjunction.end()\n"),
    ("geo/claims.py", "for r in resolved\n                   if gaz.places",
     "for r in resolved if r.place_id is not None\n                   and gaz.places"),
    ("geo/claims.py", "for r in resolved\n                       if gaz.places",
     "for r in resolved if r.place_id is not None\n                       and gaz.places"),
    # a compiled ``-> float`` turns the int it returns into a float: 4000 became 4000.0
    ("geo/figures.py", "def _tidy(value: float) -> float:",
     "def _tidy(value: float) -> int | float:"),
    ("geo/figures.py", "Fraction(0), 1000, scale, scale\n",
     "Fraction(0), 1000, float(scale), scale\n"),
    # a parse item keyed by id(): typed as a tuple, mypyc passes it unboxed and boxes a new tuple
    ("geo/text.py", "def _exact(item: tuple[object, object], memo",
     "def _exact(item: Any, memo"),
)

#: Run in a fresh interpreter with PYTHONPATH at a copy: a hash of every result, or CPU ms
#: per article of ``process_document``.
_PROCESS = r"""
import hashlib, sys, time
from pathlib import Path
from geo.corpus import document_from_bytes
from geo.pipeline import load_resources, process_document
res = load_resources()
res.matcher
docs = [document_from_bytes(p.read_bytes(), p.name, is_html=p.suffix in (".html", ".htm"))
        for p in sorted(Path(sys.argv[2]).iterdir()) if p.is_file()]
docs = [d for d in docs if not hasattr(d, "reason")]
if sys.argv[1] == "hash":
    digest = hashlib.sha256()
    for d in docs:
        digest.update(repr(process_document(d, res)).encode())
    print(digest.hexdigest())
else:
    for d in docs[:5]:
        process_document(d, res)
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        for d in docs:
            process_document(d, res)
        best = min(best, time.process_time() - t)
    print(best / len(docs) * 1000)
"""


def _fail(message: str) -> None:
    print(f"bench_compiled: {message}", file=sys.stderr)
    raise SystemExit(2)


def _copy_tree(target: Path) -> Path:
    """``geo/`` and ``gazetteer/`` of this checkout (no bytecode, no compiled module), edited."""
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyc")
    shutil.copytree(HERE / "geo", target / "geo", ignore=ignore)
    shutil.copytree(HERE / "gazetteer", target / "gazetteer", ignore=ignore)
    for name, text, replacement in _TYPING_EDITS:
        path = target / name
        source = path.read_text(encoding="utf-8")
        if source.count(text) != 1:
            _fail(f"{name} no longer holds {text.strip()[:60]!r} once: update _TYPING_EDITS")
        path.write_text(source.replace(text, replacement), encoding="utf-8")
    return target


def _compile(tree: Path, modules: tuple[str, ...]) -> float:
    """Compile ``modules`` with mypyc in place in ``tree``; the CPU seconds it took (with gcc)."""
    files = [f"geo/{name}.py" for name in modules]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports",
                           "--follow-imports=silent", *files],
                          cwd=tree, capture_output=True, text=True, check=False,
                          env={**os.environ, "MYPY_FORCE_COLOR": "0"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        errors = [line for line in done.stdout.splitlines() if ": error:" in line]
        _fail(f"mypyc failed: {errors[0] if errors else done.stderr.strip()[-200:]}")
    built = sorted(p.name for p in (tree / "geo").glob("*.so"))
    if len(built) != len(modules):
        _fail(f"mypyc built {built}, expected one module for each of {modules}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "GEO_CACHE_DIR": str(tree / "cache")}


def _process(tree: Path, mode: str, corpus: Path) -> str:
    done = subprocess.run([sys.executable, "-c", _PROCESS, mode, str(corpus)], cwd=tree,
                          env=_env(tree), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        _fail(f"process_document in {tree.name} failed: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout.strip()


def _export(tree: Path, corpus: Path, output: Path) -> float:
    """CPU seconds (user + sys) of one ``geo export`` with a cold result cache."""
    for kept in ("stores", "results"):
        shutil.rmtree(tree / "cache" / kept, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "geo", "export", str(corpus), "--format", "geojson",
               "--output", str(output)]
    done = subprocess.run(command, cwd=tree, env=_env(tree), capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        _fail(f"geo export in {tree.name} failed (exit {done.returncode})")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _is_compiled(tree: Path) -> bool:
    """Whether ``geo.claims`` imports from a compiled module in ``tree`` (not from its source)."""
    done = subprocess.run([sys.executable, "-c", "import geo.claims; print(geo.claims.__file__)"],
                          cwd=tree, env=_env(tree), capture_output=True, text=True, check=False)
    return done.stdout.strip().endswith(".so")


def _line(label: str, pure: list[float], compiled: list[float], unit: str) -> float:
    """Print best and median of each and the ratio of the medians; return that ratio."""
    ratio = statistics.median(pure) / statistics.median(compiled)
    print(f"{label:<40} pure best {min(pure):7.2f} median {statistics.median(pure):7.2f} {unit} | "
          f"compiled best {min(compiled):7.2f} median {statistics.median(compiled):7.2f} {unit} | "
          f"{ratio:.2f}x (best {min(pure) / min(compiled):.2f}x)")
    return ratio


def main() -> None:
    """Build the two copies, check their results agree, time them interleaved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/rc150"),
                        help="articles to time (bench/realistic.py DIR 150 makes one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", nargs="+", default=list(DEFAULT_MODULES),
                        help="geo modules to compile (names without geo/ and .py)")
    parser.add_argument("--keep", type=Path,
                        help="build the copies here and keep them (default: a temporary folder)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        _fail(f"no corpus folder {args.corpus}: "
              f"make one with python bench/realistic.py {args.corpus} 150")
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-compiled-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        _run(root, args.corpus, tuple(args.modules), args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, corpus: Path, modules: tuple[str, ...], runs: int) -> None:
    pure, compiled = _copy_tree(root / "pure"), _copy_tree(root / "compiled")
    t = time.perf_counter()
    cpu = _compile(compiled, modules)
    print(f"mypyc {' '.join(modules)}: {time.perf_counter() - t:.0f} s wall, {cpu:.0f} s CPU; "
          f"compiled code imported: {_is_compiled(compiled)} in the compiled copy, "
          f"{_is_compiled(pure)} in the pure one")
    checks = [corpus, HERE / "seeds", HERE.parent / "shared" / "dev" / "corpus"]
    for folder in (c for c in checks if c.is_dir()):  # also warms each copy's name index, regexes
        hashes = {tree.name: _process(tree, "hash", folder) for tree in (pure, compiled)}
        same = len(set(hashes.values())) == 1
        print(f"process_document results on {folder}: {'identical' if same else 'DIFFERENT'} "
              f"({hashes['pure'][:16]})")
        if not same:
            _fail("compiled and pure results differ: a compiled build would change the outputs")
    ms: dict[str, list[float]] = {"pure": [], "compiled": []}
    export_s: dict[str, list[float]] = {"pure": [], "compiled": []}
    for _ in range(runs):
        for tree in (pure, compiled):
            ms[tree.name].append(float(_process(tree, "time", corpus)))
            export_s[tree.name].append(_export(tree, corpus, root / f"{tree.name}.geojson"))
    digests = {hashlib.sha256((root / f"{n}.geojson").read_bytes()).hexdigest() for n in ms}
    print(f"GeoJSON of {corpus}: {'identical' if len(digests) == 1 else 'DIFFERENT'}")
    n = sum(1 for p in corpus.iterdir() if p.is_file())
    _line("process_document, CPU ms per article", ms["pure"], ms["compiled"], "ms")
    ratio = _line(f"geo export of {n} articles, CPU s", export_s["pure"], export_s["compiled"], "s")
    print(f"load average now {os.getloadavg()[0]:.1f}; the whole export gains {ratio:.2f}x of CPU: "
          f"{'pays' if ratio >= 1.3 else 'does not pay'} (the bar is 1.3x)")


if __name__ == "__main__":
    main()
