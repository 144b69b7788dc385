"""The event's frame: title, year and days from the header, the title, the headings and the
text; weekday-only and ordinal headings on the event's days; never a refusal for want of a
year or a title when there is a programme, but a warning with its line."""

import os
from datetime import date, datetime
from pathlib import Path

from bot.loaders.page import read_page
from bot.loaders.page.frame import heading_day
from bot.loaders.page.values import EventFrame
from bot.settings.clock import PARIS


def read(text: str, name: str = "page.md"):
    events, problems, reading = read_page(Path(name), text, PARIS)
    return events, problems, reading.frame


def sessions(text: str, name: str = "page.md") -> list[tuple[date, str]]:
    (event,), _, _ = read(text, name)
    return [(s.day, s.title) for s in event.sessions]


PROGRAMME = "- 9h30 : Accueil des participants\n- 10h : Keynote d'ouverture\n"


# --- title ---------------------------------------------------------------------------


def test_the_title_comes_from_the_header_then_the_first_heading() -> None:
    _, _, frame = read(f"---\ntitle: Journée BlueHats\n---\n# Programme\n\n{PROGRAMME}")
    assert (frame.title, frame.title_from, frame.title_line) == ("Journée BlueHats",
                                                                 "its header", 2)
    _, problems, frame = read(f"# Rencontre du libre\n\nLe 4 juin 2025.\n\n{PROGRAMME}")
    assert (frame.title, frame.title_from, frame.title_line) == ("Rencontre du libre",
                                                                 "its first heading", 1)
    assert not any("title" in p.message for p in problems)


def test_without_header_or_heading_the_first_line_is_the_title_with_a_warning() -> None:
    text = f" Journées du logiciel libre\n\nLe 11 et le 12 mars 2011, à Dakar.\n\n{PROGRAMME}"
    (event,), problems, frame = read(text)
    assert event.title == "Journées du logiciel libre" and frame.title_from == "its first line"
    [warning] = [p for p in problems if "no title" in p.message]
    assert warning.source.line == 1 and warning.severity == "warning"
    assert [s.title for s in event.sessions] == ["Accueil des participants",
                                                 "Keynote d'ouverture"]


def test_a_page_of_nothing_but_days_takes_the_file_name() -> None:
    _, problems, frame = read("\n", "rencontre-libre_2024.md")
    assert frame.title == "rencontre libre 2024" and frame.title_from == "the file's name"
    assert any("took the file's name" in p.message for p in problems)


# --- year ----------------------------------------------------------------------------


def test_no_year_anywhere_the_weekdays_fix_it_closest_to_the_publication_date() -> None:
    text = (f"---\ntitle: Bootcamp\npublishDate: 2020-06-10\n---\n\n## Lundi 21 septembre\n\n"
            f"{PROGRAMME}\n## Mardi 22 septembre\n\n- 9h : Ateliers\n")
    (event,), _, frame = read(text)
    assert (event.start, event.end) == (date(2020, 9, 21), date(2020, 9, 22))
    assert frame.year == 2020
    # 21 September is a Monday in 2015, 2020 and 2026: 2020 is the closest to June 2020


def test_no_year_and_no_date_the_weekdays_fix_it_near_a_year_written_on_the_page() -> None:
    text = ("# Bootcamp\n\nÉdition 2020 du programme.\n\n## Lundi 21 septembre\n\n" + PROGRAMME)
    (event,), problems, frame = read(text)
    assert event.start == date(2020, 9, 21)
    [warning] = [p for p in problems if "no year written" in p.message]
    assert warning.source.line == 5 and "Lundi 21 septembre" in warning.message
    assert frame.year_from.startswith("the weekdays")


def test_a_year_written_with_a_day_of_the_text_is_no_guess() -> None:
    text = ("# Workshop\n\nAm 3. und 4. Juni 2024 in Köln.\n\n### Montag, 3. Juni\n\n"
            "- 9.30 Uhr Begrüßung\n\n### Dienstag, 4. Juni\n\n- 9.30 Uhr Hackathon\n")
    (event,), problems, _ = read(text)
    assert (event.start, event.end) == (date(2024, 6, 3), date(2024, 6, 4))
    assert not any("no year written" in p.message for p in problems)


