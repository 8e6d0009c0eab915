"""Decide, for every candidate mention of one document, which place it names, or abstain.

Evidence, in the order it is weighed:

1. the context says the place lies outside the oblast ("Martynovka in Belgorod region",
   "Kurilovka, Ukraine's Kharkiv oblast"), or a list headed by another region holds it
   ("в ДНР — Сухая Балка и Богдановка"), or the whole article names another region and
   never Kursk oblast: abstain;
2. the name ends a short quoted title («Пепел Курск», угруповання “Курськ”): abstain;
3. a name that is also a common word (Заря, Svoboda) needs a place cue ("village of",
   "near", "под", "в слободе"), another place in the same sentence, or a list it shares
   with a sure place ("Погребки, Орловка и Никольский"): else abstain, since a false place
   costs more than a missed one;
4. "Kursk" alone in Latin script names the oblast in war reporting unless a cue says city;
5. a village at one end of a route "A — B" that lies far from the better-attested other
   end is a namesake (often across the border): abstain;
6. one candidate: take it;
7. several: a district named in the text; a stated direction ("20 km north of Kurchatov");
   candidates that all lie within a few km of one another (the same place twice); the
   candidate nearest the other places of the sentence, then the paragraph, then the
   article, or the only one in the district those places share; a town among villages
   that outweighs them tenfold. Failing all: abstain, with the candidates kept.

A list item that matches no name form but is a typo of a place near the list's places
("Vnesazapnoye") is added as a candidate first (``toponyms.misspelt_list_items``).

Every decision carries its reason in words. Pure: text, candidates and the gazetteer in,
``Resolution`` records out.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from geo.gazetteer import Gazetteer, distance_km, nearest_km
from geo.lexicon import OTHER_REGIONS_CYRILLIC, OTHER_REGIONS_LATIN, REGION_NOUN
from geo.model import Mention, Place, PlaceType, Resolution
from geo.names import Tier
from geo.person_names import UKRAINIAN_FIRST_NAMES, may_be_first_name
from geo.regex_cache import compile_pattern
from geo.settings import DEFAULT_SETTINGS, Settings
from geo.text import Gated, clip_context, document_sentences, fold
from geo.toponyms import Candidate, list_items_around, misspelt_list_items

# Regions and countries around the oblast (geo.lexicon), folded; any of them next to a
# name puts the name outside Kursk oblast.
_OTHER_REGIONS_LATIN = OTHER_REGIONS_LATIN
_OTHER_REGIONS_CYRILLIC = OTHER_REGIONS_CYRILLIC
_REGION_NOUN = REGION_NOUN
_AFTER_OUTSIDE = compile_pattern(
    rf"^[\s,(–-]{{0,4}}(?:(?:in|of|near)\s+)?(?:the\s+)?(?:ukraine's\s+|russia's\s+|neighbou?ring\s+)?"
    rf"(?P<lat>{_OTHER_REGIONS_LATIN})(?:'s)?\s+{_REGION_NOUN}"
    rf"|^[\s,(–-]{{0,4}}(?:(?:in|of)\s+)?(?P<country>ukraine|belarus)(?=\s*[,.;:)]|\s*$)"
    rf"|^[\s,(–-]{{0,4}}(?:(?:в|у|на)\s+)?(?P<cyr>{_OTHER_REGIONS_CYRILLIC})\w*\s+(?:област|област|обл\b|район|краю)"
    rf"|^[\s,(–-]{{0,4}}(?:(?:в|на)\s+)?(?P<cyrcountry>украин|україн)"
)
_BEFORE_OUTSIDE = compile_pattern(
    rf"(?:(?P<lat>{_OTHER_REGIONS_LATIN})(?:'s)?\s+{_REGION_NOUN}(?:'s)?"
    rf"|(?P<country>ukraine's|ukrainian))[\s,]+(?:(?:border\s+|frontline\s+|front-line\s+)?"
    rf"(?:village|town|settlement|city|hamlet)s?\s+(?:of\s+)?)?$"
    rf"|(?P<cyr>{_OTHER_REGIONS_CYRILLIC})\w*\s+(?:области|облasti|обл\.|района)\s+"
    rf"(?:(?:село|селе|села|поселок|поселке|деревня|деревне|хутор|населенный пункт)\s+)?$"
)
# Words one of which any match of _BEFORE_OUTSIDE holds (its region noun, "ukrain…",
# "обл…", "района"): a window with none of them skips the pattern, which is costly to
# search since it must be tried at every offset of the window.
_BEFORE_OUTSIDE_NEEDS = ("region", "oblast", "province", "area", "district", "raion", "rayon",
                         "ukrain", "обл", "района")
# Another region named anywhere in an article (which then may be about that region).
_OTHER_REGION_NAMED = compile_pattern(rf"\b({_OTHER_REGIONS_LATIN})\b|({_OTHER_REGIONS_CYRILLIC})")
_OTHER_REGION_NAMED_CUED = Gated.of(_OTHER_REGION_NAMED, is_folded=True)  # only where its own literals occur
#: Capitals that war reporting names for their governments ("a figure Kyiv called propaganda",
#: "Moscow claimed"): they name a region only with a region noun ("the Kyiv region").
_CAPITALS = frozenset({"moscow", "kyiv", "kiev"})
_REGION_NOUN_AFTER = compile_pattern(r"(?:'s)?\s+(?:region|oblast|province)")
_NEXT_IS_RIVER = compile_pattern(r"^\s+(?:river|reka|река|реки|реке|рекой|реку|річка|річки|lake|озеро)\b")

# A place cue just before a name: strong ones name a settlement outright.
_CUE_BEFORE = compile_pattern(
    r"(?:\b(?:near|in|at|from|outside|around|toward|towards|into|to|of|by|liberated|captured|"
    r"assaults?\s+on|attacks?\s+on|battles?\s+for|fighting\s+for|в\s+районі|бої\s+за|боях\s+за|бои\s+за|"
    r"recaptured|retook|retaken|took|entered|seized|shelled|struck|hit|attacked|village|villages|town|"
    r"settlement|settlements|hamlet|khutor|selo|"
    r"в|во|под|у|из|возле|около|близ|рядом с|в районе|у села|село|селе|села|селом|деревня|деревне|"
    r"деревни|поселок|поселке|поселка|поселком|пос\.|с\.|д\.|п\.|х\.|хутор|хуторе|хутора|"
    r"населенный пункт|населенного пункта|населенном пункте|біля|поблизу|під|селі|селища|селище|"
    r"слобода|слободе|слободы|слободу|слободой|слободі|селищі|хутір|хуторі|місто|міста|місті|"
    r"населений пункт|населеного пункту|населеному пункті|"
    # what is done to a settlement, as the English verbs above: "освободили Погребки",
    # "зачистили Свободу", "звільнили Погребки", "обстріляли Красне"
    r"освободил\w*|освобождени[яеи]|занял\w*|взял\w*|отбил\w*|зачистил\w*|захватил\w*|"
    r"штурмовал\w*|штурмуют|обстрелял\w*|обстрелу|обстрелы|атаковал\w*|"
    r"звільнил\w*|звільнення|зайняли|захопил\w*|відбил\w*|зачистил\w*|штурмува\w*|"
    r"обстріляли|обстрілу|обстріли|атакува\w*|удерживают|контролируют|утримують|утримує|контролюють|"
    # Ukrainian prepositions of place the list above lacks ("з Погребків", "до Погребків")
    r"з|із|зі|до)"
    r"\s+(?:the\s+)?(?:(?:village|town|settlement)\s+of\s+)?)$"
)
# The same done to a settlement named first, in the passive: "Погребки освобождены",
# "Погребки звільнено", "Pogrebki was recaptured"; or the oblast in apposition, as a
# dateline writes it: "Pogrebki, Kursk region —", "Погребки (Курская область)".
_CUE_AFTER = compile_pattern(
    r"^\s*(?:,\s*|\(\s*)(?:kursk\s+(?:region|oblast|province)|курская\s+область|курской\s+области|"
    r"курська\s+область|курської\s+області)\b"
    r"|^\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|был[аио]?|были|було|була|були)\s+)?"
    r"(?:(?:fully|completely|полностью|повністю)\s+)?"
    r"(?:liberated|captured|recaptured|retaken|taken|seized|cleared|shelled|"
    r"освобожден\w*|занят[аоы]?|взят[аоы]?|отбит[аоы]?|зачищен\w*|захвачен\w*|обстрелян\w*|"
    r"звільнен\w*|зайнят\w*|захоплен\w*|відбит\w*|зачищен\w*|обстріля\w*)\b"
)
#: A sentence about taking, holding or fighting for ground (``_only_on_the_front``), each
#: word as folded text has it: "Russian forces liberated Lyubimovka", "Бои за Викторовку
#: продолжаются", "ЗСУ відійшли з Камишівки", "Ukrainian troops withdrew from Obukhovka".
#: Not a strike, a shelling or a drone: they reached far beyond the front.
_GROUND_FIGHTING = compile_pattern(
    r"\b(?:liberat|captur|recaptur|retook|retak|seiz|advanc|withdr|retreat|pushed\s+out|pulled\s+out|"
    r"cleared|clearing|fighting|battle|assault|storm(?:ed|ing|s)\b|offensive|incursion|in\s+control\s+of|"
    r"took\s+control|освобо|занял|заняли|взял|взят|отбил|отбит|зачист|штурм|бои\b|боях|бой\b|наступ|"
    r"продвин|продвиж|отступ|отош|вышли\s+из|вошли|зашли|контрол|удерж|"
    r"звільн|зайняли|захоп|відбил|відбит|бої\b|бій\b|просун|відступ|відійш|вийшли\s+з|зайшли|утрим)"
)
_CITY_CUE_BEFORE = compile_pattern(r"(?:\bcity\s+of|\bregional\s+(?:capital|centre|center)\s+(?:of\s+)?)\s*$")
_CITY_CUE_AFTER = compile_pattern(r"^(?:'s)?\s+(?:city|airport|mayor|governor's\s+office|residents|nuclear)\b")
#: A front named by its adjective: "на Курском направлении" (the city's instrumental is spelled alike).
_FRONT_AFTER = compile_pattern(r"^\s+(?:направлени|напрямк|напрямі)", re.IGNORECASE)
# A name followed by a speech verb is a person ("Zhukov said"), not a village.
_SPEAKS_AFTER = compile_pattern(
    r"^\s+(?:also\s+)?(?:said|says|told|added|stated|wrote|noted|claimed|announced|reported|"
    r"заявил\w*|сообщил\w*|отметил\w*|добавил\w*|написал\w*|рассказал\w*)\b"
)
# A rank or office right before a name makes it a surname ("генерала Герасимова" is no
# Герасимово), in any case of the rank.
_RANK_BEFORE = compile_pattern(
    r"\b(?:маршал|marshal|генерал|полковник|подполковник|лейтенант|капитан|сержант|ефрейтор|губернатор|министр|президент|"
    r"военкор|блогер|командующ|командувач|міністр|general|colonel|lieutenant|captain|sergeant|governor|"
    r"minister|president|blogger|commander)\w*\s+$"
)
_WORD_BEFORE = compile_pattern(r"([А-ЯЁІЇЄҐ][а-яёіїєґ']+)\s$")
# A capitalised word of a surname's shape right after a name makes the name a first name
# ("Nadezhda Ivanova", "Надежда Сорокина", "Надія Шевченко").
_SURNAME_AFTER = compile_pattern(
    r" (?:[A-Z][a-z']+(?:ov|ova|ev|eva|yov|in|ina|yn|yna|sky|skiy|skyi|skaya|ska|enko|uk|chuk|iak|yak)"
    r"|[А-ЯЁІЇЄҐ][а-яёіїєґ']+(?:ов|ова|ев|ева|ёв|ин|ина|ын|ына|ский|ская|ський|ська|енко|ук|чук|як))\b"
)
# What may stand between two items of one list of places: commas, "and", bullets, line
# breaks ("Погребки, Орловка и Никольский"; "• Погребки\n• Орловка").
_LIST_GAP = compile_pattern(r"^(?:\s|[,;•·*]|\b(?:and|or|и|или|та|і|й|або)\b)*$")
# A route or attack direction joins two places with a dash ("на направлении Рыжевка — Теткино").
_ROUTE_GAP = compile_pattern(r"^\s*[—–]\s*$|^\s+-\s+$")
#: Two ends of a route this far apart are not neighbours: a village end that lies farther
#: than this from a better-attested other end is a namesake (across the border, usually).
_ROUTE_KM = 20.0
# A list headed by another region: "в Донецкой Народной Республике — Новомихайловка, …",
# "in the Donetsk region: …". Every name after it in the sentence lies there.
_OTHER_REGION_LIST = compile_pattern(
    rf"(?:\b(?:в|во|у|на|in)\s+(?:the\s+)?)(?P<region>(?:{OTHER_REGIONS_CYRILLIC})\w*|(?:{OTHER_REGIONS_LATIN})\b|"
    r"днр\b|лнр\b|dpr\b|lpr\b|dnr\b|lnr\b)(?:[\s'’]+\w+){0,3}?\s*[—–:-]\s"
)
_OTHER_REGION_LIST_CUED = Gated.of(_OTHER_REGION_LIST, is_folded=True)  # only where its own literals occur
_KURSK_MARK = compile_pattern(r"курск|курськ|kursk")
_HEADS_A_LIST = compile_pattern(r"\w*(?:\s+\w+){0,2}?\s*[—–:-]\s")
# A name that is (the end of) a short quoted title: «Пепел Курск», угруповання “Курськ”.
_QUOTE_OPEN_BEFORE = compile_pattern(r"[«“„\"]((?:[^\W\d_][\w-]*\s+){0,2})$")
_QUOTE_CLOSE_AFTER = compile_pattern(r"^[»”\"]")
# Relative directions: "Gornal, seven miles south of Oleshnya", "в 5 км к северу от Суджи",
# "за 3 км на північ від Суджі". Compass bearing (degrees) per direction word, as data.
_BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315,
    "северу": 0, "северо-востоку": 45, "востоку": 90, "юго-востоку": 135, "югу": 180,
    "юго-западу": 225, "западу": 270, "северо-западу": 315,
    "севернее": 0, "северо-восточнее": 45, "восточнее": 90, "юго-восточнее": 135, "южнее": 180,
    "юго-западнее": 225, "западнее": 270, "северо-западнее": 315,
    "північ": 0, "північний схід": 45, "схід": 90, "південний схід": 135, "південь": 180,
    "південний захід": 225, "захід": 270, "північний захід": 315,
    "північніше": 0, "східніше": 90, "південніше": 180, "західніше": 270,
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20}
_UNIT_KM = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "mile": 1.609, "км": 1.0, "километр": 1.0,
            "кілометр": 1.0}
_DIRECTION_WORD = "|".join(sorted((re.escape(w) for w in _BEARINGS), key=len, reverse=True))
_DIRECTION_AFTER = compile_pattern(
    rf"^[\s,(]*(?:(?:about|some|around|roughly|nearly|в|за|около|близько)\s+)?"
    rf"(?:(?P<num>\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)})[\s-]*(?P<unit>km|kilomet(?:er|re)|mile|км|километр|кілометр)\w*\s+)?"
    rf"(?:(?:to\s+the|к|на)\s+)?(?P<dir>{_DIRECTION_WORD})(?:ern)?\s+(?:of|от|від)?\s*"
    r"(?:the\s+(?:village|town|city|settlement)\s+of\s+|(?:села|поселка|города|села|селища|міста)\s+)?$"
)
#: How far off the stated direction a candidate may lie, in degrees.
_BEARING_SLACK = 60.0
_TOWN_CATEGORIES = frozenset({"city", "town", "urban_type_settlement", "work_settlement"})
#: A town decides among same-named villages only when it outweighs each of them this much.
_TOWN_OUTWEIGHS = 10
#: How far around a name to look for context cues, in characters.
_CUE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class _Context:
    """What the whole document says, computed once per document."""

    folded: str
    sentences: Sequence[tuple[int, int]]
    districts: frozenset[str]
    anchors: tuple[Place, ...]
    anchor_starts: tuple[int, ...]
    other_region: str | None
    #: (start, place) of every anchor mention, for evidence near a name first.
    anchor_at: tuple[tuple[int, Place], ...] = ()
    #: Places the text names unambiguously in a spelling of their own (not a Ukrainian guess).
    confirmed: frozenset[str] = frozenset()
    #: Starts of candidates that stand in one list with a place ("Погребки, Орловка").
    listed: frozenset[int] = frozenset()
    #: For a candidate at one end of a route "A — B", the candidate at the other end.
    route_partner: Mapping[int, Candidate] | None = None
    #: How often the text names each place unambiguously.
    mention_counts: Mapping[str, int] | None = None
    #: Starts of candidates that end a short quoted title («Пепел Курск»).
    quoted: frozenset[int] = frozenset()
    #: For a weak name (a common word, a Ukrainian guess) listed mostly among names the
    #: gazetteer lacks, those names: the list is of another front ("Lyman, Kupiansk, Siversk").
    foreign_lists: Mapping[int, tuple[str, ...]] | None = None
    #: The text as written (capitals tell a first name before a name).
    text: str = ""
    #: Where each sentence starts (for bisection).
    sentence_starts: tuple[int, ...] = ()
    #: For a name followed by "N km south of X": X's place, the bearing from X and the km (or None).
    directions: Mapping[int, tuple[Place, float, float | None]] | None = None
    #: The choice the whole text's places make among a pool (by scope and sorted ids), filled as
    #: names are decided: a long article names the same ambiguous village again and again,
    #: and weighing every place of the text for each mention made its cost grow with its square.
    whole_text_choices: dict[tuple[str, ...], tuple[Place | None, str]] = field(default_factory=dict)
    #: Whether the text may hold a list headed by another region anywhere (``_OTHER_REGION_LIST``'s
    #: cues, asked once): two articles in three name no other region, and then no sentence of
    #: them needs its own look (issue 14: it cost a tenth of resolving).
    may_list_other_region: bool = True


def _window_after(ctx: _Context, end: int, sentence: tuple[int, int]) -> str:
    return ctx.folded[end:min(sentence[1], end + _CUE_WINDOW)]


def _window_before(ctx: _Context, start: int, sentence: tuple[int, int]) -> str:
    return ctx.folded[max(sentence[0], start - _CUE_WINDOW):start]


def _outside_reason(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> str | None:
    window = _window_after(ctx, cand.end, sentence)
    after = _AFTER_OUTSIDE.match(window)  # every branch is anchored at the window's start
    if after and _HEADS_A_LIST.match(window, after.end()):
        after = None  # "Олешню, у Донецькій області — Тарасівку": the region heads the next list
    window = _window_before(ctx, cand.start, sentence)
    before = _BEFORE_OUTSIDE.search(window) if any(w in window for w in _BEFORE_OUTSIDE_NEEDS) else None
    for match in (after, before):
        if match:
            label = next(v for v in match.groupdict().values() if v)
            return f"outside the oblast: the text places it in {label}"
    return None


def _has_place_cue(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> bool:
    return _cue_precedes(ctx.folded, cand.start, sentence) or _cue_follows(ctx.folded, cand.end, sentence)


def _cue_follows(folded: str, end: int, sentence: tuple[int, int]) -> bool:
    """What is done to a settlement follows the name in the passive ("Погребки освобождены")."""
    return bool(_CUE_AFTER.match(folded[end:min(sentence[1], end + _CUE_WINDOW)]))


def _cue_precedes(folded: str, start: int, sentence: tuple[int, int]) -> bool:
    """A place cue ("village of", "в", "под") stands right before the name."""
    before = folded[max(sentence[0], start - _CUE_WINDOW):start]
    return bool(_CUE_BEFORE.search(before)) and not before.rstrip().endswith(("«", '"', "“"))


def _quoted_title(text: str, cand: Candidate) -> bool:
    """The name ends a short quoted title of capitalised words (a channel, a unit, an operation).

    >>> from geo.toponyms import Candidate, list_items_around, misspelt_list_items
    >>> t = "канал «Пепел Курск» и группировка “Курськ”; he said “we took Sudzha”"
    >>> [_quoted_title(t, Candidate(t.index(w), t.index(w) + len(w), w, ())) for w in ("Курск", "Курськ", "Sudzha")]
    [True, True, False]
    """
    if not _QUOTE_CLOSE_AFTER.search(text[cand.end:cand.end + 1]):
        return False
    match = _QUOTE_OPEN_BEFORE.search(text[max(0, cand.start - 40):cand.start])
    if match is None:
        return False
    words = match.group(1).split()
    return all(w[:1].isupper() for w in words)


def _sentence_of(ctx: _Context, offset: int) -> tuple[int, int]:
    return _sentence_at(ctx.sentences, offset, ctx.sentence_starts)


def _pick_among(cands: Sequence[Place], ctx: _Context, settings: Settings,
                start: int = -1) -> tuple[Place | None, str]:
    """Choose among same-named settlements, or give the reason for abstaining.

    The article's other places are weighed nearest the name first: the sentence, then
    the paragraph, then the whole text; a list of villages of one area decides its
    ambiguous member before a place named three paragraphs away does.
    """
    n = len(cands)
    in_named = [p for p in cands if p.district_id in ctx.districts]
    if len(in_named) == 1:
        return in_named[0], f"{n} candidates; district named in the text: {in_named[0].admin2}"
    pool = in_named or list(cands)
    stated = (ctx.directions or {}).get(start)
    if stated is not None:
        fitting = [p for p in pool if _fits_direction(p, stated, settings.near_km)]
        if len(fitting) == 1:
            return fitting[0], (f"{len(pool)} candidates; the only one that lies where the text says "
                                f"(from {stated[0].name})")
    spread = max((distance_km(a, b) for a, b in combinations(pool, 2)), default=0.0)
    if spread <= settings.cluster_km:
        best = max(pool, key=lambda p: (p.population, p.place_id))
        return best, f"{len(pool)} candidates within {spread:.1f} km of each other: the largest"
    pool_ids = {p.place_id for p in pool}
    for scope, (lo, hi) in _scopes(ctx, start):
        if (lo, hi) == (0, len(ctx.folded)):
            chosen, reason = _pick_by_whole_text(pool, pool_ids, ctx, scope, settings)
        else:
            chosen, reason = _pick_by_anchors(pool, _anchors_within(ctx, lo, hi, pool_ids), scope, settings)
        if chosen is not None:
            return chosen, reason
    towns = [p for p in pool if p.category in _TOWN_CATEGORIES]
    if len(towns) == 1:
        town = towns[0]
        others = [p for p in pool if p is not town]
        if all(town.population >= _TOWN_OUTWEIGHS * max(p.population, 1) for p in others):
            return town, f"{len(pool)} candidates: the only town, {_TOWN_OUTWEIGHS}x larger than the others"
    front = _only_on_the_front(pool, ctx, settings, start)
    if front is not None:
        return front, (f"{len(pool)} candidates; the only one in the districts of the ground fighting, "
                       "and the sentence is about taking or holding ground")
    districts = sorted({p.admin2 or "?" for p in pool})
    return None, (f"{len(pool)} candidates in {', '.join(districts)}; no district named, "
                  "no nearby place to decide")


def _only_on_the_front(pool: Sequence[Place], ctx: _Context, settings: Settings, start: int) -> Place | None:
    """The one candidate in ``settings.front_districts``, when the name's sentence is about ground.

    Asked only when nothing in the text decided: a report that "Russian forces liberated
    Lyubimovka" means the Lyubimovka of the front, not its namesakes 100 km behind it. Not
    when the text names another candidate's district or a place near another candidate
    (that one may be meant), nor for a strike or shelling, which reached far beyond the front.
    """
    if start < 0:
        return None
    front = [p for p in pool if p.district_id in settings.front_districts]
    if len(front) != 1:
        return None
    others = [p for p in pool if p is not front[0]]
    if any(p.district_id in ctx.districts for p in others):
        return None
    if ctx.anchors and any(nearest_km(p, ctx.anchors) <= settings.near_km for p in others):
        return None  # the text's other places lie near another namesake ("... and Kurchatov")
    lo, hi = _sentence_of(ctx, start)
    return front[0] if _GROUND_FIGHTING.search(ctx.folded, lo, hi) else None


def _scopes(ctx: _Context, start: int) -> list[tuple[str, tuple[int, int]]]:
    """The sentence, the paragraph and the whole text around an offset (-1: the text only)."""
    whole = ("the article's other places", (0, len(ctx.folded)))
    if start < 0:
        return [whole]
    para_start = ctx.folded.rfind("\n", 0, start) + 1
    para_end = ctx.folded.find("\n", start)
    paragraph = (para_start, len(ctx.folded) if para_end < 0 else para_end)
    return [("the places named in the same sentence", _sentence_of(ctx, start)),
            ("the places named in the same paragraph", paragraph), whole]


def _anchors_within(ctx: _Context, lo: int, hi: int, exclude: set[str]) -> list[Place]:
    """The distinct places named unambiguously in [lo, hi), other than ``exclude``.

    Found by bisecting the anchors' starts (they are in text order), not by scanning all
    of them; unsorted, since the choice among candidates takes a minimum over them and a
    set of their districts, which no order changes.
    """
    i, j = bisect_left(ctx.anchor_starts, lo), bisect_left(ctx.anchor_starts, hi)
    return list({a.place_id: a for _, a in ctx.anchor_at[i:j] if a.place_id not in exclude}.values())


def _pick_by_whole_text(pool: Sequence[Place], pool_ids: set[str], ctx: _Context, scope: str,
                        settings: Settings) -> tuple[Place | None, str]:
    """``_pick_by_anchors`` over every place of the text, once per pool of candidates.

    The choice depends on the pool as a set (ties are broken by id), not on its order.
    """
    key = (scope, *sorted(pool_ids))  # a one-paragraph text's paragraph is the whole text too
    choice = ctx.whole_text_choices.get(key)
    if choice is None:
        choice = _pick_by_anchors(pool, _anchors_within(ctx, 0, len(ctx.folded), pool_ids), scope, settings)
        ctx.whole_text_choices[key] = choice
    return choice


def _pick_by_anchors(pool: Sequence[Place], anchors: Sequence[Place], scope: str,
                     settings: Settings) -> tuple[Place | None, str]:
    """The candidate clearly nearest the anchors, else the only one in the anchors' district."""
    if not anchors:
        return None, ""
    ranked = sorted((nearest_km(p, anchors), p.place_id, p) for p in pool)
    best_km, _, best = ranked[0]
    second_km = ranked[1][0] if len(ranked) > 1 else float("inf")
    if best_km <= settings.near_km and second_km >= 2 * best_km + settings.cluster_km:
        return best, f"{len(pool)} candidates; nearest {scope} ({best_km:.0f} km, next {second_km:.0f} km)"
    anchor_districts = {a.district_id for a in anchors}
    shared = [p for p in pool if p.district_id in anchor_districts]
    if len(shared) == 1 and len(anchor_districts) == 1:
        return shared[0], f"{len(pool)} candidates; the only one in the district of {scope}"
    return None, ""


