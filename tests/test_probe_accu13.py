"""Claims in text the development articles lack, written for these tests in the style of TASS,
RIA, the Russian ministry's summary, Ukrainska Pravda, Ukrinform, Meduza, Reuters, AP, the Kyiv
Independent, ISW and Telegram posts (not copied from any article), with their look-alikes:

- people who are no forces (civilians, residents, refugees, evacuees, children, journalists,
  prisoners) present in a place, arriving or sent there are no deployment ("В Судже находятся
  около 50 мирных жителей"), nor are the wounded sent to hospital; forces are, whatever else the
  sentence names;
- a speaker named only by a role ("…, a lawmaker said", "one official said", "сообщил депутат",
  "по словам источника", "повідомив посадовець") names nobody (GOLD.md: the claimant is null
  when the text does not say); with a side it is one ("a South Korean lawmaker"), "the lawmaker"
  still refers back to the one named before, and a known kind of source ("a military blogger")
  keeps its name;
- a relay to a bare "the spy agency" from an outlet of a known country ("Yonhap news agency
  reported, citing the spy agency") or in an article that named the country is that country's
  agency (GOLD.md: the origin is the claimant), whether the relay comes first or last;
- an outlet's own source ("источник ТАСС", "a TASS source") is the outlet; a title before a known
  body ("речник ДПСУ") is the body; a count "по подсчетам «Медузы»" is Meduza's;
- "N of the casualties were deaths" is the deaths' kind, and "the deaths numbered N" counts
  deaths, not forces; "численность украинской группировки сократилась до 10 тысяч" is forces
  numbering N, and "сократилась до" is no "up to";
- the side of a control claim leaves out a post's emoji, a time ("Накануне") and a hedge
  ("likely"); "щоб уникнути оточення" is no encirclement; losses "полоненими" are captured;
- a list of villages that crosses into another region is two claims, the other region's unplaced;
- "на Курском направлении" is the oblast's front, not the city; a Ukrainian "біля Гуєва", "у
  Гуєві" is the village.
"""

from __future__ import annotations

import pytest

from geo.model import Document, Kind, Source
from geo.pipeline import process_document
from tests.test_probe_claims import claims, numbers

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
EN = "Fighting in Kursk oblast.\n\n"


def claimants(resources, text: str) -> list[str | None]:
    return [c.claimant for c in claims(resources, text)]


def kinds(resources, text: str) -> list[Kind]:
    return [c.kind for c in claims(resources, text)]


# --- people who are no forces are not deployed ------------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param(RU + "В Судже находятся около 50 мирных жителей.", id="ru-находятся-мирные-жители"),
    pytest.param(RU + "В Судже остаются около 50 мирных жителей, сообщил Хинштейн.", id="ru-остаются"),
    pytest.param(RU + "В Курскую область прибыли более 300 беженцев из Суджи.", id="ru-прибыли-беженцы"),
    pytest.param(RU + "В пунктах временного размещения в Курске находятся около 2 тысяч эвакуированных жителей "
                      "Суджанского района.", id="ru-эвакуированные-жители"),
    pytest.param(RU + "В Суджу направлены 20 журналистов.", id="ru-направлены-журналисты"),
    pytest.param(RU + "В Судже находятся около 40 детей.", id="ru-дети"),
    pytest.param(RU + "Около 2000 жителей Суджи находятся в зоне оккупации.", id="ru-жители-before-the-verb"),
    pytest.param(RU + "В Курск прибыли беженцы из Суджи.", id="ru-figureless-беженцы"),
    pytest.param(UK + "У Суджі перебувають близько 50 цивільних.", id="uk-перебувають-цивільні"),
    pytest.param(UK + "На Курщині перебувають близько 2 тисяч біженців, повідомив Хінштейн.", id="uk-біженці"),
    pytest.param(UK + "До Суджі прибули 30 журналістів.", id="uk-прибули-журналісти"),
    pytest.param(UK + "На Курщині залишаються близько 2 тисяч мирних жителів.", id="uk-залишаються"),
    pytest.param(EN + "About 150 children were sent to Kursk from border villages.", id="en-children-sent"),
    pytest.param(EN + "About 60 residents were evacuated from Sudzha and sent to Kursk.", id="en-residents-sent"),
    pytest.param(EN + "Around 1,000 refugees were transferred to Kursk.", id="en-refugees-transferred"),
    pytest.param(EN + "Some 2,000 evacuees have arrived in Kursk from Sudzha.", id="en-evacuees-arrived"),
    pytest.param(EN + "Journalists were sent to Sudzha.", id="en-figureless-journalists"),
    pytest.param(EN + "Around 40 war correspondents arrived in Kursk.", id="en-war-correspondents"),
])
def test_people_who_are_no_forces_are_not_deployed(resources, text):
    assert Kind.DEPLOYED not in kinds(resources, text)


