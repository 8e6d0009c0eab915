"""Figures in phrasings the development articles lack, written for these tests: a toll
that rose "to" a number, and the Russian and Ukrainian count nouns (десяток, полсотни,
сотня, "две сотни", "півтора десятка", полтысячи) with and without a bound.
"""

from __future__ import annotations

import pytest

from geo.figures import find_amounts


def readings(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(a.figure.text, a.figure.low, a.figure.best, a.figure.high) for a in find_amounts(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a count that grew to a new total: the total, not an upper bound
    pytest.param("Число погибших выросло до семи человек.", [("семи", None, 7, None)], id="ru-выросло-до"),
    pytest.param("Число раненых увеличилось до 15.", [("15", None, 15, None)], id="ru-увеличилось-до"),
    pytest.param("Кількість поранених зросла до 12 осіб.", [("12", None, 12, None)], id="uk-зросла-до"),
    # "до" after any other word is still "up to"
    pytest.param("Противник потерял до 30 военнослужащих.", [("до 30", None, 30, 30)], id="ru-до-still-up-to"),
    # count nouns
    pytest.param("Понад десяток цивільних постраждали.", [("Понад десяток", 10, 10, None)], id="uk-понад-десяток"),
    pytest.param("Более десятка военных сдались в плен.", [("Более десятка", 10, 10, None)], id="ru-более-десятка"),
    pytest.param("Около полусотни военных ранены.", [("Около полусотни", None, 50, None)], id="ru-около-полусотни"),
    pytest.param("Загинули півсотні окупантів.", [("півсотні", None, 50, None)], id="uk-півсотні"),
    pytest.param("Понад сотню росіян взяли в полон.", [("Понад сотню", 100, 100, None)], id="uk-понад-сотню"),
    # a count of hundreds or tens, and half a thousand
    pytest.param("Погибли две сотни военных.", [("две сотни", None, 200, None)], id="ru-две-сотни"),
    pytest.param("Потери составили около трёх сотен человек.", [("около трёх сотен", None, 300, None)],
                 id="ru-около-трёх-сотен"),
    pytest.param("Ворог втратив більше двох сотень військових.", [("більше двох сотень", 200, 200, None)],
                 id="uk-більше-двох-сотень"),
    pytest.param("У полон потрапили півтора десятка окупантів.", [("півтора десятка", None, 15, None)],
                 id="uk-півтора-десятка"),
    pytest.param("Загинули два десятки військових.", [("два десятки", None, 20, None)], id="uk-два-десятки"),
    pytest.param("Уничтожено до полутысячи военных.", [("до полутысячи", None, 500, 500)], id="ru-до-полутысячи"),
    pytest.param("Загинули півтисячі військових.", [("півтисячі", None, 500, None)], id="uk-півтисячі"),
    pytest.param("Потери составили порядка двух с половиной тысяч военных.",
                 [("порядка двух с половиной тысяч", None, 2500, None)], id="ru-с-половиной"),
    pytest.param("Ворог втратив близько двох з половиною тисяч осіб.",
                 [("близько двох з половиною тисяч", None, 2500, None)], id="uk-з-половиною"),
    # the plural stays vague
    pytest.param("Погибли десятки военных.", [("десятки", None, None, None)], id="ru-десятки-vague"),
    pytest.param("Погибли сотни военных.", [("сотни", None, None, None)], id="ru-сотни-vague"),
])
def test_rise_to_and_count_nouns(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # GOLD.md: units keep their text, numbers null, in Ukrainian as in Russian and English
    pytest.param("Ворог перекинув до двох батальйонів морської піхоти.", [("до двох батальйонів", None, None, None)],
                 id="uk-до-двох-батальйонів"),
    pytest.param("Командування перекинуло два батальйони.", [("два батальйони", None, None, None)],
                 id="uk-два-батальйони"),
    pytest.param("Десантники знищили до роти окупантів.", [("до роти", None, None, None)], id="uk-до-роти"),
    pytest.param("Россия перебросила два полка.", [("два полка", None, None, None)], id="ru-два-полка"),
    pytest.param("Под Суджей уничтожена рота ВСУ.", [("рота", None, None, None)], id="ru-рота-subject"),
    # a unit word in the genitive names whose the soldiers are, not an amount
    pytest.param("Бойцы 95-й бригады уничтожили 20 военных.", [("20", None, 20, None)], id="ru-бойцы-бригады"),
    pytest.param("Бійці 95-ї бригади знищили 20 окупантів.", [("20", None, 20, None)], id="uk-бійці-бригади"),
    pytest.param("Командир роти повідомив про втрати.", [], id="uk-командир-роти"),
])
def test_units_as_amounts_and_as_owners(text, expected):
    assert readings(text) == expected
