"""What the head of a plain-text article says about it: headline, outlet, date, language.

Saved news pages open with furniture (navigation, a masthead, the headline, a byline,
a dateline) before the first paragraph of the article. The functions here read those
lines by their shape and return ``None`` when unsure: a wrong publication date moves
every "said on Saturday" of the article, so a date is taken only from a byline, a
"Published …" line, a line that holds nothing but a date, or an upper-case dateline
("KYIV, Feb. 14, 2025 —"), never from a sentence about events, a weekday alone or a
founding date ("Est. May 19, 1883").

Pure: strings in, strings out. ``geo.chrome`` builds on the line shapes defined here.
"""

from __future__ import annotations

import re
from datetime import date

from geo.regex_cache import compile_pattern
from geo.text import Gated, paragraph_spans

__all__ = [
    "HEAD_LINES",
    "KNOWN_HOSTS",
    "KNOWN_OUTLETS",
    "OUTLET_WORDS",
    "TAIL_LINES",
    "date_from_url",
    "find_dates",
    "guess_language",
    "guess_published",
    "guess_publisher",
    "guess_title",
    "guess_url",
    "head_lines",
    "is_body_like",
    "is_byline",
    "is_date_line",
    "is_headline_like",
    "is_masthead_like",
    "masthead_indices",
    "outlet_from_url",
    "parse_date",
]

#: How many non-empty lines from the top count as the head of an article.
HEAD_LINES = 15

# Publication years outside this range are founding dates, archive stamps or noise.
_YEARS = range(1990, 2100)

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Russian and Ukrainian dates use the genitive: "14 февраля 2025", "14 лютого 2025".
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}
_ENGLISH_MONTH = "|".join(sorted((m for m in _MONTHS if m.isascii()), key=len, reverse=True))
_ANY_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    compile_pattern(rf"\b(?P<month>{_ENGLISH_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    compile_pattern(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_ANY_MONTH})\.?,?\s+"
               rf"(?P<year>\d{{4}})(?!\d)", re.IGNORECASE),
    compile_pattern(r"(?<!\d)(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?!\d)"),
    compile_pattern(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)"),
)
# Every date pattern holds a four-digit year, and every time and reading time a digit: a
# line without them is skipped before the patterns run (issue 14: most lines of an
# article have no date, and the four patterns cost a third of reading its head).
_YEAR_DIGITS = compile_pattern(r"\d{4}")
_DIGIT = compile_pattern(r"\d")
_TIME = compile_pattern(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?![\d])", re.IGNORECASE)
_READING_TIME = compile_pattern(r"\b\d+\s*(?:min|mins|minutes?)\.?\s+read\b|\d+\s*мин\w*\s+чтени\w*|"
                           r"\d+\s*хв\w*\s+читанн\w*", re.IGNORECASE)
_DATE_LINE_WORDS = compile_pattern(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:published|updated|posted|last|on|at|am|pm|"
    r"utc|gmt|est|edt|cet|cest|msk|eet|eest|et|pt|bst|time|ago|hours?|minutes?|mins?|г|года?|року|р|"
    r"мск|в|о|об|назад|обновлено|опубликовано|понедельник|вторник|среда|четверг|пятница|суббота|"
    r"воскресенье|оновлено|опубліковано)\b",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = compile_pattern(r"^(?:first\s+)?(?:published|posted|date|опубликовано|"
                              r"дата публикации|опубліковано|дата публікації)\b", re.IGNORECASE)
_UPDATED_LABEL = compile_pattern(r"^(?:last\s+)?(?:updated|modified|обновлено|оновлено)\b",
                            re.IGNORECASE)
_FOUNDED = compile_pattern(r"\b(?:est\.|established|founded|since|основан[аоы]?|заснован[аоі]?)\s",
                      re.IGNORECASE)
# "KYIV, Ukraine, Feb. 14, 2025 —": an upper-case place, an optional region, then the date.
_DATELINE_HEAD = compile_pattern(
    r"^[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ .'’-]{1,30}(?:,\s*[A-ZА-ЯЁІЇЄҐ][\w .'’-]{1,30})?,\s*$")
_BYLINE = compile_pattern(
    r"^(?:(?:written\s+|reporting\s+|text\s+)?by|автор[ыа]?:?|текст:?|автори?:?)\s+\S",
    re.IGNORECASE)

_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’»)]*"
_CONNECTORS = frozenset({"of", "the", "and", "&", "for", "in", "on", "de", "la", "le"})

