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


# --- hidden characters inside words (saved pages' &shy;, zero-width spaces) -----------------

_HIDDEN_TEXT = ("Бои в Курской области.\n\nРоссийские войска освободили Плехо\u00adво, за\u00adявили в Минобо\u200bроны.\n\n"
                "Russian forces re\u00adtook Sud\u200bzha, the De\u00adfense Ministry said.\n\n"
                "\ufeffAbout 200 Ukrainian soldiers were kil\u200cled near Sud\u00adzha, the ministry said.")


def _result(resources, text):
    from geo.model import Document, Source
    from geo.pipeline import process_document

    return process_document(Document(meta=Source(source="t.txt", sha256="0" * 64), text=text), resources)


def test_hidden_characters_inside_words_do_not_hide_them(resources):
    from geo.text import HIDDEN

    plain = "".join(c for c in _HIDDEN_TEXT if c not in HIDDEN)
    hidden, clean = _result(resources, _HIDDEN_TEXT), _result(resources, plain)
    # the same places and claims as the text without them ...
    assert [r.place_id for r in hidden.resolutions] == [r.place_id for r in clean.resolutions]
    assert [(c.kind, c.claimant, c.figure) for c in hidden.claims] == [(c.kind, c.claimant, c.figure)
                                                                       for c in clean.claims]
    assert len(hidden.claims) == 3  # noqa: PLR2004 - Plekhovo, Sudzha, the 200
    # ... with every offset, surface, context and quote cut from the text as it is
    for r in hidden.resolutions:
        m = r.mention
        assert _HIDDEN_TEXT[m.start:m.end] == m.surface
        assert m.surface.translate({ord(c): None for c in HIDDEN}) in {"Плехово", "Sudzha", "Курской области"}
        assert _HIDDEN_TEXT[m.context_start:m.context_start + len(m.context)] == m.context
    for c in hidden.claims:
        assert _HIDDEN_TEXT[c.start:c.end] == c.quote
    assert "Плехо\u00adво" in hidden.claims[0].quote
    # a claim's id is that of its span in the text as it is
    assert len({c.claim_id for c in hidden.claims}) == len(hidden.claims)
    assert {c.claim_id for c in hidden.claims}.isdisjoint(c.claim_id for c in clean.claims)


def test_a_text_without_hidden_characters_is_read_as_before(resources):
    from geo.pipeline import _process

    text = _HIDDEN_TEXT.translate({0x00AD: None, 0x200B: None, 0x200C: None, 0xFEFF: None})
    doc_result = _result(resources, text)
    from geo.model import Document, Source

    assert doc_result == _process(Document(meta=Source(source="t.txt", sha256="0" * 64), text=text), resources)


def test_a_saved_page_full_of_soft_hyphens_is_read(resources):
    from geo.corpus import document_from_bytes
    from geo.pipeline import process_document

    page = ("<html><body><article><h1>Бои за Суд&shy;жу</h1><p>Российские войска освободили Плехо&shy;во "
            "и Ма&shy;лую Лок&shy;ню, заявили в Минобо&shy;роны России.</p></article></body></html>")
    doc = document_from_bytes(page.encode(), "page.html")
    result = process_document(doc, resources)
    surfaces = {r.mention.surface.replace("\u00ad", "") for r in result.resolutions}
    assert {"Плехово", "Суджу", "Малую Локню"} <= surfaces
    control = [c for c in result.claims if c.kind.value == "control"]
    assert control and control[0].claimant == "Russian Defense Ministry"
    assert all(doc.text[c.start:c.end] == c.quote for c in result.claims)
