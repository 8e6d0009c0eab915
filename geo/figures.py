"""Amounts as news text writes them: "up to 3,000", "two-thirds", "до 30" → low / best / high.

``find_amounts`` scans a text, or a slice of it, and returns every amount expression
left to right, each with its span and a ``Figure``. ``scale_figure`` applies a bare
fraction ("two-thirds have died") to a total that the caller found elsewhere. The
module is pure: it speaks to ``geo.model`` (``Figure``) and ``geo.text`` (``fold``)
and does no I/O.

The readings follow shared/eval/GOLD.md (UCDP-style low / best / high):

- "3,800", "3 800", "four thousand", "двух тысяч", "10k", "1.5 million": best;
- "up to", "as many as", "no more than", "nearly", "almost", "less than", "до", "почти",
  "менш ніж": best = high;
- "more than", "over", "at least", "exceeded", "свыше", "не менее", "понад", "перевищили",
  "300 or more": low = best;
- "2,000-3,000", "between 10 and 12 thousand", "от 2 до 3 тыс.": low and high, best null;
- "approximately", "some", "an estimated", "около", "близько": best;
- "two-thirds", "2/3", "a third", "треть": ``fraction`` set, numbers null;
- "a third of the estimated 10,000 to 12,000", "треть из 12 тысяч": one amount over the
  whole phrase, the total scaled (``fraction`` still set);
- "several", "dozens", "a battalion", "up to a battalion of infantry", "несколько":
  ``is_vague``, numbers null; a stated size wins ("a battalion of 400 men": best 400).

The text of a figure is the amount as written with its modifier ("more than 1,000"),
without a leading "another". Modifiers before a fraction ("nearly a third") are kept in
the text but not modelled, as the gold does; modifiers before a range only in the text.

Not amounts, so nothing is returned: years ("2024", "in 1943", "2022-2024"), dates
("Feb. 14", "14 февраля"), times ("5:40 PM"), ordinals ("3rd", "2-е"), money
("$5 million", "5 млн рублей"), percentages ("30%", "30 percent": skipped, since a
share of an unknown base is no head count), model names ("F-16", "Su-34", "2S19"),
durations, distances and rates ("two days", "30 km", "three times"), and "one of".
A bare four-digit number from 1900 to 2100 is read as a year unless a modifier
("up to 2000") or a range ("2000-3000") says it is a count: Russian writes counts
without a separator ("1500 военных"), English rarely.

How it reads: the text is folded with ``geo.text.fold`` (one character in, one out, so
offsets hold), cut into tokens (digit runs, letter runs, single symbols) by one regular
expression with no nested repetition (nothing to backtrack), and a hand-written reader tries at
each token ``modifier? (fraction | vague | numeral range?)``. A reading looks at a
bounded number of tokens (``_MAX_GROUPS`` digit groups of ``_MAX_DIGITS`` digits at
most, ``_MAX_WORDS`` number words, phrases of at most four words), so a scan is linear
in the length of the text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from fractions import Fraction
from typing import NamedTuple, TypeVar

from geo.model import Figure
from geo.regex_cache import compile_pattern
from geo.text import fold

__all__ = ["Amount", "find_amounts", "scale_figure"]

#: Thousands groups after the first ("1,000,000,000,000,000" has five); a longer run of
#: groups is not a count of people, and the cap keeps every reading short.
_MAX_GROUPS = 5
#: Digits in one run ("1500000" has seven); longer runs are ids, phone numbers or noise.
_MAX_DIGITS = 15
#: Number words in one numeral ("две тысячи пятьсот двадцать три" has five).
_MAX_WORDS = 8
#: White space that may separate the words of a phrase ("up  to").
_MAX_GAP = 3

_V = TypeVar("_V")


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    """One amount expression found in a text.

    start, end  offsets into the text given to ``find_amounts``, ``text[start:end] == figure.text``
    figure      the amount as written and as numbers; for a bare fraction ("two-thirds") the
                numbers are null, since the fraction alone is no head count
    fraction    the share for a fraction (2/3 for "two-thirds"), None for a plain amount;
                set as well when a total was scaled ("a third of 12,000" → best 4000)
    is_vague    True for "several", "dozens", "a battalion": numbers null unless a size is stated
    """

    start: int
    end: int
    figure: Figure
    fraction: float | None = None
    is_vague: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end or self.end - self.start != len(self.figure.text):
            msg = (f"amount {self.figure.text!r}: expected 0 <= start < end and a span as long "
                   f"as the text, got start={self.start}, end={self.end}")
            raise ValueError(msg)
        if self.fraction is not None and not 0 < self.fraction <= 1:
            msg = f"amount {self.figure.text!r}: fraction must lie in (0, 1], got {self.fraction}"
            raise ValueError(msg)


def find_amounts(text: str, start: int = 0, end: int | None = None, *,
                 folded: str | None = None) -> tuple[Amount, ...]:
    """Every amount expression in ``text[start:end]``, left to right, non-overlapping.

    Parameters
    ----------
    text
        The document text; it is not normalised, and offsets index it.
    start, end
        The slice to scan (a sentence, say); ``end`` None means the end of the text.
        Nothing outside the slice is looked at.
    folded
        ``geo.text.fold(text)``, when the caller has it (a document folded once, not
        each of its sentences).

    Returns
    -------
    The amounts, sorted by offset, with offsets into ``text``.

    Examples
    --------
    >>> def show(text):
    ...     for a in find_amounts(text):
    ...         print(repr(a.figure.text), a.figure.low, a.figure.best, a.figure.high)
    >>> show("Up to 12,000 troops; 2,000-3,000 more; at least 300 killed, another 2,700 wounded")
    'Up to 12,000' None 12000 12000
    '2,000-3,000' 2000 None 3000
    'at least 300' 300 300 None
    '2,700' None 2700 None
    >>> show("их потери — более четырёх тысяч, от 2 до 3 тыс. переброшены")
    'более четырёх тысяч' 4000 4000 None
    'от 2 до 3 тыс.' 2000 None 3000
    >>> find_amounts("On Feb. 14, 2025 at 5:40 PM an F-16 flew for two days")
    ()
    >>> [(a.figure.text, a.is_vague) for a in find_amounts("lost up to a battalion of infantry")]
    [('up to a battalion of infantry', True)]

    A bare fraction carries its share and no numbers; a fraction "of" a total is one
    amount with the total scaled:

    >>> a, = find_amounts("two-thirds of whom have died")
    >>> a.figure, round(a.fraction, 4)
    (Figure(text='two-thirds', low=None, best=None, high=None), 0.6667)
    >>> find_amounts("nearly a third of the estimated 10,000 to 12,000")[0].figure.text
    'nearly a third of the estimated 10,000 to 12,000'
    >>> find_amounts("a third of the estimated 10,000 to 12,000")[0].figure
    Figure(text='a third of the estimated 10,000 to 12,000', low=3333.33, best=None, high=4000)
    """
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        msg = f"find_amounts: expected 0 <= start <= end <= {len(text)}, got {start}, {end}"
        raise ValueError(msg)
    chunk = fold(text[start:stop]) if folded is None else folded[start:stop]
    if not _may_hold_amount(chunk):
        return ()
    stream = _Stream.of(text[start:stop], chunk)
    tokens = stream.tokens
    found: list[Amount] = []
    after = 0  # the token after the last amount: amounts do not overlap
    # A reading starts only at a number or a word that may open one (``_STARTERS``).
    for i in [i for i, (_, _, word, kind) in enumerate(tokens) if kind == "n" or (kind == "w" and word in _STARTERS)]:
        if i < after:
            continue
        reading = _read_amount(stream, i)
        if reading is None:
            continue
        a, b = start + tokens[i].start, start + tokens[reading.end - 1].end
        figure = Figure(text=text[a:b], low=_number(reading.low), best=_number(reading.best),
                        high=_number(reading.high))
        fraction = None if reading.fraction is None else float(reading.fraction)
        if fraction is not None and reading.is_total:
            figure = scale_figure(figure, fraction, text=figure.text)
        found.append(Amount(start=a, end=b, figure=figure, fraction=fraction,
                            is_vague=reading.is_vague))
        after = reading.end
    return tuple(found)


def scale_figure(base: Figure, fraction: float, *, text: str) -> Figure:
    """A fraction of a stated total: each non-null number of ``base`` times ``fraction``.

    Parameters
    ----------
    base
        The total, e.g. the figure of "more than four thousand".
    fraction
        The share, e.g. ``Amount.fraction`` of "two-thirds"; finite and above 0.
    text
        The text of the new figure, as written ("two-thirds").

    Returns
    -------
    A figure with the bounds of ``base`` scaled, rounded to two decimals (integers stay
    integers: the scorer counts figures within 0.5 as equal).

    Examples
    --------
    >>> scale_figure(Figure(text="4,000", best=4000), 2 / 3, text="two-thirds")
    Figure(text='two-thirds', low=None, best=2666.67, high=None)
    >>> scale_figure(Figure(text="more than four thousand", low=4000, best=4000), 2 / 3, text="2/3")
    Figure(text='2/3', low=2666.67, best=2666.67, high=None)
    >>> scale_figure(Figure(text="10,000 to 12,000", low=10000, high=12000), 1 / 3, text="a third")
    Figure(text='a third', low=3333.33, best=None, high=4000)
    """
    if not (math.isfinite(fraction) and fraction > 0):
        msg = f"scale_figure: the fraction must be finite and above 0, got {fraction} for {text!r}"
        raise ValueError(msg)

    def scaled(value: float | None) -> float | None:
        return None if value is None else _tidy(value * fraction)

    return Figure(text=text, low=scaled(base.low), best=scaled(base.best), high=scaled(base.high))


def _tidy(value: float) -> float:
    """Round to two decimals, and give an integer where the result is one."""
    rounded = round(value, 2)
    return int(rounded) if rounded.is_integer() else rounded


def _number(value: Fraction | None) -> float | None:
    """An exact reading as a figure number: an int when integral, else two decimals."""
    if value is None:
        return None
    return int(value) if value.denominator == 1 else _tidy(float(value))


# --------------------------------------------------------------------------- tokens

# Digit runs, letter runs, or one other visible character. ASCII digits only: other
# scripts' digits are rare in this corpus and Python's int() would read them silently.
# A letter run keeps an inner apostrophe: Ukrainian writes "п'ять", "дев'яносто" with one.
_TOKEN = compile_pattern(r"(?P<n>[0-9]+)|(?P<w>[^\W\d_]+(?:'[^\W\d_]+)*)|\S")
#: The same tokens, each with the white space before it, as ``findall`` groups.
_SPACED_TOKEN = compile_pattern(r"(\s*)(?:([0-9]+)|([^\W\d_]+(?:'[^\W\d_]+)*)|(\S))")
_WORD_TOKEN = compile_pattern(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_DIGIT = compile_pattern(r"[0-9]")
_new_tuple = tuple.__new__
# Characters that join a model name to its number ("F-16"), as opposed to dashes.
_HYPHENS = frozenset("-\u2010\u2011")


class _Token(NamedTuple):
    start: int
    end: int
    text: str  # folded: lower case, dashes as "-", odd spaces as " "
    kind: str  # "n" digits, "w" letters, "s" any other character


@dataclass(frozen=True, slots=True)
class _Stream:
    """The text as given and folded, its tokens, and the questions the readers ask of them."""

    raw: str
    folded: str
    tokens: tuple[_Token, ...]

    @classmethod
    def of(cls, raw: str, folded: str | None = None) -> _Stream:
        """The stream of ``raw``; ``folded`` is ``fold(raw)`` when the caller has it."""
        folded = fold(raw) if folded is None else folded
        tokens = []
        append = tokens.append
        pos = 0
        # One findall, offsets counted from the lengths: no Match object and its four method
        # calls per token (issue 14). Only white space lies between tokens (``\S`` takes the rest).
        for space, digits, letters, symbol in _SPACED_TOKEN.findall(folded):
            pos += len(space)
            if digits:
                text, kind = digits, "n"
            elif letters:
                # A letter run that opens with a non-letter ("½") is a symbol, as before.
                text, kind = letters, "w" if letters[0].isalpha() else "s"
            else:
                text, kind = symbol, "s"
            end = pos + len(text)
            # tuple.__new__: a NamedTuple's own __new__ is a Python call per token
            append(_new_tuple(_Token, (pos, end, text, kind)))
            pos = end
        return cls(raw, folded, tuple(tokens))

    def text(self, i: int) -> str:
        """The folded text of token i, or "" outside the stream."""
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def kind(self, i: int) -> str:
        """The kind of token i, or "" outside the stream."""
        return self.tokens[i].kind if 0 <= i < len(self.tokens) else ""

    def word(self, i: int) -> str:
        """The text of token i when it is a word, else ""."""
        return self.tokens[i].text if self.kind(i) == "w" else ""

    def is_joined(self, i: int) -> bool:
        """Whether token i follows token i-1 with nothing between."""
        return 0 < i < len(self.tokens) and self.tokens[i - 1].end == self.tokens[i].start

    def is_spaced(self, i: int) -> bool:
        """Whether token i follows token i-1 after a little white space."""
        if not 0 < i < len(self.tokens):
            return False
        a, b = self.tokens[i - 1].end, self.tokens[i].start
        return 0 < b - a <= _MAX_GAP and self.folded[a:b].isspace()

    def is_near(self, i: int) -> bool:
        """Whether token i follows token i-1 directly or after a little white space."""
        return self.is_joined(i) or self.is_spaced(i)

    def is_next(self, i: int) -> bool:
        """Whether token i continues a phrase: after white space, or glued to a symbol."""
        if self.is_spaced(i):
            return True
        return self.is_joined(i) and "s" in (self.kind(i), self.kind(i - 1))

    def is_hyphen(self, i: int) -> bool:
        """Whether token i is a hyphen glued to both neighbours ("F-16", "two-day").

        fold writes every dash as "-"; the original character tells a hyphen from an en
        or em dash, which joins clauses ("losses—1,000 killed") rather than words.
        """
        return (0 <= i < len(self.tokens) and self.raw[self.tokens[i].start] in _HYPHENS
                and self.is_joined(i) and self.is_joined(i + 1))


# --------------------------------------------------------------------------- phrases

_Table = Mapping[str, tuple[tuple[tuple[str, ...], _V], ...]]


def _phrase_table(entries: Iterable[tuple[str, _V]]) -> _Table[_V]:
    """Index phrases by first token, longest first; phrases are tokenised like the text."""
    table: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for phrase, value in entries:
        words = tuple(m.group() for m in _TOKEN.finditer(fold(phrase)))
        table.setdefault(words[0], []).append((words, value))
    return {first: tuple(sorted(rows, key=lambda row: -len(row[0])))
            for first, rows in table.items()}


def _match_phrase(s: _Stream, i: int, table: _Table[_V]) -> tuple[_V, int] | None:
    """The value of the longest phrase of ``table`` at token i, and the index after it."""
    for words, value in table.get(s.text(i), ()):
        j = i + 1
        for word in words[1:]:
            if s.text(j) != word or not s.is_next(j):
                break
            j += 1
        else:
            return value, j
    return None


def _forms(lines: str) -> dict[str, Fraction]:
    """Parse "value: form form …" lines into a form → value table."""
    table: dict[str, Fraction] = {}
    for line in lines.strip().splitlines():
        value, forms = line.split(":")
        for form in forms.split():
            table[form] = Fraction(value)
    return table


class _Mod(Enum):
    """What a modifier before a number does to its reading."""

    UPPER = "up to"  # best = high
    LOWER = "more than"  # low = best
    ABOUT = "approximately"  # best, the hedge only in the text
    BETWEEN = "between"  # opens a range closed by "and"
    FROM = "from"  # opens a range closed by "to"


_MODIFIERS = _phrase_table(
    # GOLD.md: "nearly X", "almost X", "approaching X", "less than X" are upper bounds
    # ("nearly 1,000" says the count has not reached 1,000), read like "up to".
    [(p, _Mod.UPPER) for p in (
        "up to", "as many as", "no more than", "not more than", "at most", "a maximum of",
        "fewer than", "less than", "nearly", "almost", "approaching", "just under",
        "до", "не более", "не более чем", "не больше", "не больше чем",
        "максимум", "менее", "меньше", "менее чем", "меньше чем", "почти",
        "не більше", "не більше ніж", "не більш ніж", "менше", "менше ніж", "менш ніж", "менш як",
        "менше як", "майже",
        # "under 100 soldiers" (not "under fire": only before a number)
        "under")]
    # "exceeded 4,500", "превысили 4,5 тыс.", "перевищили 4,5 тис.": the verb is the bound
    # and stays in the figure's text, as GOLD.md writes it.
    + [(p, _Mod.LOWER) for p in (
        "more than", "over", "at least", "upwards of", "in excess of", "no fewer than",
        "no less than", "not less than", "a minimum of", "well over", "upward of", "exceeded", "exceeds",
        "exceed", "exceeding", "surpassed", "surpasses", "surpass", "topped", "top",
        "более", "более чем", "свыше", "больше", "больше чем", "не менее", "не меньше",
        "по меньшей мере", "по крайней мере", "как минимум", "минимум", "превысили", "превысило",
        "превысил", "превысила", "превышает", "превышают",
        "понад", "більше", "більше ніж", "більш ніж", "більш як", "щонайменше", "не менше",
        "не менше ніж", "не менш ніж", "не менш як", "принаймні", "перевищили", "перевищило",
        "перевищила", "перевищив", "перевищує", "перевищують")]
    + [(p, _Mod.ABOUT) for p in (
        "approximately", "around", "about", "some", "roughly", "an estimated", "close to",
        "circa", "около", "примерно", "порядка", "приблизительно", "близько", "приблизно",
        "орієнтовно", "близько до", "ориентировочно", "приблизительно около", "около порядка")]
    + [("between", _Mod.BETWEEN), ("между", _Mod.BETWEEN), ("між", _Mod.BETWEEN),
       ("from", _Mod.FROM), ("от", _Mod.FROM), ("від", _Mod.FROM)]
)
#: Verbs of a count that grew (or fell) to a new total ("число погибших выросло до семи", "кількість
#: поранених зросла до 12", "численность сократилась до 10 тысяч"): their "до" is "to", not "up
#: to", and the total is the figure.
_RISE_VERBS = frozenset(
    "выросло выросла выросли возросло возросла возросли увеличилось увеличилась увеличились "
    "зросло зросла зросли збільшилося збільшилася збільшилися збільшилось "
    "сократилось сократилась сократились уменьшилось уменьшилась уменьшились снизилось снизилась снизились "
    "скоротилося скоротилася скоротилися скоротилось зменшилося зменшилася зменшилися зменшилось "
    "знизилося знизилася знизилися".split())
#: Periods of a rate: "casualties of up to 1,200 a day", "1,000 a week".
_RATE_PERIODS = frozenset({"day", "week", "month"})
# Modifiers that open a range and need its second number.
_OPENERS = frozenset({_Mod.BETWEEN, _Mod.FROM})
# The word that closes a range, by what opened it (None: a bare "2,000-3,000").
_RANGE_LINKS: dict[_Mod | None, frozenset[str]] = {
    None: frozenset({"to", "or", "или"}),
    _Mod.BETWEEN: frozenset({"and", "и", "і", "та", "й"}),  # "между 300 и 400", "між 300 і 400"
    _Mod.FROM: frozenset({"to", "до"}),  # Ukrainian "від 2 до 3" too
}
# After a single number: "300 or more", "1000 с лишним" read as "more than".
_LOWER_SUFFIXES = _phrase_table((p, _Mod.LOWER) for p in (
    "or more", "and more", "or over", "и более", "и больше", "с лишним", "+"))

# --------------------------------------------------------------------------- number words

_ENGLISH_SMALL = {
    word: Fraction(value) for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split())
} | {word: Fraction(10 * n) for n, word in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
# Russian forms in the cases news text uses; ё is written е, as fold writes it.
_RUSSIAN_SMALL = _forms("""
1: один одна одно одного одной одному одним одну одном
3/2: полтора полторы полутора
2: два две двух двум двумя двое двоих оба обе обоих обеих
3: три трех трем тремя трое троих
4: четыре четырех четырем четырьмя четверо четверых
5: пять пяти пятью пятеро пятерых
6: шесть шести шестью шестеро шестерых
7: семь семи семью семеро семерых
8: восемь восьми восемью восьмью
9: девять девяти девятью
10: десять десяти десятью десятеро десяток десятка десятком
11: одиннадцать одиннадцати
12: двенадцать двенадцати
13: тринадцать тринадцати
14: четырнадцать четырнадцати
15: пятнадцать пятнадцати
16: шестнадцать шестнадцати
17: семнадцать семнадцати
18: восемнадцать восемнадцати
19: девятнадцать девятнадцати
20: двадцать двадцати
30: тридцать тридцати
40: сорок сорока
50: пятьдесят пятидесяти
60: шестьдесят шестидесяти
70: семьдесят семидесяти
80: восемьдесят восьмидесяти
90: девяносто девяноста
50: полсотни полусотни полсотня
100: сто ста сотня сотню сотней
500: полтысячи полутысячи
200: двести двухсот
300: триста трехсот
400: четыреста четырехсот
500: пятьсот пятисот
600: шестьсот шестисот
700: семьсот семисот
800: восемьсот восьмисот
900: девятьсот девятисот
""")
# Ukrainian forms that differ from the Russian ones (the apostrophe as fold writes it).
_UKRAINIAN_SMALL = _forms("""
1: одна одне одного одній одним одну
3/2: півтора півтори
2: дві двох двом двома двоє обидва обидві обох
3: троє трьох
4: четверо
5: п'ятеро
6: шестеро
7: семеро
3: три трьох трьом трьома
4: чотири чотирьох чотирьом
5: п'ять п'яти п'ятьох
6: шість шести шістьох
7: сім семи сімох
8: вісім восьми вісьмох
9: дев'ять дев'яти
10: десять десяти десяток десятка десятком десятку
20: двадцять двадцяти
30: тридцять тридцяти
40: сорок сорока
50: п'ятдесят п'ятдесяти
60: шістдесят шістдесяти
70: сімдесят сімдесяти
80: вісімдесят вісімдесяти
90: дев'яносто
50: півсотні півсотня
100: сто ста сотня сотню сотнею
500: півтисячі
200: двісті двохсот
300: триста трьохсот
400: чотириста чотирьохсот
500: п'ятсот п'ятисот
600: шістсот шестисот
700: сімсот семисот
800: вісімсот восьмисот
900: дев'ятсот дев'ятисот
""")
_SMALL = _ENGLISH_SMALL | _RUSSIAN_SMALL | _UKRAINIAN_SMALL
# Words that multiply what precedes them; after digits too ("4 thousand", "1,5 млн").
_SCALES = _forms("""
12: dozen
1000: thousand тысяча тысячи тысяч тысячу тысячей тысячам тысячами тысяче тыс тисяча тисячі тисяч тисячу тис
1000000: million миллион миллиона миллионов миллионам миллионами mln млн мільйон мільйона мільйонів
1000000000: billion bn миллиард миллиарда миллиардов млрд
""")
#: Count nouns a small number multiplies, as "hundred" does: "две сотни" (200), "трёх сотен"
#: (300), "півтора десятка" (15), "два десятки" (20). Alone they are vague ("сотни военных").
_COUNT_NOUNS = {"сотни": 100, "сотен": 100, "сотні": 100, "сотень": 100,
                "десятка": 10, "десятков": 10, "десятки": 10, "десятків": 10}
#: Genitive singular scales read as one unit after a bound ("более тысячи" is more than 1000).
_GENITIVE_SCALES = {"тысячи": 1000, "миллиона": 1_000_000, "миллиарда": 1_000_000_000,
                    "тисячі": 1000, "мільйона": 1_000_000,
                    # "около сотни", "близько сотні", "более сотни": a hundred (alone, "сотни" is hundreds)
                    "сотни": 100, "сотні": 100}

#: "Half" written apart from the scale it halves: "пів тисячі" (500), "пів сотні" (50), as
#: "півтисячі" and "полтысячи" are written joined. Alone ("пів року") it is no amount.
_HALF_WORDS = frozenset({"пів", "пол"})
# Scale forms that stand alone for one unit ("тысяча военных" is 1000; "тысячи" is vague).
_LONE_SCALES = frozenset({"тысяча", "тысячу", "тысячей", "миллион", "миллиард", "тисяча", "тисячу",
                          "мільйон"})
_ABBREVIATED_SCALES = frozenset({"тыс", "млн", "млрд", "mln", "bn", "тис"})
# "one of the", "один из", "no one", "one another": idioms, not counts.
_NOT_AFTER_ONE = frozenset({"of", "another", "by", "из", "з", "із"})
_ONE_FORMS = frozenset(w for w, v in _SMALL.items() if v == 1)

# --------------------------------------------------------------------------- fractions

_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTIONS = _phrase_table(
    [(f"{article} {word}", Fraction(1, d)) for word, d in _DENOMINATORS.items()
     for article in ("a", "one", "one -")]
    + [(f"{numerator} {sep} {word}s", Fraction(n, d)) for word, d in _DENOMINATORS.items()
       for numerator, n in (("two", 2), ("three", 3), ("four", 4), ("nine", 9)) if n < d
       for sep in ("", "-")]
    + [("half", Fraction(1, 2))]
    + [(f, Fraction(1, 3)) for f in ("треть", "трети", "третью", "одна треть", "одну треть")]
    + [(f, Fraction(2, 3)) for f in ("две трети", "двух третей")]
    + [(f, Fraction(1, 2)) for f in ("половина", "половину", "половины", "половиной", "половине")]
    + [(f, Fraction(1, 4)) for f in ("четверть", "четверти", "четвертью", "одна четверть",
                                     "одну четверть")]
    + [(f, Fraction(3, 4)) for f in ("три четверти", "трех четвертей")]
    # Ukrainian: "третина з них загинули", "дві третини", "чверть особового складу"
    + [(f, Fraction(1, 3)) for f in ("третина", "третину", "третини", "третиною", "одна третина", "одну третину")]
    + [(f, Fraction(2, 3)) for f in ("дві третини", "двох третин")]
    + [(f, Fraction(1, 2)) for f in ("половину", "половини", "половиною")]
    + [(f, Fraction(1, 4)) for f in ("чверть", "чверті", "одна чверть")]
    + [(f, Fraction(3, 4)) for f in ("три чверті", "трьох чвертей")]
)
# A lone "third" or "quarter" is an ordinal or a district unless a modifier precedes it
# ("Nearly third of North Korean troops", a headline); a lone "half" is a fraction.
_BARE_FRACTIONS = _phrase_table((word, Fraction(1, d)) for word, d in _DENOMINATORS.items())
# "the second half of 2024", "во второй половине года": a period, not a share.
_NOT_BEFORE_HALF = frozenset({"first", "second", "last", "other", "первая", "первой", "первую",
                              "вторая", "второй", "вторую"})
# What joins a share or a unit to its total: "a third of the estimated 12,000", "треть из 12 тысяч".
_OF_WORDS = frozenset({"of", "из", "от", "численностью", "з", "із", "чисельністю"})
_OF_FILLERS = frozenset({"the", "an", "its", "their", "these", "those", "all", "estimated",
                         "reported", "total", "всех", "общей", "общего"})

# --------------------------------------------------------------------------- vague amounts


class _Vague(Enum):
    """Kinds of vague amount: a count word, or a military unit that may state its size."""

    COUNT = "count"
    UNIT = "unit"


_FORCE_UNITS = ("battalion", "brigade", "company", "platoon", "regiment", "division", "squad")
_RUSSIAN_FORCE_UNITS = ("батальон батальона батальону батальоном батальоны батальонов "
                        "бригада бригады бригаду бригадой бригад роту роты рота ротой рот "
                        "полк полка полком полков взвод взвода взводом взводов "
                        # Ukrainian: "до роти окупантів", "до двох батальйонів морської піхоти"
                        "батальйон батальйона батальйону батальйоном батальйони батальйонів "
                        "бригади бригадою роти ротою полку полки полків взводу взводи взводів "
                        # the instrumental plural: "потеряли связь с двумя ротами", "з двома батальйонами"
                        "ротами батальонами батальйонами бригадами полками взводами").split()
_VAGUE = _phrase_table(
    [(p, _Vague.COUNT) for p in (
        "several", "a few", "a handful", "dozens", "scores", "hundreds", "thousands",
        "tens of thousands", "hundreds of thousands", "significant number", "large number",
        "huge number", "considerable number", "substantial number", "great number",
        "small number", "similar figures", "similar numbers", "несколько", "нескольких",
        "десятки", "десятков", "сотни", "сотен", "тысячи", "тысяч", "десятки тысяч",
        "десятков тысяч", "сотни тысяч", "сотен тысяч", "значительное количество",
        "значительное число", "большое количество", "большое число", "множество",
        "кілька", "декілька", "кількох", "десятки", "десятків", "сотні", "сотень", "тисячі",
        "десятки тисяч", "десятків тисяч", "сотні тисяч", "сотень тисяч", "значна кількість",
        "велика кількість", "чимало",
        # "several tens", "a dozen or so": "кількадесят окупантів", "кільканадцять поранених"
        "кількадесят", "кільканадцять", "a couple of dozen",
        # the instrumental after "count in": "потери исчисляются сотнями", "втрати обчислюються тисячами"
        "десятками", "сотнями", "тысячами", "тисячами", "десятками тысяч", "десятками тисяч",
        "сотнями тысяч", "сотнями тисяч")]
    + [(f"{article} {unit}", _Vague.UNIT) for unit in _FORCE_UNITS for article in ("a", "an")]
    + [(unit, _Vague.UNIT) for unit in _RUSSIAN_FORCE_UNITS]
)
# A unit word with no bound before it names an amount only as subject or object ("уничтожена
# рота", "перебросили батальон"); in the other cases it is whose the soldiers are ("командир
# роты", "бойцы бригады", "бійці 95-ї бригади"), after a bound an amount ("до роты").
_OBLIQUE_UNITS = frozenset(u for u in _RUSSIAN_FORCE_UNITS if u not in {
    "батальон", "бригада", "бригаду", "роту", "рота", "полк", "взвод", "батальйон"})
#: Verbs whose subject a unit word is, not their amount: "Бригада втратила третину", "a battalion lost".
_LOSER_VERBS = ("втрати", "втратив", "потеря", "утрати", "lost", "loses", "losing", "зазна", "понес", "несе", "suffer")
#: Nouns a unit word modifies rather than counts: "a company commander", "a battalion headquarters".
_UNIT_MODIFIED = frozenset("commander commanders headquarters hq chief level leader leaders staff".split())
# "several hundred", "несколько тысяч": still vague, and the scale word is part of the text.
_VAGUE_SCALES = _phrase_table((p, _Vague.COUNT) for p in (
    "hundred", "thousand", "dozen", "сотен", "тысяч", "десятков", "сотень", "тисяч", "десятків"))
# "a battalion of infantry": the troops named are part of the text.
_UNIT_TROOPS = _phrase_table((p, _Vague.UNIT) for p in (
    *(f"of {noun}" for noun in ("infantry", "troops", "soldiers", "men", "marines",
                                "paratroopers", "fighters", "personnel", "servicemen")),
    "пехоты", "морской пехоты", "солдат", "военных", "военнослужащих", "десантников",
    "піхоти", "морської піхоти", "солдатів", "військових", "військовослужбовців", "десантників"))
# "two battalions": a count of units, not of people.
_UNIT_WORDS_AFTER_NUMBER = frozenset(
    [*_FORCE_UNITS, "battalions", "brigades", "companies", "platoons", "regiments",
     "divisions", "squads", *_RUSSIAN_FORCE_UNITS])

# --------------------------------------------------------------------------- context

# Words after a number that make it a duration, a distance, money, a rate or a share.
_NOT_PEOPLE = frozenset("""
second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights
week weeks weekend weekends month months year years yr yrs decade decades century
centuries time times am pm o km kms kilometre kilometres kilometer kilometers mile miles
metre metres meter meters m mm cm kg kilogram kilograms ton tons tonne tonnes sq square
hectare hectares ha percent per pct degrees dollar dollars euro euros pound pounds
hryvnia hryvnias ruble rubles rouble roubles usd eur uah rub
секунда секунды секунд секунду минута минуты минут минуту мин час часа часов ч сутки
суток день дня дней ночь ночи ночей неделя недели недель неделю месяц месяца месяцев
год года году лет гг г век века веков раз раза км километр километра километров метр
метра метров м мм см кг тонна тонны тонн га процент процента процентов рубль рубля
рублей доллар доллара долларов евро гривна гривны гривен
хвилина хвилини хвилин хвилину година години годин годину доба доби діб добу дні днів
тиждень тижні тижня тижнів місяць місяці місяця місяців рік роки року років століття
кілометр кілометри кілометра кілометрів метри метрів тонни тонн відсоток відсотки відсотка
відсотків долар долари долара доларів гривня гривні гривень
""".split())
_MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
""".split())
_MONEY_SIGNS = frozenset("$€£₽¥₴#№")
# Symbols that glue numbers into times, dates and lists ("5:40", "14/02", "14.02.2025").
_GLUE = frozenset(":/.,")
# Words that may follow a number through a hyphen and keep it a count ("a 12,000-strong force").
_COUNT_COMPOUNDS = frozenset({"strong", "man", "men", "member", "person"})
# Words before a four-digit number that make it a year ("in 1943", "since 1991").
_YEAR_CUES = frozenset({"in", "since", "by", "until", "till", "of", "est", ",", "в", "с", "к"})