#: Last words of outlet names; a supplement to the shape rules, not a list of outlets.
OUTLET_WORDS = frozenset(
    "newspaper news post times press journal herald tribune independent review gazette telegraph "
    "guardian chronicle observer express mail insider monitor daily weekly magazine agency media "
    "network radio tv television broadcasting pravda wire report today week sun star standard "
    "bulletin record mirror economist dispatch courier sentinel inquirer examiner register "
    "online service ledger globe".split()
)
#: Outlets whose names carry none of ``OUTLET_WORDS``.
KNOWN_OUTLETS = frozenset(
    "reuters afp ap bloomberg newsweek politico axios meduza interfax tass ria euronews forbes "
    "yonhap kyodo xinhua ukrinform suspilne hromadske kommersant vedomosti izvestia rbc bbc cnn "
    "npr cbs nbc abc dw rferl rfe/rl aljazeera al-jazeera nhk france24 lenta mint vox slate "
    "semafor".split()
)


# --- dates -------------------------------------------------------------------------------


def _to_iso(year: str, month: str, day: str) -> str | None:
    number = _MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    if number is None or int(year) not in _YEARS:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every explicit full date (day, month and year) in ``text``, in text order.

    Parameters
    ----------
    text
        Usually one line: a byline, a dateline or a "Published …" line.

    Returns
    -------
    list of (start, end, iso)
        Offsets of each date as written and its ISO form; impossible dates (Feb. 30) and
        years outside 1990-2099 are left out.

    Examples
    --------
    >>> find_dates("Feb. 14, 2025 and 2025-02-15 and 14.02.2025")
    [(0, 13, '2025-02-14'), (18, 28, '2025-02-15'), (33, 43, '2025-02-14')]
    >>> find_dates("Est. May 19, 1883")
    []
    """
    if not _YEAR_DIGITS.search(text):
        return []
    found: dict[int, tuple[int, int, str]] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match["year"], match["month"], match["day"])
            if iso and match.start() not in found:
                found[match.start()] = (match.start(), match.end(), iso)
    spans: list[tuple[int, int, str]] = []
    for item in sorted(found.values()):
        if not spans or item[0] >= spans[-1][1]:
            spans.append(item)
    return spans


def parse_date(text: str) -> str | None:
    """Return the first explicit full date in ``text`` as ISO ``YYYY-MM-DD``, or None.

    >>> parse_date("14 лютого 2025 року")
    '2025-02-14'
    >>> parse_date("2025-02-14T13:11:00+02:00")
    '2025-02-14'
    >>> parse_date("on Saturday") is None
    True
    """
    dates = find_dates(text)
    return dates[0][2] if dates else None


def is_date_line(line: str) -> bool:
    """Whether ``line`` holds a date or a time and nothing else of substance.

    >>> is_date_line("Friday, February 14, 2025 1:11 PM")
    True
    >>> is_date_line("5:40 PM")
    True
    >>> is_date_line("On February 14, 2025, troops entered the village.")
    False
    >>> is_date_line("Курская область, 5 марта 2025"), is_date_line("Sudzha fell, officials said, May 5, 2025")
    (True, False)
    """
    if len(line) > 80 or not _DIGIT.search(line):
        return False
    rest = line
    dates = find_dates(line)
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _READING_TIME.sub(" ", _TIME.sub(" ", rest))
    if rest == line:
        return False
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    if not re.sub(r"[\W\d_]+", "", rest):
        return True
    # A dateline: a place of up to three words, a comma, the date ("Курская область, 5 марта 2025").
    place = re.match(r"^\s*([A-ZА-ЯЁІЇЄҐ][^\W\d_]*(?:[\s-][^\W\d_]+){0,2}),\s*$", line[:dates[0][0]]) \
        if dates else None
    return bool(place) and not re.sub(r"[\W\d_]+", "", line[dates[0][1]:])


# --- line shapes ------------------------------------------------------------------------


def _ends_with(line: str, chars: str) -> bool:
    """Whether the last character before any closing quotes and brackets is one of ``chars``."""
    stripped = line.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in chars


def is_headline_like(line: str) -> bool:
    """Whether ``line`` has the shape of a headline: a few words, no closing full stop.

    A question mark may close a headline; a colon closes a section heading instead.

    >>> is_headline_like("Chornobyl plant hit by drone, Zelensky releases video")
    True
    >>> is_headline_like("Key Developments:")
    False
    >>> is_headline_like("Troops entered the village on Monday.")
    False
    """
    text = line.strip()
    words = text.split()
    if not 3 <= len(words) <= 30 or len(text) > 250:
        return False
    if _ends_with(text, ".!…:;,-–—"):
        return False
    first = text.lstrip("\"'“‘«")[:1]
    return (first.isupper() or first.isdigit()) and not is_date_line(text)


def is_body_like(line: str) -> bool:
    """Whether ``line`` reads as a paragraph of running text (closing punctuation, some length).

    >>> is_body_like("Zelensky said 3,800 North Korean soldiers were killed or wounded.")
    True
    >>> is_body_like("News Feed")
    False
    """
    words = len(line.split())
    return (words >= 6 and _ends_with(line, _SENTENCE_END)) or words >= 30


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline: "By Name Outlet", "by The X news desk Feb 14, 2025".

    >>> is_byline("By David L. Stern Washington Post")
    True
    >>> is_byline("By the end of the week, troops had left Sudzha.")
    False
    """
    text = line.strip()
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 25 or _ends_with(text, _SENTENCE_END):
        return False
    following = text[match.end() - 1:]
    return following[:1].isupper()


