"""Who makes a claim (``geo.attribution``) and the one name each claimant gets (``geo.claimants``).

Every sentence is written for the test, in the style of news text, in English, Russian
and Ukrainian. ``claimants_of`` walks a text the way the claim extractors do: sentence by
sentence, one ``Speakers`` for the document, and asks ``claimant_for`` about each quote.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.attribution import Speakers, canonical_claimant, claimant_for, find_attributions, record_speakers
from geo.claimants import CANONICAL_NAMES, CLAIMANTS, PERSONS, canonical_name, named_within
from geo.text import paragraph_spans, sentence_spans
from tests.test_claims import extract


def claimants_of(text: str, *quotes: str) -> list[str | None]:
    """The claimant of each quote (each must occur once in ``text``), found in text order."""
    spans = {}
    for quote in quotes:
        assert text.count(quote) == 1, quote
        spans[quote] = (text.index(quote), text.index(quote) + len(quote))
    found: dict[str, str | None] = {}
    speakers = Speakers()
    for p_index, paragraph in enumerate(paragraph_spans(text)):
        for sentence in sentence_spans(text, *paragraph):
            is_headline = p_index == 0 and not re.search(r"[.!?]\W*$", text[sentence[0]:sentence[1]])
            atts = find_attributions(text, *sentence)
            for quote, span in sorted(spans.items(), key=lambda kv: kv[1]):
                if sentence[0] <= span[0] < sentence[1]:
                    found[quote] = claimant_for(text, sentence, paragraph, span, speakers,
                                                is_headline=is_headline, attributions=atts)
            record_speakers(atts, speakers)
    return [found[q] for q in quotes]


@pytest.mark.parametrize(("phrase", "name"), [
    pytest.param("Минобороны России", "Russian Defense Ministry", id="ru-nominative"),
    pytest.param("Министерства обороны РФ", "Russian Defense Ministry", id="ru-genitive"),
    pytest.param("Міністерстві оборони Росії", "Russian Defense Ministry", id="uk-locative"),
    pytest.param("Russia’s Defence Ministry", "Russian Defense Ministry", id="en-curly-possessive"),
    pytest.param("Генштабу ЗСУ", "General Staff of the Armed Forces of Ukraine", id="uk-dative"),
    pytest.param("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine", id="en-general-staff"),
    pytest.param("Института изучения войны", "Institute for the Study of War", id="ru-isw-genitive"),
    pytest.param("Інституту вивчення війни", "Institute for the Study of War", id="uk-isw-genitive"),
    pytest.param("the ISW", "Institute for the Study of War", id="en-isw"),
    pytest.param("Сирського", "Oleksandr Syrskyi", id="uk-syrskyi-genitive"),
    pytest.param("Сырским", "Oleksandr Syrskyi", id="ru-syrskyi-instrumental"),
    pytest.param("Syrsky", "Oleksandr Syrskyi", id="en-syrsky"),
    pytest.param("Буданова", "Kyrylo Budanov", id="ru-surname-in-ov"),
    pytest.param("Ukrainian officials", "Ukraine", id="officials-are-the-government"),
    pytest.param("Міністерства оборони країни-агресора", "Russian Defense Ministry", id="uk-aggressor-ministry"),
    pytest.param("российские силовики", "Russian security forces", id="ru-siloviki"),
    pytest.param("a senior US defense official", "US Department of Defense official", id="en-defense-official"),
])
def test_every_spelling_has_one_canonical_name(phrase, name):
    assert canonical_name(phrase) == name


def test_aliases_are_unambiguous_and_persons_are_claimants():
    """An alias read two ways would split one claimant on the map's filter."""
    seen: dict[str, str] = {}
    for canonical, aliases in CLAIMANTS:
        for alias in aliases:
            assert canonical_name(alias) == seen.setdefault(alias.casefold(), canonical), alias
    assert PERSONS <= CANONICAL_NAMES


