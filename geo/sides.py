"""Which side a claimant or a subject belongs to, and who holds a village per a control claim.

Pure and table-driven: the map colours a village by the side its latest ``control`` claim
says holds it, and lets the reader keep only Russian or only Ukrainian sources (issue 12).
The extractor gives a control claim its kind, its ``subject`` (the side as the text names
it: "Russian forces", "ВСУ", "Ukrainian troops") and its quote, nothing more; this module
reads the rest from two small tables of data:

- :data:`ALIASES`: names of claimants and forces, each mapped to ``russia``, ``ukraine``
  or ``unknown`` (an analyst outlet such as ISW reports both sides' claims: it is no side
  as a claimant, but the subject of its sentence still says who holds the village).
  "The enemy" and "our forces" are :data:`RELATIVE` to the claimant's own side.
- :data:`LEFT_CUES`: the verbs that say a side *left* a place (withdrew, retreated,
  вышли, відступили, were pushed out …). Any other control claim says the subject took
  or holds it. Active expulsion ("Ukrainian troops pushed the Russians out of X") is a
  gain for whoever stands before the verb, so for those cues the subject's position in
  the quote decides.

Every entry carries an example sentence; ``tests/test_webmap.py`` runs each one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from geo.model import Claim, Kind
from geo.regex_cache import compile_pattern


class Side(StrEnum):
    """A party to the fighting, as the map colours it."""

    RUSSIA = "russia"
    UKRAINE = "ukraine"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Alias:
    """A name (lower case, ё written е) that marks a side, and a sentence it occurs in.

    ``is_prefix``: the name may be followed by more letters (a stem such as "russian",
    "российск", "украин" covers every case ending); otherwise it is a whole word, as short
    abbreviations (ВСУ, ISW) must be.
    """

    name: str
    side: Side
    example: str
    is_prefix: bool = False


_R, _U, _X = Side.RUSSIA, Side.UKRAINE, Side.UNKNOWN

#: Claimants and forces. Longer names are tried first, so "isw" (no side) is not hidden
#: behind a stem of the sentence it is in.
ALIASES: tuple[Alias, ...] = (
    # Russia: state, media and bloggers that speak for its forces, and its forces
    Alias("russian defense ministry", _R, "The Russian Defense Ministry said Sudzha was taken."),
    Alias("russia", _R, "Russia's troops entered the village, Russian forces said.", is_prefix=True),
    Alias("минобороны", _R, "Минобороны сообщило об освобождении села."),
    Alias("мо рф", _R, "МО РФ заявило, что село освобождено."),
    Alias("вс рф", _R, "Подразделения ВС РФ вошли в село."),
    Alias("россий", _R, "Российские войска заняли село.", is_prefix=True),
    Alias("російськ", _R, "Російські війська зайняли село.", is_prefix=True),
    Alias("рф", _R, "Війська РФ увійшли в село."),
    Alias("tass", _R, "TASS reported that the village was liberated."),
    Alias("тасс", _R, "Об этом сообщает ТАСС."),
    Alias("ria novosti", _R, "RIA Novosti said the village was cleared."),
    Alias("риа новости", _R, "РИА Новости сообщили о взятии села."),
    Alias("rybar", _R, "Rybar wrote that the village had been taken."),
    Alias("рыбар", _R, "По данным «Рыбаря», село взято.", is_prefix=True),
    Alias("battlegroup north", _R, "Battlegroup North units cleared the village."),
    Alias("north group", _R, "The North group of forces took the village."),
    Alias("север", _R, "Подразделения группировки «Север» освободили село."),
    Alias("akhmat", _R, "Akhmat fighters said they held the village."),
    Alias("ахмат", _R, "Бойцы «Ахмата» удерживают село.", is_prefix=True),
    Alias("kadyrov", _R, "Kadyrov said his men had entered the village.", is_prefix=True),
    Alias("kremlin", _R, "The Kremlin said the area was under control."),
    Alias("peskov", _R, "Peskov said the village had been liberated."),
    Alias("putin", _R, "Putin said the last village had been freed."),
    Alias("путин", _R, "Путин заявил об освобождении села."),
    Alias("gerasimov", _R, "Gerasimov reported that the village was taken."),
    Alias("герасимов", _R, "Герасимов доложил о взятии села."),
    # the Kursk region's governors and the ministry's and the army's officials
    Alias("kursk region operational headquarters", _R, "The Kursk Region Operational Headquarters said two civilians "
          "were killed in the village."),
    Alias("оперштаб", _R, "Оперштаб сообщил о гибели двух жителей села.", is_prefix=True),
    Alias("khinshtein", _R, "Khinshtein said two civilians were killed in the village."),
    Alias("хинштейн", _R, "Хинштейн сообщил о гибели двух жителей села.", is_prefix=True),
    Alias("хінштейн", _R, "Хінштейн повідомив про загибель двох жителів села.", is_prefix=True),
    Alias("alexei smirnov", _R, "Alexei Smirnov said the village was shelled."),
    Alias("starovoit", _R, "Starovoit said residents had left the village."),
    Alias("старовойт", _R, "Старовойт сообщил об эвакуации села.", is_prefix=True),
    Alias("konashenkov", _R, "Konashenkov said the village had been liberated."),
    Alias("конашенков", _R, "Конашенков заявил об освобождении села.", is_prefix=True),
    Alias("belousov", _R, "Belousov said the village had been freed."),
    Alias("alaudinov", _R, "Alaudinov said his fighters held the village."),
    Alias("алаудинов", _R, "Алаудинов заявил, что бойцы удерживают село.", is_prefix=True),
    Alias("fsb", _R, "FSB said the border village was shelled."),
    Alias("фсб", _R, "ФСБ сообщила об обстреле села."),
    Alias("rosgvardia", _R, "Rosgvardia said it patrolled the village."),
    Alias("росгвард", _R, "Росгвардия сообщила о патрулировании села.", is_prefix=True),
    Alias("izvestia", _R, "Izvestia reported that the village was retaken."),
    Alias("известия", _R, "Известия сообщили о взятии села."),
    Alias("kommersant", _R, "Kommersant wrote that the village was retaken."),
    Alias("two majors", _R, "Two Majors wrote that the village was taken."),
    Alias("окупант", _R, "Окупанти увійшли в село.", is_prefix=True),
    Alias("оккупант", _R, "Оккупанты вошли в село.", is_prefix=True),
    Alias("russian", _R, "Russian forces took the village.", is_prefix=True),
    Alias("росси", _R, "Россия заявила, что село под контролем.", is_prefix=True),
    Alias("россиян", _R, "Село в руках россиян.", is_prefix=True),
    Alias("росія", _R, "Росія заявила про захоплення села."),
    Alias("росії", _R, "Війська Росії зайшли в село."),
    Alias("росіян", _R, "Село в руках у росіян.", is_prefix=True),
    Alias("агресор", _R, "Міноборони країни-агресора заявило про захоплення села.", is_prefix=True),
    Alias("агрессор", _R, "Армия страны-агрессора вошла в село.", is_prefix=True),
    Alias("рашист", _R, "Рашисти зайшли в село.", is_prefix=True),
    Alias("moscow", _R, "Moscow said its troops had cleared the village.", is_prefix=True),
    Alias("москв", _R, "Москва заявила о взятии села.", is_prefix=True),
    Alias("кремл", _R, "В Кремле заявили об освобождении села.", is_prefix=True),
    Alias("north korea", _R, "North Korean troops retook the village.", is_prefix=True),
    Alias("северокорейск", _R, "Северокорейские военные вошли в село.", is_prefix=True),
    Alias("північнокорейськ", _R, "Північнокорейські військові зайшли в село.", is_prefix=True),
    Alias("кндр", _R, "Військові КНДР зайшли в село."),
    # Ukraine: the state, its forces, and the mappers that speak from its side
    Alias("zelensky", _U, "Zelensky said Ukrainian forces held the village.", is_prefix=True),
    Alias("zelenskyy", _U, "Zelenskyy said the village was held."),
    Alias("зеленск", _U, "Зеленский заявил, что село удерживается.", is_prefix=True),
    Alias("зеленськ", _U, "Зеленський заявив, що село утримується.", is_prefix=True),
    Alias("syrskyi", _U, "Syrskyi said the troops had withdrawn."),
    Alias("syrsky", _U, "Syrsky said the troops had withdrawn."),
    Alias("сырск", _U, "Сырский заявил об отходе.", is_prefix=True),
    Alias("сирськ", _U, "Сирський заявив про відхід.", is_prefix=True),
    Alias("general staff of ukraine", _U, "The General Staff of Ukraine said the village was held."),
    Alias("ukrainian general staff", _U, "The Ukrainian General Staff reported fighting."),
    Alias("генштаб всу", _U, "Генштаб ВСУ сообщил о боях."),
    Alias("генштаб зсу", _U, "Генштаб ЗСУ повідомив про бої."),
    Alias("генштаб", _U, "Генштаб повідомив, що село утримується.", is_prefix=True),
    Alias("зсу", _U, "ЗСУ зайняли село."),
    Alias("всу", _U, "ВСУ вошли в село."),
    Alias("afu", _U, "The AFU entered the village."),
    Alias("ukraine", _U, "Ukraine's forces held the village.", is_prefix=True),
    Alias("ukrainian", _U, "Ukrainian troops held the village.", is_prefix=True),
    Alias("украин", _U, "Украинские войска вошли в село.", is_prefix=True),
    Alias("україн", _U, "Українські війська увійшли в село.", is_prefix=True),
    Alias("kyiv", _U, "Kyiv said its troops still held the village.", is_prefix=True),
    Alias("kiev", _U, "Kiev said its troops still held the village.", is_prefix=True),
    Alias("киев", _U, "Киев заявил, что село под контролем.", is_prefix=True),
    Alias("київ", _U, "Київ заявив, що село під контролем."),
    Alias("києв", _U, "За даними Києва, село під контролем.", is_prefix=True),
    Alias("сили оборони", _U, "Сили оборони утримують село."),
    Alias("сил оборони", _U, "Підрозділи Сил оборони утримують село."),
    Alias("deepstate", _U, "DeepState showed the village as lost."),
    Alias("deep state", _U, "Deep State showed the village as lost."),
    Alias("gur", _U, "GUR said the village was held."),
    Alias("гур", _U, "ГУР заявило, що село утримується."),
    Alias("budanov", _U, "Budanov said the village was held."),
    Alias("буданов", _U, "Буданов сказал, что село удерживается.", is_prefix=True),
    Alias("khortytsia", _U, "Khortytsia said the village was held."),
    Alias("дпсу", _U, "У ДПСУ повідомили, що село утримується."),
    Alias("хортиц", _U, "В ОСУВ «Хортиця» заявили, що село утримується.", is_prefix=True),
    Alias("sbu", _U, "SBU said the village was held."),
    Alias("сбу", _U, "СБУ повідомила, що село утримується."),
    Alias("ukrinform", _U, "Ukrinform reported that the village was held."),
    Alias("укрінформ", _U, "Укрінформ повідомив, що село утримується.", is_prefix=True),
    Alias("suspilne", _U, "Suspilne reported that the village was held."),
    Alias("суспільне", _U, "Суспільне повідомило, що село утримується."),
    Alias("office of the president of ukraine", _U, "The Office of the President of Ukraine said the village was held."),
    Alias("офіс президента", _U, "В Офіс президента заявили, що село утримується."),
    Alias("офісі президента", _U, "В Офісі президента заявили, що село утримується."),
    Alias("офисе президента", _U, "В Офисе президента заявили, что село удерживается."),
    Alias("center for countering disinformation", _U, "The Center for Countering Disinformation said the village "
          "was held."),
    # Neither side: analysts that report both sides' claims
    Alias("isw", _X, "ISW assessed that the village had been taken."),
    Alias("institute for the study of war", _X, "The Institute for the Study of War said so."),
)


class Relative(StrEnum):
    """A name whose side is the claimant's own, or the other one."""

    OWN = "own"
    ENEMY = "enemy"


