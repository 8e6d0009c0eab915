"""Who makes a claim, on sentences written for these tests in the style of wires, regional
outlets and Telegram-sourced reports (not copied from the development articles): an official
introduced with a title before he speaks is the one a later bare title or "he" refers to,
in each language; with nobody so introduced the title stays the claimant, and a sentence
that opens on no person's name gives "he" no new antecedent.
"""

from __future__ import annotations

import pytest

from tests.test_probe_attribution import claimants

_EN = "Fighting in Kursk region\n\n"
_RU = "Бои в Курской области\n\n"
_UK = "Бої на Курщині\n\n"


@pytest.mark.parametrize(("text", "claimant"), [
    # a title before the name, then the bare title or a pronoun in a later paragraph
    pytest.param(_EN + "Kursk Governor Alexander Khinshtein visited Rylsk on Monday.\n\nThe governor said three "
                 "civilians were wounded in Tetkino.", "Alexander Khinshtein", id="en-Governor-X-then-the-governor"),
    pytest.param(_EN + "Acting governor Alexei Petrov met residents of Rylsk.\n\nThree civilians were wounded in "
                 "Tetkino, the regional governor said.", "Alexei Petrov", id="en-governor-X-then-regional-governor"),
    # the title set off by commas after the name
    pytest.param(_EN + "Alexei Petrov, the acting governor of the Kursk region, toured Rylsk.\n\nLater the governor "
                 "said that three civilians were wounded in Tetkino.", "Alexei Petrov", id="en-X-the-governor-of"),
    pytest.param(_EN + "Alexei Petrov, the acting governor of the Kursk region, toured Rylsk.\n\nHe said that three "
                 "civilians were wounded in Tetkino.", "Alexei Petrov", id="en-X-the-governor-then-he"),
    pytest.param(_RU + "Врио губернатора Курской области Алексей Петров провел совещание в Рыльске.\n\nПо словам "
                 "губернатора, в Теткино ранены три человека.", "Алексей Петров", id="ru-губернатора-X-по-словам"),
    pytest.param(_RU + "Врио губернатора Курской области Алексей Петров провел совещание в Рыльске.\n\nГубернатор "
                 "сообщил, что в Теткино ранены три человека.", "Алексей Петров", id="ru-губернатора-X-Губернатор"),
    pytest.param(_RU + "Врио губернатора Курской области Алексей Петров провел совещание в Рыльске.\n\nОн сообщил, "
                 "что в Теткино ранены три человека.", "Алексей Петров", id="ru-губернатора-X-Он"),
    pytest.param(_UK + "Голова Сумської ОВА Василь Коваль провів нараду.\n\nЗа словами голови ОВА, російські війська "
                 "скупчили біля Суджі 2 тисячі військових.", "Василь Коваль", id="uk-Голова-ОВА-X-за-словами"),
    # the title before an unknown body's acronym after the verb: the holder ("Як зазначив очільник ОВА")
    pytest.param(_UK + "Очільник Сумської ОВА Олег Коваленко розповів про обстріли.\n\nЯк зазначив очільник ОВА, ворог "
                 "скупчив біля Суджі 2 тисячі військових.", "Олег Коваленко", id="uk-очільник-ОВА-X-як-зазначив"),
    pytest.param(_UK + "Як зазначив очільник ОВА, ворог скупчив біля Суджі 2 тисячі військових.", "очільник ОВА",
                 id="uk-як-зазначив-очільник-ОВА-alone"),
    # the title set off by commas before the name, then the bare title
    pytest.param(_EN + "Ukraine's top commander, Oleksandr Syrskyi, visited troops in the Kursk region.\n\nThe commander "
                 "said 300 Russian soldiers were killed near Sudzha.", "Oleksandr Syrskyi", id="en-commander-X-the-commander"),
    pytest.param(_RU + "Глава Суджанского района Иван Петров рассказал об обстановке.\n\nГлава района также сообщил, что "
                 "ВСУ потеряли 300 военнослужащих под Суджей.", "Иван Петров", id="ru-Глава-района-X-Глава-района"),
    # a sentence that opens on the person, then "he"
    pytest.param(_UK + "Олександр Сирський провів нараду з командирами.\n\nВін заявив, що ворог втратив 300 осіб біля "
                 "Суджі.", "Oleksandr Syrskyi", id="uk-X-провів-Він-заявив"),
    pytest.param(_EN + "Syrskyi gave new figures on Tuesday. He said Russian forces lost 300 troops near Sudzha.",
                 "Oleksandr Syrskyi", id="en-X-gave-He-said"),
    # nobody named with the title: the title stays the claimant
    pytest.param(_EN + "The regional governor said three civilians were wounded in Tetkino.", "regional governor",
                 id="en-regional-governor-alone"),
    pytest.param(_RU + "Губернатор Курской области сообщил, что в Теткино ранены три человека.",
                 "губернатор Курской области", id="ru-губернатор-alone"),
    # a governor of another title named before is not the governor
    pytest.param(_EN + "Defense Minister Andrei Belousov visited Kursk.\n\nThe regional governor said three "
                 "civilians were wounded in Tetkino.", "regional governor", id="en-minister-is-not-the-governor"),
])
def test_a_title_or_pronoun_refers_back_to_the_person_introduced(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize("text", [
    # a quotation that opens on two capitalised words, and a country adjective, are no person
    pytest.param(_UK + "Олександр Сирський виступив на брифінгу.\n\n«Зараз Росія стягує резерви. Ворог зосередив там "
                 "близько 45 тис. військових», — сказав він.", id="uk-quote-opening-is-no-person"),
    pytest.param(_EN + "Syrskyi spoke at a briefing.\n\nNorth Korean troops arrived near Sudzha. He said 300 of them "
                 "were killed near Sudzha.", id="en-country-adjective-is-no-person"),
    # a title opening the sentence over a name in the accusative: the man appointed, no subject
    pytest.param(_UK + "Сирський доповів про звільнення Суджі. Керівником комендатури призначили генерал-майора "
                 "Петра Мельника.\n\n«Ворог втратив 300 осіб біля Суджі», — заявив він.", id="uk-appointed-is-no-subject"),
])
def test_a_sentence_that_opens_on_no_person_gives_he_no_new_antecedent(resources, text):
    assert set(claimants(resources, text)) == {"Oleksandr Syrskyi"}


_GS = "General Staff of the Armed Forces of Ukraine"
_MOD = "Russian Defense Ministry"


@pytest.mark.parametrize(("text", "claimant"), [
    # the document first, its maker, then the impersonal verb
    pytest.param(_RU + "В сообщении Минобороны России говорится, что ВСУ потеряли 300 военнослужащих под Суджей.", _MOD,
                 id="ru-в-сообщении-X-говорится"),
    pytest.param(_RU + "В сводке Минобороны говорится, что ВСУ потеряли 300 военнослужащих под Суджей.", _MOD,
                 id="ru-в-сводке-X-говорится"),
    pytest.param(_UK + "У повідомленні Генштабу ЗСУ йдеться, що ворог втратив 300 осіб біля Суджі.", _GS,
                 id="uk-у-повідомленні-X-йдеться"),
    pytest.param(_UK + "У зведенні Генштабу зазначається, що ворог втратив 300 осіб біля Суджі.", _GS,
                 id="uk-у-зведенні-X-зазначається"),
    # the relay opening the sentence: the origin is the claimant, not the outlet after it
    pytest.param(_EN + "Citing Ukraine's General Staff, the Kyiv Independent reported that Russian forces lost 300 "
                 "troops near Sudzha.", _GS, id="en-Citing-X-outlet-reported"),
    pytest.param(_EN + "Russian forces lost 300 troops near Sudzha, the Kyiv Independent reported, citing the General "
                 "Staff.", _GS, id="en-outlet-reported-citing-X"),
    # a time clause after the body is no part of its name, nor a person mentioned in it
    pytest.param(_RU + "ВСУ потеряли 300 военнослужащих под Суджей, сообщили в Минобороны после визита Путина в Курск.",
                 _MOD, id="ru-сообщили-в-X-после"),
    pytest.param(_EN + "Russian forces lost 300 troops near Sudzha, Ukraine's General Staff said, days after Putin "
                 "visited Kursk.", _GS, id="en-X-said-days-after"),
    # two known sources named together: the first named (GOLD.md)
    pytest.param(_EN + "Ukraine's General Staff and Syrskyi said Russian forces lost 300 troops near Sudzha.", _GS,
                 id="en-X-and-Y-said"),
    # two states together stay one joint source; an adjective pair too
    pytest.param(_EN + "Ukraine and the United States said Russian forces lost 300 troops near Sudzha.",
                 "Ukraine and the United States", id="en-two-states-joint"),
    pytest.param(_EN + "Ukrainian and South Korean officials said Russian forces lost 300 troops near Sudzha.",
                 "Ukrainian and South Korean officials", id="en-adjective-pair-joint"),
])
def test_speech_forms_of_reports(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    # each item of a list under a lead that ends in a colon carries the lead's source
    pytest.param(_EN + "Ukraine's General Staff reported the enemy's losses in the Kursk region:\n\n- 300 killed near "
                 "Sudzha;\n- 40 captured near Sudzha.", [_GS, _GS], id="en-list-paragraphs"),
    pytest.param(_EN + "Ukraine's General Staff gave these figures for the past day:\n* 300 Russian troops killed near "
                 "Sudzha\n* 40 captured near Sudzha", [_GS, _GS], id="en-list-lines"),
    pytest.param(_RU + "Минобороны России сообщило:\n\n— подразделения группировки «Север» освободили Николаевку;\n— ВСУ "
                 "потеряли до 300 военнослужащих под Суджей.", [_MOD, _MOD], id="ru-list-dashes"),
    pytest.param(_UK + "Генштаб ЗСУ повідомив про результати доби:\n\n• ворог втратив 300 осіб біля Суджі;\n• Сили "
                 "оборони взяли в полон 40 окупантів біля Суджі.", [_GS, _GS], id="uk-list-bullets"),
    # a numbered list under the known source's document
    pytest.param(_EN + "Key points from Syrskyi's briefing:\n\n1. Russian forces lost 300 troops near Sudzha.\n2. "
                 "Ukrainian units captured 40 soldiers near Sudzha.", ["Oleksandr Syrskyi"] * 2, id="en-list-numbered"),
    # a list under a lead that names no source, or that does not end in a colon, carries nothing
    pytest.param(_EN + "The enemy's losses in the Kursk region:\n\n- 300 killed near Sudzha;\n- 40 captured near "
                 "Sudzha.", [None, None], id="en-list-no-source"),
    pytest.param(_EN + "Ukraine's General Staff reported heavy fighting.\n\n- 300 killed near Sudzha;\n- 40 captured "
                 "near Sudzha.", [None, None], id="en-list-lead-no-colon"),
])
def test_a_list_under_an_attribution_carries_it(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "claimant"), [
    # the press service written as one word speaks for its body
    pytest.param(_UK + "Ворог втратив 300 осіб біля Суджі, повідомили в пресслужбі Генштабу.", _GS,
                 id="uk-в-пресслужбі-X"),
    # a body that published before "в ведомстве" / "the ministry" refers back to it
    pytest.param(_RU + "Минобороны России отчиталось о ходе операции. Как уточнили в ведомстве, ВСУ потеряли 300 "
                 "военнослужащих под Суджей.", _MOD, id="ru-X-отчиталось-в-ведомстве"),
    pytest.param(_EN + "Russia's Defence Ministry published its daily summary. Ukrainian forces lost 300 troops near "
                 "Sudzha, the ministry said.", _MOD, id="en-X-published-the-ministry"),
    # forces that act are no body that speaks: "йдеться у повідомленні" keeps the source it had
    pytest.param(_UK + "ЗСУ просунулися біля Суджі.\n\n«Противник зазнає значних втрат під Суджею», — йдеться у "
                 "повідомленні.", None, id="uk-forces-subject-is-no-body"),
    # nor a state: "the ministry" after "Russia launched …" names no ministry
    pytest.param(_EN + "Russia launched a counteroffensive in Kursk. Ukrainian forces lost 300 troops near Sudzha, the "
                 "ministry said.", None, id="en-state-subject-is-no-ministry"),
])
def test_a_body_introduced_before_a_reference_to_it(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    # a wire story: the governor named in the lead, a body between, then "the governor added"
    # (the headline's bare "Kursk governor" is no holder's name)
    pytest.param("Kursk governor reports casualties\n\nKURSK, March 3 (Reuters) - Three civilians were wounded in a "
                 "drone strike on Tetkino, Kursk Governor Alexei Petrov said on Monday.\n\nUkraine's General Staff said "
                 "on Tuesday that 200 Russian soldiers were killed near Sudzha. It did not give details.\n\nThe governor "
                 "added that two more civilians were wounded in Glushkovo.",
                 ["Alexei Petrov", _GS, "Alexei Petrov"], id="en-wire-governor-added"),
    # a compound title ("Головнокомандувач") introduced, another speaker between, the title again
    pytest.param(_UK + "Головнокомандувач ЗСУ Олександр Сирський провів нараду з командирами угруповання. Він "
                 "повідомив, що за тиждень ворог втратив понад 1200 осіб на Курщині.\n\nЗеленський тим часом заявив, "
                 "що Росія перекинула до Курської області ще 3 тисячі північнокорейських військових.\n\n"
                 "Головнокомандувач додав, що ЗСУ утримують позиції біля Суджі.",
                 ["Oleksandr Syrskyi", "Volodymyr Zelensky", "Oleksandr Syrskyi"], id="uk-головнокомандувач-chain"),
    # "he" after a president who visited is the president; "the lawmaker" is the one who spoke first
    pytest.param("North Korean troops in Kursk\n\nSouth Korean lawmaker Lee Seong-kweun said on Wednesday that about "
                 "100 North Korean soldiers had been killed in Kursk.\n\nPresident Volodymyr Zelensky visited the "
                 "front. He said 3,000 North Korean troops were killed or wounded.\n\nThe lawmaker added that 1,000 "
                 "more were wounded.", ["Lee Seong-kweun", "Volodymyr Zelensky", "Lee Seong-kweun"],
                 id="en-president-visited-he-said"),
])
def test_references_across_paragraphs(resources, text, expected):
    assert claimants(resources, text) == expected