@pytest.mark.parametrize(("phrase", "name"), [
    pytest.param("the Ukrainian open-source Telegram channel DeepState", "DeepState", id="en-channel"),
    pytest.param("Russian military bloggers", "Russian milbloggers", id="en-milbloggers"),
    pytest.param("российские военкоры", "Russian milbloggers", id="ru-voenkory"),
    pytest.param("телеграм-канал Рыбарь", "Rybar", id="ru-channel"),
    pytest.param("Ukrainian and South Korean officials", "Ukrainian and South Korean officials", id="joint-source"),
    pytest.param("Recent estimates", None, id="anonymous"),
    pytest.param("в ведомстве", None, id="reference-is-no-name"),
    pytest.param("Radio Liberty's Russia service posted satellite imagery", "Radio Liberty's Russia service",
                 id="a-verb-ends-the-name"),
    pytest.param("Kyiv disputes", "Ukraine", id="en-a-body-then-its-verb"),
    pytest.param("глава района Иван Петров", "Иван Петров", id="ru-title-body-then-person"),
    pytest.param("представник ГУР Іван Петренко", "Іван Петренко", id="uk-title-acronym-then-person"),
    pytest.param("SBU Ivan Petrenko", "Ivan Petrenko", id="en-acronym-then-person"),
    pytest.param("Russian war correspondent Ivan Petrov", "Ivan Petrov", id="en-correspondent"),
    pytest.param("Военный эксперт Иван Петров", "Иван Петров", id="ru-expert"),
    pytest.param("військовий оглядач Іван Петренко", "Іван Петренко", id="uk-observer"),
    pytest.param("the Russian ministry", "Russian Defense Ministry", id="en-the-russian-ministry"),
    pytest.param("военкоров", "Russian milbloggers", id="ru-voenkory-genitive"),
    pytest.param("воєнкорів", "Russian milbloggers", id="uk-voenkory-genitive"),
    pytest.param("голова громади Іван Петренко", "Іван Петренко", id="uk-title-body-then-person"),
    pytest.param("Москва настаивает", "Russia", id="ru-a-body-then-its-verb"),
    pytest.param("Zelensky adviser", "Zelensky adviser", id="en-a-person-then-a-role-is-not-the-person"),
])
def test_canonical_claimant_of_a_phrase(phrase, name):
    assert canonical_claimant(phrase) == name


def test_a_known_name_among_other_words_is_not_a_claimant():
    assert named_within("ВСУ несут большие потери") is None
    assert named_within("Russian forces advanced") is None


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Под Суджей погибли трое военных. Об этом сообщил губернатор Алексей Смирнов.",
                 "погибли трое военных", "Alexei Smirnov", id="ru-об-этом"),
    pytest.param("Під Суджею загинули п'ятеро військових. Про це у Telegram написав Олександр Сирський.",
                 "загинули п'ятеро військових", "Oleksandr Syrskyi", id="uk-про-це"),
    pytest.param("Russia has lost 900 soldiers near Sudzha.\nThis was reported by Ukraine's General Staff.",
                 "Russia has lost 900 soldiers", "General Staff of the Armed Forces of Ukraine", id="en-this-was"),
])
def test_the_next_sentence_names_the_source(text, quote, name):
    assert claimants_of(text, quote) == [name]


