"""Who speaks, and where, on sentences written for these tests in the style of wires, regional
outlets and Telegram reposts (not copied from the development articles), with their look-alikes:

- a time between a speech verb and its speaker ("заявил в пятницу Сырский", "повідомили у
  п'ятницю в Генштабі") is no part of the speaker's name, and a time alone names nobody;
- an aside that holds its own speaker ("…Sudzha, a spokesman said Friday, adding …") is no
  aside after a subject: the place before it does not speak;
- a relay to a bare body that only the speaker's country makes known ("South Korean lawmakers
  said, citing the spy agency") is that country's body (GOLD.md: the origin is the claimant);
- the Kursk region's emergency headquarters ("оперштаб") and Kyiv's presidential office ("Офіс
  президента") are named bodies, with a side; another region's headquarters is not Kursk's;
- a word typed in two alphabets ("Sudzhа" with a Cyrillic а, "Суджa" with a Latin a, "Cирський")
  is read in the alphabet most of its letters are in, every offset kept;
- the body's casualties under a headline set in another region ("… in Belgorod region") are not
  Kursk's until the article names Kursk, even when a background line names it further on;
- the Ukrainian passive and singular of pushing out ("Окупантів вибито з …", "вибив ворога з …")
  are control, the ones pushed out having left;
- a repost's line that closes on its source after a dash ("⚡️ВСУ потеряли … — Минобороны") is
  that source's; a dash before a list of villages names nobody;
- ISW's and the wires' names for sources: "Kremlin-affiliated milbloggers", "pro-war Russian
  bloggers", "a spokesman for the Ukrainian army"; a speaker set off by his office ("Andriy
  Kovalenko, head of …, said") or a known source by a relative clause ("Russian war bloggers,
  who …, said");
- forces that remain in an area with a figure are deployed ("About 11,000 North Korean troops
  remain in the Kursk region"), what remains anywhere else is not;
- the platform between a verb and its speaker ("— написав у Telegram головнокомандувач ЗСУ …") is
  no title, and a person after the body his title heads ("начальник Сумської ОВА Володимир
  Артюх") is the speaker, not the body;
- ISW's deployments: "deployed elements of the 76th Airborne Division to …", "is concentrating up
  to 50,000 troops near …", whole divisions sent (their count kept as text); efforts concentrated
  are no forces;
- the wires' "said NAME of ORG" is the person (a title before "of" is none: "said Chief of the
  General Staff Valery Gerasimov"), "the General Staff in Kyiv" is Kyiv's, and "Tuesday's
  statement from the ministry" is the ministry's.
"""

from __future__ import annotations

import pytest

from geo.homoglyphs import unmix
from geo.model import Document, Source
from geo.pipeline import process_document
from geo.model import Kind
from geo.sides import Side, read_control, side_of
from geo.text import fold
from tests.test_probe_claims import claims, numbers

RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
EN = "Fighting in Kursk oblast.\n\n"


