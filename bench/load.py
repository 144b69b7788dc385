"""How long loading the shipped programmes takes.

    python bench/load.py [--runs 50]

Loads all of data/ (five pages and a structured file) the way the bot does at start and
on every reload, and prints the median and p95 over the runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.loaders import load_paths

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    load_paths([ROOT / "data"])  # warm up imports and the file cache
    timings = []
    for _ in range(args.runs):
        began = time.perf_counter()
        programme = load_paths([ROOT / "data"])
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    print(f"data/: {len(programme.events)} events, {len(programme.sessions)} sessions")
    print(f"load time over {args.runs} runs: median {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms, max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