@pytest.mark.parametrize(("text", "figure"), [
    pytest.param(RU + "В Судже находятся около 500 военных ВСУ.", (None, 500, None), id="ru-военные"),
    pytest.param(RU + "В Курскую область прибыли более 3 тысяч военных КНДР.", (3000, 3000, None), id="ru-военные-КНДР"),
    pytest.param(EN + "About 12,000 North Korean troops are in Kursk, officials said.", (None, 12000, None),
                 id="en-troops-are-in"),
    pytest.param(EN + "Ukraine sent fresh brigades to Sudzha to protect civilians, Syrskyi said.", None,
                 id="en-brigades-to-protect-civilians"),
    pytest.param(EN + "Russia deployed additional troops to protect residents of Sudzha.", None,
                 id="en-troops-to-protect-residents"),
])
def test_forces_are_deployed_whatever_else_the_sentence_names(resources, text, figure):
    found = [c for c in claims(resources, text) if c.kind is Kind.DEPLOYED]
    assert len(found) == 1
    assert numbers(found[0]) == figure


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param(RU + "В Курской области находятся около 300 пленных военнослужащих ВСУ.", Kind.CAPTURED,
                 id="ru-находятся-пленные"),
    pytest.param(EN + "About 100 wounded soldiers were sent to hospitals in Kursk.", Kind.WOUNDED,
                 id="en-wounded-sent-to-hospitals"),
    pytest.param(RU + "В Курскую область прибыли 300 раненых военных.", Kind.WOUNDED, id="ru-прибыли-раненые"),
])
def test_captives_and_the_wounded_moved_are_no_deployment(resources, text, kind):
    assert kinds(resources, text) == [kind]


def test_civilians_counted_are_still_a_loss(resources):
    found = claims(resources, RU + "В Судже погибли 5 мирных жителей.")
    assert [(c.kind, numbers(c)) for c in found] == [(Kind.KILLED, (None, 5, None))]


# --- a speaker named only by a role -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param(EN + "Russian forces retook Sudzha, a lawmaker said.", id="en-a-lawmaker-said"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a lawmaker told reporters.",
                 id="en-a-lawmaker-told"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, according to a lawmaker.",
                 id="en-according-to-a-lawmaker"),
    pytest.param(EN + "A lawmaker said about 100 North Korean soldiers were killed in Kursk.", id="en-a-lawmaker-first"),
    pytest.param(EN + "One lawmaker said about 100 North Korean soldiers were killed in Kursk.", id="en-one-lawmaker"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a government official said.",
                 id="en-a-government-official"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, an intelligence official said.",
                 id="en-an-intelligence-official"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, one official said.", id="en-one-official"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a legislator said.", id="en-a-legislator"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, an MP said.", id="en-an-MP"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, an analyst said.", id="en-an-analyst"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a spokesman said.", id="en-a-spokesman"),
    pytest.param(EN + "Russian forces retook Sudzha, a source said.", id="en-a-source"),
    pytest.param(EN + "Russian forces retook Sudzha, according to a person familiar with the matter.",
                 id="en-a-person-familiar-with-the-matter"),
    pytest.param(EN + "Russian forces retook Sudzha, according to an official.", id="en-according-to-an-official"),
    pytest.param(RU + "Около 100 военных КНДР погибли в Курской области, сообщил пресс-секретарь.",
                 id="ru-пресс-секретарь"),
    pytest.param(RU + "По словам депутата, около 100 военных КНДР погибли в Курской области.", id="ru-по-словам-депутата"),
    pytest.param(RU + "Около 100 военных КНДР погибли в Курской области, заявил один из депутатов.",
                 id="ru-один-из-депутатов"),
    pytest.param(RU + "По словам источника, около 100 военных КНДР погибли в Курской области.",
                 id="ru-по-словам-источника"),
    pytest.param(UK + "За словами депутата, близько 100 військових КНДР загинули на Курщині.", id="uk-за-словами-депутата"),
    pytest.param(UK + "Близько 100 військових КНДР загинули на Курщині, повідомив посадовець.", id="uk-посадовець"),
    pytest.param(UK + "Близько 100 військових КНДР загинули на Курщині, розповів співрозмовник.", id="uk-співрозмовник"),
])
def test_a_role_with_no_one_named_is_no_claimant(resources, text):
    assert claimants(resources, text) == [None]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(EN + "Russian forces retook Sudzha, a South Korean lawmaker said.", "South Korean lawmaker",
                 id="en-a-side-makes-one"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a Ukrainian commander said.",
                 "Ukrainian commander", id="en-a-ukrainian-commander"),
    pytest.param(EN + "Russian forces retook Sudzha, according to a senior Ukrainian official.",
                 "senior Ukrainian official", id="en-according-to-a-titled-one"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a senior U.S. defense official said.",
                 "US Department of Defense official", id="en-a-known-one-whatever-his-rank"),
    pytest.param(EN + "About 100 North Korean soldiers were killed in Kursk, a military blogger said.",
                 "Russian milbloggers", id="en-a-known-kind-of-source"),
    pytest.param(RU + "Около 100 военных КНДР погибли в Курской области, сообщил военкор.", "Russian milbloggers",
                 id="ru-военкор"),
    pytest.param(RU + "В районе Плехово ВСУ потеряли убитыми до 50 человек, сообщили военные корреспонденты.",
                 "Russian milbloggers", id="ru-военные-корреспонденты"),
    # "the lawmaker" and a title in Russian refer back to the one named before
    pytest.param(EN + "South Korean lawmaker Lee Seong-kweun briefed reporters on Tuesday. About 100 North Korean "
                      "soldiers have been killed in Kursk, the lawmaker said.", "Lee Seong-kweun",
                 id="en-the-lawmaker-refers-back"),
    pytest.param(RU + "Губернатор Курской области Александр Хинштейн провел совещание. По словам губернатора, в Рыльске "
                      "погибли трое мирных жителей.", "Alexander Khinshtein", id="ru-по-словам-губернатора-refers-back"),
])
def test_a_role_with_a_side_or_a_referent_names_one(resources, text, claimant):
    assert claimants(resources, text)[-1] == claimant