_STARTERS = frozenset(
    [*_MODIFIERS, *_FRACTIONS, *_BARE_FRACTIONS, *_VAGUE, *_SMALL, *_LONE_SCALES, *_HALF_WORDS, "a"])

#: The words one of which every amount without a digit holds: a number word, a scale, a
#: share, a vague count or a unit ("a" and "of" only join them). A sentence with none of
#: them and no digit holds no amount, and is not tokenised (issue 11).
_CORE_WORDS = frozenset(
    [*_SMALL, *_SCALES, "hundred", *_GENITIVE_SCALES, *_LONE_SCALES]
    + [word for table in (_FRACTIONS, _BARE_FRACTIONS, _VAGUE) for rows in table.values()
       for words, _ in rows for word in words if word not in ("a", "an", "one", "of", "-")])


def _may_hold_amount(folded: str) -> bool:
    """Whether a folded stretch has a digit or a core word, without which no reader reads.

    >>> _may_hold_amount("officials said the village was shelled"), _may_hold_amount("сотни военных")
    (False, True)
    """
    return _DIGIT.search(folded) is not None or not _CORE_WORDS.isdisjoint(_WORD_TOKEN.findall(folded))


# --------------------------------------------------------------------------- readers


@dataclass(frozen=True, slots=True)
class _Reading:
    """An amount read from tokens: where it ends and its exact numbers."""

    end: int  # index of the first token after the amount
    low: Fraction | None = None
    best: Fraction | None = None
    high: Fraction | None = None
    fraction: Fraction | None = None
    is_total: bool = False  # the numbers are the total the fraction is of, not yet scaled
    is_vague: bool = False


