"""The cross-signing keys without a server: recovery key, key file, secrets, signatures."""

from __future__ import annotations

from pathlib import Path

import pytest
from signedjson.key import decode_verify_key_base64
from signedjson.sign import sign_json, verify_signed_json
from unpaddedbase64 import encode_base64

from bot.settings.secrets import load_secrets
from bot.transports.matrix.cross_signing import (
    PREFIX,
    CrossSigningError,
    CrossSigningKeys,
    KeyStore,
    chain_verifies,
)


def test_the_recovery_key_gives_back_the_same_three_keys() -> None:
    keys = CrossSigningKeys.generate()
    again = CrossSigningKeys.from_recovery_key(keys.recovery_key() + "\n")
    assert [again.public(k) for k in (again.master, again.self_signing, again.user_signing)] \
        == [keys.public(k) for k in (keys.master, keys.self_signing, keys.user_signing)]
    assert len({keys.public(keys.master), keys.public(keys.self_signing),
                keys.public(keys.user_signing)}) == 3


@pytest.mark.parametrize("text", ["", "bhcs1:", "bhcs2:" + encode_base64(bytes(96)),
                                  PREFIX + encode_base64(bytes(64)), PREFIX + "not base64!"])
def test_a_malformed_recovery_key_is_refused_without_being_shown(text: str) -> None:
    with pytest.raises(CrossSigningError, match="recovery key is not valid") as error:
        CrossSigningKeys.from_recovery_key(text)
    secret_part = text.split(":", 1)[-1]
    assert len(secret_part) < 8 or secret_part not in str(error.value)


def test_the_upload_body_signs_the_self_and_user_signing_keys_with_the_master_key() -> None:
    keys = CrossSigningKeys.generate()
    body = keys.upload_body("@bot:example.org")
    master = keys.public(keys.master)
    assert body["master_key"] == {"user_id": "@bot:example.org", "usage": ["master"],
                                  "keys": {f"ed25519:{master}": master}}
    verify_key = decode_verify_key_base64("ed25519", master, master)
    for name, usage in (("self_signing_key", "self_signing"),
                        ("user_signing_key", "user_signing")):
        assert body[name]["usage"] == [usage]
        verify_signed_json(body[name], "@bot:example.org", verify_key)


def test_chain_verifies_only_a_device_signed_by_the_served_self_signing_key() -> None:
    keys, other = CrossSigningKeys.generate(), CrossSigningKeys.generate()
    user = "@bot:example.org"
    body = keys.upload_body(user)
    device = {"user_id": user, "device_id": "DEV", "algorithms": [],
              "keys": {"ed25519:DEV": "x"}}
    served = {"master_keys": {user: body["master_key"]},
              "self_signing_keys": {user: body["self_signing_key"]},
              "device_keys": {user: {"DEV": sign_json(dict(device), user, keys.self_signing)}}}
    master, ssk = keys.public(keys.master), keys.public(keys.self_signing)
    assert chain_verifies(served, user, "DEV", master, ssk)
    assert not chain_verifies(served, user, "OTHER", master, ssk)
    assert not chain_verifies(served, user, "DEV", other.public(other.master), ssk)
    served["device_keys"][user]["DEV"] = sign_json(dict(device), user, other.self_signing)
    assert not chain_verifies(served, user, "DEV", master, ssk)


def test_the_key_file_is_private_and_the_operators_key_wins(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cross-signing.key"
    store = KeyStore(path)
    assert store.load() is None
    keys = CrossSigningKeys.generate()
    store.save(keys)
    assert path.stat().st_mode & 0o777 == 0o600
    assert store.load().public(store.load().master) == keys.public(keys.master)

    given = CrossSigningKeys.generate()
    operators = KeyStore(path, given.recovery_key())
    assert operators.load().public(operators.load().master) == given.public(given.master)
    operators.save(given)  # never written to disk when the operator keeps it
    assert CrossSigningKeys.from_recovery_key(path.read_text()).public(keys.master) \
        == keys.public(keys.master)


def test_the_recovery_key_comes_from_the_environment_or_the_secrets_file(
    tmp_path: Path
) -> None:
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text("matrix_token: t\ncross_signing_key: bhcs1:from-file\n")
    assert load_secrets(secrets, {}).cross_signing_key == "bhcs1:from-file"
    found = load_secrets(secrets, {"BLUEHATS_CROSS_SIGNING_KEY": "bhcs1:from-env"})
    assert found.cross_signing_key == "bhcs1:from-env"
    assert "from-env" not in repr(found)
