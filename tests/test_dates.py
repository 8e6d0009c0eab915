"""Tests for geo.dates: the date a claim refers to, in English, Russian and Ukrainian.

Every sentence is written for the test; the publication date is a Friday, 2024-12-20.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.dates import RELATIVE_PHRASES, claim_date, reported_date
from geo.model import DatePrecision

PUBLISHED = "2024-12-20"
DAY, WEEK, MONTH = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH


def _date(sentence: str, published: str | None = PUBLISHED) -> tuple[str | None, DatePrecision | None]:
    return reported_date(sentence, (0, len(sentence)), published)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a figure's own period: a daily figure covers the day before publication
    pytest.param("Over the past 24 hours Russia lost 300 soldiers.", ("2024-12-19", DAY), id="past 24 hours"),
    pytest.param("In the past day 40 soldiers were killed near Sudzha.", ("2024-12-19", DAY), id="past day"),
    pytest.param("За минувшие сутки ВСУ потеряли 120 военнослужащих.", ("2024-12-19", DAY), id="за сутки"),
    pytest.param("За сутки противник потерял до 200 военных.", ("2024-12-19", DAY), id="за сутки bare"),
    pytest.param("За минулу добу ворог втратив 1 200 осіб.", ("2024-12-19", DAY), id="за минулу добу"),
    # days named relative to publication
    pytest.param("Two civilians were killed yesterday in Rylsk.", ("2024-12-19", DAY), id="yesterday"),
    pytest.param("The day before yesterday two soldiers died.", ("2024-12-18", DAY), id="day before yesterday"),
    pytest.param("Позавчера погибли двое мирных жителей.", ("2024-12-18", DAY), id="позавчера"),
    pytest.param("Учора загинули двоє цивільних.", ("2024-12-19", DAY), id="учора"),
    pytest.param("Сегодня ранены три человека.", ("2024-12-20", DAY), id="сегодня"),
    pytest.param("Officials said on Monday that 30 were wounded.", ("2024-12-16", DAY), id="weekday"),
    # explicit days, and a span of days dated by its first
    pytest.param("Ukraine said its forces killed 30 on Dec. 14 and 15.", ("2024-12-14", DAY), id="Dec. 14 and 15"),
    pytest.param("14–15 декабря погибли 30 военных.", ("2024-12-14", DAY), id="14–15 декабря"),
    pytest.param("Генштаб повідомив 11 грудня про втрати.", ("2024-12-11", DAY), id="11 грудня"),
    pytest.param("On Dec. 28 forty soldiers were killed.", ("2023-12-28", DAY), id="future day is last year"),
    # periods longer than a day
    pytest.param("Over the past week Russia lost 2,000 soldiers.", ("2024-12-13", WEEK), id="past week"),
    pytest.param("За тиждень ворог втратив 2 тис. осіб.", ("2024-12-13", WEEK), id="за тиждень"),
    pytest.param("За неделю противник потерял 1 500 военных.", ("2024-12-13", WEEK), id="за неделю"),
    pytest.param("Last month 300 North Korean soldiers died.", ("2024-11", MONTH), id="last month"),
    pytest.param("Минулого місяця загинули 300 військових.", ("2024-11", MONTH), id="минулого місяця"),
    # nothing in the sentence: the publication date
    pytest.param("Officials said 300 soldiers died.", (PUBLISHED, DAY), id="no date words"),
])
def test_date_words(sentence: str, expected: tuple[str, DatePrecision]) -> None:
    assert _date(sentence) == expected


def test_without_a_publication_date_only_a_full_date_counts() -> None:
    assert _date("Two soldiers died yesterday.", None) == (None, None)
    assert _date("On Dec. 14, 2024 two soldiers died.", None) == ("2024-12-14", DAY)


def test_a_malformed_publication_date_is_no_date() -> None:
    assert _date("Two soldiers died yesterday.", "20-12-2024") == (None, None)


def test_the_claims_own_words_come_before_its_sentence() -> None:
    text = "Zelensky said on Monday that over the past day 300 soldiers were killed."
    claim = (text.index("over"), len(text) - 1)
    assert claim_date(text, claim, (0, len(text)), PUBLISHED) == ("2024-12-19", DAY)
    said = "Zelensky said on Monday that 300 soldiers were killed."
    assert claim_date(said, (said.index("300"), len(said) - 1), (0, len(said)), PUBLISHED) == ("2024-12-16", DAY)


def test_a_longer_phrase_wins_over_the_phrase_inside_it() -> None:
    # "the day before yesterday" holds "yesterday": the table lists the longer one first.
    patterns = [p for p, _, _ in RELATIVE_PHRASES]
    assert patterns.index(next(p for p in patterns if "before" in p)) < patterns.index(
        next(p for p in patterns if p.startswith("yesterday")))


@given(st.text(max_size=200), st.sampled_from([PUBLISHED, None, "2025-02-29", ""]))
def test_any_text_gives_a_valid_date_or_none(text: str, published: str | None) -> None:
    found, precision = reported_date(text, (0, len(text)), published)
    assert (found is None) == (precision is None)
    if found is not None:
        assert len(found) in (7, 10)


@pytest.mark.parametrize("sentence", [
    "Еще пятеро получили ранения, среди них ребенок.",
    "Ще п'ятеро зазнали поранень, серед них дитина.",
    "Бойцы освободили Среднюю Ольшанку.",
    "Под Среднее Общество уничтожены около семи военных.",
])
def test_among_and_a_middle_village_are_no_wednesday(sentence: str) -> None:
    # "среди"/"серед" (among) and "Средняя" (a village's adjective) share Wednesday's stem
    assert claim_date(sentence, (0, len(sentence)), (0, len(sentence)), "2025-03-10") == (
        "2025-03-10", DatePrecision.DAY)


@pytest.mark.parametrize("sentence", ["В среду пятеро получили ранения.", "У середу п'ятеро зазнали поранень."])
def test_wednesday_in_its_own_forms_still_dates_the_claim(sentence: str) -> None:
    assert claim_date(sentence, (0, len(sentence)), (0, len(sentence)), "2025-03-10") == (
        "2025-03-05", DatePrecision.DAY)