def test_a_next_sentence_without_a_back_reference_names_nobody():
    text = "Под Суджей погибли трое военных. Вечером Алексей Смирнов сообщил о пожаре."
    assert claimants_of(text, "погибли трое военных") == [None]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Российские войска освободили Малую Локню, сообщает ТАСС со ссылкой на Минобороны России.",
                 "Российские войска освободили Малую Локню", "Russian Defense Ministry", id="ru-со-ссылкой"),
    pytest.param("Українські військові взяли в полон 30 солдатів, повідомляє агентство з посиланням на Генштаб ЗСУ.",
                 "взяли в полон 30 солдатів", "General Staff of the Armed Forces of Ukraine", id="uk-з-посиланням"),
    pytest.param("Reuters, citing Oleksandr Syrskyi, reported that 40 Russian soldiers were captured near Sudzha.",
                 "40 Russian soldiers were captured", "Oleksandr Syrskyi", id="en-citing"),
    pytest.param("Ukraine's military, citing intercepted radio data, said 40 soldiers were killed near Sudzha.",
                 "40 soldiers were killed", "Armed Forces of Ukraine", id="en-citing-data-keeps-speaker"),
])
def test_a_relayed_statement_is_its_origins(text, quote, name):
    assert claimants_of(text, quote) == [name]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Минобороны России сообщило об ударе по Судже.\nВ ведомстве добавили, что ВСУ потеряли 200 военных.",
                 "ВСУ потеряли 200 военных", "Russian Defense Ministry", id="ru-в-ведомстве"),
    pytest.param("Russia's Defence Ministry reported heavy fighting.\nThe ministry said 70 Ukrainian soldiers "
                 "were killed near Sudzha.", "70 Ukrainian soldiers were killed", "Russian Defense Ministry",
                 id="en-the-ministry"),
    pytest.param("Олександр Сирський заявив про успіхи під Суджею.\nЗа його словами, в полон взяли 50 окупантів.",
                 "в полон взяли 50 окупантів", "Oleksandr Syrskyi", id="uk-за-його-словами"),
    pytest.param("Александр Сырский заявил, что бои продолжаются.\n«Противник потерял 300 военных», — рассказал главком ВСУ.",
                 "Противник потерял 300 военных", "Oleksandr Syrskyi", id="ru-главком-refers-back"),
    pytest.param("The Pentagon gave a higher estimate. It said 12,000 troops were sent to the region.",
                 "12,000 troops were sent", "Pentagon", id="en-gave-a-figure-then-it-said"),
    pytest.param("Минобороны России сообщило о боях у Суджи.\n\nЗа сутки ВСУ потеряли 120 военных, добавили в ведомстве.",
                 "ВСУ потеряли 120 военных", "Russian Defense Ministry", id="ru-добавили-в-ведомстве"),
    pytest.param("Генштаб ЗСУ повідомив про бої біля Суджі.\n\nЗа добу ворог втратив 90 осіб, додали у відомстві.",
                 "ворог втратив 90 осіб", "General Staff of the Armed Forces of Ukraine", id="uk-додали-у-відомстві"),
])
def test_a_reference_names_the_speaker_named_before(text, quote, name):
    assert claimants_of(text, quote) == [name]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Ранее глава района Иван Петров заявил, что ВСУ потеряли 300 военных.", "ВСУ потеряли 300 военных",
                 "Иван Петров", id="ru"),
    pytest.param("Раніше голова громади Іван Петренко заявив, що ворог втратив 300 військових.",
                 "ворог втратив 300 військових", "Іван Петренко", id="uk"),
    pytest.param("Earlier, regional head Ivan Petrov said 300 soldiers were killed.", "300 soldiers were killed",
                 "Ivan Petrov", id="en"),
])
def test_a_speaker_named_after_an_opening_word_and_a_title(text, quote, name):
    assert claimants_of(text, quote) == [name]


@pytest.mark.parametrize("text", [
    "Ukraine's General Staff on March 16 confirmed that 40 soldiers were captured near Sudzha.",
    "Ukraine's General Staff on 16 March confirmed that 40 soldiers were captured near Sudzha.",
    "Ukraine's General Staff confirms that 40 soldiers were captured near Sudzha.",
])
def test_a_date_between_the_speaker_and_the_verb(text):
    assert claimants_of(text, "40 soldiers were captured") == ["General Staff of the Armed Forces of Ukraine"]


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("Водночас, за інформацією Генштабу ЗСУ, ворог втратив 500 військових.", "ворог втратив 500", id="uk"),
    pytest.param("Як повідомляє Генштаб ЗСУ, ворог втратив 500 військових.", "ворог втратив 500", id="uk-як"),
    pytest.param("Ворог втратив 500 військових, визнали у Генштабі ЗСУ.", "Ворог втратив 500", id="uk-визнали-у"),
])
def test_ukrainian_according_to_phrases(text, quote):
    assert claimants_of(text, quote) == ["General Staff of the Armed Forces of Ukraine"]


