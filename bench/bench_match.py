"""Matching throughput of geo's scan against a bare pyahocorasick scan of the same text.

    python bench/bench_match.py [--mb 5]

Prints, for one run on this machine: the warm load time of the gazetteer and automaton
(from the on-disk cache), MB/s of a bare ``Automaton.iter`` over the folded text, MB/s of
``Matcher.scan`` (fold + iter + whole-word and capital checks + overlap resolution), and
their ratio (goal: within 3x). Not a test: figures only.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from geo.pipeline import load_resources
from geo.text import fold

SENTENCES = (
    "Heavy fighting was reported near {a} and {b} on Monday, the General Staff said.",
    "Бои идут в районе {a} и {b}, сообщило Минобороны России.",
    "North Korean troops were seen outside {a}, about 10 km from {b}.",
    "Residents of {a} were evacuated to Kursk as drones struck {b} overnight.",
)


FILLER = (
    "The ministry did not comment on the report, and the figures could not be independently verified.",
    "Власти не комментировали сообщения, а данные невозможно проверить независимо.",
    "Analysts said the offensive had stalled after weeks of heavy fighting and drone strikes.",
)


def corpus_text(res, megabytes: float, *, named_share: float = 1.0, seed: int = 7) -> str:
    """Synthetic news-like text; ``named_share`` of the lines name two real gazetteer places."""
    rng = random.Random(seed)
    names = [p.name for p in res.gazetteer.settlements] + [p.name_local for p in res.gazetteer.settlements]
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        template = rng.choice(SENTENCES) if rng.random() < named_share else rng.choice(FILLER)
        line = template.format(a=rng.choice(names), b=rng.choice(names))
        parts.append(line)
        size += len(line.encode())
    return "\n".join(parts)


def best_of(fn, repeat: int = 3) -> float:
    """Fastest wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    load_resources()  # make sure the cache is warm
    t0 = time.perf_counter()
    res = load_resources()
    load_s = time.perf_counter() - t0
    automaton = res.matcher.automaton
    print(f"cores: {os.cpu_count()}; name forms in the automaton: {len(automaton):,}")
    print(f"gazetteer + automaton load (warm cache): {load_s * 1000:.0f} ms")
    for label, share in (("news-like text (1 line in 5 names places)", 0.2),
                         ("dense text (every line names 2 places)", 1.0)):
        text = corpus_text(res, args.mb, named_share=share)
        mb = len(text.encode()) / 1e6
        folded = fold(text)
        bare_s = best_of(lambda: sum(1 for _ in automaton.iter(folded)))  # noqa: B023
        scan_s = best_of(lambda: res.matcher.scan(text))  # noqa: B023
        found = len(res.matcher.scan(text))
        print(f"{label}: {mb:.1f} MB, {found:,} mentions")
        print(f"  bare pyahocorasick iter: {mb / bare_s:6.1f} MB/s")
        print(f"  geo Matcher.scan:        {mb / scan_s:6.1f} MB/s")
        print(f"  ratio scan / bare: {scan_s / bare_s:.2f}x (goal: within 3x)")


if __name__ == "__main__":
    main()
