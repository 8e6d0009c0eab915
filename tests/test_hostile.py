"""Issue 13, trust under attack: each break of the audit, pinned by a test that failed before the fix.

One file never sinks the build; the cache and the Store cannot lie or run code; a kill
leaves nothing behind; inputs and outputs stay where they belong. Texts are written for
these tests, in English and Russian.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from geo import corpus
from geo.corpus import document_from_bytes, iter_corpus
from geo.manifest import MANIFEST
from geo.model import Document, Skip
from geo.settings import Settings
from tests.conftest import ROOT
from tests.test_corpus import assert_skip

RUSSIAN = ("Минобороны России заявило, что под Суджей Курской области уничтожено до 120 "
           "военнослужащих ВСУ. Бои у Плехово продолжаются.\n")
ENGLISH = "Ukraine's General Staff said on Monday that Russia lost up to 200 soldiers near Sudzha.\n"


def geo(*args: str, cwd: Path = ROOT, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                          cwd=cwd, check=False, **kwargs)  # type: ignore[call-overload]


def nested_json_ld(depth: int) -> bytes:
    """A small saved page whose JSON-LD nests ``depth`` arrays deep (the parser's stack runs out)."""
    blob = "[" * depth + "]" * depth
    return (f'<html><head><script type="application/ld+json">{blob}</script></head>'
            f"<body><p>{ENGLISH}</p></body></html>").encode()


# --- one file never sinks the build ------------------------------------------------------


def test_issue_13_deep_folder_tree_is_walked_without_recursion(tmp_path):
    folder = tmp_path
    for _ in range(490):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "top.txt").write_text(ENGLISH, encoding="utf-8")
    records = list(iter_corpus(tmp_path))
    assert [r.source for r in records] == ["d/" * 490 + "deep.txt", "top.txt"]
    assert all(isinstance(r, Document) for r in records)


def test_issue_13_json_ld_nested_1000_deep_still_reads_the_page():
    doc = document_from_bytes(nested_json_ld(1000), "deep.html", is_html=True)
    assert isinstance(doc, Document)
    assert "Sudzha" in doc.text


def test_issue_13_any_exception_while_decoding_is_a_skip(monkeypatch):
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(corpus, "_html_document", broken)
    skip = assert_skip(document_from_bytes(b"<html><body><p>x</p></body></html>", "a.html", is_html=True),
                       source="a.html", reason="nested too deeply")
    assert skip.reason.startswith("cannot read the file")


def test_issue_13_any_exception_while_extracting_is_a_skip(tmp_path, monkeypatch, resources):
    from geo import parallel, pipeline

    (tmp_path / "bad.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    real = pipeline.process_document

    def fragile(doc, res):
        if doc.source == "bad.txt":
            raise KeyError("boom")
        return real(doc, res)

    monkeypatch.setattr(pipeline, "process_document", fragile)
    build = parallel.run_parallel(tmp_path, resources=resources, use_cache=False)
    assert [s.source for s in build.sources] == ["good.txt"]
    [skip] = build.skips
    assert_skip(skip, source="bad.txt", reason="cannot extract the file: unexpected failure (key")


def test_issue_13_build_goes_on_past_a_hostile_page_and_a_deep_tree(tmp_path):
    corpus_dir = tmp_path / "corpus"
    deep = corpus_dir
    for _ in range(490):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(RUSSIAN, encoding="utf-8")
    (corpus_dir / "hostile.html").write_bytes(nested_json_ld(1000))
    (corpus_dir / "plain.txt").write_text(ENGLISH, encoding="utf-8")
    result = geo("build", str(corpus_dir), "--out", str(tmp_path / "maps"))
    assert result.returncode == 0, result.stderr
    assert {"claims.csv", "index.html", "places.geojson", "places.gpkg"} <= {p.name for p in (tmp_path / "maps").iterdir()}
    sources = {s["file"] for s in json.loads((tmp_path / "maps" / "places.geojson").read_text())["sources"]}
    assert {"hostile.html", "plain.txt", "d/" * 490 + "deep.txt"} <= sources


@pytest.mark.parametrize(
    ("text", "damage", "replaced"),
    [
        pytest.param(RUSSIAN * 3, b"\xff", 1, id="ru one bad byte"),
        pytest.param(RUSSIAN * 3, b"\xd0", 1, id="ru cut multi-byte character"),
        pytest.param("Сили оборони України повідомили про бої біля Суджі.\n" * 3, b"\xfe\xfe", 2,
                     id="uk two bad bytes"),
    ],
)
def test_issue_13_mostly_utf8_is_read_as_utf8_and_counts_the_replaced_bytes(text, damage, replaced):
    data = text.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    doc = document_from_bytes(data[:middle] + damage + data[middle:], "news.txt")
    assert isinstance(doc, Document)
    assert doc.text.replace("\ufffd", "") == text
    assert doc.text.count("\ufffd") == replaced
    assert doc.meta.encoding == f"utf-8 ({replaced} byte{'s' if replaced > 1 else ''} replaced)"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_issue_13_legacy_cyrillic_is_still_not_read_as_utf8(codec):
    doc = document_from_bytes(RUSSIAN.encode(codec), "news.txt")
    assert isinstance(doc, Document)
    assert doc.text == RUSSIAN


def test_issue_13_text_over_the_budget_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "dump.txt").write_text(ENGLISH * 100, encoding="utf-8")
    [record] = iter_corpus(tmp_path, settings=Settings(max_text_chars=1000))
    assert_skip(record, source="dump.txt", reason="over the text budget")
    [record] = iter_corpus(tmp_path, settings=Settings(max_text_chars=100 * len(ENGLISH)))
    assert isinstance(record, Document)


