"""Latin and Ukrainian spellings of a Russian place name, as news writes them.

Sources of spellings, from most to least standard:

- romanisation schemes of Russian: BGN/PCGN (also with its primes, Ol'govka) and its
  English-Wikipedia flavour, the "plain" news spelling (е → e, -ое → -oe), the
  passport/ICAO style (я → ia, й → i), ISO 9 and the scholarly system; one name may mix
  them word by word (Nikolaevo-Daryino);
- ending alternations seen in English news: -oye/-oe/-oje, -iy/-yy/-y/-yi/-ii/-oy
  (Tolstoy Lug), -aya/-aja/-aia, -iye/-ie, -iya/-ia, hyphen or space between parts; ks
  as x (Alexandriya); ё restored in a stressed suffix (Vishnyovka) and written io;
  ordinals and months in English (10th October);
- Ukrainian forms derived by the regular Russian → Ukrainian toponym correspondences
  (-овка → -івка, -ово → -ове, -ский → -ський, ы → и, и → і, о/е → і in a closed final
  syllable, ї and є at the seams, Никол- → Микол-, translated words such as путь →
  шлях) and their romanisation by the Ukrainian national system (Махнівка →
  Makhnivka). They are guesses, so they get a lower prior (``Tier.UKRAINIAN``).
  pymorphy3's Ukrainian dictionary (pymorphy3-dicts-uk, 14 MB) was weighed and left
  out: it knows few villages and reads the others as other words (плехове as a
  vocative, міловий as a verb), so its inflections would be wrong.

Pure functions; all output is lower-case, as ``geo.text.fold`` writes text.
"""

from __future__ import annotations

import re
from enum import IntEnum
from itertools import product


class Tier(IntEnum):
    """Prior of a spelling: lower is more trusted. Used to prefer a place's own name."""

    NAME = 0        # the name as the gazetteer gives it, Russian or Latin
    VARIANT = 1     # a standard romanisation or a common news alternation
    UKRAINIAN = 2   # derived Ukrainian form or its romanisation
    MISSPELT = 3    # a list item a few edits from a nearby place's name (toponyms.misspelt_list_items)


_VOWELS = "аеёиоуыэюяaeiouy"
_SOFT_OR_HARD = "ьъ"

# Per Russian letter: the spelling in each scheme. "e_iotated" handles е after a vowel.
_SCHEMES: dict[str, dict[str, str]] = {
    "bgn": dict(zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True)),
    "plain": dict(zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True)),
    "icao": dict(zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y _ e iu ia".split(),
        strict=True)),
    "iso9": dict(zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ _ y _ è û â".split(),
        strict=True)),
    "scholarly": dict(zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e ë ž z i j k l m n o p r s t u f x c č š šč _ y _ è ju ja".split(),
        strict=True)),
}
# Schemes that write е as "ye" at the start of a word and after vowels and ь/ъ.
_IOTATING = {"bgn": "ye", "wiki": "ye", "prime": "ye"}
_SCHEMES["wiki"] = {**_SCHEMES["bgn"], "ё": "yo"}
# BGN/PCGN as printed with its primes: the soft sign as an apostrophe (Ol'govka, Ryl'sk).
_SCHEMES["prime"] = {**_SCHEMES["wiki"], "ь": "'"}
# The same prime on the plain scheme, as ISW and wire desks write it: Nikolaevo-Dar'ino, Gir'i.
_SCHEMES["plain_prime"] = {**_SCHEMES["plain"], "ь": "'"}
_SCHEMES["bgn"]["ё"] = "yo"


