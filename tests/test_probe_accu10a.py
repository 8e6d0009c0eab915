"""Who makes a claim, on sentences written for these tests in the style of wires, ministries
and Ukrainian and Russian outlets (not copied from the development articles): the short
"Головком" refers back like any title, "the outlet" and "видання" refer to an outlet named
before (else nobody), "по их словам" to the speakers named before (never the words
themselves), a body's full Ukrainian name after its verb is the body, an assurance after the
claim names its body, a date may stand between a body and its verb, and the subject of a
passive verb ("The liberation of X was announced") is what was said, not who said it.
"""

from __future__ import annotations

import pytest

from tests.test_probe_attribution import claimants

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
GS = "General Staff of the Armed Forces of Ukraine"


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(UK + "Головком ЗСУ Олександр Сирський побував на передовій.\n\nГоловком заявив, що ворог втратив "
                 "300 осіб біля Суджі.", "Oleksandr Syrskyi", id="uk-головком-refers-back"),
    pytest.param(RU + "Главком ВСУ Александр Сырский побывал на передовой.\n\nГлавком заявил, что ВСУ потеряли 300 "
                 "военнослужащих под Суджей.", "Oleksandr Syrskyi", id="ru-главком-refers-back"),
    # nobody introduced: a title is nobody known, not a claimant called "Головком"
    pytest.param(UK + "Головком заявив, що ворог втратив 300 осіб біля Суджі.", None, id="uk-головком-alone"),
])
def test_the_commander_in_chief_refers_back(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize("text", [
    pytest.param(UK + "За даними видання, ворог втратив 300 осіб біля Суджі.", id="uk-за-даними-видання"),
    pytest.param(RU + "По данным издания, ВСУ потеряли 300 военнослужащих под Суджей.", id="ru-по-данным-издания"),
    pytest.param("Russia lost 300 soldiers near Sudzha, the outlet reported.", id="en-the-outlet-reported"),
])
def test_the_outlet_with_no_outlet_named_before_is_nobody(resources, text):
    assert claimants(resources, text) == [None]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "Военкоры сообщили о тяжелых боях. По их словам, ВСУ потеряли 300 военнослужащих под Суджей.",
                 "Russian milbloggers", id="ru-по-их-словам-after-speakers"),
    pytest.param(RU + "По их словам, ВСУ потеряли 300 военнослужащих под Суджей.", None, id="ru-по-их-словам-alone"),
    pytest.param(UK + "За їхніми словами, ворог втратив 300 осіб біля Суджі.", None, id="uk-за-їхніми-словами-alone"),
])
def test_their_words_refer_back_never_name_the_words(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize("text", [
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі, повідомляє Генеральний штаб ЗСУ.", id="uk-генеральний-штаб-зсу"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі, повідомляє Генеральний штаб Збройних сил України.",
                 id="uk-генеральний-штаб-збройних-сил"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі, запевнили в Генштабі ЗСУ.", id="uk-запевнили-в"),
    pytest.param(UK + "Генштаб ЗСУ 5 березня повідомив, що ворог втратив 300 осіб біля Суджі.", id="uk-date-between"),
])
def test_the_general_staff_after_or_before_its_verb(resources, text):
    assert claimants(resources, text) == [GS]


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Минобороны России 13 марта объявило об освобождении Суджи.", id="ru-date-between"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, заверили в Минобороны России.", id="ru-заверили-в"),
    # the country as an adjective before the ministry
    pytest.param(UK + "Російське Міноборони заявило, що ЗСУ втратили 300 військових біля Суджі.", id="uk-російське"),
    pytest.param(UK + "У російському Міноборони заявили про звільнення Суджі.", id="uk-у-російському"),
    # a report on what was done
    pytest.param(RU + "Минобороны России отчиталось об освобождении Суджи.", id="ru-отчиталось-об"),
    pytest.param(RU + "В Минобороны России отчитались об освобождении Суджи.", id="ru-в-X-отчитались"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, отчитались в Минобороны.", id="ru-отчитались-в"),
    pytest.param(UK + "Міноборони Росії прозвітувало про захоплення Суджі.", id="uk-прозвітувало-про"),
    pytest.param(RU + "Как уверяют в Минобороны России, ВСУ потеряли 300 военнослужащих под Суджей.",
                 id="ru-как-уверяют-в"),
])
def test_the_ministry_with_a_date_an_assurance_a_report_or_its_adjective(resources, text):
    assert claimants(resources, text) == ["Russian Defense Ministry"]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("The liberation of Sudzha was announced on Friday.", None, id="en-passive-alone"),
    pytest.param("The Russian Defense Ministry said its forces had advanced. The liberation of Sudzha was announced "
                 "on Friday.", "Russian Defense Ministry", id="en-passive-after-the-body"),
])
def test_the_subject_of_a_passive_is_no_speaker(resources, text, claimant):
    assert claimants(resources, text)[-1:] == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Курский губернатор: ВСУ потеряли 300 военнослужащих под Суджей\n\nГубернатор Курской области "
                 "Александр Хинштейн заявил, что ВСУ потеряли 300 военнослужащих под Суджей.", "Alexander Khinshtein",
                 id="ru-title-head-then-the-holder"),
    pytest.param("Ворог втратив 300 осіб біля Суджі: зведення Генштабу\n\nЗа минулу добу ворог втратив 300 осіб "
                 "біля Суджі.", GS, id="uk-headline-closing-on-the-document"),
    pytest.param("ВСУ потеряли 300 военнослужащих под Суджей — сводка Минобороны России\n\nЗа сутки ВСУ потеряли "
                 "300 военнослужащих под Суджей.", "Russian Defense Ministry", id="ru-headline-dash-document"),
])
def test_a_headline_passes_its_source_on(resources, text, claimant):
    assert claimants(resources, text) == [claimant, claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей. Эти данные привел начальник Генштаба Валерий "
                 "Герасимов.", "Valery Gerasimov", id="ru-эти-данные-привел"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей. Эти цифры назвал Герасимов.", "Valery Gerasimov",
                 id="ru-эти-цифры-назвал"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі. Ці дані навів Сирський.", "Oleksandr Syrskyi",
                 id="uk-ці-дані-навів"),
    pytest.param("Russia lost 300 soldiers near Sudzha. The figures were given by Syrskyi.", "Oleksandr Syrskyi",
                 id="en-the-figures-were-given-by"),
    # the information named as such, its object first
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей. Соответствующую информацию опубликовало "
                 "Минобороны России.", "Russian Defense Ministry", id="ru-соответствующую-информацию"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі. Відповідні дані оприлюднив Генштаб ЗСУ.", GS,
                 id="uk-відповідні-дані"),
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі. Інформацію про це оприлюднив Генштаб ЗСУ.", GS,
                 id="uk-інформацію-про-це"),
    pytest.param("Russia lost 300 soldiers near Sudzha. The figures come from Ukraine's General Staff.", GS,
                 id="en-the-figures-come-from"),
    # the figures named, with no source: nobody
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей. Эти данные пока не подтверждены.", None,
                 id="ru-эти-данные-unconfirmed"),
])
def test_the_figures_named_after_them_name_their_source(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize("text", [
    pytest.param("Ukraine's commander-in-chief said Russia lost 300 soldiers near Sudzha.", id="en-before"),
    pytest.param("Russia lost 300 soldiers near Sudzha, Ukraine's commander-in-chief said.", id="en-after"),
    pytest.param(UK + "Головнокомандувач ЗСУ заявив, що ворог втратив 300 осіб біля Суджі.", id="uk-головнокомандувач-зсу"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, заявил главком ВСУ.", id="ru-главком-всу"),
])
def test_the_commander_in_chief_of_ukraines_army_is_syrskyi(resources, text):
    assert claimants(resources, text) == ["Oleksandr Syrskyi"]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Ukraine lost 300 soldiers near Sudzha, Russia's chief of general staff said.", "Valery Gerasimov",
                 id="en-russias-chief-of-general-staff"),
    pytest.param("Ukraine lost 300 soldiers near Sudzha, the Russian army's top general said.", "Valery Gerasimov",
                 id="en-russian-armys-top-general"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, заявил начальник Генштаба ВС РФ.", "Valery Gerasimov",
                 id="ru-начальник-генштаба-вс-рф"),
    pytest.param("Kyiv's top commander said Russia lost 300 soldiers near Sudzha.", "Oleksandr Syrskyi",
                 id="en-kyivs-top-commander"),
    pytest.param("Ukraine's army chief said Russia lost 300 soldiers near Sudzha.", "Oleksandr Syrskyi",
                 id="en-ukraines-army-chief"),
    # the Ukrainian General Staff itself stays the body
    pytest.param("Ukraine's General Staff said Russia lost 300 soldiers near Sudzha.", GS, id="en-the-body-itself"),
    # heads of state
    pytest.param("Russia lost 300 soldiers near Sudzha, the Ukrainian president said.", "Volodymyr Zelensky",
                 id="en-the-ukrainian-president"),
    pytest.param(UK + "Президент України заявив, що ворог втратив 300 осіб біля Суджі.", "Volodymyr Zelensky",
                 id="uk-президент-україни"),
    pytest.param("Ukraine lost 300 soldiers near Sudzha, the Kremlin leader said.", "Vladimir Putin",
                 id="en-the-kremlin-leader"),
    pytest.param(RU + "Президент РФ заявил, что ВСУ потеряли 300 военнослужащих под Суджей.", "Vladimir Putin",
                 id="ru-президент-рф"),
    # a leader or head of state named before, referred to by a title
    pytest.param(RU + "Путин провел совещание. Российский лидер заявил, что ВСУ потеряли 300 военнослужащих под "
                 "Суджей.", "Vladimir Putin", id="ru-российский-лидер-refers-back"),
    pytest.param(RU + "Путин провел совещание. Глава государства заявил, что ВСУ потеряли 300 военнослужащих под "
                 "Суджей.", "Vladimir Putin", id="ru-глава-государства-refers-back"),
    pytest.param(UK + "Путін провів нараду. Російський диктатор заявив, що ЗСУ втратили 300 військових біля Суджі.",
                 "Vladimir Putin", id="uk-російський-диктатор-refers-back"),
])
def test_an_office_named_with_its_country_or_referring_back_is_its_holder(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Russia lost 300 soldiers near Sudzha, said Ukraine's top commander, Oleksandr Syrskyi.",
                 "Oleksandr Syrskyi", id="en-title-comma-name"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, заявил губернатор Курской области, Александр "
                 "Хинштейн.", "Alexander Khinshtein", id="ru-title-comma-name"),
    # where it was said, between the verb and the name
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, сообщил в своем Telegram-канале Хинштейн.",
                 "Alexander Khinshtein", id="ru-в-своем-telegram-канале"),
])
def test_an_inverted_verb_with_a_title_or_venue_then_the_name(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(UK + "Ворог втратив 300 осіб біля Суджі, — підсумував Сирський.", "Oleksandr Syrskyi",
                 id="uk-підсумував"),
    pytest.param(RU + "ВСУ потеряли 300 военнослужащих под Суджей, — резюмировал Герасимов.", "Valery Gerasimov",
                 id="ru-резюмировал"),
    pytest.param("Russia lost 300 soldiers near Sudzha, Syrskyi summed up.", "Oleksandr Syrskyi", id="en-summed-up"),
    pytest.param("Syrskyi briefed reporters on Monday: Russia lost 300 soldiers near Sudzha.", "Oleksandr Syrskyi",
                 id="en-briefed"),
    # the outlet told, of two words, between the verb and the body that told it
    pytest.param(RU + "Российские войска освободили Суджу, сообщили РИА Новости в силовых структурах.",
                 "Russian security forces", id="ru-сообщили-outlet-в-X"),
    pytest.param("Ukrainian troops have pulled back from Sudzha, Ukrainian analysts at DeepState said on Sunday.",
                 "DeepState", id="en-analysts-at-X"),
])
def test_summaries_and_analysts_at_a_source(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(UK + "Російські війська увійшли до Суджі, видно на мапі DeepState.", "DeepState", id="uk-видно-на-мапі"),
    pytest.param(UK + "Російські війська увійшли до Суджі, йдеться на карті DeepState.", "DeepState",
                 id="uk-йдеться-на-карті"),
    pytest.param(UK + "На мапі DeepState видно, що російські війська увійшли до Суджі.", "DeepState",
                 id="uk-на-мапі-X-видно"),
    pytest.param(RU + "На карте DeepState отмечено, что российские войска вошли в Суджу.", "DeepState",
                 id="ru-на-карте-X-отмечено"),
    # a map of nobody named: nobody
    pytest.param(RU + "На карте боевых действий видно, что российские войска вошли в Суджу.", None,
                 id="ru-на-карте-боевых-действий"),
])
def test_what_a_known_makers_map_shows(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_a_topic_and_a_time_after_the_verb_are_no_outlet_told():
    """ "сообщили о взрывах в течение ночи": the words after "в" are a time, not a body that told."""
    from geo.attribution import find_attributions

    text = "Жители сообщили о Судже в течение всей ночи."
    assert [a.name for a in find_attributions(text, 0, len(text))] == ["Жители"]
