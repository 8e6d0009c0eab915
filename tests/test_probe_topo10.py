"""Finding Kursk settlements in unseen text, on sentences written for these tests in the
style of wires, ministries and regional outlets (not copied from the development articles):
a village whose Russian name is also a plural noun or a neuter adjective (Погребки
"cellars", Красное "red") is a village when spelt in Latin letters, even as a document's
first word, while a Latin title or first name (Svoboda, Pravda) still needs evidence; what
is done to a settlement (освободили, звільнено, was liberated) is a place cue on either side.
"""

from __future__ import annotations

import pytest

from geo.model import Document, Source
from geo.pipeline import process_document


def found(resources, text: str) -> list[tuple[str, str | None]]:
    """(surface, Russian name of the chosen place or None) for every mention."""
    doc = Document(meta=Source(source="t.txt", sha256="0" * 64, published="2025-03-10"), text=text)
    gaz = resources.gazetteer
    return [(r.mention.surface, gaz.places[r.place_id].name_local if r.place_id else None)
            for r in process_document(doc, resources).resolutions]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Pogrebki was recaptured by Russian troops on Tuesday, the ministry said.",
                 [("Pogrebki", "Погребки")], id="en-plural-noun-first-word"),
    pytest.param("Russian troops recaptured Pogrebki on Tuesday.", [("Pogrebki", "Погребки")],
                 id="en-plural-noun-after-verb"),
    pytest.param("Krasnoye was shelled overnight, the governor wrote on Telegram.",
                 [("Krasnoye", "Красное")], id="en-neuter-adjective-first-word"),
    pytest.param("Two soldiers went missing after a failed assault on Storozhevoye, officials said.",
                 [("Storozhevoye", "Сторожевое")], id="en-neuter-adjective-after-assault"),
])
def test_latin_spelling_of_a_plural_or_neuter_common_word_is_a_village(resources, text, expected):
    assert found(resources, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("The broadcaster Svoboda was hit by a cyberattack, the company said.", id="en-title-svoboda"),
    pytest.param("Bugs in Zarya delayed the launch, engineers wrote.", id="en-module-zarya"),
])
def test_latin_spelling_of_a_singular_common_word_still_needs_evidence(resources, text):
    assert all(place is None for _, place in found(resources, text))


RU = "Бои в Курской области.\n\n"
UK = "Бої на Курщині.\n\n"
KURSK_LEAD = "Fighting in the Kursk region continued.\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(RU + "Российские войска освободили Погребки, сообщило Минобороны.",
                 ("Погребки", "Погребки"), id="ru-освободили-before"),
    pytest.param(RU + "Минобороны сообщило об освобождении Пасечного.", ("Пасечного", "Пасечный"),
                 id="ru-об-освобождении-before"),
    pytest.param(RU + "Погребки были освобождены, сообщило Минобороны.", ("Погребки", "Погребки"),
                 id="ru-passive-after-first-word"),
    pytest.param(UK + "Сили оборони звільнили Спальне та просунулися на 2 км.", ("Спальне", "Спальное"),
                 id="uk-звільнили-before"),
    pytest.param(UK + "Погребки повністю звільнено, повідомив Генштаб.", ("Погребки", "Погребки"),
                 id="uk-impersonal-passive-after"),
    pytest.param("Pogrebki has been fully liberated, the ministry said.", ("Pogrebki", "Погребки"),
                 id="en-passive-after"),
])
def test_what_is_done_to_a_settlement_cues_a_common_word_name(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize("text", [
    pytest.param(RU + "Погребки были полны картошки, рассказали жители.", id="ru-cellars-were-full"),
    pytest.param(UK + "Погребки стоять порожні, кажуть люди.", id="uk-cellars-stand-empty"),
])
def test_a_common_word_without_such_a_cue_still_needs_evidence(resources, text):
    assert ("Погребки", None) in found(resources, text)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(UK + "ЗСУ вийшли з Погребків, повідомив Генштаб.", ("Погребків", "Погребки"),
                 id="uk-plural-genitive-after-з"),
    pytest.param(UK + "Бої тривають біля Журавлів.", ("Журавлів", "Журавли"), id="uk-plural-genitive-біля"),
    pytest.param(UK + "Сили оборони утримують Красне.", ("Красне", "Красное"), id="uk-respelt-not-translated"),
    pytest.param(UK + "ЗСУ зайшли в Гуєво.", ("Гуєво", "Гуево"), id="uk-о-kept"),
    pytest.param(UK + "ЗСУ утримують Миколаєво-Дар'їне.", ("Миколаєво-Дар'їне", "Николаево-Дарьино"),
                 id="uk-hyphenated-first-part-о-and-апостроф"),
    pytest.param(UK + "Росіяни заявили про захоплення Миколаєво-Дар’їного.",
                 ("Миколаєво-Дар’їного", "Николаево-Дарьино"), id="uk-hyphenated-genitive"),
    pytest.param(UK + "Бої точаться біля Гуєвого, у Плеховому та під Суджею, з Малої Локні відійшли.",
                 ("Малої Локні", "Малая Локня"), id="uk-case-forms-in-one-sentence"),
    pytest.param(UK + "Штурмовики закріпилися у Руському Поречному.", ("Руському Поречному", "Русское Поречное"),
                 id="uk-two-adjectives-locative"),
    pytest.param(UK + "Бої точаться на південь від Козачої Локні.", ("Козачої Локні", "Казачья Локня"),
                 id="uk-казак-root-respelt-козак"),
    pytest.param(UK + "Ворог атакував Казачу Локню зранку.", ("Казачу Локню", "Казачья Локня"),
                 id="uk-казак-root-kept"),
])
def test_ukrainian_spellings_and_case_forms(resources, text, expected):
    assert expected in found(resources, text)


