"""What is claimed, on sentences written for these tests in the style of wires, ministries and
regional outlets (not copied from the development articles), each with its look-alikes:

- forces taken up by a pronoun after the verb that moves them ("gathers reserves and moves
  them to Kursk") are deployed; a pronoun for equipment, or for nothing named, is not;
- positions held are control only on named ground (GOLD.md): "We hold our positions" alone
  is no claim, "positions near Sudzha", "in the Kursk region" or in a paragraph that names it is;
- the Ukrainian passive of taking prisoners after its amount ("ще 40 узяті в полон"), and
  units counted in the instrumental ("зв'язок з двома ротами": units, numbers null);
- a loss or a movement of forces without a figure in a report refused, denied or asked about
  ("Песков не стал комментировать сообщения о переброске войск") is no claim; the speaker's
  own words after the refusal ("…, but said …") and a figure denied still are;
- casualties in a paragraph set in another region ("Russian troops shelled the Sumy region.
  Three civilians were killed") are unplaced even when the article names Kursk elsewhere;
- an advance near or towards a place is no control, whatever its depth ("продвинулись на 2 км
  у Суджи", GOLD.md); one into the ground or without a place stays control of the oblast;
- a share of ground held, its ground further on ("под контролем ВСУ остается менее 10% от ранее
  захваченной ими территории", "less than 10 percent of the territory it captured"), is control;
  a share of anything else is not;
- the items of a dash list under a lead that speaks of losses ("сообщило о потерях ВСУ:\n—
  более 200 военнослужащих;") are killed or wounded; equipment items and other leads are not.
"""

from __future__ import annotations

import pytest

from geo.model import Kind
from tests.test_probe_claims import claims, numbers

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
EN = "Fighting in Kursk oblast.\n\n"

DEPLOYED = [(Kind.DEPLOYED, None)]
CONTROL = [(Kind.CONTROL, None)]
NOTHING: list = []


