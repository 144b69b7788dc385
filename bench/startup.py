"""How long the command line takes to start, next to a bare Python.

    python bench/startup.py [--runs 9]

1. The console's time to its first answer: `python -m bot console --now … --database
   <new file>` started with `!aide` on its standard input, timed from the start of the
   process to the first line of the answer (programme loaded, database opened and
   migrated, the answer written).
2. The `import` time of each sub-command's entry module (`bot.cli.<name>`, what
   `bluehats-bot <name>` imports before it runs), as `python -c "import …"`.

Each is the median of `--runs` runs, given in milliseconds and as a ratio to `python -c
pass` measured the same way. Runs alternate between the measures, so a neighbour taking the
CPU for a while slows them all alike rather than one of them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBCOMMANDS = ("console", "programme", "reminders", "run", "config", "health")
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}
"""The checkout's `bot`, whatever the virtualenv has installed."""


def bare() -> float:
    """Seconds for `python -c pass`."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=ENVIRONMENT)
    return time.perf_counter() - began


def imported(module: str) -> float:
    """Seconds for a Python that imports `module` and exits."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, env=ENVIRONMENT,
                   cwd=ROOT)
    return time.perf_counter() - began


def first_answer(folder: Path) -> float:
    """Seconds from starting the console to the first line of its answer to `!aide`."""
    database = folder / f"console-{time.monotonic_ns()}.db"
    began = time.perf_counter()
    console = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--now", "2024-12-04 14:10",
         "--database", str(database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=ENVIRONMENT, cwd=ROOT, text=True)
    assert console.stdin and console.stdout
    console.stdin.write("!aide\n")
    console.stdin.flush()
    line = console.stdout.readline()
    elapsed = time.perf_counter() - began
    console.stdin.close()
    console.stdout.read()
    if console.wait() != 0 or not line.strip():
        raise SystemExit(f"the console did not answer (exit {console.returncode}): {line!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    measures = {"python -c pass": bare}
    with tempfile.TemporaryDirectory() as folder:
        measures["console, first answer"] = lambda: first_answer(Path(folder))
        for name in SUBCOMMANDS:
            measures[f"import bot.cli.{name}"] = lambda name=name: imported(f"bot.cli.{name}")
        for measure in measures.values():  # warm up: bytecode compiled, files in the cache
            measure()
        timings: dict[str, list[float]] = {label: [] for label in measures}
        for _ in range(args.runs):
            for label, measure in measures.items():
                timings[label].append(measure())
    base = statistics.median(timings["python -c pass"])
    print(f"{'':<28}{'median':>10}{'× python -c pass':>20}")
    for label, values in timings.items():
        median = statistics.median(values)
        print(f"{label:<28}{median * 1000:>8.0f}ms{median / base:>19.1f}×")


if __name__ == "__main__":
    main()