def _is_title_case(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words)


def is_masthead_like(line: str) -> bool:
    """Whether ``line`` looks like a newspaper's masthead rather than a headline.

    Either a short line with a founding date, or a short title-case name whose last word
    names an outlet ("The Spokesman-Review Newspaper"). Only meaningful at the top of a
    page, above the headline.

    >>> is_masthead_like("Spokane, Washington  Est. May 19, 1883")
    True
    >>> is_masthead_like("The Spokesman-Review Newspaper")
    True
    >>> is_masthead_like("North Korean troops suffer heavy casualties in Russia")
    False
    """
    text = line.strip()
    words = text.split()
    if not words or len(words) > 10:
        return False
    if _FOUNDED.search(text + " ") and re.search(r"\d{4}", text):
        return True
    if len(words) > 6 or _ends_with(text, _SENTENCE_END + ":") or not _is_title_case(words):
        return False
    last = words[-1].strip(".,").lower()
    return last in OUTLET_WORDS or text.lower() in KNOWN_OUTLETS


def head_lines(text: str) -> list[tuple[int, int]]:
    r"""Find the lines above the first paragraph of running text (at most 15).

    >>> t = "Headline here now\nBy Jane Doe\nTroops entered the village on Monday, officials said."
    >>> [t[s:e] for s, e in head_lines(t)]
    ['Headline here now', 'By Jane Doe']
    """
    head: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text)[:HEAD_LINES]:
        if is_body_like(text[start:end]) and not is_byline(text[start:end]):
            break
        head.append((start, end))
    return head


def masthead_indices(lines: list[str]) -> list[int]:
    """Find the head lines that are mastheads: masthead-like, with a headline below.

    A title-case line that names an outlet is the page's masthead only when another
    headline-like line follows it; on its own it is the headline.
    """
    found: list[int] = []
    for i, line in enumerate(lines):
        if not is_masthead_like(line):
            continue
        below = lines[i + 1:]
        has_headline_below = any(is_headline_like(x) and not is_masthead_like(x) for x in below)
        if has_headline_below or _FOUNDED.search(line + " "):
            found.append(i)
    return found


# --- metadata ---------------------------------------------------------------------------


def _inside(span: tuple[int, int], chrome: tuple[tuple[int, int], ...]) -> bool:
    start, end = span
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in chrome)
    return covered * 2 > end - start


