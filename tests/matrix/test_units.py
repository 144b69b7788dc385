"""The Matrix adapter's pure parts, without a server: addressing, reply fallbacks,
invitation allow-lists, message contents, secrets."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from nio import MatrixRoom

from bot.commands.messages import Outgoing
from bot.settings.config import MatrixConfig
from bot.settings.secrets import MatrixSecrets, SecretsError, load_secrets
from bot.transports.matrix.addressing import (
    Mentions,
    address,
    is_courtesy,
    pills,
    short_name,
    strip_fallback,
)
from bot.transports.matrix.client import new_client, quiet_library_logs
from bot.transports.matrix.directs import is_private_pair
from bot.transports.matrix.invites import InvitePolicy, email_domain_matches
from bot.transports.matrix.journal import decode_answer, encode_answer
from bot.transports.matrix.messages import file_message, notice, read_event
from bot.transports.matrix.power import CREATOR_LEVEL, level_in
from bot.wording.replies import Attachment, Doc, Reply, say

BOT = "@bluehats-bot-numerique.gouv.fr:agent.dinum.tchap.gouv.fr"


# --- reply fallbacks ---------------------------------------------------------------------

def test_strip_fallback_removes_the_quote_and_the_blank_line() -> None:
    body = "> <@alice:example.org> Quand est la keynote ?\n> deuxième ligne\n\n!prochain"
    assert strip_fallback(body) == "!prochain"


def test_strip_fallback_keeps_a_message_that_only_starts_later_with_a_quote() -> None:
    assert strip_fallback("!aide\n> pas une citation") == "!aide\n> pas une citation"


def test_strip_fallback_of_a_quote_only_message_is_empty() -> None:
    assert strip_fallback("> tout est cité") == ""


# --- addressing ----------------------------------------------------------------------------

def test_short_name_drops_the_tchap_domain_suffix() -> None:
    assert short_name("Camille Dupont [DINUM]") == "Camille Dupont"
    assert short_name("Camille Dupont") == "Camille Dupont"


ME = Mentions(BOT, "BlueHats [Bot]")


def test_addressed_by_m_mentions_unless_only_a_reply() -> None:
    mentioned = {"m.mentions": {"user_ids": [BOT]}}
    assert address(mentioned, "quel est le programme", ME) == "quel est le programme"
    assert address({"m.mentions": {"user_ids": ["@x:y"]}}, "programme", ME) is None
    # Element names the sender of the replied-to message: « merci ! » to the bot is no call.
    reply = {**mentioned, "m.relates_to": {"m.in_reply_to": {"event_id": "$answer"}}}
    assert address(reply, "merci !", ME) is None
    # A thread's fallback is not a reply: mentioning the bot in a thread is.
    threaded = {**mentioned, "m.relates_to": {"rel_type": "m.thread", "event_id": "$root",
                                              "is_falling_back": True,
                                              "m.in_reply_to": {"event_id": "$root"}}}
    assert address(threaded, "programme ?", ME) == "programme ?"


def test_addressed_by_pill_even_url_encoded_and_even_in_a_reply() -> None:
    html = '<a href="https://matrix.to/#/%40bluehats-bot-numerique.gouv.fr%3Aagent.dinum.tchap' \
           '.gouv.fr">BlueHats</a> : programme ?'
    assert pills(html) == {BOT}
    content = {"formatted_body": html, "m.relates_to": {"m.in_reply_to": {"event_id": "$x"}}}
    assert address(content, "BlueHats : programme ?", ME) == "programme ?"


def test_addressed_by_a_name_at_the_start_only() -> None:
    name = Mentions(BOT, "Bot Écureuil [DINUM]")
    assert address({}, "bot ecureuil, quel est le programme ?", name) == "quel est le programme ?"
    assert address({}, "Bot Écureuil [DINUM] programme", name) == "programme"
    assert address({}, f"{BOT}: !aide", name) == "!aide"
    assert address({}, "@bluehats-bot-numerique.gouv.fr programme", name) == "programme"
    assert address({}, "robot ecureuils partout", name) is None  # not the whole name
    assert address({}, "quel est le programme ?", name) is None


def test_a_name_inside_a_sentence_is_not_a_mention() -> None:
    for said in ("Les journées BlueHats étaient super", "Rendez-vous au stand bluehats à 14h",
                 "BlueHats étaient super cette année", "bluehatsfan : salut"):
        assert address({}, said, ME) is None, said
    assert address({}, "BlueHats, le programme ?", ME) == "le programme ?"
    assert address({}, "bluehats : programme", ME) == "programme"
    assert address({}, "BlueHats [Bot]: merci", ME) == "merci"


def test_courtesy_is_recognised() -> None:
    for said in ("Merci !", "merci beaucoup 🙏", "Bonjour à tous 👋", "thanks", "👍", "Top",
                 "super, c'est noté", "ok got it", "ah d'accord, merci"):
        assert is_courtesy(said), said
    for said in ("merci, et le programme ?", "bonjour, qui parle de Grist ?", "", "14h",
                 "et en 2023 ?", "c'est où ?"):
        assert not is_courtesy(said), said


# --- invitations ---------------------------------------------------------------------------

def test_email_domain_with_hyphens_is_matched_by_its_end() -> None:
    user = "@jean.dupont-developpement-durable.gouv.fr:agent.dinum.tchap.gouv.fr"
    assert email_domain_matches(user, "developpement-durable.gouv.fr")
    assert not email_domain_matches(user, "gouv.fr.example")
    assert not email_domain_matches("@jean.dupont-numerique.gouv.fr:agent.tchap.gouv.fr",
                                    "developpement-durable.gouv.fr")


def test_email_domain_ignores_the_duplicate_suffix_digit() -> None:
    assert email_domain_matches("@marie.martin-numerique.gouv.fr2:agent.tchap.gouv.fr",
                                "numerique.gouv.fr")


def test_invite_policy_by_room_alias_inviter_server_and_domain() -> None:
    policy = InvitePolicy.from_config(MatrixConfig(
        allowed_rooms=["#bluehats:agent.tchap.gouv.fr"],
        allowed_inviters=["@orga:example.org"],
        allowed_servers=["Partenaire.example"],
        allowed_email_domains=["developpement-durable.gouv.fr"],
    ))
    assert policy.accepts("!r:x", ["#bluehats:agent.tchap.gouv.fr"], "@stranger:evil.example")
    assert policy.accepts("!r:x", [], "@orga:example.org")
    assert policy.accepts("!r:x", [], "@someone:partenaire.example")
    assert policy.accepts("!r:x", [], "@a.b-developpement-durable.gouv.fr:agent.tchap.gouv.fr")
    assert not policy.accepts("!r:x", [], "@a.b-numerique.gouv.fr:agent.tchap.gouv.fr")
    assert not policy.accepts("!r:x", [], "@orga:example.org.evil")
    assert not policy.accepts("!r:x", [], None)


def test_default_policy_declines_everything() -> None:
    assert not InvitePolicy.from_config(MatrixConfig()).accepts("!r:x", [], "@a:b")


# --- message contents ----------------------------------------------------------------------

def _event(content: dict) -> dict:
    return {"event_id": "$cmd", "sender": "@alice:x", "type": "m.room.message",
            "content": content}


def test_read_event_strips_the_fallback_of_a_reply_only() -> None:
    reply = read_event("!r", _event({"body": "> cité\n\n!aide",
                                     "m.relates_to": {"m.in_reply_to": {"event_id": "$q"}}}))
    assert reply.text == "!aide"
    plain = read_event("!r", _event({"body": "> citation volontaire"}))
    assert plain.text == "> citation volontaire"


def test_read_event_sees_threads_and_edits() -> None:
    threaded = read_event("!r", _event({"body": "!aide", "m.relates_to": {
        "rel_type": "m.thread", "event_id": "$root", "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$root"}}}))
    assert (threaded.thread_root, threaded.is_edit) == ("$root", False)
    edit = read_event("!r", _event({"body": "* !aide", "m.relates_to": {
        "rel_type": "m.replace", "event_id": "$old"}}))
    assert edit.is_edit


def test_notice_in_a_thread_replies_to_the_command_without_m_mentions() -> None:
    command = read_event("!r", _event({"body": "!aide", "m.relates_to": {
        "rel_type": "m.thread", "event_id": "$root"}}))
    content = notice(Doc().bold("<b>x</b>").reply(), command)
    assert content["msgtype"] == "m.notice"
    assert content["formatted_body"] == "<b>&lt;b&gt;x&lt;/b&gt;</b>"
    assert content["body"] == "<b>x</b>"
    assert content["m.relates_to"] == {"rel_type": "m.thread", "event_id": "$root",
                                       "is_falling_back": False,
                                       "m.in_reply_to": {"event_id": "$cmd"}}
    assert "m.mentions" not in content


def test_unsolicited_notice_and_file_have_no_relation() -> None:
    content = file_message(Attachment("programme.ics", "text/calendar", b"BEGIN"))
    assert content == {"msgtype": "m.file", "body": "programme.ics",
                       "filename": "programme.ics"}
    assert "m.relates_to" not in notice(Doc().text("x").reply())


# --- secrets -------------------------------------------------------------------------------

def test_secrets_environment_wins_over_the_file(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text("matrix_token: from-file\nmatrix_password: pw-file\n")
    found = load_secrets(secrets, {"BLUEHATS_MATRIX_TOKEN": "from-env"})
    assert found == MatrixSecrets("from-env", "pw-file")
    assert "from-env" not in repr(found) and "pw-file" not in repr(found)


def test_secrets_file_named_by_the_environment(tmp_path: Path) -> None:
    secrets = tmp_path / "other.yaml"
    secrets.write_text("matrix_password: s3cret\n")
    assert load_secrets(None, {"BLUEHATS_SECRETS_FILE": str(secrets)}).password == "s3cret"
    assert load_secrets(None, {}) == MatrixSecrets()


@pytest.mark.parametrize("text", ["matrix_tokn: typo\n", "- a list\n", "key: [unclosed\n"])
def test_bad_secrets_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text(text)
    with pytest.raises(SecretsError, match="secrets file"):
        load_secrets(secrets, {})


# --- power levels --------------------------------------------------------------------------

def _state(version: str, users: dict[str, int] | None) -> list[dict]:
    state = [{"type": "m.room.create", "state_key": "", "sender": "@creator:x",
              "content": {"room_version": version, "additional_creators": ["@co:x"]}}]
    if users is not None:
        state.append({"type": "m.room.power_levels", "state_key": "",
                      "content": {"users": users, "users_default": 5}})
    return state


def test_power_levels_in_legacy_and_v12_rooms() -> None:
    legacy = _state("10", {"@creator:x": 100, "@mod:x": 50})
    assert [level_in(legacy, user) for user in ("@creator:x", "@mod:x", "@co:x", "@x:x")] \
        == [100, 50, 5, 5]
    v12 = _state("12", {"@mod:x": 50})
    assert [level_in(v12, user) for user in ("@creator:x", "@co:x", "@mod:x")] \
        == [CREATOR_LEVEL, CREATOR_LEVEL, 50]
    assert level_in(_state("10", None), "@creator:x") == 100
    assert level_in(_state("10", None), "@other:x") == 0


def test_an_answer_written_down_reads_back_the_same() -> None:
    answer = [
        Outgoing(Reply("a < b", "<p>a &lt; b</p>")),
        Outgoing(Reply("ics", "<b>ics</b>", Attachment("osxp.ics", "text/calendar",
                                                         b"BEGIN:VCALENDAR\r\n\xff"))),
        Outgoing(say("rappel"), to_user="@alice:localhost", key="rem-1"),
        Outgoing(say("salon"), to_room="!room:localhost"),
        Outgoing(say("📬 Réponse envoyée en message privé."), react="📬"),
    ]
    assert decode_answer(encode_answer(answer)) == answer
    assert decode_answer(encode_answer([])) == []


# --- direct chats and logs ---------------------------------------------------------------

def _room(join_rule: str = "invite", history: str = "shared", members: int = 2) -> MatrixRoom:
    room = MatrixRoom("!dm:x", BOT)
    room.join_rule, room.history_visibility = join_rule, history
    for index in range(members):
        room.add_member(BOT if index == 0 else f"@p{index}:x", None, None)
    return room


def test_a_direct_chat_is_two_people_nobody_else_can_join_or_read() -> None:
    assert is_private_pair(_room())
    assert not is_private_pair(_room(join_rule="public"))
    assert not is_private_pair(_room(join_rule="knock"))
    assert not is_private_pair(_room(history="world_readable"))
    assert not is_private_pair(_room(members=3))
    assert not is_private_pair(_room(members=1))


def test_matrix_nio_chatter_shows_at_debug_only() -> None:
    root = logging.getLogger()
    saved = root.level, logging.getLogger("nio").level
    try:
        root.setLevel(logging.INFO)
        quiet_library_logs()
        assert not logging.getLogger("nio.rooms").isEnabledFor(logging.INFO)
        assert logging.getLogger("nio.rooms").isEnabledFor(logging.WARNING)
        root.setLevel(logging.DEBUG)
        quiet_library_logs()
        assert logging.getLogger("nio.rooms").isEnabledFor(logging.INFO)
    finally:
        root.setLevel(saved[0])
        logging.getLogger("nio").setLevel(saved[1])


async def test_the_encryption_keys_folder_is_the_bot_s_alone(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        client = new_client("http://127.0.0.1:9", "@bot:localhost", tmp_path / "crypto")
        await client.close()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "crypto").stat().st_mode) == 0o700
