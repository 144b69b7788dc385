"""The weights of the evidence live in one table (page/scoring.py), and every name a
detector gives has a weight there."""

import ast
from pathlib import Path

import pytest

from bot.loaders.page import evidence, scoring
from bot.loaders.page.values import Evidence
from bot.programme.model import Link

PAGE = Path(scoring.__file__).parent
SCORING_WORDS = ("score", "weight", "threshold", "points")


def _weight_literals(path: Path) -> list[str]:
    """Float literals assigned, added or compared in a module where a name speaks of
    scores or weights: the numbers of a second table of weights."""
    found = []
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            found.append(f"{path.name}:{node.lineno}: {node.value}")
    source = path.read_text("utf-8").lower()
    return found if any(word in source for word in SCORING_WORDS) else []


def test_no_module_of_the_page_pipeline_but_scoring_holds_weights() -> None:
    others = [p for p in PAGE.glob("*.py") if p.name != "scoring.py"]
    weights = [hit for path in others for hit in _weight_literals(path)
               if float(hit.rsplit(" ", 1)[1]) in set(scoring.WEIGHTS.values())
               | {scoring.THRESHOLD}]
    assert weights == []


def _evidence_names() -> set[str]:
    """The names written where evidence is made: `Evidence("name", …)` and the detectors'
    `add("name", …)`, in every module of the page pipeline."""
    names = set()
    for path in PAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Evidence", "add") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                names.add(node.args[0].value)
    return names


def test_every_evidence_name_has_a_weight_and_every_weight_is_used() -> None:
    assert _evidence_names() == set(scoring.WEIGHTS)


def test_the_detectors_give_names_of_the_table() -> None:
    rich = evidence.item_evidence(
        "vous écrivez à https://x.org, une très longue phrase " + "mot " * 30 + ".",
        "[x](y)", timed=True, days=3, credited=True,
        links=(Link("slides", "https://x.org/a.pdf"),), line=3)
    short = evidence.item_evidence("Ministère de la Culture", "x", timed=False, days=1,
                                   credited=False, links=())
    context = evidence.context_evidence(["Programme", "Ateliers", "Intervenants"], True)
    lead = evidence.lead_in_evidence("Les intervenants suivants :")
    found = {e.name for e in (*rich, *short, *context, *lead)}
    assert {"has_time", "span_of_days", "prose_length", "gives_address", "addresses_reader",
            "own_day", "names_public_body", "under_programme_heading",
            "under_decoy_heading", "lead_in", "lead_in_decoy"} <= found <= set(scoring.WEIGHTS)


def test_a_score_is_the_sum_of_the_table_weights() -> None:
    found = [Evidence("has_time", "x"), Evidence("sentence", "y")]
    assert scoring.score(found) == scoring.WEIGHTS["has_time"] + scoring.WEIGHTS["sentence"]
    assert scoring.taken([scoring.THRESHOLD, scoring.THRESHOLD]) == (True, scoring.THRESHOLD)
    assert scoring.taken([])[0] is False


def test_a_credited_title_may_start_in_lower_case() -> None:
    """'Name (Org): la mappa dei servizi': the credit makes it a talk, not a sentence's end."""
    def names(credited: bool) -> set[str]:
        return {e.name for e in evidence.item_evidence(
            "la mappa dei servizi", "x", timed=False, days=0, credited=credited, links=())}
    assert "starts_lower_case" not in names(True)
    assert "starts_lower_case" in names(False)


@pytest.mark.parametrize("heading", ["PROGRAMMA", "Programm", "Programa", "Ablauf"])
def test_a_programme_heading_in_other_languages(heading: str) -> None:
    found = evidence.context_evidence([heading], False)
    assert [e.name for e in found] == ["under_programme_heading"]


@pytest.mark.parametrize("heading", ["Remerciements", "Acknowledgements", "Sponsors",
                                     "Danksagung", "Ringraziamenti"])
def test_thanks_and_sponsors_headings_introduce_no_sessions(heading: str) -> None:
    """'Merci à Jane pour l'image (domaine public, 2016-05-14).' under 'Remerciements' is a
    thank-you, not a session of that day."""
    found = evidence.context_evidence(["Journée des données", heading], False)
    assert [e.name for e in found] == ["under_decoy_heading"]
