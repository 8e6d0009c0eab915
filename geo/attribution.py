"""Who makes a claim: speech and attribution by rules over the sentence, then aliases.

The rules, tried in order for a claim at [start, end) of a sentence:

1. a hedge before the claim with no named source ("reportedly", "Recent estimates
   suggest", "Reports indicate"): nobody is named, the claimant is None;
2. the nearest attribution before the claim in its sentence: "according to X", "X said
   (that)", "X estimated", "an estimate from X which said", "echoed by X, who indicated";
3. an attribution after it in the sentence: "…, X said Monday", "…, said X", a headline's
   "…: X" or "…, X says";
4. inside a quotation, the attribution next to the quotation marks in the paragraph:
   "“…,” he added", "saying, “…”";
5. pronouns ("he added", "it said on Telegram") go back to the last named speaker of the
   right sort (a person for he/she, a body for it), or to a sentence's subject named after
   him ("Syrskyi visited the front. He said …", ``record_mentions``); of two speakers joined
   ("X та Y повідомили"), the last named.

When the sentence names nobody, the source is looked for around it:

6. the next sentence, when it opens with a back-reference ("Об этом сообщил X", "Про це
   написав X", "This was reported by X"), or when a lead closes on unnamed officials
   ("…, officials said.") and the next sentence names them; an item of a list under a lead
   that ends in a colon takes the lead's source; a paragraph under a transcript's
   "Name / Affiliation" label is that person's;
7. a headline takes the first source the body names;
8. a sentence that goes on with the claim before it ("Of them …", "Крім того …") or that
   stands in the paragraph of the claim before it keeps that claim's claimant.

A relayed statement is its origin's ("ТАСС со ссылкой на Минобороны", "citing X"); "the
ministry", "в ведомстве", "the channel" name the last body (or one that published: "Минобороны
отчиталось …"), "the general", "главком" the last person, and a title whose holder was named
with it ("Kursk Governor X visited …", "Голова Сумської ОВА X …") that holder. Names are normalised through ``claimants.CLAIMANTS`` (Zelenskyy → Volodymyr
Zelensky, Минобороны РФ → Russian Defense Ministry); a title before a personal name is
dropped ("Pentagon Deputy Press Secretary Sabrina Singh" → Sabrina Singh); a later surname
alone is expanded to the full name seen earlier. An unknown speaker keeps the name as the
text gives it; a role that names no one ("a lawmaker", "one official", "сообщил депутат"
with no deputy named before) is no claimant (``lexicon.GENERIC_SPEAKERS``), an outlet's own
source ("источник ТАСС") is the outlet, and a bare body a relay cites ("citing the spy agency")
is the one of the speaker's country, its outlet's country or the country the article named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from geo.alternation import by_first_letter
from geo.claimants import (
    ANALYSTS,
    CANONICAL_NAMES,
    DESCRIPTORS,
    OTHER_SIDE,
    OUTLET_COUNTRIES,
    OUTLETS,
    PERSONS,
    canonical_name,
    is_joint,
    is_sideless,
    known_names_in,
    named_within,
    stem,
    words_of,
)
from geo.lexicon import (
    ACCORDING_TO,
    ANONYMOUS_HEADS,
    BACK_REFERENCES,
    BODY_REFERENCES,
    CONTINUATIONS,
    FORCE_NOUNS,
    GENERIC_SPEAKER_MODIFIERS,
    GENERIC_SPEAKERS,
    HEDGES,
    IMPERSONAL_SPEECH,
    LIST_BULLET,
    PASSED_ON,
    PERSON_REFERENCES,
    PRONOUNS,
    REFERENCE_MODIFIERS,
    RELAYS,
    SAID_WHEN,
    SPEECH_VERBS,
)
from geo.person_names import UKRAINIAN_FIRST_NAMES, may_be_first_name, nominative, title_nominative, title_of
from geo.regex_cache import compile_pattern
from geo.text import Cues, Gated, fold, sentence_spans

# An acronym in brackets may follow a word: "(ISW)", "(MoD)", "(ГУР)".
_ACRONYM = r"\s*\([A-ZА-Я](?:[a-z]?[A-ZА-Я])+\)"
_CAP_TOKEN = rf"[A-ZА-ЯЁІЇЄҐ][\w.’'\-]*(?:{_ACRONYM})?(?!\w)"
# Inside a name any lower-case word may stand ("Ukraine's coordination headquarters for
# POWs"), except the words that end a noun phrase. The repetition is lazy: the shortest
# phrase that reaches the speech verb wins.
_NP_STOP = (
    r"that|which|who|whom|whose|when|while|where|because|but|if|as|than|is|are|was|were|be|been|"
    r"being|will|would|could|should|may|might|also|not|has|have|had|said|says|and\s+that|denied|denies|rejected|dismissed|refuted|"
    r"declined|declines|refused|refuses|"
    r"they|he|she|it|we|i|you|он|она|они|оно|мы|він|вона|вони|воно|"
    r"что|который|которая|которые|когда|также|не|и\s+что|"
    # sentence adverbs after a pronoun: "Він також повідомив", "Он тоже заявил" (the pronoun's)
    r"також|теж|тоже|ещё|еще|ще|далее|далі|затем|потім|"
    # a time after the body: "сообщили в Минобороны после визита Путина в Курск" (no part of its name)
    r"после|після|перед|after|before|amid|following|despite|несмотря|незважаючи"
)
_LOWER_TOKEN = rf"(?!(?:{_NP_STOP})(?!\w))[a-zа-яёіїєґ][\w’'\-]*"
# One way to match each word (an upper-case word or any other word), so that a failing
# phrase costs linear time, not 2^n backtracking.
# A lower-case word may carry the acronym too: "Ukraine's military intelligence agency (HUR) said".
# A unit's name in guillemets is one word of the phrase: "командующий группировкой «Север»".
_TOKEN = rf"(?:[A-ZА-ЯЁІЇЄҐ][\w.’'\-]*|{_LOWER_TOKEN}|«[^«»\n]{{1,40}}»)(?:{_ACRONYM})?(?!\w)"
# A word that ends in three small letters and a full stop ends a sentence, not an abbreviation
# ("Gen.", "U.S."): a phrase does not run on past it ("… buildings in Sukhinovka. The claims …").
_GO_ON = r"(?<![a-zа-яёіїєґ]{3}\.)[\s\u00a0]+"
_NP = rf"(?P<np>{_CAP_TOKEN}(?:{_GO_ON}{_TOKEN}){{0,8}}?)"
_NP_ANY = rf"(?P<np>(?:{_CAP_TOKEN}|{_LOWER_TOKEN})(?:{_GO_ON}{_TOKEN}){{0,6}}?)"
#: A subject never ends in a preposition or a determiner: "Peskov declined to comment on reports
#: that …", "According to some estimates, …" hold the noun "reports", "estimates", not the verb.
_NOT_A_SUBJECT_END = "".join(rf"(?<!\s{w})" for w in (
    "on", "of", "about", "to", "from", "with", "for", "in", "at", "by", "some", "many", "several", "other", "these",
    "those", "such", "the", "its", "their", "his", "her", "new", "recent", "latest"))
#: A verb in the passive: its subject is what was said, not who said it.
_PASSIVE_BEFORE = compile_pattern(r"(?<!\w)(?:was|were|is|are|been|be)\s+$")
#: A day of a month between a body and its verb: "Минобороны России 13 марта объявило …"; not
#: one closing a clause ("Бої тривають з 6 серпня, повідомляє Генштаб": the clause is no speaker).
_DAY_OF_MONTH = (r"\d{1,2}\s+(?i:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"
                 r"|січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)[а-яёіїєґ]*(?!,)")
_SUBJECT_VERB = compile_pattern(
    rf"{_NP}{_NOT_A_SUBJECT_END}(?:’s|'s)?\s+(?:(?:also|has|have|had|was|were|is|previously|later|then|earlier|further|"
    rf"again|repeatedly|separately|recently|также|тоже|ранее|уже|також|теж|раніше|вже|on\s+\w+(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|on\s+\d{{1,2}}\s+\w+|{_DAY_OF_MONTH}|во?\s+(?![A-ZА-ЯЁІЇЄҐ]{{2,}}(?!\w))\w+(?!,)"
    rf"|last\s+\w+|this\s+\w+)[\s,]+){{0,3}}(?P<verb>{SPEECH_VERBS})\b"
    r"(?!\s+(?:suggest|say|show|indicate|claim|estimate|put|believe)\b)"  # "Recent estimates suggest": a noun
    # a passive: "The liberation of X was announced by the ministry" (the ministry speaks, not the event)
    r"(?!\s+by\s)"
)
# Lower-case words that may stand between an inverted speech verb and the name: titles
# ("said military expert Andrei Marochko", "сообщил глава района"), never prepositions
# (", said on Telegram").
# nor the topic after "about": "сообщил об освобождении населённого пункта Самарка"
# nor a verb of the clause that follows: "Dmitry Peskov, said Russian forces had retaken Sudzha."
# (the village is no speaker)
_TITLE_LOWER = (r"(?!(?:on|in|at|to|for|from|with|by|during|after|before|via|about|в|во|на|по|от|у|к|с|со|за"
                r"|через|после|до|при|о|об|про|had|has|have|was|were|is|are|be|been|will|would|could|that|which"
                r"|who|что|що|и|і|та|and)(?!\w))[a-zа-яёіїєґ][\w’'\-]*")
# The name after an inverted verb: its capitalised words, all of them ("said Ukrainian
# President Volodymyr Zelensky"), and nothing after ("… on Telegram").
# The closing quote is taken whenever it is there (possessive): a quoted unit is no name
# when a name follows it ("речник ОСУВ «Хортиця» Дмитро Трегубов").
# A surname in the dative is the listener, never the speaker's last word: "доложил Герасимов
# Путину", "доповів Сирський Зеленському" (the report's addressee follows its speaker).
_NOT_A_DATIVE = "".join(rf"(?<!{e}{dot})" for e in ("ову", "еву", "ёву", "ину", "ому", "ові", "еві", "ачу", "ячу", "нту") for dot in ("", r"\."))
_INVERTED_NP = rf"[«“\"]?(?P<np>{_CAP_TOKEN}(?:{_GO_ON}{_CAP_TOKEN}){{0,5}}){_NOT_A_DATIVE}[»”\"]?+"
# The name ends the attribution: punctuation, the end, or a preposition follows it, so
# that "глава Суджанского района Александр Богачев," reads past the district to the man.
# (or a nickname in brackets: "командувач СБС Роберт Бровді (Мадяр)")
#: A Russian or Ukrainian word in the dative: the listener of a report ("Путину", "президенту",
#: "Верховному главнокомандующему", "журналистам"), never its speaker.
_DATIVE_WORD = r"[А-ЯЁІЇЄҐа-яёіїєґ][\w’'-]*(?:ому|ему|ову|еву|ёву|ину|ові|еві|ам|ям|у|ю)"
_DATIVE_LISTENER = compile_pattern(rf"{_DATIVE_WORD}(?:\s+{_DATIVE_WORD}){{0,2}}")
_NAME_END = (r"(?=\s*(?:[,;:!?)»”\"(]|\.(?!\w)|$)|\s+(?:on|in|at|during|via|and|citing|в|во|на|у|и|і|та|й|со|з|із)(?!\w)"
             # the body a name works for: "said Andriy Kovalenko of Ukraine's Center for Countering Disinformation"
             # (not a title's: "said Chief of the General Staff Valery Gerasimov")
             + "|" + "".join(rf"(?<!{t})" for t in ("Chief", "Head", "Commander", "Minister", "Secretary", "Director",
                                              "Deputy", "Spokesman", "Spokeswoman", "Spokesperson", "Governor",
                                              "Mayor", "President", "Chairman", "Member", "Ministry", "Staff"))
             + r"\s+of(?=\s+(?:the\s+|[A-Z]))"
             r"|\s+\d"
             # the listener in the dative after the speaker: "доложил Герасимов Путину.", "доложил Герасимов
             # Верховному главнокомандующему", "сообщил Песков журналистам", "доповів Сирський президенту"
             rf"|(?:\s+{_DATIVE_WORD}){{1,3}}(?=\s*(?:[,;:!?)]|\.(?!\w)|$)))")
_VERB_SUBJECT = compile_pattern(
    rf"(?<!\w)(?P<verb>{SPEECH_VERBS})\s+(?P<venue>(?:в|у)\s+(?:своем|своём|своєму)\s+[\w-]+\s+"
    # where and to whom: "розповів у коментарі Суспільному речник …", "рассказал в интервью ТАСС глава …"
    r"|(?:в|у)\s+(?:коментарі|комментарии|интервью|інтерв['’]ю|ефірі|эфире)\s+(?:«[^«»\n]{1,40}»|\S+)\s+"
    # where it was posted: "— написав у Telegram головнокомандувач ЗСУ …", "сообщил в Telegram-канале губернатор …"
    r"|(?:в|у|на)\s+(?i:telegram|телеграм|facebook|фейсбуці|фейсбуке|(?:своем\s+|своєму\s+)?(?:telegram|телеграм)-канал[еі])\s+"
    # when: "заявил в пятницу Сырский", "сообщил накануне губернатор …" (lexicon.SAID_WHEN)
    rf"|(?:{SAID_WHEN})\s+)?"
    # the unit a title names may stand in guillemets: "заявив речник ОСУВ «Хортиця» Дмитро Трегубов"
    # the name may follow its title after a comma: "…, said Ukraine's top commander, Oleksandr Syrskyi."
    rf"(?:(?:the\s+)?(?:{_TITLE_LOWER}|{_CAP_TOKEN}|«[^«»\n]{{1,40}}»)(?:,(?=\s+[A-ZА-ЯЁІЇЄҐ]))?\s+){{0,6}}?"
    rf"{_INVERTED_NP}{_NAME_END}")
#: After an outlet in guillemets, the body that told it: "сообщили «Известиям» в Минобороны".
_TOLD_OUTLET = compile_pattern(r"»\s+(?:в|у)\s")
#: One person by a title with a country or side: "…, a Russian official claimed", "…, a US official said".
_ONE_TITLED = compile_pattern(
    r"(?:a|an)\s+(?:senior\s+|top\s+|high-ranking\s+)?(?:russian|ukrainian|u\.?s\.?|american|south\s+korean"
    r"|western|pentagon|kremlin|nato)\s+(?:military\s+|defen[cs]e\s+|intelligence\s+|government\s+)?"
    r"(?:official|commander|officer|general|spokesman|spokeswoman|spokesperson|source|lawmaker|diplomat"
    # one of a side's analysts, soldiers or bloggers: "…, a Ukrainian analyst said" (not the government)
    r"|analyst|expert|observer|soldier|serviceman|journalist|reporter|blogger|milblogger|war\s+blogger)",
    re.IGNORECASE)
#: An indefinite article right before a phrase: "according to a Ukrainian official".
_ARTICLE_BEFORE = compile_pattern(r"(?<![\w'’])(?:a|an)\s+$", re.IGNORECASE)
#: The rank before a titled speaker: "a senior U.S. defense official" is a known one's alias without it.
_RANK = compile_pattern(r"^(?:senior|top|high-ranking)\s+", re.IGNORECASE)
#: A speaker named only by a role (``lexicon.GENERIC_SPEAKERS``): nobody the text names.
_GENERIC_SPEAKER = compile_pattern(rf"(?:(?:{GENERIC_SPEAKER_MODIFIERS})\s+)*(?:{GENERIC_SPEAKERS})")
#: The English article that makes a role refer back: "the lawmaker added" (not "a lawmaker said").
_DEFINITE = compile_pattern(r"(?i:the|this|that)\s")
#: A quotation closed by one person of a side named by title: '“…,” a Ukrainian commander told
#: reporters', '“…,” said a Russian official': that title speaks (as "…, a Russian official said").
_QUOTE_ONE_TITLED = compile_pattern(
    rf"[”»\"],?\s*[–—-]?\s*(?:(?:{SPEECH_VERBS})\s+(?P<np>{_ONE_TITLED.pattern})(?!\w)"
    rf"|(?P<np2>{_ONE_TITLED.pattern})\s+(?:{SPEECH_VERBS})\b)", re.IGNORECASE)
#: A title in lower case and "of" before a capitalised name: "the commander of the North group".
_TITLE_OF_BEFORE = compile_pattern(r"(?<![\w-])(?P<title>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+of\s+(?:the\s+)?$")
#: A sentence that opens with what it is about ("Об освобождении Погребков …", "Про втрати
#: ворога …"): its speaker follows the verb.
_TOPIC_FIRST = r"^\W*(?:о|об|обо|про)\s[^.;!?]{1,160}?"
#: "Об этом сообщил …", "как заявил …": the Russian formulas that put the speaker after the verb.
_INVERTED_LEAD = compile_pattern(
    r"(?:^|\b)(?:об\s+этом|о\s+чем|о\s+чём|как|это|про\s+це|як|це)(?:\s+[\w-]+){0,5}\s*$"
    # the topic first, its speaker after the verb: "Об освобождении Погребков заявил начальник
    # Генштаба Валерий Герасимов", "Про втрати ворога повідомив речник ОТУ"
    rf"|{_TOPIC_FIRST}$", re.IGNORECASE)
#: A time clause that may close a source's phrase: "…, сообщили в Минобороны после визита Путина в Курск".
_TIME_AFTER_SOURCE = r"\s+(?i:после|після|after|following)\s"
_ACCORDING = compile_pattern(
    rf"(?<!\w)(?i:{ACCORDING_TO})\s*(?<=\s)(?:the\s+|a\s+)?«?{_NP_ANY}»?(?=(?:{_ACRONYM}\s*)?\s*(?:[,.;:)]|$)"
    rf"|{_TIME_AFTER_SOURCE})")
#: ISW's phrase for a body's claim of a unit's gains: "The Russian MoD credited elements of the 810th
#: Naval Infantry Brigade with seizing Sudzha" (the MoD claims it).
_CREDITED = compile_pattern(rf"{_NP}\s+(?:(?:also|has|have|had|previously)\s+)?credited\s")
#: "…, the acting governor, Alexander Khinshtein, said": a name set off by commas before the verb.
_APPOSITIVE = compile_pattern(rf"(?<=,\s)(?P<np>{_CAP_TOKEN}(?:\s+{_CAP_TOKEN}){{1,3}}),\s+(?:{SPEECH_VERBS})(?!\w)")
#: "Lee, citing intelligence data, has said …", "Mash, a Telegram channel close to …, said":
#: the speaker before an aside set off by commas.
#: The aside may open with a participle: "Lee, briefing reporters after the meeting, said …",
#: "Хинштейн, выступая на брифинге, заявил …", "Сирський, коментуючи ситуацію, зазначив …".
_ASIDE_OPENER = (rf"(?:(?i:{RELAYS})|a|an|the|which|who|[a-z]+ing|[а-яёіїєґ'’]+(?:ая|яя|ючи|учи|вши)"
                 # an office of a country: "Oleksandr Syrskyi, Ukraine's top commander, wrote"
                 r"|[A-Z][a-z]+['’]s"
                 # where: "The ministry, in a statement, said", "Хинштейн, в своем телеграм-канале, сообщил"
                 r"|in|on|at|during|в|у|на"
                 # his office: "Andriy Kovalenko, head of Ukraine's Center for Countering Disinformation, said"
                 r"|(?:head|chief|spokes(?:man|woman|person)|commander|director|deputy|adviser|advisor|governor"
                 r"|minister|secretary|mayor|founder)\s+(?:of|for|to|at)"
                 r"|глава|руководитель|командир|командующий|керівник|очільник|голова|речник|командувач)")
#: Or the aside is a sentence adverb alone: "Ukraine, however, said …", "Киев, в свою очередь, заявил …".
_ASIDE_ADVERB = (r"(?i:however|though|meanwhile|in\s+turn|for\s+its\s+part|for\s+his\s+part|однако|впрочем"
                 r"|в\s+свою\s+очередь|проте|втім|натомість|своєю\s+чергою|зі\s+свого\s+боку"
                 # "У Генштабі ЗСУ, зокрема, зазначили …", "Kyiv, in particular, said …"
                 r"|зокрема|in\s+particular|в\s+частности|водночас|тим\s+часом|при\s+цьому|при\s+этом)")
_ASIDE = rf"(?:{_ASIDE_OPENER}\s[^,.]{{1,80}}|{_ASIDE_ADVERB})"
_SUBJECT_ASIDE_VERB = compile_pattern(
    rf"{_NP}(?:’s|'s)?,\s+{_ASIDE},\s+(?:(?:has|have|had|also)\s+)?"
    rf"(?P<verb>{SPEECH_VERBS})\b")
#: "…, war bloggers said.": a source written in lower case, kept only when it is a known one.
#: Or after a quotation: '"…," the commander said', '«…», — губернатор сообщил'.
_TAIL_LOWER = compile_pattern(
    # (a contrast may open the clause: "…, тогда как южнокорейская разведка оценивает потери в 3000")
    rf"(?:,\s+(?:(?:тогда\s+как|в\s+то\s+время\s+как|тоді\s+як|у\s+той\s+час\s+як|whereas|while)\s+)?"
    rf"|,?[”»\"],?\s+(?:[–—-]\s+)?)(?P<np>{_LOWER_TOKEN}(?:\s+{_TOKEN}){{0,5}}?)\s+(?:{SPEECH_VERBS})\b")
#: "…, сообщили военкоры.", "…, повідомляють російські джерела.": a lower-case source after
#: its verb at the end of the sentence, kept only when it is a known one.
#: The outlet told may stand between verb and source: "…, сообщил ТАСС источник в силовых
#: структурах", "…, рассказал «Известиям» источник в Минобороны" (the source speaks, GOLD.md).
_VERB_TAIL_LOWER = compile_pattern(
    rf"(?:,\s+(?:[–—-]\s+)?|(?i:{_TOPIC_FIRST})\s)(?:{SPEECH_VERBS})\s+(?:(?:{SAID_WHEN})\s+)?(?P<lead>(?:{_CAP_TOKEN}\s+){{1,2}}|«[^«»\n]{{1,40}}»\s+)?"
    # a country's title: "…, said Ukraine's top general"
    rf"(?P<np>(?:[A-Z][\w-]*['’]s\s+)?{_LOWER_TOKEN}(?:\s+{_TOKEN}){{0,4}}?)\s*(?=[.;!?]|$)")
#: A source named in guillemets, with or without the word for what it is: "телеграм-канал
#: «Два майора» сообщил", "…, пишет «Военная хроника»". The name may hold lower-case words.
_CHANNEL_WORD = r"(?:(?:telegram|телеграм)-канал\w*|канал\w*|издани\w*|видання|агентств\w*|агенці\w*|портал\w*|проект\w*|проєкт\w*)"
_QUOTED_NAME = r"«(?P<np>[^«»\n]{2,40})»"
_CHANNEL_BEFORE = compile_pattern(rf"(?i:{_CHANNEL_WORD})\s+«$")
_QUOTED_NAME_VERB = compile_pattern(
    rf"(?i:{_CHANNEL_WORD}\s+)?{_QUOTED_NAME}\s+(?:(?:также|ранее|тоже|також|раніше)\s+)?(?:{SPEECH_VERBS})(?!\w)")
_VERB_QUOTED_NAME = compile_pattern(
    rf"(?<!\w)(?:{SPEECH_VERBS})\s+(?:[\w-]+\s+){{0,2}}?{_QUOTED_NAME}(?=\s*(?:[,.;:!?)]|$))")
#: A wire that passes the report on, after the claim or opening it: "…, передает корреспондент
#: ТАСС", "Как передает РИА Новости, …", "…, передають Патріоти України" (``lexicon.PASSED_ON``).
_PASSED_ON = compile_pattern(
    rf"(?:,\s+(?:[–—-]\s+)?|(?<!\w)(?i:как|як)\s+)(?i:{PASSED_ON})\s+(?P<np>(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_CAP_TOKEN}(?:\s+{_CAP_TOKEN}){{0,3}}|«[^«»\n]{{1,40}}»))(?=\s*(?:[,.;:!?)]|$|\s(?:со|з)\s))")
#: A subject that opens with "in": "В Судже уверены …" (a place) or "В Минобороны заявили" (a body).
_IN_PLACE = compile_pattern(r"(?i:в|во|у|in)\s")
#: The body before an impersonal plural: "В Минобороны России заявили, что …", "Раніше у ГУР
#: заявляли …" (``lexicon.IMPERSONAL_SPEECH``); kept when it names a known body or a titled unit.
_IN_BODY_SAID = compile_pattern(
    rf"(?<!\w)(?i:в|во|у)\s+(?P<np>(?:{_CAP_TOKEN}|{_LOWER_TOKEN})(?:\s+{_TOKEN}){{0,4}}?)"
    rf"\s+(?:(?:также|тоже|ранее|уже|неоднократно|також|теж|раніше|вже|неодноразово)\s+)?"
    rf"(?i:{IMPERSONAL_SPEECH})(?!\w)")
#: Cheap test before _SUBJECT_ASIDE_VERB, which tries a noun phrase at every capital.
_ASIDE_THEN_VERB = compile_pattern(
    rf",\s+{_ASIDE},\s+(?:(?:has|have|had|also)\s+)?(?:{SPEECH_VERBS})\b")
#: One named among the sources a sentence gives: "Several Russian outlets, including RIA Novosti,
#: reported …", "Ряд СМИ, в том числе РИА Новости, сообщили …", "в ряде источников, в том числе и
#: «Два майора», появлялись сообщения …" (the one the text names speaks, GOLD.md).
_INCLUDING = compile_pattern(
    r",\s+(?i:including|в\s+том\s+числе(?:\s+и)?|у\s+тому\s+числі(?:\s+й|\s+і)?|зокрема|включая)\s+"
    r"«?(?P<np>[A-ZА-ЯЁІЇЄҐ][^,«»\n]{1,40}?)»?,\s+(?:(?:have|has|also|также|також)\s+)?"
    rf"(?:{SPEECH_VERBS}|появлялись|появились|появилась|з['’]являлися|з['’]явилися|з['’]явилася)(?!\w)")
#: Sources in the plural, before the one named among them ("в ряде источников, в том числе и Курское ТВ, …").
_SOURCES_NOUN = compile_pattern(
    r"(?i:sources|outlets|media|channels|bloggers|milbloggers|источник\w*|сми|издани\w*|канал\w*|блогер\w*|военкор\w*"
    r"|джерел\w*|змі|видан\w*|військкор\w*)$")
#: The outlet that learned it: "Как стало известно «Известиям», …", "Як стало відомо Суспільному, …".
_BECAME_KNOWN = compile_pattern(
    r"(?<!\w)(?i:стало\s+известно|стало\s+відомо)\s+«?(?P<np>[A-ZА-ЯЁІЇЄҐ][^«»,.;:!?\n]{1,40}?)»?"
    r"(?=\s*[,.;:]|\s+(?:что|що|из|з|от|від)(?!\w))")
#: A relay to the relayer's own sources: "з посиланням на власні джерела", "citing its own sources".
_OWN_SOURCES = compile_pattern(r"(?i:(?:its|their|his|her)\s+own\s|own\s|власн\w*\s|собственн\w*\s|сво\w*\s)")
_RELAY = compile_pattern(
    rf"(?<!\w)(?i:{RELAYS})\s+(?:the\s+|a\s+)?{_NP_ANY}"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:who|which|that|reported|said|has|have|что|о|об|про)(?!\w)"
    # the relaying speaker's verb after the origin: "Зеленський з посиланням на доповідь Сирського заявив, що …"
    rf"|\s+(?:{SPEECH_VERBS})(?!\w)))")
#: "… attributed to Ukrainian analysts, who indicate that …": the phrase right before "who".
_WHO_SAID_NEAR = compile_pattern(rf"{_NP},\s+(?:who|which)\s+(?:{SPEECH_VERBS})\b")
#: Cheap test before the two "X, who said" patterns, which try a noun phrase at every capital.
_RELATIVE_SPEECH = compile_pattern(rf"(?<!\w)(?:who|which|that|котор\w*|як\w*)\s+(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_COMPLEMENT_LEAD = compile_pattern(r"\b(?:for|of|at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_WHO_SAID = compile_pattern(rf"{_NP}[\s,]+(?:(?!\s*(?:{SPEECH_VERBS})\b)[^,.]{{0,120}},\s+)?(?:who|which|that|(?:в\s+|у\s+)?(?:котор|як)\w+)"
                       rf"\s+(?:{SPEECH_VERBS})\b")
# "Зеленский: в Курской области …", "Budanov: …": a headline that opens with its speaker.
# "Zelensky: …", also as a bullet of a key-points list ("- Kursk governor: …")
_HEADLINE_HEAD = compile_pattern(rf"^[\s\-–—•*·]*{_NP.replace('}}?)', '})')}:\s")
_HEADLINE_TAIL = compile_pattern(rf"(?::\s*|,\s*|\s[—–]\s*){_NP}(?:\s+(?:says|said|claims|estimates))?\s*$")
_PRONOUN = compile_pattern(r"\b(he|she|it|they|он|она|они|він|вона|вони)\s+"
                           r"(?:(?:also|later|further|then|также|тоже|еще|ещё|також|теж|ще|далее|далі)\s+)?(?:"
                           + SPEECH_VERBS + r")\b",
                      re.IGNORECASE)
# "…», — сказал он": the pronoun after the verb. Found by the pronoun, then the verb is
# checked before it (a pattern that opened with the verbs would try them at every position).
_PRONOUN_AFTER = compile_pattern(r"(?<!\w)(он|она|они|він|вона|вони)(?!\w)", re.IGNORECASE)
_VERB_BEFORE = compile_pattern(r"(?<!\w)(?:" + SPEECH_VERBS + r")\s+$", re.IGNORECASE)
# Every pattern below starts a word: "(?<!\w)" rejects positions inside words before a
# long alternation is tried there.
_HEDGE = compile_pattern(rf"(?<!\w)(?:{HEDGES})", re.IGNORECASE)
# "the ministry said", "говорится в сообщении ведомства": the body that spoke last.
_BODY_REFERENCE = compile_pattern(
    r"(?<!\w)(?:(?:the|its)\s+(?:ministry|statement|agency|department|army|military|command|staff|service|office|"
    r"directorate|spokesman|spokeswoman|spokesperson|report)\s+(?:also\s+)?(?:said|says|added|reported|stated)\b"
    r"|(?:говорится|отмечается|сообщается|указывается|ідеться|йдеться|зазначається)\s+(?:в|у)\s+(?:сообщении|заявлении|релизе|сводке|сообщениях|повідомленні|заяві|зведенні)"
    r"|(?:сообщил\w*|заявил\w*|отметил\w*|добавил\w*|уточнил\w*|подчеркнул\w*|пояснил\w*)\s+в\s+"
    r"(?:ведомстве|министерстве|штабе)"
    r"|(?:повідомил\w*|заявил\w*|зазначил\w*|додал\w*|уточнил\w*|наголосил\w*)\s+(?:в|у)\s+"
    r"(?:відомстві|міністерстві|штабі)"
    # the place first: "В ведомстве также отметили, что …", "У відомстві також зазначили …"
    r"|(?:в|у)\s+(?:ведомстве|министерстве|штабе|відомстві|міністерстві|штабі)"
    r"(?:\s+(?:также|тоже|еще|ещё|дополнительно|також|теж|ще|додатково))?\s+"
    r"(?:сообщил\w*|заявил\w*|отметил\w*|добавил\w*|уточнил\w*|подчеркнул\w*|пояснил\w*"
    r"|повідомил\w*|зазначил\w*|додал\w*|наголосил\w*|підкреслил\w*))",
    re.IGNORECASE,
)
#: "Про це йдеться у зведенні Інституту вивчення війни", "говорится в сводке Минобороны": the body
#: that issued the document.
_DOCUMENT_OF = compile_pattern(
    r"(?<!\w)(?:говорится|сказано|отмечается|ідеться|йдеться|зазначається|said|stated"
    # what a map shows: "…, видно на мапі DeepState", "…, отмечено на карте DeepState"
    r"|видно|показано|позначено|отмечено|зазначено)\s+(?:в|у|in|на)\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:сводке|сообщении|докладе|отчете|отчёте|заявлении|зведенні|повідомленні|звіті|доповіді|заяві"
    r"|карте|картах|карті|мапі|мапах"
    r"|report|statement|update|summary|assessment)\s+(?:of\s+|by\s+|from\s+)?(?:the\s+)?"
    # where it was put is no maker: "the ministry said in a statement on Telegram"
    r"(?!(?:on|in|at|via|to|posted|published|на|в|у)\s)" + _NP_ANY
    + r"(?=\s*(?:\([^)]*\)\s*)?(?:[,.;:)]|$))", re.IGNORECASE)
#: The document first, its maker, then the impersonal verb: "В сообщении Минобороны России
#: говорится, что …", "У зведенні Генштабу ЗСУ зазначається …" (the maker speaks).
_DOCUMENT_FIRST = compile_pattern(
    r"(?<!\w)(?:в|во|у|на)\s+(?:\w+\s+)?(?:сводке|сообщении|докладе|отчете|отчёте|заявлении|релизе|зведенні"
    r"|повідомленні|звіті|доповіді|заяві|карте|картах|карті|мапі|мапах)\s+" + _NP_ANY
    + r"\s+(?:также\s+|тоже\s+|також\s+|теж\s+)?(?:говорится|сказано|отмечается|сообщается|указывается|уточняется"
    r"|ідеться|йдеться|зазначається|повідомляється|вказується|уточнюється"
    # the map's maker shows it: "На мапі DeepState видно, що …", "На карте DeepState отмечено …"
    r"|видно|показано|позначено|отмечено|зазначено)(?!\w)", re.IGNORECASE)
#: A map as the document: only a known maker's map names a source.
_MAP_WORD = compile_pattern(r"(?<!\w)(?:карте|картах|карті|мапі|мапах)(?!\w)", re.IGNORECASE)
#: "По его словам", "за її даними", "according to him": the speaker named before.
_PRONOUN_ACCORDING = compile_pattern(
    r"(?<!\w)(?:по|за|according\s+to)\s+(его|ее|её|их|його|її|їхніми|їх|him|her|them)(?:\s+(?:словам|словами|данным|даними"
    r"|оценкам|оцінками|информации|інформацією))?(?!\w)", re.IGNORECASE)
#: "– ідеться в його пості", "говорится в ее заявлении": the post of the person named last.
_PERSON_DOCUMENT = compile_pattern(
    r"(?<!\w)(?:говорится|сказано|отмечается|ідеться|йдеться|сказано|зазначається|said|reads)\s+(?:в|у|in)\s+"
    r"(?:его|ее|её|його|її|his|her)\s+\w+", re.IGNORECASE)
_TITLE_WORDS = compile_pattern(
    r"\b(?:president|secretary|minister|spokesperson|spokesman|spokeswoman|official|chief|commander|"
    r"governor|sergeant|general|colonel|adviser|advisor|director|ambassador|mayor|head|leader|"
    r"analyst|representative|deputy|press|gen\.|lt\.|col\.|mp|lawmaker|legislator|senator|"
    r"correspondent|expert|blogger|milblogger|journalist|reporter|commentator)\b"
    r"|(?:губернатор\w*|министр\w*|президент\w*|глав\w|представител\w*|пресс-секретар\w*|командующ\w*"
    r"|начальник\w*|заместител\w*|замминистра|советник\w*|спикер\w*|официальн\w*|депутат\w*|нардеп\w*"
    r"|генерал\w*|голов[аиі]|очільник\w*|керівник\w*|речни[кц]\w*|командувач\w*|заступник\w*|радник\w*|міністр\w*"
    r"|представник\w*|прес-секретар\w*|посадов\w*"
    # the commander-in-chief: "Головком ЗСУ Олександр Сирський", "главком ВСУ"
    r"|главком\w*|головком\w*|главнокомандующ\w*|головнокомандувач\w*"
    r"|эксперт\w*|военкор\w*|корреспондент\w*|журналист\w*|блогер\w*|аналитик\w*|обозревател\w*"
    r"|експерт\w*|аналітик\w*|кореспондент\w*|журналіст\w*|оглядач\w*|политолог\w*|політолог\w*)(?![\w-])",
    re.IGNORECASE,
)
_ORG_WORDS = compile_pattern(
    r"\b(?:ministry|service|intelligence|directorate|staff|officials|office|council|command|"
    r"department|agency|forces|army|military|government|pentagon|kremlin|nato|users|media)\b",
    re.IGNORECASE,
)
_QUOTES_OPEN = "“«„\""
_QUOTES_CLOSE = "”»\""


@dataclass
class Speakers:
    """The named speakers of a document so far, in text order (the pronoun antecedents)."""

    names: list[tuple[str, bool]] = field(default_factory=list)  # (canonical, is_person)
    #: The previous claim's claimant, its paragraph's start, and whether its sentence hedged.
    last_claim: tuple[str | None, int, bool] | None = None
    #: The last person named with each surname: ``expand`` looks a surname up here instead of
    #: walking every name so far (that walk made a long article's cost grow with its square).
    full_by_surname: dict[str, str] = field(default_factory=dict)
    #: The last person named with each Russian or Ukrainian title ("Губернатор Курской области
    #: Александр Хинштейн"): "по словам губернатора Курской области" later refers back to him.
    person_by_title: dict[str, str] = field(default_factory=dict)
    #: Where each of ``names`` was named (-1: not known), so that "— заявив він" closing a
    #: direct speech skips the names inside it.
    named_at: list[int] = field(default_factory=list)

    #: The people a sentence is about without their speaking ("Kursk Governor Alexander
    #: Khinshtein visited Rylsk."): (how many ``names`` were recorded before, where, who). A
    #: later "he said" refers to the one named last, whether he spoke or was its subject.
    subjects: list[tuple[int, int, str]] = field(default_factory=list)
    #: The bodies one unnamed person spoke for ("сообщил источник в силовых структурах", "a
    #: source in the security services said"): a later "по его словам", "he added" is that
    #: person, so a person pronoun finds the body as it finds a named person.
    voiced_by_one: set[str] = field(default_factory=set)
    #: The analyst body whose report the article is (``_analyst_author``), once looked up:
    #: ``...`` until then.
    author: str | None | type[Ellipsis] = ...

    def add(self, name: str, *, at: int = -1) -> None:
        """Record a named speaker (``at``: where the text names it, when known)."""
        person = is_person(name)
        self.names.append((name, person))
        self.named_at.append(at)
        if person:
            self.full_by_surname[name.split()[-1]] = name

    def last(self, sort: str, *, before: int | None = None) -> str | None:
        """The last speaker of a sort: 'person', 'body' or 'plural' (named before ``before``, if given)."""
        subject = next(((count, name) for count, at, name in reversed(self.subjects)
                        if (before is None or at < before) and is_person(name) == (sort == "person")), None)
        found = self._last_speaker(sort, before=before)
        if subject is not None and (found is None or found[1] < subject[0]):
            return subject[1]  # "Syrskyi visited the front. He said …": the sentence's subject
        return found[0] if found else None

    def _last_speaker(self, sort: str, *, before: int | None = None) -> tuple[str, int] | None:
        """``last`` over the speakers alone: the name and its index in ``names``."""
        for index in reversed(range(len(self.names))):
            (name, person), at = self.names[index], self.named_at[index]
            if before is not None and at >= before:
                continue
            if sort == "person" and (person or name in self.voiced_by_one):
                return name, index
            if sort == "body" and not person and not _PEOPLE_AT_LARGE.match(name):
                return name, index  # "говорится в сообщении" is a body's, not the residents' who spoke before
            if sort == "plural" and not person:
                return name, index
        return None

    def last_titled(self, title_stem: str) -> str | None:
        """The last speaker that is not a person's name but named by a title ("US official")."""
        for name, person in reversed(self.names):
            words = words_of(name)
            if not person and words and stem(words[-1]) == title_stem:
                return name
        return None

    def expand(self, name: str) -> str:
        """A surname alone becomes the full name seen earlier ("Singh" → "Sabrina Singh")."""
        if " " in name:
            return name
        full = self.full_by_surname.get(name)
        if full is None:  # "За словами Трегубова" after "Дмитро Трегубов": the surname in a case form
            full = next((self.full_by_surname[k] for k in (n.capitalize() for n in _nominatives(fold(name)))
                         if k in self.full_by_surname), None)
        return full or name


