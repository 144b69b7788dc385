"""Month and weekday names come from CLDR, in every form a page may use."""

import re

import pytest

from bot.loaders.when import LANGUAGES, fold, names


@pytest.mark.parametrize(
    ("lang", "months"),
    [
        ("fr", "janvier février mars avril mai juin juillet août septembre octobre novembre"
               " décembre"),
        ("en", "January February March April May June July August September October November"
               " December"),
        ("de", "Januar Februar März April Mai Juni Juli August September Oktober November"
               " Dezember"),
        ("es", "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
               " diciembre"),
        ("it", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre"
               " novembre dicembre"),
        ("nl", "januari februari maart april mei juni juli augustus september oktober november"
               " december"),
    ],
)  # fmt: skip
def test_every_month_name(lang: str, months: str) -> None:
    for table in (names(lang), names()):
        assert [table.month_of(fold(m)) for m in months.split()] == list(range(1, 13))


@pytest.mark.parametrize(
    ("lang", "weekdays"),
    [
        ("fr", "lundi mardi mercredi jeudi vendredi samedi dimanche"),
        ("en", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
        ("de", "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"),
        ("es", "lunes martes miércoles jueves viernes sábado domingo"),
        ("it", "lunedì martedì mercoledì giovedì venerdì sabato domenica"),
        ("nl", "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
    ],
)
def test_every_weekday_name(lang: str, weekdays: str) -> None:
    for table in (names(lang), names()):
        assert [table.weekday_of(fold(w)) for w in weekdays.split()] == list(range(7))
        assert [table.wide_weekdays[fold(w)] for w in weekdays.split()] == list(range(7))


def test_abbreviations_and_prefixes() -> None:
    table = names()
    months = {"janv.": 1, "févr.": 2, "mrt.": 3, "Sept": 9, "sept.": 9, "Okt.": 10, "dic": 12}
    for written, month in months.items():
        assert table.month_of(fold(written)) == month, written
    weekdays = {"Tues": 1, "Thurs": 3, "mié.": 2, "gio": 3, "vr.": 4, "Sa.": 5, "Weds": 2}
    for written, weekday in weekdays.items():
        assert table.weekday_of(fold(written)) == weekday, written


def test_names_are_words() -> None:
    month = re.compile(names().month)
    assert month.fullmatch("mars") and month.fullmatch("sept.")
    assert not month.search("marsh") and not month.search("amars")
    weekday = re.compile(names("de").weekday)
    assert weekday.fullmatch("di.") and not weekday.fullmatch("di")  # two letters need a dot


def test_numeric_order_comes_from_cldr() -> None:
    assert {lang: names(lang).order for lang in LANGUAGES} == {
        "fr": "dmy", "en": "mdy", "de": "dmy", "es": "dmy", "it": "dmy", "nl": "dmy",
    }  # fmt: skip
    assert names().order == "dmy"
