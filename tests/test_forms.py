"""Russian case forms: every inflected mention resolves to the right gazetteer id."""

from __future__ import annotations

import pytest

from geo.forms import case_forms, district_forms, is_common_word
from tests.places import only_place, resolve_text, settlement_ids

# (sentence, the Russian name of the one place it must resolve to). The names come from
# the gazetteer; the sentences are written for the test in the style of news text.
CASES = [
    # -ово, declined and undeclined
    ("Бои продолжаются в Плехове, сообщил источник.", "Плехово"),
    ("ВСУ выбиты из Плехова.", "Плехово"),
    ("Подразделения подошли к Плехову с юга.", "Плехово"),
    ("Над Плеховым сбит беспилотник.", "Плехово"),
    ("В Плехово продолжается зачистка.", "Плехово"),
    ("Штурм Свердликова начался утром.", "Свердликово"),
    ("В Свердликове уничтожен склад.", "Свердликово"),
    ("Под Свердликовым идут бои.", "Свердликово"),
    ("Колонна прошла через Гуево.", "Гуево"),
    ("В Гуеве работают саперы.", "Гуево"),
    ("Из Гуева эвакуированы жители.", "Гуево"),
    ("Обстрел Глушкова продолжался всю ночь.", "Глушково"),
    ("В Глушкове повреждена школа.", "Глушково"),
    # -ка
    ("Бои шли в районе Махновки.", "Махновка"),
    ("В Махновке уничтожена техника.", "Махновка"),
    ("Военные вошли в Махновку.", "Махновка"),
    ("Над Махновкой работала авиация.", "Махновка"),
    ("Противник закрепился у Мартыновки.", "Мартыновка"),
    ("В Мартыновке разрушены дома.", "Мартыновка"),
    ("Удар по Куриловке нанесли ночью.", "Куриловка"),
    ("Подступы к Заолешенке заминированы.", "Заолешенка"),
    # -жа, -ня, -ь
    ("Бои идут под Суджей.", "Суджа"),
    ("Жители Суджи эвакуированы.", "Суджа"),
    ("В Судже работает комендатура.", "Суджа"),
    ("Колонна двигалась на Суджу.", "Суджа"),
    ("В Олешне слышны взрывы.", "Олешня"),
    ("Бои у Олешни не стихают.", "Олешня"),
    ("Над Горналью сбиты дроны.", "Горналь"),
    ("В Горнали находится монастырь.", "Горналь"),
    ("Под Снагостью идут бои.", "Снагость"),
    # plural
    ("Бои у Погребков продолжаются.", "Погребки"),
    ("В Погребках выбит противник.", "Погребки"),
    # adjectival and two-word names
    ("В Кремяном повреждены дома.", "Кремяное"),
    ("Из Кремяного вывезли раненых.", "Кремяное"),
    ("Бои у Малой Локни не прекращаются.", "Малая Локня"),
    ("В Малой Локне освобожден интернат.", "Малая Локня"),
    ("Войска вошли в Малую Локню.", "Малая Локня"),
    ("Бои в Русском Поречном продолжаются.", "Русское Поречное"),
    ("Из Русского Поречного выведены силы.", "Русское Поречное"),
    ("Удар по Русскому Поречному нанесен утром.", "Русское Поречное"),
    ("Подразделения вышли к Черкасскому Поречному.", "Черкасское Поречное"),
    ("В Казачьей Локне работают медики.", "Казачья Локня"),
    ("У Зеленого Шляха сбит вертолет.", "Зеленый Шлях"),
    ("Под Большим Солдатским упал дрон.", "Большое Солдатское"),
    ("В Нижнем Реуте прошла эвакуация.", "Нижний Реут"),
    # hyphenated
    ("В Николаево-Дарьине идут бои.", "Николаево-Дарьино"),
    ("Удар по Николаево-Дарьино нанесен ночью.", "Николаево-Дарьино"),
    # ё spelled out, as the source never does
    ("Бои у Зелёного Шляха продолжаются.", "Зеленый Шлях"),
]


@pytest.mark.parametrize(("sentence", "russian"), [pytest.param(s, n, id=s.split()[2]) for s, n in CASES])
def test_inflected_form_resolves_to_its_place(resources, sentence, russian):
    assert settlement_ids(resources, sentence) == [only_place(resources.gazetteer, russian)]


def test_cases_cover_enough_forms_and_villages():
    assert len(CASES) >= 40
    assert len({n for _, n in CASES}) >= 12


@pytest.mark.parametrize(("sentence", "surface", "lemma"), [
    pytest.param("Бои под Суджей.", "Суджей", "Суджа", id="Суджей"),
    pytest.param("Бои в Русском Поречном.", "Русском Поречном", "Русское Поречное", id="Русском Поречном"),
])
def test_surface_and_lemma_are_recorded(resources, sentence, surface, lemma):
    (res,) = resolve_text(resources, sentence)
    assert res.mention.surface == surface
    assert res.mention.lemma == lemma
    assert sentence[res.mention.start:res.mention.end] == surface


def test_undeclined_ovo_names_keep_the_nominative_too():
    assert {"плехово", "плехове", "плехова"} <= case_forms("Плехово").forms


def test_district_forms_cover_the_cases():
    forms = district_forms("Суджанский")
    assert {"суджанский район", "суджанского района", "суджанском районе", "суджанским районом"} <= forms


@pytest.mark.parametrize(("word", "expected"), [
    pytest.param("заря", True, id="заря"),
    pytest.param("свобода", True, id="свобода"),
    pytest.param("рассвет", True, id="рассвет"),
    pytest.param("коммунар", True, id="коммунар"),
    pytest.param("махновка", False, id="махновка"),
    pytest.param("плехово", False, id="плехово"),
])
def test_common_word_detection(word, expected):
    import pymorphy3

    assert is_common_word(word, pymorphy3.MorphAnalyzer()) is expected


@pytest.mark.parametrize(("word", "common"), [
    pytest.param("теткино", False, id="possessive-тёткин"),
    pytest.param("медвежье", False, id="possessive-медвежий"),
    pytest.param("заря", True, id="noun-stays-common"),
    pytest.param("веселое", True, id="qualitative-adjective-stays-common"),
])
def test_possessive_adjectives_are_names_not_common_words(word, common):
    import pymorphy3

    assert is_common_word(word, pymorphy3.MorphAnalyzer()) is common


@pytest.mark.parametrize(("text", "russian"), [
    pytest.param("Теткино снова обстреляли ночью.", "Теткино", id="ru-sentence-start"),
    pytest.param("Tetkino was shelled again overnight.", "Теткино", id="en-sentence-start"),
])
def test_a_possessive_name_needs_no_cue(resources, text, russian):
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, russian)]
