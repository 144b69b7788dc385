"""The `bluehats-bot` command line: one sub-command per job, each defined by its module."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from bot.storage import StorageError

Registrar = Callable[[argparse._SubParsersAction], None]


def _registrars() -> list[Registrar]:
    """Each feature adds its sub-commands; imported here so `--help` lists them all."""
    from bot.cli import config, console, programme, reminders, run

    return [console.register, programme.register, reminders.register, run.register,
            config.register]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bluehats-bot",
        description="The BlueHats conference-programme bot for Matrix (Tchap).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sub-command named in `argv`; its return value is the exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.run(args) or 0)
    except StorageError as error:  # read-only file, full disk: said plainly, no traceback
        logging.getLogger("bot").error("%s", error)
        return 2
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
