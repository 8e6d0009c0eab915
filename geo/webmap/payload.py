"""The map's data: a small index in the page, the heavy text in card shards beside it.

Pure: the caller reads ``districts.geojson`` and the licence text and passes them in;
nothing here touches files, the clock or the network. The page carries two halves:

- :func:`static_members`: what depends only on the gazetteer and the code (every
  settlement, the districts, the outline, the licence, the kinds). ``build.py`` encodes
  it once and caches it on disk.
- :func:`record_members`: what comes from the records, in source order, one document
  at a time, so that memory does not grow with the corpus.

Why two parts per document (issues 12 and 14): the page of 10,000 realistic articles
carried 110 MB of quotes, contexts and titles, and took seconds to load; the first
paint needs none of that text. So each document is rendered, once, as two JSON texts
(:func:`doc_entry_json`, kept by the Store as rendered when the document was
extracted, and copied into every later map):

- its **index** (:func:`doc_parts`): for each claim what the markers, counters,
  filters, time slider and feed need (statement, claimant, kind, figure as written,
  dates, side, holder, place ids), the places it mentions without a claim and how many
  names it left unresolved. The page writer (:class:`PageIndex`) turns the claims
  into columns of small integers (``claim_kind``, ``claim_day`` ...), with one string
  table and one place list for the whole page (``strings``, ``places``), and the
  contested claims as claim numbers;
- its **card** (:func:`doc_parts`): the source's metadata, its distinct texts (quotes
  and contexts, each stored once), its claims (rows of the fields of
  ``geo.export.rows.claim_dict``, each with its places, links and highlight spans),
  its mentions and its unresolved names. Cards are written beside the page in shards
  (``geo.webmap.cards``) that ``map.js`` loads when a popup, a panel or the reader
  needs them.

Claims come in ``Claim.sort_key`` order and every list in a fixed order, so one build
gives one byte string, whether its entries were copied or rendered.

Article text leaves Python here, and only as data: :func:`script_json` encodes each
piece for a ``<script>`` element, escaping ``<``, ``>``, ``&``, U+2028 and U+2029 so that
no quote can close the element, open markup or break a parser. The map's script puts it
into the page with ``textContent`` only.

Offsets sent to the browser (the place name highlighted inside a quote) count UTF-16
code units, as JavaScript strings do; Python's offsets count code points, and the two
differ from the first character outside the Basic Multilingual Plane (an emoji).
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import itertools
import json
import operator
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

try:  # CPython's table of the letters a case-blind pattern equates beyond str.lower
    from re._compiler import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # another Python: no text is folded (``_fold``), every name is searched
    _EXTRA_CASES = None

from geo import json_text
from geo.export.rows import _place_fields, claim_dict, lon_lat, source_dict, unresolved_dict
from geo.model import Build, Claim, Kind, Mention, Place, Resolution, Source
from geo.records import Records, as_records
from geo.sides import Side, read_control, side_of

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

#: Colour of each kind of claim (Okabe-Ito palette: tells apart for colour-blind readers).
KIND_COLORS: Mapping[Kind, str] = {
    Kind.KILLED: "#d55e00",
    Kind.WOUNDED: "#e69f00",
    Kind.KILLED_OR_WOUNDED: "#cc79a7",
    Kind.CAPTURED: "#0072b2",
    Kind.MISSING: "#56b4e9",
    Kind.DEPLOYED: "#009e73",
    Kind.CONTROL: "#7b3294",
    Kind.OTHER: "#8c8c8c",
}

#: Shown when a Build carries no attribution of its own (gazetteer/ATTRIBUTION.md, short).
DEFAULT_ATTRIBUTION = (
    "Settlements: INID / ЦПУР (Rosstat data), CC BY-SA 4.0",
    "Town names: GeoNames, CC BY 4.0",
    "Boundaries: © OpenStreetMap contributors, ODbL 1.0",
)

#: Positions in each row of ``settlements`` (rows, not objects: a third of the size).
SETTLEMENT_FIELDS = ("id", "name", "name_local", "alternates", "lat", "lon", "district",
                     "population")

#: Positions in each row of a document's card ``claims``: the fields of ``rows.claim_dict``
#: but the three the row's place says (``source``: the document; ``link`` and
#: ``contested``: per place, in ``at`` and the page's ``contested``), then ``day``
#: (:func:`first_day` of the claim's date, else its article's), ``side`` (the claimant's side, ``geo.sides``), ``holding``
#: ([holder, has_left] of a control claim, else null) and ``at``, the places a claim is
#: tied to as [place id, link, highlight spans].
CLAIM_FIELDS = ("claim_id", "statement_id", "quote", "start", "end", "claimant", "kind",
                "subject", "figure", "reported", "reported_precision", "day", "side", "holding",
                "at")

#: Positions in each claim row of a document's index, as the Store keeps it: what the
#: page needs before any card is loaded. ``statement`` is :func:`statement_key`,
#: ``figure`` the figure as written, ``has_left`` 0 or 1, ``places`` the place ids.
INDEX_FIELDS = ("claim_id", "statement", "claimant", "kind", "figure", "reported", "day", "side",
                "holder", "has_left", "places")

#: The page's claim columns (``claim_<name>``), one value per claim in page order:
#: numbers into ``strings`` (0 is null), but ``kind`` is the kind's place in ``Kind``
#: plus 8 times what a control claim says (0: nothing; else 1 + 2 x the holder's place
#: in ``Side``, + 1 when the claim says the other side left), ``reported`` is 0 when it
#: is the claim before it's (three claims in four) and -1 when null, and ``place``
#: holds each claim's place numbers, the last as it is and any before it as
#: -2 - number, or -1 for a claim tied to no place.
#: ``claim_statement`` is one string, :func:`statement_key` of each claim in turn.
#: ``claim_day`` comes as pairs [claim number, day, ...] for the claims whose day is not
#: their ``reported`` (-1: null; most claims have none). A claim's side is its
#: claimant's (``claimant_side``, by string number). Columns, not a row per
#: claim: one flat run of small integers per field is several times faster to read than
#: 200,000 small arrays, and ``map.js`` filters over typed arrays. Each column is one
#: string of :func:`encode_digits` (``DIGIT_MEMBERS``), which ``map.js`` reads straight
#: into an Int32Array.
CLAIM_COLUMNS = ("claimant", "kind", "figure", "reported", "place", "day")
_KINDS = {kind.value: i for i, kind in enumerate(Kind)}
_SIDES = {side.value: i for i, side in enumerate(Side)}


def kind_code(kind: str, holder: str | None, has_left: int) -> int:
    """A claim's ``claim_kind`` number: its kind, and for a control claim who holds the
    ground and whether the other side left it (``map.js`` splits it the same way).

    >>> kind_code("killed", None, 0) == list(Kind).index(Kind.KILLED)
    True
    """
    holding = 0 if holder is None else 1 + 2 * _SIDES[holder] + has_left
    return _KINDS[kind] + len(_KINDS) * holding

#: The members written as :func:`encode_digits` text, not as JSON arrays: the claim
#: columns and ``contested``, a number or three per claim (issue 14: as JSON arrays of
#: decimals they were 3.9 of the 10,000-article page's 7.1 MB; as digits, 2.1).
DIGIT_MEMBERS = (*(f"claim_{name}" for name in CLAIM_COLUMNS), "contested")

#: A digit's 64 characters (base64's URL-safe alphabet): nothing a script element or a JSON
#: string must escape. A digit carries 5 bits; 32 is added while more digits follow.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_DIGIT_VALUE = {char: value for value, char in enumerate(DIGITS)}


def _digits_of(zigzag: int) -> str:
    out = []
    while zigzag >= 32:
        out.append(DIGITS[32 | zigzag & 31])
        zigzag >>= 5
    out.append(DIGITS[zigzag])
    return "".join(out)


_SHORT_DIGITS = tuple(_digits_of(z) for z in range(1024))  # 1 or 2 digits: nearly every value


def encode_digits(values: Iterable[int]) -> str:
    """Integers as one string: each zigzagged (-1 is 1, 1 is 2), in 5-bit digits, low first.

    ``map.js`` (``digits``) decodes it; :func:`decode_digits` is the inverse. A number
    under 16 takes one character, under 512 two, where JSON takes its decimals and a comma.

    >>> encode_digits([0, 1, -1, 15, 16, 300])
    'ACBegB4S'
    >>> decode_digits(encode_digits([0, 1, -1, 15, 16, 300, -2, 10**9]))
    [0, 1, -1, 15, 16, 300, -2, 1000000000]
    """
    out = []
    for value in values:
        zigzag = value << 1 if value >= 0 else ~value << 1 | 1
        out.append(_SHORT_DIGITS[zigzag] if zigzag < len(_SHORT_DIGITS) else _digits_of(zigzag))
    return "".join(out)


def decode_digits(text: str) -> list[int]:
    """The integers of an :func:`encode_digits` string (tests and tools read the page with it)."""
    out, zigzag, shift = [], 0, 0
    for char in text:
        digit = _DIGIT_VALUE[char]
        zigzag |= (digit & 31) << shift
        if digit < 32:
            out.append(zigzag >> 1 if not zigzag & 1 else ~(zigzag >> 1))
            zigzag, shift = 0, 0
        else:
            shift += 5
    return out


#: Documents per card shard: one, so that a popup's 20 cards load about 20 small files
#: (~10 KB each) and nothing else; with 8, the biggest popup of 10,000 articles loaded
#: 1.7 MB and took over a second (bench/bench_map.py).
CARD_DOCS = 1

_CLAIM_ROW = operator.itemgetter(*CLAIM_FIELDS)  # a tuple: JSON writes it as an array

#: Names shorter than this are not searched for in a quote (they would match inside words).
_MIN_NAME_LENGTH = 3
_OUTLINE_DECIMALS = 5  # the district file's own precision (about 1 m)

#: What may not stand raw in a script element: markup characters, the two characters
#: that end a JavaScript line, and lone surrogates (not valid UTF-8).
_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
#: Characters that count two in JavaScript's UTF-16 offsets (an emoji).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def script_json(data: object) -> str:
    r"""Encode ``data`` as JSON that is inert inside ``<script type="application/json">``.

    Parameters
    ----------
    data
        Plain JSON-ready data (dicts, lists, strings, numbers, None).

    Returns
    -------
    str
        Compact JSON with ``<``, ``>``, ``&``, U+2028, U+2029 and lone surrogates written
        as ``\uXXXX`` escapes; ``JSON.parse`` gives back the same values.

    Examples
    --------
    >>> script_json({"q": "</script><b>&"})
    '{"q":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    """
    text = json_text.dumps(data)  # json.dumps(…, ensure_ascii=False, compact, allow_nan=False)
    return _UNSAFE.sub(_escape, text)


