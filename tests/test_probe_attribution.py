"""Claimants in phrasings the development articles lack: written for these tests in the
style of Russian and Ukrainian wires and Telegram-sourced reports.

Each sentence holds one claim; the tests assert who makes it.
"""

from __future__ import annotations

import pytest

from geo.model import Document, Source
from geo.pipeline import process_document


def claimants(resources, text: str) -> list[str | None]:
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    return [c.claimant for c in process_document(doc, resources).claims]


@pytest.mark.parametrize(("text", "claimant"), [
    # a report up the chain of command, with its addressee between verb and speaker
    pytest.param("ВСУ отошли из Суджи, доложил Путину Герасимов.", "Valery Gerasimov", id="ru-доложил"),
    pytest.param("Українські сили відступили з Суджі, визнав Сирський.", "Oleksandr Syrskyi", id="uk-визнав"),
    pytest.param("Українські сили відступили з Суджі, доповів Сирський.", "Oleksandr Syrskyi", id="uk-доповів"),
    # a body's reports in the present tense, "in the ministry"
    pytest.param("ВСУ отошли из Суджи, утверждают в Минобороны России.", "Russian Defense Ministry",
                 id="ru-утверждают-в"),
    pytest.param("Українські сили відступили з Суджі, стверджують у Міноборони РФ.", "Russian Defense Ministry",
                 id="uk-стверджують-у"),
    pytest.param("Українські сили відступили з Суджі, повідомляють у Генштабі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-повідомляють-у"),
    # a known source in lower case after its verb
    pytest.param("Украинские подразделения покинули Малую Локню, сообщили военкоры.", "Russian milbloggers",
                 id="ru-сообщили-военкоры"),
    pytest.param("Украинские подразделения покинули Малую Локню, пишут российские военкоры.", "Russian milbloggers",
                 id="ru-пишут-российские-военкоры"),
    pytest.param("Українські сили відступили з Суджі, повідомляють російські джерела.", "Russian sources",
                 id="uk-повідомляють-джерела"),
    pytest.param("Ukrainian troops withdrew from Sudzha, said military bloggers.", "Russian milbloggers",
                 id="en-said-military-bloggers"),
    pytest.param("Ворог зосередив біля Суджі понад 5 тисяч військових, попереджає Генштаб.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-попереджає"),
    pytest.param("Противник стянул к Судже до 5 тысяч военных, предупредил Сырский.", "Oleksandr Syrskyi",
                 id="ru-предупредил"),
    # "it follows from the data of X"
    pytest.param("Украинская армия удерживает около 400 кв. км Курской области, следует из данных DeepState.",
                 "DeepState", id="ru-следует-из-данных"),
    pytest.param("Українська армія утримує близько 400 кв. км Курської області, випливає з даних DeepState.",
                 "DeepState", id="uk-випливає-з-даних"),
    # the ministry by its capital
    pytest.param("Russian units regained control of Zaoleshenka, the defence ministry in Moscow said.",
                 "Russian Defense Ministry", id="en-defence-ministry-in-moscow"),
    pytest.param("Russian units regained control of Zaoleshenka, Moscow's Defence Ministry said.",
                 "Russian Defense Ministry", id="en-moscows-defence-ministry"),
    # a sentence adverb before the speaker is no part of its name
    pytest.param("Водночас DeepState повідомляє, що окупанти захопили Малу Локню Курської області.", "DeepState",
                 id="uk-водночас"),
    pytest.param("Тем временем Минобороны России сообщило об освобождении Суджи.", "Russian Defense Ministry",
                 id="ru-тем-временем"),
    # an outlet's base is a descriptor; evidence ("footage", "imagery") is no speaker and does not
    # hide the one after the claim; "the think tank" refers back to the body named before
    pytest.param("The Washington-based Institute for the Study of War said Ukrainian troops withdrew from Sudzha.",
                 "Institute for the Study of War", id="en-washington-based"),
    pytest.param("Satellite imagery shows Russian troops entered Sudzha, the ISW said.",
                 "Institute for the Study of War", id="en-imagery-then-speaker"),
    pytest.param("Geolocated footage shows that Russian forces advanced into Sudzha.", None, id="en-footage-alone"),
    pytest.param("Russia now holds Sudzha, Russian state media reported.", "Russian media", id="en-russian-state-media"),
    # "the Russian side" is Russia
    pytest.param("Российская сторона заявила об освобождении Суджи.", "Russia", id="ru-российская-сторона"),
    pytest.param("Українська сторона повідомила, що ЗСУ утримують позиції біля Суджі.", "Ukraine",
                 id="uk-українська-сторона"),
    pytest.param("The Russian side said its troops had liberated Sudzha.", "Russia", id="en-the-russian-side"),
    # "the country's agency": the speaker's country
    pytest.param("Some 300 North Korean soldiers have been killed, South Korean lawmakers said, "
                 "citing the country's spy agency.", "South Korea's NIS", id="en-south-korean-lawmakers"),
    pytest.param("Kyiv said 200 Russian soldiers were killed near Sudzha, citing the country's military intelligence.",
                 "GUR", id="en-kyiv-not-the-russian-soldiers"),
    # a channel named in guillemets, before or after its verb, known or not
    pytest.param("Телеграм-канал «Рыбарь» сообщил, что российские войска зашли в Суджу.", "Rybar", id="ru-канал-«X»-сообщил"),
    pytest.param("Российские войска зашли в Суджу, сообщил телеграм-канал «Два майора».", "Two Majors",
                 id="ru-сообщил-канал-«X»"),
    pytest.param("Российские войска зашли в Суджу, сообщил телеграм-канал «Военная хроника».", "Военная хроника",
                 id="ru-unknown-channel-in-guillemets"),
    pytest.param("Українські війська вийшли з Суджі, пише «Рибар».", "Rybar", id="uk-пише-«X»"),
    # the press office is its body; a Telegram channel between verb and speaker
    pytest.param("Как сообщили в пресс-службе Минобороны, подразделения «Севера» освободили Свердликово.",
                 "Russian Defense Ministry", id="ru-пресс-служба"),
    pytest.param("Об этом сообщил в своем Telegram-канале губернатор Александр Хинштейн: в Рыльске погибли трое.",
                 "Alexander Khinshtein", id="ru-в-своем-канале"),
    # a headline's source after a dash
    pytest.param("ВСУ потеряли в Курской области более 300 военных за сутки — Минобороны", "Russian Defense Ministry",
                 id="ru-headline-dash-source"),
])
def test_the_source_in_a_new_phrasing_is_the_claimant(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_an_unknown_lower_case_source_after_its_verb_names_nobody(resources):
    # "local residents" is no source geo knows: the tail pattern keeps only known ones
    assert claimants(resources, "Украинские подразделения покинули Малую Локню, сообщили местные жители.") == [None]


@pytest.mark.parametrize("text", [
    pytest.param("Ukrainian forces captured 40 Russian soldiers near Sudzha, and Radio Liberty posted imagery "
                 "that shows heavy damage.", id="en-and-X-posted"),
    pytest.param("Ukrainian forces captured 40 Russian soldiers near Sudzha, and Zelensky said more would follow.",
                 id="en-and-X-said"),
])
def test_a_speaker_after_and_opens_a_clause_of_its_own(resources, text):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    (claim,) = process_document(doc, resources).claims
    assert claim.quote == "Ukrainian forces captured 40 Russian soldiers near Sudzha"
    assert claim.claimant is None


def test_two_speakers_joined_by_and_keep_their_own_claims(resources):
    text = "Zelensky said Ukrainian forces captured 40 Russian soldiers near Sudzha, and Syrskyi said 20 more were killed."
    assert claimants(resources, text) == ["Volodymyr Zelensky", "Oleksandr Syrskyi"]


def test_a_place_after_the_subject_is_no_part_of_the_speakers_name(resources):
    # "в Суджу," is not a time phrase ("в понедельник") between a subject and its verb
    assert claimants(resources, "Российские войска зашли в Суджу, сообщил Рыбарь.") == ["Rybar"]


@pytest.mark.parametrize(("text", "expected"), [
    # a pronoun with "also" in the language of the text, not a name "Він також"
    pytest.param("Зеленський заявив про полон двох солдатів КНДР. Він також повідомив, що втрати КНДР "
                 "перевищують 4 тисячі осіб.", ["Volodymyr Zelensky", "Volodymyr Zelensky"], id="uk-він-також"),
    pytest.param("Сырский сообщил о взятии Суджи. Он также заявил, что в плен взяты 40 военных.",
                 ["Oleksandr Syrskyi", "Oleksandr Syrskyi"], id="ru-он-также"),
    # a title with the region it governs refers back to the governor
    pytest.param("Хинштейн сообщил, что в Льгове погиб мирный житель. Ранее глава региона сообщал, что за неделю "
                 "в Курской области погибли пять человек.", ["Alexander Khinshtein", "Alexander Khinshtein"],
                 id="ru-глава-региона"),
    pytest.param("The ISW said Russian troops entered Sudzha. Geolocated footage indicated that Russian forces had "
                 "advanced into central Plekhovo, the think tank said.",
                 ["Institute for the Study of War", "Institute for the Study of War"], id="en-the-think-tank"),
    # a sentence adverb after the name
    pytest.param("Военкоры тем временем пишут, что российские подразделения выбили противника из Горналя.",
                 ["Russian milbloggers"], id="ru-военкоры-тем-временем"),
])
def test_a_speaker_referred_to_again(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "words"), [
    # the topic after "about" is no title before a name: the village is not the speaker
    pytest.param("Командующий группировкой «Север» сообщил об освобождении населённого пункта Басовка в "
                 "Суджанском районе.", "освобождении", id="ru-сообщил-об-освобождении-X"),
    # a phrase does not run on past the full stop after a village
    pytest.param("Satellite images showed damaged buildings in Sukhinovka. The claims could not be verified. "
                 "“They keep sending small groups towards Nekhayevka in the Kursk region,” said a drone operator.", "sending",
                 id="en-no-phrase-across-a-full-stop"),
])
def test_a_village_is_never_the_speaker(resources, text, words):
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    found = [c for c in process_document(doc, resources).claims if words in c.quote]
    assert found and all(c.claimant is None or ("Басовка" not in c.claimant and "Sukhinovka" not in c.claimant)
                         for c in found)