#: People who speak but issue nothing: "Residents said …", "Жители сообщили …".
_PEOPLE_AT_LARGE = compile_pattern(
    r"(?i:(?:local\s+)?(?:residents|locals|witnesses|eyewitnesses|evacuees|villagers|жители|местные(?:\s+жители)?"
    r"|очевидцы|мешканці|місцеві(?:\s+жителі)?|жителі|очевидці)$)")


def is_person(name: str) -> bool:
    """Two or three capitalised words with no organisation word: a personal name."""
    words = name.split()
    if name in CANONICAL_NAMES:
        return name in PERSONS
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(name) \
        and not any(w.isupper() and len(w) > 1 for w in words)


# Capitalised only because they open a sentence: never the start of a claimant's name.
_OPENERS = frozenset(
    "as in on at but and however also earlier later meanwhile while when if after before since then "
    "как по в во у на это однако также ранее позже при кроме между тем и а но как об о "
    "вчера сегодня накануне вчора учора сьогодні yesterday today этом том чем про це також крім "
    # "Водночас DeepState повідомляє", "Тем временем Минобороны", "Впрочем, Рыбарь"
    "водночас тим часом між натомість проте однак втім згодом зокрема временем впрочем зато затем "
    "кстати согласно meanwhile nonetheless separately elsewhere "
    # Ukrainian: "Раніше росіяни заявляли …", "Згодом Генштаб уточнив …"
    "раніше пізніше згодом потім також тоді "
    # a date is no speaker: "footage posted on Monday shows …"
    "monday tuesday wednesday thursday friday saturday sunday "
    # nor after the verb: "повідомили у п'ятницю в Генштабі" (the body), "…, повідомили у п'ятницю." (nobody)
    "понедельник вторник среду четверг пятницу субботу воскресенье понеділок вівторок середу четвер "
    "п'ятницю п’ятницю пʼятницю суботу неділю "
    # the time of day after it: "В пятницу вечером Сырский заявил", "У п'ятницю ввечері Сирський заявив"
    "утром днем днём вечером ночью вранці зранку вдень ввечері увечері вночі уночі "
    "минувшую прошлую минулого минулої минулу "
    # a day's document: "Tuesday's statement from the ministry said" (the ministry's)
    "monday's tuesday's wednesday's thursday's friday's saturday's sunday's "
    "monday’s tuesday’s wednesday’s thursday’s friday’s saturday’s sunday’s "
    # "Another milblogger claimed …": one more of the same source
    "another".split()
)