@pytest.mark.parametrize(("text", "quotes", "name"), [
    pytest.param("Zelensky: 4,000 soldiers killed or wounded\n\nThe president said 300 more were captured.",
                 ("4,000 soldiers killed", "300 more were captured"), "Volodymyr Zelensky", id="en"),
    pytest.param("Сырский: ВСУ взяли в плен 300 военных\n\nГлавком сказал, что погибли 50 военных.",
                 ("ВСУ взяли в плен 300", "погибли 50 военных"), "Oleksandr Syrskyi", id="ru"),
    pytest.param("Сирський: ЗСУ взяли в полон 300 військових\n\nГоловнокомандувач сказав, що загинули 50 військових.",
                 ("ЗСУ взяли в полон 300", "загинули 50 військових"), "Oleksandr Syrskyi", id="uk"),
])
def test_a_title_in_the_body_refers_to_the_headlines_speaker(text, quotes, name):
    assert claimants_of(text, *quotes) == [name, name]


def test_a_headline_takes_the_source_its_body_names():
    text = ("Russia loses 500 soldiers near Sudzha\n"
            "Russian forces lost 500 soldiers near Sudzha in a week, Ukraine's General Staff said on Monday.")
    assert claimants_of(text, "Russia loses 500 soldiers") == ["General Staff of the Armed Forces of Ukraine"]


@pytest.mark.parametrize("text", [
    pytest.param('Battle for the border\n\n"We lost 200 men near the village," a Ukrainian officer told the agency.\n\n'
                 "The Russian Defence Ministry said its units had advanced.", id="en"),
    pytest.param("Бои на границе\n\n«Мы потеряли 200 человек у села», рассказал российский офицер.\n\n"
                 "Генштаб ВСУ сообщил об отражении атак.", id="ru"),
    pytest.param("Бої на кордоні\n\n«Ми втратили 200 людей біля села», розповів український офіцер.\n\n"
                 "Міноборони Росії повідомило про просування.", id="uk"),
])
def test_the_first_paragraph_with_a_speaker_of_its_own_is_not_a_sub_headline(text):
    """Its source is its own (here unnamed) speaker, never the first source the body names after it."""
    quote = next(q for q in ("lost 200 men", "потеряли 200 человек", "втратили 200 людей") if q in text)
    [claimant] = claimants_of(text, quote)
    assert claimant not in ("Russian Defense Ministry", "General Staff of the Armed Forces of Ukraine")


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("Ukrainian forces hold positions near Sudzha, the General Staff said.\n\n"
                 "Over the past day the enemy lost 320 soldiers.\n\n"
                 "Commander-in-chief Oleksandr Syrskyi said 40 soldiers were captured.", "the enemy lost 320", id="en"),
    pytest.param("ВСУ удерживают позиции у Суджи, сообщил Генштаб ВСУ.\n\n"
                 "За сутки противник потерял 320 военных.\n\n"
                 "Главком Александр Сырский заявил, что в плен взяли 40 военных.", "противник потерял 320", id="ru"),
    pytest.param("Сили оборони утримують позиції біля Суджі, повідомив Генштаб ЗСУ.\n\n"
                 "За минулу добу ворог втратив 320 осіб.\n\n"
                 "Головнокомандувач Олександр Сирський заявив, що в полон взяли 40 військових.", "ворог втратив 320",
                 id="uk"),
])
def test_a_second_line_after_a_body_sentence_is_no_sub_headline(text, quote):
    """A sub-headline follows a headline; after a first line that is a sentence of the body,
    the second line does not borrow the source of the paragraph after it."""
    assert claimants_of(text, quote) != ["Oleksandr Syrskyi"]


@pytest.mark.parametrize(("text", "quotes", "name"), [
    pytest.param("Russia has lost 2,000 soldiers in Kursk Oblast, Syrskyi said.\nOf them, 700 were killed.",
                 ("lost 2,000 soldiers", "700 were killed"), "Oleksandr Syrskyi", id="en-of-them"),
    pytest.param("Втрати ворога сягнули 2 тис. осіб, повідомив Генштаб ЗСУ.\nЗ них убито 700.",
                 ("Втрати ворога сягнули 2 тис. осіб", "убито 700"), "General Staff of the Armed Forces of Ukraine",
                 id="uk-з-них"),
    pytest.param("Потери ВСУ составили 300 военных, сообщили в Минобороны России. В плен сдались еще 20 военных.",
                 ("Потери ВСУ составили 300 военных", "В плен сдались еще 20 военных"), "Russian Defense Ministry",
                 id="ru-same-paragraph"),
])
def test_a_claim_that_goes_on_keeps_the_claimant(text, quotes, name):
    assert claimants_of(text, *quotes) == [name, name]


