"""The metadata stage: every header dialect, read into fields with their lines; a bad entry
costs that entry, a value that is no date is reported with its line, a bomb is refused."""

from datetime import date
from pathlib import Path

from bot.loaders.page import load_page
from bot.loaders.page.metadata import as_day, declared, read_metadata
from bot.settings.clock import PARIS
from tests.support.hostile import alias_bomb, fastest, plain_yaml, settled


def fields(text: str) -> dict[str, tuple[object, int]]:
    return {f.key: (f.value, f.line) for f in read_metadata(text).fields}


def test_yaml_front_matter_with_lines_and_the_body_keeping_its_lines() -> None:
    text = "---\ntitle: Journée BlueHats\nevent_start_date: 2025-06-04\n---\n# Programme\n"
    meta = read_metadata(text)
    assert meta.dialect == "yaml" and meta.lines == (1, 4) and meta.warnings == ()
    assert fields(text) == {
        "title": ("Journée BlueHats", 2), "event_start_date": (date(2025, 6, 4), 3)
    }
    assert meta.body.split("\n")[4] == "# Programme"  # line 5 of the file is line 5 of the body


def test_toml_front_matter() -> None:
    text = '+++\ntitle = "useR! 2018"\ndate = 2018-07-10\n+++\n\nBody\n'
    meta = read_metadata(text)
    assert meta.dialect == "toml"
    assert fields(text) == {"title": ("useR! 2018", 2), "date": (date(2018, 7, 10), 3)}


def test_a_broken_toml_front_matter_is_read_line_by_line() -> None:
    text = '+++\ntitle = "Programme"\ndate = 2024-02-30\nlang = "en"\n+++\n'
    meta = read_metadata(text)
    assert fields(text) == {"title": ("Programme", 2), "date": ("2024-02-30", 3),
                            "lang": ("en", 4)}
    [(line, message)] = meta.warnings
    assert line == 3 and "TOML" in message and "line(s) 3" in message


def test_pelican_and_multimarkdown_headers() -> None:
    text = "Title: Montréal-Python 26\nDate: 2011-12-12 23:01\nLang: fr\n\nLe lundi 19 décembre…\n"
    meta = read_metadata(text)
    assert meta.dialect == "pelican" and meta.lines == (1, 3)
    said = declared(meta)
    assert said.title == ("Montréal-Python 26", 1)
    assert said.dated == (date(2011, 12, 12), 2) and said.lang == "fr"


def test_a_single_key_line_at_the_top_is_text_not_a_header() -> None:
    assert read_metadata("Note: the programme is below\n\n- 9h : Accueil\n").dialect == "none"


def test_a_pandoc_block_at_the_end_of_the_file() -> None:
    text = (
        "# Journée internationale des données ouvertes\n\nProgramme…\n\n"
        "---\ntitle: Journée internationale des données ouvertes\n"
        "date: Samedi le 3 mars 2018 de 12h30 à 17h\nlang: fr\n...\n"
    )
    meta = read_metadata(text)
    assert meta.dialect == "pandoc-end" and meta.lines == (5, 9)
    assert declared(meta).dated == (date(2018, 3, 3), 7)
    assert "date:" not in meta.body and meta.body.count("\n") == text.count("\n")


def test_a_rule_then_text_then_a_rule_at_the_end_is_no_header() -> None:
    text = "# Title\n\nText.\n\n---\nMerci à tous : à bientôt\n---\n"
    assert read_metadata(text).dialect == "none"


def test_every_event_key_of_the_themes() -> None:
    for key in ("event_start_date", "event_start", "start_date", "date_start", "startDate"):
        said = declared(read_metadata(f"---\ntitle: T\n{key}: 2024-06-03\n---\n"))
        assert said.start == (date(2024, 6, 3), 3), key
    said = declared(read_metadata("---\ntitle: T\nDate: 2024-06-03\n---\n"))
    assert said.dated == (date(2024, 6, 3), 3) and said.start is None  # event's or published


def test_days_written_in_the_forms_headers_use() -> None:
    assert as_day("2016/10/15") == date(2016, 10, 15)
    assert as_day("2022-03-08T9:00:00Z") == date(2022, 3, 8)
    assert as_day("2022-04-12 18:30:00 +0200") == date(2022, 4, 12)
    assert as_day("Samedi le 3 mars 2018 de 12h30 à 17h") == date(2018, 3, 3)
    assert as_day("JGTRV2022-08-03") is None  # an identifier, not a day
    assert as_day(date(7, 8, 31)) is None  # a corrupt year


def test_a_yaml_header_that_is_not_valid_costs_only_its_bad_entry() -> None:
    text = (
        "---\ntitle: Journée du GT-RV : 8 mars 2022\nevent_start_date: 2022-03-08\n"
        "tags:\n  - rv\n  - ia\n---\n"
    )
    meta = read_metadata(text)
    assert fields(text) == {
        "title": ("Journée du GT-RV : 8 mars 2022", 2),  # the bad entry, kept as its text
        "event_start_date": (date(2022, 3, 8), 3),
        "tags": (["rv", "ia"], 4),
    }
    [(line, message)] = meta.warnings
    assert line == 2 and "not valid YAML" in message and "line(s) 2" in message


