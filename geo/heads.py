"""Where a pattern may start in a document: one automaton pass over its leading literals.

A big alternation of words ("killed|wounded|погиб…") searched over a sentence is tried at
every word start of it. Every match of such a pattern starts with one of a short list of
literals (its *heads*: "kill", "wound", "погиб"), read from the pattern's parse tree. One
Aho-Corasick pass over the folded document finds every position where a head occurs, and
the pattern is then matched only there (issue 14: "one cue pass per document … check kind
triggers only at its hits"). ``claims`` indexes the whole document for its kind triggers;
``control`` indexes one sentence at a time, and only the sentences that hold an anchor.

An alternation may have alternatives that start with a class ("[\\w'-]+-controlled", a
digit) or with a head so short that it hits nearly every line ("в" of "в руках"): given the
alternatives (``Heads.of(pattern, parts)``), those are found by one lookahead search of
their own, in C, and the rest by the automaton.

Exact by construction: a position where no head starts cannot start a match, and at a
position where one does, ``pattern.match`` decides as ``finditer`` would have. So
``HeadIndex.finditer`` yields the same matches as ``pattern.finditer``; where that cannot
be promised (a pattern with no known heads, a text with a case twin that ``re``'s
IGNORECASE folds onto an ASCII or Cyrillic letter, "ı" for "i") it is ``pattern.finditer``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast
from re import _constants as op  # the parse tree of a pattern has no public form
from re import _parser

import ahocorasick

from geo.cache_folder import cached, content_key, source_hash
from geo.regex_cache import compile_pattern
from geo.text import CASE_TWINS, fold

__all__ = ["HeadIndex", "Heads", "leading_literals", "top_level_alternatives"]

#: More prefixes than this are not spelled out: the walk stops at the shorter ones it has.
_MAX_HEADS = 512

#: Heads shorter than this are left to the lookahead search (``Heads.of`` with parts): "в" of
#: "в руках" starts a Python step at nearly every line, the search runs in C.
_MIN_HEAD = 3

_Lead = tuple[frozenset[str], bool]  # the prefixes, and whether they are the whole matches


def top_level_alternatives(pattern: str) -> list[str]:
    """Split a regular expression at its top-level "|" (not inside groups or classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


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
        low, high, body = cast("tuple[int, int, Iterable[tuple[object, object]]]", value)
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
    others     a zero-width pattern that marks where the alternatives with no heads may
               start ("[\\w'-]+-controlled" starts with any word), or None
    """

    pattern: re.Pattern[str]
    automaton: ahocorasick.Automaton | None
    others: re.Pattern[str] | None = None

    @classmethod
    def of(cls, pattern: re.Pattern[str], parts: Iterable[str] = (), *, guard: str = "") -> Heads:
        """The heads of ``pattern``, in one automaton (built once, at import, by the rule module).

        ``parts``, when given, are the sources of its alternatives: every match of ``pattern``
        is a match of one of them from the same start, and every such start meets ``guard``
        (a zero-width condition such as "(?<!\\w)"). An alternative with heads joins the
        automaton; the others are found by one lookahead search of their own, so a few odd
        alternatives do not send the whole pattern back to trying every position.

        Reading the heads parses every alternative (some 70 ms at import for the rule
        modules' patterns, paid by every one-article command): they are kept in the cache
        folder, keyed by the pattern, its parts and this module's code.
        """
        parts = tuple(parts)
        code = source_hash(sys.modules[__name__])
        key = content_key(pattern.pattern, int(pattern.flags), parts, guard, code)
        heads, unheaded = cached("heads", key, lambda: _heads_of(pattern, parts))
        others = (compile_pattern(f"{guard}(?=(?:{'|'.join(unheaded)}))", pattern.flags)
                  if unheaded else None)
        return cls(pattern, _automaton(heads), others)

    def index(self, folded: str, start: int = 0, end: int | None = None) -> HeadIndex:
        """Where a match may start in ``folded[start:end]``: a whole document (one pass for all
        its sentences) or one sentence; the index answers for stretches inside it only."""
        stop = len(folded) if end is None else end
        chunk = folded[start:stop]
        if self.automaton is None or _holds_case_twin(chunk):
            return HeadIndex(self.pattern, folded, None)
        starts = {start + last - length + 1 for last, length in self.automaton.iter(chunk)}
        if self.others is not None:
            starts.update(m.start() for m in self.others.finditer(folded, start, stop))
        return HeadIndex(self.pattern, folded, tuple(sorted(starts)))


def _heads_of(pattern: re.Pattern[str],
              parts: tuple[str, ...]) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """``pattern``'s heads, and the alternatives found by a lookahead instead (``Heads.of``).

    With no parts, the whole pattern's heads (None when unknown).
    """
    if not parts:
        return leading_literals(pattern), ()
    heads: set[str] = set()
    unheaded = []
    for alternative in (alt for part in parts for alt in top_level_alternatives(part)):
        found = leading_literals(re.compile(alternative, pattern.flags))
        if found is None or min(map(len, found)) < _MIN_HEAD:
            unheaded.append(alternative)  # a short head ("в", "in") hits nearly every line
        else:
            heads |= found
    return frozenset(heads), tuple(unheaded)


def _automaton(heads: frozenset[str] | None) -> ahocorasick.Automaton | None:
    if not heads:
        return None  # no head known: every position is tried
    automaton = ahocorasick.Automaton()
    for head in heads:
        automaton.add_word(head, len(head))
    automaton.make_automaton()
    return automaton


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
