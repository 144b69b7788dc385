"""The date and time grammar (`bot/loaders/when/`): median times of find_days and find_times
over all corpus pages, and over one 1 MB text.

    python bench/dates.py [--runs N] [CORPUS_GLOB]

The corpus is ../shared/corpus*/pages/*.md; the 1 MB text is those pages repeated (or a
generated programme where the corpus is absent).
"""

from __future__ import annotations

import argparse
import glob
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.loaders.when import DateContext, find_days, find_times

CORPUS = str(Path(__file__).resolve().parents[2] / "shared" / "corpus*" / "pages" / "*.md")
_SAMPLE = (
    "## Lundi 21 septembre\n\n- 9h30-10h : Accueil, café\n- 10h - 11h30 : Atelier « données »"
    " avec Marie Curie (Inria)\n\n### Tuesday, 22 September\n\n| 9:00 AM – 10:30 AM | Keynote |"
    " Ada Lovelace |\n| 1:30 – 2:30 | Lab: 3.12 release, 12.50 € |\n\n**30. Juni 2020, 17.00 Uhr**"
    " Webinar; dal 3 al 5 giugno 2024 ore 10.00-12.00; el miércoles 29 y jueves 30 de marzo.\n"
)


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("corpus", nargs="?", default=CORPUS)
    args = parser.parse_args()
    pages = [Path(path).read_text(encoding="utf-8") for path in sorted(glob.glob(args.corpus))]
    context = DateContext(published=date(2020, 6, 1))
    find_days("le 3 juin", context), find_times("9h")  # CLDR tables and patterns, built once
    seed = "\n".join(pages) if pages else _SAMPLE
    big = (seed * (1_000_000 // len(seed) + 1))[:1_000_000]
    print(
        f"{len(pages)} corpus pages ({sum(map(len, pages)) / 1000:.0f} kB), median of {args.runs}"
    )
    rows = [
        ("find_days, all pages", lambda: [find_days(p, context) for p in pages]),
        ("find_times, all pages", lambda: [find_times(p) for p in pages]),
        ("find_days, 1 MB", lambda: find_days(big, context)),
        ("find_times, 1 MB", lambda: find_times(big)),
    ]
    for name, work in rows:
        print(f"{name:24} {_median(work, args.runs) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
