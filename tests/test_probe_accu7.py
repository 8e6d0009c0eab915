"""What is claimed and who claims it, on sentences written for these tests in the style of
wires, ministries, Telegram-sourced reports and regional outlets (not copied from the
development articles): the addressee of a report in the dative is the listener, not its
speaker; a confirmation is a statement; ground lost with the place as the verb's object is
control (people and things lost are not); an amount after "said" with its verb after it is the
reported clause's subject; a quote starts and ends at the claim, not at its attribution; and
the look-alikes of each stay out.
"""

from __future__ import annotations

import pytest

from geo.model import Kind
from tests.test_probe_attribution import claimants
from tests.test_probe_claims import claims, numbers


@pytest.mark.parametrize(("text", "claimant"), [
    # the listener after the speaker: "доложил Герасимов Путину" is Gerasimov's report to Putin
    pytest.param("ВСУ отошли из Суджи, доложил Герасимов Путину.", "Valery Gerasimov", id="ru-доложил-X-Путину"),
    pytest.param("Українські сили відступили з Суджі, доповів Сирський Зеленському.", "Oleksandr Syrskyi",
                 id="uk-доповів-X-Зеленському"),
    # the listener a title or a plural: "президенту", "Верховному главнокомандующему", "журналистам"
    pytest.param("Бои в Курской области.\n\nРоссийские войска освободили Суджу, доложил Герасимов президенту.",
                 "Valery Gerasimov", id="ru-доложил-X-президенту"),
    pytest.param("Бои в Курской области.\n\nРоссийские войска освободили Суджу, доложил Герасимов Верховному "
                 "главнокомандующему.", "Valery Gerasimov", id="ru-доложил-X-Верховному-главнокомандующему"),
    pytest.param("Бої на Курщині.\n\nУкраїнські війська відійшли з Суджі, доповів Сирський Верховному "
                 "Головнокомандувачу.", "Oleksandr Syrskyi", id="uk-доповів-X-Головнокомандувачу"),
    pytest.param("Бои в Курской области.\n\nРоссийские войска освободили Суджу, сообщил Песков журналистам.",
                 "Dmitry Peskov", id="ru-сообщил-X-журналистам"),
    # the listener before the speaker still reads as before
    pytest.param("ВСУ отошли из Суджи, доложил Путину Герасимов.", "Valery Gerasimov", id="ru-доложил-Путину-X"),
    # a confirmation is a statement
    pytest.param("Генштаб ЗСУ підтвердив відступ українських військ із Суджі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-підтвердив-відступ"),
    pytest.param("ВСУ отошли из Суджи, подтвердил Герасимов.", "Valery Gerasimov", id="ru-подтвердил-X"),
    # a sentence adverb between the speaker and its verb
    pytest.param("Бої на Курщині.\n\nУ Генштабі ЗСУ, зокрема, зазначили, що ворог втратив 200 осіб біля Суджі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-у-X-зокрема-зазначили"),
    pytest.param("Бої на Курщині.\n\nСирський, зокрема, зазначив, що ворог втратив 200 осіб біля Суджі.",
                 "Oleksandr Syrskyi", id="uk-X-зокрема-зазначив"),
    pytest.param("Бои в Курской области.\n\nМинобороны, при этом, сообщило, что ВСУ потеряли 300 военнослужащих под "
                 "Суджей.", "Russian Defense Ministry", id="ru-X-при-этом-сообщило"),
    # an outlet in guillemets closing the sentence is its source
    pytest.param("Бои в Курской области.\n\nРоссийские военные выбили ВСУ из Гуево, сообщает «Военная хроника».",
                 "Военная хроника", id="ru-сообщает-«X»"),
    # the outlet told is no source, nor a quoted word
    pytest.param("Бои в Курской области.\n\nВСУ отошли из Суджи, сообщил «Известиям» источник.", None,
                 id="ru-сообщил-«outlet»-источник"),
    pytest.param("Бои в Курской области.\n\nВСУ отошли из Суджи, назвав это «перегруппировкой».", None,
                 id="ru-назвав-«word»"),
])
def test_the_speaker_of_a_claim(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_a_refusal_to_confirm_is_still_no_claim(resources):
    assert claimants(resources, "Генштаб не подтвердил отход ВСУ из Суджи.") == []


def control_sides(resources, text: str):
    """The subject of every control claim of a text (a Kursk headline first, so that a
    Ukrainian case form of a village is read as the oblast's)."""
    return [c.subject for c in claims(resources, text) if c.kind is Kind.CONTROL]


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param("Бої на Курщині.\n\nЗСУ втратили Суджу", "ЗСУ", id="uk-headline-втратили-X"),
    pytest.param("Бои в Курской области.\n\nВСУ потеряли Суджу, сообщил военкор.", "ВСУ", id="ru-потеряли-X"),
    pytest.param("Бои в Курской области.\n\nУкраина потеряла Суджу.", "Украина", id="ru-потеряла-X"),
    pytest.param("Бої на Курщині.\n\nРосійські війська втратили позиції біля Суджі.", "Російські війська",
                 id="uk-втратили-позиції"),
    # a unit named by a neuter noun: "угруповання", "подразделение", "командование"
    pytest.param("Бої на Курщині.\n\nУгруповання «Північ» відбило у ЗСУ село Гуєво.", "Угруповання «Північ»",
                 id="uk-угруповання-відбило"),
    pytest.param("Бои в Курской области.\n\nПодразделение группировки «Север» отбило у противника село Гуево.",
                 "Подразделение группировки «Север»", id="ru-подразделение-отбило"),
    pytest.param("Бои в Курской области.\n\nУкраинское командование сдало Суджу без боя, утверждают военкоры.",
                 "Украинское командование", id="ru-командование-сдало"),
])
def test_ground_lost_or_taken_is_control_with_its_side(resources, text, subject):
    assert control_sides(resources, text) == [subject]


