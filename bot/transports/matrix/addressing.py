"""Reading a Matrix message as a command: body without reply fallback, and whether the bot
was addressed (m.mentions, a matrix.to pill, or its display name)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from bot.model import fold

_PILL = re.compile(r"""href=["']https://matrix\.to/#/([^"'?]+)""", re.IGNORECASE)
_DOMAIN_SUFFIX = re.compile(r"\s*\[[^\]]*\]\s*$")


def strip_fallback(body: str) -> str:
    """The body of a reply without the quoted "> ..." lines of the message it answers."""
    lines = body.split("\n")
    index = 0
    while index < len(lines) and lines[index].startswith(">"):
        index += 1
    if index and index < len(lines) and not lines[index].strip():
        index += 1  # the blank line separating the quote from the answer
    return "\n".join(lines[index:]) if index else body


def short_name(display_name: str) -> str:
    """A Tchap display name without its "[Domaine]" part: "Prénom Nom [Dinum]" -> "Prénom Nom"."""
    return _DOMAIN_SUFFIX.sub("", display_name).strip()


def pills(formatted_body: str) -> set[str]:
    """The Matrix ids linked as matrix.to pills in an HTML body."""
    return {unquote(found) for found in _PILL.findall(formatted_body)}


def is_addressed(content: dict[str, Any], body: str, bot_id: str,
                 display_name: str | None) -> bool:
    """Whether the message names the bot: m.mentions, a pill, its id or its display name."""
    mentions = content.get("m.mentions")
    if isinstance(mentions, dict) and bot_id in (mentions.get("user_ids") or []):
        return True
    formatted = content.get("formatted_body")
    if isinstance(formatted, str) and bot_id in pills(formatted):
        return True
    if bot_id in body:
        return True
    if display_name:
        name = fold(short_name(display_name))
        return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", fold(body)) is not None
    return False