@dataclass(frozen=True, slots=True)
class RelativeAlias:
    """A name meaning the claimant's own side or its enemy, with an example sentence."""

    name: str
    relative: Relative
    example: str
    is_prefix: bool = False


#: "Our troops" and "the enemy": whose they are depends on who speaks.
RELATIVE: tuple[RelativeAlias, ...] = (
    RelativeAlias("our", Relative.OWN, "Our units still hold the village, the minister said."),
    RelativeAlias("наш", Relative.OWN, "Наши подразделения удерживают село.", is_prefix=True),
    RelativeAlias("enemy", Relative.ENEMY, "The enemy withdrew from the village.", is_prefix=True),
    RelativeAlias("противник", Relative.ENEMY, "Противник отступил из села.", is_prefix=True),
    RelativeAlias("враг", Relative.ENEMY, "Враг выбит из села.", is_prefix=True),
    RelativeAlias("ворог", Relative.ENEMY, "Ворог відступив із села.", is_prefix=True),
)


class Motion(StrEnum):
    """What a left cue says about the subject: it left, or it made the other side leave."""

    LEFT = "left"          # the subject withdrew, or was pushed out
    EXPELLED = "expelled"  # the subject pushed someone out (a gain, when it stands first)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word stem in a control quote that says a side left a place."""

    stem: str
    motion: Motion
    example: str


