"""``geo explain FILE``: what geo decided about one article, and why, as plain text.

This is how a user finds out why the map shows what it shows: each mention with the place
chosen (or the abstention) and the resolver's reason; each claim with its kind, figure,
claimant and places, and for each place the text unit that tied it to the claim.

Pure: a Document, its DocumentResult and the gazetteer in, lines out. The command line
reads the file and runs the pipeline (``geo.cli``).
"""

from __future__ import annotations

from geo.gazetteer import Gazetteer
from geo.model import Claim, Document, DocumentResult, Figure, Link, Place, PlaceType, Resolution

__all__ = ["explain_document"]

#: Why a claim sits at a place, by how the tie was made (``Link``).
LINK_REASONS: dict[Link, str] = {
    Link.SENTENCE: "named in the claim's own sentence",
    Link.PARAGRAPH: "named in the claim's paragraph, not in its sentence",
    Link.ARTICLE: "the article's place: no nearer one is named",
}
#: Ties to an area rather than a settlement read differently: the claim is about the area.
AREA_REASONS: dict[PlaceType, str] = {
    PlaceType.REGION: "the claim is about the oblast as a whole",
    PlaceType.DISTRICT: "the claim names the district",
}
_QUOTE_CHARS = 160


def _clip(text: str, width: int = _QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _place_label(place: Place | None, place_id: str) -> str:
    if place is None:
        return place_id
    where = f", {place.admin2}" if place.place_type is PlaceType.SETTLEMENT and place.admin2 else ""
    return f"{place.name} ({place.place_type.value}{where}; {place_id})"


def _figure_label(figure: Figure | None) -> str:
    if figure is None:
        return "none"
    bounds = "/".join("·" if v is None else f"{v:g}" for v in (figure.low, figure.best, figure.high))
    return f"{figure.text!r} (low/best/high {bounds})"


def _mention_lines(resolution: Resolution, gazetteer: Gazetteer) -> list[str]:
    m = resolution.mention
    head = f"  {m.start:>6}  {m.surface!r}"
    if resolution.place_id is None:
        choice = f"unresolved among {len(m.candidates)} candidate(s)"
    else:
        choice = "-> " + _place_label(gazetteer.places.get(resolution.place_id), resolution.place_id)
    return [f"{head} {choice}", f"          why: {resolution.reason}"]


def _claim_lines(claim: Claim, gazetteer: Gazetteer) -> list[str]:
    lines = [
        f"  {claim.start:>6}  {claim.kind.value}: {_clip(claim.quote)!r}",
        f"          claimant: {claim.claimant or 'not said'}",
        f"          figure:   {_figure_label(claim.figure)}",
    ]
    if claim.subject:
        lines.append(f"          subject:  {claim.subject}")
    if claim.reported:
        lines.append(f"          date:     {claim.reported} ({claim.reported_precision or 'precision unknown'})")
    if not claim.places:
        lines.append("          places:   none (unplaced: no place of the oblast is tied to it)")
    for tie in claim.places:
        place = gazetteer.places.get(tie.place_id)
        reason = AREA_REASONS.get(place.place_type) if place is not None else None
        lines.append(f"          place:    {_place_label(place, tie.place_id)}: "
                     f"{tie.link.value}, {reason or LINK_REASONS[tie.link]}")
    return lines


def explain_document(doc: Document, result: DocumentResult, gazetteer: Gazetteer) -> list[str]:
    """The lines of ``geo explain`` for one document.

    Parameters
    ----------
    doc
        The document as read (its metadata heads the report).
    result
        What the pipeline extracted from it.
    gazetteer
        Gives each place id its name, type and district.

    Returns
    -------
    list of str
        A header, then the mentions in text order, then the claims in text order.
    """
    meta = result.meta
    lines = [
        f"{meta.source}: language {meta.language}, published {meta.published or 'unknown'}, "
        f"outlet {meta.publisher or 'unknown'}, headline " + (repr(_clip(meta.title, 100)) if meta.title else "none"),
        f"{len(doc.text):,} characters, {len(result.resolutions)} mention(s), {len(result.claims)} claim(s)",
        "",
        "mentions (offset, as written, place chosen, why):",
    ]
    for resolution in sorted(result.resolutions, key=lambda r: (r.mention.start, r.mention.end)):
        lines += _mention_lines(resolution, gazetteer)
    if not result.resolutions:
        lines.append("  none: no name of a place of the oblast is in the text")
    lines += ["", "claims (offset, kind, quote; then claimant, figure, places and why each):"]
    for claim in sorted(result.claims, key=lambda c: c.sort_key):
        lines += _claim_lines(claim, gazetteer)
    if not result.claims:
        lines.append("  none")
    return lines