def test_the_year_of_the_files_folder_or_name() -> None:
    text = "# Bootcamp\n\n## 21 septembre\n\n" + PROGRAMME
    (event,), _, frame = read(text, "eig-bootcamp-2020.md")
    assert event.start == date(2020, 9, 21) and frame.year_from == "the file's path"
    (event,), _, _ = read(text, "events/2019/bootcamp.md")
    assert event.start == date(2019, 9, 21)


def test_no_year_on_the_page_or_its_path_the_day_the_file_was_saved_places_it(tmp_path) -> None:
    page = tmp_path / "journee.md"
    page.write_text("# Journée Python\n\n## Samedi 14 mars\n\n" + PROGRAMME)
    saved = datetime(2019, 11, 2, 12).timestamp()
    os.utime(page, (saved, saved))
    events, problems, reading = read_page(page, page.read_text(), PARIS)
    # 14 March is a Saturday in 2015, 2020 and 2026: 2020 is the closest to November 2019
    assert [(e.start, len(e.sessions)) for e in events] == [(date(2020, 3, 14), 2)]
    [warning] = [p for p in problems if "no year written" in p.message]
    assert warning.severity == "warning" and "Samedi 14 mars" in warning.message
    assert "2019-11-02" in warning.message and warning.source.line == 3
    page.write_text("# Journée Python\n\n## 14 mars\n\n" + PROGRAMME)
    os.utime(page, (saved, saved))
    (event,), problems, reading = read_page(page, page.read_text(), PARIS)
    assert event.start == date(2020, 3, 14)  # no weekday: the 14 March nearest the file's day
    assert reading.frame.year_from == "the day the file was saved (2019-11-02)"
    assert any("no year written: read as 2020" in p.message for p in problems)


def test_the_publication_date_comes_before_the_path() -> None:
    text = "---\ntitle: Bootcamp\npublishDate: 2021-06-01\n---\n\n## 21 septembre\n\n" + PROGRAMME
    (event,), _, _ = read(text, "archives/2019/bootcamp.md")
    assert event.start == date(2021, 9, 21)


def test_a_title_year_corrected_by_the_weekdays_to_its_neighbour() -> None:
    text = "---\ntitle: Forum 2024\n---\n\n## Jeudi 1er juin\n\n" + PROGRAMME
    (event,), _, _ = read(text)
    assert event.start == date(2023, 6, 1)  # 1 June 2024 is a Saturday


# --- days ----------------------------------------------------------------------------


def test_a_plain_date_key_is_the_events_day_when_the_page_has_a_programme() -> None:
    text = f'---\ntitle: "Rust and Tell"\ndate: "2022-04-12 18:30:00 +0200"\n---\n\n{PROGRAMME}'
    (event,), _, frame = read(text)
    assert event.start == date(2022, 4, 12) and frame.days_from.startswith("its header's")
    events, problems, _ = read("---\ntitle: Un billet\ndate: 2022-04-12\n---\n\nRien.\n")
    assert events == [] and "no event date" in problems[-1].message  # a post, not an event


def test_a_plain_date_key_is_the_publication_date_when_the_text_gives_the_day() -> None:
    text = ("Title: Montréal-Python 26\nDate: 2011-12-12 23:01\n\n"
            f"Le lundi 19 décembre, rencontre à l'UQAM.\n\n{PROGRAMME}")
    (event,), _, frame = read(text)
    assert event.start == date(2011, 12, 19) and frame.published == date(2011, 12, 12)


def test_a_description_gives_the_day_and_a_deadline_does_not() -> None:
    text = (
        "---\ntitle: NLUUG voorjaarsconferentie\ndate: 2025-11-21T11:17:47+02:00\n"
        'description: "De conferentie vond plaats op donderdag 7 mei 2026 in Utrecht."\n---\n\n'
        "Inschrijven kan tot en met 30 april 2026.\n\n" + PROGRAMME
    )
    (event,), _, frame = read(text)
    assert (event.start, event.end) == (date(2026, 5, 7), date(2026, 5, 7))
    assert frame.days_from == "its title"


