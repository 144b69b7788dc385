"""How fast the bot answers, and how that grows with the programme.

    python bench/commands.py [--runs 300] [--rounds 3]

Builds synthetic programmes of 1,000, 10,000 and 100,000 sessions over 50 events and
times the real command path (bluehats-bot's dispatcher, replies built in plain text and
HTML) for !next, !who <topic>, !who <typo>, !programme <day> and plain-sentence questions
(through the understanding layer, as a message addressed to the bot; "sentence:
programme" are those answered with a day's programme, whose long reply costs most;
"sentence: slots" questions that combine a topic, a room, a day, a part of the day, an
hour or a tense; "follow-up" a message read as the question before it with new slots,
« et demain ? » after « qui parle de grist ? », given as the transports give it).
Prints the median and p99 per command, the growth from 1,000 to 10,000 and 100,000
sessions (ratios of medians and of p99s), and for 10,000 sessions the time to build the
agenda and search index and the peak memory. Then that build at 1,000, 10,000 and 100,000
sessions in processor time (`--growth-only`: only that), per session at each size and the
ratio of 100,000 to 1,000: a build in linear time keeps it near 1.

Each command is timed in `--rounds` rounds of `--runs` calls and the round with the lowest
p99 is kept: on a machine shared with other work, a neighbour taking the CPU for a few
milliseconds makes one round's tail, the bot's own tail shows in every round.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable

from synthetic import build  # bench/ is on the path when this script runs

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import handle, parse
from bot.commands.messages import Incoming
from bot.programme.model import Programme
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config

SIZES = (1_000, 10_000, 100_000)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


SLOW_MS = 2.0
slow_calls = {"all": 0, "preempted": 0}
"""Calls over SLOW_MS, and those of them the system preempted (an involuntary context
switch during the call): on a shared machine, the second count is near the first."""


def _preemptions() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw


async def time_command(app: App, texts: list[str], runs: int,
                       previous: str | None = None) -> list[float]:
    """Milliseconds per call of each text in turn, `runs` calls in all; with `previous`
    (a question, as `Parsed.question` keeps it), each is read as following it."""
    timings = []
    for number in range(runs):
        incoming = Incoming(text=texts[number % len(texts)], sender="@bench:local", room="!r",
                            addressed=True)
        switches = _preemptions()
        began = time.perf_counter()
        out = await handle(app, incoming, parsed=parse(app, incoming, previous))
        timings.append((time.perf_counter() - began) * 1000)
        if timings[-1] > SLOW_MS:
            slow_calls["all"] += 1
            slow_calls["preempted"] += _preemptions() > switches
        assert out, incoming.text
    return timings


async def measure(size: int, runs: int, rounds: int) -> dict[str, tuple[float, float]]:
    programme = build(size)
    middle = programme.events[len(programme.events) // 2]
    app = new_app(Config(), programme, clock=FixedClock(parse_local(f"{middle.start} 10:05")))
    app.catalog  # noqa: B018 - build the index before timing queries
    day = middle.start.strftime("%d/%m/%Y")
    commands = {
        "!next": ["!prochains", "!next 5", "!prochains 3"],
        "!who <topic>": ["!qui grist", "!who tchap", "!qui démocratie", "!qui kubernetes"],
        "!who <typo>": ["!qui grsit", "!who tcahp", "!qui democratei", "!qui kubernetse"],
        "!programme <day>": [f"!programme {day}", "!programme aujourd'hui"],
        "sentence": ["qui parle de grist ?", "c'est quoi la prochaine conf ?",
                     "il se passe quoi à 16h ?", "quelque chose sur l'IA ?", "c'est où ?",
                     "what's on in salle 3 now?", "bonjour", "who talks about tchap?"],
        "sentence: programme": ["programme de demain", "c koi le prog cet aprem"],
        "sentence: slots": ["des trucs sur grist demain après-midi ?",
                            "qui parle de tchap en salle 3 ?", "j'ai loupé quoi ce matin ?",
                            "what's on in salle 2 at 3pm?", "prochain talk de la DINUM ?"],
        "follow-up": ["et demain ?", "et en salle 2 ?", "and in the afternoon?", "et à 15h ?"],
    }
    asked = Incoming(text="qui parle de grist ?", sender="@bench:local", room="!r",
                     addressed=True)
    before = {"follow-up": parse(app, asked).question}  # type: ignore[union-attr]
    results = {}
    for name, texts in commands.items():
        await time_command(app, texts, 20, before.get(name))  # warm up
        measured = []
        for _ in range(rounds):
            timings = await time_command(app, texts, runs, before.get(name))
            measured.append((percentile(timings, 0.99), statistics.median(timings)))
        p99, median = min(measured)
        results[name] = (median, p99)
    return results


def build_cost(size: int, runs: int = 5) -> tuple[float, float]:
    """(median seconds to build the agenda and index, peak MiB while building) for `size`
    sessions; the time is taken without tracemalloc, which slows allocation down."""
    programme = build(size)
    timings = _build_times(programme, runs, time.perf_counter)
    tracemalloc.start()
    new_app(Config(), programme).catalog  # noqa: B018
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(timings), peak


def _build_times(programme: Programme, runs: int, clock: Callable[[], float]) -> list[float]:
    """The times, on `clock`, of `runs` builds of the agenda and index of `programme`."""
    timings = []
    for _ in range(runs):
        began = clock()
        new_app(Config(), programme).catalog  # noqa: B018
        timings.append(clock() - began)
    return timings


def build_growth(runs: int = 3) -> None:
    """Print the agenda and index build at each size: median processor time (a neighbour
    on a shared machine slows the wall clock far more), per session, and its growth."""
    per_session = {}
    for size in SIZES:
        timings = _build_times(build(size), runs, time.process_time)
        per_session[size] = statistics.median(timings) / size * 1e6
        print(f"{size:>9,} sessions: agenda + search index built in "
              f"{statistics.median(timings):.2f} s of processor time (median of {runs}), "
              f"{per_session[size]:.1f} µs a session")
    first, last = SIZES[0], SIZES[-1]
    print(f"growth: {per_session[last] / per_session[first]:.2f}× the time a session at "
          f"{last:,} as at {first:,} (1.00: linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--growth-only", action="store_true",
                        help="only the agenda and index build at each size")
    args = parser.parse_args()
    if args.growth_only:
        build_growth()
        return
    table = {size: asyncio.run(measure(size, args.runs, args.rounds)) for size in SIZES}
    base, others = SIZES[0], SIZES[1:]
    growth = "".join(f"{f'{k} {s // 1000}k/{base // 1000}k':>15}" for k in ("med", "p99")
                     for s in others)
    print(f"{'command':<20}" + "".join(f"{f'{s:,} med':>12}{f'{s:,} p99':>12}" for s in SIZES)
          + growth)
    for name in table[base]:
        row = f"{name:<20}"
        for size in SIZES:
            median, p99 = table[size][name]
            row += f"{median:>10.3f}ms{p99:>10.3f}ms"
        for column in (0, 1):
            row += "".join(f"{table[s][name][column] / table[base][name][column]:>14.1f}x"
                           for s in others)
        print(row)
    print(f"\n{slow_calls['all']} timed calls took over {SLOW_MS:.0f} ms; the system preempted "
          f"{slow_calls['preempted']} of them (involuntary context switches)")
    seconds, peak = build_cost(10_000)
    print(f"\n10,000 sessions: agenda + search index built in {seconds * 1000:.0f} ms "
          f"(median of 5), peak memory while building {peak:.1f} MiB (tracemalloc)\n")
    build_growth()


if __name__ == "__main__":
    main()
