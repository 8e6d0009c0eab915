"""Control of ground: who took, holds or left which villages, from one sentence at a time.

GOLD.md's ``control`` kind. For every sentence of the article body:

1. find the control predicates of ``control_lexicon.PREDICATES`` ("liberated",
   "took control of", "освобождены", "під контролем", "withdrew from" …);
2. keep those that are claims: not an aim or an attempt ("attempted to capture"), not
   denied ("не освобождены"), and, for the words that also speak of people or things
   ("captured", "lost", "held"), followed by ground: a settlement, "the village",
   "300 square kilometres", "населенных пунктов" (not "captured 40 soldiers");
3. one claim per clause: its span runs from the clause start (the side that acts) to
   the end of what was taken, including a list of villages after a colon, even when the
   list stands one village a line;
4. its scope is where its villages are named; the subject is the side as the text
   names it.

Pure: text in, ``ControlSpan`` records out; ``geo.claims`` gives them claimants, places
and dates like every other claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

import ahocorasick

from geo.control_lexicon import (
    ADVANCE,
    ANAPHORA,
    ANCHORS,
    ATTRIBUTIVE,
    BLOCKERS,
    GROUND_HELD,
    GROUND_NOUNS,
    INTO_GROUND,
    NAMED_AREA,
    NEAR_A_PLACE,
    NEGATION,
    NOT_A_SIDE,
    NOT_GROUND,
    PREDICATES,
    SHARE,
    SHARE_GROUND_WORDS,
    UNNAMED_POSITIONS,
    Stance,
)
from geo.heads import Heads
from geo.lexicon import (
    ACCORDING_TO,
    FORCE_NOUNS,
    NON_CONFIRMATIONS,
    OTHER_REGIONS_CYRILLIC,
    OTHER_REGIONS_LATIN,
    REGION_NOUN,
    SAID_WHEN,
    SPEECH_VERBS,
)
from geo.regex_cache import compile_pattern
from geo.text import Gated


def _predicate_pattern(is_cyrillic: bool) -> re.Pattern[str]:
    """One alternation of the predicates written in one script (group ``pN`` is PREDICATES[N]).

    A sentence is scanned with its own script's predicates only: half the alternatives,
    tried at every word start, for the same matches.
    """
    return compile_pattern("(?<!\\w)(?:" + "|".join(
        f"(?P<p{i}>{p.pattern})" for i, p in enumerate(PREDICATES) if _is_cyrillic(p.pattern) == is_cyrillic
    ) + ")(?!\\w)")


def _is_cyrillic(pattern: str) -> bool:
    return bool(re.search("[а-яіїєґ]", pattern))


_LATIN_PREDICATE = _predicate_pattern(is_cyrillic=False)
_CYRILLIC_PREDICATE = _predicate_pattern(is_cyrillic=True)
#: Where each alternation may start in a sentence: its predicates' leading literals (those that
#: start with a digit or any word, "[\w'-]+-controlled", by a lookahead search), issue 14.
_LATIN_HEADS, _CYRILLIC_HEADS = (
    Heads.of(pattern, [p.pattern for p in PREDICATES if _is_cyrillic(p.pattern) == is_cyrillic], guard="(?<!\\w)")
    for pattern, is_cyrillic in ((_LATIN_PREDICATE, False), (_CYRILLIC_PREDICATE, True)))
_HAS_CYRILLIC = compile_pattern("[а-яіїєґ]")
_HAS_LATIN = compile_pattern("[a-z]")
_BLOCKED = compile_pattern(rf"(?<!\w)(?:{BLOCKERS})\s+(?:[\w'-]+\s+){{0,3}}$")
_NEGATED = compile_pattern(NEGATION)
#: A question before the predicate, direct or indirect: the Russian particle "ли" ("Смогут ли
#: войска вернуть Суджу", "вряд ли удержат"), a Ukrainian sentence that opens with "Чи" ("Чи
#: зможе Україна втримати Курщину?"), "how many", "сколько", "whether" ("Песков отказался уточнить,
#: сколько населенных пунктов остается под контролем ВСУ"). It asks or doubts; it claims nothing.
_QUESTION = compile_pattern(r"(?<!\w)(?:ли|сколько|скільки)(?!\w)|^\W*чи(?!\w)|(?<=[.!?]\s)чи(?!\w)"
                            r"|\bhow\s+(?:many|much)\b|\bwhether\b")
_UNCONFIRMED = compile_pattern(NON_CONFIRMATIONS)
#: A Russian or Ukrainian infinitive ("утримувати", "удержать", "захопити"): opening its clause
#: it names an act, it does not state one.
_INFINITIVE = compile_pattern(r"[а-яіїєґ']+(?:ти|ть|тись|ться|тися)(?!\w)")
_CONJUNCTION = compile_pattern(r"but|and|yet|но|а|и|однако|але|та|і|проте")
#: Quotation marks and dashes that may open a sentence before its subject.
_OPENERS = " «“„\"'-–—"
_NOT_A_SIDE = compile_pattern(rf"^(?:[\w'-]+\s+)?(?:{NOT_A_SIDE})(?!\w)")
#: The same counted: "Более 150 тысяч жителей области покинули свои дома" (not where the ground's
#: holder is named: "2,000 civilians remain in Sudzha under Ukrainian control" is Ukraine's).
_COUNTED_NOT_A_SIDE = compile_pattern(
    rf"^(?:[\w'-]+\s+)?[\d.,\u00a0 ]+\s*(?:тысяч\w*|тисяч\w*|thousand)?\s+(?:{NOT_A_SIDE})(?!\w)")
#: Russia's ally, whose troops entering Kursk oblast are a deployment (GOLD.md), not ground taken.
_ALLY_ENTERS = compile_pattern(r"(?:north\s+korean|dprk|pyongyang['’]s|северокорейск\w*|північнокорейськ\w*)")
_ENTER = compile_pattern(r"enter|вош|зашли|увійш|зайшл")
_GROUND = compile_pattern(rf"(?:{GROUND_NOUNS})")
_NOT_GROUND = compile_pattern(rf"(?:{NOT_GROUND})(?!\w)")
_ANAPHORA = compile_pattern(rf"(?:{ANAPHORA})")
_UNNAMED_POSITIONS = compile_pattern(UNNAMED_POSITIONS)
#: A predicate whose own words end in the positions: "держим позиции".
_ENDS_IN_POSITIONS = compile_pattern(rf"(?:{UNNAMED_POSITIONS})$")
#: A name after a preposition, in the text as written: "positions around Kukarekovka" (a place
#: the gazetteer may not hold is still named ground).
_NAME_AFTER_PREPOSITION = compile_pattern(
    r"(?<!\w)(?:in|at|around|near|outside|of|в|во|у|под|около|возле|на|під|біля|поблизу|навколо|вокруг)"
    r"\s+[A-ZА-ЯЁІЇЄҐ]")
_NAMED_AREA = compile_pattern(NAMED_AREA)
_ADVANCE = compile_pattern(ADVANCE)
_SHARE = compile_pattern(rf"\s+{SHARE}(?!\w)")
_NEAR_A_PLACE = compile_pattern(NEAR_A_PLACE)
_INTO_GROUND = compile_pattern(INTO_GROUND)
_GROUND_HELD = compile_pattern(rf"(?<!\w)(?:{GROUND_HELD})")
_WORD = compile_pattern(r"[\w'-]+")
_SPACED_DASH = compile_pattern(r"\s[–—]\s")
#: Passive and stative forms whose ground stands before them ("город под контролем ВСУ",
#: "Gornal had fallen").
_PASSIVE_FORM = compile_pattern(
    r"(?:захвачен|занят|вытеснен|выбит|зачищен|захоплен|зайнят|витіснен|под\s|під\s|контрол\w*\s+над"
    r"|[\w'-]+-controlled|occupied\s+by|(?:had|has|have)\s+fallen|fell\s+to)")
#: An auxiliary right before an English participle: "had been captured", "is held".
_AUXILIARY_BEFORE = compile_pattern(r"(?<!\w)(?:been|was|were|is|are|be|being|remains?|remained|stays?)\s+$")
#: "the land they took", "territory that Russia regained": ground, a pronoun or a side, the verb.
_RELATIVE_BEFORE = compile_pattern(
    r"(?:land|territor\w+|ground|area|villages?|settlements?|localit\w+|towns?)\s+"
    r"(?:(?:that\s+|which\s+)?(?:they|it|we|he|she|russia|ukraine|kyiv|moscow|the\s+[\w'-]+(?:\s+[\w'-]+)?)"
    r"\s+(?:had\s+|have\s+|has\s+)?)?$")
_ATTRIBUTIVE = compile_pattern(rf"(?:{ATTRIBUTIVE}|\w-$)")
#: English participles that may stand before a noun as its adjective ("the held territories").
_PARTICIPLE = compile_pattern(r"(?:controlled|held|occupied|captured|recaptured|liberated|seized|taken|retaken|regained)$")
#: A list that crosses into another region: "…, в Донецкой Народной Республике — …",
#: "…, and in the Donetsk region …". The part after it is a claim of its own.
_REGION_SWITCH = compile_pattern(
    rf",\s+(?:and\s+)?(?:in|в|у)\s+(?:the\s+)?(?:(?:{OTHER_REGIONS_CYRILLIC})\w*\s+(?:област|обл\b|народн)"
    rf"|(?:днр|лнр)\b|(?:{OTHER_REGIONS_LATIN})(?:'s)?\s+(?:{REGION_NOUN}|people's))")

#: A list item named with another region after it, the region's adjective after the village:
#: "…, и Ивановка в Белгородской области", "… и Безыменное Белгородской области", "… and
#: Ivanovka in the Belgorod region". The item is a claim of its own.
#: (A village a few words long; not a place described by its distance from another region's
#: border: "Darino (three kilometers north of the Sumy Oblast border)".)
_OTHER_REGION_ITEM = compile_pattern(
    rf"(?:,|\s+(?:и|і|та|й|and|а\s+также|as\s+well\s+as))\s+(?P<item>(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+"
    rf"(?:(?:в|у|in)\s+(?:the\s+)?)?(?:(?:{OTHER_REGIONS_CYRILLIC})\w*\s+(?:област|обл\b)\w*"
    rf"|(?:{OTHER_REGIONS_LATIN})(?:'s)?\s+{REGION_NOUN})(?!\s+(?:border|frontier|границ|кордон))")
#: Words that may open a named list item: "the village of Ivanovka", "село Ивановка".
_ITEM_OPENERS = frozenset("the village town settlement of село селище поселок посёлок деревня хутор".split())


def _is_name(item: str) -> bool:
    """Whether a list item is a place's name: its words capitalised after a ground noun, if any
    ("Ивановка", "the village of Ivanovka"; not "отошли в" nor "Ukraine shelled villages")."""
    words = item.split()
    while words and words[0].lower() in _ITEM_OPENERS:
        words.pop(0)
    return bool(words) and all(w[:1].isupper() for w in words)


#: A number right after a word makes the word an approximation, not a preposition:
#: "до двух улиц", "up to two villages", "около 40 кв. км".
_NUMBER_AFTER = compile_pattern(r"\s+(?:\d|(?:one|two|three|four|five|half|дв|тр|чотир|пят|п'ят|одн|полов)\w*)")

#: How many words after a predicate its ground may lie ("captured the two small border villages").
_GROUND_WORDS = 6
#: How far (characters) a clause may reach from its predicate: real clauses are far
#: shorter; the bound keeps a run-on line of a hostile file linear.
_REACH = 600
#: How far back (characters) an aim or a denial governs a predicate.
_BLOCK_WINDOW = 45

#: Where a clause starts before a predicate: a semicolon, a colon, a bracket, a spaced
#: dash, or a comma before a conjunction or a relative word ("…, and Russian troops took").
_CLAUSE_START = compile_pattern(
    r"[;:(]\s*|\s[–—-]\s+|,\s+(?=(?:and|but|while|whereas|which|who|as|after|with|when|where|although|though"
    r"|и|а|но|однако|хотя|когда|который|которая|которые|после|і|та|але|проте|коли|який|яка|які)[\s,])"
    r"|(?<=\s)(?:and|и|і|та|а)\s+(?=[A-ZА-ЯЁІЇЄҐ])"
    # a relative or reported clause: "the border where Ukrainian forces seized …",
    # "sources reported that Ukrainian forces captured …"
    r"|(?<![\w-])(?:where|that|что|що|где|де)\s+")
#: Where a clause ends after its predicate: a semicolon, or a comma before a new clause.
_CLAUSE_END = compile_pattern(
    r";|,\s+(?=(?:but|while|whereas|although|though|which|according|saying|adding|after|when|as|with|where"
    r"|before|despite|amid|following|где|де|после|після"
    r"|но|однако|хотя|при\s+этом|сообщ\w+|заяв\w+|говорится|передает|але|проте|однак|повідом\w+|заяв\w+"
    r"|запевни\w*|заверил\w*"
    # "whereas" in Russian and Ukrainian: "ВСУ отошли из Суджи, тогда как Минобороны сообщило о …"
    r"|тогда\s+как|в\s+то\s+время\s+как|тоді\s+як|у\s+той\s+час\s+як|в\s+той\s+час\s+як)\b)"
    r"|\s[–—]\s+(?=(?:said|says|сообщ|заяв|повідом))"
    # ", and other sources reported …": a new statement by another speaker
    r"|,\s+(?:and|but|и|а|і|та)\s+(?=(?:[\w'-]+\s+){0,3}(?:said|say|says|reported|report|claimed|claim|added|noted"
    r"|сообщ\w*|заяв\w*|повідом\w*|утвержда\w*|стверджу\w*)\b)")
#: A line that is one item of a list: a bullet, or a short name.
_LIST_ITEM = compile_pattern(r"^\s*(?:[•·▪‣◦*–—-]\s*)?[\w'’ .-]{1,40}[,;.]?\s*$")


@dataclass(frozen=True, slots=True)
class ControlSpan:
    """One control statement found in the text, before claimant, places and date.

    start, end        the clause that states it (offsets into the text)
    predicate_start   where its predicate starts (the anchor of the claim)
    predicate_end     where its predicate ends
    stance            what it says of the side named as its subject
    scope             the text range whose villages the statement is about (may run
                      past ``end`` over a list one village a line)
    subject           the side as the text names it, or None
    is_anaphoric      the ground is "these settlements": the villages of the claim before
    """

    start: int
    end: int
    predicate_start: int
    predicate_end: int
    stance: Stance
    scope: tuple[int, int]
    subject: str | None
    is_anaphoric: bool = False


def find_control(
    text: str,
    folded: str,
    sentence: tuple[int, int],
    settlement_starts: Sequence[int],
    *,
    paragraph_end: int | None = None,
    area_starts: Sequence[int] = (),
) -> list[ControlSpan]:
    """The control statements of one sentence.

    Parameters
    ----------
    text, folded
        The document text and its ``text.fold``.
    sentence
        The sentence's span.
    settlement_starts
        Sorted start offsets of the document's settlement mentions (a settlement after a
        predicate is ground: "captured Sudzha").
    paragraph_end
        Where the text of the sentence's paragraph run ends: a list one village a line
        after a colon extends the scope up to the last such line.
    area_starts
        Sorted start offsets of the document's mentions of the oblast and its districts: the
        oblast named alone is ground taken too ("has recaptured all of Kursk").
    """
    s_start, s_end = sentence
    found: list[ControlSpan] = []
    for m in _matches(folded, s_start, s_end):
        predicate = PREDICATES[int(m.lastgroup[1:])]  # type: ignore[index]
        if predicate.after_holding and not _GROUND_HELD.search(folded, s_start, m.start()):
            continue  # "the oblast's area is 30,000 square km": a size, not ground taken
        before = folded[max(s_start, m.start() - _BLOCK_WINDOW):m.start()]
        if _BLOCKED.search(before) or _NEGATED.search(before):
            continue
        if _UNCONFIRMED.search(folded, s_start, m.start()):
            continue  # "did not confirm that Sudzha had been lost": the other side's claim
        if _QUESTION.search(folded, s_start, m.start()):
            continue  # "Смогут ли войска вернуть контроль над областью, неизвестно": a question
        if "-" not in m.group() and _PARTICIPLE.search(m.group()) and _ATTRIBUTIVE.search(before):
            continue  # "the currently held territories": a noun's adjective, not a statement
        clause_start = _clause_start(text, s_start, m.start())
        if _INFINITIVE.match(m.group()) and not folded[clause_start:m.start()].strip(" ,"):
            continue  # "Утримувати позиції важко", "Удержать Суджу будет сложно": an infinitive as subject
        clause_start = _relative_antecedent(folded, clause_start, settlement_starts)
        clause_end = _clause_end(text, m.end(), s_end)
        if len(_SPACED_DASH.findall(text, max(s_start, m.start() - _REACH), m.start())) % 2:
            # "… – where Ukrainian troops control X – at about 8,000": the aside ends at its dash
            close = _SPACED_DASH.search(text, m.end(), clause_end)
            clause_end = close.start() if close else clause_end
        if predicate.needs_ground and not (
                _ground_follows(folded, m.end(), clause_end, settlement_starts)
                or _ground_follows(folded, m.end(), clause_end, area_starts)
                or _share_of_ground(folded, m.end(), clause_end)
                or (_is_passive_or_relative(folded, clause_start, m)
                    and _ground_before(folded, clause_start, m.start(), settlement_starts))):
            continue
        line = (folded.rfind("\n", 0, s_start) + 1, max(s_end, paragraph_end or s_end))
        if ((_UNNAMED_POSITIONS.match(folded, m.end()) or _ENDS_IN_POSITIONS.search(m.group()))
                and not _names_ground(text, folded, line, settlement_starts)):
            continue  # "Мы удерживаем позиции": positions of no named ground (GOLD.md)
        if _ADVANCE.match(m.group()) and _advance_is_near(folded, m.end(), clause_end, settlement_starts):
            continue  # "ВСУ продвинулись на 2 км у Суджи": an advance near a place (GOLD.md)
        if found and found[-1].start == clause_start:
            continue  # one claim per clause: "regained control of" is one statement
        scope_end = max(clause_end, _list_end(text, clause_end, s_end, paragraph_end))
        anaphoric = bool(_ANAPHORA.search(folded, m.end(), min(clause_end, m.end() + 60))) or bool(
            _ANAPHORA.search(folded[clause_start:m.start()]))
        is_noun = _NOUN_LEAD.search(folded, clause_start, m.start()) or _NOUN_PREDICATE.match(m.group())
        held_by = _holder(text, m)
        if is_noun and _MODAL.match(folded, m.end(), clause_end):
            continue  # "The withdrawal of troops from X would be a disaster": the event foreseen
        subject = held_by or (_noun_subject(text, m) if is_noun else _subject(text, clause_start, m.start()))
        own = _subject(folded, clause_start, m.start()) or ""
        # "«Ситуация … остаётся сложной, но контролируемой»": a clause with no subject of its
        # own shares the sentence's
        head = own if own and not _CONJUNCTION.fullmatch(own) else folded[s_start:m.start()].lstrip(_OPENERS)
        if _NOT_A_SIDE.search(head) or (held_by is None and _COUNTED_NOT_A_SIDE.search(head)):
            continue  # "Гражданское население покинуло Суджу", "the situation is under control": no side
        if _ALLY_ENTERS.search(head) and _ENTER.match(m.group()):
            continue  # "North Korean troops enter Kursk": an ally deployed on its partner's ground, no ground taken
        switch = _REGION_SWITCH.search(folded, m.end(), clause_end)
        parts = [(clause_start, switch.start(), switch.start()), (switch.start() + 1, clause_end, scope_end)] \
            if switch else [(clause_start, clause_end, scope_end)]
        item = None if switch else _OTHER_REGION_ITEM.search(folded, m.end(), clause_end)
        if item is not None and _is_name(text[item.start("item"):item.end("item")]):
            # "… Мартыновка в Курской области и Ивановка в Белгородской области": the other
            # region's villages are a claim of their own (GOLD.md: a list that spans two regions)
            parts = [(clause_start, item.start(), item.start()), (item.start("item"), clause_end, scope_end)]
        for start, end, scope_stop in parts:
            found.append(ControlSpan(
                start=start, end=end, predicate_start=m.start(), predicate_end=m.end(),
                stance=predicate.stance, scope=(start, scope_stop), subject=subject, is_anaphoric=anaphoric,
            ))
    return _without_overlaps(text, found)


def _without_overlaps(text: str, found: list[ControlSpan]) -> list[ControlSpan]:
    """Two statements of one sentence: the first ends where the second starts."""
    out = list(found)
    for i in range(len(out) - 1):
        current, following = out[i], out[i + 1]
        if current.end > following.start > current.predicate_end:
            end = following.start
            while end > current.predicate_end and text[end - 1] in " ,;:–—-\u00a0":
                end -= 1
            for word in ("and", "и", "і", "та", "а", "but", "но", "але"):
                if text[current.start:end].endswith(" " + word):
                    end -= len(word) + 1
            out[i] = replace(current, end=end, scope=(current.scope[0], min(current.scope[1], end)))
    return out


def _clause_start(text: str, start: int, pos: int) -> int:
    if pos - start > _REACH:  # a run-on "sentence" of a hostile file: look back a bounded way
        start = text.find(" ", pos - _REACH, pos) + 1 or pos - _REACH
    cut = start
    for m in _CLAUSE_START.finditer(text, start, pos):
        if m.end() <= pos:
            cut = m.end()
    return cut


def _clause_end(text: str, pos: int, end: int) -> int:
    end = min(end, pos + _REACH)
    m = _CLAUSE_END.search(text, pos, end)
    stop = m.start() if m else end
    while stop > pos and text[stop - 1] in " ,.;:!?–—-\u00a0":
        stop -= 1
    return stop


def _ground_follows(folded: str, pos: int, end: int, settlement_starts: Sequence[int]) -> bool:
    """Whether ground is what the predicate acts on: a settlement or a noun of ground
    within a few words, before any preposition, person or thing."""
    next_place = bisect_left(settlement_starts, pos)
    place_at = settlement_starts[next_place] if next_place < len(settlement_starts) else None
    for count, w in enumerate(_WORD.finditer(folded, pos, end)):
        if count >= _GROUND_WORDS:
            return False
        if place_at is not None and w.start() <= place_at < w.end() + 1:
            return True
        if _GROUND.match(folded, w.start()):
            return True
        stop = _NOT_GROUND.match(folded, w.start())
        if stop and stop.end() >= w.end() and not _NUMBER_AFTER.match(folded, w.end()):
            return False
    return False


def _share_of_ground(folded: str, pos: int, end: int) -> bool:
    """Whether a share follows the predicate and ground follows the share: "less than 10 percent
    of the territory it captured", "менее 10% от ранее захваченной ими территории"."""
    share = _SHARE.match(folded, pos, end)
    if share is None:
        return False
    words = list(_WORD.finditer(folded, share.end(), end))[:SHARE_GROUND_WORDS]
    return any(_GROUND.match(folded, w.start()) for w in words)


