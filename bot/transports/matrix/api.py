"""The client-server calls matrix-nio does not offer: setting account data, joining
through given servers, and declining an invitation with a reason."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import quote

from nio import AsyncClient

from bot.transports.matrix.sending import NETWORK_ERRORS

log = logging.getLogger(__name__)

CLIENT_API = "/_matrix/client/v3"


async def _call(client: AsyncClient, method: str, path: str, body: dict[str, Any]) -> bool:
    """Send one request; True if the server accepted it (failures are logged)."""
    try:
        response = await client.send(method, CLIENT_API + path, json.dumps(body), headers={
            "Authorization": f"Bearer {client.access_token}",
            "Content-Type": "application/json"})
    except NETWORK_ERRORS as error:
        log.warning("%s %s failed: %s", method, path, error.__class__.__name__)
        return False
    async with response:
        if response.status != 200:
            log.warning("%s %s refused: %s %s", method, path, response.status,
                        (await response.text())[:200])
            return False
    return True


async def set_account_data(client: AsyncClient, kind: str, content: dict[str, Any]) -> bool:
    """PUT /user/{me}/account_data/{kind}."""
    path = f"/user/{quote(client.user_id, safe='')}/account_data/{quote(kind, safe='')}"
    return await _call(client, "PUT", path, content)


async def join(client: AsyncClient, room_id: str, servers: list[str]) -> bool:
    """Join `room_id` through `servers` (homeservers that are in it), as `/join` allows
    with `server_name` (nio's `join` gives none: a room on another server needs it)."""
    via = "&".join(f"server_name={quote(server, safe='')}" for server in servers)
    return await _call(client, "POST", f"/join/{quote(room_id, safe='')}"
                                       + (f"?{via}" if via else ""), {})


async def leave(client: AsyncClient, room_id: str, reason: str) -> bool:
    """Leave `room_id`, or decline its invitation, telling the others `reason`."""
    return await _call(client, "POST", f"/rooms/{quote(room_id, safe='')}/leave",
                       {"reason": reason})