def test_a_new_paragraph_without_a_continuation_does_not_carry():
    text = ("Russia has lost 2,000 soldiers in Kursk Oblast, Syrskyi said.\n"
            "Ukrainian forces captured Sudzha in August.")
    assert claimants_of(text, "lost 2,000 soldiers", "captured Sudzha") == ["Oleksandr Syrskyi", None]


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("Ukraine has reportedly taken over 600 Russian prisoners in Kursk Oblast.", "taken over 600",
                 id="en-reportedly"),
    pytest.param("По некоторым данным, под Суджей погибли 40 военных.", "погибли 40 военных", id="ru-по-некоторым"),
    pytest.param("Під Суджею нібито загинули 40 військових.", "загинули 40 військових", id="uk-нібито"),
    pytest.param("Forty soldiers were killed near Sudzha.", "Forty soldiers were killed", id="en-no-source"),
    pytest.param("U.S. officials say Russia has sent 8,000 troops to Kursk, where Ukrainian forces seized "
                 "territory in August.", "Ukrainian forces seized territory", id="en-background-where"),
])
def test_nobody_is_named(text, quote):
    assert claimants_of(text, quote) == [None]


def test_a_hedge_in_a_comma_aside_does_not_hedge_the_claim():
    text = ("The strike, reportedly carried out with cruise missiles, killed 18 soldiers near Rylsk, "
            "Russian media reported.")
    assert claimants_of(text, "killed 18 soldiers") == ["Russian media"]


def test_a_name_between_commas_before_the_verb():
    text = "Six people were killed in Rylsk, the acting governor, Alexander Khinshtein, said."
    assert claimants_of(text, "Six people were killed") == ["Alexander Khinshtein"]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Алексей Смирнов сообщил об атаке дрона.\nПо его словам, дрон попал в автомобиль. "
                 "Оба пассажира погибли на месте.", "Оба пассажира погибли", "Alexei Smirnov",
                 id="ru-opening-attribution-frames-the-paragraph"),
    pytest.param("Enemy losses amounted to 1,200. Another 90 soldiers were captured, Ukraine's General Staff said.",
                 "Enemy losses amounted to 1,200", "General Staff of the Armed Forces of Ukraine",
                 id="en-closing-attribution-of-a-later-sentence"),
])
def test_the_paragraph_names_the_source(text, quote, name):
    assert claimants_of(text, quote) == [name]


def test_a_closing_attribution_of_an_earlier_sentence_does_not_frame_the_next():
    text = "Fighting went on near Sudzha, Syrskyi said. Ukrainian troops entered Russia in August."
    assert claimants_of(text, "Ukrainian troops entered Russia") == [None]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Деякі російські мілблогери стверджують, що ЗСУ контролюють дві вулиці в Тьоткіно.",
                 "ЗСУ контролюють дві вулиці", "Russian milbloggers", id="uk-some-milbloggers"),
    pytest.param("«Российские войска удерживают рубежи у Николаевки», — отмечает «Рыбарь».",
                 "Российские войска удерживают рубежи", "Rybar", id="ru-quoted-channel"),
    pytest.param("Ukrainian troops still hold a monastery near Gornal, war bloggers said.",
                 "Ukrainian troops still hold a monastery", "Russian milbloggers", id="en-lower-case-source"),
    pytest.param("Mash, a Telegram channel close to the security services, said 300 soldiers were trapped in Gornal.",
                 "300 soldiers were trapped", "Mash", id="en-appositive-aside"),
    pytest.param("Українські військові, ймовірно, увійшли в Тьоткіно. Про це йдеться у зведенні "
                 "Інституту вивчення війни (ISW).", "увійшли в Тьоткіно", "Institute for the Study of War",
                 id="uk-document-of-a-body"),
])
def test_channels_and_bloggers_are_claimants(text, quote, name):
    assert claimants_of(text, quote) == [name]


def test_a_hedged_claim_takes_the_source_that_opens_its_paragraph():
    text = ("Russian military correspondents reported heavy fighting near Sumy.\n"
            "They say the front is moving. Russian units have reportedly taken Konstantinovka.")
    assert claimants_of(text, "Russian units have reportedly taken Konstantinovka") == ["Russian milbloggers"]


