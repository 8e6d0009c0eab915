"""The only module that knows the order of the steps.

    files → corpus → toponyms → resolve → claims → Build → export / webmap

``process_document`` is pure (a Document and the loaded resources in, a DocumentResult
out) so that it can be cached per file, run in worker processes or on a Dask cluster,
and give the same records everywhere. ``assemble_build`` merges per-document results in
sorted order, so the Build does not depend on the order documents were processed in.

The extraction steps (``resolve``, ``claims`` and what they import) are imported when a
document is first processed, not with this module: ``geo where`` needs only the
gazetteer and its automaton, and importing the claim rules was a third of its start-up
(issue 14). ``geo.parallel`` runs ``process_document`` over a corpus into a Store; this
module does not import it, so the two are not an import circle.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from geo import forms, homoglyphs, names, text, toponyms
from geo._cache import cached, content_key, installed_hash, module_source_hash, source_hash
from geo.errors import failure_reason
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Build, Claim, Document, DocumentResult, Place, Resolution, Skip
from geo.settings import DEFAULT_SETTINGS, Settings
from geo.toponyms import Matcher, build_matcher

if TYPE_CHECKING:
    from geo.corpus import RawFile

__all__ = [
    "Resources",
    "assemble_build",
    "extract_document",
    "load_resources",
    "process_document",
    "run",
]


@dataclass(frozen=True)
class Resources:
    """What every document needs, loaded once: the gazetteer and its automaton.

    The automaton is loaded on first use: a rebuild in which no file changed never
    needs it, and loading it is a third of such a rebuild's time.
    """

    gazetteer: Gazetteer
    settings: Settings = DEFAULT_SETTINGS

    @functools.cached_property
    def matcher(self) -> Matcher:
        """The gazetteer's automaton (``load_matcher``)."""
        return load_matcher(self.gazetteer)

    @property
    def extractor_version(self) -> str:
        """Hash of the extraction code and the gazetteer: the key of per-file caches.

        The modules' files are read, not imported: a rebuild whose files are all in the
        result cache extracts nothing, and importing the claim rules (compiling their
        regexes) was 0.3 s of it (issue 14). The same bytes in the same order as hashing
        the imported modules, so the key is the one it was.
        """
        # Every module whose rules shape a claim: a new alias or attribution rule must not
        # be hidden by a result cached by the previous code. Their files are hashed, not
        # imported: a rebuild in which no file changed never runs the rules, and compiling
        # their patterns on import was most of such a rebuild (issue 14).
        return content_key(self.gazetteer.version, _matcher_code_version(),
                           module_source_hash(*(f"geo.{name}" for name in _RULE_MODULES)), repr(self.settings))


#: The modules whose code shapes a claim, in the order of the extractor version's hash
#: (a test finds them from the imports of ``geo.claims`` and ``geo.resolve``), and this one:
#: ``process_document`` maps the offsets of a text read without its hidden characters back.
_RULE_MODULES = ("resolve", "claims", "attribution", "claimants", "control", "control_lexicon", "dates",
                 "drafts", "figures", "lexicon", "linking", "loss_lexicon", "periods", "person_names", "text",
                 "homoglyphs", "alternation", "heads", "pipeline")



def _matcher_code_version() -> str:
    """The code the automaton depends on: geo's name modules (``text.fold`` and its mixed-alphabet
    step make every key), pymorphy3 and its dictionary, pyahocorasick.

    The libraries are identified by files found without importing them: importing
    pymorphy3 for its ``__version__`` cost 0.03 s of every run (issue 14), and
    pyahocorasick has no ``__version__`` (its pickles change with its code).
    """
    return content_key(source_hash(forms, names, toponyms, text, homoglyphs), installed_hash("pymorphy3", "version.py"),
                       installed_hash("pymorphy3_dicts_ru", "version.py"), installed_hash("ahocorasick"))


def load_matcher(gaz: Gazetteer) -> Matcher:
    """The automaton for ``gaz``, from the on-disk cache when it is there."""
    key = content_key(gaz.version, _matcher_code_version())
    return cached("matcher", key, lambda: build_matcher(gaz))


def is_matcher_cached(gaz: Gazetteer) -> bool:
    """Whether ``load_matcher`` will read the automaton from disk (else it builds it, ~15 s)."""
    from geo._cache import cache_dir

    return (cache_dir() / f"matcher-{content_key(gaz.version, _matcher_code_version())}.pickle").is_file()


def load_resources(gazetteer_path: Path | None = None, *, settings: Settings = DEFAULT_SETTINGS) -> Resources:
    """Load the gazetteer; its (cached) automaton follows when first used."""
    gaz = load_gazetteer(gazetteer_path)
    return Resources(gazetteer=gaz, settings=settings)


def process_document(doc: Document, res: Resources) -> DocumentResult:
    """Places and claims of one document (pure apart from the loaded resources).

    A text with hidden characters inside its words (a soft hyphen, a zero-width space:
    ``text.HIDDEN``) is read without them, and every offset is then mapped back to the text
    as it is, so quotes and surfaces are still cut from it (``_unsqueezed``).
    """
    squeezed = text.squeeze(doc.text)
    if squeezed is None:
        return _process(doc, res)
    chrome = ((squeezed.squeezed_offset(s), squeezed.squeezed_offset(e)) for s, e in doc.chrome)
    inner = replace(doc, text=squeezed.text, chrome=tuple((s, e) for s, e in chrome if s < e))
    return _unsqueezed(_process(inner, res), doc.text, squeezed)


