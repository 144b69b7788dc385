"""How fast the proposal commands answer, and how that grows with the number of proposals.

    /work/venv/bin/python bench/proposals.py [--runs 200]

For 100, 1,000 and 10,000 stored proposals (real SQLite file, WAL), times the real command
path: one answer of the guided dialogue (draft read + written and committed), a whole
proposal confirmed (stored and committed), `!propositions soumises` (list of the first 40
with score averages), `!proposition <id>` (full view) and `!export` (CSV of everything).
Prints median and p99 in milliseconds, and the ratio 10,000 / 100 for each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.programme.model import Programme
from bot.settings.clock import PARIS, FixedClock
from bot.settings.config import CallConfig, Config, ProposalsConfig, StorageConfig
from bot.storage import Storage

SIZES = (100, 1_000, 10_000)
ORGANISER = "@orga:bench"
EVENT = "2026-bench"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def seed(storage: Storage, count: int) -> None:
    """`count` proposals and two scores each, inserted in one transaction."""
    speakers = json.dumps([["Alice Martin", "DINUM"]])
    rows = [(EVENT, f"Proposition {n}", "talk", 20, "Résumé " * 40, speakers,
             f"@user{n % 300}:bench", "fr", "submitted", "2026-11-10T10:00:00+01:00")
            for n in range(count)]
    await storage.db.executemany(
        "INSERT INTO proposals (event_id, title, format, minutes, abstract, speakers, "
        "proposer, lang, status, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    await storage.db.executemany(
        "INSERT INTO proposal_scores VALUES (?, ?, ?, '2026-11-10T10:00:00+01:00')",
        [(n, who, 3 + n % 3) for n in range(1, count + 1) for who in ("@a:b", "@c:d")])
    await storage.db.commit()


async def timed(runs: int, step: Callable[[int], Awaitable[None]]) -> list[float]:
    timings = []
    for number in range(runs):
        began = time.perf_counter()
        await step(number)
        timings.append((time.perf_counter() - began) * 1000)
    return timings


async def measure(size: int, runs: int, folder: Path) -> dict[str, list[float]]:
    path = folder / f"bench{size}.db"
    config = Config(storage=StorageConfig(database=path), proposals=ProposalsConfig(
        organisers=[ORGANISER], calls=[CallConfig(
            event=EVENT, opens=datetime(2026, 11, 1), closes=datetime(2026, 11, 20))]))
    storage = await Storage.open(path)
    await seed(storage, size)
    app = new_app(config, Programme(), FixedClock(datetime(2026, 11, 10, 12, tzinfo=PARIS)),
              storage)

    async def say(sender: str, text: str) -> None:
        assert await handle(app, Incoming(text, sender, f"!dm{sender}", is_direct=True))

    async def dialogue_answer(n: int) -> None:
        await say("@writer:bench", "Un résumé assez long." if n % 2 else "Titre")

    async def confirm(n: int) -> None:
        await say(f"@new{n}:bench", "!proposer titre: T\nformat: 1\n"
                                    "résumé: Un résumé assez long.\nintervenants: Bob")
        await say(f"@new{n}:bench", "oui")

    await say("@writer:bench", "!proposer")
    await say("@writer:bench", "Titre")
    await say("@writer:bench", "1")  # now at the abstract step: answers go round it
    results = {
        "dialogue answer": await timed(runs, dialogue_answer),
        "confirm (form + oui)": await timed(runs, confirm),
        "!propositions soumises": await timed(runs, lambda n: say(ORGANISER,
                                                                  "!propositions soumises")),
        "!proposition <id>": await timed(runs, lambda n: say(ORGANISER,
                                                             f"!proposition {n + 1}")),
        "!export": await timed(max(10, runs // 10), lambda n: say(ORGANISER, "!export")),
    }
    await storage.close()
    return results


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        by_size = {size: await measure(size, runs, Path(folder)) for size in SIZES}
    print(f"{'command':26} {'proposals':>9} {'median ms':>10} {'p99 ms':>8}")
    for name in by_size[SIZES[0]]:
        for size in SIZES:
            values = by_size[size][name]
            print(f"{name:26} {size:>9} {statistics.median(values):>10.2f} "
                  f"{percentile(values, 0.99):>8.2f}")
        ratio = (statistics.median(by_size[SIZES[-1]][name])
                 / statistics.median(by_size[SIZES[0]][name]))
        print(f"{name:26} {'ratio':>9} {ratio:>10.1f}x  ({SIZES[-1]:,} vs {SIZES[0]:,})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    asyncio.run(main(parser.parse_args().runs))
