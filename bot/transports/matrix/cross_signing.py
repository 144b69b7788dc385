"""Cross-signing the bot's own device, so that Element-based clients (Tchap) trust it.

Element-based clients exclude devices their owner has not cross-signed (MSC4153). At each
start with encryption on, `ensure_cross_signed` makes sure the homeserver serves the chain
device key ← self-signing key ← master key for the bot:
- no master key on the server yet: the three keys (master, self-signing, user-signing) are
  generated — or taken from the recovery key the operator gave — saved, then uploaded
  (a first upload needs no user-interactive auth, MSC3967; a refused one is retried with
  the password, m.login.password);
- the server has our master key: nothing is uploaded again;
- the server has another master key (keys lost, or reset elsewhere): with the password the
  identity is replaced by ours (password UIA); without it, or refused, the bot runs
  unsigned, says what to do, and does not try again before its next start;
- then the device key the server serves is checked, and signed with the self-signing key
  when its signature is missing or wrong. What counts is what the server serves afterwards.

The private keys are the **recovery key**: `bhcs1:` followed by the unpadded base64 of the
three 32-byte ed25519 seeds (master, self-signing, user-signing). It comes from the
operator (BLUEHATS_CROSS_SIGNING_KEY or `cross_signing_key` in the secrets file), else from
the key file the bot writes at its first bootstrap (mode 0600, next to the database).
It is not Element's secret storage (SSSS): a copy of the key file or the variable is what
re-deploys the bot under the same identity.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from nio import AsyncClient
from signedjson.key import (
    decode_signing_key_base64,
    decode_verify_key_base64,
    encode_verify_key_base64,
    generate_signing_key,
    get_verify_key,
)
from signedjson.sign import SignatureVerifyException, sign_json, verify_signed_json
from signedjson.types import SigningKey, VerifyKey
from unpaddedbase64 import decode_base64, encode_base64

from bot.settings.config import Config
from bot.settings.secrets import MatrixSecrets
from bot.transports.matrix.sending import NETWORK_ERRORS

log = logging.getLogger(__name__)

PREFIX = "bhcs1:"
USAGES = ("master", "self_signing", "user_signing")
KEYS_API = "/_matrix/client/v3/keys"
TRIES = 5
"""Requests answered 429 or 5xx (or not at all) are tried this many times."""


class CrossSigningError(Exception):
    """A recovery key that cannot be read, or a homeserver that refuses the keys."""


class Status(Enum):
    """What `ensure_cross_signed` found and did."""

    VERIFIED = "already cross-signed"
    SIGNED = "device signed with the existing self-signing key"
    BOOTSTRAPPED = "cross-signing keys created and uploaded, device signed"
    RESET = "cross-signing identity replaced (the server had other keys), device signed"
    KEYS_UNKNOWN = "the server has cross-signing keys the bot does not have"
    NEEDS_PASSWORD = "the server asks for the account's password (BLUEHATS_MATRIX_PASSWORD) " \
                     "to take the keys, and has none or refused it"
    FAILED = "cross-signing failed"

    @property
    def ok(self) -> bool:
        return self in (Status.VERIFIED, Status.SIGNED, Status.BOOTSTRAPPED, Status.RESET)


@dataclass(frozen=True)
class CrossSigningKeys:
    """The three private keys; `str()` never shows them."""

    master: SigningKey
    self_signing: SigningKey
    user_signing: SigningKey

    @classmethod
    def generate(cls) -> CrossSigningKeys:
        return cls(*(_versioned(generate_signing_key("new").encode()) for _ in USAGES))

    @classmethod
    def from_recovery_key(cls, text: str) -> CrossSigningKeys:
        text = text.strip()
        try:
            if not text.startswith(PREFIX):
                raise ValueError(f"does not start with {PREFIX}")
            seeds = decode_base64(text.removeprefix(PREFIX))
            if len(seeds) != 32 * len(USAGES):
                raise ValueError(f"holds {len(seeds)} bytes, not {32 * len(USAGES)}")
        except ValueError as error:  # binascii.Error is a ValueError
            raise CrossSigningError(f"the cross-signing recovery key is not valid "
                                    f"({error}); expected {PREFIX}<base64>") from None
        return cls(*(_versioned(seeds[32 * n:32 * (n + 1)]) for n in range(len(USAGES))))

    def recovery_key(self) -> str:
        return PREFIX + encode_base64(b"".join(key.encode() for key in self._keys()))

    def _keys(self) -> tuple[SigningKey, SigningKey, SigningKey]:
        return self.master, self.self_signing, self.user_signing

    def public(self, key: SigningKey) -> str:
        return encode_verify_key_base64(get_verify_key(key))

    def upload_body(self, user_id: str) -> dict[str, Any]:
        """The body of `keys/device_signing/upload`: SSK and USK signed by the master key."""
        body = {}
        for usage, key in zip(USAGES, self._keys(), strict=True):
            public = self.public(key)
            signed = {"user_id": user_id, "usage": [usage],
                      "keys": {f"ed25519:{public}": public}}
            if key is not self.master:
                signed = sign_json(signed, user_id, self.master)
            body[f"{usage}_key"] = signed
        return body

    def __repr__(self) -> str:
        return f"CrossSigningKeys(master=ed25519:{self.public(self.master)})"


def _versioned(seed: bytes) -> SigningKey:
    """The signing key of `seed`, its key id being its public key (unpadded base64)."""
    key = decode_signing_key_base64("ed25519", "_", encode_base64(seed))
    key.version = encode_verify_key_base64(get_verify_key(key))
    return key


@dataclass(frozen=True)
class KeyStore:
    """Where the keys come from: the operator's recovery key, else the bot's key file."""

    path: Path
    recovery_key: str | None = None

    def load(self) -> CrossSigningKeys | None:
        if self.recovery_key:
            return CrossSigningKeys.from_recovery_key(self.recovery_key)
        try:
            text = self.path.read_text(encoding="ascii")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            raise CrossSigningError(f"cannot read the key file {self.path}: {error}") from None
        if self.path.stat().st_mode & 0o077:
            log.warning("the cross-signing key file %s is readable by others: chmod 600 it",
                        self.path)
        return CrossSigningKeys.from_recovery_key(text)

    def save(self, keys: CrossSigningKeys) -> None:
        """Write the key file (mode 0600, replaced atomically); not when the operator gave
        the recovery key, which then stays wherever they keep it."""
        if self.recovery_key:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as out:
            out.write(keys.recovery_key() + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, self.path)


async def ensure_cross_signed(client: AsyncClient, user_id: str, device_id: str, *,
                              password: str | None, key_store: KeyStore) -> Status:
    """Make the homeserver serve this device as cross-signed by its owner; see the module
    docstring. Never raises for a server or network failure: it logs and says FAILED."""
    try:
        status = await _Signing(client, user_id, device_id, password).run(key_store)
    except (CrossSigningError, *NETWORK_ERRORS) as error:
        log.error("cross-signing: %s", error)
        return Status.FAILED
    (log.info if status.ok else log.warning)("cross-signing: %s (device %s)",
                                             status.value, device_id)
    return status


class _Signing:
    """One run of `ensure_cross_signed`, with its HTTP requests."""

    def __init__(self, client: AsyncClient, user_id: str, device_id: str,
                 password: str | None) -> None:
        self.client = client
        self.user_id = user_id
        self.device_id = device_id
        self.password = password

    async def run(self, key_store: KeyStore) -> Status:
        served = await self._query()
        keys = key_store.load()
        server_master = _only_key(served.get("master_keys", {}).get(self.user_id))
        uploaded: Status | None = None
        if server_master is None or keys is None or server_master != keys.public(keys.master):
            if server_master is not None and not self.password:
                log.warning("cross-signing: the server has the master key %s; give the "
                            "recovery key (BLUEHATS_CROSS_SIGNING_KEY) that matches it, or "
                            "the password (BLUEHATS_MATRIX_PASSWORD) to replace it",
                            server_master)
                return Status.KEYS_UNKNOWN
            keys = keys or CrossSigningKeys.generate()
            key_store.save(keys)  # before uploading: never a server key we do not have
            if not await self._upload_keys(keys):
                return Status.NEEDS_PASSWORD
            uploaded = Status.BOOTSTRAPPED if server_master is None else Status.RESET
            served = await self._query()
        if self._device_signed(served, keys):
            return uploaded or Status.VERIFIED
        device = served.get("device_keys", {}).get(self.user_id, {}).get(self.device_id)
        if device is None:
            raise CrossSigningError(f"the server serves no keys for device {self.device_id}")
        await self._sign_device(device, keys)
        if not self._device_signed(await self._query(), keys):
            raise CrossSigningError("the server does not serve the device signature it "
                                    "accepted")
        return uploaded or Status.SIGNED

    def _device_signed(self, served: dict[str, Any], keys: CrossSigningKeys) -> bool:
        """Whether the server serves device ← our self-signing key ← our master key."""
        return chain_verifies(served, self.user_id, self.device_id,
                              keys.public(keys.master), keys.public(keys.self_signing))

    async def _query(self) -> dict[str, Any]:
        return await self._post("/query", {"device_keys": {self.user_id: []}})

    async def _upload_keys(self, keys: CrossSigningKeys) -> bool:
        """Upload the public keys; False if the server wants a password the bot lacks."""
        body = keys.upload_body(self.user_id)
        status, answer = await self._request("/device_signing/upload", body)
        if status == 401 and self.password:  # user-interactive auth
            body["auth"] = {"type": "m.login.password", "session": answer.get("session"),
                            "identifier": {"type": "m.id.user", "user": self.user_id},
                            "password": self.password}
            status, answer = await self._request("/device_signing/upload", body)
        if status == 401:
            # Not tried again before the next start: repeated wrong passwords can lock the
            # account, and a reset approved in an account page needs the operator anyway.
            log.warning("cross-signing: the server wants %s to replace the keys: %s",
                        "the right password" if self.password else "the password",
                        answer.get("msg") or answer.get("error") or answer.get("flows"))
            return False
        if status != 200:
            raise CrossSigningError(f"keys/device_signing/upload refused: {status} "
                                    f"{answer.get('errcode')} {answer.get('error', '')}")
        return True

    async def _sign_device(self, device: dict[str, Any], keys: CrossSigningKeys) -> None:
        signed = sign_json(dict(device), self.user_id, keys.self_signing)
        answer = await self._post("/signatures/upload",
                                  {self.user_id: {self.device_id: signed}})
        if answer.get("failures"):
            raise CrossSigningError(f"keys/signatures/upload failed: {answer['failures']}")

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        status, answer = await self._request(path, body)
        if status != 200:
            raise CrossSigningError(f"keys{path}: {status} {answer.get('errcode')} "
                                    f"{answer.get('error', '')}")
        return answer

    async def _request(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """POST `body`; 429, 5xx and network errors are tried again, up to TRIES times."""
        status, answer, pause = 0, {}, 0.5
        for attempt in range(TRIES):
            if attempt:
                await asyncio.sleep(min(answer.get("retry_after_ms", pause * 1000) / 1000, 30))
                pause = min(pause * 2, 8.0)
            try:
                status, answer = await self._post_once(path, body)
            except NETWORK_ERRORS:
                if attempt == TRIES - 1:
                    raise
                status, answer = 0, {}
                continue
            if status != 429 and status < 500:
                break
        return status, answer

    async def _post_once(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        headers = {"Authorization": f"Bearer {self.client.access_token}",
                   "Content-Type": "application/json"}
        async with await self.client.send("POST", KEYS_API + path, json.dumps(body),
                                          headers) as response:
            try:
                answer = await response.json(content_type=None)
            except ValueError:  # not JSON: a proxy's error page
                answer = {}
            return response.status, answer if isinstance(answer, dict) else {}


def _only_key(key_object: dict[str, Any] | None) -> str | None:
    """The public key of a cross-signing key object (it holds exactly one)."""
    if not key_object or len(key_object.get("keys", {})) != 1:
        return None
    return next(iter(key_object["keys"].values()))


def chain_verifies(served: dict[str, Any], user_id: str, device_id: str,
                   master: str, self_signing: str) -> bool:
    """Whether a `keys/query` answer serves `master` as the master key, `self_signing` as
    the self-signing key signed by it, and the device's keys signed by `self_signing`."""
    ssk_object = served.get("self_signing_keys", {}).get(user_id)
    device = served.get("device_keys", {}).get(user_id, {}).get(device_id)
    if (_only_key(served.get("master_keys", {}).get(user_id)) != master
            or _only_key(ssk_object) != self_signing or device is None):
        return False
    try:
        verify_signed_json(ssk_object, user_id, _verify_key(master))
        verify_signed_json(device, user_id, _verify_key(self_signing))
    except SignatureVerifyException:
        return False
    return True


def _verify_key(public: str) -> VerifyKey:
    return decode_verify_key_base64("ed25519", public, public)


def key_store(config: Config, secrets: MatrixSecrets) -> KeyStore:
    """The operator's recovery key if given, else the key file (default: next to the
    database)."""
    return KeyStore(config.cross_signing_key_file, secrets.cross_signing_key)