def test_evidence_that_shows_a_claim_does_not_carry_the_source_before(resources):
    text = ("Russian sources claim that Ukrainian forces entered Sudzha in the Kursk region. At the same time, "
            "footage posted on Monday shows that Ukrainian forces captured 40 Russian soldiers near Sudzha.")
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    found = process_document(doc, resources).claims
    assert [c.claimant for c in found if "captured 40" in c.quote] == [None]
    assert [c.claimant for c in found if "entered" in c.quote] == ["Russian sources"]


@pytest.mark.parametrize(("text", "expected"), [
    # a title with its region or unit names its speaker in the nominative, whatever case the sentence needs
    pytest.param("По словам губернатора Курской области, в Рыльске ранены трое мирных жителей.",
                 "губернатор Курской области", id="ru-по-словам-губернатора"),
    pytest.param("В Глушкове погибли двое мирных жителей, сообщил губернатор Курской области.",
                 "губернатор Курской области", id="ru-сообщил-губернатор-области"),
    pytest.param("Губернатор Курской области заявил, что в Глушкове погибли двое мирных жителей.",
                 "губернатор Курской области", id="ru-губернатор-заявил"),
    pytest.param("За словами командира бригади, ворог втратив 50 військових біля Суджі.", "командир бригади",
                 id="uk-за-словами-командира"),
    pytest.param("Окупанти втратили 60 військових біля Суджі, повідомили в бригаді.", "бригада",
                 id="uk-повідомили-в-бригаді"),
    pytest.param("По словам главы Глушковского района, в Теткине ранены двое мирных жителей.",
                 "глава Глушковского района", id="ru-по-словам-главы-района"),
    # the commander of a named group: the commander speaks, with his group in its name, in every construction
    pytest.param("Командующий группировкой «Запад» сообщил, что ВСУ потеряли 200 военнослужащих под Суджей.",
                 "командующий группировкой «Запад»", id="ru-командующий-сообщил"),
    pytest.param("По данным командующего группировкой «Запад», ВСУ потеряли 200 военнослужащих под Суджей.",
                 "командующий группировкой «Запад»", id="ru-по-данным-командующего"),
    pytest.param("ВСУ потеряли 200 военнослужащих под Суджей, сообщил командующий группировкой «Запад».",
                 "командующий группировкой «Запад»", id="ru-сообщил-командующий"),
    pytest.param("«Мы потеряли около 30 человек за неделю боёв у Суджи», — рассказал командир роты.",
                 "командир роты", id="ru-рассказал-командир-роты"),
    # whom it was told to is no part of the title
    pytest.param("«Наши подразделения удерживают позиции в Плехове», — сказал командующий группировкой «Запад» "
                 "журналистам.", "командующий группировкой «Запад»", id="ru-сказал-журналистам"),
    pytest.param("«Наші підрозділи утримують позиції в Плеховому», — сказав командир бригади журналістам.",
                 "командир бригади", id="uk-сказав-журналістам"),
])
def test_a_title_speaks_in_the_nominative(resources, text, expected):
    assert claimants(resources, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # GOLD.md: an unnamed source is the claimant as the text names it; a source inside a known
    # body speaks for that body; a source with no body named names nobody
    pytest.param("200 Ukrainian soldiers were killed near Gornal, a source in the security services said.",
                 "source in the security services", id="en-tail-source-in"),
    pytest.param("A source in Ukraine's General Staff said 200 Russian soldiers were killed near Gornal.",
                 "General Staff of the Armed Forces of Ukraine", id="en-source-in-known-body"),
    pytest.param("Джерело в СБУ повідомило, що біля Гірʼя загинули 200 російських військових.", "SBU",
                 id="uk-джерело-в-СБУ"),
    pytest.param("Біля Гірʼя загинули 200 російських військових, повідомило джерело в СБУ.", "SBU",
                 id="uk-повідомило-джерело-в-СБУ"),
    pytest.param("Источник в Минобороны России сообщил, что под Горналем погибли 200 военнослужащих ВСУ.",
                 "Russian Defense Ministry", id="ru-источник-в-Минобороны"),
    pytest.param("Сили оборони звільнили Горналь, повідомило джерело.", None, id="uk-bare-джерело"),
    pytest.param("An unnamed source said Russian forces retook Gornal.", None, id="en-unnamed-source"),
])
def test_an_unnamed_source(resources, text, expected):
    assert claimants(resources, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a report its sentence refutes is its maker's claim (GOLD.md: the origin), named with the
    # report or nobody; the refuter's own statement is a denial, not this claim
    pytest.param("Reports that Russian forces had captured Plekhovo are untrue, the General Staff said.", None,
                 id="en-reports-untrue"),
    pytest.param("Kyiv denied Russian claims that Plekhovo had been taken.", "Russia", id="en-denied-russian-claims"),
    pytest.param("The General Staff dismissed Russian Defense Ministry claims that Russian forces had captured "
                 "Plekhovo.", "Russian Defense Ministry", id="en-dismissed-ministry-claims"),
    pytest.param("Информация о том, что российские войска захватили Плехово, не соответствует действительности, "
                 "заявили в Генштабе ВСУ.", None, id="ru-не-соответствует-действительности"),
    pytest.param("Генштаб ЗСУ спростував заяви про те, що російські війська захопили Плехове.", None,
                 id="uk-спростував-заяви"),
    # a confirmed report is the confirmer's
    pytest.param("The General Staff confirmed reports that Russian forces had captured Plekhovo.",
                 "General Staff of the Armed Forces of Ukraine", id="en-confirmed-reports"),
])
def test_a_refuted_report_is_its_makers(resources, text, expected):
    assert claimants(resources, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # GOLD.md: a title that refers back names the person named with it before, in any case
    pytest.param("Губернатор Курской области Александр Хинштейн сообщил, что в Рыльске погибли двое мирных жителей. "
                 "Позже губернатор Курской области заявил, что в Глушкове ранены трое мирных жителей.",
                 ["Alexander Khinshtein", "Alexander Khinshtein"], id="ru-позже-губернатор-области"),
    pytest.param("Врио губернатора Курской области Александр Хинштейн сообщил, что в Рыльске погибли двое. "
                 "По словам губернатора Курской области, в Тёткине ранены пятеро мирных жителей.",
                 ["Alexander Khinshtein", "Alexander Khinshtein"], id="ru-по-словам-губернатора-области"),
    pytest.param("Голова Сумської ОВА Олег Григоров повідомив, що в Суджі загинули двоє мирних жителів. "
                 "За словами голови ОВА, ще троє мирних жителів поранені в Суджі.",
                 ["Олег Григоров", "Олег Григоров"], id="uk-за-словами-голови-ОВА"),
    # a rank before the name: the person, not his group's title
    pytest.param("Командующий группировкой «Запад» генерал Иванов сообщил, что ВСУ потеряли 200 военнослужащих.",
                 ["Иванов"], id="ru-командующий-генерал-X"),
])
def test_a_title_refers_back_to_its_person(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a title after the claim speaks as it does before its verb; with a person named with that
    # title before, it is that person, and no other person named in between
    pytest.param("Russian forces lost about 30 personnel near Gornal over the past day, the regional governor said.",
                 ["regional governor"], id="en-tail-regional-governor"),
    pytest.param("Zelensky said 30 North Korean soldiers were killed. Russian forces lost about 30 personnel near "
                 "Gornal, the regional governor said.", ["Volodymyr Zelensky", "regional governor"],
                 id="en-tail-title-not-the-last-person"),
    pytest.param("Kursk governor Alexander Khinshtein said two civilians were killed in Rylsk.\n\nZelensky said 30 "
                 "North Korean soldiers were killed. The regional governor said Russian forces lost about 30 "
                 "personnel near Gornal.", ["Alexander Khinshtein", "Volodymyr Zelensky", "Alexander Khinshtein"],
                 id="en-title-named-before"),
])
def test_a_title_after_its_claim(resources, text, expected):
    assert claimants(resources, text) == expected


