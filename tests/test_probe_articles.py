"""Whole articles written for these tests in the manner of wires, Ukrainian and Russian
outlets and regional sites (headline, byline, page chrome, background lines and two to five
claims), to probe what a held-out article asks of the rules at once: a speaker named in one
sentence and referred to in the next paragraphs, figures spread over clauses, and the
look-alikes around them.
"""

from __future__ import annotations

import pytest

from geo.model import Document, Kind, Source
from geo.pipeline import process_document


def claims(resources, text: str):
    doc = Document(meta=Source(source="a.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    return process_document(doc, resources).claims


def numbers_of(claim):
    """The figure's (low, best, high), or None."""
    return None if claim.figure is None else (claim.figure.low, claim.figure.best, claim.figure.high)


def claim_with(found, words: str):
    """The one claim whose quote holds ``words``."""
    (claim,) = [c for c in found if words in c.quote]
    return claim


_UK_PRONOUN_NEXT_PARAGRAPH = """\
Зеленський: ЗСУ продовжують тримати оборону на Курщині

ТСН

Президент Володимир Зеленський заявив, що українські війська продовжують утримувати позиції в Курській області. \
За його словами, Росія зосередила на цьому напрямку близько 60 тисяч військових.

Він також повідомив, що втрати армії КНДР на Курщині перевищили 4 000 осіб убитими і пораненими.

Теги: Курська операція, Зеленський
"""


def test_a_pronoun_with_an_adverb_in_the_next_paragraph_is_the_speaker_named_before(resources):
    claim = claim_with(claims(resources, _UK_PRONOUN_NEXT_PARAGRAPH), "втрати армії КНДР")
    assert (claim.kind, claim.claimant) == (Kind.KILLED_OR_WOUNDED, "Volodymyr Zelensky")


_EN_ACCORDING_TO_HIM = """\
Thousands of troops moved to Kursk as Russia prepares counteroffensive, say Ukrainian officials

Meduza
11:02 am, February 2, 2025

Russia has concentrated about 50,000 troops in the Kursk region, President Volodymyr Zelensky said on Sunday. \
According to him, up to two brigades were redeployed from the Zaporizhzhia direction.

Sign up for our newsletter
"""


def test_according_to_him_is_the_speaker_named_before_not_a_name(resources):
    claim = claim_with(claims(resources, _EN_ACCORDING_TO_HIM), "two brigades")
    assert (claim.kind, claim.claimant) == (Kind.DEPLOYED, "Volodymyr Zelensky")


_UK_UNIT_IN_GUILLEMETS = """\
Окупанти перекинули під Суджу два батальйони, — Трегубов

УНІАН

Російське командування перекинуло до району Суджі два батальйони морської піхоти, заявив речник ОСУВ «Хортиця» \
Дмитро Трегубов.

За словами Трегубова, минулого тижня ворог втратив на Курщині понад 300 військових.

Реклама на УНІАН
"""


def test_a_spokesman_after_his_unit_in_guillemets_and_then_by_his_surname_in_a_case_form(resources):
    found = claims(resources, _UK_UNIT_IN_GUILLEMETS)
    assert claim_with(found, "морської піхоти").claimant == "Дмитро Трегубов"
    assert claim_with(found, "понад 300").claimant == "Дмитро Трегубов"


_RU_TITLE_OF_A_REGION = """\
Кадыров заявил о переброске спецназа «Ахмат» в Курскую область

Глава Чечни Рамзан Кадыров сообщил, что в Курскую область направлены до 1 500 бойцов спецназа «Ахмат».

РБК не удалось получить подтверждение этой информации.

Читайте РБК в Telegram
"""


def test_the_region_a_title_governs_is_not_part_of_the_name(resources):
    claim = claim_with(claims(resources, _RU_TITLE_OF_A_REGION), "1 500")
    assert (claim.kind, claim.claimant) == (Kind.DEPLOYED, "Рамзан Кадыров")


_EN_ACRONYM_AFTER_A_BODY = """\
North Korean troops suffer losses in Kursk Oblast

Kyiv Independent news desk
December 18, 2024 10:41 PM

Around 200 North Korean soldiers have been killed in fighting in Russia's Kursk Oblast, Ukraine's military \
intelligence agency (HUR) said on Dec. 18.

Subscribe to our newsletter
"""


def test_a_body_in_lower_case_words_with_its_acronym_is_the_speaker(resources):
    claim = claim_with(claims(resources, _EN_ACRONYM_AFTER_A_BODY), "Around 200")
    assert (claim.kind, claim.claimant) == (Kind.KILLED, "GUR")


_UK_DAY_AND_TOTAL = """\
Генштаб: за добу ворог втратив на Курському напрямку 340 окупантів

Главком

За минулу добу на Курському напрямку ворог втратив 340 осіб, а загалом з початку операції — понад 62 тисячі, \
повідомив Генштаб ЗСУ.

Українські захисники відбили 18 атак окупантів у районі Суджі.

Поділитися у Facebook
"""


def test_a_cumulative_total_with_its_verb_left_out_is_a_claim_of_its_own(resources):
    found = claims(resources, _UK_DAY_AND_TOTAL)
    total = claim_with(found, "62 тисячі")
    assert total.quote.startswith("загалом з початку операції")
    assert (total.kind, total.figure.low, total.claimant) == (
        Kind.KILLED_OR_WOUNDED, 62000, "General Staff of the Armed Forces of Ukraine")
    assert len(found) == 3  # the headline, the day's figure and the total; not the repelled attacks


def test_equipment_after_a_comma_and_a_total_word_is_no_loss_of_people(resources):
    found = claims(resources, "За сутки противник потерял до 230 человек, а всего с начала боев — 40 танков.")
    assert [c.figure.text for c in found] == ["до 230"]


_EN_SINCE_THE_START = """\
Russia says its forces retook two villages in Kursk region

By Staff Reporters

MOSCOW, March 9 (Reuters) - Russia's defence ministry said on Sunday that Ukraine had lost more than 250 \
servicemen in the Kursk region over the past day. It added that since the start of the incursion Ukrainian \
losses had exceeded 66,000 troops.

Reuters could not independently verify the battlefield reports.

Reporting by Staff; Editing by Desk
"""


def test_a_total_since_the_start_of_the_incursion_in_the_next_sentence_is_the_bodys(resources):
    claim = claim_with(claims(resources, _EN_SINCE_THE_START), "66,000")
    assert (claim.kind, claim.figure.low, claim.claimant) == (Kind.KILLED_OR_WOUNDED, 66000, "Russian Defense Ministry")


_UK_INTO_CAPTIVITY = """\
Сирський: на Курщині за тиждень знешкоджено понад 1 500 окупантів

Українська правда — Понеділок, 10 березня 2025, 12:15

Головнокомандувач ЗСУ Олександр Сирський заявив, що українські підрозділи утримують позиції поблизу Суджі. \
За його словами, до полону потрапили 27 російських військових.

Читайте також: Зеленський провів засідання Ставки
"""


def test_do_polonu_is_captivity(resources):
    claim = claim_with(claims(resources, _UK_INTO_CAPTIVITY), "27")
    assert (claim.kind, claim.figure.best, claim.claimant) == (Kind.CAPTURED, 27, "Oleksandr Syrskyi")


_EN_DID_NOT_SAY_HOW_MANY = """\
Kursk governor says 11 civilians killed by Ukrainian shelling in past week

RFE/RL's Russian Service
March 03, 2025 11:40 GMT

Kursk Governor Aleksandr Khinshtein said on March 3 that 11 civilians had been killed in Ukrainian attacks on \
the region over the past week, most of them in Rylsk and Glushkovo.

Khinshtein did not say how many soldiers had died. Russia rarely discloses its military casualties.

Comments
"""


def test_an_indirect_question_about_a_toll_is_no_claim(resources):
    found = claims(resources, _EN_DID_NOT_SAY_HOW_MANY)
    assert not [c for c in found if "how many" in c.quote]
    assert claim_with(found, "11 civilians had been killed").figure.best == 11


_RU_QUESTION_OF_CONTROL = """\
«Медуза»: ВСУ удерживают лишь небольшую часть территории Курской области

Украинская армия по-прежнему удерживает около 80 квадратных километров в Курской области, следует из данных \
проекта DeepState.

Владимир Путин еще в августе обещал «выбить» ВСУ из региона. Смогут ли российские войска полностью вернуть \
контроль над областью до лета, неизвестно.

Поддержите «Медузу»
"""


def test_an_indirect_question_about_control_is_no_claim(resources):
    found = [c for c in claims(resources, _RU_QUESTION_OF_CONTROL) if c.kind is Kind.CONTROL]
    assert not [c for c in found if "Смогут" in c.quote or "вернуть" in c.quote]
    assert claim_with(found, "80 квадратных").claimant == "DeepState"


def test_how_many_in_russian_and_ukrainian_is_a_question_too(resources):
    assert claims(resources, "Хинштейн не сказал, сколько военных погибли в Рыльске.") == ()
    assert claims(resources, "Юсов не сказав, скільки військових загинули біля Суджі.") == ()


_UK_MODIFIER_APOSTROPHE = """\
Росіяни заявили про захоплення Кремʼяного, у ЗСУ це спростовують

НВ

Міністерство оборони РФ заявило про захоплення Кремʼяного на Курщині. Речник угруповання військ «Сіверськ» \
Вадим Мисник заявив, що це неправда.

«Кремʼяне перебуває під контролем Сил оборони», — наголосив Мисник.

Якщо ворог захопить село, він зможе обстрілювати логістику ЗСУ.

НВ Преміум
"""


def test_a_village_written_with_the_modifier_apostrophe_is_found_in_its_case_forms(resources):
    found = [c for c in claims(resources, _UK_MODIFIER_APOSTROPHE) if c.kind is Kind.CONTROL]
    taken = claim_with(found, "про захоплення Кремʼяного на Курщині")
    assert (taken.claimant, [p.place_id for p in taken.places]) == ("Russian Defense Ministry", ["inid160:128394"])
    held = claim_with(found, "перебуває під контролем")
    assert (held.claimant, [p.place_id for p in held.places]) == ("Вадим Мисник", ["inid160:128394"])
    assert not [c for c in found if "захопить" in c.quote]  # a condition


_UK_NEIGHBOURING_REGION = """\
У Курській області загинули троє цивільних, ще семеро поранені — Хінштейн

Громадське

Губернатор Курської області Олександр Хінштейн повідомив, що внаслідок обстрілу Льгова загинули троє людей. \
Ще семеро зазнали поранень різного ступеня тяжкості.

На Сумщині внаслідок удару загинули двоє людей.

Автор: Марія Коваль
"""


def test_a_region_by_its_everyday_name_puts_the_claim_there_not_in_kursk_oblast(resources):
    found = claims(resources, _UK_NEIGHBOURING_REGION)
    assert claim_with(found, "На Сумщині").places == ()
    assert claim_with(found, "обстрілу Льгова").places  # the Kursk claims keep theirs


_EN_UNIT_OF_THE_SOLDIERS = """\
Russian forces regain control of Sudzha — Defense Ministry

MOSCOW, March 13. /TASS/. Russian troops have fully liberated the town of Sudzha in the Kursk Region, the \
Russian Defense Ministry said on Thursday.

According to the ministry, the enemy's losses in the Kursk area over the past 24 hours amounted to as many as 310 \
servicemen. In addition, servicemen of the Battlegroup North captured 15 Ukrainian soldiers near Kazachya Loknya.

The Kursk Region has been the scene of fighting since August 6, 2024.
"""


def test_the_unit_of_the_soldiers_who_act_does_not_block_their_verb(resources):
    claim = claim_with(claims(resources, _EN_UNIT_OF_THE_SOLDIERS), "captured 15")
    assert (claim.kind, claim.figure.best, claim.claimant) == (Kind.CAPTURED, 15, "Russian Defense Ministry")


_UK_ESTIMATE_AND_SENT = """\
Понад 600 військових КНДР загинули на Курщині — розвідка Південної Кореї

Дзеркало тижня

Національна розвідувальна служба Південної Кореї оцінює втрати армії КНДР у Курській області у 3 тисячі осіб, \
з них близько 600 загиблих.

У розвідці також зазначили, що Пхеньян направив до Росії додатково 1 000–1 500 військових.

Теми: КНДР, Курщина
"""


def test_an_estimate_names_its_speaker_and_napravyv_sends_forces(resources):
    found = claims(resources, _UK_ESTIMATE_AND_SENT)
    assert claim_with(found, "3 тисячі").claimant == "South Korea"
    sent = claim_with(found, "направив")
    assert (sent.kind, sent.figure.low, sent.figure.high) == (Kind.DEPLOYED, 1000, 1500)


_RU_OUTLET_TOLD = """\
Группировка «Север» отразила восемь контратак ВСУ под Суджей

Известия

Бойцы группировки «Север» отразили восемь контратак ВСУ в районе Суджи, сообщили «Известиям» в Минобороны РФ.

В ведомстве уточнили, что противник лишился до 190 военнослужащих и шести единиц техники.

Все новости
"""


def test_the_outlet_told_is_not_the_speaker_nor_the_body_referred_back_to(resources):
    claim = claim_with(claims(resources, _RU_OUTLET_TOLD), "до 190")
    assert (claim.kind, claim.claimant) == (Kind.KILLED_OR_WOUNDED, "Russian Defense Ministry")


_UK_NICKNAME_AND_THE_PEOPLE_FOR_THE_STATE = """\
Росія стягує до Курщини нові сили: в ЗСУ розповіли про ситуацію

РБК-Україна

Російські війська стягують до Курської області нові підрозділи, зокрема північнокорейських військових. Про це \
повідомив командувач Сил безпілотних систем Роберт Бровді (Мадяр).

За його словами, загалом на Курщині перебуває близько 70 тисяч окупантів. Раніше росіяни заявляли про \
захоплення Малої Локні, однак це не відповідало дійсності.

Новини партнерів
"""


def test_a_nickname_in_brackets_ends_the_name_and_the_russians_are_russia(resources):
    found = claims(resources, _UK_NICKNAME_AND_THE_PEOPLE_FOR_THE_STATE)
    assert claim_with(found, "70 тисяч").claimant == "Роберт Бровді"
    assert claim_with(found, "про захоплення Малої Локні").claimant == "Russia"


_EN_CLAIMS_OF_THE_OTHER_SIDE_INSIDE = """\
Ukraine says it still holds positions in Russia's Kursk region

KYIV, March 12 (Reuters) - Ukraine's military said on Wednesday its forces were still holding positions in \
Russia's Kursk region and denied Russian claims that its troops had been surrounded.

(Reporting by Staff; Editing by Desk)
"""


def test_a_speaker_inside_the_quote_with_its_own_that_clause_is_not_the_claims(resources):
    found = claims(resources, _EN_CLAIMS_OF_THE_OTHER_SIDE_INSIDE)
    holding = claim_with(found, "were still holding positions")
    assert (holding.kind, holding.claimant) == (Kind.CONTROL, "Armed Forces of Ukraine")


_RU_SUMMARY_HEADLINE = """\
Сводка Минобороны России о ходе проведения специальной военной операции (по состоянию на 11 марта 2025 г.)

Подразделения группировки войск «Север» освободили населенные пункты Мальцевка и Малая Локня в Курской области.

Потери ВСУ за сутки на курском направлении составили более 320 военнослужащих.

Песков отказался уточнить, сколько населенных пунктов остается под контролем ВСУ.
"""


def test_a_summary_headline_with_its_subject_names_the_body_and_how_many_asks(resources):
    found = claims(resources, _RU_SUMMARY_HEADLINE)
    assert {c.claimant for c in found} == {"Russian Defense Ministry"}
    assert not [c for c in found if "сколько" in c.quote]


def test_a_title_in_the_headline_is_the_person_the_body_names(resources):
    headline = claims(resources, _EN_DID_NOT_SAY_HOW_MANY)[0]
    assert headline.quote.startswith("11 civilians killed")
    assert headline.claimant == "Alexander Khinshtein"


_EN_MAP_BY_A_PROJECT = """\
Map shows Ukraine losing ground in Kursk as Russian forces push

By Staff Reporter

Russian forces have pushed Ukrainian troops back from Pogrebki and Orlovka in the Kursk region, according to \
maps by the Ukrainian open-source project DeepState.

Newsweek has contacted the Russian and Ukrainian defense ministries for comment.
"""


def test_a_map_is_evidence_and_its_maker_the_claimant(resources):
    found = claims(resources, _EN_MAP_BY_A_PROJECT)
    assert [c.claimant for c in found] == ["DeepState", "DeepState"]


_EN_THE_OFFICIAL_ADDED = """\
North Korean troops have suffered about 4,000 casualties in Kursk, US official says

By Staff, CNN
Updated 6:12 PM EST, Tue January 7, 2025

North Korean troops fighting for Russia in the Kursk region have suffered roughly 4,000 casualties, including \
killed and wounded, a US official told CNN on Tuesday.

The official said the figure was based on an assessment of recent fighting. Pyongyang has deployed about 11,000 \
troops to the region since October, the official added.

Related article: What we know about North Korea's troops in Russia
"""


def test_a_title_that_refers_back_finds_the_speaker_named_by_that_title(resources):
    claim = claim_with(claims(resources, _EN_THE_OFFICIAL_ADDED), "11,000")
    assert (claim.kind, claim.claimant) == (Kind.DEPLOYED, "US official")


def test_a_title_that_refers_back_still_finds_a_person_named_with_it(resources):
    text = ("Defense Minister Andrei Belousov said Russia had sent 5,000 more troops to the Kursk region. "
            "The minister added that 300 Ukrainian soldiers had been captured near Sudzha.")
    claim = claim_with(claims(resources, text), "300")
    assert claim.claimant == "Andrei Belousov"


_EN_COUNT_BY_NAME = """\
Russia's Kursk losses: what we know

Moscow Times

Russia has lost between 18,000 and 20,000 soldiers killed in the Kursk region since August, according to an \
estimate by Mediazona, which counts confirmed deaths by name.

Economists estimate that the fighting has cost the region's farmers more than 5 billion rubles in lost harvests.
"""


def test_lost_n_soldiers_killed_is_one_killed_claim_by_the_maker_of_the_estimate(resources):
    found = claims(resources, _EN_COUNT_BY_NAME)
    assert [(c.kind, numbers_of(c), c.claimant) for c in found] == [
        (Kind.KILLED, (18000, None, 20000), "Mediazona")]



_UK_COMPANY_AND_TANKS = """\
Курщина: ворог просунувся біля Свердликового, — ЗСУ

Цензор.НЕТ

Російські війська просунулися поблизу Свердликового та Малої Локні Курської області, повідомили в угрупованні \
військ «Курськ».

За даними угруповання, протягом доби ворог втратив у районі Свердликового до роти піхоти та три танки.

Реклама
"""


def test_a_unit_lost_with_equipment_is_still_a_loss_of_people(resources):
    found = claims(resources, _UK_COMPANY_AND_TANKS)
    assert [(c.kind, c.figure.text, numbers_of(c)) for c in found] == [
        (Kind.KILLED_OR_WOUNDED, "до роти піхоти", (None, None, None))]  # "advanced near" is no control


_RU_OWN_WORDS_OF_HOLDING = """\
Глава Минобороны Украины: армия удерживает плацдарм в Курской области

Киев, 5 марта. Министр обороны Украины Рустем Умеров заявил, что потери российской армии в Курской области \
превышают 50 тысяч человек убитыми и ранеными.

«Мы держим плацдарм и будем держать его столько, сколько нужно», — подчеркнул Умеров.

Курские аграрии тем временем потеряли до 30% урожая.
"""


def test_we_hold_the_bridgehead_is_a_control_claim_and_kyivs_ministry_has_its_name(resources):
    found = claims(resources, _RU_OWN_WORDS_OF_HOLDING)
    assert claim_with(found, "держим плацдарм").kind is Kind.CONTROL
    assert found[0].claimant == "Ukrainian Defense Ministry"
    assert not [c for c in found if "урожая" in c.quote]


_EN_EVIDENCE_RESIDENTS_AND_AN_UNNAMED_SOLDIER = """\
Fighting near Sudzha intensifies, officials say

By Staff Reporter

Ukraine's General Staff said Russian forces had lost 120 soldiers near Sudzha in the Kursk region over the past day. \
Residents described hearing explosions throughout the night. “They keep sending small groups towards Sudzha, and \
most of them never come back,” said a drone operator who gave only his call sign.

Satellite images published by independent analysts showed damaged buildings in Sudzha. “Our units hold their \
positions around Sudzha,” a spokesman said.
"""


def test_a_quote_with_an_unnamed_speaker_and_evidence_borrow_no_claimant(resources):
    found = claims(resources, _EN_EVIDENCE_RESIDENTS_AND_AN_UNNAMED_SOLDIER)
    assert claim_with(found, "120").claimant == "General Staff of the Armed Forces of Ukraine"
    assert claim_with(found, "keep sending").claimant is None
    assert [c.claimant for c in found if "hold their" in c.quote] == [None]  # "a spokesman said"


_RU_RESIDENTS_THEN_A_STATEMENT = """\
Под Суджей продолжаются бои

Генштаб ВСУ сообщил, что ситуация в Курской области остается сложной.

Жители сообщили о взрывах в течение всей ночи. «Противник несёт значительные потери под Суджей и отступает», — \
говорится в сообщении.
"""


def test_a_statement_is_the_bodys_not_the_residents_who_spoke_before(resources):
    found = claims(resources, _RU_RESIDENTS_THEN_A_STATEMENT)
    assert [c.kind for c in found] == [Kind.KILLED_OR_WOUNDED, Kind.CONTROL]  # losses, and "отступает"
    assert {c.claimant for c in found} == {"General Staff of the Armed Forces of Ukraine"}


_RU_FORECAST_AFTER_A_CLAIM = """\
Алаудинов: «Ахмат» освободил Малую Локню

Командир спецназа «Ахмат» генерал Апти Алаудинов заявил, что бойцы подразделения освободили Малую Локню в \
Курской области и взяли в плен 14 военнослужащих ВСУ.

По словам генерала, в ближайшее время будет освобождена и Суджа, а оставшиеся там украинские военные будут \
уничтожены.
"""


def test_the_future_is_a_forecast_not_a_claim(resources):
    found = claims(resources, _RU_FORECAST_AFTER_A_CLAIM)
    assert not [c for c in found if "будет" in c.quote or "будут" in c.quote]
    assert Kind.CAPTURED in {c.kind for c in found if "14" in c.quote}


_UK_INITIATIVE_AND_A_TITLE_AFTER_THE_QUOTE = """\
Сирський: у Курській операції Росія втратила понад 38 тисяч військових

Головнокомандувач ЗСУ Олександр Сирський підбив підсумки Курської операції. За його даними, загальні втрати \
ворога становлять понад 38 тисяч осіб.

У Генштабі ЗСУ повідомили, що на Курському напрямку відбулося 17 боєзіткнень.

«Ми утримуємо ініціативу на цьому напрямку, а наші бійці утримують позиції біля Суджі», — наголосив \
головнокомандувач.
"""


def test_the_initiative_is_no_ground_and_the_commander_after_the_quote_is_the_one_named(resources):
    found = [c for c in claims(resources, _UK_INITIATIVE_AND_A_TITLE_AFTER_THE_QUOTE) if c.kind is Kind.CONTROL]
    assert [(c.quote.startswith("наші бійці утримують позиції"), c.claimant) for c in found] == [
        (True, "Oleksandr Syrskyi")]


_EN_SIDELESS_BLOGGERS_HEADLINE = """\
Military bloggers say Ukrainian troops withdrew from Plekhovo

KYIV, April 2 - Ukrainian military bloggers said on Tuesday that Ukrainian troops had withdrawn from Plekhovo \
after weeks of fighting. The General Staff did not comment.
"""

_UK_SIDELESS_BLOGGERS_HEADLINE = """\
Військові блогери: ЗСУ відійшли з Плехова

Українські військові блогери повідомили, що ЗСУ відійшли з Плехова після тижнів боїв.
"""

_EN_SIDELESS_BLOGGERS_RUSSIAN_BODY = """\
Military bloggers say Russian troops entered Plekhovo

MOSCOW, April 2 - Pro-Kremlin military bloggers said on Tuesday that Russian troops had entered Plekhovo.
"""


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(_EN_SIDELESS_BLOGGERS_HEADLINE, "Ukrainian milbloggers", id="en-body-says-ukrainian"),
    pytest.param(_UK_SIDELESS_BLOGGERS_HEADLINE, "Ukrainian milbloggers", id="uk-body-says-ukrainian"),
    pytest.param(_EN_SIDELESS_BLOGGERS_RUSSIAN_BODY, "Russian milbloggers", id="en-body-says-pro-kremlin"),
])
def test_a_headlines_bloggers_take_the_side_the_body_gives(resources, text, expected):
    found = claims(resources, text)
    assert len(found) == 2
    assert [c.claimant for c in found] == [expected, expected]