def guess_title(text: str, chrome: tuple[tuple[int, int], ...] = ()) -> str | None:
    r"""Find the headline: the first line outside ``chrome``, when it has a headline's shape.

    Parameters
    ----------
    text
        The article text.
    chrome
        Spans of page furniture (``geo.chrome.find_chrome``), skipped over.

    Returns
    -------
    str or None
        None when the first line that is not furniture is already running text.

    Examples
    --------
    >>> text = "Skip to content\nRussia says it retook Sudzha\nThe ministry said on Monday."
    >>> guess_title(text, ((0, 15),))
    'Russia says it retook Sudzha'
    """
    for start, end in paragraph_spans(text)[:HEAD_LINES]:
        if _inside((start, end), chrome):
            continue
        line = text[start:end]
        return " ".join(line.split()) if is_headline_like(line) else None
    return None


def _is_outlet(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not _is_title_case(words) or not words[-1][:1].isupper():
        return False
    lowered = [w.strip(".,").lower() for w in words]
    bare = " ".join(lowered[1:] if lowered[0] == "the" else lowered)
    return lowered[-1] in OUTLET_WORDS or bool({bare, bare.replace(" ", "")} & KNOWN_OUTLETS)


_DESK = compile_pattern(r"^(?P<outlet>.+?)\s+(?:news\s*desk|newsroom|staff(?:\s+writers?)?|editorial\s+"
                   r"(?:board|team|staff)|desk|team)$", re.IGNORECASE)


def _byline_outlet(line: str) -> str | None:
    """Read the outlet a byline names: "by The X news desk", "By Name, Outlet", "By Name Outlet"."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    rest = line.strip()[match.end() - 1:]
    cuts = [m.start() for m in (_TIME.search(rest), _READING_TIME.search(rest)) if m]
    cuts += [start for start, _, _ in find_dates(rest)]
    rest = rest[: min(cuts, default=len(rest))].strip(" ,|—–-·")
    desk = _DESK.match(rest)
    if desk and "," not in desk["outlet"] and _is_title_case(desk["outlet"].split()):
        return desk["outlet"]
    for separator in (" for ", ",", "|", " — ", " – ", " - ", " / "):
        if separator in rest:
            tail = rest.rsplit(separator, 1)[1].strip()
            return tail if _is_outlet(tail) else None
    words = rest.split()
    if words and words[0].lower() == "the" and _is_outlet(rest):
        return rest
    # A person's name is a first name, any initials ("L."), then a surname.
    i = 1
    while i < len(words) and re.fullmatch(r"[A-ZА-ЯЁ]\.", words[i]):
        i += 1
    remainder = " ".join(words[i + 1:])
    if remainder:
        return remainder if _is_outlet(remainder) else None
    return rest if _is_outlet(rest) else None


_CREDIT = compile_pattern(r"^(?:credits?|courtesy(?:\s+of)?|originally\s+published\s+(?:by|in|on|at)|"
                     r"this\s+(?:article|story)\s+(?:first|originally)\s+(?:appeared|was\s+published)\s+"
                     r"(?:in|on|by|at))\s*:?\s+(?P<outlet>.+?)[.\s]*$", re.IGNORECASE)


def guess_publisher(text: str) -> str | None:
    r"""Find the outlet: from a masthead, a byline, or a "Credit: …" line; None when unsure.

    Parameters
    ----------
    text
        The article text.

    Returns
    -------
    str or None
        The outlet's name as written, without a trailing "Newspaper".

    Examples
    --------
    >>> guess_publisher("Headline of the story here\nBy David L. Stern Washington Post\nText.")
    'Washington Post'
    >>> guess_publisher("by The Kyiv Independent news desk February 14, 2025 1:11 PM")
    'The Kyiv Independent'
    >>> guess_publisher("By Jane Doe\nTroops entered the village on Monday.") is None
    True
    """
    head = [text[s:e] for s, e in head_lines(text)]
    for i in masthead_indices(head):
        name = re.sub(r"\s+(?:daily\s+)?newspaper$", "", head[i].strip(), flags=re.IGNORECASE)
        if not _FOUNDED.search(name + " ") and name:
            return " ".join(name.split())
    for line in head:
        # A byline may share its line with a date: "Nov. 18, 2024 | By Jane Roe, Example News".
        outlet = next(filter(None, map(_byline_outlet, [line, *_SEGMENT_SEPARATOR.split(line)[1:]])), None)
        if outlet:
            return " ".join(outlet.split())
    for start, end in paragraph_spans(text):
        line = text[start:end]
        credit = _CREDIT.match(line) if len(line) < 120 else None
        if credit and _is_outlet(credit["outlet"]):
            return " ".join(credit["outlet"].split())
    return None


def _line_date(line: str, *, is_headline: bool = False) -> tuple[int, str] | None:
    """Rank a head line's date by how surely it is the publication date (lower is surer)."""
    stripped = line.strip()
    dates = find_dates(stripped)
    if not dates or _FOUNDED.search(stripped[: dates[0][0]]):
        return None
    start, end, iso = dates[0]
    if is_headline and len(dates) == 1 and not stripped[end:].strip(" .") \
            and re.search(r"(?:,|\s[-–—:])\s*$", stripped[:start]):
        return 4, iso  # "Russian Offensive Campaign Assessment, December 18, 2024"
    if _PUBLISHED_LABEL.match(stripped):
        return 0, iso
    if is_byline(stripped) or is_date_line(stripped) or _is_dated_strip(stripped):
        return 1, iso
    if _DATELINE_HEAD.match(stripped[:start]) or _agency_dateline(stripped) == iso:
        return 2, iso
    if _UPDATED_LABEL.match(stripped):
        return 3, iso
    if is_headline and _trailing_date(stripped) == iso:
        return 4, iso  # "Russian forces advance near Sumy Sunday, June 8, 2025 10:16:07 AM"
    return None


# --- dates in other shapes of page furniture ---------------------------------------------

#: How many non-empty lines at the foot of an article are read for a labelled or bare date.
TAIL_LINES = 5

# A strip of furniture split by bars or dots: "Nov. 18, 2024 | By Jane Doe, Defense News".
_SEGMENT_SEPARATOR = compile_pattern(r"\s+[|·•]\s+")
# A place, a comma and a parenthesised agency stamp that holds the date, at a paragraph's
# start: "Moscow, (APP - Pakistan Point News - 9th Oct, 2024) Russia's ministry said …".
_AGENCY_DATELINE = compile_pattern(r"^[A-ZА-ЯЁІЇЄҐ][\w .'’-]{1,30},\s*\((?P<stamp>[^()]{0,60}\s[-–—/]\s[^()]{3,80})\)")
_WEEKDAY_BEFORE = compile_pattern(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|"
    r"четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п'ятниця|п’ятниця|"
    r"субота|неділя),?\s*$", re.IGNORECASE)
# A day and a month with no year ("September 16", "16 вересня"): never completed with a
# guessed year, only with one the page's furniture states (``_furniture_year``).
_YEARLESS_PATTERNS = (
    compile_pattern(rf"\b(?P<month>{_ENGLISH_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])",
               re.IGNORECASE),
    compile_pattern(rf"(?<![\d.])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_ANY_MONTH})\b",
               re.IGNORECASE),
)
#: Searched only in a line that names a month (their own literals, issue 14).
_YEARLESS_CUED = tuple(Gated.of(pattern, is_folded=False) for pattern in _YEARLESS_PATTERNS)
# What may follow a year-less dateline: "MOSCOW, September 16. /TASS/.", "KYIV, Feb 14 (Reuters) -".
_DATELINE_TAIL = compile_pattern(r"^\s*(?:\.\s*/[^/\n]{2,30}/|\([^()\n]{2,40}\)|[.,]?\s*[-–—])")
_COPYRIGHT_YEAR = compile_pattern(r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d{2})(?![\d–-])",
                             re.IGNORECASE)
