"""Control of ground in phrasings the development articles lack: written for these tests
in the style of wires, ministries and Telegram-sourced reports, with their look-alikes
that are no claim (a repelled attack, civilians leaving, a forecast).
"""

from __future__ import annotations

import pytest

from geo.model import Document, Kind, Source
from geo.pipeline import process_document


def control_claims(resources, text: str):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    return [c for c in process_document(doc, resources).claims if c.kind is Kind.CONTROL]


@pytest.mark.parametrize("text", [
    pytest.param("Российская армия отбила у противника Лебедевку в Курской области.", id="ru-отбила-у-противника"),
    pytest.param("Бійці відбили у ворога Лебедівку в Курській області.", id="uk-відбили-у-ворога"),
    pytest.param("Російська армія відбила Лебедівку в Курській області.", id="uk-відбила"),
    pytest.param("Украинские войска выведены из Суджи.", id="ru-выведены-из"),
    pytest.param("Командование вывело войска из Суджи в Курской области.", id="ru-вывело-войска-из"),
    pytest.param("Українські підрозділи виведені з Суджі Курської області.", id="uk-виведені-з"),
    pytest.param("Ukrainian troops were forced to leave Malaya Loknya.", id="en-troops-forced-to-leave"),
    pytest.param("Российские войска очистили Суджу от противника.", id="ru-очистили-от-противника"),
])
def test_won_back_or_taken_out_is_a_control_claim(resources, text):
    claims = control_claims(resources, text)
    assert len(claims) == 1
    assert claims[0].places, text


