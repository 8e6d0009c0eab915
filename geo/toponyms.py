"""Find every span of a text that spells a gazetteer name: one automaton scan.

The ``Matcher`` holds one Aho-Corasick automaton over every name form of every place
(Russian case forms, Latin romanisations and news variants, Ukrainian forms), built
once per gazetteer version and code version and cached on disk by ``_cache``. A scan
folds the text (``geo.text.fold``: same length, lower case, ё → е), runs the automaton,
keeps whole words only, and prefers the longest match ("Малая Локня" over "Локня").

A name counts only when it is written with a capital letter. Names that are also
common words (Заря, Свобода, Красный; Zarya, Svoboda) are flagged so that ``resolve``
asks for more evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import ahocorasick

from geo.errors import GazetteerError
from geo.forms import case_forms, district_forms, is_function_word
from geo.gazetteer import Gazetteer, PlaceNames
from geo.model import Place, PlaceType
from geo.names import (
    Tier,
    labial_apostrophe,
    latin_spellings,
    sibilant_variants,
    spelling_variants,
    ukrainian_case_forms,
    ukrainian_forms,
    ukrainian_spellings,
)
from geo.text import fold

#: Latin keys shorter than this match too much ("Bor", "Lug", "Mir" …).
MIN_LATIN_KEY = 4
#: Cyrillic keys shorter than this are dropped for the same reason.
MIN_CYRILLIC_KEY = 3

# Wider names of the oblast, Latin and Cyrillic; case forms come from forms.py.
_REGION_LATIN = (
    "kursk oblast", "kursk region", "kursk province", "kurskaya oblast", "kursk area",
    "kurshchyna", "kurschyna", "kurshchina", "kursk oblast's", "kursk border region",
)
_REGION_RUSSIAN = ("Курская область", "Курщина")
_REGION_UKRAINIAN = (
    "курська область", "курської області", "курській області", "курську область",
    "курською областю", "курщина", "курщини", "курщині", "курщину", "курщиною",
)
_AREA_ENDINGS_UKRAINIAN = ("а", "и", "і", "у", "ою")
_DISTRICT_NOUNS_LATIN = ("district", "raion", "rayon", "region", "municipal district", "okrug")
_ADJECTIVE_ENDINGS_LATIN = ("y", "iy", "yi", "yy", "ii", "ij", "i", "ski", "skiy")


class Entry(NamedTuple):
    """What one key stands for: a place, the name it comes from, and its prior.

    A NamedTuple, not a dataclass: the matcher holds some 8,000 of them and is unpickled
    on every run that reads an article; a tuple unpickles several times faster than a
    frozen dataclass (whose ``__setstate__`` is Python code).
    """

    place_id: str
    lemma: str
    tier: Tier
    is_common_word: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A whole-word match in a text, before resolution.

    start, end      offsets in the text
    surface         text[start:end]
    entries         the entries of the matched key with the best prior, sorted by place id
    place_ids       ids of the places the key stands for, sorted and unique (derived)
    is_common_word  whether every reading of the key is a common word (derived)
    """

    start: int
    end: int
    surface: str
    entries: tuple[Entry, ...]
    #: Derived once here: resolution and linking read it some eight times per candidate.
    place_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    #: Whether every reading of the key is a common word; derived once too (resolution reads
    #: it three times per candidate, and a property ran its loop each time; issue 14).
    is_common_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # entries are sorted by id, so dropping repeats keeps the ids sorted
        object.__setattr__(self, "place_ids", tuple(dict.fromkeys([e.place_id for e in self.entries])))
        object.__setattr__(self, "is_common_word", all(e.is_common_word for e in self.entries))

    @property
    def lemma(self) -> str:
        """The gazetteer name the key belongs to (of the first entry)."""
        return self.entries[0].lemma


#: A key's value in the automaton: the index of its entries in ``Matcher.entries`` above
#: these bits, the key's length in them. pyahocorasick stores a C int (31 bits and a
#: sign): a key of up to 1,023 characters, up to two million distinct tuples of entries.
_LENGTH_BITS = 10
_LENGTH_MASK = (1 << _LENGTH_BITS) - 1
_MAX_VALUE = (1 << 31) - 1


