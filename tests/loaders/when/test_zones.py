"""Time zones a programme names: abbreviations in capitals, offsets, IANA names."""

from datetime import datetime, time, timedelta

from bot.loaders.when import find_zone, zone_info


def test_zones_as_written() -> None:
    assert find_zone("| Time (GMT-5) | Session |") == "UTC-05:00"
    assert find_zone("All times are in PST.") == "America/Los_Angeles"
    assert find_zone("9:00 CEST") == "Europe/Paris"
    assert find_zone("(UTC+5:30)") == "UTC+05:30"
    assert find_zone("heure de Paris (Europe/Paris)") == "Europe/Paris"
    assert find_zone("UTC") == "UTC"


def test_words_that_look_like_zones() -> None:
    assert find_zone("c'est à 18h, cet après-midi, est-ce bien ?") is None
    assert find_zone("utc") is None


def test_zone_info_gives_a_tzinfo() -> None:
    paris = zone_info("Europe/Paris")
    assert paris is not None
    summer = datetime.combine(datetime(2024, 6, 3), time(14), paris)
    assert summer.utcoffset() == timedelta(hours=2)
    fixed = zone_info("UTC-05:00")
    assert fixed is not None and fixed.utcoffset(None) == timedelta(hours=-5)
    assert zone_info("Nowhere/Land") is None
