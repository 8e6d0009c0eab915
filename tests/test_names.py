"""Latin spellings as news writes them: every variant resolves to the right place."""

from __future__ import annotations

import pytest

from geo.names import (
    english_translations,
    latin_spellings,
    romanize,
    spelling_variants,
    ukrainian_case_forms,
    ukrainian_forms,
    ukrainian_spellings,
    yo_variants,
)
from tests.places import only_place, resolve_text, settlement_ids

VARIANTS = [
    ("Makhnovka", "Махновка"), ("Makhnivka", "Махновка"), ("Plekhovo", "Плехово"),
    ("Plekhove", "Плехово"), ("Martynovka", "Мартыновка"), ("Martynivka", "Мартыновка"),
    ("Kurilovka", "Куриловка"), ("Kurylivka", "Куриловка"), ("Sudzha", "Суджа"), ("Sudža", "Суджа"),
    ("Nikolaevo-Darino", "Николаево-Дарьино"), ("Nikolayevo-Daryino", "Николаево-Дарьино"),
    ("Nikolayevo Daryino", "Николаево-Дарьино"), ("Guevo", "Гуево"), ("Guyevo", "Гуево"),
    ("Kremyanoye", "Кремяное"), ("Kremyanoe", "Кремяное"), ("Kremianoe", "Кремяное"),
    ("Russkoye Porechnoye", "Русское Поречное"), ("Russkoe Porechnoe", "Русское Поречное"),
    ("Zeleny Shlyakh", "Зеленый Шлях"), ("Zelenyy Shlyakh", "Зеленый Шлях"),
    ("Zelenyi Shliakh", "Зеленый Шлях"), ("Malaya Loknya", "Малая Локня"),
    ("Malaia Loknia", "Малая Локня"), ("Sverdlikovo", "Свердликово"), ("Tyotkino", "Теткино"),
    ("Tetkino", "Теткино"), ("Glushkovo", "Глушково"), ("Hlushkove", "Глушково"),
    ("Zaoleshenka", "Заолешенка"), ("Махнівка", "Махновка"), ("Мартинівка", "Мартыновка"),
    # one name, two schemes (plain, then BGN); a translated adjective ending; x for ks
    ("Nikolaevo-Daryino", "Николаево-Дарьино"), ("Tolstoy Lug", "Толстый Луг"),
    ("Alexandriya", "Александрия"), ("Aleksandria", "Александрия"),
    # BGN/PCGN with primes for the soft sign; ё written io
    ("Ol'govka", "Ольговка"), ("Ryl'sk", "Рыльск"), ("Tiotkino", "Теткино"),
]


@pytest.mark.parametrize(("variant", "russian"), [pytest.param(v, r, id=v) for v, r in VARIANTS])
def test_variant_resolves_to_its_place(resources, variant, russian):
    text = f"Heavy fighting was reported near {variant} in the Kursk region on Monday, officials said."
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, russian)]


def test_enough_latin_variants():
    assert len([v for v, _ in VARIANTS if v.isascii()]) >= 20


def test_possessive_is_matched_without_the_apostrophe_s(resources):
    text = "Sudzha’s last residents left on Friday."
    (res,) = resolve_text(resources, text)
    assert res.mention.surface == "Sudzha"


def test_lower_case_name_is_not_a_place(resources):
    assert settlement_ids(resources, "he said sudzha was quiet") == []


def test_name_inside_a_longer_word_is_not_matched(resources):
    assert settlement_ids(resources, "The Sudzhanets brand is sold here.") == []


@pytest.mark.parametrize(("russian", "scheme", "expected"), [
    pytest.param("Махновка", "bgn", "makhnovka", id="bgn"),
    pytest.param("Николаево-Дарьино", "bgn", "nikolayevo-daryino", id="bgn-soft-sign"),
    pytest.param("Николаево-Дарьино", "plain", "nikolaevo-darino", id="plain"),
    pytest.param("Суджа", "iso9", "sudža", id="iso9"),
    pytest.param("Теткино", "icao", "tetkino", id="icao"),
])
def test_romanize(russian, scheme, expected):
    assert romanize(russian, scheme) == expected


def test_ending_alternations():
    assert {"kremyanoye", "kremyanoe", "kremyanoje"} <= spelling_variants("Kremyanoye")


def test_ukrainian_forms_are_derived():
    assert {"махнівка", "makhnivka"} <= ukrainian_spellings("Махновка")
    assert {"плехове", "plekhove"} <= ukrainian_spellings("Плехово")


