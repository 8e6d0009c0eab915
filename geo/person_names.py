"""A Russian person's name in the nominative, as a claimant is named.

Russian names its speakers in the case the sentence needs: "по словам губернатора
Вячеслава Гладкова", "сообщила Марии Захаровой". The gold names a claimant in the
nominative ("Вячеслав Гладков"), so a name the alias table does not know is put back in
the nominative before it is shown or compared. pymorphy3 knows first names, patronymics
and many surnames with their gender; the first name decides the gender and the case, and
each word is put into the nominative of that gender. A surname the dictionary does not
know loses the regular ending of that case ("Коца" → "Коц").

A name with Ukrainian letters (і, ї, є, ґ), or whose first word is none of the common
Russian first names (``FIRST_NAMES``), is left as written.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from geo.regex_cache import compile_pattern

_RUSSIAN_WORD = compile_pattern(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
#: Common first names of the people the news quotes. The analyzer is loaded only for a
#: phrase that opens with one of them in some case: most capitalised pairs in the news
#: ("Петровы Буды", "Дурова сдались") are no person's name, and the load costs 0.12 s.
FIRST_NAMES = frozenset("""
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артем Артём Ахмат Богдан Борис Вадим Валентин
Валерий Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Герман Глеб Григорий
Даниил Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Магомед Максим Марат Михаил
Никита Николай Олег Павел Петр Пётр Рамзан Роман Руслан Семен Семён Сергей Станислав Степан Тимур Федор
Фёдор Эдуард Юрий Яков Ярослав Александра Алина Алла Анастасия Анна Валентина Валерия Вера Вероника
Виктория Галина Дарья Евгения Екатерина Елена Елизавета Ирина Ксения Лариса Людмила Маргарита Марина
Мария Надежда Наталья Наталия Нина Оксана Ольга Полина Светлана Софья Татьяна Юлия
""".split())
_CASE_ENDINGS = ("ами", "ому", "ыми", "ием", "ией", "ой", "ей", "ом", "ем", "ым", "им", "ию", "ии",
                 "а", "я", "у", "ю", "е", "ы", "и", "")
_NOMINATIVE_ENDINGS = ("", "й", "ий", "а", "я", "ия", "ь")
_UKRAINIAN_LETTERS = compile_pattern(r"[ІіЇїЄєҐґ]")
_OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct"})
_NAME_PARTS = ("Name", "Surn", "Patr")
#: The regular endings of an unknown masculine surname ("Коца", "Хинштейну", "Сырского").
_MASCULINE_ENDINGS = {"gent": (("ого", "ий"), ("а", "")), "accs": (("ого", "ий"), ("а", "")),
                      "datv": (("ому", "ий"), ("у", "")), "ablt": (("им", "ий"), ("ом", ""), ("ым", "")),
                      "loct": (("ом", "ий"), ("е", ""))}
_FEMININE_ENDINGS = {"gent": (("ой", "а"),), "datv": (("ой", "а"),), "ablt": (("ой", "а"),),
                     "loct": (("ой", "а"),), "accs": (("у", "а"),)}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """pymorphy3's analyzer, loaded on the first name that needs it (about 0.1 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def nominative(name: str) -> str:
    """The name in the nominative when it is a Russian or Ukrainian first name (and surname) in
    another case.

    >>> nominative("Вячеслава Гладкова"), nominative("Марии Захаровой"), nominative("Александра Коца")
    ('Вячеслав Гладков', 'Мария Захарова', 'Александр Коц')
    >>> nominative("Анна Петрова"), nominative("Олександра Сирського"), nominative("Петровы Буды")
    ('Анна Петрова', 'Олександр Сирський', 'Петровы Буды')
    """
    words = name.split()
    ukrainian = _ukrainian_nominative(words)
    if ukrainian is not None:
        return ukrainian
    if not 2 <= len(words) <= 3 or _UKRAINIAN_LETTERS.search(name) or not all(
            _RUSSIAN_WORD.fullmatch(w) for w in words) or not may_be_first_name(words[0]):
        return name
    first = _first_name_reading(words[0])
    if first is None:
        return name
    case, gender = first.tag.case, first.tag.gender
    if case not in _OBLIQUE:
        return name
    return " ".join(_word_nominative(w, case, gender) for w in words)