@dataclass(frozen=True, slots=True)
class _Numeral:
    """A number read from digits or words, before any modifier or range."""

    end: int  # index of the first token after the numeral
    value: Fraction
    scale: int  # the multiplier of a trailing scale word ("3 тыс." → 1000), else 1
    is_bare: bool  # one digit run, no separator, decimal or scale ("2024")
    is_lone_one: bool  # the single word "one" / "один" …


def _bounds(mod: _Mod | None, value: Fraction, end: int) -> _Reading:
    """The reading of one number under its modifier."""
    if mod is _Mod.UPPER:
        return _Reading(end, best=value, high=value)
    if mod is _Mod.LOWER:
        return _Reading(end, low=value, best=value)
    return _Reading(end, best=value)


def _read_amount(s: _Stream, i: int, *, is_total: bool = False) -> _Reading | None:
    """Read ``modifier? (fraction | vague | numeral range?)`` at token i, or None.

    ``is_total`` reads only numbers, for the total after "a third of" or "a battalion of":
    that also bounds the recursion to one level.
    """
    mod_hit = _match_phrase(s, i, _MODIFIERS)
    mod, j = mod_hit if mod_hit else (None, i)
    if mod is _Mod.UPPER and s.text(i) == "до" and s.word(i - 1) in _RISE_VERBS:
        return None  # "выросло до семи": the number after "до" is read on its own
    if mod is not None and not s.is_spaced(j):
        return None
    if mod is not None and s.word(j) in _GENITIVE_SCALES:
        # "свыше тысячи", "до миллиона": after a bound, the genitive singular is one unit,
        # not the vague plural "тысячи".
        return _bounds(mod, Fraction(_GENITIVE_SCALES[s.word(j)]), j + 1)
    if not is_total and mod not in _OPENERS:
        if (share := _read_fraction(s, j, is_bare_ok=mod is not None)) is not None:
            return _bound_share(share, mod)
        if (vague := _read_vague(s, j, mod)) is not None:
            return vague
    if mod is None and _is_blocked_before(s, j):
        return None
    first = _read_numeral(s, j)
    if first is None or (mod is None and _is_day_after_month(s, j, first.value)):
        return None
    span = _read_range(s, first, mod)
    if span is not None:
        low, high, second = span
        if _is_year_range(first, second) or _is_blocked_after(s, second.end, second.value):
            return None
        return _Reading(second.end, low=low, high=high)
    if mod in _OPENERS or _is_not_a_count(s, j, first, mod):
        return None
    if s.word(first.end) in _UNIT_WORDS_AFTER_NUMBER and s.is_spaced(first.end):
        if _is_unit_designation(s.word(first.end), first.value):
            return None  # "— 95 бригада", "the 47 brigade": the unit's number, not a count of units
        return _Reading(first.end + 1, is_vague=True)  # "two battalions"
    suffix = _match_phrase(s, first.end, _LOWER_SUFFIXES) if mod is None else None
    if suffix is not None and s.is_next(first.end):
        return _bounds(_Mod.LOWER, first.value, suffix[1])
    return _bounds(mod, first.value, first.end)


