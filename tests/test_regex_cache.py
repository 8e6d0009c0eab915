"""The stored regex programs give the very patterns ``re.compile`` gives, and a bad file none.

``geo.regex_cache`` hands ``_sre.compile`` the program it stored for a pattern instead of
compiling the pattern in Python at every start (issue 14). Checked here: every pattern of
the rule modules built from the store equals ``re.compile``'s (same program, flags and
groups); a second process compiles nothing; and a damaged, planted or foreign file costs
a compile, never a wrong pattern or a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import geo.claims  # noqa: F401 - imported for the patterns it compiles
import geo.meta  # noqa: F401
import geo.sides
from geo import regex_cache
from geo.text import required_cues

_COUNT_MISSES = (
    "import geo.claims, geo.meta, geo.chrome, geo.sides, geo.regex_cache as r; "
    "print(r.misses, len(r._loaded().programs))"
)


def test_every_stored_program_makes_the_pattern_re_compile_makes():
    programs = regex_cache._loaded().programs  # those the imported rules used: decoded
    assert len(programs) > 100  # the rule modules' patterns went through the store
    for (pattern, flags), program in programs.items():
        assert regex_cache._sre.compile(pattern, *program) == re.compile(pattern, flags), pattern[:60]


def test_the_side_tables_are_compiled_through_the_store():
    """Their three alternations were 20-50 ms of every start when ``re`` compiled them (issue 14)."""
    programs = regex_cache._loaded().programs
    tables = (geo.sides._ALIAS_TABLE, geo.sides._RELATIVE_TABLE, geo.sides._CUE_TABLE)
    for table in tables:
        assert (table.pattern.pattern, 0) in programs
        assert table.pattern == re.compile(table.pattern.pattern)
    assert geo.sides.side_of("Russia's Defence Ministry") is geo.sides.Side.RUSSIA


def test_a_stored_pattern_matches_like_the_compiled_one():
    rx = regex_cache.compile_pattern(r"(?i)(?P<n>\d+)\s+(?:killed|убит\w*)")
    assert rx.groupindex == {"n": 1}
    assert rx.search("Officials said 40 Killed near the border").group("n") == "40"
    assert rx.search("где 12 убиты").span() == (4, 12)


def test_a_second_process_compiles_no_rule_pattern(tmp_path):
    env = {**os.environ, "GEO_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", _COUNT_MISSES], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", _COUNT_MISSES], env=env, capture_output=True, text=True, check=True)
    first_misses, stored = map(int, first.stdout.split())
    assert first_misses == stored > 100  # the first start compiled and stored every pattern
    assert second.stdout.split()[0] == "0"


@pytest.mark.parametrize("content", [
    b"not json",
    b"[1, 2, 3]",
    json.dumps({"programs": [["x", 0, 0, "code", 0, {}, []], [1, 2]], "cues": [["x", 0, [""]], 7]}).encode(),
    # code that is not base64, or not a whole number of words, or a list (the old layout)
    json.dumps({"programs": [[r"\d+", 0, 32, "not base64!", 0, {}, [None]]]}).encode(),
    json.dumps({"programs": [[r"\d+", 0, 32, "AAAA", 0, {}, [None]]]}).encode(),
    json.dumps({"programs": [[r"\d+", 0, 32, [17, 4, 0], 0, {}, [None]]]}).encode(),
    # a well-formed row whose program _sre's validator refuses: compiled anew, not used
    json.dumps({"programs": [[r"\d+", 0, 32, regex_cache._encoded([99999, 1, 2]), 0, {}, [None]]]}).encode(),
])
def test_a_damaged_file_costs_a_compile_not_a_wrong_pattern(tmp_path, monkeypatch, content):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    tmp_path.chmod(0o700)
    path = regex_cache._path()
    path.write_bytes(content)
    path.chmod(0o600)
    before = regex_cache.misses
    rx = regex_cache.compile_pattern(r"\d+")
    assert rx == re.compile(r"\d+")
    assert regex_cache.misses == before + 1
    cues = regex_cache.remembered_cues(re.compile("x"), required_cues)
    assert cues == frozenset({"x"})


def test_a_command_decodes_only_the_programs_it_uses(tmp_path, monkeypatch):
    """Decoding every stored program at start was most of the file's cost: unused ones stay text."""
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    tmp_path.chmod(0o700)
    for pattern in (r"\d+", r"[a-z]+x", r"(?P<w>\w+) said"):
        regex_cache.compile_pattern(pattern)
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "_stored", None)
    assert regex_cache.compile_pattern(r"(?P<w>\w+) said").search("the mayor said").group("w") == "mayor"
    stored = regex_cache._loaded()
    assert set(stored.programs) == {(r"(?P<w>\w+) said", 0)}
    assert set(stored.unread) == {(r"\d+", 0), (r"[a-z]+x", 0)}
    regex_cache.compile_pattern(r"\s+")  # a new pattern: the file is written again, the unread rows kept
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "_stored", None)
    before = regex_cache.misses
    for pattern in (r"\d+", r"[a-z]+x", r"(?P<w>\w+) said", r"\s+"):
        assert regex_cache.compile_pattern(pattern) == re.compile(pattern)
    assert regex_cache.misses == before


def test_a_program_is_stored_as_its_words():
    code = regex_cache._program(r"(?i)[а-яё]+\d{2,}", 0)[1]
    assert regex_cache._decoded(["p", 0, 0, regex_cache._encoded(code), 0, {}, []])[1] == code


def test_a_file_others_can_write_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    tmp_path.chmod(0o700)
    all_flags, code, groups, groupindex, indexgroup = regex_cache._program(r"[a-z]+", 0)
    path = regex_cache._path()
    planted = [r"\d+", 0, all_flags, regex_cache._encoded(code), groups, groupindex, list(indexgroup)]
    path.write_text(json.dumps({"programs": [planted]}))  # a program for [a-z]+ filed as \d+
    path.chmod(0o600)
    assert regex_cache.compile_pattern(r"\d+").match("abc")  # read: the file is private
    monkeypatch.setattr(regex_cache, "_stored", None)
    path.chmod(0o666)
    assert regex_cache.compile_pattern(r"\d+").match("abc") is None


def test_the_store_is_written_atomically_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_stored", None)
    regex_cache.compile_pattern(r"(?P<a>x)|y", re.IGNORECASE)
    regex_cache.save()
    assert [p.name for p in tmp_path.iterdir()] == [regex_cache._path().name]  # no temporary file left
    monkeypatch.setattr(regex_cache, "_stored", None)
    before = regex_cache.misses
    assert regex_cache.compile_pattern(r"(?P<a>x)|y", re.IGNORECASE).match("X").group("a") == "X"
    assert regex_cache.misses == before


def test_a_changed_cue_reader_reads_no_cues_its_previous_version_stored(tmp_path, monkeypatch):
    """The stored cues are text.required_cues's reading: a new reader must not trust the old one's."""
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    before = regex_cache._path()
    monkeypatch.setattr(regex_cache, "_cue_reader_source", lambda: b"# another required_cues\n")
    assert regex_cache._path() != before
    assert regex_cache._path().parent == before.parent