#: Common Ukrainian first names of the people Ukrainian outlets quote (officials, spokesmen,
#: commanders): "за словами Дмитра Лиховія", "повідомив Назарові Волошину" are put back in
#: the nominative by regular endings, as no dictionary of Ukrainian is shipped.
UKRAINIAN_FIRST_NAMES = frozenset("""
Олександр Олексій Андрій Дмитро Віктор Володимир Сергій Юрій Назар Вадим Кирило Валерій Роман Микола
Михайло Петро Павло Іван Ігор Богдан Тарас Олег Максим Василь Віталій Ярослав Денис Артем Євген Георгій
Геннадій Анатолій Антон Руслан Станіслав Степан Федір Григорій Леонід Костянтин Едуард Святослав Ілля
Ірина Олена Наталія Ольга Юлія Тетяна Марія Анна Катерина Оксана Світлана Людмила Галина Вікторія Ганна
""".split())
#: A first name's case endings and the nominative endings they come from, with the case they mark:
#: Дмитра → Дмитро, Андрія → Андрій, Миколи → Микола, Олександрові → Олександр, Іриною → Ірина.
_UK_FIRST_ENDINGS = (("ові", ("",), "datv"), ("еві", ("ь", ""), "datv"), ("єві", ("й",), "datv"),
                     ("ою", ("а",), "ablt"), ("ею", ("я",), "ablt"), ("ом", ("", "о"), "ablt"),
                     ("ем", ("ь",), "ablt"), ("єм", ("й",), "ablt"), ("ія", ("ій",), "gent"),
                     ("ію", ("ій",), "datv"), ("а", ("", "о"), "gent"), ("я", ("й", "ь"), "gent"),
                     ("и", ("а",), "gent"), ("і", ("а",), "datv"), ("у", ("", "о"), "datv"),
                     ("ю", ("й", "ь"), "datv"))
#: A surname's endings in each case and its nominative, longest first (masculine; a feminine
#: surname in -ська/-ова declines like an adjective, one in a consonant not at all).
_UK_SURNAME_ENDINGS = {
    "gent": (("ського", "ський"), ("цького", "цький"), ("ого", "ий"), ("ія", "ій"), ("енка", "енко"), ("а", "")),
    "datv": (("ському", "ський"), ("ому", "ий"), ("ію", "ій"), ("енкові", "енко"), ("енку", "енко"), ("ові", ""),
             ("у", "")),
    "ablt": (("ським", "ський"), ("им", "ий"), ("ієм", "ій"), ("енком", "енко"), ("ом", "")),
}
_UK_FEMININE_SURNAME_ENDINGS = {"gent": (("ої", "а"),), "datv": (("ій", "а"),), "ablt": (("ою", "а"),)}


def _ukrainian_nominative(words: list[str]) -> str | None:
    """A Ukrainian first name (and surname) in an oblique case, in the nominative; None when the
    first word is no case form of ``UKRAINIAN_FIRST_NAMES`` (or is already nominative).

    >>> _ukrainian_nominative("Дмитра Лиховія".split()), _ukrainian_nominative("Назарові Волошину".split())
    ('Дмитро Лиховій', 'Назар Волошин')
    >>> _ukrainian_nominative("Олени Зеленської".split()), _ukrainian_nominative("Андрієм Коваленком".split())
    ('Олена Зеленська', 'Андрій Коваленко')
    >>> _ukrainian_nominative("Назар Волошин".split()) is None, _ukrainian_nominative("Вячеслава Гладкова".split())
    (True, None)
    """
    if not 2 <= len(words) <= 3 or words[0] in UKRAINIAN_FIRST_NAMES:
        return None
    for ending, nominatives, case in _UK_FIRST_ENDINGS:
        if not words[0].endswith(ending):
            continue
        stem = words[0][: -len(ending)]
        first = next((stem + n for n in nominatives if stem + n in UKRAINIAN_FIRST_NAMES), None)
        if first is None:
            continue
        table = _UK_FEMININE_SURNAME_ENDINGS if first.endswith(("а", "я")) else _UK_SURNAME_ENDINGS
        rest = []
        for word in words[1:]:
            pair = next(((e, n) for e, n in table.get(case, ()) if word.endswith(e) and len(word) > len(e) + 2), None)
            rest.append(word[: -len(pair[0])] + pair[1] if pair else word)
        return " ".join([first, *rest])
    return None


