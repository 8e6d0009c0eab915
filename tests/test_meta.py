"""Tests of geo.meta: dates, headline, outlet and language read from an article's head."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import meta
from geo.chrome import find_chrome

BODY = "Troops entered the village on Monday, officials said."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("February 14, 2025", "2025-02-14", id="Month D, YYYY"),
        pytest.param("Feb. 14, 2025", "2025-02-14", id="Mon. D, YYYY"),
        pytest.param("Sept. 9, 2024", "2024-09-09", id="Sept."),
        pytest.param("14 February 2025", "2025-02-14", id="D Month YYYY"),
        pytest.param("14th of February, 2025", "2025-02-14", id="Dth of Month"),
        pytest.param("2025-02-14", "2025-02-14", id="ISO"),
        pytest.param("2025-02-14T13:11:00+02:00", "2025-02-14", id="ISO timestamp"),
        pytest.param("2025/02/14", "2025-02-14", id="YYYY/MM/DD"),
        pytest.param("14.02.2025", "2025-02-14", id="DD.MM.YYYY"),
        pytest.param("14 февраля 2025 г.", "2025-02-14", id="Russian"),
        pytest.param("14 лютого 2025 року", "2025-02-14", id="Ukrainian"),
        pytest.param("on Saturday", None, id="weekday alone"),
        pytest.param("Feb. 14", None, id="no year"),
        pytest.param("February 30, 2025", None, id="impossible day"),
        pytest.param("May 19, 1883", None, id="founding year"),
        pytest.param("14.02.25", None, id="two-digit year"),
        pytest.param("2,000-3,000 troops", None, id="figure range"),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert meta.parse_date(text) == iso


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        pytest.param("by The Kyiv Independent news desk February 14, 2025 1:11 PM 2 min read", "2025-02-14",
                     id="byline with date"),
        pytest.param("Published: 14 February 2025 10:00 GMT", "2025-02-14", id="published line"),
        pytest.param("Опубликовано 14 февраля 2025, 13:11", "2025-02-14", id="опубликовано"),
        pytest.param("14 лютого 2025, 12:00", "2025-02-14", id="date line uk"),
        pytest.param("Friday, Feb. 14, 2025", "2025-02-14", id="weekday and date"),
        pytest.param("KYIV, Ukraine, Feb. 14, 2025 — Troops crossed the border.", "2025-02-14", id="dateline"),
        pytest.param("KYIV, Feb. 14, 2025 — Fighting has raged since August.", "2025-02-14",
                     id="dateline with since"),
        pytest.param("Updated 2025-02-15 09:00", "2025-02-15", id="updated only"),
        pytest.param("Updated Feb. 16, 2025\nPublished Feb. 14, 2025", "2025-02-14", id="published beats updated"),
        pytest.param("Spokane, Washington  Est. May 19, 1883", None, id="founding date"),
        pytest.param("The Daily Ledger, founded on March 3, 1998", None, id="founded recently"),
        pytest.param("Zelensky said on Saturday that 300 were killed.", None, id="weekday"),
        pytest.param("The incursion began on August 6, 2024, officials said.", None, id="date in a sentence"),
    ],
)
def test_guess_published(head: str, iso: str | None) -> None:
    text = f"Russian forces push toward Sudzha\n{head}\n{BODY}\n"
    assert meta.guess_published(text) == iso


def test_guess_published_reads_the_head_and_the_foot_not_the_middle() -> None:
    middle = "Headline of the story\n" + f"{BODY}\n" * 20 + "Published February 14, 2025\n" + f"{BODY}\n" * 20
    foot = "Headline of the story\n" + f"{BODY}\n" * 20 + "Published February 14, 2025\n"
    assert meta.guess_published(middle) is None
    assert meta.guess_published(foot) == "2025-02-14"


def test_a_bare_date_at_the_foot_is_a_teasers_not_the_article_s() -> None:
    text = "Headline of the story\n" + f"{BODY}\n" * 20 + "Another story about a depot\nMarch 3, 2025\n"
    assert meta.guess_published(text) is None


def test_a_head_date_beats_the_foot() -> None:
    text = "Headline of the story\nMarch 3, 2025\n" + f"{BODY}\n" * 20 + "Updated: 2025-03-09\n"
    assert meta.guess_published(text) == "2025-03-03"


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        pytest.param("By David Brown Kyiv Post", "Kyiv Post", id="name then outlet"),
        pytest.param("By Anna K. Lee Daily Ledger", "Daily Ledger", id="initial"),
        pytest.param("By John Smith, Reuters", "Reuters", id="comma"),
        pytest.param("By Jane Doe for Al Jazeera", "Al Jazeera", id="for"),
        pytest.param("By Jane Doe | Kyiv Post | Feb 3, 2025", "Kyiv Post", id="pipes and date"),
        pytest.param("by The Kyiv Independent news desk February 14, 2025 1:11 PM", "The Kyiv Independent",
                     id="news desk"),
        pytest.param("By The Associated Press", "The Associated Press", id="agency"),
        pytest.param("The Valley Chronicle Newspaper\nRussian forces push toward Sudzha", "The Valley Chronicle",
                     id="masthead"),
        pytest.param("By Mary Ann Evans", None, id="three-word name"),
        pytest.param("By John Smith, Senior Correspondent", None, id="job title"),
        pytest.param("Автор: Иван Петров", None, id="author only"),
    ],
)
def test_guess_publisher(head: str, publisher: str | None) -> None:
    assert meta.guess_publisher(f"{head}\n{BODY}\n") == publisher


def test_guess_publisher_reads_a_credit_line_at_the_end() -> None:
    assert meta.guess_publisher(f"Headline of the story\n{BODY}\nCredit: Newsweek\n") == "Newsweek"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(f"Skip to content\nEdit post\n\nRussia says it retook Sudzha\n{BODY}",
                     "Russia says it retook Sudzha", id="after navigation"),
        pytest.param(f"The Valley Chronicle Newspaper\nRiverton  Est. May 1, 1901\nKyiv says it holds Sudzha\n{BODY}",
                     "Kyiv says it holds Sudzha", id="after masthead"),
        pytest.param(f"Nearly a third of the troops killed or wounded: Zelensky\n{BODY}",
                     "Nearly a third of the troops killed or wounded: Zelensky", id="colon inside"),
        pytest.param(f"{BODY}\nAnother line here\n", None, id="starts with the body"),
        pytest.param("Key Developments:\nMore text follows here.", None, id="section heading"),
        pytest.param("", None, id="empty"),
    ],
)
def test_guess_title(text: str, title: str | None) -> None:
    assert meta.guess_title(text, find_chrome(text)) == title


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Бои продолжаются у Суджи, ВСУ несут потери, сообщили в Минобороны.", "ru", id="russian"),
        pytest.param("Бої тривають біля Суджі, ЗСУ утримують позиції, повідомили в Генштабі.", "uk", id="ukrainian"),
        pytest.param("Fighting goes on near Sudzha, the ministry said on Monday.", "en", id="english"),
        pytest.param("Die Kämpfe bei Sudscha dauern an, sagte das Ministerium.", "und", id="german"),
        pytest.param("2025 — 300 / 1 200", "und", id="no letters"),
        pytest.param("", "und", id="empty"),
    ],
)
def test_guess_language(text: str, language: str) -> None:
    assert meta.guess_language(text) == language


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("By David L. Stern Washington Post", True, id="byline"),
        pytest.param("Автор: Иван Петров", True, id="автор"),
        pytest.param("By the end of the week, troops had left.", False, id="sentence"),
        pytest.param("by rail and by road", False, id="lower case"),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert meta.is_byline(line) is expected


@given(st.text(max_size=300))
def test_guesses_never_fail(text: str) -> None:
    chrome = find_chrome(text)
    published = meta.guess_published(text)
    assert published is None or meta.parse_date(published) == published
    assert meta.guess_language(text) in {"ru", "uk", "en", "und"}
    for value in (meta.guess_title(text, chrome), meta.guess_publisher(text)):
        assert value is None or (value.strip() and "\n" not in value)


# --- issue 14: the shortcuts give what the full patterns gave ------------------------------

_DATE_ALPHABET = list("0123456789 .,-/:") + ["May ", "Feb. ", "марта ", "лютого ", "2025", "th ", "of "]


def _dates_unguarded(text: str) -> list[tuple[int, int, str]]:
    """``find_dates`` without its four-digit shortcut: every pattern run on every text."""
    guard = meta._YEAR_DIGITS
    meta._YEAR_DIGITS = re.compile("")  # matches every text
    try:
        return meta.find_dates(text)
    finally:
        meta._YEAR_DIGITS = guard


@given(st.lists(st.sampled_from(_DATE_ALPHABET), max_size=12).map("".join))
def test_find_dates_shortcut_changes_nothing(text: str) -> None:
    assert meta.find_dates(text) == _dates_unguarded(text)


@pytest.mark.parametrize("line", [
    "Troops left the town, officials said on May 5, 2025",
    "Войска покинули город 5 марта 2025",
    "Війська залишили місто 5.03.2025",
    "Updated 2025-03-05",
])
def test_find_dates_shortcut_keeps_dates_at_the_end_of_a_line(line: str) -> None:
    assert meta.find_dates(line) == _dates_unguarded(line) != []


@pytest.mark.parametrize("line", [
    "Published on Monday at noon",
    "Опубликовано в понедельник",
    "Оновлено у понеділок",
])
def test_a_line_without_digits_is_no_date_line(line: str) -> None:
    assert not meta.is_date_line(line) and meta.find_dates(line) == []


def _language_by_letters(text: str) -> str:
    """``guess_language`` as it counted before issue 14: one regex match per letter."""
    sample = text[:20000]
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    if cyrillic == latin == 0:
        return "und"
    if cyrillic > latin:
        uk, ru = len(re.findall(r"[іїєґІЇЄҐ]", sample)), len(re.findall(r"[ыэъёЫЭЪЁ]", sample))
        return "uk" if uk > ru else "ru"
    words = max(1, len(sample.split()))
    return "en" if len(meta._ENGLISH_WORDS.findall(sample)) * 25 >= words else "und"


@given(st.lists(st.sampled_from(["abc", " the", " and ", "Ыы", "эъё", "іїєґ", " Бои ", "Бої", " 12", "."]), max_size=20)
       .map("".join))
def test_language_counts_by_runs_as_by_letters(text: str) -> None:
    assert meta.guess_language(text) == _language_by_letters(text)


@pytest.mark.parametrize(
    ("text", "url", "iso"),
    [
        pytest.param("Drones hit a depot near Lgov Tuesday, March 4, 2025 9:05:11 PM\n" + BODY, None,
                     "2025-03-04", id="headline ending in weekday, date and time"),
        pytest.param("Drones hit a depot near Lgov\nMar. 4, 2025 | By Jane Roe, Example Daily\n" + BODY, None,
                     "2025-03-04", id="date and byline strip"),
        pytest.param("Drones hit a depot near Lgov\nOMSK, (XYZ - Example Wire - 4th Mar, 2025) Drones hit a "
                     "depot, officials said on Tuesday.", None, "2025-03-04", id="agency stamp"),
        pytest.param("Дроны атаковали склад под Льговом\nОпубликовано: 4 марта 2025\n" + BODY, None,
                     "2025-03-04", id="Russian published label"),
        pytest.param("Дрони атакували склад біля Льгова\nОновлено 4 березня 2025 року, 21:05\n" + BODY, None,
                     "2025-03-04", id="Ukrainian updated line with року"),
        pytest.param("Дроны атаковали склад под Льговом\n04.03.2025 в 21:05\n" + BODY, None, "2025-03-04",
                     id="Russian date at a time"),
        pytest.param("Дрони атакували склад біля Льгова\n4 березня 2025 о 21:05\n" + BODY, None, "2025-03-04",
                     id="Ukrainian date at a time"),
        pytest.param("Drones hit a depot near Lgov\nMarch 4, 2025 / 9:05 PM ET / Updated 2 hours ago\n" + BODY,
                     None, "2025-03-04", id="date, time zone and a relative update"),
        pytest.param("Дроны атаковали склад под Льговом\nВ Курской области 4 марта 2025 года\n" + BODY, None,
                     None, id="Russian phrase with a date is not a date line"),
        pytest.param("Drones hit a depot near Lgov\n2 hours ago\n" + BODY, None, None,
                     id="relative time states no date"),
        pytest.param("Drones hit a depot near Lgov\n" + BODY, "https://example.org/news/2025/03/04/depot/",
                     "2025-03-04", id="date in the address"),
        pytest.param("Drones hit a depot near Lgov\n" + BODY, "https://example.org/news/184233/depot", None,
                     id="address without a date"),
        pytest.param("Дрони атакували склад біля Льгова\n4 березня, 21:05\n" + BODY, None, None,
                     id="Ukrainian day-month without a year stays unknown"),
        pytest.param("Дрони атакували склад біля Льгова\n4 березня, 21:05\n" + BODY + "\n© 2025 Приклад", None,
                     "2025-03-04", id="year-less date completed by the copyright year"),
        pytest.param("OMSK, March 4. /XYZ/. Drones hit a depot, officials said.", None, None,
                     id="year-less dateline stays unknown"),
        pytest.param("OMSK, March 4. /XYZ/. Drones hit a depot, officials said.",
                     "https://example.org/2025/politics/184233", "2025-03-04",
                     id="year-less dateline completed by the address's year"),
        pytest.param("OMSK, March 4. /XYZ/. Drones hit a depot, officials said.\n© 2024 XYZ",
                     "https://example.org/2025/politics/184233", None, id="two furniture years: unknown"),
        pytest.param("Drones hit a depot near Lgov\nOn March 4, officials said 2024 was quiet.\n", None, None,
                     id="story sentence with a day-month"),
    ],
)
def test_guess_published_other_furniture(text: str, url: str | None, iso: str | None) -> None:
    assert meta.guess_published(text, url) == iso


@pytest.mark.parametrize(
    ("text", "url"),
    [
        pytest.param("Source: https://example.org/a/1\nHeadline\n" + BODY, "https://example.org/a/1", id="label"),
        pytest.param("Джерело: https://example.org/a/1\nЗаголовок\n" + BODY, "https://example.org/a/1",
                     id="Ukrainian label"),
        pytest.param("Headline\n" + BODY + "\nhttps://example.org/a/1.", "https://example.org/a/1",
                     id="bare last line"),
        pytest.param("Headline\nSee https://example.org/a/1 for the video, he said.\n" + BODY, None,
                     id="address inside a sentence"),
    ],
)
def test_guess_url(text: str, url: str | None) -> None:
    assert meta.guess_url(text) == url


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        pytest.param("https://tass.com/politics/1", "TASS", id="known host"),
        pytest.param("https://www.pravda.com.ua/eng/news/1/", "Ukrainska Pravda", id="www and a country domain"),
        pytest.param("https://news.kbs.co.kr/news/view.do?ncd=1", "KBS", id="subdomain of a known host"),
        pytest.param("https://www.example-news.org:443/story", "example-news.org", id="unknown host is bare"),
        pytest.param("ftp://example.org/a", None, id="not a web address"),
        pytest.param(None, None, id="no address"),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert meta.outlet_from_url(url) == outlet


def test_outlet_from_the_url_line_when_the_text_names_none() -> None:
    from geo.corpus import document_from_bytes

    text = f"Drones hit a depot near Lgov\n{BODY}\nSource: https://www.tass.com/2025/03/04/x\n"
    doc = document_from_bytes(text.encode(), "a.txt")
    assert (doc.meta.publisher, doc.meta.url, doc.meta.published) == (
        "TASS", "https://www.tass.com/2025/03/04/x", "2025-03-04")


def test_a_byline_sharing_its_line_with_a_date_names_the_outlet() -> None:
    text = f"Drones hit a depot near Lgov\nMar. 4, 2025 | By Jane Roe, Example News\n{BODY}\n"
    assert meta.guess_publisher(text) == "Example News"
    assert meta.guess_published(text) == "2025-03-04"


# --- issue 14: a year-less dateline is looked for only when no surer date is found ----------


def _counting_yearless(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    read = meta._yearless_dateline

    def counted(line: str) -> tuple[int, int] | None:
        seen.append(line)
        return read(line)

    monkeypatch.setattr(meta, "_yearless_dateline", counted)
    return seen


@pytest.mark.parametrize(("text", "iso", "lines_read"), [
    pytest.param("Headline of the story\nPublished February 14, 2025\nMOSCOW, March 3. /TASS/. "
                 f"{BODY}\n© 2025 TASS", "2025-02-14", 0, id="a published line: no dateline read"),
    pytest.param("Headline of the story\nMOSCOW, March 3. /TASS/. Troops moved.\n© 2025 TASS",
                 "2025-03-03", 2, id="nothing surer: the dateline, completed by the furniture's year"),
    pytest.param("Headline of the story\nMOSCOW, March 3. /TASS/. Troops moved.", None, 2,
                 id="no year anywhere: undated"),
])
def test_issue_14_a_yearless_dateline_is_read_only_when_nothing_surer_is_found(
        monkeypatch: pytest.MonkeyPatch, text: str, iso: str | None, lines_read: int) -> None:
    seen = _counting_yearless(monkeypatch)
    assert meta.guess_published(text) == iso
    assert len(seen) == lines_read


@pytest.mark.parametrize("line", ["MOSCOW, September 16. /TASS/.", "14 листопада, 12:30", "No digits at all",
                                  "KYIV, Feb 14 (Reuters) -", "٣ March", "September ١٦."])
def test_issue_14_the_digit_shortcut_of_yearless_datelines_changes_nothing(line: str) -> None:
    """Both year-less patterns need a digit (``\\d``, any script's): a line without one has none."""
    found = [gate.pattern.search(line) for gate in meta._YEARLESS_CUED]
    if meta._DIGIT.search(line) is None:
        assert found == [None, None]
        assert meta._yearless_dateline(line) is None