@pytest.mark.parametrize("text", [
    pytest.param("Бои в Курской области.\n\nВСУ потеряли 300 военнослужащих под Суджей.", id="ru-потеряли-людей"),
    pytest.param("Бої на Курщині.\n\nВорог втратив 200 осіб біля Суджі, повідомив Генштаб.", id="uk-втратив-осіб"),
    pytest.param("Бои в Курской области.\n\nВСУ потеряли часть личного состава в Судже.", id="ru-часть-состава"),
    pytest.param("Бои в Курской области.\n\nВСУ потеряли в Судже 12 танков.", id="ru-потеряли-в-X-танки"),
    pytest.param("Бои в Курской области.\n\nЖительница Рыльска потеряла сына.", id="ru-потеряла-сына"),
    # contact lost is no ground lost
    pytest.param("Бои в Курской области.\n\nМы потеряли связь с Суджей.", id="ru-потеряли-связь"),
    pytest.param("Бої на Курщині.\n\nПідрозділ втратив зв'язок із Суджею.", id="uk-втратив-звязок"),
])
def test_people_and_things_lost_are_no_ground(resources, text):
    assert control_sides(resources, text) == []


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Lee Sung-kweun, a lawmaker briefing reporters after a meeting with the spy agency, said some "
                 "2,700 had been wounded in the Kursk region.", Kind.WOUNDED, (None, 2700, None),
                 id="en-apposition-said-some-n-had-been"),
    pytest.param("The head of military intelligence, Kyrylo Budanov, said 11,000 North Korean troops were in the "
                 "Kursk region.", Kind.DEPLOYED, (None, 11000, None), id="en-apposition-said-n-troops-were"),
    pytest.param("Ukraine's intelligence chief, Kyrylo Budanov, said 11,000 North Korean troops had arrived in the "
                 "Kursk region.", Kind.DEPLOYED, (None, 11000, None), id="en-apposition-said-n-had-arrived"),
])
def test_an_amount_after_said_is_the_reported_clauses_subject(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]


def test_the_speakers_counted_after_said_are_still_no_figure(resources):
    found = claims(resources, '"We lost 40," said one commander near Sudzha.')
    assert [numbers(c) for c in found] == [(None, 40, None)]


@pytest.mark.parametrize(("text", "claimant"), [
    # a body by reference with no body named before: nobody known, not the person who spoke before
    pytest.param("Zelensky said Ukrainian forces were holding positions near Sudzha. In a separate statement, the "
                 "ministry said Russia lost 300 soldiers near Sudzha.", None, id="en-separate-statement-the-ministry"),
    # the body named: its claim
    pytest.param("Syrskyi said troops had advanced near Sudzha. In a separate statement, Russia's Defense Ministry "
                 "said Ukraine had lost 300 troops near Sudzha.", "Russian Defense Ministry",
                 id="en-separate-statement-named-body"),
])
def test_a_body_by_reference_is_not_the_person_before(resources, text, claimant):
    assert claimants(resources, text)[-1] == claimant


