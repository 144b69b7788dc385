"""`bluehats-bot reminders plan`: what would be sent, when and where."""

from __future__ import annotations

import argparse
import asyncio
from datetime import date, datetime, time, timedelta
from pathlib import Path

from bot.cli.assemble import build_app
from bot.commands.messages import Outgoing
from bot.reminders.messages import render
from bot.reminders.scheduler import Scheduler
from bot.settings.clock import FixedClock, SystemClock, parse_local
from bot.settings.config import Config, ConfigError, load_config
from bot.wording.i18n import count


class _Nowhere:
    """A transport for planning only: nothing is ever delivered."""

    async def deliver(self, messages: list[Outgoing]) -> None:
        raise AssertionError("planning sends nothing")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("reminders", help="reminders: what would be sent and when")
    actions = group.add_subparsers(dest="reminders_command", required=True, metavar="ACTION")
    planner = actions.add_parser("plan", help="list the notices that would be sent")
    planner.add_argument("--config", type=Path, help="configuration file (default: built-in)")
    planner.add_argument("--now", help='pretend it is this time, e.g. "2024-12-04 09:00"')
    planner.add_argument("--day", type=date.fromisoformat, help="only this day (YYYY-MM-DD)")
    planner.add_argument(
        "--room",
        action="append",
        default=[],
        help="plan for this room id too, with the default lead (repeatable)",
    )
    planner.set_defaults(run=run_plan)


def run_plan(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as error:
        raise SystemExit(str(error)) from error
    if args.room:
        rooms = [*config.reminders.rooms, *({"room": room} for room in args.room)]
        config = config.model_validate(
            {**config.model_dump(), "reminders": {**config.reminders.model_dump(), "rooms": rooms}}
        )
    return asyncio.run(_plan(args, config))


async def _plan(args: argparse.Namespace, config: Config) -> int:
    tz = config.programme.tz
    clock = FixedClock(parse_local(args.now, tz), tz) if args.now else SystemClock(tz)
    app = await build_app(config, clock)
    try:
        scheduler = Scheduler(app, _Nowhere())
        since = clock.now()
        if args.day:
            since = max(since, datetime.combine(args.day, time(0), tz))
        notices = await scheduler.upcoming(since)
        if args.day:
            end = datetime.combine(args.day + timedelta(days=1), time(0), tz)
            notices = [n for n in notices if n.due < end]
        if not config.reminders.rooms and not notices:
            print(
                "No reminder room is configured (reminders.rooms, or --room ROOM_ID), and "
                "nobody asked for a reminder."
            )
        for notice in notices:
            target = notice.to_room or notice.to_user
            reply = render(notice, config.commands.language, tz, prefix=config.commands.prefix)
            print(f"{notice.due:%Y-%m-%d %H:%M %Z} → {target} [{notice.kind}]")
            print("  " + reply.plain.replace("\n", "\n  "))
        print(f"{count(len(notices), 'notice')}.")
    finally:
        await app.storage.close()
    return 0