def test_latin_spellings_include_the_common_schemes():
    assert {"makhnovka", "mahnovka"} <= latin_spellings("Махновка")


def test_ukrainian_spelling_needs_a_kursk_context(resources):
    """Ukraine has a Pervomaiske too: the derived Ukrainian form alone does not place it."""
    (res,) = resolve_text(resources, "Officials met in Pervomaiske on Monday.")
    assert res.place_id is None and "Ukrainian spelling" in res.reason
    kursk = "Officials met in Pervomaiske, in the Kursk region, on Monday."
    assert [r.place_id for r in resolve_text(resources, kursk) if r.place_id != "kursk-oblast"][0] is not None


@pytest.mark.parametrize("text", [
    "Russian milbloggers claimed that Russian forces took Kurilovka, a claim Kyiv called propaganda.",
    "Moscow said its troops entered Kurilovka.",
])
def test_a_capital_named_for_its_government_is_no_other_region(resources, text):
    """"Kyiv said", "Moscow claimed": the governments, not the Kyiv or Moscow regions."""
    [res] = [r for r in resolve_text(resources, text) if r.mention.lemma == "Куриловка"]
    assert res.place_id is not None, res.reason


@pytest.mark.parametrize(("text", "placed"), [
    ("Бої в Курській області тривають.\n\nУкраїнські підрозділи відійшли з Суджі.", True),
    ("Fighting goes on in the Kursk region.\n\nOfficials met in Pervomaiske on Monday.", True),
    ("Бої в Курській області тривають.\n\nНа Сумщині, у Суджі, лунали вибухи.", False),
])
def test_the_lead_naming_the_oblast_confirms_a_ukrainian_spelling_in_a_later_paragraph(resources, text, placed):
    """One-sentence paragraphs name the oblast once, in the lead; a paragraph naming another region does not count."""
    [res] = [r for r in resolve_text(resources, text) if r.place_id != "kursk-oblast"
             and r.mention.lemma not in ("Курск",)]
    assert (res.place_id is not None) is placed, res.reason


def test_a_name_followed_by_a_speech_verb_is_a_person(resources):
    (res,) = resolve_text(resources, "Zhukov said the offensive had stalled.")
    assert res.place_id is None and "speaker" in res.reason


@pytest.mark.parametrize(("russian", "expected"), [
    pytest.param("Вишневка", {"Вишнёвка"}, id="-ёвка"),
    pytest.param("Березовка", {"Берёзовка"}, id="-ёзовка"),
    pytest.param("Лебедевка", {"Лебедёвка"}, id="guess-is-harmless"),
    pytest.param("Гордеевка", set(), id="after-a-vowel"),
    pytest.param("Грушевка", set(), id="after-a-sibilant"),
])
def test_yo_variants_restore_a_stressed_suffix(russian, expected):
    assert yo_variants(russian) == expected


def test_yo_spelling_is_matched_in_english(resources):
    text = "Russia said its troops took Vishnyovka and Snagost in the Korenevo district."
    vishnevka = [i for i in settlement_ids(resources, text)
                 if resources.gazetteer.places[i].name_local == "Вишневка"]
    assert [resources.gazetteer.places[i].admin2 for i in vishnevka] == ["Korenevsky District"]


@pytest.mark.parametrize(("russian", "expected"), [
    pytest.param("10-й Октябрь", {"10th october"}, id="ordinal-month"),
    pytest.param("1-е Мая", {"1st may"}, id="first-may"),
    pytest.param("22-й Октябрь", {"22nd october"}, id="22nd"),
    pytest.param("Октябрь", set(), id="a-month-alone-is-a-date"),
    pytest.param("Суджа", set(), id="nothing-to-translate"),
])
def test_english_translations_of_numbered_names(russian, expected):
    assert english_translations(russian) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Russian forces liberated Snagost and 10th October, the ministry said.", id="en"),
    pytest.param("Освобождены Снагость и 10-й Октябрь.", id="ru"),
])
def test_a_place_from_the_addendum_is_found(resources, text):
    assert "addendum:korenevskiy:10-oktyabr" in settlement_ids(resources, text)


def test_a_month_alone_is_not_a_place(resources):
    assert settlement_ids(resources, "In October the front line moved little.") == []


