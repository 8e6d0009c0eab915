"""The automaton scan: whole words, capitals, longest match, valid offsets on any text."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.pipeline import load_resources
from geo.text import fold
from geo.toponyms import Candidate, Matcher, count_keys
from tests.places import only_place

NAMES = ["Sudzha", "Суджей", "Makhnovka", "Малой Локни", "Plekhovo", "Kursk region"]


@functools.cache
def _matcher() -> Matcher:
    """The shipped automaton (hypothesis tests take no fixtures: their repr would be huge)."""
    return load_resources().matcher


def _check(candidates: list[Candidate], text: str) -> None:
    last_end = 0
    for c in candidates:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.surface
        assert c.start >= last_end  # sorted, no overlaps
        last_end = c.end
        assert c.entries


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_valid_offsets(text):
    _check(_matcher().scan(text), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.text(alphabet=" ,.;:!?'\"«»()—-’\n\u00a0", max_size=3)),
                max_size=20))
def test_names_glued_to_punctuation_are_found_with_valid_offsets(parts):
    text = "".join(parts)
    candidates = _matcher().scan(text)
    _check(candidates, text)
    expected = sum(1 for p in parts if p in NAMES)
    solid = [p for p in parts if p]
    glued = any(a in NAMES and b in NAMES for a, b in zip(solid, solid[1:], strict=False))
    if not glued:
        assert len(candidates) == expected


def test_longest_match_wins(resources):
    (c,) = resources.matcher.scan("Бои у Малой Локни.")
    assert c.surface == "Малой Локни"


def test_fold_keeps_length_on_any_text():
    text = "İİ Ёжик — Sudzha’s\u00a0ß ﬁ"
    assert len(fold(text)) == len(text)


def test_long_adversarial_text_gives_one_candidate_per_name(resources):
    # Structural guard: one linear automaton pass plus a sweep over the matches (its speed
    # is measured in bench/bench_match.py; tests assert no times).
    text = ("Sudzha-Sudzha " * 7000) + ("a" * 2000)
    candidates = resources.matcher.scan(text)
    assert len(candidates) == 14000


def test_capitals_count_only_in_an_all_capitals_line(resources):
    text = "RePEc and PSEL are not places.\nSUDZHA RETAKEN BY RUSSIAN TROOPS"
    assert [c.surface for c in resources.matcher.scan(text)] == ["SUDZHA"]


def test_ukrainian_area_names_of_districts(resources):
    text = "Бої на Суджанщині та Глушківщині тривають."
    found = [c.place_ids for c in resources.matcher.scan(text)]
    assert found == [("kursk-district:sudzhanskiy",), ("kursk-district:glushkovskiy",)]


def _resolved(resources, text):
    from tests.places import resolve_text

    return {r.mention.surface: r for r in resolve_text(resources, text)}


@pytest.mark.parametrize(("text", "typo"), [
    pytest.param("Troops took Apanasovka, Vnezapnoyye, Gordeyevka and Snagost.", "Vnezapnoyye", id="en"),
    pytest.param("Освобождены Апанасовка, Внезапнное, Гордеевка и Снагость.", "Внезапнное", id="ru"),
])
def test_a_misspelt_list_item_is_the_nearby_place_it_nearly_spells(resources, text, typo):
    res = _resolved(resources, text)[typo]
    assert res.place_id == only_place(resources.gazetteer, "Внезапное")
    assert "letters off" in res.reason
    assert text[res.mention.start:res.mention.end] == typo


@pytest.mark.parametrize("text", [
    pytest.param("Troops took Apanasovka, Washington, Gordeyevka and Snagost.", id="not-a-near-spelling"),
    pytest.param("Troops took Apanasovka, Vnezapnoyye.", id="not-between-two-places"),
    pytest.param("Troops took Apanasovka, Bykhov, Gordeyevka and Snagost.", id="too-short"),
])
def test_other_list_words_are_not_taken_for_places(resources, text):
    assert all("letters off" not in r.reason for r in _resolved(resources, text).values())


def test_issue_14_each_key_stores_its_length_and_its_entries_once(resources):
    """The automaton holds ints (fast to unpickle); every key reads back its own length and
    the entries it was built with, and keys of one place share one tuple of entries."""
    from geo.toponyms import _LENGTH_BITS, _LENGTH_MASK

    matcher = resources.matcher
    assert len(matcher.entries) < count_keys(matcher) // 5
    for key in ("суджей", "sudzha", "малой локни", "махнівка"):
        value = matcher.automaton.get(key)
        assert value & _LENGTH_MASK == len(key)
        assert {e.lemma for e in matcher.entries[value >> _LENGTH_BITS]} <= {"Суджа", "Малая Локня", "Махновка"}
    [candidate] = matcher.scan("Sudzha")
    assert candidate.entries is matcher.entries[matcher.automaton.get("sudzha") >> _LENGTH_BITS]


def test_issue_14_a_key_too_long_for_the_automaton_is_a_one_line_error(monkeypatch, gaz):
    import geo.toponyms
    from geo.errors import GazetteerError

    entry = geo.toponyms.Entry("p:1", "Х", geo.toponyms.Tier.NAME, False)
    monkeypatch.setattr(geo.toponyms, "iter_keys", lambda gaz, morph: iter([("x" * 1024, (entry,))]))
    with pytest.raises(GazetteerError, match="1,024 characters"):
        geo.toponyms.build_matcher(gaz, morph=object())


@pytest.mark.parametrize("damage", ["truncated", "empty"])
def test_issue_14_a_damaged_name_index_is_built_again(private_cache, resources, monkeypatch, damage):
    """A torn or emptied ``matcher-*.pickle`` is a miss: the index is built again, never a traceback."""
    import geo.pipeline

    key = geo.pipeline.content_key(resources.gazetteer.version, geo.pipeline._matcher_code_version())
    cached_file = private_cache / f"matcher-{key}.pickle"
    data = cached_file.read_bytes()
    cached_file.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"")
    monkeypatch.setattr(geo.pipeline, "build_matcher", lambda gaz: "built again")
    assert geo.pipeline.load_matcher(resources.gazetteer) == "built again"
    assert geo.pipeline.load_matcher(resources.gazetteer) == "built again"  # and stored in its place


def test_the_name_index_is_made_again_when_the_folding_code_changes(monkeypatch):
    """Every key of the name index is a ``text.fold`` (which reads mixed-alphabet words through
    ``homoglyphs.unmix``): an index cached before either changed would miss names."""
    import geo.pipeline

    hashed: list[str] = []
    monkeypatch.setattr(geo.pipeline, "source_hash", lambda *modules: hashed.extend(m.__name__ for m in modules) or "h")
    geo.pipeline._matcher_code_version()
    assert {"geo.text", "geo.homoglyphs", "geo.toponyms", "geo.forms", "geo.names"} <= set(hashed)
