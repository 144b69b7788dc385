"""Times and ranges of times as programmes write them, and numbers that only look like them."""

from datetime import time

import pytest

from bot.loaders.when import (
    find_range,
    find_times,
    parse_clock,
    parse_hour,
    time_opening,
    zone_info,
)


def read(text: str) -> list[tuple[str, str | None]]:
    """Each slot of `text` as ('HH:MM', 'HH:MM' or None)."""
    return [
        (s.start.strftime("%H:%M"), s.end.strftime("%H:%M") if s.end else None)
        for s in find_times(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### 18h10", [("18:10", None)]),
        ("14h", [("14:00", None)]),
        ("14 h 30", [("14:30", None)]),
        ("## 9h 30: Talk", [("09:30", None)]),
        ("#### 16H10 Title", [("16:10", None)]),
        ("9:30", [("09:30", None)]),
        ("- **09h00** : Accueil", [("09:00", None)]),
        ("17.00 Uhr\tBest Practice", [("17:00", None)]),
        ("um 18.30 Uhr", [("18:30", None)]),
        ("om 20.00 uur", [("20:00", None)]),
        ("ab 18 Uhr", [("18:00", None)]),
        ("- 9.30 Welcome", [("09:30", None)]),
        ("<td>12:45 PM</td>", [("12:45", None)]),
        ("8:30AM  - Breakfast", [("08:30", None)]),
        ("4:30PM  - Installs must be done", [("16:30", None)]),
        ("2 pm", [("14:00", None)]),
        ("3 p.m.", [("15:00", None)]),
        ("12 am", [("00:00", None)]),
        ("a las 9.30", [("09:30", None)]),
        ("Lundi 8 juillet 2019 à 9 heures", [("09:00", None)]),
        ("14:58 Train from Leysin", [("14:58", None)]),
        ("- 14hs: cierre", [("14:00", None)]),
        ("19:00h", [("19:00", None)]),
        ("Doors 6:30pm, talks 7pm", [("18:30", None), ("19:00", None)]),
    ],
)
def test_one_time(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9h-12h30", ("09:00", "12:30")),
        ("9h30/12h30 - Forum ouvert", ("09:30", "12:30")),
        ("de 14 h à 15 h 30", ("14:00", "15:30")),
        ("De 11h à 11h50 : Table ronde", ("11:00", "11:50")),
        ("**\\[9h–9h30\\]** Accueil", ("09:00", "09:30")),
        ("09h30 — 11h30 : Title", ("09:30", "11:30")),
        ("entre 18h et 21h30 environ", ("18:00", "21:30")),
        ("14:00–15:30", ("14:00", "15:30")),
        ("09:30–10:00 Welcome", ("09:30", "10:00")),
        ("**09:00-10.00** [Lecture]", ("09:00", "10:00")),
        ("**11.00 - 11.30** Lunch", ("11:00", "11:30")),
        ("h. 10.00-12.00: sessione plenaria", ("10:00", "12:00")),
        ("17–18 Uhr", ("17:00", "18:00")),
        ("9-12h", ("09:00", "12:00")),
        ("2pm-3:30pm", ("14:00", "15:30")),
        ("2-3pm", ("14:00", "15:00")),
        ("11-1pm", ("11:00", "13:00")),
        ("10 am - 5 pm", ("10:00", "17:00")),
        ("09:00 AM - 09:30 AM: Title", ("09:00", "09:30")),
        ("9:00 AM – 12:30 PM", ("09:00", "12:30")),
        ("| 0845-0900 | Welcome", ("08:45", "09:00")),
        ("| 1400-1500 | HTTP 2/3 evolution", ("14:00", "15:00")),
        ("0900-1330 (all day)", ("09:00", "13:30")),
        ("10:00 a 12:00", ("10:00", "12:00")),
        ("10:00 bis 11:30", ("10:00", "11:30")),
        ("10.00 tot 11.30", ("10:00", "11:30")),
        ("van 10.00 tot 12.00 uur", ("10:00", "12:00")),
        ("13u30 - 14u30", ("13:30", "14:30")),
        ("de 10 a 12 h", ("10:00", "12:00")),
        ("10–11.30 Uhr", ("10:00", "11:30")),
        ("12–1pm", ("12:00", "13:00")),
        ("9 h – 12 h", ("09:00", "12:00")),
        ("from 9:00 to 12:30", ("09:00", "12:30")),
        ("de 9 heures à 12 heures", ("09:00", "12:00")),
        ("de 10h à midi", ("10:00", "12:00")),
        # two bare numbers, opened by 'from' and ending the phrase
        ("from 9 to 12", ("09:00", "12:00")),
        ("From 9 to 12: hands-on session", ("09:00", "12:00")),
        ("dalle 10 alle 12", ("10:00", "12:00")),
        ("de 9 à 12, salle B", ("09:00", "12:00")),
        ("van 9 tot 12.", ("09:00", "12:00")),
        ("from 9 to 5", ("09:00", "17:00")),  # going back: the afternoon
        # starting at noon or midnight
        ("de midi à 14h", ("12:00", "14:00")),
        ("from noon to 2pm", ("12:00", "14:00")),
        ("midi - 13h30 : déjeuner", ("12:00", "13:30")),
        ("midnight-2am", ("00:00", "02:00")),
        # past midnight: the end is before the start
        ("22h30 à 00h00", ("22:30", "00:00")),
        ("00h00 à 02h30", ("00:00", "02:30")),
        ("20:00-03:00 After party", ("20:00", "03:00")),
        # am/pm slips read within one half-day
        ("11:45 PM – 12:25 PM", ("11:45", "12:25")),
        ("11:30 AM - 12:30 AM", ("11:30", "12:30")),
        ("11:00 PM - 1:00 AM", ("23:00", "01:00")),
    ],
)
def test_ranges(text: str, expected: tuple) -> None:
    assert read(text) == [expected]


