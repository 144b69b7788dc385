"""The understanding layer: intents and slots of messages, French and English, in any
word order, with or without accents, SMS spelling and typos. Pure: no programme, no I/O;
the rooms are given as the grammar would learn them from a programme."""

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.understanding import INTENTS, Intent, Knowledge, Slots, understand

WEDNESDAY = date(2024, 12, 4)
KNOWN = Knowledge.of(("Ada Lovelace", "252B", "PLATEAU 3"), frozenset({"albert", "grist"}))


def read(text: str, today: date = WEDNESDAY) -> Intent:
    return understand(text, today, KNOWN)


@pytest.mark.parametrize(("text", "day"), [
    ("programme d'aujourd'hui", WEDNESDAY), ("prog auj", WEDNESDAY),
    ("programme de demain", date(2024, 12, 5)), ("c koi le prog dem1", date(2024, 12, 5)),
    ("tomorrow's schedule", date(2024, 12, 5)), ("programme après-demain", date(2024, 12, 6)),
    ("programme de jeudi", date(2024, 12, 5)), ("programme de JEUDI", date(2024, 12, 5)),
    ("schedule for Monday", date(2024, 12, 9)), ("programme du 5 décembre", date(2024, 12, 5)),
    ("programme du 5 decembre", date(2024, 12, 5)), ("programme du 4/12", WEDNESDAY),
    ("programme du 1er janvier", date(2025, 1, 1)), ("program for December 5th", date(2024, 12, 5)),
    ("programme du 6 décembre 2023", date(2023, 12, 6)),
    ("le programme hier", date(2024, 12, 3)),
    ("programme du 5", date(2024, 12, 5)), ("le programme le 2", date(2025, 1, 2)),
    ("ya koi 2m1 ?", date(2024, 12, 5)),
])
def test_days(text: str, day: date) -> None:
    intent = read(text)
    assert (intent.name, intent.slots.day) == ("programme", day)


@pytest.mark.parametrize(("text", "today", "day"), [
    ("programme de mercredi", WEDNESDAY, date(2024, 12, 11)),  # today has no session
    ("programme de jeudi", WEDNESDAY, date(2024, 12, 12)),  # nor tomorrow: the event's Thursday
    ("schedule for Friday", WEDNESDAY, date(2024, 12, 6)),  # the programme has no Friday
    ("programme de mercredi", date(2024, 12, 11), date(2024, 12, 11)),
    ("programme de jeudi", date(2024, 11, 6), date(2024, 11, 7)),  # over 4 weeks: the next one
])
def test_a_weekday_names_the_coming_one_the_programme_has_sessions_on(
        text: str, today: date, day: date) -> None:
    """A week before an event on Wednesday 11 and Thursday 12 December, « mercredi » is the
    event's Wednesday, not today."""
    known = Knowledge.of((), frozenset(), days=(date(2024, 12, 11), date(2024, 12, 12)))
    assert understand(text, today, known).slots.day == day


@pytest.mark.parametrize(("text", "part", "day"), [
    ("quoi cet après-midi ?", "afternoon", WEDNESDAY),
    ("quoi cet apres midi", "afternoon", WEDNESDAY),
    ("ya koi cet aprem", "afternoon", WEDNESDAY),
    ("programme de ce matin", "morning", WEDNESDAY),
    ("et ce soir ?", "evening", WEDNESDAY),
    ("demain matin", "morning", date(2024, 12, 5)),
    ("what's on tomorrow afternoon?", "afternoon", date(2024, 12, 5)),
    ("this morning's schedule", "morning", WEDNESDAY),
])
def test_parts_of_the_day(text: str, part: str, day: date) -> None:
    intent = read(text)
    assert (intent.name, intent.slots.part, intent.slots.day) == ("programme", part, day)


@pytest.mark.parametrize(("text", "year"), [
    ("programme 2023", 2023), ("le programme de 2019", 2019), ("programme de l'an dernier", 2023),
    ("last year's programme", 2023), ("programme de l'année prochaine", 2025),
])
def test_years(text: str, year: int) -> None:
    intent = read(text)
    assert (intent.name, intent.slots.year) == ("programme", year)


@pytest.mark.parametrize(("text", "hour"), [
    ("il se passe quoi à 16h ?", time(16)), ("quoi à 14h20", time(14, 20)),
    ("à 9:30 ?", time(9, 30)), ("what's on at 3pm?", time(15)), ("at 4 pm", time(16)),
    ("16 h 30 ?", time(16, 30)),
])
def test_hours(text: str, hour: time) -> None:
    intent = read(text)
    assert (intent.name, intent.slots.hour) == ("at_hour", hour)