class Matcher:
    """The automaton and its entries; built by ``build_matcher``, pickled by ``_cache``.

    The automaton stores one int per key (``_LENGTH_BITS``), not the key's entries: an
    automaton of ints unpickles in a tenth of the time of one holding 61,000 tuples of
    Python objects (0.03 against 0.3 s, a third of ``geo where``; issue 14), and the
    6,000 distinct tuples of entries, shared by the keys, are pickled once beside it.
    """

    def __init__(self, automaton: Any, entries: tuple[tuple[Entry, ...], ...], version: str) -> None:
        self.automaton = automaton
        self.entries = entries
        self.version = version

    def scan(self, text: str) -> list[Candidate]:
        """Every capitalised whole-word match, longest first, without overlaps, in text order."""
        folded = fold(text)
        n = len(folded)
        entries = self.entries
        raw: list[tuple[int, int, tuple[Entry, ...]]] = []
        for end_index, value in self.automaton.iter(folded):
            start = end_index - (value & _LENGTH_MASK) + 1
            end = end_index + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < n and folded[end].isalnum():
                continue
            if not _is_capitalised(text, start, end):
                continue
            raw.append((start, end, entries[value >> _LENGTH_BITS]))
        taken = _longest_without_overlaps(raw)
        return [Candidate(s, e, text[s:e], found) for s, e, found in taken]


def _longest_without_overlaps(
    raw: list[tuple[int, int, tuple[Entry, ...]]],
) -> list[tuple[int, int, tuple[Entry, ...]]]:
    """Keep the longest matches, leftmost first, so that none overlaps another.

    Overlaps are local (a few words), so the matches are cut into runs of overlapping
    spans in one sweep and the longest-first choice is made inside each run: n log n,
    not n² over a whole long text.
    """
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    taken: list[tuple[int, int, tuple[Entry, ...]]] = []
    run: list[tuple[int, int, tuple[Entry, ...]]] = []
    run_end = -1
    for item in [*raw, (10**18, 10**18 + 1, ())]:
        if item[0] >= run_end and len(run) == 1:
            taken.append(run[0])
            run = []
        elif item[0] >= run_end and run:
            chosen: list[tuple[int, int, tuple[Entry, ...]]] = []
            for cand in sorted(run, key=lambda r: (-(r[1] - r[0]), r[0])):
                if all(cand[1] <= c[0] or c[1] <= cand[0] for c in chosen):
                    chosen.append(cand)
            taken.extend(sorted(chosen))
            run = []
        run.append(item)
        run_end = max(run_end, item[1]) if len(run) > 1 else item[1]
    return taken


#: A run of letters and digits: ``[^\W_]`` is ``str.isalnum`` character by character, in C.
_ALNUM_RUN = re.compile(r"[^\W_]*")


def _is_capitalised(text: str, start: int, end: int) -> bool:
    """Written as a name: "Sudzha", "Суджей"; in capitals only inside an all-capitals line.

    The first word must start with a capital and have no other capitals ("RePEc" is not
    "Репец"); a word in capitals counts only when its neighbourhood is in capitals too
    (a headline) or it opens a dateline, since acronyms ("PSEL") are not places.
    """
    first = text[start]
    if first.isdigit():
        return any(c.isupper() for c in text[start:end])
    if not first.isupper():
        return False
    if text[start + 1:end].islower():
        return True  # no capital after the first letter (the common case: one word, in C)
    word_end = _ALNUM_RUN.match(text, start + 1, end).end()  # type: ignore[union-attr]
    rest = text[start + 1:word_end]
    if rest.islower() or not any(c.isupper() for c in rest):  # islower: the common case, in C
        return True
    if rest.isupper() and len(rest) > 0:
        line_start = text.rfind("\n", 0, start) + 1
        if _opens_a_dateline(text, line_start, start, end):
            return True
        line_end = text.find("\n", end)
        around = text[max(line_start, start - 30):min(len(text) if line_end < 0 else line_end, end + 30)]
        return not any(c.islower() for c in around)
    return False


def _opens_a_dateline(text: str, line_start: int, start: int, end: int) -> bool:
    """A wire's dateline: the place in capitals opens the line and a comma follows it
    ("SUDZHA, Russia (Reuters) —", "КУРСК, 12 августа").
    """
    return not text[line_start:start].strip(" \t*_#>") and text[end:end + 1] == ","


def _add(keys: dict[str, dict[tuple[str, str], Entry]], key: str, entry: Entry) -> None:
    key = fold(key).strip()
    if not key:
        return
    is_latin = key.isascii() or not any("\u0400" <= c <= "\u04ff" for c in key)
    if len(key) < (MIN_LATIN_KEY if is_latin else MIN_CYRILLIC_KEY):
        return
    slot = keys[key]
    old = slot.get((entry.place_id, entry.lemma))
    if old is None or entry.tier < old.tier:
        slot[(entry.place_id, entry.lemma)] = entry