# --- the cache and the Store cannot lie or run code --------------------------------------

CLAIMED = ("Ukraine's General Staff said on Tuesday that 3,800 Russian soldiers were killed near Sudzha "
           "in Kursk oblast.\n")
CLAIMED_RU = "Минобороны России сообщило, что под Суджей Курской области уничтожено 1 700 военнослужащих ВСУ.\n"


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    folder = tmp_path / "kursk"
    folder.mkdir()
    (folder / "en.txt").write_text(CLAIMED, encoding="utf-8")
    (folder / "ru.txt").write_text(CLAIMED_RU, encoding="utf-8")
    return folder


def _exports(build) -> tuple[bytes, bytes]:
    from geo.export.csv import render_csv
    from geo.export.geojson import render_geojson

    return render_geojson(build), render_csv(build)


class _Planted:
    """A pickle payload: unpickling it creates ``marker`` (it must never happen)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _entries(cache: Path) -> list[Path]:
    """The result cache's entries (``.pickle`` before issue 13)."""
    return sorted(p for p in (cache / "results").rglob("*") if p.suffix in (".json", ".pickle"))


def test_issue_13_result_cache_and_store_hold_no_pickle(small_corpus, resources, private_cache):
    import sqlite3

    from geo.parallel import run_parallel

    run_parallel(small_corpus, resources=resources)
    entries = _entries(private_cache)
    assert len(entries) == 2
    for entry in entries:
        assert json.loads(entry.read_text(encoding="utf-8"))["format"] == "geo-result/1"
    [store] = (private_cache / "stores").glob("*.sqlite")
    with sqlite3.connect(store) as db:
        records = [r for (r,) in db.execute("SELECT record FROM docs UNION ALL SELECT record FROM claims "
                                             "UNION ALL SELECT record FROM resolutions UNION ALL SELECT row FROM links")]
    assert records and all(isinstance(r, str) and r.startswith("[") for r in records)


def test_issue_13_a_planted_pickle_in_the_cache_never_runs(small_corpus, resources, private_cache, tmp_path):
    import pickle

    from geo.parallel import run_parallel

    expected = _exports(run_parallel(small_corpus, resources=resources, use_cache=False))
    run_parallel(small_corpus, resources=resources)
    marker = tmp_path / "pwned"
    for entry in _entries(private_cache):
        payload = pickle.dumps(_Planted(marker))
        for suffix in (".json", ".pickle"):  # where the cache looks, and where it looked before
            entry.with_suffix(suffix).write_bytes(payload)
    for store in (private_cache / "stores").glob("*.sqlite"):
        store.unlink()
    assert _exports(run_parallel(small_corpus, resources=resources)) == expected
    assert not marker.exists()


