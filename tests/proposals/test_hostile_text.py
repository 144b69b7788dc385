"""A lone surrogate in what arrives (a Matrix event's JSON may carry "\\ud800") is read as
U+FFFD where it enters: the proposal dialogue, which writes what it is told to the SQLite
file, answers instead of failing on text UTF-8 cannot write."""

from __future__ import annotations

import json
from pathlib import Path

from bot.proposals.repositories.drafts import Drafts
from bot.transports.matrix.messages import read_event
from bot.wording.hygiene import visible
from tests.support.proposals_kit import ALICE, Opener


def body(raw_json_body: str) -> str:
    """A message's text as the Matrix transport reads it from the event's JSON."""
    content = {"msgtype": "m.text", "body": json.loads(f'"{raw_json_body}"')}
    return read_event("!dm:example.org", {"content": content, "sender": ALICE,
                                          "event_id": "$e"}).text


async def test_lone_surrogates_in_a_message_and_a_name_are_answered(
        tmp_path: Path, open_world: Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    name = visible(json.loads('"Alice Ma\\udc80rtin"'))  # a display name, as the intake reads it
    title = body("Grist \\ud800 dans l'administration")
    assert title == "Grist \ufffd dans l'administration"
    for text in ("!proposer", title, "2"):
        answer = await world.text(ALICE, text, name)
        assert "erreur interne" not in answer, answer
        answer.encode("utf-8")  # what goes to the homeserver is UTF-8
    draft = json.loads(await world.storage.repository(Drafts).draft(ALICE) or "{}")
    assert (draft["sender_name"], draft["title"]) == ("Alice Ma\ufffdrtin",
                                                     "Grist \ufffd dans l'administration")
