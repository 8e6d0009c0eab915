"""An analyst's corrections to what geo extracted: ``geo build --overrides corrections.csv``.

geo's rules will misread some articles; the analyst who notices should be able to fix
the record without editing the article or waiting for a rule. A corrections file is a
CSV with a header ``file,action,target,value`` and one correction per row (blank lines
and lines starting with ``#`` are ignored):

=========  ==================================  ===============  ==============================
action     target                              value            effect
=========  ==================================  ===============  ==============================
pin        a mention: ``@OFFSET`` (its start)  a place id       the mention is that place
           or its surface as written (every
           mention so written in the file)
drop       a mention, as for ``pin``           (empty)          the mention is not a place
date       (empty)                             ISO 8601 date    the article's publication date
url        (empty)                             an address       the article's URL
outlet     (empty)                             a name           the article's publisher
claimant   a claimant as geo names it          a name           the claim's claimant
=========  ==================================  ===============  ==============================

``file`` is the article's path relative to the corpus folder, as the outputs name it
(``source``); a ``claimant`` row may use ``*`` for every file. Claims follow their places:
when a pin or a drop leaves no mention of a place in the article, the claims tied to that
place move to the pinned place (or lose the tie).

Every record a correction changes carries ``corrected_by`` ("corrections.csv:4", the
file and line), so the outputs say what was corrected and where. Pure apart from
``load_overrides``, which reads the file; ``apply_overrides`` is applied to each
document's result before it is stored, and a document's corrections are part of its
stamp, so editing the file re-reads only the articles whose corrections changed.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from geo._cache import content_key
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.model import Claim, DocumentResult, PlaceLink, Resolution, Source

__all__ = ["Action", "Override", "Overrides", "apply_overrides", "load_overrides"]

HEADER = ("file", "action", "target", "value")
#: ``file`` of a row that applies to every article (claimant renames only).
EVERY_FILE = "*"


class Action(StrEnum):
    """What a correction does (the ``action`` column)."""

    PIN = "pin"
    DROP = "drop"
    DATE = "date"
    URL = "url"
    OUTLET = "outlet"
    CLAIMANT = "claimant"


#: The actions that name a mention in ``target``, and those that need a ``value``.
_ON_MENTIONS = frozenset({Action.PIN, Action.DROP})
_NEED_VALUE = frozenset(Action) - {Action.DROP}
_NEED_TARGET = _ON_MENTIONS | {Action.CLAIMANT}


@dataclass(frozen=True, slots=True)
class Override:
    """One row of a corrections file; ``label`` ("corrections.csv:4") is what outputs record."""

    label: str
    file: str
    action: Action
    target: str
    value: str

    def names_mention(self, resolution: Resolution) -> bool:
        """Whether ``target`` names this mention: ``@start``, or its surface as written."""
        m = resolution.mention
        if self.target.startswith("@") and self.target[1:].isdigit():
            return m.start == int(self.target[1:])
        return m.surface == self.target


@dataclass(frozen=True, slots=True)
class Overrides:
    """The corrections of one file, looked up by article."""

    rows: tuple[Override, ...] = ()

    def for_source(self, source: str) -> tuple[Override, ...]:
        """The corrections that apply to ``source``, in file order."""
        return tuple(r for r in self.rows if r.file in (source, EVERY_FILE))

    def stamp(self, source: str) -> str:
        """A short key of ``source``'s corrections ("" for none): part of the file's stamp."""
        rows = self.for_source(source)
        if not rows:
            return ""
        return content_key([(r.action.value, r.target, r.value, r.label) for r in rows])[:16]


def _fail(label: str, problem: str) -> GeoError:
    return GeoError(f"{label}: {problem}")


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("2025-02-14")


def _parse_row(label: str, cells: list[str], gazetteer: Gazetteer) -> Override:
    """One CSV record as an Override; a GeoError names the line and what is wrong."""
    if len(cells) != len(HEADER):
        raise _fail(label, f"expected {len(HEADER)} cells ({', '.join(HEADER)}), got {len(cells)}")
    file, action_text, target, value = (c.strip() for c in cells)
    try:
        action = Action(action_text.lower())
    except ValueError:
        options = ", ".join(a.value for a in Action)
        raise _fail(label, f"unknown action {action_text!r} (one of: {options})") from None
    if not file or (file == EVERY_FILE and action is not Action.CLAIMANT):
        raise _fail(label, "name the article in 'file' (the source path as the outputs give it)")
    if action in _NEED_TARGET and not target:
        what = "@OFFSET or the mention as written" if action in _ON_MENTIONS else "the claimant as geo names it"
        raise _fail(label, f"'{action}' needs a target ({what})")
    if action in _NEED_VALUE and not value:
        raise _fail(label, f"'{action}' needs a value")
    if action is Action.PIN and value not in gazetteer.places:
        raise _fail(label, f"no place {value!r} in the gazetteer (geo where NAME lists the ids)")
    if action is Action.DATE and not _is_day(value):
        raise _fail(label, f"{value!r} is not an ISO 8601 date (YYYY-MM-DD)")
    return Override(label, file, action, target, value)


def parse_overrides(text: str, name: str, gazetteer: Gazetteer) -> Overrides:
    """The corrections in ``text`` (a CSV as described above); ``name`` labels its lines.

    Raises
    ------
    GeoError
        On the first bad line, naming it and what is wrong.
    """
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return Overrides()
    header = next(csv.reader([lines[0][1]]))
    if tuple(c.strip().lower() for c in header) != HEADER:
        raise _fail(f"{name}:{lines[0][0]}", f"the header must be {','.join(HEADER)}")
    rows = []
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)))
        rows.append(_parse_row(f"{name}:{number}", cells, gazetteer))
    return Overrides(tuple(rows))


def load_overrides(path: Path, gazetteer: Gazetteer) -> Overrides:
    """Read and check a corrections file (the place ids against ``gazetteer``).

    Raises
    ------
    GeoError
        When the file cannot be read or a line is wrong.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"cannot read the corrections file {path}: {err}"
        raise GeoError(msg) from err
    return parse_overrides(text, Path(path).name, gazetteer)


