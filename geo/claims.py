"""Claims about losses and forces: sentences in, ``Claim`` records out.

For every sentence of the article body (page chrome excluded):

1. find the kind triggers ("killed or wounded", "casualties", "went missing", "deployed",
   "погибли", "взяты в плен" …, ``lexicon.KIND_TRIGGERS``), dropping those that are
   hypothetical or incidental ("to avoid capture", "rather than surrendering", "the high
   casualty rate", "wounded soldiers" as an adjective, "troops sent by" as a participle);
2. find the amounts (``figures.find_amounts``) that count people: an amount followed by a
   force noun or a trigger, or preceded by a trigger ("lost up to a battalion") or by a
   loss noun's predicate ("casualties … have reached about 3,000"); not ground, equipment,
   strikes or ambulance crews;
3. pair each amount with the trigger of its clause (the loss noun it is the predicate of,
   "irrecoverable losses amounted to 3 100", first; then after it, then before it): one
   claim per pair, so "300 killed and another 2,700 wounded" gives two, and "killed 21
   near Plekhovo and captured two near Kurilovka" two clauses;
4. a trigger with no amount makes a claim only when it asserts something: losses that are
   suffered or qualified ("suffered heavy losses"), an act ("committing suicide"), a
   finite verb ("had died"), or more forces ("not seeing more being sent");
5. a fraction ("two-thirds of whom") is scaled against the total it refers to;
6. the quote is the clause that holds the claim; the claimant comes from ``attribution``;
   the places are those named in the claim's own clause when its sentence holds several
   claims, else the sentence, else the paragraph (plus the village of an attack that
   casualties refer back to), else the oblast when the article is set there, else none
   (unplaced: another region, the whole front or the whole war), and "the losses … near
   Plekhovo" hands its villages back to the claim it refers to;
7. the date is the one the claim's own words give, else its sentence's
   (``dates.claim_date``: "за минулу добу" is the day before publication).

Pure: the document, its resolutions and the gazetteer in; claims out.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.attribution import (
    Speakers,
    bookend_source,
    claimant_for,
    find_attributions,
    headline_document_source,
    is_hedged,
    record_speakers,
)
from geo.claimants import OUTLETS
from geo.control import ControlSpan, find_control, is_ground_at
from geo.dates import claim_date
from geo.drafts import Draft
from geo.figures import Amount, find_amounts, scale_figure
from geo.gazetteer import Gazetteer
from geo.heads import HeadIndex, Heads, top_level_alternatives
from geo.lexicon import (
    BLOCKERS_BEFORE,
    FORCE_NOUNS,
    HISTORIC,
    KIND_TRIGGERS,
    LIST_BULLET,
    NON_CONFIRMATIONS,
    PRESENCE_IN_AREA,
    PRESENCE_TRIGGERS,
    SPEECH_VERBS,
)
from geo.linking import link_places
from geo.loss_lexicon import (
    AMOUNT_PREDICATES,
    CIVIL_CREWS,
    FINITE_LOSS_VERBS,
    GROUND_COUNTED,
    GROUND_NEAR,
    INTERCEPTIONS,
    LOSS_CAUSES,
    NOT_FORCES,
    NOT_PEOPLE,
    alternation,
)
from geo.model import Claim, Document, Figure, Kind, PlaceType, Resolution
from geo.regex_cache import compile_pattern
from geo.settings import DEFAULT_SETTINGS, Settings
from geo.text import Gated, fold, line_sentences, paragraph_spans


def _trigger_pattern() -> tuple[str, dict[str, Kind]]:
    """One alternation per script behind a one-character guard, and the kind of each group.

    Every trigger starts a word: the guard rejects the positions inside words before the
    alternation is tried there (a third of the extraction time was this scan). A Latin
    word then tries only the Latin triggers and a Cyrillic word only the Cyrillic ones,
    which halves the branches tried at each word; within a script the lexicon's order
    (first pattern wins) holds.
    """
    latin, cyrillic, kinds = [], [], {}
    for i, (kind, pattern) in enumerate(KIND_TRIGGERS):
        for script, out in (("l", latin), ("c", cyrillic)):
            alts = [a for a in top_level_alternatives(pattern) if _is_cyrillic_start(a) == (script == "c")]
            if alts:
                out.append(f"(?P<t{i}{script}>{'|'.join(alts)})")
                kinds[f"t{i}{script}"] = kind
    body = f"(?=[a-z0-9])(?:{'|'.join(latin)})|(?=[^\\W\\da-z_])(?:{'|'.join(cyrillic)})"
    return f"(?<!\\w)(?:{body})", kinds


def _is_cyrillic_start(alternative: str) -> bool:
    """Whether an alternative begins with a Cyrillic letter (after "\\b", "(?:" and the like)."""
    letters = re.sub(r"^(?:\\b|\(\?:|\(|\[)+", "", alternative)
    return bool(letters) and "\u0400" <= letters[0] <= "\u04ff"


_TRIGGER_SOURCE, _TRIGGER_KIND = _trigger_pattern()
_TRIGGER = compile_pattern(_TRIGGER_SOURCE)
#: The literals every trigger starts with ("kill", "погиб", "втрат" …): one pass over a document
#: finds them, and the alternation is tried only there, not at every word (issue 14).
_TRIGGER_HEADS = Heads.of(_TRIGGER)
_PRESENCE = compile_pattern(rf"(?:{PRESENCE_TRIGGERS})$")
_INTRANSITIVE = compile_pattern(r"arriv|rotat")
_PRESENCE_IN_AREA = compile_pattern(PRESENCE_IN_AREA)
_HISTORIC = compile_pattern(HISTORIC)
#: Searched only where one of their own literals occurs (issue 14).
_HISTORIC_CUED = Gated.of(_HISTORIC, is_folded=True)
_PRESENCE_IN_AREA_CUED = Gated.of(_PRESENCE_IN_AREA, is_folded=True)
_FORCE = compile_pattern(rf"^(?:{FORCE_NOUNS})$")
#: A trigger followed by whom it befell, one or two words on: "погиб мужчина",
#: "погибла мирная жительница", "ранены двое военных" (Russian puts the verb first).
_VERB_THEN_SUBJECT = compile_pattern(rf"^[\s,]+(?:[\w-]+\s+){{0,2}}(?:{FORCE_NOUNS})\b")
_BLOCKED = compile_pattern(rf"(?:\b(?:{BLOCKERS_BEFORE}))\s+(?:[\w'’-]+\s+){{0,3}}$")
_UNCONFIRMED = compile_pattern(NON_CONFIRMATIONS)
_AUX = compile_pattern(
    r"(?:\b(?:have|has|had|been|were|was|are|is|being|be|got|get|went|go|reportedly|allegedly|"
    r"lying|left|found)|были|было|был|была|оказались|стали)\s+$"
)
_PARTICIPLE_AFTER = compile_pattern(r"^\s+(?:with|to|in|by|for|into|from|on|at|across|under|near)\b")
_CLAUSE_BREAK = compile_pattern(
    r";|:\s|\s[–—-]\s|,\s+(?=(?:but|while|although|though|whereas|which|who|whom|with|saying|adding|according|"
    r"leading|following|corroborating|bringing|raising|taking|as|and\s+another|and\s+that|а|но|однако|хотя|при\s+этом"
    # "whereas" in Russian and Ukrainian: "…, тогда как южнокорейская разведка оценивает потери в 3000"
    r"|тогда\s+как|в\s+то\s+время\s+как|тоді\s+як|у\s+той\s+час\s+як|в\s+той\s+час\s+як)\b)"
    r"|\s(?=out\s+of\s+(?:a|the)\s+total\b)"
    # "…, a figure Seoul put at 4,700": another's figure for the same count
    r"|,\s+(?=(?:a|an|the)\s+(?:figure|number|estimate|toll|tally)\s+(?:that\s+)?(?-i:[A-Z])[\w'’.-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*)*\s+(?:put|puts|estimated|estimates|gave|gives|has\s+put|had\s+put|placed|places)\b)"
    # "…, and Radio Liberty posted imagery that shows …": a new speaker opens a clause of its own
    r"|,\s+(?=and\s+(?:[\w'’/.-]+\s+){1,6}?(?:said|says|posted|reported|wrote|added|noted|published)\b)"
    r"|,\s+(?=(?:including|в\s+том\s+числе|из\s+них)\s+(?:\d|up\s+to|at\s+least|more\s+than|some|about|around|nearly|over|более|около|до|свыше))"
    r"|,\s+(?=(?:ранен|погиб|убит|пропал|взят|wounded|injured|killed)\w*\s)"
    r"|\s(?=and\s+(?:another\b|\d|up\s+to|at\s+least|more\s+than|some\s+\d|about\s+\d|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds))|,\s+(?=(?:еще|ещё|ще|another|и\s+еще|і\s+ще)\s)|,\s+(?=(?:up\s+to|more\s+than|at\s+least|some|about|nearly|approximately|"
    r"around|over|two|three|half|a\s+third|\d))"
)
_LOSS_NOUN = compile_pattern(r"casualt|losses|deaths?|injuries|fatalit|death toll|потер|втрат")
_LOSS_LICENSE = compile_pattern(
    r"(?:suffer\w*|sustain\w*|incur\w*|fac(?:e|es|ed|ing)|tak(?:e|es|en|ing)|took|inflict\w*|heavy|"
    r"significant|huge|massive|serious|considerable|severe|staggering|high|mounting|understand\s+that\s+their|"
    r"несут|понесли|понес\w*|несет|значительн\w*|тяжел\w*|больш\w*|огромн\w*|зазна\w*|велик\w*)"
    r"[\s\"“”«»'’]+(?:[\w\"“”«»'’-]+\s+){0,2}$"
)
_LOSS_FIGURES = compile_pattern(r"^\s*(?:figures?|toll|count|numbers?)\b")
#: What licenses a bare loss noun besides an adjective or "suffered": an event that caused
#: it or an existential ("which have led to civilian fatalities", "there had already been
#: casualties among …").
_LOSS_CAUSE = compile_pattern(alternation(LOSS_CAUSES) + r"\s+(?:[\w'’-]+\s+)?$")
#: A loss noun whose predicate qualifies it: "Enemy losses in the area are very heavy".
_LOSS_PREDICATE = compile_pattern(
    r"^(?:\s+[\w'’-]+){0,6}?\s+(?:are|were|is|was|remain(?:ed|s)?|остаются|являются|є)\s+"
    r"(?:very\s+|extremely\s+|particularly\s+|очень\s+|дуже\s+)?"
    r"(?:heavy|high|significant|huge|massive|considerable|serious|severe|enormous|тяжел\w*|огромн\w*|значн\w*)")
#: Russian and Ukrainian finite forms of death and injury: a predicate wherever it stands
#: ("мирный житель села погиб", "корейців, які загинули"), unlike the participles
#: ("погибших", "раненые") that the adjective test keeps out.
_FINITE_LOSS_VERB = compile_pattern(alternation(FINITE_LOSS_VERBS))
#: A negation before a loss verb: "никто не погиб", "ніхто не постраждав".
_NEGATED = compile_pattern(r"(?:\bне|\bnot|\bno|никто|ніхто|nobody)\s+(?:[\w'’-]+\s+)?$")
#: "of the" that blocks no trigger (it is no "the scale of the losses"): the period a figure
#: covers, "Since the start of the incursion Ukrainian losses had exceeded 66,000".
#: (The trigger's 40-character window may cut "since" off: the period's noun is enough.) Nor
#: is the unit of the soldiers who act: "servicemen of the Battlegroup North captured 15". Nor a
#: share counted of them: "About 300 of the casualties were deaths".
_OF_THE_NO_BLOCK = compile_pattern(
    rf"\b(?P<head>start|beginning|outset|launch|(?:{FORCE_NOUNS})|\d[\d,.]*)\s+of\s+the\s+(?=(?:[\w'’-]+\s+){{0,3}}$)")
#: A hedge that still reports an event: "could have killed or wounded", "may have died".
_HEDGED_PAST = compile_pattern(r"\b(?:could|may|might|would)\s+(?:also\s+)?have\s+(?:been\s+)?$")
#: Urged, not done: "they were urged to commit suicide before being captured".
_URGED = compile_pattern(r"\b(?:urged|ordered|told|instructed|encouraged|asked|called\s+on|force|forcing|compel|compelling)"
                    r"\s+(?:\w+\s+)?to\s+(?:\w+\s+)?$")
#: An amount right before a trigger word: "Ten wounded people" is a head count, not an adjective.
_AMOUNT_BEFORE = compile_pattern(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands"
    r"|двое|трое|четверо|пятеро|двоє|троє))\s+$")
#: Words between an amount and its force noun that keep it a head count: copulas and
#: "есть"/"є" ("25,2 тис. є безповоротними втратами").
_COUNT_LINKS = frozenset(
    "have has had were was are been being of из их and or и или та і є это це составляют составили "
    "становлять становили сягнули reached amounted totaled totalled".split())
#: Crews that are not forces: "направлены дополнительные бригады скорой помощи".
_CIVIL_CREWS = compile_pattern(r"^\W*(?:[\w-]+\s+){0,2}" + alternation(CIVIL_CREWS) + r"\b")
#: People who are no forces (``loss_lexicon.NOT_FORCES``): where they are or are sent is no deployment.
_NOT_FORCES = compile_pattern(alternation(NOT_FORCES) + "$")
#: Words that end the phrase counted after an amount or a verb: a preposition, a conjunction, a
#: relative ("200 soldiers and civilians" counts soldiers; "sent to protect residents" sends no one).
_PHRASE_END = frozenset(
    "and or in at to into from near with for who which that и или в во у на до под к из с со для "
    "которые что і й та або з із зі під біля для які що".split())
#: Words between a verb and the noun before it: "journalists were sent", "refugees have arrived".
_AUX_WORDS = frozenset("have has had been were was are is being also reportedly already now были было был была".split())
#: Sent to hospital: the wounded carried, no forces deployed.
_TO_HOSPITAL = compile_pattern(r"\s+(?:to|into|в|во|до|у)\s+(?:the\s+|a\s+)?(?:hospital|госпитал|больниц|лікарн|шпитал)")


def _names_no_forces(words: Sequence[str]) -> bool:
    """Whether the phrase ``words`` (up to its end) names people who are no forces."""
    for word in words[:3]:
        if word in _PHRASE_END:
            return False
        if _NOT_FORCES.match(word):
            return True
    return False


def _deploys_no_forces(folded: str, start: int, end: int, sentence: tuple[int, int], *, before: bool) -> bool:
    """Whether a deployment's people are no forces: the phrase after ``folded[start:end]`` (the
    amount, or the verb and its object), and with ``before`` the noun before the verb ("refugees
    arrived", "journalists were sent"): "В Судже находятся около 50 мирных жителей" is no force
    deployed, "About 150 children were sent to Kursk" neither."""
    after = re.findall(r"[\w'’-]+", folded[end:min(sentence[1], end + 60)])
    if _names_no_forces([w for w in after if w not in ("of", "the", "из", "з", "із")]):
        return True
    if _TO_HOSPITAL.match(folded, end, sentence[1]):
        return True  # "About 100 wounded soldiers were sent to hospitals in Kursk": the wounded, not forces
    if not before:
        return False
    ahead = [w for w in reversed(re.findall(r"[\w'’-]+", folded[max(sentence[0], start - 60):start]))
             if w not in _AUX_WORDS]
    return bool(ahead) and _NOT_FORCES.match(ahead[0]) is not None


#: A loss noun's predicate that states its amount: "losses amounted to", "потери составили",
#: "втрати сягнули", "поранено –". The amount then belongs to the noun before it.
_COPULA = compile_pattern(r"[\s\w'’“”«»\"-]{0,60}?\s" + alternation(AMOUNT_PREDICATES) + r"\s+$|\s*[–—-]\s*$")
#: Words for ground that an amount may count instead of people.
_GROUND = compile_pattern(alternation(GROUND_COUNTED) + "$")
#: A word for ground near a trigger of capture or loss: "villages … captured", "lost territory".
_GROUND_NEAR = compile_pattern(alternation(GROUND_NEAR))
#: "destroyed" counts people only after a force noun: "a garrison … was practically destroyed".
_FORCE_BEFORE = compile_pattern(rf"(?<!\w)(?:{FORCE_NOUNS})\b")
_DETERMINER = compile_pattern(r"(?:\b(?:the|their|its|these|those|such|this|his|her|of|amid)|'s)\s+(?:[\w'’-]+\s+){0,2}$")
_MORE_FORCES = compile_pattern(
    r"\b(?:more|additional|further|fresh|new|extra|another|increase|increasing|rise|growth|ещё|еще|дополнительн\w*"
    r"|новые|нові|рост\w*|увеличени\w*|збільшенн\w*|зростанн\w*)\b"
)
#: Forces as the subject of a passive deployment: "The 95th brigade has been deployed in the
#: region", "Ukrainian troops were sent to Kursk" (not "troops deployed in …", a participle).
_FORCE_THEN_AUX = compile_pattern(
    r"(?<![\w'’-])(?:troops|soldiers|forces|units?|brigades?|battalions?|regiments?|divisions?|servicemen|marines"
    r"|paratroopers|reinforcements|reserves|personnel)\s+(?:have|has|had|was|were|is|are)\s+"
    r"(?:(?:been|now|also|reportedly|already)\s+)*$")
#: The participles of sending ("deployed", "sent", "transferred"), not "are sending" (active) nor
#: "are being used" (forces operating, GOLD.md).
_PASSIVE_DEPLOYED = compile_pattern(r"(?:re)?deployed|sent|transferred|dispatched|stationed|redeployed|concentrated"
                                    r"|(?:a)?massed|thrown|drawn|pulled\s+into|thrown\s+into|drawn\s+into")
#: Forces right before "arrived": "North Korean troops have arrived in the Kursk region" (GOLD.md:
#: forces that arrived are deployed; residents who arrived are not).
_TROOPS_BEFORE = compile_pattern(
    r"(?<![\w'’-])(?:troops|soldiers|forces|units|servicemen|reinforcements|reserves|brigades?|battalions?|marines"
    r"|paratroopers|personnel)\s+(?:(?:have|has|had)\s+)?(?:(?:already|reportedly|now|also|finally)\s+)?$")
#: Movement words that assert a deployment without a figure ("moved into", "began entering").
_MOVEMENT = compile_pattern(r"mov(?:ed|ing|es?)\s+into|(?:began|begin|started|start)\s+entering|holed\s+up|hunker"
                       r"|(?:troops|soldiers|forces|units)\s+(?:have\s+|had\s+)?enter"
                       r"|(?:военные|войска|солдаты|військові|війська|солдати)\s+(?:вошли|зашли|увійшли|зайшли)"
                       r"|dropped\s+off|airdropped|высад|висад")
#: A force noun right after a deployment verb: "перемещает силы", "залучити туди військових",
#: "sent some of its best units", "moved their elite brigades".
_FORCE_AFTER = compile_pattern(
    # "перекинула до Курщини додаткові резерви": the destination may stand before the forces
    rf"^\s+(?:(?:в|во|до|у|на)\s+[\w'’-]+(?:\s+област\w*|\s+облаcт\w*|\s+регион\w*|\s+район\w*)?\s+)?"
    rf"(?:(?:туда|туди|there|in|of|дополнительн\w*|додатков\w*|new|fresh)\s+)?"
    rf"(?:(?:(?:some|part|many|most|several|one|two|three)\s+of\s+)?(?:its|their|his|the)\s+)?"
    rf"(?:[\w'’-]+\s+)?(?:{FORCE_NOUNS})\b")
#: Forces named before the verb and taken up by a pronoun after it, with where they go: "gathers
#: reserves and moves them to Kursk", "собирает резервы и перебрасывает их под Курск", "знімає
#: підрозділи та перекидає їх на Курщину" (the force noun is looked for before, ``_FORCE_BEFORE``).
_PRONOUN_THEN_PLACE = compile_pattern(r"^\s+(?:them|их|їх)\s+(?:to|into|towards|в|во|на|под|до|під|у)\s")
_SELF_EVIDENT = compile_pattern(r"self-destruction|suicide|blew themselves up|replenished|reinforc")
_ANAPHORIC_NUMBER = compile_pattern(
    r"\b(?:their|the|its)\s+(?:number|numbers|strength|count)\s+(?:at|to|of|is|was|as)\s*$"
    # "bringing the total in the area to some 10,000", "out of a total of 10,000"
    r"|\b(?:bringing|brings|brought|raising|raises|raised)\s+(?:the|their|its)\s+(?:total|number|tally|toll)\b"
    r"[^.;]{0,60}?\bto\s*$|\ba\s+total\s+of\s*$")
#: "put the number of Pyongyang's soldiers in Kursk – … – at about 8,000": the count of the forces before.
_PUT_AT = compile_pattern(r"\bput(?:s|ting)?\s+(?:the|their|its)\s+(?:number|total|strength|count)\b[^.;]{0,200}?\bat\s*$")
#: A part of a total named after its predicate: "пострадали 12 человек, в том числе двое детей".
_INCLUDING = compile_pattern(r",\s+(?:including|в\s+том\s+числе|у\s+тому\s+числі|в\s+тому\s+числі|из\s+них|з\s+них"
                        r"|среди\s+них|серед\s+них|among\s+them)\s")
#: An inverted speech verb right before an amount: the amount counts the speakers ('…," said one
#: commander'), unlike the complement of a verb in place ("The ministry said 12 soldiers were killed").
_SPEAKERS_COUNT = compile_pattern(r"[,\"”»]\s*(?:said|says|told)\s+$")
#: The amount after "said" is the subject of the reported clause when a verb follows it: "Lee
#: Sung-kweun, a lawmaker, said some 2,700 had been wounded", "Budanov, …, said 11,000 North
#: Korean troops were in Kursk" (not '"We lost 40," said one commander').
_REPORTED_SUBJECT = compile_pattern(r"(?:\s+[\w'’-]+){0,4}?\s+(?:had|have|has|were|was|are|is|remain(?:s|ed)?)(?!\w)")
#: Personnel counted as units: "85 одиниць особового складу", "120 единиц личного состава".
_PERSONNEL_UNITS = compile_pattern(r"\s*(?:одиниц\w*\s+особового\s+складу|единиц\w*\s+личного\s+состава)")
#: A military unit as the amount, in Russian and Ukrainian: a count of forces whatever follows it
#: ("потерял до роты пехоты и три танка").
_UNIT_AMOUNT = compile_pattern(r"(?<!\w)(?:батальон|батальйон|рот[аиуы](?!\w)|роту(?!\w)|взвод|полк|бригад)")
#: "a 50,000-strong group of troops": a force of that size.
_STRONG = compile_pattern(r"[-\u2010\u2011]strong\b")
_FIGURE_ONLY_KIND = compile_pattern(r"similar|comparable|the same")
#: A list item under a lead that ends in a colon: "Минобороны сообщило о потерях ВСУ:\n— более 200
#: военнослужащих;" (the item's kind is the lead's). The item starts with a dash or a bullet.
_LIST_ITEM = compile_pattern(rf"[ \t]*{LIST_BULLET}")
#: The lead of such a list speaks of losses: its items' kind is killed or wounded (GOLD.md: "losses").
_LOSS_LEAD = compile_pattern(r"(?<!\w)(?:потер\w*|втрат\w*|втратил\w*|втратив|losses|lost|casualt\w*)(?!\w)")
#: The lead line: its text up to the colon at its end, and no line break inside.
#: How far back (characters) the lead of a list item is looked for: a lead and a dozen items.
_LEAD_REACH = 600
_LEAD_LINE = compile_pattern(rf"([^\n]*):[ \t]*\n(?:[ \t]*{LIST_BULLET}[^\n]*\n)*[ \t]*$")


#: How far around an amount (in characters) its head-count test looks: a structural cap.
_LOOK_AHEAD = 80
#: What an amount may count that is not people: equipment, weapons, vehicles.
_EQUIPMENT = compile_pattern(alternation(NOT_PEOPLE) + "$")
#: An equipment word anywhere: "including two using multiple launch rocket systems".
_EQUIPMENT_WORD = compile_pattern(r"(?<!\w)" + _EQUIPMENT.pattern[:-1] + r"\b")
#: The object right after a verb (a number and an adjective may come first) is equipment.
_OBJECT_IS_EQUIPMENT = compile_pattern(
    r"\s+(?!(?:в|во|на|у|от|из|с|со|по|за|под|при|після|під|біля|внаслідок|in|at|on|from|by|during|after|near|as)"
    # "lost more than 300 tanks": a bound may stand first
    r"(?!\w))(?:(?:more\s+than|over|about|around|up\s+to|at\s+least|nearly|almost|более|свыше|около|почти"
    r"|понад|близько|майже)\s+)?(?:[\w'’-]+\s+){0,2}?" + _EQUIPMENT.pattern[:-1] + r"\b")

#: Air defence at work in a sentence: its bare amounts "lost" are drones, not people.
_INTERCEPTION_CUED = Gated.of(compile_pattern(alternation(INTERCEPTIONS)), is_folded=True)

#: A trigger this close before an amount governs it ("killed 15", "lost up to 200").
_GOVERNS = 3

#: How far (in characters) an amount alone in its clause may be from a trigger.
_NEAR_TRIGGER = 80


@dataclass(frozen=True, slots=True)
class _Trigger:
    start: int
    end: int
    kind: Kind


def _raw_triggers(folded: str, start: int, end: int) -> list[_Trigger]:
    """Every kind trigger in folded[start:end], unfiltered."""
    return [_Trigger(m.start(), m.end(), _TRIGGER_KIND[m.lastgroup]) for m in _TRIGGER.finditer(folded, start, end)]  # type: ignore[index]


def _with_presence(triggers: list[_Trigger], folded: str, sentence: tuple[int, int]) -> list[_Trigger]:
    """The triggers, and "N troops are in Kursk" (lexicon.PRESENCE_IN_AREA) where the sentence has an amount."""
    found = [_Trigger(m.start(), m.end(), Kind.DEPLOYED) for m in _PRESENCE_IN_AREA_CUED.finditer(folded, *sentence)]
    return sorted([*triggers, *found], key=lambda t: t.start) if found else triggers


def _triggers(heads: HeadIndex, start: int, end: int) -> list[_Trigger]:
    """Kind triggers of a sentence that are neither hypothetical nor incidental.

    ``heads`` is ``_TRIGGER_HEADS.index`` of the folded document (built once per document).
    """
    folded = heads.text
    out = []
    for m in heads.finditer(start, end):
        kind = _TRIGGER_KIND[m.lastgroup]  # type: ignore[index]
        before = folded[max(start, m.start() - 40):m.start()]
        unblocked = _OF_THE_NO_BLOCK.sub(r"\g<head> ", before) if " of the " in before else before
        if _BLOCKED.search(unblocked) and not _HEDGED_PAST.search(before):
            continue
        if _UNCONFIRMED.search(folded, start, m.start()):
            continue  # "He did not confirm that its troops had been encircled": the other side's claim
        if re.search(r"\b(?:after|before|without)\s+being\s+$", before) or _URGED.search(before):
            continue
        after_word = re.match(r"\s+([\w'’-]+)", folded[m.end():end])
        if (kind in (Kind.WOUNDED, Kind.KILLED, Kind.CAPTURED) and after_word
                and _FORCE.match(after_word.group(1)) and _is_attributive(m.group())
                and not _AMOUNT_BEFORE.search(before) and not _COUNT_NOUN_BEFORE.search(before)):
            continue  # "wounded soldiers", "раненые военные": an adjective, not the predicate
            # (but "число погибших мирных жителей возросло до 7": the count of them)
        if kind is Kind.DEPLOYED and _is_participle(folded, m.start(), m.end(), start):
            continue
        if kind is Kind.CAPTURED and (_RETURNED_BEFORE.search(folded, max(start, m.start() - 80), m.start())
                                      or _RETURNED_AFTER.match(folded, m.end(), end)):
            continue  # "84 prisoners of war were returned in the swap": an exchange, not a capture
        out.append(_Trigger(m.start(), m.end(), kind))
    return out


#: Prisoners returned home in an exchange: no capture is reported ("вернулись 150
#: военнослужащих, попавших в плен", "84 prisoners of war were returned in the swap").
_RETURNED_BEFORE = compile_pattern(
    r"(?<!\w)(?:вернул\w*|возвращен\w*|возвращ[её]н\w*|повернул\w*|повернен\w*|returned|repatriated|exchanged"
    r"|swapped|обменя\w*|обміня\w*)\s+(?:[\w'’,-]+\s+){0,6}$")
_RETURNED_AFTER = compile_pattern(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:were|was|have\s+been|had\s+been|are|is|will\s+be)\s+(?:\w+\s+)?"
    r"(?:returned|exchanged|swapped|released|freed|repatriated|handed\s+over)\b")

#: Endings of Russian adjectives and full participles (раненые, мирная, погибших).
_ADJECTIVE_ENDINGS = "(?:ый|ой|ий|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ым|им|ыми|ими|ую|юю)"
_ADJECTIVE_ENDING = compile_pattern(_ADJECTIVE_ENDINGS + "$")
#: Active participles and adjectives in the oblique cases: "близким погибшей", "погибших".
_PARTICIPLE = compile_pattern(r"(?:ш|щ)(?:ий|ая|ее|ие|его|ей|их|им|ими|ую|ем|ему|ої|ій|их|і)$|" + _ADJECTIVE_ENDINGS + "$")


def _is_attributive(word: str) -> bool:
    """Whether a trigger word before a noun describes it rather than predicating of it.

    English "wounded soldiers" does; Russian says it with a full (adjectival) form,
    "раненые военные", while the short forms and the past tense are predicates that
    come first in the sentence: "ранены двое военных", "погиб мужчина".
    """
    return word.isascii() or bool(_ADJECTIVE_ENDING.search(word))


def _is_participle(folded: str, t_start: int, t_end: int, s_start: int) -> bool:
    """'troops deployed in', 'soldiers sent by': a noun's modifier, not the predicate.

    Not an intransitive verb, which has no passive participle: "soldiers arrived in Kursk".
    """
    if _INTRANSITIVE.match(folded, t_start):
        return False
    prev = re.search(r"([\w'’-]+)[\s,]+(?:reportedly\s+)?$", folded[s_start:t_start])
    return bool(prev and _FORCE.match(prev.group(1)) and _PARTICIPLE_AFTER.match(folded[t_end:t_end + 12]))


def _clauses(text: str, start: int, end: int, trigger_starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Split a sentence into clauses at semicolons, dashes and conjunction commas, and
    before "and" that joins a second predicate (``trigger_starts``): "killed 21 near
    Plekhovo and captured two near Kurilovka" is two clauses, each with its village."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    for t in trigger_starts:
        m = _AND_PREDICATE.search(text, max(start, t - 30), t)
        if m and any(start <= other < m.start() for other in trigger_starts):
            breaks.append(m.start())
    if trigger_starts:
        breaks += [m.start() for m in _INCLUDING.finditer(text, min(trigger_starts), end)]
    cuts = [start]
    for b in sorted(breaks):
        if b > cuts[-1]:
            cuts.append(b)
    cuts.append(end)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and not text[a].isalnum() and text[a] not in "“«\"‘'":
            a += 1
        while b > a and text[b - 1] in " ,;:–—-":
            b -= 1
        if a < b:
            out.append((a, b))
    return out or [(start, end)]


#: "and" (и, і, та, й) right before a predicate, at most one word between: "… and captured
#: two", "… и взяли в плен двоих".
_AND_PREDICATE = compile_pattern(r"\s(?:and|и|і|та|й)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= pos < c[1]:
            return c
    return min(clauses, key=lambda c: abs(c[0] - pos))


def _counts_people(folded: str, amount: Amount, sentence: tuple[int, int], triggers: Sequence[_Trigger],
                   others: Sequence[int] = ()) -> bool:
    """Whether an amount is a head count: followed by a force noun or a trigger, or right after
    a trigger (with no other amount between them; ``others`` are the starts of the rest)."""
    if (_SPEAKERS_COUNT.search(folded, max(sentence[0], amount.start - 16), amount.start)
            and not _REPORTED_SUBJECT.match(folded, amount.end, sentence[1])):
        return False  # '"We lost X," said one commander': the speakers, not the losses
    if amount.figure.text and (_FORCE.match(fold(amount.figure.text.split()[-1]))
                               or _UNIT_AMOUNT.search(fold(amount.figure.text))):
        return True  # "a battalion", "up to a battalion of infantry", "до роты пехоты", "до двух батальйонов"
    if _STRONG.match(folded, amount.end):
        return True  # "a 50,000-strong group"
    tail = folded[amount.end:min(sentence[1], amount.end + _LOOK_AHEAD)]
    tokens = re.findall(r"[\w'’/-]*\w[\w'’/-]*", tail)[:7]  # a dash alone is no word ("15 тысяч — безвозвратные")
    if _PERSONNEL_UNITS.match(tail):
        return True  # "уражено 85 одиниць особового складу": people, counted as units
    if tokens and _EQUIPMENT.match(tokens[0]):
        return False  # "уничтожены три бронемашины", "destroyed 38 armoured vehicles"
    if _CIVIL_CREWS.match(tail):
        return False  # "бригады скорой помощи": ambulance crews, not forces
    unknown = 0
    for token in tokens:
        if token in ("of", "whom", "them", "the", "estimated", "more", "additional", "another", "other", "of",
                     # "треть из них погибла", "третина з них загинула": a share of the people before
                     "из", "з", "із", "них", "їх"):
            continue
        if _FORCE.match(token):
            return True
        after = [t for t in triggers if t.start >= amount.end and folded[t.start:t.end].startswith(token[:4])
                 and not (t.kind is Kind.DEPLOYED and _EQUIPMENT_WORD.search(folded, t.end, t.end + 40))]
        if not unknown and after:
            # a trigger right after the amount, not after other words ("34 air strikes using")
            return not _lost_to_air_defence(folded, sentence, after[0])
        if token in _COUNT_LINKS:
            continue  # "38,000 Russian and North Korean soldiers"
        if token[:1].isalpha() and token in _NATIONALITY_WORDS:
            continue
        if _GROUND.match(token):
            return False  # "captured 11 settlements", "30 square kilometres": ground, not people
        if _EQUIPMENT.match(token):
            return False  # "destroyed 40 Russian tanks": equipment after the amount's adjectives
        if token.replace("-", "").isalpha() and unknown < 2:
            unknown += 1  # "two elderly people", "оба сидевших внутри человека", "12 Western-supplied tanks"
            continue
        break
    head = folded[max(sentence[0], amount.start - _LOOK_AHEAD):amount.start]
    for t in triggers:
        if (t.end <= amount.start and (_LOSS_NOUN.match(folded, t.start) or _PRESENCE.match(folded[t.start:t.end])
                                       or _COUNT_NOUN_BEFORE.search(folded, max(sentence[0], t.start - 25), t.start))
                and _COPULA.match(folded, t.end, amount.start)
                and bisect_left(others, amount.start) == bisect_left(others, t.end)):
            return True  # "casualties among North Korean troops … have now reached about 3,000"
        if t.end <= amount.start and amount.start - t.end <= 40:
            between = bisect_left(others, amount.start) - bisect_left(others, t.end)
            if between == 0:
                return not _lost_to_air_defence(folded, sentence, t)
    return bool(_ANAPHORIC_NUMBER.search(head) or _PUT_AT.search(folded, sentence[0], amount.start))


#: A count named before its participle: "число погибших", "кількість загиблих", "the number of
#: people injured". Its predicate ("возросло до 7") states the count however far it stands.
_COUNT_NOUN_BEFORE = compile_pattern(r"(?<!\w)(?:число|количество|кількість|number\s+of(?:\s+people)?)\s+$")


def _lost_to_air_defence(folded: str, sentence: tuple[int, int], trigger: _Trigger) -> bool:
    """Whether a bare amount "lost" is a drone or a missile: "33 were intercepted and another
    36 were lost" (``loss_lexicon.INTERCEPTIONS``). Only the verb of losing is so read: "two
    were injured by the debris of a downed drone" still counts people."""
    return trigger.kind is Kind.KILLED_OR_WOUNDED and bool(_INTERCEPTION_CUED.search(folded, *sentence))


_NATIONALITY_WORDS = frozenset(
    "north south korean korea's russian ukrainian american pyongyang's pyongyang russia's ukraine's "
    "northkorean dprk kim's elite special regular foreign enemy own allied "
    "северокорейских северокорейские российских украинских вражеских "
    "російських українських північнокорейських ворожих".split()
)


def _pair(amount: Amount, triggers: Sequence[_Trigger], clause: tuple[int, int], next_amount: int,
          *, folded: str = "") -> _Trigger | None:
    """The trigger an amount belongs to: the one it is the predicate of ("irrecoverable losses
    amounted to 3,100"), else the first after it in its clause (before the next amount),
    else the last before it."""
    inside = [t for t in triggers if clause[0] <= t.start < clause[1]]
    governing = [t for t in inside if t.end <= amount.start and amount.start - t.end <= _GOVERNS]
    # not across a comma: "… 20 тисяч, санітарні — 40 тисяч" (the next figure's kind)
    right_after = [t for t in inside if amount.end <= t.start <= amount.end + 2 and t.kind is not Kind.DEPLOYED
                   and "," not in folded[amount.end:t.start]]
    kind_after = [t for t in triggers if amount.end <= t.start <= amount.end + 30 and folded
                  and _KIND_OF_AMOUNT.fullmatch(folded, t.start, t.end) and "," not in folded[amount.end:t.start]
                  and t.start < next_amount and not _KIND_LIST_GOES_ON.match(folded, t.end)]
    if kind_after:
        return kind_after[0]  # "потери составили 300 человек убитыми и 500 ранеными": the kind its words give
    if (governing and governing[-1].kind is Kind.KILLED_OR_WOUNDED and right_after
            and right_after[0].kind is not Kind.KILLED_OR_WOUNDED):
        return right_after[0]  # "втратив 25 «200-тих»", "lost 40 wounded": the kind right after the amount
    if (governing and governing[-1].kind is Kind.DEPLOYED and right_after
            and right_after[0].kind in (Kind.CAPTURED, Kind.WOUNDED)):
        return right_after[0]  # "находятся около 300 пленных": captives present, not forces
    if governing and governing[-1].kind is Kind.DEPLOYED and folded and _NUMBERED.match(folded, governing[-1].start):
        losses = [t for t in inside if t.end <= governing[-1].start and t.kind is not Kind.DEPLOYED]
        if losses and _NOUN_TAIL.fullmatch(folded, losses[-1].end, governing[-1].start):
            return losses[-1]  # "The deaths numbered about 300": the loss counted, not forces numbering
    if governing and governing[-1].kind is not Kind.DEPLOYED or (governing and amount.fraction is None):
        return governing[-1]  # "killed 15 soldiers and injured 30": the verb right before the amount
    before = [t for t in inside if t.end <= amount.start]
    if right_after and right_after[0].kind is not Kind.KILLED_OR_WOUNDED:
        return right_after[0]  # "потери составили 120 «двухсотых» и 300 «трехсотых»": the kind right after it
    if before and folded and (_COPULA.match(folded, before[-1].end, amount.start) or (
            _BOUND_VERB.match(folded, amount.start) and _NOUN_TAIL.fullmatch(folded, before[-1].end, amount.start))):
        return before[-1]  # "безвозвратные потери составили 1 200 человек, санитарные — 2 400", "… превысили 20 тысяч"
    after = [t for t in inside if amount.end <= t.start < next_amount]
    if amount.fraction is not None:
        # "a third of the estimated 10,000 troops deployed … have been killed": skip the base's participle
        finite = [t for t in after if t.kind is not Kind.DEPLOYED]
        after = finite or after
    if len(after) > 1 and folded and _PARTITIVE.fullmatch(folded, amount.end, after[0].start):
        return after[1]  # "About 300 of the casualties were deaths": the share's own predicate
    if after:
        return after[0]
    before = [t for t in inside if t.end <= amount.start]
    if before:
        return before[-1]
    # "… были переброшены в Курскую область — около 11 тысяч человек": the amount stands
    # alone in its clause; take the nearest trigger of the sentence, if close.
    near = [t for t in triggers if abs(t.start - amount.start) <= _NEAR_TRIGGER]
    return min(near, key=lambda t: abs(t.start - amount.start)) if near else None


#: "number" as a verb of counting, which counts a loss as well as forces ("the deaths numbered 300").
_NUMBERED = compile_pattern(r"number(?:s|ed)?\b")
#: A share of a counted whole after an amount: "300 of the casualties …" (its kind is what they were).
_PARTITIVE = compile_pattern(r"\s+of\s+(?:the|its|their|these|those)\s+(?:[\w'’-]+\s+)?")
#: The kind of an amount in the instrumental after it ("300 человек убитыми", "500 ранеными", "300
#: загиблими"): it says what the loss noun or verb before the amount counts.
_KIND_OF_AMOUNT = compile_pattern(r"(?:убит|ранен|вбит|поранен|загибл|погибш|полонен|пленн)(?:ыми|ими)"
                                  # "из которых более 20 тысяч — безвозвратно"
                                  r"|безвозвратн(?:о|ые|ых)|безповоротн(?:о|і|их)|санитарн(?:ые|ых)|санітарн(?:і|их)")
#: A list of kinds that goes on ("убитыми, ранеными и пропавшими без вести"): killed or wounded together.
_KIND_LIST_GOES_ON = compile_pattern(r",?\s+(?:(?:и|і|та|й|или|або)\s+)?(?:ранен|поранен|убит|вбит|загибл|погибш)")
#: A bound verb a figure opens with ("превысили 20 тысяч"): the predicate of the loss noun before it.
_BOUND_VERB = compile_pattern(r"(?:превысил|превышает|превышают|перевищил|перевищу|exceed|surpass|topped)")
_NOUN_TAIL = compile_pattern(r"[\s\w'’“”«»\"-]{0,60}")


#: A cumulative total after a claim's amount with its verb left out: "…, а загалом з початку
#: операції — понад 62 тисячі", "…, а всего с начала боевых действий — более 67 тысяч",
#: "…, and since the start of the incursion more than 62,000". Between the two amounts: the
#: first one's words, a comma, a conjunction, a word for the total or the period, and no
#: other number or clause.
_ELLIPTIC_TOTAL = compile_pattern(
    r"[^.;!?\d]{0,60}?,\s*(?:а|и|і|та|й|and|while)\s+(?P<total>(?:всего|всього|усього|загалом|итого|в\s+целом"
    r"|в\s+общей\s+сложности|in\s+total|overall|altogether|since|с\s+начала|від\s+початку|з\s+початку"
    r"|from\s+the\s+start|from\s+the\s+beginning)(?!\w)[^.;!?\d]{0,70})$")
#: A sentence that opens with the total its figures are taken from: "Of the 11,000 …", "Из 12 тысяч …",
#: "З 12 тисяч …".
_OF_TOTAL = compile_pattern(r"\W*(?:of|out\s+of|из|з|із)\s+(?:the\s+|its\s+|their\s+)?(?:estimated\s+|reported\s+)?")


def _loss_in_phrase(folded: str, amount: Amount, triggers: Sequence[_Trigger]) -> bool:
    """Whether a loss word stands in the amount's own phrase, before the next comma ("Of the 300
    soldiers killed, 40 were officers": the 300 are a loss claim, not just a total)."""
    comma = folded.find(",", amount.end)
    return any(amount.end <= t.start < comma and t.kind is not Kind.DEPLOYED for t in triggers) if comma > 0 else False


#: The kinds an elliptic total may carry on: losses, not a state ("other") or ground.
_TOTAL_KINDS = frozenset({Kind.KILLED, Kind.WOUNDED, Kind.KILLED_OR_WOUNDED, Kind.CAPTURED, Kind.MISSING,
                          Kind.DEPLOYED})


def _elliptic_total(folded: str, previous: Amount, amount: Amount, out: Sequence[Draft]) -> int | None:
    """Where the words of a cumulative total start, when ``amount`` is one ("_ELLIPTIC_TOTAL")
    that goes on the claim of ``previous`` (the claim just read, with a figure); else None."""
    if not out or out[-1].anchor != previous.start or out[-1].figure is None or out[-1].kind not in _TOTAL_KINDS:
        return None
    m = _ELLIPTIC_TOTAL.match(folded, previous.end, amount.start)
    if m is None:
        return None
    tail = re.findall(r"[\w'’-]+", folded[amount.end:amount.end + 40])[:1]
    if tail and (_EQUIPMENT.match(tail[0]) or _GROUND.match(tail[0])):
        return None  # "…, а всего — 40 танков": equipment, not the loss of people
    return m.start("total")


#: Contact lost (``lexicon.KIND_TRIGGERS``' first entry): a missing claim only with an amount.
_CONTACT_LOST = compile_pattern(r"contact|touch|communicat|связь|зв'язок")


#: The same loss in another place with its verb and noun left out, the place before the amount
#: ("…, на белгородском — до 40", "…, а на Курщині — 70") or after it ("… 40,000 troops in the
#: Kursk region and 20,000 in the Belgorod region"). Between the two amounts: the first one's
#: words, a comma or "and", and no other number or clause.
_PARALLEL_PLACE_FIRST = compile_pattern(
    r"[^.;!?\d,]{0,60}?,\s*(?:(?:а|и|і|та|й|and|while)\s+)?(?P<total>(?:на|в|во|у|под|під|біля|in|on|near)\s+"
    r"[^.;:!?\d,]{1,50}?\s*[–—-]\s*(?:(?:до|около|более|свыше|понад|близько|майже|почти|up\s+to|about|over)\s+)?)$")
_PARALLEL_PLACE_AFTER = compile_pattern(r"[^.;!?\d,]{0,60}?(?:,\s*|\s+)(?:and|while|а|и|і|та)\s+(?P<total>)$")
_PLACE_AFTER_AMOUNT = compile_pattern(r"\s+(?:in|on|near|around|на|в|у|под|під|біля)\s+(?!\d)")


def _elliptic_parallel(folded: str, previous: Amount, amount: Amount, out: Sequence[Draft]) -> int | None:
    """Where the words of the same loss in another place start, when ``amount`` is one
    (``_PARALLEL_PLACE_FIRST``, ``_PARALLEL_PLACE_AFTER``) that goes on the claim of ``previous``."""
    if not out or out[-1].anchor != previous.start or out[-1].figure is None or out[-1].kind not in _TOTAL_KINDS:
        return None
    tail = re.findall(r"[\w'’-]+", folded[amount.end:amount.end + 40])[:1]
    if tail and (_EQUIPMENT.match(tail[0]) or _GROUND.match(tail[0])):
        return None  # "… 300 soldiers and 12 tanks": equipment, not the loss of people
    m = _PARALLEL_PLACE_FIRST.match(folded, previous.end, amount.start)
    if m is not None:
        return m.start("total")
    m = _PARALLEL_PLACE_AFTER.match(folded, previous.end, amount.start)
    if m is not None and _PLACE_AFTER_AMOUNT.match(folded, amount.end):
        return amount.start
    return None


#: A report refused, denied or left unanswered before a loss or a movement of forces: "Песков
#: не стал комментировать сообщения о гибели военных", "the ministry denied reports that soldiers
#: had been killed", "declined to say how many were killed" (GOLD.md: without a figure no one
#: claims anything). A speaker's own words after it ("…, but said …") end its reach.
_REFUSED = compile_pattern(
    r"(?<!\w)(?:den(?:y|ied|ies)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)?"
    r"|(?:declin|refus)(?:ed|es|e|ing)\s+to\s+(?:comment|say|confirm|disclose|specify|give)"
    r"|(?:would|did|could)\s+not\s+(?:comment|say|confirm|disclose|specify)|no\s+comment"
    # an indirect question: "Asked whether troops had been killed, Kirby said he had no information"
    r"|whether"
    r"|опроверг\w*|спростува\w*|спростову\w*"
    r"|(?:отказал\w*|отказыва\w*|не\s+стал[аио]?|воздержал\w*\s+от)\s+(?:от\s+)?комментар\w*"
    r"|(?:отказал\w*|отказыва\w*|не\s+стал[аио]?)\s+комментирова\w*"
    r"|(?:відмовил\w*|відмовля\w*|не\s+стал[аио]?|не\s+став|утримал\w*\s+від)\s+(?:коментува\w*|коментар\w*)"
    r"|не\s+(?:уточнил\w*|раскрыл\w*|уточнил\w*|уточнили|уточнюють|уточня\w*|розкрил\w*|розкрива\w*))(?!\w)"
    r"(?![^.;!?]*?(?<!\w)(?:said|says|added|stated|but|however|заяв(?:ил\w*|ля\w*|ив)|сообщ(?:ил\w*|а[ею]т)"
    r"|сказал\w*|добавил\w*|но|однако|повідом(?:ив|ил\w*|ля\w*)|сказав|додав|але|проте)(?!\w))")


def _is_refused(folded: str, sentence: tuple[int, int], trigger: _Trigger) -> bool:
    """Whether the trigger lies in a report its sentence refuses or denies, or in a question."""
    if folded[trigger.end:sentence[1]].rstrip(" \t\n\"'»”)").endswith("?"):
        return True  # "Were North Korean troops sent to Kursk?"
    return _REFUSED.search(folded, sentence[0], trigger.start) is not None


def _figureless_ok(trigger: _Trigger, folded: str, sentence: tuple[int, int]) -> bool:
    """Whether a trigger asserts a loss or a movement of forces without an amount."""
    word = folded[trigger.start:trigger.end]
    if trigger.kind is not Kind.OTHER and _is_refused(folded, sentence, trigger):
        return False  # "опровергли сообщения о гибели военных": a denial without a figure
    if trigger.kind is Kind.MISSING and _CONTACT_LOST.search(word):
        return False  # "потеряли связь с подразделениями": people missing only when they are counted
    before = folded[max(sentence[0], trigger.start - 60):trigger.start]
    after = folded[trigger.end:min(sentence[1], trigger.end + 80)]
    if trigger.kind is Kind.DEPLOYED and _EQUIPMENT_WORD.search(after[:60]):
        return False  # "reinforce them with a few armoured cars": equipment, not forces
    if _OBJECT_IS_EQUIPMENT.match(after):
        return False  # "destroyed 40 Russian tanks", "знищили два танки": its object is equipment
    if trigger.kind in (Kind.CAPTURED, Kind.KILLED_OR_WOUNDED) and _GROUND_NEAR.search(
            folded[max(sentence[0], trigger.start - 40):min(sentence[1], trigger.end + 30)]):
        return False  # "two villages … that were captured by Ukraine": ground, not people
    if not _LOSS_NOUN.match(word) and _lost_to_air_defence(folded, sentence, trigger):
        return False  # "14 drones were shot down and 6 more were lost": drones, not people
    if _SELF_EVIDENT.search(word) or trigger.kind is Kind.OTHER:
        return True  # "committed suicide"; "had been cut off", "не є в оточенні": a state, said or denied
    if trigger.kind is Kind.DEPLOYED:
        if _PRESENCE.match(word):
            # forces merely present: a claim only with a figure or a change
            # ("an increase in the number of North Koreans")
            return bool(_MORE_FORCES.search(folded[max(sentence[0], trigger.start - 30):trigger.start]))
        return bool(_MORE_FORCES.search(folded[max(sentence[0], trigger.start - 50):trigger.start])
                    or _MOVEMENT.match(word) or _FORCE_AFTER.match(after)
                    or (_PRONOUN_THEN_PLACE.match(after) is not None and _FORCE_BEFORE.search(before) is not None
                        and not _EQUIPMENT_WORD.search(before))
                    or (word == "arrived" and _TROOPS_BEFORE.search(before) is not None)
                    or (_FORCE_THEN_AUX.search(before) and _PASSIVE_DEPLOYED.fullmatch(word) is not None))
    if _LOSS_NOUN.match(word):
        if _LOSS_FIGURES.match(after) and not re.search(r"expected|may|might|could|will|\bnot\b|n't|\bno\b",
                                                        after + before[-20:]):
            return True
        if _LOSS_CAUSE.search(before) or _LOSS_PREDICATE.match(after):
            return True
        return bool(_LOSS_LICENSE.search(before)) and not _DETERMINER.search(before[-25:]) \
            or bool(re.search(r"(?:suffer\w*|sustain\w*|incur\w*|fac\w+|понесли|несут)\s+(?:the\s+)?$", before))
    if word == "destroyed":
        clause_before = re.split(r"[;:.]|,\s+(?:but|while|and)\b", before)[-1]
        return bool(_FORCE_BEFORE.search(clause_before)) and not re.search(
            _EQUIPMENT.pattern[:-1] + r"\b", clause_before)
    if _FINITE_LOSS_VERB.fullmatch(word):
        return not _NEGATED.search(before)  # "мирный житель погиб", "які загинули"
    if _VERB_THEN_SUBJECT.match(after) and not word.isascii() and not _PARTICIPLE.search(word):
        return True  # "погибла мирная жительница": a Russian verb before whom it befell
    if word in ("killed", "wounded", "injured") and _ONE_PERSON_AFTER.match(after):
        return True  # "A strike on a hospital in Sudzha killed a nurse": one person, its object
    if word == "died" and _ONE_PERSON_BEFORE.search(before) and not _NATURAL_DEATH.match(after):
        return True  # "A woman died after the shelling of Glushkovo"
    return bool(_AUX.search(before)) or bool(re.search(r"(?:soldiers|troops|forces|personnel)\s+$", before))


#: One person written as a noun, the way "погиб мужчина" is: "killed a nurse", "A woman died"
#: (GOLD.md: no amount is written, so the figure stays null).
_ONE_PERSON = (r"(?:a|an|one)\s+(?:[\w-]+\s+)?(?:man|woman|nurse|civilian|child|boy|girl|teenager|resident|soldier"
               r"|serviceman|servicewoman|person|pensioner|driver|worker|volunteer|medic|paramedic|doctor|journalist"
               r"|firefighter|policeman|police\s+officer)\b")
_ONE_PERSON_AFTER = compile_pattern(rf"^\s+{_ONE_PERSON}")
_ONE_PERSON_BEFORE = compile_pattern(rf"(?<!\w){_ONE_PERSON}\s+$")
#: A death of natural causes is no loss: "A man died of a heart attack during the match".
_NATURAL_DEATH = compile_pattern(r"\s+(?:of|from)\s+(?:an?\s+)?(?:heart|natural|illness|disease|cancer|covid|old\s+age"
                                 r"|stroke|overdose)")


def claim_id(source: str, start: int, end: int, kind: Kind) -> str:
    """The stable id of a claim: its source, span and kind, hashed."""
    key = f"{source}\x00{start}\x00{end}\x00{kind.value}"
    # surrogatepass: a file name that is not valid UTF-8 reaches here as lone surrogates
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()
    return f"c{digest[:12]}"


# The body spoken in may follow the verb ("Як повідомили у Генштабі ЗСУ, ворог …", "как сообщили
# в Минобороны, …"), and "що" is the Ukrainian "that" ("заявили, що …"): neither is the claim.
_LEAD_ATTRIBUTION = compile_pattern(rf"\b(?:{SPEECH_VERBS})\b(?:\s+(?:on|in)\s+\w+\.?(?:\s+\d+)?"
                                    r"|\s+(?:в|во|у)\s+[^,.;:!?«»\"\n]{1,60}(?=,))?,?(?:\s+(?:that|что|що))?\s+")
_TAIL_ATTRIBUTION = compile_pattern(
    # the speaker before the verb: "…, Zelensky said", "…, the ministry said", "…, Сирський заявив"
    rf"[,”\"»]+\s*[”\"»]?\s*(?:(?:he|she|it|they|(?:the\s+|a\s+)?[A-ZА-ЯЁІЇЄҐ][\w.’'-]*(?:\s+[A-Za-zА-ЯЁІЇЄҐа-яёіїєґ][\w.’'-]*){{0,6}}"
    rf"|the\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,2}})\s+"
    rf"(?:also\s+)?(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+[A-Z]"
    # a Russian or Ukrainian speaker after the verb, named, titled or a body: "…, заявив Сирський",
    # "…, повідомив речник ОСУВ «Хортиця»", "…, сообщили в Минобороны"
    rf"|(?:{SPEECH_VERBS})\s+(?:(?:в|во|у)\s+)?[«а-яёіїєґА-ЯЁІЇЄҐ]).*$"
)
#: Searched only where a speech verb occurs (their own literals, issue 14).
_LEAD_ATTRIBUTION_CUED = Gated.of(_LEAD_ATTRIBUTION, is_folded=False)
_TAIL_ATTRIBUTION_CUED = Gated.of(_TAIL_ATTRIBUTION, is_folded=False)


def _trim_span(text: str, start: int, end: int, core: int | None = None) -> tuple[int, int]:
    """Drop a leading attribution ('X said that') and a trailing one (', he added') from a clause.

    ``core`` is where the claim itself starts (its amount or trigger): a lead-in is cut
    only when it ends before the core.
    """
    core = start if core is None else core
    lead = None
    for m in _LEAD_ATTRIBUTION_CUED.finditer(text, start, core + 1):
        if m.end() <= core and not _inside_quotes(text, start, m.start()):
            lead = m
    if lead is not None:
        start = lead.end()
    tail = _TAIL_ATTRIBUTION_CUED.search(text, max(start, core), end)
    if tail is not None and tail.start() > core:
        end = tail.start() + (1 if text[tail.start()] in "”\"»" and _inside_quotes(text, start, tail.start()) else 0)
    m = re.match(r"^(?:and|but|while|with|so|и|а|но)\s+", text[start:end], re.IGNORECASE)
    if m and end - start - m.end() > 10:
        start += m.end()
    while end > start and text[end - 1] in " ,;:–—-.":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    """Whether an opening quotation mark before ``pos`` (from ``start``) is still open."""
    chunk = text[start:pos]
    return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1 or chunk.count("«") > chunk.count("»")


def _base_amount(amounts_before: Sequence[Amount]) -> Amount | None:
    for a in reversed(amounts_before):
        if a.fraction is None and a.figure is not None and any(
            v is not None for v in (a.figure.low, a.figure.best, a.figure.high)
        ):
            return a
    return None


#: The Kursk front named as a direction: it ties a claim to the oblast as "Kursk oblast" does
#: (GOLD.md: "Kursk oblast" when the text ties the claim only to the region).
_KURSK_DIRECTION_CUED = Gated.of(compile_pattern(
    r"курск\w*\s+направлени\w*|курськ\w*\s+напрям\w*|kursk\s+(?:direction|axis|front|sector)"), is_folded=True)


def extract_claims(
    doc: Document,
    resolutions: Sequence[Resolution],
    gaz: Gazetteer,
    *,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[Claim, ...]:
    """Every claim of one document.

    Parameters
    ----------
    doc
        The decoded document (its chrome spans are skipped).
    resolutions
        The document's place decisions (``resolve.resolve_candidates``).
    gaz
        The gazetteer (for the region and the place types).
    settings
        Unused for now; kept for a uniform step signature.

    Returns
    -------
    tuple of Claim
        Sorted by span.
    """
    text = doc.text
    folded = fold(text)
    paragraphs = paragraph_spans(text)
    region_id = gaz.region.place_id
    resolved = [r for r in resolutions if r.place_id is not None]
    settlements = [(r.mention.start, r.place_id) for r in resolved
                   if gaz.places[r.place_id].place_type is PlaceType.SETTLEMENT]
    region_mentions = [r.mention.start for r in resolved
                       if gaz.places[r.place_id].place_type is not PlaceType.SETTLEMENT]
    # "на курском направлении", "on the Kursk axis": the oblast's front named without the oblast
    directions = [m.start() for m in _KURSK_DIRECTION_CUED.finditer(folded)]
    region_mentions += directions
    is_kursk_article = bool(resolved) or bool(directions)
    settlement_starts = sorted(pos for pos, _ in settlements)
    # the oblast or a district named alone is ground a control predicate may take too ("Russia
    # says it has recaptured all of Kursk")
    area_starts = sorted(r.mention.start for r in resolved
                         if gaz.places[r.place_id].place_type is not PlaceType.SETTLEMENT)
    trigger_heads = _TRIGGER_HEADS.index(folded)
    speakers = Speakers()
    drafts: list[Draft] = []
    seen_amounts: list[Amount] = []
    all_fraction_phrases: list[Amount] = []
    headline_index = _first_body_paragraph(doc, paragraphs)
    # "Сводка Минобороны России" over the text: its unattributed claims are the ministry's
    document_source = headline_document_source(text[slice(*paragraphs[headline_index])]) \
        if headline_index >= 0 else None
    # "…, according to TASS." … "…, TASS wrote.": a wire story retold is that agency's
    document_source = document_source or bookend_source(text, [p for p in paragraphs if not doc.is_chrome(*p)])
    for p_index, paragraph in enumerate(paragraphs):
        if doc.is_chrome(*paragraph):
            continue
        for sentence in line_sentences(text, *paragraph):
            if doc.is_chrome(*sentence):
                continue
            is_headline = p_index == headline_index and not re.search(r"[.!?…]\W*$", text[sentence[0]:sentence[1]])
            amounts = find_amounts(text, *sentence, folded=folded)
            new = _sentence_claims(text, folded, sentence, paragraph, amounts, seen_amounts, drafts, trigger_heads)
            new = _with_control(text, folded, sentence, paragraph, (settlement_starts, area_starts), new,
                                paragraphs)
            if new and _HISTORIC_CUED.search(folded, *sentence):
                new = []  # "In 1943 the Red Army liberated Kursk": another war's history
            attributions = find_attributions(text, *sentence)
            for d in (d for d in new if not d.is_anonymous):
                earlier = [o.end for o in new if o.end <= d.start]
                d.claimant_from = claimant_for(text, sentence, paragraph, (d.start, d.end), speakers,
                                               is_headline=is_headline, attributions=attributions,
                                               earlier_claims_end=max(earlier) if earlier else None
                                               ) or document_source
            record_speakers(attributions, speakers, text=text, sentence=sentence)
            all_fraction_phrases.extend(a for a in amounts if a.fraction is not None)
            drafts.extend(new)
    _scale_fractions(drafts, all_fraction_phrases)
    _claimants_of_restatements(drafts)
    _claimants_of_a_sole_source(text, drafts, speakers)
    link_places(text, folded, drafts, settlements, region_mentions, region_id, paragraphs, is_kursk_article)
    claims = []
    for d in drafts:
        reported, precision = claim_date(text, (d.start, d.end), d.sentence, doc.meta.published)
        claims.append(Claim(
            claim_id=claim_id(doc.source, d.start, d.end, d.kind), source=doc.source,
            start=d.start, end=d.end, quote=text[d.start:d.end], claimant=d.claimant_from,
            kind=d.kind, subject=d.side if d.kind is Kind.CONTROL else _subject(text, d), figure=d.figure,
            reported=reported,
            reported_precision=precision, places=tuple(sorted(set(d.places))),
        ))
    unique: dict[tuple[int, int, Kind], Claim] = {}
    for c in claims:  # the first reading of a span and kind stands
        unique.setdefault((c.start, c.end, c.kind), c)
    return tuple(sorted(unique.values(), key=lambda c: c.sort_key))


def _claimants_of_a_sole_source(text: str, drafts: Sequence[Draft], speakers: Speakers) -> None:
    """An article whose every named speaker is one outlet (a news agency, a channel, "Russian
    media"): it retells that outlet's report, and its claims that name nobody, outside a hedged
    sentence ("reportedly"), are the outlet's (GOLD.md: the agency that is the origin of a claim
    is its claimant). An official source's statement retold is not so: its other sentences may
    be the writer's own."""
    names = {name for name, _ in speakers.names}
    if len(names) != 1 or not names <= OUTLETS:
        return
    (sole,) = names
    for d in drafts:
        if d.claimant_from is None and not d.is_anonymous and not is_hedged(text, *d.sentence):
            d.claimant_from = sole


def _claimants_of_restatements(drafts: Sequence[Draft]) -> None:
    """A claim that names no source takes the source of the same claim stated elsewhere.

    GOLD.md: a headline or sub-headline's claimant is "the one the body gives for the same
    claim" ("Українцям вдалося взяти в полон 983 російських солдатів" over a body that
    gives the 983 as the General Staff's). The same claim is the same kind with the same
    figure, and only a figure with a number is that specific; the nearest restatement after
    it wins, else the nearest before.
    """
    # Grouped by kind and figure, each group in text order: one bisect per claim, not a
    # search of every claim (an article of thousands of claims stays linear, issue 13).
    groups: dict[tuple[object, ...], tuple[list[int], list[Draft]]] = {}
    for o in sorted((o for o in drafts if o.claimant_from is not None and not _all_null(o.figure)),
                    key=lambda o: o.start):
        starts, sources = groups.setdefault(_restatement_key(o), ([], []))
        starts.append(o.start)
        sources.append(o)
    for d in drafts:
        if d.claimant_from is not None or _all_null(d.figure):
            continue
        starts, sources = groups.get(_restatement_key(d), ([], []))
        if sources:
            i = bisect_right(starts, d.start)  # the first restatement after it, else the last before
            d.claimant_from = sources[min(i, len(sources) - 1)].claimant_from


def _restatement_key(d: Draft) -> tuple[object, ...]:
    """What makes two claims the same claim here: the kind and the figure's three numbers."""
    figure = d.figure
    return (d.kind, None, None, None) if figure is None else (d.kind, figure.low, figure.best, figure.high)


def _first_body_paragraph(doc: Document, paragraphs: Sequence[tuple[int, int]]) -> int:
    for i, p in enumerate(paragraphs):
        if not doc.is_chrome(*p):
            return i
    return -1


def _sentence_claims(
    text: str, folded: str, sentence: tuple[int, int], paragraph: tuple[int, int],
    amounts: Sequence[Amount], seen_amounts: list[Amount], drafts: list[Draft], trigger_heads: HeadIndex,
) -> list[Draft]:
    triggers = _triggers(trigger_heads, *sentence)
    if amounts:
        triggers = _with_presence(triggers, folded, sentence)
    if not triggers and not amounts:
        return []
    clauses = _clauses(text, *sentence, trigger_starts=[t.start for t in triggers])
    out: list[Draft] = []
    used_triggers: set[int] = set()
    starts = [a.start for a in amounts]
    for index, amount in enumerate(amounts):
        next_amount = amounts[index + 1].start if index + 1 < len(amounts) else sentence[1]
        if (index + 1 < len(amounts) and _OF_TOTAL.fullmatch(folded, sentence[0], amount.start)
                and not _loss_in_phrase(folded, amount, triggers)):
            # "Of the 11,000 troops sent to Kursk, about 300 have been killed": the total the
            # figures after it are taken from, not a loss; its own participle may deploy it
            base = _deployed_base(text, folded, amount, sentence, paragraph)
            out.extend([base] if base is not None else [])
            seen_amounts.append(amount)
            continue
        total = _elliptic_total(folded, amounts[index - 1], amount, out) if index else None
        if total is None and not _counts_people(folded, amount, sentence, triggers,
                                                starts[:index] + starts[index + 1:]):
            total = _elliptic_parallel(folded, amounts[index - 1], amount, out) if index else None
            if total is None:
                seen_amounts.append(amount)
                continue
        clause = _clause_of(clauses, amount.start)
        trigger = None if total is not None else _pair(amount, triggers, clause, next_amount, folded=folded)
        kind = trigger.kind if trigger else None
        if total is not None:
            # "ворог втратив 340 осіб, а загалом з початку операції — понад 62 тисячі": the
            # second amount is the same loss counted since the start, its verb left out
            kind = out[-1].kind
        if kind is None and _FIGURE_ONLY_KIND.search(fold(amount.figure.text)) and out:
            kind = out[-1].kind  # "corroborating similar figures": the kind of the claim before
        if kind is None and (_ANAPHORIC_NUMBER.search(folded[sentence[0]:amount.start])
                             or _PUT_AT.search(folded, sentence[0], amount.start)) and (out or drafts):
            kind = (out or drafts)[-1].kind  # "estimated their number at …": the forces of the claim before
        if kind is None and _STRONG.match(folded, amount.end):
            kind = Kind.DEPLOYED  # "a 50,000-strong group of Russian and North Korean troops"
        if kind is None and _is_loss_list_item(folded, amount.start):
            kind = Kind.KILLED_OR_WOUNDED  # "сообщило о потерях ВСУ:\n— более 200 военнослужащих;"
        if kind is None or (kind is Kind.DEPLOYED
                            and _deploys_no_forces(folded, amount.start, amount.end, sentence, before=False)):
            seen_amounts.append(amount)
            continue
        if trigger:
            used_triggers.add(trigger.start)
        if trigger and not clause[0] <= trigger.start < clause[1] and _ANAPHORIC_NUMBER.search(
                folded, clause[0], amount.start):
            trigger = None  # "… out of a total of 10,000": its own clause, the kind from the claim before
        lo = min(amount.start, trigger.start if trigger else amount.start)
        hi = max(amount.end, trigger.end if trigger else amount.end)
        c_start = min(_clause_of(clauses, lo)[0], lo) if total is None else total
        c_end = max(_clause_of(clauses, hi - 1)[1], hi)
        if re.match(r"another\s", folded[amount.start - 8:amount.start].lstrip()[-8:] or ""):
            c_start = max(c_start, amount.start - 8)
        start, end = _trim_span(text, c_start, c_end, core=lo)
        figure = amount.figure
        draft = Draft(start, end, kind, figure, sentence, paragraph, amount.start,
                       fraction=amount if amount.fraction is not None else None)
        if amount.fraction is not None and _all_null(figure):
            base = _base_amount([a for a in amounts if a.end <= amount.start] or seen_amounts)
            if base is not None:
                draft.figure = scale_figure(base.figure, amount.fraction, text=amount.figure.text)
        out.append(draft)
        nested = _nested_base_claim(text, folded, amount, sentence, paragraph, triggers)
        if nested is not None:
            out.append(nested)
        seen_amounts.append(amount)
    for trigger in triggers:
        if trigger.start in used_triggers or not _figureless_ok(trigger, folded, sentence):
            continue
        if any(d.kind is trigger.kind and d.start <= trigger.start < d.end for d in out):
            continue
        if trigger.kind is Kind.DEPLOYED and _deploys_no_forces(folded, trigger.start, trigger.end, sentence,
                                                                 before=True):
            continue  # "Refugees arrived in Kursk": people who are no forces
        clause = _clause_of(clauses, trigger.start)
        start, end = _trim_span(text, *clause, core=_subject_start(text, clause, trigger.start))
        out.append(Draft(start, end, trigger.kind, None, sentence, paragraph, trigger.start))
    return _merge_same_kind(out)


def _is_loss_list_item(folded: str, pos: int) -> bool:
    """Whether the line at ``pos`` is a dash or bullet item of a list whose lead (the line ending
    in a colon before its items) speaks of losses."""
    line = folded.rfind("\n", 0, pos) + 1
    if line == 0 or not _LIST_ITEM.match(folded, line, pos):
        return False
    # each item may be a paragraph of its own: the lead is looked for a bounded way back
    lead = _LEAD_LINE.search(folded, max(0, line - _LEAD_REACH), line)
    return lead is not None and _LOSS_LEAD.search(lead.group(1)) is not None


def _with_control(
    text: str, folded: str, sentence: tuple[int, int], paragraph: tuple[int, int],
    starts: tuple[Sequence[int], Sequence[int]], losses: list[Draft], paragraphs: Sequence[tuple[int, int]],
) -> list[Draft]:
    """The sentence's loss claims and its control claims (``geo.control``); ``starts`` are where
    the document's settlements and its areas (the oblast, districts) are named.

    A loss claim read from the same words as a control claim gives way: "captured 11
    settlements" and "had lost a quarter of the territory" speak of ground, not people.
    """
    run_end = paragraphs[-1][1] if paragraphs else sentence[1]
    settlement_starts, area_starts = starts
    spans = find_control(text, folded, sentence, settlement_starts, paragraph_end=run_end, area_starts=area_starts)
    if not spans:
        return losses
    kept = [d for d in losses if not any(_same_words(folded, d, c) for c in spans)]
    for c in spans:
        start, end = _trim_span(text, c.start, c.end, core=c.predicate_start)
        if start >= end:
            start, end = c.start, c.end
        kept.append(Draft(start, end, Kind.CONTROL, None, sentence, paragraph, c.predicate_start,
                           scope=c.scope, side=c.subject, is_anaphoric=c.is_anaphoric))
    return sorted(kept, key=lambda d: (d.start, d.end))


#: The loss kinds whose trigger words also speak of ground ("captured", "lost").
_GROUND_AMBIGUOUS = frozenset({Kind.CAPTURED, Kind.KILLED_OR_WOUNDED})


def _same_words(folded: str, loss: Draft, control: ControlSpan) -> bool:
    """Whether a loss claim was read from a control claim's predicate ("had lost") or
    counts its ground ("captured 11 settlements")."""
    if loss.kind not in _GROUND_AMBIGUOUS:
        return False
    return loss.anchor == control.predicate_start or (
        control.start <= loss.anchor < control.end and is_ground_at(folded, loss.anchor, control.end))


def _merge_same_kind(drafts: list[Draft]) -> list[Draft]:
    """'suffered heavy losses …, with casualties amounting to up to a battalion': one claim.

    A claim with no figure folds into the one claim of the same kind in its sentence that
    has a figure; its clause widens the quote. With several figured claims of that kind
    (two figures, two statements) nothing is merged.
    """
    out = list(drafts)
    for bare in [d for d in drafts if d.figure is None]:
        figured = [d for d in out if d.figure is not None and d.kind is bare.kind]
        if len(figured) == 1:
            target = figured[0]
            target.start, target.end = min(target.start, bare.start), max(target.end, bare.end)
            out.remove(bare)
    return sorted(out, key=lambda d: (d.start, d.end))


def _subject_start(text: str, clause: tuple[int, int], trigger_start: int) -> int:
    """Where the clause's statement starts: after a lead-in attribution, else the clause start."""
    lead = None
    for m in _LEAD_ATTRIBUTION_CUED.finditer(text, clause[0], trigger_start):
        lead = m
    return lead.end() if lead else clause[0]


def _all_null(figure: Figure | None) -> bool:
    return figure is None or (figure.low is None and figure.best is None and figure.high is None)


def _nested_base_claim(text: str, folded: str, amount: Amount, sentence: tuple[int, int],
                       paragraph: tuple[int, int], triggers: Sequence[_Trigger]) -> Draft | None:
    """'a third of the estimated 10,000 to 12,000 soldiers deployed …': the deployment is a claim too."""
    if amount.fraction is None or _all_null(amount.figure):
        return None
    of = list(re.finditer(r"\b(?:of|из)\s+", text[amount.start:amount.end]))
    if not of:
        return None
    inner = [a for a in find_amounts(text, amount.start + of[-1].end(), amount.end, folded=folded)
             if a.fraction is None]
    if not inner:
        return None
    return _deployed_base(text, folded, inner[-1], sentence, paragraph)


def _deployed_base(text: str, folded: str, base: Amount, sentence: tuple[int, int],
                   paragraph: tuple[int, int]) -> Draft | None:
    """The deployment a share's total states ("the 11,000 troops sent to Kursk"), or None."""
    # The base's participle ("soldiers deployed with …") is filtered out of the predicates, so look again.
    deployed = [t for t in _raw_triggers(folded, base.end, min(sentence[1], base.end + 60)) if t.kind is Kind.DEPLOYED]
    if not deployed:
        return None
    lead = re.search(r"(?:the|an)\s+estimated\s+$", folded[max(sentence[0], base.start - 20):base.start])
    start = base.start - (len(lead.group()) if lead else 0)
    clause_end = re.search(r"\s+(?:have|has|had|were|was|are|is)\b", text[deployed[0].end:sentence[1]])
    end = deployed[0].end + (clause_end.start() if clause_end else 0)
    start, end = _trim_span(text, start, end)
    draft = Draft(start, end, Kind.DEPLOYED, base.figure, sentence, paragraph, base.start)
    draft.is_anonymous = lead is not None  # "the estimated N": an outside estimate, nobody's claim here
    return draft


def _scale_fractions(drafts: list[Draft], phrases: Sequence[Amount]) -> None:
    """A bare fraction with no total before it takes the reading of the same fraction stated with its total."""
    for d in drafts:
        if d.fraction is None or not _all_null(d.figure):
            continue
        same = [p for p in phrases if p.fraction == d.fraction.fraction and not _all_null(p.figure)]
        if same:
            d.figure = replace(same[0].figure, text=d.fraction.figure.text)


_SUBJECT = compile_pattern(
    rf"(?<![\w’'-])((?-i:[A-Z][\w’'-]+\s+){{0,3}}(?:(?:[a-z-]+|[а-яёіїє-]+{_ADJECTIVE_ENDINGS})\s+)?"
    rf"(?<![\w’'-])(?:{FORCE_NOUNS}))\b", re.IGNORECASE
)
_SUBJECT_CUED = Gated.of(_SUBJECT, is_folded=False)  # only where a force noun occurs (issue 14)


def _subject(text: str, d: Draft) -> str | None:
    """Whom the claim concerns: the noun phrase its figure counts, else the first force noun
    phrase of the quote (or its sentence).

    The counted phrase first: in "Ukrainian troops killed 17 North Korean soldiers" the
    claim is about the soldiers, not about whoever comes first.
    """
    if d.figure is not None and text.startswith(d.figure.text, d.anchor):
        after = d.anchor + len(d.figure.text)
        m = _SUBJECT_CUED.search(text, after, min(d.sentence[1], after + _LOOK_AHEAD))
        if m and not text[after:m.start()].strip(" \u00a0,"):
            return " ".join(m.group(1).split())
    for s, e in ((d.start, d.end), d.sentence):
        m = _SUBJECT_CUED.search(text, s, e)
        if m:
            return " ".join(m.group(1).split())
    return None