#: Unit nouns in the singular nominative: after a number other than one they name the unit
#: by its number ("95 бригада", "the 47 Brigade"), since a count takes the plural ("95 бригад").
_SINGULAR_UNITS = frozenset({"батальон", "батальйон", "бригада", "полк", "рота", "взвод", *_FORCE_UNITS})


def _is_unit_designation(unit: str, value: Fraction) -> bool:
    """Whether "N unit" names a unit by its number: a singular noun after a number not ending in one.

    >>> _is_unit_designation("бригада", Fraction(95)), _is_unit_designation("бригад", Fraction(95))
    (True, False)
    >>> _is_unit_designation("brigade", Fraction(1)), _is_unit_designation("батальон", Fraction(21))
    (False, False)
    """
    if unit not in _SINGULAR_UNITS or value.denominator != 1:
        return False
    return value % 10 != 1 or value % 100 == 11


def _is_not_a_count(s: _Stream, j: int, first: _Numeral, mod: _Mod | None) -> bool:
    """Whether a single number at token j is an idiom, a year, a unit or a date after all."""
    if first.is_lone_one and (s.word(first.end) in _NOT_AFTER_ONE or s.word(j - 1) == "no"):
        return True
    if mod is None and first.is_bare and _is_year(first.value, cue=_year_cue(s, j)):
        return True
    return _is_blocked_after(s, first.end, first.value)