#: Verbs of leaving. Passive forms ("were pushed out", "выбиты") are LEFT: the subject is
#: the one pushed out. Active expulsion is EXPELLED: the subject did the pushing.
LEFT_CUES: tuple[Cue, ...] = (
    Cue("withdr", Motion.LEFT, "Ukrainian forces withdrew from the village."),
    Cue("retreat", Motion.LEFT, "Russian troops retreated from the village overnight."),
    Cue("pulled back", Motion.LEFT, "Ukrainian units pulled back from the village."),
    Cue("pulled out", Motion.LEFT, "Russian units pulled out of the village."),
    Cue("abandon", Motion.LEFT, "Ukrainian troops abandoned the village."),
    Cue("left the", Motion.LEFT, "Russian forces left the village on Monday."),
    Cue("lost control", Motion.LEFT, "Ukrainian forces lost control of the village."),
    Cue("were pushed out", Motion.LEFT, "Russian troops were pushed out of the village."),
    Cue("were driven out", Motion.LEFT, "Ukrainian units were driven out of the village."),
    Cue("were expelled", Motion.LEFT, "Russian forces were expelled from the village."),
    Cue("were forced out", Motion.LEFT, "Ukrainian troops were forced out of the village."),
    Cue("вышли из", Motion.LEFT, "ВСУ вышли из села."),
    Cue("отступ", Motion.LEFT, "Российские войска отступили из села."),
    Cue("отошли", Motion.LEFT, "Украинские подразделения отошли от села."),
    Cue("оставили", Motion.LEFT, "ВСУ оставили село."),
    Cue("выбиты", Motion.LEFT, "Украинские войска выбиты из села."),
    Cue("вытеснены", Motion.LEFT, "Подразделения ВСУ вытеснены из села."),
    Cue("вийшли з", Motion.LEFT, "ЗСУ вийшли з села."),
    Cue("відступ", Motion.LEFT, "Російські війська відступили з села."),
    Cue("відійшли", Motion.LEFT, "Українські підрозділи відійшли від села."),
    Cue("залишили", Motion.LEFT, "ЗСУ залишили село."),
    Cue("вибиті", Motion.LEFT, "Окупанти вибиті з села."),
    Cue("вибито", Motion.LEFT, "Окупантів вибито з села."),
    Cue("витіснено", Motion.LEFT, "Ворога витіснено з села."),
    Cue("витіснені", Motion.LEFT, "Російські війська витіснені з села."),
    Cue("expelled", Motion.EXPELLED, "Russian forces expelled Ukrainian units from the village."),
    Cue("pushed", Motion.EXPELLED, "Ukrainian troops pushed Russian forces out of the village."),
    Cue("drove", Motion.EXPELLED, "Russian troops drove Ukrainian units out of the village."),
    Cue("выбили", Motion.EXPELLED, "Российские военные выбили ВСУ из села."),
    Cue("вытеснили", Motion.EXPELLED, "Российские войска вытеснили ВСУ из села."),
    Cue("витіснили", Motion.EXPELLED, "ЗСУ витіснили окупантів із села."),
    Cue("вибили", Motion.EXPELLED, "ЗСУ вибили окупантів із села."),
)