#: Where a speaker spoke, before his name: "В интервью «Российской газете» Герасимов", "У коментарі
#: Укрінформу речник ОТУ", "In an interview with CNN Syrskyi".
_VENUE_LEAD = compile_pattern(
    r"^(?i:в|во|у|in)\s+(?i:an?\s+|his\s+|her\s+|своем\s+|своём\s+|своєму\s+)?"
    r"(?i:интервью|інтерв['’]ю|коментарі|комментарии|комментарий|эфире|ефірі|беседе|розмові|interview)"
    r"(?:\s+(?i:with\s+)?(?:«[^«»\n]{1,40}»|\S+))?\s+(?=[A-ZА-ЯЁІЇЄҐ]|(?:речник|представник|командир|голова|глава)\w*)")


def _strip_openers(name: str) -> str:
    name = _VENUE_LEAD.sub("", name)
    words = name.split()
    while words and words[0].lower() in _OPENERS:
        words.pop(0)
    return " ".join(words)


#: Russian and Ukrainian case endings of surnames and names, and the nominative endings
#: they may come from: Сырского → Сырский, Зеленського → Зеленський, Буданова → Буданов.
_CASE_ENDINGS = (("ого", ("ий", "ой")), ("его", ("ий",)), ("ому", ("ий", "ой")), ("ему", ("ий",)),
                 ("ым", ("ий", "ой")), ("им", ("ий",)), ("ом", ("",)), ("ым", ("",)), ("ой", ("ая",)),
                 ("ою", ("а",)), ("ов", ("",)), ("а", ("",)), ("у", ("",)), ("е", ("",)), ("ы", ("а",)),
                 ("ой", ("а",)), ("ої", ("а",)), ("ою", ("а",)), ("і", ("а",)))


def _nominatives(key: str) -> list[str]:
    """The forms a folded Cyrillic name may have in the nominative, its last word re-ended.

    >>> "сырский" in _nominatives("сырского"), "буданов" in _nominatives("буданова")
    (True, True)
    """
    if not key or key.isascii():
        return []
    head, _, last = key.rpartition(" ")
    out = []
    for ending, nominatives in _CASE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            stem = last[: -len(ending)]
            out += [f"{head} {stem}{n}".strip() for n in nominatives]
    return out


@lru_cache(maxsize=8192)
def canonical_claimant(raw: str) -> str | None:
    """Normalise a claimant phrase; None when it names nobody in particular.

    >>> canonical_claimant("Ukrainian President Volodymyr Zelenskyy")
    'Volodymyr Zelensky'
    >>> canonical_claimant("Pentagon Deputy Press Secretary Sabrina Singh")
    'Sabrina Singh'
    >>> canonical_claimant("the GUR")
    'GUR'
    >>> canonical_claimant("Recent estimates") is None
    True
    >>> canonical_claimant("the Russian language Astra Telegram channel")
    'Astra'
    >>> canonical_claimant("Kyiv disputes")
    'Ukraine'
    >>> canonical_claimant("глава района Иван Петров")
    'Иван Петров'
    """
    name = _strip_openers(" ".join(raw.replace("\u00a0", " ").split()).strip(" ,.;:’'\"“”«»"))
    if name.count("«") > name.count("»"):
        name += "»"  # "командующий группировкой «Север»": the unit's closing guillemet is the name's
    source = _SOURCE_IN.match(name)
    if source is not None:
        # GOLD.md: an unnamed source speaks for the body it is in ("a source in the Russian Defense
        # Ministry", "джерело в СБУ"), else as the text names it; a source with no body names nobody
        body = source.group("body")
        if not body:
            return None
        known = canonical_name(body) or named_within(body)
        if known:
            return known
    outlet_source = _OUTLET_SOURCE.match(name)
    outlet = canonical_name(outlet_source.group("outlet") or outlet_source.group("outlet2")) if outlet_source else None
    if outlet in OUTLETS:
        # "сообщил источник ТАСС", "a TASS source": the outlet's own source, the outlet's claim
        # (as "пише Forbes з посиланням на власні джерела")
        return outlet
    if _ONE_TITLED.fullmatch(name):
        # "a Russian official": one new speaker, no reference back, under the name a known one has
        # whatever his rank ("a senior U.S. defense official" is the US Department of Defense official)
        titled = name.split(" ", 1)[1]
        return canonical_name(titled) or canonical_name(_RANK.sub("", titled)) or titled
    # "according to maps by the open-source project DeepState", "an estimate by Mediazona": the
    # maker of the evidence (before the verb test: "estimate" is also a verb)
    name = _EVIDENCE_BY.sub("", re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE))
    name = _MAKERS_DOCUMENT.sub("", name)
    verb = _SPEECH_WORD.search(name)
    if verb and name[verb.end():].strip():  # "Recent estimates" ends in its noun: no verb there
        name = name[:verb.start()]
    if not name:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    name = _TRAILING_TIME.sub("", name) or name  # "Минобороны России во вторник"
    key = fold(name)
    if key in _PLATFORMS:
        return None  # "Про це у Telegram написав Сирський": where it was posted speaks for nobody
    if key in _NOT_NAMES or _is_document(name) or reference_sort(name) or key.split()[0] in _FIRST_PERSON:
        return None  # "It estimated …", "An estimated 11,000 …", "according to the statement", "the ministry"
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    known = canonical_name(name) or canonical_name(bare)
    if known:
        return known
    if _GENERIC_SPEAKER.fullmatch(fold(bare)) and not _CYRILLIC.match(bare) and not _DEFINITE.match(raw.strip()):
        # "…, a lawmaker said", "one official said": a role with no one named (GOLD.md); "the
        # lawmaker" and "депутат" may name the one introduced before (``_resolve``)
        return None
    words = bare.split()
    if is_joint(bare):
        # GOLD.md: two sources named together are the first named ("Ukraine's General Staff and
        # Syrskyi said …"); "Ukrainian and South Korean officials" is one joint source
        return _first_of_two(bare) or bare
    for n in (3, 2, 1):  # "Губернатор Курской области Алексей Смирнов": a known name after a title
        tail_name = canonical_name(" ".join(words[-n:])) if len(words) > n else None
        if tail_name and (n > 1 or tail_name in PERSONS):  # "Несколько часов назад Хинштейн"
            if any(fold(w).strip(".") in _OTHER_COUNTRIES for w in words[:-n]):
                break  # "the German Defence Ministry" is not the bare "Defence Ministry" (Moscow's)
            return tail_name
    for n in (3, 2, 1):  # "Минобороны России Игорь Конашенков", "ОТУ «Курськ» Олексій Дмитрашківський": the
        # body a title named (the title itself left before the phrase), then its person
        # ("the Russian Defence Ministry's Igor Konashenkov": its possessive too)
        head = " ".join(words[:n])
        body = canonical_name(re.sub(r"['’]s$", "", head)) if len(words) == n + 2 else None
        if body and body not in PERSONS and all(w[:1].isupper() and not w.isupper() for w in words[n:]) \
                and not any(canonical_name(w) for w in words[n:]):
            person = nominative(" ".join(words[n:]))
            return canonical_name(person) or person
    for n in (3, 2, 1):  # "Kyiv disputes": a known body, then one lower-case word (not "Zelensky adviser";
        # "ВСУ несут большие потери" is a statement about the body, not by it)
        head_name = canonical_name(" ".join(words[:n])) if len(words) == n + 1 else None
        # ("Ukrainian soldiers told the BBC" is soldiers speaking, not Ukraine)
        if head_name and head_name not in PERSONS and all(w[:1].islower() for w in words[n:]) and not re.fullmatch(
                ANONYMOUS_HEADS, words[-1].lower()) and not _FORCE_NOUN.fullmatch(words[-1].lower()):
            return head_name
    if len(words) == 2 and (title_of(words[0]) or _TITLE_WORDS.fullmatch(words[0])):  # noqa: PLR2004 - title, body
        body = canonical_name(words[1])
        if body is not None and body not in PERSONS:
            return body  # "речник ДПСУ", "спикер ВСУ": the spokesman speaks for his body
    titles = list(_TITLE_WORDS_CUED.finditer(bare))
    if titles:
        tail = bare[titles[-1].end():].strip()
        tail_words = tail.split()
        if tail and all(w[:1].isupper() for w in tail_words) and len(tail_words) <= 3 and not (
                len(tail_words) == 1 and tail.isupper() and _CYRILLIC.match(bare)):  # "голови ОВА": the body
            if len(tail_words) == 3 and (tail_words[0].isupper() or canonical_name(tail_words[0])
                                         or (_CYRILLIC.match(tail) and not _PATRONYMIC.search(tail_words[1]))):
                # "представник ГУР Андрій Юсов", "Глава Чечни Рамзан Кадыров": the body, then the
                # person (a middle word that is no patronymic is the given name, not the first word)
                tail = " ".join(tail_words[1:])
            tail = nominative(tail)
            return canonical_name(tail) or tail
        if len(tail_words) >= 3 and all(w[:1].isupper() for w in tail_words[-2:]) and _CYRILLIC.match(tail):
            # "глава МИД России Сергей Лавров", "глава района Иван Петров": the body, then the person
            person = nominative(" ".join(tail_words[-2:]))
            return canonical_name(person) or person
        holder = _english_titled_person(tail_words)
        if holder is not None:
            return canonical_name(holder) or holder
    if len(words) == 3 and len(words[0]) >= 2 and words[0].isupper() and all(w[:1].isupper() for w in words[1:]):
        return " ".join(words[1:])  # "ГУР Андрій Юсов", "SBU Vasyl Maliuk": the body's acronym, then the person
    if (len(words) >= 4 and _CYRILLIC.match(bare) and (words[-2] in UKRAINIAN_FIRST_NAMES or may_be_first_name(words[-2]))
            and words[-1][:1].isupper() and any(len(w) > 1 and w.isupper() for w in words[:-2])):
        # "(начальник) Сумської ОВА Володимир Артюх": the body its title named, then the person
        person = nominative(" ".join(words[-2:]))
        return canonical_name(person) or person
    inner = named_within(bare)  # "Ukrainian open-source Telegram channel DeepState"
    if inner is not None:
        return inner
    described = _described_name(words)  # "Ukrainian outlet Ukrainska Pravda": the outlet's name
    if described is not None:
        return described
    if _CYRILLIC.match(bare):
        titled = title_nominative(bare)  # "по словам губернатора Курской области", "повідомили в бригаді"
        if titled != bare:
            return titled
    bare = nominative(bare)  # "по словам Вячеслава Гладкова": the speaker is Вячеслав Гладков
    if words and re.fullmatch(ANONYMOUS_HEADS, words[-1].lower()):
        proper = [w for w in words[:-1] if w[:1].isupper()]
        # "Recent estimates": the capital is the sentence's, not a name's.
        if not proper or (len(proper) == 1 and words[0] == proper[0] and proper[0].lower() in _COMMON_OPENERS):
            return None
    return bare or None


#: States named together are one joint source (the seeds' gold: "Ukraine and the United States").
_STATES = frozenset({"Ukraine", "Russia", "South Korea"})
_TWO_SOURCES = compile_pattern(r"\s+(?:and|&|и|та|і|й)\s+")
#: A word that describes the noun after it ("Ukrainian and South Korean officials"): no source alone.
_ADJECTIVE_END = compile_pattern(r"(?:ian|ean|ese|ish|ск\w{1,3}|цк\w{1,3}|ськ\w{1,3}|цьк\w{1,3})$", re.IGNORECASE)


def _first_of_two(phrase: str) -> str | None:
    """The first of two known sources named together, else None.

    >>> _first_of_two("Ukraine's General Staff and Syrskyi"), _first_of_two("Ukrainian and South Korean officials")
    ('General Staff of the Armed Forces of Ukraine', None)
    """
    parts = _TWO_SOURCES.split(phrase)
    if len(parts) != 2 or _ADJECTIVE_END.search(parts[0]):  # noqa: PLR2004 - two sources
        return None
    first, second = (canonical_name(p) or canonical_claimant(p) for p in parts)
    if first is None or second is None or not {first, second} <= CANONICAL_NAMES - _STATES:
        return None  # "Ukraine and the United States": two governments speak as one
    return first


@lru_cache(maxsize=8192)
def reference_sort(phrase: str) -> str | None:
    """'body' or 'person' when a phrase only refers back to a speaker named before.

    "the ministry", "в оборонном ведомстве", "The channel" refer to a body; "the acting
    governor", "главком ВСУ" to a person. A phrase with a name of its own does not.

    >>> reference_sort("оборонном ведомстве"), reference_sort("the acting governor"), reference_sort("Astra")
    ('body', 'person', None)
    """
    all_words = words_of(_strip_openers(phrase))
    words = [w for w in all_words if stem(w) not in REFERENCE_MODIFIERS and w not in REFERENCE_MODIFIERS]
    if not words and all_words and all_words[-1] in BODY_REFERENCES:
        words = all_words[-1:]  # "The military said": the modifier is the noun itself
    if not words or len(words) > 2 or canonical_name(phrase):
        return None
    head = stem(words[-1])
    if len(words) == 2 and stem(words[0]) not in PERSON_REFERENCES | BODY_REFERENCES:
        return None
    if head in BODY_REFERENCES or words[-1] in BODY_REFERENCES:
        return "body"
    if head in PERSON_REFERENCES or words[-1] in PERSON_REFERENCES:
        return "person"
    return None


