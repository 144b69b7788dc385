"""Text hygiene: invisible format characters never reach what the bot reads or sends."""

from __future__ import annotations

from bot.wording.hygiene import visible
from bot.wording.replies import Doc


def test_zero_width_and_bidi_controls_are_removed() -> None:
    assert visible("gr\u200bist") == "grist"
    assert visible("\u200b!programme") == "!programme"
    assert visible("\ufeffAlice\u2060") == "Alice"
    # A right-to-left override making "exe.txt" look like "txt.exe".
    assert visible("facture\u202etxt.exe") == "facturetxt.exe"
    assert visible("\u2067Bob\u2069 \u200fet\u200e Ève") == "Bob et Ève"
    assert visible("in\u00advisible") == "invisible"


def test_a_joiner_inside_an_emoji_sequence_is_kept() -> None:
    developer = "\U0001f469\u200d\U0001f4bb"  # 👩‍💻, one picture
    rainbow = "\U0001f3f3\ufe0f\u200d\U0001f308"  # 🏳️‍🌈
    assert visible(developer) == developer
    assert visible(f"Atelier {rainbow}") == f"Atelier {rainbow}"
    assert visible("a\u200db") == "ab"  # between letters it only hides a split


def test_emoji_tag_characters_are_removed() -> None:
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert visible(scotland) == "\U0001f3f4"


def test_replies_send_names_and_titles_without_invisible_characters() -> None:
    reply = (Doc().bold("Gr\u200bist\u202e").text(" par ").italic("\u2066Alice\u2069")
             .code("!qui\u200b").link("site\u200b", "https://ex\u200bample.org").reply())
    for text in (reply.plain, reply.html):
        assert not any(char in text for char in "\u200b\u202e\u2066\u2069"), text
    assert reply.html == ('<b>Grist</b> par <i>Alice</i><code>!qui</code>'
                          '<a href="https://example.org">site</a>')


def test_characters_met_before_do_not_let_an_invisible_one_through() -> None:
    assert visible("café « noir »") == "café « noir »"
    assert visible("café\u202e « noir »\u200b") == "café « noir »"


def test_a_lone_surrogate_becomes_the_replacement_character() -> None:
    # JSON's "\ud800" escapes decode to a lone surrogate, which UTF-8 cannot write.
    assert visible("gr\ud800ist") == "gr\ufffdist"
    assert visible("Ma\udc80rie « é »") == "Ma\ufffdrie « é »"
    assert visible("Ma\udc80rie « é »") == "Ma\ufffdrie « é »"  # met before: still replaced
    assert visible("\U0001f469") == "\U0001f469"  # a pair, read as one character, stays
