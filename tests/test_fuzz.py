"""Property tests (issue 7): the pipeline never crashes and every offset it hands out is exact.

``process_document`` is fuzzed with 10,000 generated texts in all (the ``max_examples``
of the text tests below add up to that): random Unicode, hostile HTML and JavaScript,
gazetteer names glued to punctuation and quotes, huge numbers, nested quotes, numbers
beside claim words. Every result must hold:

- every mention: ``text[start:end] == surface``, its context cut from the text, its
  candidates and its place ids in the gazetteer;
- every claim: ``text[start:end] == quote``, outside the chrome lines, its figure finite with
  ``0 <= low <= best <= high``, its places in the gazetteer.

The corpus reader and the whole run are fuzzed once more on arbitrary bytes files: every
file is either read or skipped, once.

The resources are loaded once through ``functools.cache``, not a fixture passed to
``@given``: hypothesis reprs the arguments of a failing example, and the automaton's repr
is huge.
"""

from __future__ import annotations

import functools
import math
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.model import Document, DocumentResult, Source
from geo.pipeline import Resources, load_resources, process_document
from geo.text import paragraph_spans

#: max_examples of the five text tests; they add up to the issue's 10,000.
EXAMPLES = {"unicode": 2500, "markup": 1500, "names": 2500, "figures": 2000, "quotes": 1500}
assert sum(EXAMPLES.values()) == 10_000