def claimants(resources, text: str) -> list[str | None]:
    return [c.claimant for c in claims(resources, text)]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "Российские войска освободили Суджу, заявил в пятницу Сырский.", "Oleksandr Syrskyi",
                 id="ru-заявил-в-пятницу-X"),
    pytest.param(RU + "Российские войска освободили Суджу, заявил в пятницу представитель Минобороны.",
                 "Russian Defense Ministry", id="ru-в-пятницу-представитель"),
    pytest.param(RU + "ВСУ отступили из Суджи, заявили в пятницу в Минобороны России.", "Russian Defense Ministry",
                 id="ru-заявили-в-пятницу-в-body"),
    pytest.param(RU + "Около 200 военных КНДР погибли под Суджей, сообщил накануне Хинштейн.",
                 "Alexander Khinshtein", id="ru-накануне"),
    pytest.param(UK + "Російські війська захопили Суджу, повідомили у п'ятницю в Генштабі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-у-пятницю-в-body"),
    pytest.param(UK + "Російські війська захопили Суджу, повідомили вчора в Генштабі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-вчора-в-body"),
    pytest.param(UK + "Російські війська захопили Суджу, заявив у п'ятницю Сирський.", "Oleksandr Syrskyi",
                 id="uk-заявив-у-пятницю-X"),
    pytest.param(UK + "Російські війська захопили Суджу, повідомив у четвер речник Генштабу.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-у-четвер-речник"),
    # a date or a last week between the verb and the speaker
    pytest.param(UK + "Російські війська захопили Суджу, заявив 12 березня Сирський.", "Oleksandr Syrskyi",
                 id="uk-заявив-12-березня-X"),
    pytest.param(RU + "Российские войска освободили Суджу, сообщили 12 марта в Минобороны.", "Russian Defense Ministry",
                 id="ru-сообщили-12-марта-в-body"),
    pytest.param(RU + "Российские войска освободили Суджу, сообщили в минувшую пятницу в Минобороны.",
                 "Russian Defense Ministry", id="ru-в-минувшую-пятницу"),
    pytest.param(UK + "Ворог втратив 200 осіб під Суджею, повідомили минулого тижня в Генштабі.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-минулого-тижня"),
    # the time alone names nobody
    pytest.param(UK + "Близько 200 північнокорейських військових загинули під Суджею, повідомили у п'ятницю.", None,
                 id="uk-time-alone"),
    pytest.param(RU + "Около 200 военных КНДР погибли под Суджей, заявили во вторник.", None, id="ru-time-alone"),
    pytest.param(EN + "Russian forces recaptured Sudzha, the Kremlin said late Friday.", "Russia", id="en-said-late-friday"),
    # a day and its time of day before the speaker
    pytest.param(RU + "В пятницу вечером Сырский заявил, что ВСУ удерживают позиции у Суджи.", "Oleksandr Syrskyi",
                 id="ru-в-пятницу-вечером-X"),
    pytest.param(UK + "У п'ятницю ввечері Сирський заявив, що ЗСУ утримують позиції біля Суджі.", "Oleksandr Syrskyi",
                 id="uk-у-пятницю-ввечері-X"),
    pytest.param(UK + "У неділю вранці Генштаб ЗСУ повідомив, що ворог втратив 200 осіб під Суджею.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-у-неділю-вранці-body"),
])
def test_a_time_after_the_verb_is_no_speaker(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_an_aside_with_its_own_speaker_is_no_subjects_aside(resources):
    text = EN + "Russian forces have retaken Sudzha, a spokesman said Friday, adding that 200 Ukrainian soldiers were killed."
    assert "Sudzha" not in claimants(resources, text)
    # a participle or a relay in the aside still leaves the subject speaking
    assert claimants(resources, EN + "Syrskyi, speaking to reporters in Kyiv, said 200 Russian soldiers were killed "
                                     "near Sudzha.") == ["Oleksandr Syrskyi"]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(EN + "Some 3,000 North Korean troops have been killed or wounded in Kursk, South Korean lawmakers said, "
                      "citing the spy agency.", "South Korea's NIS", id="en-citing-the-spy-agency"),
    pytest.param(EN + "South Korean lawmakers, citing the spy agency, said about 300 North Korean soldiers had been "
                      "killed in Kursk.", "South Korea's NIS", id="en-aside-citing-the-spy-agency"),
    pytest.param(EN + "Some 3,000 North Korean troops have been killed or wounded in Kursk, South Korean lawmakers said "
                      "on Tuesday, citing the country's intelligence agency.", "South Korea's NIS",
                 id="en-citing-the-countrys-agency"),
    # a body known alone keeps its own name
    pytest.param(EN + "Russian media reported, citing the Defence Ministry, that Russian troops had retaken Sudzha.",
                 "Russian Defense Ministry", id="en-citing-a-known-body"),
])
def test_a_relay_to_a_bare_body_is_the_speakers_countrys(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "В результате обстрела Суджи погибли два мирных жителя, сообщил оперштаб Курской области.",
                 "Kursk Region Operational Headquarters", id="ru-сообщил-оперштаб"),
    pytest.param(RU + "По данным оперштаба, в Рыльске ранены три человека.", "Kursk Region Operational Headquarters",
                 id="ru-по-данным-оперштаба"),
    pytest.param(RU + "В Льгове ранены пять мирных жителей, сообщает оперативный штаб региона.",
                 "Kursk Region Operational Headquarters", id="ru-оперативный-штаб-региона"),
    pytest.param(EN + "Five civilians were wounded in Lgov, the Kursk region's operational headquarters said on Telegram.",
                 "Kursk Region Operational Headquarters", id="en-operational-headquarters"),
    pytest.param(UK + "Російські війська втратили понад 300 військових під Суджею, повідомили в Офісі президента.",
                 "Office of the President of Ukraine", id="uk-в-Офісі-президента"),
    pytest.param(RU + "В Офисе президента Украины заявили, что ВСУ удерживают позиции у Суджи.",
                 "Office of the President of Ukraine", id="ru-в-Офисе-президента"),
    pytest.param(EN + "Ukrainian forces still hold positions near Sudzha, the Ukrainian Presidential Office said.",
                 "Office of the President of Ukraine", id="en-presidential-office"),
    # the office's head, named with it, speaks as himself
    pytest.param(UK + "Керівник Офісу президента Андрій Єрмак заявив, що ЗСУ утримують позиції у Суджі.",
                 "Андрій Єрмак", id="uk-head-of-the-office"),
])
def test_regional_headquarters_and_the_presidential_office_are_bodies(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


def test_the_bodies_have_their_sides():
    assert side_of("Kursk Region Operational Headquarters") is Side.RUSSIA
    assert side_of("Office of the President of Ukraine") is Side.UKRAINE


def places(resources, text: str) -> list[tuple[str, str | None]]:
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    return [(r.mention.surface, r.place_id) for r in process_document(doc, resources).resolutions]


@pytest.mark.parametrize(("text", "surface"), [
    pytest.param(EN + "Russian forces recaptured Sudzh\u0430, the Defence Ministry said.", "Sudzh\u0430",
                 id="en-cyrillic-a"),
    pytest.param(RU + "Российские войска освободили Судж\u0443, сообщили в Минобороны.", "Судж\u0443", id="ru-plain"),
    pytest.param(RU + "Российские войска освободили Суджy, сообщили в Минобороны.", "Суджy", id="ru-latin-y"),
    pytest.param(UK + "ЗСУ вийшли з Суджi, повідомив Сирський.", "Суджi", id="uk-latin-i"),
    pytest.param(RU + "ВСУ выбиты из Cуджи, заявили в Минобороны.", "Cуджи", id="ru-latin-capital-c"),
])
def test_a_place_typed_in_two_alphabets_is_found(resources, text, surface):
    found = places(resources, text)
    sudzha = places(resources, RU + "Суджа")[-1][1]
    assert (surface, sudzha) in found


def test_a_claimant_typed_in_two_alphabets_is_known(resources):
    text = UK + "ЗСУ вийшли з Суджі, повідомив Cирський."  # a Latin C
    assert claimants(resources, text) == ["Oleksandr Syrskyi"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("бои у суджa и sudzhа", "бои у суджа и sudzha", id="both-ways"),
    pytest.param("telegram-канал", "telegram-канал", id="hyphen-parts-are-words"),
    pytest.param("xyzя", "xyzя", id="minority-no-lookalike"),
    pytest.param("ab\u0430\u0431", "ab\u0430\u0431", id="as-many-of-each"),
    pytest.param("su-34 и ту-22м3", "su-34 и ту-22м3", id="digits-end-words"),
])
def test_unmix_writes_a_mixed_word_in_its_majority_alphabet(text, expected):
    assert unmix(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Sudzh\u0430\u2019s", "sudzha's", id="apostrophe"),
    pytest.param("СУДЖA і ЗCУ", "суджа і зсу", id="capitals"),
    pytest.param("İstanbul Суджa", None, id="a-letter-that-lowers-to-two"),
    pytest.param("a" * 300 + "\u0430б", None, id="long-text-no-lookalike-majority"),
    pytest.param("Ёлки Cуджи " * 40, "елки суджи " * 40, id="long-cyrillic-text"),
])
def test_fold_keeps_every_offset(text, expected):
    folded = fold(text)
    assert len(folded) == len(text)
    assert expected is None or folded == expected


