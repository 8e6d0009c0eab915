"""Extraction time against article size: 0.5, 1, 2 and 4 MB of news-like text (issue 13).

Cost must grow linearly with the text: the time per MB printed in the last column
should stay flat. The test suite asserts no speeds; ``tests/test_hostile.py`` counts
the work of the helpers that were quadratic instead.

    python bench/bench_linear.py            # 0.5 1 2 4
    python bench/bench_linear.py 0.25 0.5   # other sizes, in MB
"""

from __future__ import annotations

import sys
import time

from geo.model import Document, Source
from geo.pipeline import load_resources, process_document

#: Paragraphs written for this bench: places, claims, figures and claimants in English
#: and Russian, as dense as a long live-blog.
PARAGRAPHS = (
    "Ukraine's General Staff said on Monday that up to 200 Russian soldiers were killed near Sudzha.",
    "Минобороны России сообщило, что под Суджей Курской области уничтожено до 120 военнослужащих ВСУ.",
    "Fighting continued around Plekhovo and Korenevo, the governor of Kursk oblast said.",
    "По данным ведомства, в районе Малой Локни взяты в плен 15 украинских военных.",
    "Zelensky said North Korean troops had been deployed to Kursk oblast, about 11,000 of them.",
    "The road between Sudzha and Bolshoye Soldatskoye was shelled again overnight.",
)


def article(size_bytes: int) -> str:
    """News-like text of about ``size_bytes`` UTF-8 bytes, one paragraph per line."""
    lines: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        line = PARAGRAPHS[i % len(PARAGRAPHS)]
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(lines) + "\n"


def main(sizes_mb: list[float]) -> None:
    resources = load_resources()
    resources.matcher  # noqa: B018 - load the automaton before timing
    # One small article first: the rules compile their patterns on first use.
    process_document(Document(meta=Source(source="warm.txt", sha256="0"), text=article(4096)), resources)
    print(f"{'MB':>6} {'chars':>10} {'seconds':>8} {'s per MB':>9} {'claims':>7}")
    for mb in sizes_mb:
        text = article(int(mb * 1024 * 1024))
        doc = Document(meta=Source(source="long.txt", sha256="0"), text=text)
        started = time.perf_counter()
        result = process_document(doc, resources)
        elapsed_s = time.perf_counter() - started
        print(f"{mb:>6} {len(text):>10,} {elapsed_s:>8.2f} {elapsed_s / mb:>9.2f} {len(result.claims):>7,}")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [0.5, 1.0, 2.0, 4.0])
