"""``geo.fast_cli``: the plainest command lines run without Typer, exactly as Typer runs them.

Issue 14: importing Typer and Click was a tenth of a one-article ``geo export``. The fast
path reads only lines it is sure of and hands every other to ``geo.cli``; checked here
that it reads those lines as Typer does (same defaults, same values), that both paths
give the same exit code, the same stdout, stderr and files, and that it imports no Typer.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from geo import fast_cli
from geo.cli import app
from geo.export import Format
from tests.conftest import ROOT

_TYPER_PATH = "import sys\nfrom geo.cli import app\napp()\n"


@pytest.mark.parametrize(("argv", "expected"), [
    (["where", "Sudzha"], {"name": "Sudzha", "gazetteer": None}),
    (["where", "под Суджей"], {"name": "под Суджей", "gazetteer": None}),
    (["export", "news"], {"corpus": Path("news"), "format": Format.GEOJSON, "output": "-", "workers": 1,
                          "raw_csv": False, "follow_links": False, "gazetteer": None, "overrides": None}),
    (["export", "-f", "csv", "news", "-o", "-", "--raw-csv", "--workers", "2", "--follow-links"],
     {"corpus": Path("news"), "format": Format.CSV, "output": "-", "workers": 2, "raw_csv": True,
      "follow_links": True, "gazetteer": None, "overrides": None}),
    (["export", "news", "--format", "gpkg", "--output", "out dir/a.gpkg"],
     {"corpus": Path("news"), "format": Format.GPKG, "output": "out dir/a.gpkg", "workers": 1,
      "raw_csv": False, "follow_links": False, "gazetteer": None, "overrides": None}),
])
def test_a_plain_line_is_read_with_every_parameter(argv, expected):
    call = fast_cli.parse(argv)
    assert call is not None and call.command == argv[0]
    assert dict(call.params) == expected


@pytest.mark.parametrize("argv", [
    [], ["build"], ["eval", "gold.json"], ["--debug", "where", "Sudzha"], ["--version"],
    ["where"], ["where", "--help"], ["where", "a", "b"], ["where", ""], ["where", "-x"],
    ["where", "Sudzha", "--gazetteer", "g"],
    ["export"], ["export", "news", "--help"], ["export", "a", "b"], ["export", "news", "--format=csv"],
    ["export", "news", "-fcsv"], ["export", "news", "--format", "CSV"], ["export", "news", "--format", "xml"],
    ["export", "news", "--format"], ["export", "news", "-o", "--format"], ["export", "news", "-o", ""],
    ["export", "news", "--workers", "0"], ["export", "news", "--workers", "007"],
    ["export", "news", "--workers", "two"], ["export", "news", "-f", "csv", "--format", "csv"],
    ["export", "news", "--overrides", "c.csv"], ["export", "news", "--gazetteer", "g"],
    ["export", "--", "news"], ["export", "-"], ["export", "news", "--raw-csv", "--raw-csv"],
])
def test_any_other_line_is_left_to_typer(argv):
    assert fast_cli.parse(argv) is None


@pytest.mark.parametrize("command", ["export", "where"])
def test_the_defaults_are_the_commands_own(command):
    """A default changed in geo.cli must not leave the fast path with the old one."""
    declared = typer.main.get_command(app).commands[command]
    call = fast_cli.parse([command, "x"])
    assert call is not None
    argument = {"export": "corpus", "where": "name"}[command]
    defaults = {param.name: param.default for param in declared.params if param.name != argument}
    assert {name: value for name, value in call.params.items() if name != argument} == defaults
    options = {spelling for param in declared.params for spelling in param.opts}
    assert set(fast_cli._COMMANDS[command][1]) <= options  # every spelling read here is geo.cli's


def _both(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    fast = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, cwd=cwd, check=False)
    slow = subprocess.run([sys.executable, "-c", _TYPER_PATH, *args], capture_output=True, cwd=cwd, check=False)
    return fast, slow


@pytest.mark.parametrize("args", [
    ["where", "Sudzha"],
    ["where", "Martinovka"],  # no exact name: the near ones
    ["where", "Nowhere"],  # exit 1, one line
    ["export", "seeds", "-f", "csv"],
    ["export", "seeds", "--format", "gpkg"],  # exit 1: a GeoPackage cannot go to stdout
    ["export", "no/such/folder"],
])
def test_both_paths_give_the_same_exit_code_and_bytes(args):
    fast, slow = _both(args, ROOT)
    assert fast.stdout or fast.stderr  # the command ran
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


def test_both_paths_write_the_same_file(tmp_path):
    fast_out, slow_out = tmp_path / "fast.geojson", tmp_path / "slow.geojson"
    common = ["export", str(ROOT / "seeds"), "--workers", "2", "--output"]
    fast = subprocess.run([sys.executable, "-m", "geo", *common, str(fast_out)], capture_output=True, check=False)
    slow = subprocess.run([sys.executable, "-c", _TYPER_PATH, *common, str(slow_out)], capture_output=True,
                          check=False)
    assert fast.returncode == slow.returncode == 0, (fast.stderr, slow.stderr)
    assert fast.stderr == slow.stderr
    assert fast_out.read_bytes() == slow_out.read_bytes()
    assert json.loads(fast_out.read_bytes())["features"]


def test_a_plain_where_imports_no_typer_or_click():
    script = ("import runpy, sys\nsys.argv = ['geo', 'where', 'Sudzha']\n"
              "try:\n    runpy.run_module('geo', run_name='__main__')\nexcept SystemExit as end:\n"
              "    assert end.code == 0, end.code\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Sudzha" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
