"""The year of a day written without one: the list it is in, the known years, the weekday
written beside it, the publication date."""

from datetime import date

from bot.loaders.when import DateContext, find_days, find_year, find_years, infer_year, scan_days


def days(text: str, context: DateContext) -> list[date]:
    return [found.day for found in find_days(text, context)]


def test_the_weekday_fixes_the_year_closest_to_the_publication_date() -> None:
    # 21 September is a Monday in 2015, 2020 and 2026; published in June 2020
    assert days("Lundi 21 septembre", DateContext(published=date(2020, 6, 10))) == [
        date(2020, 9, 21)
    ]
    # published in 2025: 2026 is closer than 2020
    assert days("Lundi 21 septembre", DateContext(published=date(2025, 3, 1))) == [
        date(2026, 9, 21)
    ]


def test_the_weekdays_of_a_page_fix_one_year_for_all_its_days() -> None:
    text = "## Mercredi 31 mai\n...\n## Jeudi 1er juin\n...\nle 2 juin, clôture"
    context = DateContext(published=date(2023, 3, 14))
    assert days(text, context) == [date(2023, 5, 31), date(2023, 6, 1), date(2023, 6, 2)]
    assert infer_year(scan_days(text), context) == 2023


def test_the_known_year_or_its_neighbour_whose_weekdays_match() -> None:
    # 'NE Scala 2020' in the title, a stale front-matter date of 2019
    text = "* March 12 (Thursday): Typelevel Summit\n* March 13 (Friday): NE Scala"
    assert days(text, DateContext(years=(2019, 2020))) == [date(2020, 3, 12), date(2020, 3, 13)]
    assert days(text, DateContext(years=(2021,))) == [date(2020, 3, 12), date(2020, 3, 13)]


def test_a_known_year_is_taken_as_is_without_weekday() -> None:
    assert days("le 5 juin", DateContext(years=(2024,), published=date(2023, 1, 1))) == [
        date(2024, 6, 5)
    ]


def test_with_only_a_publication_date_the_closest_day_is_taken() -> None:
    published = DateContext(published=date(2020, 12, 10))
    assert days("le 5 janvier", published) == [date(2021, 1, 5)]
    assert days("le 3 décembre", published) == [date(2020, 12, 3)]
    assert days("le 20 juin", published) == [date(2020, 6, 20)]


def test_the_year_written_at_the_end_of_a_list_or_range() -> None:
    none = DateContext()
    assert days("les 6, 7 et 8 avril 2021", none) == [date(2021, 4, n) for n in (6, 7, 8)]
    assert days("du 28 décembre au 2 janvier 2021", none)[0] == date(2020, 12, 28)
    assert days("Mercredi 24 Novembre et Jeudi 25 Novembre 2021", none) == [
        date(2021, 11, 24),
        date(2021, 11, 25),
    ]


def test_a_weekday_and_a_day_without_month() -> None:
    # '**Monday 13th**' on a page of a course given in March 2017 (from its folder)
    text = "**Monday 13th**\n...\n**Tuesday 14th**\n...\n**Wednesday 15th**"
    context = DateContext(published=date(2017, 3, 1))
    assert days(text, context) == [date(2017, 3, 13), date(2017, 3, 14), date(2017, 3, 15)]
    # 2017 has three Mondays the 13th: a known year alone is not enough
    assert days("Monday 13th", DateContext(years=(2017,))) == []
    # 2018 has one (August)
    assert days("Monday 13th", DateContext(years=(2018,))) == [date(2018, 8, 13)]


def test_an_explicit_year_wins() -> None:
    assert days("Lundi 21 septembre 2015", DateContext(years=(2020,))) == [date(2015, 9, 21)]


def test_no_year_and_no_hint() -> None:
    assert infer_year(scan_days("Lundi 21 septembre"), DateContext()) is None
    assert days("Lundi 21 septembre et mardi 22", DateContext()) == []


def test_find_year() -> None:
    assert find_year("JuliaCon 2020 Schedule") == 2020
    assert find_year("_posts/2014-02-12-open-data-day.md") == 2014
    assert find_year("useR-2018/website") == 2018
    assert find_year("sudweb2019") == 2019
    assert find_year("hacktoberfest17") is None
    assert find_year("1703") is None
    assert find_years("Title 2021", "content/2019/x.md", "no year", "2021") == (2021, 2019)


def test_the_context_is_immutable_and_puts_a_year_first() -> None:
    context = DateContext(years=(2019, 2020))
    assert context.with_year(2020).years == (2020, 2019)
    assert context.with_year(None) is context
    assert context.years == (2019, 2020)
    assert context.reference == date(2019, 7, 1)
    assert DateContext(published=date(2020, 6, 1)).reference == date(2020, 6, 1)
