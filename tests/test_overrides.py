"""An analyst's corrections file (geo/overrides.py, ``geo build --overrides``), issue 15."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geo.corpus import document_from_bytes
from geo.errors import GeoError
from geo.model import Document
from geo.overrides import Overrides, apply_overrides, parse_overrides
from geo.pipeline import process_document
from tests.test_cli import geo, geo_here

KORENEVO_ALEKSANDROVKA = "inid160:103556"
MAKHNOVKA = "inid160:121418"
SUDZHA = "inid160:115637"
TEXT = ("Ukraine's General Staff said 40 Russian soldiers were killed near Makhnovka on Monday.\n\n"
        "Aleksandrovka was shelled overnight, residents wrote.\n")


def _corrections(gaz, *rows: str, name: str = "fix.csv") -> Overrides:
    return parse_overrides("file,action,target,value\n" + "\n".join(rows) + "\n", name, gaz)


@pytest.fixture(scope="module")
def result(resources):
    doc = document_from_bytes(TEXT.encode("utf-8"), "a.txt")
    assert isinstance(doc, Document)
    found = process_document(doc, resources)
    assert [r.mention.surface for r in found.resolutions] == ["Makhnovka", "Aleksandrovka"]
    assert found.resolutions[1].place_id is None  # 16 candidates, no district named
    assert any(link.place_id == MAKHNOVKA for c in found.claims for link in c.places)
    assert found.claims[0].claimant
    return found


def test_no_correction_for_the_file_leaves_it_as_it_is(gaz, result):
    assert apply_overrides(result, _corrections(gaz, "b.txt,outlet,,Somewhere")) is result


def test_pin_an_unresolved_mention_by_its_surface(gaz, result):
    fixed = apply_overrides(result, _corrections(gaz, f"a.txt,pin,Aleksandrovka,{KORENEVO_ALEKSANDROVKA}"))
    pinned = fixed.resolutions[1]
    assert pinned.place_id == KORENEVO_ALEKSANDROVKA
    assert pinned.reason == f"pinned to {KORENEVO_ALEKSANDROVKA} by fix.csv:2"


def test_pinning_a_mention_moves_its_claims_to_the_pinned_place(gaz, result):
    start = result.resolutions[0].mention.start
    fixed = apply_overrides(result, _corrections(gaz, f"a.txt,pin,@{start},{SUDZHA}"))
    places = {link.place_id for c in fixed.claims for link in c.places}
    assert SUDZHA in places and MAKHNOVKA not in places
    moved = [c for c in fixed.claims if any(link.place_id == SUDZHA for link in c.places)]
    assert all(c.corrected_by == ("fix.csv:2",) for c in moved)


def test_dropping_a_false_mention_unties_its_claims(gaz, result):
    fixed = apply_overrides(result, _corrections(gaz, "a.txt,drop,Makhnovka,"))
    assert [r.mention.surface for r in fixed.resolutions] == ["Aleksandrovka"]
    assert all(link.place_id != MAKHNOVKA for c in fixed.claims for link in c.places)


def test_article_fields_and_claimants_are_set_and_recorded(gaz, result):
    claimant = result.claims[0].claimant
    fixed = apply_overrides(result, _corrections(
        gaz, "a.txt,date,,2025-03-01", "a.txt,url,,https://example.org/a", "a.txt,outlet,,Example News",
        f"*,claimant,{claimant.upper()},The Army"))
    meta = fixed.meta
    assert (meta.published, meta.url, meta.publisher) == ("2025-03-01", "https://example.org/a", "Example News")
    assert meta.corrected_by == ("fix.csv:2", "fix.csv:3", "fix.csv:4")
    assert fixed.claims[0].claimant == "The Army"
    assert fixed.claims[0].corrected_by == ("fix.csv:5",)


@pytest.mark.parametrize(("row", "message"), [
    pytest.param("a.txt,pinn,X,Y", "fix.csv:2: unknown action 'pinn'", id="unknown-action"),
    pytest.param("a.txt,pin,Aleksandrovka,inid160:0", "no place 'inid160:0'", id="unknown-place"),
    pytest.param("a.txt,date,,14 March", "not an ISO 8601 date", id="bad-date"),
    pytest.param("a.txt,outlet,,", "'outlet' needs a value", id="no-value"),
    pytest.param("a.txt,drop,,", "'drop' needs a target", id="no-target"),
    pytest.param("*,outlet,,X", "name the article", id="star-for-an-article-field"),
    pytest.param("a.txt,drop", "expected 4 cells", id="short-row"),
])
def test_a_bad_line_is_named_in_one_line(gaz, row, message):
    with pytest.raises(GeoError, match=message):
        _corrections(gaz, row)


def test_a_wrong_header_is_an_error(gaz):
    with pytest.raises(GeoError, match="header must be file,action,target,value"):
        parse_overrides("source,what\n", "fix.csv", gaz)


def test_a_files_stamp_changes_with_its_corrections_only(gaz):
    one = _corrections(gaz, "a.txt,outlet,,One", "b.txt,outlet,,B")
    two = _corrections(gaz, "a.txt,outlet,,Two", "b.txt,outlet,,B")
    assert one.stamp("a.txt") != two.stamp("a.txt")
    assert one.stamp("b.txt") == two.stamp("b.txt")
    assert one.stamp("c.txt") == ""


def test_cli_build_applies_corrections_and_records_them(tmp_path):
    fix = tmp_path / "corrections.csv"
    fix.write_text("file,action,target,value\n# the outlet of the first seed\n"
                   "000_3c41f440098cf267.txt,outlet,,Example Weekly\n", encoding="utf-8")
    result = geo_here("export", "seeds", "--format", "csv", "--output", "-", "--overrides", str(fix))
    assert result.returncode == 0, result.stderr
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout))
            if r["source_article"] == "000_3c41f440098cf267.txt"]
    assert rows and all((r["source"], r["corrected_by"]) == ("Example Weekly", "corrections.csv:3") for r in rows)
    data = json.loads(geo_here("export", "seeds", "--output", "-", "--overrides", str(fix)).stdout)
    [source] = [s for s in data["sources"] if s["file"] == "000_3c41f440098cf267.txt"]
    assert source["corrected_by"] == ["corrections.csv:3"]


def test_cli_bad_corrections_file_is_one_line(tmp_path):
    fix = tmp_path / "corrections.csv"
    fix.write_text("file,action,target,value\nx.txt,teleport,a,b\n", encoding="utf-8")
    result = geo("export", "seeds", "--output", "-", "--overrides", str(fix))
    assert result.returncode == 1
    assert result.stderr.strip() == ("geo: corrections.csv:2: unknown action 'teleport' "
                                     "(one of: pin, drop, date, url, outlet, claimant)")