#: Settlements whose surname-like name (Курчатов, Дмитриев) the news uses for the town.
_TOWN_CATEGORIES = frozenset({"city", "town", "urban_type_settlement", "work_settlement"})


def _settlement_keys(names: PlaceNames, morph: Any, keys: dict[str, dict[tuple[str, str], Entry]], *,
                     is_town: bool = False) -> None:
    """Keys of a settlement. A name that is also a common word or (for a village, not a
    town) a surname is flagged: ``resolve`` then asks for a cue ("Marshal Zhukov", "Маслова
    заявила" are people; "near Zhukov", "в Жукове" a village).
    """
    russian = [names.russian] + [a for a in names.alternates if _is_cyrillic(a)]
    latin = [names.latin] + [a for a in names.alternates if not _is_cyrillic(a)]
    for ru in russian:
        forms = case_forms(ru, morph)
        person = forms.is_surname and not is_town
        common, common_lat = forms.is_common_word or person, forms.is_common_in_latin or person
        nominative = fold(ru)
        for form in forms.forms:
            if form != nominative and " " not in form and is_function_word(form, morph):
                continue
            _add(keys, form, Entry(names.place_id, names.russian, Tier.NAME, common))
            if (uk_form := labial_apostrophe(form)) != form:  # "біля Крем'яного": Ukrainian spelling
                _add(keys, uk_form, Entry(names.place_id, names.russian, Tier.UKRAINIAN, common))
        for lat in latin_spellings(ru):
            _add(keys, lat, Entry(names.place_id, names.russian, Tier.VARIANT, common_lat))
        for uk in ukrainian_spellings(ru):
            _add(keys, uk, Entry(names.place_id, names.russian, Tier.UKRAINIAN, common))
        for uk in ukrainian_forms(ru):
            for form in ukrainian_case_forms(uk):
                _add(keys, form, Entry(names.place_id, names.russian, Tier.UKRAINIAN, common))
        for other in sibilant_variants(ru):  # Камышовка written Камышевка, Kamyshevka
            for form in case_forms(other, morph).forms:
                _add(keys, form, Entry(names.place_id, names.russian, Tier.VARIANT, common))
            for lat in latin_spellings(other):
                _add(keys, lat, Entry(names.place_id, names.russian, Tier.VARIANT, common_lat))
    own = case_forms(names.russian, morph)
    common_ru = own.is_common_in_latin or (own.is_surname and not is_town)
    for lat in latin:
        _add(keys, lat, Entry(names.place_id, names.russian, Tier.NAME, common_ru))
        for variant in spelling_variants(lat):
            _add(keys, variant, Entry(names.place_id, names.russian, Tier.VARIANT, common_ru))


def _is_cyrillic(name: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in name)


def _district_keys(gaz: Gazetteer, names: PlaceNames, keys: dict[str, dict[tuple[str, str], Entry]]) -> None:
    place = gaz.places[names.place_id]
    entry = Entry(names.place_id, names.russian, Tier.NAME, False)
    if place.category != "raion":
        return  # city okrugs are named like their city: the settlement carries the name
    adjective = names.russian.split()[0]
    for form in district_forms(adjective):
        _add(keys, form, entry)
    for uk in ukrainian_forms(adjective):
        for noun in ("район", "району", "районі", "районом"):
            _add(keys, f"{uk} {noun}", entry)
        # The area named after it: Суджанський → Суджанщина, "на Суджанщині"; not Курщина,
        # which names the oblast.
        if uk.endswith("ський") and f"{uk[:-5]}щина" not in _REGION_UKRAINIAN:
            for ending in _AREA_ENDINGS_UKRAINIAN:
                _add(keys, f"{uk[:-5]}щин{ending}", entry)
        for ending, repl in (("ий", "ого"), ("ий", "ому"), ("ий", "им")):
            if uk.endswith(ending):
                _add(keys, f"{uk[:-2]}{repl} району" if repl == "ого" else f"{uk[:-2]}{repl} районі", entry)
    for latin in (names.latin, *names.alternates):
        stem_word = latin.split()[0].lower()
        for suffix in ("skiy", "sky", "skyi", "skii", "skij", "skyy", "ski"):
            if stem_word.endswith(suffix):
                stem = stem_word[: -len(suffix)]
                for ending in _ADJECTIVE_ENDINGS_LATIN:
                    for noun in _DISTRICT_NOUNS_LATIN:
                        _add(keys, f"{stem}sk{ending} {noun}", entry)
                break
    # "Sudzha district", "Korenevo district": news names a district after its centre.
    centre = _district_centre(gaz, names.place_id)
    if centre is not None:
        for noun in _DISTRICT_NOUNS_LATIN:
            if noun == "region":
                continue
            for lat in latin_spellings(centre.name_local) | {centre.name.lower()}:
                _add(keys, f"{lat} {noun}", entry)


