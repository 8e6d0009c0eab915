"""The date a claim refers to: the publication date, moved by the sentence's own date words.

"said on Saturday" moves back to the Saturday before publication (day precision); "on
Feb. 14" takes that day in the publication's year (or the year before when that would lie
in the future), and "on Dec. 14 and 15" or "14–15 декабря" the first day of the span; a
period of its own ("за сутки", "за минулу добу", "over the past 24 hours") is the day
before publication, the day the daily figure covers; "yesterday" the day before,
"позавчера" two days before; "за неделю", "over the past week" the week before (week
precision); "last month" the previous month (month precision). Without a publication
date, only an explicit full date in the sentence counts.

The relative phrases are data (``RELATIVE_PHRASES``), one row per meaning in English,
Russian and Ukrainian, as dateparser keeps its per-language tables; the longest phrase
is tried first so that "the day before yesterday" is not read as "yesterday".
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from geo.model import DatePrecision
from geo.regex_cache import compile_pattern
from geo.text import Cues

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "січн": 1, "лют": 2, "берез": 3, "квітн": 4, "травн": 5, "червн": 6, "липн": 7, "серпн": 8,
    "вересн": 9, "жовтн": 10, "листопад": 11, "грудн": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6,
             "понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4, "субот": 5, "неділ": 6}
_MONTH_DAY = compile_pattern(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\b")
_DAY_MONTH_RU = compile_pattern(r"\b(\d{1,2})\s+(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр"
                           r"|січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)[а-яії]*"
                           r"(?:\s+(\d{4}))?")
# Wednesday only in its own case forms: "среди них" and "серед них" (among them) are no day.
_WEEKDAY = compile_pattern(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"понедельник|вторник|сред(?=[ауы]\b)|четверг|пятниц|суббот|воскресень"
                      r"|понеділ|вівтор|серед(?=[ауи]\b)|четвер|п'ятниц|субот|неділ)[a-zа-яії]*\b")
#: Phrases that date a claim relative to its publication: (pattern, days back, precision),
#: each with an example. Ordered: a longer phrase before the shorter one inside it.
RELATIVE_PHRASES: tuple[tuple[str, int, DatePrecision], ...] = (
    # "the day before yesterday", "позавчера", "позавчора"
    (r"the\s+day\s+before\s+yesterday|позавчера|позавчора", 2, DatePrecision.DAY),
    # "over the past 24 hours", "за минувшие сутки", "за минулу добу": a daily figure covers the day before
    (r"(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)"
     r"|за\s+(?:минувшие\s+|прошедшие\s+|последние\s+|истекшие\s+)?сутки"
     r"|за\s+(?:последние\s+)?24\s+часа|за\s+(?:минулу\s+|останню\s+|попередню\s+)?добу"
     r"|за\s+(?:останні\s+)?24\s+години"
     # the genitive of the same day: "Минулої доби ворог втратив …", "протягом минулої доби",
     # "в течение минувших суток", "за прошедший день"
     r"|(?:(?:протягом|упродовж|впродовж)\s+)?(?:минулої|попередньої|останньої)\s+доби"
     r"|(?:в\s+течение\s+)?(?:минувших|прошедших|последних|истекших)\s+суток"
     r"|за\s+(?:минувший|прошедший|минулий)\s+день", 1, DatePrecision.DAY),
    # "yesterday", "вчера", "накануне", "учора", "напередодні"
    (r"yesterday|вчера|накануне|учора|вчора|напередодні", 1, DatePrecision.DAY),
    # "today", "сегодня", "сьогодні"
    (r"today|сегодня|сьогодні", 0, DatePrecision.DAY),
    # "over the past week", "last week", "за неделю", "за минулий тиждень"
    (r"(?:over|in|during)\s+the\s+(?:past|last|previous)\s+week|last\s+week"
     r"|за\s+(?:минувшую\s+|прошедшую\s+|последнюю\s+)?неделю|на\s+прошлой\s+неделе"
     r"|за\s+(?:минулий\s+|останній\s+)?тиждень|минулого\s+тижня", 7, DatePrecision.WEEK),
)
_RELATIVE = compile_pattern(
    "(?<!\\w)(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _, _) in enumerate(RELATIVE_PHRASES)) + ")(?!\\w)")
#: "last month", "в прошлом месяце", "минулого місяця": the previous calendar month.
_LAST_MONTH = compile_pattern(r"\blast\s+month\b|в\s+прошлом\s+месяце|минулого\s+місяця|у\s+минулому\s+місяці")
#: "14–15 декабря", "on Dec. 14 and 15": a span of days is dated by its first day.
_SPAN_START = compile_pattern(r"\b(\d{1,2})\s*[–—-]\s*$")
_DIGIT = compile_pattern(r"\d")
#: A date that opens a period is not the claim's: "since August 6 Russia has lost 40,000",
#: "з 6 серпня ворог втратив", "с 6 августа" (the total is as of publication).
_PERIOD_START = compile_pattern(r"(?<!\w)(?:since|from|starting|начиная\s+с|с|со|з|із|від|починаючи\s+з)\s+$")
#: The date patterns a chunk runs, found in one automaton pass over it (``text.Cues``): most
#: sentences name no month, weekday or relative day.
_SEARCHED = (_MONTH_DAY, _DAY_MONTH_RU, _RELATIVE, _WEEKDAY, _LAST_MONTH)
_CUES = Cues.of(_SEARCHED)
_MONTH_DAY_BIT, _DAY_MONTH_BIT, _RELATIVE_BIT, _WEEKDAY_BIT, _LAST_MONTH_BIT = (1 << i for i in range(len(_SEARCHED)))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def reported_date(text: str, sentence: tuple[int, int], published: str | None) -> tuple[str | None, DatePrecision | None]:
    """The ISO date a claim in ``sentence`` refers to, and its precision.

    >>> reported_date("Zelensky said on Saturday that", (0, 30), "2024-12-16")
    ('2024-12-14', <DatePrecision.DAY: 'day'>)
    >>> reported_date("He said on Feb. 14 that", (0, 23), "2025-02-20")
    ('2025-02-14', <DatePrecision.DAY: 'day'>)
    >>> reported_date("They said", (0, 9), None)
    (None, None)
    >>> reported_date("Вчера Зеленский сообщил", (0, 23), "2025-01-11")
    ('2025-01-10', <DatePrecision.DAY: 'day'>)
    >>> reported_date("Генштаб повідомив 11 січня", (0, 26), "2025-01-12")
    ('2025-01-11', <DatePrecision.DAY: 'day'>)
    >>> reported_date("За минулу добу ворог втратив 1 200 осіб", (0, 39), "2025-01-12")
    ('2025-01-11', <DatePrecision.DAY: 'day'>)
    """
    pub = _publication(published)
    found = _dated(text[sentence[0]:sentence[1]], pub)
    if found is not None:
        return found
    return (published, DatePrecision.DAY) if pub else (None, None)


def claim_date(text: str, claim: tuple[int, int], sentence: tuple[int, int],
               published: str | None) -> tuple[str | None, DatePrecision | None]:
    """The date of a claim: its own words first, then its sentence's, then publication.

    In "Zelensky said on Saturday that over the past day 300 were killed", the claim's
    "over the past day" dates it, not the day it was said.

    >>> t = "Zelensky said on Saturday that over the past day 300 were killed"
    >>> claim_date(t, (31, len(t)), (0, len(t)), "2024-12-16")
    ('2024-12-15', <DatePrecision.DAY: 'day'>)
    """
    pub = _publication(published)
    is_inside = sentence[0] <= claim[0] and claim[1] <= sentence[1]
    if is_inside and not _may_be_dated(text[sentence[0]:sentence[1]], pub):
        # the sentence holds no date's cue, nor then does the claim in it: the publication date
        # (``reported_date``'s answer), and no reading of the claim's words (issue 14)
        return (published, DatePrecision.DAY) if pub else (None, None)
    found = _dated(text[claim[0]:claim[1]], pub)
    return found if found is not None else reported_date(text, sentence, published)


@lru_cache(maxsize=1024)
def _may_be_dated(chunk: str, pub: date | None) -> bool:
    """Whether ``_dated`` may find a date in ``chunk`` or in any part of it: a digit and a
    month's cue, or a publication date and the cue of a relative day, a weekday or last month.

    Most sentences with a claim have none (seven in ten on realistic articles); a part of a
    chunk has no digit or cue the chunk lacks, so a claim in such a sentence is not read.
    """
    lowered = chunk.lower()
    has_digit = _DIGIT.search(lowered) is not None
    if pub is None and not has_digit:
        return False
    may = _CUES.mask(lowered)
    return bool(has_digit and may & (_MONTH_DAY_BIT | _DAY_MONTH_BIT)
                or pub is not None and may & (_RELATIVE_BIT | _WEEKDAY_BIT | _LAST_MONTH_BIT))


def _publication(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _dated(chunk: str, pub: date | None) -> tuple[str, DatePrecision] | None:
    """The date that ``chunk``'s own words give, or None when they give none.

    Every pattern that reads a day needs a digit, and every other one a publication date
    to count back from: a chunk with neither is answered before any case-blind search.
    Cached: the claims of a sentence each ask about it again.
    """
    # The patterns are written in lower case and searched in the lowered chunk: a
    # case-blind search of every pattern cost more than the rest of the date rules.
    chunk = chunk.lower()
    has_digit = _DIGIT.search(chunk) is not None
    if pub is None and not has_digit:
        return None
    may = _CUES.mask(chunk)
    for rx, order, bit in ((_MONTH_DAY, "md", _MONTH_DAY_BIT), (_DAY_MONTH_RU, "dm", _DAY_MONTH_BIT)) if has_digit else ():
        m = next((m for m in rx.finditer(chunk) if not _PERIOD_START.search(chunk, max(0, m.start() - 14), m.start())),
                 None) if may & bit else None
        if not m:
            continue
        first, second, year_text = m.group(1), m.group(2), m.group(3)
        span = _SPAN_START.search(chunk, max(0, m.start() - 8), m.start()) if order == "dm" else None
        if span is not None:
            first = span.group(1)  # "14–15 декабря": the first day
        month_key, day_text = (first, second) if order == "md" else (second, first)
        month = _MONTHS.get(month_key.lower()[:3] if order == "md" else month_key.lower())
        if month is None:
            continue
        year = int(year_text) if year_text else (pub.year if pub else None)
        if year is None:
            continue
        found = _valid(year, month, int(day_text))
        if found and pub and not year_text and found > pub:
            found = _valid(year - 1, month, int(day_text))
        if found:
            return found.isoformat(), DatePrecision.DAY
    if pub is None:
        return None
    m = _RELATIVE.search(chunk) if may & _RELATIVE_BIT else None
    if m:
        _, days_back, precision = RELATIVE_PHRASES[int(m.lastgroup[1:])]  # type: ignore[index]
        return (pub - timedelta(days=days_back)).isoformat(), precision
    m = _WEEKDAY.search(chunk) if may & _WEEKDAY_BIT else None
    if m:
        key = next(k for k in _WEEKDAYS if m.group(1).lower().startswith(k))
        back = (pub.weekday() - _WEEKDAYS[key]) % 7
        return (pub - timedelta(days=back)).isoformat(), DatePrecision.DAY
    if may & _LAST_MONTH_BIT and _LAST_MONTH.search(chunk):
        first = pub.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat()[:7], DatePrecision.MONTH
    return None
