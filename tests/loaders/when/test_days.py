"""Days as pages write them, in fr, en, de, es, it and nl: the grammar (`scan_days`) and the
dates (`find_days`) with a year given by the context."""

from datetime import date

import pytest

from bot.loaders.when import (
    DateContext,
    day_order,
    find_days,
    find_weekdays,
    on_weekday,
    scan_days,
    unique,
)

Y2024 = DateContext(years=(2024,))
DEC_2 = date(2020, 12, 2)
NEW_YEAR = [date(2021, 1, 1), date(2021, 1, 2)]


def days(text: str, context: DateContext = Y2024) -> list[date]:
    return [found.day for found in find_days(text, context)]


def d(month: int, day: int, year: int = 2024) -> date:
    return date(year, month, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French
        ("Lundi 21 septembre 2020", [date(2020, 9, 21)]),
        ("le 1er décembre", [d(12, 1)]),
        ("### Samedi 1er juin", [d(6, 1)]),
        ("Samedi le 3 mars 2018 de 12h30 à 17h", [date(2018, 3, 3)]),
        ("Mardi 09 avril 2013", [date(2013, 4, 9)]),
        ("le 15 août", [d(8, 15)]),
        ("le 3 févr. 2025", [date(2025, 2, 3)]),
        ("23 janv.", [d(1, 23)]),
        # English
        ("Dec 4th", [d(12, 4)]),
        ("Sunday, October 27 from 9:00 AM", [d(10, 27)]),
        ("Friday 26th of July 2019", [date(2019, 7, 26)]),
        ("Day One: New Contributor Day, 22 June, 2020", [date(2020, 6, 22)]),
        ("Monday 22nd July 2019", [date(2019, 7, 22)]),
        ("Until 10 AM on September 16th.", [d(9, 16)]),
        ("29th October | 10 am - 5 pm", [d(10, 29)]),
        ("Sept. 3, 2023", [date(2023, 9, 3)]),
        ("Sat 14 Sep", [d(9, 14)]),
        ("Weds, June 5", [d(6, 5)]),
        ("Weds 5 June 2024, 9am", [d(6, 5)]),
        ("1st of May", [d(5, 1)]),
        ("Monday, June 3, 2024", [d(6, 3)]),
        # German
        ("3. Juni", [d(6, 3)]),
        ("am **30. Juni 2020, 17.00 Uhr**", [date(2020, 6, 30)]),
        ("Dienstag, den 4. März 2025", [date(2025, 3, 4)]),
        ("Mi., 12. Feb. 2025", [date(2025, 2, 12)]),
        # Spanish
        ("3 de junio", [d(6, 3)]),
        ("Cuándo: 30 de marzo de 2022", [date(2022, 3, 30)]),
        ("el sábado 5 de octubre", [d(10, 5)]),
        ("1º de mayo de 2024", [d(5, 1)]),
        # Italian
        ("Mercoledì 16 Marzo 2022", [date(2022, 3, 16)]),
        ("Data: 22 Febbraio.", [d(2, 22)]),
        ("venerdì 3 maggio", [d(5, 3)]),
        # Dutch
        ("donderdag 7 mei 2026", [date(2026, 5, 7)]),
        ("op 3 okt. 2024", [d(10, 3)]),
        ("14 maart", [d(3, 14)]),
    ],
)
def test_a_day_written_with_a_month_name(text: str, expected: list[date]) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les 4 et 5 décembre 2024", [d(12, 4), d(12, 5)]),
        ("les 7, 8 et 9 septembre 2021", [date(2021, 9, d) for d in (7, 8, 9)]),
        ("lundi 7 et mardi 8 juillet 2025", [date(2025, 7, 7), date(2025, 7, 8)]),
        ("Mercredi 24 et Jeudi 25 novembre 2021", [date(2021, 11, 24), date(2021, 11, 25)]),
        ("June 16 and 17, 2025", [date(2025, 6, 16), date(2025, 6, 17)]),
        ("el viernes 29 y sábado 30 de marzo", [d(3, 29), d(3, 30)]),
        ("3 e 4 giugno", [d(6, 3), d(6, 4)]),
        ("3 en 4 juni", [d(6, 3), d(6, 4)]),
        ("3 und 4. Juni", [d(6, 3), d(6, 4)]),
        ("les 13 & 14 juin", [d(6, 13), d(6, 14)]),
    ],
)
def test_lists_of_days(text: str, expected: list[date]) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("du 1er au 3 décembre 2022", [date(2022, 12, n) for n in (1, 2, 3)]),
        ("du 6 au 7 décembre", [d(12, 6), d(12, 7)]),
        ("16th to 19th January 2017", [date(2017, 1, n) for n in (16, 17, 18, 19)]),
        ("vom 3.-5. Juni", [d(6, 3), d(6, 4), d(6, 5)]),
        ("vom 3. bis 5. Juni 2024", [d(6, 3), d(6, 4), d(6, 5)]),
        ("del 3 al 5 de junio", [d(6, 3), d(6, 4), d(6, 5)]),
        ("dal 3 al 5 giugno", [d(6, 3), d(6, 4), d(6, 5)]),
        ("van 3 tot 5 juni", [d(6, 3), d(6, 4), d(6, 5)]),
        ("3 juni t/m 5 juni", [d(6, 3), d(6, 4), d(6, 5)]),
        ("June 3–5", [d(6, 3), d(6, 4), d(6, 5)]),
        ("Mars 27 - Mars 29, 2017", [date(2017, 3, n) for n in (27, 28, 29)]),
        (
            "Tuesday Jul 10 through Friday Jul 13, 2018",
            [date(2018, 7, n) for n in (10, 11, 12, 13)],
        ),
        # across months, and across a new year: the year written last is the year before it
        ("du 30 novembre au 2 décembre 2020", [date(2020, 11, 30), date(2020, 12, 1), DEC_2]),
        ("du 30 décembre au 2 janvier 2021", [date(2020, 12, 30), date(2020, 12, 31), *NEW_YEAR]),
        ("Du 27 mai au 28 mai 2024", [d(5, 27), d(5, 28)]),
        ("du vendredi 25 septembre au lundi 28 septembre", [d(9, n) for n in (25, 26, 27, 28)]),
        ("du 21/11 au 23/11", [d(11, 21), d(11, 22), d(11, 23)]),
    ],
)  # fmt: skip
def test_ranges_of_days_are_spelled_out(text: str, expected: list[date]) -> None:
    assert days(text) == expected


