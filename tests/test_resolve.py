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
    pytest.param("A drone hit a house in Lyubimovka on Tuesday.", id="en-strike"),
    pytest.param("Дрон повредил дом в Любимовке.", id="ru-strike"),
    pytest.param("Storm Shadow missiles struck a command post in Maryino.", id="en-storm-shadow-is-no-storming"),
    pytest.param("Troops were seen near Aleksandrovka.", id="aleksandrovka"),
    pytest.param("Fighting continued near Viktorovka.", id="two-namesakes-on-the-front"),
])
def test_ambiguous_name_without_evidence_is_left_unresolved(resources, text):
    (res,) = resolve_text(resources, text)
    assert res.place_id is None
    assert len(res.mention.candidates) >= 2
    assert "no district named" in res.reason


@pytest.mark.parametrize("text", [
    pytest.param("Fighting raged in Lyubimovka on Tuesday.", id="en-fighting"),
    pytest.param("Russian forces liberated Lyubimovka, the ministry said.", id="en-liberated"),
    pytest.param("Бои шли в Любимовке.", id="ru-бои"),
    pytest.param("ВСУ отошли из Любимовки.", id="ru-отошли"),
    pytest.param("Сили оборони відійшли з Любимівки Курської області.", id="uk-відійшли"),
])
def test_a_shared_name_in_a_sentence_about_ground_is_the_one_on_the_front(resources, text):
    gaz = resources.gazetteer
    found = [r for r in resolve_text(resources, text) if r.mention.lemma == "Любимовка"]
    assert [r.place_id for r in found] == _korenevsky(gaz, "Любимовка")
    assert "districts of the ground fighting" in found[0].reason


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


def _district_of(resources, place_id):
    return resources.gazetteer.places[place_id].admin2 if place_id else None


@pytest.mark.parametrize("text", [
    pytest.param("Освобождены Погребки, Орловка и Никольский.", id="ru-comma-list"),
    pytest.param("Установлен контроль над пунктами:\n  • Погребки\n  • Орловка\n  • Новая Сорочина\n", id="ru-bullets"),
    pytest.param("Russian units retook Pogrebki, Orlovka and Nikolsky on Friday.", id="en-list"),
])
def test_a_common_word_name_counts_in_a_list_with_a_place(resources, text):
    pogrebki = only_place(resources.gazetteer, "Погребки")
    assert pogrebki in settlement_ids(resources, text)


def test_a_list_of_common_words_alone_is_not_placed(resources):
    assert settlement_ids(resources, "Заря и Свобода — слова из старых песен.") == []


@pytest.mark.parametrize("text", [
    pytest.param("Ukraine tried to advance towards the villages of Veseloye and Medvezhye.", id="en"),
    pytest.param("ВСУ пытались атаковать в направлении сел Веселое и Медвежье.", id="ru"),
])
def test_a_list_member_takes_the_cue_and_the_neighbour_of_the_list(resources, text):
    by_lemma = {r.mention.lemma: r.place_id for r in resolve_text(resources, text)}
    assert _district_of(resources, by_lemma["Медвежье"]) == "Glushkovsky District"


@pytest.mark.parametrize("text", [
    pytest.param("Военные освободили Косицу, Лебедевку и Викторовку. Позже были освобождены "
                 "Апанасовка, Бяхово, Викторовка и Снагость.", id="ru"),
    pytest.param("The army took Kositsa, Lebedevka and Viktorovka. Later it took Apanasovka, "
                 "Byakhovo, Viktorovka and Snagost.", id="en"),
])
def test_a_shared_name_is_decided_by_the_places_of_its_own_sentence(resources, text):
    # Both sentences' places lie in the article; each Viktorovka goes with its own list.
    found = [r.place_id for r in resolve_text(resources, text) if r.mention.lemma == "Викторовка"]
    assert [_district_of(resources, pid) for pid in found] == ["Sudzhansky District", "Korenevsky District"]


@pytest.mark.parametrize("text", [
    pytest.param("In December the army captured Plekhovo, Daryino and Novoivanovka.", id="en"),
    pytest.param("В декабре армия заняла Плехово, Дарьино и Новоивановку.", id="ru"),
])
def test_a_shared_name_goes_to_the_one_district_of_its_list(resources, text):
    found = [r for r in resolve_text(resources, text) if r.mention.lemma == "Новоивановка"]
    assert _district_of(resources, found[0].place_id) == "Sudzhansky District"
    assert "district of" in found[0].reason or "nearest" in found[0].reason


@pytest.mark.parametrize(("text", "foreign"), [
    pytest.param("ВСУ готовят штурм на направлении Рыжевка — Теткино.", "Рыжевка", id="ru"),
    pytest.param("Ukrainian troops pushed along the Ryzhevka – Tetkino axis.", "Рыжевка", id="en"),
])
def test_the_far_village_end_of_a_route_is_a_namesake(resources, text, foreign):
    by_lemma = {r.mention.lemma: r for r in resolve_text(resources, text)}
    assert by_lemma[foreign].place_id is None and "route" in by_lemma[foreign].reason
    assert by_lemma["Теткино"].place_id == only_place(resources.gazetteer, "Теткино")


