"""Write a build as RFC 7946 GeoJSON: WGS84, [lon, lat], no ``crs`` member.

The layout is one record per line: the collection's members, then each source, skip,
feature, mention, claim and unresolved mention on a line of its own. That is what lets
the writer stream (a record is encoded, written and dropped: memory does not grow with
the corpus) and lets ``grep`` and ``diff`` read the file, while every record still goes
through the C JSON encoder.

The bytes are deterministic: keys in a fixed order (the order rows.py builds them),
records in the order ``Records`` walks them, UTF-8 without escaping non-ASCII, one
trailing newline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from geo.export._atomic import render_text, write_text_atomic
from geo.export.fragments import Fragments, dumps, fragments_of
from geo.export.rows import collection_members, feature_head, skip_dict
from geo.model import Build
from geo.records import Records, as_records

if TYPE_CHECKING:
    import numpy as np

    from geo.export.splice import DocTokens, OldFile, Render, SpliceCounts, Splicer
    from geo.export.stored_units import Units
    from geo.store import Store


def render_geojson(data: Build | Records) -> bytes:
    """The FeatureCollection as UTF-8 bytes (what ``write_geojson`` writes to a file)."""
    return render_text(lambda fh: _write_collection(data, fh), newline="\n").encode("utf-8")


def write_geojson(data: Build | Records, path: Path) -> None:
    """Write the FeatureCollection to ``path`` atomically, one record at a time."""
    write_text_atomic(path, lambda fh: _write_collection(data, fh), newline="\n")


#: Characters joined per write: fewer calls into the file object, a bounded string in
#: memory (an item may be one record, or a page of records joined by the Store).
_CHARS_PER_WRITE = 1 << 20


def _write_lines(lines: Iterable[str], fh: TextIO) -> None:
    """``[`` then one encoded record per line, then ``]``.

    An item of ``lines`` may hold several records already joined with ",\\n" (the
    Store's pages): joined again with ",\\n", the bytes are the same.
    """
    fh.write("[")
    separator = "\n"
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= _CHARS_PER_WRITE:
            fh.write(separator + ",\n".join(batch))
            separator, batch, size = ",\n", [], 0
    if batch:
        fh.write(separator + ",\n".join(batch))
    fh.write("]")


def _write_features(records: Records, fragments: Fragments, fh: TextIO) -> None:
    """Each place's Feature, its mentions and claims streamed inside its properties."""
    fh.write("[")
    separator = "\n"
    for place in records.places:
        head = dumps(feature_head(place, contested=bool(records.contested_at(place.place_id))))
        # The head ends with the closing braces of ``properties`` and of the Feature; the
        # two streamed lists go in between, as the last members of ``properties``.
        fh.write(separator + head[:-2] + ',"mentions":')
        _write_lines(fragments.geojson_mentions_at(place.place_id), fh)
        fh.write(',"claims":')
        _write_lines(fragments.geojson_claims_at(place.place_id), fh)
        fh.write("}}")
        separator = ",\n"
    fh.write("]")


def _write_collection(data: Build | Records, fh: TextIO) -> None:
    """The FeatureCollection, member by member, lists streamed."""
    records, fragments = as_records(data), fragments_of(data)
    streamed = {
        "sources": fragments.geojson_sources,
        "skipped": lambda: (dumps(skip_dict(s)) for s in records.iter_skips()),
        "unresolved": fragments.geojson_unresolved,
        "unplaced_claims": fragments.geojson_unplaced,
    }
    fh.write("{")
    for index, (key, value) in enumerate(collection_members(records).items()):
        fh.write(("" if index == 0 else ",\n") + dumps(key) + ":")
        if key == "features":
            _write_features(records, fragments, fh)
        elif key in streamed:
            _write_lines(streamed[key](), fh)
        else:
            fh.write(dumps(value))
    fh.write("}\n")


def write_geojson_spliced(store: Store, path: Path, *, old: OldFile | None, basis: str,
                          tokens: DocTokens, contested: np.ndarray | None = None) -> SpliceCounts:
    """``write_geojson`` of a Store, its unchanged lines copied from ``old`` (``geo.export.splice``).

    The bytes are those of ``write_geojson``: the same members in the same order, each
    list's lines either copied or rendered from the same stored text (a test compares them).
    ``contested``: ``stored_units.contested_links`` when the caller has read them already.
    """
    from geo.export import stored_units as units
    from geo.export.splice import write_spliced

    def write(splicer: Splicer) -> None:
        fresh = units.changed_rows(store, list(old.changed_docs)) if old is not None else (None, None, None)
        lists = {
            "sources": lambda: _spliced_list(splicer, units.source_units(store), units.source_render(store),
                                             fresh[0]),
            "unresolved": lambda: _spliced_list(splicer, units.unresolved_units(store), mention_lines, fresh[1]),
            "unplaced_claims": lambda: _spliced_list(splicer, units.unplaced_units(store), claim_lines, fresh[2]),
            "features": lambda: _spliced_features(splicer, store, mention_lines, claim_lines, fresh[1:], contested,
                                                  old),
        }
        mention_lines, claim_lines = units.mention_render(store), units.geojson_claim_render(store)
        splicer.text("{")
        for index, (key, value) in enumerate(collection_members(_Heading(store)).items()):
            splicer.text(("" if index == 0 else ",\n") + dumps(key) + ":")
            if key in lists:
                lists[key]()
            elif key == "skipped":
                splicer.text(render_text(lambda fh: _write_lines((dumps(skip_dict(s)) for s in store.iter_skips()),
                                                                  fh), newline="\n"))
            else:
                splicer.text(dumps(value))
        splicer.text("}\n")

    return write_spliced(path, old, write, basis=basis, tokens=tokens)


class _Heading:
    """The Store's collection-wide members for ``collection_members``, its record walks empty.

    The spliced writer streams every list itself; the walks ``collection_members`` starts
    (one of them sorts every claim) would only be thrown away.
    """

    def __init__(self, store: Store) -> None:
        self.corpus, self.built = store.corpus, store.built
        self.gazetteer_version, self.attribution = store.gazetteer_version, store.attribution
        self.places: tuple[object, ...] = ()

    def _none(self) -> Iterable[object]:
        return iter(())

    iter_sources = iter_skips = iter_unresolved = iter_unplaced_claims = _none


def _spliced_list(splicer: Splicer, items: Units, render: Render, fresh: np.ndarray | None) -> None:
    """A list as ``_write_lines`` writes it: ``[``, the lines after "\\n" then ",\\n", ``]``."""
    splicer.text("[")
    splicer.units(*items, sep=2, first_sep=1, render=render, fresh=fresh)
    splicer.text("]")


def _spliced_features(splicer: Splicer, store: Store, mention_lines: Render, claim_lines: Render,
                      fresh: tuple[np.ndarray | None, np.ndarray | None], contested: np.ndarray | None,
                      old: OldFile | None) -> None:
    """``_write_features`` with the mentions and claims of every place spliced.

    Each place's Feature is a block of the index (``Splicer.begin_block``): a place the
    old file holds and that did not change (``_changed_places``) is copied whole, and
    only the changed places' rows are listed from the Store, each place by its own index
    range. Without an old file, or when most places changed, every place's rows are
    listed at once, and their short lists planned in batches.
    """
    from geo.export import stored_units as units

    if contested is None:
        contested = units.contested_links(store)
    changed = _changed_places(store, old, contested) if old is not None and old.blocks else None
    listed: tuple[dict[str, units.Units], dict[str, units.Units]] | None = None
    if changed is None or len(changed) > len(store.places) * _LISTED_PER_PLACE:
        listed = units.mention_units_by_place(store), units.claim_units_by_place(store, contested)
    splicer.text("[")
    separator = "\n"
    for place in store.places:
        place_id = place.place_id
        splicer.text(separator)
        separator = ",\n"
        if changed is not None and place_id not in changed and splicer.copy_block(place_id):
            continue
        splicer.begin_block(place_id)
        head = dumps(feature_head(place, contested=bool(store.contested_at(place_id))))
        splicer.text(head[:-2] + ',"mentions":')
        if listed is not None:
            mentions, claims = listed[0].get(place_id, units.EMPTY), listed[1].get(place_id, units.EMPTY)
        else:
            mentions, claims = units.place_units(store, place_id, contested)
        _spliced_list(splicer, mentions, mention_lines, fresh[0])
        splicer.text(',"claims":')
        _spliced_list(splicer, claims, claim_lines, fresh[1])
        splicer.text("}}")
        splicer.end_block(place_id)
    splicer.text("]")


#: Above this share of places changed, every place's rows are listed in one query: a query
#: per changed place then costs more than reading every place's rows at once.
_LISTED_PER_PLACE = 0.25


def _changed_places(store: Store, old: OldFile, contested: np.ndarray) -> set[str]:
    """The places whose Feature may differ from the old file's: the rest are copied whole.

    A place changed when a document stored since has rows there, when its count of
    mentions and claims differs from its block's (a document removed, or one that no
    longer names it: with no new rows there, its rows now are a subset of the old ones,
    so equal counts mean the same rows), or when a claim line there turned contested or
    back (the Feature's head says whether any is). Places the old file lacks are written
    anyway (``Splicer.copy_block`` finds no block).
    """
    from geo.export import stored_units as units

    changed = units.touched_places(store, list(old.changed_docs))
    for place_id, count in units.place_counts(store).items():
        block = old.blocks.get(place_id)
        if block is None or block[3] - block[2] != count:
            changed.add(place_id)
    return changed | units.turned_blocks(old, contested)