_SPACES_AND_DASHES = compile_pattern(r"[\s\-\u2010-\u2015]+")


def _fold(text: str) -> str:
    """Lower case, ё as е, runs of spaces and dashes as one space: how the tables are written."""
    return _SPACES_AND_DASHES.sub(" ", text.lower().replace("ё", "е")).strip()


class _Table:
    """One compiled alternation over a table's names, and the value of each name.

    One search finds the earliest name in a text (at one position the longest name wins,
    as the alternatives are tried longest first); the table stays data, and one regex
    scan replaces a scan per entry (a map of 10,000 claims calls this 20,000 times).
    """

    def __init__(self, entries: list[tuple[str, bool, object]]) -> None:
        entries = sorted(entries, key=lambda e: -len(e[0]))
        self.values = {name: value for name, _, value in reversed(entries)}
        alternation = "|".join(re.escape(name) + ("" if is_prefix else r"(?!\w)")
                               for name, is_prefix, _ in entries)
        # through the stored programs: compiling the three tables' alternations was 20-50 ms
        # of every start, one-article commands and rebuilds included (issue 14)
        self.pattern = compile_pattern(rf"(?<!\w)(?:{alternation})")

    def earliest(self, text: str) -> tuple[int, object] | None:
        """The position and value of the first name in ``text``, or None."""
        found = self.pattern.search(text)
        return (found.start(), self.values[found.group()]) if found else None

    def each(self, text: str) -> list[tuple[int, object]]:
        """The position and value of every name in ``text``, in order."""
        return [(m.start(), self.values[m.group()]) for m in self.pattern.finditer(text)]


