"""One command or question being answered: the message, what it was read as, the time, and
the application it runs in; what a handler returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.commands.arguments import ArgumentError
from bot.commands.declaration import Command
from bot.commands.messages import Incoming, Outgoing
from bot.understanding import Intent
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply

if TYPE_CHECKING:
    from bot.app import App


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
        entry = self.app.commands.commands[key] if key else self.command
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

    def examples(self) -> Doc:
        """A few questions worth asking, and the help command."""
        lang = self.lang
        asks = pick(lang, "« programme de demain », « qui parle de Grist ? », « c'est où ? », "
                          "« prochains talks »",
                    "“tomorrow's program”, “who talks about Grist?”, “where is it?”, "
                    "“next talks”")
        return (Doc().text(pick(lang, "Demandez-moi par exemple : ", "Ask me for instance: "))
                .text(asks).text(pick(lang, " — ou tapez ", " — or type "))
                .code(self.typed("help")).text("."))

    def typed(self, key: str, args: str = "", lang: str | None = None) -> str:
        """How to type command `key` here: the configured prefix, its name in `lang` (the
        request's by default), then `args` ('!rappel grist', '?rappel grist' with '?')."""
        name = self.app.commands.commands[key].name(lang or self.lang)
        return f"{self.app.config.commands.prefix}{name}{' ' + args if args else ''}"


HandlerResult = Reply | list[Outgoing] | None
"""What a handler returns: a reply to the message, messages to send, or nothing to say."""
