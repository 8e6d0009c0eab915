"""What a figure counts (geo/periods.py), and "contested" read as comparable claims disagreeing (issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.model import Claim, Figure, Kind
from geo.periods import SCOPE_CUES, Scope, scope_of
from geo.records import contested_claim_ids


@pytest.mark.parametrize("cue", SCOPE_CUES, ids=lambda cue: f"{cue.scope.value}: {cue.example[:40]}")
def test_each_cue_reads_its_own_example(cue):
    assert scope_of(cue.example) is cue.scope


@pytest.mark.parametrize(("quote", "scope"), [
    ("Total losses over the past day came to 140 soldiers", Scope.DAY),
    ("Общие потери за сутки составили 140 военнослужащих", Scope.DAY),
    ("Another 300 were killed over the past day", Scope.CHANGE),
    ("Of them, 300 were killed over the weekend", Scope.PART),
    ("Four hundred soldiers were killed near the village", Scope.UNSTATED),
])
def test_a_part_or_an_increase_wins_then_a_day_or_span_over_a_total(quote, scope):
    assert scope_of(quote) is scope


@pytest.mark.parametrize(("quote", "figure", "scope"), [
    ("Уничтожено более 1500 военнослужащих, в том числе у границы", "более 1500", Scope.UNSTATED),
    ("Знищено понад 1500 військових, зокрема біля кордону", "понад 1500", Scope.UNSTATED),
    ("Over 1,500 soldiers were killed, including near the border", "Over 1,500", Scope.UNSTATED),
    ("Втрати становлять 900 осіб, з них 300 убитими", "300", Scope.PART),
    ("Another 300 soldiers were captured", "300", Scope.CHANGE),
])
def test_a_part_or_an_increase_is_read_only_before_the_figure(quote, figure, scope):
    assert scope_of(quote, figure) is scope


def _claim(claim_id: str, claimant: str, figure: int, quote: str = "a figure", *, source: str = "a.txt",
           reported: str | None = "2024-11-02", kind: Kind = Kind.KILLED) -> Claim:
    return Claim(claim_id=claim_id, source=source, start=0, end=len(quote), quote=quote, claimant=claimant,
                 kind=kind, figure=Figure(text=str(figure), low=figure, best=figure, high=figure),
                 reported=reported)


def test_a_weekends_losses_never_contest_a_campaign_total():
    weekend = _claim("w", "Ukrainian General Staff", 30, "30 soldiers were killed over the weekend")
    total = _claim("t", "Russian Defense Ministry", 3800, "3,800 soldiers killed since August")
    assert contested_claim_ids([weekend, total]) == frozenset()


def test_two_claimants_counting_the_same_day_differently_contest_each_other():
    kyiv = _claim("k", "Ukrainian General Staff", 200, "Over the past day the enemy lost 200 soldiers")
    moscow = _claim("m", "Russian Defense Ministry", 40, "За сутки противник потерял 40 военнослужащих")
    assert contested_claim_ids([kyiv, moscow]) == frozenset({"k", "m"})


def test_the_same_scope_on_different_dates_is_not_compared():
    monday = _claim("a", "Ukrainian General Staff", 200, "over the past day 200", reported="2024-11-04")
    tuesday = _claim("b", "Russian Defense Ministry", 40, "over the past day 40", reported="2024-11-05")
    assert contested_claim_ids([monday, tuesday]) == frozenset()


def test_undated_claims_are_compared_only_within_their_own_article():
    here = _claim("a", "Ukrainian General Staff", 500, source="one.txt", reported=None)
    same_article = _claim("b", "Russian Defense Ministry", 50, source="one.txt", reported=None)
    other_article = _claim("c", "Russian Defense Ministry", 9000, source="two.txt", reported=None)
    assert contested_claim_ids([here, other_article]) == frozenset()
    assert contested_claim_ids([here, same_article, other_article]) == frozenset({"a", "b"})


def test_a_part_of_a_figure_contests_nothing():
    whole = _claim("w", "Regional governor", 40, "Forty people were wounded")
    part = _claim("p", "Local channel", 3, "Among the wounded were three children")
    assert contested_claim_ids([whole, part]) == frozenset()


def test_overlapping_figures_still_agree():
    low = _claim("a", "Ukrainian General Staff", 200, "in total 200")
    wide = Claim(claim_id="b", source="a.txt", start=0, end=11, quote="in total up", claimant="Russian MoD",
                 kind=Kind.KILLED, figure=Figure(text="up to 300", low=None, best=None, high=300),
                 reported="2024-11-02")
    assert contested_claim_ids([low, wide]) == frozenset()


# --- issue 14: the cue words found in one pass, as a find per word found them

def _scope_by_find(quote: str, figure_text: str | None = None) -> Scope:
    """``scope_of`` as it was written before issue 14: a ``find`` per cue word."""
    from geo.periods import _BEFORE_THE_FIGURE, _PRECEDENCE

    text = quote.lower()
    at = text.find(figure_text.lower()) if figure_text else -1
    figure_at = at if at >= 0 else len(text)
    stated = set()
    for cue in SCOPE_CUES:
        for word in cue.words:
            found = text.find(word)
            if found >= 0 and (cue.scope not in _BEFORE_THE_FIGURE or found < figure_at):
                stated.add(cue.scope)
                break
    return next((scope for scope in _PRECEDENCE if scope in stated), Scope.UNSTATED)


_PIECES = st.sampled_from([w for cue in SCOPE_CUES for w in cue.words]
                          + ["300", "Of Them", "ANOTHER ", " ", ", ", "soldiers", "за", "сутки", "ще", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=8),
       st.sampled_from([None, "300", "за", "missing", "another 300", "ще 300", "of them"]))
@example(["another ", "300"], "another 300").via("a cue word where the figure starts is not before it")
def test_issue_14_the_one_pass_reads_every_quote_as_a_find_per_word(pieces, figure):
    quote = "".join(pieces)
    assert scope_of(quote, figure) is _scope_by_find(quote, figure)