def _district_centre(gaz: Gazetteer, district_id: str) -> Any:
    members = [p for p in gaz.settlements if p.district_id == district_id]
    return max(members, key=lambda p: (p.population, p.place_id), default=None)


def _region_keys(gaz: Gazetteer, morph: Any, keys: dict[str, dict[tuple[str, str], Entry]]) -> None:
    region = gaz.region
    entry = Entry(region.place_id, region.name_local, Tier.NAME, False)
    for key in _REGION_LATIN + _REGION_UKRAINIAN:
        _add(keys, key, entry)
    for name in _REGION_RUSSIAN:
        for form in case_forms(name, morph).forms:
            _add(keys, form, entry)


def iter_keys(gaz: Gazetteer, morph: Any) -> Iterator[tuple[str, tuple[Entry, ...]]]:
    """Every key of the automaton with its entries (best prior per place), sorted by key."""
    keys: dict[str, dict[tuple[str, str], Entry]] = defaultdict(dict)
    for names in gaz.names:
        place_type = gaz.places[names.place_id].place_type
        if place_type is PlaceType.SETTLEMENT:
            _settlement_keys(names, morph, keys, is_town=gaz.places[names.place_id].category in _TOWN_CATEGORIES)
        elif place_type is PlaceType.DISTRICT:
            _district_keys(gaz, names, keys)
    _region_keys(gaz, morph, keys)
    for key in sorted(keys):
        entries = sorted(keys[key].values(), key=lambda e: (e.tier, e.place_id))
        best = entries[0].tier
        yield key, tuple(e for e in entries if e.tier == best)


def build_matcher(gaz: Gazetteer, *, morph: Any = None) -> Matcher:
    """Build the automaton over every name form of the gazetteer (a few seconds; cache it).

    Parameters
    ----------
    gaz
        The loaded gazetteer.
    morph
        A pymorphy3 ``MorphAnalyzer``; None creates one.

    Returns
    -------
    Matcher
        Ready to ``scan`` texts.
    """
    if morph is None:
        import pymorphy3

        morph = pymorphy3.MorphAnalyzer()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    numbers: dict[tuple[Entry, ...], int] = {}
    for key, entries in iter_keys(gaz, morph):
        number = numbers.setdefault(entries, len(numbers))
        if len(key) > _LENGTH_MASK or number << _LENGTH_BITS > _MAX_VALUE:
            msg = f"the name form {key[:60]!r} ({len(key):,} characters, entries {number:,}) overflows the automaton"
            raise GazetteerError(msg)
        automaton.add_word(key, number << _LENGTH_BITS | len(key))
    automaton.make_automaton()
    return Matcher(automaton, tuple(numbers), gaz.version)


def count_keys(matcher: Matcher) -> int:
    """Number of name forms in the automaton."""
    return len(matcher.automaton)


def all_keys(matcher: Matcher) -> Iterable[str]:
    """Every name form in the automaton (for tests and ``geo where``)."""
    return matcher.automaton.keys()


#: A list item at most this many edits from a place's name is taken for that place ...
MAX_TYPO_EDITS = 2
#: ... when it is at least this long (short names are too close to one another).
MIN_TYPO_LENGTH = 7
_SEP = r"\s*(?:,|;|\band\b|\bи\b|\bта\b|\bі\b)\s*"
_ITEM = r"[A-ZА-ЯЁІЇЄ][\w'’-]+"
_ITEMS_BETWEEN = re.compile(rf"^{_SEP}(?:{_ITEM}{_SEP})+$")
_ITEM_WORD = re.compile(_ITEM)