_ALIAS_TABLE = _Table([(a.name, a.is_prefix, a.side) for a in ALIASES])
_RELATIVE_TABLE = _Table([(a.name, a.is_prefix, a.relative) for a in RELATIVE])
_CUE_TABLE = _Table([(c.stem, True, c.motion) for c in LEFT_CUES])


@functools.lru_cache(maxsize=8192)
def side_of(name: str | None) -> Side:
    """The side a claimant or subject names; the first name in it decides.

    Parameters
    ----------
    name
        A claimant or a subject as the extractor gives it, in any case or script.

    Returns
    -------
    Side
        ``unknown`` when nothing in the table matches, or for no name.

    Examples
    --------
    >>> side_of("Russian Defense Ministry"), side_of("ЗСУ"), side_of("ISW"), side_of(None)
    (<Side.RUSSIA: 'russia'>, <Side.UKRAINE: 'ukraine'>, <Side.UNKNOWN: 'unknown'>, <Side.UNKNOWN: 'unknown'>)
    """
    if not name:
        return Side.UNKNOWN
    found = _ALIAS_TABLE.earliest(_fold(name))
    return Side(found[1]) if found else Side.UNKNOWN


def _other(side: Side) -> Side:
    return {Side.RUSSIA: Side.UKRAINE, Side.UKRAINE: Side.RUSSIA}.get(side, Side.UNKNOWN)