def test_deadline_sentences_in_six_languages_give_no_day() -> None:
    for deadline in ("Date limite d'inscription : 20 mai 2025.",
                     "Registration closes on May 20, 2025.",
                     "Anmeldung bis zum 20. Mai 2025.",
                     "Plazo de inscripción: 20 de mayo de 2025.",
                     "Iscrizioni entro il 20 maggio 2025.",
                     "Inschrijven uiterlijk 20 mei 2025."):
        text = f"# Journée\n\n{deadline}\n\nLa journée a lieu le 4 juin 2025.\n\n{PROGRAMME}"
        (event,), _, _ = read(text)
        assert (event.start, event.end) == (date(2025, 6, 4), date(2025, 6, 4)), deadline


# --- weekday-only and ordinal headings -------------------------------------------------


def test_weekday_only_headings_take_the_events_days_given_once_elsewhere() -> None:
    text = (
        "---\ntitle: Galaxy developer workshop\nevent_start_date: 2017-03-06\n"
        "event_end_date: 2017-03-08\n---\n\n## Monday\n\n- 9:00 Welcome\n\n"
        "## Tuesday\n\n- 9:00 Hands-on tools\n\n## Mittwoch\n\n- 9:00 Hackathon\n"
    )
    assert sessions(text) == [
        (date(2017, 3, 6), "Welcome"),
        (date(2017, 3, 7), "Hands-on tools"),
        (date(2017, 3, 8), "Hackathon"),
    ]


def test_a_weekday_heading_met_again_is_the_next_weeks_day() -> None:
    text = (
        "# Summer school 2024\n\nThe school runs from 10 to 21 June 2024.\n\n"
        "## Monday\n\n- 9:00 Welcome\n\n## Friday\n\n- 9:00 Poster session\n\n"
        "## Monday\n\n- 9:00 Second week opening\n\n## Wednesday\n\n- 9:00 Hackathon\n\n"
        "## Friday\n\n- 9:00 Farewell\n"
    )
    (event,), _, _ = read(text)
    assert (event.start, event.end) == (date(2024, 6, 10), date(2024, 6, 21))
    assert sessions(text) == [
        (date(2024, 6, 10), "Welcome"),
        (date(2024, 6, 14), "Poster session"),
        (date(2024, 6, 17), "Second week opening"),
        (date(2024, 6, 19), "Hackathon"),
        (date(2024, 6, 21), "Farewell"),
    ]


def test_ordinal_headings_take_the_events_nth_day() -> None:
    text = (
        "---\ntitle: Hackathon\n---\n\nDu 10 au 11 avril 2024, à Paris.\n\n## Jour 1️⃣\n\n"
        "- 9h : Lancement des défis\n\n## Jour 2️⃣\n\n- 9h : Restitution des défis\n"
    )
    assert sessions(text) == [
        (date(2024, 4, 10), "Lancement des défis"),
        (date(2024, 4, 11), "Restitution des défis"),
    ]


def test_heading_day() -> None:
    frame = EventFrame(days=(date(2024, 4, 10), date(2024, 4, 11)),
                       weekdays={2: date(2024, 4, 10), 3: date(2024, 4, 11)})
    assert heading_day("Thursday", frame) == date(2024, 4, 11)
    assert heading_day("**Mercredi :**", frame) == date(2024, 4, 10)
    assert heading_day("Day Two", frame) == date(2024, 4, 11)
    assert heading_day("Monday", frame) is None  # not one of the event's days
    assert heading_day("Thursday keynote and lunch", frame) is None  # more than a weekday
    assert heading_day("Jour 3", frame) is None


def test_a_german_day_with_its_ordinal_dot_is_one_sentence() -> None:
    text = ("---\ntitle: Online-Seminar\n---\n\nDas Webinar findet statt am **30. Juni 2020, "
            "17.00 Uhr**.\n\n" + PROGRAMME)
    (event,), _, _ = read(text)
    assert event.start == date(2020, 6, 30)


def test_a_header_excerpt_gives_the_day_and_the_path_its_year() -> None:
    text = ('---\ntitle: Online-Seminar\nexcerpt: "Einladung zu einem Event am 30. Juni."\n'
            "---\n\n" + PROGRAMME)
    (event,), _, _ = read(text, "blog/2020-krisenresilienz.md")
    assert event.start == date(2020, 6, 30)