def test_open_forms_keep_their_mark() -> None:
    marks = {
        "~18:00": ("18:00", "about"),
        "vers 18h": ("18:00", "about"),
        "ca. 17 Uhr": ("17:00", "about"),
        "à partir de 18h": ("18:00", "from"),
        "A partir de 18h": ("18:00", "from"),
        "dès 9h": ("09:00", "from"),
        "from 6pm": ("18:00", "from"),
        "vanaf 18.00": ("18:00", "from"),
        "desde las 9:00": ("09:00", "from"),
        "<20:00": ("20:00", "until"),
        "jusqu'à 14h": ("14:00", "until"),
        "jusqu’à 14h": ("14:00", "until"),
        "until 10 AM": ("10:00", "until"),
        "bis 18 Uhr": ("18:00", "until"),
    }
    for text, (hour, mark) in marks.items():
        [slot] = find_times(text)
        assert (slot.start.strftime("%H:%M"), slot.first.mark) == (hour, mark), text
        assert text[slot.span[0] : slot.span[1]] == text, text


def test_an_open_start_or_end_in_a_range() -> None:
    [slot] = find_times("**<20:00 - 22:00** Special late opening")
    assert (slot.start, slot.end, slot.first.mark) == (time(20), time(22), "until")
    [slot] = find_times("**14.00 - ~18:00** Team activity")
    assert (slot.start, slot.end, slot.last.mark) == (time(14), time(18), "about")
    [slot] = find_times("de 10h à 12h")  # 'de ... à' is a plain range
    assert slot.first.mark is None
    [slot] = find_times("### 22h10 à ... : 3ème mi-temps")
    assert (slot.start, slot.end) == (time(22, 10), None)


def test_past_midnight_is_flagged() -> None:
    [late] = find_times("22h30 à 02h30")
    [day] = find_times("9h-12h")
    assert late.overnight and not day.overnight


def test_twelve_hour_times_without_am_pm_are_marked() -> None:
    [slot] = find_times("1:30 – 2:30")
    assert (slot.first.twelve, slot.last.twelve) == (True, True)
    assert not find_times("13:30")[0].first.twelve
    assert not find_times("01:30")[0].first.twelve
    assert not find_times("1h30")[0].first.twelve
    assert not find_times("1:30 PM")[0].first.twelve


