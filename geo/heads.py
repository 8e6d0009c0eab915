"""Where a pattern may start in a document: one automaton pass over its leading literals.

A big alternation of words ("killed|wounded|погиб…") searched over a sentence is tried at
every word start of it. Every match of such a pattern starts with one of a short list of
literals (its *heads*: "kill", "wound", "погиб"), read from the pattern's parse tree. One
Aho-Corasick pass over the folded document finds every position where a head occurs, and
the pattern is then matched only there (issue 14: "one cue pass per document … check kind
triggers only at its hits").

Exact by construction: a position where no head starts cannot start a match, and at a
position where one does, ``pattern.match`` decides as ``finditer`` would have. So
``HeadIndex.finditer`` yields the same matches as ``pattern.finditer``; where that cannot
be promised (a pattern with no known heads, a text with a case twin that ``re``'s
IGNORECASE folds onto an ASCII or Cyrillic letter, "ı" for "i") it is ``pattern.finditer``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from re import _constants as op  # the parse tree of a pattern has no public form
from re import _parser

import ahocorasick

from geo.text import CASE_TWINS, fold

__all__ = ["HeadIndex", "Heads", "leading_literals"]

#: More prefixes than this are not spelled out: the walk stops at the shorter ones it has.
_MAX_HEADS = 512

_Lead = tuple[frozenset[str], bool]  # the prefixes, and whether they are the whole matches


def leading_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` starts with, or None if unknown.

    >>> sorted(leading_literals(re.compile(r"(?<!\\w)(?:(?:re)?deploy\\w*|sent\\b|погиб)")))
    ['deploy', 'redeploy', 'sent', 'погиб']
    >>> leading_literals(re.compile(r"(?:\\w+\\s+)?killed")) is None
    True
    """
    heads, _ = _lead(_parser.parse(pattern.pattern, pattern.flags).data)
    folded = {fold(h) for h in heads}
    if not folded or "" in folded:
        return None
    # "deploy" already finds every "deployed": keep the shortest of a chain
    return frozenset(h for h in folded if not any(h[:k] in folded for k in range(1, len(h))))


def _lead(items: Iterable[tuple[object, object]]) -> _Lead:
    """The prefixes of a sequence's matches, spelled as far as its items are literals."""
    items = list(getattr(items, "data", items))
    heads: frozenset[str] = frozenset({""})
    for k, item in enumerate(items):
        part, part_whole = _lead_item(item)
        if not part_whole and _is_optional(item):
            body, _ = _lead(item[1][2])  # type: ignore[index]
            if "" not in body:
                # "(?:total\s+)?number": absent, the words after it lead; present, its own prefixes
                rest, _ = _lead(items[k + 1:])
                part = body | rest
        joined = frozenset(h + p for h in heads for p in part)
        if len(joined) > _MAX_HEADS:
            return heads, False
        heads = joined
        if not part_whole:
            return heads, False
    return heads, True


def _is_optional(item: tuple[object, object]) -> bool:
    kind, value = item
    return kind in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT) and value[:2] == (0, 1)  # type: ignore[index]


def _lead_item(item: tuple[object, object]) -> _Lead:
    kind, value = item
    if kind is op.LITERAL:
        return frozenset({chr(value)}), True  # type: ignore[arg-type]
    if kind in (op.AT, op.ASSERT, op.ASSERT_NOT):
        return frozenset({""}), True  # zero width
    if kind is op.IN and all(k is op.LITERAL for k, _ in value):  # type: ignore[attr-defined]
        return frozenset(chr(v) for _, v in value), True  # type: ignore[attr-defined]
    if kind is op.SUBPATTERN:
        return _lead(value[3])  # type: ignore[index]
    if kind is op.BRANCH:
        leads = [_lead(branch) for branch in value[1]]  # type: ignore[index]
        return frozenset().union(*(heads for heads, _ in leads)), all(whole for _, whole in leads)
    if kind in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT):
        low, high, body = value  # type: ignore[misc]
        heads, whole = _lead(body)
        if (low, high) == (0, 1):
            return heads | {""}, whole  # optional: absent, or one of its prefixes
        if low >= 1:
            return heads, whole and low == high == 1
    return frozenset({""}), False  # a class, a category, a back-reference: nothing spelled


@dataclass(frozen=True, slots=True)
class Heads:
    """A pattern and the automaton of its leading literals (``leading_literals``).

    pattern    the compiled pattern, searched in folded text
    automaton  its heads, each stored with its length; None when no heads are known
    """

    pattern: re.Pattern[str]
    automaton: ahocorasick.Automaton | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Heads:
        """The heads of ``pattern`` in one automaton (built once, at import, by the rule module)."""
        heads = leading_literals(pattern)
        if heads is None:
            return cls(pattern, None)
        automaton = ahocorasick.Automaton()
        for head in heads:
            automaton.add_word(head, len(head))
        automaton.make_automaton()
        return cls(pattern, automaton)

    def index(self, folded: str) -> HeadIndex:
        """Where a match may start in ``folded`` (a whole document: one pass for all its sentences)."""
        if self.automaton is None or _holds_case_twin(folded):
            return HeadIndex(self.pattern, folded, None)
        starts = sorted({end - length + 1 for end, length in self.automaton.iter(folded)})
        return HeadIndex(self.pattern, folded, tuple(starts))


def _holds_case_twin(folded: str) -> bool:
    """Whether the text holds a character that IGNORECASE matches to another letter ("ı", "ſ")."""
    return not folded.isascii() and any(twin in folded for twin in CASE_TWINS)


@dataclass(frozen=True, slots=True)
class HeadIndex:
    """One folded text and the positions where a pattern may start in it.

    pattern  the pattern
    text     the folded text
    starts   sorted offsets where a head starts; None: try every position
    """

    pattern: re.Pattern[str]
    text: str
    starts: tuple[int, ...] | None

    def finditer(self, start: int, end: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, trying only the positions of a head."""
        if self.starts is None:
            yield from self.pattern.finditer(self.text, start, end)
            return
        starts, after = self.starts, start
        for i in range(bisect_left(starts, start), len(starts)):
            pos = starts[i]
            if pos >= end:
                return
            if pos < after:
                continue  # inside the match before, as finditer resumes at its end
            m = self.pattern.match(self.text, pos, end)
            if m is not None:
                yield m
                after = m.end()  # never empty: every match holds a head