def _unsqueezed(result: DocumentResult, original: str, squeezed: text.Squeezed) -> DocumentResult:
    """``result`` of the squeezed text with its offsets, surfaces, quotes and claim ids of
    the ``original`` text."""
    from geo.claims import claim_id

    resolutions = []
    for r in result.resolutions:
        m = r.mention
        start, end = squeezed.original_span(m.start, m.end)
        context_start, context_end = squeezed.original_span(m.context_start, m.context_start + len(m.context))
        mention = replace(m, start=start, end=end, surface=original[start:end],
                          context=original[context_start:context_end], context_start=context_start)
        resolutions.append(replace(r, mention=mention))
    claims = []
    for c in result.claims:
        start, end = squeezed.original_span(c.start, c.end)
        claims.append(replace(c, claim_id=claim_id(c.source, start, end, c.kind), start=start, end=end,
                              quote=original[start:end]))
    return replace(result, resolutions=tuple(resolutions), claims=tuple(claims))


def _process(doc: Document, res: Resources) -> DocumentResult:
    from geo.claims import extract_claims
    from geo.resolve import resolve_candidates

    candidates = res.matcher.scan(doc.text)
    resolutions = resolve_candidates(doc.text, doc.source, candidates, res.gazetteer, settings=res.settings)
    found = extract_claims(doc, resolutions, res.gazetteer, settings=res.settings)
    return DocumentResult(meta=doc.meta, resolutions=resolutions, claims=found)


def extract_document(raw: RawFile, res: Resources) -> DocumentResult | Skip:
    """The steps of one file, in order: decode (page chrome, metadata) → places → claims.

    Any failure inside the steps is that file's Skip, never the corpus's (issue 13).
    """
    item = raw.decode()
    if isinstance(item, Skip):
        return item
    try:
        return process_document(item, res)
    except Exception as err:  # noqa: BLE001 - one file never sinks the build (issue 13)
        return Skip(source=raw.source, reason=failure_reason("cannot extract the file", err))


def build_date(published: Iterable[str | None]) -> str:
    """A reproducible build date: ``$SOURCE_DATE_EPOCH`` if set, else the newest publication date.

    ``published`` are the sources' publication dates. The wall clock is never used, so
    the same corpus gives byte-identical outputs.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return max(filter(None, published), default="undated")


def assemble_build(
    corpus: str,
    results: Iterable[DocumentResult],
    skips: Iterable[Skip],
    gaz: Gazetteer,
) -> Build:
    """Merge per-document results into one Build, in a total order."""
    ordered = sorted(results, key=lambda r: r.meta.source)
    resolutions: list[Resolution] = [r for res in ordered for r in res.resolutions]
    claims: list[Claim] = sorted((c for res in ordered for c in res.claims), key=lambda c: c.sort_key)
    place_ids = {r.place_id for r in resolutions if r.place_id} | {
        link.place_id for c in claims for link in c.places
    }
    places: tuple[Place, ...] = tuple(gaz.places[i] for i in sorted(place_ids))
    sources = tuple(r.meta for r in ordered)
    attribution = attribution_lines(gaz)
    return Build(
        corpus=corpus, built=build_date(s.published for s in sources), gazetteer_version=gaz.version,
        sources=sources, skips=tuple(sorted(skips)), places=places,
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.mention.source, r.mention.start))),
        claims=tuple(claims), attribution=attribution,
    )


def attribution_lines(gaz: Gazetteer) -> tuple[str, ...]:
    """The credits every output carries (gazetteer/ATTRIBUTION.md in one line each)."""
    return (
        "Settlements: INID dataset 160 (Rosstat, MIAC; ANO CPUR), CC BY-SA 4.0, "
        "https://data.rcsi.science/data-catalog/datasets/160/",
        "Town names: GeoNames (https://www.geonames.org/), CC BY 4.0",
        "District boundaries: © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)",
    )


def run(
    corpus: Path,
    *,
    resources: Resources,
    on_document: Callable[[str], None] | None = None,
) -> Build:
    """Read a corpus folder and return its Build, serially, in memory, without any cache.

    The same steps as every other route (``extract_document`` on each file, then
    ``assemble_build``), and the same Build as ``geo.parallel.run_parallel``, which adds
    worker processes, Dask, the Store and the per-file cache.

    Parameters
    ----------
    corpus
        Folder (or single file) of articles.
    resources
        ``load_resources()``.
    on_document
        Called with each file name as it is done (progress display).

    Returns
    -------
    Build
        Every place, claim, source and skip.
    """
    from geo.corpus import RawFile, iter_raw

    results: list[DocumentResult] = []
    skips: list[Skip] = []
    for raw in iter_raw(corpus, settings=resources.settings):
        item = extract_document(raw, resources) if isinstance(raw, RawFile) else raw
        if isinstance(item, Skip):
            skips.append(item)
        elif isinstance(item, DocumentResult):
            results.append(item)
        if on_document is not None:
            on_document(raw.source)
    return assemble_build(corpus_name(corpus), results, skips, resources.gazetteer)


def corpus_name(corpus: Path) -> str:
    """The corpus's display name: its folder name."""
    return Path(corpus).resolve().name or str(corpus)
