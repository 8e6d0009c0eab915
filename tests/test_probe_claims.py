"""Loss and deployment claims in phrasings the development articles lack, written for these
tests in the style of wires and Russian reports, with the look-alikes that are no claim.
"""

from __future__ import annotations

import pytest

from geo.model import Document, Kind, Source
from geo.pipeline import process_document


def claims(resources, text: str):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    return process_document(doc, resources).claims


def numbers(claim):
    f = claim.figure
    return None if f is None else (f.low, f.best, f.high)


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Ukraine has moved some of its best units into the Kursk region, Russian military bloggers said.",
                 Kind.DEPLOYED, None, id="en-moved-units-into"),
    pytest.param("Ukraine has sent some of its best units to the Kursk region, Russian military bloggers said.",
                 Kind.DEPLOYED, None, id="en-sent-some-of-its-units"),
    pytest.param("Between 8,000 and 10,000 Russian troops are massing near Sudzha, a Ukrainian source said.",
                 Kind.DEPLOYED, (8000, None, 10000), id="en-massing"),
    pytest.param("The Ukrainian army took dozens of Russian conscripts prisoner near Sudzha, Zelensky said.",
                 Kind.CAPTURED, (None, None, None), id="en-took-n-prisoner"),
    pytest.param("За минувшую неделю ВСУ лишились в Курской области 1,5 тыс. военнослужащих.",
                 Kind.KILLED_OR_WOUNDED, (None, 1500, None), id="ru-лишились"),
    pytest.param("В Курскую область прибыли дополнительные подразделения Росгвардии, сообщает ТАСС.",
                 Kind.DEPLOYED, None, id="ru-прибыли-подразделения"),
    pytest.param("Росія перекинула до Курщини додаткові резерви, повідомляє ГУР.",
                 Kind.DEPLOYED, None, id="uk-перекинула-до-X-резерви"),
    pytest.param("Россия перебросила в Курскую область дополнительные силы, сообщает ГУР.",
                 Kind.DEPLOYED, None, id="ru-перебросила-в-X-силы"),
    pytest.param("Глава района сообщил о гибели двух мирных жителей в Судже.",
                 Kind.KILLED, (None, 2, None), id="ru-о-гибели"),
    pytest.param("Хінштейн повідомив про загибель трьох людей у Рильську.",
                 Kind.KILLED, (None, 3, None), id="uk-про-загибель"),
    # the kind after the amount: "lost 200 killed"
    pytest.param("Російські загарбники втратили близько 200 осіб убитими під Суджею.",
                 Kind.KILLED, (None, 200, None), id="uk-втратили-убитими"),
    pytest.param("Противник потерял убитыми до 30 человек у Суджи.", Kind.KILLED, (None, 30, 30), id="ru-потерял-убитыми"),
    pytest.param("Ворог втратив пораненими понад 50 осіб біля Суджі.", Kind.WOUNDED, (50, 50, None),
                 id="uk-втратив-пораненими"),
    pytest.param("Противник потерял до 30 человек ранеными и убитыми у Суджи.", Kind.KILLED_OR_WOUNDED,
                 (None, 30, 30), id="ru-ранеными-и-убитыми"),
    pytest.param("Ворог втратив до 30 осіб убитими та пораненими біля Суджі.", Kind.KILLED_OR_WOUNDED,
                 (None, 30, 30), id="uk-убитими-та-пораненими"),
    # a rate's period is not part of its figure, and it does not unmake it
    pytest.param("Ukraine says Russia is suffering casualties of up to 1,200 a day in the Kursk region.",
                 Kind.KILLED_OR_WOUNDED, (None, 1200, 1200), id="en-up-to-n-a-day"),
    pytest.param("Russia has lost upward of 20,000 soldiers in Kursk, according to the Ukrainian military.",
                 Kind.KILLED_OR_WOUNDED, (20000, 20000, None), id="en-upward-of"),
    # a loss of lives that names no speaker by its verb
    pytest.param("The attack claimed the lives of five civilians in Lgov, Khinshtein said.",
                 Kind.KILLED, (None, 5, None), id="en-claimed-the-lives-of"),
    pytest.param("Удар унес жизни трех мирных жителей Рыльска, сообщил Хинштейн.",
                 Kind.KILLED, (None, 3, None), id="ru-унес-жизни"),
    pytest.param("Обстріл забрав життя двох людей у Рильську.", Kind.KILLED, (None, 2, None), id="uk-забрав-життя"),
    # forces drawn into a fight, and a force's strength
    pytest.param("Up to 50,000 Russian troops have been pulled into the Kursk operation, Zelensky said.",
                 Kind.DEPLOYED, (None, 50000, 50000), id="en-pulled-into"),
    pytest.param("Ukraine has committed several elite brigades to the Kursk operation.", Kind.DEPLOYED,
                 (None, None, None), id="en-committed-brigades"),
    pytest.param("Численность группировки ВС РФ в Курской области достигла 60 тысяч человек, заявил Сырский.",
                 Kind.DEPLOYED, (None, 60000, None), id="ru-численность-группировки"),
    pytest.param("Угруповання ворога на курському напрямку налічує близько 60 тисяч військових, заявив Сирський.",
                 Kind.DEPLOYED, (None, 60000, None), id="uk-угруповання-налічує"),
    # executed prisoners are dead, not captured
    pytest.param("Під Суджею росіяни стратили п'ятьох українських полонених.", Kind.KILLED, (None, 5, None),
                 id="uk-стратили-полонених"),
    pytest.param("Российские военные казнили троих пленных под Суджей.", Kind.KILLED, (None, 3, None),
                 id="ru-казнили-пленных"),
])
def test_a_claim_in_a_new_phrasing(resources, text, kind, figure):
    found = claims(resources, text)
    assert [(c.kind, numbers(c)) for c in found] == [(kind, figure)]