def test_both_ends_of_a_short_route_are_places(resources):
    ids = settlement_ids(resources, "Дорога Гуево — Плехово перерезана дронами.")
    assert ids == [only_place(resources.gazetteer, "Гуево"), only_place(resources.gazetteer, "Плехово")]


@pytest.mark.parametrize("text", [
    pytest.param("Видео опубликовал канал «Пепел Курск».", id="ru-channel"),
    pytest.param("Втрати угруповання “Курськ” зросли.", id="uk-grouping"),
    pytest.param("Фото выложил канал «Новости Суджа».", id="ru-sudzha"),
])
def test_a_name_that_ends_a_short_quoted_title_is_not_a_place(resources, text):
    assert settlement_ids(resources, text) == []


@pytest.mark.parametrize("text", [
    pytest.param("«Мы освободили Суджу», — сказал он.", id="ru-quote"),
    pytest.param("He said: “our troops are in Sudzha”", id="en-quote"),
])
def test_a_name_at_the_end_of_a_quoted_sentence_is_a_place(resources, text):
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, "Суджа")]


@pytest.mark.parametrize("text", [
    pytest.param("В Курской области освобождена Олешня, в Донецкой Народной Республике — "
                 "Тарасовка и Богдановка.", id="ru"),
    pytest.param("Russia took Oleshnya in the Kursk region and, in the Donetsk region: "
                 "Tarasovka and Bogdanovka.", id="en"),
    pytest.param("На Курщині звільнено Олешню, у Донецькій області — Тарасівку та Богданівку.", id="uk"),
])
def test_a_list_headed_by_another_region_is_not_placed(resources, text):
    ids = settlement_ids(resources, text)
    assert ids == [only_place(resources.gazetteer, "Олешня")]


@pytest.mark.parametrize("text", [
    pytest.param("При ударе дрона по слободе Белой пострадали двое.", id="ru-sloboda"),
    pytest.param("Беспилотник упал в Белой, сообщили власти.", id="ru-v"),
])
def test_an_adjectival_name_in_an_oblique_case_with_a_cue_is_a_place(resources, text):
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, "Белая")]


def test_a_ukrainian_form_is_confirmed_by_the_same_place_elsewhere_in_the_text(resources):
    text = ("ЗСУ увійшли до Суджі Курської області.\n\n"
            "Генерал доповів про завершення звільнення міста Суджі від російських військових.")
    sudzha = only_place(resources.gazetteer, "Суджа")
    assert settlement_ids(resources, text) == [sudzha, sudzha]


@pytest.mark.parametrize(("text", "district"), [
    pytest.param("Бої тривають у Суджанському районі.", "kursk-district:sudzhanskiy", id="-ський"),
    pytest.param("Обстріли Глушківського району не вщухають.", "kursk-district:glushkovskiy", id="-івський"),
])
def test_ukrainian_district_names(resources, text, district):
    (res,) = resolve_text(resources, text)
    assert res.place_id == district


@pytest.mark.parametrize(("text", "district"), [
    pytest.param("Fighting reached Nikolayevka, 20 km north of Kurchatov.", "Kurchatovsky District", id="en-north"),
    pytest.param("Fighting reached Nikolayevka, some 15 km west of Kurchatov.", "Lgovsky District", id="en-west"),
    pytest.param("Бои идут у Николаевки, в 20 км к северу от Курчатова.", "Kurchatovsky District", id="ru-north"),
    pytest.param("Бои идут у Николаевки, западнее Курчатова.", "Lgovsky District", id="ru-west"),
    pytest.param("Бої точаться біля Миколаївки, за 20 км на північ від Курчатова.", "Kurchatovsky District",
                 id="uk-north"),
])
def test_a_stated_direction_from_a_place_picks_the_namesake_that_lies_there(resources, text, district):
    # Two Nikolayevkas lie 15 and 22 km from Kurchatov: distance alone does not decide.
    found = [r for r in resolve_text(resources, text) if r.mention.lemma == "Николаевка"]
    assert _district_of(resources, found[0].place_id) == district
    assert "where the text says" in found[0].reason


def test_without_a_direction_the_two_namesakes_stay_unresolved(resources):
    # nor does the front decide: one Nikolayevka lies in Sudzhansky district, two near Kurchatov
    found = [r for r in resolve_text(resources, "Fighting reached Nikolayevka and Kurchatov.")
             if r.mention.lemma == "Николаевка"]
    assert found[0].place_id is None


def test_a_direction_from_two_namesakes_a_few_km_apart_counts_from_their_spot(resources):
    found = [r for r in resolve_text(resources, "Lyubimovka, some 15 km southeast of Korenevo, was shelled.")
             if r.mention.lemma == "Любимовка"]
    assert _district_of(resources, found[0].place_id) == "Korenevsky District"


@pytest.mark.parametrize("text", [
    pytest.param("«Северный ветер» и «Курск» — названия операций.", id="ru"),
    pytest.param("Operations \"Kursk\" and Zarya were planned.", id="en"),
])
def test_a_quoted_title_is_no_neighbour_for_a_common_word(resources, text):
    assert settlement_ids(resources, text) == []


def test_the_ukrainian_name_of_the_oblast_is_not_the_kursk_district(resources):
    (res,) = resolve_text(resources, "Бої на Курщині тривають.")
    assert res.place_id == "kursk-oblast"