def _read_fraction(s: _Stream, i: int, *, is_bare_ok: bool) -> _Reading | None:
    """Read a share ("two-thirds", "2/3", "половина"), with its total when one follows."""
    hit = _match_phrase(s, i, _FRACTIONS)
    if hit is None and is_bare_ok:
        hit = _match_phrase(s, i, _BARE_FRACTIONS)
    if hit is None:
        hit = _read_digit_fraction(s, i)
    if hit is None:
        return None
    share, k = hit
    if s.text(i) in ("half", "половина", "половину", "половины", "половине") and (
            s.word(i - 1) in _NOT_BEFORE_HALF):
        return None
    if _is_blocked_after(s, k, share):
        return None
    total = _read_total(s, k)
    if total is None:
        return _Reading(k, fraction=share)
    return _Reading(total.end, low=total.low, best=total.best, high=total.high, fraction=share,
                    is_total=True)


def _bound_share(share: _Reading, mod: _Mod | None) -> _Reading:
    """A bound before a share bounds its part: "up to a third of the 2,000" is at most 667
    (GOLD.md reads "up to X" as high = best = X), "more than half of 600" at least 300."""
    if not share.is_total or share.best is None or share.low is not None or share.high is not None:
        return share
    if mod is _Mod.UPPER:
        return replace(share, high=share.best)
    if mod is _Mod.LOWER:
        return replace(share, low=share.best)
    return share


