"""!aide: help generated from the command table, so every command is listed."""

from __future__ import annotations

from bot.commands.base import TABLE, Command, Request, command
from bot.i18n import pick
from bot.replies import Doc, Reply


def _usage(request: Request, entry: Command) -> Doc:
    lang, prefix = request.lang, request.app.config.commands.prefix
    names = entry.names[lang]
    doc = Doc().code(f"{prefix}{names[0]} {entry.usage[lang]}".rstrip())
    others = [
        n for n in (*names[1:], *entry.names["en" if lang == "fr" else "fr"]) if n != names[0]
    ]
    doc.text(f" — {entry.summary[lang]}")
    if others:
        doc.text(pick(lang, " (aussi : ", " (also: ")).text(", ".join(dict.fromkeys(others))).text(
            ")"
        )
    return doc


@command(
    "help",
    fr=("aide",),
    en=("help",),
    usage=("[commande]", "[command]"),
    summary=("cette aide, ou le détail d'une commande", "this help, or one command in detail"),
)
async def help_command(request: Request) -> Reply:
    lang = request.lang
    wanted = request.args.strip().lstrip(request.app.config.commands.prefix)
    if wanted:
        found = TABLE.lookup(wanted.split()[0])
        if found is None:
            return (
                Doc()
                .text(pick(lang, "Commande inconnue : ", "Unknown command: "))
                .code(wanted[:40])
                .reply()
            )
        return _usage(request, found[0]).reply()
    organiser = await request.app.is_organiser(request.incoming.sender)
    entries = [c for c in TABLE.commands.values() if c.scope != "organisers" or organiser]
    doc = (
        Doc().bold(pick(lang, "Commandes", "Commands")).items([_usage(request, c) for c in entries])
    )
    doc.text(
        pick(
            lang,
            "Vous pouvez aussi me poser la question : « qui parle de Grist ? », "
            "« prochains talks », « c'est où ? ».",
            "You can also just ask: “who speaks about Grist?”, “next talks”, “where is it?”.",
        )
    )
    return doc.reply()
