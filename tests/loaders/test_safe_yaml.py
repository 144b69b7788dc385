"""YAML from anyone: aliases bounded, a bad date kept as its text, lone surrogates replaced."""

from datetime import date

import pytest
import yaml

from bot.loaders.safe_yaml import FastYamlLoader, NotADate, YamlLoader, YamlRefused, load_yaml
from tests.support.hostile import alias_bomb, fastest, plain_yaml, settled


@pytest.mark.parametrize("loader", [FastYamlLoader, YamlLoader])
def test_an_alias_bomb_is_refused_before_it_is_built(loader) -> None:
    text = alias_bomb()
    assert len(text) < 400  # as small as the issue's: 350 bytes, eight levels
    with pytest.raises(YamlRefused, match="alias bomb") as refused:
        load_yaml(text, loader)
    assert refused.value.line == 1
    # as quick as reading ordinary YAML of its size (without the check, turning one of its
    # values into text takes minutes and gigabytes)
    ordinary = plain_yaml()
    assert abs(len(ordinary) - len(text)) < len(text) // 3
    ratio = settled(lambda: fastest(lambda: _refused(text, loader))
                    / fastest(lambda: load_yaml(ordinary, loader)), 10)
    assert ratio < 10, f"the bomb took {ratio:.1f} times an ordinary document of its size"


def _refused(text: str, loader) -> None:
    with pytest.raises(YamlRefused):
        load_yaml(text, loader)


def test_aliases_in_reasonable_use_are_read() -> None:
    text = "room: &ada Ada Lovelace\nsessions:\n  - room: *ada\n  - room: *ada\n"
    data, notes = load_yaml(text)
    assert data == {"room": "Ada Lovelace", "sessions": [{"room": "Ada Lovelace"}] * 2}
    assert notes == []


def test_an_alias_that_refers_to_itself_is_refused() -> None:
    with pytest.raises(YamlRefused, match="refers to itself"):
        load_yaml("a: &a [1, *a]\n", YamlLoader)


def test_a_timestamp_that_is_no_date_is_kept_as_its_text_with_the_reason() -> None:
    data, _ = load_yaml("good: 2024-02-29\nbad: 2024-02-30\nlate: 2024-01-02 25:00:00\n")
    assert data["good"] == date(2024, 2, 29)
    assert isinstance(data["bad"], NotADate) and data["bad"] == "2024-02-30"
    assert "day is out of range" in data["bad"].reason
    assert isinstance(data["late"], NotADate)


def test_a_lone_surrogate_is_replaced_and_its_line_noted() -> None:
    text = 'title: ok\nname: "A \\ud800 B"\n'
    data, notes = load_yaml(text, YamlLoader)
    assert data == {"title": "ok", "name": "A \ufffd B"}
    assert [line for line, _ in notes] == [2]
    "".join(data.values()).encode("utf-8")  # now writable anywhere
    with pytest.raises(yaml.YAMLError):  # libyaml refuses the escape: the caller re-reads
        load_yaml(text, FastYamlLoader)


def test_too_deep_a_nesting_is_a_yaml_error_or_refused_not_a_crash() -> None:
    text = "[" * 20_000 + "]" * 20_000
    for loader in (FastYamlLoader, YamlLoader):
        with pytest.raises((yaml.YAMLError, YamlRefused)):
            load_yaml(text, loader)
