"""Organiser checks: power levels from a room's state, including room versions 12+ where
creators outrank all, kept in a cache the sync refreshes."""

from __future__ import annotations

from typing import Any

from nio import AsyncClient, RoomGetStateResponse

LEGACY_ROOM_VERSIONS = frozenset(str(number) for number in range(1, 12))
CREATOR_LEVEL = 2**53 - 1
"""Room versions 12+ put their creators above every numeric level."""
LEVEL_EVENTS = ("m.room.create", "m.room.power_levels")
"""The state events a power level depends on."""


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


class PowerLevels:
    """Power levels per room: the room's state is fetched from the server at the first
    check (nio's own copy lags behind a fresh join and ignores the creators' rank in room
    versions 12+), then kept up to date from the `m.room.power_levels` events of the sync."""

    def __init__(self, client: AsyncClient) -> None:
        self.client = client
        self._state: dict[str, dict[str, dict[str, Any]]] = {}

    async def level(self, room_id: str, user_id: str) -> int | None:
        """`user_id`'s power level in `room_id` (None if the server cannot tell)."""
        state = self._state.get(room_id)
        if state is None:
            answer = await self.client.room_get_state(room_id)
            if not isinstance(answer, RoomGetStateResponse):
                return None
            state = self._state[room_id] = {}
            for event in answer.events:
                self._keep(state, event)
        return level_in(list(state.values()), user_id)

    def observe(self, room_id: str, event: dict[str, Any]) -> None:
        """Take a state event seen in the sync into account (others are ignored)."""
        state = self._state.get(room_id)
        if state is not None:
            self._keep(state, event)

    def forget(self, room_id: str) -> None:
        """The bot left `room_id`: fetch again if it comes back."""
        self._state.pop(room_id, None)

    @staticmethod
    def _keep(state: dict[str, dict[str, Any]], event: dict[str, Any]) -> None:
        if event.get("type") in LEVEL_EVENTS and event.get("state_key") == "":
            state[event["type"]] = event