def _document_context(text: str, cands: Sequence[Candidate], gaz: Gazetteer) -> _Context:
    folded = fold(text)
    sentences = document_sentences(text)
    starts = tuple(s for s, _ in sentences)
    districts = frozenset(
        pid for c in cands for pid in c.place_ids
        if gaz.places[pid].place_type is PlaceType.DISTRICT and len(c.place_ids) == 1
    )
    settlements = [c for c in cands if all(gaz.places[i].place_type is PlaceType.SETTLEMENT for i in c.place_ids)]
    cued = {c.start for c in settlements
            if _cue_precedes(folded, c.start, sentence := _sentence_at(sentences, c.start, starts))
            or _cue_follows(folded, c.end, sentence)}
    foreign = _foreign_lists(text, cands, settlements)
    listed = _listed_starts(text, [c for c in settlements if c.start not in foreign], cued)
    quoted = frozenset(c.start for c in cands if _quoted_title(text, c))
    unambiguous = [
        c for c in settlements
        if len(c.place_ids) == 1 and c.start not in quoted
        and (not c.is_common_word or c.start in cued or c.start in listed)
    ]
    # sorted by id, which orders Place records as their generated comparison would (ids are
    # unique) without hashing and comparing them field by field
    anchors = tuple(gaz.places[pid] for pid in sorted({c.place_ids[0] for c in unambiguous}))
    has_kursk = "kursk" in folded or "курск" in folded or "курщин" in folded or bool(districts)
    other = None
    if not has_kursk:
        other = _other_region_named(folded)
    confirmed = frozenset(c.place_ids[0] for c in unambiguous
                          if any(e.tier is not Tier.UKRAINIAN for e in c.entries)
                          or _names_kursk(_paragraph_of(folded, c)))
    partners: dict[int, Candidate] = {}
    for a, b in zip(settlements, settlements[1:], strict=False):
        if _ROUTE_GAP.match(text[a.end:b.start]):
            partners[a.start], partners[b.start] = b, a
    directions = {}
    for a, b in zip(settlements, settlements[1:], strict=False):
        stated = _stated_direction(folded[a.end:b.start]) if len(a.place_ids) > 1 else None
        origin = _one_point(gaz, b) if stated is not None else None
        if stated is not None and origin is not None:
            directions[a.start] = (origin, *stated)
    return _Context(
        folded, sentences, districts, anchors, tuple(c.start for c in unambiguous), other,
        directions=directions, sentence_starts=starts,
        anchor_at=tuple((c.start, gaz.places[c.place_ids[0]]) for c in unambiguous),
        confirmed=confirmed, listed=listed, route_partner=partners, foreign_lists=foreign, text=text,
        mention_counts=Counter(c.place_ids[0] for c in unambiguous),
        quoted=quoted, may_list_other_region=_OTHER_REGION_LIST_CUED.may_match(folded),
    )


