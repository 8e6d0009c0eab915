"""The plainest ``geo export`` and ``geo where`` command lines, run without importing Typer.

Importing Typer (and the Click it vendors: ``inspect``, ``subprocess``, ``platform``) was
about 0.05 s of CPU in every run, a tenth of a one-article ``geo export`` (issue 14). The
command lines a script or a user types most often are plain: a command, its one argument,
a few options each written once as ``--name value``. ``parse`` reads exactly those and
nothing else; every other line (``--help``, ``--opt=value``, a repeated option, a value it
is not sure of, another command, ``--debug``) goes to ``geo.cli``, so every usage error
and every help text is still Typer's own.

Both paths call the same ``geo.commands`` functions with the same values (a test holds
the defaults below equal to ``geo.cli``'s and runs both on the same lines).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.export import Format

#: A plain decimal that Typer reads as the same int (``"007"`` or ``"+2"`` go to Typer).
_PLAIN_INT = re.compile(r"[1-9][0-9]{0,17}\Z")


@dataclass(frozen=True)
class _Option:
    """A ``--name value`` option (or a flag) of a command, as ``geo.cli`` declares it."""

    param: str
    read: Callable[[str], Any] | None = None  # None: a flag
    default: Any = None


def _format(value: str) -> Format | None:
    return Format(value) if value in {member.value for member in Format} else None


def _workers(value: str) -> int | None:
    return int(value) if _PLAIN_INT.match(value) else None


#: The options each command accepts here, by every spelling ``geo.cli`` gives them.
_EXPORT_FORMAT = _Option("format", _format, Format.GEOJSON)
_EXPORT_OUTPUT = _Option("output", str, "-")
_COMMANDS: Mapping[str, tuple[str, Mapping[str, _Option]]] = {
    "export": ("corpus", {
        "--format": _EXPORT_FORMAT, "-f": _EXPORT_FORMAT,
        "--output": _EXPORT_OUTPUT, "-o": _EXPORT_OUTPUT,
        "--workers": _Option("workers", _workers, 1),
        "--raw-csv": _Option("raw_csv", None, False),
        "--follow-links": _Option("follow_links", None, False),
    }),
    "where": ("name", {}),
}
#: Parameters of the commands that ``parse`` never reads: always their default here.
_UNREAD = {"export": {"gazetteer": None, "overrides": None}, "where": {"gazetteer": None}}


@dataclass(frozen=True)
class Call:
    """A command line ``parse`` read: the command and every one of its parameters."""

    command: str
    params: Mapping[str, Any]


def parse(argv: Sequence[str]) -> Call | None:
    """The command ``argv`` asks for, or None when Typer should read it.

    >>> parse(["where", "Sudzha"]).params
    {'gazetteer': None, 'name': 'Sudzha'}
    >>> parse(["export", "news", "-f", "csv", "--output", "-"]).params["output"]
    '-'
    >>> parse(["export", "news", "--format=csv"]) is None, parse(["where", "--help"]) is None
    (True, True)
    """
    if not argv or argv[0] not in _COMMANDS:
        return None
    command, rest = argv[0], list(argv[1:])
    argument, options = _COMMANDS[command]
    params: dict[str, Any] = {option.param: option.default for option in options.values()}
    params.update(_UNREAD[command])
    seen: set[str] = set()
    positional: list[str] = []
    while rest:
        token = rest.pop(0)
        if not token.startswith("-") and token:
            positional.append(token)
            continue
        option = options.get(token)
        if option is None or option.param in seen:
            return None
        seen.add(option.param)
        if option.read is None:
            params[option.param] = True
            continue
        if not rest or (rest[0].startswith("-") and rest[0] != "-") or not rest[0]:
            return None
        value = option.read(rest.pop(0))
        if value is None:
            return None
        params[option.param] = value
    if len(positional) != 1:
        return None
    params[argument] = Path(positional[0]) if argument == "corpus" else positional[0]
    return Call(command, params)


def run(call: Call) -> int:
    """Run ``call`` through ``geo.commands``; its exit code."""
    from geo import commands

    command = {"export": commands.run_export, "where": commands.run_where}[call.command]
    try:
        command(**call.params)
    except commands.Exit as done:
        return done.code
    return 0


def main() -> None:
    """``python -m geo`` and the ``geo`` script: a plain line here, any other through Typer."""
    call = parse(sys.argv[1:])
    if call is None:
        from geo.cli import app

        app()
        return
    try:
        code = run(call)
    except KeyboardInterrupt:  # outside a command's own guard (while importing): as Click ends it
        sys.stderr.write("\nAborted!\n")
        code = 1
    sys.exit(code)
