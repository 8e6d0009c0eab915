"""The committed gazetteer: counts, QA, attribution, and a byte-for-byte rebuild."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import GazetteerError
from geo.gazetteer import _rows, load_gazetteer
from geo.gazetteer_build import build
from geo.model import PlaceType
from tests.conftest import ROOT


def _addendum_ids() -> list[str]:
    with (ROOT / "gazetteer" / "addendum.csv").open(encoding="utf-8", newline="") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def test_counts(gaz):
    by_type = {t: sum(1 for p in gaz.places.values() if p.place_type is t) for t in PlaceType}
    settlements = 2769 + len(_addendum_ids())
    assert by_type == {PlaceType.SETTLEMENT: settlements, PlaceType.DISTRICT: 33, PlaceType.REGION: 1}


def test_addendum_places_are_merged_with_district_and_provenance(gaz):
    ids = _addendum_ids()
    assert ids
    with (ROOT / "gazetteer" / "addendum.csv").open(encoding="utf-8", newline="") as fh:
        assert all(row["provenance"].strip() for row in csv.DictReader(fh))
    for place_id in ids:
        place = gaz.places[place_id]
        assert place.place_type is PlaceType.SETTLEMENT
        assert gaz.district_of(place_id) is not None
        assert place.admin2 == gaz.district_of(place_id).name


def test_addendum_changes_the_version(gaz):
    built = (ROOT / "gazetteer" / "VERSION").read_text(encoding="ascii").strip()
    assert gaz.version.startswith(built + "+") and gaz.version != built


def _copy_gazetteer(tmp_path: Path, addendum: str) -> Path:
    folder = tmp_path / "gaz"
    folder.mkdir()
    for name in ("places.csv", "VERSION", "districts.geojson"):
        shutil.copy(ROOT / "gazetteer" / name, folder / name)
    (folder / "addendum.csv").write_text(addendum, encoding="utf-8")
    return folder


def test_addendum_row_with_an_unknown_district_is_a_one_line_error(tmp_path):
    header = "id,name_ru,name_en,alt_names,category,lat,lon,district_id,population,provenance\n"
    folder = _copy_gazetteer(tmp_path, header + "x:1,Новое,Novoye,,selo,51.3,35.1,kursk-district:nowhere,0,a note\n")
    with pytest.raises(GazetteerError, match="known district_id") as info:
        load_gazetteer(folder)
    assert "\n" not in str(info.value)


def test_addendum_with_other_columns_is_a_one_line_error(tmp_path):
    folder = _copy_gazetteer(tmp_path, "id,name\nx:1,Новое\n")
    with pytest.raises(GazetteerError, match="must have the columns"):
        load_gazetteer(folder)


def test_gazetteer_without_an_addendum_loads_the_built_rows(tmp_path):
    folder = _copy_gazetteer(tmp_path, "")
    (folder / "addendum.csv").unlink()
    gaz = load_gazetteer(folder)
    assert sum(1 for p in gaz.places.values() if p.place_type is PlaceType.SETTLEMENT) == 2769


def test_every_settlement_has_a_district_and_latin_name(gaz):
    for p in gaz.settlements:
        assert p.district_id in gaz.places
        assert p.name and p.name_local


def test_four_misplaced_points_are_not_trusted(gaz):
    untrusted = [p for p in gaz.settlements if not p.is_point_trusted]
    assert sorted(p.name_local for p in untrusted) == ["Богдановка", "Дреерские дворы", "Евдокимовка", "Панин"]


def test_attribution_is_shipped():
    text = (ROOT / "gazetteer" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needle in ("CC BY-SA 4.0", "OpenStreetMap", "GeoNames", "ODbL"):
        assert needle in text


def test_rebuild_from_the_shared_source_is_byte_identical(shared, tmp_path):
    built = build(shared / "gazetteer", tmp_path)
    for name, data in built.items():
        assert (ROOT / "gazetteer" / name).read_bytes() == data, name


def test_missing_gazetteer_is_a_one_line_error(tmp_path):
    with pytest.raises(GazetteerError, match="rebuild it"):
        load_gazetteer(tmp_path)


def test_issue_14_installed_hash_follows_the_file_without_importing_it(tmp_path, monkeypatch):
    """The name index's key names pymorphy3 and its dictionary by their version files, read
    without importing them: a new version is a new key, and nothing runs."""
    import sys

    from geo._cache import installed_hash

    package = tmp_path / "fakemorph"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('imported')\n", encoding="utf-8")
    (package / "version.py").write_text('__version__ = "1.0"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = installed_hash("fakemorph", "version.py")
    (package / "version.py").write_text('__version__ = "1.1"\n', encoding="utf-8")
    assert installed_hash("fakemorph", "version.py") != first
    assert "fakemorph" not in sys.modules
    assert installed_hash("no_such_module_geo_test") == "absent"


_CELL = st.text(alphabet=st.sampled_from('ab,"\n '), max_size=4)


@given(st.lists(st.lists(_CELL, max_size=5), max_size=6))
def test_rows_are_read_as_csv_dictreader_reads_them(rows):
    """``gazetteer._rows`` (the C reader, issue 14) gives DictReader's rows for any CSV text."""
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["id", "name_ru", "name_en"], *rows])
    text = buffer.getvalue()
    assert _rows(io.StringIO(text, newline="")) == list(csv.DictReader(io.StringIO(text, newline="")))
