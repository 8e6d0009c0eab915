"""The ``geo`` command: a thin Typer layer over ``geo.pipeline`` and the writers.

Exit codes: 0 ok (skipped files are not errors); 1 an error geo explains in one line
(nothing usable in the corpus, an unwritable output, a broken gazetteer); 2 usage
(Click's own code); 3 internal error (rerun with --debug for the traceback).

stdout carries data only (``--output -``); messages and progress go to stderr.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
import contextlib
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from geo.cli_params import install_quick_coercion
from geo.errors import GeoError, printable
from geo.export import Format

if TYPE_CHECKING:
    from rich.console import Console as RichConsole

    from geo.pipeline import Resources
    from geo.store import Store


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


class _Console:
    """geo's one ``rich.Console`` on stderr, made only when a message needs it.

    Importing rich cost 0.02-0.03 s of every run (issue 14). A message to a stderr that
    is not a terminal, printable, with no markup and nothing rich would read as an emoji
    code (``:smile:``), is written as rich would write it (the line and a newline: a test
    holds the two equal) without rich.
    """

    @functools.cached_property
    def rich(self) -> RichConsole:
        """The Console itself (for ``rich.progress``)."""
        from rich.console import Console

        # soft_wrap: a line is never broken at 80 columns, so a piped log keeps one message a line;
        # emoji=False: a file or place named ":fire:" is shown as named, not as an emoji.
        return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

    def print(self, text: str, *, markup: bool | None = None) -> None:
        """``Console.print`` of one message."""
        if is_plain_message(text, markup=markup) and not self._may_be_terminal():
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
            return
        self.rich.print(text, markup=markup)

    @property
    def is_terminal(self) -> bool:
        """``Console.is_terminal``: whether stderr is a terminal (rich's rules)."""
        return self._may_be_terminal() and self.rich.is_terminal

    @staticmethod
    def _may_be_terminal() -> bool:
        """False when rich would surely say stderr is no terminal: not a tty, no variable forcing it."""
        if {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys() or "IPython" in sys.modules:
            return True
        isatty = getattr(sys.stderr, "isatty", None)
        try:
            return isatty is not None and bool(isatty())
        except ValueError:  # a closed stream
            return False


def is_plain_message(text: str, *, markup: bool | None) -> bool:
    r"""Whether rich writes ``text`` unchanged: printable (no tab, no control), no markup.

    >>> is_plain_message("read a.txt", markup=False), is_plain_message("read :smile:.txt", markup=False)
    (True, True)
    >>> is_plain_message("geo: [bold]x", markup=None), is_plain_message("a\tb", markup=False)
    (False, False)
    """
    return text.isprintable() and (markup is False or "[" not in text)


console = _Console()
T = TypeVar("T")
_state = {"debug": False}


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
    _state["debug"] = debug


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM is handled like Ctrl-C: the same cleanup, the same exit code (issue 13)."""
    raise KeyboardInterrupt


def _guarded(action: Callable[[], T]) -> T:
    """Run a command body: GeoError → one line and exit 1; anything else → exit 3."""
    import signal
    import threading

    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if on_main else None
    try:
        return _run_guarded(action)
    finally:
        if on_main and previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run_guarded(action: Callable[[], T]) -> T:
    try:
        return action()
    except typer.Exit:
        raise
    except GeoError as err:
        console.print(f"geo: {printable(str(err))}", markup=False)
        raise typer.Exit(code=1) from err
    except BrokenPipeError:
        # The reader of stdout went away ("geo where X | head -1"): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code=0) from None
    except KeyboardInterrupt:
        console.print("geo: interrupted")
        raise typer.Exit(code=130) from None
    except Exception as err:  # the one place that catches everything: a bug, not a user error
        if _state["debug"]:
            raise
        console.print(f"geo: internal error ({type(err).__name__}: {printable(str(err))}); rerun with --debug",
                      markup=False)
        raise typer.Exit(code=3) from err


def _count_files(corpus: Path) -> int | None:
    """How many files the corpus walk will visit (for the progress line); None when unknown."""
    if corpus.is_file():
        return 1
    try:
        return sum(len(files) for _, _, files in os.walk(corpus))
    except OSError:
        return None


@contextmanager
def _progress(enabled: bool, corpus: Path) -> Iterator[Callable[[str], None] | None]:
    """A progress line on stderr when it is a terminal (done/total, time left); silent when piped."""
    if not enabled or not console.is_terminal:
        yield None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeRemainingColumn)

    total = _count_files(corpus)
    with Progress(SpinnerColumn(), MofNCompleteColumn(), BarColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=console.rich, transient=True) as bar:
        task = bar.add_task("reading", total=total)

        def tick(name: str) -> None:
            done = bar.tasks[0].completed + 1
            # The walk can meet more files than the count saw (a folder written meanwhile).
            bar.update(task, completed=done, total=max(done, total or 0) or None, description=name[-60:])

        yield tick


def _announce_name_index(resources: Resources) -> None:
    """Say so when the automaton is about to be built: the first run would otherwise sit silent."""
    from geo.pipeline import is_matcher_cached

    if not is_matcher_cached(resources.gazetteer):
        console.print("building the name index of the gazetteer once (about 15 s); later runs reuse it",
                      markup=False)


@contextmanager
def _records(corpus: Path, gazetteer: Path | Resources | None, *, workers: int = 1,
             dask: str | None = None, progress: bool = True, overrides: Path | None = None) -> Iterator[Store]:
    """The corpus read into its Store (kept in the cache folder for the next build)."""
    from geo.overrides import load_overrides
    from geo.parallel import open_records
    from geo.pipeline import Resources, load_resources

    try:  # the corpus's name is written into every output, which are UTF-8
        str(corpus).encode("utf-8")
    except UnicodeEncodeError:
        from geo.errors import CorpusError

        msg = f"the corpus path {os.fsencode(corpus)!r} is not valid UTF-8: rename it"
        raise CorpusError(msg) from None
    resources = gazetteer if isinstance(gazetteer, Resources) else load_resources(gazetteer)
    corrections = load_overrides(overrides, resources.gazetteer) if overrides is not None else None
    if progress:
        _announce_name_index(resources)
    with contextlib.ExitStack() as stack:
        with _progress(progress, corpus) as tick:  # the bar (and its thread) ends with the reading
            store = stack.enter_context(open_records(
                corpus, resources=resources, workers=workers, dask_address=dask, on_document=tick,
                overrides=corrections))
        _require_documents(store, corpus)
        yield store


def _summarise(records: Store) -> None:
    from geo.report import summary_lines

    for line in summary_lines(records, places=records.gazetteer.places):
        console.print(printable(line), markup=False)  # file names are data: no escape sequences


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

    def action() -> None:
        from geo.gazetteer import load_gazetteer
        from geo.outputs import output_writer

        gaz = load_gazetteer(gazetteer)
        # The GeoPackage's process starts first: it prepares while the corpus is read.
        with output_writer(gaz, out, raw_csv=raw_csv) as write:
            from geo.pipeline import Resources
            from geo.settings import Settings

            resources = Resources(gazetteer=gaz, settings=Settings(follow_links=follow_links))
            with _records(corpus, resources, workers=workers, dask=dask,
                          progress=not quiet, overrides=overrides) as records:
                write(records)
                if not quiet:
                    _summarise(records)
                    console.print(f"wrote {out / 'index.html'} and places.geojson, claims.csv, "
                                  "places.gpkg", markup=False)

    _guarded(action)


def _require_documents(records: Store, corpus: Path) -> None:
    import itertools

    from geo.errors import CorpusError

    counts = records.counts
    if not counts.sources:
        msg = (f"no usable article in {corpus}: {counts.skips} file(s) skipped, reasons above"
               if counts.skips else f"no .txt, .md or .html article in {corpus}")
        for skip in itertools.islice(records.iter_skips(), 20):
            console.print(printable(f"skipped {skip.source}: {skip.reason}"), markup=False)
        raise CorpusError(msg)


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

    def action() -> None:
        from geo.errors import ExportError
        from geo.export import WRITERS, render_bytes

        if output == "-" and format is Format.GPKG:
            msg = "a GeoPackage cannot go to stdout; pass --output FILE.gpkg"
            raise ExportError(msg)
        from geo.pipeline import load_resources
        from geo.settings import Settings

        if output != "-":
            from geo.export._atomic import refuse_special_target

            refuse_special_target(Path(output))  # before the corpus is read, not after
        resources = load_resources(gazetteer, settings=Settings(follow_links=follow_links))
        with _records(corpus, resources, workers=workers, progress=output != "-",
                      overrides=overrides) as records:
            if output == "-" and format is Format.CSV:
                from geo.export.csv import render_csv

                _write_stdout(render_csv(records, raw=raw_csv))
            elif output == "-":
                _write_stdout(render_bytes(records, format))
            elif format is Format.GPKG:
                from geo.export.gpkg import write_gpkg

                write_gpkg(records, Path(output), districts_geojson=records.gazetteer.districts_geojson)
            elif format is Format.CSV:
                from geo.export.csv import write_csv

                write_csv(records, Path(output), raw=raw_csv)
            else:
                WRITERS[format](records, Path(output))
            _summarise(records)

    _guarded(action)


def _write_stdout(data: bytes) -> None:
    """Write export bytes to stdout; a full disk or a failing device is the user's, not a bug."""
    from geo.errors import ExportError

    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        # What is still buffered would fail again at exit: send it nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        msg = f"cannot write to stdout: {err.strerror or err}"
        raise ExportError(msg) from err


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

    def action() -> None:
        from geo.where import lookup

        rows = lookup(name, gazetteer)
        if not rows:
            console.print(f"geo: no place of Kursk oblast is called {name!r}", markup=False)
            raise typer.Exit(code=1)
        for row in rows:
            typer.echo(row)

    _guarded(action)


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

    def action() -> None:
        from geo.corpus import read_document
        from geo.errors import CorpusError
        from geo.explain import explain_document
        from geo.model import Skip
        from geo.pipeline import load_resources, process_document

        if not file.is_file():
            msg = f"{file} is not a file: pass one .txt, .md or .html article"
            raise CorpusError(msg)
        doc = read_document(file, file.name)
        if isinstance(doc, Skip):
            msg = f"{file} cannot be used: {doc.reason}"
            raise CorpusError(msg)
        resources = load_resources(gazetteer)
        _announce_name_index(resources)
        for line in explain_document(doc, process_document(doc, resources), resources.gazetteer):
            typer.echo(line)

    _guarded(action)


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

    def action() -> None:
        import json

        from geo.evaluate import evaluate as score, load_gold, report_lines
        from geo.export import render_bytes

        gold_docs = load_gold(gold)
        # Scored on the GeoJSON export itself, so that the figures are the shared score.py's.
        with _records(corpus, gazetteer, progress=False) as records:
            collection = json.loads(render_bytes(records, Format.GEOJSON))
        for line in report_lines(score(gold_docs, collection)):
            typer.echo(line)

    _guarded(action)


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

    def action() -> None:
        from geo.gazetteer_build import main as build_main

        code = build_main([str(source), str(target)])
        if code:
            raise typer.Exit(code=code)

    _guarded(action)