def test_a_participle_after_a_comma_is_no_speaker(resources):
    # ", the reported area …": "reported" is no speech verb with "the" as its speaker (it raised IndexError)
    text = "Over the past week, the reported area of Russian advances near Gornal has totaled 20 square kilometers."
    assert claimants(resources, text) == [None]


@pytest.mark.parametrize(("text", "expected"), [
    # one person of a side, named by title, after a quotation speaks as after a plain sentence
    pytest.param("“We lost about 200 people near Plekhovo in a single week,” a Ukrainian commander told reporters.",
                 "Ukrainian commander", id="en-quote-a-ukrainian-commander-told"),
    pytest.param("“We lost about 200 people near Plekhovo in a single week,” said a Russian official.",
                 "Russian official", id="en-quote-said-a-russian-official"),
    # a speaker of no side and no rank stays unnamed
    pytest.param("“We lost about 200 people near Plekhovo in a single week,” said a drone operator.", None,
                 id="en-quote-said-a-drone-operator"),
])
def test_a_quotation_closed_by_a_titled_person_of_a_side(resources, text, expected):
    assert claimants(resources, text) == [expected]


@pytest.mark.parametrize("text", [
    # "the commander of X" speaks, not X, before the claim and after it
    pytest.param("The commander of the West group of forces said Ukraine lost 200 soldiers near Plekhovo.",
                 id="en-before"),
    pytest.param("Ukraine lost 200 soldiers near Plekhovo, the commander of the West group of forces said.",
                 id="en-after"),
    pytest.param("According to the commander of the West group of forces, Ukraine lost 200 soldiers near Plekhovo.",
                 id="en-according-to"),
])
def test_the_commander_of_a_group_speaks(resources, text):
    assert claimants(resources, text) == ["commander of the West group of forces"]
