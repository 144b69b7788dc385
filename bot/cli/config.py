"""`bluehats-bot config check [--config FILE]`: is this configuration ready for `run`?

Beyond the validation every start does (`bot.settings.config.load_config`), it checks what only the
machine can tell: the programme paths exist, the database folder is writable, the Matrix
secrets are there, the files of secrets (secrets file, cross-signing key file, database,
encryption keys) are the bot's alone.
It prints OK, or each problem on its own line (exit status 1).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bot.loaders.files import load_paths
from bot.settings.config import Config, ConfigError, load_config
from bot.settings.secrets import SecretsError, load_secrets, secrets_file
from bot.wording.i18n import count


def register(sub: argparse._SubParsersAction) -> None:
    config = sub.add_parser("config", help="check a configuration file")
    actions = config.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="validate a configuration for `run` and print OK or each problem",
        description="Validate the file, then check programme paths, the database folder "
                    "and the Matrix secrets (environment or secrets file).")
    check.add_argument("--config", type=Path, help="the YAML configuration file "
                                                    "(default: the embedded defaults)")
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error)
        return 1
    problems, notes = check(config)
    for problem in problems:
        print(f"problem: {problem}")
    for note in notes:
        print(f"note: {note}")
    if problems:
        return 1
    print(f"OK: {args.config or 'embedded defaults'}")
    return 0


def check(config: Config, env: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """(problems that stop `run`, notes worth reading) for a valid configuration."""
    problems: list[str] = []
    notes: list[str] = []
    for path in config.programme.paths:
        if not path.exists():
            problems.append(f"programme.paths: {path} does not exist; expected a file or "
                            "folder of programme pages")
    if not problems:
        events = load_paths(config.programme.paths, config.programme.tz).events
        notes.append(f"programme: {count(len(events), 'event')} read "
                     "(`bluehats-bot programme check` lists what the pages say)")
    problems += _writable("storage.database", config.storage.database)
    if config.matrix.crypto_store is not None:
        problems += _writable("matrix.crypto_store", config.matrix.crypto_store / "x")
    problems += _matrix(config, env, notes)
    if not config.limits.flood_control:
        notes.append("limits.flood_control: off; expected true for a bot in a real room")
    return problems, notes


def _writable(key: str, file: Path) -> list[str]:
    """The file can be created or written: its folder exists and the bot may write there."""
    folder = file.parent
    if not folder.is_dir():
        return [f"{key}: the folder {folder} does not exist; expected an existing, writable "
                "folder"]
    if file.exists() and not os.access(file, os.W_OK):
        return [f"{key}: {file} is read-only; expected a file the bot may write"]
    if not os.access(folder, os.W_OK | os.X_OK):
        return [f"{key}: the folder {folder} is not writable; expected a folder the bot may "
                "write (SQLite adds -wal and -shm files next to the database)"]
    return []


def _matrix(config: Config, env: dict[str, str] | None, notes: list[str]) -> list[str]:
    matrix = config.matrix
    problems = []
    if matrix.homeserver is None and matrix.email is None:
        problems.append("matrix.homeserver: missing; expected the homeserver's URL, e.g. "
                        "https://matrix.agent.dinum.tchap.gouv.fr (or matrix.email)")
    try:
        secrets = load_secrets(matrix.secrets_file, env)
    except SecretsError as error:
        return [*problems, f"secrets: {error}"]
    if secrets.token is None and secrets.password is None:
        problems.append("secrets: no access token nor password; expected "
                        "BLUEHATS_MATRIX_TOKEN or BLUEHATS_MATRIX_PASSWORD in the environment, "
                        "or a secrets file (matrix.secrets_file / BLUEHATS_SECRETS_FILE)")
    elif secrets.token is None and matrix.user_id is None:
        problems.append("matrix.user_id: missing; expected the bot's full Matrix id, "
                        "needed to log in with a password")
    notes += too_open(config, secrets_file(matrix.secrets_file, env))
    return problems


def too_open(config: Config, secrets: Path | None) -> list[str]:
    """A note for each file of secrets that others than the bot's user may read: the
    secrets and cross-signing key files, the database (it holds the access token) with its
    WAL files, and the folder of the encryption keys."""
    database = config.storage.database
    files = [("secrets file", secrets), ("cross-signing key file", config.cross_signing_key_file),
             *(("database", Path(f"{database}{end}")) for end in ("", "-wal", "-shm"))]
    notes = [f"{what} {file} is readable by others; run chmod 600 {file}"
             for what, file in files if file is not None and _open(file)]
    keys = config.matrix.crypto_store or database.parent / "crypto"
    if keys.is_dir() and _open(keys):
        notes.append(f"encryption keys folder {keys} is open to others; run chmod 700 {keys}")
    return notes


def _open(path: Path) -> bool:
    """Whether the group or others have any right on `path`."""
    return path.exists() and bool(path.stat().st_mode & 0o077)
