"""Configuration: defaults, validation messages that name the key, relative paths."""

from pathlib import Path

import pytest

from bot.settings.config import SHIPPED_DATA, ConfigError, load_config
from tests.support.paths import ROOT


def test_no_file_gives_the_embedded_defaults() -> None:
    config = load_config(None)
    assert config.programme.paths == [SHIPPED_DATA]
    assert config.commands.prefix == "!"
    assert str(config.programme.tz) == "Europe/Paris"


def test_the_example_file_is_valid(tmp_path: Path) -> None:
    example = ROOT / "config.example.yaml"
    config = load_config(example)
    assert config.programme.paths == [SHIPPED_DATA]


def test_errors_name_the_key_and_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("commands:\n  language: de\nprogramme:\n  timezone: Mars/Olympus\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    text = str(error.value)
    assert "commands.language" in text and "'de'" in text
    assert "programme.timezone" in text and "Europe/Paris" in text


def test_unknown_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("commands:\n  prefx: '?'\n")
    with pytest.raises(ConfigError, match=r"commands\.prefx"):
        load_config(path)


def test_relative_paths_follow_the_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "c.yaml"
    path.parent.mkdir()
    path.write_text("programme:\n  paths: [pages]\nstorage:\n  database: bot.db\n")
    config = load_config(path)
    assert config.programme.paths == [path.parent / "pages"]
    assert config.storage.database == path.parent / "bot.db"


def test_unreadable_or_broken_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("commands: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(broken)


def test_the_environment_gives_the_database_when_the_file_does_not(tmp_path: Path,
                                                                   monkeypatch) -> None:
    """The container sets BLUEHATS_DATABASE to its volume: a configuration that names no
    database (the documented `docker run`) keeps its data there; one that names it wins."""
    monkeypatch.chdir(tmp_path)
    silent = tmp_path / "silent.yaml"
    silent.write_text("commands: {language: fr}\n")
    env = {"BLUEHATS_DATABASE": "state/bot.db", "BLUEHATS_WEB_LISTEN": "0.0.0.0:8080"}
    config = load_config(silent, env)
    assert config.storage.database == tmp_path / "state" / "bot.db"  # from the current folder
    assert config.web.address == ("0.0.0.0", 8080)
    assert load_config(None, env).storage.database == tmp_path / "state" / "bot.db"
    named = tmp_path / "named.yaml"
    named.write_text("storage: {database: mine.db}\nweb: {listen: null}\n")
    assert load_config(named, env).storage.database == tmp_path / "mine.db"
    assert load_config(named, env).web.address is None
    assert load_config(silent, {}).storage.database == tmp_path / "bluehats.db"


def test_the_web_listener_is_off_by_default_and_its_address_is_checked(tmp_path: Path) -> None:
    assert load_config(None, {}).web.address is None
    path = tmp_path / "c.yaml"
    path.write_text("web:\n  listen: '[::1]:9000'\n  public_url: https://bot.example.org/\n")
    web = load_config(path, {}).web
    assert (web.address, web.public_url) == (("::1", 9000), "https://bot.example.org")
    path.write_text("web:\n  listen: localhost\n  public_url: bot.example.org\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path, {})
    assert "web.listen: expected host:port, e.g. 127.0.0.1:8080 (got 'localhost')" \
        in str(raised.value)
    assert "web.public_url: expected an http(s) URL, e.g. https://bluehats.example.org " \
           "(got 'bot.example.org')" in str(raised.value)
