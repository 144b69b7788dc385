"""Reading a Matrix message as a command: body without reply fallback, and whether the bot
was addressed — as a whole mention, never as a word inside a sentence.

The bot is addressed by:
- a matrix.to pill linking to it, anywhere in the HTML body;
- `m.mentions` naming it, unless the message is a reply: Element puts the sender of the
  replied-to message in `m.mentions`, so « merci ! » in reply to the bot names it without
  talking to it;
- its Matrix id, or its full display name (« BlueHats [Bot] »), at the start of the message;
- its localpart or its display name without the Tchap « [Domaine] » part (« BlueHats »), at
  the start and followed by « : » or « , » (or alone, or after « @ »): « BlueHats, le
  programme ? » is for the bot, « Bluehats étaient super » and « Les journées BlueHats »
  are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from bot.wording.folding import fold

_PILL = re.compile(r"""href=["']https://matrix\.to/#/([^"'?]+)""", re.IGNORECASE)
_DOMAIN_SUFFIX = re.compile(r"\s*\[[^\]]*\]\s*$")
_SEPARATOR = re.compile(r"^[\s\u00a0\u202f]*[:,]")
_COURTESY_WORDS = frozenset((
    "merci", "mille", "beaucoup", "bien", "bonjour", "bonsoir", "salut", "coucou", "hello", "hi",
    "hey", "thanks", "thank", "you", "thx", "bravo", "super", "top", "cool", "ok", "okay",
    "parfait", "genial", "nickel", "tous", "toutes", "bonne", "journee", "soiree", "a", "au",
    "revoir", "bye", "great", "nice", "good", "morning", "evening",
    # acknowledgements (« c'est noté », 'got it'): a reply to the bot that only says so
    "c", "d", "est", "ca", "note", "noted", "compris", "entendu", "accord", "marche", "ah", "oh",
    "got", "it", "see",
))


@dataclass(frozen=True)
class Mentions:
    """Who the bot is, as people may name it."""

    user_id: str
    display_name: str | None = None

    def strong(self) -> list[str]:
        """Names that can only mean the bot: its id and full display name."""
        names = [self.user_id]
        if self.display_name and short_name(self.display_name) != self.display_name.strip():
            names.append(self.display_name.strip())
        return names

    def weak(self) -> list[str]:
        """Names that are also ordinary words: the localpart and the short display name."""
        names = [self.user_id.removeprefix("@").partition(":")[0]]
        if self.display_name and short_name(self.display_name):
            names.append(short_name(self.display_name))
        return names


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


def is_reply(content: dict[str, Any]) -> bool:
    """Whether the message is a reply to another (a thread's fallback is not one)."""
    relates = content.get("m.relates_to")
    if not isinstance(relates, dict) or not relates.get("m.in_reply_to"):
        return False
    return not (relates.get("rel_type") == "m.thread" and relates.get("is_falling_back"))


def _after_name(body: str, name: str) -> str | None:
    """What follows `name` at the start of `body` (case and accents ignored), or None."""
    if not name or fold(body[: len(name)]) != fold(name):
        return None
    return body[len(name):]


def _leading_mention(body: str, me: Mentions) -> str | None:
    """`body` without the mention of the bot it starts with, or None if it starts with none."""
    text = body.lstrip()
    for name in me.strong():
        rest = _after_name(text, name)
        if rest is not None and not rest[:1].isalnum():
            return rest.lstrip(" \u00a0\u202f:,")
    for name in me.weak():
        rest = _after_name(text.removeprefix("@"), name)
        if rest is None or rest[:1].isalnum():
            continue
        if text.startswith("@") or not rest.strip() or _SEPARATOR.match(rest):
            return rest.lstrip(" \u00a0\u202f:,")
    return None


def address(content: dict[str, Any], body: str, me: Mentions) -> str | None:
    """The text meant for the bot (without the leading mention), or None when the message
    does not address it."""
    rest = _leading_mention(body, me)
    if rest is not None:
        return rest
    formatted = content.get("formatted_body")
    if isinstance(formatted, str) and me.user_id in pills(formatted):
        return body
    mentions = content.get("m.mentions")
    if (isinstance(mentions, dict) and me.user_id in (mentions.get("user_ids") or [])
            and not is_reply(content)):
        return body
    return None


def is_courtesy(text: str) -> bool:
    """Whether `text` only thanks or greets (« Merci ! », « Bonjour à tous 👋 »): in a
    room, that deserves no answer."""
    words = re.findall(r"\w+", fold(text))
    if not words:  # emoji or punctuation only; an empty message is not courtesy
        return bool(text.strip())
    return all(word in _COURTESY_WORDS for word in words)