@pytest.mark.parametrize("text", [
    pytest.param("Российские военные отбили атаку ВСУ на Лебедевку в Курской области.", id="ru-отбили-атаку"),
    pytest.param("Бойцы отбили у противника две атаки у Лебедевки.", id="ru-отбили-две-атаки"),
    pytest.param("Бійці відбили атаку ворога на Лебедівку в Курській області.", id="uk-відбили-атаку"),
    pytest.param("Сили оборони відбили штурм Лебедівки в Курській області.", id="uk-відбили-штурм"),
    pytest.param("Residents were forced to leave Sudzha as fighting intensified.", id="en-civilians-leave"),
    pytest.param("Под Суджей выведены из строя до 40 военнослужащих ВСУ.", id="ru-выведены-из-строя"),
    pytest.param("Біля Суджі виведено з ладу 40 окупантів.", id="uk-виведено-з-ладу"),
    pytest.param("Analysts expect Russia could retake Sudzha within weeks.", id="en-could-forecast"),
    pytest.param("Russian forces should retake Sudzha soon, the blogger wrote.", id="en-should-forecast"),
    pytest.param("Саперы очистили территорию Суджи от мин.", id="ru-очистили-от-мин"),
    pytest.param("Russian forces have been unable to retake Sudzha, Ukrainian officials said.", id="en-unable-to"),
    pytest.param("Putin ordered the army to drive Ukrainian troops out of Sudzha.", id="en-ordered-the-army-to"),
    pytest.param("Гражданское население покинуло Суджу еще в августе.", id="ru-civilians-left"),
    pytest.param("Цивільні мешканці покинули Суджу ще влітку.", id="uk-civilians-left"),
    pytest.param("Residents abandoned Sudzha in August.", id="en-residents-abandoned"),
    pytest.param("Удержать Суджу будет сложно, признают военкоры.", id="ru-infinitive-as-subject"),
    pytest.param("Утримувати Суджу важко, визнають військові.", id="uk-infinitive-as-subject"),
    pytest.param("ЗСУ продовжують контролювати ситуацію в Курській області.", id="uk-control-the-situation"),
    pytest.param("Syrskyi said that the situation in Kursk is difficult but under control.", id="en-situation-under-control"),
    pytest.param("Ситуация в Судже находится под контролем, заявил Хинштейн.", id="ru-ситуация-под-контролем"),
    pytest.param("«Ситуация в Судже остаётся сложной, но контролируемой», — сказал губернатор.",
                 id="ru-situation-shared-by-the-clause"),
    pytest.param("«Ситуація біля Суджі складна, але контрольована», — сказав Сирський.",
                 id="uk-situation-shared-by-the-clause"),
])
def test_a_repelled_attack_civilians_leaving_or_a_forecast_is_no_control_claim(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize("text", [
    pytest.param("Под Суджей выведены из строя до 40 военнослужащих ВСУ.", id="ru-выведены-из-строя"),
    pytest.param("Біля Суджі виведено з ладу 40 окупантів.", id="uk-виведено-з-ладу"),
])
def test_put_out_of_action_is_a_loss(resources, text):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    kinds = [c.kind for c in process_document(doc, resources).claims]
    assert kinds == [Kind.KILLED_OR_WOUNDED]


def test_an_infinitive_opener_is_no_claim_but_the_clause_that_holds_the_ground_is(resources):
    text = ("Полк виконує бойові завдання на Курщині. Утримувати позиції важко, але військові продовжують "
            "їх контролювати попри перевагу противника.")
    (claim,) = control_claims(resources, text)
    assert claim.quote.startswith("але військові продовжують їх контролювати")
    assert [p.place_id for p in claim.places] == ["kursk-oblast"]


@pytest.mark.parametrize("text", [
    pytest.param("DeepState said Ukraine's foothold in the Kursk region had shrunk to around 300 square kilometers.",
                 id="en-foothold-shrunk-to"),
    pytest.param("За даними DeepState, під контролем ЗСУ на Курщині залишається близько 200 кв. км.",
                 id="uk-під-контролем-залишається"),
    pytest.param("По данным DeepState, под контролем ВСУ в Курской области остается около 200 кв. км.",
                 id="ru-под-контролем-остается"),
    pytest.param("Плацдарм ВСУ в Курской области сократился до 80 кв. км, пишет DeepState.", id="ru-плацдарм-сократился"),
])
def test_what_is_left_of_ground_held_is_a_control_claim(resources, text):
    (claim,) = control_claims(resources, text)
    assert (claim.claimant, [p.place_id for p in claim.places]) == ("DeepState", ["kursk-oblast"])


@pytest.mark.parametrize("text", [
    pytest.param("Kursk oblast remains 30,000 square kilometers in area.", id="en-size-of-the-oblast"),
    pytest.param("Площадь Курской области остается около 30 тысяч кв. км.", id="ru-size-of-the-oblast"),
])
def test_the_size_of_the_oblast_is_no_ground_held(resources, text):
    assert control_claims(resources, text) == []


@pytest.mark.parametrize(("text", "villages"), [
    pytest.param("Бойцы группировки «Север» за неделю освободили два населенных пункта в Курской области. Об этом "
                 "сообщили в Минобороны.\nРечь идет о населенных пунктах Мартыновка и Малая Локня.",
                 2, id="ru-речь-идет-о"),
    pytest.param("Російські війська захопили два села в Курській області.\nЙдеться про Мартинівку та Малу Локню.",
                 2, id="uk-йдеться-про"),
    pytest.param("Russian forces took three villages in the Kursk region on Tuesday. These are Martynovka, "
                 "Malaya Loknya and Lebedevka.", 3, id="en-these-are"),
])
def test_a_count_of_villages_takes_the_list_in_the_next_sentence(resources, text, villages):
    (claim,) = control_claims(resources, text)
    assert len([p for p in claim.places if p.place_id != "kursk-oblast"]) == villages


def test_a_count_of_villages_without_a_list_stays_on_the_oblast(resources):
    text = "Российские войска освободили два населенных пункта в Курской области.\nВ Мартыновке восстановили свет."
    (claim,) = control_claims(resources, text)
    assert [p.place_id for p in claim.places] == ["kursk-oblast"]


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian forces maintain positions in Sudzha in the Kursk region, the ISW said.", id="en-maintain-positions"),
    pytest.param("Russian forces cleared Martynovka of Ukrainian forces, the ministry said.", id="en-cleared-X-of"),
    pytest.param("Ukrainian forces continue to hold a small salient in the Kursk region, according to the ISW.",
                 id="en-hold-a-salient"),
])
def test_maintaining_clearing_and_a_salient_are_control_claims(resources, text):
    assert len(control_claims(resources, text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("The weather cleared over Sudzha on Monday.", id="en-weather-cleared-over"),
    pytest.param("Sappers cleared the road to Sudzha of mines.", id="en-cleared-the-road"),
])
def test_clearing_weather_or_a_road_is_no_control_claim(resources, text):
    assert control_claims(resources, text) == []


def test_pushed_out_in_the_passive_is_ground_left_and_the_ukrainian_military_admits_it(resources):
    (pushed,) = control_claims(resources, "Ukraine's forces were pushed out of Sudzha in the Kursk region, Russian "
                                          "officials said.")
    assert pushed.claimant == "Russia"
    (left,) = control_claims(resources, "ВСУ оставили Суджу и отошли к границе, признали украинские военные.")
    assert left.claimant == "Armed Forces of Ukraine"
    assert control_claims(resources, "Residents were forced out of Sudzha in the Kursk region by shelling.") == []