def test_issue_13_a_pickle_others_can_write_is_never_loaded(tmp_path):
    import pickle

    from geo._cache import cached

    marker = tmp_path / "pwned"
    folder = tmp_path / "shared"
    folder.mkdir()
    planted = folder / "matcher-k.pickle"
    planted.write_bytes(pickle.dumps(_Planted(marker)))
    planted.chmod(0o666)
    assert cached("matcher", "k", lambda: "computed", folder=folder) == "computed"
    assert not marker.exists()
    assert cached("matcher", "k", lambda: "again", folder=folder) == "computed"  # its own entry is private


def test_issue_13_cache_folders_are_private(small_corpus, resources, private_cache):
    from geo.parallel import run_parallel

    run_parallel(small_corpus, resources=resources)
    folders = [private_cache / "results", private_cache / "stores", *(p.parent for p in _entries(private_cache))]
    assert {oct(f.stat().st_mode & 0o777) for f in folders} == {"0o700"}


def _forge(entry: Path, old: str, new: str) -> None:
    """Edit an entry as an attacker would: the text changed and the digest recomputed."""
    from geo._cache import _digest

    data = json.loads(entry.read_text(encoding="utf-8"))
    body = json.loads(json.dumps(data["body"]).replace(old, new))
    data["body"], data["digest"] = body, _digest(data["key"], body)
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_issue_13_a_forged_quote_in_the_cache_is_a_miss_never_output(small_corpus, resources, private_cache):
    from geo.parallel import run_parallel

    expected = _exports(run_parallel(small_corpus, resources=resources, use_cache=False))
    assert b"3,800" in expected[1]
    run_parallel(small_corpus, resources=resources)
    for entry in _entries(private_cache):
        _forge(entry, "3,800", "9,800")
    for store in (private_cache / "stores").glob("*.sqlite"):
        store.unlink()
    again = _exports(run_parallel(small_corpus, resources=resources))
    assert again == expected
    assert b"9,800" not in again[0] + again[1]


def test_issue_13_damaged_cache_entries_are_misses(small_corpus, resources, private_cache):
    """Every single-byte damage of an entry: a miss or the true result, never an error or a lie."""
    import random

    from geo._cache import ResultCache
    from geo.corpus import iter_raw
    from geo.parallel import run_parallel

    run_parallel(small_corpus, resources=resources)
    [entry, _] = _entries(private_cache)
    version = entry.parent.parent.name
    cache = ResultCache(version, gazetteer=resources.gazetteer)
    raws = {raw.source: raw for raw in iter_raw(small_corpus)}
    raw = next(r for r in raws.values() if cache._path(r.sha256, r.source) == entry)
    truth = cache.get(raw)
    assert truth is not None
    pristine = entry.read_bytes()
    rng = random.Random(13)
    for _ in range(300):
        damaged = bytearray(pristine)
        at = rng.randrange(len(damaged))
        damaged[at] = rng.choice([b for b in range(256) if b != damaged[at]])
        entry.write_bytes(bytes(damaged))
        assert cache.get(raw) in (None, truth)


def test_issue_13_a_store_with_damaged_pages_is_rebuilt(small_corpus, resources, private_cache):
    from geo.parallel import run_parallel

    expected = _exports(run_parallel(small_corpus, resources=resources, use_cache=False))
    run_parallel(small_corpus, resources=resources)
    [store] = (private_cache / "stores").glob("*.sqlite")
    data = bytearray(store.read_bytes())
    page = 4096
    for start in range(3 * page, len(data), page):  # the schema and meta pages stay readable
        data[start:start + 64] = bytes(range(64))
    store.write_bytes(bytes(data))
    (small_corpus / "en.txt").touch()
    assert _exports(run_parallel(small_corpus, resources=resources)) == expected
    assert _exports(run_parallel(small_corpus, resources=resources)) == expected


def test_issue_13_a_second_build_waits_for_the_one_holding_the_corpus(tmp_path, gaz):
    import threading

    from geo.store import Store

    path = tmp_path / "stores" / "corpus.sqlite"
    first = Store(path, corpus="c", gazetteer=gaz, version="v")
    waited = threading.Event()
    opened: list[int] = []

    def second() -> None:
        with Store(path, corpus="c", gazetteer=gaz, version="v", on_wait=waited.set) as store:
            opened.append(store.counts.sources)

    thread = threading.Thread(target=second, daemon=True)
    thread.start()
    assert waited.wait(60)  # the second build saw the lock and said so
    assert not opened
    first.close()
    thread.join(60)
    assert opened == [0]