def romanize(russian: str, scheme: str) -> str:
    """Romanise a Russian name with one scheme.

    >>> romanize("Николаево-Дарьино", "bgn")
    'nikolayevo-daryino'
    >>> romanize("Николаево-Дарьино", "plain")
    'nikolaevo-darino'
    >>> romanize("Махновка", "iso9")
    'mahnovka'
    """
    table = _SCHEMES[scheme]
    text = russian.lower()
    out = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        if ch in "её" and scheme in _IOTATING and (not prev.isalpha() or prev in _VOWELS + _SOFT_OR_HARD):
            out.append(_IOTATING[scheme] if ch == "е" else "yo")
            continue
        if ch in "ья" and scheme in ("bgn", "wiki") and ch == "ь" and i + 1 < len(text) and text[i + 1] in "еёюяи":
            out.append("")  # Дарьино: the soft sign before a vowel is carried by the y of "yi"/"ya"
            if text[i + 1] == "и":
                out.append("y")
            continue
        rom = table.get(ch)
        out.append(ch if rom is None else rom.replace("_", ""))
    return "".join(out)


# Ending alternations per word, applied to every romanisation (the first group that
# matches a word's ending gives the alternatives).
_ENDING_GROUPS: tuple[tuple[str, ...], ...] = (
    ("oye", "oe", "oje", "oie"),
    ("eye", "ee", "eje"),
    ("aya", "aja", "aia", "aya"),
    ("yaya", "yaja", "iaia", "aya"),
    ("yye", "ye", "yie", "ie", "iye", "yje"),
    ("iye", "ie", "iie", "ije"),
    # -ый: Tolsty, Tolstyy, and the spelling of the writer Tolstoy (Толстый Луг → Tolstoy Lug)
    ("yy", "y", "yi", "iy", "ii", "yj", "ij", "oy"),
    ("iy", "y", "yi", "ii", "ij", "i"),
    ("iya", "ia", "iia", "ija"),
    ("oy", "oi", "oj"),
)


def _ending_variants(word: str) -> set[str]:
    for group in _ENDING_GROUPS:
        for ending in group:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                return {stem + e for e in group}
    return {word}


def spelling_variants(latin: str, *, limit: int = 48) -> set[str]:
    """Ending and separator alternations of a Latin name.

    >>> sorted(spelling_variants("russkoye porechnoye"))[:3]
    ['russkoe porechnoe', 'russkoe porechnoie', 'russkoe porechnoje']
    >>> "zelenyy shlyakh" in spelling_variants("Zeleny Shlyakh")
    True
    """
    lowered = latin.lower().replace("’", "'")
    parts = re.split(r"([ -])", lowered)
    # Sorted, so that the cap below keeps the same variants whatever the hash seed.
    options = [[p] if p in (" ", "-") else sorted(_ending_variants(p)) for p in parts]
    out: set[str] = set()
    for combo in product(*options):
        out.add("".join(combo))
        if len(out) >= limit:  # structural cap: long names never need more
            break
    out |= {v.replace("-", " ") for v in list(out) if "-" in v}
    out |= {v.replace("'", "") for v in list(out) if "'" in v}
    out |= {v.replace("yo", "io") for v in list(out) if "yo" in v}  # ё as Tyotkino or Tiotkino
    out |= {v.replace("shch", "sch") for v in list(out) if "shch" in v}  # щ as Rubanschina
    return out


#: Schemes a newsroom mixes inside one name: "Nikolaevo-Daryino" is plain, then BGN.
_NEWS_SCHEMES = ("wiki", "plain", "icao")
#: Structural cap on the word-by-word mixtures of one name.
_MAX_MIXTURES = 12


def _mixed_romanizations(russian: str) -> set[str]:
    """Romanisations that take each word of a multi-word name from a different news scheme.

    >>> "nikolaevo-daryino" in _mixed_romanizations("Николаево-Дарьино")
    True
    """
    parts = re.split(r"([ -])", russian.lower())
    if len(parts) == 1:
        return set()
    options = [[p] if p in (" ", "-") else sorted({romanize(p, s) for s in _NEWS_SCHEMES}) for p in parts]
    return {"".join(combo) for combo in sorted(product(*options))[:_MAX_MIXTURES]}


