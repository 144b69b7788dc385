"""The console transport: what the bot sends, printed on a terminal (`bluehats-bot console`,
in bot.cli.console, reads what is typed)."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.commands.messages import Outgoing


class ConsoleTransport:
    """Prints what the bot sends: answers as they are, other messages under a header."""

    def __init__(self, user: str, out: TextIO = sys.stdout) -> None:
        self.user = user
        self.out = out

    async def deliver(self, messages: list[Outgoing]) -> None:
        for message in messages:
            if message.to_user and message.to_user != self.user:
                header = f"[message direct à {message.to_user}]"
            elif message.to_user:
                header = "[message direct]"
            elif message.to_room and message.thread:
                header = f"[salon {message.to_room}, dans le fil du message précédent]"
            elif message.to_room:
                header = f"[salon {message.to_room}]"
            else:
                header = None
            if header:
                print(header, file=self.out)
            print(message.reply.plain, file=self.out)
            if message.reply.attachment:
                attachment = message.reply.attachment
                print(
                    f"[fichier joint : {attachment.filename}, {len(attachment.data)} octets]",
                    file=self.out,
                )
            print(file=self.out)
        self.out.flush()
