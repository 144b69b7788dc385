"""Property tests of the schedule and YAML readers: frab XML, c3voc JSON (versions 1 and 2)
and YAML programmes with any field replaced by anything, or cut anywhere, give events and
Problems naming the file, never an exception."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands.catalog import Catalog
from bot.formats import c3voc_json, frab_xml
from bot.loaders.files import load_paths
from bot.loaders.yaml_programme import load_yaml_programme
from bot.programme.model import Event, Problem
from bot.settings.clock import PARIS
from bot.settings.config import Config
from tests.support.paths import DATA, PAGES, SCHEDULES

PROGRAMME = load_paths([DATA])
AGENDA = Catalog(PROGRAMME, Config().programme).agenda
XML_SEED = frab_xml.export(PROGRAMME.events[-1], AGENDA)[0].decode()
JSON_V1_SEED = json.loads(c3voc_json.export(PROGRAMME.events[-1], AGENDA)[0])
JSON_V2_SEED = json.loads((SCHEDULES / "hub-like-schedule-v2.json").read_text("utf-8"))
JSON_V2_SEED["schedule"]["events"] = JSON_V2_SEED["schedule"]["events"][:6]
YAML_SEED = yaml.safe_load((PAGES / "programme-structure.yaml").read_text("utf-8"))

ODD_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "25:61", "-1:00", "2025-13-45T99:00:00", "99:99", "00:30:xx",
                     "2024-12-04T09:00:00+25:00", "1e999", "nan", "\u202e", "\x00", "Z", "T"]),
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ODD_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
CUTS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 200), st.text(max_size=5)),
                max_size=3)


def _places(node, path=()):
    """Every (container, key) pair of a JSON or YAML document, depth first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, value in items:
        yield node, key
        yield from _places(value, (*path, key))


def _replace(document, seed: int, values: list) -> object:
    """The document with some of its values (chosen by `seed`) replaced by `values`."""
    document = json.loads(json.dumps(document, default=str))
    places = list(_places(document))
    rng = random.Random(seed)
    for value in values:
        container, key = rng.choice(places)
        container[key] = value
    return document


def _cut(text: str, cuts: list[tuple[int, int, str]]) -> str:
    for start, length, insert in cuts:
        start %= max(1, len(text))
        text = text[:start] + insert + text[start + length:]
    return text


def _well_formed(name: str, events: list[Event], problems: list[Problem]) -> None:
    assert all(isinstance(event, Event) for event in events)
    assert all(isinstance(p, Problem) and p.message and p.source.path == name for p in problems)
    for event in events:
        assert isinstance(event.title, str) and isinstance(event.venue, str | None)
        for session in event.sessions:
            assert event.start <= session.day <= event.end
            assert isinstance(session.title, str) and isinstance(session.room, str | None)
            assert all(isinstance(s.name, str) and isinstance(s.organisation, str | None)
                       for s in session.speakers)
            assert all(isinstance(link.url, str) for link in session.links)


def _xml_with(seed: int, values: list[str], drop: int) -> str:
    root = ET.fromstring(XML_SEED)
    elements = list(root.iter())
    rng = random.Random(seed)
    for value in values:
        element = rng.choice(elements[1:])
        if element.attrib and rng.random() < 0.5:
            element.set(rng.choice(sorted(element.attrib)), value)
        else:
            element.text = value
    for _ in range(drop):
        parent = rng.choice([e for e in root.iter() if len(e)] or [root])
        parent.remove(rng.choice(list(parent)))
    return ET.tostring(root, encoding="unicode")


PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(), values=st.lists(st.one_of(ODD_TEXT.filter(
    lambda t: all(c >= " " or c in "\t\n" for c in t)), PRINTABLE), min_size=1, max_size=6),
       drop=st.integers(0, 3), cuts=CUTS, cut=st.booleans())
def test_frab_xml_with_any_field_changed_or_cut_gives_problems_not_exceptions(
        seed, values, drop, cuts, cut) -> None:
    text = _xml_with(seed, values, drop)
    text = _cut(text, cuts) if cut else text
    _well_formed("s.xml", *frab_xml.load(Path("s.xml"), text, PARIS))


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(), values=st.lists(JSON_VALUES, min_size=1, max_size=5),
       version=st.sampled_from([JSON_V1_SEED, JSON_V2_SEED]), cuts=CUTS, cut=st.booleans())
def test_c3voc_json_with_any_value_changed_or_cut_gives_problems_not_exceptions(
        seed, values, version, cuts, cut) -> None:
    text = json.dumps(_replace(version, seed, values))
    text = _cut(text, cuts) if cut else text
    _well_formed("s.json", *c3voc_json.load(Path("s.json"), text, PARIS))


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(), values=st.lists(JSON_VALUES, min_size=1, max_size=5), cuts=CUTS,
       cut=st.booleans())
def test_yaml_programmes_with_any_value_changed_or_cut_give_problems_not_exceptions(
        seed, values, cuts, cut) -> None:
    text = yaml.safe_dump(_replace(YAML_SEED, seed, values), allow_unicode=True)
    text = _cut(text, cuts) if cut else text
    _well_formed("p.yaml", *load_yaml_programme(Path("p.yaml"), text, PARIS))
