"""The ``geo`` command: a thin Typer layer (options, help, usage errors) over ``geo.commands``.

Exit codes: 0 ok (skipped files are not errors); 1 an error geo explains in one line
(nothing usable in the corpus, an unwritable output, a broken gazetteer); 2 usage
(Click's own code); 3 internal error (rerun with --debug for the traceback).

stdout carries data only (``--output -``); messages and progress go to stderr.
``geo.fast_cli`` runs the plainest ``export`` and ``where`` command lines itself and hands
every other one to this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from geo import commands
from geo.cli_params import install_quick_coercion
from geo.export import Format


class _FlagHelpMixin:
    """Typer 0.29 renders its own ``--help`` as ``<bool>``; a flag takes no value, so it shows none.

    Also where each command's parameters get ``geo.cli_params``' quick coercion, before
    Typer would build its pydantic adapters for them (issue 14).
    """

    def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
        return option

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        install_quick_coercion(self.get_params(ctx))  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)  # type: ignore[misc]


class _Group(_FlagHelpMixin, typer.core.TyperGroup):
    pass


class _Command(_FlagHelpMixin, typer.core.TyperCommand):
    pass


EPILOG = "Exit codes: 0 ok (skips are not errors), 1 error explained in one line, 2 usage, 3 internal error."
app = typer.Typer(
    name="geo",
    help="Map claims about the fighting in Kursk oblast from a folder of news articles, offline.",
    epilog=EPILOG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=_Group,
)


def _print_version(value: bool) -> None:
    if value:
        from geo import __version__

        typer.echo(f"geo {__version__}")
        raise typer.Exit


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", metavar="",
                                        help="Show the traceback of an internal error (exit code 3).")] = False,
    version: Annotated[bool, typer.Option("--version", metavar="", callback=_print_version, is_eager=True,
                                          help="Print geo's version and exit.")] = False,
) -> None:
    """Map claims about the fighting in Kursk oblast from a folder of news articles, offline."""
    commands._state["debug"] = debug


def _run(command: Callable[..., None], /, **params: Any) -> None:
    """Run a command of ``geo.commands``; its ``Exit`` becomes Typer's (the same exit code)."""
    try:
        command(**params)
    except commands.Exit as done:
        raise typer.Exit(code=done.code) from None


CorpusArg = Annotated[Path, typer.Argument(help="Folder (or single file) of articles: .txt, .md or .html.")]
RawCsvOpt = Annotated[bool, typer.Option(
    "--raw-csv", metavar="", help="Write CSV cells unchanged (by default a cell starting with = + - @ gets a leading ').")]
FollowLinksOpt = Annotated[bool, typer.Option(
    "--follow-links", metavar="", help="Read symbolic links that point outside the corpus folder.")]
OverridesOpt = Annotated[Path | None, typer.Option(
    "--overrides", dir_okay=False,
    help="Corrections CSV (file,action,target,value): pin or drop a mention, set an article's date, "
         "url or outlet, rename a claimant (see the README).")]
GazetteerOpt = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer folder (default: the one shipped, or $GEO_GAZETTEER).",
                 file_okay=False),
]


@app.command(cls=_Command)
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", help="Folder for the map and the exports.", file_okay=False)] = Path("maps"),
    gazetteer: GazetteerOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes on this machine.")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address, or 'local'.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", metavar="", help="No summary on stderr.")] = False,
    raw_csv: RawCsvOpt = False,
    follow_links: FollowLinksOpt = False,
    overrides: OverridesOpt = None,
) -> None:
    """Build the map and the exports of a corpus.

    \b
    Example:
        geo build seeds --out maps
    writes maps/index.html, maps/places.geojson, maps/claims.csv and maps/places.gpkg.
    """
    _run(commands.run_build, corpus=corpus, out=out, gazetteer=gazetteer, workers=workers, dask=dask,
         quiet=quiet, raw_csv=raw_csv, follow_links=follow_links, overrides=overrides)


@app.command(cls=_Command)
def export(
    corpus: CorpusArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.GEOJSON,
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout (geojson, csv).")] = "-",
    gazetteer: GazetteerOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes on this machine.")] = 1,
    raw_csv: RawCsvOpt = False,
    follow_links: FollowLinksOpt = False,
    overrides: OverridesOpt = None,
) -> None:
    """Export places and claims as GeoJSON, CSV or GeoPackage.

    \b
    Example:
        geo export seeds --format geojson --output places.geojson
    """
    _run(commands.run_export, corpus=corpus, format=format, output=output, gazetteer=gazetteer,
         workers=workers, raw_csv=raw_csv, follow_links=follow_links, overrides=overrides)


@app.command(cls=_Command)
def where(
    name: Annotated[str, typer.Argument(help="A place name, Latin or Cyrillic, any case form.")],
    gazetteer: GazetteerOpt = None,
) -> None:
    """List the gazetteer places a name can stand for.

    \b
    Example:
        geo where "под Суджей"
    """
    _run(commands.run_where, name=name, gazetteer=gazetteer)


@app.command(cls=_Command)
def explain(
    file: Annotated[Path, typer.Argument(help="One article: .txt, .md or .html.", dir_okay=False)],
    gazetteer: GazetteerOpt = None,
) -> None:
    """Say, for one article, which place each mention got and why, and each claim with its ties.

    \b
    Example:
        geo explain seeds/000_3c41f440098cf267.txt
    """
    _run(commands.run_explain, file=file, gazetteer=gazetteer)


@app.command(name="eval", cls=_Command)
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (geo-gold/1 JSON).", exists=True, dir_okay=False)],
    corpus: Annotated[Path, typer.Argument(help="Folder of the annotated articles.")] = Path("seeds"),
    gazetteer: GazetteerOpt = None,
) -> None:
    """Score the extractor against gold annotations.

    \b
    Example:
        geo eval ../shared/seeds-gold.json seeds
    """
    _run(commands.run_eval, gold=gold, corpus=corpus, gazetteer=gazetteer)


@app.command(name="gazetteer", cls=_Command)
def rebuild_gazetteer(
    source: Annotated[Path, typer.Argument(help="The shared gazetteer source folder.", exists=True, file_okay=False)],
    target: Annotated[Path, typer.Argument(help="Where to write the built data.", file_okay=False)] = Path("gazetteer"),
) -> None:
    """Rebuild the committed gazetteer data from its source, byte for byte.

    \b
    Example:
        geo gazetteer ../shared/gazetteer gazetteer
    """
    _run(commands.run_gazetteer, source=source, target=target)
