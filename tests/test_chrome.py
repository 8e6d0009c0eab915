"""Tests of geo.chrome: which lines of a saved news page are furniture.

Each case is a page written for the test in the style of news sites (English and
Russian); ``chrome`` lists lines that must be furniture and ``body`` lines that must not.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.chrome import find_chrome
from geo.model import Document, Source


def _lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]


def chrome_lines(text: str) -> set[str]:
    """Return the lines of ``text`` that lie mostly inside a chrome span."""
    doc = Document(meta=Source(source="t.txt", sha256="0"), text=text, chrome=find_chrome(text))
    found = set()
    for line in _lines(text):
        start = text.index(line)
        if doc.is_chrome(start, start + len(line)):
            found.add(line)
    return found


def assert_spans_valid(text: str, spans: tuple[tuple[int, int], ...]) -> None:
    """Sorted, disjoint, non-empty spans inside the text."""
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        last = end


ENGLISH_PAGE = """Skip to content
Share Facebook Twitter Email

Russian forces push toward Sudzha as losses mount

By Anna Kowalska Daily Ledger
Published February 14, 2025
Soldiers walk past a damaged building in Sudzha, Kursk region, on Feb. 10, 2025. (Jane Roe/AFP via Getty Images)
This audio is created with AI assistance

Russian forces lost up to 300 soldiers in two days of fighting near Sudzha, Ukraine's General Staff said on Friday.

The figure could not be independently verified, and Moscow did not comment.

"The enemy keeps attacking in small groups," a Ukrainian officer told reporters.

Earlier this week, officials said 1,200 troops had been moved into the area.

Ukraine's grain exports rise despite attacks on Odesa ports
Shipments grew by a fifth in January, the agriculture ministry said.

Latest news

3:15 PM

Parliament debates new mobilisation rules.

Lawmakers are expected to vote next week on a bill that would lower the draft age.
MORE NEWS

Enter your email to subscribe
* indicates required
Subscribe
* indicates required
Subscribe
"""

RUSSIAN_PAGE = """Перейти к содержанию
Главное
Бои в Курской области: ВСУ потеряли до 200 военных
14 февраля 2025, 13:11
Фото: пресс-служба Минобороны России

Подразделения группировки «Север» отразили шесть атак в районе Суджи, сообщило Минобороны России.

По данным ведомства, потери ВСУ за сутки составили до 200 военнослужащих.

Читайте также: Губернатор рассказал о ремонте дорог в Курске

Кроме того, уничтожены два танка и три бронемашины, добавили в министерстве.

В Курской области продолжает действовать режим контртеррористической операции.

Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости.

В Белгороде открыли новый мост через реку
Движение по мосту запустили в пятницу утром, сообщила мэрия.
Лента новостей
12:40
"""

HEADINGS_PAGE = """Zelensky says North Korean losses near Kursk reach 4,000

Ukraine's president said on Friday that North Korean troops had suffered heavy losses.

Key Developments:
About 3,800 North Korean soldiers have been killed or wounded in the region.
In one battle, Moscow lost up to a battalion of troops.
Background:
North Korea sent about 11,000 soldiers to Russia in the autumn.
What Comes Next
Officials expect the losses to rise as the fighting goes on.
Analysts say more troops may be sent in the spring.
Kyiv has asked its allies for more air defence systems.
Credit: Daily Ledger
"""

MASTHEAD_PAGE = """Arrow-right Camera
The Valley Chronicle Newspaper
Riverton, Ohio  Founded 1901

Ukraine says it captured two soldiers in Kursk region

By John Smith Chronicle Wire Service

KYIV – Ukrainian forces captured two soldiers during fighting in Russia's Kursk region, officials said Sunday.

"They were taken near the border," a spokesman said.
"""

PROMO_PAGE = """Hundreds of troops were moved to the border, officials said on Monday.

Up to 500 soldiers arrived near Korenevo over the weekend, the regional governor said.

Catch the latest world news and updates on Ledger Live. Download the Ledger News App to get daily market updates.
"""

NO_CHROME_PAGE = """Fighting continues near Sudzha

Russian officials said 40 soldiers were killed near the town on Monday.

A second attack was repelled, the ministry said in an email to reporters.

What comes next
Analysts expect further attacks in the coming weeks.
"""

READ_MORE_PAGE = """Drone attack hits Kursk power station

A drone struck a power station in Kursk overnight, injuring three workers, the governor said.

Read more
Governor announces new shelters for border villages

Repair crews restored power to most homes by the morning, the utility said.