@pytest.mark.parametrize("text", [
    pytest.param("Появилась информация о захвате Суджи российскими войсками.", id="ru-информация-о-захвате"),
    pytest.param("Минобороны России распространило сообщения об освобождении Лебедевки.", id="ru-об-освобождении"),
    pytest.param("Командование сделало заявление о взятии Малой Локни.", id="ru-о-взятии"),
    pytest.param("Генштаб оприлюднив повідомлення про звільнення Лебедівки в Курській області.", id="uk-про-звільнення"),
    pytest.param("З'явилася інформація про захоплення Суджі в Курській області.", id="uk-про-захоплення"),
    pytest.param("There were reports of the capture of Sudzha by Russian troops.", id="en-reports-of-the-capture"),
    pytest.param("The liberation of Lebedevka was announced on Tuesday.", id="en-liberation-was-announced"),
    pytest.param("Moscow announced the fall of Sudzha on Thursday.", id="en-the-fall-of"),
    pytest.param("Sudzha fell to Russian troops on March 13.", id="en-fell-to"),
    pytest.param("Russia announced the seizure of Sudzha.", id="en-seizure-of"),
    pytest.param("Минобороны объявило об овладении Суджей.", id="ru-об-овладении"),
    pytest.param("Российские войска овладели Суджей.", id="ru-овладели"),
    pytest.param("Генштаб РФ повідомив про взяття Суджі в Курській області.", id="uk-про-взяття"),
    pytest.param("Російські війська оволоділи Суджею в Курській області.", id="uk-оволоділи"),
])
def test_the_event_as_a_noun_with_its_village_in_the_genitive_is_a_control_claim(resources, text):
    (claim,) = control_claims(resources, text)
    assert [p for p in claim.places if p.place_id != "kursk-oblast"], text


@pytest.mark.parametrize("text", [
    pytest.param("Существует угроза захвата Суджи российскими войсками.", id="ru-угроза-захвата"),
    pytest.param("Попытка захвата Лебедевки провалилась.", id="ru-попытка-захвата"),
    pytest.param("ВСУ готовятся к захвату Суджи.", id="ru-к-захвату"),
    pytest.param("Российские войска продолжают штурм с целью захвата Суджи.", id="ru-с-целью-захвата"),
    pytest.param("В Киеве опасаются захвата Суджи.", id="ru-опасаются-захвата"),
    pytest.param("Загроза захоплення Суджі в Курській області зростає.", id="uk-загроза-захоплення"),
    pytest.param("Спроба захоплення Лебедівки в Курській області провалилася.", id="uk-спроба-захоплення"),
    pytest.param("The threat of the capture of Sudzha is growing.", id="en-threat-of-the-capture"),
    pytest.param("Kyiv fears the fall of Sudzha.", id="en-fears-the-fall"),
    pytest.param("Russia plans to capture Sudzha next week.", id="en-plans-to-capture"),
    pytest.param("Ukraine's losses in the Kursk region have fallen sharply.", id="en-losses-have-fallen"),
    pytest.param("Российские войска овладели инициативой под Суджей.", id="ru-овладели-инициативой"),
    pytest.param("The seizure of weapons near Sudzha was reported.", id="en-seizure-of-weapons"),
])
def test_a_threat_an_attempt_or_an_aim_as_a_noun_is_no_control_claim(resources, text):
    assert control_claims(resources, text) == []


def test_an_aim_before_the_noun_leaves_only_the_deployment(resources):
    """"Для захвата Суджи … перебросило резервы" is a deployment for an aim, not ground taken."""
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"),
                   text="Для захвата Суджи командование перебросило резервы.")
    assert [c.kind for c in process_document(doc, resources).claims] == [Kind.DEPLOYED]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Kyiv dismissed the claims that Gornal had fallen.", None, id="en-dismissed-claims-had-fallen"),
    pytest.param("Генштаб ВСУ опроверг сообщения о захвате Гуево.", None, id="ru-опроверг-сообщения-о"),
    pytest.param("Генштаб ВСУ опроверг сообщения Минобороны России о захвате Гуево.", "Russian Defense Ministry",
                 id="ru-опроверг-сообщения-названного"),
    pytest.param("Генштаб ЗСУ спростував повідомлення про захоплення Гуєвого в Курській області.", None,
                 id="uk-спростував-повідомлення-про"),
])
def test_a_refuted_report_of_a_capture_is_the_report_makers_claim(resources, text, claimant):
    (claim,) = control_claims(resources, text)
    assert claim.places and claim.claimant == claimant


@pytest.mark.parametrize("text", [
    pytest.param("The liberation of Lebedevka was announced by the Russian defence ministry.", id="en-announced-by"),
    pytest.param("The Ukrainian pullout from Sudzha was confirmed by Syrskyi.", id="en-confirmed-by"),
])
def test_the_event_noun_before_a_passive_speech_verb_is_not_the_speaker(resources, text):
    """"X was announced by Y": the event is what was announced, never who announced it."""
    (claim,) = control_claims(resources, text)
    assert claim.claimant is None or "Sudzha" not in claim.claimant and "Lebedevka" not in claim.claimant