@pytest.mark.parametrize(("text", "subject", "lang"), [
    ("qui parle de Grist ?", "Grist", "fr"), ("ki parle de grist", "grist", "fr"),
    ("qui intervient pour l'ANCT ?", "ANCT", "fr"),
    ("qu'est-ce que présente la DINUM ?", "DINUM", "fr"),
    ("la DINUM présente quoi ?", "DINUM", "fr"),
    ("il parle de quoi Joseph Garrone ?", "Joseph Garrone", "fr"),
    ("qui est Bastien Guerry ?", "Bastien Guerry", "fr"),
    ("capytale c qui", "capytale", "fr"),
    ("c'est quand la conf sur Tchap ?", "Tchap", "fr"),
    ("quand passe code.gouv.fr ?", "code.gouv.fr", "fr"),
    ("y a une conf sur Albert ?", "Albert", "fr"),  # not corrected to 'alerte': a known word
    ("quelque chose sur l'IA ?", "IA", "fr"),
    ("la ville de paris elle présente quoi ?", "ville de paris", "fr"),
    ("geotrek", "geotrek", "fr"),
    ("who talks about COBOL?", "COBOL", "en"),
    ("when is the talk about Grist?", "Grist", "en"),
    ("what does the DINUM present?", "DINUM", "en"),
    ("anything about AI?", "AI", "en"),
    ("who talks about next steps", "next steps", "en"),
    ("ya qqch sur uMap ?", "uMap", "fr"), ("qui vient du MESR ?", "MESR", "fr"),
    ("les intervenants de l'éducation nationale", "éducation nationale", "fr"),
    ("Bonjour, pourriez-vous me dire qui présente Grist ?", "Grist", "fr"),
    ("qui intervient pour la forge des communs ?", "forge des communs", "fr"),
    ("which talks does the DINUM give?", "DINUM", "en"),
    ("what is ADULLACT holding?", "ADULLACT", "en"),
    ("how long is the Grist talk?", "Grist", "en"),
    ("le CPC il se réunit quand ?", "CPC", "fr"), ("when does the TSC meet?", "TSC", "en"),
])
def test_search_subjects(text: str, subject: str, lang: str) -> None:
    intent = read(text)
    assert (intent.name, intent.subject, intent.lang) == ("search", subject, lang)


@pytest.mark.parametrize(("text", "name", "lang"), [
    ("il y a quoi maintenant ?", "now", "fr"), ("et là maintenant ?", "now", "fr"),
    ("qu'est-ce qui se passe en ce moment", "now", "fr"), ("what's on now?", "now", "en"),
    ("prochaine présentation ?", "next", "fr"), ("c'est quoi la prochaine conf ?", "next", "fr"),
    ("prochains talks", "next", "fr"), ("next talk", "next", "en"), ("what's next?", "next", "en"),
    ("à suivre ?", "next", "fr"),
    ("y a une pause déjeuner ?", "breaks", "fr"), ("when is lunch?", "breaks", "en"),
    ("à quelle heure ça commence ?", "start", "fr"), ("when does it start?", "start", "en"),
    ("ça finit à quelle heure ?", "end", "fr"), ("what time does it end?", "end", "en"),
    ("les démos c'est quand ?", "kind", "fr"), ("les ateliers", "kind", "fr"),
    ("à quelle heure commence la table ronde ?", "kind", "fr"),
    ("when does the workshop end?", "kind", "en"),
    ("bonjour", "greet", "fr"), ("salut !", "greet", "fr"), ("hello", "greet", "en"),
    ("merci !", "thanks", "fr"), ("merci beaucoup", "thanks", "fr"), ("thanks!", "thanks", "en"),
    ("aide", "help", "fr"), ("tu sais faire quoi ?", "help", "fr"),
    ("what can you do?", "help", "en"),
    ("comment je fais pour avoir un rappel avant un talk ?", "remind_how", "fr"),
    ("how do I get a reminder?", "remind_how", "en"),
    ("rappelle-moi le talk sur grist", "remind", "fr"),
    ("les événements", "events", "fr"), ("y a combien de talks ?", "count", "fr"),
    ("how many sessions tomorrow?", "count", "en"), ("combien d'événements ?", "events", "fr"),
    ("c koi le prog", "programme", "fr"), ("salut le bot, c koi le prog ?", "programme", "fr"),
    ("qu'est-ce qu'il y a jeudi ?", "programme", "fr"), ("kesk'il y a demain", "programme", "fr"),
    ("premier talk de demain", "start", "fr"), ("c'est quoi le dernier talk ?", "end", "fr"),
    ("prévenez-moi avant la démo Tchap", "remind", "fr"), ("il reste quoi ?", "next", "fr"),
    ("what's happening this afternoon?", "programme", "en"),
    ("c'est quoi la suite ?", "next", "fr"), ("the next one?", "next", "en"),
    ("comment ça va ?", "greet", "fr"), ("how are you?", "greet", "en"),
    ("thanks a lot", "thanks", "en"), ("cheers", "thanks", "en"), ("au revoir", "thanks", "fr"),
    ("past events", "events", "en"),
    ("c'est jusqu'à quelle heure ?", "end", "fr"),
    ("qui parle de La Suite ?", "search", "fr"),
    ("y a un replay ?", "materials", "fr"),
    ("je peux revoir la conf sur Grist ?", "materials", "fr"),
    ("where are the slides?", "materials", "en"), ("qui parle de vidéo ?", "search", "fr"),
    ("et après le talk sur Grist ?", "search", "fr"),
    ("mes rappels", "reminders", "fr"), ("what are my reminders?", "reminders", "en"),
    ("c'est où la salle ada ?", "facet", "fr"),
    ("Good morning!", "greet", "en"), ("bonne journée à tous !", "thanks", "fr"),
    ("good morning, what's on this afternoon?", "programme", "en"),
])
def test_intents(text: str, name: str, lang: str) -> None:
    intent = read(text)
    assert (intent.name, intent.lang) == (name, lang)