Officials said 12 drones had been shot down over the region.

Residents were told to stay indoors until the all-clear.
"""

CASES = [
    pytest.param(
        ENGLISH_PAGE,
        ["Skip to content", "Share Facebook Twitter Email", "By Anna Kowalska Daily Ledger",
         "Published February 14, 2025", "This audio is created with AI assistance",
         "Soldiers walk past a damaged building in Sudzha, Kursk region, on Feb. 10, 2025. "
         "(Jane Roe/AFP via Getty Images)",
         "Ukraine's grain exports rise despite attacks on Odesa ports",
         "Shipments grew by a fifth in January, the agriculture ministry said.", "Latest news",
         "3:15 PM", "Parliament debates new mobilisation rules.",
         "Lawmakers are expected to vote next week on a bill that would lower the draft age.",
         "MORE NEWS", "Enter your email to subscribe", "* indicates required", "Subscribe"],
        ["Russian forces push toward Sudzha as losses mount",
         "Russian forces lost up to 300 soldiers in two days of fighting near Sudzha, Ukraine's "
         "General Staff said on Friday.",
         "The figure could not be independently verified, and Moscow did not comment.",
         "\"The enemy keeps attacking in small groups,\" a Ukrainian officer told reporters.",
         "Earlier this week, officials said 1,200 troops had been moved into the area."],
        id="english page with teasers",
    ),
    pytest.param(
        RUSSIAN_PAGE,
        ["Перейти к содержанию", "Главное", "14 февраля 2025, 13:11", "Фото: пресс-служба Минобороны России",
         "Читайте также: Губернатор рассказал о ремонте дорог в Курске",
         "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать новости.",
         "В Белгороде открыли новый мост через реку",
         "Движение по мосту запустили в пятницу утром, сообщила мэрия.", "Лента новостей", "12:40"],
        ["Бои в Курской области: ВСУ потеряли до 200 военных",
         "Подразделения группировки «Север» отразили шесть атак в районе Суджи, сообщило Минобороны России.",
         "По данным ведомства, потери ВСУ за сутки составили до 200 военнослужащих.",
         "Кроме того, уничтожены два танка и три бронемашины, добавили в министерстве.",
         "В Курской области продолжает действовать режим контртеррористической операции."],
        id="russian page with teaser",
    ),
    pytest.param(
        HEADINGS_PAGE,
        ["Credit: Daily Ledger"],
        ["Zelensky says North Korean losses near Kursk reach 4,000", "Key Developments:", "Background:",
         "About 3,800 North Korean soldiers have been killed or wounded in the region.",
         "In one battle, Moscow lost up to a battalion of troops.", "What Comes Next",
         "Officials expect the losses to rise as the fighting goes on.",
         "Kyiv has asked its allies for more air defence systems."],
        id="section headings are body",
    ),
    pytest.param(
        MASTHEAD_PAGE,
        ["Arrow-right Camera", "The Valley Chronicle Newspaper", "Riverton, Ohio  Founded 1901",
         "By John Smith Chronicle Wire Service"],
        ["Ukraine says it captured two soldiers in Kursk region",
         "KYIV – Ukrainian forces captured two soldiers during fighting in Russia's Kursk region, "
         "officials said Sunday.",
         "\"They were taken near the border,\" a spokesman said."],
        id="masthead above the headline",
    ),
    pytest.param(
        PROMO_PAGE,
        ["Catch the latest world news and updates on Ledger Live. Download the Ledger News App to get "
         "daily market updates."],
        ["Hundreds of troops were moved to the border, officials said on Monday.",
         "Up to 500 soldiers arrived near Korenevo over the weekend, the regional governor said."],
        id="promotional footer",
    ),
    pytest.param(
        NO_CHROME_PAGE,
        [],
        ["Fighting continues near Sudzha", "What comes next",
         "Analysts expect further attacks in the coming weeks.",
         "A second attack was repelled, the ministry said in an email to reporters."],
        id="last section without furniture after it",
    ),
    pytest.param(
        READ_MORE_PAGE,
        ["Read more", "Governor announces new shelters for border villages"],
        ["Drone attack hits Kursk power station",
         "Repair crews restored power to most homes by the morning, the utility said.",
         "Officials said 12 drones had been shot down over the region.",
         "Residents were told to stay indoors until the all-clear."],
        id="read-more link inside the article",
    ),
]


@pytest.mark.parametrize(("text", "chrome", "body"), CASES)
def test_find_chrome_marks_furniture_and_keeps_the_article(text: str, chrome: list[str], body: list[str]) -> None:
    found = chrome_lines(text)
    assert_spans_valid(text, find_chrome(text))
    assert [line for line in chrome if line not in found] == []
    assert [line for line in body if line in found] == []


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Skip to main content", id="skip link"),
        pytest.param("Edit post", id="edit post"),
        pytest.param("5:40 PM", id="time"),
        pytest.param("Friday, February 14, 2025", id="date line"),
        pytest.param("Updated 14.02.2025 10:05", id="updated line"),
        pytest.param("4 min read", id="reading time"),
        pytest.param("Editors' Picks", id="label"),
        pytest.param("Related", id="related"),
        pytest.param("Photo: Reuters", id="photo credit"),
        pytest.param("Residents queue for water in Sudzha. (AP Photo/John Doe)", id="ap caption"),
        pytest.param("Photo for illustrative purposes.", id="illustrative photo"),
        pytest.param("Please, enter correct email address", id="email box"),
        pytest.param("Thank you for signing up for this newsletter. We have sent you a confirmation email.",
                     id="newsletter thanks"),
        pytest.param("Reporting by Tom Balmforth; Editing by Alex Smith", id="reuters credit"),
        pytest.param("ADVERTISEMENT", id="advertisement"),
        pytest.param("Реклама", id="реклама"),
        pytest.param("Поделиться", id="поделиться"),
    ],
)
def test_furniture_line_between_paragraphs_is_chrome(line: str) -> None:
    text = ("Officials said 30 soldiers were killed near Sudzha on Monday.\n\n"
            f"{line}\n\n"
            "Another 12 were wounded in the attack, the ministry said.\n"
            "The army said it had pushed the attackers back across the border.\n"
            "Residents were told to stay in shelters until the evening.\n")
    found = chrome_lines(text)
    assert line in found
    assert "Officials said 30 soldiers were killed near Sudzha on Monday." not in found
    assert "Another 12 were wounded in the attack, the ministry said." not in found


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("By the end of the week, Russian troops had lost 300 men near Sudzha.", id="by the end"),
        pytest.param("Zelensky said the troops subscribe to a doctrine of human waves, losing 1,000 men.",
                     id="subscribe in a sentence"),
        pytest.param("Kyiv said 40 soldiers were killed (the figure could not be verified).",
                     id="parenthesis at the end"),
        pytest.param("On February 14, 2025, the ministry said 200 soldiers were wounded.", id="date in a sentence"),
        pytest.param("Losses near Sudzha:", id="heading with colon"),
    ],
)
def test_body_line_is_not_chrome(line: str) -> None:
    text = (f"Kursk fighting continues\n\n{line}\n\nThe ministry gave no further details.\n"
            "Residents were told to stay in shelters until the evening.\n")
    assert line not in chrome_lines(text)


def test_teaser_without_furniture_below_is_kept() -> None:
    """Conservative: a headline-shaped line and one sentence at the very end may be the article's."""
    text = ("Troops regroup near Sudzha\n\nRussia said 50 soldiers were killed on Monday.\n\n"
            "Ukraine denies the report\nKyiv said only 5 soldiers were wounded in the attack.\n")
    assert chrome_lines(text) == set()