def test_a_long_range_gives_its_two_ends() -> None:
    assert days("du 1er janvier au 31 décembre 2024") == [d(1, 1), d(12, 31)]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("2024-12-04", DateContext(), [d(12, 4)]),
        ("date: 2016/10/15", DateContext(), [date(2016, 10, 15)]),
        ("date: '2024-10-14T15:00:00Z'", DateContext(), [d(10, 14)]),
        ("4.12.2024", DateContext(), [d(12, 4)]),
        ("### Monday 14.10.2019", DateContext(), [date(2019, 10, 14)]),
        ("Dienstag, 21.09.24", DateContext(), [d(9, 21)]),
        ("4-12-2024", DateContext(), [d(12, 4)]),
        ("**04/12/2020**", DateContext(), [date(2020, 12, 4)]),
        ("31/01/22", DateContext(), [date(2022, 1, 31)]),
        # day and month order: the language, a number above 12, a weekday, or the context
        ("12/4/2024", DateContext(lang="fr"), [d(4, 12)]),
        ("12/4/2024", DateContext(lang="en"), [d(12, 4)]),
        ("12/4/2024", DateContext(lang="en", order="dmy"), [d(4, 12)]),
        ("12/4/2024 and 25/12/2024", DateContext(lang="en"), [d(4, 12), d(12, 25)]),
        ("(Tues, 06/22/21)", DateContext(), [date(2021, 6, 22)]),
        ("Friday, 06/07/24", DateContext(lang="fr"), [d(6, 7)]),  # 6 July 2024: a Saturday
        ("Saturday, 06/07/24", DateContext(lang="en"), [d(7, 6)]),
        # no year: after a weekday, a word such as 'le', or as two two-digit numbers
        ("jeudi 01/10 à 10h", Y2024, [d(10, 1)]),
        ("le 23/06 à 14h", Y2024, [d(6, 23)]),
        ("les enjeux (`21/11`)", Y2024, [d(11, 21)]),
        ("am 3.6. um 18 Uhr", Y2024, [d(6, 3)]),
        ("Mo., 3.6.", Y2024, [d(6, 3)]),
        ("### 4/12 de 10h à 12h30 : démos", Y2024, [d(12, 4)]),  # leading a line, then hours
        ("- 4/12 - 14h : clôture", Y2024, [d(12, 4)]),
        ("4/12", Y2024, []),
        ("3/4 des places", Y2024, []),
        ("1/2 journée de formation", Y2024, []),
    ],
)
def test_days_written_in_numbers(text: str, context: DateContext, expected: list[date]) -> None:
    assert days(text, context) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1/2 des participants, 3/4 des places, ouvert 24/7",
        "Atelier (1/2) puis (2/2)",
        "Python 3.12, GitLab 17.0, SEDA 2.1, version 1.2.24",
        "atteint 16.16 et 21.11 mots par minute",
        "9.30-10.30 : café",
        "la saisie 2019 3 ateliers",
        "01.23.45.67.89",
        "[slides](https://example.org/2019/10/15/talk) et https://x.org/2014/01/17/a",
        '<img src="/uploads/2024/06/03/photo.jpg">',
        "![](/images/30juin_annonce.png)",
        "Mars 2020 et la mission Mars",
        "le 3 h du matin",
        "Salle 12, 3e étage",
        "Episode 12",
    ],
)
def test_numbers_that_are_not_days(text: str) -> None:
    assert days(text) == []


