"""Russian case forms of place names: "Плехово" → "в Плехове", "Суджа" → "под Суджей".

Two sources of forms, united:

- ending rules for the names no dictionary knows (most villages): -ка, -ово/-ево/-ино
  (declined and undeclined), adjectival -ое/-ая/-ий/-ые, plurals in -ки/-ы, -ец/-ок
  with the fleeting vowel, and two-word and hyphenated names word by word;
- pymorphy3's dictionary for the words it knows (Суджа, Коренево, Ивановка, Малая …),
  which also covers irregular stems.

Pure: the caller passes a ``Morphology`` (or None to use rules only). All forms are
lower-case with ё folded to е, as ``geo.text.fold`` writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# (suffix, replacement per case other than nominative). The first matching suffix wins,
# so longer and more specific suffixes come first. An empty string keeps the suffix.
_NOUN_RULES: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    # adjectival endings (Красный, Русское, Малая, Долгие …)
    ("ый", {"gent": ("ого",), "datv": ("ому",), "accs": ("ый",), "ablt": ("ым",), "loct": ("ом",)}),
    ("ой", {"gent": ("ого",), "datv": ("ому",), "accs": ("ой",), "ablt": ("ым",), "loct": ("ом",)}),
    ("кий", {"gent": ("кого",), "datv": ("кому",), "accs": ("кий",), "ablt": ("ким",), "loct": ("ком",)}),
    ("гий", {"gent": ("гого",), "datv": ("гому",), "accs": ("гий",), "ablt": ("гим",), "loct": ("гом",)}),
    ("хий", {"gent": ("хого",), "datv": ("хому",), "accs": ("хий",), "ablt": ("хим",), "loct": ("хом",)}),
    ("ий", {"gent": ("его", "ьего"), "datv": ("ему", "ьему"), "accs": ("ий",), "ablt": ("им", "ьим"),
            "loct": ("ем", "ьем")}),
    ("кая", {"gent": ("кой",), "datv": ("кой",), "accs": ("кую",), "ablt": ("кой", "кою"), "loct": ("кой",)}),
    ("ая", {"gent": ("ой",), "datv": ("ой",), "accs": ("ую",), "ablt": ("ой", "ою"), "loct": ("ой",)}),
    ("яя", {"gent": ("ей",), "datv": ("ей",), "accs": ("юю",), "ablt": ("ей", "ею"), "loct": ("ей",)}),
    ("кое", {"gent": ("кого",), "datv": ("кому",), "accs": ("кое",), "ablt": ("ким",), "loct": ("ком",)}),
    ("гое", {"gent": ("гого",), "datv": ("гому",), "accs": ("гое",), "ablt": ("гим",), "loct": ("гом",)}),
    ("ое", {"gent": ("ого",), "datv": ("ому",), "accs": ("ое",), "ablt": ("ым",), "loct": ("ом",)}),
    ("ее", {"gent": ("его",), "datv": ("ему",), "accs": ("ее",), "ablt": ("им",), "loct": ("ем",)}),
    ("ые", {"gent": ("ых",), "datv": ("ым",), "accs": ("ые",), "ablt": ("ыми",), "loct": ("ых",)}),
    ("ие", {"gent": ("их",), "datv": ("им",), "accs": ("ие",), "ablt": ("ими",), "loct": ("их",)}),
    # -ье neuter nouns (Заречье, Приволье)
    ("ье", {"gent": ("ья",), "datv": ("ью",), "accs": ("ье",), "ablt": ("ьем",), "loct": ("ье",)}),
    # -ово/-ево/-ино/-ыно: declined like a possessive; modern usage often leaves them
    # undeclined, so the nominative is always kept as well (see case_forms).
    ("ово", {"gent": ("ова",), "datv": ("ову",), "accs": ("ово",), "ablt": ("овым", "овом"), "loct": ("ове",)}),
    ("ево", {"gent": ("ева",), "datv": ("еву",), "accs": ("ево",), "ablt": ("евым", "евом"), "loct": ("еве",)}),
    ("ино", {"gent": ("ина",), "datv": ("ину",), "accs": ("ино",), "ablt": ("иным", "ином"), "loct": ("ине",)}),
    ("ыно", {"gent": ("ына",), "datv": ("ыну",), "accs": ("ыно",), "ablt": ("ыным",), "loct": ("ыне",)}),
    ("о", {"gent": ("а",), "datv": ("у",), "accs": ("о",), "ablt": ("ом",), "loct": ("е",)}),
    ("е", {"gent": ("я",), "datv": ("ю",), "accs": ("е",), "ablt": ("ем",), "loct": ("е",)}),
    # feminine -а/-я
    ("ка", {"gent": ("ки",), "datv": ("ке",), "accs": ("ку",), "ablt": ("кой", "кою"), "loct": ("ке",)}),
    ("га", {"gent": ("ги",), "datv": ("ге",), "accs": ("гу",), "ablt": ("гой", "гою"), "loct": ("ге",)}),
    ("ха", {"gent": ("хи",), "datv": ("хе",), "accs": ("ху",), "ablt": ("хой", "хою"), "loct": ("хе",)}),
    ("жа", {"gent": ("жи",), "datv": ("же",), "accs": ("жу",), "ablt": ("жей", "жой"), "loct": ("же",)}),
    ("ша", {"gent": ("ши",), "datv": ("ше",), "accs": ("шу",), "ablt": ("шей", "шой"), "loct": ("ше",)}),
    ("ча", {"gent": ("чи",), "datv": ("че",), "accs": ("чу",), "ablt": ("чей", "чой"), "loct": ("че",)}),
    ("ща", {"gent": ("щи",), "datv": ("ще",), "accs": ("щу",), "ablt": ("щей",), "loct": ("ще",)}),
    ("ца", {"gent": ("цы",), "datv": ("це",), "accs": ("цу",), "ablt": ("цей", "цой"), "loct": ("це",)}),
    ("а", {"gent": ("ы",), "datv": ("е",), "accs": ("у",), "ablt": ("ой", "ою"), "loct": ("е",)}),
    ("ия", {"gent": ("ии",), "datv": ("ии",), "accs": ("ию",), "ablt": ("ией",), "loct": ("ии",)}),
    ("я", {"gent": ("и",), "datv": ("е",), "accs": ("ю",), "ablt": ("ей", "ею"), "loct": ("е",)}),
    # plurals (Погребки, Прилепы, Буды)
    ("ки", {"gent": ("ков", "ок"), "datv": ("кам",), "accs": ("ки",), "ablt": ("ками",), "loct": ("ках",)}),
    ("ги", {"gent": ("гов", "ог"), "datv": ("гам",), "accs": ("ги",), "ablt": ("гами",), "loct": ("гах",)}),
    ("хи", {"gent": ("хов",), "datv": ("хам",), "accs": ("хи",), "ablt": ("хами",), "loct": ("хах",)}),
    ("ы", {"gent": ("", "ов"), "datv": ("ам",), "accs": ("ы",), "ablt": ("ами",), "loct": ("ах",)}),
    ("и", {"gent": ("ей", "ев", ""), "datv": ("ям", "ам"), "accs": ("и",), "ablt": ("ями", "ами"),
           "loct": ("ях", "ах")}),
    # masculine consonant stems, the fleeting vowel first
    ("ец", {"gent": ("ца", "еца"), "datv": ("цу", "ецу"), "accs": ("ец",), "ablt": ("цом", "ецом"),
            "loct": ("це", "еце")}),
    ("ок", {"gent": ("ка", "ока"), "datv": ("ку", "оку"), "accs": ("ок",), "ablt": ("ком", "оком"),
            "loct": ("ке", "оке")}),
    ("ов", {"gent": ("ова",), "datv": ("ову",), "accs": ("ов",), "ablt": ("овым", "овом"), "loct": ("ове",)}),
    ("ев", {"gent": ("ева",), "datv": ("еву",), "accs": ("ев",), "ablt": ("евым", "евом"), "loct": ("еве",)}),
    ("ин", {"gent": ("ина",), "datv": ("ину",), "accs": ("ин",), "ablt": ("иным", "ином"), "loct": ("ине",)}),
    ("ь", {"gent": ("и", "я"), "datv": ("и", "ю"), "accs": ("ь",), "ablt": ("ью", "ем"), "loct": ("и", "е")}),
    ("й", {"gent": ("я",), "datv": ("ю",), "accs": ("й",), "ablt": ("ем",), "loct": ("е",)}),
)
_CONSONANT_RULE = {"gent": ("а",), "datv": ("у",), "accs": ("",), "ablt": ("ом",), "loct": ("е",)}
_VOWELS = set("аеёиоуыэюя")


class Morphology(Protocol):
    """The part of pymorphy3's MorphAnalyzer that forms.py uses."""

    def parse(self, word: str) -> list[Any]:
        """Return the analyses of a word."""