def latin_spellings(russian: str) -> set[str]:
    """Every romanisation of a Russian name with its ending alternations.

    Also: a stressed suffix -ёвка that the register writes -евка (Вишнёвка → Vishnyovka),
    "ks" written "x" (Aleksandriya → Alexandriya), and numbers and words that the wires
    translate (10-й Октябрь → 10th October).

    >>> {"makhnovka", "machnovka", "mahnovka"} <= latin_spellings("Махновка")
    True
    >>> {"vishnyovka", "alexandriya", "tolstoy lug", "sudja", "nikolaevo-dar'ino"} <= (latin_spellings("Вишневка")
    ...     | latin_spellings("Николаево-Дарьино")
    ...     | latin_spellings("Александрия") | latin_spellings("Толстый Луг") | latin_spellings("Суджа"))
    True
    """
    out: set[str] = set()
    for name in {russian, *yo_variants(russian)}:
        for scheme in ("wiki", "bgn", "plain", "icao", "iso9", "scholarly", "prime", "plain_prime"):
            out |= spelling_variants(romanize(name, scheme))
        for mixed in _mixed_romanizations(name):
            out |= spelling_variants(mixed, limit=16)
    out |= {v.replace("x", "ch") for v in out if "x" in v}  # scholarly x is often written ch
    out |= {v.replace("ks", "x") for v in out if "ks" in v}  # Aleksandrovka → Alexandrovka
    out |= {v.replace("dzh", "dj") for v in out if "dzh" in v}  # Суджа → Sudja, as French-trained desks write it
    out |= english_translations(russian)
    return {v for v in out if v}


#: -ёвка/-ёво: the register writes ё as е (SOURCES.md), but English spells the stressed
#: suffix as it sounds: Вишнёвка → Vishnyovka, Берёзовка → Beryozovka.
_YO_SUFFIX = re.compile(r"(?<=[бвдзлмнпрстф])е(?=в(?:ка|ое|о|ский|ская)\b)|(?<=[бвдзлмнпрстф])е(?=зовка\b)")


def yo_variants(russian: str) -> set[str]:
    """The name with ё restored in a suffix where the register may have written е.

    >>> sorted(yo_variants("Вишневка")), sorted(yo_variants("Березовка")), sorted(yo_variants("Гордеевка"))
    (['Вишнёвка'], ['Берёзовка'], [])
    """
    return {russian[: m.start()] + "ё" + russian[m.end():] for m in _YO_SUFFIX.finditer(russian)}


# Word-for-word English renderings the wire services use for name words (TASS, RIA):
# months and ordinals of Soviet-era names ("10-й Октябрь" → "10th October").
_ENGLISH_WORDS = {
    "январь": "january", "февраль": "february", "март": "march", "апрель": "april", "май": "may",
    "июнь": "june", "июль": "july", "август": "august", "сентябрь": "september",
    "октябрь": "october", "ноябрь": "november", "декабрь": "december",
    "октября": "october", "мая": "may", "марта": "march",
}
_ORDINAL_WORD = re.compile(r"^(\d+)-(?:й|я|е|го|ый|ой|ий)$")


def _english_ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}" + {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def english_translations(russian: str) -> set[str]:
    """The name with ordinals and month names put into English, when it has any.

    A one-word name is left alone: "October" or "May" alone is a date, not a village.

    >>> sorted(english_translations("10-й Октябрь")), english_translations("Октябрь")
    (['10th october'], set())
    """
    words = russian.lower().split()
    if len(words) < 2:
        return set()
    out = []
    changed = False
    for word in words:
        ordinal = _ORDINAL_WORD.match(word)
        if ordinal:
            out.append(_english_ordinal(int(ordinal.group(1))))
        elif word in _ENGLISH_WORDS:
            out.append(_ENGLISH_WORDS[word])
        else:
            out.append(romanize(word, "wiki"))
            continue
        changed = True
    return {" ".join(out)} if changed else set()