def _read_digit_fraction(s: _Stream, i: int) -> tuple[Fraction, int] | None:
    """Read "2/3": small numbers, numerator below denominator, not part of a date."""
    if not (s.kind(i) == "n" and s.text(i + 1) == "/" and s.kind(i + 2) == "n"
            and s.is_joined(i + 1) and s.is_joined(i + 2)):
        return None
    numerator, denominator = int(s.text(i)[:3]), int(s.text(i + 2)[:3])
    if not 0 < numerator < denominator <= 10 or _is_blocked_before(s, i):
        return None
    if s.text(i + 3) in _GLUE and s.is_joined(i + 3) and s.kind(i + 4) == "n":
        return None
    return Fraction(numerator, denominator), i + 3


def _read_total(s: _Stream, k: int) -> _Reading | None:
    """Read "of the estimated 10,000 to 12,000" / "из 12 тысяч" after a share or a unit."""
    if s.word(k) not in _OF_WORDS or not s.is_spaced(k):
        return None
    m = k + 1
    # "of the brigade's 2,000", "of Pyongyang's 11,000": a possessive stands between too
    while m - k <= 3 and (s.word(m) in _OF_FILLERS or s.word(m).endswith("'s")) and s.is_spaced(m):
        m += 1
    if not s.is_spaced(m):
        return None
    total = _read_amount(s, m, is_total=True)
    return None if total is None or total.is_vague else total


