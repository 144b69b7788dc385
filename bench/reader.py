"""What reading programme files in the worker process costs (bot/loaders/worker.py).

    python -m bench.reader [--runs 20]

1. the first reading: the forkserver started, the loaders imported in it, a worker forked,
   a small page read (once per bot process);
2. a worker killed (a page over the budget) and replaced: the next small page's reading,
   median over the runs;
3. a small page and all of bot/data/ read in the worker against in this process: medians
   and their ratio (what each reload pays for the budget).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from bot.loaders.files import load_file, load_paths
from bot.loaders.worker import Budget, Reader
from bot.settings.clock import PARIS

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "publishing" / "journee-v1.md"
DATA = ROOT / "bot" / "data"


async def timed(action, runs: int) -> list[float]:
    """Sorted wall times of `action()` (a coroutine function), in ms."""
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        await action()
        found.append((time.perf_counter() - began) * 1000)
    return sorted(found)


async def measure(runs: int) -> None:
    reader = Reader(Budget())
    (first,) = await timed(lambda: reader.load(SMALL, None, PARIS), 1)
    print(f"first reading (forkserver, imports, worker, small page): {first:.0f} ms")

    async def replaced() -> None:
        reader.stop()
        await reader.load(SMALL, None, PARIS)
    restart = await timed(replaced, runs)
    print(f"a worker replaced, then a small page: median {statistics.median(restart):.1f} ms")

    for label, in_worker, here in [
        ("small page", lambda: reader.load(SMALL, None, PARIS),
         lambda: asyncio.to_thread(load_file, SMALL, PARIS)),
        ("bot/data/", lambda: reader.load_paths([DATA], PARIS),
         lambda: asyncio.to_thread(load_paths, [DATA], PARIS)),
    ]:
        worker = statistics.median(await timed(in_worker, runs))
        local = statistics.median(await timed(here, runs))
        print(f"{label}: worker {worker:.1f} ms, in process {local:.1f} ms, "
              f"ratio {worker / local:.2f}")
    reader.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    asyncio.run(measure(parser.parse_args().runs))


if __name__ == "__main__":
    main()
