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
