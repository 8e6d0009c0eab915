"""Every knob of geo in one frozen record, with its default and the reason for it.

A ``Settings`` is passed as an argument; nothing reads a module global, so two builds
in one process cannot leak into each other and tests run in any order.

max_file_bytes : int, default 20 MiB
    Larger input files are skipped with a reason. News articles are a few KiB; a file of
    tens of MiB is a dump or a mistake, and reading it would hold the whole file in memory.
context_chars : int, default 240
    Longest mention context kept for popups (the sentence, clipped around the mention).
near_km : float, default 40.0
    An ambiguous name is resolved to the candidate nearest the article's unambiguous
    places only when that candidate lies within this distance of them. The incursion
    area is about 40 km across.
max_text_chars : int, default 2,000,000
    A decoded text longer than this is skipped with a reason: extraction is linear in
    the text, but a file of millions of characters is a dump, not an article, and would
    hold a build for minutes. A size, not a time: a time budget would make the outputs
    depend on the machine's load, and the same input must give the same bytes.
follow_links : bool, default False
    Read symbolic links whose target lies outside the corpus folder. Off by default:
    the outputs are made to be e-mailed, and a link must not publish files from
    elsewhere on the machine (``/proc/version``, another folder).
cluster_km : float, default 5.0
    Candidates that all lie within this distance of one another count as one place for
    resolution (Korenevo the town and Korenevo the village are 2 km apart).
front_districts : tuple of district ids, default Sudzhansky, Korenevsky, Glushkovsky, Belovsky
    The districts where ground was taken and lost in August 2024 – April 2025. A shared
    name in a sentence about taking, holding or fighting for ground ("Russian forces
    liberated Lyubimovka"), that nothing else in the text decides, is the candidate in
    these districts when it is the only one there (``resolve``); the reason says so.
    Strikes and shelling reached far beyond them and are no such cue.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Tuning knobs; the module docstring documents each one."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_text_chars: int = 2_000_000
    follow_links: bool = False
    context_chars: int = 240
    near_km: float = 40.0
    cluster_km: float = 5.0
    front_districts: tuple[str, ...] = ("kursk-district:sudzhanskiy", "kursk-district:korenevskiy",
                                        "kursk-district:glushkovskiy", "kursk-district:belovskiy")


DEFAULT_SETTINGS = Settings()
