"""Round trip of a command through the bot, against a local Synapse this script starts.

    /work/venv/bin/python bench/roundtrip.py [--commands 120] [--burst 100]

1. Latency: one user sends `!next` N times, each after the previous answer arrived; the time
   from sending to the reply arriving at the user. Same for a minimal matrix-nio echo bot
   (bench/echo_bot.py) in the same run; prints median, p95 and the ratio bot/echo, for the
   bot with its encryption store (the default; its device cross-signed, which is checked
   first) and without.
2. Burst: 3 users send `--burst` commands each, as fast as they can, in one room; checks
   that each is answered exactly once; prints throughput and time to drain.

Both bots run as separate processes. The bot's pacing is set to 0 (`matrix.pace_seconds`):
on Tchap the default 1 request/s per room would dominate every figure here.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from signedjson.sign import SignatureVerifyException

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from tests.support.cross_signing_check import keys_query, verified_master
from tests.support.synapse import (
    Account,
    BotProcess,
    Human,
    Synapse,
    bot_config,
    unique,
    write_config,
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def latencies(synapse: Synapse, bots: dict[str, Account], count: int
                    ) -> dict[str, list[float]]:
    """Seconds from sending `!next` to the reply, `count` times per bot, one room each.

    The bots take turns, command by command, so that load from elsewhere on the machine
    weighs on all of them alike."""
    async with Human.connect(synapse, "bench") as human:
        rooms = {name: await human.create_room(invite=[bot.user_id])
                 for name, bot in bots.items()}
        for name, bot in bots.items():
            await human.wait_joined(rooms[name], bot.user_id, timeout=30)
        found: dict[str, list[float]] = {name: [] for name in bots}
        for turn in range(count + 3):  # the first 3 warm up
            for name in bots:
                started = time.perf_counter()
                sent = await human.send(rooms[name], "!next")
                await human.wait_for(lambda m, e=sent: m.replies_to == e, timeout=30)
                if turn >= 3:
                    found[name].append(time.perf_counter() - started)
        return found


async def burst(synapse: Synapse, bot: Account, per_user: int) -> None:
    async with Human.connect(synapse, "u1") as first, Human.connect(synapse, "u2") as second, \
            Human.connect(synapse, "u3") as third:
        users = [first, second, third]
        room = await first.create_room(invite=[bot.user_id, second.user_id, third.user_id])
        for user in users:
            await first.wait_joined(room, user.user_id if user is not first else bot.user_id,
                                    timeout=30)

        async def send_all(user: Human) -> list[str]:
            return [await user.send(room, f"!next {n}") for n in range(per_user)]

        started = time.perf_counter()
        sent = [event for events in await asyncio.gather(*map(send_all, users))
                for event in events]
        sending = time.perf_counter() - started
        wanted = set(sent)
        await first.wait_until(lambda: wanted <= {m.replies_to for m in first.messages},
                               timeout=300)
        drained = time.perf_counter() - started
        await first.settle(2)
        answers = [m.replies_to for m in first.messages if m.sender == bot.user_id]
        duplicates = len(answers) - len(set(answers))
        print(f"burst: {len(sent)} commands from 3 users sent in {sending:.2f} s; "
              f"all answered after {drained:.2f} s; throughput {len(sent) / drained:.0f} "
              f"commands/s; answered {len(wanted & set(answers))}/{len(sent)}, "
              f"duplicates {duplicates}")


def cross_signed(synapse: Synapse, bot: Account, reader: Account) -> str:
    """Whether the server serves the bot's device as cross-signed (waits up to 30 s)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            master = verified_master(keys_query(synapse, reader, bot.user_id), bot.user_id,
                                     bot.device_id)
            return f"'bot' device {bot.device_id} cross-signed (master key {master[:8]}…)"
        except (KeyError, ValueError, AssertionError, SignatureVerifyException) as error:
            if time.monotonic() > deadline:
                return f"'bot' device NOT cross-signed: {error!r}"
            time.sleep(0.5)


def report(name: str, values: list[float]) -> float:
    median = statistics.median(values)
    p95, p99 = (percentile(values, fraction) * 1000 for fraction in (0.95, 0.99))
    print(f"{name:>5}: n={len(values)} median {median * 1000:.1f} ms, "
          f"p95 {p95:.1f} ms, p99 {p99:.1f} ms")
    return median


async def main(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bluehats-bench-"))
    synapse = Synapse(folder / "synapse")
    synapse.start()
    processes: list[BotProcess | subprocess.Popen[bytes]] = []
    try:
        bots = {name: synapse.register(unique(name)) for name in ("bot", "plain", "echo")}
        for name, encryption in (("bot", True), ("plain", False)):
            config = bot_config(synapse, folder / name, bots[name],
                                allowed_servers=["localhost"], pace_seconds=0.0,
                                encryption=encryption)
            process = BotProcess(write_config(config, folder / f"{name}.yaml"),
                                 folder / f"{name}.log")
            process.start()
            processes.append(process)
        echo = bots["echo"]
        processes.append(subprocess.Popen(
            [sys.executable, str(Path(__file__).parent / "echo_bot.py"), synapse.base_url,
             echo.user_id, echo.token, echo.device_id]))
        await asyncio.sleep(2)
        print(cross_signed(synapse, bots["bot"], bots["echo"]))
        print(f"Synapse on {synapse.base_url}; bot pacing 0 s (Tchap default 1 s); "
              f"{args.commands} round trips each, taking turns; 'bot' has its encryption "
              "store on (the default), 'plain' has matrix.encryption false")
        times = await latencies(synapse, bots, args.commands)
        medians = {name: report(name, values) for name, values in times.items()}
        for name in ("bot", "plain"):
            print(f"ratio {name}/echo (medians): {medians[name] / medians['echo']:.2f} "
                  "(target <= 1.05, issue 24)")
        bot = bots["bot"]
        await burst(synapse, bot, args.burst)
    finally:
        for process in processes:
            if isinstance(process, BotProcess):
                process.stop()
            else:
                process.terminate()
                process.wait()
        synapse.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--commands", type=int, default=120)
    parser.add_argument("--burst", type=int, default=100)
    asyncio.run(main(parser.parse_args()))
