"""The map's test Build: ``builds.sample_build()`` plus hostile quotes and a mention-only place.

``hostile_build(gazetteer)`` adds to the sample (contested claims at Sudzha, a district
claim, a region claim, an unplaced claim, an unresolved mention):

    Guyevo       one claim per string of HOSTILE, each quote "<string> near Guyevo",
                 with the mention of Guyevo at a known offset (to be highlighted)
    Makhnovka    one plain claim, the one the browser test clicks
    Plekhovo     a mention with its context and no claim

The corpus name and the hostile source's title and publisher are hostile too.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date, timedelta
from pathlib import Path
import subprocess
import sys

from geo.gazetteer import Gazetteer
from geo.model import Build, Claim, Figure, Kind, Link, Mention, PlaceLink, Resolution, Source
from tests.builds import ROOT, sample_build

GUYEVO, MAKHNOVKA, PLEKHOVO = "inid160:148132", "inid160:121418", "inid160:32926"
SUDZHA = "inid160:115637"
CORPUS = "<b>kursk</b> & «seeds»"

#: Strings that would break out of, or run inside, a page that put them in as markup or code.
HOSTILE = {
    "script-close": "</script><script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "backticks": "`${alert(1)}` and ${x}",
    "backslash-digit": "\\1 \\0 \\u003c \\",
    "quotes": "'single' \"double\" “curly” «guillemets»",
    "jinja": "{{ 7*7 }} {% if true %}evaluated{% endif %}",
    "comment": "<!-- <script> --> ]]> <![CDATA[",
    "entities": "&lt;b&gt; &amp; &#x3C;",
    "separators": "line\u2028separator\u2029paragraph",
    "cyrillic": "Бои у села Гуево, «котёл»",
    "arabic": "قتل ثلاثون جنديا",
    "hebrew": "נהרגו שלושים חיילים",
    "emoji": "🔥🔥 astral characters before the name",
}
NAME = "Guyevo"
HOSTILE_SOURCE = Source(source="hostile/</script>.txt", sha256="d" * 64,
                        title="<img src=x onerror=alert(2)> `${title}`", publisher="{{ 6*7 }}",
                        published="2024-09-01", language="und")
NEWS = Source(source="en/makhnovka.txt", sha256="e" * 64, title="Battle near Makhnovka",
              publisher="Example Wire", published="2024-12-28", language="en")
MAKHNOVKA_QUOTE = ("near just one village – Makhnovka in the Kursk region – the Russian army lost "
                   "up to a battalion of infantry")
PLEKHOVO_CONTEXT = "Fighting reached Plekhovo on Tuesday, residents said."


def hostile_quote(key: str) -> str:
    """The quote of the claim made of ``HOSTILE[key]``."""
    return f"{HOSTILE[key]} near {NAME}"


def _mention(source: str, start: int, surface: str, place_id: str, *,
             context: str = "", context_start: int = 0) -> Resolution:
    mention = Mention(source=source, start=start, end=start + len(surface), surface=surface,
                      lemma=surface, candidates=(place_id,), context=context,
                      context_start=context_start)
    return Resolution(mention=mention, place_id=place_id, reason="only candidate")


def hostile_build(gazetteer: Gazetteer) -> Build:
    """The Build described in the module docstring."""
    base = sample_build()
    claims, resolutions = list(base.claims), list(base.resolutions)
    start = 0
    for number, key in enumerate(HOSTILE):
        quote = hostile_quote(key)
        claims.append(Claim(
            claim_id=f"c-hostile-{key}", source=HOSTILE_SOURCE.source, start=start,
            end=start + len(quote), quote=quote,
            claimant=HOSTILE["img-onerror"] if number % 2 else "Claimant {{ 1+1 }}",
            kind=Kind.OTHER, subject=HOSTILE["script-close"], reported="2024-09-01",
            places=(PlaceLink(place_id=GUYEVO, link=Link.SENTENCE),)))
        at = start + len(quote) - len(NAME)
        resolutions.append(_mention(HOSTILE_SOURCE.source, at, NAME, GUYEVO))
        start += len(quote) + 1
    claims.append(Claim(
        claim_id="c-makhnovka", source=NEWS.source, start=100, end=100 + len(MAKHNOVKA_QUOTE),
        quote=MAKHNOVKA_QUOTE, claimant="Volodymyr Zelensky", kind=Kind.KILLED_OR_WOUNDED,
        figure=Figure(text="up to a battalion", high=500), reported="2024-12-28",
        places=(PlaceLink(place_id=MAKHNOVKA, link=Link.SENTENCE),)))
    resolutions.append(_mention(NEWS.source, 100 + MAKHNOVKA_QUOTE.index("Makhnovka"), "Makhnovka",
                                MAKHNOVKA))
    resolutions.append(_mention(NEWS.source, 520 + PLEKHOVO_CONTEXT.index("Plekhovo"), "Plekhovo",
                                PLEKHOVO, context=PLEKHOVO_CONTEXT, context_start=520))
    places = {p.place_id: p for p in base.places}
    places.update({pid: gazetteer.places[pid] for pid in (GUYEVO, MAKHNOVKA, PLEKHOVO)})
    return dataclasses.replace(
        base,
        corpus=CORPUS,
        sources=tuple(sorted((*base.sources, HOSTILE_SOURCE, NEWS), key=lambda s: s.source)),
        places=tuple(sorted(places.values())),
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.mention.source, r.mention.start))),
        claims=tuple(sorted(claims, key=lambda c: c.sort_key)),
    )


def render_map_in_subprocess(*, hashseed: str) -> bytes:
    """``render_map(hostile_build(gaz), gaz)`` in a fresh interpreter with PYTHONHASHSEED set."""
    code = ("import sys; from geo.gazetteer import load_gazetteer; "
            "from geo.webmap.build import render_map; "
            "from tests.webmap_builds import hostile_build; gaz = load_gazetteer(); "
            "sys.stdout.buffer.write(render_map(hostile_build(gaz), gaz).encode('utf-8'))")
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          check=True, timeout=120)
    return done.stdout


def widened_build(gazetteer: Gazetteer, copies: int) -> Build:
    """``hostile_build`` with each document repeated ``copies`` times, as ``copyNNNN/<file>``.

    The same places, ten times the records for ten times the copies: what a test of
    memory that must not grow with the corpus compares.
    """
    base = hostile_build(gazetteer)

    def moved(k: int, name: str) -> str:
        return f"copy{k:04d}/{name}"

    sources = [dataclasses.replace(s, source=moved(k, s.source))
               for k in range(copies) for s in base.sources]
    claims = [dataclasses.replace(c, claim_id=f"{c.claim_id}-{k}", source=moved(k, c.source))
              for k in range(copies) for c in base.claims]
    mentions = [dataclasses.replace(r.mention, source=moved(k, r.mention.source))
                for k in range(copies) for r in base.resolutions]
    resolutions = [dataclasses.replace(r, mention=m)
                   for r, m in zip(base.resolutions * copies, mentions, strict=True)]
    return dataclasses.replace(
        base,
        sources=tuple(sorted(sources, key=lambda s: s.source)),
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.mention.source, r.mention.start))),
        claims=tuple(sorted(claims, key=lambda c: c.sort_key)),
    )


# --- issue 12: the analyst's map ----------------------------------------------------------------

OLGOVKA, MALAYA_LOKNYA, LYUBIMOVKA = "inid160:90702", "inid160:96724", "inid160:39015"
POGREBKI, KURILOVKA = "inid160:60345", "inid160:2464"
#: How many claims the crowded village (Pogrebki) carries, each its own statement.
CROWD = 1000
HOSTILE_TAG = "<img src=x onerror=alert(5)>"
STATEMENT_QUOTES = (f"GUR {HOSTILE_TAG}: 120 Russian soldiers were killed near Lyubimovka.",
                    "Russia lost 120 soldiers near Lyubimovka, GUR said on Tuesday.")


def _source(name: str, published: str | None, publisher: str, *, url: str | None = None) -> Source:
    return Source(source=name, sha256=name.encode().hex()[:64].ljust(64, "0"),
                  title=f"Report {HOSTILE_TAG} from {name}", publisher=publisher,
                  published=published, url=url, language="en")


def _claim(source: Source, start: int, quote: str, *, claimant: str | None, kind: Kind,
           place_id: str, reported: str | None, subject: str | None = None,
           figure: Figure | None = None) -> Claim:
    return Claim(claim_id=f"{source.source}#{start}", source=source.source, start=start,
                 end=start + len(quote), quote=quote, claimant=claimant, kind=kind,
                 subject=subject, figure=figure, reported=reported,
                 places=(PlaceLink(place_id=place_id, link=Link.SENTENCE),))


def analyst_build(gazetteer: Gazetteer) -> Build:
    """Control claims, one statement in two articles and a village with ``CROWD`` claims.

        Olgovka        Ukraine holds it from 2024-08-20 (Syrskyi), Russia from 2024-11-25
                       (the Russian Defense Ministry: "Ukrainian units withdrew")
        Malaya Loknya  Russia says it took it on 2024-10-01, Ukraine says it holds it on
                       2024-10-04: the two sides disagree within a week
        Kurilovka      an undated control claim by ISW (Russian forces took it)
        Lyubimovka     one GUR statement reported by two outlets in one week
        Pogrebki       ``CROWD`` killed claims with different figures, from ten articles

    Titles, a publisher, a subject and a claimant carry markup, to be shown as text.
    """
    tass = _source("ru/tass.txt", "2024-11-25", "ТАСС")
    kyiv = _source("uk/kyiv.txt", "2024-10-04", "Kyiv Wire", url=f"https://example.org/k?{HOSTILE_TAG}")
    wire = _source("en/wire.txt", "2024-09-02", f"Wire {HOSTILE_TAG}")
    second = _source("en/second.txt", "2024-09-03", "Second Outlet")
    isw = _source("en/isw.txt", None, "ISW")  # neither the claim nor its article is dated
    crowd = [_source(f"crowd/{k:02d}.txt", "2024-12-20", f"Crowd {k}") for k in range(10)]
    claims = [
        _claim(kyiv, 0, "Ukrainian forces took control of Olgovka, Syrskyi said.",
               claimant="Oleksandr Syrskyi", kind=Kind.CONTROL, place_id=OLGOVKA,
               reported="2024-08-20", subject=f"Ukrainian forces {HOSTILE_TAG}"),
        _claim(tass, 0, "Ukrainian units withdrew from Olgovka, the ministry said.",
               claimant="Russian Defense Ministry", kind=Kind.CONTROL, place_id=OLGOVKA,
               reported="2024-11-25", subject="Ukrainian units"),
        _claim(tass, 100, "Russian troops took Malaya Loknya.", claimant="Russian Defense Ministry",
               kind=Kind.CONTROL, place_id=MALAYA_LOKNYA, reported="2024-10-01",
               subject="Russian troops"),
        _claim(kyiv, 100, "ЗСУ утримують Малу Локню, заявив Генштаб.", claimant="Генштаб ЗСУ",
               kind=Kind.CONTROL, place_id=MALAYA_LOKNYA, reported="2024-10-04", subject="ЗСУ"),
        _claim(isw, 0, "Russian forces took Kurilovka, ISW assessed.", claimant="ISW",
               kind=Kind.CONTROL, place_id=KURILOVKA, reported=None, subject="Russian forces"),
        _claim(wire, 0, STATEMENT_QUOTES[0], claimant="GUR", kind=Kind.KILLED,
               place_id=LYUBIMOVKA, reported="2024-09-02", subject="Russian soldiers",
               figure=Figure(text="120", best=120)),
        _claim(second, 0, STATEMENT_QUOTES[1], claimant="GUR", kind=Kind.KILLED,
               place_id=LYUBIMOVKA, reported="2024-09-03", subject="Russian soldiers",
               figure=Figure(text="120", best=120)),
    ]
    for i in range(CROWD):
        source = crowd[i % 10]
        quote = f"Near Pogrebki {i + 1} soldiers were killed."
        day = date(2024, 8, 10) + timedelta(days=i % 120)
        claims.append(_claim(source, 100 * (i // 10), quote, claimant=f"Crowd claimant {i % 7}",
                             kind=Kind.KILLED, place_id=POGREBKI, reported=day.isoformat(),
                             figure=Figure(text=str(i + 1), best=i + 1)))
    places = [gazetteer.places[p] for p in (OLGOVKA, MALAYA_LOKNYA, KURILOVKA, LYUBIMOVKA, POGREBKI)]
    sources = [tass, kyiv, wire, second, isw, *crowd]
    return Build(
        corpus="analyst <i>test</i>", built="2024-12-20", gazetteer_version=gazetteer.version,
        sources=tuple(sorted(sources, key=lambda s: s.source)),
        places=tuple(sorted(places)),
        claims=tuple(sorted(claims, key=lambda c: c.sort_key)),
    )


#: Text of the reader's hostile article beyond its quotes: what a shard must keep as text.
READER_HOSTILE = ("Lead line.\n</script><script>alert(3)</script> <!-- a comment --> "
                  "line\u2028separator \u2029 <img src=x onerror=alert(4)> ")


def article_texts(build: Build) -> dict[str, str]:
    """A full text for each source of ``build`` in which every claim's quote stands at its offsets.

    What the reader view shows: the quotes where the records say they are, the gaps filled
    with :data:`READER_HOSTILE` (so the text around a quote is hostile too) and spaces.
    """
    by_source: dict[str, list[Claim]] = {}
    for claim in build.claims:
        by_source.setdefault(claim.source, []).append(claim)
    texts: dict[str, str] = {}
    for source in build.sources:
        claims = by_source.get(source.source, [])
        size = max([c.end for c in claims] + [0]) + len(READER_HOSTILE) + 1
        chars = list((READER_HOSTILE * (size // len(READER_HOSTILE) + 1))[:size])
        for claim in claims:
            chars[claim.start:claim.end] = claim.quote
        texts[source.source] = "".join(chars)
    return texts


def write_reader_shards(build: Build, gazetteer: Gazetteer, folder: Path) -> dict[str, str]:
    """Write ``folder/articles/NN.js`` of :func:`article_texts`, as ``geo build`` would."""
    from geo.webmap.articles import map_articles, shard_count, shard_name, shard_of, shard_script

    texts = article_texts(build)
    shown = [a.source for a in map_articles(build, gazetteer)]
    n_shards = shard_count(len(shown))
    shards: dict[int, dict[str, str]] = {i: {} for i in range(n_shards)}
    for name in shown:
        shards[shard_of(name, n_shards)][name] = texts[name]
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for index, members in shards.items():
        path = folder / "articles" / shard_name(index)
        path.write_text(shard_script(members), encoding="utf-8")
    return texts


def page_index_in_bands(monkeypatch) -> None:
    """Make ``payload.PageIndex`` (the oracle of the page's bytes) order places as the page does.

    The page numbers places in bands of claim counts (``geo.webmap.page.busiest_first``),
    not by exact count: a rebuild then renumbers few documents. Everything else of the
    page is ``PageIndex``'s encoding, claim by claim, which the joined pieces must equal.
    """
    from geo.webmap.page import busiest_first
    from geo.webmap.payload import PageIndex

    init = PageIndex.__init__

    def in_bands(self, records, gazetteer) -> None:
        init(self, records, gazetteer)
        self.places = busiest_first(records)
        self._place_numbers = {p.place_id: i for i, p in enumerate(self.places)}

    monkeypatch.setattr(PageIndex, "__init__", in_bands)