#: After ж, ш, ч, щ, ц Russian writes a stressed "o" or "ё" by rules that changed over
#: time and that newsrooms apply unevenly; "ё" is then written "е". So one village is
#: Камышовка in the register and Камышевка (Kamyshevka) in the news.
_SIBILANT_O = re.compile(r"(?<=\w[жшчщц])([оеё])(?=в)")
_SIBILANT_SWAP = {"о": "е", "е": "о", "ё": "о"}


def sibilant_variants(russian: str) -> set[str]:
    """The other spelling of the suffix -ов-/-ев- after a sibilant inside a word (о ↔ е/ё).

    Only the suffix of place names (-овка/-евка, -ово/-ево) changes, one at a time:
    an ending such as Большое/Большее is grammar, not spelling, and stays.

    >>> sorted(sibilant_variants("Камышовка")), sorted(sibilant_variants("Грушевка"))
    (['Камышевка'], ['Грушовка'])
    >>> sorted(sibilant_variants("Большое Солдатское")), sorted(sibilant_variants("Горшечное"))
    ([], [])
    """
    return {russian[: m.start()] + _SIBILANT_SWAP[m.group(1)] + russian[m.end():]
            for m in _SIBILANT_O.finditer(russian)}


# Russian → Ukrainian toponym correspondences, ending first.
_UK_ENDINGS = (
    ("сская", "ська"), ("сское", "ське"), ("сские", "ські"), ("сский", "ський"),
    ("ская", "ська"), ("ское", "ське"), ("ские", "ські"), ("ский", "ський"),
    ("цкая", "цька"), ("цкое", "цьке"), ("цкий", "цький"),
    ("овка", "івка"), ("евка", "івка"), ("ёвка", "івка"), ("ово", "ове"), ("ево", "еве"),
    ("ино", "ине"), ("ое", "е"), ("ый", "ий"), ("ой", "ий"), ("ья", "а"), ("ье", "е"),
    ("ий", "ій"), ("ая", "а"), ("яя", "я"), ("ск", "ськ"), ("ые", "і"), ("ие", "і"),
)
# Name words that Ukrainian translates rather than respells (Новый Путь → Новий Шлях).
_UK_WORDS = {
    "путь": "шлях", "красный": "червоний", "красная": "червона", "красное": "червоне",
    "красные": "червоні", "большой": "великий", "большая": "велика", "большое": "велике",
    "большие": "великі", "черный": "чорний", "черная": "чорна", "черное": "чорне",
    "лес": "ліс", "речка": "річка", "ключ": "ключ", "колодезь": "криниця",
    "толстый": "товстий", "толстая": "товста", "толстое": "товсте",
}
#: A final closed syllable turns о/е into і (Подол → Поділ); not the fleeting vowel of -ок/-ец.
_UK_CLOSED_FINAL = re.compile(r"[ое](?=[бвгджзлмнпрстфх]ь?$)")
_UK_FLEETING = ("ок", "ек", "ец")
_UK_VOWELS = frozenset("аеєиіїоуюя")
_UK_E_AFTER_VOWEL = re.compile(r"(?<=[аеєиіїоуюя])е")
_UK_LETTERS = str.maketrans({"ы": "и", "э": "е", "ъ": "'"})
_UK_ROMAN = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia _".split(),
    strict=True))
