"""Hostile inputs and how their cost is measured: always as a ratio of two timings (the
best of a few runs each), never against a wall-clock limit."""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import PurePath

from bot.loaders.worker import Budget, Reader
from bot.settings.clock import PARIS


def alias_bomb(levels: int = 8, width: int = 9) -> str:
    """A YAML 'billion laughs' (about 320 bytes for eight levels): each level is a list of
    `width` aliases of the level below, `width ** levels` values once expanded."""
    names = "abcdefghijklmnopqrstuvwxyz"[: levels + 1]
    lines = [f"{names[0]}: &{names[0]} [" + ",".join(["lol"] * width) + "]"]
    for below, name in pairwise(names):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{below}"] * width) + "]")
    return "\n".join(lines) + "\n"


def plain_yaml(lines: int = 9, width: int = 9) -> str:
    """Ordinary YAML of about the size of `alias_bomb()`: lists without aliases."""
    return "".join(f"k{n}: [" + ",".join(["lol"] * width) + "]\n" for n in range(lines))


ATTEMPTS = 3
"""How many times a ratio over its limit is measured: a pause of a loaded machine in one
timing does not come back three times, a cost that grows too fast does."""


def settled(ratio: Callable[[], float], limit: float) -> float:
    """The smallest of `ratio()` measured up to ATTEMPTS times, stopping once it is under
    `limit`: what a test compares with `limit`."""
    best = ratio()
    for _ in range(ATTEMPTS - 1):
        if best < limit:
            break
        best = min(best, ratio())
    return best


def fastest(work: Callable[[], object], runs: int = 5) -> float:
    """The best time of `runs` runs of `work` (noise only ever adds time)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


async def worker_time(page: str, runs: int = 2) -> float:
    """The best time of `runs` new worker processes, with all the time they need, reading
    `page` as a Markdown page (the first run also starts the forkserver). A reading budget
    is set from this, not from a reading in the test's own process: on CI, after the whole
    suite, a worker once read a page within a quarter of that process's time (most likely
    as its big heap made collecting garbage cost more there)."""
    best = float("inf")
    for _ in range(runs):
        reader = Reader(Budget(seconds=600))
        try:
            start = time.perf_counter()
            await reader.load(PurePath("journee.md"), page, PARIS)
            best = min(best, time.perf_counter() - start)
        finally:
            reader.stop()
    return best
