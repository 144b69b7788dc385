"""What a programme says its acronyms stand for (`bot.programme.aliases.expansions`), and
the answer of « c'est quoi l'I2BC ? » that says it."""

from __future__ import annotations

from datetime import date

from bot.cli.assemble import new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming
from bot.programme.aliases import expansions
from bot.programme.model import Event, Passage, Programme, Session
from bot.programme.search import words
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config

DAY = date(2020, 8, 31)


def _event(*texts: str, titles: tuple[str, ...] = ("Atelier",)) -> Event:
    sessions = tuple(Session(id=f"s{n}", event_id="e", day=DAY, start=None, end=None, title=t)
                     for n, t in enumerate(titles))
    return Event("e", "Formation", DAY, DAY, sessions=sessions,
                 passages=tuple(Passage(text, n) for n, text in enumerate(texts)))


def test_a_name_before_its_acronym() -> None:
    event = _event("La Caisse des dépôts et consignations (CDC) finance le projet.")
    assert expansions(Programme((event,)), words) == {
        "CDC": "Caisse des dépôts et consignations"}


def test_capitalised_words_right_before_an_acronym_they_spell_loosely() -> None:
    event = _event("En partenariat avec l'Institut de Biologie Intégrative de la Cellule "
                   "(I2BC), une formation.")
    assert expansions(Programme((event,)), words) == {
        "I2BC": "Institut de Biologie Intégrative de la Cellule"}


def test_an_acronym_followed_by_the_words_of_its_letters() -> None:
    event = _event('Les principes "FAIR" (Facile à trouver, Accessible, Interopérable, '
                   "Réutilisable) dans vos projets.")
    assert expansions(Programme((event,)), words) == {
        "FAIR": "Facile à trouver, Accessible, Interopérable, Réutilisable"}


def test_capitalised_words_whose_initials_spell_an_acronym_written_elsewhere() -> None:
    event = _event("A Q&A session with the Technical Steering Committee.",
                   titles=("TSC Q&A", "Board Meeting"))
    assert expansions(Programme((event,)), words) == {"TSC": "Technical Steering Committee"}


def test_capitalised_words_of_two_texts_are_not_one_name() -> None:
    # 'Technical' ends one title, 'Steering Committee' starts the next: read apart, they
    # spell no 'TSC'.
    event = _event("Le TSC se réunit.", titles=("Un atelier Technical", "Steering Committee"))
    assert expansions(Programme((event,)), words) == {}


def test_capitals_inside_a_word_are_no_acronym() -> None:
    # 'iOS' and 'ÉTSC' are words of their own: no 'OS' or 'TSC' is written, so no name
    # whose initials spell one is its expansion.
    event = _event("Une appli iOS pour l'Open Source.", "Le comité ÉTSC.",
                   titles=("Technical Steering Committee",))
    assert expansions(Programme((event,)), words) == {}


def test_words_in_parentheses_that_spell_nothing_explain_nothing() -> None:
    event = _event("Le GRIST (voir plus bas) et la Salle Bleue (étage 2) ouvrent à 9h.")
    assert expansions(Programme((event,)), words) == {}


async def test_what_an_acronym_stands_for_heads_the_answer() -> None:
    event = _event("Formation organisée avec l'Institut de Biologie Intégrative de la Cellule "
                   "(I2BC).", titles=("Les outils de l'I2BC",))
    app = new_app(Config(), Programme((event,)), clock=FixedClock(parse_local("2020-08-28 10:00")))
    out = await handle(app, Incoming(text="c'est quoi l'I2BC ?", sender="@a:example.org",
                                     room="!r", addressed=True))
    assert out[0].reply.plain.startswith(
        "« I2BC » (Institut de Biologie Intégrative de la Cellule) :\n"
        "• intervenant à confirmer — Les outils de l'I2BC\n")
