"""`bluehats-bot health [--config FILE | --url URL]`: ask the running bot's listener for
/healthz, print what each check saw, and exit 0 when all is well, 1 when not (or when the
bot does not answer): what a container's HEALTHCHECK or a monitoring script runs."""

from __future__ import annotations

import argparse
import json
import urllib.error
import urllib.request
from pathlib import Path

from bot.settings.config import ConfigError, load_config

TIMEOUT_SECONDS = 10.0
WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1"}
"""A listener on every interface is asked on the loopback one."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "health", help="ask the running bot whether it is well (exit status 0 or 1)",
        description="GET /healthz from the bot's listener (web.listen) and print each check.")
    parser.add_argument("--config", type=Path, help="the configuration the bot runs with "
                                                    "(for web.listen)")
    parser.add_argument("--url", help="the listener's base URL instead, e.g. "
                                      "http://127.0.0.1:8080")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    base = args.url
    if base is None:
        try:
            address = load_config(args.config).web.address
        except ConfigError as error:
            print(error)
            return 1
        if address is None:
            print("no listener: set web.listen (or BLUEHATS_WEB_LISTEN) for the bot, then "
                  "restart it")
            return 1
        host, port = address
        host = WILDCARDS.get(host, host)
        base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    url = base.rstrip("/") + "/healthz"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as answer:
            report = json.loads(answer.read())
    except urllib.error.HTTPError as error:
        report = json.loads(error.read() or b"{}")
    except (OSError, ValueError) as error:
        print(f"failing: {url} does not answer ({getattr(error, 'reason', error)})")
        return 1
    status = report.pop("status", "failing")
    print(f"{status}: {url}")
    for name, check in report.items():
        seen = ", ".join(f"{key}={value}" for key, value in check.items() if key != "ok")
        print(f"  {name}: {'ok' if check.get('ok') else 'FAILING'}{f' ({seen})' if seen else ''}")
    return 0 if status == "ok" else 1
