"""The bot's Matrix secrets: from the environment or a secrets file, never from config.yaml.

Environment: BLUEHATS_MATRIX_TOKEN, BLUEHATS_MATRIX_PASSWORD, BLUEHATS_CROSS_SIGNING_KEY
(the cross-signing recovery key, see bot/transports/matrix/cross_signing.py) and
BLUEHATS_SECRETS_FILE (a YAML file with `matrix_token`, `matrix_password`,
`cross_signing_key`). The environment wins over the file;
the file named by BLUEHATS_SECRETS_FILE wins over `matrix.secrets_file` in the config.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

TOKEN_VAR = "BLUEHATS_MATRIX_TOKEN"
PASSWORD_VAR = "BLUEHATS_MATRIX_PASSWORD"
CROSS_SIGNING_VAR = "BLUEHATS_CROSS_SIGNING_KEY"
FILE_VAR = "BLUEHATS_SECRETS_FILE"


class SecretsError(Exception):
    """The secrets file cannot be read or is not what it should be."""


@dataclass(frozen=True)
class MatrixSecrets:
    token: str | None = None
    password: str | None = None
    cross_signing_key: str | None = None

    def __repr__(self) -> str:  # never print a secret in a log or a traceback
        return (f"MatrixSecrets(token={'set' if self.token else None}, "
                f"password={'set' if self.password else None}, "
                f"cross_signing_key={'set' if self.cross_signing_key else None})")


def load_secrets(configured_file: Path | None = None,
                 env: Mapping[str, str] | None = None) -> MatrixSecrets:
    """The token, password and cross-signing recovery key, from `env` (default:
    os.environ) or the secrets file."""
    env = os.environ if env is None else env
    path = secrets_file(configured_file, env)
    from_file = _read_file(path) if path is not None else {}
    return MatrixSecrets(
        token=env.get(TOKEN_VAR) or from_file.get("matrix_token"),
        password=env.get(PASSWORD_VAR) or from_file.get("matrix_password"),
        cross_signing_key=env.get(CROSS_SIGNING_VAR) or from_file.get("cross_signing_key"),
    )


def secrets_file(configured_file: Path | None = None,
                 env: Mapping[str, str] | None = None) -> Path | None:
    """The secrets file in use: BLUEHATS_SECRETS_FILE if set, else the configured one."""
    env = os.environ if env is None else env
    return Path(env[FILE_VAR]) if env.get(FILE_VAR) else configured_file


def _read_file(path: Path) -> dict[str, str]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise SecretsError(f"cannot read the secrets file {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise SecretsError(f"the secrets file {path} is not valid YAML") from error
    known = {"matrix_token", "matrix_password", "cross_signing_key"}
    if not isinstance(raw, dict) or not set(raw) <= known:
        raise SecretsError(f"the secrets file {path} must be a mapping with only the keys "
                           f"{', '.join(sorted(known))}")
    return {key: str(value) for key, value in raw.items() if value}
