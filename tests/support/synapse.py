"""A real Synapse homeserver for the test suite, and a "human" Matrix client to talk to it.

Everything listens on 127.0.0.1 only; Synapse runs from this interpreter
(`sys.executable -m synapse.app.homeserver`) with SQLite, in a temporary folder.

Fixtures (tests/conftest.py)
----------------------------
`synapse`
    One server for the whole test session, relaxed rate limits. Use it for ordinary tests;
    register fresh users per test so tests do not see each other's rooms.
`synapse_factory`
    `synapse_factory(tight=False, **homeserver_yaml_keys)` starts a private server (stopped
    at the end of the test): for tests that stop/restart the homeserver, or need a tight
    message rate limit (`tight=True`: 2 messages/s, burst 5, so quick replies get 429).
    Use sparingly: each costs ~1.5 s and ~125 MiB.

Server (`Synapse`)
------------------
- `.base_url` ("http://127.0.0.1:PORT"), `.server_name` ("localhost")
- `.register(name, admin=False, displayname=None) -> Account(user_id, token, device_id)`:
  shared-secret admin API, no login (so no login rate limit). Names must be unique per server;
  `unique("alice")` gives a fresh one.
- `.stop()`, `.kill()`, `.start()`, `.restart()`: for outage tests (same port, same
  database).
- `.exempt_from_ratelimit(user_id)`: the admin override, for a human in a tight-limit test.
- `.expire(user_id)`: an expired account (403 ORG_MATRIX_EXPIRED_ACCOUNT), on a server
  started with `account_validity={"enabled": True, "period": "30d"}`.

Human client (`Human`, matrix-nio used directly, not the bot's code)
-------------------------------------------------------------------
    async with Human.connect(synapse, "alice", encrypted=False) as alice:
        room = await alice.create_room(invite=[bot_id])      # or alice.open_dm(bot_id)
        await alice.wait_joined(room, bot_id)
        event_id = await alice.send(room, "!next")            # thread_root=..., reply_to=...
        reply = await alice.wait_for(lambda m: m.sender == bot_id and m.room == room)
        assert alice.count(lambda m: m.replies_to == event_id) == 1
It syncs in the background, accepts invites (auto_join=True), records every message it sees
(`.messages`, each a `Seen`), and with `encrypted=True` uses its own crypto store and
decrypts (it trusts all devices, as tests need no verification).

Running the bot
---------------
`bot_config(synapse, tmp_path, account, **matrix)` writes a secrets file and returns a
`Config` for the bot (database in tmp_path, `matrix:` section overridden by `matrix`).
`running_bot(config, clock=None, services=())` is an async context manager running the bot
in-process until exit (it yields the `MatrixBot`, already past its first sync; `bot.deliver`
sends `Outgoing(..., to_room=/to_user=)` like reminders do, `bot.app` is its `App`).
`bot_in_room(synapse, tmp_path, encrypted=False, **matrix)` does all that for the usual
case: yields a `Scene` (.bot, .account, .human "alice", .room) with the bot already joined.
`BotProcess(config_path)` runs `python -m bot run --config ...` as a subprocess, for kill
tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SHARED_SECRET = "test-shared-secret"
RELAXED = {"per_second": 1000, "burst_count": 10000}
TIGHT = {"per_second": 2, "burst_count": 5}
_RATE_LIMITS = (
    "rc_message", "rc_registration", "rc_room_creation", "rc_key_requests", "rc_profile",
    "rc_media_create", "rc_3pid_validation", "rc_admin_redaction", "rc_presence",
)
_counter = itertools.count()


def unique(name: str) -> str:
    """A user name no other test of this session uses."""
    return f"{name}{os.getpid()}x{next(_counter)}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Account:
    user_id: str
    token: str
    device_id: str


class Synapse:
    """A Synapse homeserver in `folder`, started by `start()` and stopped by `stop()`."""

    server_name = "localhost"

    def __init__(self, folder: Path, *, tight: bool = False, port: int | None = None,
                 **extra: Any) -> None:
        self.folder = folder
        self.extra = extra  # more homeserver.yaml keys, e.g. account_validity
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.tight = tight
        self.process: subprocess.Popen[bytes] | None = None
        self.config_path = folder / "homeserver.yaml"
        folder.mkdir(parents=True, exist_ok=True)
        self._write_config()

    def _write_config(self) -> None:
        from signedjson.key import generate_signing_key, write_signing_keys

        key_path = self.folder / "signing.key"
        with key_path.open("w") as out:
            write_signing_keys(out, [generate_signing_key("a_test")])
        log_config = self.folder / "log.yaml"
        log_config.write_text(yaml.safe_dump({
            "version": 1,
            "formatters": {"plain": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
            "handlers": {"file": {"class": "logging.FileHandler", "formatter": "plain",
                                  "filename": str(self.folder / "homeserver.log")}},
            "root": {"level": "INFO", "handlers": ["file"]},
            "disable_existing_loggers": False,
        }))
        config: dict[str, Any] = {
            "server_name": self.server_name,
            "public_baseurl": self.base_url + "/",
            "pid_file": str(self.folder / "homeserver.pid"),
            "listeners": [{"port": self.port, "bind_addresses": ["127.0.0.1"], "type": "http",
                           "tls": False, "x_forwarded": False,
                           "resources": [{"names": ["client"], "compress": False}]}],
            "database": {"name": "sqlite3",
                         "args": {"database": str(self.folder / "homeserver.db")}},
            "media_store_path": str(self.folder / "media"),
            "signing_key_path": str(key_path),
            "log_config": str(log_config),
            "registration_shared_secret": SHARED_SECRET,
            "macaroon_secret_key": "test-macaroon",
            "form_secret": "test-form",
            "enable_registration": False,
            "federation_domain_whitelist": [],
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "report_stats": False,
            "presence": {"enabled": False},
            "enable_metrics": False,
            "bcrypt_rounds": 4,
            # A restarted client must never get a cached, stale /sync answer.
            "caches": {"sync_response_cache_duration": 0},
            "rc_login": {"address": RELAXED, "account": RELAXED, "failed_attempts": RELAXED},
            "rc_joins": {"local": RELAXED, "remote": RELAXED},
            "rc_joins_per_room": RELAXED,
            "rc_invites": {"per_room": RELAXED, "per_user": RELAXED, "per_issuer": RELAXED},
        }
        for key in _RATE_LIMITS:
            config[key] = RELAXED
        if self.tight:
            # Tighter than Synapse's default burst (10), looser rate (default 0.2/s) so that a
            # test of 20+ replies hits 429s and still ends in seconds.
            config["rc_message"] = TIGHT
        config.update(self.extra)
        self.config_path.write_text(yaml.safe_dump(config))

    # --- life cycle -------------------------------------------------------------------

    def start(self, timeout: float = 30) -> None:
        """Launch the server and return once it answers /_matrix/client/versions."""
        log = (self.folder / "stdout.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "synapse.app.homeserver", "--config-path",
             str(self.config_path)],
            cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Synapse exited with {self.process.returncode}; see "
                                   f"{self.folder}/homeserver.log and stdout.log")
            try:
                self._request("GET", "/_matrix/client/versions", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Synapse not ready after {timeout} s; see {self.folder}")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL, as a crash or an OOM kill would: no clean shutdown."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # --- admin API --------------------------------------------------------------------

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None,
                 token: str | None = None, timeout: float = 10) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base_url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {token}"} if token else {})},
        )
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return json.loads(answer.read() or b"{}")

    def register(self, name: str, *, admin: bool = False, password: str = "password",
                 displayname: str | None = None) -> Account:
        """Create the user `@name:localhost` through the shared-secret admin API."""
        nonce = self._request("GET", "/_synapse/admin/v1/register")["nonce"]
        mac = hmac.new(SHARED_SECRET.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode(),
                                 b"admin" if admin else b"notadmin"]))
        body: dict[str, Any] = {"nonce": nonce, "username": name, "password": password,
                                "admin": admin, "mac": mac.hexdigest()}
        if displayname:
            body["displayname"] = displayname
        answer = self._request("POST", "/_synapse/admin/v1/register", body)
        return Account(answer["user_id"], answer["access_token"], answer["device_id"])

    def expire(self, user_id: str) -> None:
        """Make the account expired (needs `account_validity` enabled on this server)."""
        admin = self.register(unique("admin"), admin=True)
        self._request("POST", "/_synapse/admin/v1/account_validity/validity",
                      {"user_id": user_id, "expiration_ts": 0,
                       "enable_renewal_emails": False}, token=admin.token)

    def exempt_from_ratelimit(self, user_id: str) -> None:
        """Lift the message rate limit for `user_id` (needs an admin to ask)."""
        admin = self.register(unique("admin"), admin=True)
        self._request("POST", f"/_synapse/admin/v1/users/{user_id}/override_ratelimit",
                      {"messages_per_second": 0, "burst_count": 0}, token=admin.token)


# --- the human ------------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """A message the human's client received."""

    room: str
    sender: str
    event_id: str
    body: str
    msgtype: str
    content: dict[str, Any]
    encrypted: bool = False

    @property
    def replies_to(self) -> str | None:
        return self.content.get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")

    @property
    def thread(self) -> str | None:
        relates = self.content.get("m.relates_to", {})
        return relates.get("event_id") if relates.get("rel_type") == "m.thread" else None


