"""The fast text helpers (issue 14) give exactly what their character-by-character forms gave.

``paragraph_spans`` and ``sentence_spans`` feed every extractor, so their offsets must not
move by one character: each is checked against the plain loop it replaced, on generated
text full of the white space and line breaks news pages carry (CRLF, lone CR, NBSP,
U+2028, vertical tab, ideographic space), and on sentences written for the test in
English, Russian and Ukrainian. The same goes for ``corpus._junk_share``, which now
looks one by one only at characters outside the scripts of a Kursk corpus.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.corpus import _junk_share
from geo.text import line_sentences, paragraph_spans, sentence_spans

# Characters that stress trimming and splitting: every kind of space and line break.
_TRICKY = "ab Ы.!?…\"»)\n\r\t\u00a0\u2028\u2029\u3000\x0b\x0c\x1c\x85 U.S. Feb. "


def _reference_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """The loop ``text._append_trimmed`` was before issue 14."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _reference_paragraphs(text: str) -> list[tuple[int, int]]:
    """``paragraph_spans`` before issue 14: split on CRLF, CR or LF, then trim each piece."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        _reference_trimmed(text, cursor, match.start(), spans)
        cursor = match.end()
    _reference_trimmed(text, cursor, len(text), spans)
    return spans


@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=80))
def test_paragraph_spans_match_the_line_loop(text):
    assert paragraph_spans(text) == _reference_paragraphs(text)


@given(st.text(max_size=60))
def test_paragraph_spans_match_the_line_loop_on_any_text(text):
    assert paragraph_spans(text) == _reference_paragraphs(text)


@pytest.mark.parametrize("text", [
    "Officials said 40 soldiers were wounded near the village.\r\n\r\n  The ministry declined to comment. \n",
    "\u00a0Военные сообщили о раненых.\u2028Министерство не ответило.\r",
    "Військові повідомили про поранених.\n\n\n\u3000Міністерство не відповіло.\u00a0",
])
def test_paragraph_spans_of_written_sentences(text):
    spans = paragraph_spans(text)
    assert spans == _reference_paragraphs(text)
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in spans)


@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=80), st.integers(0, 10), st.integers(0, 10))
def test_sentence_spans_are_trimmed_like_the_loop(text, head, tail):
    start, end = min(head, len(text)), max(min(head, len(text)), len(text) - tail)
    spans = sentence_spans(text, start, end)
    for s, e in spans:
        expected: list[tuple[int, int]] = []
        _reference_trimmed(text, s, e, expected)
        assert expected == [(s, e)]  # trimmed: the loop would not move either end
        assert start <= s < e <= end


def test_sentence_spans_of_written_sentences():
    text = "  Officials said 40 were hit.  U.S. officials said more. \nБои идут у села.  Бої тривають.\u00a0"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Officials said 40 were hit.", "U.S. officials said more.", "Бои идут у села.", "Бої тривають."]


@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=120))
def test_line_sentences_cut_from_the_document_equal_a_split_of_the_line(text):
    # The claim readers cut each line's sentences from one split of the whole text.
    for start, end in paragraph_spans(text):
        assert list(line_sentences(text, start, end)) == sentence_spans(text, start, end)


def test_line_sentences_of_written_lines():
    text = "Officials said 40 were hit. U.S. officials said more.\nБои идут у села. Бої тривають.\nLast"
    lines = paragraph_spans(text)
    assert [[text[s:e] for s, e in line_sentences(text, *line)] for line in lines] == [
        ["Officials said 40 were hit.", "U.S. officials said more."], ["Бои идут у села.", "Бої тривають."], ["Last"]]


def _reference_junk_share(text: str) -> float:
    """``corpus._junk_share`` before issue 14: every character looked up one by one."""
    if not text:
        return 0.0
    junk = sum(1 for ch in text if ch not in "\t\n\r\f\v" and (
        ch == "\ufffd" or unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}))
    return junk / len(text)


@given(st.text(max_size=80))
def test_junk_share_matches_the_character_loop(text):
    assert _junk_share(text) == _reference_junk_share(text)


@pytest.mark.parametrize("text", [
    "Officials said 40 soldiers were wounded.\x00\x01",
    "Военные сообщили о раненых.\ufffd\ue000",
    "Військові повідомили про поранених.\x7f\x9f\ud800",
])
def test_junk_share_counts_controls_private_use_and_replacement_characters(text):
    assert _junk_share(text) == _reference_junk_share(text) > 0


# --------------------------------------------------------------------------- cues (issue 11)

_CUE_WORDS = (
    "said", "Said", "SAID", "says", "according", "to", "reported", "by", "citing", "reportedly",
    "he", "she", "it", "the", "ministry", "statement", "in", "his", "her", "who", "which", ",", ".",
    "Sabrina", "Singh", "Ukraine's", "General", "Staff", "по", "данным", "словам", "его", "сообщил",
    "заявил", "он", "говорится", "в", "сводке", "со", "ссылкой", "на", "Минобороны", "якобы", "за",
    "даними", "повідомив", "він", "йдеться", "у", "зведенні", "її", "Генштаб", "—", "«", "»", "“", "”",
    "\u0130t", "sa\u0131d", "\u017faid",
)


@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=14).map(" ".join))
def test_a_pattern_the_cue_pass_skips_cannot_match(text):
    """Soundness of ``Cues``: whenever a scanned attribution pattern matches a text, its bit is
    in the text's mask (the cue pass never hides a match, whatever the case or the twins)."""
    from geo.attribution import _BIT, _CUES, _SCANNED

    may = _CUES.mask(text)
    for rx in _SCANNED:
        if rx.search(text):
            assert may & _BIT[id(rx)], (rx.pattern[:60], text)