_UK_ROMAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def ukrainian_forms(russian: str) -> set[str]:
    """Ukrainian spellings of a Russian name, Cyrillic (two guesses for и).

    >>> sorted(ukrainian_forms("Махновка"))
    ['махнівка']
    >>> "мартинівка" in ukrainian_forms("Мартыновка")
    True
    >>> {"поділ", "новий шлях", "меловий"} <= (ukrainian_forms("Подол") | ukrainian_forms("Новый Путь")
    ...                                        | ukrainian_forms("Меловой"))
    True
    >>> {"суджанський", "глушківський", "рильськ"} <= (ukrainian_forms("Суджанский")
    ...     | ukrainian_forms("Глушковский") | ukrainian_forms("Рыльск"))
    True
    >>> {"велике солдатське", "черкаська конопелька", "казача локня", "козача локня"} <= (
    ...     ukrainian_forms("Большое Солдатское") | ukrainian_forms("Черкасская Конопелька")
    ...     | ukrainian_forms("Казачья Локня"))
    True
    >>> {"олексіївка", "миколаївка", "гордіївка"} <= (ukrainian_forms("Алексеевка")
    ...     | ukrainian_forms("Николаевка") | ukrainian_forms("Гордеевка"))
    True
    >>> {"крем'яне", "кремяне", "в'язове"} <= ukrainian_forms("Кремяное") | ukrainian_forms("Вязовое")
    True

    A translated word is also respelt (Красное → Червоне and Красне), and -ово/-ево/-ино
    may stay -о (Гуево → Гуєве and Гуєво; Николаево-Дарьино → Миколаєво-Дар'їне):

    >>> {"червоне", "красне", "гуєво", "толпіно", "миколаєво-дар'їне", "миколаєво-дар'їно"} <= (
    ...     ukrainian_forms("Красное") | ukrainian_forms("Гуево") | ukrainian_forms("Толпино")
    ...     | ukrainian_forms("Николаево-Дарьино"))
    True
    """
    out = set()
    for word_mode in ("keep", "i"):
        for translate in (True, False):
            for keep_o in _UK_KEEP_O:
                out.add(_ukrainian_form(russian, i_mode=word_mode == "i", translate=translate, keep_o=keep_o))
    # a soft sign before и is written as an apostrophe before ї (Дарьино → Дар'їне) or kept;
    # a word-final -ица/-ец has the soft Ukrainian ц (Косица → Косиця, Крупец → Крупець)
    out |= {form.replace("ьи", "'ї") for form in out}
    out |= {_UK_SOFT_TS.sub(r"\1ь", _UK_SOFT_TSA.sub(r"\1я", form)) for form in out}
    out |= {_UK_EITHER_START.sub("коза", form) for form in out}
    return out | {labial_apostrophe(form) for form in out}


_UK_SOFT_TSA = re.compile(r"([иі]ц)а\b")
_UK_SOFT_TS = re.compile(r"(ец)\b")

#: Which words keep the Russian -ово/-ево/-ино as -о: none (Гуєве), the first parts of a
#: hyphenated name (Миколаєво-Дар'їне) or all (Гуєво, Тьоткіно): Ukrainian outlets write
#: the names of Russian villages all three ways.
_UK_KEEP_O = ("none", "first", "all")
_UK_O_ENDINGS = {"ове": "ово", "еве": "ево", "ине": "іно"}


def _ukrainian_form(russian: str, *, i_mode: bool, translate: bool, keep_o: str) -> str:
    """One Ukrainian spelling of a Russian name (see ``ukrainian_forms`` for the choices).

    >>> _ukrainian_form("Николаево-Дарьино", i_mode=False, translate=True, keep_o="first")
    'миколаєво-дарьине'
    >>> _ukrainian_form("Красное", i_mode=False, translate=False, keep_o="none")
    'красне'
    """
    parts = re.split(r"([ -])", russian.lower().replace("ё", "е"))
    hyphenated = "-" in parts
    words = []
    for at, word in enumerate(parts):
        if word in (" ", "-"):
            words.append(word)
            continue
        if translate and word in _UK_WORDS:
            words.append(_UK_WORDS[word])
            continue
        for ru_end, uk_end in _UK_ENDINGS:
            if word.endswith(ru_end) and len(word) > len(ru_end) + 1:
                word = word[: -len(ru_end)] + "\x00" + uk_end
                break
        stem, _, ending = word.partition("\x00")
        is_first_part = hyphenated and at < len(parts) - 1
        if keep_o == "all" or (keep_o == "first" and is_first_part):
            ending = _UK_O_ENDINGS.get(ending, ending)
            if ending == "іно" and stem.endswith("ь"):
                stem, ending = stem[:-1] + "'", "їно"  # Дарьино → Дар'їно
        if i_mode:
            stem = stem.replace("и", "і")
            if not ending and not stem.endswith(_UK_FLEETING):
                stem = _UK_CLOSED_FINAL.sub("і", stem)
            if ending == "ський" and stem.endswith("ов"):
                stem = stem[:-2] + "ів"  # Глушковский → Глушківський (closed syllable)
        words.append(_join_ukrainian(stem.translate(_UK_LETTERS), ending.translate(_UK_LETTERS)))
    return "".join(words)