@dataclass
class Human:
    """A person on the server, as a matrix-nio client syncing in the background."""

    client: Any  # nio.AsyncClient
    account: Account
    auto_join: bool = True
    messages: list[Seen] = field(default_factory=list)
    reactions: list[tuple[str, str, str]] = field(default_factory=list)
    """(sender, the event reacted to, key) of each reaction seen."""
    undecryptable: list[Any] = field(default_factory=list)
    typing: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(room, the users typing there) of each typing notice seen."""
    _task: asyncio.Task[None] | None = None
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def user_id(self) -> str:
        return self.account.user_id

    @classmethod
    @contextlib.asynccontextmanager
    async def connect(cls, synapse: Synapse, name: str, *, encrypted: bool = False,
                      store: Path | None = None, displayname: str | None = None,
                      auto_join: bool = True) -> AsyncIterator[Human]:
        """Register a fresh user (`unique(name)`) and sync as them until exit."""
        from nio import AsyncClient, AsyncClientConfig

        account = synapse.register(unique(name), displayname=displayname)
        config = AsyncClientConfig(encryption_enabled=encrypted, store_sync_tokens=False,
                                   max_limit_exceeded=0, max_timeouts=None)
        store_path = ""
        if encrypted:
            if store is None:
                raise ValueError("an encrypted human needs a store folder")
            store.mkdir(parents=True, exist_ok=True)
            store_path = str(store)
        client = AsyncClient(synapse.base_url, account.user_id, device_id=account.device_id,
                             store_path=store_path, config=config)
        client.restore_login(account.user_id, account.device_id, account.token)
        human = cls(client, account, auto_join)
        try:
            await human._start()
            yield human
        finally:
            await human.close()

    async def _start(self) -> None:
        from nio import (
            InviteMemberEvent,
            MegolmEvent,
            ReactionEvent,
            RoomMessage,
            TypingNoticeEvent,
        )

        self.client.add_event_callback(self._on_message, RoomMessage)
        self.client.add_event_callback(self._on_reaction, ReactionEvent)
        self.client.add_event_callback(self._on_undecryptable, MegolmEvent)
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self.client.add_ephemeral_callback(self._on_typing, TypingNoticeEvent)
        await self.client.sync(timeout=0, full_state=True)
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        self._task = asyncio.create_task(self.client.sync_forever(timeout=3000))

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.client.close()

    async def _on_message(self, room: Any, event: Any) -> None:
        source = event.source
        self.messages.append(Seen(
            room.room_id, event.sender, event.event_id, getattr(event, "body", "") or "",
            source.get("content", {}).get("msgtype", ""), source.get("content", {}),
            bool(getattr(event, "decrypted", False)),
        ))
        self._arrived.set()

    async def _on_reaction(self, room: Any, event: Any) -> None:
        self.reactions.append((event.sender, event.reacts_to, event.key))
        self._arrived.set()

    async def _on_typing(self, room: Any, event: Any) -> None:
        self.typing.append((room.room_id, tuple(event.users)))
        self._arrived.set()

    async def _on_undecryptable(self, room: Any, event: Any) -> None:
        self.undecryptable.append(event)

    async def _on_invite(self, room: Any, event: Any) -> None:
        if self.auto_join and event.state_key == self.user_id and event.membership == "invite":
            await self.client.join(room.room_id)

    # --- acting -----------------------------------------------------------------------

    async def create_room(self, *, invite: tuple[str, ...] | list[str] = (),
                          encrypted: bool = False, is_direct: bool = False,
                          name: str | None = None, public: bool = False) -> str:
        from nio import RoomCreateResponse, RoomPreset

        initial_state = []
        if encrypted:
            initial_state.append({"type": "m.room.encryption", "state_key": "",
                                  "content": {"algorithm": "m.megolm.v1.aes-sha2"}})
        answer = await self.client.room_create(
            name=name, invite=list(invite), is_direct=is_direct, initial_state=initial_state,
            preset=RoomPreset.trusted_private_chat if is_direct
            else RoomPreset.public_chat if public else RoomPreset.private_chat,
        )
        assert isinstance(answer, RoomCreateResponse), answer
        await self.wait_until(lambda: answer.room_id in self.client.rooms)
        return answer.room_id

    async def open_dm(self, user_id: str, *, encrypted: bool = False) -> str:
        return await self.create_room(invite=[user_id], is_direct=True, encrypted=encrypted)

    async def upgrade(self, room: str, version: str = "10") -> str:
        """Upgrade `room` to a new room version (Synapse's room upgrade API, as Element's
        /upgrade does); the replacement room's id."""
        path = f"/_matrix/client/v3/rooms/{room}/upgrade"
        answer = await self.client.send("POST", path, json.dumps({"new_version": version}),
                                        headers={"Authorization": f"Bearer {self.account.token}",
                                                 "Content-Type": "application/json"})
        body = await answer.json()
        assert answer.status == 200, body
        return body["replacement_room"]

    async def invite(self, room: str, user_id: str) -> None:
        from nio import RoomInviteResponse

        answer = await self.client.room_invite(room, user_id)
        assert isinstance(answer, RoomInviteResponse), answer

    async def send(self, room: str, text: str, *, thread_root: str | None = None,
                   reply_to: str | None = None, html: str | None = None,
                   mentions: list[str] | None = None, extra: dict[str, Any] | None = None,
                   msgtype: str = "m.text") -> str:
        """Send a message; returns its event id."""
        from nio import RoomSendResponse

        content: dict[str, Any] = {"msgtype": msgtype, "body": text}
        if html is not None:
            content.update(format="org.matrix.custom.html", formatted_body=html)
        if mentions is not None:
            content["m.mentions"] = {"user_ids": mentions}
        if thread_root:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread_root,
                                       "is_falling_back": True,
                                       "m.in_reply_to": {"event_id": thread_root}}
        elif reply_to:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        content.update(extra or {})
        answer = await self.client.room_send(room, "m.room.message", content,
                                             ignore_unverified_devices=True)
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id

    async def edit(self, room: str, event_id: str, text: str) -> str:
        """Replace the text of the message `event_id` (an m.replace edit)."""
        return await self.send(room, f"* {text}", extra={
            "m.new_content": {"msgtype": "m.text", "body": text},
            "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
        })

    # --- waiting ----------------------------------------------------------------------

    async def wait_until(self, condition: Callable[[], bool], timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.user_id}: condition not met in {timeout} s")
            # Woken at once by a new message (timings in bench/ rely on it); other
            # conditions (room state) are checked every 50 ms.
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), 0.05)

    async def wait_joined(self, room: str, user_id: str, timeout: float = 15) -> None:
        """Wait until `user_id` is a joined member of `room`, as this client sees it."""
        def joined() -> bool:
            found = self.client.rooms.get(room)
            # nio's `users` lists invited members too
            return found is not None and user_id in found.users \
                and user_id not in found.invited_users

        await self.wait_until(joined, timeout)

    async def wait_for(self, predicate: Callable[[Seen], bool], timeout: float = 15,
                       count: int = 1) -> Seen:
        """The first message matching `predicate` once `count` of them arrived."""
        await self.wait_until(lambda: self.count(predicate) >= count, timeout)
        return next(m for m in self.messages if predicate(m))

    def count(self, predicate: Callable[[Seen], bool]) -> int:
        return sum(1 for message in self.messages if predicate(message))

    async def settle(self, seconds: float = 1.0) -> None:
        """Give late duplicates a chance to arrive before counting."""
        await asyncio.sleep(seconds)