def linked(resources, text: str) -> list[list[str]]:
    return [[p.place_id for p in c.places] for c in claims(resources, text)]


@pytest.mark.parametrize("text", [
    pytest.param("Two civilians killed in drone strike in Belgorod region\n\nTwo civilians were killed and three "
                 "wounded when a drone hit a car on Tuesday, the regional governor said.\n\nThe neighbouring Kursk "
                 "region has also come under frequent attack since August 2024.", id="en"),
    pytest.param("В Белгородской области при атаке дрона погибли двое мирных жителей\n\nДвое мирных жителей погибли, "
                 "еще трое ранены, сообщил губернатор.\n\nРанее ВСУ атаковали и соседнюю Курскую область.", id="ru"),
    pytest.param("На Сумщині внаслідок обстрілу загинули двоє людей\n\nДвоє цивільних загинули, ще троє поранені, "
                 "повідомила ОВА.\n\nРосіяни обстрілюють прикордоння з території Курської області.", id="uk"),
])
def test_casualties_under_a_headline_set_elsewhere_are_unplaced(resources, text):
    assert linked(resources, text) == [[], [], []]


def test_the_body_that_names_kursk_before_the_claim_keeps_kursk(resources):
    text = ("Drone attacks in Belgorod region\n\nFighting also continued in the Kursk region. Two Ukrainian soldiers "
            "were killed near the border, the ministry said.")
    assert linked(resources, text) == [["kursk-oblast"]]


