"""The `bluehats-bot` command line: one sub-command per job, each defined by its module.

A sub-command's module is imported only when that sub-command runs (or for the full
`--help`): `bluehats-bot console` never loads the Matrix client, the web listener or the
HTTP client that `run` needs.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from bot.cli import logs

SUBCOMMANDS = ("console", "programme", "reminders", "run", "config", "health")
"""The sub-commands, each the module of `bot.cli` that adds it (`register`), in `--help`
order."""


READING_IN_A_WORKER = ("console", "run")
"""The sub-commands that read programmes in a worker process: the process workers are forked
from is started first, so that it imports the readers while the sub-command imports the
rest of the bot (`bench/startup.py`)."""


def _named(argv: Sequence[str]) -> str | None:
    """The sub-command `argv` names, if any."""
    return next((word for word in argv if word in SUBCOMMANDS), None)


def _modules(argv: Sequence[str]) -> list[str]:
    """The module of the sub-command `argv` names, or every one (`--help`, a typo)."""
    named = _named(argv)
    return [named] if named else list(SUBCOMMANDS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the sub-command `argv` names (every sub-command without `argv`)."""
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
    for name in _modules(SUBCOMMANDS if argv is None else argv):
        importlib.import_module(f"bot.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sub-command named in `argv`; its return value is the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if _named(argv) in READING_IN_A_WORKER:
        from bot.loaders.worker import start_early  # light; the other commands need not

        start_early()
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.log_format not in logs.FORMATS:
        parser.error(f"BLUEHATS_LOG_FORMAT: expected one of {', '.join(logs.FORMATS)}, "
                     f"got {args.log_format!r}")
    logs.configure(args.verbose, args.log_format)
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        if not _from_the_database(error):
            raise
        logging.getLogger("bot").error("%s", error)  # read-only file, full disk: said plainly
        return 2


def _from_the_database(error: Exception) -> bool:
    """Whether `error` is the database's (`StorageError`: a read-only file, a full disk).
    Only a sub-command that imported `bot.storage` can raise one: the others are not made to
    import it, nor aiosqlite and asyncio with it (`health`, which a container runs again and
    again, needs none of them)."""
    storage = sys.modules.get("bot.storage")
    return storage is not None and isinstance(error, storage.StorageError)