_KH = "Alexander Khinshtein"


@pytest.mark.parametrize(("text", "claimant"), [
    # the origin between the relaying speaker and his verb
    pytest.param(_UK + "Зеленський з посиланням на доповідь Сирського заявив, що ворог втратив 300 осіб біля Суджі.",
                 "Oleksandr Syrskyi", id="uk-X-з-посиланням-на-Y-заявив"),
    # where he posted it, after the speaker
    pytest.param(_RU + "Хинштейн в своем Telegram-канале написал, что ВСУ потеряли 300 военнослужащих под Суджей.", _KH,
                 id="ru-X-в-своем-Telegram-канале-написал"),
    # the venue and the outlet told between the verb and the speaker
    pytest.param(_UK + "Ворог втратив 300 осіб біля Суджі, розповів у коментарі Суспільному речник угруповання Вадим "
                 "Коваль.", "Вадим Коваль", id="uk-розповів-у-коментарі-outlet-X"),
    # the outlet's own sources: the outlet is the source; another's sources stay the origin
    pytest.param(_UK + "Ворог втратив 300 осіб біля Суджі, пише Forbes з посиланням на власні джерела.", "Forbes",
                 id="uk-outlet-з-посиланням-на-власні-джерела"),
    pytest.param(_UK + "Ворог втратив 300 осіб біля Суджі, повідомляє Укрінформ з посиланням на Генштаб ЗСУ.", _GS,
                 id="uk-outlet-з-посиланням-на-X"),
    # the outlet that learned it
    pytest.param(_RU + "Как стало известно «Известиям», ВСУ отошли из Суджи.", "Izvestia", id="ru-стало-известно-«X»"),
])
def test_relays_venues_and_outlets(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    # the one named among the sources speaks (a known one, or any name after plural sources)
    pytest.param(_EN + "Several Russian outlets, including RIA Novosti, reported that Ukrainian forces had withdrawn "
                 "from Sudzha.", "RIA Novosti", id="en-outlets-including-X"),
    pytest.param(_EN + "Russian war bloggers, including Rybar, claimed that Ukrainian forces had withdrawn from Sudzha.",
                 "Rybar", id="en-bloggers-including-X"),
    pytest.param(_RU + "Ряд СМИ, в том числе РИА Новости, сообщили, что ВСУ отошли из Суджи.", "RIA Novosti",
                 id="ru-СМИ-в-том-числе-X"),
    pytest.param(_RU + "Ранее в ряде источников, в том числе и «Северный вестник», появлялись сообщения об отходе ВСУ "
                 "из Суджи.", "Северный вестник", id="ru-источников-в-том-числе-и-unknown"),
    pytest.param(_UK + "Низка російських каналів, зокрема «Рыбарь», повідомила, що ЗСУ відійшли із Суджі.", "Rybar",
                 id="uk-каналів-зокрема-X"),
    # people among those who spoke are no source's name
    pytest.param(_EN + "Residents of Rylsk, including Ivan Petrov, said Ukrainian forces had withdrawn from Sudzha.",
                 None, id="en-residents-including-a-person"),
])
def test_one_named_among_sources(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    # a wire lead's unnamed officials, named by the next sentence
    pytest.param("Fighting in Kursk\n\nRussian forces pushed Ukrainian troops out of the village of Oleshnya, officials "
                 "said.\n\nRussia's Defence Ministry said its forces took control of the village.", [_MOD, _MOD],
                 id="en-officials-said-then-named"),
    # the next sentence names nobody, or the officials are local: nobody
    pytest.param("Fighting in Kursk\n\nUkrainian forces lost 300 troops near Sudzha, officials said.\n\nPutin visited "
                 "Kursk on Monday.", [None], id="en-officials-said-then-nobody"),
    pytest.param("Fighting in Kursk\n\nUkrainian forces lost 300 troops near Sudzha, local officials said.\n\nRussia's "
                 "Defence Ministry said its forces took control of the village of Oleshnya.", [None, _MOD],
                 id="en-local-officials-stay-unnamed"),
])
def test_a_leads_unnamed_officials(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two speakers joined: the claim is the first named's, a later "він" the last named's
    pytest.param(_UK + "Сили оборони звільнили Суджу. Про це повідомили головнокомандувач ЗСУ Олександр Сирський та "
                 "президент Володимир Зеленський.\n\n- Ворог втратив 300 осіб біля Суджі, — заявив він.",
                 ["Oleksandr Syrskyi", "Volodymyr Zelensky"], id="uk-X-та-Y-then-він"),
    # a single speaker: "він" is still he
    pytest.param(_UK + "Сили оборони звільнили Суджу. Про це повідомив головнокомандувач ЗСУ Олександр Сирський.\n\n"
                 "- Ворог втратив 300 осіб біля Суджі, — заявив він.",
                 ["Oleksandr Syrskyi", "Oleksandr Syrskyi"], id="uk-X-then-він"),
])
def test_a_pronoun_after_two_speakers_is_the_last_named(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a transcript's "Name / Affiliation" label line: the paragraph under it is his
    pytest.param("North Korean troops in Kursk\n\nAbout 300 North Korean soldiers were killed, the NIS said.\n\n"
                 "Kim Min-su / Democratic Party\n\nOne soldier was shot to death near Sudzha.",
                 ["South Korea's NIS", "Kim Min-su"], id="en-transcript-label"),
    # a label that is no person's name, or no label line, names nobody
    pytest.param("North Korean troops in Kursk\n\nPhoto / Reuters\n\nOne soldier was shot to death near Sudzha.",
                 [None], id="en-photo-credit-is-no-speaker"),
])
def test_a_transcripts_speaker_label(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the spokesman" is a person when one was named with that title (not the body it could also mean)
    pytest.param(_EN + "Ukrainian military spokesman Vadym Koval spoke to reporters. The spokesman said 300 Russian "
                 "soldiers were killed near Sudzha.", ["Vadym Koval"], id="en-spokesman-X-the-spokesman"),
    pytest.param(_RU + "Официальный представитель Минобороны Иван Петров провел брифинг. Представитель ведомства "
                 "сообщил, что ВСУ потеряли 300 военнослужащих под Суджей.", ["Иван Петров"],
                 id="ru-официальный-представитель-X-представитель"),
    # "the Kursk governor" is the one named as Kursk's, not the governor named last
    pytest.param(_EN + "Kursk Governor Alexei Petrov said three civilians were wounded in Tetkino.\n\nIn Belgorod, "
                 "Governor Ivan Sidorov spoke about the border.\n\nThe Kursk governor added that 40 Ukrainian soldiers "
                 "were captured near Sudzha.", ["Alexei Petrov", "Alexei Petrov"], id="en-the-Kursk-governor"),
])
def test_the_holder_of_a_title(resources, text, expected):
    assert claimants(resources, text) == expected


@pytest.mark.parametrize(("text", "claimant"), [
    # ISW's style: a body with its acronym in brackets, the acronym in mixed case too
    pytest.param(_EN + "The Russian Ministry of Defense (MoD) claimed on March 9 that Russian forces seized Lebedevka.",
                 _MOD, id="en-body-(MoD)-claimed"),
    pytest.param(_EN + "Russian forces seized Lebedevka, according to the Institute for the Study of War (ISW).",
                 "Institute for the Study of War", id="en-according-to-body-(ISW)"),
])
def test_a_body_with_its_acronym_in_brackets(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    # ISW's "credited … with seizing": the crediting body claims it
    pytest.param(_EN + "The Russian MoD credited elements of the 810th Naval Infantry Brigade with seizing Sudzha.",
                 [_MOD], id="en-MoD-credited-with-seizing"),
    # "Another milblogger" is one more of the same source
    pytest.param(_EN + "A Russian milblogger claimed that Russian forces seized Sudzha. Another milblogger claimed that "
                 "Russian forces seized Kositsa.", ["Russian milbloggers", "Russian milbloggers"],
                 id="en-another-milblogger"),
])
def test_analysis_style_sources(resources, text, expected):
    assert claimants(resources, text) == expected
