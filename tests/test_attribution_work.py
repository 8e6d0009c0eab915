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
