"""Configuration: one YAML file, validated at start, every key with a working default.

Each section says its keys' types and limits (`bot.settings.section`); a problem names the
key and the expected value, which is what an operator needs (`bluehats-bot config check`).
Secrets are never read from here: see `bot.settings.secrets`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.settings.section import Section, is_url, setting
from bot.settings.shipped import SHIPPED_DATA
from bot.settings.validation import SettingsInvalid
from bot.settings.web import WebConfig


def _urls_or_paths(value: list[str]) -> list[str]:
    for item in value:
        scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]+)://", item)
        if not item.strip() or (scheme and scheme.group(1).lower() not in ("http", "https")):
            raise ValueError(f"expected an http(s) URL or a file path, got {item!r}")
    return value


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        message = f"unknown time zone {value!r}, expected e.g. 'Europe/Paris'"
        raise ValueError(message) from error
    return value


class ProgrammeConfig(Section):
    paths: list[Path] = setting(factory=lambda: [SHIPPED_DATA])
    """Files or folders of programme pages, structured YAML files and schedules."""
    timezone: str = setting("Europe/Paris", check=_known_zone)
    default_duration_minutes: int = setting(30, ge=1, le=24 * 60)
    """How long the last session of a day lasts when the page gives only its start."""
    watch: bool = True
    """Reload the programme when its files change on disk."""
    sources: list[str] = setting(factory=list, check=_urls_or_paths)
    """Programmes by URL (a page's Markdown, an organisers' YAML, a pretalx or frab
    schedule.xml / schedule.json) or by path; paths join `paths`, which then defaults to
    nothing instead of the shipped programmes."""
    poll_minutes: float = setting(10, gt=0, le=24 * 60)
    """How often each URL is asked again (conditional request: unchanged costs nothing)."""
    fetch_timeout_seconds: float = setting(20, gt=0, le=600)
    """A source that has not answered whole by then has failed, this time."""
    max_source_bytes: int = setting(10_000_000, ge=1000)
    """A larger answer is refused (the last good version stays)."""
    read_timeout_seconds: float = setting(10, gt=0, le=600)
    read_memory_mb: int = setting(512, ge=16, le=1 << 20)
    """Each programme file is read in a worker process: one that takes longer, or needs
    more memory, is not read (a problem names it; the last good version stays)."""

    def _settle(self, given: set[str]) -> None:
        """Local sources join `paths`, which then defaults to nothing."""
        if not self.sources:
            return
        local = [Path(item) for item in self.sources if not is_url(item)]
        paths = self.paths if "paths" in given else []
        object.__setattr__(self, "paths", list(dict.fromkeys([*paths, *local])))

    @property
    def urls(self) -> list[str]:
        """The sources fetched over HTTP."""
        return [item for item in self.sources if is_url(item)]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class CommandsConfig(Section):
    prefix: str = setting("!", min_length=1, max_length=3)
    language: str = setting("fr", pattern="^(fr|en)$")
    """Reply language when the command itself does not tell (same name in both languages)."""


class StorageConfig(Section):
    database: Path = Path("bluehats.db")
    """The SQLite file: sync state, reminders, proposals."""


class FormatConfig(Section):
    key: str = setting(pattern="^[a-z0-9-]+$")
    """Short name people may type (`talk`); French and English labels below."""
    label_fr: str
    label_en: str
    minutes: int = setting(ge=1, le=8 * 60)
    """How long a session of this format lasts once scheduled."""
    kind: str = setting("talk", pattern="^(talk|demo|panel|workshop|other)$")
    """The programme's session kind for this format."""


def _default_formats() -> list[FormatConfig]:
    return [
        FormatConfig(key="eclair", label_fr="Éclair", label_en="Lightning", minutes=5),
        FormatConfig(key="talk", label_fr="Présentation", label_en="Talk", minutes=20),
        FormatConfig(key="demo", label_fr="Démo", label_en="Demo", minutes=15, kind="demo"),
        FormatConfig(key="atelier", label_fr="Atelier", label_en="Workshop", minutes=60,
                     kind="workshop"),
    ]


