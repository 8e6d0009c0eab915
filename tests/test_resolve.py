"""Resolution: ambiguous names, places outside the oblast, common words, Kursk city vs oblast."""

from __future__ import annotations

import pytest

from geo.model import PlaceType
from tests.places import only_place, places_named, resolve_text, settlement_ids


def _korenevsky(gaz, russian):
    return [i for i in places_named(gaz, russian) if gaz.places[i].admin2 == "Korenevsky District"]


@pytest.mark.parametrize("text", [
    pytest.param("Fighting raged in Lyubimovka, in Korenevsky district, on Tuesday.", id="en-district"),
    pytest.param("Бои шли в Любимовке Кореневского района.", id="ru-district"),
    pytest.param("In the Korenevo district, troops entered Lyubimovka.", id="en-centre-district"),
])
def test_ambiguous_name_resolved_by_the_district_named(resources, text):
    gaz = resources.gazetteer
    assert len(places_named(gaz, "Любимовка")) >= 2
    ids = settlement_ids(resources, text)
    assert _korenevsky(gaz, "Любимовка")[0] in ids
    resolution = next(r for r in resolve_text(resources, text) if r.mention.lemma == "Любимовка")
    assert "district named" in resolution.reason
    assert len(resolution.mention.candidates) == len(places_named(gaz, "Любимовка"))


@pytest.mark.parametrize("text", [
    pytest.param("Fighting raged in Lyubimovka on Tuesday.", id="en"),
    pytest.param("Бои шли в Любимовке.", id="ru"),
    pytest.param("Troops were seen near Aleksandrovka.", id="aleksandrovka"),
])
def test_ambiguous_name_without_evidence_is_left_unresolved(resources, text):
    (res,) = resolve_text(resources, text)
    assert res.place_id is None
    assert len(res.mention.candidates) >= 2
    assert "no district named" in res.reason


def test_ambiguous_name_resolved_by_nearby_places(resources):
    gaz = resources.gazetteer
    text = "Russian troops advanced from Sudzha towards Borki and Zaoleshenka."
    ids = settlement_ids(resources, text)
    borki = [i for i in places_named(gaz, "Борки") if gaz.places[i].admin2 == "Sudzhansky District"]
    assert borki[0] in ids


def test_same_named_places_a_few_km_apart_count_as_one(resources):
    gaz = resources.gazetteer
    (res,) = resolve_text(resources, "Drones struck Korenevo overnight.")
    assert res.place_id in places_named(gaz, "Коренево")
    assert "within" in res.reason


@pytest.mark.parametrize("text", [
    pytest.param("Shelling hit Martynovka in Belgorod region on Sunday.", id="belgorod-region"),
    pytest.param("Shelling hit Kurilovka, Ukraine's Kharkiv oblast, on Sunday.", id="kharkiv-oblast"),
    pytest.param("Обстрелу подверглась Мартыновка Белгородской области.", id="ru-belgorod"),
    pytest.param("The Belgorod region village of Martynovka was hit.", id="before"),
    pytest.param("Russian forces attacked the Ukrainian village of Kurilovka.", id="ukrainian-village"),
])
def test_same_name_outside_the_oblast_is_not_placed(resources, text):
    resolutions = [r for r in resolve_text(resources, text)
                   if r.mention.lemma in ("Мартыновка", "Куриловка")]
    assert resolutions and all(r.place_id is None for r in resolutions)
    assert all("outside the oblast" in r.reason for r in resolutions)


def test_article_about_another_region_only_places_nothing(resources):
    text = "In Belgorod region, drones hit Martynovka and a power line. Officials said two were hurt."
    assert settlement_ids(resources, text) == []


@pytest.mark.parametrize("text", [
    pytest.param("Svoboda is the word protesters chanted.", id="svoboda-start"),
    pytest.param("He works for Radio Svoboda in Prague.", id="radio-svoboda"),
    pytest.param("Zarya was the first module of the station.", id="zarya"),
    pytest.param("Заря новой эпохи, сказал он.", id="заря"),
    pytest.param("Газета «Свобода» вышла в понедельник.", id="свобода-quoted"),
    pytest.param("Рассвет наступил в шесть утра.", id="рассвет"),
    pytest.param("Красный цвет флага выцвел.", id="красный"),
    pytest.param("Коммунар — так называли его в юности.", id="коммунар"),
    pytest.param("The Niva SUV is still made in Togliatti.", id="niva"),
])
def test_common_word_names_are_not_matched_in_ordinary_sentences(resources, text):
    assert settlement_ids(resources, text) == []


def test_common_word_name_counts_with_a_place_cue(resources):
    text = "Fighting was reported near the village of Rassvet."
    resolutions = [r for r in resolve_text(resources, text) if r.mention.lemma == "Рассвет"]
    assert resolutions and resolutions[0].mention.candidates
    assert "common word" not in resolutions[0].reason


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("North Korean troops fought in Russia's Kursk region.", PlaceType.REGION, id="kursk-region"),
    pytest.param("Troops were sent to Kursk Oblast.", PlaceType.REGION, id="kursk-oblast"),
    pytest.param("Бои идут в Курской области.", PlaceType.REGION, id="курской-области"),
    pytest.param("Бои идут на Курщине.", PlaceType.REGION, id="курщине"),
    pytest.param("Troops were dispatched to Kursk.", PlaceType.REGION, id="bare-kursk"),
    pytest.param("A drone hit the city of Kursk.", PlaceType.SETTLEMENT, id="city-of-kursk"),
    pytest.param("В Курске объявлена тревога.", PlaceType.SETTLEMENT, id="в-курске"),
])
def test_kursk_region_and_city(resources, text, expected):
    (res,) = resolve_text(resources, text)
    assert resources.gazetteer.places[res.place_id].place_type is expected


def test_district_mention_resolves_to_the_district(resources):
    (res,) = resolve_text(resources, "Shelling continued in the Sudzhansky district.")
    assert res.place_id == "kursk-district:sudzhanskiy"


def test_misplaced_point_is_drawn_at_its_district(gaz):
    place = gaz.places[only_place(gaz, "Панин")]
    district = gaz.places[place.district_id]
    assert not place.is_point_trusted
    assert (place.lat, place.lon) == (district.lat, district.lon)
    assert place.geo_precision == 2


@pytest.mark.parametrize("text", [
    "Russia said it repelled attacks near Martynovka and Kamyshevka.",
    "Бои шли у Мартыновки и в Камышевке.",
])
def test_a_sibilant_spelling_of_the_suffix_finds_the_registered_name(resources, text):
    # The register writes Камышовка; news write Камышевка/Kamyshevka (о and ё after a
    # sibilant). Two villages bear the name; Martynovka places this one in Sudzha district.
    ids = settlement_ids(resources, text)
    sudzha_district = [pid for pid in places_named(resources.gazetteer, "Камышовка")
                       if resources.gazetteer.places[pid].admin2 == "Sudzhansky District"]
    assert ids[-1:] == sudzha_district
