"""How fast schedules are written and read, and how that grows with their size.

    python bench/schedules.py [--runs 5]

Builds one synthetic event of 1,000 and of 10,000 sessions (a FOSDEM is about 1,000),
writes it as schedule.xml and schedule.json and reads each file back, the way the bot
reads a schedule at start, on each reload and on each new version of a source by URL.
Prints the median per operation, per session, and the growth from 1,000 to 10,000.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from synthetic import build  # bench/ is on the path when this script runs

from bot.commands.catalog import Catalog
from bot.formats import c3voc_json, frab_xml
from bot.loaders.files import load_file
from bot.settings.config import Config

SIZES = (1_000, 10_000)


def median_ms(action, runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    found: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            programme = build(size, events=1)
            (event,) = programme.events
            agenda = Catalog(programme, Config().programme).agenda
            for name, module in (("schedule.xml", frab_xml), ("schedule.json", c3voc_json)):
                path = Path(folder) / name
                path.write_bytes(module.export(event, agenda)[0])
                write = median_ms(partial(module.export, event, agenda), args.runs)
                read = median_ms(partial(load_file, path), args.runs)
                (back,), problems, _ = load_file(path)
                assert len(back.sessions) == size and not problems
                found.setdefault((name, "write"), []).append(write)
                found.setdefault((name, "read"), []).append(read)
                print(f"{size:>6} sessions  {name:<14} write {write:8.1f} ms "
                      f"({1000 * write / size:5.1f} µs/session)  read {read:8.1f} ms "
                      f"({1000 * read / size:5.1f} µs/session)")
    for (name, what), (small, large) in found.items():
        print(f"growth 1,000 -> 10,000 sessions, {name} {what}: x{large / small:.1f}")


if __name__ == "__main__":
    main()