def labial_apostrophe(form: str) -> str:
    """The spelling with the Ukrainian apostrophe after a labial before я, ю.

    Ukrainian labials are hard: after a vowel or р they take an apostrophe (Кремяное →
    Крем'яне, "біля Крем'яного", Вязовое → В'язове, Демяновка → Дем'янівка); texts write
    both spellings.

    >>> labial_apostrophe("кремяного"), labial_apostrophe("свято")
    ("крем'яного", 'свято')
    """
    return _UK_LABIAL_IOTATED.sub(r"\1\2'\3", form)


_UK_LABIAL_IOTATED = re.compile(r"(^|[аеєиіїоуюяр \-])([бпвмф])([яю])")


# Word starts that Ukrainian spells differently (name roots: Николай → Микола,
# Алексей → Олексій; a word-initial е is є): Николаевка → Миколаївка, Евдокимовка → Євдокимівка.
_UK_STARTS = (("никол", "микол"), ("алекс", "олекс"), ("е", "є"))
#: Word starts Ukrainian outlets write both ways, respelt or kept: Казачья Локня → Козача
#: Локня and Казача Локня.
_UK_EITHER_START = re.compile(r"(?<![\w'])каза(?=[кч])")


def _join_ukrainian(stem: str, ending: str) -> str:
    """Join a stem and a Ukrainian ending by the spelling rules at the seam.

    і after a vowel is ї; a stem-final е before і is і; a soft sign before і goes; е after
    a vowel is є (Гуево → Гуєве).

    >>> _join_ukrainian("никола", "івка"), _join_ukrainian("серге", "івка"), _join_ukrainian("гуев", "е")
    ('миколаївка', 'сергіївка', 'гуєве')
    """
    if ending.startswith("і"):
        if stem.endswith("е"):
            stem = stem[:-1] + "і"
        elif stem.endswith("ь"):
            stem = stem[:-1]
        if stem[-1:] in _UK_VOWELS:
            ending = "ї" + ending[1:]
    for ru, uk in _UK_STARTS:
        if stem.startswith(ru):
            stem = uk + stem[len(ru):]
            break
    return _UK_E_AFTER_VOWEL.sub("є", stem + ending)


def ukrainian_ikavism_variants(ukrainian: str) -> set[str]:
    """The Ukrainian form with one stem е read as і (Russian е ↔ Ukrainian і: мел → міл, лес → ліс).

    Which е turns into і depends on the word's history, so every single one is tried; the
    guesses sit in the lowest tier and need a Kursk context (``resolve``).

    >>> sorted(ukrainian_ikavism_variants("меловий"))
    ['міловий']
    """
    out = set()
    for i, ch in enumerate(ukrainian):
        if ch == "е" and 0 < i < len(ukrainian) - 2:
            out.add(ukrainian[:i] + "і" + ukrainian[i + 1:])
    return out


