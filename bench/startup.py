"""How long the command line takes to start, next to a bare Python.

    python bench/startup.py [--runs 9]

1. The console's time to its first answer: `python -m bot console --now … --database
   <new file>` started with `!aide` on its standard input, timed from the start of the
   process to the first line of the answer (database opened and migrated, the answer
   written; `!aide` reads nothing of the programme, so it does not wait for the programme
   being read beside it), and the same with `!prochains`, which waits for the programme.
2. The `import` time of each sub-command's entry module (`bot.cli.<name>`, what
   `bluehats-bot <name>` imports before it runs), as `python -c "import …"`, and that of
   `bot.loaders.files`, the readers, which the process that reading workers are forked
   from imports when it starts (the console starts it first, beside its own imports, and
   its first answer waits for it).

Each is the median of `--runs` runs, given in milliseconds and as a ratio to `python -c
pass` measured the same way: the time on the wall clock, and the processor time (user and
system) the child process used, which a machine shared with other work changes much less.
For the console the processor time is that of the whole run, one answer and the exit,
without the reading process's (the console does not wait for it as it exits).
Runs alternate between the measures, so a neighbour taking the CPU for a while slows them
all alike rather than one of them. Bytecode is compiled once, in a warm-up run, into a
folder of its own (as an installed bot has it), whatever PYTHONDONTWRITEBYTECODE says.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBCOMMANDS = ("console", "programme", "reminders", "run", "config", "health")
ENVIRONMENT = {name: value for name, value in os.environ.items()
               if name != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
"""The checkout's `bot`, whatever the virtualenv has installed."""


Timing = tuple[float, float]
"""(seconds on the wall clock, seconds of processor time of the child)."""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def python(*args: str) -> Timing:
    """A Python run with `args` until it exits."""
    began, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, *args], check=True, env=ENVIRONMENT, cwd=ROOT)
    return time.perf_counter() - began, _children_cpu() - cpu


def first_answer(folder: Path, message: str) -> Timing:
    """From starting the console to the first line of its answer to `message`."""
    database = folder / f"console-{time.monotonic_ns()}.db"
    began, cpu = time.perf_counter(), _children_cpu()
    console = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--now", "2024-12-04 14:10",
         "--database", str(database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=ENVIRONMENT, cwd=ROOT, text=True)
    assert console.stdin and console.stdout
    console.stdin.write(f"{message}\n")
    console.stdin.flush()
    line = console.stdout.readline()
    elapsed = time.perf_counter() - began
    console.stdin.close()
    console.stdout.read()
    if console.wait() != 0 or not line.strip():
        raise SystemExit(f"the console did not answer (exit {console.returncode}): {line!r}")
    return elapsed, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    measures = {"python -c pass": lambda: python("-c", "pass")}
    with tempfile.TemporaryDirectory() as folder:
        ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        measures["console, first answer"] = lambda: first_answer(Path(folder), "!aide")
        measures["console, !prochains"] = lambda: first_answer(Path(folder), "!prochains")
        for name in SUBCOMMANDS:
            measures[f"import bot.cli.{name}"] = lambda name=name: python(
                "-c", f"import bot.cli.{name}")
        measures["import bot.loaders.files"] = lambda: python("-c", "import bot.loaders.files")
        for measure in measures.values():  # warm up: bytecode compiled, files in the cache
            measure()
        timings: dict[str, list[Timing]] = {label: [] for label in measures}
        for _ in range(args.runs):
            for label, measure in measures.items():
                timings[label].append(measure())
    medians = {label: (statistics.median(wall for wall, _ in values),
                       statistics.median(cpu for _, cpu in values))
               for label, values in timings.items()}
    base = medians["python -c pass"]
    print(f"{'':<26}{'wall':>8}{'ratio':>8}{'cpu':>10}{'ratio':>8}   (medians of {args.runs}; "
          "ratio: × python -c pass)")
    for label, (wall, cpu) in medians.items():
        print(f"{label:<26}{wall * 1000:>6.0f}ms{wall / base[0]:>7.1f}×"
              f"{cpu * 1000:>8.0f}ms{cpu / base[1]:>7.1f}×")


if __name__ == "__main__":
    main()