@pytest.mark.parametrize(("text", "claimant"), [
    # the wires' "Russia's military" is the ministry speaking
    pytest.param("Russia's military said its forces had recaptured Sudzha.", "Russian Defense Ministry",
                 id="en-russias-military"),
    # "the military" refers back to the body named before, never a claimant called "military"
    pytest.param("Russia's Defence Ministry said its troops had retaken Sudzha. The military said 300 Ukrainian "
                 "soldiers were killed near Sudzha.", "Russian Defense Ministry", id="en-the-military-ru"),
    pytest.param("Ukraine's General Staff said Russian forces lost 1,200 troops near Sudzha. The military said 300 "
                 "Russian soldiers were killed near Sudzha.", "General Staff of the Armed Forces of Ukraine",
                 id="en-the-military-uk"),
    # the bloggers stay bloggers
    pytest.param("Russian military bloggers said Ukrainian forces had withdrawn from Sudzha.", "Russian milbloggers",
                 id="en-military-bloggers"),
    # one blogger is of the bloggers
    pytest.param("A Russian milblogger claimed that North Korean forces participated in the seizure of Plekhovo.",
                 "Russian milbloggers", id="en-a-russian-milblogger"),
    pytest.param("A prominent Russian military blogger claimed that Russian forces had seized Sverdlikovo.",
                 "Russian milbloggers", id="en-a-military-blogger"),
    pytest.param("Бои в Курской области.\n\nВСУ отошли из Суджи, утверждает российский военкор.", "Russian milbloggers",
                 id="ru-российский-военкор"),
])
def test_the_military_as_a_speaker(resources, text, claimant):
    assert claimants(resources, text)[-1] == claimant


def quotes(resources, text: str) -> list[str]:
    return [c.quote for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("Бої на Курщині.\n\nУ Генштабі ЗСУ повідомили, що російські війська втратили 200 осіб біля Суджі.",
                 "російські війська втратили 200 осіб біля Суджі", id="uk-повідомили-що"),
    pytest.param("Бої на Курщині.\n\nЯк повідомили у Генштабі ЗСУ, ворог втратив 200 осіб біля Суджі.",
                 "ворог втратив 200 осіб біля Суджі", id="uk-як-повідомили-у-X"),
    pytest.param("Бои в Курской области.\n\nКак сообщили в Минобороны России, ВСУ потеряли 300 военнослужащих под "
                 "Суджей.", "ВСУ потеряли 300 военнослужащих под Суджей", id="ru-как-сообщили-в-X"),
])
def test_a_quote_starts_at_the_claim_not_at_its_attribution(resources, text, quote):
    assert quotes(resources, text) == [quote]


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param("Бої на Курщині.\n\nВорог скупчує сили на Курщині, повідомив речник ОСУВ «Хортиця».", None,
                 id="uk-скупчує-сили"),
    pytest.param("Бої на Курщині.\n\nРосіяни скупчили біля Суджі до 10 тисяч військових, заявив Сирський.",
                 (None, 10000, 10000), id="uk-скупчили-n"),
    pytest.param("Бои в Курской области.\n\nПротивник накапливает силы у Суджи, сообщили в Минобороны.", None,
                 id="ru-накапливает-силы"),
])
def test_forces_massing_are_deployed(resources, text, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(Kind.DEPLOYED, figure)]


