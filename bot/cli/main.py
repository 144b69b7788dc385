"""The `bluehats-bot` command line: one sub-command per job, each defined by its module."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from bot.cli import logs
from bot.storage import StorageError

Registrar = Callable[[argparse._SubParsersAction], None]


def _registrars() -> list[Registrar]:
    """Each feature adds its sub-commands; imported here so `--help` lists them all."""
    from bot.cli import config, console, health, programme, reminders, run

    return [console.register, programme.register, reminders.register, run.register,
            config.register, health.register]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bluehats-bot",
        description="The BlueHats conference-programme bot for Matrix (Tchap).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    parser.add_argument("--log-format", choices=logs.FORMATS,
                        default=os.environ.get("BLUEHATS_LOG_FORMAT", "text"),
                        help="text (default) or json, one object a line "
                             "(or BLUEHATS_LOG_FORMAT)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sub-command named in `argv`; its return value is the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.log_format not in logs.FORMATS:
        parser.error(f"BLUEHATS_LOG_FORMAT: expected one of {', '.join(logs.FORMATS)}, "
                     f"got {args.log_format!r}")
    logs.configure(args.verbose, args.log_format)
    try:
        return int(args.run(args) or 0)
    except StorageError as error:  # read-only file, full disk: said plainly, no traceback
        logging.getLogger("bot").error("%s", error)
        return 2
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