def test_noon_and_another_time_are_two_times() -> None:
    assert read("midi et 14h") == [("14:00", None)]  # 'midi' alone is read by parse_hour
    assert read("12h-14h, puis de midi à 13h30") == [("12:00", "14:00"), ("12:00", "13:30")]


def test_am_in_german_is_a_preposition() -> None:
    assert find_times("Treffpunkt: Raum 5 am Eingang", "de") == []
    assert read("Treffen um 18 Uhr, Raum 5 am Eingang, mit der Gruppe") == [("18:00", None)]
    assert [s.start for s in find_times("9:30 am Haupteingang, mit dem Team und der Gruppe")] == [
        time(9, 30)  # a time with its minutes stays a time, in the morning's 24-hour reading
    ]
    assert read("9 am Welcome and coffee for all the participants") == [("09:00", None)]
    assert [s.start for s in find_times("9 AM Registrierung", "de")] == [time(9)]


def test_two_times_joined_by_and_are_two_times() -> None:
    assert read("10h et 14h") == [("10:00", None), ("14:00", None)]
    assert read("à 10:00 and 14:00") == [("10:00", None), ("14:00", None)]


def test_zones() -> None:
    [slot] = find_times("WHEN:  Saturday, February 5 - 10:30AM - 4:30PM PDT<br>")
    assert (slot.start, slot.end, slot.zone) == (time(10, 30), time(16, 30), "America/Los_Angeles")
    [slot] = find_times("14:00 (UTC+2)")
    assert slot.zone == "UTC+02:00"
    assert str(zone_info("UTC+02:00")) == "UTC+02:00"
    [slot] = find_times("18h est l'heure du dîner")  # 'est', not EST
    assert slot.zone is None


@pytest.mark.parametrize(
    "text",
    [
        "1:02:33",
        "Python 3.12, GitLab 17.0, SEDA 2.1, Ubuntu 22.04",
        "La vitesse de saisie observée est de 21.11 mots par minute.",
        "atteint 16.16",
        "9.30 €",
        "$12.00",
        "5.50% de plus",
        "01.23.45.67.89",
        "0845 123 4567",
        "+33 1 23 45 67 89",
        "3 ateliers, 12 participants, 2019 personnes",
        "des pitchs (1h), des plénières (1h)",
        "Ateliers de 2h",
        "pendant 1h30",
        "2 heures, gratuit",
        "2 hrs",
        "stratégie 2019-2020",
        "salle 3 - 4",
        "score 16:9",
        "4.12.2024",
        "date: '2024-10-14T15:00:00Z'",
        "https://example.org/watch?t=12:30",
        "ratio 1:2",
        "24h/24",
        "pour les enfants de 9 à 12 ans",
        "de 2 à 5 personnes par équipe",
        "from 3 to 4 people",
    ],
)
def test_numbers_that_are_not_times(text: str) -> None:
    assert find_times(text) == []


def test_video_time_codes_are_left_out() -> None:
    codes = (
        "* __00:00-03:30__: Introduction de la journée\n"
        "* __03:30-46:30__: Le blé vu du ciel\n"
        "* __46:30-83:00__: Identifier et classer\n"
        "* __A partir de 205:00__: Keynote\n"
    )
    assert find_times(codes) == []
    chapters = "0:00 Intro\n2:15 Keynote\n12:34 Panel\n1:02:33 Closing"
    assert find_times(chapters) == []
    youtube = "[Replay](https://youtu.be/x?t=754)\n12:34 Panel\n15:20 Questions"
    assert find_times(youtube) == []
    programme = codes + "\nRappel du programme :\n* 09:30-10:00 : Accueil\n* 10:00-11:00 : Talk\n"
    assert read(programme) == [("09:30", "10:00"), ("10:00", "11:00")]
    night = "22:30-00:00 DJ\n00:00-02:30 Party\n02:30-05:00 Afters"
    assert read(night) == [("22:30", "00:00"), ("00:00", "02:30"), ("02:30", "05:00")]


