"""Small hand-made Builds for the export tests (and any other test that wants records).

``sample_build()`` holds one of each shape an export must carry:

    Sudzha (settlement, trusted point)     two killed claims that contest each other
    Bogdanovka (settlement, untrusted)     a captured claim, also tied to its district
    Sudzhansky District                    the same captured claim
    Kursk Oblast (region)                  a killed_or_wounded claim with a fraction
    no place                               a deployed claim (unplaced)
    unresolved                             a mention of an ambiguous name

The quotes are hostile on purpose: Cyrillic, «», curly and straight double quotes,
commas, LF and CRLF, right-to-left text with direction marks, a leading ``=``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from geo.errors import ExportError
from geo.model import (
    Build,
    Claim,
    DatePrecision,
    Figure,
    Kind,
    Link,
    Mention,
    Place,
    PlaceLink,
    PlaceType,
    Resolution,
    Source,
)

ROOT = Path(__file__).resolve().parent.parent

SUDZHA = Place(place_id="inid160:115637", name="Sudzha", name_local="Суджа",
               place_type=PlaceType.SETTLEMENT, admin1="Kursk Oblast", admin2="Sudzhansky District",
               district_id="kursk-district:sudzhanskiy", lat=51.19194449, lon=35.27194351,
               population=5657, category="town")
BOGDANOVKA = Place(place_id="inid160:25632", name="Bogdanovka", name_local="Богдановка",
                   place_type=PlaceType.SETTLEMENT, admin1="Kursk Oblast",
                   admin2="Sudzhansky District", district_id="kursk-district:sudzhanskiy",
                   lat=51.23127, lon=35.28448, population=48, category="derevnya",
                   is_point_trusted=False)
DISTRICT = Place(place_id="kursk-district:sudzhanskiy", name="Sudzhansky District",
                 name_local="Суджанский район", place_type=PlaceType.DISTRICT,
                 admin1="Kursk Oblast",
                 admin2="Sudzhansky District", district_id="kursk-district:sudzhanskiy",
                 lat=51.23127, lon=35.28448, category="raion")
REGION = Place(place_id="kursk-oblast", name="Kursk Oblast", name_local="Курская область",
               place_type=PlaceType.REGION, admin1="Kursk Oblast", admin2=None, district_id=None,
               lat=51.68038, lon=36.10456, category="oblast")

TASS = Source(source="ru/2024-08-12_sudzha.txt", sha256="a" * 64,
              title="Бои в Судже: «итоги дня», 12 августа", publisher="ТАСС",
              published="2024-08-12T09:30:00+03:00", url="https://example.org/tass/1",
              language="ru")
ZELENSKY = Source(source="en/zelensky, \"address\".txt", sha256="b" * 64,
                  title="Zelensky: “we hold Sudzha”", publisher=None, published="2024-08",
                  language="en")
GUR = Source(source="uk/unplaced.txt", sha256="c" * 64, language="uk")

#: Quotes by claim id; the offsets below are derived from their lengths.
QUOTES = {
    "c-mod-killed": "Минобороны: «уничтожено более 2000 военнослужащих ВСУ»,\nв том числе у Суджи",
    "c-zel-killed": 'He said “about 100” were killed, "no more", in Sudzha',
    "c-mod-captured": "до 30 пленных; עברית العربية \u200fmixed\u200f\r\nконец",
    "c-zel-region": '=SUM(A1) two-thirds, "killed or wounded"',
    "c-gur-deployed": 'ГУР: 11 000 військових КНДР, "відправлені" на схід Росії',
}


def _claim(claim_id: str, source: Source, start: int, **fields: object) -> Claim:
    quote = QUOTES[claim_id]
    return Claim(claim_id=claim_id, source=source.source, start=start, end=start + len(quote),
                 quote=quote, **fields)  # type: ignore[arg-type]


def _resolution(source: Source, start: int, surface: str, place: Place | None,
                candidates: tuple[str, ...], reason: str) -> Resolution:
    mention = Mention(source=source.source, start=start, end=start + len(surface), surface=surface,
                      lemma=surface, candidates=candidates, context=f"… {surface} …",
                      context_start=max(0, start - 2))
    return Resolution(mention=mention, place_id=place.place_id if place else None, reason=reason)


def sample_build() -> Build:
    """The Build described in the module docstring (sorted as a pipeline sorts it)."""
    claims = [
        _claim("c-mod-killed", TASS, 10, claimant="Russian Ministry of Defence", kind=Kind.KILLED,
               subject="ВСУ", figure=Figure(text="более 2000", low=2000),
               reported="2024-08-12", reported_precision=DatePrecision.DAY,
               places=(PlaceLink(place_id=SUDZHA.place_id, link=Link.SENTENCE),)),
        _claim("c-mod-captured", TASS, 200, claimant="Russian Ministry of Defence",
               kind=Kind.CAPTURED, figure=Figure(text="до 30", high=30),
               places=(PlaceLink(place_id=DISTRICT.place_id, link=Link.PARAGRAPH),
                       PlaceLink(place_id=BOGDANOVKA.place_id, link=Link.SENTENCE))),
        _claim("c-zel-killed", ZELENSKY, 5, claimant="Volodymyr Zelensky", kind=Kind.KILLED,
               subject="Russian troops", figure=Figure(text="about 100", best=100),
               reported="2024-08-12",
               places=(PlaceLink(place_id=SUDZHA.place_id, link=Link.PARAGRAPH),)),
        _claim("c-zel-region", ZELENSKY, 300, claimant=None, kind=Kind.KILLED_OR_WOUNDED,
               figure=Figure(text="two-thirds", low=0.6667, best=0.6667, high=0.6667),
               places=(PlaceLink(place_id=REGION.place_id, link=Link.ARTICLE),)),
        _claim("c-gur-deployed", GUR, 0, claimant="GUR", kind=Kind.DEPLOYED,
               subject="North Korean troops", figure=Figure(text="11 000", best=11000),
               reported="2024-W44", reported_precision=DatePrecision.WEEK),
    ]
    resolutions = [
        _resolution(TASS, 3, "Судже", SUDZHA, (SUDZHA.place_id,), "only candidate"),
        _resolution(TASS, 150, "Александровка", None, ("inid160:1", "inid160:2"),
                    "16 candidates, no district cue"),
        _resolution(TASS, 210, "Богдановки", BOGDANOVKA, (BOGDANOVKA.place_id,),
                    "district named: Sudzhansky District"),
    ]
    return Build(
        corpus="sample",
        built="2024-08-12",
        gazetteer_version="test-gazetteer",
        sources=(ZELENSKY, TASS, GUR),
        places=(SUDZHA, BOGDANOVKA, DISTRICT, REGION),
        resolutions=tuple(sorted(resolutions, key=lambda r: (r.mention.source, r.mention.start))),
        claims=tuple(sorted(claims, key=lambda c: c.sort_key)),
        attribution=("© OpenStreetMap contributors, ODbL 1.0",
                     "Settlements: INID / ЦПУР, CC BY-SA 4.0"),
    )


def one_claim_build(quote: str) -> Build:
    """A Build whose only claim, at Sudzha, quotes ``quote`` (for property tests)."""
    claim = Claim(claim_id="c-any", source=TASS.source, start=0, end=len(quote), quote=quote,
                  claimant=quote, kind=Kind.OTHER, subject=quote,
                  places=(PlaceLink(place_id=SUDZHA.place_id, link=Link.SENTENCE),))
    return Build(corpus="any", built="2024-08-12", gazetteer_version="test", sources=(TASS,),
                 places=(SUDZHA,), claims=(claim,))


def render_in_subprocess(fmt: str, *, hashseed: str) -> bytes:
    """``render_bytes(sample_build(), fmt)`` in a fresh interpreter with PYTHONHASHSEED set."""
    code = ("import sys; from tests.builds import sample_build; "
            "from geo.export import render_bytes; "
            f"sys.stdout.buffer.write(render_bytes(sample_build(), {fmt!r}))")
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          check=True, timeout=120)
    return done.stdout


class _FullDisk:
    """A file handle that takes ``budget`` characters, then fails as a full disk does."""

    def __init__(self, handle: Any, budget: int) -> None:
        self._handle, self._left = handle, budget

    def write(self, data: Any) -> int:
        if len(data) > self._left:
            self._handle.write(data[: self._left])
            self._left = 0
            raise OSError(28, "No space left on device")
        self._left -= len(data)
        return self._handle.write(data)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def break_write_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writes fail partway as a full disk does.

    Covers both ways the writers write: ``Path.write_bytes`` (whole bytes) and a
    handle opened for writing on the writers' temporary files (the streaming writers,
    which write part of the text first).
    """
    def write_half(self: Path, data: bytes) -> int:
        with self.open("wb") as fh:
            fh.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    real_open = Path.open

    def open_full(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        temporary = self.name.startswith(".") and self.name.endswith(".tmp")
        return _FullDisk(handle, 64) if temporary and "w" in mode else handle

    monkeypatch.setattr(Path, "write_bytes", write_half)
    monkeypatch.setattr(Path, "open", open_full)


def assert_old_file_survives(write: Callable[[Path], None], target: Path) -> None:
    """``write(target)`` must raise ExportError, leave the old bytes and no temporary file."""
    old = b"the previous export\n"
    with target.open("wb") as fh:  # not Path.write_bytes, which a test may have broken
        fh.write(old)
    with pytest.raises(ExportError):
        write(target)
    assert target.read_bytes() == old
    assert sorted(target.parent.iterdir()) == [target]


def synthetic_module() -> Any:
    """``bench/synthetic.py`` (the corpus generator of the benchmarks), loaded from bench/."""
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_name_index(source: Path, target: Path) -> bool:
    """Copy the cached automata of folder ``source`` into ``target``; whether there was one."""
    import shutil

    matchers = list(source.glob("matcher-*.pickle"))
    for matcher in matchers:
        shutil.copy2(matcher, target / matcher.name)
    return bool(matchers)


def seeded_cache(folder: Path) -> Path:
    """A fresh cache folder holding only the session's automaton."""
    from geo._cache import cache_dir

    folder.mkdir(parents=True)
    copy_name_index(cache_dir(), folder)
    return folder
