"""Which invitations the bot accepts: listed rooms, or inviters by id, server or e-mail domain."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import MatrixConfig


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