# --- a relay to the spy agency ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param(EN + "About 100 North Korean troops have been killed in Kursk, Yonhap news agency reported, citing the "
                      "spy agency.", id="en-yonhap-citing-the-spy-agency"),
    pytest.param(EN + "About 100 North Korean troops have been killed in Kursk, the Yonhap news agency said, citing the "
                      "spy agency.", id="en-the-yonhap-news-agency"),
    pytest.param(EN + "About 100 North Korean troops have been killed in Kursk, Yonhap said, quoting the spy agency.",
                 id="en-quoting"),
    pytest.param(EN + "About 100 North Korean troops have been killed in Kursk, Yonhap reported, citing the "
                      "intelligence agency.", id="en-the-intelligence-agency"),
    pytest.param(EN + "About 100 North Korean troops have been killed in Kursk, Yonhap reported, citing the country's "
                      "spy agency.", id="en-the-countrys-spy-agency"),
    pytest.param(EN + "Citing the spy agency, Yonhap news agency reported that about 100 North Korean troops have been "
                      "killed in Kursk.", id="en-the-relay-first"),
    pytest.param(EN + "Yonhap news agency, citing the spy agency, reported that about 100 North Korean troops have been "
                      "killed in Kursk.", id="en-the-relay-as-an-aside"),
    # the article named the country before: "a lawmaker said, citing the spy agency"
    pytest.param(EN + "Seoul has briefed lawmakers on the war.\n\nAbout 100 North Korean troops have been killed in "
                      "Kursk, a lawmaker said, citing the spy agency.", id="en-the-article-named-seoul"),
])
def test_the_spy_agency_an_outlet_of_its_country_cites_is_its_countrys(resources, text):
    assert claimants(resources, text) == ["South Korea's NIS"]


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Около 300 военных КНДР погибли в Курской области, сообщило агентство Ёнхап со ссылкой на "
                      "разведку.", id="ru-Ёнхап-со-ссылкой-на-разведку"),
    pytest.param(UK + "Близько 300 військових КНДР загинули на Курщині, повідомило агентство Йонхап із посиланням на "
                      "розвідку.", id="uk-Йонхап-із-посиланням-на-розвідку"),
    pytest.param(RU + "Около 300 военных КНДР погибли в Курской области, сообщило агентство Ёнхап со ссылкой на "
                      "разведку Южной Кореи.", id="ru-the-country-named"),
])
def test_a_bare_intelligence_service_an_outlet_cites_in_russian_and_ukrainian(resources, text):
    assert claimants(resources, text) == ["South Korea's NIS"]


def test_a_relay_no_country_makes_known_stays_as_written(resources):
    text = EN + "About 100 North Korean troops have been killed in Kursk, CNN reported, citing the spy agency."
    assert claimants(resources, text) == ["spy agency"]  # no country named: neither Seoul's nor Moscow's


def test_a_country_whose_agency_no_alias_knows_is_passed_over(resources):
    text = (EN + "South Korea's spy agency has briefed lawmakers. Russia denies it.\n\nAbout 100 North Korean troops "
            "have been killed in Kursk, a lawmaker said, citing the spy agency.")
    assert claimants(resources, text)[-1] == "South Korea's NIS"


