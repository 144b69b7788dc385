"""The language of a text, from its small words."""

import pytest

from bot.loaders.when import guess_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le programme de la journée est riche et nous vous attendons", "fr"),
        ("The programme of the day is rich and we are waiting for you", "en"),
        ("Das Programm des Tages ist reich und wir warten auf Sie", "de"),
        ("El programa del día es rico y los esperamos para la fiesta", "es"),
        ("Il programma della giornata è ricco e vi aspettiamo per la festa con gli amici", "it"),
        ("Het programma van de dag is rijk en wij wachten op jullie bij de ingang", "nl"),
    ],
)
def test_a_sentence_says_its_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_too_little_or_too_mixed_says_nothing() -> None:
    assert guess_language("") is None
    assert guess_language("9h30 Accueil") is None
    assert guess_language("Keynote and Apéro et discussion") is None  # one word each
