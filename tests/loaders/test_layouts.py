"""Layouts the seeds do not show, on pages written for these tests, and bad input."""

import json
from datetime import date, time
from pathlib import Path

from bot.cli.main import main
from bot.loaders.files import load_file, load_paths
from bot.loaders.page import read_page
from bot.settings.clock import PARIS
from tests.support.paths import DATA, PAGES


def sessions_of(name: str) -> list[tuple]:
    events, problems, _ = load_file(PAGES / name)
    assert [p for p in problems if p.severity == "error"] == []
    (event,) = events
    return [
        (
            s.day,
            s.start,
            s.end,
            s.title,
            list(s.speaker_names),
            list(s.organisations),
            s.room,
            s.kind,
        )
        for s in event.sessions
    ]


def test_html_table_and_days_from_the_description() -> None:
    (event,), _, _ = load_file(PAGES / "rencontre-html-table.md")
    assert (event.start, event.end) == (date(2025, 5, 15), date(2025, 5, 15))
    day = date(2025, 5, 15)
    assert sessions_of("rencontre-html-table.md") == [
        (
            day,
            time(18),
            time(18, 30),
            "Le PostgreSQL de la Métropole",
            ["C. Martin"],
            ["Métropole de Lyon"],
            None,
            "talk",
        ),
        (
            day,
            time(18, 30),
            time(19),
            "Atelier Nextcloud",
            ["L. Petit", "M. Durand"],
            [],
            None,
            "workshop",
        ),
        (day, time(19), None, "Apéro", [], [], None, "other"),
    ]
    assert event.sessions[0].links[0].url == "https://www.postgresql.org/"


def test_start_time_only_bullets() -> None:
    day = date(2025, 3, 20)
    assert sessions_of("journee-puces.md") == [
        (day, time(9), None, "Accueil et café", [], [], None, "other"),
        (day, time(9, 30), None, "Ouverture de la journée", [], [], None, "other"),
        (
            day,
            time(10, 15),
            None,
            "Le socle interministériel de logiciels libres",
            ["Jeanne Dupont"],
            ["DINUM"],
            None,
            "talk",
        ),
        (day, time(12), None, "Déjeuner", [], [], None, "break"),
        (
            day,
            time(14),
            None,
            "Table ronde : mutualiser entre collectivités",
            [],
            [],
            None,
            "panel",
        ),
    ]


def test_talks_listed_after_the_event_one_heading_per_day_no_times() -> None:
    (event,), _, _ = load_file(PAGES / "apres-evenement.md")
    assert (event.start, event.end) == (date(2024, 11, 16), date(2024, 11, 17))
    assert sessions_of("apres-evenement.md") == [
        (
            date(2024, 11, 16),
            None,
            None,
            "Grist dans les collectivités",
            ["Paul Martin"],
            ["ANCT"],
            None,
            "talk",
        ),
        (
            date(2024, 11, 16),
            None,
            None,
            "Découvrir Tchap",
            ["L'équipe Tchap"],
            ["DINUM"],
            None,
            "talk",
        ),
        (
            date(2024, 11, 17),
            None,
            None,
            "Les communs numériques",
            ["Anne Leroy", "Marc Simon"],
            ["IGN"],
            None,
            "talk",
        ),
    ]


def test_rooms_tables_nested_ranges_and_a_day_without_hours() -> None:
    d1, d2 = date(2025, 6, 10), date(2025, 6, 11)
    # Sessions are ordered by day, time, then room name.
    assert sessions_of("salles-jour.md") == [
        (
            d1,
            time(9),
            time(10),
            "Publier son code source",
            ["Jean Morel"],
            ["DINUM"],
            "Hopper",
            "talk",
        ),
        (d1, time(9), time(10), "Les licences libres", ["Sophie Bernard"], [], "Hopper", "talk"),
        (
            d1,
            time(9),
            time(9, 45),
            "Ouvrir ses données avec udata",
            ["S. Roux"],
            ["Etalab"],
            "Turing",
            "talk",
        ),
        (d1, time(9, 45), time(10, 30), "Démo de data.gouv.fr", ["A. Blanc"], [], "Turing", "demo"),
        (d1, time(10), time(10, 30), "Pause", [], [], "Hopper", "break"),
        (d1, time(10, 30), time(11), "Pause café", [], [], "Turing", "break"),
        (d2, None, None, "Retour sur la journée", [], ["Mairie de Nantes"], None, "talk"),
    ]


def test_a_table_row_without_title_is_reported_with_its_line() -> None:
    _, problems, _ = load_file(PAGES / "salles-jour.md")
    assert [(p.source.line, p.severity) for p in problems] == [(17, "warning")]
    assert "no title" in problems[0].message


def test_broken_front_matter_names_the_file_and_line_and_the_rest_loads() -> None:
    programme = load_paths([PAGES])
    broken = [p for p in programme.problems if p.source.path.endswith("casse.md")]
    # its 'key: value' lines are still read one by one: the page has a title but no
    # event day, so it gives no event, and the broken header is an error
    assert [p.severity for p in broken] == ["error", "error"]
    assert "not valid YAML" in broken[0].message and broken[0].source.line >= 2
    assert "no event date" in broken[1].message
    undated = [p for p in programme.problems if p.source.path.endswith("sans-date.md")]
    assert "no event date" in undated[0].message
    assert len(programme.events) == 5  # every other page and the YAML programme loaded