@dataclass(frozen=True, slots=True)
class EncodedValue:
    """A value that is already :func:`script_json` text, in pieces: written as it is."""

    pieces: Iterator[str]


@dataclass(frozen=True, slots=True)
class EncodedItems:
    """The items of an array that are already :func:`script_json` text: copied, not encoded.

    items   an iterator of JSON texts, one per item (a Store's pre-rendered documents)
    """

    items: Iterator[str]


def encode_members(members: Iterable[tuple[str, object]]) -> Iterator[str]:
    r"""The JSON text of an object's members, without its braces, one piece at a time.

    A value that is an iterator becomes an array written item by item, so that a
    streamed list is never held whole; every key and item goes through
    :func:`script_json`, so the pieces are as inert as one encoded document. The
    items of an :class:`EncodedItems` are written as they are.

    >>> "".join(encode_members([("a", 1), ("b", iter(["</x>", None])),
    ...                         ("c", EncodedItems(iter(['{"d":2}', "3"])))]))
    '"a":1,"b":["\\u003c/x\\u003e",null],"c":[{"d":2},3]'
    """
    separator = ""
    for key, value in members:
        yield f"{separator}{script_json(key)}:"
        separator = ","
        if isinstance(value, EncodedValue):
            yield from value.pieces
        elif isinstance(value, EncodedItems | Iterator):
            items = value.items if isinstance(value, EncodedItems) else map(script_json, value)
            yield "["
            comma = ""
            for item in items:
                yield comma + item
                comma = ","
            yield "]"
        else:
            yield script_json(value)