def kinds_and_figures(resources, text: str):
    return [(c.kind, numbers(c)) for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(EN + "Ukraine is gathering reserves and moving them to Kursk, the ministry said.", DEPLOYED,
                 id="en-moving-them"),
    pytest.param(EN + "Russia has pulled units from Zaporizhzhia and sent them to the Kursk region, the ISW said.",
                 DEPLOYED, id="en-sent-them"),
    pytest.param(RU + "Противник собирает резервы и перебрасывает их в Курскую область, сообщили в Минобороны.",
                 DEPLOYED, id="ru-перебрасывает-их"),
    pytest.param(RU + "Противник подтягивает резервы и направляет их под Суджу, сообщили военкоры.", DEPLOYED,
                 id="ru-направляет-их"),
    pytest.param(RU + "Министерство направляет запрос в Курскую область.", NOTHING, id="ru-направляет-запрос"),
    pytest.param(UK + "Росія знімає підрозділи з півдня та перекидає їх на Курщину, повідомив Сирський.", DEPLOYED,
                 id="uk-перекидає-їх"),
    # the pronoun stands for equipment, or for nothing the sentence names
    pytest.param(EN + "Russia bought drones from Iran and sent them to the Kursk region, the ISW said.", NOTHING,
                 id="en-drones-sent-them"),
    pytest.param(RU + "Россия закупила беспилотники и перебрасывает их в Курскую область.", NOTHING,
                 id="ru-беспилотники-их"),
    pytest.param(EN + "The ministry moved them to a safer place.", NOTHING, id="en-no-force-named"),
])
def test_forces_taken_up_by_a_pronoun(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Мы удерживаем позиции, заявил командир батальона.", NOTHING, id="ru-удерживаем-позиции"),
    pytest.param(EN + "\"We hold our positions,\" the battalion commander said.", NOTHING, id="en-hold-our-positions"),
    pytest.param(UK + "Ми утримуємо позиції, заявив командир бригади.", NOTHING, id="uk-утримуємо-позиції"),
    pytest.param(RU + "«Мы держим позиции и будем держать», — сказал командир.", NOTHING, id="ru-держим-позиции"),
    # the same on named ground
    pytest.param(RU + "ВСУ удерживают позиции у Суджи, сообщили военкоры.", CONTROL, id="ru-позиции-у-X"),
    pytest.param(EN + "Ukrainian troops still hold positions in the Kursk region, the general staff said.", CONTROL,
                 id="en-positions-in-the-region"),
    pytest.param(UK + "ЗСУ утримують позиції на Курщині, заявив Сирський.", CONTROL, id="uk-позиції-на-Курщині"),
    pytest.param(UK + "За даними аналітиків, українські військові взяли під контроль позиції в селищі.", CONTROL,
                 id="uk-позиції-в-селищі"),
    # the region named in the paragraph, as the dev gold reads "… тримають оборону. ЗСУ займають … позиції"
    pytest.param(UK + "Штурмовий полк виконує завдання на Курщині. Ми утримуємо позиції, заявив командир.", CONTROL,
                 id="uk-region-in-the-paragraph"),
])
def test_positions_are_control_only_on_named_ground(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(UK + "«Ворог втратив понад 200 осіб біля Суджі, — сказав Сирський. — Ще 40 узяті в полон».",
                 [(Kind.KILLED_OR_WOUNDED, (200, 200, None)), (Kind.CAPTURED, (None, 40, None))],
                 id="uk-split-quote-узяті"),
    pytest.param(UK + "Ще 40 взяті в полон, повідомив Сирський.", [(Kind.CAPTURED, (None, 40, None))],
                 id="uk-взяті-в-полон"),
    pytest.param(UK + "Ще 10 здалися в полон біля Суджі, повідомив Сирський.", [(Kind.CAPTURED, (None, 10, None))],
                 id="uk-здалися-в-полон"),
    pytest.param(UK + "Ще 10 бійців здалися мені втомленими.", NOTHING, id="uk-здалися-seemed"),
    pytest.param(RU + "«Мы потеряли связь с двумя ротами, — сказал командир. — Еще около 20 человек ранены».",
                 [(Kind.MISSING, (None, None, None)), (Kind.WOUNDED, (None, 20, None))], id="ru-двумя-ротами"),
    pytest.param(UK + "Командування втратило зв'язок з двома батальйонами біля Суджі.",
                 [(Kind.MISSING, (None, None, None))], id="uk-двома-батальйонами"),
])
def test_prisoners_after_their_amount_and_units_counted(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "В Минобороны опровергли сообщения о гибели военнослужащих под Суджей.", NOTHING,
                 id="ru-опровергли-сообщения-о-гибели"),
    pytest.param(UK + "У Міноборони спростували повідомлення про загибель військових біля Суджі.", NOTHING,
                 id="uk-спростували-повідомлення"),
    pytest.param(EN + "The ministry denied reports that soldiers had been killed near Sudzha.", NOTHING,
                 id="en-denied-reports"),
    pytest.param(RU + "Песков не стал комментировать сообщения о переброске северокорейских войск в Курскую область.",
                 NOTHING, id="ru-не-стал-комментировать"),
    pytest.param(EN + "The Pentagon declined to say how many North Korean soldiers had been killed in Kursk.", NOTHING,
                 id="en-declined-to-say-how-many"),
    pytest.param(EN + "Asked whether North Korean troops had been killed in Kursk, Kirby said he had no information.",
                 NOTHING, id="en-asked-whether"),
    pytest.param(EN + "It is unclear whether Russia has sent reinforcements to Kursk.", NOTHING, id="en-unclear-whether"),
    # the speaker's own words after the refusal, and a figure denied
    pytest.param(EN + "The ministry dismissed the report and said Ukrainian units had been sent to Kursk.", DEPLOYED,
                 id="en-dismissed-and-said"),
    pytest.param(RU + "Песков отказался от комментариев, однако Гладков сообщил о гибели мирных жителей в Судже.",
                 [(Kind.KILLED, None)], id="ru-однако-сообщил"),
    pytest.param(RU + "В Минобороны опровергли сообщения о гибели 200 военнослужащих под Суджей.",
                 [(Kind.KILLED, (None, 200, None))], id="ru-figure-denied"),
])
def test_a_refused_report_without_a_figure_is_no_claim(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


def places_of(resources, text: str):
    return [(c.kind, [p.place_id for p in c.places]) for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Russian troops shelled the Sumy region overnight\nThe attacks on the Sumy region hit 12 communities. Three "
                 "civilians were killed, the regional military administration said.\n\nUkraine's incursion into Kursk oblast "
                 "began in August.", [(Kind.KILLED, [])], id="en-sumy-paragraph"),
    pytest.param("Обстрелы Белгородской области\nВСУ обстреляли приграничные села Белгородской области. Погибли два "
                 "мирных жителя, сообщил Гладков.\n\nБои в Курской области продолжаются.", [(Kind.KILLED, [])],
                 id="ru-belgorod-paragraph"),
    pytest.param("Обстріли Сумщини\nРосіяни обстріляли прикордонні громади Сумщини. Загинули двоє цивільних, "
                 "повідомила ОВА.\n\nБої на Курщині тривають.", [(Kind.KILLED, [])], id="uk-sumy-paragraph"),
    # the same casualties in a paragraph set in Kursk oblast keep the oblast
    pytest.param("Обстрелы Курской области\nВСУ обстреляли приграничные села Курской области. Погибли два мирных "
                 "жителя, сообщил Хинштейн.", [(Kind.KILLED, ["kursk-oblast"])], id="ru-kursk-paragraph"),
])
def test_casualties_of_a_paragraph_set_in_another_region_are_unplaced(resources, text, expected):
    assert places_of(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "ВСУ продвинулись на 2 км у Суджи, сообщили военкоры.", NOTHING, id="ru-на-2-км-у-X"),
    pytest.param(RU + "Российские подразделения продвинулись на 5 км в направлении Суджи.", NOTHING,
                 id="ru-в-направлении-X"),
    pytest.param(UK + "ЗСУ просунулися на 2 км біля Суджі, повідомили військові.", NOTHING, id="uk-на-2-км-біля-X"),
    pytest.param(EN + "Ukrainian forces advanced 2 km near Sudzha, military bloggers said.", NOTHING,
                 id="en-2-km-near-X"),
    pytest.param(EN + "Russian forces pushed 3 km towards Sudzha, the ministry said.", NOTHING, id="en-pushed-towards-X"),
    # into the ground, or gained in depth with no place: control of the oblast
    pytest.param(RU + "ВСУ продвинулись вглубь Курской области на 30 км, сообщили военкоры.", CONTROL,
                 id="ru-вглубь-области"),
    pytest.param(EN + "Ukrainian forces advanced 30 km into the Kursk region, military bloggers said.", CONTROL,
                 id="en-into-the-region"),
    pytest.param(RU + "ВСУ продвинулись на 2 км, сообщили военкоры.", CONTROL, id="ru-на-2-км"),
    # a push that drives a side out is no advance
    pytest.param(EN + "Russian forces pushed Ukrainian troops out of positions near Sudzha, the ministry said.", CONTROL,
                 id="en-pushed-out-of"),
])
def test_an_advance_near_or_towards_a_place_is_no_control(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Под контролем ВСУ остается менее 10% от ранее захваченной ими в августе территории Курской "
                 "области, заявил Герасимов.", CONTROL, id="ru-менее-10%-от-территории"),
    pytest.param(RU + "Под контролем украинских войск сейчас остается лишь около 6% изначально занятой площади, "
                 "сообщил Генштаб.", CONTROL, id="ru-6%-площади"),
    pytest.param(EN + "Ukraine still controls less than 10 percent of the territory it initially captured in Kursk, "
                 "Gerasimov said.", CONTROL, id="en-10-percent-of-the-territory"),
    pytest.param(UK + "Під контролем ЗСУ залишається менш ніж 10% від захопленої торік території, заявив Герасимов.",
                 CONTROL, id="uk-менш-ніж-10%-території"),
    # a share of something else
    pytest.param(EN + "Ukraine controls 10 percent of its budget for drones, the minister said.", NOTHING,
                 id="en-share-of-a-budget"),
    pytest.param(RU + "Противник контролирует 40% поставок техники, заявил эксперт.", NOTHING, id="ru-share-of-supplies"),
])
def test_a_share_of_ground_held_is_control(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Минобороны сообщило о потерях ВСУ:\n— более 200 военнослужащих;\n— 3 танка;\n— 40 взяты в плен.",
                 [(Kind.KILLED_OR_WOUNDED, (200, 200, None)), (Kind.CAPTURED, (None, 40, None))], id="ru-о-потерях"),
    pytest.param(UK + "За добу ворог втратив:\n– 120 осіб;\n– 5 танків.", [(Kind.KILLED_OR_WOUNDED, (None, 120, None))],
                 id="uk-втратив"),
    pytest.param(EN + "Russia's losses over the day, according to the General Staff:\n- 1,200 personnel;\n- 12 tanks.",
                 [(Kind.KILLED_OR_WOUNDED, (None, 1200, None))], id="en-losses"),
    # equipment only, or a lead of something else
    pytest.param(RU + "Минобороны сообщило о потерях ВСУ:\n— 3 танка;\n— 2 бронемашины.", NOTHING, id="ru-equipment"),
    pytest.param(RU + "Минобороны сообщило о ходе операции:\n— 200 военнослужащих;\n— 3 танка.", NOTHING,
                 id="ru-other-lead"),
])
def test_items_under_a_lead_of_losses_are_losses(resources, text, expected):
    assert kinds_and_figures(resources, text) == expected