@pytest.mark.parametrize(("text", "facet", "lang"), [
    ("c'est où ?", "venue", "fr"), ("c'est à quelle adresse ?", "venue", "fr"),
    ("where is it?", "venue", "en"), ("comment on y va ?", "access", "fr"),
    ("how do I get there?", "access", "en"), ("c'est gratuit ?", "price", "fr"),
    ("c'est payant ?", "price", "fr"), ("is it free?", "price", "en"),
    ("faut s'inscrire ?", "registration", "fr"), ("how do I register?", "registration", "en"),
    ("contact des organisateurs ?", "contact", "fr"), ("horaires ?", "hours", "fr"),
    ("le stand c'est lequel ?", "stand", "fr"), ("ça se passe dans quelle salle ?", "rooms", "fr"),
    ("which room?", "rooms", "en"),
    ("prochain événement ?", "dates", "fr"), ("c'est quand ?", "dates", "fr"),
    ("c'est quand la prochaine édition ?", "dates", "fr"), ("when is it?", "dates", "en"),
    ("où se trouve le stand ?", "stand", "fr"),
    ("je peux venir sans badge ?", "registration", "fr"),
    ("est-ce qu'il faut payer ?", "price", "fr"), ("qui organise ?", "contact", "fr"),
    ("la journée dure combien de temps ?", "hours", "fr"),
    ("c'est ouvert à quelle heure ?", "hours", "fr"), ("is it free of charge?", "price", "en"),
    ("c'est quoi le numéro du stand ?", "stand", "fr"),
    ("how do I sign up?", "registration", "en"), ("c'est à quel étage ?", "venue", "fr"),
    ("where do I go?", "venue", "en"), ("is there a fee?", "price", "en"),
    ("comment on va au salon ?", "access", "fr"),
    ("who is it for?", "audience", "en"), ("c'est pour qui ?", "audience", "fr"),
    ("on peut suivre à distance ?", "online", "fr"), ("c'est combien ?", "price", "fr"),
    ("what's the website?", "website", "en"), ("is it in person or online?", "online", "en"),
    ("on peut suivre en ligne ?", "online", "fr"), ("c'est en visio ?", "online", "fr"),
    ("c'est en présentiel ?", "online", "fr"), ("is it in person?", "online", "en"),
])
def test_practical_facets(text: str, facet: str, lang: str) -> None:
    intent = read(text)
    assert (intent.name, intent.facet, intent.lang) == ("facet", facet, lang)


@pytest.mark.parametrize(("text", "subject"), [
    ("qui parle de la mise en ligne ?", "mise en ligne"), ("qui fait l'ouverture ?", "ouverture"),
    ("who gives the opening talk?", "opening"),
])
def test_cue_words_asked_with_who_are_the_subject(text: str, subject: str) -> None:
    """« en ligne » asks whether it is online, « ouverture » the opening hours; asked with
    « qui », they name what a session is about or the session itself."""
    intent = read(text)
    assert (intent.name, intent.subject) == ("search", subject)