def test_a_count_before_a_day_is_not_a_range() -> None:
    assert days("### Day 3 - Wednesday, 27 March 2024") == [d(3, 27)]
    assert days("Jour 2 - 12 juillet") == [d(7, 12)]


def test_spans_are_the_words_of_the_day() -> None:
    text = "Rendez-vous le **jeudi 15 novembre 2018** de 14h à 18h30"
    [found] = find_days(text)
    assert text[found.span[0] : found.span[1]] == "jeudi 15 novembre 2018"
    text = "Held in Uppsala Mars 27 - Mars 31, 2017."
    first, *_ = find_days(text)
    assert text[first.span[0] : first.span[1]] == "Mars 27 - Mars 31, 2017"


def test_scan_days_keeps_what_is_written() -> None:
    [monday] = scan_days("Lundi 21 septembre")
    assert (monday.day, monday.month, monday.year, monday.weekday) == (21, 9, None, 0)
    first, second = scan_days("du 30 novembre au 9 décembre 2020")
    assert (first.year, first.link, second.year, second.link) == (None, None, 2020, "to")
    [dated] = scan_days("**Monday 13th**")
    assert (dated.day, dated.month, dated.weekday) == (13, None, 0)


def test_a_day_without_year_or_hint_is_left_out() -> None:
    assert find_days("Lundi 21 septembre", DateContext()) == []
    assert find_days("le 5 juin prochain", DateContext()) == []


def test_weekdays_alone() -> None:
    found = find_weekdays("## Monday\n### Dienstag\n| lunes | mercoledì | vrijdag | dimanche")
    assert [weekday for weekday, _ in found] == [0, 1, 0, 2, 4, 6]
    assert find_weekdays("Mon Tue") == []  # abbreviations alone are not read


def test_unique_gives_each_day_once() -> None:
    text = "le 4 décembre, puis le 5 décembre, et encore le 4 décembre 2024"
    assert unique(find_days(text, Y2024)) == [d(12, 4), d(12, 5)]


def test_the_language_of_the_context_decides_two_letter_names() -> None:
    # 'ma.' is maandag (Monday) in Dutch, mardi (Tuesday) in French: dropped when unknown
    assert [m.weekday for m in scan_days("ma. 3 juni 2024", "nl")] == [0]
    assert [m.weekday for m in scan_days("ma. 3 juin 2024", "fr")] == [1]
    assert [m.weekday for m in scan_days("ma. 3 juin 2024")] == [None]


def test_a_weekday_that_does_not_match_the_known_year_moves_the_day_to_a_neighbour() -> None:
    # 1 June 2024 is a Saturday; « Jeudi 1er juin » is 2023, next to the known year
    assert days("## Jeudi 1er juin") == [date(2023, 6, 1)]
    # with no neighbour that matches, the known year stands (the weekday is a slip)
    assert days("Vendredi 4 décembre", DateContext(years=(2024,))) == [d(12, 4)]


def test_a_weekday_heading_stands_for_the_event_day_on_that_weekday() -> None:
    event = [date(2018, 7, 10), date(2018, 7, 11), date(2018, 7, 12), date(2018, 7, 13)]
    [(weekday, _)] = find_weekdays('<th colspan="4">Wednesday </th>')
    assert on_weekday(weekday, event) == date(2018, 7, 11)
    assert on_weekday(6, event) is None


def test_the_order_of_numeric_days_for_a_whole_page() -> None:
    page = "## Programme\n**04/12/2020**\n* 17h : ...\n**25/11/2020**\n"
    assert day_order(page, "en") == "dmy"  # 25/11 can only be day first
    assert day_order("06/22/21 and 06/23/21") == "mdy"
    assert day_order("le 04/12", "fr") == "dmy"
    assert day_order("on 04/12", "en") == "mdy"
    context = DateContext(years=(2020,), lang="en", order=day_order(page, "en"))
    assert days("**04/12/2020**", context) == [date(2020, 12, 4)]


def test_numeric_days_of_one_month_rather_than_of_months_apart() -> None:
    # five columns of a summer school, 8 to 12 July: not the 7th of August to December
    columns = "| | 08/07/2024 | 09/07/2024 | 10/07/2024 | 11/07/2024 | 12/07/2024 |"
    assert day_order(columns, "en") == "dmy"
    assert day_order("03/04, 03/05, 03/06 and 03/07", "fr") == "mdy"  # March 4 to 7
    assert day_order("le 03/04 et le 03/05", "fr") == "dmy"  # two months only: the language's