@pytest.mark.parametrize("text", [
    pytest.param("Ukraine sent a message to soldiers in the Kursk region.", id="en-sent-a-message"),
    pytest.param("Ukrainian soldiers took part in the exchange of prisoners in Sudzha.", id="en-took-part"),
    pytest.param("The exchange took place near Sudzha after both sides agreed to swap prisoners.", id="en-took-place"),
    pytest.param("Жители Суджи лишились жилья после обстрелов.", id="ru-лишились-жилья"),
    pytest.param("ВСУ лишились 40 танков в Курской области.", id="ru-лишились-танков"),
    pytest.param("Российская футбольная команда потеряла двух игроков из-за травм.", id="ru-team-lost-players"),
    pytest.param("Футбольна команда втратила трьох гравців через травми.", id="uk-team-lost-players"),
    pytest.param("Причины гибели самолета выясняются.", id="ru-гибель-of-a-plane"),
    pytest.param("Численность населения Курской области составляет около 1 млн человек.", id="ru-численность-населения"),
    pytest.param("Ukraine was drawn into a long war.", id="en-drawn-into-a-war"),
    pytest.param("Oil prices fell after Russia lost access to the pipeline at Sudzha.", id="en-lost-access"),
    pytest.param("Обмен пленными состоялся при посредничестве ОАЭ: стороны передали по 150 человек.",
                 id="ru-обмен-пленными"),
    pytest.param("Біля Суджі знищено 12 одиниць техніки.", id="uk-одиниць-техніки"),
])
def test_a_look_alike_is_no_claim(resources, text):
    assert claims(resources, text) == ()


def test_the_noun_retreat_states_no_withdrawal(resources):
    text = "About 200 Ukrainian soldiers were listed as missing after the retreat from Sudzha, the commander said."
    assert [c.kind for c in claims(resources, text)] == [Kind.MISSING]


def test_the_lives_an_attack_claimed_are_not_its_statement(resources):
    (claim,) = claims(resources, "The attack claimed the lives of five civilians in Lgov, Khinshtein said.")
    assert claim.claimant == "Alexander Khinshtein"


def test_half_a_day_is_still_no_amount(resources):
    assert claims(resources, "The fighting near Sudzha lasted half a day.") == ()


@pytest.mark.parametrize("text", [
    pytest.param("He did not confirm that Sudzha had been lost.", id="en-did-not-confirm"),
    pytest.param("The Pentagon has not confirmed that 200 North Korean soldiers were killed.", id="en-has-not-confirmed"),
    pytest.param("Генштаб ВСУ не подтвердил, что войска покинули Суджу.", id="ru-не-подтвердил-что"),
    pytest.param("Генштаб ЗСУ не підтвердив, що війська залишили Суджу.", id="uk-не-підтвердив-що"),
])
def test_what_a_speaker_does_not_confirm_is_no_claim(resources, text):
    assert claims(resources, text) == ()