@pytest.mark.parametrize("text", [
    pytest.param("Бої на Курщині.\n\nБіля Суджі скупчилися біженці, повідомили волонтери.", id="uk-скупчилися-біженці"),
    pytest.param("Бои в Курской области.\n\nПротивник накопил опыт боев в городе.", id="ru-накопил-опыт"),
    pytest.param("Бои в Курской области.\n\nВ Судже накопилось много мусора.", id="ru-накопилось-мусора"),
    # one person's death that is no loss of the fighting
    pytest.param("A man died of a heart attack during a football match in Kursk.", id="en-natural-death"),
    pytest.param("A man who died in 2022 was remembered in Rylsk.", id="en-who-died-in-2022"),
    pytest.param("A man killed in the 2022 shelling was buried in Kursk.", id="en-killed-participle"),
    # a neuter unit that repelled an attack or took a pause took no ground
    pytest.param("Бои в Курской области.\n\nПодразделение отбило атаку противника у Суджи.", id="ru-отбило-атаку"),
    pytest.param("Бої на Курщині.\n\nУгруповання відбило штурм біля Суджі.", id="uk-відбило-штурм"),
    pytest.param("Бои в Курской области.\n\nКомандование взяло паузу.", id="ru-взяло-паузу"),
])
def test_look_alikes_are_no_claim(resources, text):
    assert claims(resources, text) == ()


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("Бои в Курской области.\n\nВ Неониловке ранены двое мирных жителей, сообщил Хинштейн.",
                 "В Неониловке ранены двое мирных жителей", id="ru-сообщил-X"),
    pytest.param("Бої на Курщині.\n\nРосіяни скупчили біля Суджі до 10 тисяч військових, заявив Сирський.",
                 "Росіяни скупчили біля Суджі до 10 тисяч військових", id="uk-заявив-X"),
    pytest.param("Бои в Курской области.\n\nПротивник накапливает силы у Суджи, сообщили в Минобороны.",
                 "Противник накапливает силы у Суджи", id="ru-сообщили-в-X"),
    pytest.param("Бої на Курщині.\n\nВорог скупчує сили на Курщині, повідомив речник ОСУВ «Хортиця».",
                 "Ворог скупчує сили на Курщині", id="uk-повідомив-речник"),
    # the speaker before the verb, in lower case or Cyrillic
    pytest.param("Russian forces have regained control of the settlement of Nikolayevo-Daryino, the ministry said in "
                 "its daily briefing.", "Russian forces have regained control of the settlement of Nikolayevo-Daryino",
                 id="en-the-ministry-said"),
    pytest.param("Two civilians were wounded in Rylsk, the regional governor said on Telegram.",
                 "Two civilians were wounded in Rylsk", id="en-the-regional-governor-said"),
    pytest.param("Бої на Курщині.\n\nВорог втратив 200 осіб біля Суджі, Сирський заявив у Telegram.",
                 "Ворог втратив 200 осіб біля Суджі", id="uk-X-заявив"),
    # a list of places before the verb is the claim's, not a speaker
    pytest.param("Бои в Курской области.\n\nРоссийские войска освободили Суджу, Гуево и Плехово, сообщило Минобороны.",
                 "Российские войска освободили Суджу, Гуево и Плехово", id="ru-list-then-сообщило"),
])
def test_a_quote_ends_before_the_attribution_after_it(resources, text, quote):
    assert quotes(resources, text) == [quote]




@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("A strike on a hospital in Sudzha killed a nurse, Russian officials said.", Kind.KILLED,
                 id="en-killed-a-nurse"),
    pytest.param("Ukrainian drones killed a man in the village of Tyotkino, Governor Khinshtein said.", Kind.KILLED,
                 id="en-killed-a-man"),
    pytest.param("An elderly woman died in hospital after shelling of Glushkovo, Khinshtein said.", Kind.KILLED,
                 id="en-a-woman-died"),
    pytest.param("Ukrainian shelling injured a teenager in Rylsk, Khinshtein said.", Kind.WOUNDED,
                 id="en-injured-a-teenager"),
])
def test_one_person_written_as_a_noun_is_a_loss_with_no_figure(resources, text, kind):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, None)]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("ВСУ потеряли позиции у Суджи — Минобороны\n\nРоссийские войска освободили населенный пункт Гуево в "
                 "Курской области.\n\nЗа сутки противник потерял до 200 военнослужащих.", "Russian Defense Ministry",
                 id="ru-headline-—-Минобороны"),
    pytest.param("Сили оборони відійшли з Суджі — Генштаб ЗСУ\n\nУкраїнські підрозділи відійшли на вигідніші рубежі "
                 "біля Суджі.\n\nВорог втратив 150 осіб на Курському напрямку.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-headline-—-Генштаб-ЗСУ"),
])
def test_a_headline_closing_on_its_source_gives_it_to_the_body(resources, text, claimant):
    assert set(claimants(resources, text)) == {claimant}


def test_a_body_sentence_naming_its_own_speaker_keeps_it_under_a_source_headline(resources):
    text = ("ВСУ потеряли позиции у Суджи — Минобороны\n\nРоссийские войска освободили Гуево.\n\n"
            "Сырский заявил, что ВСУ удерживают позиции у Суджи.")
    assert claimants(resources, text)[-1] == "Oleksandr Syrskyi"
