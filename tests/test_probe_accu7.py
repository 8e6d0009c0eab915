"""Who claims it, on sentences written for these tests in the style of Russian and Ukrainian
reports (not copied from the development articles): the addressee of a report in the dative
is the listener, not its speaker, and a confirmation is a statement of its speaker.
"""

from __future__ import annotations

import pytest

from tests.test_probe_attribution import claimants


@pytest.mark.parametrize(("text", "claimant"), [
    # the listener after the speaker: "доложил Герасимов Путину" is Gerasimov's report to Putin
    pytest.param("ВСУ отошли из Суджи, доложил Герасимов Путину.", "Valery Gerasimov", id="ru-доложил-X-Путину"),
    pytest.param("Українські сили відступили з Суджі, доповів Сирський Зеленському.", "Oleksandr Syrskyi",
                 id="uk-доповів-X-Зеленському"),
    # the listener before the speaker still reads as before
    pytest.param("ВСУ отошли из Суджи, доложил Путину Герасимов.", "Valery Gerasimov", id="ru-доложил-Путину-X"),
])
def test_the_addressee_in_the_dative_is_not_the_speaker(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Генштаб ЗСУ підтвердив відступ українських військ із Суджі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-підтвердив-відступ"),
    pytest.param("ВСУ отошли из Суджи, подтвердил Герасимов.", "Valery Gerasimov", id="ru-подтвердил-X"),
])
def test_a_confirmation_is_its_speakers_claim(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_a_refusal_to_confirm_is_still_no_claim(resources):
    assert claimants(resources, "Генштаб не подтвердил отход ВСУ из Суджи.") == []
