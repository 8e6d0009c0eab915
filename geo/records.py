"""What every writer reads: a Build's records as ordered streams, not as lists in memory.

A corpus of a million articles does not fit in memory as Python objects, but every
output is a walk over the records in a fixed order: the sources in path order, the
claims in ``Claim.sort_key`` order, the places by id and, inside a place, its mentions
and claims in corpus order. ``Records`` names those walks. Two things provide them:

- ``MemoryRecords``, a view of an in-memory ``Build`` (tests, small corpora);
- ``geo.store.Store``, an SQLite file filled one document at a time, so that a build's
  memory stays flat in the size of the corpus.

Every writer calls ``as_records`` on what it is given, so it accepts either a Build or
a Store and writes the same bytes from both (a test checks this).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from geo.model import Build, Claim, Kind, Link, Place, Resolution, Skip, Source
from geo.periods import Scope, scope_of

__all__ = ["Counts", "MemoryRecords", "Records", "UnresolvedMention", "as_records", "claim_scope",
           "contested_claim_ids"]


@dataclass(frozen=True, slots=True)
class Counts:
    """How many records of each sort a build holds (the summary line, the ``about`` table)."""

    sources: int
    skips: int
    claims: int
    unplaced_claims: int
    resolutions: int
    unresolved: int


@dataclass(frozen=True, slots=True)
class UnresolvedMention:
    """What the end-of-build summary reads of an unresolved mention (``geo.report``).

    A Store reads these four fields out of the stored JSON instead of decoding every
    unresolved Resolution: at 10,000 articles (36,000 of them) decoding was most of the
    summary's time (issue 14).
    """

    source: str
    lemma: str
    candidates: tuple[str, ...]
    reason: str

    @classmethod
    def of(cls, resolution: Resolution) -> UnresolvedMention:
        """The fields of an in-memory Resolution."""
        m = resolution.mention
        return cls(m.source, m.lemma, m.candidates, resolution.reason)


@runtime_checkable
class Records(Protocol):
    """Ordered, re-iterable walks over a build's records.

    Every ``iter_*`` call starts a new walk; none of them holds the whole corpus.

    corpus, built, gazetteer_version, attribution   as in ``Build``
    places      every place that carries a mention or a claim, sorted by id (at most the
                gazetteer: small)
    counts      ``Counts``
    """

    @property
    def corpus(self) -> str: ...
    @property
    def built(self) -> str: ...
    @property
    def gazetteer_version(self) -> str: ...
    @property
    def attribution(self) -> tuple[str, ...]: ...
    @property
    def places(self) -> tuple[Place, ...]: ...
    @property
    def counts(self) -> Counts: ...

    def iter_sources(self) -> Iterator[Source]:
        """Every document read, sorted by source."""
        ...

    def iter_skips(self) -> Iterator[Skip]:
        """Every file not used, sorted."""
        ...

    def iter_claims(self) -> Iterator[Claim]:
        """Every claim in ``Claim.sort_key`` order (ties: their order in the document)."""
        ...

    def iter_resolutions(self) -> Iterator[Resolution]:
        """Every mention decision in (source, start) order."""
        ...

    def iter_unresolved(self) -> Iterator[Resolution]:
        """The mentions geo abstained on, in (source, start) order."""
        ...

    def iter_unresolved_names(self) -> Iterator[UnresolvedMention]:
        """``iter_unresolved`` as the summary reads it: four fields each, no record decoded."""
        ...

    def iter_unplaced_claims(self) -> Iterator[Claim]:
        """The claims tied to no place, in claim order."""
        ...

    def claims_at(self, place_id: str) -> Iterator[tuple[Claim, Link]]:
        """The claims tied to one place, in claim order, with the tie."""
        ...

    def mentions_at(self, place_id: str) -> Iterator[Resolution]:
        """The resolved mentions of one place, in (source, start) order."""
        ...

    def contested_at(self, place_id: str) -> frozenset[str]:
        """Ids of the claims tied to ``place_id`` whose figures disagree (``contested_claim_ids``)."""
        ...

    def rivals_at(self, place_id: str) -> Mapping[str, str]:
        """Each contested claim of ``place_id`` and the claim it disagrees with (``contested_rivals``)."""
        ...

    def count_at(self, place_id: str) -> tuple[int, int]:
        """How many resolved mentions and how many claims one place has."""
        ...


class _Contestable(Protocol):
    """What the conflict test reads of a claim (a Claim, or the Store's light summary)."""

    @property
    def claim_id(self) -> str: ...
    @property
    def claimant(self) -> str | None: ...
    @property
    def kind(self) -> Kind: ...
    @property
    def reported(self) -> str | None: ...
    @property
    def figure(self) -> object: ...
    @property
    def source(self) -> str: ...


class _Quoted(_Contestable, Protocol):
    """A claim whose quote is at hand, to read its figure's scope from."""

    @property
    def quote(self) -> str: ...


def _bounds(figure: object) -> tuple[float, float] | None:
    """A figure's [low, high] range (open bounds extend to 0 and infinity); None if numberless."""
    low, best, high = (getattr(figure, name, None) for name in ("low", "best", "high"))
    if low is None and best is None and high is None:
        return None
    lo = low if low is not None else best if high is None else 0.0
    hi = high if high is not None else best if low is None else float("inf")
    return lo, hi


def claim_scope(claim: _Quoted) -> Scope:
    """The scope a claim's quote states for its figure (``geo.periods.scope_of``).

    The costliest part of the conflict test, and the same whichever claims a claim is
    set against: the Store reads it once per claim, where the claim is extracted, and
    keeps it beside the claim.
    """
    return scope_of(claim.quote, getattr(claim.figure, "text", None))


def _period(claim: _Contestable, scope: Scope) -> tuple[str, str, str] | None:
    """What a claim's figure counts over: its scope, and its date (an undated claim: its article).

    Two claims are compared only when these are equal. An undated claim has no period a
    reader can place, so it is compared only with the undated claims of its own article,
    which the article sets side by side ("Kyiv says 500, Moscow says 50"). A part of a
    figure or an increase on one is compared with nothing (None): what it is a part of,
    or adds to, is not known here.
    """
    if scope in (Scope.PART, Scope.CHANGE):
        return None
    return (scope.value, "date", claim.reported) if claim.reported else (scope.value, "article", claim.source)


def contested_claim_ids(claims: Iterable[_Quoted]) -> frozenset[str]:
    """Claims about one place whose figure disagrees with another claimant's for the same period.

    Comparable claims (issue 12) are of the same kind and count over the same period:
    the same scope (a day, a span of days, a total: ``geo.periods``) on the same date,
    or, undated, in the same article. Among those, two claims conflict when they come
    from different claimants and their figure ranges do not overlap. Figures are never
    averaged: both claims stay, both are marked. A weekend's losses never contest a
    campaign's total, nor a report of one day another day's.

    Linear in the number of claims (a village named in thousands of articles has
    thousands): a claim conflicts with some other claimant's claim exactly when the
    lowest upper bound, or the highest lower bound, among the other claimants' claims
    lies outside its own range, and those two extremes are found from the two best
    claimants of the group.

    >>> from geo.model import Figure
    >>> def claim(i, who, low, high, quote="x"):
    ...     return Claim(claim_id=i, source="a", start=0, end=len(quote), quote=quote, claimant=who,
    ...                  kind=Kind.KILLED, figure=Figure(text="n", low=low, high=high))
    >>> sorted(contested_claim_ids([claim("a", "GUR", 100, 200), claim("b", "NIS", 300, 400),
    ...                             claim("c", "GUR", 350, 350)]))
    ['a', 'b']
    >>> sorted(contested_claim_ids([claim("a", "GUR", 30, 30, "30 over the weekend"),
    ...                             claim("b", "NIS", 3800, 3800, "3,800 since August")]))
    []
    """
    return frozenset(contested_rivals(claims))


def contested_rivals(claims: Iterable[_Contestable], *,
                     scope: Callable[[Any], Scope] = claim_scope) -> dict[str, str]:
    """Each contested claim (``contested_claim_ids``) and the claim it disagrees with.

    The rival is the other claimant's claim whose bound lies outside the claim's range:
    the one the map's "disagrees with" names. ``scope`` gives a claim's ``claim_scope``
    (the Store passes the one it kept); it is asked only of claims with a number.
    The rival among equal bounds is the first such claim in ``claims``.

    >>> from geo.model import Figure
    >>> def claim(i, who, n):
    ...     return Claim(claim_id=i, source="a", start=0, end=1, quote="x", claimant=who,
    ...                  kind=Kind.KILLED, figure=Figure(text=str(n), best=n))
    >>> contested_rivals([claim("a", "GUR", 100), claim("b", "NIS", 300), claim("c", "GUR", 100)])
    {'a': 'b', 'b': 'a', 'c': 'b'}
    """
    groups: dict[tuple[Kind, tuple[str, str, str]], list[tuple[str, str | None, float, float]]] = defaultdict(list)
    for claim in claims:
        bounds = _bounds(claim.figure) if claim.figure is not None else None
        period = _period(claim, scope(claim)) if bounds is not None else None
        if bounds is not None and period is not None:
            groups[(claim.kind, period)].append((claim.claim_id, claim.claimant, *bounds))
    out: dict[str, str] = {}
    for members in groups.values():
        # per claimant, its lowest upper bound and its highest lower bound, with the claim of each
        lowest_high: dict[str | None, tuple[float, str]] = {}
        highest_low: dict[str | None, tuple[float, str]] = {}
        for claim_id, who, low, high in members:
            if who not in lowest_high or high < lowest_high[who][0]:
                lowest_high[who] = (high, claim_id)
            if who not in highest_low or low > highest_low[who][0]:
                highest_low[who] = (low, claim_id)
        best_highs = sorted(lowest_high.items(), key=lambda item: item[1][0])[:2]
        best_lows = sorted(highest_low.items(), key=lambda item: -item[1][0])[:2]
        for claim_id, who, low, high in members:
            other_high = next((v for w, v in best_highs if w != who), None)
            other_low = next((v for w, v in best_lows if w != who), None)
            if other_high is not None and other_high[0] < low:
                out[claim_id] = other_high[1]
            elif other_low is not None and other_low[0] > high:
                out[claim_id] = other_low[1]
    return out


class MemoryRecords:
    """``Records`` over an in-memory Build; the per-place groupings are made once, lazily."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self._claims_at: dict[str, list[tuple[Claim, Link]]] | None = None
        self._mentions_at: dict[str, list[Resolution]] | None = None
        self._contested: dict[str, dict[str, str]] = {}

    corpus = property(lambda self: self.build.corpus)
    built = property(lambda self: self.build.built)
    gazetteer_version = property(lambda self: self.build.gazetteer_version)
    attribution = property(lambda self: self.build.attribution)
    places = property(lambda self: self.build.places)

    @property
    def counts(self) -> Counts:
        b = self.build
        return Counts(sources=len(b.sources), skips=len(b.skips), claims=len(b.claims),
                      unplaced_claims=len(b.unplaced_claims), resolutions=len(b.resolutions),
                      unresolved=len(b.unresolved))

    def iter_sources(self) -> Iterator[Source]:
        return iter(self.build.sources)

    def iter_skips(self) -> Iterator[Skip]:
        return iter(self.build.skips)

    def iter_claims(self) -> Iterator[Claim]:
        return iter(self.build.claims)

    def iter_resolutions(self) -> Iterator[Resolution]:
        return iter(self.build.resolutions)

    def iter_unresolved(self) -> Iterator[Resolution]:
        return iter(self.build.unresolved)

    def iter_unresolved_names(self) -> Iterator[UnresolvedMention]:
        return (UnresolvedMention.of(r) for r in self.build.unresolved)

    def iter_unplaced_claims(self) -> Iterator[Claim]:
        return iter(self.build.unplaced_claims)

    def claims_at(self, place_id: str) -> Iterator[tuple[Claim, Link]]:
        if self._claims_at is None:
            self._claims_at = defaultdict(list)
            for claim in self.build.claims:
                for pl in claim.places:
                    self._claims_at[pl.place_id].append((claim, pl.link))
        return iter(self._claims_at.get(place_id, ()))

    def mentions_at(self, place_id: str) -> Iterator[Resolution]:
        if self._mentions_at is None:
            self._mentions_at = defaultdict(list)
            for res in self.build.resolutions:
                if res.place_id is not None:
                    self._mentions_at[res.place_id].append(res)
        return iter(self._mentions_at.get(place_id, ()))

    def contested_at(self, place_id: str) -> frozenset[str]:
        return frozenset(self.rivals_at(place_id))

    def rivals_at(self, place_id: str) -> Mapping[str, str]:
        if place_id not in self._contested:
            self._contested[place_id] = contested_rivals(c for c, _ in self.claims_at(place_id))
        return self._contested[place_id]

    def count_at(self, place_id: str) -> tuple[int, int]:
        return (sum(1 for _ in self.mentions_at(place_id)),
                sum(1 for _ in self.claims_at(place_id)))


def as_records(data: Build | Records) -> Records:
    """The ``Records`` of a Build, or ``data`` itself when it already is one."""
    return MemoryRecords(data) if isinstance(data, Build) else data
