"""How much work ``geo.attribution`` does for a sentence (issue 14): counted, never timed.

The cheap tests before the expensive ones must be supersets: where they say no, the
pattern or the rule they guard would have found nothing. Each test counts what ran and
checks that the answer stayed the one the full work gives.
"""

from __future__ import annotations

import re

import pytest

import geo.attribution as attribution
from geo.attribution import find_attributions, scanned_patterns
from geo.text import required_cues
from tests.test_attribution import claimants_of

_QUOTED = (attribution._QUOTED_NAME_VERB, attribution._VERB_QUOTED_NAME)


def test_a_sentence_with_a_speech_verb_and_no_guillemet_runs_no_quoted_name_pattern():
    text = "Forty soldiers were killed near Sudzha, the ministry said."
    scanned = scanned_patterns(text, 0, len(text))
    assert attribution._SUBJECT_VERB in scanned
    assert not set(scanned) & set(_QUOTED)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Украинские войска отошли от Суджи, пишет «Военная хроника».", "Военная хроника", id="ru-verb-name"),
    pytest.param("Телеграм-канал «Два майора» сообщил об отходе ВСУ от Суджи.", "Два майора", id="ru-name-verb"),
])
def test_a_sentence_with_a_guillemet_still_finds_its_quoted_source(text, name):
    assert set(scanned_patterns(text, 0, len(text))) & set(_QUOTED)
    assert name in [a.name for a in find_attributions(text, 0, len(text))]


def test_the_quoted_name_patterns_need_a_guillemet():
    """``_ALSO_NEEDS`` is sound: both patterns hold ``_QUOTED_NAME``, whose only cue is "«",
    and no match of theirs in text without "«" exists (the same sentences with the guillemets
    turned into straight quotes)."""
    assert required_cues(re.compile(attribution._QUOTED_NAME)) == {"«"}
    assert all(attribution._QUOTED_NAME in rx.pattern for rx in _QUOTED)
    assert set(attribution._ALSO_NEEDS) == {id(rx) for rx in _QUOTED}
    texts = ["…, пишет «Военная хроника».", "Канал «Рыбарь» сообщил, что …", "«Два майора» написали о боях"]
    for text in texts:
        assert any(rx.search(text) for rx in _QUOTED), text
        plain = text.replace("«", '"').replace("»", '"')
        assert not any(rx.search(plain) for rx in _QUOTED), plain


@pytest.fixture
def subject_reads(monkeypatch):
    """How many times a sentence's subject was read (``_sentence_subject``, a cached pure function)."""
    calls: list[tuple[int, int]] = []
    read = attribution._sentence_subject

    def counted(text: str, s: int, e: int) -> str | None:
        calls.append((s, e))
        return read(text, s, e)

    monkeypatch.setattr(attribution, "_sentence_subject", counted)
    return calls


def test_a_named_speaker_reads_no_sentence_subject(subject_reads):
    text = "The General Staff said 40 soldiers were killed near Sudzha."
    assert claimants_of(text, "40 soldiers were killed") == ["General Staff of the Armed Forces of Ukraine"]
    assert subject_reads == []


def test_a_plural_pronoun_reads_the_sentence_subject_once(subject_reads):
    text = "Russian war bloggers described the fighting. They said 40 soldiers were killed near Sudzha."
    assert claimants_of(text, "40 soldiers were killed") == ["Russian milbloggers"]
    assert len(subject_reads) == 1


@pytest.mark.parametrize(("text", "runs"), [
    pytest.param("Сорок военных погибли у Суджи, сказал он.", True, id="ru-pronoun-after-verb"),
    pytest.param("Forty soldiers were killed near Sudzha, the ministry said.", False, id="en-no-pronoun"),
])
def test_the_pronoun_after_its_verb_is_looked_for_only_where_its_cue_is(text, runs):
    """``_PRONOUN_AFTER`` has its bit in the one cue pass of the sentence, not a cue pass of its own."""
    assert (attribution._PRONOUN_AFTER in scanned_patterns(text, 0, len(text))) is runs
    pronouns = [a.pronoun for a in find_attributions(text, 0, len(text)) if a.pronoun]
    assert ("он" in pronouns) is runs


def test_the_claims_of_a_sentence_share_its_one_cue_pass(monkeypatch):
    """``claimant_for`` asks whether the sentence hedges for each claim: the answer is read from
    the sentence's cached cue mask (``find_attributions`` made it), not from a cue pass per claim."""
    from geo.text import Gated

    passes: list[tuple[int, int]] = []
    may_match = Gated.may_match

    def counted(self, text, start=0, end=None):
        if self.pattern is attribution._HEDGE:
            passes.append((start, end))
        return may_match(self, text, start, end)

    monkeypatch.setattr(Gated, "may_match", counted)
    text = "Russian forces reportedly lost 40 soldiers near Sudzha, 12 near Plekhovo and 7 near Guevo."
    quotes = ["40 soldiers", "12 near Plekhovo", "7 near Guevo"]
    assert claimants_of(text, *quotes) == [None, None, None]
    assert attribution.is_hedged(text, 0, len(text))
    assert (0, len(text)) not in passes