def _last_side(text: str, speaker: Side) -> tuple[int, Side] | None:
    """The last side a text names, "our"/"the enemy" read against ``speaker``; None if none."""
    named = [(at, Side(side)) for at, side in _ALIAS_TABLE.each(text) if side is not Side.UNKNOWN]
    relative = [(at, speaker if rel is Relative.OWN else _other(speaker))
                for at, rel in _RELATIVE_TABLE.each(text)]
    known = [found for found in sorted(named + relative) if found[1] is not Side.UNKNOWN]
    return known[-1] if known else None


def subject_side(subject: str | None, claimant: str | None, quote: str | None = None) -> Side:
    """The side of a claim's subject; "our forces" and "the enemy" read against the claimant.

    The extractor's subject may carry the words before it ("A Russian blogger said that
    Ukrainian troops"): the side named last, nearest the verb, is the subject's. With no
    subject, or one that names no side, the first side the quote names stands for it
    ("Moscow says its troops cleared the hamlet"), else the claimant's own side ("the
    village has been liberated", said by the Russian Defense Ministry).

    >>> subject_side("the enemy", "Zelensky"), subject_side(None, "TASS")
    (<Side.RUSSIA: 'russia'>, <Side.RUSSIA: 'russia'>)
    >>> subject_side("A Russian blogger said that Ukrainian troops", None)
    <Side.UKRAINE: 'ukraine'>
    """
    speaker = side_of(claimant)
    found = _last_side(_fold(subject), speaker) if subject else None
    if found is None and quote:
        named = [(at, side) for at, side in _ALIAS_TABLE.each(_fold(quote)) if side is not Side.UNKNOWN]
        found = (named[0][0], Side(named[0][1])) if named else None
    return found[1] if found is not None else speaker


#: "were (finally) expelled", "was pushed": an expulsion verb in the passive, whose
#: subject is the side pushed out.
_PASSIVE_BEFORE = compile_pattern(r"(?<!\w)(?:were|was|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$")


@dataclass(frozen=True, slots=True)
class Holding:
    """Who holds the place per one control claim, and how that was read.

    holder   the side that holds the place afterwards
    taker    the side the claim is about (its subject, or the claimant's own side)
    has_left True when the claim says ``taker`` left the place (withdrew, was pushed out)
    """

    holder: Side
    taker: Side
    has_left: bool


def _named_at(quote: str, subject: str | None, side: Side) -> int:
    """Where the quote (folded) first names ``side``, else the subject's words; -1 if nowhere."""
    for at, named in _ALIAS_TABLE.each(quote):
        if named is side:
            return at
    folded = _fold(subject or "")
    return quote.find(folded) if folded else -1


def read_control(claim: Claim) -> Holding | None:
    """Who holds a control claim's places: the subject's side, or the other side if it left.

    Parameters
    ----------
    claim
        Any claim; only ``kind == control`` gives an answer.

    Returns
    -------
    Holding or None
        None for a claim of another kind.
    """
    if claim.kind is not Kind.CONTROL:
        return None
    taker = subject_side(claim.subject, claim.claimant, claim.quote)
    quote = _fold(claim.quote)
    cue = _CUE_TABLE.earliest(quote)
    has_left = False
    if cue is not None:
        at, motion = cue
        if motion is Motion.LEFT or _PASSIVE_BEFORE.search(quote[:at]):
            has_left = True
        else:  # active expulsion: a loss only for a subject named after the verb (the object)
            has_left = _named_at(quote, claim.subject, taker) > at
    holder = _other(taker) if has_left else taker
    return Holding(holder=holder, taker=taker, has_left=has_left)