_URL = compile_pattern(r"https?://[^\s<>\"'«»()\[\]]+", re.IGNORECASE)
# "/2024/08/14/", "/2024-08-14-title": the date a news site files a story under.
_URL_DATE = compile_pattern(r"/(?P<year>(?:19|20)\d{2})([/-])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?=[/._-]|$)")
_URL_LABEL = compile_pattern(r"^(?:source|url|link|original|read more at|источник|ссылка|оригинал|"
                        r"джерело|посилання|оригінал)\s*:?\s*$", re.IGNORECASE)


def _is_dated_strip(line: str) -> bool:
    """Whether ``line`` is a strip of short furniture pieces, one of them a date line.

    >>> _is_dated_strip("Nov. 18, 2024 | By Jane Doe, Defense News")
    True
    >>> _is_dated_strip("Troops left on May 5, 2025, he said | and more")
    False
    >>> _is_dated_strip("Sudzha, May 5, 2025 | Photo: Jane Roe")
    False
    """
    parts = _SEGMENT_SEPARATOR.split(line)
    if len(parts) < 2 or len(line) > 160:
        return False
    # The date leads its piece: "Sudzha, May 5, 2025 | Photo: X" dates a photo, not the page.
    dated = [p for p in parts if find_dates(p) and is_date_line(p)
             and not re.sub(r"[\W\d_]+", "", _DATE_LINE_WORDS.sub(" ", p[: find_dates(p)[0][0]]))]
    others = [p for p in parts if p not in dated]
    return bool(dated) and all(is_byline(p) or (len(p.split()) <= 8 and not _ends_with(p, _SENTENCE_END))
                               for p in others)