def test_a_value_that_is_no_date_is_reported_with_its_line_and_the_rest_is_read() -> None:
    text = "---\ntitle: Journée\ndate: 2024-02-30\nevent_start_date: 2024-03-01\n---\n"
    meta = read_metadata(text)
    [(line, message)] = meta.warnings
    assert line == 3 and "2024-02-30" in message and "not a date" in message
    said = declared(meta)
    assert said.title == ("Journée", 2) and said.dated is None
    assert said.start == (date(2024, 3, 1), 4)


def test_a_lone_surrogate_in_a_title_is_replaced_and_the_rest_is_read() -> None:
    text = '---\ntitle: "Journée \\ud800 BlueHats"\nevent_start_date: 2024-03-01\n---\n'
    meta = read_metadata(text)
    said = declared(meta)
    assert said.title == ("Journée \ufffd BlueHats", 2) and said.start == (date(2024, 3, 1), 3)
    assert [line for line, _ in meta.warnings] == [2, 2]  # not valid as a whole; its surrogate
    assert "surrogate" in meta.warnings[1][1]


PROGRAMME = "\n## Programme\n\n- 9h30 : Accueil\n- 10h : Keynote d'ouverture\n"


def test_an_alias_bomb_in_a_front_matter_is_a_problem_naming_the_file_not_a_hang() -> None:
    header = alias_bomb().replace("i: &i", "description: &i")  # the value a page turns into text
    page = f"---\ntitle: Journée\nevent_start_date: 2024-03-01\n{header}---\n{PROGRAMME}"
    ordinary = plain_yaml()
    plain = f"---\ntitle: Journée\nevent_start_date: 2024-03-01\n{ordinary}---\n{PROGRAMME}"
    path = Path("bombe.md")
    (event,), problems = load_page(path, page, PARIS)
    assert [s.title for s in event.sessions] == ["Accueil", "Keynote d'ouverture"]
    assert any("alias bomb" in p.message and p.source.path == "bombe.md" for p in problems)
    ratio = settled(lambda: fastest(lambda: load_page(path, page, PARIS))
                    / fastest(lambda: load_page(path, plain, PARIS)), 5)
    assert ratio < 5, f"the bomb took {ratio:.1f} times an ordinary page of its size"


def test_a_header_of_many_lines_is_read_in_linear_time() -> None:
    def header(count: int) -> str:
        entries = "".join(f"key{n}: value {n}: with a colon\n" for n in range(count))
        return f"---\n{entries}---\n"

    small, large = header(500), header(4000)
    assert "entry by entry" in read_metadata(small).warnings[0][1]
    ratio = settled(lambda: fastest(lambda: read_metadata(large), runs=3)
                    / fastest(lambda: [read_metadata(small) for _ in range(8)], runs=3), 4)
    assert ratio < 4, "a broken header read entry by entry grows faster than its size"


def test_the_venue_and_address_under_the_keys_themes_use() -> None:
    """Hugo's event themes write `location:`, Pelican `Location:`, a German page `Ort:`."""
    cases = {
        "location: Institut Henri Poincaré, Paris": ("Institut Henri Poincaré, Paris", None),
        "Location: Salle Pasteur\naddress: 8 avenue Pasteur": ("Salle Pasteur",
                                                               "8 avenue Pasteur"),
        "ort: Kulturzentrum\nanschrift: Hauptstraße 1, Berlin": ("Kulturzentrum",
                                                                 "Hauptstraße 1, Berlin"),
    }
    for header, (venue, address) in cases.items():
        text = f"---\ntitle: Journée\n{header}\nevent_start_date: 2025-07-07\n---\n{PROGRAMME}"
        [event], _problems = load_page(Path("page.md"), text, PARIS)
        assert (event.venue, event.address) == (venue, address), header


def test_the_links_a_header_lists_are_the_events_information() -> None:
    """Jekyll meetup pages list `links:` as 'Label: URL' pairs; others as name and URL."""
    headers = (
        'links:\n    "Meetup.com": https://www.meetup.com/x/events/1\n    Notes: not-a-url',
        "links:\n  - name: Meetup.com\n    url: https://www.meetup.com/x/events/1",
    )
    for header in headers:
        text = f"---\ntitle: Journée\n{header}\nevent_start_date: 2025-07-07\n---\n{PROGRAMME}"
        [event], _problems = load_page(Path("page.md"), text, PARIS)
        assert [(i.label, i.url) for i in event.info] == [
            ("Meetup.com", "https://www.meetup.com/x/events/1")], header
        assert [link.url for link in event.links] == ["https://www.meetup.com/x/events/1"]
