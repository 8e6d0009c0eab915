"""Which places a claim is about: its own clause, its sentence, its paragraph, the oblast, or none.

The rules, for each claim of a document in order:

- a control claim takes the villages of its own scope (a list after a colon included),
  else those of the control claim before when it says "these settlements"; a clause that
  names another region and not Kursk is unplaced; villages that belong to another control
  statement of the same sentence are not its own;
- a claim whose sentence names villages takes them (only its own clause's when the
  sentence holds several claims: "killed 21 near Plekhovo and captured two near
  Kurilovka"), and "the losses … near X" hands them back to the claim it refers to;
- a sentence about another region, the whole front or the whole war is unplaced, and so
  is a "they" sentence right after one;
- else the paragraph's villages (a weaker tie), the village of an attack that casualties
  refer back to, and the oblast when the article is set there.

Mentions come sorted and are cut by bisect, so linking stays linear in the article.
Pure: drafts in, their ``places`` filled in.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from geo.drafts import Draft
from geo.lexicon import OTHER_REGIONS_CYRILLIC, OTHER_REGIONS_EVERYDAY, OTHER_REGIONS_LATIN, REGION_NOUN
from geo.loss_lexicon import EVENTS, alternation
from geo.model import Kind, Link, PlaceLink
from geo.periods import Scope, scope_of
from geo.regex_cache import compile_pattern
from geo.text import Gated

__all__ = ["link_places"]

_CITY_ELSEWHERE = (
    r"\bin\s+(?:sumy|kharkiv|kharkov|belgorod|bryansk|chernihiv|donetsk|luhansk|zaporizhzhia|kherson|dnipro"
    r"|poltava|odesa|odessa)\b"
    r"|(?<!\w)[ву]\s+(?:сумах|харькове|харкові|белгороде|бєлгороді|брянске|брянську|чернигове|чернігові"
    r"|донецке|донецьку|запорожье|запоріжжі|херсоне|херсоні|днепре|дніпрі|полтаве|полтаві|одессе|одесі)(?!\w)"
)
_ELSEWHERE = compile_pattern(
    r"\beastern russia\b|\bfar east\b|\bvladivostok\b|\bprimorye\b|for (?:military )?training"
    r"|на дальн\w+ восток\w*|на учени\w*"
    # a figure for the whole war or front is about no one place
    r"|\b(?:entire|whole|all along the) front(?:\s*line)?\b|\ball (?:front|sectors|directions)\b"
    r"|по всей линии фронта|вдоль всей линии фронта|на всех направлениях|на всем фронте"
    r"|по всій лінії фронту|на всіх напрямках|на всьому фронті|\bacross\s+the\s+(?:entire\s+|whole\s+)?front\b"
    # the whole war by its name: "ВСУ потеряли в зоне СВО более 1300", "since the start of the
    # full-scale invasion", "з початку повномасштабного вторгнення"
    r"|(?<!\w)(?:в|у)\s+зон[еі]\s+(?:сво|спецоперации|специальной\s+военной\s+операции)(?!\w)"
    r"|(?<!\w)с\s+начала\s+(?:сво|спецоперации|специальной\s+военной\s+операции)(?!\w)"
    r"|з\s+початку\s+повномасштабн\w+\s+(?:вторгнення|війни)|\bfull[- ]scale\s+(?:invasion|war)\b"
    # a figure for the whole country or the whole war: "casualties … in the Ukraine war",
    # "began entering Russia", "в России" (not "Russia's Kursk region": that names Kursk)
    r"|\b(?:in|into|entering|enter|entered)\s+russia\b(?!['’]s)|\b(?:in|of)\s+the\s+(?:ukraine|ukrainian|russia-ukraine)\s+war\b"
    r"|\bwar\s+(?:against|in|with|on)\s+ukraine\b|\bв\s+россии\b|\b(?:на|в)\s+войне\b|\bв\s+росії\b|\b(?:на|у|в)\s+війні\b"
    r"|\b(?:в|у)\s+(?:украине|україні)\b"
    # a day's total with no region: the General Staff's whole-front line after its directions,
    # "Загалом за минулу добу ворог втратив 1 350 осіб", "Overall, Russia lost 1,200 soldiers
    # over the past day" (a sentence that names Kursk keeps its tie: see _sentence_is_elsewhere)
    r"|(?<!\w)(?:загалом|всього|усього|в\s+цілому|всего|в\s+целом)(?!\w)[^.!?\n]{0,40}?"
    r"(?<!\w)за\s+(?:\w+\s+)?(?:добу|сутки)(?!\w)"
    r"|\b(?:overall|in\s+total|altogether)\b[^.!?\n]{0,80}?"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours)\b"
    # the whole war's total by its start: "загальні бойові втрати противника з 24.02.22",
    # "since February 2022", "с 24 февраля 2022 года"
    r"|загальн\w+\s+(?:бойов\w+\s+)?втрат\w*\s+(?:противника|ворога|росії|рф)|\btotal\s+combat\s+losses\b"
    r"|(?<!\w)(?:з|с)\s+24[.\s](?:02|лютого|февраля)[.\s]"
    r"|\bsince\s+(?:february\s+(?:24,?\s+)?2022|24\s+february\s+2022)\b"
)
#: Words for an event whose place later sentences refer back to: "the attack", "the site",
#: "в результате обстрела".
_EVENT = compile_pattern(alternation(EVENTS))
#: Paragraphs after an event within which its casualties belong to its place without
#: naming an event again (a lead and its follow-up paragraphs).
_EVENT_PARAGRAPHS = 2
#: Another region named in a sentence: "in Sumy region", "Сумской области".
_OTHER_REGION = compile_pattern(
    rf"(?<!\w)(?:(?:{OTHER_REGIONS_LATIN})(?:'s)?\s+{REGION_NOUN}"
    rf"|(?:{OTHER_REGIONS_CYRILLIC})\w*\s+(?:област|обл\b|народн)|(?:днр|лнр)\b|(?:{OTHER_REGIONS_EVERYDAY})\w*"
    # another direction, its noun left out after the Kursk one: "…, на белгородском — до 40"
    rf"|(?<=на\s)(?:{OTHER_REGIONS_CYRILLIC})\w*(?:\s+(?:направлени|напрямк)\w*|\s*[–—-]\s)"
    # a city of another region as the scene ("a drone strike on a bus in Sumy killed nine");
    # not the capitals, where statements are made ("Zelensky said in Kyiv")
    rf"|{_CITY_ELSEWHERE})")
#: The two searched only where one of their own literals occurs (issue 14): most sentences
#: name no other region and no whole front.
_ELSEWHERE_CUED = Gated.of(_ELSEWHERE, is_folded=True)
_OTHER_REGION_CUED = Gated.of(_OTHER_REGION, is_folded=True)
_ANAPHORIC_LOSSES = compile_pattern(r"\b(?:the|these|those|such)\s+(?:heavy\s+|significant\s+)?(?:losses|casualties)\b")
#: A word every match of _ANAPHORIC_LOSSES holds: without one, the pattern is not tried.
_ANAPHORIC_NOUNS = ("losses", "casualties")
#: "they", "их": a sentence that goes on about the subject of the one before.
_THEY = compile_pattern(r"\b(?:their|they|them|их|они)\b")


def link_places(
    text: str, folded: str, drafts: list[Draft], settlements: Sequence[tuple[int, str]],
    region_mentions: Sequence[int], region_id: str, paragraphs: Sequence[tuple[int, int]],
    is_kursk_article: bool,
) -> None:
    """Tie each claim to the places of its sentence, else paragraph, else the oblast."""
    # Sorted once, then cut by bisect: a scan of every mention per claim made a long
    # article quadratic (issue 13).
    settlements, region_mentions = sorted(settlements), sorted(region_mentions)
    by_sentence: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence, []).append(draft)
    unplaced_sentences: set[tuple[int, int]] = set()
    # Whether a sentence is about another region or the whole front: asked once per
    # sentence, not once per claim (a sentence often holds several claims).
    elsewhere: dict[tuple[int, int], bool] = {}
    previous: Draft | None = None
    previous_loss: Draft | None = None
    previous_control: Draft | None = None
    elsewhere_until = _headline_elsewhere_until(folded, paragraphs)
    for d in drafts:
        if d.kind is Kind.CONTROL:
            d.places = _control_places(d, settlements, previous_control, folded) or _listed_next(folded, d, settlements)
            previous_control = d
            if d.places or _is_elsewhere(folded, d):
                previous = d
                continue
            if _villages_are_other_statements(d, by_sentence[d.sentence], settlements):
                # "seized 40 km², and other sources reported that they captured X": X is not this claim's
                d.places = [PlaceLink(place_id=region_id, link=_region_link(d, region_mentions))] \
                    if is_kursk_article else []
                previous = d
                continue
        in_sentence = _places_between(settlements, *d.sentence)
        sentence_text = folded[d.sentence[0]:d.sentence[1]]
        if in_sentence:
            in_sentence = _own_clause_places(d, by_sentence[d.sentence], settlements) or in_sentence
            d.places = [PlaceLink(place_id=p, link=Link.SENTENCE) for p in in_sentence]
            if (previous_loss is not None and previous_loss.sentence != d.sentence
                    and any(w in sentence_text for w in _ANAPHORIC_NOUNS) and _ANAPHORIC_LOSSES.search(sentence_text)):
                _hand_back(previous_loss, in_sentence)
        elif (_sentence_is_elsewhere(sentence_text, d.sentence, elsewhere) or _names_elsewhere(folded, d)
              or (len(by_sentence[d.sentence]) > 1 and d.kind in _LOSS_KINDS and _is_elsewhere(folded, d))):
            # the last: one of a sentence's figures given for another region ("на Сумщині ворог
            # втратив 50 осіб, а на Курщині — 70")
            unplaced_sentences.add(d.sentence)
        elif (previous is not None and previous.sentence in unplaced_sentences
              and previous.paragraph == d.paragraph and _THEY.search(sentence_text)):
            unplaced_sentences.add(d.sentence)
        elif not _places_between(settlements, *d.paragraph) and (
                _paragraph_is_elsewhere(folded[d.paragraph[0]:d.sentence[1]]) or d.sentence[1] <= elsewhere_until):
            # "Russian troops shelled the Sumy region. Three civilians were killed": casualties
            # of a paragraph set in another region are not Kursk's (GOLD.md); so are those of the
            # body under a headline set there, until the article first names Kursk
            unplaced_sentences.add(d.sentence)
        else:
            # A paragraph-level village is a weaker tie: the claim stays on the oblast too.
            in_paragraph = _places_between(settlements, *d.paragraph)
            d.places = [PlaceLink(place_id=p, link=Link.PARAGRAPH) for p in in_paragraph]
            if not in_paragraph and d.kind in _LOSS_KINDS:
                d.places += [PlaceLink(place_id=p, link=Link.ARTICLE)
                             for p in _event_places(folded, d, settlements, paragraphs)]
            if is_kursk_article:
                d.places.append(PlaceLink(place_id=region_id, link=_region_link(d, region_mentions)))
        previous = d
        if d.kind in _LOSS_KINDS:
            previous_loss = d


#: The words ``_names_kursk`` looks for.
_KURSK_STEMS = ("kursk", "курск", "курськ", "курщин")


def _names_kursk(folded_text: str) -> bool:
    """Whether folded text names Kursk in any language: "kursk", "курск…", Ukrainian "курськ…"
    and "Курщина" (a sentence that names Sumy too is still about Kursk: "у Курській та Сумській
    областях").

    >>> _names_kursk("у курській та сумській областях"), _names_kursk("на сумщині")
    (True, False)
    """
    return any(stem in folded_text for stem in _KURSK_STEMS)


def _sentence_is_elsewhere(sentence_text: str, sentence: tuple[int, int], memo: dict[tuple[int, int], bool]) -> bool:
    """A sentence about another region, the whole front or the whole war, and not Kursk.

    ``memo`` keeps the answer per sentence for the other claims of the same sentence.
    """
    if sentence not in memo:
        memo[sentence] = (not _names_kursk(sentence_text)
                          and bool(_ELSEWHERE_CUED.search(sentence_text) or _OTHER_REGION_CUED.search(sentence_text)))
    return memo[sentence]


def _headline_elsewhere_until(folded: str, paragraphs: Sequence[tuple[int, int]]) -> int:
    """Where an article whose headline names another region and not Kursk first names Kursk
    (its end when it never does); 0 for any other article.

    >>> _headline_elsewhere_until("drone strike in belgorod region\\n\\ntwo killed. kursk too.", [(0, 31), (33, 55)])
    45
    """
    if not paragraphs:
        return 0
    headline = folded[paragraphs[0][0]:paragraphs[0][1]]
    if _names_kursk(headline) or not _OTHER_REGION_CUED.search(headline):
        return 0
    return min((at for at in map(folded.find, _KURSK_STEMS) if at >= 0), default=len(folded))


def _paragraph_is_elsewhere(paragraph_text: str) -> bool:
    """Whether a paragraph, up to a claim's sentence, names another region and never Kursk."""
    return not _names_kursk(paragraph_text) and bool(_OTHER_REGION_CUED.search(paragraph_text))


def _mentions_between(settlements: Sequence[tuple[int, str]], start: int, end: int) -> Sequence[tuple[int, str]]:
    """The (offset, place id) of ``settlements`` (sorted) that lie in [start, end), by bisect."""
    return settlements[bisect_left(settlements, start, key=_offset):bisect_left(settlements, end, key=_offset)]


def _offset(mention: tuple[int, str]) -> int:
    return mention[0]


def _places_between(settlements: Sequence[tuple[int, str]], start: int, end: int) -> list[str]:
    """The sorted place ids of the mentions (sorted by offset) in [start, end).

    >>> _places_between([(3, "b"), (10, "a"), (12, "b"), (40, "c")], 5, 40)
    ['a', 'b']
    """
    return sorted({pid for _, pid in _mentions_between(settlements, start, end)})


def _event_places(folded: str, d: Draft, settlements: Sequence[tuple[int, str]],
                  paragraphs: Sequence[tuple[int, int]]) -> list[str]:
    """The villages of the event a casualty report refers back to.

    "Six people were killed in a missile attack on the town of Rylsk. / Ten wounded people
    were taken to hospital": the second paragraph's casualties are the attack's. The last
    paragraph before the claim that names a village must name an event, and lie at most
    ``_EVENT_PARAGRAPHS`` paragraphs back unless the claim names an event too ("at the site
    of the strike").
    """
    before = bisect_left(settlements, d.paragraph[0], key=_offset)  # settlements are sorted
    if not before:
        return []
    last = settlements[before - 1][0]
    index = bisect_left(paragraphs, last + 1, key=_offset) - 1  # paragraphs are sorted and disjoint
    here = bisect_left(paragraphs, d.paragraph)
    if index < 0 or not paragraphs[index][0] <= last < paragraphs[index][1]:
        return []
    if here == len(paragraphs) or paragraphs[here] != d.paragraph:
        return []
    event = paragraphs[index]
    if not _EVENT.search(folded, event[0], event[1]):
        return []
    if _is_front_total(folded, d):
        return []  # "с начала операции ВСУ потеряли на курском направлении 65 тысяч": no one attack's
    if here - index > _EVENT_PARAGRAPHS and not _EVENT.search(folded, d.sentence[0], d.sentence[1]):
        return []
    return _places_between(settlements, *event)


#: A figure for a whole front or direction: "на курском направлении", "in the Kursk direction".
_DIRECTION = compile_pattern(r"направлени|напрямк|напрямі|\bdirection\b|\baxis\b")


def _is_front_total(folded: str, d: Draft) -> bool:
    """Whether a claim counts a whole campaign or a direction (``periods.Scope.TOTAL``, "на
    курском направлении"), which no single attack's village holds."""
    quote = folded[d.start:d.end]
    return scope_of(quote) is Scope.TOTAL or bool(_DIRECTION.search(folded, d.sentence[0], d.sentence[1]))


def _own_clause_places(d: Draft, drafts: Sequence[Draft], settlements: Sequence[tuple[int, str]]) -> list[str]:
    """The villages of a claim's own clause when its sentence holds other claims.

    "killed 21 near Plekhovo and captured two near Kurilovka": each figure belongs to the
    places of its own clause. A claim whose clause names none takes the villages that no
    other claim of the sentence names; empty means "use the whole sentence".
    """
    others = [o for o in drafts if o is not d and o.sentence == d.sentence and o.kind is not Kind.CONTROL
              and (o.end <= d.start or o.start >= d.end)]
    if not others:
        return []
    own = _places_between(settlements, d.start, d.end)
    if own:
        return own
    return sorted({pid for pos, pid in _mentions_between(settlements, *d.sentence)
                   if not any(o.start <= pos < o.end for o in others)})


def _villages_are_other_statements(d: Draft, drafts: Sequence[Draft], settlements: Sequence[tuple[int, str]]) -> bool:
    """Whether every village of a control claim's sentence lies in another control claim's scope."""
    scopes = [o.scope for o in drafts if o is not d and o.kind is Kind.CONTROL and o.scope is not None]
    mentions = _mentions_between(settlements, *d.sentence)
    return bool(scopes and mentions) and all(any(a <= pos < b for a, b in scopes) for pos, _ in mentions)


#: A bearing from a reference town, just before its name: "Pogrebki (southwest of Sudzha)",
#: "юго-западнее Суджи", "к северу от Суджи", "на південний захід від Суджі", "15 km north of".
_BEARING_BEFORE = compile_pattern(
    r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|(?<!\w)(?:(?:северо|юго)-?)?(?:север|юж|восточ|запад)нее"
    r"|(?<!\w)к\s+(?:(?:северо|юго)-?)?(?:северу|югу|востоку|западу)\s+от"
    r"|(?<!\w)(?:(?:північно|південно)-?)?(?:північн|південн|східн|західн)іше"
    r"|(?<!\w)на\s+(?:(?:північний|південний)[\s-]+)?(?:північ|південь|схід|захід)\s+від)\s+$")


def _without_bearings(folded: str, settlements: Sequence[tuple[int, str]], start: int, end: int) -> list[str]:
    """The places named in [start, end) less the towns that only give another's bearing
    ("seized Pogrebki (southwest of Sudzha)": Sudzha is where Pogrebki lies, not what was
    seized); all of them when every one is a bearing (GOLD.md: the claim's settlements).

    >>> t = "seized pogrebki (southwest of sudzha)"
    >>> _without_bearings(t, [(7, "p"), (30, "s")], 0, len(t))
    ['p']
    """
    mentions = _mentions_between(settlements, start, end)
    kept = {pid for at, pid in mentions if not _BEARING_BEFORE.search(folded[max(0, at - 40):at])}
    return sorted(kept) if kept else sorted({pid for _, pid in mentions})


def _control_places(d: Draft, settlements: Sequence[tuple[int, str]], previous: Draft | None,
                    folded: str) -> list[PlaceLink]:
    """The villages a control claim names in its own scope (a list after a colon
    included, a town that gives a bearing left out), else those of the control claim before
    when it says "these settlements"; empty when neither (the sentence and paragraph rules
    then decide)."""
    if d.scope is not None:
        in_scope = _without_bearings(folded, settlements, *d.scope)
        if in_scope:
            return [PlaceLink(place_id=p, link=Link.SENTENCE) for p in in_scope]
    if d.is_anaphoric and previous is not None:
        villages = {pid for _, pid in settlements}
        return [PlaceLink(place_id=p.place_id, link=Link.PARAGRAPH) for p in previous.places
                if p.link is not Link.ARTICLE and p.place_id in villages]
    return []


#: A count of settlements in a control claim: "освободили четыре населенных пункта", "took three villages".
_COUNTED_SETTLEMENTS = compile_pattern(
    r"(?<!\w)[\w-]+\s+(?:населенн?\w*\s+пункт\w*|населен\w+\s+пункт\w*|сел(?:а|о|ами)?\b|сёл|villages|settlements"
    r"|localities)")
#: The sentence after it that names them: "Речь идет о населенных пунктах А, Б и В", "Йдеться про …",
#: "These are A and B"; one short sentence may stand between ("Об этом сообщает ТАСС.").
_LISTED_NEXT = compile_pattern(
    r"(?:\s*[^.!?\n]{1,120}[.!?])?\s*(?P<list>(?:речь\s+ид[её]т\s+о|йдеться\s+про|ідеться\s+про|мова\s+йде\s+про"
    r"|these\s+are|they\s+are|namely)\b[^.!?\n]*)")


def _listed_next(folded: str, d: Draft, settlements: Sequence[tuple[int, str]]) -> list[PlaceLink]:
    """The villages the next sentence lists for a control claim that counts them: "Российские
    войска освободили четыре населенных пункта. Речь идет о населенных пунктах Александрия, …"."""
    if not _COUNTED_SETTLEMENTS.search(folded, d.start, d.end):
        return []
    listed = _LISTED_NEXT.match(folded, d.sentence[1])
    if listed is None:
        return []
    return [PlaceLink(place_id=p, link=Link.PARAGRAPH) for p in _places_between(settlements, *listed.span("list"))]


def _names_elsewhere(folded: str, d: Draft) -> bool:
    """A claim whose own clause is about the whole country or war, in a sentence that names
    Kursk for another figure: "… in Kursk … at about 8,000 out of a total of 10,000 in Russia"."""
    own = folded[d.start:d.end]
    return not _names_kursk(own) and bool(_ELSEWHERE_CUED.search(own))


def _is_elsewhere(folded: str, d: Draft) -> bool:
    """A claim whose own words name another region and not Kursk ("в ДНР — …", "in the Sumy region")."""
    own = folded[d.start:d.end]
    return not _names_kursk(own) and bool(_OTHER_REGION_CUED.search(own))


_LOSS_KINDS = frozenset({Kind.KILLED, Kind.WOUNDED, Kind.KILLED_OR_WOUNDED, Kind.MISSING, Kind.CAPTURED})


def _region_link(d: Draft, region_mentions: Sequence[int]) -> Link:
    """Sentence, else paragraph, else article: the narrowest unit that names a district or the oblast.

    ``region_mentions`` are sorted offsets: one bisect per unit, not a scan per claim.
    """
    for (start, end), link in ((d.sentence, Link.SENTENCE), (d.paragraph, Link.PARAGRAPH)):
        i = bisect_left(region_mentions, start)
        if i < len(region_mentions) and region_mentions[i] < end:
            return link
    return Link.ARTICLE


def _hand_back(claim: Draft, place_ids: Sequence[str]) -> None:
    """'the losses … near X': the villages belong to the earlier claim as well."""
    existing = {p.place_id for p in claim.places}
    claim.places.extend(PlaceLink(place_id=p, link=Link.ARTICLE) for p in place_ids if p not in existing)