def romanize_ukrainian(ukrainian: str, *, medial_y: bool = False) -> str:
    """Ukrainian national romanisation (2010), without apostrophes.

    ``medial_y`` writes є, ї, ю, я after a vowel as at the start of a word (ye, yi, yu,
    ya), as many English-language outlets do: Гуєве → Huyeve beside the national Huieve.

    >>> romanize_ukrainian("плехове"), romanize_ukrainian("гуєве"), romanize_ukrainian("гуєве", medial_y=True)
    ('plekhove', 'huieve', 'huyeve')
    """
    out = []
    for i, ch in enumerate(ukrainian.lower()):
        initial = i == 0 or not ukrainian[i - 1].isalpha() or (medial_y and ukrainian[i - 1] in _UK_VOWELS)
        rom = _UK_ROMAN_INITIAL.get(ch) if initial else None
        rom = rom or _UK_ROMAN.get(ch)
        out.append(ch if rom is None else rom.replace("_", ""))
    return "".join(out)


def ukrainian_spellings(russian: str) -> set[str]:
    """Ukrainian Cyrillic forms and their romanisations (lower prior).

    >>> {"makhnivka", "махнівка"} <= ukrainian_spellings("Махновка")
    True
    >>> "kurylivka" in ukrainian_spellings("Куриловка")
    True
    """
    cyrillic = ukrainian_forms(russian)
    cyrillic |= {v for u in cyrillic for v in ukrainian_ikavism_variants(u)}
    return cyrillic | {romanize_ukrainian(u, medial_y=y) for u in cyrillic for y in (False, True)}


def ukrainian_case_forms(ukrainian: str) -> set[str]:
    """The commonest Ukrainian case forms of a name ("у Махнівці", "біля Плехового", "у Малій Локні").

    Names in -о kept from Russian (Тьоткіно) are declined like the -ове names ("південь
    Тьоткіного") or left as they are; adjectives in -ий like adjectives (Мілового). A name
    of two words is declined word by word in the same case: an adjective and its noun
    ("Нижній Клин" → "Нижнього Клину"), or two adjectives ("Велике Солдатське").

    >>> sorted(ukrainian_case_forms("махнівка"))
    ['махнівка', 'махнівки', 'махнівкою', 'махнівку', 'махнівці']
    >>> sorted(ukrainian_case_forms("тьоткіно"))
    ['тьоткіна', 'тьоткіним', 'тьоткіно', 'тьоткіного', 'тьоткіному', 'тьоткіні']
    >>> {"олешні", "рильську", "курчатові", "гуєвого", "горналі", "олександрії"} <= (ukrainian_case_forms("олешня")
    ...     | ukrainian_case_forms("олександрія")
    ...     | ukrainian_case_forms("рильськ") | ukrainian_case_forms("курчатов") | ukrainian_case_forms("гуєве")
    ...     | ukrainian_case_forms("горналь"))
    True
    >>> {"малій локні", "малої локні", "нижнього клину", "великого солдатського", "руському поречному"} <= (
    ...     ukrainian_case_forms("мала локня") | ukrainian_case_forms("нижній клин")
    ...     | ukrainian_case_forms("велике солдатське") | ukrainian_case_forms("руське поречне"))
    True
    """
    if not ukrainian or ukrainian.isascii():
        return {ukrainian}
    words = ukrainian.split(" ")
    if len(words) == 1:
        return {ukrainian, *(f for forms in _declined(ukrainian, is_adjective=False).values() for f in forms)}
    if len(words) != 2:  # noqa: PLR2004 - longer names stay as written
        return {ukrainian}
    first = _declined(words[0], is_adjective=True)
    second = _declined(words[1], is_adjective=words[1].endswith(_UK_ADJECTIVE_ENDINGS))
    out = {ukrainian}
    for case in first.keys() & second.keys():
        out |= {f"{a} {b}" for a in first[case] for b in second[case]}
    return out