def test_structured_yaml_programme() -> None:
    events, problems, file_format = load_file(PAGES / "programme-structure.yaml")
    assert file_format.name == "yaml"
    (event,) = events
    assert (event.title, event.start, event.end, event.venue) == (
        "Journée BlueHats 2025",
        date(2025, 12, 3),
        date(2025, 12, 3),
        "Palais des congrès",
    )
    assert event.registration_url == "https://example.org/inscription"
    grist, tchap = event.sessions
    assert (grist.start, grist.end, grist.room, grist.kind) == (
        time(14),
        time(14, 20),
        "Ada Lovelace",
        "talk",
    )
    assert [(s.name, s.organisation) for s in grist.speakers] == [
        ("V. Viers", "DINUM"),
        ("R. Serdoun", None),
    ]
    assert grist.links[0].url == "https://www.getgrist.com/"
    assert (tchap.day, tchap.start, tchap.kind) == (date(2025, 12, 3), time(14, 20), "workshop")
    assert [(p.source.line, p.message.split(":")[1].strip()) for p in problems] == [
        (24, "start"),
        (27, "kind 'fête' is not one of talk, keynote, lightning, demo, panel, bof, workshop, "
             "break, other"),
    ]


def test_two_versions_of_a_page_merge_and_the_fuller_wins(tmp_path: Path) -> None:
    full = (PAGES / "journee-puces.md").read_text(encoding="utf-8")
    empty = full.split("### Programme")[0] + "*[en cours de construction]*\n"
    (tmp_path / "a-ancienne.md").write_text(empty, encoding="utf-8")
    (tmp_path / "b-nouvelle.md").write_text(full, encoding="utf-8")
    programme = load_paths([tmp_path])
    (event,) = programme.events
    assert len(event.sessions) == 5 and event.source.endswith("b-nouvelle.md")
    (warning,) = programme.problems
    assert "a-ancienne.md" in warning.message and "2 versions" in warning.message


def test_unknown_files_are_reported_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Penser à réserver la salle.\n", encoding="utf-8")
    programme = load_paths([tmp_path, tmp_path / "absent"])
    missing, skipped = programme.problems
    assert (missing.source.path, missing.message) == (
        str(tmp_path / "absent"),
        "no such file or folder",
    )
    assert skipped.source.path == str(tmp_path / "notes.txt")
    assert skipped.message.startswith("skipped: not a known programme format (page, yaml")


def test_cli_check_lists_four_events_and_exits_zero(capsys) -> None:
    data = DATA
    assert main(["programme", "check", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "4 events, 72 sessions"
    assert "2023-la-dinum-a-l-open-source-experience  2023-12-06 – 2023-12-07   24 sessions" in out
    assert out.rstrip().endswith("0 errors, 0 warnings")  # the shipped data loads clean


def test_cli_check_exits_one_on_errors(capsys) -> None:
    assert main(["programme", "check", str(PAGES)]) == 1
    assert "casse.md:" in capsys.readouterr().err


def test_cli_parse_json_has_the_documented_keys(capsys) -> None:
    assert main(["programme", "parse", str(PAGES / "journee-puces.md"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"id", "title", "start", "end", "location"} <= set(data["event"])
    assert data["event"]["location"] == "Maison des associations, 6 cours des Alliés, 35000 Rennes"
    first = data["sessions"][2]
    assert {
        k: first[k]
        for k in ("day", "start", "end", "title", "speakers", "organisations", "room", "kind")
    } == {
        "day": "2025-03-20",
        "start": "10:15",
        "end": None,
        "title": "Le socle interministériel de logiciels libres",
        "speakers": ["Jeanne Dupont"],
        "organisations": ["DINUM"],
        "room": None,
        "kind": "talk",
    }
    assert first["links"] == [{"text": "DINUM", "url": "https://www.numerique.gouv.fr/"}]


def test_a_12_hour_programme_without_am_pm_runs_forward_past_noon() -> None:
    text = (
        "# Workshop, March 12, 2024\n\n### 9:00 - 10:30\n\nIntroduction\n\n"
        "- 11:00 Hands-on\n- 12:00 - 1:00 Lunch\n- 1:30 - 2:30 Advanced topics\n"
        "- 2:45 Wrap-up\n"
    )
    (event,), _, _ = read_page(Path("workshop.md"), text, PARIS)
    assert [(s.start, s.end, s.title) for s in event.sessions] == [
        (time(9), time(10, 30), "Introduction"),
        (time(11), None, "Hands-on"),
        (time(12), time(13), "Lunch"),
        (time(13, 30), time(14, 30), "Advanced topics"),
        (time(14, 45), None, "Wrap-up"),
    ]
    # a page that writes one 24-hour time keeps every time as written
    (event,), _, _ = read_page(Path("atelier.md"), text + "- 17h Apéro\n", PARIS)
    assert [s.start for s in event.sessions][:2] == [time(1, 30), time(2, 45)]
