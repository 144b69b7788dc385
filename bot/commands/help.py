"""!aide: help generated from the command table, so every command is listed."""

from __future__ import annotations

from bot.commands.arguments import ArgumentError, CommandName
from bot.commands.declaration import Command, command
from bot.commands.request import Request
from bot.wording.i18n import pick, sentence_case
from bot.wording.replies import Doc, Reply


def _others(entry: Command, lang: str) -> list[str]:
    names = entry.names[lang]
    other = entry.names["en" if lang == "fr" else "fr"]
    return list(dict.fromkeys(n for n in (*names[1:], *other) if n != names[0]))


def _usage(request: Request, entry: Command) -> Doc:
    lang, prefix = request.lang, request.app.config.commands.prefix
    doc = Doc().code(entry.line(prefix, lang)).text(f" — {entry.summary[lang]}")
    others = _others(entry, lang)
    if others:
        doc.text(pick(lang, " (aussi : ", " (also: ")).text(", ".join(others)).text(")")
    return doc


def detail(request: Request, entry: Command) -> Doc:
    """One command in detail, from its declaration: usage, what it does, what each argument
    is, its other names, an example, and where it may be used."""
    lang, prefix = request.lang, request.app.config.commands.prefix
    doc = Doc().code(entry.line(prefix, lang)).br().text(sentence_case(entry.summary[lang]))
    doc.text(".")
    for param in entry.arguments.explained():
        explain = pick(lang, *param.explain or ("", ""))
        doc.br().code(param.shown(lang)).text(pick(lang, " : ", ": ") + explain)
    others = _others(entry, lang)
    if others:
        doc.br().text(pick(lang, "Aussi : ", "Also: ")).text(", ".join(prefix + n for n in others))
    if entry.example.get(lang):
        doc.br().text(pick(lang, "Exemple : ", "Example: "))
        doc.code(entry.line(prefix, lang, entry.example[lang]))
    where = {"direct": pick(lang, "En message direct seulement.", "In a direct chat only."),
             "organisers": pick(lang, "Réservée aux organisateurs.", "For organisers only.")}
    if entry.scope in where:
        doc.br().italic(where[entry.scope])
    return doc


@command(
    "help",
    fr=("aide",),
    en=("help",),
    args=(CommandName("name", ("commande", "command"), ("la commande", "the command"),
                      optional=True),),
    summary=("cette aide, ou le détail d'une commande", "this help, or one command in detail"),
    example=("qui", "who"),
    reads_programme=False,
)
async def help_command(request: Request, name: str | None) -> Reply:
    lang, wanted, table = request.lang, name, request.app.commands
    if not request.is_command:  # « aide programme »: the command named in the sentence
        named = [w for w in request.incoming.text.split() if table.lookup(w.strip("?!.,"))]
        wanted = next((w for w in named if table.lookup(w.strip("?!.,"))[0].key != "help"), "")
    if wanted:
        found = table.lookup(wanted)
        if found is None:
            typed = request.app.config.commands.prefix + wanted[:40]
            return request.malformed(ArgumentError(f"Commande inconnue : {typed}.",
                                                   f"Unknown command: {typed}."))
        return detail(request, found[0]).reply()
    organiser = await request.app.is_organiser(request.incoming.sender)
    entries = [c for c in table.commands.values() if c.scope != "organisers" or organiser]
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