@lru_cache(maxsize=4096)
def may_be_first_name(word: str) -> bool:
    """Whether a word is one of ``FIRST_NAMES`` in some case ("Вячеслава", "Марии", "Андрею")."""
    for ending in _CASE_ENDINGS:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if any(stem + nominative in FIRST_NAMES for nominative in _NOMINATIVE_ENDINGS):
                return True
    return False


def _first_name_reading(word: str) -> Any | None:
    """The most likely reading of a first name, or None when the word is no first name."""
    readings = [p for p in _analyzer().parse(word) if "Name" in p.tag]
    return readings[0] if readings and readings[0].score >= 0.3 else None  # noqa: PLR2004 - a likely reading


def _word_nominative(word: str, case: str, gender: str) -> str:
    for reading in _analyzer().parse(word):
        tag = reading.tag
        if any(part in tag for part in _NAME_PARTS) and tag.case == case and tag.gender in (gender, None):
            form = reading.inflect({"nomn", gender} if gender else {"nomn"})
            if form is not None:
                return _capitalised(form.word)
    endings = (_MASCULINE_ENDINGS if gender == "masc" else _FEMININE_ENDINGS).get(case, ())
    lower = word.lower()
    for ending, nominative_ending in endings:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return word[: -len(ending)] + nominative_ending
    return word


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


#: Titles and sources in the nominative, Russian and Ukrainian, longest first: a title that
#: names its speaker ("по словам губернатора Курской области", "за словами командира бригади",
#: "повідомили в бригаді") is shown in the nominative, so that every case of it is one
#: claimant. Each is matched by its stem (the word without its last vowel, й or ь) and a
#: case ending.
TITLES = tuple(sorted("""
губернатор командующий главнокомандующий командир глава представитель пресс-секретарь заместитель
советник начальник спикер министр источник официальный бригада батальон полк дивизия корпус группировка
штаб командование военкор корреспондент эксперт аналитик
командувач головнокомандувач голова речник представник очільник керівник заступник радник міністр
джерело угруповання командування дивізія батальйон кореспондент експерт аналітик
""".split(), key=len, reverse=True))
#: The case endings a title's stem may take (Russian and Ukrainian, singular).
_TITLE_CASE_ENDINGS = frozenset(
    "а я у ю е ы и і ї ом ем ой ей ою ею ого его ому ему им ым ии ію ії ові еві ем єм ві ню ні ні ям ам".split())


def _title_stem(title: str) -> str:
    """'губернатор' → 'губернатор', 'командующий' → 'командующ', 'глава' → 'глав'."""
    for ending in ("ий", "ие", "ія", "ия", "ня", "я", "а", "о", "е", "й", "ь"):
        if title.endswith(ending):
            return title[: -len(ending)]
    return title


_TITLE_STEMS = tuple((title, _title_stem(title)) for title in TITLES)


def title_nominative(phrase: str) -> str:
    """A phrase that opens with a title, its title put in the nominative and lower case; the
    words after it (its region, its unit) stay as written: they are in the case the title governs.

    >>> title_nominative("губернатора Курской области"), title_nominative("командующего группировкой «Север»")
    ('губернатор Курской области', 'командующий группировкой «Север»')
    >>> title_nominative("бригаді"), title_nominative("Губернатор Курской области"), title_nominative("Иван Петров")
    ('бригада', 'губернатор Курской области', 'Иван Петров')
    """
    head, _, rest = phrase.partition(" ")
    title = title_of(head)
    return phrase if title is None else f"{title} {rest}".strip()


@lru_cache(maxsize=8192)
def title_of(word: str) -> str | None:
    """The title (``TITLES``) a word is a case form of, in the nominative, else None.

    Cached: a pure function of one word, asked for the same words in every sentence that
    names a person with a title, and a walk of every title each time (issue 14).

    >>> title_of("губернатора"), title_of("командувачем"), title_of("главного")
    ('губернатор', 'командувач', None)
    """
    lower = word.lower()
    for title, title_stem in _TITLE_STEMS:
        if lower == title or lower.startswith(title_stem) and lower[len(title_stem):] in _TITLE_CASE_ENDINGS:
            return title
    return None