def _agency_dateline(line: str) -> str | None:
    """The full date inside an agency stamp that opens a paragraph, or None.

    >>> _agency_dateline("Moscow, (APP - Point News - 9th Oct, 2024) Russia's ministry said.")
    '2024-10-09'
    >>> _agency_dateline("Sudzha (a town) was taken on 9 October 2024.") is None
    True
    >>> _agency_dateline("Sudzha, (Kursk region, 6 August 2024) was hit.") is None
    True
    """
    match = _AGENCY_DATELINE.match(line)
    return parse_date(match["stamp"]) if match else None


def _trailing_date(line: str) -> str | None:
    """The date a headline line ends with when the date, its weekday and time stand apart.

    >>> _trailing_date("Troops advance near Sumy Sunday, June 8, 2025 10:16:07 AM")
    '2025-06-08'
    >>> _trailing_date("Troops advance near Sumy since June 8, 2025 and hold") is None
    True
    >>> _trailing_date("Troops have held Sudzha since August 6, 2024") is None
    True
    """
    dates = find_dates(line)
    if not dates:
        return None
    start, _, iso = dates[-1]
    weekday = _WEEKDAY_BEFORE.search(line[:start])
    cut = weekday.start() if weekday else start
    # A stamp has a weekday or a time; "… since August 6, 2024" is the story's own date.
    stamped = weekday or _TIME.search(line[cut:])
    if not stamped or not is_date_line(line[cut:]) or len(line[:cut].split()) < 3:
        return None
    return iso


def _yearless_dateline(line: str) -> tuple[int, int] | None:
    """(month, day) of a dateline or date line that states no year, or None.

    >>> _yearless_dateline("MOSCOW, September 16. /TASS/. The ministry said troops moved.")
    (9, 16)
    >>> _yearless_dateline("14 листопада, 12:30")
    (11, 14)
    >>> _yearless_dateline("Troops entered Sudzha on August 6, officials said.") is None
    True
    """
    stripped = line.strip()
    # Both patterns need a digit for the day; most lines have none.
    if not _DIGIT.search(stripped) or find_dates(stripped):
        return None
    for gate in _YEARLESS_CUED:
        match = gate.search(stripped)
        if not match:
            continue
        number = _MONTHS.get(match["month"].lower().rstrip("."))
        if number is None or not 1 <= int(match["day"]) <= 31:
            continue
        before, after = stripped[: match.start()], stripped[match.end():]
        dateline = _DATELINE_HEAD.match(before) and _DATELINE_TAIL.match(after)
        bare = len(stripped) <= 60 and not re.sub(r"[\W\d_]+", "", _DATE_LINE_WORDS.sub(
            " ", _TIME.sub(" ", before + " " + after)))
        if dateline or bare:
            return number, int(match["day"])
    return None


def _furniture_year(lines: list[str], url: str | None) -> int | None:
    """The one year the page's furniture states: a copyright line, a year in the address.

    Two different years, or none, give None: a day and month are never completed with a
    year that is guessed.
    """
    years = {int(m["year"]) for line in lines for m in _COPYRIGHT_YEAR.finditer(line)}
    if url:
        years |= {int(y) for y in re.findall(r"/((?:19|20)\d{2})(?=/)", url)}
    years &= set(_YEARS)
    return years.pop() if len(years) == 1 else None


