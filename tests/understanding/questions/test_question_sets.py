"""The question sets on programmes that are not in data/ (issue 22, item 7): every set is
asked in-process (runner.py) and must reach its floor; the form of every entry is checked.

Every set has a floor at what passes today, so that understanding never goes back; two of
the colleague's sets are under 95 % (OpenJS: a table's abstract column not read; IFB:
« TP1 » not read as a workshop, « jour 2 » not understood as the event's second day):
raise their floors as those land. Deselect with `-m "not questions"` (about 10 seconds).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib

import pytest

from tests.support.paths import DATA
from tests.understanding.questions.runner import HERE, PROGRAMMES, ask_all, entries, judged

FLOORS = {"38c3-2024": 100, "ds-5-ans-2023": 100, "forum-emploi-tech-2020": 100,
          "govtech-2018": 100, "fosdem-2020": 98,
          "openjs-2020": 92, "ifb-fair-2020": 90, "jnt-2023": 98,
          "gtas-2025": 85, "sobriete-2026": 100,
          "rust-and-tell-2022": 95, "jdos-2026": 96,
          "ciml-2021": 100, "tech-show-2023": 94,
          "forum-emploi-tech-2021": 100, "lswt-2019": 100}
"""The least share of each set that must pass, in percent: what passes today (the aim on
programmes nobody has seen is 95 %)."""
MINE = ("38c3-2024", "ds-5-ans-2023", "forum-emploi-tech-2020", "govtech-2018")
"""The sets written with the understanding layer's work (issue 22, item 7)."""
SETS = sorted(path.stem for path in HERE.glob("*.yaml"))
KEYS = {"ask", "now", "lang", "must", "must_not", "why", "kind", "slots", "before"}


@pytest.mark.questions
@pytest.mark.parametrize("name", SETS)
def test_question_set(name: str) -> None:
    results = judged(asyncio.run(ask_all(HERE / f"{name}.yaml")))
    passed = sum(not r.wrong for r in results)
    failures = "\n".join(f"  #{r.number} {r.entry['ask']} — {'; '.join(r.wrong)}"
                         for r in results if r.wrong)
    assert 100 * passed >= FLOORS[name] * len(results), (
        f"{name}: {passed}/{len(results)} pass, below {FLOORS[name]} %:\n{failures}")


def test_every_set_has_a_floor_and_a_programme() -> None:
    assert set(FLOORS) == set(SETS)
    for name in SETS:
        assert (PROGRAMMES / f"{name}.config.yaml").is_file(), name


@pytest.mark.parametrize("name", SETS)
def test_entries_say_what_a_right_answer_holds(name: str) -> None:
    found = entries(HERE / f"{name}.yaml")
    for entry in found:
        assert {"ask", "now", "lang", "must", "why", "kind"} <= set(entry) <= KEYS, entry["ask"]
        assert entry["lang"] in ("fr", "en") and isinstance(entry["must"], list)
        assert entry["must"] or entry.get("must_not"), entry["ask"]
        if entry["kind"] == "combo":
            assert len(entry.get("slots") or []) >= 2, entry["ask"]
    asked = [(e["ask"], tuple(e.get("before") or ())) for e in found]
    assert len(set(asked)) == len(asked), f"{name}: a question is asked twice"


def test_my_sets_are_enough_on_enough_programmes_in_both_languages() -> None:
    mine = [e for name in MINE for e in entries(HERE / f"{name}.yaml")]
    assert len(mine) >= 150 and len(MINE) >= 3
    french = sum(e["lang"] == "fr" for e in mine)
    assert 0.35 * len(mine) <= french <= 0.65 * len(mine)
    assert sum(e["kind"] == "followup" for e in mine) >= 10


def test_no_programme_of_the_sets_is_in_data() -> None:
    shipped = {hashlib.sha256(path.read_bytes()).digest() for path in DATA.rglob("*")
               if path.is_file()}
    for path in PROGRAMMES.iterdir():
        body = path.read_bytes()
        body = gzip.decompress(body) if path.suffix == ".gz" else body
        assert hashlib.sha256(body).digest() not in shipped, path.name
