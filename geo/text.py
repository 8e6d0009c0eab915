"""Pure text helpers that keep offsets: folding for matching, sentences and paragraphs.

Every function here returns offsets into the string it was given. ``fold`` maps each
character to exactly one character, so an offset in the folded text is the same offset
in the original: matching runs on the folded text, and surfaces are cut from the
original. The one exception is ``squeeze``, which takes out the characters of no width
inside words (a soft hyphen, a zero-width space: ``HIDDEN``) and keeps the map of its
offsets back to the original (``Squeezed``), for ``pipeline.process_document``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from re import _constants as op  # the parse tree of a pattern has no public form
from re import _parser
from typing import Any

import ahocorasick

from geo.homoglyphs import unmix
from geo.regex_cache import compile_pattern, remembered_cues

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


# The pairs for what is left after str.lower(): every key but the capitals (Ё). Not "the
# letters with case": the modifier apostrophe ʼ (U+02BC, "Кремʼяне") is a letter without case.
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items() if chr(k) == chr(k).lower())
#: The pairs an ASCII text can hold (the tab, the backtick): half the texts folded are short
#: ASCII phrases, and testing them for 22 characters cost twice their ``str.lower`` (issue 14).
_ASCII_FOLD_PAIRS = tuple((old, new) for old, new in _FOLD_PAIRS if old.isascii())


def fold(text: str) -> str:
    """Lower-case and unify look-alike characters, keeping the length.

    >>> fold("Плехово\u00a0— Sudzha\u2019s")
    "плехово - sudzha's"
    >>> len(fold("İstanbul")) == len("İstanbul")
    True
    >>> fold("Кремʼяне")
    "крем'яне"
    """
    out = unmix(text.lower())  # "Суджa" with a Latin a is Суджа (homoglyphs)
    if len(out) == len(text):
        # str.replace per special character is several times faster than str.translate
        # with a dict table on long texts; both map one character to one.
        for old, new in _ASCII_FOLD_PAIRS if out.isascii() else _FOLD_PAIRS:
            if old in out:
                out = out.replace(old, new)
        return out
    # A few characters lower-case to two (İ → i̇); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD_TABLE))


#: Characters of no width that pages and editors put inside words: the soft hyphen (HTML's
#: ``&shy;``, a hyphenation hint), the zero-width space, non-joiner and joiner, the word joiner
#: and a byte order mark left inside a text, and the marks of writing direction that text copied
#: from social media carries (left-to-right and right-to-left marks, embeddings, isolates).
#: "Плехо\u00adво" reads as "Плехово" on screen; a name, a speech verb or a trigger with one
#: inside it matches nothing until it is taken out.
HIDDEN = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN_RUN = compile_pattern(f"[{HIDDEN}]+")


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text without its ``HIDDEN`` characters, and the map of its offsets to the original.

    text    the original text with every hidden character taken out
    kept    ``kept[i]`` is the original offset of ``text[i]``; one more entry, the original's
            length, stands after the last
    removed  the original offsets of the characters taken out, sorted

    The rules read ``text``; what they find is cut again from the original through
    ``original_span``, so a quote stays ``original[start:end]`` (with any hidden character
    inside it) and an offset stays one into the text geo stores.
    """

    text: str
    kept: tuple[int, ...]
    removed: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]`` (a hidden character inside stays inside).

        >>> s = squeeze("Sud\u00adzha is")
        >>> s.original_span(0, 5), s.original_span(6, 8)
        ((0, 6), (7, 9))
        """
        if end <= start:
            return self.kept[start], self.kept[start]
        return self.kept[start], self.kept[end - 1] + 1

    def squeezed_offset(self, offset: int) -> int:
        """Where the original ``offset`` falls in ``text`` (a hidden character, at what follows it)."""
        return offset - bisect_left(self.removed, offset)


def visible(text: str | None) -> str | None:
    """``text`` without its hidden characters: for a headline or an outlet's name shown as it reads.

    >>> visible("Бои за Суд\u00adжу"), visible(None)
    ('Бои за Суджу', None)
    """
    return _HIDDEN_RUN.sub("", text) if text else text


def squeeze(text: str) -> Squeezed | None:
    """``text`` without its hidden characters (``HIDDEN``), or None when it has none.

    None is the common case, and the caller then reads the text itself: a text with no hidden
    character is read exactly as before.

    >>> squeeze("Плехо\u00adво и Sud\u200bzha").text
    'Плехово и Sudzha'
    >>> squeeze("Плехово") is None
    True
    """
    if not _HIDDEN_RUN.search(text):
        return None
    removed = tuple(i for m in _HIDDEN_RUN.finditer(text) for i in range(m.start(), m.end()))
    gone = frozenset(removed)
    kept = (*(i for i in range(len(text)) if i not in gone), len(text))
    return Squeezed(text=_HIDDEN_RUN.sub("", text), kept=kept, removed=removed)


def is_word_char(ch: str) -> bool:
    """Letters and digits continue a word; apostrophes and hyphens do not."""
    return ch.isalnum()


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    "u.s mr mrs ms dr gen lt col maj sgt capt st no jan feb mar apr jun jul aug sep sept oct nov dec "
    "vs etc approx est inc ltd co corp gov rep sen prof jr sr adm cmdr pres dept mt ft "
    "г гг ул им т тыс млн млрд см др пр обл р-н с д п х тис кв sq".split()
)
_SENTENCE_END = compile_pattern(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[.!?…]+[\"'”’»)\]]*$|\n")


#: The longest abbreviation; a word of more letters before a period is none (nor an initial).
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial ("U.S.", "Feb.", "L.")."""
    longer = _LONGEST_ABBREVIATION + 1
    if dot >= longer and text[dot - longer:dot].isalpha():
        # the word holds these letters (no period among them to strip): too long for the list,
        # which the loop below would find a letter at a time (most sentences end so, issue 14)
        return False
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
        dot = match.start()
        if text[dot] == "." and _ends_with_abbreviation(text, dot):
            # "U.S. officials" continues; "in the U.S. Officials said" is ambiguous: keep together.
            continue
        _append_trimmed(text, cursor, match.end(), spans)
        cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