# --- sources by their outlet or body ------------------------------------------------------------


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "Над Суджей подняли российский флаг, сообщил источник ТАСС.", "TASS", id="ru-источник-ТАСС"),
    pytest.param(RU + "Российские войска освободили Суджу, рассказал собеседник РИА Новости.", "RIA Novosti",
                 id="ru-собеседник-РИА"),
    pytest.param(EN + "Russian forces retook Sudzha, a TASS source said.", "TASS", id="en-a-TASS-source"),
    pytest.param(UK + "Російські війська захопили Суджу, повідомило джерело Укрінформу.", "Ukrinform",
                 id="uk-джерело-Укрінформу"),
    # the speaker inside a body after the outlet he told is still the body's (an earlier round)
    pytest.param(RU + "Российские войска освободили Суджу, сообщил ТАСС источник в силовых структурах.",
                 "Russian security forces", id="ru-told-TASS-a-source-in"),
    pytest.param(UK + "Росія перекинула на курський напрямок до 15 тисяч військових, повідомив речник ДПСУ.",
                 "State Border Guard Service of Ukraine", id="uk-речник-ДПСУ"),
    pytest.param(UK + "ЗСУ утримують позиції в районі Гуєва, повідомив речник ОСУВ «Хортиця».", "Khortytsia",
                 id="uk-речник-ОСУВ"),
    pytest.param(UK + "Північнокорейські військові втратили під Суджею до 200 осіб убитими та пораненими, повідомили в "
                      "ССО.", "Ukraine's Special Operations Forces", id="uk-в-ССО"),
    pytest.param(RU + "По подсчетам «Медузы», в боях в Курской области погибли около 200 российских военных.", "Meduza",
                 id="ru-по-подсчетам"),
    pytest.param(UK + "За підрахунками Медіазони, у боях на Курщині загинули близько 200 російських військових.",
                 "Mediazona", id="uk-за-підрахунками"),
    pytest.param(EN + "Russian forces have entered Sudzha, a Russian war blogger reported on Telegram.",
                 "Russian milbloggers", id="en-a-russian-war-blogger"),
    pytest.param(EN + "Ukrainian forces withdrew from the village of Malaya Loknya, according to DeepState.", "DeepState",
                 id="en-according-to-deepstate"),
    pytest.param(UK + "Близько 300 військових КНДР загинули на Курщині, повідомило агентство Йонхап.", "Yonhap",
                 id="uk-агентство-Йонхап"),
    pytest.param(RU + "Около 300 военных КНДР погибли в Курской области, пишет The New York Times со ссылкой на "
                      "американских чиновников.", "US officials", id="ru-американских-чиновников"),
    # one of a side's analysts or soldiers is no government
    pytest.param(EN + "Russian forces have lost about 60 percent of the territory they once held in Kursk, a Ukrainian "
                      "analyst said.", "Ukrainian analyst", id="en-a-ukrainian-analyst"),
    pytest.param(EN + "Russian forces retook Sudzha, a Ukrainian soldier told AP.", "Ukrainian soldier",
                 id="en-a-ukrainian-soldier"),
])
def test_a_source_by_its_outlet_or_body(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_a_title_before_a_person_is_still_the_person(resources):
    text = UK + "Ворог накопичує сили біля Суджі, повідомив речник Генштабу Андрій Ковальов."
    assert claimants(resources, text) == ["Андрій Ковальов"]


# --- what a figure counts -----------------------------------------------------------------------

_BASE = EN + "About 1,000 North Korean troops were killed or wounded in Kursk.\n\n"


@pytest.mark.parametrize(("text", "kind", "figure"), [
    pytest.param(_BASE + "About 300 of the casualties were deaths.", Kind.KILLED, (None, 300, None),
                 id="en-n-of-the-casualties-were-deaths"),
    pytest.param(_BASE + "About 300 of the casualties were killed.", Kind.KILLED, (None, 300, None),
                 id="en-n-of-the-casualties-were-killed"),
    pytest.param(_BASE + "The deaths numbered about 300, the lawmaker said.", Kind.KILLED, (None, 300, None),
                 id="en-the-deaths-numbered"),
    pytest.param(_BASE + "There have been about 300 deaths among North Korean troops in Kursk.", Kind.KILLED,
                 (None, 300, None), id="en-there-have-been-deaths"),
    pytest.param(UK + "Росіяни втратили понад 600 військових полоненими на Курщині.", Kind.CAPTURED, (600, 600, None),
                 id="uk-втратили-полоненими"),
    pytest.param(RU + "Противник потерял пленными более 50 человек у Суджи.", Kind.CAPTURED, (50, 50, None),
                 id="ru-потерял-пленными"),
    pytest.param(RU + "Численность украинской группировки в Курской области сократилась до 10 тысяч, заявил Герасимов.",
                 Kind.DEPLOYED, (None, 10000, None), id="ru-численность-сократилась-до"),
    pytest.param(EN + "The number of Ukrainian troops in Kursk has fallen to about 10,000, Gerasimov said.",
                 Kind.DEPLOYED, (None, 10000, None), id="en-the-number-has-fallen-to"),
    pytest.param(RU + "Потери ВСУ сократились до 100 человек в сутки, заявил Хинштейн.", Kind.KILLED_OR_WOUNDED,
                 (None, 100, None), id="ru-сократились-до-is-no-up-to"),
])
def test_what_a_figure_counts(resources, text, kind, figure):
    found = claims(resources, text)[-1]
    assert (found.kind, numbers(found)) == (kind, figure)


# --- control: its side, and what is none -------------------------------------------------------


@pytest.mark.parametrize(("text", "side"), [
    pytest.param(RU + "⚡️Российские войска освободили Плехово Курской области — Минобороны РФ", "Российские войска",
                 id="ru-emoji"),
    pytest.param(RU + "Накануне российские военные взяли под контроль Мартыновку, сообщил «Рыбарь».",
                 "российские военные", id="ru-накануне"),
    pytest.param(RU + "Две недели назад ВСУ были выбиты из Свердликово.", "ВСУ", id="ru-две-недели-назад-были"),
    pytest.param(EN + "Russian forces likely recaptured Malaya Loknya, ISW assessed.", "Russian forces", id="en-likely"),
    pytest.param(UK + "Російські війська, ймовірно, захопили Суджу.", "Російські війська", id="uk-ймовірно"),
])
def test_the_side_of_a_control_claim_is_the_side_alone(resources, text, side):
    found = [c for c in claims(resources, text) if c.kind is Kind.CONTROL]
    assert [c.subject for c in found] == [side]


@pytest.mark.parametrize("text", [
    pytest.param(UK + "Сили оборони України вийшли з Суджі, щоб уникнути оточення.", id="uk-щоб-уникнути-оточення"),
    pytest.param(RU + "Силы обороны Украины вышли из Суджи, чтобы избежать окружения.", id="ru-чтобы-избежать"),
    pytest.param(EN + "Ukraine's troops withdrew from Sudzha to avoid encirclement, a Ukrainian commander told Reuters.",
                 id="en-to-avoid-encirclement"),
])
def test_a_withdrawal_to_avoid_encirclement_is_control_alone(resources, text):
    assert kinds(resources, text) == [Kind.CONTROL]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "Подразделения группировки войск «Север» освободили населенный пункт Мартыновка Курской области, "
                      "сообщили в Минобороны России.", "Russian Defense Ministry", id="ru-ministry-summary"),
    pytest.param(RU + "Российские войска выбили ВСУ из Суджи, сообщил источник в силовых структурах.",
                 "Russian security forces", id="ru-выбили-из"),
    pytest.param(RU + "Украинские подразделения оставили Свердликово, сообщает «Два майора».", "Two Majors",
                 id="ru-оставили"),
    pytest.param(RU + "Украинские военные покинули Суджу, признал Сырский.", "Oleksandr Syrskyi", id="ru-покинули"),
    pytest.param(RU + "Украинцы удерживают лишь несколько улиц на окраине Суджи, пишут военкоры.", "Russian milbloggers",
                 id="ru-удерживают-улицы"),
    pytest.param(UK + "Сили оборони відійшли з Суджі на більш вигідні позиції, повідомив Генштаб ЗСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-відійшли"),
    pytest.param(UK + "Окупанти зайняли Мартинівку, зазначають аналітики DeepState.", "DeepState", id="uk-зайняли"),
    pytest.param(UK + "Росіяни окупували Малу Локню, зазначили в ISW.", "Institute for the Study of War",
                 id="uk-окупували"),
    pytest.param(EN + "Ukrainian forces were pushed out of Sudzha over the weekend, according to Russian military "
                      "bloggers.", "Russian milbloggers", id="en-pushed-out"),
    pytest.param(EN + "Russian troops have retaken the village of Sverdlikovo in the Kursk region, Russia's Defense "
                      "Ministry said on Wednesday.", "Russian Defense Ministry", id="en-retaken"),
    pytest.param(EN + "Russian forces cleared Sudzha of Ukrainian troops on Thursday, the Kremlin said.", "Russia",
                 id="en-cleared"),
    pytest.param(EN + "Ukrainian troops have fallen back from positions near Sudzha, the Kyiv Independent reported.",
                 "Kyiv Independent", id="en-fallen-back"),
])
def test_control_in_the_wires_and_posts(resources, text, claimant):
    found = [c for c in claims(resources, text) if c.kind is Kind.CONTROL]
    assert [c.claimant for c in found] == [claimant]
    assert all(c.places for c in found)


