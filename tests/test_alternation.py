"""``geo.alternation``: a word alternation grouped by first letter matches what it matched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.alternation import by_first_letter
from geo.heads import top_level_alternatives as top_level_branches


@pytest.mark.parametrize("alternation", [
    pytest.param("(said)|says", id="capturing-group"),
    pytest.param("s?aid|says", id="quantified-first-letter"),
    pytest.param(r"\w+ed|said", id="class-first"),
    pytest.param("Said|says", id="capital-first"),
    pytest.param("said||says", id="empty-branch"),
])
def test_an_alternation_the_argument_does_not_cover_is_left_as_it_is(alternation):
    assert by_first_letter(alternation) == alternation


def test_the_branches_of_one_letter_keep_their_order():
    assert by_first_letter("says|reported|said|s|сказал|сообщил") == "s(?:ays|aid|)|reported|с(?:казал|ообщил)"
    assert top_level_branches(r"a(?:b|c)|[x|y]z|d\|e") == ["a(?:b|c)", "[x|y]z", r"d\|e"]


_WORD = st.text(alphabet="abcсоtх", min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=8),
       suffixes=st.lists(st.sampled_from(["", r"\w*", "(?!b)", "(?=a)", "s?"]), min_size=8, max_size=8),
       text=st.text(alphabet="abcсоtх ABCСОТХ", max_size=40), flags=st.sampled_from([0, re.IGNORECASE]))
def test_the_grouped_alternation_matches_what_the_alternation_matches(words, suffixes, text, flags):
    """Same spans and same branch (the group holds the text the chosen word matched), in a
    pattern that goes on after the alternation, as the speech verbs' patterns do."""
    alternation = "|".join(w + s for w, s in zip(words, suffixes, strict=False))
    grouped = by_first_letter(alternation)
    for template in (r"(?<!\w)(?P<v>{})", r"(?P<v>{})\b", r"(?:{})\s+\w"):
        a = re.compile(template.format(alternation), flags)
        b = re.compile(template.format(grouped), flags)
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


def test_no_character_matches_two_first_letters_even_ignoring_case():
    """The argument of the rewrite: two groups never both match at one place. Under
    ``re.IGNORECASE`` a letter also matches its case forms (ſ for s, K for k): no character
    of the Basic Multilingual Plane matches two of the letters."""
    from geo.alternation import _LETTERS

    any_letter = re.compile(f"[{''.join(sorted(_LETTERS))}]", re.IGNORECASE)
    candidates = [ch for ch in map(chr, range(0x10000)) if not 0xD800 <= ord(ch) < 0xE000 and any_letter.fullmatch(ch)]
    assert len(candidates) > len(_LETTERS)
    for ch in candidates:
        matched = [k for k in _LETTERS if re.fullmatch(re.escape(k), ch, re.IGNORECASE)]
        assert len(matched) == 1, (ch, matched)
