"""What each ``geo`` command does, without the command line's parser (issue 14).

``geo.cli`` declares the commands, their options and their help with Typer; the bodies
live here so that ``geo.fast_cli`` can run a plain ``geo export …`` or ``geo where …``
without importing Typer and Click (a tenth of a one-article command's time). Both paths
call the same functions, so a command does the same whichever parsed it.

A command ends with ``Exit(code)`` (``geo.cli`` turns it into Typer's), prints messages
through ``console`` on stderr and data through ``echo`` on stdout.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from geo.errors import GeoError, printable
from geo.export import Format

if TYPE_CHECKING:
    from rich.console import Console as RichConsole

    from geo.pipeline import Resources
    from geo.store import Store


class Exit(Exception):
    """End the command with ``code``: 0 ok, 1 an error explained in one line, 3 internal, 130 interrupted."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code


def echo(line: str) -> None:
    """One line of data on stdout, as ``typer.echo`` writes it.

    Click removes ANSI escape sequences when stdout is no terminal; a line holding one is
    therefore handed to Click itself (imported only then).
    """
    if "\x1b" in line:
        import typer

        typer.echo(line)
        return
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


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


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM is handled like Ctrl-C: the same cleanup, the same exit code (issue 13)."""
    raise KeyboardInterrupt


def guarded(action: Callable[[], T]) -> T:
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
    except Exit:
        raise
    except GeoError as err:
        console.print(f"geo: {printable(str(err))}", markup=False)
        raise Exit(1) from err
    except BrokenPipeError:
        # The reader of stdout went away ("geo where X | head -1"): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise Exit(0) from None
    except KeyboardInterrupt:
        console.print("geo: interrupted")
        raise Exit(130) from None
    except Exception as err:  # the one place that catches everything: a bug, not a user error
        if _state["debug"]:
            raise
        console.print(f"geo: internal error ({type(err).__name__}: {printable(str(err))}); rerun with --debug",
                      markup=False)
        raise Exit(3) from err


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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

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
             dask: str | None = None, progress: bool = True, overrides: Path | None = None,
             flat: bool = True) -> Iterator[Store]:
    """The corpus read into its Store (kept in the cache folder for the next build); ``flat``
    false when only the GeoJSON is written (``parallel.open_records``)."""
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
                overrides=corrections, flat=flat))
        _require_documents(store, corpus)
        yield store


def _summarise(records: Store) -> None:
    from geo.report import summary_lines

    for line in summary_lines(records, places=records.gazetteer.places):
        console.print(printable(line), markup=False)  # file names are data: no escape sequences


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


def run_build(*, corpus: Path, out: Path, gazetteer: Path | None, workers: int, dask: str | None,
              quiet: bool, raw_csv: bool, follow_links: bool, overrides: Path | None) -> None:
    """``geo build``: the map and every export of ``corpus`` in ``out``."""

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

    guarded(action)


def run_export(*, corpus: Path, format: Format, output: str, gazetteer: Path | None, workers: int,
               raw_csv: bool, follow_links: bool, overrides: Path | None) -> None:
    """``geo export``: one format of ``corpus`` to ``output`` (a file, or - for stdout)."""

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
                      overrides=overrides, flat=format is not Format.GEOJSON) as records:
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

    guarded(action)


def run_where(*, name: str, gazetteer: Path | None) -> None:
    """``geo where``: the gazetteer places ``name`` can stand for, one line each."""

    def action() -> None:
        from geo.where import lookup

        rows = lookup(name, gazetteer)
        if not rows:
            console.print(f"geo: no place of Kursk oblast is called {name!r}", markup=False)
            raise Exit(1)
        for row in rows:
            echo(row)

    guarded(action)


def run_explain(*, file: Path, gazetteer: Path | None) -> None:
    """``geo explain``: each mention and claim of one article, with its reasons."""

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
            echo(line)

    guarded(action)


def run_eval(*, gold: Path, corpus: Path, gazetteer: Path | None) -> None:
    """``geo eval``: the extractor scored against gold annotations."""

    def action() -> None:
        import json

        from geo.evaluate import evaluate as score
        from geo.evaluate import load_gold, report_lines
        from geo.export import render_bytes

        gold_docs = load_gold(gold)
        # Scored on the GeoJSON export itself, so that the figures are the shared score.py's.
        with _records(corpus, gazetteer, progress=False, flat=False) as records:
            collection = json.loads(render_bytes(records, Format.GEOJSON))
        for line in report_lines(score(gold_docs, collection)):
            echo(line)

    guarded(action)


def run_gazetteer(*, source: Path, target: Path) -> None:
    """``geo gazetteer``: the committed gazetteer rebuilt from its source."""

    def action() -> None:
        from geo.gazetteer_build import main as build_main

        code = build_main([str(source), str(target)])
        if code:
            raise Exit(code)

    guarded(action)