def test_a_relative_clause_about_the_source_is_not_background():
    text = ("A report by the Mash Telegram channel, which is close to the police, put the death toll at seven.")
    assert claimants_of(text, "put the death toll at seven") == ["Mash"]


def test_a_sub_headline_with_a_stop_takes_the_bodys_source():
    text = ("Russian forces advance near Sumy\n"
            "Russian troops regain control of Konstantinovka.\n"
            "Russian forces took Konstantinovka on Monday, according to Russian military bloggers.")
    assert claimants_of(text, "regain control of Konstantinovka") == ["Russian milbloggers"]


def test_a_claim_that_is_a_relative_clause_on_a_place_is_background():
    text = "Military bloggers said Russian troops took Malaya Loknya, near Sudzha, which is held by Ukraine."
    assert claimants_of(text, "Sudzha, which is held by Ukraine") == [None]


def test_an_inverted_speaker_followed_by_who_is_the_speaker():
    text = ("About 11,000 North Korean troops have moved into Russia's Kursk region, said Pentagon "
            "Press Secretary Sabrina Singh, who spoke to reporters.")
    assert claimants_of(text, "About 11,000 North Korean troops have moved") == ["Sabrina Singh"]


def test_it_refers_to_the_body_named_earlier_in_the_sentence():
    text = ("Rybar, a Telegram channel close to the army, said Ukraine held Gornal, where it said 200 soldiers "
            "were surrounded.")
    assert claimants_of(text, "200 soldiers were surrounded") == ["Rybar"]


def test_a_one_sentence_paragraph_takes_the_source_closing_the_next():
    text = ("Від початку операції армія Росії зазнала значних втрат.\n"
            "Бої тривають з 6 серпня, повідомляє Генштаб ЗСУ.")
    assert claimants_of(text, "армія Росії зазнала значних втрат") == ["General Staff of the Armed Forces of Ukraine"]


def test_a_lower_case_known_source_after_an_opener():
    text = "Також деякі окупанти стверджують, що ЗСУ увійшли в Новий Шлях."
    assert claimants_of(text, "ЗСУ увійшли в Новий Шлях") == ["Russian sources"]


def test_a_claim_after_a_closed_dash_clause_keeps_its_source():
    text = ("US officials put the number of soldiers in Kursk – where Ukraine holds ground – at about 8,000 "
            "out of a total of 10,000 in Russia.")
    assert claimants_of(text, "a total of 10,000 in Russia", "Ukraine holds ground") == ["US officials", None]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("By the time Ukrainian troops were expelled in April, the ministry estimated that Kyiv had lost "
                 "76,000 soldiers.", "Ukrainian troops were expelled", None, id="en-that"),
    pytest.param("Когда ВСУ ушли из Суджи, Минобороны России сообщило, что потери противника превысили 70 тысяч.",
                 "ВСУ ушли из Суджи", None, id="ru-что"),
    pytest.param("Russian forces lost 300 soldiers near Sudzha, Ukraine's General Staff said.",
                 "Russian forces lost 300 soldiers", "General Staff of the Armed Forces of Ukraine",
                 id="en-closing-said"),
])
def test_an_attribution_with_its_own_that_clause_does_not_reach_back(text, quote, name):
    assert claimants_of(text, quote) == [name]


_WORDS = st.sampled_from([
    "said", "сообщил", "повідомив", "according to", "по словам", "Об этом", "Про це", "This was reported by",
    "citing", "со ссылкой на", "the ministry", "в ведомстве", "he", "она", "reportedly", "нібито", "Of them",
    "З них", "Syrskyi", "Минобороны России", "DeepState", "killed", "погибли", "200", ",", ".", "\n", "«", "»",
    "“", "”", " – ", "where", "which is", "that", "что", "X", "",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40), st.data())
def test_any_text_gives_a_name_or_none(words, data):
    """Whatever the text, every claim span gets a string or None, and nothing raises."""
    text = " ".join(words)
    speakers = Speakers()
    for paragraph in paragraph_spans(text):
        for sentence in sentence_spans(text, *paragraph):
            start = data.draw(st.integers(sentence[0], sentence[1]))
            end = data.draw(st.integers(start, sentence[1]))
            name = claimant_for(text, sentence, paragraph, (start, end), speakers,
                                is_headline=data.draw(st.booleans()))
            assert name is None or (isinstance(name, str) and name.strip())
            record_speakers(find_attributions(text, *sentence), speakers)


