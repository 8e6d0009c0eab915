"""The working record of one claim while the extractor settles it.

Shared by ``geo.claims`` (which finds claims) and ``geo.linking`` (which ties them to
places); nothing outside the extraction sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.figures import Amount
from geo.model import Figure, Kind, PlaceLink


@dataclass
class Draft:
    """A claim before its id, claimant and places are settled.

    Mutable on purpose: the steps of ``claims.extract_claims`` fill it in turn (the
    claimant, then the places of ``linking.link_places``, then a scaled figure); it never
    leaves the extraction, which turns it into a frozen ``model.Claim``.
    """

    start: int
    end: int
    kind: Kind
    figure: Figure | None
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    anchor: int
    claimant_from: str | None = None
    is_anonymous: bool = False
    places: list[PlaceLink] = field(default_factory=list)
    fraction: Amount | None = None
    #: Control claims: the text whose villages the claim is about, the side as named,
    #: and whether its ground is "these settlements" (the villages of the claim before).
    scope: tuple[int, int] | None = None
    side: str | None = None
    is_anaphoric: bool = False
