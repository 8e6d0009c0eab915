"""Decide, for every candidate mention of one document, which place it names, or abstain.

Evidence, in the order it is weighed:

1. the context says the place lies outside the oblast ("Martynovka in Belgorod region",
   "Kurilovka, Ukraine's Kharkiv oblast"), or the whole article names another region and
   never Kursk oblast: abstain;
2. a name that is also a common word (Заря, Svoboda) needs a place cue ("village of",
   "near", "под", "в районе") or another place in the same sentence: else abstain, since a
   false place costs more than a missed one;
3. "Kursk" alone in Latin script names the oblast in war reporting unless a cue says city;
4. one candidate: take it;
5. several: a district named in the text; candidates that all lie within a few km of one
   another (the same place twice); the candidate nearest the article's unambiguous places;
   a town among villages that outweighs them tenfold. Failing all: abstain, with the
   candidates kept.

Every decision carries its reason in words. Pure: text, candidates and the gazetteer in,
``Resolution`` records out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from geo.gazetteer import Gazetteer, distance_km
from geo.lexicon import OTHER_REGIONS_CYRILLIC, OTHER_REGIONS_LATIN, REGION_NOUN
from geo.model import Mention, Place, PlaceType, Resolution
from geo.names import Tier
from geo.settings import DEFAULT_SETTINGS, Settings
from geo.text import clip_context, fold, sentence_spans, span_index
from geo.toponyms import Candidate

# Regions and countries around the oblast (geo.lexicon), folded; any of them next to a
# name puts the name outside Kursk oblast.
_OTHER_REGIONS_LATIN = OTHER_REGIONS_LATIN
_OTHER_REGIONS_CYRILLIC = OTHER_REGIONS_CYRILLIC
_REGION_NOUN = REGION_NOUN
_AFTER_OUTSIDE = re.compile(
    rf"^[\s,(–-]{{0,4}}(?:(?:in|of|near)\s+)?(?:the\s+)?(?:ukraine's\s+|russia's\s+|neighbou?ring\s+)?"
    rf"(?P<lat>{_OTHER_REGIONS_LATIN})(?:'s)?\s+{_REGION_NOUN}"
    rf"|^[\s,(–-]{{0,4}}(?:(?:in|of)\s+)?(?P<country>ukraine|belarus)(?=\s*[,.;:)]|\s*$)"
    rf"|^[\s,(–-]{{0,4}}(?:(?:в|у|на)\s+)?(?P<cyr>{_OTHER_REGIONS_CYRILLIC})\w*\s+(?:област|област|обл\b|район|краю)"
    rf"|^[\s,(–-]{{0,4}}(?:(?:в|на)\s+)?(?P<cyrcountry>украин|україн)"
)
_BEFORE_OUTSIDE = re.compile(
    rf"(?:(?P<lat>{_OTHER_REGIONS_LATIN})(?:'s)?\s+{_REGION_NOUN}(?:'s)?"
    rf"|(?P<country>ukraine's|ukrainian))[\s,]+(?:(?:border\s+|frontline\s+|front-line\s+)?"
    rf"(?:village|town|settlement|city|hamlet)s?\s+(?:of\s+)?)?$"
    rf"|(?P<cyr>{_OTHER_REGIONS_CYRILLIC})\w*\s+(?:области|облasti|обл\.|района)\s+"
    rf"(?:(?:село|селе|села|поселок|поселке|деревня|деревне|хутор|населенный пункт)\s+)?$"
)
_NEXT_IS_RIVER = re.compile(r"^\s+(?:river|reka|река|реки|реке|рекой|реку|річка|річки|lake|озеро)\b")

# A place cue just before a name: strong ones name a settlement outright.
_CUE_BEFORE = re.compile(
    r"(?:\b(?:near|in|at|from|outside|around|toward|towards|into|to|of|by|liberated|captured|"
    r"recaptured|retook|retaken|took|entered|seized|shelled|struck|hit|attacked|village|villages|town|"
    r"settlement|settlements|hamlet|khutor|selo|"
    r"в|во|под|у|из|возле|около|близ|рядом с|в районе|у села|село|селе|села|селом|деревня|деревне|"
    r"деревни|поселок|поселке|поселка|поселком|пос\.|с\.|д\.|п\.|х\.|хутор|хуторе|хутора|"
    r"населенный пункт|населенного пункта|населенном пункте|біля|поблизу|під|селі|селища|селище)"
    r"\s+(?:the\s+)?(?:(?:village|town|settlement)\s+of\s+)?)$"
)
_CITY_CUE_BEFORE = re.compile(r"(?:\bcity\s+of|\bregional\s+(?:capital|centre|center)\s+(?:of\s+)?)\s*$")
_CITY_CUE_AFTER = re.compile(r"^(?:'s)?\s+(?:city|airport|mayor|governor's\s+office|residents|nuclear)\b")
# A name followed by a speech verb is a person ("Zhukov said"), not a village.
_SPEAKS_AFTER = re.compile(
    r"^\s+(?:also\s+)?(?:said|says|told|added|stated|wrote|noted|claimed|announced|reported|"
    r"заявил\w*|сообщил\w*|отметил\w*|добавил\w*|написал\w*|рассказал\w*)\b"
)
_TOWN_CATEGORIES = frozenset({"city", "town", "urban_type_settlement", "work_settlement"})
#: A town decides among same-named villages only when it outweighs each of them this much.
_TOWN_OUTWEIGHS = 10
#: How far around a name to look for context cues, in characters.
_CUE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class _Context:
    """What the whole document says, computed once per document."""

    folded: str
    sentences: list[tuple[int, int]]
    districts: frozenset[str]
    anchors: tuple[Place, ...]
    anchor_starts: tuple[int, ...]
    other_region: str | None


def _window_after(ctx: _Context, end: int, sentence: tuple[int, int]) -> str:
    return ctx.folded[end:min(sentence[1], end + _CUE_WINDOW)]


def _window_before(ctx: _Context, start: int, sentence: tuple[int, int]) -> str:
    return ctx.folded[max(sentence[0], start - _CUE_WINDOW):start]


def _outside_reason(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> str | None:
    after = _AFTER_OUTSIDE.search(_window_after(ctx, cand.end, sentence))
    before = _BEFORE_OUTSIDE.search(_window_before(ctx, cand.start, sentence))
    for match in (after, before):
        if match:
            label = next(v for v in match.groupdict().values() if v)
            return f"outside the oblast: the text places it in {label}"
    return None


def _has_place_cue(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> bool:
    before = _window_before(ctx, cand.start, sentence)
    return bool(_CUE_BEFORE.search(before)) and not before.rstrip().endswith(("«", '"', "“"))


def _sentence_of(ctx: _Context, offset: int) -> tuple[int, int]:
    i = span_index(ctx.sentences, offset)
    return ctx.sentences[i] if i is not None else (offset, offset + 1)


def _pick_among(cands: Sequence[Place], ctx: _Context, settings: Settings) -> tuple[Place | None, str]:
    """Choose among same-named settlements, or give the reason for abstaining."""
    n = len(cands)
    in_named = [p for p in cands if p.district_id in ctx.districts]
    if len(in_named) == 1:
        return in_named[0], f"{n} candidates; district named in the text: {in_named[0].admin2}"
    pool = in_named or list(cands)
    spread = max((distance_km(a, b) for a, b in combinations(pool, 2)), default=0.0)
    if spread <= settings.cluster_km:
        best = max(pool, key=lambda p: (p.population, p.place_id))
        return best, f"{len(pool)} candidates within {spread:.1f} km of each other: the largest"
    anchors = [a for a in ctx.anchors if a.place_id not in {p.place_id for p in pool}]
    if anchors:
        ranked = sorted((min(distance_km(p, a) for a in anchors), p.place_id, p) for p in pool)
        best_km, _, best = ranked[0]
        second_km = ranked[1][0] if len(ranked) > 1 else float("inf")
        if best_km <= settings.near_km and second_km >= 2 * best_km + settings.cluster_km:
            return best, (f"{len(pool)} candidates; nearest the article's other places "
                          f"({best_km:.0f} km, next {second_km:.0f} km)")
    towns = [p for p in pool if p.category in _TOWN_CATEGORIES]
    if len(towns) == 1:
        town = towns[0]
        others = [p for p in pool if p is not town]
        if all(town.population >= _TOWN_OUTWEIGHS * max(p.population, 1) for p in others):
            return town, f"{len(pool)} candidates: the only town, {_TOWN_OUTWEIGHS}x larger than the others"
    districts = sorted({p.admin2 or "?" for p in pool})
    return None, (f"{len(pool)} candidates in {', '.join(districts)}; no district named, "
                  "no nearby place to decide")


def _document_context(text: str, cands: Sequence[Candidate], gaz: Gazetteer) -> _Context:
    folded = fold(text)
    sentences = sentence_spans(text)
    districts = frozenset(
        pid for c in cands for pid in c.place_ids
        if gaz.places[pid].place_type is PlaceType.DISTRICT and len(c.place_ids) == 1
    )
    unambiguous = [
        c for c in cands
        if len(c.place_ids) == 1 and not c.is_common_word
        and gaz.places[c.place_ids[0]].place_type is PlaceType.SETTLEMENT
    ]
    anchors = tuple(sorted({gaz.places[c.place_ids[0]] for c in unambiguous}))
    has_kursk = "kursk" in folded or "курск" in folded or "курщин" in folded or bool(districts)
    other = None
    if not has_kursk:
        match = re.search(rf"\b({_OTHER_REGIONS_LATIN})\b|({_OTHER_REGIONS_CYRILLIC})", folded)
        other = match.group() if match else None
    return _Context(folded, sentences, districts, anchors, tuple(c.start for c in unambiguous), other)


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
        ``Matcher.scan(text)``.
    gaz
        The gazetteer the matcher was built from.
    settings
        ``near_km``, ``cluster_km`` and ``context_chars`` are used.

    Returns
    -------
    tuple of Resolution
        One per candidate, in text order.
    """
    ctx = _document_context(text, cands, gaz)
    namesake = gaz.namesake_city_id
    out = []
    for cand in cands:
        sentence = _sentence_of(ctx, cand.start)
        place_id, reason = _decide(cand, sentence, ctx, gaz, namesake, settings)
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
    outside = _outside_reason(ctx, cand, sentence)
    if outside:
        return None, outside
    if _NEXT_IS_RIVER.search(_window_after(ctx, cand.end, sentence)):
        return None, "names a river, not a settlement"
    if " " not in cand.surface and _SPEAKS_AFTER.search(_window_after(ctx, cand.end, sentence)):
        return None, "a speaker, not a place: a speech verb follows the name"
    if ids == (namesake,):
        return _decide_namesake(cand, sentence, ctx, gaz)
    if ctx.other_region:
        return None, f"the article names {ctx.other_region} and never Kursk oblast"
    if cand.is_common_word and not _has_place_cue(ctx, cand, sentence) and not _has_neighbour(ctx, cand, sentence):
        return None, "also a common word; no place cue and no other place in the sentence"
    if all(e.tier is Tier.UKRAINIAN for e in cand.entries) and not _has_kursk_context(ctx, cand, places, settings):
        return None, ("a Ukrainian spelling derived from the Russian name, with no Kursk place or district "
                      "nearby to confirm it (Ukraine has places of that name too)")
    if len(places) == 1:
        return ids[0], "the only place of that name in the oblast"
    chosen, reason = _pick_among(places, ctx, settings)
    return (chosen.place_id if chosen else None), reason