def _one_point(gaz: Gazetteer, cand: Candidate) -> Place | None:
    """The place a name stands for when its namesakes are one spot (Korenevo ×2, 2 km apart)."""
    places = [gaz.places[i] for i in cand.place_ids]
    if any(distance_km(places[0], p) > DEFAULT_SETTINGS.cluster_km for p in places[1:]):
        return None
    return max(places, key=lambda p: (p.population, p.place_id))


def _stated_direction(gap: str) -> tuple[float, float | None] | None:
    """The bearing and distance (km) that the words between two names state, if they do.

    >>> _stated_direction(", seven miles south of "), _stated_direction(" в 5 км к северу от ")
    ((180.0, 11.263), (0.0, 5.0))
    >>> _stated_direction(" (north of the village of "), _stated_direction(" and ")
    ((0.0, None), None)
    """
    match = _DIRECTION_AFTER.match(gap)
    if match is None:
        return None
    km = None
    if match.group("num"):
        raw = match.group("num")
        number = _NUMBER_WORDS.get(raw) or float(raw.replace(",", "."))
        unit = next(v for k, v in _UNIT_KM.items() if match.group("unit").startswith(k))
        km = round(number * unit, 3)
    return float(_BEARINGS[match.group("dir")]), km


def _bearing_deg(origin: Place, target: Place) -> float:
    """Initial compass bearing from origin to target, degrees clockwise from north."""
    lat1, lat2 = math.radians(origin.lat), math.radians(target.lat)
    dlon = math.radians(target.lon - origin.lon)
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360


