"""A Russian speaker's name back in the nominative (geo/person_names.py)."""

from __future__ import annotations

import pytest

from geo.person_names import nominative
from tests.test_attribution import claimants_of


@pytest.mark.parametrize(("written", "name"), [
    pytest.param("Ивана Петрова", "Иван Петров", id="genitive-masculine"),
    pytest.param("Марии Кузнецовой", "Мария Кузнецова", id="genitive-feminine"),
    pytest.param("Андрею Сидоренко", "Андрей Сидоренко", id="dative-indeclinable-surname"),
    pytest.param("Сергеем Волковым", "Сергей Волков", id="instrumental"),
    pytest.param("Николая Коца", "Николай Коц", id="unknown-surname-loses-its-case-ending"),
])
def test_an_oblique_name_is_put_in_the_nominative(written, name):
    assert nominative(written) == name


@pytest.mark.parametrize("name", ["Мария Кузнецова", "Иван Петров", "Іван Петренко", "Rybar", "Курской области"])
def test_a_nominative_a_ukrainian_name_or_no_name_stays(name):
    assert nominative(name) == name


def test_the_claimant_after_po_slovam_is_named_in_the_nominative():
    text = "По словам губернатора Ивана Петрова, в результате обстрела ранены три человека."
    assert claimants_of(text, "ранены три человека") == ["Иван Петров"]
