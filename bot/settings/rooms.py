"""A room of the configuration replaced by its upgrade: the configuration as it should now
read, and which of its keys named the old room (the operator updates the file)."""

from __future__ import annotations

from bot.settings.config import Config


def replace_room(config: Config, old: str, new: str) -> tuple[Config, list[str]]:
    """`config` with room `old` replaced by `new` wherever it names it (reminder rooms, the
    organisers' room; `new` joins the allowed rooms), and the keys that named `old`."""
    named: list[str] = []
    reminder_rooms = []
    for index, item in enumerate(config.reminders.rooms):
        if item.room == old:
            named.append(f"reminders.rooms[{index}].room")
            item = item.model_copy(update={"room": new})
        reminder_rooms.append(item)
    organisers = config.proposals.organisers_room
    if organisers == old:
        named.append("proposals.organisers_room")
        organisers = new
    allowed = list(config.matrix.allowed_rooms)
    if old in allowed:
        named.append(f"matrix.allowed_rooms[{allowed.index(old)}]")
        allowed = [*allowed, new] if new not in allowed else allowed
    if not named:
        return config, []
    return config.model_copy(update={
        "reminders": config.reminders.model_copy(update={"rooms": reminder_rooms}),
        "proposals": config.proposals.model_copy(update={"organisers_room": organisers}),
        "matrix": config.matrix.model_copy(update={"allowed_rooms": allowed}),
    }), named