@pytest.mark.parametrize(("text", "kind", "figure", "claimant"), [
    pytest.param(RU + "За минувшие сутки противник потерял на курском направлении до 310 военнослужащих, сообщило "
                      "Минобороны.", Kind.KILLED_OR_WOUNDED, (None, 310, 310), "Russian Defense Ministry",
                 id="ru-за-минувшие-сутки-до"),
    pytest.param(RU + "❗️ВСУ за сутки потеряли на курском направлении свыше 300 человек — МО РФ", Kind.KILLED_OR_WOUNDED,
                 (300, 300, None), "Russian Defense Ministry", id="ru-telegram-dash-source"),
    pytest.param(RU + "Бойцы «Ахмата» взяли в плен 12 украинских военнослужащих у Суджи, заявил Апти Алаудинов.",
                 Kind.CAPTURED, (None, 12, None), "Apti Alaudinov", id="ru-взяли-в-плен"),
    pytest.param(RU + "В Курскую область переброшены до 5 тысяч военнослужащих из Херсонского направления, пишет Mash.",
                 Kind.DEPLOYED, (None, 5000, 5000), "Mash", id="ru-переброшены-до"),
    pytest.param(UK + "Минулої доби на Курщині ворог втратив 320 осіб, повідомив Сирський.", Kind.KILLED_OR_WOUNDED,
                 (None, 320, None), "Oleksandr Syrskyi", id="uk-минулої-доби"),
    pytest.param(UK + "На Курщині перебувають близько 11 тисяч військових КНДР, заявили у ГУР.", Kind.DEPLOYED,
                 (None, 11000, None), "GUR", id="uk-перебувають-військові"),
    pytest.param(UK + "Ворог втратив убитими і пораненими близько 38 тисяч військових на Курщині, заявив Сирський.",
                 Kind.KILLED_OR_WOUNDED, (None, 38000, None), "Oleksandr Syrskyi", id="uk-убитими-і-пораненими"),
    pytest.param(EN + "Up to 300 Ukrainian soldiers were killed in the past day in the Kursk region, the Russian defence "
                      "ministry said.", Kind.KILLED, (None, 300, 300), "Russian Defense Ministry", id="en-up-to-past-day"),
    pytest.param(EN + "Russia has amassed up to 70,000 troops in the Kursk region, Ukrainian officials say.",
                 Kind.DEPLOYED, (None, 70000, 70000), "Ukraine", id="en-amassed"),
    pytest.param(EN + "At least 10 Ukrainian soldiers surrendered near Sudzha, Russia claimed.", Kind.CAPTURED,
                 (10, 10, None), "Russia", id="en-surrendered"),
    # deployments: where from before where to, beside whom they fight, the active of committing forces
    pytest.param(EN + "Russia has moved about 15,000 troops from Zaporizhzhia to Kursk, Syrskyi said.", Kind.DEPLOYED,
                 (None, 15000, None), "Oleksandr Syrskyi", id="en-moved-from-X-to"),
    pytest.param(EN + "Up to 12,000 North Korean soldiers are fighting alongside Russian troops in Kursk, the Pentagon "
                      "said.", Kind.DEPLOYED, (None, 12000, 12000), "Pentagon", id="en-fighting-alongside-in"),
    pytest.param(RU + "Около 12 тысяч северокорейских военных воюют в Курской области, сообщает ГУР.", Kind.DEPLOYED,
                 (None, 12000, None), "GUR", id="ru-воюют-в"),
    pytest.param(RU + "На курском направлении противник задействовал до 20 бригад, сообщил Герасимов.", Kind.DEPLOYED,
                 (None, None, None), "Valery Gerasimov", id="ru-задействовал-бригады"),
    pytest.param(RU + "В Курскую область прибыло пополнение из числа мобилизованных, сообщил Хинштейн.", Kind.DEPLOYED,
                 None, "Alexander Khinshtein", id="ru-прибыло-пополнение"),
    pytest.param(EN + "Ukraine had about 10,000 troops in the Kursk region at the peak, Syrskyi said.", Kind.DEPLOYED,
                 (None, 10000, None), "Oleksandr Syrskyi", id="en-had-N-troops-in"),
    pytest.param(EN + "The Pentagon estimates that North Korea has between 11,000 and 12,000 troops in Russia.",
                 Kind.DEPLOYED, (11000, None, 12000), "Pentagon", id="en-has-between-N-and-M-troops-in-russia"),
    pytest.param(EN + "Russia has lost 300 troops in Kursk this week, Syrskyi said.", Kind.KILLED_OR_WOUNDED,
                 (None, 300, None), "Oleksandr Syrskyi", id="en-has-lost-N-troops-in-is-a-loss"),
    pytest.param(UK + "Нейтралізовано 20 окупантів біля Суджі, повідомили в ССО.", Kind.KILLED_OR_WOUNDED,
                 (None, 20, None), "Ukraine's Special Operations Forces", id="uk-нейтралізовано"),
])
def test_losses_and_deployments_in_the_wires_and_posts(resources, text, kind, figure, claimant):
    found = claims(resources, text)
    assert [(c.kind, numbers(c), c.claimant) for c in found] == [(kind, figure, claimant)]


