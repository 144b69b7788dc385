"""Power levels from a room's state, including room versions 12+ where creators outrank all."""

from __future__ import annotations

from typing import Any

LEGACY_ROOM_VERSIONS = frozenset(str(number) for number in range(1, 12))
CREATOR_LEVEL = 2**53 - 1
"""Room versions 12+ put their creators above every numeric level."""


def level_in(state: list[dict[str, Any]], user_id: str) -> int:
    """`user_id`'s power level given a room's state events (GET /rooms/{id}/state)."""
    by_type = {event.get("type"): event for event in state if event.get("state_key") == ""}
    create = by_type.get("m.room.create") or {}
    content = create.get("content") or {}
    creators = {create.get("sender"), content.get("creator"),
                *(content.get("additional_creators") or [])}
    if str(content.get("room_version", "1")) not in LEGACY_ROOM_VERSIONS and user_id in creators:
        return CREATOR_LEVEL
    levels = (by_type.get("m.room.power_levels") or {}).get("content")
    if levels is None:
        return 100 if user_id in creators else 0  # no power levels event: the creator rules
    users = levels.get("users") or {}
    return int(users.get(user_id, levels.get("users_default", 0)))
