"""The command line: every command documented, exit codes, the measured export on the seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo.cli import app
from tests.conftest import ROOT

runner = CliRunner()
COMMANDS = ("build", "export", "where", "explain", "eval", "gazetteer")


def geo(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    """``python -m geo ARGS``: a real process, for what only one shows (its exit status, its pipes)."""
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def geo_here(*args: str) -> subprocess.CompletedProcess:
    """``geo ARGS`` run in this process from the repository, read as ``geo`` reads.

    For tests of what a command prints: starting Python and importing geo again costs more
    than most commands. An exception the CLI did not turn into an exit code is raised.
    """
    old = Path.cwd()
    os.chdir(ROOT)  # "seeds" and the other relative paths, as from the checkout
    try:
        result = runner.invoke(app, list(args))
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"geo {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2 and "geo build" in block[0]
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_seeds_export_validates_against_the_contract(seeds_geojson):
    import jsonschema

    schema = json.loads((ROOT / "tests" / "data" / "places.schema.json").read_text(encoding="utf-8"))
    data = json.loads(seeds_geojson.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert "crs" not in data


def test_seeds_export_offsets_point_at_the_text(seeds_geojson):
    data = json.loads(seeds_geojson.read_text(encoding="utf-8"))
    texts = {p.name: p.read_bytes().decode("utf-8") for p in (ROOT / "seeds").iterdir()}
    claims = [c for f in data["features"] for c in f["properties"]["claims"]] + data["unplaced_claims"]
    mentions = [m for f in data["features"] for m in f["properties"]["mentions"]]
    assert claims and mentions
    for c in claims:
        assert texts[c["source"]][c["start"]:c["end"]] == c["quote"]
    for m in mentions:
        assert texts[m["source"]][m["start"]:m["end"]] == m["surface"]


def test_seed_gold_score(seeds_geojson, shared):
    """Issue 3 and 4 acceptance, measured by the shared scorer on the export."""
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "seeds-gold.json"), str(seeds_geojson),
         "--json"], capture_output=True, text=True, check=False)
    score = json.loads(result.stdout)
    mentions, claims = score["mentions"], score["claims"]
    assert mentions["f1"] == 1.0 and mentions["acc5"] == 1.0
    assert claims["found"] >= 0.95
    assert min(claims["claimant"], claims["kind"], claims["figure"]) >= 0.95
    assert claims["link"] >= 0.90
    assert claims["precision"] >= 0.90


def test_geojson_to_stdout_is_data_only():
    result = geo_here("export", "seeds", "--format", "geojson", "--output", "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
    assert "read 5 file(s)" in result.stderr


def test_csv_to_stdout():
    result = geo_here("export", "seeds", "--format", "csv", "--output", "-")
    assert result.returncode == 0
    assert result.stdout.startswith("event_date,")


@pytest.mark.parametrize(("args", "code", "message"), [
    pytest.param(("export", "no/such/folder"), 1, "does not exist: pass a folder of .txt, .md or .html",
                 id="missing-corpus"),
    pytest.param(("export", "seeds", "--format", "gpkg", "--output", "-"), 1, "stdout", id="gpkg-to-stdout"),
    pytest.param(("export", "seeds", "--format", "xml"), 2, "xml", id="bad-format"),
    pytest.param(("where", "Nowhereville"), 1, "no place", id="unknown-name"),
])
def test_errors_are_one_line_with_the_documented_exit_code(args, code, message):
    result = geo(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_corpus_is_an_explained_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = geo_here("export", str(tmp_path), "--output", str(tmp_path / "x.geojson"))
    assert result.returncode == 1
    assert "no usable article" in result.stderr
    assert "empty.txt" in result.stderr


def test_a_corpus_path_that_is_no_utf8_is_an_explained_error(tmp_path):
    corpus = Path(os.fsdecode(bytes(tmp_path) + b"/\xffcorpus"))
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((ROOT / "seeds" / "000_3c41f440098cf267.txt").read_bytes())
    result = geo_here("export", str(corpus), "--output", str(tmp_path / "x.geojson"))
    assert result.returncode == 1
    assert "is not valid UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_output_is_an_explained_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = geo_here("export", "seeds", "--output", str(blocker / "out.geojson"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("под Суджей", "inid160:115637", id="ru-case"),
    pytest.param("Makhnivka", "inid160:121418", id="uk-romanised"),
])
def test_where_lists_candidates(name, expected):
    result = geo_here("where", name)
    assert result.returncode == 0
    assert expected in result.stdout


def test_where_lists_every_candidate_of_a_shared_name():
    result = geo_here("where", "Aleksandrovka")
    assert len(result.stdout.strip().splitlines()) == 16


def test_build_writes_the_map_and_three_exports(tmp_path):
    result = geo("build", "seeds", "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "places.geojson", "claims.csv", "places.gpkg"):
        assert (tmp_path / name).stat().st_size > 0


def test_eval_prints_the_figures_and_the_misses(shared):
    result = geo_here("eval", str(shared / "seeds-gold.json"), "seeds")
    assert result.returncode == 0
    assert result.stdout.startswith("places\n")
    assert "claim precision" in result.stdout.splitlines()[-1]
    assert "\nkind killed " in result.stdout and "\nlanguage en " in result.stdout


def test_version_prints_the_package_version():
    from geo import __version__

    result = geo_here("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"geo {__version__}"


@pytest.mark.parametrize("flag", ["--debug", "--version", "--help"])
def test_flags_read_as_flags_in_help(flag):
    """Issue 15: a flag shows no value placeholder ("--debug <bool>" read as taking a value)."""
    result = runner.invoke(app, ["--help"], terminal_width=200)
    [line] = [line for line in result.output.splitlines() if f" {flag} " in line]
    assert "<bool>" not in line


def test_empty_folder_says_which_files_it_reads(tmp_path):
    result = geo_here("export", str(tmp_path), "--output", str(tmp_path / "x.geojson"))
    assert result.returncode == 1
    assert "no .txt, .md or .html article in" in result.stderr


def test_piped_stderr_keeps_one_message_per_line_and_totals_last(tmp_path):
    """Issue 15: not wrapped at 80 columns when stderr is not a terminal; per-file lines first."""
    long_name = "a-file-name-long-enough-to-pass-the-eightieth-column-of-a-terminal-" + "x" * 40 + ".txt"
    (tmp_path / long_name).write_bytes((ROOT / "seeds" / "000_3c41f440098cf267.txt").read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = geo("export", str(tmp_path), "--output", str(tmp_path / "x.geojson"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"read {long_name}" in lines
    assert any(line.startswith("skipped notes.pdf: ") for line in lines)
    assert lines[-1].startswith("read 1 file(s), skipped 1;")


def _unresolved(source: str, start: int, lemma: str = "Vorobzha"):
    from geo.model import Mention, Resolution

    surface = "x" * len(lemma)
    mention = Mention(source=source, start=start, end=start + len(surface), surface=surface, lemma=lemma,
                      candidates=("p:1", "p:2"))
    return Resolution(mention=mention, place_id=None, reason="2 candidates in A, B; no district named")


def test_each_unresolved_name_is_listed_once_with_count_candidates_and_files():
    from geo.records import UnresolvedMention
    from geo.report import FILES_SHOWN, group_unresolved, unresolved_lines

    files = [f"{i:02d}.txt" for i in range(FILES_SHOWN + 4)]
    mentions = [_unresolved(f, start) for f in files for start in (0, 50)] + [_unresolved("09.txt", 90, "Zarya")]
    mentions.sort(key=lambda r: (r.mention.source, r.mention.start))
    names = group_unresolved(UnresolvedMention.of(r) for r in mentions)
    assert [(u.name, u.count, u.n_files) for u in names] == [("Vorobzha", 2 * len(files), len(files)),
                                                            ("Zarya", 1, 1)]
    line = unresolved_lines(names)[0]
    assert line.startswith(f"unresolved Vorobzha x{2 * len(files)} in {len(files)} file(s): 2 candidate(s): p:1; p:2")
    assert line.endswith(f"in {', '.join(files[:FILES_SHOWN])} and 4 more")


def test_first_run_says_it_builds_the_name_index(monkeypatch, resources):
    import geo.pipeline

    monkeypatch.setattr(geo.pipeline, "is_matcher_cached", lambda gaz: False)
    result = runner.invoke(app, ["explain", "seeds/000_3c41f440098cf267.txt"])
    assert result.exit_code == 0
    assert "building the name index of the gazetteer once (about 15 s)" in result.stderr
    assert "building" not in result.stdout


@pytest.mark.parametrize(("command", "flag"), [("build", "--raw-csv"), ("build", "--follow-links"),
                                               ("export", "--raw-csv"), ("export", "--follow-links"),
                                               ("build", "--help"), ("eval", "--help"), ("where", "--help")])
def test_command_flags_read_as_flags_in_help(command, flag):
    """Issue 15: the commands' own flags show no value placeholder either."""
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    [line] = [line for line in result.output.splitlines() if f" {flag} " in line]
    assert "<bool>" not in line