_EN_OUTLET_RETOLD = """\
Drone strike on Kursk border village kills four soldiers

A drone struck a field kitchen in the village of Tetkino on Tuesday morning, Russian state media reported.
Four servicemen were killed in the strike.
Another six soldiers were wounded and taken to a hospital in Rylsk.
Two more were reportedly wounded as they cleared the debris.
"""

_EN_OUTLET_AND_AN_OFFICIAL = """\
Drone strike on Kursk border village kills four soldiers

A drone struck a field kitchen in the village of Tetkino on Tuesday morning, Russian state media reported.
Four servicemen were killed in the strike.
Another six soldiers were wounded and taken to a hospital in Rylsk.
Ukraine's General Staff said its drones hit a command post near Glushkovo.
"""


def test_an_article_that_retells_one_outlet_is_that_outlets(resources):
    found = claims(resources, _EN_OUTLET_RETOLD)
    assert claim_with(found, "Four servicemen were killed").claimant == "Russian media"
    assert claim_with(found, "six soldiers were wounded").claimant == "Russian media"
    assert claim_with(found, "Two more were reportedly wounded").claimant is None  # hedged: nobody named
    # with a second source in the article, a sentence that names none is the writer's
    found = claims(resources, _EN_OUTLET_AND_AN_OFFICIAL)
    assert claim_with(found, "six soldiers were wounded").claimant is None
