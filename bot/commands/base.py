"""The command layer's vocabulary: what comes in, what goes out, and the command table.

No transport types here: a Matrix event or a console line becomes an `Incoming`, and the
answer is a list of `Outgoing` messages the transport delivers.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.model import fold
from bot.replies import Reply

if TYPE_CHECKING:
    from bot.app import App


@dataclass(frozen=True)
class Incoming:
    """A message to the bot, as the transport saw it."""

    text: str
    sender: str
    room: str
    is_direct: bool = False
    addressed: bool = False  # the bot was mentioned (pill, m.mentions or display name)
    sender_name: str | None = None
    sent_at: float | None = None
    """When it was sent (seconds since the epoch, the homeserver's stamp), if known: flood
    control counts by it, so commands read late (after an outage) are not a flood."""


@dataclass(frozen=True)
class Outgoing:
    """A message to send. With neither `to_user` nor `to_room` it answers the incoming one."""

    reply: Reply
    to_user: str | None = None  # a direct chat with this user, opened if needed
    to_room: str | None = None  # this room, as a new message
    key: str | None = None
    """An idempotency key: delivering the same key twice must show one message (Matrix
    transports use it as the transaction id, which the homeserver deduplicates)."""
    react: str | None = None
    """On an answer in place: a transport that can react to the incoming message with this
    emoji does so instead of sending `reply`; the others send `reply`."""


@dataclass
class Request:
    """One parsed command, with everything a handler may need."""

    incoming: Incoming
    command: Command
    args: str
    lang: str
    now: datetime
    app: App


HandlerResult = Reply | list[Outgoing] | None
Handler = Callable[[Request], Awaitable[HandlerResult]]

SCOPES = ("anywhere", "direct", "organisers")


@dataclass(frozen=True)
class Command:
    """A command, its names and help in each language, and what it does.

    `scope`: "anywhere"; "direct", only in a direct chat (elsewhere the bot points there);
    "organisers", only for organisers, and never in a public room.
    """

    key: str
    names: dict[str, tuple[str, ...]]
    usage: dict[str, str]
    summary: dict[str, str]
    handler: Handler
    scope: str = "anywhere"
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.names[lang][0]


Interceptor = Callable[[Request], Awaitable[HandlerResult | bool]]


class CommandTable:
    """Every command by name and alias, and the plain phrases that call them."""

    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self._by_name: dict[str, tuple[Command, str | None]] = {}
        self._phrases: list[tuple[re.Pattern[str], Command, str]] = []
        self.interceptors: list[Interceptor] = []

    def add(self, command: Command) -> Command:
        """Register `command`; a name shared by both languages keeps no language of its own."""
        if command.scope not in SCOPES:
            raise ValueError(f"{command.key}: scope must be one of {SCOPES}")
        self.commands[command.key] = command
        for lang, names in command.names.items():
            for name in names:
                key = fold(name)
                known = self._by_name.get(key)
                if known and known[0] is not command:
                    raise ValueError(f"command name {name!r} is used twice")
                self._by_name[key] = (command, None if known and known[1] != lang else lang)
        for lang, patterns in command.phrases.items():
            for pattern in patterns:
                self._phrases.append((re.compile(pattern, re.IGNORECASE), command, lang))
        # Phrases that capture arguments ("qui parle de <x>") are the most specific: they
        # are tried before keyword phrases ("programme"), whatever the registration order.
        self._phrases.sort(key=lambda entry: "args" not in entry[0].groupindex)
        return command

    def lookup(self, name: str) -> tuple[Command, str | None] | None:
        """The command called `name` (any alias, accents and case ignored) and its language."""
        return self._by_name.get(fold(name))

    def match_phrase(self, text: str) -> tuple[Command, str, str] | None:
        """The command a plain sentence asks for, its language and its arguments."""
        folded = fold(text)
        for pattern, command, lang in self._phrases:
            found = pattern.search(folded)
            if found:
                args = found.groupdict().get("args") or ""
                if args:
                    # Give back the user's own spelling of the arguments, not the folded one.
                    start, end = found.span("args")
                    args = text[start:end] if len(text) == len(folded) else args
                return command, lang, args.strip(" ?!.")
        return None


TABLE = CommandTable()


def command(
    key: str,
    *,
    fr: tuple[str, ...],
    en: tuple[str, ...],
    usage: tuple[str, str] = ("", ""),
    summary: tuple[str, str],
    scope: str = "anywhere",
    phrases_fr: tuple[str, ...] = (),
    phrases_en: tuple[str, ...] = (),
) -> Callable[[Handler], Handler]:
    """Decorator registering a handler in the command table, French names first.

    Phrase patterns are matched against the folded text (lower case, no accents); a named
    group `args` carries the arguments.
    """

    def register(handler: Handler) -> Handler:
        TABLE.add(
            Command(
                key=key,
                names={"fr": fr, "en": en},
                usage={"fr": usage[0], "en": usage[1]},
                summary={"fr": summary[0], "en": summary[1]},
                handler=handler,
                scope=scope,
                phrases={"fr": phrases_fr, "en": phrases_en},
            )
        )
        return handler

    return register