# --- the bot --------------------------------------------------------------------------


def bot_config(synapse: Synapse, folder: Path, account: Account, **matrix: Any) -> Any:
    """A bot `Config` for `account` on `synapse`: database and secrets file in `folder`."""
    from bot.settings.config import Config

    folder.mkdir(parents=True, exist_ok=True)
    secrets = folder / "secrets.yaml"
    secrets.write_text(yaml.safe_dump({"matrix_token": account.token}))
    secrets.chmod(0o600)
    section = {"homeserver": synapse.base_url, "user_id": account.user_id,
               "secrets_file": str(secrets), "pace_seconds": 0.0, **matrix}
    return Config.model_validate({"storage": {"database": str(folder / "bot.db")},
                                  "matrix": section})


def write_config(config: Any, path: Path) -> Path:
    """Write `config` as the YAML file `bluehats-bot run --config` reads."""
    path.write_text(yaml.safe_dump(config.model_dump(mode="json")))
    return path


@contextlib.asynccontextmanager
async def running_bot(config: Any, clock: Any = None,
                      services: tuple[Any, ...] = ()) -> AsyncIterator[Any]:
    """Run the bot in this process until exit; yields the MatrixBot after its first sync.

    `services`: background jobs `async (app, transport) -> None` (e.g. a reminder loop),
    started after the first sync; `clock`: e.g. a `bot.settings.clock.FixedClock`."""
    from bot.cli.run import matrix_bot

    bot = await matrix_bot(config, clock=clock, services=services)
    task = asyncio.create_task(bot.run())
    try:
        await asyncio.wait_for(_first_of(bot.ready.wait(), task), 30)
        if task.done():
            task.result()
        yield bot
    finally:
        bot.request_stop()
        await asyncio.wait_for(task, 30)