#: When a speaker spoke, caught at the end of the name: "… во вторник", "… on Tuesday".
_TRAILING_TIME = compile_pattern(
    r"\s+(?:в|во|on|у|в\s+ночь\s+на)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
    r"|понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$"
    # "Военкоры тем временем пишут": a sentence adverb after the name
    r"|\s+(?:тем\s+временем|тим\s+часом|также|також|тоже|теж|однако|проте|впрочем|втім|however|also|meanwhile)$"
    # where it was said: "Президент … Зеленський у вечірньому зверненні заявив", "… в интервью ТАСС",
    # "… in his nightly address"
    r"|\s+(?:в|во|у|in|on|at|during)\s+(?:[a-zа-яёіїєґ'’-]+\s+){0,3}?(?:обращени\w*|звернен\w*|заявлени\w*"
    r"|интервью|інтерв['’]ю|эфире|ефірі|телеграм[\w-]*|telegram[\w-]*|соцсет\w*|соцмереж\w*|брифинг\w*|брифінг\w*|видео\w*"
    r"|відео\w*|беседе|разговоре|розмові|коментарі|комментарии|address|interview|statement|briefing|video|post)"
    # and with whom: "… в беседе с «Лентой.ру»", "у розмові з журналістами"
    r"(?:\s+(?:с|со|з|із|with))?(?:\s+\S+){0,2}$"
    # the platform it was posted on: "в повідомленні Генерального штабу ЗСУ у Facebook"
    r"|\s+(?:в|у|on|in|via)\s+(?:Facebook|Telegram|Twitter|Instagram|YouTube|X|Фейсбуці|Фейсбуке|Телеграмі|Телеграме)$"
    # whom it was told to: "— сказал командующий группировкой «Север» журналистам"
    r"|\s+(?:журналистам|журналістам|репортерам|репортерам|корреспондентам|кореспондентам)$",
    re.IGNORECASE)

#: An unnamed source, and the body it is in when the text says ("a source in the security
#: services", "источник в Минобороны", "джерело у Генштабі"); "body" is empty for a bare source.
_SOURCE_IN = compile_pattern(
    r"(?i:^(?:an?\s+|one\s+)?(?:unnamed\s+|anonymous\s+|senior\s+|informed\s+|military\s+|security\s+)*sources?"
    r"|^(?:неназванн\w+\s+|анонимн\w+\s+|анонімн\w+\s+|осведомленн\w+\s+|поінформован\w+\s+)?"
    r"(?:источник\w*|джерел\w*))"
    r"(?:\s+(?i:in|at|within|from|inside|close\s+to|в|во|у|из|з|із|близк\w*\s+к|близьк\w*\s+до)\s+(?:the\s+)?"
    r"(?P<body>\S.*))?$")

#: An outlet's own source: "источник ТАСС", "собеседник РИА Новости", "джерело Укрінформу", "a TASS source".
_OUTLET_SOURCE = compile_pattern(
    r"(?i:(?:источник|собеседник|джерел|співрозмовник)\w*\s+(?P<outlet>\S.{0,30})"
    r"|(?:an?\s+)?(?P<outlet2>\S.{0,30}?)(?:['’]s)?\s+sources?)$")
#: Countries other than the two sides and Russia's ally, whose bodies a bare alias must not take:
#: "the UK Ministry of Defence", "the German Defence Ministry".
_OTHER_COUNTRIES = frozenset(
    "uk u.k britain britain's british us u.s american america's german germany's french france's polish poland's "
    "belarusian belarus belarus's finnish estonian latvian lithuanian italian spanish turkish israeli japanese "
    "chinese china's canadian australian dutch swedish norwegian danish czech slovak hungarian romanian "
    "south korea's seoul's korean north pyongyang's "
    "британськ британск німецьк немецк американськ американск французьк французск польськ польск "
    "білоруськ белорусск".split())

#: The people a claim is about ("soldiers", "военные"): after a country, no speaker of its own.
_FORCE_NOUN = compile_pattern(FORCE_NOUNS)

#: Where a statement is posted, never who makes it.
_PLATFORMS = frozenset("telegram facebook twitter x youtube instagram vk вконтакте телеграм фейсбук фейсбуці "
                       "телеграмі телеграме".split())

#: "I mentioned last time", "we reported": the writer, who is not a claimant of the article.
_FIRST_PERSON = frozenset("i we я мы ми".split())

#: Words that stand where a speaker's name stands but name nobody: pronouns (resolved
#: apart, as pronouns) and determiners ("An estimated 11,000 troops").
_NOT_NAMES = frozenset("it he she they we i you this that these those an a the its there "
                       # "According to him, …": the object pronoun is _PRONOUN_ACCORDING's, not a name
                       "him her them us me "
                       "он она они оно это этом том чем мы я вы він вона вони воно ми "
                       # "Как сообщает …", "Як повідомляє …": the opening word of an according-to phrase
                       "как як as".split())

#: "according to the statement", "по данным ведомства": a document or "the agency", which
#: speaks for the body last named.
_DOCUMENT_WORDS = frozenset("statement report release post update summary briefing message "
                            "сообщение заявление сводка релиз ведомство ведомства ведомстве "
                            "министерства штаба відомство відомства міністерства штабу data данным данных "
                            "даними даних информации інформації information accounts".split())
_DOCUMENT_STEMS = frozenset(stem(w) for w in _DOCUMENT_WORDS)
#: Possessive and object pronouns, folded, and the sort of speaker they stand for.
PRONOUN_FORMS = {"его": "he", "ее": "she", "их": "they", "його": "he", "її": "she", "їхніми": "they", "їх": "they",
                 "him": "he", "her": "she", "them": "they"}

def _is_document(phrase: str) -> bool:
    """'the statement', 'официальным данным', 'згідно з даними', 'Its report': a document, no speaker's name."""
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in ("its", "the", "this", "that", "their"):
        words = words[1:]  # "Its report said": the sentence's capital is no name's
    return bool(words) and stem(fold(words[-1])) in _DOCUMENT_STEMS and all(w[:1].islower() for w in words)


