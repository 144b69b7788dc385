"""How long loading programmes takes.

    python bench/load.py [--runs 50] [--big-runs 5]

1. all of bot/data/ (four pages and a structured file), the way the bot loads it at start and
   on every reload: median and p95 over the runs (target: median under 100 ms);
2. pages of about 250 kB, 500 kB and 1 MB (a long programme of day headings, hour
   headings, bullets and a table, built here): median over their runs (target: 1 MB under
   1 s), and how time grows with size (linear: 1 MB takes about 4 times 250 kB).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.loaders.files import load_file, load_paths

ROOT = Path(__file__).resolve().parent.parent


def big_page(size: int = 1_000_000) -> str:
    """A page of about `size` characters, in the layouts real pages use."""
    parts = ["---", "title: Un très long programme", "event_start_date: 2025-01-06", "---", ""]
    day = 0
    while sum(len(p) + 1 for p in parts) < size:
        day += 1
        parts.append(f"## {day % 28 + 1} janvier 2025 de 9h à 18h\n")
        for hour in range(9, 18):
            parts.append(f"#### {hour}h\n")
            for n in range(3):
                parts.append(
                    f"* **Retour d'expérience {day}-{hour}-{n} sur [Grist](https://grist.example/"
                    f"a_(b)) dans l'administration** - *Jeanne Dupont et Paul Martin, "
                    f"[DINUM](https://www.numerique.gouv.fr/)*"
                )
            parts.append("")
        parts.append("| Horaire | Atelier | Intervenant·e·s |\n|---|---|---|")
        parts.extend(f"| {h}h-{h}h45 | Atelier {day}-{h} | Luc Petit (Etalab) |" for h in (9, 14))
        parts.append("")
    return "\n".join(parts)


def forget() -> None:
    """Empty the loader's bounded caches (texts already read: a line's hours, its plain
    text, folded words), so that each run of a page reads it as its first reading does,
    not from what the run before left; the caches of fixed data (CLDR names, the
    renderer) stay, as they do in the bot."""
    for name, module in list(sys.modules.items()):
        if name.startswith("bot."):
            for value in vars(module).values():
                if hasattr(value, "cache_parameters") and value.cache_parameters()["maxsize"]:
                    value.cache_clear()


def timed(action, runs: int, clock=time.perf_counter) -> list[float]:
    """Sorted timings of `action` in ms, by `clock` (wall time; `time.process_time` for
    the CPU time of this process, which other work on a shared machine inflates less),
    each run with the loader's caches emptied first (`forget`)."""
    timings = []
    for _ in range(runs):
        forget()
        began = clock()
        action()
        timings.append((clock() - began) * 1000)
    return sorted(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--big-runs", type=int, default=5)
    args = parser.parse_args()
    programme = load_paths([ROOT / "bot" / "data"])  # warm up imports and the file cache
    timings = timed(lambda: load_paths([ROOT / "bot" / "data"]), args.runs)
    print(f"bot/data/: {len(programme.events)} events, {len(programme.sessions)} sessions")
    print(
        f"load time over {args.runs} runs: median {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms, max {timings[-1]:.1f} ms"
    )
    medians = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (250_000, 500_000, 1_000_000):
            page = Path(folder) / f"long-programme-{size}.md"
            page.write_text(big_page(size), encoding="utf-8")
            events, _, _ = load_file(page)
            big = timed(lambda page=page: load_file(page), args.big_runs)
            cpu = timed(lambda page=page: load_file(page), args.big_runs, time.process_time)
            medians[size] = statistics.median(big)
            print(
                f"{page.stat().st_size / 1_000_000:.2f} MB page: {len(events[0].sessions)} "
                f"sessions, load time over {args.big_runs} runs: median {medians[size]:.0f} ms, "
                f"max {big[-1]:.0f} ms (CPU median {statistics.median(cpu):.0f} ms)"
            )
    print(
        f"growth: 500 kB / 250 kB x{medians[500_000] / medians[250_000]:.2f}, "
        f"1 MB / 250 kB x{medians[1_000_000] / medians[250_000]:.2f} (linear: x2, x4)"
    )

if __name__ == "__main__":
    main()
