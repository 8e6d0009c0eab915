"""One id per statement: the claims that restate one claimant's one statement share it.

A statement is restated within an article (headline, lead, the direct quote: the gold
annotates each as its own claim, and so does the extractor) and by every outlet that
reports it. Summing claim rows then counts one statement many times (issue 12). The
exports carry a ``statement_id`` and the map draws one card per statement.

Claims are one statement when they have the same claimant, kind, figure (its numbers,
else its words), places and, for a control claim, the same holder, and were made in the
same ISO week. The id is a hash of those values alone, so it is computed from one claim
and never changes when another article is added (the Store renders each document's
export text once, at extraction). The week is the price of that: two reports of one
statement on a Sunday and the Monday after fall into two weeks and get two ids.

Pure: imports the model, the sides table and nothing that does I/O.
"""

from __future__ import annotations

import functools
import hashlib
import re
from datetime import date

from geo.model import Claim, Figure, Kind
from geo.sides import read_control

#: Figures are compared to this many decimals (a derived 2,666.666… and 2,666.67 are one).
_DECIMALS = 1


@functools.lru_cache(maxsize=4096)
def _fold(text: str | None) -> str:
    """Lower case, ё as е, punctuation and runs of spaces as one space (claimants recur)."""
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").lower().replace("ё", "е")).split())


@functools.lru_cache(maxsize=4096)  # a corpus repeats a few hundred dates
def week_of(reported: str | None) -> str:
    """The ISO week a reported date falls in, as ``YYYY-Www``; "" when there is no day.

    A date given only as a week keeps its week; a month or a year, which may span
    several weeks, is kept as written.

    >>> week_of("2024-08-12"), week_of("2024-08-18T23:00:00+03:00"), week_of("2024-W44")
    ('2024-W33', '2024-W33', '2024-W44')
    >>> week_of("2024-08"), week_of(None), week_of("soon")
    ('2024-08', '', '')
    """
    if not reported:
        return ""
    if re.fullmatch(r"\d{4}-W\d{2}", reported[:8]):
        return reported[:8]
    if re.fullmatch(r"\d{4}(?:-\d{2})?", reported):
        return reported
    try:
        day = date.fromisoformat(reported[:10])
    except ValueError:
        return ""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _figure_key(figure: Figure | None) -> str:
    if figure is None:
        return ""
    numbers = [figure.low, figure.best, figure.high]
    if all(n is None for n in numbers):
        return "text:" + _fold(figure.text)
    return "|".join("" if n is None else f"{n:.{_DECIMALS}f}" for n in numbers)


def statement_key(claim: Claim) -> tuple[str, ...]:
    """What makes two claims one statement (see the module docstring), as plain strings."""
    holding = read_control(claim) if claim.kind is Kind.CONTROL else None
    return (
        _fold(claim.claimant),
        claim.kind.value,
        _figure_key(claim.figure),
        ",".join(sorted({pl.place_id for pl in claim.places})),
        holding.holder.value if holding else "",
        week_of(claim.reported),
    )


@functools.lru_cache(maxsize=8192)  # each writer asks for every claim's id: GeoJSON, CSV, GeoPackage, map
def statement_id(claim: Claim) -> str:
    """The id shared by every claim that restates the same statement.

    Parameters
    ----------
    claim
        Any claim.

    Returns
    -------
    str
        ``s-`` and 16 hex digits of a hash of :func:`statement_key`.

    Examples
    --------
    >>> def claim(claim_id, source, quote, reported):
    ...     return Claim(claim_id=claim_id, source=source, start=0, end=len(quote), quote=quote,
    ...                  claimant="GUR", kind=Kind.KILLED, figure=Figure(text="200", best=200),
    ...                  reported=reported)
    >>> a = claim("a", "one.txt", "GUR: 200 killed", "2024-08-12")
    >>> b = claim("b", "two.txt", "200 soldiers were killed, GUR said", "2024-08-14")
    >>> c = claim("c", "two.txt", "200 soldiers were killed, GUR said", "2024-09-20")
    >>> statement_id(a) == statement_id(b), statement_id(a) == statement_id(c)
    (True, False)
    """
    text = "\x1f".join(statement_key(claim))
    return "s-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
