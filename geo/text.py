"""Pure text helpers that keep offsets: folding for matching, sentences and paragraphs.

Every function here returns offsets into the string it was given. ``fold`` maps each
character to exactly one character, so an offset in the folded text is the same offset
in the original: matching runs on the folded text, and surfaces are cut from the
original.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# One character in, one character out: apostrophes, dashes and odd spaces become their
# ASCII forms; ё becomes е because the gazetteer writes е for ё almost everywhere.
_FOLD_TABLE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\t": " ",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02b9": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": "-",
    "Ё": "е", "ё": "е",
})


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items() if chr(k) != chr(k).upper() or not chr(k).isalpha())


def fold(text: str) -> str:
    """Lower-case and unify look-alike characters, keeping the length.

    >>> fold("Плехово\u00a0— Sudzha\u2019s")
    "плехово - sudzha's"
    >>> len(fold("İstanbul")) == len("İstanbul")
    True
    """
    out = text.lower()
    if len(out) == len(text):
        # str.replace per special character is several times faster than str.translate
        # with a dict table on long texts; both map one character to one.
        for old, new in _FOLD_PAIRS:
            if old in out:
                out = out.replace(old, new)
        return out
    # A few characters lower-case to two (İ → i̇); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD_TABLE))


def is_word_char(ch: str) -> bool:
    """Letters and digits continue a word; apostrophes and hyphens do not."""
    return ch.isalnum()


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    "u.s mr mrs ms dr gen lt col maj sgt capt st no jan feb mar apr jun jul aug sep sept oct nov dec "
    "vs etc approx est inc ltd co corp gov rep sen prof jr sr adm cmdr pres dept mt ft "
    "г гг ул им т тыс млн млрд см др пр обл р-н с д п х тис".split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[.!?…]+[\"'”’»)\]]*$|\n")


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial ("U.S.", "Feb.", "L.")."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().strip(".")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter: an initial ("John F. Kennedy").
    return len(word) == 1 and text[start].isupper()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; spans are trimmed of white space.

    A line break always ends a sentence (news text puts paragraphs on lines, and
    headlines have no full stop).

    >>> t = "Zelensky said 3,800 were hit. U.S. officials say 8,000. Done"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Zelensky said 3,800 were hit.', 'U.S. officials say 8,000.', 'Done']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group() != "\n" and match.group()[0] == "." and _ends_with_abbreviation(text, match.start()):
            nxt = text[match.end():match.end() + 3].lstrip()
            if not nxt or not nxt[0].isupper() or text[match.start() - 1].isupper():
                continue
            # "U.S. officials" continues; "in the U.S. Officials said" is ambiguous: keep together.
            continue
        _append_trimmed(text, cursor, match.end(), spans)
        cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    # str.strip() drops exactly the characters str.isspace() accepts, in C (issue 14:
    # the character-by-character loop was a tenth of decoding a 4 KB article).
    chunk = text[start:end]
    stripped = chunk.lstrip()
    if stripped:
        start += len(chunk) - len(stripped)
        spans.append((start, start + len(stripped.rstrip())))


# A line is a maximal run of characters other than CR and LF: the same non-empty pieces
# as splitting on "\r\n", "\r" and "\n".
_LINE = re.compile(r"[^\r\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, trimmed: news text puts one paragraph on each line.

    >>> [p for p in paragraph_spans("a b\\n\\n c\\r\\n")]
    [(0, 3), (6, 7)]
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.lstrip()
        if stripped:
            start = match.start() + len(line) - len(stripped)
            spans.append((start, start + len(stripped.rstrip())))
    return spans


def span_index(spans: Sequence[tuple[int, int]], offset: int) -> int | None:
    """Index of the span that holds ``offset``, or None."""
    # bisect on the spans themselves: a list of starts built per call made a long text
    # quadratic (issue 13)
    i = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return i
    return None


def clip_context(text: str, span: tuple[int, int], start: int, end: int, limit: int) -> tuple[int, int]:
    """Clip ``span`` (a sentence) to at most ``limit`` characters around [start, end)."""
    s, e = span
    if e - s <= limit:
        return s, e
    half = max(0, (limit - (end - start)) // 2)
    s2 = max(s, start - half)
    e2 = min(e, s2 + limit)
    return s2, e2