def test_teaser_followed_by_more_article_is_not_a_teaser() -> None:
    text = ("Troops regroup near Sudzha\n\nRussia said 50 soldiers were killed on Monday.\n\n"
            "Ukraine denies the report\nKyiv said only 5 soldiers were wounded in the attack.\n"
            "ADVERTISEMENT\n"
            "The general staff said the attack was repelled within hours.\n"
            "Officials said 12 drones were shot down over the region overnight.\n"
            "Another 30 soldiers were captured near Korenevo, the army said.\n")
    found = chrome_lines(text)
    assert found == {"ADVERTISEMENT"}


def test_empty_and_blank_text_have_no_chrome() -> None:
    assert find_chrome("") == ()
    assert find_chrome(" \r\n\n\t") == ()


def test_spans_are_merged_across_white_space() -> None:
    text = "Skip to content\r\n\r\nEdit post\nHeadline of the day here\nTroops entered the village, officials said."
    assert find_chrome(text) == ((0, text.index("Edit post") + len("Edit post")),)


_LINES = [
    "Skip to content", "MORE NEWS", "5:40 PM", "Subscribe", "* indicates required",
    "Troops advance near Sudzha", "Key Developments:", "By Jane Doe Daily Ledger",
    "Russia said 300 soldiers were killed near Sudzha on Monday.",
    "Kyiv said the figure could not be verified, and gave its own estimate of 40.",
    "Photo: Reuters", "(Jane Roe/AFP via Getty Images)", "", "   ", "Читайте также", "Бои у Суджи продолжаются",
]