# --- where ------------------------------------------------------------------------------------


def places(resources, text: str) -> list[tuple[str, str | None]]:
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    gaz = resources.gazetteer
    return [(r.mention.surface, r.place_id and gaz.places[r.place_id].name)
            for r in process_document(doc, resources).resolutions]


def test_the_kursk_front_is_the_oblast_not_the_city(resources):
    text = RU + "На Курском направлении пропали без вести около 40 бойцов ВСУ, сообщили украинские СМИ."
    (claim,) = claims(resources, text)
    assert [resources.gazetteer.places[p.place_id].name for p in claim.places] == ["Kursk Oblast"]
    # the city in its instrumental stays the city
    assert ("Курском", "Kursk") in places(resources, RU + "В боях под Курском погибли 5 военных.")


@pytest.mark.parametrize("surface", ["Гуєва", "Гуєві"])
def test_a_ukrainian_village_in_o_declined_as_a_noun(resources, surface):
    assert (surface, "Guyevo") in places(resources, UK + f"Бої тривають біля {surface}.")


# --- whole articles: a list under its lead, a headline that names its source -------------------


def test_a_list_leads_losses_side_is_no_source(resources):
    text = ("Сводка Минобороны России\n\nЗа сутки потери ВСУ на курском направлении составили:\n"
            "— более 230 военнослужащих;\n— 4 танка.")
    found = claims(resources, text)
    assert [(c.kind, numbers(c), c.claimant) for c in found] == [
        (Kind.KILLED_OR_WOUNDED, (230, 230, None), "Russian Defense Ministry")]
    # with no source anywhere, the side whose losses the lead counts is still none
    bare = "Сводка\n\nЗа сутки потери ВСУ на курском направлении составили:\n— более 230 военнослужащих;\n— 4 танка."
    assert claimants(resources, bare) == [None]