def _modules_after(*args: str) -> set[str]:
    """The modules ``geo ARGS`` has imported when it ends, in a real process (issue 14)."""
    script = ("import json, sys\nfrom geo.cli import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "sys.stdout.write('\\nMODULES ' + json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT,
                            check=False)
    modules = result.stdout.rpartition("\nMODULES ")[2]
    assert modules, result.stderr
    return set(json.loads(modules))


#: What no one-article command needs: pydantic (Typer's coercion, ``geo.cli_params``), GDAL
#: and the GeoPackage writer, the map writer.
_NEVER_ONE_ARTICLE = {"pydantic", "pyogrio", "osgeo", "shapely", "geo.export.gpkg", "geo.webmap.build", "geo.outputs"}


def test_issue_14_where_imports_no_extraction_rules_export_writer_or_pydantic(name_index):
    modules = _modules_after("where", "Sudzha")
    assert "geo.where" in modules and "geo.toponyms" in modules  # the command ran
    unneeded = _NEVER_ONE_ARTICLE | {"geo.claims", "geo.resolve", "geo.attribution", "geo.export.csv",
                                     "geo.export.geojson", "geo.store", "rich", "pymorphy3"}
    assert not unneeded & modules, sorted(unneeded & modules)


def test_issue_14_a_geojson_export_imports_only_its_own_writer(tmp_path, name_index):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_bytes((ROOT / "seeds" / "000_3c41f440098cf267.txt").read_bytes())
    out = tmp_path / "one.geojson"
    modules = _modules_after("export", str(tmp_path / "one"), "--format", "geojson", "--output", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["features"]  # the command ran
    unneeded = _NEVER_ONE_ARTICLE | {"geo.export.csv", "pymorphy3", "rich"}
    assert not unneeded & modules, sorted(unneeded & modules)


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(("export", "seeds", "--workers", "0"), "greater than or equal to 1", id="workers-0"),
    pytest.param(("export", "seeds", "--workers", "two"), "Input should be a valid integer", id="workers-word"),
    pytest.param(("export", "seeds", "--format", "xml"), "'xml' is not one of", id="format"),
    pytest.param(("eval", "no/such/gold.json"), "file 'no/such/gold.json' does not exist", id="missing-file"),
    pytest.param(("eval", "seeds"), "file 'seeds' is a directory", id="dir-for-file"),
    pytest.param(("gazetteer", "README.md"), "dir 'README.md' is a file", id="file-for-dir"),
])
def test_issue_14_bad_values_keep_typers_own_messages(args, message):
    """``geo.cli_params`` answers only the values it is sure of; Typer words every error, exit 2."""
    result = geo_here(*args)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize("line", [
    pytest.param("read 000003-en.txt", id="read"),
    pytest.param("unresolved Александровка x16 in 3 file(s): 16 candidate(s): Aleksandrovka (Sudzhansky District); "
                 "Aleksandrovka (Korenevsky District); mentioned with no district; in a.txt, b.txt and 4 more",
                 id="long-cyrillic"),
    pytest.param("skipped 中文字符.txt: " + "wide " * 40, id="wide-characters"),
    pytest.param("  spaces at both ends  ", id="spaces"),
    pytest.param("geo: no place of Kursk oblast is called 'Nowhere'", id="where-miss"),
    pytest.param("skipped example.org/a.txt: e\u0301 and x: y", id="colons-and-combining"),
    pytest.param("", id="empty"),
    pytest.param("read :fire:.txt", id="an-emoji-code-is-data"),
])
def test_issue_14_a_plain_message_is_written_as_rich_writes_it(line):
    """``geo.commands`` writes a plain message itself, without importing rich: the bytes must be rich's."""
    import io

    from rich.console import Console

    from geo.commands import is_plain_message

    assert is_plain_message(line, markup=False)
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, soft_wrap=True, emoji=False).print(line, markup=False)
    assert buffer.getvalue() == line + "\n"