def _with_label(labels: tuple[str, ...], label: str) -> tuple[str, ...]:
    return labels if label in labels else (*labels, label)


def _correct_source(meta: Source, rows: Iterable[Override]) -> Source:
    fields = {Action.DATE: "published", Action.URL: "url", Action.OUTLET: "publisher"}
    for row in rows:
        if row.action in fields:
            meta = replace(meta, **{fields[row.action]: row.value},
                           corrected_by=_with_label(meta.corrected_by, row.label))
    return meta


def _correct_mentions(resolutions: Sequence[Resolution], rows: Iterable[Override]) -> tuple[
        tuple[Resolution, ...], dict[str, tuple[str | None, str]]]:
    """Pins and drops applied; also each place that lost a mention → (its pinned place, label)."""
    moved: dict[str, tuple[str | None, str]] = {}
    out = list(resolutions)
    for row in rows:
        if row.action not in _ON_MENTIONS:
            continue
        kept = []
        for r in out:
            if not row.names_mention(r):
                kept.append(r)
                continue
            new = row.value if row.action is Action.PIN else None
            if r.place_id is not None and r.place_id != new:
                moved[r.place_id] = (new, row.label)
            if row.action is Action.PIN:
                kept.append(replace(r, place_id=new, reason=f"pinned to {new} by {row.label}"))
        out = kept
    still = {r.place_id for r in out if r.place_id}
    return tuple(out), {old: target for old, target in moved.items() if old not in still}


def _correct_claim(claim: Claim, rows: Iterable[Override], moved: dict[str, tuple[str | None, str]]) -> Claim:
    for row in rows:
        if row.action is Action.CLAIMANT and (claim.claimant or "").casefold() == row.target.casefold():
            claim = replace(claim, claimant=row.value, corrected_by=_with_label(claim.corrected_by, row.label))
    if not any(link.place_id in moved for link in claim.places):
        return claim
    links: dict[str, PlaceLink] = {}
    labels = claim.corrected_by
    for link in claim.places:
        target, label = moved.get(link.place_id, (link.place_id, ""))
        if label:
            labels = _with_label(labels, label)
        if target is not None and target not in links:
            links[target] = replace(link, place_id=target)
    return replace(claim, places=tuple(sorted(links.values())), corrected_by=labels)


def apply_overrides(result: DocumentResult, overrides: Overrides) -> DocumentResult:
    """``result`` with the corrections for its file applied; unchanged when there are none.

    Parameters
    ----------
    result
        One document's extraction.
    overrides
        The corrections file's rows (``load_overrides``).

    Returns
    -------
    DocumentResult
        The corrected result; every changed record names the correcting line in
        ``corrected_by`` (a pinned mention in its ``reason``).
    """
    rows = overrides.for_source(result.meta.source)
    if not rows:
        return result
    resolutions, moved = _correct_mentions(result.resolutions, rows)
    claims = tuple(_correct_claim(c, rows, moved) for c in result.claims)
    return replace(result, meta=_correct_source(result.meta, rows), resolutions=resolutions, claims=claims)
