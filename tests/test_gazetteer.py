"""The committed gazetteer: counts, QA, attribution, and a byte-for-byte rebuild."""

from __future__ import annotations

from geo.gazetteer import load_gazetteer
from geo.gazetteer_build import build
from geo.model import PlaceType
from tests.conftest import ROOT


def test_counts(gaz):
    by_type = {t: sum(1 for p in gaz.places.values() if p.place_type is t) for t in PlaceType}
    assert by_type == {PlaceType.SETTLEMENT: 2769, PlaceType.DISTRICT: 33, PlaceType.REGION: 1}


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
    import pytest

    from geo.errors import GazetteerError

    with pytest.raises(GazetteerError, match="rebuild it"):
        load_gazetteer(tmp_path)
