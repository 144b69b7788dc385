"""Edited commands: when someone edits a command the bot answered (an `m.replace` of it),
the bot answers the new text by editing its own answer, as people do, rather than
posting a second one.

Only the sender of a command may edit it (the homeserver does not check: the bot fetches
the original to compare). The bot's answers are remembered in memory for the last
`ANSWERS_KEPT` commands: an edit after a restart is not answered (nor is an edit of a
message the bot did not answer: it was not a command).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from nio import AsyncClient, MegolmEvent, RoomGetEventResponse

from bot.commands.messages import Outgoing

log = logging.getLogger(__name__)

ANSWERS_KEPT = 5000


def in_place(message: Outgoing) -> bool:
    """Whether `message` is a notice in answer to the command, where it was sent (so
    editing the command edits it)."""
    return (message.to_user is None and message.to_room is None and message.react is None
            and message.reply.attachment is None)


class Edits:
    """The bot's answer to each recent command, and the commands edits replace."""

    def __init__(self, client: AsyncClient) -> None:
        self.client = client
        self._answers: OrderedDict[str, str] = OrderedDict()

    def remember(self, command_id: str, answer_id: str) -> None:
        """`answer_id` is the bot's in-place answer to the command `command_id`."""
        self._answers[command_id] = answer_id
        self._answers.move_to_end(command_id)
        while len(self._answers) > ANSWERS_KEPT:
            self._answers.popitem(last=False)

    async def edited_command(self, room_id: str,
                             edit: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
        """For an edit of a command the bot answered, by its sender: the command as it now
        reads (the original event, its body replaced) and the bot's answer to it."""
        content = edit.get("content") or {}
        new = content.get("m.new_content")
        original_id = (content.get("m.relates_to") or {}).get("event_id")
        answer = self._answers.get(original_id or "")
        if answer is None or not isinstance(new, dict) or not isinstance(new.get("body"), str):
            return None
        original = await self._event(room_id, original_id)
        if original is None or original.get("sender") != edit.get("sender"):
            log.info("edit %s of %s ignored: not by the command's sender",
                     edit.get("event_id"), original_id)
            return None
        relation = (original.get("content") or {}).get("m.relates_to")
        now = {**new, **({"m.relates_to": relation} if relation else {})}
        return {**original, "content": now}, answer

    async def _event(self, room_id: str, event_id: str) -> dict[str, Any] | None:
        found = await self.client.room_get_event(room_id, event_id)
        if not isinstance(found, RoomGetEventResponse):
            return None
        event = found.event
        if isinstance(event, MegolmEvent):
            try:
                event = self.client.decrypt_event(event)
            except Exception:  # nio raises several kinds: then the edit is not answered
                return None
        return event.source
