"""Try the bot by hand on a throw-away local Synapse (127.0.0.1 only).

    python scripts/try_local.py [--dir FOLDER] [--port PORT]

Needs the `test` extra, which brings Synapse: `pip install -e '.[test]'` (about two
minutes on a fresh virtualenv). Starts Synapse on PORT (default: a free one), registers a
bot account (`@bluehats:localhost`) and a person (`@alice:localhost`, password
`alice-password`), and writes into FOLDER (default: a new temporary folder) the bot's
`config.yaml`, its secrets file and a demo programme happening today. It prints the
command that runs the bot and how to connect with a Matrix client, and keeps Synapse
running until Ctrl-C; FOLDER stays, to be deleted by hand. If anything fails before that,
Synapse is stopped and the folder it made is deleted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import secrets
import shutil
import signal
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere

NEEDED = {"synapse": "matrix-synapse", "nio": "matrix-nio", "bot": "bluehats-bot"}


def missing() -> list[str]:
    """The packages this script needs that are not installed."""
    return [package for module, package in NEEDED.items()
            if importlib.util.find_spec(module) is None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     epilog="Needs the test extra: pip install -e '.[test]'")
    parser.add_argument("--dir", type=Path, help="where to keep everything (a new or empty "
                                                 "folder; default: a new temporary one)")
    parser.add_argument("--port", type=int, help="Synapse's port on 127.0.0.1 (default: a "
                                                 "free one)")
    args = parser.parse_args()
    absent = missing()
    if absent:
        print(f"missing: {', '.join(absent)}; install the test extra first, from {ROOT}:\n"
              f"  pip install -e '.[test]'", file=sys.stderr)
        return 2
    if args.dir and args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"{args.dir} is not empty: give a new folder")
    made = args.dir is None or not args.dir.exists()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bluehats-try-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        synapse, bot_id, config = prepare(folder, args.port)
    except BaseException as error:
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"failed: {error}" + (f"; {folder} deleted" if made else ""), file=sys.stderr)
        return 1
    try:
        print(f"""
Synapse is running on {synapse.base_url} (logs: {synapse.folder}/homeserver.log).

1. Run the bot in another terminal, in the same virtualenv (it logs in once with the
   password, then keeps its session in {folder}/bluehats.db):

   bluehats-bot run --config {config}

   `bluehats-bot health --config {config}` then says whether it is well.

2. Connect with a Matrix client (Element desktop, or `pip install matrix-commander`) to
   the homeserver {synapse.base_url} as @alice:localhost, password alice-password.
   Create a room, invite {bot_id}, and type !aide, or « c'est quoi la prochaine
   session ? »: the demo programme ({folder}/demo-programme.yaml) happens today.

Press Ctrl-C to stop Synapse; everything stays in {folder} (rm -r it when done).""",
              flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        with contextlib.suppress(KeyboardInterrupt):
            while True:  # not signal.pause(): a Ctrl-C just before it would be lost
                time.sleep(1)
    finally:
        synapse.stop()
    return 0


def prepare(folder: Path, port: int | None) -> tuple[object, str, Path]:
    """Start Synapse, register the accounts, write the bot's files; (Synapse, bot id,
    configuration file). Synapse is stopped again if a later step fails."""
    from bot.cli.demo import write_demo
    from bot.settings.clock import PARIS
    from bot.settings.config import SHIPPED_DATA
    from tests.support.synapse import Synapse, free_port

    synapse = Synapse(folder / "synapse", port=port)
    synapse.start()
    try:
        bot_password = secrets.token_urlsafe(12)
        bot = synapse.register("bluehats", password=bot_password)
        synapse.register("alice", password="alice-password", displayname="Alice [DINUM]")
        secrets_file = folder / "secrets.yaml"
        secrets_file.write_text(yaml.safe_dump({"matrix_password": bot_password}))
        secrets_file.chmod(0o600)
        demo = write_demo(folder, datetime.now(PARIS))  # the programme's wall clock
        listen = f"127.0.0.1:{free_port()}"
        config = folder / "config.yaml"
        config.write_text(yaml.safe_dump({
            "programme": {"paths": [str(SHIPPED_DATA), demo.name]},
            "storage": {"database": "bluehats.db"},
            "matrix": {"homeserver": synapse.base_url, "user_id": bot.user_id,
                       "secrets_file": secrets_file.name, "allowed_servers": ["localhost"],
                       "pace_seconds": 0.2, "display_name": "BlueHats [Bot]",
                       "greeting": True},
            "limits": {"flood_control": True},
            "web": {"listen": listen, "public_url": f"http://{listen}"},
        }, sort_keys=False, allow_unicode=True))
    except BaseException:
        synapse.stop()
        raise
    return synapse, bot.user_id, config


if __name__ == "__main__":
    raise SystemExit(main())