def test_a_paragraph_with_its_own_speech_verb_borrows_no_source_from_the_next(resources):
    """'…, the governor said' names its source (unnamed here): the next paragraph's closing
    source belongs to the next paragraph's claim."""
    from tests.test_claims import extract

    lead = "The region saw a quiet night after days of shelling along the border, officials noted. " * 8
    text = (lead + "\n\nFive hundred soldiers were sent to the Kursk region, the governor said.\n\n"
            "Ukrainian troops killed 40 soldiers near the border, the General Staff reported.\n")
    claims = {c.kind.value: c for c in extract(resources, text)}
    assert claims["deployed"].claimant is None
    assert claims["killed"].claimant == "General Staff of the Armed Forces of Ukraine"


@pytest.mark.parametrize("text", [
    pytest.param("Troops held the line near the village for a week.", id="en"),
    pytest.param("Бои у села продолжались всю неделю.", id="ru"),
    pytest.param("Бої біля села тривали весь тиждень.", id="uk"),
])
def test_a_sentence_with_no_cue_runs_no_attribution_pattern(text):
    """Issue 11: the cue pass (one automaton over the sentence) leaves nothing to search."""
    from geo.attribution import scanned_patterns

    assert scanned_patterns(text, 0, len(text)) == ()
    assert find_attributions(text, 0, len(text)) == []


@pytest.mark.parametrize(("text", "runs", "skips"), [
    pytest.param("Forty soldiers were killed, the ministry said.", "_SUBJECT_VERB", "_RELAY", id="en"),
    pytest.param("По данным штаба, погибли сорок военных.", "_ACCORDING", "_SUBJECT_VERB", id="ru"),
    pytest.param("Загинули сорок військових, повідомив Генштаб.", "_VERB_SUBJECT", "_HEDGE", id="uk"),
])
def test_a_sentence_runs_only_the_patterns_whose_cue_it_holds(text, runs, skips):
    import geo.attribution as attribution

    scanned = attribution.scanned_patterns(text, 0, len(text))
    assert getattr(attribution, runs) in scanned
    assert getattr(attribution, skips) not in scanned


