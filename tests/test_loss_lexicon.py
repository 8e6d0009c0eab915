"""Tests for geo.loss_lexicon: every row's example holds its fragment (the rows are data)."""

from __future__ import annotations

import re

import pytest

from geo import loss_lexicon
from geo.text import fold

TABLES = ("NOT_PEOPLE", "GROUND_COUNTED", "GROUND_NEAR", "CIVIL_CREWS", "NOT_FORCES", "AMOUNT_PREDICATES",
          "FINITE_LOSS_VERBS", "LOSS_CAUSES", "EVENTS", "INTERCEPTIONS")
ROWS = [pytest.param(pattern, example, id=f"{table}:{example}")
        for table in TABLES for pattern, example in getattr(loss_lexicon, table)]


@pytest.mark.parametrize(("pattern", "example"), ROWS)
def test_each_row_matches_its_example(pattern: str, example: str) -> None:
    assert re.search(rf"(?<!\w)(?:{pattern})", fold(example)), f"{pattern!r} does not match {example!r}"


@pytest.mark.parametrize("table", TABLES)
def test_each_table_compiles_as_one_alternation(table: str) -> None:
    rows = getattr(loss_lexicon, table)
    assert rows
    re.compile(loss_lexicon.alternation(rows))


def test_a_ground_word_is_not_a_loss_verb() -> None:
    verbs = re.compile(loss_lexicon.alternation(loss_lexicon.FINITE_LOSS_VERBS))
    assert not verbs.fullmatch("погибших")
    assert not verbs.fullmatch("села")