@given(st.lists(st.sampled_from(_LINES), max_size=25), st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
def test_spans_are_valid_for_any_page_of_typical_lines(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    spans = find_chrome(text)
    assert_spans_valid(text, spans)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_spans_are_valid_for_any_text(text: str) -> None:
    assert_spans_valid(text, find_chrome(text))


def test_long_hostile_input_is_read_whole() -> None:
    """A hostile 500,000-character page gives valid chrome spans (its speed is measured in
    bench/bench_linear.py; tests assert no times)."""
    text = ("(" * 50_000 + "By " + "Feb. 14, 2025 " * 5_000 + "\n" + "Subscribe\n" * 5_000
            + "Troops advance near Sudzha\nRussia lost 30 men.\nMORE NEWS\n" * 3_000
            + "The Daily News\n" * 3_000 + "a/b " * 20_000 + ")")
    spans = find_chrome(text)
    assert_spans_valid(text, spans)
    assert spans  # the "Subscribe" and "MORE NEWS" lines are chrome


_SEEDS = [
    pytest.param(
        "002_8df6220d88583bda.txt",
        ["Skip to content", "Edit post", "by The Kyiv Independent news desk", "North Korean soldiers march",
         "This audio is created with AI assistance", "Chornobyl Nuclear Power Plant", "“Russia continues",
         "News Feed", "NATO member turning", "MORE NEWS", "Enter your email", "* indicates required"],
        "North Korean troops fighting for Russia", "Chornobyl Nuclear Power Plant",
        id="002 teaser after the body",
    ),
    pytest.param("004_721bc38624e79c76.txt",
                 ["Arrow-right Camera", "The Spokesman-Review Newspaper", "Spokane, Washington", "By David L. Stern"],
                 "KYIV, Ukraine", None, id="004 masthead"),
    pytest.param("001_0c89b39f0ca6556f.txt", ["Catch all the Business News"], "North Korean troops",
                 "Catch all the Business News", id="001 promotional footer"),
    pytest.param("003_4fc504712785988c.txt", ["Credit: Newsweek"], "Nearly third", "Credit: Newsweek",
                 id="003 headings"),
    pytest.param("000_3c41f440098cf267.txt", [], "Ukrainian President", None, id="000 plain"),
]


@pytest.mark.parametrize(("name", "chrome_starts", "body_from", "body_until"), _SEEDS)
def test_seed_structure(shared, name: str, chrome_starts: list[str], body_from: str,
                        body_until: str | None) -> None:
    """Structural expectations on the seeds: furniture marked, no line of the article body marked."""
    text = (shared / "seeds" / name).read_bytes().decode("utf-8")
    found = chrome_lines(text)
    lines = _lines(text)
    for prefix in chrome_starts:
        assert any(line.startswith(prefix) for line in found), prefix
    first = next(i for i, line in enumerate(lines) if line.startswith(body_from))
    last = next((i for i, line in enumerate(lines) if body_until and line.startswith(body_until)), len(lines))
    body = [line for line in lines[first:last] if line in found]
    assert body == []
    figures = [line for line in lines[first:last] if re.search(r"\d", line)]
    assert figures and not set(figures) & found


def test_a_breadcrumb_trail_is_furniture_and_not_the_title():
    from geo.corpus import document_from_bytes

    text = ("Home / News / War\n\nUkrainian forces repel Russian assaults near Sudzha, General Staff says\n\n"
            "Ukrainian troops repelled 42 Russian attacks in Kursk Oblast over the past day, the General Staff "
            "reported. Fighting took place near Makhnovka and Cherkasskaya Konopelka, it said.\n")
    doc = document_from_bytes(text.encode(), "a.txt")
    crumb, head = text.index("Home"), text.index("Ukrainian forces")
    assert doc.is_chrome(crumb, crumb + 17) and not doc.is_chrome(head, head + 20)
    assert doc.meta.title == "Ukrainian forces repel Russian assaults near Sudzha, General Staff says"


@pytest.mark.parametrize("line", [
    "SUBSCRIBE TO OUR NEWSLETTER for the latest updates on the war and the region every morning",
    "Подписывайтесь На Наш канал, чтобы первыми узнавать главные новости о событиях в регионе",
    "ПІДПИШІТЬСЯ НА НАШ канал, щоб першими дізнаватися головні новини про події в регіоні",
])
def test_strong_phrases_mark_a_long_line_in_any_case(line: str) -> None:
    # The phrase list is searched in the lower-cased line (issue 14), not with re.IGNORECASE.
    text = f"Officials said 40 soldiers were wounded near the village on Monday.\n{line}\n"
    assert chrome_lines(text) == {line}


@pytest.mark.parametrize(("headline", "body"), [
    pytest.param("Russian forces retake two villages near Sudzha",
                 "Russian forces have retaken two villages near Sudzha, the ministry said on Monday. "
                 "The claim could not be verified independently.", id="en"),
    pytest.param("Российские войска освободили два села под Суджей",
                 "Российские войска освободили два села под Суджей, сообщили в Минобороны. "
                 "Украинская сторона это не комментирует.", id="ru"),
    pytest.param("Росіяни заявили про захоплення двох сіл біля Суджі",
                 "Росіяни заявили про захоплення двох сіл біля Суджі, повідомляє агентство. "
                 "Українська сторона це не коментує.", id="uk"),
])
def test_a_headline_repeated_as_the_photo_caption_stays(headline: str, body: str) -> None:
    """The page repeats its headline under the photo: both are the article's words, not furniture."""
    text = f"14 March\nLoad more\n\n{headline}\n\n{headline}\nPhoto: REUTERS\n\n{body}\n\n{body}\n\nSubscribe\n\nSubscribe\n"
    chrome = chrome_lines(text)
    assert headline not in chrome and "Subscribe" in chrome


# --- issue 14: one cue pass over the page for the phrase rule, not one per line -------------


def _gated_line_by_line(text: str) -> list[bool]:
    """What each line's own ``_STRONG_CUED`` gate says (the reading before issue 14)."""
    from geo import chrome
    from geo.text import paragraph_spans

    return [chrome._STRONG_CUED.may_match(text[s:e].lower()) for s, e in paragraph_spans(text)]


def _phrase_cued(text: str) -> list[bool]:
    from geo import chrome
    from geo.text import paragraph_spans

    return chrome._phrase_cued([chrome._Line.read(text, s, e) for s, e in paragraph_spans(text)])


def test_issue_14_only_the_lines_holding_a_phrase_cue_are_searched() -> None:
    page = "\n".join(["Troops entered the village on Monday, officials said."] * 20
                     + ["© 2024 Example News. All rights reserved", "Follow us", "on Telegram"])
    cued = _phrase_cued(page)
    assert cued == _gated_line_by_line(page)
    assert sum(cued) == 1 and cued[20]  # a cue split over two lines ("follow us / on") is none


@pytest.mark.parametrize("page", [
    pytest.param("ΣΟΦΟΣ all rights reserved\nΟΔΟΣ", id="final sigma at a line's end"),
    pytest.param("İstanbul: all rights reserved\nSubscribe to our newsletter", id="İ lowers to two characters"),
    pytest.param("ſubscribe to our newsletter\nFollow us on X", id="a case twin: every line searched"),
    pytest.param("Read more\nALL RIGHTS RESERVED", id="capitals"),
    pytest.param("", id="empty"),
])
def test_issue_14_the_page_pass_marks_the_lines_each_line_s_gate_marks(page: str) -> None:
    _assert_cued_as_each_line_s_gate(page)


def _find_chrome_line_by_line(page: str) -> tuple[tuple[int, int], ...]:
    """``find_chrome`` with every line searched for the phrases, as before issue 14."""
    from unittest import mock

    from geo import chrome

    with mock.patch.object(chrome, "_phrase_cued", lambda lines: [True] * len(lines)):
        return chrome.find_chrome(page)


@given(st.lists(st.sampled_from([
    "All rights reserved", "follow us on", "Follow us", "on Telegram", "Подписывайтесь на наш канал",
    "ΣΟΦΟΣ", "İ", "ſ", "\u0131", "Troops held Sudzha, the ministry said on Monday.", "Read more", "-", " "]),
    max_size=12).map("\n".join))
def test_issue_14_phrase_cues_read_once_per_page_change_nothing(page: str) -> None:
    _assert_cued_as_each_line_s_gate(page)


def _assert_cued_as_each_line_s_gate(page: str) -> None:
    """The page pass marks the lines each line's gate marks; with a case twin, every line."""
    from geo.text import CASE_TWINS

    has_twin = any(twin in page.lower() for twin in CASE_TWINS)
    cued = _phrase_cued(page)
    assert cued == ([True] * len(cued) if has_twin else _gated_line_by_line(page))
    assert find_chrome(page) == _find_chrome_line_by_line(page)