def utf16_offset(text: str, index: int) -> int:
    """The JavaScript (UTF-16) offset of the code-point offset ``index`` in ``text``.

    >>> utf16_offset("🔥 Суджа", 2)
    3
    """
    head = text[:index]
    return index if head.isascii() else len(head.encode("utf-16-le")) // 2


def first_day(reported: str | None) -> str | None:
    """The first day of a reported date, ISO week or month: what the time filter compares.

    None when there is no date or it cannot be read.

    >>> first_day("2024-W44"), first_day("2024-08"), first_day("2024-08-12T09:30:00+03:00")
    ('2024-10-28', '2024-08-01', '2024-08-12')
    """
    if not reported:
        return None
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-\d)?", reported)
    try:
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        if re.fullmatch(r"\d{4}(?:-\d{2})?", reported):
            return date.fromisoformat((reported + "-01-01")[:10]).isoformat()
        return date.fromisoformat(reported[:10]).isoformat()
    except ValueError:
        return None


#: A corpus repeats a few hundred dates across tens of thousands of claims.
_first_day = functools.lru_cache(maxsize=4096)(first_day)


class _Texts:
    """One document's table of distinct strings: each quote or context stored once, by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def _source_entry(source: Source) -> dict[str, object]:
    """The fields a card shows; the URL is shown as text to copy, never fetched or linked."""
    row = source_dict(source)
    return {key: row[key] for key in ("file", "title", "publisher", "published", "language", "url")}


def _spans(text: str, offsets: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Sorted, non-overlapping [start, end) spans of ``text``, in UTF-16 units."""
    out: list[list[int]] = []
    last = 0
    astral = not text.isascii() and _ASTRAL.search(text) is not None
    for start, end in sorted(set(offsets)):
        if start >= last and 0 <= start < end <= len(text):
            out.append([utf16_offset(text, start), utf16_offset(text, end)] if astral
                       else [start, end])
            last = end
    return out


def _alternates(gazetteer: Gazetteer, place_id: str) -> tuple[str, ...]:
    """A place's alternate names: ``gazetteer.names`` is in id order, so a binary search."""
    names = gazetteer.names
    i = bisect.bisect_left(names, place_id, key=lambda n: n.place_id)
    return names[i].alternates if i < len(names) and names[i].place_id == place_id else ()