@pytest.mark.parametrize("line", ["tab\there", "bell\a", "[bold]x[/bold]"])
def test_issue_14_a_message_rich_would_change_goes_through_rich(line, monkeypatch):
    import io

    from geo.commands import _Console

    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    _Console().print(line, markup=None if "[" in line else False)
    assert buffer.getvalue() != line + "\n"


def test_issue_14_a_warm_export_imports_no_extraction_rules(tmp_path, private_cache):
    """Nothing to extract, nothing to compile: the result cache's key reads the rules' files."""
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_bytes((ROOT / "seeds" / "000_3c41f440098cf267.txt").read_bytes())
    args = ("export", str(tmp_path / "one"), "--format", "geojson", "--output", str(tmp_path / "one.geojson"))
    cold = _modules_after(*args)
    first = (tmp_path / "one.geojson").read_bytes()
    warm = _modules_after(*args)
    assert (tmp_path / "one.geojson").read_bytes() == first
    rules = {"geo.claims", "geo.resolve", "geo.attribution", "geo.figures"}
    assert rules <= cold
    assert not rules & warm, sorted(rules & warm)


def test_issue_14_a_build_with_nothing_changed_imports_no_numpy_and_no_splicer(tmp_path, private_cache):
    """Every output is linked: the splicer and numpy (a tenth of such a rebuild) are not imported."""
    from geo.export.splice import index_name
    from geo.outputs import GPKG_INDEX, INDEXES, SPLICED, SPLICED_INDEXES

    assert SPLICED_INDEXES == tuple(index_name(name) for name in SPLICED)  # the names the linking uses
    assert INDEXES == (*SPLICED_INDEXES, GPKG_INDEX) and GPKG_INDEX == index_name("places.gpkg")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_bytes((ROOT / "seeds" / "000_3c41f440098cf267.txt").read_bytes())
    args = ("build", str(tmp_path / "one"), "--out", str(tmp_path / "maps"), "--quiet")
    first = _modules_after(*args)
    again = _modules_after(*args)
    assert {"numpy", "geo.export.splice"} <= first
    assert not {"numpy", "geo.export.splice", "geo.claims"} & again, sorted({"numpy", "geo.export.splice"} & again)


