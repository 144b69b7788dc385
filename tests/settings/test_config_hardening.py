"""Configuration at start and `bluehats-bot config check`: each problem names the key and
what was expected; the check looks at the machine too (paths, database folder, secrets)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli.config import check
from bot.cli.main import main
from bot.settings.config import ConfigError, load_config

GOOD = """
matrix:
  homeserver: https://matrix.example.gouv.fr
  user_id: "@bot:example.gouv.fr"
  secrets_file: secrets.yaml
storage:
  database: state/bot.db
limits:
  flood_control: true
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("BLUEHATS_MATRIX_TOKEN", "BLUEHATS_MATRIX_PASSWORD", "BLUEHATS_SECRETS_FILE"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "state").mkdir()
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text("matrix_token: syt_abc\n")
    secrets.chmod(0o600)
    (tmp_path / "config.yaml").write_text(GOOD)
    return tmp_path


def run_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["config", "check", "--config", str(folder / "config.yaml")])
    return status, capsys.readouterr().out


def test_a_ready_configuration_is_ok(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_check(folder, capsys)
    assert status == 0, out
    assert out.splitlines()[-1] == f"OK: {folder / 'config.yaml'}"
    assert "problem" not in out


def test_unknown_and_wrong_keys_are_named_with_what_was_expected(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "config.yaml").write_text(GOOD + "commands:\n  prefx: '?'\n  language: de\n"
                                        "reminders:\n  rooms:\n    - lead_minutes: [10]\n"
                                        "programme: data\n")
    status, out = run_check(folder, capsys)
    assert status == 1
    assert "commands.prefx: unknown key; expected one of: prefix, language" in out
    assert "commands.language: String should match pattern '^(fr|en)$' (got 'de')" in out
    assert "reminders.rooms[0].room: required key missing" in out
    assert "programme: expected a section (key: value lines) with keys paths, timezone" in out


def test_the_same_messages_stop_a_start(folder: Path) -> None:
    (folder / "config.yaml").write_text("limits:\n  user_commands: 0\n  burst: 3\n")
    with pytest.raises(ConfigError) as error:
        load_config(folder / "config.yaml")
    lines = str(error.value).splitlines()[1:]
    assert lines == ["  limits.user_commands: Input should be greater than or equal to 1 (got 0)",
                     "  limits.burst: unknown key; expected one of: flood_control, "
                     "user_commands, user_seconds, room_commands, room_seconds, "
                     "max_reply_chars"]


def test_missing_secrets_and_paths_are_each_a_problem(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "secrets.yaml").unlink()
    (folder / "config.yaml").write_text(GOOD.replace("state/bot.db", "nowhere/bot.db")
                                        + "programme:\n  paths: [pages]\n")
    status, out = run_check(folder, capsys)
    problems = [line for line in out.splitlines() if line.startswith("problem:")]
    assert status == 1 and len(problems) == 3, out
    assert f"programme.paths: {folder / 'pages'} does not exist" in problems[0]
    assert f"storage.database: the folder {folder / 'nowhere'} does not exist" in problems[1]
    assert "secrets: cannot read the secrets file" in problems[2]


def test_secrets_from_the_environment_are_enough(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "secrets.yaml").write_text("")
    config = load_config(folder / "config.yaml")
    problems, _ = check(config, env={})
    assert problems and problems[0].startswith("secrets: no access token nor password")
    assert check(config, env={"BLUEHATS_MATRIX_PASSWORD": "pw"})[0] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_database_folder_is_a_problem(folder: Path) -> None:
    (folder / "state").chmod(0o500)
    try:
        problems, _ = check(load_config(folder / "config.yaml"), env={})
    finally:
        (folder / "state").chmod(0o700)
    assert any("is not writable" in p for p in problems)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_database_file_is_a_problem(folder: Path) -> None:
    database = folder / "state" / "bot.db"
    database.write_bytes(b"")
    database.chmod(0o400)
    problems, _ = check(load_config(folder / "config.yaml"), env={})
    assert any("bot.db is read-only" in p for p in problems)


def test_a_secrets_file_readable_by_others_is_noted(folder: Path) -> None:
    (folder / "secrets.yaml").chmod(0o644)
    problems, notes = check(load_config(folder / "config.yaml"), env={})
    assert problems == []
    assert any("readable by others; run chmod 600" in note for note in notes)


def test_the_secrets_file_named_in_the_environment_is_the_one_checked(folder: Path) -> None:
    other = folder / "other-secrets.yaml"
    other.write_text("matrix_token: abc\n")
    other.chmod(0o644)
    problems, notes = check(load_config(folder / "config.yaml"),
                            env={"BLUEHATS_SECRETS_FILE": str(other)})
    assert problems == []
    assert any(f"{other} is readable by others" in note for note in notes)


def test_a_cross_signing_key_file_readable_by_others_is_noted(folder: Path) -> None:
    """The key file the bot wrote at its first bootstrap (default: next to the database)
    signs devices in the bot's name: like the secrets file, the bot's alone."""
    key_file = folder / "state" / "cross-signing.key"
    key_file.write_text("EsTc 1234\n")
    key_file.chmod(0o600)
    config = load_config(folder / "config.yaml")
    assert not any("cross-signing" in note for note in check(config, env={})[1])
    key_file.chmod(0o640)
    problems, notes = check(config, env={})
    assert problems == []
    assert f"cross-signing key file {key_file} is readable by others; run chmod 600 {key_file}" \
        in notes


def test_a_database_readable_by_others_is_noted_with_its_wal(folder: Path) -> None:
    """The database holds the access token: like the secrets file, the bot's alone."""
    database = folder / "state" / "bot.db"
    for name in ("bot.db", "bot.db-wal", "bot.db-shm"):
        (folder / "state" / name).write_bytes(b"")
        (folder / "state" / name).chmod(0o600)
    config = load_config(folder / "config.yaml")
    assert not any("database" in note for note in check(config, env={})[1])
    database.chmod(0o644)
    (folder / "state" / "bot.db-wal").chmod(0o640)
    notes = check(config, env={})[1]
    assert f"database {database} is readable by others; run chmod 600 {database}" in notes
    assert any(f"database {database}-wal is readable" in note for note in notes)
    assert not any("-shm" in note for note in notes)


def test_an_encryption_keys_folder_open_to_others_is_noted(folder: Path) -> None:
    keys = folder / "state" / "crypto"
    keys.mkdir(mode=0o700)
    keys.chmod(0o700)
    config = load_config(folder / "config.yaml")
    assert not any("encryption keys" in note for note in check(config, env={})[1])
    keys.chmod(0o755)
    assert f"encryption keys folder {keys} is open to others; run chmod 700 {keys}" \
        in check(config, env={})[1]