_COMMON_OPENERS = frozenset(
    "recent new latest earlier initial preliminary other some many several these those unofficial "
    "official independent local western media".split()
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A span of text that names who speaks, and the name it gives."""

    start: int
    end: int
    name: str | None
    pronoun: str | None = None
    relay: bool = False  # "citing X", "со ссылкой на X": X is the origin of what the speaker says
    #: A pronoun that closes a direct speech refers to a speaker named before it opened:
    #: "- Також генерал Сирський доповів … — заявив він" is not Syrskyi's.
    speech_start: int | None = None


#: A speech verb inside a phrase read as a name ends the name: "Radio Liberty's service
#: posted imagery that shows …" names "Radio Liberty's service".
_SPEECH_WORD = compile_pattern(rf"\s(?:{SPEECH_VERBS})(?!\w)")


_CYRILLIC = compile_pattern(r"[А-Яа-яЁёІіЇїЄєҐґ]")
#: Evidence named before its maker: "maps by", "data from", "footage published by".
#: So is a document named before its maker: "a statement from X", "a post on X's Telegram channel".
_EVIDENCE_BY = compile_pattern(
    r"^(?:maps?|data|figures|footage|imagery|images|videos?|charts?|estimates?|assessments?|count|tally"
    r"|statements?|posts?|messages?|updates?|briefings?|summar(?:y|ies))"
    r"\s+(?:published\s+|released\s+|posted\s+)?(?:by|from|of|on)\s+"
    r"(?:the\s+)?(?=\S)", re.IGNORECASE)
#: A document after its maker's possessive: "the General Staff's daily report", "Syrskyi's
#: Telegram channel", "the ministry's latest statement": the maker speaks.
_MAKERS_DOCUMENT = compile_pattern(
    r"(?<=\w)['’]s\s+(?:[\w-]+\s+){0,2}?(?:report|statement|update|summary|briefing|post|message|assessment"
    r"|telegram\s+channel|channel|account|page|website|data|figures|estimates?|tally|count|maps?"
    # "Syrskyi's office said", "the ministry's press service": the office speaks for its head
    r"|office|press\s+office|press\s+service)s?$",
    re.IGNORECASE)
#: The endings of Russian and Ukrainian patronymics: Владимирович, Ильич, Ивановна, Петрівна.
_PATRONYMIC = compile_pattern(r"(?:ич|вна|чна)$")


def _is_bare_title(name: str) -> bool:
    """A title with no name or known body ("Kursk governor", "Ukraine's top commander"): who
    holds it is for the text around to say.

    >>> _is_bare_title("Kursk governor"), _is_bare_title("Alexander Khinshtein"), _is_bare_title("GUR")
    (True, False, False)
    """
    return (name not in CANONICAL_NAMES and not is_person(name) and _TITLE_WORDS_CUED.search(name) is not None
            and not any(w[:1].isupper() for w in name.split()[1:] if not _TITLE_WORDS_CUED.search(w)))


#: Words that end an English title's office, not its holder: "Secretary of State Antony Blinken",
#: "press secretary Maj. Gen. Pat Ryder" (ranks and abbreviations are dropped by their full stop).
_OFFICE_WORDS = frozenset("state defense defence foreign affairs security national intelligence house council "
                          "staff general ministry department".split())


def _described_name(words: Sequence[str]) -> str | None:
    """The name after the words that describe what it is ("Ukrainian outlet Ukrainska Pravda", "the
    independent news site Verstka"): descriptors (``claimants.DESCRIPTORS``) ending in a common noun,
    then capitalised words only; else None.

    >>> _described_name("Ukrainian outlet Ukrainska Pravda".split()), _described_name("Russian Railways".split())
    ('Ukrainska Pravda', None)
    """
    at = 0
    while at < len(words) and fold(words[at]) in DESCRIPTORS:
        at += 1
    rest = words[at:]
    if not at or not words[at - 1][:1].islower() or not rest or not all(w[:1].isupper() for w in rest):
        return None
    return canonical_name(" ".join(rest)) or " ".join(rest)


def _english_titled_person(tail_words: Sequence[str]) -> str | None:
    """The person at the end of an English title ("of State Antony Blinken", "Maj. Gen. Pat Ryder"):
    the capitalised words that end the phrase, less ranks and office words, when two or three
    are left; else None.

    >>> _english_titled_person("of State Antony Blinken".split()), _english_titled_person("Maj. Gen. Pat Ryder".split())
    ('Antony Blinken', 'Pat Ryder')
    >>> _english_titled_person("of the North group".split()) is None
    True
    """
    run: list[str] = []
    for word in reversed(tail_words):
        if not word[:1].isupper() or not word.isascii():
            break
        run.insert(0, word)
    while run and (run[0].endswith(".") or run[0].lower() in _OFFICE_WORDS or canonical_name(run[0])):
        run.pop(0)
    return " ".join(run) if 2 <= len(run) <= 3 and not any(w.isupper() and len(w) > 1 for w in run) else None


def _is_title_run(words_between: str) -> bool:
    """Whether the lower-case words between an inverted speech verb and a name can be its title:
    one word, or a run that holds a title ("said military expert", "заявил журналистам пресс-секретарь
    президента"), not a clause ("said Russian forces retook" + Sudzha).

    >>> _is_title_run(" military expert "), _is_title_run(" Russian forces retook "), _is_title_run(" ")
    (True, False, True)
    """
    lower = [w for w in words_between.replace(",", " ").split() if w[:1].islower() and w not in ("the", "a", "an")]
    return len(lower) < 2 or any(_TITLE_WORDS.fullmatch(w) or title_of(w) or stem(fold(w)) in PERSON_REFERENCES
                                 for w in lower)


def _is_titled_name(phrase: str) -> bool:
    """A title, then a person's name: "глава Генштаба Валерий Герасимов", "military expert Andrei Marochko".

    The phrase may open in lower case (its sentence began with "Ранее", "Earlier") and
    still name its speaker.
    """
    words = phrase.split()
    return (len(words) >= 3 and _TITLE_WORDS_CUED.search(phrase) is not None
            and all(w[:1].isupper() for w in words[-2:]))


def _is_name_like(phrase: str) -> bool:
    """A short phrase of capitalised words, perhaps ending in one common noun ("Mash",
    "Ukraine's military", "South Korean MP Lee Seong-kweun"), not a clause."""
    words = phrase.split()
    return len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words[:-1])


#: The speech verbs grouped by first letter (``alternation.by_first_letter``): the same matches
#: with the same verb, for a tenth of the branch tests at each word (issue 14).
_VERBS_BY_LETTER = by_first_letter(SPEECH_VERBS)


def _by_letter(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` with its speech verbs grouped by first letter: it matches what ``rx`` matches."""
    return compile_pattern(rx.pattern.replace(SPEECH_VERBS, _VERBS_BY_LETTER), rx.flags)


# The patterns gated by the speech verbs (their cues stay SPEECH_GATE's), searched in their
# faster spelling; the definitions above keep the lexicon's.
(_SUBJECT_VERB, _WHO_SAID, _APPOSITIVE, _SUBJECT_ASIDE_VERB, _VERB_SUBJECT, _PRONOUN, _VERB_BEFORE, _TAIL_LOWER,
 _RELATIVE_SPEECH, _ASIDE_THEN_VERB, _VERB_TAIL_LOWER, _QUOTED_NAME_VERB, _VERB_QUOTED_NAME) = _SPEECH_PATTERNS = tuple(map(
    _by_letter, (
    _SUBJECT_VERB, _WHO_SAID, _APPOSITIVE, _SUBJECT_ASIDE_VERB, _VERB_SUBJECT, _PRONOUN, _VERB_BEFORE, _TAIL_LOWER,
    _RELATIVE_SPEECH, _ASIDE_THEN_VERB, _VERB_TAIL_LOWER, _QUOTED_NAME_VERB, _VERB_QUOTED_NAME)))


#: The patterns ``_attributions`` runs, each only in a sentence that holds one of its cues
#: (``text.Cues``: a speech verb, "according", "citing", a hedge …), found for all of them
#: in one automaton pass. Most sentences of a report hold no speech verb at all.
_SCANNED = (_ACCORDING, _SUBJECT_VERB, _WHO_SAID, _WHO_SAID_NEAR, _APPOSITIVE, _SUBJECT_ASIDE_VERB,
            _VERB_SUBJECT, _RELAY, _PRONOUN, _VERB_BEFORE, _TAIL_LOWER, _DOCUMENT_OF, _PRONOUN_ACCORDING,
            _PERSON_DOCUMENT, _BODY_REFERENCE, _HEDGE, _RELATIVE_SPEECH, _ASIDE_THEN_VERB, _VERB_TAIL_LOWER,
            _QUOTED_NAME_VERB, _VERB_QUOTED_NAME, _QUOTE_ONE_TITLED, _PASSED_ON, _IN_BODY_SAID, _DOCUMENT_FIRST,
            _BECAME_KNOWN, _INCLUDING, _CREDITED, _PRONOUN_AFTER)
#: A pattern built around the speech verbs needs one of them: its cues are read once from
#: the lexicon, not again from each of the ten patterns (reading them was most of this
#: module's import time). A test checks every pairing against the pattern's own cues.
SPEECH_GATE = compile_pattern(SPEECH_VERBS)
_GATES = {id(rx): SPEECH_GATE for rx in _SPEECH_PATTERNS}
_CUES = Cues.of([_GATES.get(id(rx), rx) for rx in _SCANNED])
#: Searched only where one of their own literals occurs (issue 14): a hedge or a title
#: is rare, and their alternations cost a search at every position of a sentence.
_HEDGE_CUED = Gated.of(_HEDGE, is_folded=False)
_TITLE_WORDS_CUED = Gated.of(_TITLE_WORDS, is_folded=False)
# Keyed by id: a compiled pattern hashes its whole program on every lookup.
_BIT = {id(rx): 1 << i for i, rx in enumerate(_SCANNED)}


#: The document folded once for the cue pass of all its sentences (``fold`` keeps offsets).
_folded = lru_cache(maxsize=2)(fold)


#: A literal that every match of a speech-gated pattern holds besides its verb: the two that
#: name a source in guillemets (``_QUOTED_NAME``) need "«", which most sentences with a speech
#: verb lack (issue 14: their searches were a tenth of this module's).
_ALSO_NEEDS = {id(_QUOTED_NAME_VERB): "«", id(_VERB_QUOTED_NAME): "«"}


@lru_cache(maxsize=1024)
def _may_match(text: str, start: int, end: int) -> int:
    """The bits of the ``_SCANNED`` patterns that may match in text[start:end]: their cues, and
    the literal ``_ALSO_NEEDS`` names for a pattern.

    Cached: ``claimant_for`` asks again whether each claim's sentence hedges (``_HEDGE``'s bit).
    """
    may = _CUES.mask(_folded(text), start, end, is_folded=True)
    for key, literal in _ALSO_NEEDS.items():
        if may & _BIT[key] and text.find(literal, start, end) < 0:
            may &= ~_BIT[key]
    return may


def scanned_patterns(text: str, start: int, end: int) -> tuple[re.Pattern[str], ...]:
    """The patterns ``find_attributions`` runs over text[start:end] (the others cannot match there)."""
    may = _may_match(text, start, end)
    return tuple(rx for rx in _SCANNED if may & _BIT[id(rx)])


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Every attribution phrase in text[start:end], in text order."""
    return list(_attributions(text, start, end))


@lru_cache(maxsize=1024)
def _attributions(text: str, start: int, end: int) -> tuple[Attribution, ...]:
    """``find_attributions``, cached: a claim's sentence is read again when the claims
    after it look back for a speaker, and the answer depends on the text alone."""
    may = _may_match(text, start, end)
    if not may:
        return ()
    chunk = text[start:end]
    found: list[Attribution] = []
    subject_spans: list[tuple[int, int]] = []  # where a verb has its subject before it
    has_relative = bool(may & _BIT[id(_RELATIVE_SPEECH)]) and _RELATIVE_SPEECH.search(chunk) is not None
    has_aside = bool(may & _BIT[id(_ASIDE_THEN_VERB)]) and _ASIDE_THEN_VERB.search(chunk) is not None
    for rx in (_ACCORDING, _SUBJECT_VERB, _WHO_SAID, _WHO_SAID_NEAR, _APPOSITIVE, _SUBJECT_ASIDE_VERB, _CREDITED):
        if rx in (_WHO_SAID, _WHO_SAID_NEAR) and not has_relative or rx is _SUBJECT_ASIDE_VERB and not has_aside:
            continue
        if not may & _BIT[id(rx)]:
            continue
        for m in rx.finditer(chunk):
            if (rx is _SUBJECT_VERB and not m.group("verb").endswith("ing")
                    and _PASSIVE_BEFORE.search(chunk, max(0, m.start("verb") - 8), m.start("verb"))):
                continue  # "The liberation of Sudzha was announced on Friday": the event, no speaker
            if rx is _WHO_SAID_NEAR and _COMPLEMENT_LEAD.search(chunk, 0, m.start()):
                continue  # "John Kirby, spokesperson for the NSC, who said": "who" is Kirby
            if rx is _SUBJECT_ASIDE_VERB and not (_is_name_like(m.group("np")) or _ONE_TITLED.fullmatch(m.group("np"))
                                                  or canonical_name(m.group("np"))):  # "Russian war bloggers, who …, said"
                continue  # "… as Russian troops took control of X, a locality …, reports Y": a clause
            if rx is _SUBJECT_ASIDE_VERB and _has_own_speaker(chunk[m.end("np"):m.start("verb")]):
                continue  # "…Sudzha, a spokesman said Friday, adding …": the aside's speaker adds, not Sudzha
            name = _strip_openers(m.group("np"))
            title = _TITLE_OF_BEFORE.search(chunk, max(0, m.start() - 40), m.start()) if rx is _SUBJECT_VERB else None
            is_title_of = title is not None and _TITLE_WORDS.fullmatch(title.group("title").split()[-1]) is not None
            if is_title_of and title is not None:
                name = f"{title.group(0).strip()} {name}"  # "…, the commander of the North group said": him
            sort = reference_sort(name)
            if (rx is _SUBJECT_VERB and _IN_PLACE.match(m.group("np")) and not _VENUE_LEAD.match(m.group("np"))
                    and not sort and not _is_known_or_person(name)):
                continue  # "В Судже уверены", "В Курской области сообщили": a place, no speaker ("В Минобороны" is)
            # "according to a senior Ukrainian official": the article the pattern took before the phrase
            article = _ARTICLE_BEFORE.search(chunk, max(0, m.start("np") - 4), m.start("np"))
            titled = f"{article.group()}{m.group('np')}" if article else m.group("np")
            if _ONE_TITLED.fullmatch(titled):  # "A senior Ukrainian military official said": a new speaker
                found.append(Attribution(start + m.start(), start + m.end(), titled))
            elif _is_document(name) or sort == "body":  # "according to the statement", "the ministry"
                found.append(Attribution(start + m.start(), start + m.end(), None, "it"))
            elif sort == "person":  # "the acting governor said": the last person named
                found.append(Attribution(start + m.start(), start + m.end(), None, _titled_he(name)))
            elif name and fold(name) not in _NOT_NAMES and (rx is _ACCORDING or not name[:1].islower()
                                                              or canonical_name(name) or named_within(name)
                                                              or _is_titled_name(name) or is_title_of
                                                              or _CYRILLIC.match(name) and title_of(name.split()[0])):
                # "Об этом в своем телеграм-канале написал …": the capital was the formula's
                found.append(Attribution(start + m.start(), start + m.end(), name if is_title_of else m.group("np")))
                if rx in (_SUBJECT_VERB, _SUBJECT_ASIDE_VERB, _APPOSITIVE):
                    subject_spans.append((start + m.start(), start + m.end()))
    for m in _VERB_SUBJECT.finditer(chunk) if may & _BIT[id(_VERB_SUBJECT)] else ():
        if any(s0 <= start + m.start() < e0 for s0, e0 in subject_spans):
            continue  # "Rybar, a channel …, said Ukraine held Gornal": the verb already has its subject
        if chunk[m.start("np") - 1:m.start("np")] == "«" and _TITLE_WORDS_CUED.search(chunk, m.start(), m.start("np")):
            continue  # "сообщил командующий группировкой «Север»": the commander speaks (_VERB_TAIL_LOWER), not the unit
        if _TOLD_OUTLET.match(chunk, m.end("np")) and chunk[m.start("np") - 1:m.start("np")] == "«":
            continue  # "сообщили «Известиям» в Минобороны": the outlet told, the ministry speaks (ACCORDING_TO)
        # "сообщил в своем телеграм-канале Хинштейн": where he said it is no title
        between = chunk[m.end("venue") if m.group("venue") else m.end("verb"):m.start("np")]
        if not _is_title_run(between) or "," in between and not _TITLE_WORDS_CUED.search(between):
            continue  # "The ministry, in a statement, said Russian forces retook Sudzha.": a clause, no title
        before = chunk[:m.start()].rstrip()
        if before.endswith((",", "”", "\"", "»", "-", "—", "–")) or _INVERTED_LEAD.search(before):
            # "…,” said Zelensky", "…», — сказал он", "Об этом сообщил эксперт Марочко"
            phrase = m.group(0)[len(m.group("verb")):]
            sort = reference_sort(phrase)  # "рассказал главком ВСУ"
            pronoun = {"body": "it", "person": _titled_he(phrase)}.get(sort or "")
            # "повідомляє Генеральний штаб України": the whole phrase when it is a known name
            name = phrase.strip() if canonical_name(phrase) else m.group("np")
            if _is_titled_acronym(phrase, m.group("np")):
                name = phrase.strip()  # "Як зазначив очільник ОВА": the head of the body, not the body
            found.append(Attribution(start + m.start(), start + m.end(), None if pronoun else name, pronoun))
    for m in _RELAY.finditer(chunk) if may & _BIT[id(_RELAY)] else ():
        if _OWN_SOURCES.match(m.group("np")):
            continue  # "пише Forbes з посиланням на власні джерела": the outlet's own, it is the source
        if _is_evidence(m.group("np")):
            continue  # "…, citing intercepted radio communications": evidence, the speaker its reader
        found.append(Attribution(start + m.start(), start + m.end(), m.group("np"), relay=True))
    for m in _PRONOUN.finditer(chunk) if may & _BIT[id(_PRONOUN)] else ():
        found.append(Attribution(start + m.start(), start + m.end(), None, m.group(1).lower(),
                                 speech_start=_direct_speech_start(text, start + m.start())))
    for m in _PRONOUN_AFTER.finditer(chunk) if may & _BIT[id(_VERB_BEFORE)] and may & _BIT[id(_PRONOUN_AFTER)] else ():
        verb = _VERB_BEFORE.search(chunk, max(0, m.start() - 30), m.start())
        if verb:
            found.append(Attribution(start + verb.start(), start + m.end(), None, m.group(1).lower(),
                                     speech_start=_direct_speech_start(text, start + verb.start())))
    for m in _TAIL_LOWER.finditer(chunk) if may & _BIT[id(_TAIL_LOWER)] else ():
        if (canonical_name(m.group("np")) or named_within(m.group("np")) or _ONE_TITLED.fullmatch(m.group("np"))
                or _SOURCE_IN.match(m.group("np"))):  # "…, a source in the security services said"
            found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
        elif reference_sort(m.group("np")) == "person":  # "…, the governor said": the person named before
            found.append(Attribution(start + m.start(), start + m.end(), None, _titled_he(m.group("np"))))
        elif _is_document(m.group("np")) or reference_sort(_MAKERS_DOCUMENT.sub("", m.group("np"))) == "body":
            # "…, the ministry's statement said", "…, the report said": the body named before
            found.append(Attribution(start + m.start(), start + m.end(), None, "it"))
        elif words_of(m.group("np")) and _TITLE_WORDS.fullmatch(words_of(m.group("np"))[-1]):
            # "…, the regional governor said": a title as the speaker, as it is before its verb
            found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
    for rx in (_QUOTED_NAME_VERB, _VERB_QUOTED_NAME):
        for m in rx.finditer(chunk) if may & _BIT[id(rx)] else ():
            # a known source, or a channel or outlet the text says it is; not a quoted word ("«котлом»")
            if (canonical_name(m.group("np")) or _CHANNEL_BEFORE.search(chunk, max(0, m.start("np") - 25), m.start("np"))
                    or rx is _VERB_QUOTED_NAME and _is_closing_outlet(chunk, m)):
                found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
    for m in _VERB_TAIL_LOWER.finditer(chunk) if may & _BIT[id(_VERB_TAIL_LOWER)] else ():
        if _DATIVE_LISTENER.fullmatch(m.group("np")):
            continue  # "доложил Герасимов президенту": the listener after the speaker (_VERB_SUBJECT)
        whole = f"{m.group('lead') or ''}{m.group('np')}"
        if m.group("lead") and canonical_name(whole):
            # "…, повідомляє Генеральний штаб ЗСУ": the capital opens the name, not an outlet told
            found.append(Attribution(start + m.start(), start + m.end(), whole))
        elif canonical_name(m.group("np")) or named_within(m.group("np")) or _SOURCE_IN.match(m.group("np")):
            found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
        elif reference_sort(m.group("np")) == "person":  # "«…», — наголосив головнокомандувач": him
            found.append(Attribution(start + m.start(), start + m.end(), None, _titled_he(m.group("np"))))
        elif _CYRILLIC.match(m.group("np")) and title_of(m.group("np").split()[0]):
            # "…, сообщил губернатор Курской области": a title with its region or unit names the speaker
            found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
    for m in _IN_BODY_SAID.finditer(chunk) if may & _BIT[id(_IN_BODY_SAID)] else ():
        np = m.group("np")
        if canonical_name(np) or named_within(np) or _SOURCE_IN.match(np) or title_of(np.split()[0]):
            found.append(Attribution(start + m.start(), start + m.end(), np))
    for m in _QUOTE_ONE_TITLED.finditer(chunk) if may & _BIT[id(_QUOTE_ONE_TITLED)] else ():
        np = "np" if m.group("np") else "np2"
        found.append(Attribution(start + m.start(np), start + m.end(), m.group(np)))
    for rx in (_DOCUMENT_OF, _DOCUMENT_FIRST, _BECAME_KNOWN, _INCLUDING):
        for m in rx.finditer(chunk) if may & _BIT[id(rx)] else ():
            if (rx in (_DOCUMENT_OF, _DOCUMENT_FIRST) and _MAP_WORD.search(m.group(0))
                    and not (canonical_name(m.group("np")) or named_within(m.group("np")))):
                continue  # "На карте боевых действий видно …": a map, nobody's named
            if rx is _INCLUDING and not (canonical_name(m.group("np")) or named_within(m.group("np"))
                                         or _SOURCES_NOUN.search(chunk, max(0, m.start() - 30), m.start())):
                continue  # "…, including civilians, said": no source's name
            if canonical_claimant(m.group("np")):
                found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
    for m in _PRONOUN_ACCORDING.finditer(chunk) if may & _BIT[id(_PRONOUN_ACCORDING)] else ():
        found.append(Attribution(start + m.start(), start + m.end(), None, PRONOUN_FORMS.get(fold(m.group(1)), "he")))
    for m in _PERSON_DOCUMENT.finditer(chunk) if may & _BIT[id(_PERSON_DOCUMENT)] else ():
        found.append(Attribution(start + m.start(), start + m.end(), None, "he"))
    for m in _BODY_REFERENCE.finditer(chunk) if may & _BIT[id(_BODY_REFERENCE)] else ():
        found.append(Attribution(start + m.start(), start + m.end(), None, "it"))
    for m in _HEDGE.finditer(chunk) if may & _BIT[id(_HEDGE)] else ():
        found.append(Attribution(start + m.start(), start + m.end(), None, "hedge"))
    if may & _BIT[id(_PASSED_ON)] and not any(a.name for a in found):
        # the wire is the source only when nothing else in the sentence is: "Об этом заявил
        # Сырский, передает ТАСС", "Про це Сирський написав у Telegram, передають …" (his)
        for m in _PASSED_ON.finditer(chunk):
            if next(known_names_in(chunk[:m.start()]), None) is None and canonical_claimant(m.group("np")):
                found.append(Attribution(start + m.start(), start + m.end(), m.group("np")))
    found = [_with_country(a, found, text) for a in found]
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    deduped: list[Attribution] = []
    for a in found:
        if deduped and a.start < deduped[-1].end and a.name is None and deduped[-1].name is not None:
            continue
        deduped.append(a)
    return tuple(deduped)


def _has_own_speaker(aside: str) -> bool:
    """Whether an aside between a phrase and a speech verb holds a finite speech verb of its own
    ("…, a spokesman said Friday, adding": the verb after it is the spokesman's); a participle
    ("Lee, speaking to reporters, said") or a relay ("Lee, citing intelligence data, said") is not.

    >>> _has_own_speaker(", a spokesman said Friday, "), _has_own_speaker(", speaking to reporters, ")
    (True, False)
    """
    return any(not w.group(0).endswith("ing") for w in _SPEECH_WORD.finditer(aside))


def _is_titled_acronym(phrase: str, np: str) -> bool:
    """Whether a phrase is a title and an unknown body's acronym ("очільник ОВА", "голова РВА"):
    the title's holder speaks (a known body, "речник ЗСУ", stays the body as before)."""
    words = phrase.split()
    return (np.isupper() and " " not in np and len(words) == 2 and words[-1] == np  # noqa: PLR2004 - title, body
            and title_of(words[0]) is not None and canonical_name(np) is None)


#: "citing the country's spy agency": the country is the speaker's ("South Korean lawmakers
#: said …, citing the country's spy agency"), named by its adjective, its name or its capital.
_THE_COUNTRYS = compile_pattern(r"^(?:the\s+)?(?:country|nation)['’]s\s+", re.IGNORECASE)
_COUNTRIES = {"south korea": "South Korea", "seoul": "South Korea", "north korea": "North Korea",
              "pyongyang": "North Korea", "ukrain": "Ukraine", "kyiv": "Ukraine", "russia": "Russia",
              "moscow": "Russia", "kremlin": "Russia"}
_THE_BARE = compile_pattern(r"^(?:the|its|their)\s+", re.IGNORECASE)
#: The countries of ``_COUNTRIES`` as Russian and Ukrainian name them after a body.
_COUNTRY_GENITIVES = {"South Korea": ("Южной Кореи", "Південної Кореї"),
                      "North Korea": ("Северной Кореи", "Північної Кореї"),
                      "Ukraine": ("Украины", "України"), "Russia": ("России", "Росії")}
#: Any of ``_COUNTRIES``' words, a space matching any run of spaces.
_COUNTRY_WORD = compile_pattern(r"(?<!\w)(?:" + "|".join(word.replace(" ", r"\s+") for word in _COUNTRIES) + ")",
                                re.IGNORECASE)


def _with_country(att: Attribution, found: Sequence[Attribution], text: str) -> Attribution:
    """An attribution to "the country's X" as the X of the country of the speaker named before it;
    so is a relay to a bare "the X" that only the country makes known ("South Korean lawmakers
    said, citing the spy agency": South Korea's spy agency, GOLD.md's origin of the claim).

    The speaker's country is a country word in its name, else its outlet's (``OUTLET_COUNTRIES``:
    "Yonhap news agency reported, citing the spy agency"); a speaker with neither ("a lawmaker
    said, citing the spy agency") leaves the article to say it: the last country named before
    whose X is a known body.
    """
    bare = _THE_BARE.sub("", att.name) if att.name and att.relay and canonical_name(att.name) is None else None
    if not att.name or not (_THE_COUNTRYS.match(att.name) or bare):
        return att
    speakers = [a.name for a in found if a.name and a.start < att.start and not _THE_COUNTRYS.match(a.name)]
    # a relay that opens the sentence cites for the speaker after it: "Citing the spy agency, Yonhap reported …"
    speakers = speakers or [a.name for a in found if a.name and not a.relay and a.start > att.start][:1]
    country = _country_of(speakers[-1]) if speakers else None
    body = _THE_COUNTRYS.sub("", att.name) if bare is None else bare
    if country is None or _of_country(country, body) is None:
        country = _country_before(text, att.start, body) or country
    if country is None:
        return att
    if not _THE_COUNTRYS.match(att.name):
        named = _of_country(country, body)
        return replace(att, name=named) if named else att
    return replace(att, name=_THE_COUNTRYS.sub(f"{country}'s ", att.name))


def _of_country(country: str, body: str) -> str | None:
    """``body`` of ``country`` when that is a known name: "South Korea's spy agency", or in Russian
    and Ukrainian the body with the country's genitive after it ("разведку" → "разведка Южной
    Кореи", "розвідку" → "розвідка Південної Кореї")."""
    if not _CYRILLIC.match(body):
        return f"{country}'s {body}" if canonical_name(f"{country}'s {body}") else None
    return next((f"{body} {of}" for of in _COUNTRY_GENITIVES.get(country, ()) if canonical_name(f"{body} {of}")), None)


def _country_of(speaker: str) -> str | None:
    """The country a speaker's name holds ("South Korean lawmakers"), else its outlet's ("Yonhap")."""
    named = _COUNTRY_WORD.search(speaker)
    if named is not None:
        return _COUNTRIES[" ".join(named.group().lower().split())]
    return OUTLET_COUNTRIES.get(canonical_claimant(speaker) or "")


def _country_before(text: str, at: int, body: str) -> str | None:
    """The last country named before ``at`` whose ``body`` is a known one: "South Korea's spy
    agency" in an article that named Seoul, not Russia's, which no alias knows."""
    for named in reversed(list(_COUNTRY_WORD.finditer(text, 0, at))):
        country = _COUNTRIES[" ".join(named.group().lower().split())]
        if _of_country(country, body) is not None:
            return country
    return None


def record_speakers(attributions: Sequence[Attribution], speakers: Speakers, *,
                    text: str | None = None, sentence: tuple[int, int] | None = None) -> None:
    """Add the named speakers of a sentence's attributions, in text order, to ``speakers``.

    Call it after ``claimant_for`` for every sentence of the document, so that "he said",
    "the ministry" and "its post" in later sentences find them. Given the ``text`` and the
    ``sentence``, the people it names with a title or as its subject are recorded first
    (``record_mentions``).
    """
    if text is not None and sentence is not None:
        record_mentions(text, sentence, speakers)
    for att in attributions:
        if att.name:
            name = canonical_claimant(att.name)
            if name and not _is_evidence(name):  # "Satellite images showed …" speaks for nobody later
                name = speakers.expand(name)
                speakers.add(name, at=att.start)
                if is_person(name):
                    _note_holder(name, att.name, speakers)
                elif _ONE_SOURCE.match(fold(att.name)) or (
                        text is not None and _ONE_SOURCE_BEFORE.search(fold(text[max(0, att.start - 40):att.start]))):
                    speakers.voiced_by_one.add(name)
                if text is not None:
                    _record_co_speaker(text, att.end, speakers)


_NAME_WORD = r"[A-ZА-ЯЁІЇЄҐ][\w’'\-]+"
#: One unnamed person who speaks for a body: "источник в силовых структурах", "a source in the
#: Russian security services", "джерело в силових структурах" (``Speakers.voiced_by_one``).
_ONE_SOURCE = compile_pattern(r"(?:an?\s+|one\s+|один\s+|одне\s+)?(?:source|источник|джерело|собеседник|співрозмовник)\b")
#: The same person before a name the attribution kept without him: "a source in the [Russian
#: security services] told Reuters".
_ONE_SOURCE_BEFORE = compile_pattern(
    r"(?<!\w)(?:source|источник|джерело|собеседник|співрозмовник)\s+(?:in|within|from|at|в|во|у|из|з|із|от|від)\s+(?:the\s+)?$")
#: A second speaker joined to the first: "повідомили головнокомандувач ЗСУ Олександр Сирський та
#: президент Володимир Зеленський" (the claim is the first named's; a later "він" is the last named).
_CO_SPEAKER = compile_pattern(
    rf"\s+(?:та|і|й|и|and)\s+(?P<np>(?:[а-яёіїєґa-z'’-]+\s+){{0,3}}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})(?![\w’'\-])")


def _record_co_speaker(text: str, after: int, speakers: Speakers) -> None:
    """Add the person named right after a speaker and joined to him ("X та президент Y"), last."""
    m = _CO_SPEAKER.match(text, after)
    second = _mentioned_person(m.group("np")) if m else None
    if second is not None and m is not None and _is_nominative(m.group("np")):
        second = speakers.expand(second)
        speakers.add(second, at=m.start("np"))
        _note_holder(second, m.group("np"), speakers)
_TITLE_ANY = rf"(?i:{_TITLE_WORDS.pattern})"
#: A person named after a title: "Kursk Governor Alexander Khinshtein", "Голова Сумської ОВА
#: Володимир Артюх", "врио губернатора Курской области Александра Хинштейна".
_TITLED_MENTION = compile_pattern(
    # a compound title: "Головнокомандувач ЗСУ Олександр Сирський", "главнокомандующий"
    rf"(?<![\w-])(?P<np>[а-яёіїєґА-ЯЁІЇЄҐ]*{_TITLE_ANY}(?:\s+{_TOKEN}){{0,4}}?(?:\s+{_NAME_WORD}){{2,3}})(?![\w’'\-])"
    rf"(?!\s+[A-ZА-ЯЁІЇЄҐ])")
#: A person and his title set off by commas: "Alexander Khinshtein, the acting governor of the
#: Kursk region, toured …", "the acting governor, Alexander Khinshtein, toured …".
_APPOSITION_MENTION = compile_pattern(
    rf"(?<![\w-])(?P<np>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}),\s+(?P<desc>[^,.;:!?«»“”\"]{{0,40}}?{_TITLE_ANY}"
    rf"[^,.;:!?«»“”\"]{{0,50}}?),"
    rf"|(?P<desc2>{_TITLE_ANY}[^,.;:!?«»“”\"]{{0,50}}?),\s+(?P<np2>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})(?=,)")
#: Two capitalised words in a row, as a person's name is written.
_NAME_PAIR = compile_pattern(rf"{_NAME_WORD}\s+{_NAME_WORD}")
#: A sentence that opens on a name, then its verb: "Syrskyi visited …", "Олександр Сирський провів …".
_SUBJECT_NAME = compile_pattern(rf"\W*(?P<np>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})(?=\s+[a-zа-яёіїєґ]|,)")
#: What may stand before a sentence's subject: its capitalised modifiers ("Kursk Governor …",
#: "Врио губернатора …", "Ukraine's top commander …").
_SUBJECT_LEAD = compile_pattern(r"\W*(?:(?:[A-ZА-ЯЁІЇЄҐ][\w’'\-]*|acting|interim|top|senior|former|chief)\s+){0,3}")


#: A body publishing, the verb after it: "The General Staff updated its figures", "Минобороны
#: России отчиталось о ходе операции", "Генштаб ЗСУ оприлюднив зведення".
_PUBLISHED = compile_pattern(
    r"\s+(?:(?:has|have|also|on\s+\w+|также|також|в\s+\w+|у\s+\w+)\s+)?"
    r"(?i:published|released|issued|updated|posted|отчитал\w*|опубликовал\w*|обновил\w*|выпустил\w*|распространил\w*"
    r"|опублікува\w*|оприлюдни\w*|оновив|оновил\w*|звітува\w*|поширив|поширил\w*)(?!\w)")


def _mentioned_person(phrase: str) -> str | None:
    """The person a phrase names (a known person or a personal name), else None."""
    name = canonical_claimant(phrase)
    return name if name is not None and (name in PERSONS or is_person(name)) else None


#: The place or body a title is of, before it: "Kursk Governor", "Belgorod governor".
_PLACE_TITLE = compile_pattern(r"(?P<place>[A-Z][a-z]+)\s+(?P<title>[A-Za-z]+)(?=\s+[A-Z])")


def _note_holder(name: str, titled: str, speakers: Speakers) -> None:
    """Remember a person named with a title: the title's holder, and his full name for his surname."""
    title = _title_of_person(titled, name)
    if title is not None:
        speakers.person_by_title[title] = name
        place = _PLACE_TITLE.search(titled) if not _CYRILLIC.search(titled) else None
        if place is not None and place.group("title").lower() == title:
            speakers.person_by_title[f"{place.group('place').lower()} {title}"] = name  # "kursk governor"
    speakers.full_by_surname.setdefault(name.split()[-1], name)


def _opening_subject(text: str, opening: re.Match[str], end: int, speakers: Speakers) -> str | None:
    """The person or publishing body a sentence opens on ("Syrskyi visited …", "Олександр Сирський
    провів …", "Минобороны России отчиталось …"), else None; the cheap tests first, as most
    sentences open on a capital."""
    np = opening.group("np")
    known = canonical_name(np)
    if known in PERSONS or np in speakers.full_by_surname:
        return speakers.full_by_surname.get(np, known)
    first = np.split()[0]
    if first in UKRAINIAN_FIRST_NAMES or (_CYRILLIC.match(first) is not None and may_be_first_name(first)):
        # not "«Зараз Росія …»", "North Korean troops …": no person's name
        name = _mentioned_person(np)
        return name if name is not None and _is_nominative(np) else None
    if known is not None and known not in _STATES and _PUBLISHED.match(text, opening.end(), end):
        # "Минобороны России отчиталось о ходе операции. Как уточнили в ведомстве, …": a known
        # body that published (not a state, nor forces that act: "ЗСУ просунулися …")
        return known
    return None


def _is_nominative(phrase: str) -> bool:
    """Whether the name that ends a phrase stands in the nominative, as a subject does ("Керівником
    комендатури призначили генерал-майора Едуарда Москальова": the man appointed is no subject)."""
    words = phrase.split()
    at = len(words)
    while at > 0 and len(words) - at < 3 and words[at - 1][:1].isupper():  # noqa: PLR2004 - a name's words
        at -= 1
    name = " ".join(words[at:])
    return not _CYRILLIC.match(name) or nominative(name) == name


def record_mentions(text: str, sentence: tuple[int, int], speakers: Speakers) -> None:
    """Record the people a sentence names without their speaking, for the references after it.

    GOLD.md: a title or pronoun that refers back names the person it refers to. Reports
    introduce an official before he speaks ("Kursk Governor Alexander Khinshtein visited
    Rylsk. The governor said …", "Олександр Сирський провів нараду. Він заявив …"): a person
    named with a title is that title's holder for a later bare title, and the person a
    sentence opens on is its subject, whom a later "he" may mean.

    >>> sp = Speakers()
    >>> t = "Kursk Governor Alexander Khinshtein visited Rylsk."
    >>> record_mentions(t, (0, len(t)), sp)
    >>> sp.person_by_title["governor"], sp.last("person")
    ('Alexander Khinshtein', 'Alexander Khinshtein')
    """
    s, e = sentence
    subject: str | None = None
    # both need a name of two capitalised words and a title (the cheaper test first)
    if _NAME_PAIR.search(text, s, e) and _TITLE_WORDS_CUED.may_match(text, s, e):
        for m in _TITLED_MENTION.finditer(text, s, e):
            name = _mentioned_person(m.group("np"))
            if name is None:
                continue
            _note_holder(name, m.group("np"), speakers)
            if _SUBJECT_LEAD.fullmatch(text, s, m.start()) and _is_nominative(m.group("np")):
                subject = name
        for m in _APPOSITION_MENTION.finditer(text, s, e):
            np, desc = (m.group("np"), m.group("desc")) if m.group("np") else (m.group("np2"), m.group("desc2"))
            name = _mentioned_person(np)
            if name is None:
                continue
            _note_holder(name, desc, speakers)
            if _SUBJECT_LEAD.fullmatch(text, s, m.start()) and _is_nominative(np):
                subject = subject or name
    opening = _SUBJECT_NAME.match(text, s, e) if subject is None else None
    if opening is not None:
        subject = _opening_subject(text, opening, e, speakers)
    if subject is not None:
        speakers.subjects.append((len(speakers.names), s, speakers.expand(subject)))


#: Titles (``person_names.TITLES``) that are adjectives before the title noun: "официальный представитель".
_TITLE_ADJECTIVES = frozenset({"официальный"})


def _title_of_person(phrase: str, name: str) -> str | None:
    """The title a phrase gives a person ("Врио губернатора Курской области Александр Хинштейн" →
    "губернатор", "Kursk governor Alexander Khinshtein" → "governor"), else None."""
    if not is_person(name):
        return None
    if _CYRILLIC.search(phrase):
        # "Официальный представитель Минобороны …": the noun is the title, not its adjective
        return next((t for t in map(title_of, phrase.split()[:4]) if t is not None and t not in _TITLE_ADJECTIVES),
                    None)
    titles = [w.lower() for w in phrase.split() if _TITLE_WORDS.fullmatch(w)]
    return titles[-1] if titles else None


def _titled_person(name: str, speakers: Speakers) -> str:
    """A title named as the claimant ("губернатор Курской области", "regional governor") is the
    person named with it before, if any (GOLD.md: a title that refers back names the person)."""
    words = name.split()
    if len(words) == 2 and not _CYRILLIC.match(name) and _TITLE_WORDS.fullmatch(words[-1]):  # noqa: PLR2004
        # "The Kursk governor added" after "Kursk Governor Alexei Petrov" (not Belgorod's governor)
        held = speakers.person_by_title.get(name.lower())
        if held is not None:
            return held
    if not words or not words[0].islower():
        return name
    title = title_of(words[0]) if _CYRILLIC.match(name) else (
        words[-1] if _TITLE_WORDS.fullmatch(words[-1]) else None)
    return speakers.person_by_title.get(title, name) if title else name


def _holder(title_stem: str, speakers: Speakers) -> str | None:
    """The person last named with a title of that stem ("the governor" after "Kursk Governor
    Alexander Khinshtein", "голови ОВА" after "Голова Сумської ОВА Володимир Артюх")."""
    return next((name for title, name in reversed(speakers.person_by_title.items()) if stem(title) == title_stem),
                None)


def _titled_he(reference: str) -> str:
    """The pronoun of a title that refers back ("the official"), with the title's stem: "he:official"."""
    words = words_of(_strip_openers(reference))
    return f"he:{stem(words[-1])}" if words else "he"


def _subject_for(att: Attribution, text: str, sentence: tuple[int, int]) -> str | None:
    """The sentence's subject when ``_resolve`` reads it for ``att`` (a plural pronoun: "they
    said"), else None: reading it costs a ``canonical_claimant`` of the sentence's opening
    phrase, and most attributions never ask for it (issue 14)."""
    pronoun = att.pronoun
    if pronoun is None or pronoun == "hedge" or pronoun.startswith("he:"):
        return None
    if PRONOUNS.get(pronoun, "person") != "plural":
        return None
    return _sentence_subject(text, *sentence)


def _resolve(att: Attribution, speakers: Speakers, sentence_subject: str | None) -> str | None:
    if att.pronoun == "hedge":
        return None
    if att.pronoun is not None and att.pronoun.startswith("he:"):
        # "a US official told CNN … the official added": the speaker named by that title, else
        # the last person ("Defense Minister X said … the minister added")
        return _holder(att.pronoun[3:], speakers) or speakers.last_titled(att.pronoun[3:]) or speakers.last("person")
    if att.pronoun is not None:
        sort = PRONOUNS.get(att.pronoun, "person")
        if sort == "plural" and sentence_subject:
            return sentence_subject
        found = speakers.last(sort, before=att.speech_start)
        if found is None and att.pronoun in _MASCULINE_NOUN_PRONOUNS:
            # "Генштаб ЗСУ повідомив … Він також повідомив": with no person named before, the
            # Russian and Ukrainian "he" is the masculine noun that spoke (Генштаб, штаб)
            found = speakers.last("body", before=att.speech_start)
        return found
    name = canonical_claimant(att.name or "")
    if not name:
        return None
    titled = _titled_person(speakers.expand(name), speakers)
    # a role that names no one introduced before ("the lawmaker", "по словам депутата") names
    # nobody (GOLD.md: null when the text does not say)
    return None if _GENERIC_SPEAKER.fullmatch(fold(titled)) else titled


#: The Russian and Ukrainian "he", which also stands for a masculine noun (``_resolve``).
_MASCULINE_NOUN_PRONOUNS = frozenset({"он", "він"})


#: A headline that names a body's document ("Сводка Минобороны России", "Зведення Генштабу
#: ЗСУ", "Russian Defence Ministry daily briefing"): the whole article is that document.
_HEADLINE_DOCUMENT = compile_pattern(
    r"^\W*(?:(?:сводк|зведенн|брифинг|брифінг|заявлени|сообщени|повідомленн)\w*|summary|update|briefing|statement)"
    r"\s+(?:of\s+|by\s+|from\s+)?(?:the\s+)?(?P<np>[^.!?:]{3,80}?)"
    # what it is about may follow: "Сводка Минобороны России о ходе проведения СВО (по состоянию на 11 марта)"
    r"(?:\s+(?:о|об|про|on)\s+(?:ходе|перебігу|хід|situation|progress)\b.*)?\W*$"
    r"|^\W*(?P<np2>[^.!?:]{3,80}?)\s+(?:daily\s+)?(?:summary|update|briefing|statement)\W*$", re.IGNORECASE)


def headline_document_source(headline: str) -> str | None:
    """The body whose document a headline says the article is, when the alias table knows it.

    Its claims that name no source of their own are that body's.

    >>> headline_document_source("Сводка Минобороны России"), headline_document_source("Зведення Генштабу ЗСУ")
    ('Russian Defense Ministry', 'General Staff of the Armed Forces of Ukraine')
    >>> headline_document_source("Russian Defence Ministry daily briefing"), headline_document_source("Update on Kursk")
    ('Russian Defense Ministry', None)
    >>> headline_document_source("Ворог втратив 300 осіб біля Суджі: зведення Генштабу")
    'General Staff of the Armed Forces of Ukraine'
    >>> headline_document_source("Генштаб ЗСУ: втрати ворога на Курщині"), headline_document_source("Сирський: ЗСУ тримаються")
    ('General Staff of the Armed Forces of Ukraine', None)
    >>> headline_document_source("Ukraine: Russian forces retake Sudzha") is None
    True
    >>> headline_document_source("📌 Минобороны России"), headline_document_source("Russia"), headline_document_source("ТАСС")
    ('Russian Defense Ministry', None, None)
    """
    m = (_HEADLINE_DOCUMENT.match(headline.strip()) or _HEADLINE_DOCUMENT_TAIL.search(headline.strip())
         or _HEADLINE_DASH_SOURCE.search(headline.strip()))
    alone = _HEADLINE_NAME_ONLY.fullmatch(headline.strip()) if m is None else None
    if alone is not None and canonical_name(alone.group("np")) is None:
        alone = None  # a name alone is a known one's alias, not a sentence that opens on it
    if alone is not None and canonical_name(alone.group("np")) in OUTLETS:
        return None  # a page's masthead ("Meduza", "ТАСС") names the outlet, not a source
    first = (_HEADLINE_SOURCE_FIRST.match(headline.strip()) or alone) if m is None else None
    if first is not None:
        name = canonical_claimant(first.group("np"))
        # "Генштаб ЗСУ: втрати ворога на Курщині", "ISW: …": a body's report retold (a person's
        # name so set is his words in the headline, not the whole article's; a country is the
        # topic: "Ukraine: …")
        return name if name in CANONICAL_NAMES and name not in PERSONS and name not in _STATES else None
    if m is None:
        return None
    name = canonical_claimant(m.group("np") or m.groupdict().get("np2") or "")
    return name if name in CANONICAL_NAMES else None


#: A headline that opens on its source and a colon: "Генштаб ЗСУ: втрати ворога на Курщині".
_HEADLINE_SOURCE_FIRST = compile_pattern(r"^\W*(?P<np>[^.!?:«»\"]{2,60}?)\s*:\s+\S")
#: A headline that is a source's name alone, as a repost's first line gives it: "Минобороны России".
_HEADLINE_NAME_ONLY = compile_pattern(r"[\W_]*(?P<np>\w[^.!?:«»\"\n]{1,50}?)[\W_]*")
#: A headline that closes on the document it retells: "Ворог втратив 300 осіб: зведення Генштабу",
#: "ВСУ потеряли 300 военнослужащих — сводка Минобороны России".
_HEADLINE_DOCUMENT_TAIL = compile_pattern(
    r"(?::|\s[—–])\s*(?:сводк|зведенн|брифинг|брифінг|данн|дан|summary|update|briefing|data)\w*\s+(?:of\s+|by\s+|from\s+)?"
    r"(?:the\s+)?(?P<np>[^.!?:]{3,80}?)\W*$", re.IGNORECASE)


#: A headline that closes on its source after a dash, the way agencies title a body's report
#: ("ВСУ потеряли позиции у Суджи — Минобороны", "Сили оборони відійшли з Суджі — Генштаб ЗСУ"):
#: the article retells that report.
_HEADLINE_DASH_SOURCE = compile_pattern(rf"\s[—–]\s*{_NP}\s*$")
#: A body line that closes on its source after a dash, as a Telegram repost or a news ticker
#: writes it: "❗️ВСУ оставили Суджу — Минобороны РФ" (kept only for a known source).
_DASH_SOURCE_END = compile_pattern(rf"\s—\s*{_NP}\s*[.!]?\s*$")


#: How many body paragraphs from each end an article's bookend sources are looked for in.
_BOOKEND_PARAGRAPHS = 2


def bookend_source(text: str, body: Sequence[tuple[int, int]]) -> str | None:
    r"""The source an article opens and closes on: a wire story retold.

    "…, according to TASS." in the lead and "…, TASS wrote." closing the last paragraph: the
    claims between that name no source of their own are that source's (GOLD.md: the
    agency that is the origin of a claim, not the outlet republishing it, is the claimant).

    >>> t = "Troops took two villages, according to TASS.\nThe army took Orlovka.\nThe fighting goes on, TASS wrote."
    >>> from geo.text import paragraph_spans
    >>> bookend_source(t, paragraph_spans(t)), bookend_source(t, paragraph_spans(t)[:2])
    ('TASS', None)
    """
    if len(body) < 3:
        return None
    # The closing sources first (two sentences, cached for the claims read later): an article
    # that closes on none needs no reading of its opening paragraphs (issue 14).
    closing_sources = set()
    for p in reversed(body[-_BOOKEND_PARAGRAPHS:]):
        sentences = sentence_spans(text, *p)
        if not sentences:
            continue
        last = sentences[-1]
        closing = [a for a in find_attributions(text, *last)
                   if a.name and not a.relay and a.end >= last[1] - _CLOSING_SLACK]
        if closing:
            closing_sources.add(canonical_claimant(closing[-1].name or ""))
    if not closing_sources:
        return None
    opening = next((canonical_claimant(a.name or "") for p in body[:_BOOKEND_PARAGRAPHS]
                    for a in find_attributions(text, *p) if a.name and not a.relay), None)
    return opening if opening and opening in closing_sources else None


def claimant_for(
    text: str,
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    claim: tuple[int, int],
    speakers: Speakers,
    *,
    is_headline: bool = False,
    earlier_claims_end: int | None = None,
    attributions: Sequence[Attribution] | None = None,
) -> str | None:
    """The canonical claimant of a claim, by the rules of the module docstring.

    The one entry point for every claim extractor (losses, deployments, control). Call
    it for the claims of a document in text order with one ``Speakers`` for the whole
    document: it reads the speakers named so far and remembers each claim's claimant,
    so that the next claim can carry it.

    Parameters
    ----------
    text
        The whole document text.
    sentence, paragraph
        The spans of the sentence and the paragraph that hold the claim.
    claim
        The claim's span (its quote).
    speakers
        The document's speakers so far (``record_speakers`` adds each sentence's).
    is_headline
        The sentence is the headline (or a sub-headline): its claimant may come from the body.
    earlier_claims_end
        Where the previous claim of the same sentence ends, if any.
    attributions
        ``find_attributions`` of the sentence, when the caller has them already.

    Returns
    -------
    str or None
        The canonical claimant (``claimants.CLAIMANTS``), or None when the text does not say.
    """
    s, e = sentence
    atts = find_attributions(text, s, e) if attributions is None else list(attributions)
    name, is_decided = _claimant_in_sentence(text, sentence, paragraph, claim, speakers, atts,
                                             is_headline=is_headline, earlier_claims_end=earlier_claims_end)
    is_hedged = _hedges(text, s, e)
    if not is_decided:
        found = _list_lead_source(text, sentence, speakers) or _labelled_speaker(text, paragraph) or _back_reference(text, sentence, paragraph, speakers) or (
            _lead_source(text, e, speakers) if is_headline or _is_heading(text, sentence, paragraph) else None)
        if found:
            speakers.add(found)  # "… – ідеться в його пості" later refers to it
        # "At the same time, geolocated imagery shows that …": evidence of the writer's own, not a
        # statement that goes on with the claim before
        evidence = _EVIDENCE_SHOWS_CUED.search(text, s, claim[0])
        shown = evidence is not None and not _SPEECH_VERB.search(text, evidence.end(), e)
        if evidence is None:
            # "…, according to geolocated footage published on December 5": the same evidence after
            evidence = _EVIDENCE_CITED_CUED.search(text, claim[1], e)
        author = _analyst_author(text, speakers) if evidence is not None else None
        if author is not None and (shown or not _SPEECH_VERB.search(text, evidence.end(), claim[1])):
            # "Geolocated footage published on December 5 indicates that …" in an analyst's
            # report: the analyst's own assessment (GOLD.md), whoever spoke before; a verb
            # after the claim ("…, and RFE/RL posted imagery that shows …") is another clause's
            found, shown = author, True
        name = found if shown else found or _carried(text, sentence, paragraph, speakers, is_hedged=is_hedged) or (
            _paragraph_source(text, sentence, paragraph, speakers, is_hedged=is_hedged))
        if name is not None and is_person(name) and _speaks_as_a_body(atts, claim):
            # "Zelensky said … In a separate statement, the ministry said …": a body with no
            # antecedent is nobody known, never the person who spoke before
            name = None
    elif name is None and is_hedged:
        # "Units … have reportedly re-established control": reported by the paragraph's source
        name = _carried(text, sentence, paragraph, speakers, is_hedged=True) or _paragraph_source(
            text, sentence, paragraph, speakers, is_hedged=True)
    speakers.last_claim = (name, paragraph[0], is_hedged)
    return name


#: How many of an article's first lines may give it as an analyst's report (headline,
#: byline, "The Institute for the Study of War reports."), and how long a line after the
#: headline may be: the first longer one opens the body, which may merely cite them.
_AUTHOR_LINES = 4
_AUTHOR_LINE_CHARS = 80


def _analyst_author(text: str, speakers: Speakers) -> str | None:
    """The analyst body (``claimants.ANALYSTS``) an article is the report of: named in its
    headline or in a short line between the headline and the body, else None. Looked up once
    per document.

    >>> _analyst_author("Assessment\\n\\nInstitute for the Study of War\\n\\nText.", Speakers())
    'Institute for the Study of War'
    >>> _analyst_author("Russia retook a village\\n\\nMOSCOW (Reuters) - The ministry said.", Speakers()) is None
    True
    """
    if speakers.author is ...:
        lines = [line.strip() for line in text[:2000].splitlines() if line.strip()][:_AUTHOR_LINES]
        head = lines[:1]
        for line in lines[1:]:
            if len(line) > _AUTHOR_LINE_CHARS:
                break  # the body's first paragraph
            head.append(line)
        speakers.author = next((name for line in head for _, name in known_names_in(line) if name in ANALYSTS), None)
    return speakers.author  # type: ignore[return-value]


def _is_closing_outlet(chunk: str, m: re.Match[str]) -> bool:
    """Whether a name in guillemets right after a closing verb is the source: "…, сообщает
    «Военная хроника»." (an outlet or channel closing its report, not a quoted word inside a
    clause: the verb follows a comma and the name, capitalised, follows the verb alone)."""
    return (chunk[:m.start()].rstrip().endswith(",") and not chunk[m.end("np") + 1:].strip(" .!?)")
            and m.group("np")[:1].isupper() and not chunk[m.start():m.start("np") - 1].strip().count(" "))


def _speaks_as_a_body(atts: Sequence[Attribution], claim: tuple[int, int]) -> bool:
    """Whether the sentence gives its claim to a body by reference alone ("the ministry
    said", "it said") and names nobody."""
    return not any(a.name for a in atts) and any(a.pronoun == "it" and a.start < claim[1] for a in atts)


def _claimant_in_sentence(
    text: str, sentence: tuple[int, int], paragraph: tuple[int, int], claim: tuple[int, int],
    speakers: Speakers, atts: Sequence[Attribution], *, is_headline: bool, earlier_claims_end: int | None,
) -> tuple[str | None, bool]:
    """The claimant its own sentence (or quotation) gives, and whether the sentence decides it
    (a hedge decides: nobody is named)."""
    s, e = sentence
    # A relay inside its speaker's phrase ("X, citing Y, said") is read through the speaker.
    all_atts = atts
    atts = [a for a in atts if not (a.relay and any(o is not a and o.start <= a.start and a.end <= o.end
                                                   for o in atts))]
    # "The spokesman said" reads as a person and as a body: the person, when one was named with that title
    held = {a.start for a in atts if a.pronoun and a.pronoun.startswith("he:") and _holder(a.pronoun[3:], speakers)}
    atts = [a for a in atts if not (a.pronoun == "it" and a.start in held)]
    named = [a for a in atts if a.name]
    refuted = _refuted_report(text, sentence, claim)
    if refuted is not None:
        # "Claims that Sudzha had been taken were false, the General Staff said": the claim is
        # the one reported, made by whoever made it (named with the report, else nobody), not
        # by the one who refutes it
        maker, noun_at = refuted
        makers = [a for a in named if a.start < noun_at <= a.end]
        found = canonical_claimant(maker or (makers[0].name if makers else "") or "")
        found = found if found and (found in CANONICAL_NAMES or is_person(found)) else None
        return (speakers.expand(found) if found else None), True
    # "… were still holding positions … and denied Russian claims that …": a speaker inside
    # the quote whose own "that" clause follows it speaks of what follows, not of the claim
    # "Ukraine says it still holds Sudzha as Russia claims gains": a speaker after "as", "while"
    # opens a clause of its own
    inside = [a for a in atts if claim[0] <= a.start < claim[1]
              and not (a.name and a.start > claim[0] and (_OWN_CLAUSE.match(text, a.end, e)
                                                          or _SUBORDINATED.search(text, max(s, a.start - 12), a.start)))]
    # "Geolocated footage indicated that …, the think tank said": evidence names nobody, and
    # does not hide the speaker after the claim
    before = [a for a in atts if a.start < claim[0] and a.pronoun != "hedge"
              and not (a.name and a.pronoun is None and not a.relay and _is_evidence(a.name))]
    # "…, the ministry estimated that …" opens its own clause: it does not reach back.
    after = [a for a in atts if a.start >= claim[1] and a.pronoun != "hedge"
             and not _OWN_CLAUSE.match(text, a.end) and not _COORDINATED.search(text, max(s, a.start - 50), a.start)]
    if after and earlier_claims_end is not None:
        # "CLAIM1, according to X, and CLAIM2, Y says": X belongs to the first claim.
        before = [a for a in before if a.start < earlier_claims_end]
    hedged = any(a.pronoun == "hedge" and not _is_parenthetical(text, a, claim[0]) for a in atts
                 if a.start < claim[1])

    def settle(att: Attribution) -> str | None:
        if att.pronoun is not None and att.pronoun != "hedge":
            # "Mash, a Telegram channel, said …, where it said …": the speaker named earlier in the sentence
            wants_person = PRONOUNS.get(att.pronoun, "person") == "person"
            earlier = [a for a in named if a.start < att.start and not a.relay
                       and is_person(canonical_claimant(a.name or "") or "") == wants_person]
            if earlier:
                return _resolve(earlier[-1], speakers, _subject_for(earlier[-1], text, sentence))
        relayed = _relayed(att, all_atts)
        return relayed or _resolve(att, speakers, _subject_for(att, text, sentence))

    background = _BACKGROUND_CLAUSE.search(text, before[-1].end, claim[1]) if before else None
    if (background and not [a for a in inside if a.name]
            and not re.search(r",|\s[–—-]\s", text[background.end():claim[0]])  # the clause closed before
            and len(text[claim[0]:background.start()].split()) <= _BACKGROUND_LEAD_WORDS):
        # "X says Russia deployed 8,000 troops in Kursk, where Ukraine seized territory": the
        # relative clause is the writer's background, not X's claim.
        return None, True
    for group in ([a for a in inside if a.name], before[-1:], [a for a in inside if a.pronoun not in (None, "hedge")],
                  after[:1]):
        if group:
            found = settle(group[0])
            if is_headline and found is not None and _is_bare_title(found):
                return None, False  # "Kursk governor says …": the body names him (_lead_source)
            if is_headline and found is not None:
                found = _headline_side(found, group[0].name or "", text, e, speakers)
            return found, found is not None
    if hedged:
        return None, True
    if is_headline:
        m = _HEADLINE_TAIL.search(text[s:e])
        if m and (m.group(0).rstrip().endswith(("says", "said", "claims", "estimates"))
                  or _is_known_or_person(m.group("np"))):
            found = canonical_claimant(m.group("np"))  # "…, Seoul says", "…: Budanov"
            if found is not None and _is_bare_title(found):
                return None, False  # "Kursk governor says …": the body names him (_lead_source)
            if found is not None:
                speakers.add(found)  # "The president said …" in the body refers back to it
                return found, True
    dash = _DASH_SOURCE_END.search(text, s, e) if not is_headline and "—" in text[claim[0]:e] else None
    if dash and dash.start() > claim[0] and canonical_name(dash.group("np")):
        found = canonical_name(dash.group("np"))  # "⚡️ВСУ потеряли за сутки до 200 военных — Минобороны"
        speakers.add(found)
        return found, True
    head = _HEADLINE_HEAD.match(text[s:e])
    if head and head.end() <= claim[0] + 1:
        # Only a known claimant, a personal name or a title ("Kursk governor:"): "Background:"
        # is a section label.
        if _is_known_or_person(head.group("np")) or _TITLE_WORDS_CUED.search(head.group("np")):
            found = canonical_claimant(head.group("np"))
            lead = _lead_source(text, e, speakers) if found is not None and _is_bare_title(found) else None
            if lead is not None and is_person(lead):
                return lead, True  # "Курский губернатор: …" over "Губернатор … Хинштейн заявил": him
            if found is not None:
                found = _headline_side(found, head.group("np"), text, e, speakers)
                speakers.add(found)  # "Zelensky: …" then "The president said …"
            return found, True
    if _QUOTE_SAID_BY_SOMEONE.search(text, s, e):
        return None, True  # '“…,” said a drone operator': its own speaker, unnamed
    quoted = _quotation_attribution(text, paragraph, claim)
    if quoted is not None:
        found = settle(quoted)
        return found, found is not None
    return None, False


def _headline_side(found: str, phrase: str, text: str, end: int, speakers: Speakers) -> str:
    """A headline's source named without its side ("Military bloggers say …") takes the side
    the body gives ("Ukrainian military bloggers said …"); else the side the alias means."""
    if found not in OTHER_SIDE or not is_sideless(phrase):
        return found
    return OTHER_SIDE[found] if _lead_source(text, end, speakers) == OTHER_SIDE[found] else found


#: A report's noun, its maker perhaps named after it ("сообщения Минобороны").
_REPORT_MADE_BY = (
    r"(?i:\b(?:claims?|reports?|allegations?|information|statements?|сообщени\w*|информаци\w*|заявлени\w*"
    r"|повідомлен\w*|інформаці\w*|заяв[аиі]?))"
    r"(?:\s+(?P<maker>[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]*){0,3}))?")
#: A report of the claim right before it ("claims that", "Russian Defense Ministry claims",
#: "сообщения Минобороны о том, что", "інформація про те, що").
_REPORT_NOUN = compile_pattern(
    _REPORT_MADE_BY + r"(?:\s+(?i:that|(?:о|об|про)\s+(?:том|те),?\s+(?:что|що)))?,?\s*$")
#: A report whose event is a noun inside the claim: "опроверг сообщения о захвате Гуево",
#: "denied reports of the capture of Sudzha" (the claim's clause starts before the report).
_REPORT_OF = compile_pattern(
    # the maker may be written in lower case: "заяви росіян про повне звільнення", "сообщения российских военкоров о …"
    _REPORT_MADE_BY + r"(?:\s+(?P<lower_maker>[а-яёіїєґ'’-]+(?:\s+[а-яёіїєґ'’-]+)?))?\s+(?i:of|о|об|про)\s")
#: The report is refuted in its sentence: "denied", "were false", "не соответствует действительности".
_REFUTATION = compile_pattern(
    r"(?i:\b(?:den(?:y|ied|ies)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)?|false|untrue|not\s+true|baseless"
    r"|groundless|fake)\b|не\s+соответству\w*\s+действительности|не\s+відповіда\w*\s+дійсності"
    r"|(?<!\w)(?:опроверг\w*|спростува\w*|спростову\w*|фейк\w*|ложн\w*|неправд\w*))")


def _refuted_report(text: str, sentence: tuple[int, int], claim: tuple[int, int]) -> tuple[str | None, int] | None:
    """(the maker named with the report or None, where the report's noun starts) when the claim
    is a report its sentence refutes; else None ("confirmed reports that …" is the confirmer's)."""
    s, e = sentence
    m = _REPORT_NOUN.search(text, max(s, claim[0] - 80), claim[0])
    if m is None:
        # the report inside the claim is refuted only by a verb before it ("опроверг сообщения
        # о захвате …"); "інформація про вихід … не відповідає дійсності" is the speaker's own word
        m = _REPORT_OF.search(text, *claim)
        e = m.start() if m else e
    if m is None or not _REFUTATION.search(text, s, e):
        return None
    return m.group("maker") or m.groupdict().get("lower_maker"), m.start()


#: "…, Sudzha, which is occupied by Ukraine": a claim that is little more than its relative
#: clause (at most this many words before it: the place it describes) is the clause.
_BACKGROUND_LEAD_WORDS = 3
_BACKGROUND_CLAUSE = compile_pattern(r"(?:,|\s[–—-])\s+(?:the\s+[\w-]+\s+)?(?:where|which\s+is|which\s+was|где|де)\s",
                                re.IGNORECASE)


#: "…, and Radio Liberty posted imagery that shows …": a speaker after "and" opens a clause of
#: its own; it is not the source of the claim before it.
_COORDINATED = compile_pattern(r",\s+(?:and|but|while|whereas)\s+(?:[\w'’.-]+[\s/]){0,3}$", re.IGNORECASE)
_SUBORDINATED = compile_pattern(r"(?<!\w)(?:as|while|whereas|although|though|тогда\s+как|тоді\s+як)\s+(?:the\s+)?$",
                                re.IGNORECASE)
_EVIDENCE = compile_pattern(r"(?i:footage|imagery|images|videos?|photos|photographs|maps?|charts?|graphics?"
                            # what a relay cites that is no one's word: "citing intercepted radio communications"
                            r"|communications|intercepts|intercepted\s+\w+|documents|calculations"
                            r"|перехват\w*|перехоплен\w*|документ\w*|расч[её]т\w*|розрахунк\w*)$")


def _is_evidence(name: str) -> bool:
    """Whether a speaker's phrase is a piece of evidence ("Geolocated footage", "Satellite imagery")."""
    return bool(_EVIDENCE.search(name.strip())) and next(known_names_in(name), None) is None


#: Evidence that shows the claim: "geolocated imagery posted on August 7 shows that …".
_EVIDENCE_SHOWS = compile_pattern(
    r"(?i:\b(?:footage|imagery|images|videos?|photos|photographs|maps?)\b[^.;]{0,60}?"
    r"\b(?:shows?|showed|shown|indicates?|indicated|confirms?|confirmed|suggests?|suggested)\b)")
_EVIDENCE_SHOWS_CUED = Gated.of(_EVIDENCE_SHOWS, is_folded=False)
#: Evidence cited after the claim: "…, according to geolocated footage published on December 5".
_EVIDENCE_CITED = compile_pattern(
    r"(?i:\baccording\s+to\s+(?:\w+\s+){0,2}(?:footage|imagery|images|videos?|photos|photographs)\b)")
_EVIDENCE_CITED_CUED = Gated.of(_EVIDENCE_CITED, is_folded=False)
_OWN_CLAUSE = compile_pattern(r"\s*,?\s*(?:that|что|що)(?!\w)", re.IGNORECASE)


def is_hedged(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a hedge ("reportedly", "are reported to"): nobody is named."""
    return _hedges(text, start, end)


def _hedges(text: str, start: int, end: int) -> bool:
    """``is_hedged``: the hedge's cue is looked up in the cue mask ``find_attributions`` made of
    the same sentence (cached), not looked for again for each of its claims (issue 14)."""
    return bool(_may_match(text, start, end) & _BIT[id(_HEDGE)]) and _HEDGE.search(text, start, end) is not None


def _is_parenthetical(text: str, hedge: Attribution, claim_start: int) -> bool:
    """'The attack, reportedly carried out with X, killed 18': the hedge qualifies an aside
    set off by commas, not the claim."""
    return text[max(0, hedge.start - 2):hedge.start] == ", " and ", " in text[hedge.end:hedge.end + 100]


#: How far a relay that opens the sentence may stand before its speaker (", the ").
_RELAY_LEAD_GAP = 8


def _relayed(att: Attribution, atts: Sequence[Attribution]) -> str | None:
    """The origin a named speaker relays: "ТАСС со ссылкой на Минобороны" → the ministry."""
    if not att.name or att.relay:
        return None
    for other in atts:
        # after the speaker, or right before it: "Citing the General Staff, the Kyiv Independent reported …"
        if other.relay and (att.start <= other.start <= att.end + 80 or 0 <= att.start - other.end <= _RELAY_LEAD_GAP):
            origin = canonical_claimant(other.name or "")
            if origin:
                return origin
    return None


def _next_sentence(text: str, sentence: tuple[int, int], paragraph: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence after ``sentence``: in its paragraph, else the first of the next line."""
    rest = sentence_spans(text, sentence[1], paragraph[1])
    if rest:
        return rest[0]
    m = re.compile(r"\S").search(text, paragraph[1])
    if m is None:
        return None
    line_end = text.find("\n", m.start())
    line_end = len(text) if line_end < 0 else line_end
    spans = sentence_spans(text, m.start(), line_end)
    return spans[0] if spans else None


def _back_reference(text: str, sentence: tuple[int, int], paragraph: tuple[int, int],
                    speakers: Speakers) -> str | None:
    """'… погибли двое. Об этом сообщил X': the next sentence names this one's source."""
    following = _next_sentence(text, sentence, paragraph)
    if following is None:
        return None
    if _BACK_REFERENCE.match(fold(text[following[0]:following[1]])):
        return _source_of(text, following, speakers)
    if _UNNAMED_OFFICIALS.search(text, *sentence):
        # "…, officials said.\n\nRussia's Defence Ministry said …": the lead's officials, named next
        named = [a for a in find_attributions(text, *following) if a.name and not a.relay]
        found = canonical_claimant(named[0].name or "") if named else None
        if found is not None and (found in CANONICAL_NAMES or is_person(found)):
            return speakers.expand(found)
    return _closing_back_reference(text, following, speakers)


#: A lead that closes on officials it does not name: "…, officials said.", "…, authorities say."
_UNNAMED_OFFICIALS = compile_pattern(
    r",\s+(?:the\s+)?(?:officials|authorities)\s+(?:said|say|says|reported|claimed|announced)\W*$")


#: How many sentences after a claim a closing "Об этом сообщает X." paragraph may stand.
_CLOSING_REACH = 4


def _closing_back_reference(text: str, sentence: tuple[int, int], speakers: Speakers) -> str | None:
    """The source of a paragraph that is only "Об этом сообщает пресс-служба Минобороны." or
    "Про це повідомляє Генштаб.", closing a report: it names the source of the claims above it
    that name none, up to the first sentence (from ``sentence`` on) that names a source of its
    own or hedges."""
    current: tuple[int, int] | None = sentence
    for _ in range(_CLOSING_REACH):
        if current is None or find_attributions(text, *current):
            return None
        line = _line_of(text, current[0])
        following = _next_sentence(text, current, line)
        if following is None:
            return None
        if _BACK_REFERENCE.match(fold(text[following[0]:following[1]])):
            line_start, line_end = _line_of(text, following[0])
            is_alone = not text[line_start:following[0]].strip() and not text[following[1]:line_end].strip(" .!")
            return _source_of(text, following, speakers) if is_alone else None
        current = following
    return None


#: A list item: a line that opens with a bullet or a number ("- 300 killed;", "• 40 captured", "2) …").
_BULLET = compile_pattern(rf"[ \t]*{LIST_BULLET}(?=\S)")
#: How many lines above a list item its list's lead may stand (the items between, blank lines).
_LIST_REACH = 16


#: A broadcast transcript's speaker label on a line of its own: "Lee Seong-kweun / People Power Party",
#: "Олександр Сирський / головнокомандувач ЗСУ".
_SPEAKER_LABEL = compile_pattern(
    r"[ \t]*(?P<np>[A-ZА-ЯЁІЇЄҐ][\w’'\-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w’'\-]+){1,2})[ \t]*/[ \t]*[^/\n]{2,60}?[ \t]*")


def _labelled_speaker(text: str, paragraph: tuple[int, int]) -> str | None:
    """The person a transcript's label line names, for the paragraph right under it.

    KBS-style transcripts print who speaks as "Name / Affiliation" over his words; the words
    name no speaker of their own.
    """
    at = paragraph[0]
    while at > 0 and text[at - 1] in "\n \t":
        at -= 1
    if at == 0:
        return None
    line_start = text.rfind("\n", 0, at) + 1
    m = _SPEAKER_LABEL.fullmatch(text, line_start, at)
    name = canonical_claimant(m.group("np")) if m else None
    return name if name is not None and (name in PERSONS or is_person(name)) else None


_POSSESSIVE = compile_pattern(r"['’]s(?!\w)")


def _list_lead_source(text: str, sentence: tuple[int, int], speakers: Speakers) -> str | None:
    """A list item's source: the lead line over its list, when that line ends in a colon.

    GOLD.md: figures listed after an attribution each carry its claimant ("The General Staff
    reported the enemy's losses:" over "- 300 killed near X;", "- 40 captured near Y.").
    """
    line_start, _ = _line_of(text, sentence[0])
    if not _BULLET.match(text, line_start):
        return None
    at = line_start
    for _ in range(_LIST_REACH):
        if at == 0:
            return None
        prev_start, prev_end = _line_of(text, at - 1)
        at = prev_start
        line = text[prev_start:prev_end]
        if not line.strip() or _BULLET.match(line):
            continue  # the items above this one, and the blank lines between
        if not line.rstrip().endswith(":"):
            return None
        spans = sentence_spans(text, prev_start, prev_end)
        if not spans:
            return None
        # "Key points from Syrskyi's briefing:": the known source whose document the list is
        lead = _POSSESSIVE.sub("", text[spans[-1][0]:spans[-1][1]])
        return _source_of(text, spans[-1], speakers) or next(_named_sources_in(lead), None)
    return None


def _named_sources_in(phrase: str) -> Iterator[str]:
    """The known claimants a phrase names (``known_names_in``), but for a side whose losses it
    counts: "За сутки потери ВСУ … составили:", "За сутки ВСУ потеряли …:" name the side that
    lost, not who reports it."""
    words = words_of(phrase)
    for at, name in known_names_in(phrase):
        if at > 0 and _LOSS_OF.fullmatch(words[at - 1]):
            continue
        width = next((n for n in range(len(words) - at, 0, -1) if canonical_name(" ".join(words[at:at + n])) == name), 1)
        if at + width < len(words) and _LOST.fullmatch(words[at + width]):
            continue
        yield name


#: A loss noun before the side it befell, in the genitive: "потери ВСУ", "втрати ЗСУ".
_LOSS_OF = compile_pattern(r"потер[ьиюя]\w*|втрат\w*|убыл\w*")
#: A verb of losing after the side that lost: "ВСУ потеряли", "ворог втратив", "Russia lost".
_LOST = compile_pattern(r"потерял\w*|лишил\w*|втратил\w*|втратив|lost|loses|lose")


def _line_of(text: str, at: int) -> tuple[int, int]:
    """The line (a paragraph of plain text) that holds ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _source_of(text: str, sentence: tuple[int, int], speakers: Speakers) -> str | None:
    """The first named source of a sentence (the origin when it is relayed), else the first
    known claimant it names."""
    atts = find_attributions(text, *sentence)
    for att in atts:
        if att.name and not att.relay and not _BACK_REFERENCE.match(fold(att.name)):
            # "Соответствующую информацию опубликовало Минобороны": the object first is no speaker
            found = _relayed(att, atts) or canonical_claimant(att.name)
            if found:
                return speakers.expand(found)
    for att in atts:
        if att.name and att.relay and canonical_claimant(att.name):
            return canonical_claimant(att.name)
    known = list(_named_sources_in(text[sentence[0]:sentence[1]]))
    # "Про це головнокомандувач ЗСУ Олександр Сирський написав": the army names the title
    return next((n for n in known if n in PERSONS), known[0] if known else None)


#: How far into the body a headline's source is looked for: the lead, a few sentences.
_LEAD_SENTENCES = 6
_LEAD_CHARS = 2000


def _lead_source(text: str, after: int, speakers: Speakers) -> str | None:
    """A headline's claimant when it names none: the first source its body names."""
    end = min(len(text), after + _LEAD_CHARS)
    spans = sentence_spans(text, after, end)[:_LEAD_SENTENCES]
    for span in spans:
        atts = [a for a in find_attributions(text, *span) if a.name and not a.relay]
        if atts:
            found = _relayed(atts[0], find_attributions(text, *span)) or canonical_claimant(atts[0].name or "")
            if found:
                return found
    return None


def _carried(text: str, sentence: tuple[int, int], paragraph: tuple[int, int], speakers: Speakers, *,
             is_hedged: bool) -> str | None:
    """The previous claim's claimant, for a claim that goes on with it: in its paragraph,
    or in a sentence that opens as a continuation ("Of them …", "Крім того, …"). A hedged
    sentence ("reportedly") takes it only inside the paragraph that named the source."""
    if speakers.last_claim is None:
        return None
    name, previous_paragraph, was_hedged = speakers.last_claim
    if name is None or was_hedged:
        return None  # a paragraph that mixes unnamed estimates in: nothing carries
    if previous_paragraph == paragraph[0]:
        return name
    if not is_hedged and _CONTINUATION.match(fold(text[sentence[0]:sentence[1]])):
        return name
    return None


def _paragraph_source(text: str, sentence: tuple[int, int], paragraph: tuple[int, int],
                      speakers: Speakers, *, is_hedged: bool) -> str | None:
    """The source the claim's paragraph names: the last attribution before the sentence
    ("По его словам, … Из-за удара … погибли"), else a later sentence's closing one
    ("Losses amounted to 25,200. Another 983 were captured, the General Staff reported.").
    A hedged claim ("reportedly") takes only the opening one: the source it was reported by."""
    if _HEDGE_CUED.search(text, paragraph[0], sentence[0]) or not is_hedged and _HEDGE_CUED.search(text, *paragraph):
        return None  # a paragraph that mixes unnamed reports in: nothing is sure
    if _QUOTE_SAID_BY_SOMEONE.search(text, *sentence):
        return None  # '“…,” said a drone operator': the quote has its own speaker, unnamed
    # Only an attribution that opens its sentence frames what follows ("По его словам, …");
    # "…, she said." closes its own sentence.
    earlier = [a for a in find_attributions(text, paragraph[0], sentence[0]) if not a.relay
               and not (a.name and a.pronoun is None and _is_evidence(a.name))  # "Satellite images showed …"
               and any(a.start <= s0 + 2 for s0, _ in sentence_spans(text, paragraph[0], sentence[0]))]
    for att in reversed(earlier):
        found = _resolve(att, speakers, None)
        if found:
            return found
    if is_hedged:
        return None
    later_sentences = sentence_spans(text, sentence[1], paragraph[1])
    if not later_sentences and sentence == paragraph and not _SPEECH_VERB.search(text, *sentence):
        # A one-sentence paragraph that names no speaker of its own ("…, сообщил губернатор"
        # does): the next paragraph's first sentence may close on its source
        # ("Від початку операції армія Росії зазнала втрат. / Сили оборони …, повідомляє Генштаб.")
        following = _next_sentence(text, sentence, paragraph)
        later_sentences = [following] if following else []
    for later in later_sentences:
        closing = [a for a in find_attributions(text, *later)
                   if a.name and not a.relay and a.end >= later[1] - _CLOSING_SLACK
                   and any(ch in text[max(later[0], a.start - 2):a.start + 2] for ch in ",”\"»")]
        if closing:
            return canonical_claimant(closing[-1].name or "")
    return None


#: A quotation closed by a speech verb and a speaker in lower case: "“…,” said a drone operator",
#: "«…», — рассказал один из бойцов". Whoever the paragraph named before did not say it.
_QUOTE_SAID_BY_SOMEONE = compile_pattern(
    rf"[”»\"],?\s*[–—-]?\s*(?:(?:{SPEECH_VERBS})\s+(?:a|an|one|один|одна|одн\w+|один\s+из|один\s+з)\s"
    rf"|(?:a|an|one)\s+(?:[\w-]+\s+){{1,2}}?(?:said|says|told|added)\b)")
#: Any speech verb: a sentence that has one names its own source, even as a bare title
#: ("…, сообщил губернатор", "…, the governor said"), and borrows none from the next paragraph.
_SPEECH_VERB = compile_pattern(rf"(?<!\w)(?:{SPEECH_VERBS})(?!\w)", re.IGNORECASE)

#: How far from a sentence's end a closing attribution may end (", … said on Telegram.").
_CLOSING_SLACK = 25


def _is_heading(text: str, sentence: tuple[int, int], paragraph: tuple[int, int]) -> bool:
    """A title-like line near the top (a whole short line without a final stop): a headline
    or sub-headline that the page chrome did not mark as such."""
    line = text[sentence[0]:sentence[1]].strip()
    if sentence != paragraph or sentence[0] >= _HEADING_WITHIN or len(line) > 200:
        return False
    if not re.search(r"[.!?…:;\"»”]\W*$", line):
        return True
    # A sub-headline may end in a stop; it is then the first line of the text, or the second
    # after a headline (a first line without a stop), and it names no speaker of its own:
    # '"…," a commander told Reuters.' is the body's first paragraph, whose source is that
    # commander even when the text does not name him.
    if _SPEECH_VERB.search(line):
        return False
    before = [ln.strip() for ln in text[:sentence[0]].splitlines() if ln.strip()]
    return not before or len(before) == 1 and not re.search(r"[.!?…:;\"»”]\W*$", before[0])


_HEADING_WITHIN = 600


_BACK_REFERENCE = compile_pattern(rf"^\W*(?:{BACK_REFERENCES})(?!\w)")
_CONTINUATION = compile_pattern(rf"^\W*(?:{CONTINUATIONS})(?!\w)")


def _is_known_or_person(phrase: str) -> bool:
    """Whether a phrase outside any attribution verb names a speaker: a known claimant or a
    personal name ("Budanov:" opens a headline; "ВСУ несут большие потери" does not)."""
    name = canonical_claimant(phrase)
    return bool(name) and (name in CANONICAL_NAMES or is_person(name or ""))


_OPENING_NP = compile_pattern(_NP.replace("}?)", "})"))
#: "reported", "saying", "said": a lower-case word that ends the opening noun phrase.
_VERB_LIKE = compile_pattern(r"(?:ed|ing)$|^(?:posted|said|says)$")


@lru_cache(maxsize=2048)
def _sentence_subject(text: str, s: int, e: int) -> str | None:
    """The noun phrase that opens a sentence, cut before its first verb-looking word.

    Cached: every claim of a sentence asks for the same subject, and the answer depends
    on the text alone.
    """
    m = _OPENING_NP.match(text, s, e)  # greedy here: the whole opening phrase
    if not m or _PRONOUN_ACCORDING.match(text, s, e):  # "По их словам, …": a speaker referred to, no subject
        return None
    words = []
    for word in m.group("np").split():
        if words and word.islower() and _VERB_LIKE.search(word):
            break
        words.append(word)
    return canonical_claimant(" ".join(words))


def _quotation_attribution(text: str, paragraph: tuple[int, int], claim: tuple[int, int]) -> Attribution | None:
    """The attribution next to the quotation that holds the claim, if it is quoted."""
    ps, pe = paragraph
    open_at = _open_quote_before(text, ps, min(pe, claim[0] + 1))
    if open_at is None:
        return None
    close_at = _close_quote_after(text, claim[1], pe)
    if close_at is not None:
        tail = text[close_at + 1:min(pe, close_at + 160)]
        sentence_end = re.search(r"[.!?](?:\s|$)", tail)
        tail_end = close_at + 1 + (sentence_end.end() if sentence_end else len(tail))
        atts = find_attributions(text, close_at + 1, tail_end)
        relays = [a for a in atts if a.relay and canonical_claimant(a.name or "")]
        if relays:
            return relays[0]  # "…,” the agency reported, citing Russian security agencies"
        named = [a for a in atts if a.pronoun != "hedge"]
        if named:
            return named[0]
    lead = find_attributions(text, max(ps, open_at - 200), open_at)
    named = [a for a in lead if a.pronoun != "hedge"]
    return named[-1] if named else None


#: The end of a direct speech before its verb: "…», — заявил", "…,” said", "…, — заявив" (a
#: speech opened by a dash at the start of its line).
_SPEECH_CLOSE = compile_pattern(r"(?:[”»\"]\s*,?|,)\s*[–—-]?\s*$")
_LINE_DASH = compile_pattern(r"[ \t]*[–—-]\s")


def _direct_speech_start(text: str, verb_at: int) -> int | None:
    """Where the direct speech that a verb at ``verb_at`` closes opened: its opening quotation
    mark, or the start of a line that opens with a dash; None when the verb closes none."""
    close = _SPEECH_CLOSE.search(text, max(0, verb_at - 6), verb_at)
    if close is None:
        return None
    line_start = text.rfind("\n", 0, verb_at) + 1
    if text[close.start()] in "”»\"":
        opened = max(text.rfind(q, line_start, close.start()) for q in "“«„\"")
        return opened if opened >= 0 else None
    return line_start if _LINE_DASH.match(text, line_start) else None


def _open_quote_before(text: str, start: int, pos: int) -> int | None:
    depth_straight = 0
    for i in range(pos - 1, start - 1, -1):
        ch = text[i]
        if ch in "”»":
            return None
        if ch in "“«„":
            return i
        if ch == '"':
            depth_straight += 1
    if depth_straight % 2 == 1:
        return text.rfind('"', start, pos)
    return None


def _close_quote_after(text: str, pos: int, end: int) -> int | None:
    for i in range(pos, end):
        ch = text[i]
        if ch in "“«„":
            return None
        if ch in "”»":
            return i
        if ch == '"':
            return i
    return None