async def _first_of(waiting: Any, task: asyncio.Task[Any]) -> None:
    ready = asyncio.ensure_future(waiting)
    await asyncio.wait({ready, task}, return_when=asyncio.FIRST_COMPLETED)
    ready.cancel()


@dataclass
class Scene:
    """A running bot and a human in a room they both joined."""

    bot: Any  # bot.transports.matrix.runner.MatrixBot
    account: Account
    human: Human
    room: str

    def from_bot(self, message: Seen) -> bool:
        return message.sender == self.account.user_id and message.room == self.room


@contextlib.asynccontextmanager
async def bot_in_room(synapse: Synapse, folder: Path, *, encrypted: bool = False,
                      **matrix: Any) -> AsyncIterator[Scene]:
    """A fresh bot account running in-process (invitations from anyone on the server
    accepted unless `matrix` says otherwise) and a human "alice" who invited it to a new
    room. `encrypted=True`: an encrypted room and an encrypting human."""
    account = synapse.register(unique("bot"))
    config = bot_config(synapse, folder / "bot", account,
                        **{"allowed_servers": [synapse.server_name], **matrix})
    async with running_bot(config) as bot, Human.connect(
            synapse, "alice", encrypted=encrypted, store=folder / "alice") as alice:
        room = await alice.create_room(invite=[account.user_id], encrypted=encrypted)
        await alice.wait_joined(room, account.user_id)
        yield Scene(bot, account, alice, room)


class BotProcess:
    """`python -m bot run --config PATH` as a child process (logs in `log_path`)."""

    def __init__(self, config_path: Path, log_path: Path, options: tuple[str, ...] = ()) -> None:
        self.config_path = config_path
        self.log_path = log_path
        self.options = options  # before `run`, e.g. ("--log-format", "json")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *self.options, "run", "--config",
             str(self.config_path)],
            stdout=log, stderr=subprocess.STDOUT,
        )

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        """Send `sig` and return the exit code (SIGKILL if it does not stop in time)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
