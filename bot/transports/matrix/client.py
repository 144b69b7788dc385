"""Connecting the bot's Matrix account: homeserver discovery, login once, restore after.

A restart is never a new device: user id, device id and token are kept in the store after
the first login. Ids are always read from the server's answer, never built from an e-mail.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp
from nio import AsyncClient, AsyncClientConfig, LoginResponse, WhoamiResponse
from nio.crypto import ENCRYPTION_ENABLED

from bot.settings.config import Config
from bot.settings.secrets import MatrixSecrets
from bot.storage import Storage
from bot.transports.matrix.bot_client import BotClient

log = logging.getLogger(__name__)

EXPIRED = "ORG_MATRIX_EXPIRED_ACCOUNT"
UNKNOWN_TOKEN = "M_UNKNOWN_TOKEN"


class LoginFailed(Exception):
    """The bot cannot log in; the message says what the operator should do."""


def explain(status_code: str | None, message: str) -> str:
    """A log line for a refused login or token, with what to do about it."""
    if status_code == EXPIRED:
        return ("the bot's account has expired (403 ORG_MATRIX_EXPIRED_ACCOUNT): renew it "
                "from the renewal e-mail sent to the account's address, then restart")
    if status_code == UNKNOWN_TOKEN:
        return ("the access token is not valid any more (M_UNKNOWN_TOKEN): set a new one in "
                "BLUEHATS_MATRIX_TOKEN or the secrets file, or give the password instead")
    return f"login refused: {status_code} {message}"


async def discover_homeserver(email: str, identity_server: str) -> str:
    """The client base URL for a Tchap e-mail address ({"hs": X} -> https://matrix.X)."""
    url = identity_server.rstrip("/") + "/_matrix/identity/api/v1/info"
    timeout = aiohttp.ClientTimeout(total=20)
    async with aiohttp.ClientSession(timeout=timeout) as session, session.get(
        url, params={"medium": "email", "address": email}
    ) as answer:
        answer.raise_for_status()
        found = (await answer.json()).get("hs")
    if not found:
        raise LoginFailed(f"{url} does not know a homeserver for {email}")
    return f"https://matrix.{found}"


def quiet_library_logs() -> None:
    """Keep matrix-nio's chatter (« handling event of type … », one line per event, logged
    at INFO) for when the bot's own log is at DEBUG; its warnings and errors still show."""
    debugging = logging.getLogger().isEnabledFor(logging.DEBUG)
    logging.getLogger("nio").setLevel(logging.DEBUG if debugging else logging.WARNING)


def crypto_store(config: Config) -> Path | None:
    """Where the encryption keys live, or None when encryption is off or not installed."""
    if not (config.matrix.encryption and ENCRYPTION_ENABLED):
        return None
    return config.matrix.crypto_store or config.storage.database.parent / "crypto"


def new_client(homeserver: str, user_id: str, store: Path | None) -> BotClient:
    """A matrix-nio client that gives rate-limit answers and network errors back to us."""
    options: dict[str, Any] = {}
    if store is not None:
        from bot.transports.matrix.crypto_store import ChangesOnlyStore  # needs nio's crypto

        store.mkdir(mode=0o700, parents=True, exist_ok=True)  # the device's keys
        options["store"] = ChangesOnlyStore
    client_config = AsyncClientConfig(
        encryption_enabled=store is not None, store_sync_tokens=False,
        max_limit_exceeded=0, max_timeouts=2, request_timeout=60, **options,
    )
    return BotClient(homeserver, user_id, store_path=str(store or ""), config=client_config)


async def connect(config: Config, secrets: MatrixSecrets, storage: Storage) -> BotClient:
    """A logged-in client: by saved session, by token, or by password (m.id.user)."""
    matrix = config.matrix
    homeserver = matrix.homeserver
    if homeserver is None:
        if matrix.email is None:
            raise LoginFailed("set matrix.homeserver, or matrix.email to find it")
        homeserver = await discover_homeserver(matrix.email, matrix.identity_server)
        log.info("homeserver for %s: %s", matrix.email, homeserver)
    store = crypto_store(config)
    client = new_client(homeserver, matrix.user_id or "", store)
    saved = {key: await storage.state.get_state(f"matrix.{key}")
             for key in ("homeserver", "user_id", "device_id", "token")}
    same_account = saved["homeserver"] == homeserver and (
        matrix.user_id in (None, saved["user_id"]))
    token = secrets.token or (saved["token"] if same_account else None)
    if token and await _restore(client, token):
        log.info("restored the session of %s (device %s)", client.user_id, client.device_id)
    elif secrets.password:
        await _password_login(client, matrix.user_id, secrets.password, matrix.device_name)
        log.info("logged in as %s, new device %s", client.user_id, client.device_id)
    else:
        await client.close()
        raise LoginFailed("no usable credentials: set BLUEHATS_MATRIX_TOKEN or "
                          "BLUEHATS_MATRIX_PASSWORD, or a secrets file (see docs/operators.md)")
    for key, value in (("homeserver", homeserver), ("user_id", client.user_id),
                       ("device_id", client.device_id), ("token", client.access_token)):
        await storage.state.set_state(f"matrix.{key}", value)
    return client


async def _restore(client: AsyncClient, token: str) -> bool:
    """Use `token`; False if the server no longer knows it (then a password may help)."""
    client.access_token = token
    answer = await client.whoami()
    if not isinstance(answer, WhoamiResponse):
        log.error(explain(answer.status_code, answer.message))
        if answer.status_code == EXPIRED:
            await client.close()
            raise LoginFailed(explain(answer.status_code, answer.message))
        client.access_token = ""
        return False
    if not answer.device_id:
        raise LoginFailed("the server did not say which device this token belongs to")
    client.restore_login(answer.user_id, answer.device_id, token)
    return True


async def _password_login(client: AsyncClient, user_id: str | None, password: str,
                          device_name: str) -> None:
    if not user_id or not user_id.startswith("@") or ":" not in user_id:
        await client.close()
        raise LoginFailed("a password login needs matrix.user_id, the full Matrix id "
                          "(@name:server) as shown in the client's settings")
    client.user = user_id
    answer = await client.login(password, device_name=device_name)
    if not isinstance(answer, LoginResponse):
        await client.close()
        raise LoginFailed(explain(answer.status_code, answer.message))