def test_a_ukrainian_plural_form_is_not_read_as_a_village_without_a_cue(resources):
    assert ("Погребків", None) in found(resources, UK + "Погребків не було видно, кажуть люди.")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Russian forces pushed Ukrainian units out of Huyeve in the Kursk region, Kyiv said.",
                 ("Huyeve", "Гуево"), id="en-ukrainian-ye-after-a-vowel"),
    pytest.param("Fighting continued near Rubanschina in the Sudzha district.", ("Rubanschina", "Рубанщина"),
                 id="en-sch-for-щ"),
    pytest.param("Russian forces advanced near Tiotkino and Sudja, ISW said.", ("Sudja", "Суджа"),
                 id="en-dj-for-дж"),
    pytest.param("Russian forces retook Nikolaevo-Dar'ino in the Kursk region.",
                 ("Nikolaevo-Dar'ino", "Николаево-Дарьино"), id="en-plain-with-prime-not-split"),
    pytest.param("Fighting in the Kursk region went on near Tovstyi Luh.", ("Tovstyi Luh", "Толстый Луг"),
                 id="en-ukrainian-translated-adjective"),
    pytest.param("Fighting in the Kursk region went on near Kosytsia.", ("Kosytsia", "Косица"),
                 id="en-ukrainian-soft-ц"),
])
def test_english_transliteration_variants(resources, text, expected):
    assert expected in found(resources, text)