def _read_vague(s: _Stream, i: int, mod: _Mod | None) -> _Reading | None:
    """Read "several", "tens of thousands", "(up to) a battalion (of infantry | of 400 men)"."""
    hit = _match_phrase(s, i, _VAGUE)
    if hit is None:
        return None
    kind, k = hit
    if kind is _Vague.UNIT and mod is None and s.word(i).lower() in _OBLIQUE_UNITS:
        return None  # "бойцы 95-й бригады уничтожили 20 военных": of the brigade, not an amount
    if kind is _Vague.UNIT and mod is None and s.kind(i - 1) == "n" and s.is_spaced(i):
        return None  # "— 95 бригада": the number names the unit (``_is_unit_designation``)
    if kind is _Vague.UNIT and s.is_spaced(k) and s.word(k) in _UNIT_MODIFIED:
        return None  # "including a company commander": whose post, not an amount of troops
    if kind is _Vague.UNIT and mod is None and s.is_spaced(k) and s.word(k).startswith(_LOSER_VERBS):
        return None  # "Бригада втратила третину особового складу": the unit that lost, not the loss
    if kind is _Vague.UNIT:
        size = _read_total(s, k)
        if size is not None:
            if size.low is None and size.high is None and size.best is not None:
                return _bounds(mod, size.best, size.end)
            return size
        tail = _match_phrase(s, k, _UNIT_TROOPS)
    else:
        tail = _match_phrase(s, k, _VAGUE_SCALES)
    if tail is not None and s.is_spaced(k):
        k = tail[1]
    if _is_blocked_after(s, k, None):
        return None
    return _Reading(k, is_vague=True)


def _read_numeral(s: _Stream, i: int) -> _Numeral | None:
    """Read a number written in digits or in words at token i."""
    return _read_digits(s, i) if s.kind(i) == "n" else _read_words(s, i)


def _read_digits(s: _Stream, i: int) -> _Numeral | None:
    """Read "3,800", "3 800", "1.5", "1,5", "10k", "1.5 million", "2 тыс."."""
    digits = s.text(i)
    if len(digits) > _MAX_DIGITS:
        return None
    j, separator = i + 1, ""
    if len(digits) <= 3:
        groups = _read_groups(s, j)
        if groups is None:
            return None
        more, j, separator = groups
        digits += more
    value = Fraction(int(digits))
    decimals = _read_decimals(s, j, separator)
    if decimals is not None:
        value, j = value + decimals[0], decimals[1]
    scale, end = _read_scale(s, j)
    is_bare = end == i + 1  # one run of digits and nothing else: maybe a year
    return _Numeral(end, value * scale, scale, is_bare=is_bare, is_lone_one=False)


def _read_groups(s: _Stream, j: int) -> tuple[str, int, str] | None:
    """Read thousands groups from token j: ",800,000" or " 800 000", one kind of separator.

    Returns the digits, the index after them and the separator; None past ``_MAX_GROUPS``.
    """
    digits, separator = "", ""
    while True:
        if (separator != " " and s.text(j) == "," and s.is_joined(j) and s.is_joined(j + 1)
                and _is_group(s, j + 1)):
            found, after = ",", j + 2
        elif (separator != "," and _is_group(s, j) and s.kind(j - 1) == "n" and s.is_spaced(j)
              and s.tokens[j].start - s.tokens[j - 1].end == 1):
            found, after = " ", j + 1
        else:
            return digits, j, separator
        if len(digits) == 3 * _MAX_GROUPS:
            return None  # longer than any count: an id, a list, or noise
        digits, separator, j = digits + s.text(after - 1), found, after


def _is_group(s: _Stream, j: int) -> bool:
    """Whether token j is three digits."""
    return s.kind(j) == "n" and len(s.text(j)) == 3


def _read_decimals(s: _Stream, j: int, separator: str) -> tuple[Fraction, int] | None:
    """Read ".5" or ",5" glued on at token j (a comma only when it did not group thousands)."""
    point, digits = s.text(j), s.text(j + 1)
    if not (s.is_joined(j) and s.is_joined(j + 1) and s.kind(j + 1) == "n"
            and len(digits) <= _MAX_DIGITS):
        return None
    if point == "." or (point == "," and separator != "," and len(digits) != 3):
        return Fraction(int(digits), 10 ** len(digits)), j + 2
    return None


def _read_scale(s: _Stream, j: int) -> tuple[int, int]:
    """Read a scale after digits at token j ("10k", "4 thousand", "2 тыс."): scale, index after."""
    if s.text(j) == "k" and s.is_joined(j):
        return 1000, j + 1
    word = s.word(j)
    if word not in _SCALES or not s.is_spaced(j):
        return 1, j
    if word in _ABBREVIATED_SCALES and s.text(j + 1) == "." and s.is_joined(j + 1):
        return int(_SCALES[word]), j + 2
    return int(_SCALES[word]), j + 1


