"""Model helpers: folding, slugs, stable ids, instants in Europe/Paris."""

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.programme.model import (
    Event,
    InfoField,
    Link,
    Programme,
    Session,
    event_id,
    session_id,
)
from bot.programme.queries import find_event
from bot.wording.folding import fold, slugify

PARIS = ZoneInfo("Europe/Paris")


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Démocratie ÉLYSÉE") == "democratie elysee"
    assert fold("GRIST") == fold("grist")


def test_fold_of_marks_alone_is_empty() -> None:
    # A stray combining accent (a title cell holding only U+0301) folds to nothing.
    assert fold("\u0301") == ""
    assert fold("\u0301 \u0327") == " "


def test_slugify() -> None:
    assert slugify("Journées BlueHats au salon — 2024 !") == "journees-bluehats-au-salon-2024"


def test_event_id_is_stable_and_carries_the_year_once() -> None:
    start = date(2024, 12, 4)
    first = event_id("Journées BlueHats au salon Open Source Experience 2024", start)
    assert first == event_id("Journées BlueHats au salon Open Source Experience 2024", start)
    assert first.startswith("2024-journees-bluehats")
    assert first.count("2024") == 1


def test_session_id_follows_the_title_not_the_time() -> None:
    a = session_id("ev", "Grist, votre compagnon")
    assert a == session_id("ev", "  grist,   VOTRE compagnon ")
    assert a != session_id("ev", "Grist, votre compagnon", occurrence=2)
    assert a != session_id("other", "Grist, votre compagnon")
    assert len(a) == 6


def test_instants_are_in_paris_across_dst() -> None:
    before = Session("a", "e", date(2024, 10, 26), time(10), time(11), "x")
    after = Session("b", "e", date(2024, 10, 27), time(10), time(11), "x")
    assert before.starts_at(PARIS).utcoffset().total_seconds() == 7200
    assert after.starts_at(PARIS).utcoffset().total_seconds() == 3600
    assert Session("c", "e", date(2024, 1, 1), None, None, "x").starts_at(PARIS) is None


def test_event_days_and_registration_link() -> None:
    event = Event(
        "e", "t", date(2023, 12, 6), date(2023, 12, 7),
        info=(InfoField("Horaires", "9h-18h"),
              InfoField("Inscription", "S'inscrire", "https://example.org/badge")),
    )
    assert event.days == (date(2023, 12, 6), date(2023, 12, 7))
    assert event.registration_url == "https://example.org/badge"


def test_what_a_link_leaves_by_its_address_or_its_text() -> None:
    assert Link("revoir", "https://www.dailymotion.com/video/x8511pn").material == "recording"
    assert Link("Présentation", "https://bbb.example/playback/presentation/2.3/x").material == (
        "recording")  # a BigBlueButton replay, whatever its text says
    assert Link("Support (PDF)", "https://example.org/a.pdf").material == "slides"
    assert Link("pad", "https://pad.numerique.gouv.fr/x").material == "notes"
    assert Link("Grist", "https://www.getgrist.com/").material is None
    assert Link("lien de visio", "https://visio.example/x").material is None


def test_an_event_indexes_its_sessions_by_day_in_programme_order() -> None:
    second = Session("b", "e", date(2024, 12, 5), time(9), None, "Ouverture du jeudi")
    first = Session("a", "e", date(2024, 12, 4), time(14), None, "L'après-midi")
    morning = Session("c", "e", date(2024, 12, 4), time(9), None, "Le matin")
    event = Event("e", "Deux jours", date(2024, 12, 4), date(2024, 12, 5),
                  sessions=(second, first, morning))  # as given, not sorted
    assert list(event.by_day) == [date(2024, 12, 4), date(2024, 12, 5)]
    assert event.by_day[date(2024, 12, 4)] == (first, morning)
    assert event.with_sessions(event.sessions).by_day[date(2024, 12, 4)] == (morning, first)


def test_a_programme_gathers_its_sessions_once() -> None:
    day = date(2024, 12, 4)
    talk, demo = (Session(n, e, day, time(9), None, n) for n, e in (("a", "e"), ("b", "f")))
    programme = Programme((Event("e", "Un", day, day, sessions=(talk,)),
                           Event("f", "Deux", day, day, sessions=(demo,))))
    assert programme.sessions == (talk, demo)
    assert programme.sessions is programme.sessions  # not a new tuple at each reading


def test_an_event_is_named_by_words_that_start_words_of_its_names() -> None:
    event = Event("2023-jnt", "Journée Numérique & Territoires", date(2023, 1, 18),
                  date(2023, 1, 18), venue="Direction interministérielle du numérique")
    programme = Programme((event,))
    assert find_event(programme, "journée numérique") is event
    assert find_event(programme, "territ") is event
    assert find_event(programme, "minister") is None  # inside « interministérielle »


def test_an_event_is_named_by_its_city() -> None:
    online = Event("2021-forum-en-ligne", "Forum de l'emploi en ligne", date(2021, 11, 29),
                   date(2021, 12, 2))
    paris = Event("2021-forum", "Forum de l'emploi", date(2021, 12, 16), date(2021, 12, 16),
                  venue="La Grande Crypte", address="69 rue Boissière, 75016 Paris")
    programme = Programme((online, paris))
    assert find_event(programme, "forum à Paris", date(2021, 11, 1)) is paris
    assert find_event(programme, "forum à Lyon", date(2021, 11, 1)) is None
