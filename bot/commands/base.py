"""The command layer's vocabulary: what comes in, what goes out, and the command table.

No transport types here: a Matrix event or a console line becomes an `Incoming`, and the
answer is a list of `Outgoing` messages the transport delivers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING

from rapidfuzz.distance import DamerauLevenshtein

from bot.commands.arguments import ArgumentError, Arguments, Form
from bot.understanding import Intent
from bot.wording.folding import fold
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply

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
    intent: Intent = field(default_factory=lambda: Intent("unknown", "fr"))
    """What the arguments (a command) or the whole message (a sentence) say: its slots."""

    @property
    def is_command(self) -> bool:
        """Whether the message was typed as a command (with the prefix), not a sentence."""
        return self.incoming.text.lstrip().startswith(self.app.config.commands.prefix)

    def example(self, key: str | None = None) -> str:
        """The example of command `key` (this request's command by default), as typed here."""
        entry = TABLE.commands[key] if key else self.command
        return entry.line(self.app.config.commands.prefix, self.lang, entry.example[self.lang])

    def malformed(self, problem: ArgumentError) -> Reply:
        """What is wrong with the arguments, then this command's usage and an example:
        « La note doit être entre 1 et 5 : 9. » / « Usage : !noter <numéro> … — ex. : … »."""
        lang, prefix = self.lang, self.app.config.commands.prefix
        doc = Doc().text(problem.text(lang)).br().text(pick(lang, "Usage : ", "Usage: "))
        doc.code(self.command.line(prefix, lang))
        if self.command.example.get(lang):
            doc.text(pick(lang, " — ex. : ", " — e.g. ")).code(self.example())
        return doc.reply()

    def typed(self, key: str, args: str = "", lang: str | None = None) -> str:
        """How to type command `key` here: the configured prefix, its name in `lang` (the
        request's by default), then `args` ('!rappel grist', '?rappel grist' with '?')."""
        name = TABLE.commands[key].name(lang or self.lang)
        return f"{self.app.config.commands.prefix}{name}{' ' + args if args else ''}"


HandlerResult = Reply | list[Outgoing] | None
Handler = Callable[..., Awaitable[HandlerResult]]
"""Called with the request, then each declared argument's typed value by its key."""

SCOPES = ("anywhere", "direct", "organisers")


@dataclass(frozen=True)
class Command:
    """A command, its names and help in each language, and what it does.

    `scope`: "anywhere"; "direct", only in a direct chat (elsewhere the bot points there);
    "organisers", only for organisers, and never in a public room.
    """

    key: str
    names: dict[str, tuple[str, ...]]
    summary: dict[str, str]
    handler: Handler
    arguments: Arguments = field(default_factory=Arguments)
    scope: str = "anywhere"
    example: dict[str, str] = field(default_factory=dict)
    """Arguments worth showing in each language ('grist' for !qui)."""

    def name(self, lang: str) -> str:
        return self.names[lang][0]

    def usage(self, lang: str) -> str:
        """The arguments of the usage line, from the declaration: '<numéro> <note 1–5>'."""
        return self.arguments.usage(lang)

    def line(self, prefix: str, lang: str, args: str | None = None) -> str:
        """The command as typed: with `args`, or with its usage line by default."""
        args = self.usage(lang) if args is None else args
        return f"{prefix}{self.name(lang)} {args}".rstrip()


Interceptor = Callable[[Request], Awaitable[HandlerResult | bool]]


class CommandTable:
    """Every command by name and alias."""

    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self._by_name: dict[str, tuple[Command, str | None]] = {}
        self.interceptors: list[Interceptor] = []

    def add_all(self, modules: Iterable[ModuleType]) -> None:
        """Register the commands declared (with `@command`) in each module, in order."""
        for module in modules:
            for value in vars(module).values():
                declared = getattr(value, "declared", None)
                if isinstance(declared, Command) and value.__module__ == module.__name__:
                    self.add(declared)

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
        return command

    def closest(self, name: str) -> str | None:
        """The command name `name` is most likely a typo of (two edits at most)."""
        wanted = fold(name)
        best = min(self._by_name, key=lambda known: (DamerauLevenshtein.distance(wanted, known),
                                                      known), default=None)
        if best is None or DamerauLevenshtein.distance(wanted, best) > min(2, len(wanted) // 3):
            return None
        return best

    def lookup(self, name: str) -> tuple[Command, str | None] | None:
        """The command called `name` (any alias, accents and case ignored) and its language."""
        return self._by_name.get(fold(name))


TABLE = CommandTable()
"""The bot's commands; `bot.commands` fills it, explicitly, from the modules it lists."""


def command(
    key: str,
    *,
    fr: tuple[str, ...],
    en: tuple[str, ...],
    args: Form | Arguments = (),
    summary: tuple[str, str],
    scope: str = "anywhere",
    example: tuple[str, str] = ("", ""),
) -> Callable[[Handler], Handler]:
    """Decorator declaring a handler's command (French names first) and its arguments (one
    form of `Param`s, or `Arguments` with several forms) on the handler itself
    (`handler.declared`); `CommandTable.add_all` registers it, nothing happens at import."""

    def declare(handler: Handler) -> Handler:
        handler.declared = Command(  # type: ignore[attr-defined]
            key=key,
            names={"fr": fr, "en": en},
            summary={"fr": summary[0], "en": summary[1]},
            handler=handler,
            arguments=args if isinstance(args, Arguments) else Arguments((args,)),
            scope=scope,
            example={"fr": example[0], "en": example[1]},
        )
        return handler

    return declare