def test_an_article_that_closes_on_no_source_reads_no_opening_paragraph(monkeypatch):
    """``bookend_source`` reads the two closing sentences first; with no source there, the
    opening paragraphs are not read at all."""
    from geo.text import paragraph_spans

    read: list[tuple[int, int]] = []
    find = attribution.find_attributions

    def counted(text: str, start: int, end: int):
        read.append((start, end))
        return find(text, start, end)

    monkeypatch.setattr(attribution, "find_attributions", counted)
    text = ("Troops took two villages, according to TASS.\nThe army took Orlovka.\n"
            "The fighting goes on.\nShelling was heard at night.")
    paragraphs = paragraph_spans(text)
    assert attribution.bookend_source(text, paragraphs) is None
    assert read == [paragraphs[-1], paragraphs[-2]]
    read.clear()
    closed = text + "\nThe fighting goes on, TASS wrote."
    assert attribution.bookend_source(closed, paragraph_spans(closed)) == "TASS"
    assert len(read) == 3  # the two closing sentences, then the opening paragraph that names TASS


def test_a_title_is_read_once_per_word():
    from geo.person_names import title_of

    title_of.cache_clear()
    assert [title_of(w) for w in ("губернатора", "губернатора", "главного")] == ["губернатор", "губернатор", None]
    assert title_of.cache_info().misses == 2


@pytest.fixture
def date_reads(monkeypatch):
    """The stretches of text whose words were read for a date (``dates._dated``)."""
    import geo.dates as dates

    read: list[str] = []
    dated = dates._dated

    def counted(chunk, pub):
        read.append(chunk)
        return dated(chunk, pub)

    monkeypatch.setattr(dates, "_dated", counted)
    dates._may_be_dated.cache_clear()
    return read


@pytest.mark.parametrize(("text", "published", "expected", "reads"), [
    pytest.param("Forty soldiers were killed near Sudzha, the ministry said.", "2024-12-16",
                 ("2024-12-16", "day"), 0, id="en-no-date-cue"),
    pytest.param("Forty soldiers were killed near Sudzha, the ministry said.", None, (None, None), 0, id="en-no-pub"),
    pytest.param("Forty soldiers were killed near Sudzha on Saturday, the ministry said.", "2024-12-16",
                 ("2024-12-14", "day"), 1, id="en-weekday"),
    pytest.param("Сорок военных погибли у Суджи 14 декабря, сообщило Минобороны.", "2024-12-16",
                 ("2024-12-14", "day"), 1, id="ru-day-month"),
])
def test_a_claim_in_a_sentence_with_no_date_cue_is_not_read_for_a_date(date_reads, text, published, expected, reads):
    from geo.dates import claim_date

    claim = (0, text.index(","))
    found = claim_date(text, claim, (0, len(text)), published)
    assert (found[0], found[1] and found[1].value) == expected
    assert len([c for c in date_reads if c == text[:claim[1]]]) == reads


def test_the_speech_verbs_are_searched_grouped_by_first_letter():
    """Each speech-gated pattern tries one branch per first letter at a word, not one per verb."""
    from geo.heads import top_level_alternatives as top_level_branches
    from geo.lexicon import SPEECH_VERBS

    listed = top_level_branches(SPEECH_VERBS)
    grouped = top_level_branches(attribution._VERBS_BY_LETTER)
    assert listed is not None and grouped is not None
    assert len(grouped) <= 40 < 150 <= len(listed)
    assert all(attribution._VERBS_BY_LETTER in rx.pattern for rx in attribution._SPEECH_PATTERNS)


def _sentences_of_the_seeds() -> list[str]:
    from pathlib import Path

    from geo.text import paragraph_spans, sentence_spans

    out = []
    for path in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for p in paragraph_spans(text) for s, e in sentence_spans(text, *p)]
    return out


def test_a_speech_gated_pattern_finds_what_its_lexicon_spelling_finds():
    from geo.lexicon import SPEECH_VERBS

    sentences = [*_sentences_of_the_seeds(), "Forty soldiers were killed, he said.", "Об этом сообщил Сырский.",
                 "«…», — заявив він.", "Kyiv, however, claimed that the village held.", "the ministry, which said so"]
    assert len(sentences) > 100
    for rx in attribution._SPEECH_PATTERNS:
        listed = re.compile(rx.pattern.replace(attribution._VERBS_BY_LETTER, SPEECH_VERBS), rx.flags)
        for text in sentences:
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
                [(m.span(), m.groups()) for m in listed.finditer(text)], (rx.pattern[:40], text)
