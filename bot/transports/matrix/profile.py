"""The bot's face: its display name and avatar, from the configuration (`matrix.display_name`,
`matrix.avatar`), set at start when they differ from the account's. People address the bot
by its display name in rooms, so it is worth having right. The avatar is uploaded again
only when its file changes (its hash is kept in the database with the uploaded URI)."""

from __future__ import annotations

import hashlib
import logging
import mimetypes

from nio import (
    AsyncClient,
    ProfileGetResponse,
    ProfileSetAvatarResponse,
    ProfileSetDisplayNameResponse,
    UploadResponse,
)

from bot.settings.config import MatrixConfig
from bot.storage import Storage
from bot.transports.matrix.sending import NETWORK_ERRORS

log = logging.getLogger(__name__)

AVATAR = "matrix.avatar"
"""State key: '<sha256 of the file> <mxc URI>' of the avatar last uploaded."""


async def present(client: AsyncClient, storage: Storage, config: MatrixConfig) -> None:
    """Set the display name and avatar the configuration gives; failures are logged."""
    if config.display_name is None and config.avatar is None:
        return
    try:
        profile = await client.get_profile(client.user_id)
        if not isinstance(profile, ProfileGetResponse):
            log.warning("profile not read: %s", profile)
            return
        if config.display_name is not None and profile.displayname != config.display_name:
            answer = await client.set_displayname(config.display_name)
            if isinstance(answer, ProfileSetDisplayNameResponse):
                log.info("display name set to %r", config.display_name)
            else:
                log.warning("display name not set: %s", answer)
        if config.avatar is not None:
            await _avatar(client, storage, config, profile.avatar_url)
    except NETWORK_ERRORS as error:
        log.warning("profile not set (%s): tried again at the next start",
                    error.__class__.__name__)


async def _avatar(client: AsyncClient, storage: Storage, config: MatrixConfig,
                  current: str | None) -> None:
    assert config.avatar is not None
    try:
        data = config.avatar.read_bytes()
    except OSError as error:
        log.warning("matrix.avatar: cannot read %s: %s", config.avatar, error.strerror)
        return
    digest = hashlib.sha256(data).hexdigest()
    saved_digest, _, uri = (await storage.state.get_state(AVATAR) or "").partition(" ")
    if saved_digest != digest or not uri:
        mimetype = mimetypes.guess_type(config.avatar.name)[0] or "application/octet-stream"
        uploaded, _ = await client.upload(lambda *_: data, content_type=mimetype,
                                          filename=config.avatar.name, filesize=len(data))
        if not isinstance(uploaded, UploadResponse):
            log.warning("avatar not uploaded: %s", uploaded)
            return
        uri = uploaded.content_uri
        await storage.state.set_state(AVATAR, f"{digest} {uri}")
    if current != uri:
        answer = await client.set_avatar(uri)
        if isinstance(answer, ProfileSetAvatarResponse):
            log.info("avatar set from %s", config.avatar)
        else:
            log.warning("avatar not set: %s", answer)
