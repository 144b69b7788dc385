"""French typography of what the bot sends to Matrix: non-breaking spaces before « : » (and
narrow ones before « ; ! ? ») and inside guillemets; tags, URLs and prefixed commands kept."""

from __future__ import annotations

from bot.transports.matrix.invites import decline_reason
from bot.transports.matrix.messages import notice
from bot.wording.replies import Doc
from bot.wording.typography import french_spaces, french_spaces_html

NBSP, NARROW = "\u00a0", "\u202f"


def test_spaces_before_two_part_signs_and_inside_guillemets_do_not_break() -> None:
    assert french_spaces("Salle : « Ada » ; venez !") == (
        f"Salle{NBSP}: «{NBSP}Ada{NBSP}»{NARROW}; venez{NARROW}!")
    assert french_spaces("Vous cherchez quoi ?") == f"Vous cherchez quoi{NARROW}?"


def test_a_command_after_a_space_is_not_punctuation() -> None:
    assert french_spaces("Essayez !aide ou ?programme demain.") == (
        "Essayez !aide ou ?programme demain.")
    assert french_spaces("Vouliez-vous dire ?programme ?") == (
        f"Vouliez-vous dire ?programme{NARROW}?")


def test_english_and_times_are_left_as_they_are() -> None:
    text = "Next: Grist at 2:20 pm, room Ada. See https://example.org/?q=a:b!"
    assert french_spaces(text) == text


def test_html_is_spaced_in_its_text_never_in_its_tags() -> None:
    markup = '<a href="https://x.org/a ?b">Grist</a> : <b>salle</b> ?'
    assert french_spaces_html(markup) == (
        f'<a href="https://x.org/a ?b">Grist</a>{NBSP}: <b>salle</b>{NARROW}?')


def test_a_notice_leaves_in_french_typography() -> None:
    reply = Doc().text("Rappel : ").bold("« Grist »").text(" commence !").reply()
    content = notice(reply)
    assert content["body"] == f"Rappel{NBSP}: «{NBSP}Grist{NBSP}» commence{NARROW}!"
    assert content["formatted_body"] == (
        f"Rappel{NBSP}: <b>«{NBSP}Grist{NBSP}»</b> commence{NARROW}!")


def test_a_declined_invitation_gives_its_reason_in_french_typography() -> None:
    assert decline_reason("fr").startswith(f"Invitation refusée{NBSP}: je ne rejoins")
    assert decline_reason("en").startswith("Invitation declined: I only join")
