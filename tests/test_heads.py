"""``geo.heads``: a pattern tried only where one of its leading literals starts gives the same
matches as the pattern searched everywhere (issue 14), and tries far fewer positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.heads import HeadIndex, Heads, leading_literals
from geo.text import fold, line_sentences, paragraph_spans


@pytest.mark.parametrize(("pattern", "heads"), [
    pytest.param(r"(?<!\w)(?:kill\w*|wound\w*)", {"kill", "wound"}, id="lookbehind is zero width"),
    pytest.param(r"(?:re)?deploy(?:ed)?", {"deploy", "redeploy"}, id="optional literal spelled both ways"),
    pytest.param(r"(?:total\s+)?number\s+of", {"total", "number"}, id="optional phrase: absent or present"),
    pytest.param(r"(?i)Погиб|KILLED", {"погиб", "killed"}, id="folded like the text"),
    pytest.param(r"[ву]\s+плен", {"в", "у"}, id="a class of letters"),
    pytest.param(r"died|dead", {"died", "dead"}, id="shared first letter kept whole"),
    pytest.param(r"kill|killed", {"kill"}, id="a head that is a prefix of another finds both"),
    pytest.param(r"(?:\w+\s+)?killed", None, id="optional word: any start"),
    pytest.param(r"(?:a|\w)?b", None, id="optional class: any start"),
    pytest.param(r"\d+\s+troops", None, id="a category has no literal"),
    pytest.param(r"x*y", None, id="a repeat that may be absent"),
    pytest.param(r"", None, id="empty"),
])
def test_leading_literals_of_a_pattern(pattern, heads):
    found = leading_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == heads


_WORDS = (
    "killed", "Killed", "wounded", "deployed", "redeployed", "troops", "were", "the", "total", "number",
    "of", "soldiers", "sent", "to", "Kursk", "prisoners", "captured", "casualties", "losses", "погибли",
    "ранены", "военных", "в", "плен", "взяты", "втрати", "загинули", "ЗСУ", "300", "200-х", "—", ",", ".",
    "\u0130t", "k\u0131lled", "\u017fent", "overkilled", "unkilled",
)


def _same_as_finditer(heads: Heads, text: str, spans: list[tuple[int, int]]) -> None:
    folded = fold(text)
    index = heads.index(folded)
    for start, end in spans:
        expected = [(m.span(), m.lastgroup) for m in heads.pattern.finditer(folded, start, end)]
        assert [(m.span(), m.lastgroup) for m in index.finditer(start, end)] == expected, (text, start, end)


@given(st.lists(st.sampled_from(_WORDS), max_size=16).map(" ".join), st.integers(0, 60), st.integers(0, 120))
def test_the_kind_triggers_found_at_their_heads_are_those_found_everywhere(text, a, b):
    from geo.claims import _TRIGGER_HEADS

    _same_as_finditer(_TRIGGER_HEADS, text, [(0, len(text)), (min(a, b, len(text)), min(max(a, b), len(text)))])


def test_every_dev_sentence_gives_the_same_triggers(shared):
    from geo.claims import _TRIGGER_HEADS

    checked = 0
    for path in sorted((shared / "dev" / "corpus").iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        spans = [s for p in paragraph_spans(text) for s in line_sentences(text, *p)]
        _same_as_finditer(_TRIGGER_HEADS, text, spans)
        checked += len(spans)
    assert checked > 400  # the 40 articles' sentences


def test_a_text_with_a_case_twin_is_searched_everywhere():
    from geo.claims import _TRIGGER_HEADS

    text = fold("Officials said 40 soldiers were k\u0131lled near Sudzha")
    index = _TRIGGER_HEADS.index(text)
    assert index.starts is None  # "ı" matches "i" under IGNORECASE: no head would announce it
    assert [m.group() for m in index.finditer(0, len(text))] == [m.group() for m in _TRIGGER_HEADS.pattern.finditer(text)]


@dataclass
class _Spy:
    """A pattern that counts the positions it is asked to match at."""

    pattern: re.Pattern[str]
    tried: list[int] = field(default_factory=list)

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        self.tried.append(pos)
        return self.pattern.match(text, pos, endpos)


def test_the_alternation_is_tried_only_where_a_head_starts():
    from geo.claims import _TRIGGER, _TRIGGER_HEADS

    text = fold("Officials in the region said on Tuesday that 40 soldiers were killed near the border town.")
    spy = _Spy(_TRIGGER)
    index = HeadIndex(spy, text, _TRIGGER_HEADS.index(text).starts)  # type: ignore[arg-type]
    found = [m.group() for m in index.finditer(0, len(text))]
    assert found == [m.group() for m in _TRIGGER.finditer(text)] == ["killed"]
    assert len(spy.tried) <= 3 < len(text.split())  # finditer tries all 16 word starts


def test_a_sentence_with_no_head_tries_nothing():
    from geo.claims import _TRIGGER, _TRIGGER_HEADS

    text = fold("The weather in Kursk was mild on Tuesday.")
    spy = _Spy(_TRIGGER)
    index = HeadIndex(spy, text, _TRIGGER_HEADS.index(text).starts)  # type: ignore[arg-type]
    assert list(index.finditer(0, len(text))) == [] and spy.tried == []


def test_alternatives_with_no_or_short_heads_are_found_by_a_lookahead():
    pattern = re.compile(r"(?<!\w)(?:(?P<a>[\w'-]+-controlled)|(?P<b>в\s+руках)|(?P<c>captured))(?!\w)")
    heads = Heads.of(pattern, [r"[\w'-]+-controlled", r"в\s+руках", r"captured"], guard=r"(?<!\w)")
    assert heads.others is not None and "captured" not in heads.others.pattern
    text = fold("Sudzha is Ukraine-controlled; село в руках ВСУ, and they captured Plekhovo")
    index = heads.index(text)
    assert [m.group() for m in index.finditer(0, len(text))] == ["ukraine-controlled", "в руках", "captured"]
    assert index.starts is not None and len(index.starts) == 3  # the three starts, no other word


_CONTROL_WORDS = (
    "Ukraine-controlled", "Russian-held", "в", "руках", "у", "under", "Ukrainian", "control", "in", "of", "300",
    "square", "km", "held", "by", "captured", "recaptured", "liberated", "освободили", "освобождены", "село",
    "Суджа", "під", "контролем", "ЗСУ", "still", "hold", "holds", "out", "no", "longer", "the", "village", ",",
    "\u0130n", "\u017fquare",
)


@given(st.lists(st.sampled_from(_CONTROL_WORDS), max_size=16).map(" ".join), st.integers(0, 60), st.integers(0, 120))
def test_the_control_predicates_found_at_their_heads_are_those_found_everywhere(text, a, b):
    from geo.control import _CYRILLIC_HEADS, _LATIN_HEADS

    folded = fold(text)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    for heads in (_LATIN_HEADS, _CYRILLIC_HEADS):
        expected = [(m.span(), m.lastgroup) for m in heads.pattern.finditer(folded, start, end)]
        found = heads.index(folded, start, end).finditer(start, end)
        assert [(m.span(), m.lastgroup) for m in found] == expected, text


def test_every_dev_sentence_gives_the_same_control_predicates(shared):
    from geo.control import _CYRILLIC_HEADS, _LATIN_HEADS

    for path in sorted((shared / "dev" / "corpus").iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        folded = fold(text)
        for start, end in (s for p in paragraph_spans(text) for s in line_sentences(text, *p)):
            for heads in (_LATIN_HEADS, _CYRILLIC_HEADS):
                found = [m.span() for m in heads.index(folded, start, end).finditer(start, end)]
                assert found == [m.span() for m in heads.pattern.finditer(folded, start, end)], path.name


def test_heads_are_read_from_the_cache_folder_once_parsed(tmp_path, monkeypatch):
    """Parsing every alternative for its heads is paid once per code version, not at every
    import (a one-article command imports the rule modules); a cached entry gives the same
    heads and the same lookahead for the unheaded alternatives."""
    import geo.heads

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    parsed: list[object] = []
    real = geo.heads.leading_literals
    monkeypatch.setattr(geo.heads, "leading_literals", lambda p: parsed.append(p) or real(p))
    pattern = re.compile(r"(?:killed|wounded|в руках|[\w'-]+-controlled)", re.IGNORECASE)
    parts = [r"killed|wounded", r"в руках|[\w'-]+-controlled"]
    first = Heads.of(pattern, parts, guard=r"(?<!\w)")
    assert len(parsed) == 4
    again = Heads.of(pattern, parts, guard=r"(?<!\w)")
    assert len(parsed) == 4  # nothing parsed again
    assert sorted(again.automaton.keys()) == sorted(first.automaton.keys()) == ["killed", "wounded", "в руках"]
    assert again.others.pattern == first.others.pattern
    Heads.of(pattern, parts[:1], guard=r"(?<!\w)")
    assert len(parsed) == 6  # other parts: another entry