def _fuzz(max_examples: int) -> settings:
    """Settings of one fuzz test: no deadline (the first example may load the automaton)."""
    return settings(max_examples=max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _resources() -> Resources:
    return load_resources()


# --- strategies -------------------------------------------------------------------------

NAMES = (
    "Sudzha", "Суджа", "Суджей", "Суджи", "Makhnovka", "Махновка", "Makhnivka", "Малой Локни",
    "Malaya Loknya", "Kursk region", "Kursk Oblast", "Курской области", "Курская область",
    "Plekhovo", "Plekhove", "Плехове", "в Плехове", "Korenevo", "Коренево", "Aleksandrovka",
    "Александровка", "Sudzhansky District", "Суджанский район", "Погребков", "Pogrebki",
    "Martynovka", "Zarya", "Svoboda", "Русском Поречном", "Guevo", "Гуево",
)
PUNCT = ("", "", " ", ".", ",", ";", ":", "!", "?", "-", "—", "–", "(", ")", "[", "]", "/", "\\",
         "'", '"', "«", "»", "“", "”", "‘", "’", "„", "…", "\n", "\r\n", "\t", "\u00a0", "\u200b",
         "\u2028", "#", "@", "_", "*", "&", "%", "0", "1")
CLAIM_WORDS = (
    "killed", "were killed", "wounded", "killed or wounded", "casualties", "losses", "captured",
    "taken prisoner", "missing", "went missing", "deployed", "died", "dead", "suffered heavy losses",
    "погибли", "убиты", "ранены", "пропали без вести", "взяты в плен", "уничтожены", "потери",
    "переброшены", "загинули", "поранені",
)
CLAIMANTS = ("Zelensky said", "the GUR said", "Kirby said", "South Korea's NIS said",
             "according to Ukraine's General Staff,", "заявил Зеленский,", "по данным Генштаба ВСУ,")
FORCES = ("soldiers", "troops", "North Korean soldiers", "servicemen", "personnel", "civilians",
          "военнослужащих", "солдат", "военных", "бойцов")
HUGE_NUMBERS = (
    "10**40", "1e308", "1e309", "10^40", "999,999,999,999,999", "999 999 999 999 999",
    "9" * 40, "1" + "0" * 400, "0.000000001", "-5", "−3,000", "3,000,000,000 billion",
    "two-thirds", "a third", "up to 10,000,000,000,000", "more than 1,000,000,000 million",
    "2,000-3,000", "3,000-2,000", "от 2 до 3 тыс.", "более 40 000 000 000", "10 тыс. млн",
    "полтора миллиарда", "dozens", "hundreds of thousands of millions", "½", "٣٠٠", "३००", "²³",
    "1,2,3,4,5", "1.000.000", "00000", "0", "NaN", "inf", "1_000",
)
MARKUP = (
    "</script>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "`", "``", "${x}",
    "${`${x}`}", "<!--", "-->", "<![CDATA[", "]]>", "</p>", "<p>", "&amp;", "&lt;", "&#x2028;",
    "&nbsp;", "javascript:alert(1)", "<a href=\"javascript:void(0)\">", "\\u003c", "\u2028",
    "\u2029", "\ufeff", "\u202e", "\u0000", "{{ x }}", "{% raw %}", "<style>*{}</style>",
    "<svg/onload=alert(1)>", "'><script>", "\"><", "</textarea>", "<?xml version=\"1.0\"?>",
)
QUOTE_PAIRS = (('"', '"'), ("'", "'"), ("«", "»"), ("“", "”"), ("‘", "’"), ("„", "“"), ("‹", "›"),
               ("(", ")"), ("\"", ""), ("", "»"))

unicode_text = st.text(max_size=300)
glued_name = st.builds("".join, st.tuples(st.sampled_from(PUNCT), st.sampled_from(NAMES),
                                          st.sampled_from(PUNCT)))
huge_number = st.one_of(
    st.sampled_from(HUGE_NUMBERS),
    st.integers(min_value=0, max_value=10**40).map(str),
    st.integers(min_value=0, max_value=10**40).map("{:,}".format),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
claim_sentence = st.builds(
    " ".join,
    st.tuples(st.sampled_from(CLAIMANTS), st.sampled_from(("", "up to", "more than", "at least", "до", "более")),
              huge_number, st.sampled_from(FORCES), st.sampled_from(CLAIM_WORDS),
              st.sampled_from(("near", "in", "под", "в районе", "у")), glued_name),
)
fragment = st.one_of(
    st.text(max_size=20), glued_name, huge_number, st.sampled_from(MARKUP),
    st.sampled_from(CLAIM_WORDS), st.sampled_from(CLAIMANTS), st.sampled_from(FORCES),
    st.sampled_from(PUNCT),
)
separator = st.sampled_from((" ", "", "\n", "\n\n", ". ", ", ", "\r\n", "\r", "\u00a0", " — "))


def _joined(parts: st.SearchStrategy[str], *, max_size: int) -> st.SearchStrategy[str]:
    """Text made of ``parts`` with random separators between them."""
    pairs = st.lists(st.tuples(parts, separator), max_size=max_size)
    return pairs.map(lambda items: "".join(p + s for p, s in items))


def _wrap(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda pair, body: pair[0] + body + pair[1], st.sampled_from(QUOTE_PAIRS), inner)


nested_quotes = st.recursive(
    st.one_of(claim_sentence, glued_name, st.sampled_from(CLAIMANTS)),
    lambda inner: st.one_of(
        _wrap(inner),
        st.builds(lambda a, b: f"{a}, {b}", st.sampled_from(CLAIMANTS), _wrap(inner)),
        st.builds(lambda a, b: f"{a} {b}", inner, inner),
    ),
    max_leaves=6,
)


@st.composite
def documents(draw: st.DrawFn, text: st.SearchStrategy[str]) -> Document:
    """A Document of ``text`` with a random language and date; some of its lines are chrome.

    Chrome is whole lines, as ``geo.chrome`` marks it (bylines, newsletter boxes).
    """
    body = draw(text)
    lines = paragraph_spans(body)
    chrome = tuple(span for span in lines if draw(st.booleans()))
    meta = Source(source="fuzz/a.txt", sha256="0" * 64,
                  language=draw(st.sampled_from(("en", "ru", "uk", "und"))),
                  published=draw(st.none() | st.dates().map(date.isoformat)))
    return Document(meta=meta, text=body, chrome=chrome)


# --- the invariants ---------------------------------------------------------------------


def assert_exact(doc: Document, result: DocumentResult) -> None:
    """Every offset of ``result`` cuts its text out of ``doc``; every id is in the gazetteer."""
    text, places = doc.text, _resources().gazetteer.places
    assert result.meta == doc.meta
    for resolution in result.resolutions:
        m = resolution.mention
        assert (m.source, text[m.start:m.end]) == (doc.source, m.surface)
        assert text[m.context_start:m.context_start + len(m.context)] == m.context
        assert m.candidates and list(m.candidates) == sorted(set(m.candidates))
        assert all(c in places for c in m.candidates)
        assert resolution.place_id is None or resolution.place_id in places
    for claim in result.claims:
        assert (claim.source, text[claim.start:claim.end]) == (doc.source, claim.quote)
        assert not any(s < claim.end and claim.start < e for s, e in doc.chrome)
        assert all(link.place_id in places for link in claim.places)
        figure = claim.figure
        if figure is not None:
            values = [v for v in (figure.low, figure.best, figure.high) if v is not None]
            assert all(math.isfinite(v) and v >= 0 for v in values), figure
            assert values == sorted(values), figure
    assert [c.sort_key for c in result.claims] == sorted(c.sort_key for c in result.claims)
    assert len({c.claim_id for c in result.claims}) == len(result.claims)


def _check(doc: Document) -> None:
    assert_exact(doc, process_document(doc, _resources()))


# --- the text tests: max_examples add up to 10,000 -----------------------------------------


@_fuzz(EXAMPLES["unicode"])
@given(documents(unicode_text))
def test_any_unicode_text(doc: Document) -> None:
    _check(doc)


@_fuzz(EXAMPLES["markup"])
@given(documents(_joined(st.one_of(st.sampled_from(MARKUP), fragment), max_size=25)))
def test_hostile_markup_and_script(doc: Document) -> None:
    _check(doc)


@_fuzz(EXAMPLES["names"])
@given(documents(_joined(st.one_of(glued_name, glued_name, fragment), max_size=20)))
def test_names_glued_to_punctuation(doc: Document) -> None:
    _check(doc)


@_fuzz(EXAMPLES["figures"])
@given(documents(_joined(st.one_of(claim_sentence, huge_number, fragment), max_size=12)))
def test_huge_numbers_beside_claim_words(doc: Document) -> None:
    _check(doc)


@_fuzz(EXAMPLES["quotes"])
@given(documents(_joined(nested_quotes, max_size=4)))
def test_nested_quotes(doc: Document) -> None:
    _check(doc)


# --- the corpus reader and the whole run, on arbitrary files -------------------------------

SUFFIXES = (".txt", ".md", ".text", ".html", ".htm", ".TXT", ".pdf", ".json", "")


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


file_bytes = st.one_of(
    st.binary(max_size=400),
    st.builds(_encoded, _joined(fragment, max_size=10),
              st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1251", "koi8-r"))),
    st.builds(lambda head, body: f"<!DOCTYPE html><html><head><title>{head}</title></head>"
                                 f"<body><article><p>{body}</p></article></body></html>".encode(),
              glued_name, claim_sentence),
    st.builds(lambda magic, rest: magic + rest, st.sampled_from((b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf",
                                                                 b"\xff\xfe", b"PK\x03\x04")),
              st.binary(max_size=100)),
)
file_names = st.builds(lambda stem, suffix: stem + suffix,
                       st.text(st.sampled_from("abcdeжз_-. "), min_size=1, max_size=8),
                       st.sampled_from(SUFFIXES)).filter(lambda name: name not in (".", ".."))
corpus_files = st.lists(st.tuples(file_names, file_bytes), min_size=1, max_size=6,
                        unique_by=lambda item: item[0])


@_fuzz(300)
@given(files=corpus_files)
def test_any_files_are_read_or_skipped(tmp_path_factory, files: list[tuple[str, bytes]]) -> None:
    from geo.corpus import iter_corpus
    from geo.parallel import run_parallel

    with tempfile.TemporaryDirectory(dir=tmp_path_factory.getbasetemp()) as folder:
        root = Path(folder)
        for name, data in files:
            (root / name).write_bytes(data)
        build = run_parallel(root, resources=_resources(), use_cache=False)
        docs = {d.source: d for d in iter_corpus(root) if isinstance(d, Document)}
    accounted = [s.source for s in build.sources] + [s.source for s in build.skips]
    assert sorted(accounted) == sorted(name for name, _ in files)
    assert all(s.reason.strip() and "\n" not in s.reason for s in build.skips)
    assert sorted(docs) == [s.source for s in build.sources]
    for source, doc in docs.items():
        assert_exact(doc, DocumentResult(
            meta=doc.meta, resolutions=tuple(r for r in build.resolutions if r.mention.source == source),
            claims=tuple(c for c in build.claims if c.source == source)))