# --- inputs and outputs stay where they belong --------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _device(path: Path) -> Path:
    """A character device like /dev/null (never the real one: a bug would replace it)."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    return path


def _symlink(path: Path) -> Path:
    (path.parent / "elsewhere.csv").write_text("keep me\n", encoding="utf-8")
    path.symlink_to(path.parent / "elsewhere.csv")
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        pytest.param(_fifo, "a named pipe", id="fifo"),
        pytest.param(_symlink, "a symbolic link", id="symlink"),
        pytest.param(lambda p: _device(p), "a device", id="device"),
    ],
)
def test_issue_13_an_output_that_is_not_a_regular_file_is_refused(tmp_path, make, kind):
    from geo.errors import ExportError
    from geo.export.csv import write_csv
    from tests.builds import sample_build

    target = make(tmp_path / "claims.csv")
    before = os.lstat(target)
    with pytest.raises(ExportError, match=f"it is {kind}") as caught:
        write_csv(sample_build(), target)
    assert "\n" not in str(caught.value)
    after = os.lstat(target)
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino)


def test_issue_13_export_to_a_fifo_is_a_one_line_error(tmp_path):
    fifo = _fifo(tmp_path / "out.csv")
    result = geo("export", "seeds", "--format", "csv", "-o", str(fifo))
    assert result.returncode == 1, result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("geo:")]
    assert "it is a named pipe" in error
    assert Path(fifo).is_fifo()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_issue_13_a_full_stdout_is_a_one_line_error():
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "geo", "export", "seeds", "--format", "csv", "-o", "-"],
                                stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == "geo: cannot write to stdout: No space left on device"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda folder: (folder / "places.csv").write_bytes(bytes(range(256)) * 20), id="random bytes"),
        pytest.param(lambda folder: (folder / "places.csv").write_bytes(b"id,name_ru\n\x00\x00\n"), id="nul bytes"),
        pytest.param(lambda folder: (folder / "places.csv").write_text("id,name_ru,name_en\nx\n", encoding="utf-8"),
                     id="short rows"),
    ],
)
def test_issue_13_a_damaged_gazetteer_is_a_gazetteer_error(tmp_path, damage):
    import shutil

    from geo.errors import GazetteerError
    from geo.gazetteer import load_gazetteer

    folder = tmp_path / "gazetteer"
    shutil.copytree(ROOT / "gazetteer", folder)
    damage(folder)
    with pytest.raises(GazetteerError, match="is damaged") as caught:
        load_gazetteer(folder)
    assert "\n" not in str(caught.value)


def test_issue_13_random_bytes_in_the_gazetteer_exit_1(tmp_path):
    import shutil

    folder = tmp_path / "gazetteer"
    shutil.copytree(ROOT / "gazetteer", folder)
    (folder / "places.csv").write_bytes(bytes(range(256)) * 20)
    result = geo("where", "Sudzha", "--gazetteer", str(folder))
    assert result.returncode == 1 and result.stderr.startswith("geo: the gazetteer in")
    assert result.stderr.strip().count("\n") == 0


def test_issue_13_a_null_district_geometry_is_an_export_error(tmp_path):
    from geo.errors import ExportError
    from geo.export.gpkg import load_area_polygons

    data = json.loads((ROOT / "gazetteer" / "districts.geojson").read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = None
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError, match="cannot read district polygons"):
        load_area_polygons(path)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param("=HYPERLINK(\"http://example.org\",\"Sudzha\")", "'=HYPERLINK(\"http://example.org\",\"Sudzha\")",
                     id="equals"),
        pytest.param("+7 (495) 000-00-00", "'+7 (495) 000-00-00", id="plus"),
        pytest.param("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", id="minus"),
        pytest.param("@SUM(1,2)", "'@SUM(1,2)", id="at"),
        pytest.param("\tСуджа", "'\tСуджа", id="tab"),
        pytest.param("-1.5", "-1.5", id="negative number"),
        pytest.param("Бои под Суджей", "Бои под Суджей", id="text"),
    ],
)
def test_issue_13_csv_cells_that_start_a_formula_are_neutralised(cell, expected):
    import csv
    import io

    from geo.export.csv import render_csv
    from tests.builds import one_claim_build

    [row] = csv.DictReader(io.StringIO(render_csv(one_claim_build(cell)).decode("utf-8"), newline=""))
    assert (row["quote"], row["claimant"], row["subject"]) == (expected, expected, expected)
    [raw] = csv.DictReader(io.StringIO(render_csv(one_claim_build(cell), raw=True).decode("utf-8"), newline=""))
    assert raw["quote"] == cell


def test_issue_13_build_escapes_names_skips_outside_links_and_neutralises_csv(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "\x1b[2Jclear.txt").write_text(CLAIMED, encoding="utf-8")
    (corpus_dir / "=1+2.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus_dir / "report\u202etxt.md").write_text(CLAIMED_RU, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("a private note about Sudzha\n", encoding="utf-8")
    (corpus_dir / "version.txt").symlink_to(tmp_path / "secret.txt")
    out = tmp_path / "maps"
    result = geo("build", str(corpus_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "\\x1b[2Jclear.txt" in result.stderr and "report\\u202etxt.md" in result.stderr
    assert "skipped version.txt: symbolic link to outside the corpus" in result.stderr
    assert "private note" not in (out / "places.geojson").read_text(encoding="utf-8")
    table = (out / "claims.csv").read_text(encoding="utf-8")
    assert ",'=1+2.txt," in table and ",=1+2.txt," not in table
    raw = geo("build", str(corpus_dir), "--out", str(tmp_path / "raw"), "--raw-csv", "--follow-links", "--quiet")
    assert raw.returncode == 0, raw.stderr
    assert ",=1+2.txt," in (tmp_path / "raw" / "claims.csv").read_text(encoding="utf-8")
    assert "private note" in (tmp_path / "raw" / "places.geojson").read_text(encoding="utf-8")


# --- a kill leaves nothing behind and no mixed set ----------------------------------------

_ORPHAN_SCRIPT = """
import os, sys, time
from geo.outputs import die_with_parent
parent = os.getpid()
if os.fork() == 0:
    die_with_parent(parent)
    time.sleep(600)  # holds the pipe's write end until it dies
    os._exit(0)