def _advance_is_near(folded: str, pos: int, end: int, settlement_starts: Sequence[int]) -> bool:
    """Whether an advance's clause puts it near or towards a settlement ("advanced 2 km near
    Sudzha", "продвинулись в районе Суджи") and never into ground ("into", "вглубь")."""
    if _INTO_GROUND.search(folded, pos, end):
        return False
    first = bisect_left(settlement_starts, pos)
    for place in settlement_starts[first:bisect_left(settlement_starts, end)]:
        if _NEAR_A_PLACE.search(folded[max(pos, place - 60):place]):
            return True
    return False


def _names_ground(text: str, folded: str, paragraph: tuple[int, int], settlement_starts: Sequence[int]) -> bool:
    """Whether a paragraph names the ground its positions lie on: a settlement, a name after a
    preposition, or the region (the dev gold: "…в Курській області РФ та тримають оборону. ЗСУ
    займають нормальні тактичні позиції" is control of the oblast, both sentences)."""
    start, end = paragraph
    if bisect_left(settlement_starts, start) < bisect_left(settlement_starts, end):
        return True
    return (_NAMED_AREA.search(folded, start, end) is not None
            or _NAME_AFTER_PREPOSITION.search(text, start, end) is not None)


def _anchor_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in ANCHORS:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


