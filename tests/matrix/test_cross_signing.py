"""Cross-signing against a real Synapse: what a second client fetches from `/keys/query`
must verify as device ← self-signing key ← master key (checked with signedjson directly,
not with the bot's code: tests/support/cross_signing_check.py)."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.transports.matrix.cross_signing import CrossSigningKeys, Status
from tests.support.cross_signing_check import keys_query, verified_master
from tests.support.synapse import Synapse, bot_config, running_bot, unique

pytestmark = pytest.mark.synapse


async def cross_signing_done(bot: Any) -> Status:
    for _ in range(300):
        if bot.cross_signing is not None:
            return bot.cross_signing
        await asyncio.sleep(0.05)
    raise TimeoutError("the bot did not finish its cross-signing check in 15 s")


def secrets(folder: Path, **values: str) -> None:
    (folder / "secrets.yaml").write_text(yaml.safe_dump(values))


def upload_elsewhere(synapse: Synapse, account: Any, keys: CrossSigningKeys) -> None:
    """The account's cross-signing keys uploaded by another client (a first upload: no
    user-interactive auth)."""
    upload = urllib.request.Request(
        synapse.base_url + "/_matrix/client/v3/keys/device_signing/upload", method="POST",
        data=json.dumps(keys.upload_body(account.user_id)).encode(),
        headers={"Authorization": f"Bearer {account.token}",
                 "Content-Type": "application/json"})
    urllib.request.urlopen(upload, timeout=10).close()


async def test_first_start_cross_signs_and_a_restart_keeps_the_same_keys(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"))
    reader = synapse.register(unique("reader"))
    config = bot_config(synapse, tmp_path, account)
    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.BOOTSTRAPPED
        device = bot.client.device_id
    served = keys_query(synapse, reader, account.user_id)
    master = verified_master(served, account.user_id, device)
    key_file = tmp_path / "cross-signing.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert master in repr(CrossSigningKeys.from_recovery_key(key_file.read_text()))

    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.VERIFIED  # nothing uploaded again
        assert bot.client.device_id == device
    again = keys_query(synapse, reader, account.user_id)
    assert verified_master(again, account.user_id, device) == master
    assert again["self_signing_keys"] == served["self_signing_keys"]


async def test_an_unsigned_device_is_signed_with_the_operators_recovery_key(
    synapse: Synapse, tmp_path: Path
) -> None:
    """The identity exists on the server (uploaded before, e.g. by a bot killed before it
    signed its device, or a redeployment): the operator gives its recovery key; the bot
    signs its device with it and uploads no new keys."""
    account = synapse.register(unique("bot"))
    keys = CrossSigningKeys.generate()
    upload_elsewhere(synapse, account, keys)
    config = bot_config(synapse, tmp_path, account)
    secrets(tmp_path, matrix_token=account.token, cross_signing_key=keys.recovery_key())
    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.SIGNED
        device = bot.client.device_id
    served = keys_query(synapse, synapse.register(unique("reader")), account.user_id)
    assert verified_master(served, account.user_id, device) == keys.public(keys.master)
    assert not (tmp_path / "cross-signing.key").exists()  # the operator keeps it


async def test_a_new_device_of_the_bot_is_signed_without_new_keys(
    synapse: Synapse, tmp_path: Path
) -> None:
    """The crypto store and database are lost: the bot logs in again (a new device) and
    signs it with the keys it kept in its key file."""
    account = synapse.register(unique("bot"), password="bot-password")
    reader = synapse.register(unique("reader"))
    key_file = tmp_path / "keys" / "cross-signing.key"
    first = bot_config(synapse, tmp_path / "first", account,
                       cross_signing_key_file=str(key_file))
    async with running_bot(first) as bot:
        assert await cross_signing_done(bot) is Status.BOOTSTRAPPED
        old_device = bot.client.device_id
    master = verified_master(keys_query(synapse, reader, account.user_id), account.user_id,
                             old_device)

    second = bot_config(synapse, tmp_path / "second", account,
                        cross_signing_key_file=str(key_file))
    secrets(tmp_path / "second", matrix_password="bot-password")
    async with running_bot(second) as bot:
        assert await cross_signing_done(bot) is Status.SIGNED
        new_device = bot.client.device_id
    assert new_device != old_device
    served = keys_query(synapse, reader, account.user_id)
    assert verified_master(served, account.user_id, new_device) == master


async def test_lost_keys_are_replaced_only_with_the_password(
    synapse: Synapse, tmp_path: Path
) -> None:
    account = synapse.register(unique("bot"), password="bot-password")
    reader = synapse.register(unique("reader"))
    config = bot_config(synapse, tmp_path, account)
    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.BOOTSTRAPPED
        device = bot.client.device_id
    old_master = verified_master(keys_query(synapse, reader, account.user_id),
                                 account.user_id, device)
    (tmp_path / "cross-signing.key").unlink()

    async with running_bot(config) as bot:  # token only: replacing keys needs the password
        assert await cross_signing_done(bot) is Status.KEYS_UNKNOWN
    assert verified_master(keys_query(synapse, reader, account.user_id),
                           account.user_id, device) == old_master

    secrets(tmp_path, matrix_token=account.token, matrix_password="bot-password")
    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.RESET
    new_master = verified_master(keys_query(synapse, reader, account.user_id),
                                 account.user_id, device)
    assert new_master != old_master
    assert new_master in repr(CrossSigningKeys.from_recovery_key(
        (tmp_path / "cross-signing.key").read_text()))


async def test_a_refused_password_leaves_the_servers_keys_and_is_not_tried_again(
    synapse: Synapse, tmp_path: Path
) -> None:
    """Another client set up the account's cross-signing; the bot, given a wrong password,
    tries once to replace the keys (the server asks for user-interactive auth), is refused,
    and says it needs the password: the server's identity stays (before: a failure, tried
    again with the wrong password every few minutes — which can lock a Tchap account)."""
    account = synapse.register(unique("bot"), password="bot-password")
    theirs = CrossSigningKeys.generate()
    upload_elsewhere(synapse, account, theirs)
    config = bot_config(synapse, tmp_path, account)
    secrets(tmp_path, matrix_token=account.token, matrix_password="not-the-password")
    async with running_bot(config) as bot:
        assert await cross_signing_done(bot) is Status.NEEDS_PASSWORD
    served = keys_query(synapse, synapse.register(unique("reader")), account.user_id)
    assert served["master_keys"][account.user_id]["keys"] == {
        f"ed25519:{theirs.public(theirs.master)}": theirs.public(theirs.master)}