def date_from_url(url: str | None) -> str | None:
    """The date a news address files its story under ("/2024/08/14/", "/2024-08-14-…").

    >>> date_from_url("https://example.org/eng/news/2024/12/19/7489788/")
    '2024-12-19'
    >>> date_from_url("https://example.org/news/229442/title") is None
    True
    """
    if not url:
        return None
    match = _URL_DATE.search(url.split("?", 1)[0])
    return _to_iso(match["year"], match["month"], match["day"]) if match else None


def guess_url(text: str) -> str | None:
    r"""The article's address when a head or foot line gives it, else None.

    A line labelled "Source:", "URL:", "Источник:", "Джерело:" … followed by an address,
    or a line that is nothing but an address, among the first and last three lines.

    >>> guess_url("Source: https://example.org/news/1\nHeadline\nBody.")
    'https://example.org/news/1'
    >>> guess_url("Headline\nRead it at https://example.org/a today, he said.\nBody.") is None
    True
    """
    spans = paragraph_spans(text)
    for start, end in spans[:3] + spans[-3:]:
        line = text[start:end].strip()
        match = _URL.search(line)
        if match and (not line[: match.start()].strip() or _URL_LABEL.match(line[: match.start()])) \
                and not line[match.end():].strip():
            return match.group().rstrip(".,;")
    return None


