"""Matrix message contents: what a command event says, and the bot's notices in answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.transports.matrix.addressing import strip_fallback
from bot.wording.hygiene import visible
from bot.wording.replies import Attachment, Reply
from bot.wording.typography import french_spaces, french_spaces_html


@dataclass(frozen=True)
class CommandEvent:
    """The parts of an incoming m.text event the bot needs to answer it."""

    room: str
    event_id: str
    sender: str
    text: str  # without the reply fallback nor invisible characters
    thread_root: str | None
    is_edit: bool


def read_event(room: str, source: dict[str, Any]) -> CommandEvent:
    """The command in a raw m.room.message event (already decrypted)."""
    content = source.get("content") or {}
    relates = content.get("m.relates_to") or {}
    body = content.get("body")
    body = body if isinstance(body, str) else ""
    if relates.get("m.in_reply_to"):
        body = strip_fallback(body)
    thread = relates.get("event_id") if relates.get("rel_type") == "m.thread" else None
    return CommandEvent(room, source.get("event_id", ""), source.get("sender", ""),
                        visible(body), thread, relates.get("rel_type") == "m.replace")


def notice(reply: Reply, answering: CommandEvent | None = None,
           thread_root: str | None = None) -> dict[str, Any]:
    """An m.notice with the HTML and plain text of `reply`, in French typography (see
    `bot.wording.typography`), as an answer to `answering`, or in the thread of the event
    `thread_root` (shown as a reply to it by clients without threads)."""
    content: dict[str, Any] = {"msgtype": "m.notice", "body": french_spaces(reply.plain),
                               "format": "org.matrix.custom.html",
                               "formatted_body": french_spaces_html(reply.html)}
    if thread_root is not None:
        content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread_root,
                                   "is_falling_back": True,
                                   "m.in_reply_to": {"event_id": thread_root}}
        return content
    return _relate(content, answering)


def replacement(content: dict[str, Any], target: str) -> dict[str, Any]:
    """An edit of the bot's message `target`, which now reads `content` (a notice without
    relations: the original's reply relation stays, and nobody is notified again)."""
    return {"msgtype": content["msgtype"], "body": "* " + content["body"],
            "format": content["format"], "formatted_body": "* " + content["formatted_body"],
            "m.new_content": content,
            "m.relates_to": {"rel_type": "m.replace", "event_id": target}}


def file_message(attachment: Attachment, answering: CommandEvent | None = None) -> dict[str, Any]:
    """An m.file message for `attachment`; the sender adds its url (or encrypted file)."""
    return _relate({"msgtype": "m.file", "body": attachment.filename,
                    "filename": attachment.filename}, answering)


def reaction(answering: CommandEvent, key: str) -> dict[str, Any]:
    """The `m.reaction` content that puts `key` (an emoji) under the command."""
    return {"m.relates_to": {"rel_type": "m.annotation", "event_id": answering.event_id,
                             "key": key}}


def _relate(content: dict[str, Any], answering: CommandEvent | None) -> dict[str, Any]:
    if answering is None:
        return content
    in_reply_to = {"event_id": answering.event_id}
    if answering.thread_root:
        # A real reply to the command, inside its thread: not a fallback.
        content["m.relates_to"] = {"rel_type": "m.thread", "event_id": answering.thread_root,
                                   "is_falling_back": False, "m.in_reply_to": in_reply_to}
    else:
        content["m.relates_to"] = {"m.in_reply_to": in_reply_to}
    # No `m.mentions`: an m.notice notifies nobody under the default push rules
    # (`.m.rule.suppress_notices` comes first), and the key costs Synapse about 4 ms per
    # answer (docs/developers.md).
    return content