def test_a_headline_that_opens_on_a_body_retells_its_report(resources):
    text = ("Генштаб ЗСУ: втрати ворога на Курщині\n\nПротягом доби на Курському напрямку відбулося 25 боєзіткнень.\n"
            "Загалом за минулу добу на цьому напрямку ворог втратив 143 особи.\n"
            "Сили оборони утримують позиції в районі Гуєва та Свердликового.")
    assert claimants(resources, text) == ["General Staff of the Armed Forces of Ukraine"] * 2


def test_a_headline_that_opens_on_a_country_is_its_topic(resources):
    text = "Ukraine: the war in Kursk\n\nRussian forces retook Sudzha on Tuesday.\nFighting goes on."
    assert claimants(resources, text) == [None]


# --- a list that spans two regions (GOLD.md: the Kursk part one claim, the rest another) --------


@pytest.mark.parametrize(("text", "kursk", "other"), [
    pytest.param(RU + "За неделю освобождены Мартыновка в Курской области и Ивановка в Белгородской области.",
                 "За неделю освобождены Мартыновка в Курской области", "Ивановка в Белгородской области",
                 id="ru-в-X-области-after-each"),
    pytest.param(RU + "Российские войска освободили Малую Локню Курской области и Безыменное Белгородской области.",
                 "Российские войска освободили Малую Локню Курской области", "Безыменное Белгородской области",
                 id="ru-genitive-region"),
    pytest.param(EN + "Russian forces recaptured Martynovka in the Kursk region and Ivanovka in the Belgorod region.",
                 "Russian forces recaptured Martynovka in the Kursk region", "Ivanovka in the Belgorod region",
                 id="en-in-the-X-region"),
    pytest.param(UK + "Російські війська захопили Мартинівку на Курщині та Іванівку в Сумській області.",
                 "Російські війська захопили Мартинівку на Курщині", "Іванівку в Сумській області", id="uk-та"),
])
def test_a_list_across_two_regions_is_two_claims(resources, text, kursk, other):
    found = [c for c in claims(resources, text) if c.kind is Kind.CONTROL]
    assert [c.quote for c in found] == [kursk, other]
    assert found[0].places and not found[1].places