def _fits_direction(place: Place, stated: tuple[Place, float, float | None], near_km: float) -> bool:
    """The place lies where the text says: within the bearing slack and near the stated distance."""
    origin, bearing, km = stated
    off = abs((_bearing_deg(origin, place) - bearing + 180) % 360 - 180)
    distance = distance_km(origin, place)
    if km is None:
        return off <= _BEARING_SLACK and distance <= near_km
    return off <= _BEARING_SLACK and abs(distance - km) <= max(3.0, 0.5 * km)


def _sentence_at(sentences: Sequence[tuple[int, int]], offset: int, starts: Sequence[int]) -> tuple[int, int]:
    """The sentence that holds ``offset`` (``starts``: the sentences' starts, for bisection)."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return sentences[i]
    return offset, offset + 1


def _is_surname(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> bool:
    """A first name ("Валерия Герасимова", "Кирило Буданов") or a rank ("генерала
    Герасимова", "General Gerasimov") stands right before the name, or a surname right
    after it ("Nadezhda Ivanova").
    """
    if _RANK_BEFORE.search(_window_before(ctx, cand.start, sentence)):
        return True
    if _SURNAME_AFTER.match(ctx.text, cand.end, min(sentence[1], cand.end + 40)):
        return True
    word = _WORD_BEFORE.search(ctx.text, max(sentence[0], cand.start - 20), cand.start)
    return bool(word) and (may_be_first_name(word.group(1)) or word.group(1) in UKRAINIAN_FIRST_NAMES)


def _is_weak(cand: Candidate) -> bool:
    """A name that may well be another place's: a common word, or only a Ukrainian guess."""
    return cand.is_common_word or all(e.tier is Tier.UKRAINIAN for e in cand.entries)


def _foreign_lists(text: str, cands: Sequence[Candidate],
                   settlements: Sequence[Candidate]) -> dict[int, tuple[str, ...]]:
    """Weak names (``_is_weak``) listed mostly among names the gazetteer does not hold, with
    those names (a cue such as "near" says a place, not which one).

    A list of two or more unknown places that outnumber its strong names is of another
    front (Donetsk: "near Lyman, Kupiansk, Siversk and Avdiivka"), and its weak members are
    namesakes there; a strong name (Sudzha) keeps its reading whatever it is listed with.
    """
    spans = [(c.start, c.end, _is_weak(c)) for c in cands]
    out: dict[int, tuple[str, ...]] = {}
    for cand in settlements:
        if not _is_weak(cand):
            continue
        items = list_items_around(text, cand.start, cand.end)
        if len(items) < 3:  # noqa: PLR2004 - a pair is no list of another front
            continue
        unknown = [text[a:b] for a, b in items if not any(s < b and a < e for s, e, _ in spans)]
        strong = sum(1 for a, b in items if any(s < b and a < e and not weak for s, e, weak in spans))
        if len(unknown) >= 2 and len(unknown) > strong:  # noqa: PLR2004
            out[cand.start] = tuple(unknown)
    return out


def _listed_starts(text: str, cands: Sequence[Candidate], cued: set[int]) -> frozenset[int]:
    """Starts of the names that share a list with a name that is surely a place.

    A list member is sure when it is not a common word or has a place cue of its own; then
    every member counts as cued ("villages of Veseloye and Medvezhye", "Погребки, Орловка,
    Никольский"), since one list holds one kind of thing.
    """
    runs: list[list[Candidate]] = []
    for cand in cands:
        if runs and _LIST_GAP.match(text[runs[-1][-1].end:cand.start]):
            runs[-1].append(cand)
        else:
            runs.append([cand])
    out: set[int] = set()
    for run in runs:
        if len(run) > 1 and any(not c.is_common_word or c.start in cued for c in run):
            out |= {c.start for c in run}
    return frozenset(out)


def resolve_candidates(
    text: str,
    source: str,
    cands: Sequence[Candidate],
    gaz: Gazetteer,
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[Resolution, ...]:
    """Resolve every candidate of one document.

    Parameters
    ----------
    text
        The document text the candidates index.
    source
        The document's file name, recorded on each mention.
    cands
        ``Matcher.scan(text)``; list items that match no form but are a typo of a
        place near the list's places are added (``toponyms.misspelt_list_items``).
    gaz
        The gazetteer the matcher was built from.
    settings
        ``near_km``, ``cluster_km`` and ``context_chars`` are used.

    Returns
    -------
    tuple of Resolution
        One per candidate (and per misspelt list item), in text order.
    """
    typos = misspelt_list_items(text, cands, gaz, near_km=settings.near_km)
    if typos:
        cands = sorted([*cands, *typos], key=lambda c: c.start)
    ctx = _document_context(text, cands, gaz)
    namesake = gaz.namesake_city_id
    out = []
    for cand in cands:
        sentence = _sentence_of(ctx, cand.start)
        place_id, reason = _decide(cand, sentence, ctx, gaz, namesake, settings)
        if cand.entries[0].tier is Tier.MISSPELT:
            reason = f"a list item a few letters off the name {cand.lemma}, near the list's places; {reason}"
        cs, ce = clip_context(text, sentence, cand.start, cand.end, settings.context_chars)
        mention = Mention(source=source, start=cand.start, end=cand.end, surface=cand.surface,
                          lemma=cand.lemma, candidates=cand.place_ids, context=text[cs:ce],
                          context_start=cs)
        out.append(Resolution(mention=mention, place_id=place_id, reason=reason))
    return tuple(out)


def _decide(cand: Candidate, sentence: tuple[int, int], ctx: _Context, gaz: Gazetteer,
            namesake: str | None, settings: Settings) -> tuple[str | None, str]:
    ids = cand.place_ids
    places = [gaz.places[i] for i in ids]
    if all(p.place_type is not PlaceType.SETTLEMENT for p in places):
        return ids[0], "names the region" if places[0].place_type is PlaceType.REGION else "names the district"
    outside = _outside_reason(ctx, cand, sentence) or _other_region_list(ctx, cand, sentence)
    if outside:
        return None, outside
    if cand.start in ctx.quoted:
        return None, "the end of a short quoted title (a channel, a unit, an operation), not a place"
    if _NEXT_IS_RIVER.search(_window_after(ctx, cand.end, sentence)):
        return None, "names a river, not a settlement"
    if " " not in cand.surface and _is_surname(ctx, cand, sentence):
        return None, "a person, not a place: a first name or a rank before the name, or a surname after it"
    if " " not in cand.surface and _SPEAKS_AFTER.search(_window_after(ctx, cand.end, sentence)):
        return None, "a speaker, not a place: a speech verb follows the name"
    if ids == (namesake,):
        return _decide_namesake(cand, sentence, ctx, gaz)
    if ctx.other_region:
        return None, f"the article names {ctx.other_region} and never Kursk oblast"
    if ctx.foreign_lists and (unknown := ctx.foreign_lists.get(cand.start)):
        return None, (f"listed among places the gazetteer lacks ({', '.join(unknown[:3])}): a namesake "
                      "on another front")
    if (cand.is_common_word and cand.start not in ctx.listed and not _has_place_cue(ctx, cand, sentence)
            and not _has_neighbour(ctx, cand, sentence)):
        return None, "also a common word or a surname; no place cue and no other place in the sentence"
    if all(e.tier is Tier.UKRAINIAN for e in cand.entries) and not _has_kursk_context(ctx, cand, places, settings):
        return None, ("a Ukrainian spelling derived from the Russian name, with no Kursk place or district "
                      "nearby to confirm it (Ukraine has places of that name too)")
    far_route = _far_route_end(ctx, cand, places, gaz)
    if far_route:
        return None, far_route
    if len(places) == 1:
        return ids[0], "the only place of that name in the oblast"
    chosen, reason = _pick_among(places, ctx, settings, cand.start)
    return (chosen.place_id if chosen else None), reason


def _other_region_named(folded: str) -> str | None:
    """The first other region an article names; a capital counts only as "the Kyiv region".

    >>> _other_region_named("moscow claimed it, a figure kyiv called propaganda") is None
    True
    >>> _other_region_named("drones hit the kyiv region and sumy")
    'kyiv'
    """
    for match in _OTHER_REGION_NAMED_CUED.finditer(folded):
        if match.group() not in _CAPITALS or _REGION_NOUN_AFTER.match(folded, match.end()):
            return match.group()
    return None


def _other_region_list(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> str | None:
    """The name follows a list header of another region in its sentence, with no Kursk mark between.

    >>> t = "в курской области — олешня, в донецкой народной республике — сухая балка и богдановка"
    >>> _OTHER_REGION_LIST.search(t).group("region")
    'донецкой'
    """
    if not ctx.may_list_other_region:
        return None  # no stretch of the text holds a cue (or a case twin) of the pattern
    before = ctx.folded[sentence[0]:cand.start]
    headers = list(_OTHER_REGION_LIST_CUED.finditer(before))
    if not headers or _KURSK_MARK.search(before, headers[-1].end()):
        return None
    return f"outside the oblast: listed under {headers[-1].group('region')}"


def _far_route_end(ctx: _Context, cand: Candidate, places: Sequence[Place], gaz: Gazetteer) -> str | None:
    """One end of a route "A — B" that lies far from the other, better-attested end.

    A route or attack direction joins neighbours, so a village whose every candidate lies
    more than ``_ROUTE_KM`` from the other end is a namesake elsewhere (often across the
    border: "на направлении Рыжевка — Теткино"). The other end is better attested when
    the text names it more often, or, as often, it is the larger place; towns stay.
    """
    partner = (ctx.route_partner or {}).get(cand.start)
    if partner is None or len(partner.place_ids) != 1 or any(p.category in _TOWN_CATEGORIES for p in places):
        return None
    other = gaz.places[partner.place_ids[0]]
    if other.place_type is not PlaceType.SETTLEMENT or other.place_id in cand.place_ids:
        return None
    km = min(distance_km(p, other) for p in places)
    if km <= _ROUTE_KM:
        return None
    counts = ctx.mention_counts or {}
    mine = max(counts.get(p.place_id, 0) for p in places)
    theirs = counts.get(other.place_id, 0)
    if theirs > mine or (theirs == mine and other.population > max(p.population for p in places)):
        return (f"one end of a route to {partner.surface}, but {km:.0f} km from it: "
                "a namesake, not this place")
    return None


def _has_kursk_context(ctx: _Context, cand: Candidate, places: Sequence[Place], settings: Settings) -> bool:
    """The paragraph names the oblast or a district, or the article does and the paragraph names
    no other region, or another place of the article lies near.

    News written in one-sentence paragraphs names the oblast once, in the lead ("У Курській
    області …"), and the villages in the paragraphs after it ("… відійшли з Суджі").
    """
    paragraph = _paragraph_of(ctx.folded, cand)
    if _names_kursk(paragraph):
        return True
    if _names_kursk(ctx.folded) and not _OTHER_REGION_NAMED_CUED.search(paragraph):
        return True
    if any(p.place_id in ctx.confirmed for p in places):
        return True  # the text names the place in its own spelling too (Суджа … у Суджі)
    others = [a for a in ctx.anchors if a.place_id not in {p.place_id for p in places}]
    return any(distance_km(p, a) <= settings.near_km for p in places for a in others)


def _paragraph_of(folded: str, cand: Candidate) -> str:
    para_start = folded.rfind("\n", 0, cand.start) + 1
    para_end = folded.find("\n", cand.end)
    return folded[para_start:len(folded) if para_end < 0 else para_end]


def _names_kursk(folded: str) -> bool:
    return "kursk" in folded or "курськ" in folded or "курщин" in folded or "курск" in folded


def _decide_namesake(cand: Candidate, sentence: tuple[int, int], ctx: _Context,
                     gaz: Gazetteer) -> tuple[str | None, str]:
    """'Kursk': the city in Cyrillic or with a city cue; the oblast otherwise."""
    city_id = cand.place_ids[0]
    if not cand.surface.isascii():
        if _FRONT_AFTER.match(_window_after(ctx, cand.end, sentence)):
            # "на Курском направлении": the adjective of the front, which the city's instrumental spells
            return gaz.region.place_id, "the oblast's front: 'Курском направлении' is the adjective, not the city"
        return city_id, "the city: Russian writes the oblast as 'Курская область'"
    before = _window_before(ctx, cand.start, sentence)
    after = _window_after(ctx, cand.end, sentence)
    if _CITY_CUE_BEFORE.search(before) or _CITY_CUE_AFTER.search(after):
        return city_id, "the city: the text says so"
    return gaz.region.place_id, "the oblast: 'Kursk' alone names the region in war reporting"


def _has_neighbour(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> bool:
    """Another unambiguous, non-common place is named in the same sentence."""
    # Bisected (the anchors are in text order): a scan of every anchor per name made a long
    # article's cost grow with its square.
    lo, hi = bisect_left(ctx.anchor_starts, sentence[0]), bisect_left(ctx.anchor_starts, sentence[1])
    return any(start != cand.start for start in ctx.anchor_starts[lo:hi])
