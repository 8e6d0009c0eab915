"""A long article costs in proportion to its length (issue 14: 0.5, 1, 2, 4 MB in proportion).

Four steps used to redo work over the whole text for each sentence or name, so that a
1 MB article cost 1.8x per KB what a 250 KB one did. Each is checked here by the work it
does (how often a step runs), never by time, and against the result the old way gave.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import resolve, text
from geo.attribution import Speakers, is_person
from tests.places import resolve_text


def _expand_by_walking(names: list[tuple[str, bool]], name: str) -> str:
    """What ``Speakers.expand`` did before: walk every name so far, latest first."""
    if " " in name:
        return name
    for full, person in reversed(names):
        if person and full.split()[-1] == name:
            return full
    return name


_NAMES = ["Sabrina Singh", "John Kirby", "Oleksandr Syrskyi", "Andriy Kovalenko", "Ministry of Defence",
          "Sergei Shoigu", "Anna Singh", "General Staff", "Igor Konashenkov", "Dmitry Peskov", "ISW"]


@given(st.lists(st.sampled_from(_NAMES), max_size=30),
       st.sampled_from(["Singh", "Kirby", "Syrskyi", "Peskov", "Staff", "ISW", "Kovalenko", "Nobody"]))
def test_a_surname_expands_to_the_last_person_named_with_it(added, surname):
    speakers = Speakers()
    for name in added:
        speakers.add(name)
    assert speakers.expand(surname) == _expand_by_walking(speakers.names, surname)
    assert speakers.names == [(name, is_person(name)) for name in added]


def test_a_documents_lines_test_for_a_carriage_return_once():
    body = "\n".join(f"Line {i} says 40 were killed. Another sentence follows." for i in range(200))
    text._has_carriage_return.cache_clear()
    spans = [text.line_sentences(body, start, end) for start, end in text.paragraph_spans(body)]
    assert sum(len(s) for s in spans) == 400
    info = text._has_carriage_return.cache_info()
    assert (info.misses, info.hits) == (1, 199)


@pytest.mark.parametrize("seed", range(5))
def test_a_neighbour_in_the_sentence_is_found_by_bisection_as_by_a_scan(seed):
    rng = random.Random(seed)
    starts = tuple(sorted(rng.sample(range(2000), 60)))
    for _ in range(200):
        lo = rng.randrange(2000)
        sentence = (lo, lo + rng.randrange(1, 120))
        own = rng.choice(starts + (lo,))
        scan = any(sentence[0] <= s < sentence[1] and s != own for s in starts)
        i, j = bisect_left(starts, sentence[0]), bisect_left(starts, sentence[1])
        assert any(s != own for s in starts[i:j]) == scan


def test_a_name_repeated_through_a_long_text_is_weighed_against_the_whole_text_once(resources, monkeypatch):
    """The whole text's places choose among a name's candidates once per pool, not once per mention."""
    calls: list[str] = []
    weigh = resolve._pick_by_anchors

    def counted(pool, anchors, scope, settings):
        calls.append(scope)
        return weigh(pool, anchors, scope, settings)

    monkeypatch.setattr(resolve, "_pick_by_anchors", counted)
    paragraph = "Fighting went on near Ivanovka, the report said.\nShelling was reported overnight.\n"
    once = [r for r in resolve_text(resources, "Sudzha was quiet.\n" + paragraph) if r.mention.surface == "Ivanovka"]
    calls.clear()
    many = [r for r in resolve_text(resources, "Sudzha was quiet.\n" + paragraph * 50) if r.mention.surface == "Ivanovka"]
    assert len(many) == 50
    assert {(r.place_id, r.reason) for r in many} == {(r.place_id, r.reason) for r in once}
    assert calls.count("the article's other places") == 1


class _RecordingAutomaton:
    """Stands for a pyahocorasick automaton: records the length of each text it is asked to scan."""

    def __init__(self) -> None:
        self.scanned: list[int] = []

    def iter(self, text: str, *bounds: int):  # noqa: A003 - the automaton's own name
        self.scanned.append(len(text) if not bounds else len(text) + 10**9)  # bounds: the whole text is copied
        return iter(())


def test_a_gate_scans_the_stretch_it_is_asked_about_not_the_whole_text():
    """pyahocorasick copies the whole text it is given: a gate gives it the stretch only."""
    recorder = _RecordingAutomaton()
    gate = text.Gated(re.compile("killed"), recorder, is_folded=True)  # type: ignore[arg-type]
    document = "x" * 100_000
    assert gate.search(document, 500, 620) is None
    assert recorder.scanned == [120]


def test_the_control_stems_are_looked_for_in_the_sentence_not_the_whole_text(monkeypatch):
    from geo import control

    recorder = _RecordingAutomaton()
    monkeypatch.setattr(control, "_ANCHOR_AUTOMATON", recorder)
    assert control._may_hold_control("y" * 100_000, 40, 90) is False
    assert recorder.scanned == [50]