@pytest.mark.parametrize(("pattern", "cues"), [
    pytest.param(r"(?<!\w)(?:said|says)\b", {"said", "says"}, id="common prefix split by the parser"),
    pytest.param(r"(?i:Заявил\w*|Сообщил\w*)\s+", {"заявил", "сообщил"}, id="ru stems, case-blind"),
    pytest.param(r"(?:повідомив|заявив)\s+(?:у|в)\s+", {"повідомив", "заявив"}, id="uk verbs"),
    pytest.param(r"figures?\s+from", {"figure"}, id="optional letter is left out"),
    pytest.param(r"[a-z]+\s+(?:he|she)\s+said", {"said"}, id="the longest required set"),
    pytest.param(r"Ёлка", {"елка"}, id="folded like the text"),
    pytest.param(r"(?:a|b)?\w+", None, id="nothing required"),
])
def test_required_cues_of_a_pattern(pattern, cues):
    from geo.text import required_cues

    found = required_cues(re.compile(pattern))
    assert (None if found is None else set(found)) == cues


def test_case_twins_are_every_character_a_case_blind_pattern_equates_but_fold_does_not():
    from geo.text import CASE_TWINS, fold

    letters = "abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0x430, 0x460))) + "ґ"
    every = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    twins = {x for c in letters for x in re.findall(re.escape(c), every, re.IGNORECASE) if fold(x) != fold(c)}
    assert twins == set(CASE_TWINS)


def test_cues_mask_reads_every_pattern_and_only_those_with_cues():
    from geo.text import Cues

    cues = Cues.of([re.compile(r"\bsaid\b"), re.compile(r"\bсообщил\w*"), re.compile(r"\d+")])
    assert cues.mask("Officials SAID forty were hurt.") == 0b101  # the digit pattern has no cue
    assert cues.mask("Губернатор сообщил о раненых.") == 0b110
    assert cues.mask("Військові тримають село.") == 0b100
    assert cues.mask("Officials \u017faid it.") == 0b111  # a twin: every pattern runs


@pytest.mark.parametrize(("text", "sentences"), [
    pytest.param("ВСУ контролируют 1000 кв. км территории. Бои идут.", 2, id="ru-kv-km"),
    pytest.param("Росіяни захопили 40 кв. км. Бої тривають.", 2, id="uk-kv-km-at-the-end"),
    pytest.param("Ukraine held 500 sq. km of land. Fighting went on.", 2, id="en-sq-km"),
])
def test_an_area_unit_does_not_end_a_sentence(text, sentences):
    assert len(sentence_spans(text)) == sentences


# --------------------------------------------------------------------------- Gated (issue 14)

def _gated_rules() -> list[tuple[str, object]]:
    """Every ``Gated`` pattern of the rule modules, by module and name."""
    import importlib

    from geo.text import Gated

    found = []
    for module in ("attribution", "chrome", "claims", "control", "dates", "linking", "resolve", "figures", "meta"):
        mod = importlib.import_module(f"geo.{module}")
        for name, value in vars(mod).items():
            gates = value if isinstance(value, tuple) else (value,)
            found += [(f"{module}.{name}[{i}]", gate) for i, gate in enumerate(gates) if isinstance(gate, Gated)]
    return found


def test_every_gated_rule_reads_its_cues_from_its_own_pattern():
    """No hand-kept cue list: each gate's automaton holds exactly ``required_cues`` of its pattern
    (and the case twins), so a literal added to a rule later is a cue at once (issue 14)."""
    from geo.text import CASE_TWINS, required_cues

    gated = _gated_rules()
    assert {"linking._ELSEWHERE_CUED[0]", "claims._SUBJECT_CUED[0]", "attribution._HEDGE_CUED[0]",
            "chrome._STRONG_CUED[0]", "resolve._OTHER_REGION_LIST_CUED[0]", "meta._YEARLESS_CUED[1]"} <= {
        name for name, _ in gated}
    for name, gate in gated:
        cues = required_cues(gate.pattern)
        held = set() if gate.automaton is None else set(gate.automaton.keys())
        assert held == (set(cues) | set(CASE_TWINS) if cues else set()), name