os.write(1, b"forked\\n")
time.sleep(600)
"""


def test_issue_13_a_child_dies_with_its_killed_parent():
    import select
    import signal

    read_end, write_end = os.pipe()
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE,
                              pass_fds=(write_end,), cwd=ROOT)
    os.close(write_end)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == b"forked\n"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        # EOF on the pipe means every holder of its write end, the grandchild too, is gone.
        ready, _, _ = select.select([read_end], [], [], 120)
        assert ready and os.read(read_end, 1) == b""
    finally:
        os.close(read_end)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()


def test_issue_13_sigterm_is_handled_like_ctrl_c():
    import signal

    from geo.commands import Exit, guarded

    def terminated() -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    with pytest.raises(Exit) as caught:
        guarded(terminated)
    assert caught.value.code == 130


def _old_set(out: Path) -> dict[str, bytes]:
    from geo.outputs import OUTPUTS

    out.mkdir(parents=True, exist_ok=True)
    files = {name: f"the previous {name}".encode() for name in OUTPUTS}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return files


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "forked writer"])
def test_issue_13_an_interrupt_while_writing_leaves_the_old_set_whole(tmp_path, resources, private_cache,
                                                                      monkeypatch, parallel):
    import geo.outputs
    from geo.outputs import output_writer
    from geo.parallel import open_records

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = tmp_path / "maps"
    old = _old_set(out)
    real = geo.outputs._write_others

    def interrupted(store, gazetteer, folder, **kwargs):
        real(store, gazetteer, folder, **kwargs)  # the map and two exports are written...
        raise KeyboardInterrupt  # ...then Ctrl-C

    monkeypatch.setattr(geo.outputs, "_write_others", interrupted)
    with pytest.raises(KeyboardInterrupt), output_writer(resources.gazetteer, out, parallel=parallel) as write, \
            open_records(ROOT / "seeds", resources=resources) as store:
        write(store)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def test_issue_13_the_four_outputs_are_published_together(tmp_path, resources, private_cache, monkeypatch):
    from geo.outputs import INDEXES, OUTPUTS, output_writer
    from geo.parallel import open_records

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    out = tmp_path / "maps"
    old = _old_set(out)
    with output_writer(resources.gazetteer, out) as write, \
            open_records(ROOT / "seeds", resources=resources) as store:
        written = write(store)
    assert [p.name for p in written] == list(OUTPUTS)
    names = {p.name for p in out.iterdir()}
    # nothing staged is left; the manifest and the splice indexes of the set stay (geo.manifest)
    assert set(OUTPUTS) <= names and {name for name in names if name.startswith(".")} == {MANIFEST, *INDEXES}
    assert all((out / name).read_bytes() != data for name, data in old.items())


def test_issue_13_what_a_killed_build_left_is_tidied_by_the_next(tmp_path):
    from geo.outputs import OUTPUTS, tidy_output_folder

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)  # a process that has exited
    out = tmp_path / "maps"
    _old_set(out)
    (out / ".claims.csv.abc123.tmp").write_bytes(b"half a table")
    (out / ".places.gpkg.x1y2").write_bytes(b"half a GeoPackage")
    (out / ".index.html.q.tmp").write_bytes(b"<html>")
    torn = out / f".geo-staging-{pid}"
    torn.mkdir()
    (torn / "index.html").write_bytes(b"unfinished")
    tidy_output_folder(out)
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    assert (out / "index.html").read_bytes() == b"the previous index.html"
    # a complete set whose publishing was cut short is finished: the newer set wins whole
    done = out / f".geo-staging-{pid}"
    done.mkdir()
    for name in OUTPUTS[1:]:
        (done / name).write_bytes(b"new " + name.encode())
    (out / "index.html").write_bytes(b"new index.html")  # published before the kill
    (done / "COMPLETE").write_bytes(b"")
    tidy_output_folder(out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {name: b"new " + name.encode() for name in OUTPUTS}


# --- cost linear in the text: counted work, never seconds -------------------------------


class _Counted(list):  # type: ignore[type-arg]
    """A list that counts the items read from it, by index or by iteration."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        _Counted.reads += 1
        return super().__getitem__(index)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _Counted.reads += 1
            yield item


