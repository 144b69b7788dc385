"""!oublier-moi / !forget-me: a person's data deleted from the bot, on their word.

In a direct chat only. Without argument the bot says what it holds and how to confirm;
with `oui` / `yes` it deletes it all at once (`Privacy.forget_person`, described in
SECURITY.md) and says what it deleted.
"""

from __future__ import annotations

import secrets

from bot.commands.arguments import Keyword
from bot.commands.declaration import command
from bot.commands.request import Request
from bot.privacy.sweep import Privacy
from bot.proposals.commands.common import refresh_programme
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply

LABELS = {
    "proposals": ("proposition(s) de présentation, avec leurs évaluations et commentaires",
                  "talk proposal(s), with their reviews and comments"),
    "drafts": ("proposition en cours de rédaction", "proposal in progress"),
    "reminders": ("demande(s) de rappel", "reminder request(s)"),
    "reminders_sent": ("trace(s) de rappel envoyé", "record(s) of reminders sent"),
    "reviews": ("évaluation(s) ou commentaire(s) d'organisateur (gardés, anonymisés)",
                "organiser score(s) or comment(s) (kept, made anonymous)"),
    "state": ("trace(s) de conversation privée", "direct chat record(s)"),
    "conversation": ("question(s) récente(s), gardée(s) un jour pour y donner suite "
                     "(« et demain ? »)",
                     "recent question(s), kept a day for follow-ups (“and tomorrow?”)"),
}


@command(
    "forget_me",
    fr=("oublier-moi",),
    en=("forget-me",),
    args=(Keyword("confirmed", ("oui", "yes"), ("le mot oui", "the word yes"), optional=True,
                  also=("confirmer", "confirm"),
                  explain=("pour tout effacer, définitivement ; sans lui, je dis ce que je garde",
                           "to delete it all, for good; without it, I say what I keep")),),
    summary=("effacer toutes vos données gardées par le bot",
             "delete all your data kept by the bot"),
    scope="direct",
    changes=True,
)
async def forget_me(request: Request, confirmed: bool) -> Reply:
    app, lang, user = request.app, request.lang, request.incoming.sender
    storage = app.storage
    if storage is None:
        return Doc().text(pick(lang, "Je ne garde aucune donnée ici.",
                               "I keep no data here.")).reply()
    if not confirmed:
        held = await Privacy(storage).personal_data(user)
        if not any(held.values()):
            return Doc().text(pick(lang, "Je ne garde aucune donnée à votre nom.",
                                   "I keep no data under your name.")).reply()
        command_name = request.typed("forget_me", pick(lang, "oui", "yes"))
        return (_inventory(held, lang, pick(lang, "Je garde à votre nom :", "I keep, under "
                                                  "your name:"))
                .text(pick(lang, "Pour tout effacer, définitivement : ",
                           "To delete it all, for good: ")).code(command_name).reply())
    deleted = await Privacy(storage).forget_person(user, f"forgotten-{secrets.token_hex(4)}")
    if deleted["proposals"]:
        await refresh_programme(app)  # their scheduled talks leave the programme
    if deleted["reminders"]:
        app.schedule_changed()
    if not any(deleted.values()):
        return Doc().text(pick(lang, "Je ne garde aucune donnée à votre nom.",
                               "I keep no data under your name.")).reply()
    return _inventory(deleted, lang, pick(lang, "C'est fait. Effacé :", "Done. Deleted:")).reply()


def _inventory(counts: dict[str, int], lang: str, heading: str) -> Doc:
    lines = [Doc().text(f"{count} {pick(lang, *LABELS[kind])}")
             for kind, count in counts.items() if count]
    return Doc().text(heading).items(lines)