def test_spans_point_at_the_words() -> None:
    text = "- **9h30 - 10h00** : Accueil"
    [slot] = find_times(text)
    assert text[slot.span[0] : slot.span[1]] == "9h30 - 10h00"
    text = "Mercoledì 16 Marzo, ore 15:00 – 16:30 (CET)"
    [slot] = find_times(text)
    assert text[slot.span[0] : slot.span[1]] == "15:00 – 16:30"
    assert text[slot.first.span[0] : slot.first.span[1]] == "15:00"


def test_find_range_takes_the_first_with_an_end() -> None:
    found = find_range("4/12 à 9h, puis de 10h à 12h30 : démos")
    assert found is not None and (found.start, found.end) == (time(10), time(12, 30))
    assert find_range("14h") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14h", time(14)),
        ("9h30", time(9, 30)),
        ("14 h 30", time(14, 30)),
        ("2:30 pm", time(14, 30)),
        ("9:30 am", time(9, 30)),
        ("14:00", time(14)),
        ("14:00:00", time(14)),
        ("18h10 :", time(18, 10)),
        ("0845", time(8, 45)),
        ("1400", time(14)),
        ("9.30", time(9, 30)),
        ("17.00 Uhr", time(17)),
        ("~18:00", time(18)),
        ("dès 9h", time(9)),
        ("midi", time(12)),
        ("Noon", time(12)),
        ("24h", time(0)),
        ("2019", None),
        ("14", None),
        ("13:60", None),
        ("1:02:33", None),
        ("Accueil", None),
        ("9h30 Accueil", None),
        ("", None),
    ],
)
def test_parse_hour(text: str, expected: time | None) -> None:
    assert parse_hour(text) == expected


def test_parse_clock_keeps_the_form() -> None:
    clock = parse_clock("1:30")
    assert clock is not None and (clock.hour, clock.twelve, clock.meridian) == (1, True, None)
    clock = parse_clock("~18:00")
    assert clock is not None and clock.mark == "about"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11:OO Troisième atelier", [("11:00", None)]),
        ("- 9h3O : Accueil", [("09:30", None)]),
        ("10:OO - 11:OO Talk", [("10:00", "11:00")]),
    ],
)
def test_the_letter_o_typed_for_a_zero_in_the_minutes(text: str, expected: list) -> None:
    assert read(text) == expected
    assert parse_hour(text.strip("- ").split()[0]) == time.fromisoformat(expected[0][0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("midi : Déjeuner", [("12:00", None)]),
        ("- **Mittag**: Essen", [("12:00", None)]),
        ("mediodía – Comida", [("12:00", None)]),
        ("Noon | Lunch on the terrace, then 2pm workshops", [("12:00", None), ("14:00", None)]),
        ("Minuit : clôture du hackathon", [("00:00", None)]),
        ("noon - 1pm Lunch", [("12:00", "13:00")]),
    ],
)
def test_a_line_that_opens_with_noon_or_midnight(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Après-midi : ateliers", "Midnight Madness: a hackathon", "le repas de midi", "10 oo"],
)
def test_noon_in_a_sentence_or_a_word_and_an_o_after_a_number_are_no_times(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30 h. Bienvenida", [("09:30", None)]),
        ("12.30 hs: Comida", [("12:30", None)]),
        ("14:00 h - 15:00 h Taller", [("14:00", "15:00")]),
    ],
)
def test_an_h_written_apart_after_the_minutes(text: str, expected: list) -> None:
    assert read(text) == expected
    assert text[find_times(text)[0].span[1] :].startswith((".", ":", " Taller"))  # the h read


@pytest.mark.parametrize(
    ("text", "digit", "start"),
    [
        ("9h30 : Accueil", 0, 0),
        ("**vers 9h : café", 7, 2),  # the word that opens the time is its start
        ("dès 9h", 4, 0),
        ("Retour d'expérience 3-9-0", 20, 20),
        ("~18:00 apéritif", 1, 0),
        ("de midi à 14h", 10, None),  # noon may start a time before the digit
    ],
)
def test_where_a_time_at_a_digit_starts(text: str, digit: int, start: int | None) -> None:
    assert time_opening(text, digit) == start