#: Outlets known by their web address: a host (or a parent domain of it) → the outlet's name.
#: Data, not rules: a host missing here still names the outlet by itself ("example.org").
KNOWN_HOSTS: dict[str, str] = {
    "tass.com": "TASS", "tass.ru": "TASS", "ria.ru": "RIA Novosti", "interfax.ru": "Interfax",
    "kommersant.ru": "Kommersant", "rbc.ru": "RBC", "lenta.ru": "Lenta.ru", "iz.ru": "Izvestia",
    "meduza.io": "Meduza", "reuters.com": "Reuters", "apnews.com": "AP", "afp.com": "AFP",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "cnn.com": "CNN", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "newsweek.com": "Newsweek", "aljazeera.com": "Al Jazeera", "dw.com": "DW",
    "france24.com": "France 24", "euronews.com": "Euronews", "rferl.org": "RFE/RL",
    "kyivindependent.com": "The Kyiv Independent", "kyivpost.com": "Kyiv Post",
    "pravda.com.ua": "Ukrainska Pravda", "ukrinform.ua": "Ukrinform", "ukrinform.net": "Ukrinform",
    "suspilne.media": "Suspilne", "understandingwar.org": "Institute for the Study of War",
    "defense.gov": "U.S. Department of Defense", "yna.co.kr": "Yonhap", "kbs.co.kr": "KBS",
    "nknews.org": "NK News",
}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet an address names: a known host's name, else the bare host.

    >>> outlet_from_url("https://tass.com/politics/1"), outlet_from_url("https://www.Example.org:443/a")
    ('TASS', 'example.org')
    >>> outlet_from_url("https://news.kbs.co.kr/view"), outlet_from_url("not an address")
    ('KBS', None)
    """
    match = re.match(r"^https?://(?:[^/@\s]*@)?(?P<host>[^/:?#\s]+)", url or "", re.IGNORECASE)
    if not match:
        return None
    host = match["host"].lower().rstrip(".")
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = KNOWN_HOSTS.get(".".join(labels[i:]))
        if name:
            return name
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host) if "." in host else None


def _completed_dateline(text: str, head: list[tuple[int, int]], tail: list[tuple[int, int]],
                        url: str | None) -> list[tuple[int, str]]:
    """The first head line's year-less dateline completed by the furniture's one year, ranked 6."""
    furniture = [text[s:e] for s, e in head + tail]
    year = None
    for line in (text[s:e] for s, e in head):
        month_day = _yearless_dateline(line)
        year = year or (_furniture_year(furniture, url) if month_day else None)
        if month_day and year:
            iso = _to_iso(str(year), str(month_day[0]), str(month_day[1]))
            return [(6, iso)] if iso else []
    return []


def guess_published(text: str, url: str | None = None) -> str | None:
    r"""Find the publication date the page's furniture states, as ISO ``YYYY-MM-DD``.

    The first 15 lines are read, then the address, then the last five lines (there only
    a "Published …" line or a byline: a teaser of another story shows its date). A byline, a
    "Published …" / "Updated …" line, a line that is only a date, a strip of furniture
    with a date ("Nov. 18, 2024 | By …"), a dateline (upper-case or an agency stamp), or
    a headline that ends in its date counts; a sentence of the story about events never
    does. A "Published" date wins over a byline's, both over an "Updated" one, all over
    the headline's, the address's, a year-less dateline completed by the one year the
    furniture states, and the foot's.

    Parameters
    ----------
    text
        The article text.
    url
        The article's address, when known: "/2024/08/14/" in it is a date.

    Returns
    -------
    str or None
        None when no such line states a date ("2 hours ago" states none).

    Examples
    --------
    >>> guess_published("Headline\nby The Kyiv Independent news desk Feb 14, 2025 1:11 PM\nBody.")
    '2025-02-14'
    >>> guess_published("The Spokesman-Review\nSpokane  Est. May 19, 1883\nHeadline") is None
    True
    >>> guess_published("Troops entered Sudzha on August 6, 2024, officials said.") is None
    True
    >>> guess_published("Russian Offensive Campaign Assessment, December 18, 2024\n\nFighting went on.")
    '2024-12-18'
    >>> guess_published("KYIV, Feb 14 (Agency) - Troops moved, he said.\n© 2025 Agency")
    '2025-02-14'
    """
    spans = paragraph_spans(text)
    head, tail = spans[:HEAD_LINES], spans[HEAD_LINES:][-TAIL_LINES:]
    found: list[tuple[int, str]] = []
    for index, (start, end) in enumerate(head):
        dated = _line_date(text[start:end], is_headline=index == 0)
        if dated:
            found.append(dated)
    from_url = date_from_url(url)
    if from_url:
        found.append((5, from_url))
    if not found:
        # A year-less dateline ranks 6, below every date found so far (ranks 0-5), and the
        # first of equal ranks wins: it is only looked for when nothing else is (issue 14).
        found += _completed_dateline(text, head, tail, url)
    for start, end in tail:
        # Only a labelled line or a byline: a bare date at the foot may be a teaser's.
        dated = _line_date(text[start:end])
        if dated and (dated[0] == 0 or is_byline(text[start:end])):
            found.append((10 + dated[0], dated[1]))
    return min(found, key=lambda item: item[0])[1] if found else None


_UKRAINIAN = "іїєґІЇЄҐ"
_RUSSIAN = "ыэъёЫЭЪЁ"
# Runs, not single letters: the regex engine returns one match per word instead of one
# per letter, and the lengths add up to the same count (issue 14).
_CYRILLIC_RUN = compile_pattern(r"[\u0400-\u04ff]+")
_LATIN_RUN = compile_pattern(r"[A-Za-z]+")
_ENGLISH_WORDS = compile_pattern(r"\b(?:the|and|of|to|in|is|was|were|that|said|for|with|on)\b",
                            re.IGNORECASE)


def _count(text: str, letters: str) -> int:
    """How many characters of ``text`` are one of ``letters``."""
    return sum(text.count(letter) for letter in letters)


def guess_language(text: str) -> str:
    """'ru', 'uk', 'en' or 'und', from the script and a few telltale letters and words.

    Cyrillic text is Ukrainian when і ї є ґ outnumber ы э ъ ё, else Russian; Latin text
    is English when English function words make up a fair share of its words.

    >>> guess_language("Бої тривають біля Суджі, ЗСУ утримують позиції.")
    'uk'
    >>> guess_language("Бои продолжаются у Суджи, ВСУ удерживают позиции.")
    'ru'
    >>> guess_language("Fighting goes on near Sudzha, the ministry said.")
    'en'
    >>> guess_language("12 345 --")
    'und'
    """
    sample = text[:20000]
    cyrillic = sum(map(len, _CYRILLIC_RUN.findall(sample)))
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    if cyrillic == latin == 0:
        return "und"
    if cyrillic > latin:
        return "uk" if _count(sample, _UKRAINIAN) > _count(sample, _RUSSIAN) else "ru"
    words = max(1, len(sample.split()))
    return "en" if len(_ENGLISH_WORDS.findall(sample)) * 25 >= words else "und"