@dataclass(frozen=True, slots=True)
class NameForms:
    """Every case form of one name, and whether the name is also a common word."""

    forms: frozenset[str]
    is_common_word: bool
    is_common_in_latin: bool = False
    is_surname: bool = False


def _word_rule_forms(word: str) -> dict[str, set[str]]:
    """Case forms of one word by ending rules (nominative always included)."""
    out: dict[str, set[str]] = {case: set() for case in CASES}
    out["nomn"].add(word)
    if not word.isalpha() or len(word) < 3:
        return {case: {word} for case in CASES}
    for suffix, table in _NOUN_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            for case, endings in table.items():
                out[case].update(stem + e for e in endings)
            return out
    if word[-1] not in _VOWELS:
        for case, endings in _CONSONANT_RULE.items():
            out[case].update(word + e for e in endings)
    else:
        for case in CASES:
            out[case].add(word)
    return out


def _is_dictionary_parse(parse: Any) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _word_dictionary_forms(word: str, morph: Morphology) -> dict[str, set[str]]:
    """Case forms from pymorphy3 for a word its dictionary knows in the nominative."""
    out: dict[str, set[str]] = {case: set() for case in CASES}
    parses = [p for p in morph.parse(word) if _is_dictionary_parse(p) and p.tag.case == "nomn"
              and p.tag.POS in ("NOUN", "ADJF")]
    parses.sort(key=lambda p: ("Geox" not in p.tag, -p.score))
    for parse in parses[:2]:
        number = parse.tag.number or "sing"
        for case in CASES:
            inflected = parse.inflect({case, number})
            if inflected is not None:
                out[case].add(inflected.word.replace("ё", "е"))
    return out


