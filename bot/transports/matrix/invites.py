"""Invitations: which the bot accepts (listed rooms, or inviters by id, server or e-mail
domain), the direct chats people open with it, and a reason given for each one declined."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nio import AsyncClient, InviteAliasEvent, InviteMemberEvent, JoinResponse

from bot.settings.config import MatrixConfig
from bot.transports.matrix.api import leave
from bot.transports.matrix.directs import DirectChats
from bot.wording.i18n import pick
from bot.wording.replies import Doc, Reply
from bot.wording.typography import french_spaces

log = logging.getLogger(__name__)


def server_of(user_id: str) -> str:
    """'@alice:example.org' -> 'example.org'."""
    return user_id.partition(":")[2].lower()


def email_domain_matches(user_id: str, domain: str) -> bool:
    """Whether a Tchap id belongs to an e-mail address of `domain`.

    Tchap ids are the e-mail with "@" replaced by "-", plus a digit suffix for duplicates:
    '@jean.dupont-developpement-durable.gouv.fr:...' is jean.dupont@developpement-durable.gouv.fr.
    Domains contain hyphens themselves, so the id is compared by its end, never split on "-".
    """
    local = user_id.removeprefix("@").partition(":")[0].lower().rstrip("0123456789")
    return local.endswith("-" + domain.lower().strip().lstrip("@"))


@dataclass(frozen=True)
class InvitePolicy:
    rooms: frozenset[str]
    inviters: frozenset[str]
    servers: frozenset[str]
    email_domains: tuple[str, ...]

    @classmethod
    def from_config(cls, config: MatrixConfig) -> InvitePolicy:
        return cls(frozenset(config.allowed_rooms), frozenset(config.allowed_inviters),
                   frozenset(server.lower() for server in config.allowed_servers),
                   tuple(config.allowed_email_domains))

    def accepts(self, room_id: str, aliases: list[str], inviter: str | None) -> bool:
        """Whether to join `room_id` (known by `aliases`) on an invitation from `inviter`."""
        if room_id in self.rooms or any(alias in self.rooms for alias in aliases):
            return True
        if inviter is None:
            return False
        return (inviter in self.inviters or server_of(inviter) in self.servers
                or any(email_domain_matches(inviter, domain) for domain in self.email_domains))


def decline_reason(lang: str) -> str:
    """The one line the inviter sees when the bot declines."""
    return french_spaces(pick(
        lang,
        "Invitation refusée : je ne rejoins que les salons et les personnes autorisés par mes "
        "organisateurs.",
        "Invitation declined: I only join the rooms and people my organisers allowed."))


def greeting(lang: str, prefix: str) -> Reply:
    """The short hello said in a room the bot joins (`matrix.greeting`)."""
    doc = Doc().text(pick(
        lang,
        "Bonjour ! Je suis le bot des BlueHats : je réponds aux questions sur le programme "
        "(« qui parle de Grist ? », « c'est quoi le prochain atelier ? ») et je rappelle "
        "les sessions à venir. Tout ce que je sais faire : ",
        "Hello! I am the BlueHats bot: I answer questions about the programme (\"who talks "
        "about Grist?\", \"what is the next workshop?\") and remind you of upcoming "
        "sessions. Everything I can do: "))
    return doc.code(prefix + pick(lang, "aide", "help")).text(".").reply()


class Invitations:
    """Answers the invitations a sync brings: join (and remember a direct chat), or
    decline with a reason. `also_accepts(room id)` accepts more (the replacement of a room
    the bot is in); `greet(room id)` says hello in a room joined (not a direct chat)."""

    def __init__(self, client: AsyncClient, policy: InvitePolicy, directs: DirectChats,
                 lang: str, also_accepts: Callable[[str], bool] = lambda room_id: False,
                 greet: Callable[[str], object] | None = None) -> None:
        self.client = client
        self.policy = policy
        self.directs = directs
        self.lang = lang
        self.also_accepts = also_accepts
        self.greet = greet

    async def on_invite(self, room_id: str, state: list[Any]) -> None:
        client = self.client
        inviter, aliases, direct = None, [], False
        for event in state:
            if (isinstance(event, InviteMemberEvent) and event.state_key == client.user_id
                    and event.membership == "invite"):
                inviter, direct = event.sender, bool(event.content.get("is_direct"))
            elif isinstance(event, InviteAliasEvent) and event.canonical_alias:
                aliases.append(event.canonical_alias)
        successor = self.also_accepts(room_id)
        if not successor and not self.policy.accepts(room_id, aliases, inviter):
            log.info("declining the invitation to %s from %s (not allowed by "
                     "matrix.allowed_*)", room_id, inviter)
            await leave(client, room_id, decline_reason(self.lang))
            return
        log.info("joining %s, invited by %s%s", room_id, inviter,
                 " (direct chat)" if direct else "")
        joined = await client.join(room_id)
        if not isinstance(joined, JoinResponse):
            log.warning("cannot join %s: %s", room_id, joined)
            return
        if direct and inviter is not None:
            # Whether it really is one (two members, invite only) is checked at each use.
            await self.directs.remember(room_id, inviter)
        elif self.greet is not None and not successor:
            self.greet(room_id)