@pytest.fixture
def counted() -> type[_Counted]:
    _Counted.reads = 0
    return _Counted


#: A long article's worth of spans or mentions: a scan reads all of them, a bisect ~40.
_MANY = 100_000


def test_issue_13_span_index_bisects_instead_of_scanning(counted):
    from geo.text import span_index

    spans = counted((i * 10, i * 10 + 5) for i in range(_MANY))
    assert span_index(spans, 123_452) == 12_345
    assert span_index(spans, 123_457) is None
    assert counted.reads <= 100


def test_issue_13_claims_cut_mentions_by_bisect(counted):
    from types import SimpleNamespace

    from geo.linking import _places_between, _region_link
    from geo.model import Link

    mentions = counted((i * 10, f"inid160:{i % 7}") for i in range(_MANY))
    assert _places_between(mentions, 500_000, 500_031) == ["inid160:0", "inid160:1", "inid160:2", "inid160:6"]
    assert counted.reads <= 100
    counted.reads = 0
    offsets = counted(i * 10 for i in range(_MANY))
    claim = SimpleNamespace(sentence=(500_001, 500_009), paragraph=(499_990, 500_100))
    assert _region_link(claim, offsets) is Link.PARAGRAPH
    assert counted.reads <= 100


def test_issue_13_map_spans_read_only_the_mentions_inside_the_quote(counted, gaz):
    from geo.model import Mention, Resolution
    from geo.webmap.payload import _Highlighter

    sudzha = "inid160:115637"
    resolutions = [Resolution(mention=Mention(source="a.txt", start=i * 10, end=i * 10 + 6, surface="Sudzha",
                                              lemma="Sudzha", candidates=(sudzha,)), place_id=sudzha,
                              reason="only candidate") for i in range(_MANY // 5)]
    highlights = _Highlighter(resolutions, gaz)
    highlights._offsets[sudzha] = counted(highlights._offsets[sudzha])
    assert highlights.spans(sudzha, "Sudzha to Sudzha", 100_000) == [[0, 6], [10, 16]]
    assert counted.reads <= 100
