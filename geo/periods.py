"""What a figure counts: one day, a few days, the campaign so far, an increase, or a part.

Two reports disagree only when they count the same thing over the same time (issue 12:
"contested" means comparable claims disagree). "30 killed over the weekend" and "3,800
killed since August" are both true at once, and so are "200 over the past day" and
"62,400 in total". So before two figures are compared, each is given the scope its
words state; figures of different scopes are never set against each other.

The cues are read from the claim's quote, lower-cased; each entry carries a sentence it
is written for (``tests/test_periods.py`` runs them). A part or an increase wins over
everything ("of them 300 over the past day" is a part; "another 300 over the past day"
adds to a figure), a stated day or span over a stated total ("total losses over the
past day" counts one day).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum

import ahocorasick


class Scope(str, Enum):
    """The stretch of time a figure counts, as its words state it."""

    DAY = "day"  # one day or night: "over the past day", "за сутки", "за минулу добу"
    SPAN = "span"  # a few days, a week, a month: "over the weekend", "за неделю"
    TOTAL = "total"  # everything since a start: "in total", "since August", "с начала операции"
    CHANGE = "change"  # an increase on an earlier figure: "has risen by 2,000", "ещё 300"
    PART = "part"  # a part of another figure: "of them 7,905 killed", "among the wounded were three"
    UNSTATED = "unstated"


@dataclass(frozen=True)
class ScopeCue:
    """Words that state a figure's scope, with a sentence written to show them."""

    scope: Scope
    words: tuple[str, ...]
    example: str


SCOPE_CUES: tuple[ScopeCue, ...] = (
    ScopeCue(Scope.DAY, ("over the past day", "in the past day", "over the last day", "in the last day",
                         "past 24 hours", "last 24 hours", "overnight", "during the night", "on the night of"),
             "Over the past day the brigade lost up to 40 soldiers near the village."),
    ScopeCue(Scope.DAY, ("за сутки", "за минувшие сутки", "за прошедшие сутки", "в течение суток",
                         "за последние сутки", "за ночь", "этой ночью", "минувшей ночью"),
             "За сутки противник потерял до 90 военнослужащих."),
    ScopeCue(Scope.DAY, ("за добу", "за минулу добу", "за останню добу", "протягом доби", "за ніч",
                         "минулої ночі", "цієї ночі"),
             "За минулу добу ворог втратив 120 військових."),
    ScopeCue(Scope.SPAN, ("over the weekend", "this weekend", "this week", "last week", "past week",
                          "in a week", "over the week", "past month", "last month", "in a month", "two days",
                          "three days", "today and yesterday", "in recent days", "past few days"),
             "Over the weekend the unit lost about 30 men in the forest."),
    ScopeCue(Scope.SPAN, ("за неделю", "за минувшую неделю", "за прошедшую неделю", "за выходные",
                          "за месяц", "за двое суток", "за трое суток", "за последние дни", "за несколько дней"),
             "За неделю противник потерял более 400 человек."),
    ScopeCue(Scope.SPAN, ("за тиждень", "за минулий тиждень", "за вихідні", "за місяць", "за дві доби",
                          "за три доби", "за останні дні", "за кілька днів"),
             "За тиждень окупанти втратили понад 500 осіб."),
    ScopeCue(Scope.PART, ("among them", "among the", "of them", "of whom", "of those", "including"),
             "Forty soldiers were wounded; among them were six officers."),
    ScopeCue(Scope.PART, ("из них", "в том числе", "среди них", "среди которых"),
             "Потери составили 900 человек, из них 300 убитыми."),
    ScopeCue(Scope.PART, ("з них", "у тому числі", "в тому числі", "серед них", "серед яких", "зокрема"),
             "Втрати становлять 900 осіб, з них 300 убитими."),
    ScopeCue(Scope.CHANGE, ("risen by", "rose by", "increased by", "grown by", "grew by", "another ",
                            "additional", "more were", "a further"),
             "The number of troops in the region has risen by about 1,500, officials said."),
    ScopeCue(Scope.CHANGE, ("ещё ", "еще ", "дополнительно", "увеличилось на", "увеличилась на",
                            "выросло на", "выросла на", "возросло на"),
             "В регион перебросили ещё 2 000 военнослужащих."),
    ScopeCue(Scope.CHANGE, ("ще ", "додатково", "збільшилася на", "збільшилося на", "зросла на",
                            "зросло на"),
             "До області перекинули ще 1 500 військових."),
    ScopeCue(Scope.TOTAL, ("in total", "total losses", "total of", "overall", "altogether", "since the start",
                           "since the beginning", "since the incursion", "since the offensive", "since august",
                           "so far", "to date"),
             "Since the start of the operation the army has lost 20,000 soldiers in total."),
    ScopeCue(Scope.TOTAL, ("в общей сложности", "общие потери", "общих потерь", "с начала",
                           "с момента", "с августа", "за все время", "за всё время"),
             "С начала операции противник потерял более 50 000 военнослужащих."),
    ScopeCue(Scope.TOTAL, ("загалом", "загальні втрати", "загальних втрат", "з початку",
                           "з моменту", "з серпня", "за весь час"),
             "З початку операції ворог втратив загалом 40 тисяч осіб."),
)

_PRECEDENCE = (Scope.PART, Scope.CHANGE, Scope.DAY, Scope.SPAN, Scope.TOTAL)
#: Scopes whose words must come before the figure: "of them 300" is a part, but in
#: "2,000 killed, including near the village" the 2,000 is the whole.
_BEFORE_THE_FIGURE = frozenset({Scope.PART, Scope.CHANGE})


def scope_of(quote: str, figure_text: str | None = None) -> Scope:
    """The scope a quote states for its figure (a part or increase first, a day or span before a total).

    ``figure_text`` is the figure as written in the quote; a part or an increase is read
    only from words before it.

    >>> scope_of("Total losses over the past day: 140 soldiers").value
    'day'
    >>> scope_of("Ukraine has lost 20,000 men in total").value
    'total'
    >>> scope_of("More than 2,000 killed, including near the border", "More than 2,000").value
    'unstated'
    >>> scope_of("Six people were wounded").value
    'unstated'
    """
    text = quote.lower()
    at = text.find(figure_text.lower()) if figure_text else -1
    figure_at = at if at >= 0 else len(text)
    # Every cue word at every place it stands, in one pass (a find per word, about 130,
    # cost 20 us a claim, and most quotes hold none: issue 14). A word counts when it
    # stands anywhere, or, for a part or an increase, anywhere before the figure.
    stated = {scope for end, (length, scopes) in _cue_words().iter(text) for scope in scopes
              if scope not in _BEFORE_THE_FIGURE or end - length + 1 < figure_at}
    return next((scope for scope in _PRECEDENCE if scope in stated), Scope.UNSTATED)


@functools.cache
def _cue_words() -> ahocorasick.Automaton:
    """Every word of ``SCOPE_CUES`` with its length and the scopes it states, as one automaton."""
    scopes: dict[str, set[Scope]] = {}
    for cue in SCOPE_CUES:
        for word in cue.words:
            scopes.setdefault(word, set()).add(cue.scope)
    automaton = ahocorasick.Automaton()
    for word, stated in scopes.items():
        automaton.add_word(word, (len(word), frozenset(stated)))
    automaton.make_automaton()
    return automaton
