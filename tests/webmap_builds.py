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