@functools.lru_cache(maxsize=4096)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` (longest first), not inside a word; the same few recur in every document."""
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)


def _by_length(names: Iterable[str]) -> tuple[str, ...]:
    """Names longest first, the order ``_name_pattern`` tries them in; too short ones left out."""
    return tuple(sorted({n for n in names if len(n) >= _MIN_NAME_LENGTH}, key=lambda n: (-len(n), n)))


#: Characters that a case-blind pattern equates with another whose lower case differs
#: (``re._compiler._EXTRA_CASES``: "ı" and "i", "ſ" and "s", Greek and old Cyrillic
#: variants), each mapped to the first of its group, so that ``_fold`` equates them too.
_SAME_LETTER = {other: min(group) for first, others in (_EXTRA_CASES or {}).items()
                for group in [(first, *others)] for other in group if other != min(group)}
_RARE_LETTER = re.compile("[" + "".join(map(chr, sorted(_SAME_LETTER))) + "]" if _SAME_LETTER else "(?!)")


def _fold(text: str) -> str | None:
    """``text`` with every character a case-blind pattern equates made one, one character each.

    A name ``re.IGNORECASE`` finds in a text is then a substring of its fold: ``lower``
    is the simple case mapping ``re`` compares with, but for "İ", which lowers to two
    characters (None: not folded), and for final sigma, which ``_SAME_LETTER`` joins.
    """
    if "\u0130" in text or _EXTRA_CASES is None:
        return None
    low = text.lower()
    return low.translate(_SAME_LETTER) if _RARE_LETTER.search(low) else low


_fold_name = functools.lru_cache(maxsize=8192)(_fold)


def _find_names(names: tuple[str, ...], text: str, folded: str | None) -> Iterator[tuple[int, int]]:
    """The spans ``_name_pattern(names)`` finds in ``text`` (folded: ``_fold(text)``), compiling little.

    The alternation of a place's names and one document's spellings of it is a new
    combination in almost every document, and compiling it cost more than the rest of
    the document's map entry. A name that matches nowhere in the text never wins in the
    alternation, so leaving it out changes no span; and a name whose fold is not in the
    text's fold matches nowhere. The pattern is made of the names left, mostly none or
    the one the quote holds, shared with every document that holds it.
    """
    if folded is not None:
        names = tuple(n for n in names if (f := _fold_name(n)) is None or f in folded)
    return (m.span() for m in _name_pattern(names).finditer(text)) if names else iter(())


class _Highlighter:
    """Where a place's name stands in one document's texts: by its mention offsets, else by name.

    Only this document and the gazetteer are read, so that a document's entry does not
    change when another document is added: the names searched for are the place's own
    two, its gazetteer alternates and the surface forms this document resolved to it.
    """

    def __init__(self, resolutions: Iterable[Resolution], gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._offsets: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._surfaces: dict[str, set[str]] = defaultdict(set)
        self._names: dict[str, tuple[str, ...]] = {}
        self._folded: dict[str, str | None] = {}
        for res in resolutions:
            if res.place_id is not None:
                self._offsets[res.place_id].append((res.mention.start, res.mention.end))
                self._surfaces[res.place_id].add(res.mention.surface)
        for offsets in self._offsets.values():
            offsets.sort()  # cut by bisect in ``spans``

    def _names_of(self, place_id: str) -> tuple[str, ...]:
        """The names searched for, longest first (``_name_pattern``'s order); made once per place."""
        if place_id not in self._names:
            names = set(self._surfaces.get(place_id, ()))
            place = self._gazetteer.places.get(place_id)
            if place is not None:
                names |= {place.name, place.name_local, *_alternates(self._gazetteer, place_id)}
            self._names[place_id] = _by_length(names)
        return self._names[place_id]

    def _fold(self, text: str) -> str | None:
        """``_fold(text)``, once per text: a quote is searched for each of its places."""
        if text not in self._folded:
            self._folded[text] = _fold(text)
        return self._folded[text]

    def spans(self, place_id: str, text: str, text_start: int) -> list[list[int]]:
        """Spans of the place's name in ``text``, which starts at ``text_start`` of the document."""
        text_end = text_start + len(text)
        # From the first mention at or after ``text_start`` (bisect) to the first past the
        # text: a scan of every mention of the place per claim made a long article
        # quadratic (issue 13).
        offsets = self._offsets.get(place_id, [])
        i = bisect.bisect_left(offsets, (text_start, -1))
        by_offset = []
        while i < len(offsets) and offsets[i][0] < text_end:
            start, end = offsets[i]
            if end <= text_end:
                by_offset.append((start - text_start, end - text_start))
            i += 1
        if by_offset:
            return _spans(text, by_offset)
        names = self._names_of(place_id)
        return _spans(text, _find_names(names, text, self._fold(text))) if names else []


_STATEMENT_ID = re.compile("s-[0-9a-f]{16}")


@functools.lru_cache(maxsize=8192)  # a statement restated by several articles has one key (issue 14)
def statement_key(statement_id: str) -> str:
    """The page's key of a statement: 48 bits of its id, in 8 base64 characters.

    The browser only compares keys (one card per statement at a place); the id's 16 hex
    digits would cost twice the bytes on 200,000 claims. Two statements of one place
    share a key with odds of n^2 / 2^49: below 1e-7 for 5,000 statements.

    >>> statement_key("s-1491f0e95a4e2741")
    'FJHw6VpO'
    """
    digits = statement_id[2:14] if _STATEMENT_ID.fullmatch(statement_id) else \
        hashlib.sha256(statement_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return base64.b64encode(bytes.fromhex(digits)).decode("ascii")


def _claim_row(claim: Claim, published: str | None, texts: _Texts, at: list[list[object]],
               fields: Mapping[str, object] | None = None) -> tuple[tuple[object, ...], list[object]]:
    """A claim as a card row of :data:`CLAIM_FIELDS` and as an index row of :data:`INDEX_FIELDS`.

    A row, not a dict, so that tens of thousands of claims do not each repeat the keys
    (the field names travel once, in ``claim_fields``); the quote is an index into its
    document's texts. ``day`` is the claim's own date, else its article's publication
    date (the CSV's ``event_date`` rule): the time slider replays what was published up
    to a day. ``fields`` is ``claim_dict(claim, link=None)`` when the caller has it.
    """
    row = dict(fields) if fields is not None else claim_dict(claim, link=None)
    row["quote"] = texts.ref(claim.quote)
    row["day"] = _first_day(claim.reported or published)
    # ``_value_``: an enum member's own attribute, not the slower ``value`` property (issue 14)
    row["side"] = side_of(claim.claimant)._value_
    holding = read_control(claim)
    row["holding"] = None if holding is None else [holding.holder._value_, holding.has_left]
    row["at"] = at
    figure = claim.figure
    index = [claim.claim_id, statement_key(str(row["statement_id"])), claim.claimant,
             claim.kind._value_, figure.text if figure else None, claim.reported, row["day"],
             row["side"], None if holding is None else holding.holder._value_,
             int(holding is not None and holding.has_left), [a[0] for a in at]]
    return _CLAIM_ROW(row), index


def _context_spans(mention: Mention) -> list[list[int]] | None:
    """The mention inside its own context, or None when the context does not hold it."""
    offset = mention.start - mention.context_start
    if not mention.context or offset < 0 or offset + len(mention.surface) > len(mention.context):
        return None
    return _spans(mention.context, [(offset, offset + len(mention.surface))])


def _unresolved_entry(res: Resolution, texts: _Texts) -> dict[str, object]:
    """rows.unresolved_dict without the source (its document's) and with the context, if any."""
    row = unresolved_dict(res)
    del row["source"]
    spans = _context_spans(res.mention)
    row["context"] = texts.ref(res.mention.context) if spans is not None else None
    row["hl"] = spans or []
    return row


def _mention_rows(resolutions: Iterable[Resolution], claimed: set[str], texts: _Texts,
                  highlighter: _Highlighter) -> list[list[object]]:
    """The mentions of places this document ties no claim to, once per (place, context).

    Each is [place id, index into the document's texts, highlight spans]. ``map.js``
    shows a place's mentions only when no document ties a claim to it; which places
    those are depends on the whole corpus, so that choice is made in the browser.
    """
    out: list[list[object]] = []
    seen: set[tuple[str, str]] = set()
    for res in resolutions:
        place_id, m = res.place_id, res.mention
        text = m.context or m.surface
        if place_id is None or place_id in claimed or (place_id, text) in seen:
            continue
        seen.add((place_id, text))
        spans = (highlighter.spans(place_id, m.context, m.context_start) if m.context
                 else _spans(m.surface, [(0, len(m.surface))]))
        out.append([place_id, texts.ref(text), spans])
    return out


def doc_parts(source: Source, claims: Sequence[Claim], resolutions: Sequence[Resolution],
              gazetteer: Gazetteer, *, fields: Sequence[Mapping[str, object]] | None = None,
              ) -> tuple[dict[str, object], dict[str, object]] | None:
    """One document's index entry and card, made from that document and the gazetteer alone.

    Nothing in them depends on another document, so they are rendered once, when the
    document is extracted (``geo.store.stored_document``), and copied into every later
    map: places are named by id (not by their number in the page, which another article
    can shift), and whether a claim is contested, which depends on the other documents'
    claims, travels in the page's ``contested`` member instead.

    Parameters
    ----------
    source
        The document's source record.
    claims
        Its claims, in any order (put in ``Claim.sort_key`` order here).
    resolutions
        Its mention decisions, in any order (put in offset order here).
    gazetteer
        The names of the places, to find them in a quote that holds no mention of them.
    fields
        Each claim's ``rows.claim_dict(claim, link=None)``, in the order of ``claims``,
        when the caller has made them for the exports (``geo.store``): not made twice.

    Returns
    -------
    tuple of (dict, dict) or None
        The index: ``file``, ``claims`` (rows of :data:`INDEX_FIELDS`), ``mentions``
        (the ids of the places it mentions that none of its claims is tied to) and
        ``unresolved`` (how many); and the card: ``file``, ``title``, ``publisher``,
        ``published``, ``language``, ``url``, ``texts`` and, where not empty, ``claims``
        (rows of :data:`CLAIM_FIELDS`), ``mentions`` ([place id, text, spans]) and
        ``unresolved``. None when the document has no claim and no mention.
    """
    order = sorted(range(len(claims)), key=lambda i: (claims[i].start, claims[i].end, claims[i].kind._value_))
    claims = [claims[i] for i in order]
    resolutions = sorted(resolutions, key=lambda r: r.mention.start)
    texts = _Texts()
    highlighter = _Highlighter(resolutions, gazetteer)
    rows = [_claim_row(claim, source.published, texts, [[pl.place_id, pl.link._value_,
                                       highlighter.spans(pl.place_id, claim.quote, claim.start)]
                                      for pl in claim.places],
                       None if fields is None else fields[i])
            for i, claim in zip(order, claims, strict=True)]
    claimed = {pl.place_id for claim in claims for pl in claim.places}
    parts = {
        "claims": [card for card, _ in rows],
        "mentions": _mention_rows(resolutions, claimed, texts, highlighter),
        "unresolved": [_unresolved_entry(r, texts) for r in resolutions if r.place_id is None],
    }
    if not any(parts.values()):
        return None
    mentioned = list(dict.fromkeys(str(m[0]) for m in parts["mentions"]))
    index = {"file": source.source, "claims": [index for _, index in rows],
             "mentions": mentioned, "unresolved": len(parts["unresolved"])}
    card = {**_source_entry(source), "texts": texts.items,
            **{key: items for key, items in parts.items() if items}}
    return index, card


def doc_entry_json(source: Source, claims: Sequence[Claim], resolutions: Sequence[Resolution],
                   gazetteer: Gazetteer, *, fields: Sequence[Mapping[str, object]] | None = None,
                   ) -> str | None:
    """:func:`doc_parts` as script-safe JSON, index and card on two lines: what the Store keeps.

    One text, so that the Store keeps one rendered entry per document; ``script_json``
    writes a line break inside a string as ``\\n``, so the first line break is the split.
    """
    parts = doc_parts(source, claims, resolutions, gazetteer, fields=fields)
    return None if parts is None else f"{script_json(parts[0])}\n{script_json(parts[1])}"


def split_entry(entry: str) -> tuple[str, str]:
    """The index and the card of a stored entry (:func:`doc_entry_json`).

    >>> split_entry('{"file":"a"}\\n{"file":"a","texts":[]}')
    ('{"file":"a"}', '{"file":"a","texts":[]}')
    """
    index, _, card = entry.partition("\n")
    return index, card


def place_entry(place: Place) -> dict[str, object]:
    """A place as the exports describe it, with its point as named lat and lon."""
    lon, lat = lon_lat(place)
    # rows' private helper on purpose: one definition of a place's fields for every writer
    return {**_place_fields(place), "category": place.category, "lat": lat, "lon": lon}


def _merge(*walks: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, list[Any]]]:
    """Walks of (key, value) in key order, joined on the key: None where a walk lacks it."""
    heads = [next(walk, None) for walk in walks]
    while any(head is not None for head in heads):
        key = min(head[0] for head in heads if head is not None)
        values = []
        for i, head in enumerate(heads):
            if head is not None and head[0] == key:
                values.append(head[1])
                heads[i] = next(walks[i], None)
            else:
                values.append(None)
        yield key, values


def _documents(records: Records) -> Iterator[tuple[Source, list[Claim], list[Resolution]]]:
    """Each document's source record, claims and mentions, in source order.

    Sources, claims and resolutions are each walked in source order and merged, so one
    document's records are in memory at a time. A file the records hold claims or
    mentions of but no source record for gets a stub.
    """
    sources = ((s.source, s) for s in records.iter_sources())
    claims = ((name, list(group))
              for name, group in itertools.groupby(records.iter_claims(), key=lambda c: c.source))
    mentions = ((name, list(group)) for name, group in itertools.groupby(
        records.iter_resolutions(), key=lambda r: r.mention.source))
    for name, (source, doc_claims, doc_mentions) in _merge(sources, claims, mentions):
        yield source or Source(source=name, sha256=""), doc_claims or [], doc_mentions or []


@runtime_checkable
class _PreRendered(Protocol):
    """Records that keep each document's entry as rendered at extraction (``geo.store.Store``)."""

    def map_documents(self) -> Iterator[str]:
        """:func:`doc_entry_json` of every document that has one, in source order."""
        ...


class _DocEntries:
    """The stored entries (:func:`doc_entry_json`) of some records' documents, in source order."""

    def __init__(self, records: Records, gazetteer: Gazetteer) -> None:
        self._records, self._gazetteer = records, gazetteer

    def __iter__(self) -> Iterator[str]:
        if isinstance(self._records, _PreRendered):
            return self._records.map_documents()  # copied, not rendered
        return self._render()

    def _render(self) -> Iterator[str]:
        """Render each document's entry as the Store's worker would have: the same bytes."""
        for source, claims, resolutions in _documents(self._records):
            text = doc_entry_json(source, claims, resolutions, self._gazetteer)
            if text is not None:
                yield text


def doc_entries(records: Records, gazetteer: Gazetteer) -> Iterator[str]:
    """Each shown document's stored entry (index and card), in page order."""
    return iter(_DocEntries(records, gazetteer))


class _Column:
    """One column of the page's claims, kept in a temporary file so that memory stays flat.

    Values wait in ``values`` (one document's) until :meth:`flush` writes them at once: a
    write per value was half the writer's time.
    """

    def __init__(self, *, is_text: bool = False) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="ascii")  # noqa: SIM115 (closed in pieces)
        self._is_text = is_text
        self.values: list[int] | list[str] = []

    def flush(self) -> None:
        if self.values:
            # characters that need no escaping in JSON: base64 keys, or digits
            self._file.write("".join(self.values) if self._is_text  # type: ignore[arg-type]
                             else encode_digits(self.values))  # type: ignore[arg-type]
            self.values.clear()

    def pieces(self) -> Iterator[str]:
        """The column as one JSON string (:func:`encode_digits`), read back in pieces; then closed."""
        self.flush()
        with self._file:
            self._file.seek(0)
            yield '"'
            while chunk := self._file.read(1 << 16):
                yield chunk
            yield '"'

    def close(self) -> None:
        self._file.close()


class PageIndex:
    """Turns the documents' index entries into the page's claim columns and document rows.

    What they point into is built as they are made, in page order, so that one build
    gives one byte string: ``strings`` (every claimant, kind, figure, date, side and
    holder once; 0 is null), ``places`` (the records' places, then any place a claim
    names that they lack, from the gazetteer) and ``contested`` (flat triples of claim
    number, place number and the number of the claim it disagrees with: the claims whose
    figures conflict at that place, which depends on the whole corpus, so it is found
    here and not in an entry). The columns
    go to temporary files: memory grows with the distinct values only.
    """

    def __init__(self, records: Records, gazetteer: Gazetteer) -> None:
        self._records, self._gazetteer = records, gazetteer
        # the busiest places first, so that the numbers the claims repeat most are short
        self.places: list[Place] = sorted(
            records.places, key=lambda p: (-records.count_at(p.place_id)[1], p.place_id))
        self._place_numbers = {p.place_id: i for i, p in enumerate(self.places)}
        self.strings: list[str | None] = [None]
        self._string_numbers: dict[str, int] = {}
        # the claims a contested claim disagrees with, numbered as they come (few: read first)
        self._rivals = {p.place_id: rivals for p in records.places
                        if (rivals := records.rivals_at(p.place_id))}
        self._rival_ids = {rival for rivals in self._rivals.values() for rival in rivals.values()}
        self._rival_numbers: dict[str, int] = {}
        self._contested: list[tuple[int, int, str]] = []
        self.sides: dict[int, int] = {}  # claimant's string number -> its side's
        self.columns = {name: _Column() for name in CLAIM_COLUMNS}
        self.statements = _Column(is_text=True)
        self._claims = 0
        self._reported: str | None = None  # the last claim's

    @property
    def contested(self) -> list[int]:
        """Flat triples: a contested claim's number, its place's, and the claim it disagrees with (-1: not on the page)."""
        return [n for claim, place, rival in self._contested
                for n in (claim, place, self._rival_numbers.get(rival, -1))]

    def _string(self, value: str | None) -> int:
        if value is None:
            return 0
        number = self._string_numbers.get(value)
        if number is None:
            number = self._string_numbers[value] = len(self.strings)
            self.strings.append(value)
        return number

    def _place(self, place_id: str, *, may_add: bool) -> int | None:
        number = self._place_numbers.get(place_id)
        if number is None and may_add:
            place = self._gazetteer.places.get(place_id)
            if place is not None:
                number = self._place_numbers[place_id] = len(self.places)
                self.places.append(place)
        return number

    def row(self, index: str) -> str:
        """Add one document's claims to the columns; its row: [claims, mentions, unresolved].

        ``claims`` is how many claims it has (they follow the previous document's in the
        columns), ``mentions`` the numbers of the places it mentions without a claim. A
        place the page does not know is left out, as is a mention of one (a claim left
        with no place is listed as tied to none). Its file name comes with its card.
        """
        entry = json.loads(index)
        s = self._string
        statements, claimants, figures, kinds, reports, days, at = (
            c.values for c in (self.statements, *(self.columns[name] for name in (
                "claimant", "figure", "kind", "reported", "day", "place"))))
        for (claim_id, statement, claimant, kind, figure, reported, day, side, holder, has_left,
             place_ids) in entry["claims"]:
            statements.append(statement)
            claimants.append(s(claimant))
            figures.append(s(figure))
            kinds.append(kind_code(kind, holder, has_left))
            reports.append(0 if reported == self._reported else -1 if reported is None else s(reported))
            self._reported = reported
            if day != reported:
                days += (self._claims, -1 if day is None else s(day))
            self.sides[s(claimant)] = s(side)
            numbers = []
            for place_id in place_ids:
                number = self._place(place_id, may_add=True)
                if number is not None:
                    numbers.append(number)
                    rival = self._rivals.get(place_id, {}).get(claim_id)
                    if rival is not None:
                        self._contested.append((self._claims, number, rival))
            if claim_id in self._rival_ids:
                self._rival_numbers[claim_id] = self._claims
            at += [-2 - number for number in numbers[:-1]]
            at.append(numbers[-1] if numbers else -1)
            self._claims += 1
        for column in (self.statements, *self.columns.values()):
            column.flush()
        mentions = [n for place_id in entry["mentions"]
                    if (n := self._place(place_id, may_add=False)) is not None]
        return script_json([len(entry["claims"]), mentions, entry["unresolved"]])


def _outline(districts: Mapping[str, Any]) -> dict[str, object]:
    """The oblast's outline: the union of the district polygons, without its sliver holes.

    The simplified districts leave about a hundred gaps of a few square metres between
    neighbours; the oblast has no real holes, so only exterior rings are kept.
    """
    from shapely.geometry import shape
    from shapely.ops import unary_union

    union = unary_union([shape(f["geometry"]) for f in districts["features"]])
    polygons = getattr(union, "geoms", [union])
    rings = [[[[round(x, _OUTLINE_DECIMALS), round(y, _OUTLINE_DECIMALS)]
               for x, y in polygon.exterior.coords]]
             for polygon in polygons if not polygon.is_empty]
    return {"type": "MultiPolygon", "coordinates": rings}


def _districts(districts: Mapping[str, Any], gazetteer: Gazetteer) -> list[dict[str, object]]:
    out = []
    for feature in sorted(districts["features"], key=lambda f: f["properties"]["id"]):
        props = feature["properties"]
        place = gazetteer.places.get(props["id"])
        out.append({
            "id": props["id"],
            "name": props.get("name_en") or (place.name if place else props["id"]),
            "name_local": props.get("name_ru") or (place.name_local if place else ""),
            "kind": props.get("kind") or (place.category if place else ""),
            "label": dict(zip(("lon", "lat"), lon_lat(place), strict=True)) if place else None,
            "geometry": feature["geometry"],
        })
    return out


def _settlements(gazetteer: Gazetteer, district_ids: Sequence[str]) -> list[list[object]]:
    district_index = {district_id: i for i, district_id in enumerate(district_ids)}
    alternates = {n.place_id: n.alternates for n in gazetteer.names}
    return [[p.place_id, p.name, p.name_local, "|".join(alternates.get(p.place_id, ())),
             *reversed(lon_lat(p)), district_index.get(p.district_id or "", -1), p.population]
            for p in gazetteer.settlements]


def static_members(
    gazetteer: Gazetteer, *, districts: Mapping[str, Any], licence_text: str = ""
) -> dict[str, object]:
    """The members that depend only on the gazetteer and the code, not on any record.

    Parameters
    ----------
    gazetteer
        Every settlement (drawn faint, searchable) and the district records.
    districts
        The parsed ``districts.geojson`` FeatureCollection.
    licence_text
        The gazetteer's ATTRIBUTION.md, shown in full in the side panel.

    Returns
    -------
    dict
        ``licence``, ``kinds``, ``settlement_fields``, ``claim_fields``, ``settlements``
        (rows of :data:`SETTLEMENT_FIELDS`), ``districts`` (polygons) and ``outline``.
    """
    district_rows = _districts(districts, gazetteer)
    return {
        "licence": licence_text,
        "kinds": [{"kind": k.value, "label": k.value.replace("_", " "), "color": KIND_COLORS[k]}
                  for k in Kind],
        "settlement_fields": list(SETTLEMENT_FIELDS),
        "claim_fields": list(CLAIM_FIELDS),
        "settlements": _settlements(gazetteer, [str(d["id"]) for d in district_rows]),
        "districts": district_rows,
        "outline": _outline(districts),
    }


def record_members(data: Build | Records, gazetteer: Gazetteer, *,
                   cards: Callable[[str], None] | None = None) -> Iterator[tuple[str, object]]:
    """The members that come from the records, in order, as (key, value) pairs.

    ``docs`` (an :class:`EncodedItems`) and ``places`` come as iterators and the
    columns as :class:`EncodedValue`, and ``places``, ``strings``, ``contested`` and the
    columns are complete only once ``docs`` has been walked: consume each value before
    asking for the next pair, as :func:`encode_members` does.

    Each document's entry is copied from ``data.map_documents()`` when the records keep
    them (the Store: rendered once, at extraction), else rendered now with
    :func:`doc_entry_json`; both give the same bytes. Its index becomes a row of
    ``docs`` (:class:`PageIndex`); its card goes to ``cards``, in page order.

    Parameters
    ----------
    data
        The records to draw (a Build, or any ``Records``).
    gazetteer
        Place records and names.
    cards
        Called with each shown document's card (script-safe JSON), in page order: the
        card shards' writer (``geo.webmap.cards``). None drops the cards.

    Yields
    ------
    tuple of (str, object)
        ``corpus``, ``built``, ``gazetteer_version``, ``attribution``, ``card_docs``
        (:data:`CARD_DOCS`), ``docs`` (one :meth:`PageIndex.row` per document that has a
        claim or a mention), ``places`` (``place_entry`` each), ``strings``,
        ``contested``, ``claim_statement`` and a ``claim_<name>`` per name of
        :data:`CLAIM_COLUMNS`. ``map.js`` (``unpack``) counts the claimants and the dates
        itself.
    """
    records = as_records(data)
    index = PageIndex(records, gazetteer)

    def rows() -> Iterator[str]:
        for entry in _DocEntries(records, gazetteer):
            head, card = split_entry(entry)
            if cards is not None:
                cards(card)
            yield index.row(head)

    try:
        yield "corpus", records.corpus
        yield "built", records.built
        yield "gazetteer_version", records.gazetteer_version
        yield "attribution", list(records.attribution or DEFAULT_ATTRIBUTION)
        yield "card_docs", CARD_DOCS
        yield "docs", EncodedItems(rows())
        yield "places", (place_entry(p) for p in index.places)
        yield "strings", index.strings
        yield "contested", encode_digits(index.contested)
        yield "claimant_side", [index.sides.get(i, 0) for i in range(len(index.strings))]
        yield "sides", [side.value for side in Side]
        yield "claim_statement", EncodedValue(index.statements.pieces())
        for name, column in index.columns.items():
            yield f"claim_{name}", EncodedValue(column.pieces())
    finally:  # a failed page leaves no temporary file open
        for column in (index.statements, *index.columns.values()):
            column.close()


def build_payload(
    data: Build | Records,
    gazetteer: Gazetteer,
    *,
    districts: Mapping[str, Any],
    licence_text: str = "",
) -> dict[str, object]:
    """The whole document as one dict: what the map page carries, for tests and small builds.

    The page writer streams the same members instead (``static_members`` then
    ``record_members`` through ``encode_members``); ``script_json`` of this dict is
    the text of the page's data block.
    """
    out = static_members(gazetteer, districts=districts, licence_text=licence_text)
    for key, value in record_members(data, gazetteer):
        if isinstance(value, EncodedItems):
            value = [json.loads(item) for item in value.items]
        elif isinstance(value, EncodedValue):
            value = json.loads("".join(value.pieces))
        out[key] = list(value) if isinstance(value, Iterator) else value
    return out