def test_days_of_other_years_in_the_text_are_other_events() -> None:
    text = (
        "# Journée des données ouvertes\n\n" + PROGRAMME
        + "\nLa première édition remonte au 4 décembre 2010.\n\n"
        "Merci à donchico pour l'image (domaine public, 2016-05-14).\n\n"
        "---\ntitle: Journée des données ouvertes\nsubtitle: Édition 2018\n"
        "date: Samedi le 3 mars 2018 de 12h30 à 17h\n...\n"
    )
    (event,), _, frame = read(text)
    assert (event.start, event.end) == (date(2018, 3, 3), date(2018, 3, 3))
    assert frame.year_from == "its title"


def test_a_spanish_deadline_gives_no_day() -> None:
    text = ("---\ntitle: Jornadas de Cultura Libre\n---\n\nEl próximo 30 de marzo de 2022 "
            "tendrá lugar la jornada.\n\nEnvía tu resumen antes del 28 de febrero.\n\n" + PROGRAMME)
    (event,), _, _ = read(text)
    assert (event.start, event.end) == (date(2022, 3, 30), date(2022, 3, 30))


def test_the_month_of_the_files_path_places_a_weekday_and_a_number() -> None:
    text = ("# Schedule\n\n**Monday 13th**\n\n- 9:00 Introduction\n\n**Tuesday 14th**\n\n"
            "- 9:00 Read mapping\n")
    (event,), _, frame = read(text, "nbis-rnaseq-2017-03/schedule.md")
    assert frame.days[:2] == (date(2017, 3, 13), date(2017, 3, 14))
    assert event.start == date(2017, 3, 13)


def test_a_date_key_far_from_the_days_of_the_text_is_the_events_day() -> None:
    text = ("---\ntitle: Thesshack - Wiki Hackathon\ndate: 2016/10/15\n---\n\n"
            "Two scholarships to attend the Wikimedia Hackathon in Vienna (May 19-21).\n\n"
            + PROGRAMME)
    (event,), _, frame = read(text)
    assert event.start == date(2016, 10, 15) and frame.days_from.startswith("its header's")


def test_explain_prints_the_frame_and_where_each_part_comes_from() -> None:
    from bot.loaders.explain import explain_text

    text = "# Bootcamp\n\nÉdition 2020.\n\n## Lundi 21 septembre\n\n" + PROGRAMME
    events, problems, reading = read_page(Path("page.md"), text, PARIS)
    report = explain_text(events, problems, reading).splitlines()
    start = report.index("frame:")
    assert report[start + 1 : start + 4] == [
        "  title: 'Bootcamp' (from its first heading, line 1)",
        "  year: 2020 (from the weekdays of its days (line 5))",
        "  days: 2020-09-21 (from its day headings)",
    ]


def test_a_report_published_months_later_keeps_the_day_its_text_writes_with_its_year() -> None:
    text = ("---\ntitle: Vidéos de la journée DPSI\ndate: 2021-10-01\n---\n\n"
            "Le 9 février 2021, s'est tenue à la DINUM une journée de sensibilisation.\n\n"
            + PROGRAMME)
    (event,), _, frame = read(text)
    assert event.start == date(2021, 2, 9) and frame.days_from == "its text"


def test_a_range_of_days_written_with_other_words_between_its_ends() -> None:
    text = (
        "# Les principes FAIR\n\n## Programme\n\n### Jour 1\n\n- 9h : Accueil\n\n"
        "### Jour 2\n\n- 9h : Ateliers\n\n### Jour 3\n\n- 9h : Bilan\n\n"
        "## Informations pratiques\n\nLa formation aura lieu du **lundi 31 août 2020 - 10:00 "
        "(accueil café à 9:30) au mercredi 2 septembre 2020 - 16:00** à Paris.\n"
    )
    assert sessions(text) == [(date(2020, 8, 31), "Accueil"), (date(2020, 9, 1), "Ateliers"),
                              (date(2020, 9, 2), "Bilan")]
