"""What another client sees of a user's cross-signing, checked with signedjson only (not
with the bot's code): for the Synapse tests and bench/roundtrip.py."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from signedjson.key import decode_verify_key_base64
from signedjson.sign import verify_signed_json

from tests.support.synapse import Account, Synapse


def keys_query(synapse: Synapse, reader: Account, user_id: str) -> dict[str, Any]:
    """`/keys/query` for `user_id`, asked by another user over plain HTTP."""
    request = urllib.request.Request(
        synapse.base_url + "/_matrix/client/v3/keys/query", method="POST",
        data=json.dumps({"device_keys": {user_id: []}}).encode(),
        headers={"Authorization": f"Bearer {reader.token}",
                 "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def verified_master(served: dict[str, Any], user_id: str, device_id: str) -> str:
    """The master public key, once device ← self-signing ← master has been verified."""
    def only_key(key_object: dict[str, Any], usage: str) -> str:
        assert key_object["user_id"] == user_id and key_object["usage"] == [usage]
        ((key_id, public),) = key_object["keys"].items()
        assert key_id == f"ed25519:{public}" and "=" not in public  # unpadded base64
        return public

    master = only_key(served["master_keys"][user_id], "master")
    ssk_object = served["self_signing_keys"][user_id]
    ssk = only_key(ssk_object, "self_signing")
    assert f"ed25519:{ssk}" in served["device_keys"][user_id][device_id]["signatures"][user_id]
    verify_signed_json(ssk_object, user_id, decode_verify_key_base64("ed25519", master, master))
    verify_signed_json(served["device_keys"][user_id][device_id], user_id,
                       decode_verify_key_base64("ed25519", ssk, ssk))
    return master