@pytest.mark.parametrize("text", [
    pytest.param(RU + "ВСУ оставили позиции у Гуево и отошли в Сумскую область.", id="ru-a-verb-not-a-village"),
    pytest.param(EN + "Russian forces retook Sudzha and Ukraine shelled villages in the Belgorod region.",
                 id="en-another-clause"),
    pytest.param(EN + "Ukrainian forces have captured 11 settlements, including Nikolaevo-Daryino (1.5 kilometers north "
                      "of the Sumy Oblast border), Darino and Sverdlikovo.", id="en-a-distance-from-the-border"),
])
def test_another_region_named_in_a_list_item_that_is_no_village_splits_nothing(resources, text):
    assert len([c for c in claims(resources, text) if c.kind is Kind.CONTROL]) == 1


# --- two speakers, two figures in one sentence ----------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(EN + "Zelensky said 15,000 North Korean troops had been killed or wounded, a figure Seoul put at 4,700.",
                 [("Volodymyr Zelensky", (None, 15000, None)), ("South Korea", (None, 4700, None))],
                 id="en-a-figure-X-put-at"),
    pytest.param(RU + "По данным ГУР, в Курской области погибли около 4000 военных КНДР, тогда как южнокорейская разведка "
                      "оценивает потери в 3000 человек.",
                 [("GUR", (None, 4000, None)), ("South Korea's NIS", (None, 3000, None))], id="ru-тогда-как"),
    pytest.param(EN + "Ukraine's military intelligence said 200 North Koreans had been killed, citing intercepted radio "
                      "communications.", [("GUR", (None, 200, None))], id="en-citing-evidence-is-no-relay"),
])
def test_each_figure_is_its_own_speakers(resources, text, expected):
    assert [(c.claimant, numbers(c)) for c in claims(resources, text)] == expected


def test_a_whereas_clause_ends_a_control_claim(resources):
    text = RU + "Сырский заявил, что ВСУ отошли из Суджи, тогда как Минобороны России сообщило о ее освобождении."
    found = [c for c in claims(resources, text) if c.kind is Kind.CONTROL]
    assert [(c.quote, c.claimant) for c in found][:1] == [("ВСУ отошли из Суджи", "Oleksandr Syrskyi")]


# --- more control and its sources ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param("Russia says it has recaptured all of Kursk.", "Russia", id="en-all-of-kursk"),
    pytest.param(EN + "Ukrainian troops hold only a sliver of land in Kursk, according to open-source maps.", None,
                 id="en-maps-name-nobody"),
    pytest.param(EN + "Ukrainian troops hold only a sliver of land in Kursk, according to DeepState maps.", "DeepState",
                 id="en-a-makers-maps"),
    # a refuted report is its maker's, in lower case too, not the refuter's
    pytest.param(UK + "Генштаб ЗСУ спростував заяви росіян про повне звільнення Курщини.", "Russia",
                 id="uk-заяви-росіян-про"),
    pytest.param(RU + "Генштаб ВСУ опроверг сообщения российских военкоров о выходе из Суджи.", "Russian milbloggers",
                 id="ru-сообщения-военкоров-о"),
])
def test_control_claims_and_their_sources(resources, text, claimant):
    found = [c for c in claims(resources, text) if c.kind is Kind.CONTROL]
    assert [c.claimant for c in found] == [claimant]


# --- Telegram lists: emoji and numbered items, a repost headed by its source's name ----------


@pytest.mark.parametrize(("text", "claimant", "figure"), [
    pytest.param("#сводка Минобороны\n\n🔻Потери ВСУ на курском направлении за сутки:\n▪️ до 180 военнослужащих;\n"
                 "▪️ 3 бронемашины.", "Russian Defense Ministry", (None, 180, 180), id="ru-emoji-bullets"),
    pytest.param("Генштаб ЗСУ\n\n‼️Втрати ворога на Курщині за добу:\n• 210 окупантів;\n• 4 танки.",
                 "General Staff of the Armed Forces of Ukraine", (None, 210, None), id="uk-a-source-named-alone"),
    pytest.param("Минобороны России\n\nЗа сутки ВСУ потеряли на курском направлении:\n1) более 200 военнослужащих;\n"
                 "2) 5 боевых бронированных машин.", "Russian Defense Ministry", (200, 200, None),
                 id="ru-numbered-items-the-side-that-lost-is-no-source"),
])
def test_a_telegram_list_of_losses(resources, text, claimant, figure):
    found = claims(resources, text)
    assert [(c.kind, c.claimant, numbers(c)) for c in found] == [(Kind.KILLED_OR_WOUNDED, claimant, figure)]


def test_a_sentence_that_opens_on_a_body_is_no_headline_of_its_source(resources):
    text = "Генштаб ВСУ опроверг сообщения о захвате Гуево."
    assert claimants(resources, text) == [None]  # the refuted report is nobody's here