def test_every_pattern_gated_by_the_speech_verbs_needs_one():
    """The cue pass reads the speech verbs once for thirteen patterns: sound only if every literal
    a pattern requires holds a speech verb's literal (issue 11)."""
    import geo.attribution as attribution
    from geo.text import required_cues

    gate = required_cues(attribution.SPEECH_GATE)
    gated = [rx for rx in attribution._SCANNED if id(rx) in attribution._GATES]
    assert len(gated) == 13
    for rx in gated:
        # the pattern as the lexicon spells its verbs (searched grouped by first letter: the same matches)
        own = required_cues(re.compile(rx.pattern.replace(attribution._VERBS_BY_LETTER, attribution.SPEECH_VERBS),
                                       rx.flags))
        assert own, rx.pattern[:60]
        assert all(any(g in cue for g in gate) for cue in own), rx.pattern[:60]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Key points:\n- Zelensky: 3,000 soldiers killed or wounded\n- Other news", "3,000 soldiers killed",
                 "Volodymyr Zelensky", id="en-bullet-person"),
    pytest.param("Главное:\n• Сырский: ВСУ взяли в плен 300 военных\n• Другое", "ВСУ взяли в плен 300",
                 "Oleksandr Syrskyi", id="ru-bullet-person"),
    pytest.param("Key points:\n- Kursk governor: two civilians killed in Rylsk\n- Other news", "two civilians killed",
                 "Kursk governor", id="en-bullet-title"),
])
def test_a_speaker_before_a_colon_names_the_bullets_source(text, quote, name):
    assert claimants_of(text, quote) == [name]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Moscow holds less than the 300 square miles claimed by the Russian Defence Ministry.",
                 "300 square miles claimed by", "Russian Defense Ministry", id="en-area-claimed-by"),
    pytest.param("Fighting went on near the border, with 120 soldiers killed as claimed by Oleksandr Syrskyi.",
                 "120 soldiers killed", "Oleksandr Syrskyi", id="en-figure-claimed-by"),
])
def test_claimed_by_names_the_source(text, quote, name):
    """'the 500 square miles claimed by X': X makes the claim, as in 'according to X'."""
    assert claimants_of(text + "\nKursk oblast.", quote) == [name]


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Russian units have taken 20 villages in the Kursk region since autumn, according to TASS.\n"
                 "In March, the army regained control of three more settlements near Sudzha. The fighting was heavy.\n"
                 "The offensive continues along the border, TASS wrote.",
                 "the army regained control of three more settlements", "TASS", id="en-wire-retold"),
    pytest.param("С начала операции ВСУ потеряли в Курской области 300 военных, сообщает ТАСС.\n"
                 "В марте армия освободила три населенных пункта у Суджи. Бои были тяжелыми.\n"
                 "Бои продолжаются вдоль границы, сообщает ТАСС.",
                 "армия освободила три населенных пункта", "TASS", id="ru-wire-retold"),
    pytest.param("Russian units have taken 20 villages in the Kursk region since autumn, according to TASS.\n"
                 "In March, the army regained control of three more settlements near Sudzha. The fighting was heavy.\n"
                 "The offensive continues along the border, Reuters wrote.",
                 "the army regained control of three more settlements", None, id="en-two-sources-no-bookend"),
    pytest.param("Russian units have taken 20 villages in the Kursk region since autumn, according to TASS.\n"
                 "In March, the army regained control of three more settlements near Sudzha, Rybar said. The fighting was heavy.\n"
                 "The offensive continues along the border, TASS wrote.",
                 "the army regained control of three more settlements", "Rybar", id="en-own-source-kept"),
])
def test_an_article_that_opens_and_closes_on_one_source_is_that_sources(resources, text, quote, name):
    """A wire story retold ('…, according to TASS.' … '…, TASS wrote.'): its unattributed claims are TASS's."""
    assert _claimant_of_the_claim_at(resources, text, quote) == name


def _claimant_of_the_claim_at(resources, text: str, quote: str) -> str | None:
    """The claimant of the one claim extracted from ``text`` whose quote holds ``quote`` (or is in it)."""
    [claim] = [c for c in extract(resources, text) if quote in c.quote or c.quote in quote]
    return claim.claimant


@pytest.mark.parametrize(("text", "quote", "name"), [
    pytest.param("Ukrainian units captured 412 Russian soldiers. Photo: archive\n"
                 "The fighting in the Kursk region went on through the winter.\n"
                 "Ukrainian units captured 412 Russian soldiers in the region, Oleksandr Syrskyi said.",
                 "Ukrainian units captured 412 Russian soldiers. Photo", "Oleksandr Syrskyi", id="en-sub-headline"),
    pytest.param("Українцям вдалося взяти в полон 412 російських військових. Фото: архів\n"
                 "Бої в Курській області тривали всю зиму.\n"
                 "Загалом у полон потрапили 412 російських військових, повідомив Олександр Сирський.",
                 "взяти в полон 412 російських військових", "Oleksandr Syrskyi", id="uk-sub-headline"),
    pytest.param("ВСУ потеряли 412 военных. Фото: архив\n"
                 "Бои в Курской области шли всю зиму.\n"
                 "Потери ВСУ составили 412 военных, заявил Валерий Герасимов.",
                 "ВСУ потеряли 412 военных", "Valery Gerasimov", id="ru-sub-headline"),
    pytest.param("Ukrainian units captured 412 Russian soldiers. Photo: archive\n"
                 "The fighting in the Kursk region went on through the winter.\n"
                 "Another 500 Russian soldiers were captured in the region, Oleksandr Syrskyi said.",
                 "Ukrainian units captured 412 Russian soldiers. Photo", None, id="en-another-figure-is-another-claim"),
])
def test_a_claim_restated_with_its_source_takes_that_source(resources, text, quote, name):
    """GOLD.md: a (sub-)headline's claimant is the one the body gives for the same claim: same kind, same figure."""
    assert _claimant_of_the_claim_at(resources, text, quote) == name