@pytest.mark.parametrize(("text", "kind"), [
    # a denial is a claim of its own (the state of the units)
    pytest.param("Kyiv denied that its troops had been encircled near Sudzha.", Kind.OTHER, id="en-denied-that"),
    # the non-confirmation's scope ends at a relative clause, a comma or a semicolon
    pytest.param("The Pentagon has not confirmed that the troops fought Ukrainian units who are inside a portion of "
                 "the Kursk region, she said.", Kind.CONTROL, id="en-relative-clause-after-denial"),
    pytest.param("Russia has not confirmed the reports; Ukraine said 40 Russian soldiers were captured near Sudzha.",
                 Kind.CAPTURED, id="en-semicolon-after-non-confirmation"),
])
def test_a_denial_or_a_claim_after_a_non_confirmation_stands(resources, text, kind):
    assert [c.kind for c in claims(resources, text)] == [kind]


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("Russia has thrown 60,000 troops at Kursk, North Korean losses mount", Kind.DEPLOYED,
                 (None, 60000, None), id="en-thrown-troops-at"),
    pytest.param("Moscow threw its best brigades against the Ukrainian positions in the Kursk region.", Kind.DEPLOYED,
                 None, id="en-threw-brigades-against"),
    pytest.param("Twelve soldiers were killed near Sudzha, said two officials.", Kind.KILLED, (None, 12, None),
                 id="en-speakers-counted-after-the-claim"),
    pytest.param("The ministry said 12 soldiers were killed near Sudzha.", Kind.KILLED, (None, 12, None),
                 id="en-said-then-its-complement"),
    # GOLD.md: forces sent or arrived are deployed; Russia's ally entering Kursk takes no ground from its partner
    pytest.param("North Korean Troops Enter Kursk, Pentagon says", Kind.DEPLOYED, None, id="en-ally-enters"),
    pytest.param("North Korean troops have entered Russia's Kursk region, the Pentagon said.", Kind.DEPLOYED, None,
                 id="en-ally-has-entered"),
    pytest.param("Северокорейские военные вошли в Курскую область, заявили в Пентагоне.", Kind.DEPLOYED, None,
                 id="ru-ally-вошли"),
    pytest.param("Північнокорейські військові зайшли в Курську область, повідомили в Пентагоні.", Kind.DEPLOYED,
                 None, id="uk-ally-зайшли"),
])
def test_forces_thrown_or_entering_and_the_speakers_own_count(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]


def test_the_count_of_speakers_after_an_inverted_verb_is_no_loss(resources):
    text = '"We lost Malaya Loknya and Cherkasskaya Konopelka last week," said one commander in the Kursk region.'
    assert [(c.kind, c.figure) for c in claims(resources, text)] == [(Kind.CONTROL, None)]


def test_a_side_entering_a_village_still_takes_ground(resources):
    assert [c.kind for c in claims(resources, "Российские войска вошли в Суджу, сообщили в Минобороны.")] == [
        Kind.CONTROL]


def test_numbering_n_in_kursk_with_the_verb_left_out_is_deployed(resources):
    text = "The general spoke of 11,000 troops in Russia, with “some 8,500 currently in the Kursk region”."
    assert (Kind.DEPLOYED, (None, 8500, None)) in [(c.kind, numbers(c)) for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param("The bodies of 40 Ukrainian soldiers were found near Sudzha, Russian media reported.", Kind.KILLED,
                 (None, 40, None), id="en-bodies-of"),
    pytest.param("Ukraine's forces in Kursk now number about 10,000, according to Russian estimates.", Kind.DEPLOYED,
                 (None, 10000, None), id="en-forces-number"),
])
def test_bodies_found_and_forces_that_number(resources, text, kind, figure):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == [(kind, figure)]


def test_a_new_unnamed_speaker_with_a_title_is_the_claimant(resources):
    text = "Ukraine has lost more than 2,000 soldiers killed near Sudzha since January, a Russian official claimed."
    assert [(c.kind, c.claimant) for c in claims(resources, text)] == [(Kind.KILLED, "Russian official")]


@pytest.mark.parametrize(("text", "expected"), [
    # GOLD.md: the codes 200 (dead) and 300 (wounded) are kinds, not amounts
    pytest.param("Потери ВСУ составили 120 «двухсотых» и 300 «трехсотых», сообщил военкор.",
                 [(Kind.KILLED, (None, 120, None)), (Kind.WOUNDED, (None, 300, None))], id="ru-двухсотых-трехсотых"),
    pytest.param("Втрати ворога становлять 40 двохсотих і 90 трьохсотих, повідомили в бригаді.",
                 [(Kind.KILLED, (None, 40, None)), (Kind.WOUNDED, (None, 90, None))], id="uk-двохсотих-трьохсотих"),
    pytest.param("Losses amounted to 300 killed and 500 wounded near Sudzha, the ministry said.",
                 [(Kind.KILLED, (None, 300, None)), (Kind.WOUNDED, (None, 500, None))], id="en-amounted-to-kinds"),
    # personnel counted as units, as the Ukrainian General Staff writes it; equipment units are not people
    pytest.param("За добу на Курщині уражено 85 одиниць особового складу ворога, повідомили в Генштабі.",
                 [(Kind.KILLED_OR_WOUNDED, (None, 85, None))], id="uk-одиниць-особового-складу"),
    pytest.param("За добу уражено 12 одиниць техніки ворога біля Суджі.", [], id="uk-одиниць-техніки"),
])
def test_codes_of_the_dead_and_wounded_and_personnel_units(resources, text, expected):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == expected


def test_russias_general_staff_is_not_kyivs(resources):
    text = "Ukraine's losses in Kursk exceed 60,000, Russia's General Staff said."
    assert [c.claimant for c in claims(resources, text)] == ["Russian General Staff"]