def test_words_naming_an_event_are_that_event() -> None:
    known = Knowledge.of((), frozenset(), lambda text, _today: "2019-poss"
                         if "poss" in text.lower() else None)
    for text in ("c'est où le POSS ?", "c'est quand le POSS ?", "programme du POSS"):
        assert understand(text, WEDNESDAY, known).event == "2019-poss"
    assert understand("qui parle de POSS ?", WEDNESDAY, known).subject == "POSS"


def test_a_facet_keeps_its_year() -> None:
    assert read("c'était où en 2019 ?").slots == Slots(year=2019)
    assert read("c'était dans quelle salle en 2022 ?").facet == "rooms"


@pytest.mark.parametrize(("text", "room", "hour"), [
    ("salle Ada Lovelace", "Ada Lovelace", None),
    ("what's on in Ada Lovelace?", "Ada Lovelace", None),
    ("qu'est-ce qui se passe en salle plateau 3 ?", "PLATEAU 3", None),
    ("salle 252b", "252B", None), ("ada lovelace à 15h", "Ada Lovelace", time(15)),
    ("room adalovelace at 3pm", "Ada Lovelace", time(15)),
    ("salle ada à 15h", "Ada Lovelace", time(15)), ("room plateau", "PLATEAU 3", None),
])
def test_rooms(text: str, room: str, hour: time | None) -> None:
    intent = read(text)
    assert (intent.name, intent.room, intent.slots.hour) == ("room", room, hour)


def test_next_counts_and_plurals() -> None:
    assert read("les 3 prochaines sessions").slots.count == 3
    assert read("next 2 talks").slots.count == 2
    assert read("prochaine présentation").plural is False
    assert read("prochains talks").plural is True
    assert read("ensuite ?").plural is None


def test_typos_are_corrected_towards_the_lexicon_only() -> None:
    assert read("programe de demian").slots.day == date(2024, 12, 5)
    assert read("maintenat").name == "now"
    assert read("qui parle de supperset").subject == "supperset"  # the search forgives it


def test_word_order_does_not_matter() -> None:
    assert read("demain le programme").slots.day == read("le programme de demain").slots.day
    assert read("Grist qui en parle ?").subject == "Grist"


@given(st.text(max_size=200))
def test_any_text_gives_an_intent(text: str) -> None:
    intent = read(text)
    assert intent.lang in ("fr", "en")
    assert intent.name in INTENTS


def test_after_a_subject_asks_what_follows_it_and_next_does_not() -> None:
    assert (read("et après le talk sur Grist ?").after, read("et après le talk sur Grist ?")
            .subject) == (True, "Grist")
    assert read("le prochain talk de la DINUM").after is False


@pytest.mark.parametrize(("text", "kind"), [
    ("how many round tables are there?", "panel"), ("y a des tables rondes ?", "panel"),
    ("y a des ateliers ?", "workshop"), ("any workshops on Friday?", "workshop"),
    ("les démos de l'après-midi ?", "demo"),
])
def test_a_kind_in_the_plural_is_the_kind_when_the_programme_uses_the_word(
        text: str, kind: str) -> None:
    # The programme's own words are never respelled: a page that writes « tables rondes »
    # and « ateliers » must not turn them into a topic.
    known = Knowledge.of(("Ada Lovelace",),
                         frozenset({"tables", "rondes", "ateliers", "workshops", "demos"}))
    intent = understand(text, WEDNESDAY, known)
    assert (intent.slots.kind, intent.subject) == (kind, "")


def test_the_bot_asked_to_do_something_is_not_asked_what_the_event_allows() -> None:
    assert not read("tu peux me réserver un taxi ?").practical
    assert not read("can you book me a taxi?").practical
    assert read("on peut manger sur place ?").practical
    assert read("can I bring my dog?").practical
    assert read("tu peux me dire s'il y a du wifi ?").practical  # « y a »: the event's


@pytest.mark.parametrize(("text", "kind"), [
    ("how many talks?", "talk"), ("combien de conférences demain ?", "talk"),
    ("y a combien de talks ?", "talk"), ("combien de sessions ?", None),
    ("combien d'ateliers ?", "workshop"),
])
def test_a_count_of_talks_counts_talks_not_every_session(text: str, kind: str | None) -> None:
    intent = read(text)
    assert (intent.name, intent.slots.kind) == ("count", kind)
