"""Try the bot by hand on a throw-away local Synapse (127.0.0.1 only).

    /work/venv/bin/python scripts/try_local.py [--dir FOLDER] [--port PORT]

Starts Synapse, registers a bot account (`@bluehats:localhost`) and a person
(`@alice:localhost`, password `alice-password`), writes `config.yaml` and a secrets file
for the bot in FOLDER, prints the command that runs the bot and how to connect with a
Matrix client, and keeps Synapse running until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import signal
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from tests.support.synapse import Synapse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--dir", type=Path, help="where to keep everything (a new folder)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bluehats-try-"))
    if folder.exists() and any(folder.iterdir()):
        parser.error(f"{folder} is not empty: give a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    synapse = Synapse(folder / "synapse")
    synapse.start()
    try:
        bot_password = secrets.token_urlsafe(12)
        bot = synapse.register("bluehats", password=bot_password, displayname="BlueHats [Bot]")
        alice = synapse.register("alice", password="alice-password", displayname="Alice [DINUM]")
        secrets_file = folder / "secrets.yaml"
        secrets_file.write_text(yaml.safe_dump({"matrix_password": bot_password}))
        secrets_file.chmod(0o600)
        config = folder / "config.yaml"
        config.write_text(yaml.safe_dump({
            "storage": {"database": "bluehats.db"},
            "matrix": {"homeserver": synapse.base_url, "user_id": bot.user_id,
                       "allowed_servers": ["localhost"], "pace_seconds": 0.2},
        }, sort_keys=False))
        print(f"""
Synapse is running on {synapse.base_url} (logs: {synapse.folder}/homeserver.log).

1. Run the bot in another terminal (it logs in once with the password, then keeps its
   session in {folder}/bluehats.db):

   BLUEHATS_SECRETS_FILE={secrets_file} bluehats-bot run --config {config}

2. Connect with a Matrix client (Element desktop, or `pip install matrix-commander`)
   to the homeserver {synapse.base_url} as {alice.user_id}, password alice-password.
   Create a room, invite {bot.user_id}, and type !aide. Rooms are unencrypted unless you
   enable encryption; the bot reads encrypted rooms too (matrix-nio[e2e] is installed).

Press Ctrl-C to stop Synapse; everything stays in {folder}.""", flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    finally:
        synapse.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
