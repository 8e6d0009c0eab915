"""What is claimed, on sentences written for these tests in the style of wires, ministries and
regional outlets (not copied from the development articles): forces taken up by a pronoun
after the verb that moves them ("gathers reserves and moves them to Kursk") are deployed;
with the look-alikes of each.
"""

from __future__ import annotations

import pytest

from geo.model import Kind
from tests.test_probe_claims import claims, numbers

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
EN = "Fighting in Kursk oblast.\n\n"


def kinds_and_figures(resources, text: str):
    return [(c.kind, numbers(c)) for c in claims(resources, text)]


@pytest.mark.parametrize("text", [
    pytest.param(EN + "Ukraine is gathering reserves and moving them to Kursk, the ministry said.", id="en-moving-them"),
    pytest.param(EN + "Russia has pulled units from Zaporizhzhia and sent them to the Kursk region, the ISW said.",
                 id="en-sent-them"),
    pytest.param(RU + "Противник собирает резервы и перебрасывает их в Курскую область, сообщили в Минобороны.",
                 id="ru-перебрасывает-их"),
    pytest.param(UK + "Росія знімає підрозділи з півдня та перекидає їх на Курщину, повідомив Сирський.",
                 id="uk-перекидає-їх"),
])
def test_forces_taken_up_by_a_pronoun_are_deployed(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.DEPLOYED, None)]


@pytest.mark.parametrize("text", [
    pytest.param(EN + "Russia bought drones from Iran and sent them to the Kursk region, the ISW said.",
                 id="en-drones-sent-them"),
    pytest.param(RU + "Россия закупила беспилотники и перебрасывает их в Курскую область.", id="ru-беспилотники-их"),
    pytest.param(EN + "The ministry moved them to a safer place.", id="en-no-force-named"),
])
def test_a_pronoun_for_equipment_or_nothing_named_is_no_deployment(resources, text):
    assert kinds_and_figures(resources, text) == []


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Мы удерживаем позиции, заявил командир батальона.", id="ru-удерживаем-позиции"),
    pytest.param(EN + "\"We hold our positions,\" the battalion commander said.", id="en-hold-our-positions"),
    pytest.param(UK + "Ми утримуємо позиції, заявив командир бригади.", id="uk-утримуємо-позиції"),
    pytest.param(RU + "«Мы держим позиции и будем держать», — сказал командир.", id="ru-держим-позиции"),
])
def test_positions_held_on_no_named_ground_are_no_control(resources, text):
    assert kinds_and_figures(resources, text) == []


@pytest.mark.parametrize("text", [
    pytest.param(RU + "ВСУ удерживают позиции у Суджи, сообщили военкоры.", id="ru-позиции-у-X"),
    pytest.param(EN + "Ukrainian troops still hold positions in the Kursk region, the general staff said.",
                 id="en-positions-in-the-region"),
    pytest.param(UK + "ЗСУ утримують позиції на Курщині, заявив Сирський.", id="uk-позиції-на-Курщині"),
    pytest.param(UK + "За даними аналітиків, українські військові взяли під контроль позиції в селищі.",
                 id="uk-позиції-в-селищі"),
])
def test_positions_on_named_ground_stay_control(resources, text):
    assert kinds_and_figures(resources, text) == [(Kind.CONTROL, None)]