@pytest.mark.parametrize(("russian", "ukrainian"), [
    pytest.param("Подол", "поділ", id="closed-final-syllable"),
    pytest.param("Новый Путь", "новий шлях", id="translated-word"),
    pytest.param("Меловой", "меловий", id="-ой"),
    pytest.param("Городок", "городок", id="fleeting-vowel-stays"),
    pytest.param("Николаевка", "миколаївка", id="Микола"),
    pytest.param("Алексеевка", "олексіївка", id="Олексій"),
    pytest.param("Гордеевка", "гордіївка", id="ї-after-a-vowel"),
    pytest.param("Васильевка", "василівка", id="soft-sign-goes"),
    pytest.param("Евдокимовка", "євдокимівка", id="initial-є"),
    pytest.param("Гуево", "гуєве", id="є-after-a-vowel"),
    pytest.param("Большое Солдатское", "велике солдатське", id="-ское-translated-adjective"),
    pytest.param("Черкасская Конопелька", "черкаська конопелька", id="-сская"),
    pytest.param("Русское Поречное", "руське поречне", id="-сское"),
    pytest.param("Казачья Локня", "казача локня", id="-ья"),
])
def test_ukrainian_forms_of_regular_correspondences(russian, ukrainian):
    assert ukrainian in ukrainian_forms(russian)


def test_ukrainian_ikavism_is_a_lower_tier_guess():
    assert "міловий" in ukrainian_spellings("Меловой")
    assert "milovyi" in ukrainian_spellings("Меловой")


@pytest.mark.parametrize(("ukrainian", "form"), [
    pytest.param("тьоткіно", "тьоткіного", id="-о-genitive"),
    pytest.param("плехове", "плеховому", id="-ове-locative"),
    pytest.param("міловий", "мілового", id="-ий-genitive"),
    pytest.param("суджа", "суджі", id="-а-genitive"),
])
def test_ukrainian_case_forms(ukrainian, form):
    assert form in ukrainian_case_forms(ukrainian)


@pytest.mark.parametrize(("text", "russian"), [
    pytest.param("Росіяни заявили про захоплення селища Міловий у Курській області.", "Меловой", id="Міловий"),
    pytest.param("Авіаудари по південній частині Тьоткіного в Курській області тривають.", "Теткино",
                 id="Тьоткіного"),
    pytest.param("Окупанти стверджують, що ЗСУ увійшли в Новий Шлях на Курщині.", "Новый Путь", id="Новий Шлях"),
])
def test_ukrainian_text_finds_the_russian_register_name(resources, text, russian):
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, russian)]


def test_ukrainian_form_of_a_shared_name_with_its_district(resources):
    text = "Росіяни захопили селище Поділ Суджанського району Курської області."
    ids = settlement_ids(resources, text)
    assert [resources.gazetteer.places[i].admin2 for i in ids] == ["Sudzhansky District"]


@pytest.mark.parametrize(("text", "russian"), [
    pytest.param("Ракета влучила в будинок у Рильську Курської області.", "Рыльск", id="Рильську"),
    pytest.param("У Курчатові Курської області впав дрон.", "Курчатов", id="Курчатові"),
    pytest.param("Росіяни заявили про захоплення Олешні на Курщині.", "Олешня", id="Олешні"),
    pytest.param("Бої тривають у Малій Локні на Курщині.", "Малая Локня", id="Малій Локні"),
    pytest.param("ЗСУ відійшли з Нижнього Клину Курської області.", "Нижний Клин", id="Нижнього Клину"),
    pytest.param("Росіяни атакували біля Горналі на Курщині.", "Горналь", id="Горналі"),
    pytest.param("Окупанти зайшли до Гуєвого на Курщині.", "Гуево", id="Гуєвого"),
])
def test_ukrainian_case_forms_of_consonant_and_ja_names(resources, text, russian):
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, russian)]


def test_ukrainian_adjectival_name_in_text(resources):
    text = "Бої тривають біля селища Велике Солдатське Курської області."
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, "Большое Солдатское")]


@pytest.mark.parametrize("text", [
    pytest.param("Бои идут у 10-го Октября в Курской области.", id="ru-genitive"),
    pytest.param("В 10-м Октябре Курской области слышны взрывы.", id="ru-locative"),
])
def test_an_ordinal_written_in_digits_declines_with_its_name(resources, text):
    """"10-й Октябрь" → "у 10-го Октября", "в 10-м Октябре": the whole name, not the village Октябрь."""
    found = [r for r in resolve_text(resources, text) if r.place_id and r.place_id != "kursk-oblast"]
    assert [r.mention.surface[:3] for r in found] == ["10-"]
    assert found[0].place_id.endswith("10-oktyabr")