@lru_cache(maxsize=4)
def document_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``sentence_spans`` of the whole text, split once per document.

    Place resolution weighs names by sentence and the claim readers walk each paragraph's
    sentences: both read this one split (issue 14: it was split twice per document).
    """
    return tuple(sentence_spans(text))


def line_sentences(text: str, start: int, end: int) -> Sequence[tuple[int, int]]:
    r"""``sentence_spans(text, start, end)`` for a line of ``paragraph_spans``, cut from
    ``document_sentences``.

    Equal because a line break always ends a sentence and spans are trimmed, so no sentence
    of the whole text crosses a line; a lone carriage return ends a line but not a
    sentence, so a text that has one is split line by line as before.

    >>> t = "Officials said 40 were killed. Two more died.\nThe next line"
    >>> [t[s:e] for s, e in line_sentences(t, 0, 45)]
    ['Officials said 40 were killed.', 'Two more died.']
    """
    if _has_carriage_return(text):
        return sentence_spans(text, start, end)
    sentences = document_sentences(text)
    return sentences[bisect_left(sentences, (start, -1)):bisect_left(sentences, (end, -1))]


@lru_cache(maxsize=4)
def _has_carriage_return(text: str) -> bool:
    """Whether ``text`` holds a CR, read once per document, not once per line (which made a
    long article's cost grow with its square)."""
    return "\r" in text


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
_LINE = compile_pattern(r"[^\r\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, trimmed: news text puts one paragraph on each line.

    >>> [p for p in paragraph_spans("a b\\n\\n c\\r\\n")]
    [(0, 3), (6, 7)]
    """
    return list(_paragraph_spans(text))


@lru_cache(maxsize=4)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``paragraph_spans``, kept for the last few texts: the chrome, metadata and claim
    readers each split the same document again (seven times per article, issue 11)."""
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.lstrip()
        if stripped:
            start = match.start() + len(line) - len(stripped)
            spans.append((start, start + len(stripped.rstrip())))
    return tuple(spans)


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


# --------------------------------------------------------------------------- cues

#: Characters that a case-blind pattern takes for a Latin or Cyrillic letter but that
#: ``fold`` does not lower to it (İ, dotless ı, long ſ, the old Cyrillic forms ᲀ…ᲆ).
#: A stretch of text holding one is given to every pattern (``Cues.mask``); a test
#: derives the list from ``re`` itself.
CASE_TWINS = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86"
#: A literal set larger than this is not spelled out (``_exact``); a shorter cue is used.
_MAX_SPELLED = 256


def required_cues(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` holds one (folded), or None if none is known.

    The pattern's parse tree is read, not its text: a run of literals ("according"), a
    group whose branches each need a literal ("(?:said|заявил\\w*)" needs "said" or
    "заявил"), a repeat that must occur once. Of the candidates, the set whose shortest
    string is longest is kept: it rules out the most text. Sound by construction: a
    stretch of text with none of the strings cannot hold a match.

    >>> sorted(required_cues(re.compile(r"(?<!\\w)(?:according\\s+to|figures?\\s+from)\\s+\\w+")))
    ['according', 'figure']
    >>> sorted(required_cues(re.compile(r"(?i)по\\s+(?:данным|словам)")))
    ['данным', 'словам']
    >>> required_cues(re.compile(r"\\w+")) is None
    True
    """
    found = _required(_parser.parse(pattern.pattern, pattern.flags), {})
    if found is None:
        return None
    folded = {fold(c) for c in found}
    # "figure" already finds every "figures" (an optional ending spells both)
    return frozenset(c for c in folded if not any(c[:k] in folded for k in range(1, len(c))))


_Spelled = dict[int, "frozenset[str] | None"]


def _required(items: Iterable[tuple[object, object]], memo: _Spelled) -> frozenset[str] | None:
    """The best cue set of a sequence of parse items (``required_cues``); ``memo`` holds
    ``_exact`` per item, which the walk asks again at every level."""
    candidates: list[frozenset[str]] = []
    segment: list[frozenset[str]] = []
    size = 1

    def close() -> None:
        spelled = _product(segment)
        if spelled is not None and "" not in spelled:
            candidates.append(spelled)
        segment.clear()

    for item, exact in _spelled_items(items, memo):
        if exact is not None and len(exact) * size <= _MAX_SPELLED:
            segment.append(exact)
            size *= len(exact)
            continue
        close()
        size = 1
        kind, value = item  # a literal run is always spelled: only other items reach here
        inner: frozenset[str] | None = None
        if kind is op.SUBPATTERN:
            inner = _required(value[3], memo)  # type: ignore[index]
        elif kind is op.ATOMIC_GROUP:
            inner = _required(value, memo)  # type: ignore[arg-type]
        elif kind in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT) and value[0] >= 1:  # type: ignore[index]
            inner = _required(value[2], memo)  # type: ignore[index]
        elif kind is op.BRANCH:
            branches = [_required(b, memo) for b in value[1]]  # type: ignore[index]
            inner = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        if inner:
            candidates.append(inner)
        if exact is not None:  # spelled out, but too many strings to join the segment
            segment.append(exact)
            size = len(exact)
    close()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _product(parts: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """Every concatenation of one string from each part, or None if there are too many."""
    size = 1
    for part in parts:
        size *= len(part)
    if size > _MAX_SPELLED:
        return None
    return frozenset("".join(p) for p in product(*parts))


def _exact(item: tuple[object, object], memo: _Spelled) -> frozenset[str] | None:
    """Every string a parse item can match, when that is a short list ("" for assertions)."""
    key = id(item)
    if key not in memo:
        memo[key] = _spell(item, memo)
    return memo[key]


def _spell(item: tuple[object, object], memo: _Spelled) -> frozenset[str] | None:
    kind, value = item
    if kind is op.LITERAL:
        return frozenset({chr(value)})  # type: ignore[arg-type]
    if kind in (op.AT, op.ASSERT, op.ASSERT_NOT):
        return frozenset({""})  # zero width: the match holds nothing of it
    if kind is op.IN and all(k is op.LITERAL for k, _ in value):  # type: ignore[attr-defined]
        return frozenset(chr(v) for _, v in value)  # type: ignore[attr-defined]
    if kind is op.SUBPATTERN:
        return _exact_sequence(value[3], memo)  # type: ignore[index]
    if kind is op.BRANCH:
        branches = [_exact_sequence(b, memo) for b in value[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        joined = frozenset().union(*branches)  # type: ignore[arg-type]
        return joined if len(joined) <= _MAX_SPELLED else None
    if kind in (op.MAX_REPEAT, op.MIN_REPEAT) and value[:2] == (0, 1):  # type: ignore[index]
        once = _exact_sequence(value[2], memo)  # type: ignore[index]
        return None if once is None else once | {""}
    return None


def _exact_sequence(items: Iterable[tuple[object, object]], memo: _Spelled) -> frozenset[str] | None:
    parts = []
    for _, part in _spelled_items(items, memo):
        if part is None:
            return None
        parts.append(part)
    return _product(parts)


def _spelled_items(items: Iterable[tuple[object, object]],
                   memo: _Spelled) -> list[tuple[Any, frozenset[str] | None]]:
    """Each item with ``_exact`` of it; a run of literals is one spelled item (None, {run}):
    the lexicons are mostly words, and a set per letter made the walk slow."""
    out: list[tuple[Any, frozenset[str] | None]] = []
    run: list[str] = []
    for item in getattr(items, "data", items):  # a SubPattern's list, not its slow __getitem__
        if item[0] is op.LITERAL:
            run.append(chr(item[1]))  # type: ignore[arg-type]
            continue
        if run:
            out.append((None, frozenset({"".join(run)})))
            run = []
        out.append((item, _exact(item, memo)))
    if run:
        out.append((None, frozenset({"".join(run)})))
    return out


@dataclass(frozen=True)
class Cues:
    """Which of several patterns may match in a stretch of text: one automaton pass.

    Each pattern's ``required_cues`` go into one Aho-Corasick automaton over folded text;
    ``mask`` returns the patterns whose cues occur, as bits. A pattern with no known cue
    is always in the mask. A rule then runs its patterns only where the mask allows, so a
    sentence with no speech verb costs one pass, not one search per pattern (issue 14).
    """

    automaton: ahocorasick.Automaton
    always: int  # the patterns with no cue
    every: int  # all the patterns

    @classmethod
    def of(cls, patterns: Sequence[re.Pattern[str]]) -> Cues:
        """The cues of ``patterns``; bit i of a mask stands for ``patterns[i]``."""
        bits: dict[str, int] = {}
        always = 0
        read: dict[int, frozenset[str] | None] = {}  # a pattern given twice is read once
        for i, rx in enumerate(patterns):
            if id(rx) not in read:
                read[id(rx)] = remembered_cues(rx, required_cues)
            cues = read[id(rx)]
            if cues is None:
                always |= 1 << i
                continue
            for cue in cues:
                bits[cue] = bits.get(cue, 0) | 1 << i
        every = (1 << len(patterns)) - 1
        # a twin lets every pattern run (its bits are all of them)
        return cls(_automaton(bits | dict.fromkeys(CASE_TWINS, every)), always, every)

    def mask(self, text: str, start: int = 0, end: int | None = None, *, is_folded: bool = False) -> int:
        """The patterns that may match in ``text[start:end]``, as bits (``is_folded``: the
        text is ``fold``'s already)."""
        chunk = text[start:end]
        bits = self.always
        for _, cue_bits in self.automaton.iter(chunk if is_folded else fold(chunk)):
            bits |= cue_bits
        return bits


def _holds_twin(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a case twin: none in an ASCII text (an O(1) flag),
    else one ``str.find`` per twin, with no slice and no regex (issue 14: a character-class
    search cost more than the cue pass it guards)."""
    if text.isascii():
        return False
    stop = len(text) if end is None else end
    for twin in CASE_TWINS:
        if text.find(twin, start, stop) >= 0:
            return True
    return False


def _automaton(words: Mapping[str, object]) -> ahocorasick.Automaton:
    """An automaton of ``words`` (each with its value), the case twins among them.

    A stretch that holds a twin must be searched whatever its cues (``CASE_TWINS``); as a
    word of the automaton, a twin is found in the same pass as the cues, not by ten
    ``str.find`` after it (a third of the gates' cost, issue 14). ``fold`` leaves every
    twin as it is and makes none of any other character (a test checks every code point),
    so the folded stretch holds a twin exactly where the text does.
    """
    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


#: The folded text of the last documents a gate was asked about: a rule searching a
#: stretch of the original text checks its cues in the same stretch folded, with no fold
#: per search (``fold`` keeps offsets).
_folded_document = lru_cache(maxsize=4)(fold)


@dataclass(frozen=True, slots=True)
class Gated:
    """A pattern searched only where one of its own cues occurs (issue 14).

    The cues are ``required_cues`` of the pattern itself, so a literal added to the
    pattern later is a cue at once: no second list to keep. A stretch of text that holds
    none of them (nor a case twin) cannot hold a match, and costs one automaton pass
    instead of a regex search at every position; a pattern with no known cue is always
    searched. ``is_folded``: the callers give ``fold``'s text (no folding per search).
    """

    pattern: re.Pattern[str]
    automaton: ahocorasick.Automaton | None
    is_folded: bool

    @classmethod
    def of(cls, pattern: re.Pattern[str], *, is_folded: bool) -> Gated:
        """``pattern`` behind its cues; ``is_folded``: it is searched in folded text."""
        cues = remembered_cues(pattern, required_cues)
        if not cues:
            return cls(pattern, None, is_folded)
        # each word's value is the word itself (``chrome`` reads where a cue starts)
        return cls(pattern, _automaton({word: word for word in (*cues, *CASE_TWINS)}), is_folded)

    def may_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether text[start:end] holds one of the cues (else the pattern cannot match there)."""
        if self.automaton is None:
            return True
        # the bounds as ``re`` reads them: a negative start is 0, an end past the text its end
        start = max(start, 0)
        stop = len(text) if end is None else min(end, len(text))
        if self.is_folded:
            folded = text
        elif start == 0 and stop >= len(text):
            folded = fold(text)  # a string of its own: a line, a phrase
        else:
            folded = _folded_document(text)  # a stretch of a document: folded once
        # The stretch's own slice: given the whole text with bounds, the automaton's ``iter``
        # copies all of it at each call (a long article's cost grew with its square). A case
        # twin is a word of the automaton too (``_automaton``).
        return next(self.automaton.iter(folded[start:stop]), None) is not None

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, None at once where no cue occurs."""
        stop = len(text) if end is None else end
        return self.pattern.search(text, start, stop) if self.may_match(text, start, stop) else None

    def match(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``pattern.match(text, start, end)``, None at once where no cue occurs."""
        stop = len(text) if end is None else end
        return self.pattern.match(text, start, stop) if self.may_match(text, start, stop) else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, empty at once where no cue occurs."""
        stop = len(text) if end is None else end
        return self.pattern.finditer(text, start, stop) if self.may_match(text, start, stop) else iter(())

