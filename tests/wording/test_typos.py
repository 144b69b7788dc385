"""Words one typo away: a letter missing, added, changed or two swapped; never two typos,
never a word shorter than the vocabulary's minimum."""

from __future__ import annotations

import pytest

from bot.wording.typos import Typos

TYPOS = Typos(["grist", "matrix", "tchap", "api"], min_length=4)


@pytest.mark.parametrize("typed", ["grst", "griest", "grisx", "grsit", "grist"])
def test_one_typo_finds_the_word(typed: str) -> None:
    assert TYPOS.near(typed) == {"grist"}


@pytest.mark.parametrize("typed", ["gsrt", "grxsty", "mtarxi"])
def test_two_typos_find_nothing(typed: str) -> None:
    assert TYPOS.near(typed) == set()


def test_a_word_shorter_than_the_minimum_is_not_filed() -> None:
    assert TYPOS.near("apo") == set()
    assert Typos(["api"], min_length=3).near("apo") == {"api"}