def _has_kursk_context(ctx: _Context, cand: Candidate, places: Sequence[Place], settings: Settings) -> bool:
    """The paragraph names the oblast or a district, or another place of the article lies near."""
    para_start = ctx.folded.rfind("\n", 0, cand.start) + 1
    para_end = ctx.folded.find("\n", cand.end)
    paragraph = ctx.folded[para_start:len(ctx.folded) if para_end < 0 else para_end]
    if "kursk" in paragraph or "курськ" in paragraph or "курщин" in paragraph or "курск" in paragraph:
        return True
    others = [a for a in ctx.anchors if a.place_id not in {p.place_id for p in places}]
    return any(distance_km(p, a) <= settings.near_km for p in places for a in others)


def _decide_namesake(cand: Candidate, sentence: tuple[int, int], ctx: _Context,
                     gaz: Gazetteer) -> tuple[str | None, str]:
    """'Kursk': the city in Cyrillic or with a city cue; the oblast otherwise."""
    city_id = cand.place_ids[0]
    if not cand.surface.isascii():
        return city_id, "the city: Russian writes the oblast as 'Курская область'"
    before = _window_before(ctx, cand.start, sentence)
    after = _window_after(ctx, cand.end, sentence)
    if _CITY_CUE_BEFORE.search(before) or _CITY_CUE_AFTER.search(after):
        return city_id, "the city: the text says so"
    return gaz.region.place_id, "the oblast: 'Kursk' alone names the region in war reporting"


def _has_neighbour(ctx: _Context, cand: Candidate, sentence: tuple[int, int]) -> bool:
    """Another unambiguous, non-common place is named in the same sentence."""
    return any(sentence[0] <= start < sentence[1] and start != cand.start for start in ctx.anchor_starts)
