"""`bluehats-bot run --config config.yaml`: the bot on Matrix until SIGTERM or SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
from collections.abc import Sequence
from pathlib import Path

from bot.app import Service
from bot.cli.assemble import background_services, build_app
from bot.settings.clock import Clock
from bot.settings.config import Config, ConfigError, load_config
from bot.settings.secrets import SecretsError, load_secrets
from bot.transports.matrix.runner import MatrixBot
from bot.web.health import Health
from bot.web.server import WebServer

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="run the bot on Matrix (Tchap)",
                            description="Log in to Matrix and answer commands until stopped "
                                        "(SIGTERM/SIGINT finish the replies under way first).")
    parser.add_argument("--config", type=Path, help="the YAML configuration file")
    parser.add_argument("--database", type=Path,
                        help="the SQLite file (default: storage.database, else "
                             "BLUEHATS_DATABASE, else bluehats.db next to the configuration)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Everything the bot writes (database, encryption keys, key file) is its own alone.
    os.umask(0o077)
    try:
        config = load_config(args.config)
    except ConfigError as error:
        log.error("%s", error)
        return 2
    return asyncio.run(_serve(config.with_database(args.database)))


async def matrix_bot(config: Config, clock: Clock | None = None,
                     services: Sequence[Service] = ()) -> MatrixBot:
    """The bot on the configured Matrix account, its app built, ready to `run()`."""
    secrets = load_secrets(config.matrix.secrets_file)  # before anything is opened
    return MatrixBot(config, await build_app(config, clock), secrets, services)


async def _serve(config: Config) -> int:
    try:
        bot = await matrix_bot(config, services=background_services(config))
    except SecretsError as error:
        log.error("%s", error)
        return 2
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, bot.request_stop)
    address = config.web.address
    if address is None:
        return await bot.run()
    listener = WebServer(Health(bot.app, bot.last_sync))
    try:
        await listener.start(*address)
    except OSError as error:
        log.error("cannot listen on %s (web.listen): %s", config.web.listen, error.strerror)
        await bot.app.storage.close()
        return 2
    try:
        return await bot.run()
    finally:
        await listener.stop()
