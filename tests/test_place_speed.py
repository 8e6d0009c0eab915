"""Less work finding and resolving places (issue 14), with the same answers.

Each short cut is checked two ways: against the loop it replaced (the answers must not
move by one character or one flag) and by counting the work it saves (a document is
searched for case twins once; a text that names no other region is never searched for
a list headed by one).
"""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

import geo.resolve
import geo.text
from geo.homoglyphs import unmix
from geo.text import (
    _ABBREVIATIONS,
    _ASCII_FOLD_PAIRS,
    _FOLD_PAIRS,
    CASE_TWINS,
    Cues,
    Gated,
    _ends_with_abbreviation,
    fold,
)
from geo.toponyms import _is_capitalised
from tests.places import only_place, settlement_ids


def _reference_holds_twin(text: str, start: int, end: int) -> bool:
    """``text._holds_twin`` before issue 14's per-document answer: look in the stretch itself."""
    return any(twin in text[start:end] for twin in CASE_TWINS)


def _reference_ends_with_abbreviation(text: str, dot: int) -> bool:
    """``text._ends_with_abbreviation`` before issue 14: the word is read a letter at a time."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().strip(".")
    if not word:
        return False
    return word in _ABBREVIATIONS or (len(word) == 1 and text[start].isupper())


def _reference_is_capitalised_word(text: str, start: int, end: int) -> tuple[bool, int]:
    """Find the first word as ``toponyms._is_capitalised`` did before issue 14.

    Returns whether the rest of that word holds no capital, and where the word ends.
    """
    word_end = start + 1
    while word_end < end and text[word_end].isalnum():
        word_end += 1
    rest = text[start + 1:word_end]
    return not any(c.isupper() for c in rest), word_end


def _reference_fold(text: str) -> str:
    """``text.fold`` of a text that keeps its length under ``str.lower``, before issue 14
    (with the mixed-alphabet step, ``homoglyphs.unmix``, that came with it)."""
    out = unmix(text.lower())
    for old, new in _FOLD_PAIRS:
        out = out.replace(old, new)
    return out


@given(st.text(alphabet=st.sampled_from("Ab \t`'\u2019\u2014\u00a0Ёё-Ыz"), max_size=30))
def test_fold_tests_an_ascii_text_for_the_ascii_pairs_only(text):
    assert fold(text) == _reference_fold(text)
    assert {old for old, _ in _ASCII_FOLD_PAIRS} == {"\t", "`"}


_DOCUMENT = ("Российские войска, по данным министерства, продвинулись у села Погребки. "
             * 12).strip()


def test_fold_keeps_every_case_twin_and_makes_none():
    """Why a gate may look for twins in the folded text: there it holds one exactly where
    the text does (``text._automaton``).
    """
    twins = set(CASE_TWINS)
    assert all((chr(c) in twins) == (fold(chr(c)) in twins)
               for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_a_gate_finds_a_case_twin_in_its_cue_pass(monkeypatch):
    looks: list[str] = []
    monkeypatch.setattr(geo.text, "_holds_twin", lambda text, *a: looks.append(text) or False)
    for is_folded in (True, False):
        gate = Gated.of(re.compile(r"\bsaid\b"), is_folded=is_folded)
        text = _DOCUMENT if not is_folded else fold(_DOCUMENT)
        assert not gate.may_match(text, 10, 300)
        twinned = text[:100] + "\u0131" + text[101:]
        assert gate.may_match(twinned, 10, 300)
        assert not gate.may_match(twinned, 101, 300)
    cues = Cues.of([re.compile(r"\bsaid\b"), re.compile(r"\bkilled\b")])
    assert cues.mask("they said") == 0b01
    assert cues.mask("they \u0130 said") == cues.mask("\u1c80") == 0b11
    assert looks == []  # no look of its own for twins


@given(st.text(alphabet=st.sampled_from("ab Ы.said" + CASE_TWINS), max_size=40),
       st.integers(0, 40), st.integers(0, 40))
def test_a_gate_searches_where_a_cue_or_a_twin_lies(text, start, end):
    gate = Gated.of(re.compile(r"\bsaid\b"), is_folded=False)
    expected = "said" in fold(text)[start:end] or _reference_holds_twin(text, start, end)
    assert gate.may_match(text, start, end) == expected


_WORDS = ["approx", "Approx", "U.S", "Feb", "John", "F", "l", "ул", "км", "km", "Sudzha", "killed",
          "hospitalised", "İstanbul", "..", "x.approx", "sept", "Sept", "tys", "Ёлки", "a1b", "²"]


@given(st.lists(st.sampled_from([*_WORDS, " ", ".", "\n"]), max_size=12).map("".join))
def test_an_abbreviation_before_a_period_is_found_as_by_the_letter_loop(text):
    for dot, ch in enumerate(text):
        if ch == ".":
            expected = _reference_ends_with_abbreviation(text, dot)
            assert _ends_with_abbreviation(text, dot) == expected, (text, dot)


@given(st.text(alphabet=st.sampled_from("SsСсОо_-' 1²ǅİ"), min_size=1, max_size=12),
       st.integers(1, 12))
def test_a_capitalised_name_is_found_as_by_the_letter_loop(word, length):
    text = "Ж" + word
    end = min(len(text), length)
    no_capital, _ = _reference_is_capitalised_word(text, 0, end)
    if no_capital:
        assert _is_capitalised(text, 0, end)
    # the run of letters and digits ends where the loop ended it
    run = geo.toponyms._ALNUM_RUN.match(text, 1, end)
    assert run is not None
    assert run.end() == _reference_is_capitalised_word(text, 0, end)[1]


class _CountingGate:
    """``resolve._OTHER_REGION_LIST_CUED`` that counts the stretches it was asked to search."""

    def __init__(self, gate: Gated) -> None:
        self.gate, self.searches = gate, 0

    def may_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        return self.gate.may_match(text, start, end)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        self.searches += 1
        return self.gate.finditer(text, start, end)


def test_a_text_that_names_no_other_region_is_not_searched_for_its_lists(resources, monkeypatch):
    counting = _CountingGate(geo.resolve._OTHER_REGION_LIST_CUED)
    monkeypatch.setattr(geo.resolve, "_OTHER_REGION_LIST_CUED", counting)
    text = "Российские войска освободили Олешню, Погребки и Теткино в Курской области."
    assert only_place(resources.gazetteer, "Олешня") in settlement_ids(resources, text)
    assert counting.searches == 0


def test_a_text_that_names_another_region_is_searched_for_its_lists(resources, monkeypatch):
    counting = _CountingGate(geo.resolve._OTHER_REGION_LIST_CUED)
    monkeypatch.setattr(geo.resolve, "_OTHER_REGION_LIST_CUED", counting)
    text = ("В Курской области освобождена Олешня, в Донецкой Народной Республике — "
            "Тарасовка и Богдановка.")
    assert settlement_ids(resources, text) == [only_place(resources.gazetteer, "Олешня")]
    assert counting.searches >= 2