def test_a_ukrainian_only_spelling_without_kursk_context_is_left_unresolved(resources):
    assert found(resources, "Russian forces pushed Ukrainian units out of Huyeve, Kyiv said.") == [("Huyeve", None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("SUDZHA, Russia (Reuters) - Russian troops said they had retaken the town.", ("SUDZHA", "Суджа"),
                 id="en-dateline-in-capitals"),
    pytest.param("СУДЖА, 12 марта. Российские войска вошли в город.", ("СУДЖА", "Суджа"), id="ru-dateline-in-capitals"),
    pytest.param("Pogrebki, Kursk region — Russian troops recaptured the village on Tuesday.",
                 ("Pogrebki", "Погребки"), id="en-oblast-in-apposition"),
    pytest.param("Погребки, Курская область. Российские военные вошли в село.", ("Погребки", "Погребки"),
                 id="ru-oblast-in-apposition"),
])
def test_datelines_and_the_oblast_in_apposition(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize("text", [
    pytest.param("Troops near SUDZHA were rotated, the brigade said.", id="en-capitals-inside-a-lowercase-line"),
    pytest.param("Reporters said: SUDZHA, as officials call the sector, is quiet.", id="en-capitals-not-at-line-start"),
])
def test_a_name_in_capitals_elsewhere_is_still_an_acronym(resources, text):
    assert found(resources, text) == []



@pytest.mark.parametrize(("text", "surface"), [
    pytest.param(KURSK_LEAD + "Russian forces also attacked near Lyman, Kupiansk, Siversk and Avdiivka.", "Lyman",
                 id="en-common-word-among-donetsk-towns"),
    pytest.param(KURSK_LEAD + "Russian forces also attacked near Lyman, Kupiansk, Siversk and Avdiivka.", "Avdiivka",
                 id="en-ukrainian-spelling-among-donetsk-towns"),
])
def test_a_weak_name_listed_among_places_the_gazetteer_lacks_is_a_namesake(resources, text, surface):
    assert (surface, None) in found(resources, text)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Russian forces advanced near Sudzha, Pokrovsk, Toretsk and Kurakhove, the ministry said.",
                 ("Sudzha", "Суджа"), id="en-strong-name-keeps-its-reading"),
    pytest.param(KURSK_LEAD + "Russian troops recaptured Pogrebki, Plekhovo and Zelenyi Shlyakh on Tuesday, Gerasimov said.",
                 ("Pogrebki", "Погребки"), id="en-weak-name-in-a-kursk-list"),
])
def test_a_list_of_kursk_places_is_not_another_front(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize(("text", "surface"), [
    pytest.param(RU + "Доклад генерала Герасимова Путину касался Суджи.", "Герасимова", id="ru-rank-before-surname"),
    pytest.param(RU + "Слова Валерия Герасимова о Судже.", "Герасимова", id="ru-first-name-before-surname"),
    pytest.param("Russian General Gerasimovo met the troops.", "Gerasimovo", id="en-rank-before-surname"),
    pytest.param(KURSK_LEAD + "According to Nadezhda Ivanova, a Sudzha resident, shelling went on.", "Nadezhda",
                 id="en-surname-after-first-name"),
])
def test_a_surname_that_spells_a_village_is_a_person(resources, text, surface):
    assert (surface, None) in found(resources, text)


def test_a_village_after_a_place_word_is_still_a_village(resources):
    assert ("Герасимово", "Герасимово") in found(resources, RU + "Бои идут у села Герасимово.")


@pytest.mark.parametrize(("text", "surface"), [
    pytest.param(RU + "Маршал Жуков и Курская битва.", "Жуков", id="ru-rank-before-a-hamlet-named-as-a-surname"),
    pytest.param(KURSK_LEAD + "Zhukov's army fought here in 1943.", "Zhukov", id="en-surname-possessive"),
    pytest.param(KURSK_LEAD + "Marshal Zhukov's statue in Kursk was damaged.", "Zhukov", id="en-marshal"),
])
def test_a_hamlet_named_as_a_surname_needs_evidence(resources, text, surface):
    assert (surface, None) in found(resources, text)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("More than 1,200 troops went missing after a failed assault on Kolmakov, officials said.",
                 ("Kolmakov", "Колмаков"), id="en-assault-on"),
    pytest.param(UK + "Сирський заявив, що в районі Колмакова загинули 200 військових.", ("Колмакова", "Колмаков"),
                 id="uk-в-районі"),
    pytest.param(UK + "Росіяни втратили 12 осіб у боях за Погребки.", ("Погребки", "Погребки"), id="uk-боях-за"),
    pytest.param("Heavy losses in the battle for Pogrebki, the brigade said.", ("Pogrebki", "Погребки"),
                 id="en-battle-for"),
])
def test_a_hamlet_named_as_a_surname_or_common_word_with_a_cue_is_a_place(resources, text, expected):
    assert expected in found(resources, text)


def test_a_town_named_as_a_surname_needs_no_cue(resources):
    assert ("Kurchatov", "Курчатов") in found(resources, "Kurchatov was shelled overnight, the governor said.")


def test_a_village_followed_by_a_weekday_is_still_a_village(resources):
    text = "Russian forces captured Sudzha Monday and Plekhovo Tuesday, the ministry said."
    assert [place for _, place in found(resources, text)] == ["Суджа", "Плехово"]