class CallConfig(Section):
    event: str = setting(min_length=1)
    """Event id (as in the programme, e.g. 2024-journees-bluehats) the call is for."""
    title: str | None = None
    """Shown to proposers; default: the event's title in the programme, or its id."""
    opens: datetime
    """Opening date-time, wall clock in the programme's time zone ('2026-10-01 00:00')."""
    closes: datetime
    """Deadline, same form ('2026-11-20 23:59'); from then on proposals are refused."""
    answers_on: date | None = None
    """The date organisers will answer, told to proposers."""
    formats: list[str] = setting(factory=list)
    """Keys of the formats offered (empty: every format)."""


class ProposalsConfig(Section):
    calls: list[CallConfig] = setting(factory=list)
    """Calls for proposals; organisers may add or change calls with `!cfp` too."""
    formats: list[FormatConfig] = setting(factory=_default_formats)
    """Formats proposers choose from, with their durations."""
    max_title_length: int = setting(150, ge=10, le=500)
    """Longer titles are refused (the proposer is asked again)."""
    min_abstract_length: int = setting(20, ge=1, le=500)
    """Shorter abstracts are refused (« à venir » is not an abstract)."""
    max_abstract_length: int = setting(1500, ge=50, le=1900)
    """Longer abstracts are refused; below the 2000 characters a command may carry."""
    max_pending_per_user: int = setting(10, ge=1)
    """A proposer may have at most this many proposals waiting for a decision."""
    organisers: list[str] = setting(factory=list)
    """Matrix ids of the organisers, who may review proposals."""
    organisers_room: str | None = None
    """Room id of the organisers' room, where review commands may be used too."""
    organiser_power_level: int | None = None
    """Members of the organisers' room with at least this power level are organisers too."""

    def _settle(self, given: set[str]) -> None:
        if self.min_abstract_length >= self.max_abstract_length:
            raise ValueError(f"min_abstract_length ({self.min_abstract_length}) must be below "
                             f"max_abstract_length ({self.max_abstract_length})")


class MatrixConfig(Section):
    homeserver: str | None = None
    """Client base URL, e.g. https://matrix.agent.dinum.tchap.gouv.fr (or use `email`)."""
    user_id: str | None = None
    """The bot's full Matrix id, needed for a password login (never built from an e-mail)."""
    email: str | None = None
    """Find the homeserver from this Tchap e-mail address when `homeserver` is not set."""
    identity_server: str = "https://matrix.agent.tchap.gouv.fr"
    """Where the e-mail discovery asks (`/_matrix/identity/api/v1/info`)."""
    device_name: str = "bluehats-bot"
    """Name of the bot's session (device), created once and then reused."""
    secrets_file: Path | None = None
    """YAML file with `matrix_token` or `matrix_password`, outside the repository."""
    pace_seconds: float = setting(1.0, ge=0, le=60)
    """Pause between two requests in the same room (Tchap asks bots for about 1 a second)."""
    max_tries: int = setting(8, ge=1, le=100)
    """How many times one message is sent when the server says M_LIMIT_EXCEEDED."""
    missed_commands_max_age_minutes: int = setting(15, ge=0)
    """Commands sent while the bot was down are answered if at most this old."""
    sync_timeout_seconds: int = setting(30, ge=1, le=300)
    """Long-poll duration of each sync."""
    allowed_rooms: list[str] = setting(factory=list)
    """Invitations to these rooms (ids `!x:server` or aliases `#x:server`) are accepted."""
    allowed_inviters: list[str] = setting(factory=list)
    """Invitations from these Matrix ids are accepted."""
    allowed_servers: list[str] = setting(factory=list)
    """Invitations from anyone on these homeservers (e.g. agent.dinum.tchap.gouv.fr)."""
    allowed_email_domains: list[str] = setting(factory=list)
    """Invitations from Tchap accounts of these e-mail domains (e.g. numerique.gouv.fr)."""
    encryption: bool = True
    """Read and answer encrypted rooms, if the `e2e` extra is installed."""
    crypto_store: Path | None = None
    """Folder of the encryption keys; default: `crypto` next to the database. Keep it."""
    cross_signing_key_file: Path | None = None
    """Where the bot keeps the cross-signing recovery key it generates (mode 0600); default:
    `cross-signing.key` next to the database. Unused when BLUEHATS_CROSS_SIGNING_KEY (or
    `cross_signing_key` in the secrets file) gives it."""
    display_name: str | None = None
    """The bot's display name, set at start when it differs (people address the bot by
    it, e.g. "BlueHats [Bot]"); null: left as it is."""
    avatar: Path | None = None
    """An image file (PNG, JPEG…) set as the bot's avatar at start, uploaded again only
    when the file changes; null: left as it is."""
    greeting: bool = False
    """Say a short hello (what the bot does, `!aide`) in a room it joins on an invitation."""


