"""What is claimed, on sentences written for these tests in the style of wires, ministries and
Telegram-sourced reports (not copied from the development articles): equipment counted by air
defence is no loss of people, a withdrawal written as a noun is control of ground, and the
look-alikes of both stay out.
"""

from __future__ import annotations

import pytest

from geo.model import Kind
from tests.test_probe_claims import claims, numbers


@pytest.mark.parametrize("text", [
    pytest.param("Russia launched 87 drones overnight. The Ukrainian Air Force said 33 were intercepted and "
                 "another 36 were lost to electronic warfare.", id="en-intercepted-and-lost"),
    pytest.param("Over the Kursk region, 14 drones were shot down and 6 more were lost, the ministry said.",
                 id="en-shot-down-and-more-lost"),
    pytest.param("Ukraine launched 60 drones at the Kursk region; 24 were shot down and another 36 were lost, "
                 "probably jammed, the ministry said.", id="en-lost-probably-jammed"),
    pytest.param("Ukraine lost 12 Western-supplied tanks near Sudzha in a week, according to the Russian Defense "
                 "Ministry.", id="en-hyphenated-adjective-before-tanks"),
    pytest.param("Ночью над Курской областью ПВО сбила 20 беспилотников, еще 8 были подавлены средствами РЭБ.",
                 id="ru-сбила-подавлены"),
    pytest.param("Над Курщиною збито 15 ударних дронів, ще 10 локаційно втрачено, повідомили Повітряні сили.",
                 id="uk-збито-локаційно-втрачено"),
])
def test_equipment_lost_to_air_defence_is_no_loss_of_people(resources, text):
    assert claims(resources, text) == ()


@pytest.mark.parametrize(("text", "kind", "figure"), [
    # people still count beside equipment and in a sentence about air defence
    pytest.param("Ukrainian forces lost 300 soldiers and 12 tanks near Sudzha, the Russian Defense Ministry said.",
                 Kind.KILLED_OR_WOUNDED, (None, 300, None), id="en-soldiers-and-tanks"),
    pytest.param("Air defence shot down a drone over Rylsk, and two people were injured by its debris, the "
                 "governor said.", Kind.WOUNDED, (None, 2, None), id="en-injured-by-a-downed-drone"),
    pytest.param("Над Рыльском сбит беспилотник, погибли двое мирных жителей, сообщил губернатор.",
                 Kind.KILLED, (None, 2, None), id="ru-погибли-после-сбития"),
    pytest.param("Air defence units lost 20 soldiers near Sudzha, the Ukrainian General Staff said.",
                 Kind.KILLED_OR_WOUNDED, (None, 20, None), id="en-air-defence-lost-soldiers"),
])
def test_people_still_count_where_air_defence_is_named(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]