# Grammemes that mark a reading as a name, a rare or a derived form rather than an
# everyday word: such readings do not make a place name "common". Possessive adjectives
# (Poss: тёткин → Теткино, медвежий → Медвежье) are the commonest shape of village names
# and almost never start a sentence as a word of their own.
_NOT_EVERYDAY = frozenset(
    "Geox Name Surn Patr Orgn Trad Abbr Init Infr Slng Arch Litr Erro Dist Prnt Coll Poss".split()
)
#: Readings pymorphy3 scores below this are guesses among homonyms.
_MIN_READING_SCORE = 0.2


def is_common_word(word: str, morph: Morphology | None, *, in_latin: bool = False) -> bool:
    """Whether a one-word name is also an everyday Russian word (Заря, Свобода, Красный).

    Such names count as places only with evidence (see ``resolve``). A word is common
    when the dictionary itself (not a guess) reads it as a noun in its own dictionary
    form, or an adjective in the nominative, and that reading is not a name.

    ``in_latin`` asks about the name's Latin spelling in English text, where no
    transliteration is an English word and capitals say nothing: there the risk is a
    title, unit or first name (Pravda, Svoboda, Zarya, Nadezhda, Severny), which are
    singular nouns and masculine or feminine adjectives. A plural noun (Pogrebki, Peski)
    or a neuter adjective (Krasnoye, Otradnoye) spelt in Latin names a village.

    >>> import pymorphy3; m = pymorphy3.MorphAnalyzer()
    >>> [is_common_word(w, m) for w in ("заря", "свобода", "красный", "махновка", "суджа", "теткино")]
    [True, True, True, False, False, False]
    >>> [is_common_word(w, m, in_latin=True) for w in ("свобода", "погребки", "красное", "пески")]
    [True, False, False, False]
    """
    if morph is None:
        return False
    word = word.lower().replace("ё", "е")
    for parse in morph.parse(word):
        if len(parse.methods_stack) != 1 or not _is_dictionary_parse(parse):
            continue
        tag = parse.tag
        if tag.POS not in ("NOUN", "ADJF") or tag.case != "nomn" or _NOT_EVERYDAY & tag.grammemes:
            continue
        if in_latin and (tag.number == "plur" or (tag.POS == "ADJF" and tag.gender == "neut")):
            continue
        if tag.POS == "NOUN" and parse.normal_form != word and tag.number != "plur":
            continue
        if parse.score >= _MIN_READING_SCORE:
            return True
    return False


def is_surname(word: str, morph: Morphology | None) -> bool:
    """Whether a one-word name is also a surname the dictionary knows (Жуков, Орлов, Шевченко).

    The news names people far more often than such hamlets: "Marshal Zhukov", "Маслова
    заявила". Like a common word, such a name counts as a place only with evidence.

    >>> import pymorphy3; m = pymorphy3.MorphAnalyzer()
    >>> [is_surname(w, m) for w in ("жуков", "шевченко", "суджа", "махновка")]
    [True, True, False, False]
    """
    if morph is None:
        return False
    word = word.lower().replace("ё", "е")
    return any(len(p.methods_stack) == 1 and _is_dictionary_parse(p) and "Surn" in p.tag
               and p.tag.case == "nomn" and p.score >= _MIN_READING_SCORE for p in morph.parse(word))


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED"})


