"""`bluehats-bot console`: the bot without Matrix, in this terminal, for trying and scripting.

Interactive on a terminal; when standard input is a pipe, each line is one message and the
answers are printed, so `echo '!qui grist' | bluehats-bot console` works in scripts.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from bot.app import App
from bot.cli.assemble import open_app, start_background
from bot.commands.dispatch import handle, parse, reads_programme
from bot.commands.messages import Incoming
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, ConfigError, load_config
from bot.transports.console import ConsoleTransport
from bot.transports.follow_ups import previous_question, remember
from bot.wording.hygiene import visible

QUIT = {"quit", "exit", "quitter", ":q"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add `bluehats-bot console`."""
    parser = sub.add_parser("console", help="talk to the bot in this terminal (no Matrix needed)")
    parser.add_argument("--config", type=Path, help="configuration file (default: built-in)")
    parser.add_argument("--now", help='pretend it is this time, e.g. "2024-12-04 14:10" (Paris)')
    parser.add_argument("--user", default="@console:localhost", help="who is typing (Matrix id)")
    parser.add_argument("--name", default="Console", help="display name of who is typing")
    parser.add_argument(
        "--room",
        action="store_true",
        help="act as a public room (default: a direct chat with the bot)",
    )
    parser.add_argument("--database", type=Path, help="SQLite file (default: from configuration)")
    parser.add_argument("--demo", action="store_true",
                        help="add a demo event happening today (around --now if given)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    config = config.with_database(args.database)
    tz = config.programme.tz
    try:
        now = parse_local(args.now, tz) if args.now else None
    except ValueError:
        print(f'--now: expected a date and time like "2024-12-04 14:10", got {args.now!r}',
              file=sys.stderr)
        return 2
    clock = None if now is None else FixedClock(now, tz)
    if not args.demo:
        return asyncio.run(_session(args, config, clock))
    from bot.cli.demo import write_demo  # and its YAML writer, only for --demo

    with tempfile.TemporaryDirectory(prefix="bluehats-demo-") as folder:
        demo = write_demo(Path(folder), now or datetime.now(tz))
        programme = config.programme.model_copy(
            update={"paths": [*config.programme.paths, demo]})
        return asyncio.run(_session(args, config.model_copy(update={"programme": programme}),
                                    clock))


async def _session(args: argparse.Namespace, config: Config, clock: FixedClock | None) -> int:
    app = await open_app(config, clock)
    transport = ConsoleTransport(args.user)
    # The programme is read while the first lines are answered; a line that needs it waits.
    reading = asyncio.create_task(_read_programme(app, transport, services=not args.now))
    interactive = sys.stdin.isatty()
    room = "!public:console" if args.room else "!direct:console"
    if interactive:
        print("bluehats-bot — tapez !aide (ou !help), et « quit » pour sortir.")
    try:
        for turn in itertools.count(1):
            line = await asyncio.to_thread(_read, interactive)
            if line is None or line.strip().lower() in QUIT:
                break
            if not line.strip():
                continue
            incoming = Incoming(
                text=visible(line),
                sender=args.user,
                room=room,
                is_direct=not args.room,
                sender_name=args.name,
            )
            if reads_programme(app, incoming):
                await reading
            now = app.clock.now().timestamp()
            parsed = parse(app, incoming, await previous_question(app.storage, incoming, now))
            await transport.deliver(await handle(app, incoming, parsed=parsed))
            if parsed is not None:  # « et demain ? » on the next line follows this question
                await remember(app.storage, incoming, parsed, [f"console-{now}-{turn}"], now)
    finally:
        try:
            background = await reading  # not cut short: it may be judging a new version
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
        finally:
            if app.storage:
                await app.storage.close()
    return 0


async def _read_programme(app: App, transport: ConsoleTransport,
                          services: bool) -> list[asyncio.Task]:
    """Read the programme; then, if `services` (a real clock), start reminders and programme
    reloads, which run while you type. Returns what it started."""
    await app.reload(fetch=False)
    return start_background(app, transport) if services else []


def _read(interactive: bool) -> str | None:
    try:
        return input("> ") if interactive else sys.stdin.readline() or None
    except EOFError:
        return None
