"""A command's answer written down before it is sent, so a restart can send it, once.

The answer is stored as JSON in `handled_events.answer` (see `bot.storage`); sending it again
uses the same transaction ids, which the homeserver deduplicates.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from bot.commands.messages import Outgoing
from bot.wording.replies import Attachment, Reply


def encode_answer(messages: list[Outgoing]) -> str:
    """`messages` as JSON text."""
    return json.dumps([_encode(message) for message in messages], ensure_ascii=False)


def decode_answer(text: str) -> list[Outgoing]:
    """The messages `encode_answer` wrote."""
    return [_decode(item) for item in json.loads(text)]


def _encode(message: Outgoing) -> dict[str, Any]:
    reply, attachment = message.reply, message.reply.attachment
    return {
        "plain": reply.plain, "html": reply.html,
        "attachment": None if attachment is None else {
            "filename": attachment.filename, "mimetype": attachment.mimetype,
            "data": base64.b64encode(attachment.data).decode("ascii")},
        "to_user": message.to_user, "to_room": message.to_room, "key": message.key,
        "react": message.react,
    }


def _decode(item: dict[str, Any]) -> Outgoing:
    file = item["attachment"]
    attachment = None if file is None else Attachment(
        file["filename"], file["mimetype"], base64.b64decode(file["data"]))
    return Outgoing(Reply(item["plain"], item["html"], attachment),
                    item["to_user"], item["to_room"], item["key"], item.get("react"))