LONGEST_LEAD_MINUTES = 24 * 60
"""No reminder is sent longer than this before its session."""


def _leads(value: list[int]) -> list[int]:
    if not value or any(lead < 0 or lead > LONGEST_LEAD_MINUTES for lead in value):
        raise ValueError("expected a list of minutes between 0 and 1440, e.g. [10]")
    return value


class RoomRemindersConfig(Section):
    room: str = setting(min_length=1)
    """Room id the reminders go to."""
    lead_minutes: list[int] = setting(factory=lambda: [10], check=_leads)
    """How long before each slot the room is told; several leads give several notices."""
    events: list[str] = setting(factory=list)
    """Only these event ids (default: every event)."""


class RemindersConfig(Section):
    rooms: list[RoomRemindersConfig] = setting(factory=list)
    """Rooms told before each slot, with their lead times."""
    digest_time: time | None = time(8, 30)
    """On each event day, the rooms get the day's programme at this time (null: never)."""
    day_before_time: time | None = None
    """The day before an event, the rooms get an announcement at this time (null: never)."""
    announce_breaks: bool = False
    """Announce breaks ('Pause déjeuner') like talks."""
    personal_lead_minutes: int = setting(10, ge=0, le=LONGEST_LEAD_MINUTES)
    """How long before a session people who asked (!rappel) are told."""
    grace_minutes: int = setting(5, ge=0, le=24 * 60)
    """A reminder due while the bot was down is still sent this long after its time."""
    change_notices: bool = True
    """Tell the rooms and subscribers when a session still to come moves or is cancelled."""


class PublishingConfig(Section):
    """Reading reports to the organisers' room, and the hold of a suspicious new version of a
    programme source (bot.publishing). The thresholds compare a new version of one source
    (a file, a URL) with its published version; the defaults hold no ordinary edit (a talk
    added, moved, renamed or cancelled)."""

    reports: bool = True
    """Send the organisers' room (`proposals.organisers_room`) a reading report for each new
    or changed programme source."""
    language: str | None = setting(None, pattern="^(fr|en)$")
    """The reports' language (default: `commands.language`)."""
    hold: bool = True
    """Keep serving the published version of a source whose new version looks misread, until
    an organiser publishes it (`!publier`) or a later version reads normally."""
    hold_sessions_lost: float = setting(0.5, gt=0, le=1)
    """A new version is held when it loses at least this share of the source's sessions…"""
    hold_min_sessions_lost: int = setting(3, ge=1)
    """…and at least this many; or when the sessions of at least this many sit on days that
    no longer have any…"""
    hold_days_lost: float = setting(0.5, gt=0, le=1)
    """…making at least this share of its days with sessions. A version with no programme
    at all where the published one had one is always held (with `hold: true`)."""


class LimitsConfig(Section):
    flood_control: bool = False
    """Apply the command rate limits below. Off when the configuration does not say (code
    and tests build `Config()`); `config.example.yaml` turns it on, and so should any bot
    in a real room."""
    user_commands: int = setting(5, ge=1, le=1000)
    """A person may send this many commands per `user_seconds`; then one notice, then silence."""
    user_seconds: float = setting(10, gt=0, le=3600)
    room_commands: int = setting(20, ge=1, le=10000)
    """A room (not a direct chat) gets this many answers per `room_seconds`."""
    room_seconds: float = setting(60, gt=0, le=3600)
    max_reply_chars: int = setting(4000, ge=200, le=30000)
    """Answers in a room longer than this are cut, pointing to a direct chat for the rest."""