@pytest.mark.parametrize(("annotation", "options", "value"), [
    pytest.param(str, {}, "под Суджей", id="str"),
    pytest.param(str | None, {}, "local", id="optional-str"),
    pytest.param(int, {"min": 1}, "2", id="int"),
    pytest.param(int, {"min": 1}, 1, id="int-default"),
    pytest.param(Path, {}, "seeds", id="path"),
    pytest.param(Path, {"exists": True, "dir_okay": False}, str(ROOT / "README.md"), id="existing-file"),
    pytest.param(Path, {"file_okay": False}, f"{ROOT}//seeds/", id="folder"),
    pytest.param(Path, {}, Path("seeds"), id="path-default"),
    pytest.param(Path | None, {"dir_okay": False}, "./corrections.csv", id="optional-path"),
])
def test_issue_14_quick_coercion_gives_what_typers_own_gives(annotation, options, value):
    from typer._coercion import build_runtime_param, resolve_type_descriptor
    from typer.models import OptionInfo

    from geo.cli_params import UNSURE, quick_value

    info = OptionInfo(**options)
    quick = quick_value(annotation, info, value)
    assert quick is not UNSURE
    typers = build_runtime_param(resolve_type_descriptor(annotation, info))._coerce_value(value, param=None, ctx=None)
    assert (type(quick), quick) == (type(typers), typers)


def test_issue_14_quick_coercion_leaves_every_doubt_to_typer():
    from typer.models import OptionInfo

    from geo.cli_params import UNSURE, quick_value

    assert quick_value(int, OptionInfo(min=1), "0") is UNSURE
    assert quick_value(int, OptionInfo(), "+2") is UNSURE
    assert quick_value(Path, OptionInfo(exists=True), "no/such/file") is UNSURE
    assert quick_value(Path, OptionInfo(dir_okay=False), str(ROOT / "seeds")) is UNSURE
    assert quick_value(Path, OptionInfo(), "") is UNSURE
