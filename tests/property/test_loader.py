"""Property tests of the programme loader: any text, in any file, gives events and
Problems, never an exception; a broken seed page still loads what it can."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.loaders.files import load_file, load_paths
from bot.loaders.page import load_page
from bot.loaders.yaml_programme import load_yaml_programme
from bot.programme.model import Event, Problem, Programme
from bot.settings.clock import PARIS
from tests.support.paths import DATA

SEEDS = sorted(p for p in DATA.iterdir() if p.is_file())
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]

PIECES = st.sampled_from([
    "---\n", "title: ", "date: 2024-12-04", "event_start_date: ", "2024-13-45 25:61",
    "| Horaire | Intervention |\n|---|---|\n", "| 14h20 | ", " |\n", "## Mercredi 4 décembre\n",
    "- 9h30 : Accueil\n", "**", "[", "](", "http://x", "events:\n", "  - id: x\n",
    "sessions:\n", "    day: ", "    start: 9:30\n", "{", "}", "[[", ": :", "\t", "\x00",
    "!!python/object:os.system\n", "&anchor", "*anchor", "\ufeff", "é", "’",
])
YAMLISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


def _mutate(text: str, cuts: list[tuple[int, int, str]]) -> str:
    """Delete or replace spans of `text`, positions taken modulo its length."""
    for start, length, insert in cuts:
        start %= max(1, len(text))
        text = text[:start] + insert + text[start + length:]
    return text


MUTATED_SEEDS = st.builds(
    _mutate, st.sampled_from(SEED_TEXTS),
    st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 400),
                       st.one_of(PIECES, st.text(max_size=10))), min_size=1, max_size=6),
)


def _well_formed(events: list[Event], problems: list[Problem]) -> None:
    assert all(isinstance(event, Event) for event in events)
    assert all(isinstance(problem, Problem) and problem.message for problem in problems)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=400), YAMLISH, MUTATED_SEEDS))
def test_each_loader_on_any_text_returns_events_and_problems(text: str) -> None:
    for load in (load_page, load_yaml_programme):
        _well_formed(*load(Path("page.md"), text, PARIS))


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(max_size=400), YAMLISH, MUTATED_SEEDS),
       name=st.sampled_from(["p.md", "p.txt", "p.yaml", "p.yml", "p", "p.json"]))
def test_any_file_loads_or_says_why(tmp_path_factory, text: str, name: str) -> None:
    path = tmp_path_factory.mktemp("any") / name
    path.write_text(text, encoding="utf-8")
    events, problems, file_format = load_file(path, PARIS)
    _well_formed(events, problems)
    if file_format is None:
        assert problems  # skipped files are said to be skipped
    programme = load_paths([path.parent], PARIS)
    assert isinstance(programme, Programme)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_bytes_that_are_not_utf8_are_a_problem_not_a_crash(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "page.md"
    path.write_bytes(data)
    events, problems, _ = load_file(path, PARIS)
    _well_formed(events, problems)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if re.search(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]", data):  # binary, not an older encoding
            assert not events and problems[0].message.startswith("cannot read the file")
