"""Issue 14: the splicer's own work, counted (geo/export/splice.py).

A rebuild's spliced exports must cost in proportion to what changed plus a few array
operations per list, never a Python step or a search per unchanged record; these tests
count what the splicer did on small hand-made files, and check its answers against a
plain dictionary.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from geo.export import splice
from geo.export.splice import Splicer, read_old, write_spliced

CLAIM = 3


def _key(rowid: int, *, contested: bool = False, kind: int = CLAIM) -> int:
    return (rowid << 3) | (int(contested) << 2) | kind


def _index(tmp_path: Path, keys: list[int], basis: str = "b") -> tuple[Path, Path]:
    """A published file of one-byte units and its index, the units in the order of ``keys``."""
    data = tmp_path / "old.txt"
    data.write_bytes(b"x" * len(keys))
    index = tmp_path / ".geo-index-old.txt"
    at = np.arange(len(keys), dtype=np.int64)
    index.write_bytes(splice._pack(basis, {}, np.array(keys, dtype=np.int64), at, at + 1,
                                   np.zeros(len(keys), dtype=np.uint8)))
    return data, index


@pytest.mark.parametrize("rowids", [[5, 1, 9, 2, 7, 3], [5, 1, 2**40, 2, 7, 3]], ids=["dense", "sparse"])
def test_old_units_are_found_by_a_table_or_by_a_search_with_the_same_answers(tmp_path, rowids):
    keys = [_key(r, contested=r == 9) for r in rowids]
    old = read_old(*_index(tmp_path, keys), "b", {})
    assert old is not None
    # dense row ids index a table (no search); one huge row id would make it huge: searched instead
    assert (old.slots is not None) == (max(rowids) < 100)
    assert (old.order is None) == (old.slots is not None)
    asked = np.array([*keys, _key(9), _key(4), _key(5, kind=2), _key(2**41), _key(0)][::-1], dtype=np.int64)
    at, found = old.locate(asked)
    where = {key: position for position, key in enumerate(keys)}
    assert found.tolist() == [int(k) in where for k in asked]
    assert at[found].tolist() == [where[int(k)] for k in asked[found]]


def test_a_table_is_not_made_for_an_index_of_negative_keys(tmp_path):
    old = read_old(*_index(tmp_path, [_key(3), -8]), "b", {})
    assert old is not None and old.slots is None
    _, found = old.locate(np.array([-8, _key(3), _key(4)], dtype=np.int64))
    assert found.tolist() == [True, True, False]


def test_the_text_between_two_queued_lists_is_compared_with_the_old_file_once(tmp_path):
    """A place's tail and the next place's head: one read of the old file, not one per piece."""
    pieces = ["]", "}}", ",\n", '{"head":1', ',"mentions":', "["]

    def render(units: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        return dict.fromkeys(units, "u")

    def write(splicer: Splicer) -> None:
        for rowid in (1, 2, 3):
            splicer.units(np.array([_key(rowid)]), np.array([rowid]), 1, 1, render)
            for piece in pieces:
                splicer.text(piece)

    first = write_spliced(tmp_path / "a.txt", None, write, basis="b", tokens={})
    assert first.rendered_units == 3 and first.compares == 0
    old = read_old(tmp_path / "a.txt", tmp_path / ".geo-index-a.txt", "b", {})
    again = write_spliced(tmp_path / "b.txt", old, write, basis="b", tokens={})
    assert (tmp_path / "b.txt").read_bytes() == (tmp_path / "a.txt").read_bytes()
    assert again.copied_units == 3 and again.rendered_units == 0
    assert again.copies == 1  # units and the text between them: one range
    assert again.compares == 3  # one per stretch of text after a list, not len(pieces) per list
    assert os.path.getsize(tmp_path / "b.txt") == again.copied_bytes + again.written_bytes


def _blocks_file(tmp_path: Path, name: str, old, blocks: dict[str, list[int]], copy: set[str]):
    """Write ``name``: a block per entry (its units' row ids), "|" between them; copy those in ``copy``."""

    def render(units: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        return {unit: f"<{unit[0]}>" for unit in units}

    def write(splicer: Splicer) -> None:
        for position, (block, rowids) in enumerate(blocks.items()):
            splicer.text("|" if position else "")
            if block in copy and splicer.copy_block(block):
                continue
            splicer.begin_block(block)
            splicer.text(f"{block}:")
            splicer.units(np.array([_key(r) for r in rowids], dtype=np.int64), np.array(rowids, dtype=np.int64),
                          2, 0, render)
            splicer.end_block(block)

    counts = write_spliced(tmp_path / name, old, write, basis="b", tokens={})
    return counts, read_old(tmp_path / name, tmp_path / f".geo-index-{name}", "b", {})


def test_a_block_copied_whole_takes_its_units_along_for_the_next_file(tmp_path):
    blocks = {"a": [1, 2], "b": [3], "c": [4, 5, 6]}
    first, old = _blocks_file(tmp_path, "one.txt", None, blocks, set())
    assert first.rendered_units == 6 and first.blocks_copied == 0
    assert (tmp_path / "one.txt").read_bytes() == b"a:<1>,\n<2>|b:<3>|c:<4>,\n<5>,\n<6>"
    assert old is not None and set(old.blocks) == {"a", "b", "c"}
    # b changed (a new row), a and c are copied whole: no unit of theirs planned or looked up
    changed = {"a": [1, 2], "b": [3, 7], "c": [4, 5, 6]}
    second, old = _blocks_file(tmp_path, "two.txt", old, changed, {"a", "c"})
    assert (tmp_path / "two.txt").read_bytes() == b"a:<1>,\n<2>|b:<3>,\n<7>|c:<4>,\n<5>,\n<6>"
    assert second.blocks_copied == 2 and second.plans == 1
    assert second.copied_units == 6 and second.rendered_units == 1  # <3> of b was found in the old file
    # the copied blocks' units moved with them: a third file finds each where it now is
    third, _ = _blocks_file(tmp_path, "three.txt", old, changed, set())
    assert (tmp_path / "three.txt").read_bytes() == (tmp_path / "two.txt").read_bytes()
    assert third.rendered_units == 0 and third.copied_units == 7 and third.blocks_copied == 0


def test_an_index_whose_blocks_do_not_fit_its_file_copies_no_block(tmp_path):
    _, old = _blocks_file(tmp_path, "one.txt", None, {"a": [1], "b": [2]}, set())
    assert old is not None
    index = tmp_path / ".geo-index-one.txt"
    data = bytearray(index.read_bytes())
    assert data[-64:-56] == (0).to_bytes(8, "little")  # the blocks' numbers end the index: "a" starts at 0
    data[-64:-56] = (9).to_bytes(8, "little")  # it starts after its end
    index.write_bytes(bytes(data))
    damaged = read_old(tmp_path / "one.txt", index, "b", {})
    assert damaged is not None and damaged.blocks == {}  # units still copied one by one
    counts, _ = _blocks_file(tmp_path, "two.txt", damaged, {"a": [1], "b": [2]}, {"a", "b"})
    assert counts.blocks_copied == 0 and counts.copied_units == 2
    assert (tmp_path / "two.txt").read_bytes() == (tmp_path / "one.txt").read_bytes()