def test_a_gate_skips_a_stretch_without_its_cue_and_searches_one_with_it():
    from geo.text import Gated

    class Counting:
        """A pattern that counts the searches it was asked for."""

        def __init__(self, rx):
            self.rx, self.pattern, self.flags, self.searches = rx, rx.pattern, rx.flags, 0

        def search(self, *args):
            self.searches += 1
            return self.rx.search(*args)

    rx = re.compile(r"(?<!\w)(?:allegedly|якобы)\b", re.IGNORECASE)
    gate = Gated.of(rx, is_folded=False)
    counting = Counting(rx)
    gate = Gated(counting, gate.automaton, gate.is_folded)  # type: ignore[arg-type]
    assert gate.search("Troops took the village.") is None
    assert counting.searches == 0
    assert gate.search("Troops ALLEGEDLY took it.") is not None
    assert counting.searches == 1
    assert gate.search("Войска якобы взяли село.", 0, 6) is None  # the cue lies outside the stretch
    assert counting.searches == 1
    assert gate.search("Troops \u0130allegedly took it.") is None  # a twin: searched, no match
    assert counting.searches == 2


def test_a_rule_added_to_a_lexicon_is_a_cue_of_its_gate():
    """A new alternative brings its own literal: the gate searches where only it occurs."""
    from geo.text import Gated

    before = Gated.of(re.compile(r"\b(?:reportedly|allegedly)\b"), is_folded=True)
    after = Gated.of(re.compile(r"\b(?:reportedly|allegedly|purportedly)\b"), is_folded=True)
    text = "the unit purportedly withdrew"
    assert not before.may_match(text)
    assert after.may_match(text)
    assert after.search(text) is not None


@given(st.lists(st.sampled_from(_CUE_WORDS + (
    "in", "Russia", "Sumy", "region", "troops", "forces", "soldiers", "Kursk", "всей", "линии", "фронта", "reportedly",
    "сумской", "области", "donetsk", "oblast", "1943", "Red", "Army", "are", "were", "all", "rights", "reserved",
    "MOSCOW,", "September", "16.", "14", "листопада,", "Sept.", "6th",
)), max_size=14).map(" ".join))
def test_a_gate_never_hides_a_match(text):
    """Soundness of every rule gate: where its pattern matches, the gate lets the search run."""
    from geo.text import fold

    for name, gate in _gated_rules():
        subject = fold(text) if gate.is_folded else text
        if gate.pattern.search(subject):
            assert gate.may_match(subject), (name, text)
            assert gate.search(subject) is not None, (name, text)


@pytest.mark.parametrize(("start", "end"), [(-5, None), (-1, 99), (0, 1000), (2, 8)], ids=str)
def test_a_gate_reads_the_bounds_as_re_does(start, end):
    """A negative start or an end past the text must not hide a match ``re`` would find there."""
    from geo.text import Gated

    rx = re.compile(r"\bsaid\b")
    text = "he said it"
    for is_folded in (True, False):
        gate = Gated.of(rx, is_folded=is_folded)
        stop = len(text) if end is None else end
        assert bool(gate.search(text, start, stop)) == bool(rx.search(text, start, stop))
        assert [m.span() for m in gate.finditer(text, start, stop)] == [m.span() for m in rx.finditer(text, start, stop)]


# --- hidden characters (a soft hyphen, a zero-width space inside a word) -------------------


@pytest.mark.parametrize("hidden", list("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u2066\u2069"))
def test_squeeze_takes_out_each_hidden_character_and_maps_back(hidden):
    from geo.text import squeeze

    text = f"Войска вошли в Плехо{hidden}во и Sud{hidden}{hidden}zha."
    squeezed = squeeze(text)
    assert squeezed is not None
    assert squeezed.text == "Войска вошли в Плехово и Sudzha."
    for word in ("Плехово", "Sudzha", "Войска"):
        at = squeezed.text.index(word)
        start, end = squeezed.original_span(at, at + len(word))
        assert text[start:end].replace(hidden, "") == word
        assert text[start] == word[0] and text[end - 1] == word[-1]  # no hidden character at either end
        assert squeezed.squeezed_offset(start) == at


def test_squeeze_leaves_a_text_without_hidden_characters_alone():
    from geo.text import squeeze

    assert squeeze("Плехово, Sudzha\u00a0— Суджа’s") is None


@given(st.text(alphabet="ab \n\u00ad\u200bЫ", max_size=40))
def test_squeeze_maps_every_kept_character_to_itself(text):
    from geo.text import HIDDEN, squeeze

    squeezed = squeeze(text)
    if squeezed is None:
        assert not any(c in text for c in HIDDEN)
        return
    assert squeezed.text == "".join(c for c in text if c not in HIDDEN)
    for i, ch in enumerate(squeezed.text):
        start, end = squeezed.original_span(i, i + 1)
        assert text[start:end] == ch
        assert squeezed.squeezed_offset(start) == i