#: Case endings by a word's own ending: genitive, dative, locative, accusative, instrumental.
_UK_NOUN_CASES: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    ("ка", {"gen": ("ки",), "dat": ("ці",), "loc": ("ці",), "acc": ("ку",), "ins": ("кою",)}),
    ("а", {"gen": ("и",), "dat": ("і",), "loc": ("і",), "acc": ("у",), "ins": ("ою", "ею")}),
    ("ія", {"gen": ("ії",), "dat": ("ії",), "loc": ("ії",), "acc": ("ію",), "ins": ("ією",)}),
    ("я", {"gen": ("і",), "dat": ("і",), "loc": ("і",), "acc": ("ю",), "ins": ("ею",)}),
    ("ь", {"gen": ("я",), "dat": ("ю",), "loc": ("і",), "acc": ("ь",), "ins": ("ем",)}),
    # plurals (Погребки → з Погребків, у Погребках; Прилепи; Журавлі → біля Журавлів)
    ("и", {"gen": ("ів",), "dat": ("ам",), "loc": ("ах",), "acc": ("и",), "ins": ("ами",)}),
    ("і", {"gen": ("ів",), "dat": ("ям",), "loc": ("ях",), "acc": ("і",), "ins": ("ями",)}),
)
#: Endings that make a word an adjective (declined as one): "Мілове", "Солдатське", "Нижній",
#: "Поречне" (Russian -ное: "у Руському Поречному").
_UK_ADJECTIVE_ENDINGS = ("ове", "еве", "єве", "ине", "іне", "їне", "іно", "їно", "ово", "ево", "єво", "ино", "ське", "цьке",
                         "зьке", "не", "ий", "ій")
_UK_ADJECTIVE_CASES: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    ("ій", {"gen": ("ього",), "dat": ("ьому",), "loc": ("ьому", "ім"), "acc": ("ій",), "ins": ("ім",)}),
    ("ий", {"gen": ("ого",), "dat": ("ому",), "loc": ("ому", "ім"), "acc": ("ий",), "ins": ("им",)}),
    ("я", {"gen": ("ьої",), "dat": ("ій",), "loc": ("ій",), "acc": ("ю",), "ins": ("ьою",)}),
    ("а", {"gen": ("ої",), "dat": ("ій",), "loc": ("ій",), "acc": ("у",), "ins": ("ою",)}),
    ("є", {"gen": ("ього",), "dat": ("ьому",), "loc": ("ьому", "ім"), "acc": ("є",), "ins": ("ім",)}),
    ("е", {"gen": ("ого",), "dat": ("ому",), "loc": ("ому", "ім"), "acc": ("е",), "ins": ("им",)}),
    # a name kept in -о from Russian is declined as an adjective or, in the genitive and the
    # locative, as a neuter noun ("біля Тьоткіного"; "біля Гуєва", "у Гуєві"): outlets write both
    # (not its dative and instrumental, which are a surname's: "Баранову", "Барановом")
    ("о", {"gen": ("ого", "а"), "dat": ("ому",), "loc": ("ому", "і"), "acc": ("о",), "ins": ("им",)}),
)


def _declined(word: str, *, is_adjective: bool) -> dict[str, set[str]]:
    """A word's forms by case (the nominative left out); empty when no rule fits it."""
    table = _UK_ADJECTIVE_CASES if is_adjective or word.endswith(_UK_ADJECTIVE_ENDINGS) else _UK_NOUN_CASES
    for ending, cases in table:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            return {case: {stem + e for e in endings} for case, endings in cases.items()}
    if not is_adjective and word[-1:].isalpha() and word[-1] not in _UK_VOWELS:
        # a hard consonant: "Курчатов" → "Курчатова", "Клин" → "Клину", "Рильськ" → "Рильську"
        return {"gen": {word + "а", word + "у"}, "dat": {word + "у", word + "ові"},
                "loc": {word + "і", word + "у"}, "acc": {word}, "ins": {word + "ом"}}
    return {}
