"""The pipeline's shape: the import graph points one way, and records come out in a total order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.geo_imports import import_closure


@pytest.mark.parametrize("module", ["geo.toponyms", "geo.resolve", "geo.claims", "geo.figures", "geo.export"])
def test_pure_steps_do_not_import_heavy_libraries(module):
    code = (f"import sys, {module}; heavy = [m for m in ('folium', 'geopandas', 'branca') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_model_imports_nothing_from_geo():
    code = "import sys, geo.model; print(sorted(m for m in sys.modules if m.startswith('geo.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['geo.model']"


def test_claims_are_sorted_and_ids_unique(resources):
    from geo.model import Document, Source
    from geo.pipeline import assemble_build, process_document

    texts = {
        "b.txt": "Zelensky said 300 North Korean soldiers were killed near Sudzha and 500 wounded.",
        "a.txt": "Kyiv said 40 Russian soldiers were captured near Guevo.",
    }
    results = [process_document(Document(meta=Source(source=n, sha256=n), text=t), resources)
               for n, t in texts.items()]
    build = assemble_build("t", results, [], resources.gazetteer)
    keys = [c.sort_key for c in build.claims]
    assert keys == sorted(keys)
    assert len({c.claim_id for c in build.claims}) == len(build.claims)
    assert [s.source for s in build.sources] == ["a.txt", "b.txt"]


# --- issue 14: no import circles, and the claim rules imported only when a document is processed


def _import_graph() -> dict[str, set[str]]:
    """geo's modules → the geo modules each imports anywhere in its source (TYPE_CHECKING blocks aside)."""
    import ast

    from tests.conftest import ROOT

    paths = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
             for p in (ROOT / "geo").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(sub) for node in ast.walk(tree)
                       if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                       for sub in ast.walk(node)}
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        graph[name] = {m for m in found if m in paths and m not in (name, "geo")}
    return graph


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            if nxt == goal:
                return True
            seen.add(nxt)
            todo.append(nxt)
    return False


@pytest.mark.parametrize("module", ["geo.pipeline", "geo.parallel", "geo.export.fragments", "geo.export.rows"])
def test_no_import_circle_runs_through(module):
    graph = _import_graph()
    circle = sorted(m for m in graph[module] if _reaches(graph, m, module))
    assert circle == [], f"{module} imports {circle}, which import {module} back"


def test_the_graph_helper_sees_a_circle():
    assert _reaches({"a": {"b"}, "b": {"a"}}, "a", "a") and not _reaches({"a": {"b"}, "b": set()}, "a", "a")


def test_pipeline_imports_the_steps_on_demand(resources):
    code = ("import sys; from geo.where import lookup_places; found = lookup_places('Sudzha'); "
            "late = [m for m in ('geo.claims', 'geo.resolve', 'geo.parallel', 'geo.store', 'geo.attribution') "
            "if m in sys.modules]; print(len(found), ','.join(late))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1"]


def test_serial_run_gives_the_store_route_build(resources, tmp_path):
    from geo.parallel import run_parallel
    from geo.pipeline import run
    from tests.conftest import ROOT

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((ROOT / "seeds").iterdir()):
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "ru.txt").write_text("Минобороны заявило, что у Суджи погибли 30 военных.\n", encoding="utf-8")
    serial = run(corpus, resources=resources)
    assert serial == run_parallel(corpus, resources=resources, use_cache=False)
    assert [s.source for s in serial.skips] == ["notes.pdf"] and serial.claims


def test_the_result_cache_key_covers_every_module_the_extractor_imports(monkeypatch, resources):
    """A rule changed in any module that shapes a claim must change the per-file cache key.

    The modules are found by reading the imports of geo.claims and geo.resolve (and of what
    they import, within geo), so a new module cannot be forgotten in the key.
    """
    seen = import_closure(["geo.claims", "geo.resolve"])
    # model, settings, errors, gazetteer, _cache are covered elsewhere (the gazetteer version,
    # repr(settings), or they hold no rules: regex_cache builds the pattern re.compile would,
    # test_regex_cache); the name matcher has its own key.
    rules = seen - {"geo.model", "geo.settings", "geo.errors", "geo.gazetteer", "geo._cache", "geo.forms",
                    "geo.names", "geo.toponyms", "geo.gazetteer_build", "geo.cache_folder", "geo.regex_cache"}

    hashed = []
    monkeypatch.setattr("geo.pipeline.module_source_hash", lambda *names: hashed.extend(names) or "x")
    assert resources.extractor_version
    assert rules <= set(hashed), sorted(rules - set(hashed))
