"""Issue 13: the outputs of a build land as one set, by one folder swap (geo/outputs.py).

A reader of the output folder must never see files of two builds at once. Where the
system can exchange two folders in one call (Linux ``renameat2``), the whole new folder
is swapped in; these tests check that nothing in ``out`` changes before that call, that
everything has changed after it, and that the user's own files survive it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import geo.outputs
from geo.manifest import MANIFEST
from geo.outputs import FOLDERS, INDEXES, OUTPUTS, output_writer, tidy_output_folder
from geo.parallel import open_records
from tests.conftest import ROOT
from tests.test_hostile import _old_set

pytestmark = pytest.mark.skipif(geo.outputs._libc_renameat2() is None, reason="needs Linux renameat2")


def _build(resources, out: Path, *, parallel: bool = False) -> list[Path]:
    with output_writer(resources.gazetteer, out, parallel=parallel) as write, \
            open_records(ROOT / "seeds", resources=resources) as store:
        return write(store)


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    return int(done.stdout)


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "forked writer"])
def test_the_new_set_appears_in_one_exchange_and_nothing_changes_before_it(tmp_path, resources, private_cache,
                                                                           monkeypatch, parallel):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = tmp_path / "site" / "maps"
    old = _old_set(out)
    real_exchange = geo.outputs._exchange
    seen: list[tuple[dict[str, bytes], set[str]]] = []

    def watched(staging: Path, target: Path) -> None:
        before = {name: (out / name).read_bytes() for name in OUTPUTS}
        real_exchange(staging, target)
        seen.append((before, {p.name for p in out.iterdir()}))

    def no_piecemeal_renames(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"an output was renamed into place on its own: {dst}")

    monkeypatch.setattr(geo.outputs, "_exchange", watched)
    monkeypatch.setattr(geo.outputs, "_publish", no_piecemeal_renames)
    written = _build(resources, out, parallel=parallel)
    [(before, after)] = seen
    assert before == old  # up to the exchange a reader sees the whole old set
    assert set(OUTPUTS) | set(FOLDERS) <= after
    assert all(path.read_bytes() != old[path.name] for path in written)  # after it, the whole new one
    assert [p.name for p in out.parent.iterdir()] == ["maps"]  # no staging folder left beside it


def test_the_users_files_in_the_output_folder_survive_the_swap(tmp_path, resources, private_cache):
    out = tmp_path / "site" / "maps"
    _old_set(out)
    (out / "notes.txt").write_text("my notes on the map", encoding="utf-8")
    (out / "shots").mkdir()
    (out / "shots" / "sudzha.png").write_bytes(b"\x89PNG")
    (out / "latest").symlink_to("index.html")
    inode = (out / "notes.txt").stat().st_ino
    _build(resources, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes on the map"
    assert (out / "notes.txt").stat().st_ino == inode  # carried as a link, not a copy
    assert (out / "shots" / "sudzha.png").read_bytes() == b"\x89PNG"
    assert os.readlink(out / "latest") == "index.html"


def test_a_file_written_into_the_output_folder_during_the_build_is_kept(tmp_path, resources, private_cache,
                                                                       monkeypatch):
    out = tmp_path / "site" / "maps"
    _old_set(out)
    real_exchange = geo.outputs._exchange

    def late_writer(staging: Path, target: Path) -> None:
        (target / "written-during-the-build.txt").write_text("late", encoding="utf-8")
        real_exchange(staging, target)

    monkeypatch.setattr(geo.outputs, "_exchange", late_writer)
    _build(resources, out)
    assert (out / "written-during-the-build.txt").read_text(encoding="utf-8") == "late"


def test_a_linked_output_folder_stays_a_link_to_the_new_set(tmp_path, resources, private_cache):
    real = tmp_path / "real-maps"
    old = _old_set(real)
    link = tmp_path / "maps"
    link.symlink_to(real)
    _build(resources, link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert all((real / name).read_bytes() != data for name, data in old.items())


def test_without_the_swap_the_files_are_renamed_across_and_the_set_still_lands(tmp_path, resources, private_cache,
                                                                              monkeypatch):
    monkeypatch.setattr(geo.outputs, "_libc_renameat2", lambda: None)
    out = tmp_path / "site" / "maps"
    old = _old_set(out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    _build(resources, out)
    assert all((out / name).read_bytes() != data for name, data in old.items())
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUTS, *FOLDERS, *INDEXES, MANIFEST, "notes.txt"])
    assert [p.name for p in out.parent.iterdir()] == ["maps"]


def test_a_swap_the_file_system_refuses_falls_back_to_renames(tmp_path, resources, private_cache, monkeypatch):
    import errno

    def refused(staging: Path, target: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(geo.outputs, "_exchange", refused)
    out = tmp_path / "site" / "maps"
    old = _old_set(out)
    written = _build(resources, out)
    assert all(path.read_bytes() != old[path.name] for path in written)
    assert [p.name for p in out.parent.iterdir()] == ["maps"]


def test_staging_folders_of_dead_builds_beside_the_output_are_removed_and_live_ones_kept(tmp_path):
    out = tmp_path / "site" / "maps"
    old = _old_set(out)
    dead = out.parent / f".maps.geo-staging-{_dead_pid()}"
    dead.mkdir()
    (dead / "index.html").write_bytes(b"half a map")
    live = out.parent / f".maps.geo-staging-{os.getppid()}"  # a running process: another build
    live.mkdir()
    unrelated = out.parent / ".maps.geo-staging-notes"
    unrelated.mkdir()
    tidy_output_folder(out)
    assert not dead.exists() and live.is_dir() and unrelated.is_dir()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_a_fifo_in_the_output_folder_that_cannot_be_linked_never_blocks_the_publish(tmp_path, resources,
                                                                                   private_cache, monkeypatch):
    """A FIFO is linked with the rest; where links are refused, the set is renamed across instead
    (a copy of a FIFO would wait for a writer forever)."""
    out = tmp_path / "site" / "maps"
    old = _old_set(out)
    os.mkfifo(out / "pipe")

    def no_links(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    written = _build(resources, out)
    assert all(path.read_bytes() != old[path.name] for path in written)
    assert (out / "pipe").exists() and [p.name for p in out.parent.iterdir()] == ["maps"]
