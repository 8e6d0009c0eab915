"""The pipeline's shape: the import graph points one way, and records come out in a total order."""

from __future__ import annotations

import subprocess
import sys

import pytest


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
