"""matrix-nio's AsyncClient, made safe when sharing a room key fails (429, 5xx, reset).

Found by the fault soak (bench/soak.py --faults), with matrix-nio 0.26:
- `ShareGroupSessionError.from_dict` passes `users_shared_with` where `soft_logout` goes, so
  a refused `sendToDevice` (a 429) makes nio forget the access token: every later request
  fails with "Not logged in." until the bot is restarted;
- `share_group_session` marks the room key as shared even when some of its `sendToDevice`
  requests failed, and then encrypts with it: those devices can never read the message;
- an answer that is not JSON (a reverse proxy's 502 page) is read as `{}`, which is a
  success for the requests answered `{}` (`sendToDevice`): here it is an error;
- a `keys/claim` answered with an error (429, 502) raises TypeError inside nio:
  `KeysClaimError.from_dict` needs a room id nio does not pass. And when the claim raises,
  `share_group_session` leaves the room marked "sharing" for good, so every later
  `room_send` to that room waits forever.

Here a failed share leaves the key "not shared", so the next send shares it again with
the devices still missing it, and the message waits (RoomKeyNotShared, a network error
for the sender, which retries it with a growing pause).

Every answer of the homeserver is also told to the client's `Reachability`, which ends the
pauses of the loops waiting out an outage (reachability.py).

The requests an answer needs (the message, and the key share before it) get
`BRIEF_TIMEOUT` instead of nio's 60 s: one stalled request held the room's whole queue; so
does the upload of the sync filter, which a start must not wait a minute for.
"""

from __future__ import annotations

from typing import Any

from aiohttp import ClientError, ClientResponse
from nio import (
    AsyncClient,
    ErrorResponse,
    KeysClaimResponse,
    Response,
    RoomSendResponse,
    ShareGroupSessionError,
    ShareGroupSessionResponse,
    UploadFilterResponse,
)

from bot.transports.matrix.reachability import Reachability
from bot.transports.matrix.sending import NETWORK_ERRORS

PROBE_TIMEOUT = 10.0
BRIEF_TIMEOUT = 10.0
"""Seconds for a message or key-share request. Synapse answers one in tens of milliseconds,
a loaded server in a second or two: one still unanswered is stalled, and tried again under
the same transaction id, which the server shows once."""


class RoomKeyNotShared(ClientError):
    """The room key did not reach every device of the room: the message is not sent yet."""


class BotClient(AsyncClient):
    """An AsyncClient whose failed room-key shares neither log it out nor lose messages."""

    SHARING = (KeysClaimResponse, ShareGroupSessionResponse)
    """The requests of a room-key share: Olm sessions claimed, then the key sent to each."""
    BRIEF = (RoomSendResponse, UploadFilterResponse, *SHARING)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.failed_sharing_requests = 0
        self.reachability = Reachability(self._answers)

    async def create_matrix_response(self, response_class: type,
                                     transport_response: ClientResponse,
                                     data: tuple[Any, ...] | None = None,
                                     save_to: Any = None) -> Response:
        if response_class is KeysClaimResponse and not data:
            data = ("",)  # the room id both its from_dict and its error's need
        response = await super().create_matrix_response(response_class, transport_response,
                                                        data=data, save_to=save_to)
        status = transport_response.status
        if not 200 <= status < 300 and not isinstance(response, ErrorResponse):
            response = ErrorResponse(f"HTTP {status} {transport_response.reason or ''}")
            response.transport_response = transport_response
        return response

    async def receive_response(self, response: Response) -> None:
        if isinstance(response, ShareGroupSessionError):
            response.soft_logout = False  # what nio put there is a set of devices
        await super().receive_response(response)

    async def _send(self, response_class: type, *args: Any, **kwargs: Any) -> Any:
        """nio's request, brief for what an answer needs; the failures of those a room-key
        share makes are counted."""
        if response_class in self.BRIEF and kwargs.get("timeout") is None:
            kwargs["timeout"] = BRIEF_TIMEOUT
        try:
            response = await super()._send(response_class, *args, **kwargs)
        except NETWORK_ERRORS:
            self.failed_sharing_requests += response_class in self.SHARING
            raise
        transport = getattr(response, "transport_response", None)
        if transport is not None and transport.status < 500:  # not a gateway's page
            self.reachability.heard()
        self.failed_sharing_requests += (response_class in self.SHARING
                                         and not isinstance(response, response_class))
        return response

    async def _answers(self) -> bool:
        """Whether the homeserver itself answers (the probe of `Reachability`)."""
        try:
            response = await self.send("GET", "/_matrix/client/versions",
                                       timeout=PROBE_TIMEOUT)
        except NETWORK_ERRORS:
            return False
        response.release()
        return response.status < 500

    async def close(self) -> None:
        await self.reachability.close()
        await super().close()

    async def share_group_session(self, room_id: str, ignore_unverified_devices: bool = False
                                  ) -> Any:
        failed_before = self.failed_sharing_requests
        ours = room_id not in self.sharing_session  # else nio refuses: another share is on
        try:
            answer = await super().share_group_session(
                room_id, ignore_unverified_devices=ignore_unverified_devices)
        finally:
            sharing = self.sharing_session.pop(room_id, None) if ours else None
            if sharing is not None:  # left by nio when the key claim raised
                sharing.set()
        if self.failed_sharing_requests > failed_before:  # (or another room's, meanwhile)
            session = self.olm.outbound_group_sessions.get(room_id) if self.olm else None
            if session is not None:
                session.shared = False  # shared again, with the missing devices, next time
            raise RoomKeyNotShared(f"the room key of {room_id} did not reach every device")
        return answer