_ANCHOR_AUTOMATON = _anchor_automaton()


def _may_hold_control(folded: str, start: int, end: int) -> bool:
    """Whether the sentence holds one of the predicates' stems (``control_lexicon.ANCHORS``)."""
    # The sentence's own slice: given the whole text with bounds, the automaton's ``iter``
    # copies all of it at each call, which made a long article's cost grow with its square.
    return next(_ANCHOR_AUTOMATON.iter(folded[start:end]), None) is not None


def _matches(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """The predicates of a sentence, in order, each script's from its own alternation."""
    if not _may_hold_control(folded, start, end):
        return []
    out: list[re.Match[str]] = []
    if _HAS_LATIN.search(folded, start, end):
        out.extend(_LATIN_HEADS.index(folded, start, end).finditer(start, end))
    if _HAS_CYRILLIC.search(folded, start, end):
        cyrillic = list(_CYRILLIC_HEADS.index(folded, start, end).finditer(start, end))
        out = sorted(out + cyrillic, key=lambda m: m.start()) if out else cyrillic
    return out


#: A clause that opens with a relative word: "Sudzha, which is occupied by Ukraine".
_RELATIVE_OPENING = compile_pattern(r"(?:which|that|котор\w+|як(?:ий|а|е|і))\s")
#: A village named in one or two words, then the comma before the relative word.
_NAME_THEN_COMMA = compile_pattern(r"[\w'’-]+(?:[\s-][\w'’-]+)?,\s*")


def _relative_antecedent(folded: str, clause_start: int, settlement_starts: Sequence[int]) -> int:
    """Where a relative clause's statement starts: at the village it is about, when it names one.

    "Sudzha, which is occupied by Ukraine" says that Ukraine holds Sudzha: the village before
    the comma is the ground of the clause after it.
    """
    if not _RELATIVE_OPENING.match(folded, clause_start):
        return clause_start
    i = bisect_left(settlement_starts, clause_start) - 1
    if i >= 0 and _NAME_THEN_COMMA.fullmatch(folded, settlement_starts[i], clause_start):
        return settlement_starts[i]
    return clause_start


def _is_passive_or_relative(folded: str, clause_start: int, m: re.Match[str]) -> bool:
    """Whether a predicate's ground may stand before it: a passive ("had been captured",
    "захвачены", "под контролем ВСУ") or a relative clause ("the land they took"), not an
    active verb whose object follows ("… near Plekhovo and captured two")."""
    if _PASSIVE_FORM.match(m.group()):
        return True
    before = folded[max(clause_start, m.start() - 40):m.start()]
    return bool(_AUXILIARY_BEFORE.search(before) or _RELATIVE_BEFORE.search(before))


def _ground_before(folded: str, start: int, pos: int, settlement_starts: Sequence[int]) -> bool:
    """Whether the predicate stands after its ground: "63% of the region had been captured",
    "город под контролем ВСУ", "the land they took" (a few words back, in its clause)."""
    words = list(_WORD.finditer(folded, start, pos))[-_GROUND_WORDS:]
    if not words:
        return False
    first = words[0].start()
    if bisect_left(settlement_starts, first) < bisect_left(settlement_starts, pos):
        return True
    return any(_GROUND.match(folded, w.start()) for w in words)


def is_ground_at(folded: str, pos: int, end: int) -> bool:
    """Whether the words from ``pos`` count ground rather than people: "11 settlements",
    "a quarter of the territory" (not "12 soldiers")."""
    return _ground_follows(folded, pos, end, ())


def _list_end(text: str, clause_end: int, sentence_end: int, paragraph_end: int | None) -> int:
    """A clause that ends in a colon at its line's end goes on over the list lines after it."""
    if paragraph_end is None or text[clause_end:sentence_end].strip() != ":":
        return clause_end
    line_end = text.find("\n", sentence_end)
    if line_end < 0 or text[sentence_end:line_end].strip():
        return clause_end
    end = clause_end
    pos = line_end + 1
    while pos < paragraph_end:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if line.strip():
            if not _LIST_ITEM.match(line):
                break
            end = pos + len(line.rstrip())
        pos = nl + 1
    return end


#: A source that opens the clause before its side: "По данным военкоров, ВСУ …", "According to
#: the ISW, Russian forces …".
_LEAD_SOURCE = compile_pattern(rf"^\W*(?:{ACCORDING_TO})\s[^,]{{1,80}},\s*", re.IGNORECASE)
#: A head that opens with a preposition names a place or a time, not the side.
_PLACE_FIRST = compile_pattern(r"(?:над|под|під|в|во|у|на|біля|около|возле|in|near|over|at|on)\s", re.IGNORECASE)
#: The side at the end of a head that opens with a place or a time: "… украинские войска".
_SIDE_TAIL = compile_pattern(rf"(?:[\w'’-]+\s+)?(?<![\w'’-])(?:{FORCE_NOUNS}|войска|війська|всу|зсу|russia|ukraine|россия|украина|росія|україна)$",
                             re.IGNORECASE)
#: A speech verb inside the head of a clause, the side after it ("bloggers said Kyiv's forces").
#: Searched only where one of its verbs' literals occurs (issue 14): most heads hold none.
_LEAD_SPEECH = Gated.of(compile_pattern(
    rf"(?<!\w)(?:{SPEECH_VERBS})(?:\s+(?:on|in)\s+\w+|\s+\w+day)?(?:\s+(?:that|что|що))?\s+", re.IGNORECASE),
    is_folded=False)
#: What may open a clause before its side and is none: symbols (a post's emoji) and a time.
_SYMBOLS_FIRST = compile_pattern(r"^[^\w«\"“„'(]+")
_TIME_FIRST = compile_pattern(
    # the times a speaker speaks at (``lexicon.SAID_WHEN``), and those of an event
    rf"^(?:{SAID_WHEN}|ранее|позднее|ночью|утром|вечером|днем|днём|раніше|згодом|уночі|вночі|вранці|зранку|ввечері"
    r"|yesterday|today|earlier|overnight|later"
    r"|(?:две|три|несколько|пару|дві|кілька|two|three|several|a\s+few)\s+(?:недели|недель|дня|дней|тижні|тижнів|днів"
    r"|weeks|days)\s+(?:назад|тому|ago))\s+(?=\S)", re.IGNORECASE)
_AUXILIARIES = compile_pattern(
    r"(?:\s+(?:have|has|had|was|were|is|are|been|being|now|also|reportedly|already|still|fully|"
    r"completely|currently|allegedly|supposedly|recently|managed\s+to|continued\s+to|began\s+to|начали|почали|"
    r"continue\s+to|продолжают|продолжает|продовжують|продовжує|"
    r"confirm(?:s|ed)?|claim(?:s|ed)?|say|says|said|they|вони|они|"
    r"уже|вже|полностью|повністю|нібито|якобы|на\s+текущий\s+момент|частично|частково|partially|partly|"
    # the hedges and manners of ISW and the wires: "Russian forces likely recaptured …", "ймовірно"
    r"likely|probably|possibly|apparently|evidently|finally|successfully|eventually|вероятно|возможно|"
    r"по-видимому|предположительно|наконец|успешно|ймовірно|імовірно|можливо|вочевидь|нарешті|успішно|"
    # a passive's past auxiliary: "ВСУ были выбиты из …", "ЗСУ були витіснені з …"
    r"были|был|была|было|були|був|була|було))+\s*$",
    re.IGNORECASE)


#: A report of an event named as a noun: "сообщило о захвате …", "announced the fall of …",
#: "повідомив про взяття …", "доповів про завершення звільнення …". What stands before it is
#: the speaker, not the side.
_NOUN_LEAD = compile_pattern(r"(?<!\w)(?:(?:о|об|про)\s+(?:[\w'-]+\s+)?|(?:the|a|of|about|on)\s+)$")
#: A modal verb after an event's noun, before any comma: the event is foreseen or feared,
#: not reported ("The withdrawal of troops from X would be a disaster").
_MODAL = compile_pattern(r"[^,;:]*?(?<!\w)(?:would|could|will|might|should|будет|может|буде|може|могут|можуть)(?!\w)")
#: The nouns of withdrawal, which name their side after them whatever stands before.
_NOUN_PREDICATE = compile_pattern(r"(?:withdrawal|pull-?out|pullback|відхід|выход|отход|отступлени)")
#: The side inside the noun phrase: "выходе ВСУ из", "withdrawal of Ukrainian units from".
_NOUN_AGENT = compile_pattern(r"^\S+\s+(?:of\s+)?(?P<agent>\S+(?:\s+\S+){0,3}?)\s+(?:from|из|с|со|з|із|зі)$",
                              re.IGNORECASE)


#: Ground "under X control": the side between ("under Ukrainian control", "under full Russian
#: control"), or one glued to "-controlled" ("Ukraine-controlled").
_UNDER_CONTROL = compile_pattern(r"under\s+(?:the\s+)?(?:full\s+|complete\s+)?(?P<side>(?:[\w'’-]+\s+){1,2})control$"
                                 r"|(?P<glued>[\w'’]+)-controlled$", re.IGNORECASE)
#: The side after "под контролем", "під контролем", "перешла под контроль": an abbreviation
#: or a capitalised name ("ВСУ", "ВС РФ", "Сил оборони"), or an adjective and its noun
#: ("российских войск", "українських військ").
_SIDE_AFTER = compile_pattern(
    r"\s+(?P<side>(?:ВСУ|ЗСУ|ВС\s+РФ|ЗС\s+РФ|РФ|России|Росії|Украины|України|Сил\s+обороны|Сил\s+оборони)(?!\w)"
    r"|[\w'-]+(?:ских|ских|цких|ських|цьких|ой|ої)\s+(?:войск|военных|військ|військових|сил|армии|армії|подразделений"
    r"|підрозділів|вооруженных\s+сил|збройних\s+сил)(?!\w))")
#: The passive forms whose side follows them.
_CONTROL_AFTER = compile_pattern(r"(?:под|під)\s+(?:\w+\s+)?контрол\w*$|контрол\w*$")


def _holder(text: str, m: re.Match[str]) -> str | None:
    """The side that holds ground stated in the passive: "under Ukrainian control" → "Ukrainian",
    "Ukraine-controlled" → "Ukraine", "под контролем ВСУ" → "ВСУ", "перешла под контроль
    российских войск" → "российских войск"; None when the words name no side."""
    words = text[m.start():m.end()]
    under = _UNDER_CONTROL.search(words)
    if under:
        return (under.group("side") or under.group("glued")).strip()
    if _CONTROL_AFTER.search(words) and not words.lower().startswith(("контролир", "контролю")):
        after = _SIDE_AFTER.match(text, m.end())
        return after.group("side") if after else None
    return None


def _noun_subject(text: str, m: re.Match[str]) -> str | None:
    """The side of an event written as a noun ("о выходе ВСУ из Суджи" → "ВСУ"), or None
    when the noun names none ("о захвате Суджи")."""
    agent = _NOUN_AGENT.match(text[m.start():m.end()])
    return agent.group("agent") if agent else None


def _subject(text: str, clause_start: int, predicate_start: int) -> str | None:
    """The side as the clause names it before its predicate ("Russian forces have"), or None."""
    head = text[clause_start:predicate_start].rstrip(" ,")
    head = _LEAD_SOURCE.sub("", head)  # "По данным военкоров, ВСУ …": the source is no side
    speech = list(_LEAD_SPEECH.finditer(head))
    if speech and head[speech[-1].end():].strip(" ,"):
        head = head[speech[-1].end():]  # "bloggers said Kyiv's forces …": the side is after the verb
    head = _AUXILIARIES.sub("", head).strip(" ,")
    # a Telegram post's emoji and a time before the side: "⚡️Российские войска", "Накануне российские
    # военные", "Две недели назад ВСУ были …"
    head = _TIME_FIRST.sub("", _SYMBOLS_FIRST.sub("", head))
    if _PLACE_FIRST.match(head):
        # "In February, the army …", "В начале августа украинские войска …": the side after the
        # place or time; "Над Суджей поднят флаг", "в Курской области был освобожден": none
        head = head.rsplit(",", 1)[1] if "," in head else head
        side = None if _PLACE_FIRST.match(head.lstrip()) and "," not in head else head
        if side is None:
            tail = _SIDE_TAIL.search(head)
            return " ".join(tail.group().split()) if tail else None
        head = side
    words = head.split()
    if not words or len(words) > 8 or _PLACE_FIRST.match(head.lstrip()):
        return None
    return " ".join(words)