def misspelt_list_items(text: str, cands: Sequence[Candidate], gaz: Gazetteer, *,
                        near_km: float) -> list[Candidate]:
    """Words of a list of places that match no name form but are a typo of a nearby place.

    Wire copy mistypes names in long lists ("Viktorovka, Vnesazapnoye, Gordeyevka" for
    Внезапное). An item counts only between two places of one list, when it is at least
    ``MIN_TYPO_LENGTH`` letters long and at most ``MAX_TYPO_EDITS`` edits from the name
    of a place within ``near_km`` of the list's unambiguous places; its entries carry
    ``Tier.MISSPELT`` so that ``resolve`` says so.

    >>> _edits("vnesazapnoye", "vnezapnoye", 2), _edits("sudzha", "kursk", 2)
    (2, 3)
    """
    out: list[Candidate] = []
    for a, b in zip(cands, cands[1:], strict=False):
        gap = text[a.end:b.start]
        if not _ITEMS_BETWEEN.match(gap):
            continue
        anchors = [gaz.places[c.place_ids[0]] for c in (a, b) if len(c.place_ids) == 1]
        anchors = [p for p in anchors if p.place_type is PlaceType.SETTLEMENT]
        if not anchors:
            continue
        nearby = _in_box_around(gaz.settlements, anchors, near_km)
        for word in _ITEM_WORD.finditer(gap):
            found = _nearest_spelling(fold(word.group()), nearby, gaz.names_by_id)
            if found:
                start = a.end + word.start()
                out.append(Candidate(start, start + len(word.group()), word.group(), found))
    return out


#: One item of a list: up to three capitalised words ("Velyka Novosilka", "Chasiv Yar").
_ITEMS = rf"{_ITEM}(?:[ \t]+{_ITEM}){{0,2}}"
_ITEM_THEN_SEP = re.compile(rf"(?:^|(?<=\s))({_ITEMS}){_SEP}$")
_SEP_THEN_ITEM = re.compile(rf"^{_SEP}({_ITEMS})")
#: How far either way a list is followed, in items.
_MAX_LIST_ITEMS = 12


def list_items_around(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of the list the name at ``start:end`` stands in (itself included).

    An item is up to three capitalised words; items are parted by commas, semicolons and
    "and" words, as in ``misspelt_list_items``.

    >>> t = "near Lyman, Kupiansk and Chasiv Yar today"
    >>> [t[a:b] for a, b in list_items_around(t, 5, 10)]
    ['Lyman', 'Kupiansk', 'Chasiv Yar']
    """
    items = [(start, end)]
    left = start
    for _ in range(_MAX_LIST_ITEMS):
        m = _ITEM_THEN_SEP.search(text, max(0, left - 80), left)
        if not m:
            break
        items.insert(0, (m.start(1), m.end(1)))
        left = m.start(1)
    right = end
    for _ in range(_MAX_LIST_ITEMS):
        m = _SEP_THEN_ITEM.match(text[right:right + 80])
        if not m:
            break
        items.append((right + m.start(1), right + m.end(1)))
        right += m.end(1)
    return items


def _in_box_around(places: Sequence[Place], anchors: Sequence[Place], km: float) -> list[Place]:
    """The places inside the box that reaches ``km`` beyond the anchors on every side.

    A box, not a circle: it is a cheap "near" for picking which names to compare, and a
    degree of latitude is 111 km, of longitude at least 60 km in the oblast (under 53° N).
    """
    lat_pad, lon_pad = km / 111.0, km / 60.0
    lat_lo, lat_hi = min(a.lat for a in anchors) - lat_pad, max(a.lat for a in anchors) + lat_pad
    lon_lo, lon_hi = min(a.lon for a in anchors) - lon_pad, max(a.lon for a in anchors) + lon_pad
    return [p for p in places if lat_lo <= p.lat <= lat_hi and lon_lo <= p.lon <= lon_hi]


def _nearest_spelling(word: str, places: Sequence[Place], index: Mapping[str, PlaceNames]) -> tuple[Entry, ...]:
    """Entries of the places whose name is fewest edits (at most ``MAX_TYPO_EDITS``) from ``word``."""
    if len(word) < MIN_TYPO_LENGTH:
        return ()
    best = MAX_TYPO_EDITS + 1
    found: dict[str, Entry] = {}
    for place in places:
        names = index[place.place_id]
        for name in (names.latin, names.russian, *names.alternates):
            if name[:1].lower() != word[:1]:
                continue  # typos keep the first letter: it is the one the eye checks
            edits = _edits(word, fold(name), best)
            if edits < best:
                best, found = edits, {}
            if edits == best and edits <= MAX_TYPO_EDITS:
                found[place.place_id] = Entry(place.place_id, names.russian, Tier.MISSPELT, False)
    return tuple(found[k] for k in sorted(found))


def _edits(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, or ``cap + 1`` as soon as it must exceed ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return min(previous[-1], cap + 1)