def is_function_word(word: str, morph: Morphology | None) -> bool:
    """Whether a word is a preposition, conjunction, particle or pronoun ("Под", "Все").

    A case form that spells one ("Под", genitive of "Поды") would match every sentence
    that starts with it, so such forms are not matched.

    >>> import pymorphy3; m = pymorphy3.MorphAnalyzer()
    >>> [is_function_word(w, m) for w in ("под", "все", "поды")]
    [True, True, False]
    """
    if morph is None:
        return False
    return any(_is_dictionary_parse(p) and p.tag.POS in _FUNCTION_POS and p.score >= 0.05
               for p in morph.parse(word.lower()))


def _split_words(name: str) -> list[str]:
    """Split on spaces and hyphens, keeping the separators as their own items."""
    items: list[str] = []
    current = ""
    for ch in name:
        if ch in " -":
            if current:
                items.append(current)
            items.append(ch)
            current = ""
        else:
            current += ch
    if current:
        items.append(current)
    return items


def _combine(per_word: list[dict[str, set[str]] | str], case: str) -> set[str]:
    results = [""]
    for item in per_word:
        options = [item] if isinstance(item, str) else sorted(item[case] or item["nomn"])
        # Structural cap: a name never needs more than 64 forms per case.
        results = sorted({r + o for r in results for o in options})[:64]
    return set(results)


#: The endings of an ordinal written in digits ("10-й", "1-я", "2-е"), by case.
_ORDINAL_ENDINGS: dict[str, dict[str, set[str]]] = {
    "й": {"nomn": {"й"}, "gent": {"го"}, "datv": {"му"}, "accs": {"й"}, "ablt": {"м"}, "loct": {"м"}},
    "я": {"nomn": {"я"}, "gent": {"й"}, "datv": {"й"}, "accs": {"ю"}, "ablt": {"й"}, "loct": {"й"}},
    "е": {"nomn": {"е"}, "gent": {"го"}, "datv": {"му"}, "accs": {"е"}, "ablt": {"м"}, "loct": {"м"}},
}


def case_forms(name: str, morph: Morphology | None = None) -> NameForms:
    """Every case form of a Russian place name, lower-case, ё folded.

    Parameters
    ----------
    name
        The name in the nominative, as the gazetteer writes it.
    morph
        A pymorphy3 ``MorphAnalyzer``, or None for ending rules only.

    Returns
    -------
    NameForms
        The forms (nominative included) and the common-word flag.

    >>> sorted(case_forms("Плехово").forms)
    ['плехова', 'плехове', 'плехово', 'плеховом', 'плехову', 'плеховым']
    >>> {"малой локни", "малую локню"} <= case_forms("Малая Локня").forms
    True
    >>> "русском поречном" in case_forms("Русское Поречное").forms
    True
    >>> "николаево-дарьине" in case_forms("Николаево-Дарьино").forms
    True
    >>> {"10-го октября", "10-м октябре"} <= case_forms("10-й Октябрь").forms
    True
    """
    lowered = name.lower().replace("ё", "е")
    items = _split_words(lowered)
    per_word: list[dict[str, set[str]] | str] = []
    for i, item in enumerate(items):
        if item in _ORDINAL_ENDINGS and i >= 2 and items[i - 1] == "-" and items[i - 2].isdigit():  # noqa: PLR2004
            per_word.append(_ORDINAL_ENDINGS[item])  # "10-й Октябрь" → "в 10-м Октябре"
            continue
        if item in (" ", "-") or not item.isalpha() or item == "имени":
            per_word.append(item)
            continue
        forms = _word_rule_forms(item)
        if morph is not None:
            for case, extra in _word_dictionary_forms(item, morph).items():
                forms[case] |= extra
        per_word.append(forms)
    all_forms: set[str] = {lowered}
    for case in CASES:
        all_forms |= _combine(per_word, case)
    # Hyphenated names are often declined only in their last part ("в Николаево-Дарьине").
    if "-" in items and " " not in items:
        head = "".join(i if isinstance(i, str) else sorted(i["nomn"])[0] for i in per_word[:-1])
        last = per_word[-1]
        if not isinstance(last, str):
            for case in CASES:
                all_forms |= {head + f for f in last[case]}
    words = [i for i in items if i not in (" ", "-")]
    common = len(words) == 1 and is_common_word(words[0], morph)
    common_in_latin = common and is_common_word(words[0], morph, in_latin=True)
    surname = len(words) == 1 and is_surname(words[0], morph)
    return NameForms(forms=frozenset(f for f in all_forms if f), is_common_word=common,
                     is_common_in_latin=common_in_latin, is_surname=surname)


def district_forms(adjective: str, nouns: Iterable[str] = ("район", "округ", "муниципальный округ")) -> frozenset[str]:
    """Case forms of "<adjective> район/округ" ("Суджанского района", "в Суджанском районе").

    >>> "суджанском районе" in district_forms("Суджанский")
    True
    """
    out: set[str] = set()
    for noun in nouns:
        out |= case_forms(f"{adjective} {noun}").forms
    return frozenset(out)