@pytest.mark.parametrize(("text", "holder"), [
    pytest.param(UK + "Окупантів вибито з Малої Локні, повідомляє Генштаб ЗСУ.", Side.UKRAINE, id="uk-вибито"),
    pytest.param(UK + "Окупанти вибиті з Малої Локні, повідомляє Генштаб ЗСУ.", Side.UKRAINE, id="uk-вибиті"),
    pytest.param(UK + "Ворога витіснено з Малої Локні, повідомляє Генштаб ЗСУ.", Side.UKRAINE, id="uk-витіснено"),
    pytest.param(UK + "Штурмовий полк ЗСУ вибив ворога з Малої Локні, повідомив Сирський.", Side.UKRAINE,
                 id="uk-вибив"),
])
def test_pushed_out_in_ukrainian_is_control(resources, text, holder):
    found = claims(resources, text)
    assert [c.kind for c in found] == [Kind.CONTROL]
    holding = read_control(found[0])
    assert holding is not None and holding.holder is holder


def test_a_door_knocked_out_is_no_control(resources):
    assert claims(resources, UK + "Ворог вибив двері в будинку в Малій Локні.") == ()


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(RU + "⚡️ВСУ потеряли за сутки до 200 военнослужащих на курском направлении — Минобороны\n\n"
                      "Подписывайтесь на наш канал.", "Russian Defense Ministry", id="ru-loss-dash-source"),
    pytest.param(RU + "❗️ВСУ оставили Суджу — Минобороны РФ", "Russian Defense Ministry", id="ru-control-dash-source"),
    pytest.param(UK + "🔴 Ворог втратив на курському напрямку 150 осіб — Генштаб ЗСУ.",
                 "General Staff of the Armed Forces of Ukraine", id="uk-dash-source-with-stop"),
    pytest.param(EN + "Ukraine lost 200 soldiers near Sudzha over the past day — Russian Defence Ministry",
                 "Russian Defense Ministry", id="en-dash-source"),
    # a dash before the villages taken names no source
    pytest.param(RU + "Российские войска освободили два села — Погребки и Малую Локню.", None, id="ru-dash-list"),
])
def test_a_line_that_closes_on_its_source_after_a_dash(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(EN + "Kremlin-affiliated milbloggers claimed that Russian forces captured Malaya Loknya.",
                 "Russian milbloggers", id="en-kremlin-affiliated"),
    pytest.param(EN + "Pro-war Russian bloggers said Russian forces had captured Malaya Loknya.", "Russian milbloggers",
                 id="en-pro-war-bloggers"),
    pytest.param(EN + "Ukrainian forces withdrew from Malaya Loknya, a spokesman for the Ukrainian army said.",
                 "Armed Forces of Ukraine", id="en-spokesman-for-the-army"),
    pytest.param(EN + "Andriy Kovalenko, head of Ukraine's Center for Countering Disinformation, said Russian forces had "
                      "lost 200 troops near Sudzha.", "Andriy Kovalenko", id="en-name-comma-office"),
    pytest.param(EN + "Russian war bloggers, who are closely followed in Moscow, said Ukraine had lost Malaya Loknya.",
                 "Russian milbloggers", id="en-known-source-who-clause"),
    pytest.param(RU + "Апти Алаудинов, командир спецназа «Ахмат», заявил, что ВСУ потеряли 200 человек под Суджей.",
                 "Apti Alaudinov", id="ru-name-comma-office"),
])
def test_sources_as_analysts_and_wires_name_them(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(EN + "About 11,000 North Korean troops remain in the Kursk region, Zelensky said.",
                 [(Kind.DEPLOYED, (None, 11000, None))], id="en-remain-in-the-region"),
    pytest.param(EN + "Less than 500 North Korean soldiers remain in Kursk, the NIS said.",
                 [(Kind.DEPLOYED, (None, 500, 500))], id="en-less-than-remain"),
    # tension remaining is nobody's deployment; the loss after it stays the loss
    pytest.param(EN + "Tensions remain in the region after 300 soldiers were killed near Sudzha.",
                 [(Kind.KILLED, (None, 300, None))], id="en-tensions-remain"),
])
def test_forces_that_remain_in_an_area_are_deployed(resources, text, expected):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == expected


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(UK + "«Ворог втратив понад 200 осіб під Суджею», — написав у Telegram головнокомандувач ЗСУ Олександр "
                      "Сирський.", "Oleksandr Syrskyi", id="uk-у-Telegram-title-name"),
    pytest.param(RU + "«В Рыльске погибли двое мирных жителей», — сообщил в Telegram-канале губернатор Александр Хинштейн.",
                 "Alexander Khinshtein", id="ru-в-Telegram-канале"),
    pytest.param(UK + "Як повідомив начальник Сумської ОВА Володимир Артюх, на Курщині загинули троє цивільних.",
                 "Володимир Артюх", id="uk-body-then-person"),
])
def test_a_platform_and_a_body_before_the_speakers_name(resources, text, claimant):
    assert claimants(resources, text) == [claimant]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(EN + "Russia has deployed elements of the 76th Airborne Division to the Kursk direction, ISW assessed.",
                 [(Kind.DEPLOYED, None)], id="en-elements-of"),
    pytest.param(EN + "Russia is concentrating up to 50,000 troops near Sudzha, the ISW said on Sunday.",
                 [(Kind.DEPLOYED, (None, 50000, 50000))], id="en-concentrating"),
    pytest.param(EN + "Russia has sent two divisions to the Kursk region, Zelensky said.",
                 [(Kind.DEPLOYED, (None, None, None))], id="en-two-divisions"),
    pytest.param(EN + "Russia is concentrating its efforts on the Kursk direction, the ISW said.", [],
                 id="en-concentrating-efforts"),
])
def test_deployments_as_isw_writes_them(resources, text, expected):
    assert [(c.kind, numbers(c)) for c in claims(resources, text)] == expected


@pytest.mark.parametrize(("text", "claimant"), [
    pytest.param(EN + "Russian forces have recaptured Sudzha, said Andriy Kovalenko of Ukraine's Center for Countering "
                      "Disinformation.", "Andriy Kovalenko", id="en-said-name-of-body"),
    pytest.param(EN + "Russian forces have recaptured Sudzha, said Pasi Paroinen of the Black Bird Group.", "Pasi Paroinen",
                 id="en-said-name-of-the-group"),
    pytest.param(EN + "Russian forces have recaptured Sudzha, said Chief of the General Staff Valery Gerasimov.",
                 "Valery Gerasimov", id="en-said-title-of"),
    pytest.param(EN + "Russian forces have recaptured Sudzha, the General Staff in Kyiv said in its morning update.",
                 "General Staff of the Armed Forces of Ukraine", id="en-general-staff-in-kyiv"),
    pytest.param(EN + "The Russian MoD said on Monday that its forces retook Sudzha. Russian forces recaptured Pogrebki, "
                      "Tuesday's statement from the ministry said.", "Russian Defense Ministry", id="en-tuesdays-statement"),
])
def test_wire_names_of_speakers(resources, text, claimant):
    assert claimants(resources, text)[-1] == claimant
