"""A local console on the command layer: the bot without Matrix, for trying and scripting.

Interactive on a terminal; when standard input is a pipe, each line is one message and the
answers are printed, so `echo '!qui grist' | bluehats-bot console` works in scripts.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TextIO

from bot.bootstrap import build_app, start_background
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, ConfigError, load_config
from bot.wording.hygiene import visible

QUIT = {"quit", "exit", "quitter", ":q"}


class ConsoleTransport:
    """Prints what the bot sends: answers as they are, other messages under a header."""

    def __init__(self, user: str, out: TextIO = sys.stdout) -> None:
        self.user = user
        self.out = out

    async def deliver(self, messages: list[Outgoing]) -> None:
        for message in messages:
            if message.to_user and message.to_user != self.user:
                header = f"[message direct à {message.to_user}]"
            elif message.to_user:
                header = "[message direct]"
            elif message.to_room:
                header = f"[salon {message.to_room}]"
            else:
                header = None
            if header:
                print(header, file=self.out)
            print(message.reply.plain, file=self.out)
            if message.reply.attachment:
                attachment = message.reply.attachment
                print(
                    f"[fichier joint : {attachment.filename}, {len(attachment.data)} octets]",
                    file=self.out,
                )
            print(file=self.out)
        self.out.flush()


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    if args.database:
        config = config.model_copy(
            update={"storage": config.storage.model_copy(update={"database": args.database})}
        )
    return asyncio.run(_session(args, config))


async def _session(args: argparse.Namespace, config: Config) -> int:
    tz = config.programme.tz
    try:
        clock = FixedClock(parse_local(args.now, tz), tz) if args.now else None
    except ValueError:
        print(
            f'--now: expected a date and time like "2024-12-04 14:10", got {args.now!r}',
            file=sys.stderr,
        )
        return 2
    app = await build_app(config, clock)
    transport = ConsoleTransport(args.user)
    # With a real clock, reminders and programme reloads run while you type.
    background = [] if args.now else start_background(app, transport)
    interactive = sys.stdin.isatty()
    room = "!public:console" if args.room else "!direct:console"
    if interactive:
        print("bluehats-bot — tapez !aide (ou !help), et « quit » pour sortir.")
    try:
        while True:
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
            await transport.deliver(await handle(app, incoming))
    finally:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        if app.storage:
            await app.storage.close()
    return 0


def _read(interactive: bool) -> str | None:
    try:
        return input("> ") if interactive else sys.stdin.readline() or None
    except EOFError:
        return None