def _read_words(s: _Stream, i: int) -> _Numeral | None:
    """Read number words: "four thousand", "twenty-five", "a dozen", "двух тысяч", "тысяча двести".

    Place values must fall: a unit follows a tens word or a hundred, a scale follows a
    smaller number, so "five three" stops after "five".
    """
    total = current = Fraction(0)
    room = 1000  # what the current group can still take: 1000 anything, 100 below 100, 10 a unit
    last_scale = math.inf
    scale_at_end = 1
    count, j = 0, i
    while count < _MAX_WORDS:
        k = j
        if count:
            if s.is_hyphen(j) and s.kind(j + 1) == "w":
                k = j + 1
            elif not s.is_spaced(j):
                break
        if s.word(k) == "and" and room == 100 and _is_tail_of_hundred(s, k + 1):
            k += 1  # "two hundred and fifty"; not "between two hundred and three hundred"
        word = s.word(k)
        if count == 0 and word == "a":
            current, room = Fraction(1), 0
        elif count == 0 and word in _HALF_WORDS and s.is_spaced(k + 1) and (
                s.word(k + 1) in _SCALES or s.word(k + 1) in _COUNT_NOUNS):
            current, room = Fraction(1, 2), 0  # "понад пів тисячі", "пів сотні": half a scale, written apart
        elif word in ("с", "з") and s.word(k + 1) in ("половиной", "половиною") and 0 < current < 10 and room == 0:
            # "две с половиной тысячи", "двох з половиною тисяч": and a half
            current, k = current + Fraction(1, 2), k + 1
        elif word in _COUNT_NOUNS and 0 < current < 10 and room == 0:
            # "две сотни", "трёх сотен", "півтора десятка": a count of hundreds or tens
            current, room = current * _COUNT_NOUNS[word], 0
            scale_at_end = 1
        elif word in _SMALL:
            value = _SMALL[word]
            needed = 10 if value < 10 else 100 if value < 100 else 1000
            if room < needed:
                break
            current += value
            room = 10 if 20 <= value < 100 else 100 if value >= 100 else 0
            scale_at_end = 1
        elif word == "hundred" and 0 < current < 10 and current.denominator == 1 and room == 0:
            current, room, scale_at_end = current * 100, 100, 100
        elif word in _SCALES and _SCALES[word] < last_scale and (
                current > 0 or (word in _LONE_SCALES and count == 0)):
            scale = int(_SCALES[word])
            total += (current or 1) * scale
            current, room, last_scale, scale_at_end = Fraction(0), 1000, scale, scale
        else:
            break
        count, j = count + 1, k + 1
    if count == 0 or (count == 1 and (s.word(i) == "a" or s.word(i) in _HALF_WORDS)):
        return None
    return _Numeral(j, total + current, scale_at_end, is_bare=False,
                    is_lone_one=count == 1 and s.word(i) in _ONE_FORMS)


def _is_tail_of_hundred(s: _Stream, k: int) -> bool:
    """Whether token k ends a number after "hundred and": below 100, no scale after it."""
    value = _ENGLISH_SMALL.get(s.word(k))
    if value is None or not s.is_spaced(k):
        return False
    after = s.word(k + 2) if s.is_hyphen(k + 1) else s.word(k + 1)
    return after != "hundred" and after not in _SCALES


def _read_range(s: _Stream, first: _Numeral,
                mod: _Mod | None) -> tuple[Fraction, Fraction, _Numeral] | None:
    """Read the rest of "2,000-3,000", "10 to 12 thousand", "between 10 and 12", "от 2 до 3"."""
    k = first.end
    opener = mod if mod in _OPENERS else None
    is_dash = opener is None and s.text(k) == "-" and s.is_near(k) and s.is_near(k + 1)
    is_link = s.word(k) in _RANGE_LINKS[opener] and s.is_spaced(k) and s.is_spaced(k + 1)
    second = _read_numeral(s, k + 1) if is_dash or is_link else None
    if second is None:
        return None
    low, high = first.value, second.value
    # "2-3 тыс.", "10 to 12 thousand": the scale of the second number serves both.
    if first.scale == 1 and second.scale > 1 and low * second.scale <= high:
        low *= second.scale
    elif first.is_bare and low < 1000 <= high and high % 1000 == 0 and low * 1000 < high <= low * 10_000:
        low *= 1000  # "11 to 12,000" is 11,000 to 12,000: the thousands are written once
    return (low, high, second) if low < high else None


def _is_year_range(first: _Numeral, second: _Numeral) -> bool:
    """Whether a range is one of years ("2022-2024", "1941–1945")."""
    return first.is_bare and second.is_bare and _is_year(first.value) and _is_year(second.value)


def _is_year(value: Fraction, *, cue: str = "") -> bool:
    """Whether a bare number reads as a year: 1900-2100 always, 1000-1899 after a cue ("in 1709")."""
    if value.denominator != 1 or not 1000 <= value <= 2100:
        return False
    return value >= 1900 or cue in _YEAR_CUES


def _year_cue(s: _Stream, i: int) -> str:
    """The word before token i, or "," after a month and day ("May 19, 1883", "Feb. 4, 1999")."""
    if s.text(i - 1) == "," and s.kind(i - 2) == "n" and _MONTHS & {s.word(i - 3), s.word(i - 4)}:
        return ","
    return s.word(i - 1)


def _is_blocked_before(s: _Stream, i: int) -> bool:
    """Whether what precedes the number at token i makes it no amount (F-16, $5, 5:40, 14.02)."""
    before = s.text(i - 1)
    if s.is_joined(i):
        if s.kind(i - 1) == "w" or before in _MONEY_SIGNS or s.is_hyphen(i - 1):
            return True
        return before in _GLUE and s.is_joined(i - 1) and s.kind(i - 2) in ("n", "w")
    return before in _MONEY_SIGNS and s.is_spaced(i)


def _is_day_after_month(s: _Stream, i: int, value: Fraction) -> bool:
    """Whether the number at token i is a day after its month ("Feb. 14", "May 9")."""
    if value.denominator != 1 or value > 31 or not s.is_spaced(i):
        return False
    month = s.word(i - 1) or (s.word(i - 2) if s.text(i - 1) == "." and s.is_joined(i - 1) else "")
    return month in _MONTHS


def _is_blocked_after(s: _Stream, k: int, value: Fraction | None) -> bool:
    """Whether what follows an amount ending before token k makes it no amount.

    Ordinals and units glued on ("3rd", "155mm", "1990s"), a time or a date ("5:40",
    "14.02.2025", "2024-02-14"), a unit word ("two days", "30 km", "30 percent"), a month
    ("14 февраля"), a.m./p.m.
    """
    after = s.text(k)
    if not after:
        return False
    if s.is_joined(k):
        if s.kind(k) == "w" or after == "%":
            return True
        if (after in _GLUE or after == "-") and s.is_joined(k + 1) and s.kind(k + 1) == "n":
            return True
        if s.is_hyphen(k):
            return s.word(k + 1) not in _COUNT_COMPOUNDS
        return False
    if not s.is_spaced(k):
        return False
    if after == "%" or after in _NOT_PEOPLE:
        return True
    if after in ("a", "an") and s.word(k + 1) in _NOT_PEOPLE and s.is_spaced(k + 1):
        # "half a day"; but "1,200 a day" is a count per day (its period is not part of it)
        return not (s.word(k + 1) in _RATE_PERIODS and value is not None and value >= 2)
    if after in ("a", "p") and s.text(k + 1) == "." and s.word(k + 2) == "m":
        return True  # "9 a.m."
    return value is not None and value.denominator == 1 and value <= 31 and after in _MONTHS