ENVIRONMENT_DEFAULTS = {
    "BLUEHATS_DATABASE": ("storage", "database"),
    "BLUEHATS_WEB_LISTEN": ("web", "listen"),
}
"""Environment variables giving a key its value when the configuration file does not set
it (the container sets them: a database in its volume, a listener for its health check)."""


class Config(Section):
    programme: ProgrammeConfig = ProgrammeConfig()
    commands: CommandsConfig = CommandsConfig()
    storage: StorageConfig = StorageConfig()
    proposals: ProposalsConfig = ProposalsConfig()
    matrix: MatrixConfig = MatrixConfig()
    reminders: RemindersConfig = RemindersConfig()
    limits: LimitsConfig = LimitsConfig()
    web: WebConfig = WebConfig()
    publishing: PublishingConfig = PublishingConfig()

    def with_database(self, database: Path | None) -> Config:
        """This configuration with `database` as its database (None: unchanged)."""
        if database is None:
            return self
        return self.model_copy(update={"storage": self.storage.model_copy(
            update={"database": database.absolute()})})

    @property
    def cross_signing_key_file(self) -> Path:
        """The bot's cross-signing key file: `matrix.cross_signing_key_file`, else
        `cross-signing.key` next to the database."""
        return (self.matrix.cross_signing_key_file
                or self.storage.database.parent / "cross-signing.key")


class ConfigError(Exception):
    """The configuration cannot be used; the message lists every problem, one a line."""


def load_config(path: Path | None, env: Mapping[str, str] | None = None) -> Config:
    """Read and validate the YAML file at `path`; no path gives the embedded defaults.
    Keys the file leaves out take their value from `ENVIRONMENT_DEFAULTS` (`env`, default
    the process environment) when set there.

    Relative paths in the file are taken relative to the file's folder; in the
    environment, to the current folder.
    """
    raw: object = {}
    if path is not None:
        import yaml  # only a file needs the parser: the console mostly starts without one

        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise ConfigError(f"{path}: cannot read the configuration: {error.strerror}") \
                from error
        except yaml.YAMLError as error:
            raise ConfigError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of sections at the top level")
    try:
        config = Config.model_validate(_with_environment(raw, os.environ if env is None else env))
    except SettingsInvalid as error:
        lines = [f"{path or 'the environment'}: invalid configuration:"]
        lines += [f"  {problem}" for problem in error.problems]
        raise ConfigError("\n".join(lines)) from error
    return config if path is None else _relative_to(config, path.parent)


def _with_environment(raw: dict, env: Mapping[str, str]) -> dict:
    """`raw` with the keys it leaves out taken from the environment, when set there."""
    for variable, (section, key) in ENVIRONMENT_DEFAULTS.items():
        value = env.get(variable, "").strip()
        part = raw.get(section)
        if not value or (part is not None and not isinstance(part, dict)) or key in (part or {}):
            continue
        if key == "database":
            value = str(Path(value).absolute())
        raw = {**raw, section: {**(part or {}), key: value}}
    return raw


def _relative_to(config: Config, base: Path) -> Config:
    paths = [p if p.is_absolute() else base / p for p in config.programme.paths]
    database = config.storage.database
    return config.model_copy(
        update={
            "programme": config.programme.model_copy(update={"paths": paths}),
            "storage": config.storage.model_copy(
                update={"database": database if database.is_absolute() else base / database}
            ),
            "matrix": config.matrix.model_copy(update={
                key: base / value for key in ("secrets_file", "crypto_store",
                                              "cross_signing_key_file", "avatar")
                if (value := getattr(config.matrix, key)) is not None and not value.is_absolute()
            }),
        }
    )
