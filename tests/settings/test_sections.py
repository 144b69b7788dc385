"""The sections of the configuration checked by hand (bot.settings.section): values read
from what YAML gives, problems listed with their key, keyword construction checked too."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from bot.settings.config import (
    Config,
    ConfigError,
    LimitsConfig,
    ProgrammeConfig,
    load_config,
)
from bot.settings.validation import SettingsInvalid

SETTINGS = """
programme:
  poll_minutes: '2.5'
  read_memory_mb: '256'
limits:
  flood_control: 'yes'
reminders:
  digest_time: '07:45'
  rooms:
    - room: '!r:example.org'
      lead_minutes: [5, 15]
proposals:
  calls:
    - event: 2026-meetup
      opens: 2026-10-01 00:00
      closes: 2026-11-20
      answers_on: 2026-12-01
"""


def test_values_written_as_text_are_read_as_their_type(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(SETTINGS)
    config = load_config(path, {})
    assert config.programme.poll_minutes == 2.5 and config.programme.read_memory_mb == 256
    assert config.limits.flood_control is True
    assert config.reminders.digest_time == time(7, 45)
    assert config.reminders.rooms[0].lead_minutes == [5, 15]
    call = config.proposals.calls[0]
    assert (call.opens, call.closes) == (datetime(2026, 10, 1), datetime(2026, 11, 20))
    assert call.answers_on == date(2026, 12, 1)


def test_a_time_yaml_reads_as_a_number_is_refused(tmp_path: Path) -> None:
    """`8:30` unquoted is 510 to YAML (minutes and seconds in base 60), not half past
    eight: a problem, not a digest sent at 00:08:30."""
    path = tmp_path / "c.yaml"
    path.write_text("reminders:\n  digest_time: 8:30\n")
    with pytest.raises(ConfigError) as error:
        load_config(path, {})
    assert str(error.value).splitlines()[1] == \
        "  reminders.digest_time: Input should be a time of day, e.g. '08:30' (got 510)"


def test_every_problem_is_listed_with_its_key(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("proposals:\n  calls:\n    - event: ''\n      opens: soon\n"
                    "  formats:\n    - {key: Talk, label_fr: x, label_en: y, minutes: 2.5}\n"
                    "matrix:\n  allowed_rooms: ['!a:x', 3]\n")
    with pytest.raises(ConfigError) as error:
        load_config(path, {})
    assert str(error.value).splitlines()[1:] == [
        "  proposals.calls[0].event: String should have at least 1 character (got '')",
        "  proposals.calls[0].opens: Input should be a date and time, e.g. "
        "'2026-11-20 23:59' (got 'soon')",
        "  proposals.calls[0].closes: required key missing",
        "  proposals.formats[0].key: String should match pattern '^[a-z0-9-]+$' (got 'Talk')",
        "  proposals.formats[0].minutes: Input should be a valid integer, got a number with "
        "a fractional part (got 2.5)",
        "  matrix.allowed_rooms[1]: Input should be a valid string (got 3)",
    ]


def test_a_rule_between_keys_names_the_section(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("proposals:\n  min_abstract_length: 400\n  max_abstract_length: 300\n")
    with pytest.raises(ConfigError, match=r"  proposals: min_abstract_length \(400\) must be "
                                          r"below max_abstract_length \(300\)$"):
        load_config(path, {})


def test_sections_built_in_code_are_checked_too() -> None:
    with pytest.raises(SettingsInvalid, match=r"^user_commands: Input should be greater "
                                              r"than or equal to 1 \(got 0\)$"):
        LimitsConfig(user_commands=0)
    with pytest.raises(SettingsInvalid, match=r"^burst: unknown key"):
        LimitsConfig(burst=3)
    # a local source joins the paths, which then leave out the shipped programmes
    assert ProgrammeConfig(sources=["pages", "https://x.org/p"]).paths == [Path("pages")]


def test_a_configuration_reads_back_what_it_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(SETTINGS)
    config = load_config(path, {})
    assert Config.model_validate(config.model_dump(mode="json")) == config
    assert Config.model_validate(config.model_dump()) == config


def test_a_copy_changes_only_known_keys() -> None:
    limits = LimitsConfig()
    assert limits.model_copy(update={"user_commands": 3}).user_commands == 3
    assert limits.user_commands == 5
    with pytest.raises(TypeError, match="burst"):
        limits.model_copy(update={"burst": 3})
