"""When a claim was made: the publication date, moved by the sentence's own date words.

"said on Saturday" moves back to the Saturday before publication (day precision); "on
Feb. 14" takes that day in the publication's year (or the year before when that would lie
in the future); "last month" gives the previous month (month precision). Without a
publication date, only an explicit full date in the sentence counts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo.model import DatePrecision

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
_MONTH_DAY = re.compile(r"\b(?:on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\b",
                        re.IGNORECASE)
_DAY_MONTH_RU = re.compile(r"\b(\d{1,2})\s+(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр"
                           r"|січн|лют|берез|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн)[а-яії]*"
                           r"(?:\s+(\d{4}))?", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:on\s+|в\s+|во\s+|у\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"понедельник|вторник|сред|четверг|пятниц|суббот|воскресень"
                      r"|понеділ|вівтор|серед|четвер|п'ятниц|субот|неділ)[a-zа-яії]*\b", re.IGNORECASE)
#: Days named relative to the publication date.
_RELATIVE_DAY = re.compile(r"(?<!\w)(yesterday|вчера|учора|вчора|накануне|today|сегодня|сьогодні)(?!\w)",
                           re.IGNORECASE)
_DAYS_BACK = {"yesterday": 1, "вчера": 1, "учора": 1, "вчора": 1, "накануне": 1,
              "today": 0, "сегодня": 0, "сьогодні": 0}


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def reported_date(text: str, sentence: tuple[int, int], published: str | None) -> tuple[str | None, DatePrecision | None]:
    """The ISO date a claim in ``sentence`` was made, and its precision.

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
    """
    chunk = text[sentence[0]:sentence[1]]
    try:
        pub = date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        pub = None
    if pub is None:
        published = None
    for rx, order in ((_MONTH_DAY, "md"), (_DAY_MONTH_RU, "dm")):
        m = rx.search(chunk)
        if not m:
            continue
        first, second, year_text = m.group(1), m.group(2), m.group(3)
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
        return None, None
    m = _RELATIVE_DAY.search(chunk)
    if m:
        return (pub - timedelta(days=_DAYS_BACK[m.group(1).lower()])).isoformat(), DatePrecision.DAY
    m = _WEEKDAY.search(chunk)
    if m:
        key = next(k for k in _WEEKDAYS if m.group(1).lower().startswith(k))
        back = (pub.weekday() - _WEEKDAYS[key]) % 7
        return (pub - timedelta(days=back)).isoformat(), DatePrecision.DAY
    if re.search(r"\blast month\b|в прошлом месяце", chunk, re.IGNORECASE):
        first = pub.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat()[:7], DatePrecision.MONTH
    return published, DatePrecision.DAY
