"""Declaring commands: a command's names, help, arguments and scope written once on its
handler, and the table an application answers with, collected from the modules that declare
them. Nothing happens at import: `CommandTable.collect` reads the declarations when an
application is built."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType

from bot.commands.arguments import Arguments, Form
from bot.wording.folding import fold
from bot.wording.typos import typo_distance

Handler = Callable[..., Awaitable[object]]
"""Called with the request, then each declared argument's typed value by its key; returns a
`bot.commands.request.HandlerResult`."""
Interceptor = Callable[..., Awaitable[object]]
"""Called with the request before any command (a dialogue in progress); returns False to let
the message through, else what to answer."""

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
    changes: bool = False
    """It records something (a reminder, a proposal, a deletion): flood control never drops
    it (see `bot.commands.dispatch`)."""
    reads_programme: bool = True
    """It reads the programme: while the programme is still being read (the console's
    start), it waits for it; a command that reads none of it (`!aide`) is answered at once."""

    def name(self, lang: str) -> str:
        return self.names[lang][0]

    def usage(self, lang: str) -> str:
        """The arguments of the usage line, from the declaration: '<numéro> <note 1–5>'."""
        return self.arguments.usage(lang)

    def line(self, prefix: str, lang: str, args: str | None = None) -> str:
        """The command as typed: with `args`, or with its usage line by default."""
        args = self.usage(lang) if args is None else args
        return f"{prefix}{self.name(lang)} {args}".rstrip()


INTERCEPTS = "intercepts"
"""The declaration of an interceptor (see `intercepts`)."""


def intercepts(handler: Interceptor) -> Interceptor:
    """Decorator declaring `handler` an interceptor: it sees every message in a direct chat
    before the commands (a dialogue in progress answers it); `CommandTable.collect` adds it."""
    handler.declared = INTERCEPTS  # type: ignore[attr-defined]
    return handler


class CommandTable:
    """Every command by name and alias."""

    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self._by_name: dict[str, tuple[Command, str | None]] = {}
        self.interceptors: list[Interceptor] = []

    @classmethod
    def collect(cls, modules: Iterable[ModuleType]) -> CommandTable:
        """The table of the commands and interceptors declared (with `@command` and
        `@intercepts`) in `modules`, in their order: the order help lists them in."""
        table = cls()
        for module in modules:
            for value in vars(module).values():
                if getattr(value, "__module__", None) != module.__name__:
                    continue  # imported from elsewhere: declared there
                declared = getattr(value, "declared", None)
                if isinstance(declared, Command):
                    table.add(declared)
                elif declared is INTERCEPTS:
                    table.interceptors.append(value)
        return table

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
        best = min(self._by_name, key=lambda known: (typo_distance(wanted, known), known),
                   default=None)
        if best is None or typo_distance(wanted, best) > min(2, len(wanted) // 3):
            return None
        return best

    def lookup(self, name: str) -> tuple[Command, str | None] | None:
        """The command called `name` (any alias, accents and case ignored) and its language."""
        return self._by_name.get(fold(name))


def command(
    key: str,
    *,
    fr: tuple[str, ...],
    en: tuple[str, ...],
    args: Form | Arguments = (),
    summary: tuple[str, str],
    scope: str = "anywhere",
    example: tuple[str, str] = ("", ""),
    changes: bool = False,
    reads_programme: bool = True,
) -> Callable[[Handler], Handler]:
    """Decorator declaring a handler's command (French names first) and its arguments (one
    form of `Param`s, or `Arguments` with several forms) on the handler itself
    (`handler.declared`); `CommandTable.collect` registers it, nothing happens at import."""

    def declare(handler: Handler) -> Handler:
        handler.declared = Command(  # type: ignore[attr-defined]
            key=key,
            names={"fr": fr, "en": en},
            summary={"fr": summary[0], "en": summary[1]},
            handler=handler,
            arguments=args if isinstance(args, Arguments) else Arguments((args,)),
            scope=scope,
            example={"fr": example[0], "en": example[1]},
            changes=changes,
            reads_programme=reads_programme,
        )
        return handler

    return declare
