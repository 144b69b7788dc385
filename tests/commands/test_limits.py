"""Flood control and reply length: the limiter alone (pure, clock passed in), then through
the command layer on the shipped programmes with a fixed clock moved by hand."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.assemble import new_app
from bot.commands.dispatch import Handled, handle
from bot.commands.flood import RateLimiter, Verdict, Window
from bot.commands.messages import Incoming
from bot.loaders.files import load_paths
from bot.settings.clock import FixedClock, parse_local
from bot.settings.config import Config, LimitsConfig
from bot.wording.capping import cap_reply
from bot.wording.replies import Doc
from tests.support import proposals_kit
from tests.support.paths import DATA

PROGRAMME = load_paths([DATA])
ALICE, BOB = "@alice:agent.gouv.fr", "@bob:agent.gouv.fr"


def limiter(user: tuple[int, float] = (5, 10), room: tuple[int, float] = (20, 60)) -> RateLimiter:
    return RateLimiter(Window(*user), Window(*room))


def test_five_commands_in_ten_seconds_then_one_notice_then_silence() -> None:
    limits = limiter()
    verdicts = [limits.check(ALICE, "!room", 100.0 + i)[0] for i in range(8)]
    assert verdicts == [Verdict.ANSWER] * 5 + [Verdict.NOTICE, Verdict.SILENCE, Verdict.SILENCE]


def test_the_window_slides_and_the_wait_is_told() -> None:
    limits = limiter()
    for i in range(5):
        limits.check(ALICE, "!room", 100.0 + i)
    verdict, wait = limits.check(ALICE, "!room", 105.0)
    assert verdict is Verdict.NOTICE and wait == pytest.approx(5.0)  # first one leaves at 110
    assert limits.check(ALICE, "!room", 109.9)[0] is Verdict.SILENCE
    assert limits.check(ALICE, "!room", 110.0)[0] is Verdict.ANSWER
    # blocked again at once (four still in the window + this one): a new notice, once
    assert limits.check(ALICE, "!room", 110.5)[0] is Verdict.NOTICE
    assert limits.check(ALICE, "!room", 110.6)[0] is Verdict.SILENCE


def test_one_flooder_does_not_silence_another_person() -> None:
    limits = limiter()
    for i in range(10):
        limits.check(ALICE, "!room", 100.0 + i / 10)
    assert limits.check(BOB, "!room", 101.0)[0] is Verdict.ANSWER


def test_a_room_limit_holds_across_people_but_not_in_direct_chats() -> None:
    limits = limiter(user=(100, 10), room=(3, 60))
    people = [f"@p{i}:x" for i in range(5)]
    verdicts = [limits.check(person, "!busy", 10.0)[0] for person in people]
    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.NOTICE, Verdict.SILENCE]
    assert limits.check("@p9:x", "!other", 10.0)[0] is Verdict.ANSWER
    assert limits.check("@p9:x", None, 10.0)[0] is Verdict.ANSWER  # direct chat


def test_memory_follows_active_senders_only() -> None:
    limits = limiter()
    for i in range(1000):
        limits.check(f"@u{i}:x", "!room", float(i % 5))
    limits.check("@late:x", "!room", 1000.0)
    assert len(limits.per_user._seen) == 1 and len(limits.per_room._seen) == 1


@pytest.fixture
def app(tmp_path: Path) -> App:
    limits = LimitsConfig(flood_control=True, user_commands=3, user_seconds=10,
                          room_commands=50, room_seconds=60, max_reply_chars=600)
    clock = FixedClock(parse_local("2024-12-04 14:10"))
    return new_app(Config(limits=limits), PROGRAMME, clock=clock)


async def say_(app: App, text: str, sender: str = ALICE, direct: bool = False) -> list[str]:
    out = await handle(app, Incoming(text=text, sender=sender, room="!room", is_direct=direct))
    return [o.reply.plain for o in out]


async def test_through_the_command_layer_the_flooder_is_told_once(app: App) -> None:
    for _ in range(3):
        assert len(await say_(app, "!maintenant")) == 1
    notice = await say_(app, "!maintenant")
    assert len(notice) == 1 and "trop de commandes" in notice[0] and "10 s" in notice[0]
    assert await say_(app, "!now") == []
    assert await say_(app, "!aide") == []
    assert len(await say_(app, "!aide", sender=BOB)) == 1
    app.clock.advance(timedelta(seconds=10))  # type: ignore[attr-defined]
    assert "trop de commandes" not in (await say_(app, "!maintenant"))[0]


async def test_a_backlog_read_at_once_is_counted_by_when_it_was_sent(app: App) -> None:
    """After an outage the bot reads a person's commands all at once: sent 5 s apart, they
    are no flood (3 per 10 s allowed), and all are answered; sent at once, they are one."""
    now = app.clock.now().timestamp()
    for n in range(8):
        out = await handle(app, Incoming("!maintenant", ALICE, "!room",
                                         sent_at=now - 40 + 5 * n))
        assert len(out) == 1 and "trop de commandes" not in out[0].reply.plain
    answered = [await handle(app, Incoming("!maintenant", BOB, "!room", sent_at=now - 30))
                for _ in range(5)]
    assert [len(out) for out in answered] == [1, 1, 1, 1, 0]
    assert "trop de commandes" in answered[3][0].reply.plain


async def test_messages_not_for_the_bot_are_not_counted(app: App) -> None:
    for _ in range(10):
        assert await say_(app, "bonjour à tous") == []
    assert len(await say_(app, "!aide")) == 1


async def test_flood_control_is_off_unless_configured(tmp_path: Path) -> None:
    app = new_app(Config(), PROGRAMME, clock=FixedClock(parse_local("2024-12-04 14:10")))
    for _ in range(20):
        assert len(await say_(app, "!aide")) == 1


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.items = 0
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag != "br":
            self.stack.append(tag)
        self.items += tag == "li"

    def handle_endtag(self, tag: str) -> None:
        self.balanced &= bool(self.stack) and self.stack.pop() == tag


async def test_a_long_answer_in_a_room_is_cut_and_points_to_a_direct_chat(app: App) -> None:
    # 2024-12-04 has 15 sessions (tests/commands/test_commands.py reads them from the page).
    full = (await say_(app, "!programme", direct=True))[0]
    assert full.count("• ") == 15 and "message direct" not in full
    out = await handle(app, Incoming(text="!programme", sender=BOB, room="!room"))
    reply = out[0].reply
    shown = reply.plain.count("• ")
    assert 0 < shown < 15
    assert reply.plain.endswith(f"… et {15 - shown} autres : demandez-moi en message direct.")
    assert len(reply.plain) <= 600 + 100
    tags = _Tags()
    tags.feed(reply.html)
    assert tags.balanced and not tags.stack and tags.items == shown
    # what is shown is the start of the full answer, item for item
    assert full.startswith(reply.plain.rsplit("\n", 1)[0])


def test_cap_keeps_short_replies_and_unbreakable_paragraphs() -> None:
    short = Doc().text("court").reply()
    assert cap_reply(short, 200, "fr") is short
    paragraph = Doc().text("x" * 500).reply()
    assert cap_reply(paragraph, 200, "fr") is paragraph


def test_cap_in_english_escapes_what_it_copies() -> None:
    items = [Doc().bold(f"<b>{i}</b> & co") for i in range(50)]
    reply = cap_reply(Doc().text("Liste :").items(items).reply(), 200, "en")
    assert "<b><b>" not in reply.html and "&lt;b&gt;0&lt;/b&gt; &amp; co" in reply.html
    shown = reply.plain.count("• ")
    assert reply.plain.endswith(f"…and {50 - shown} more: ask me in a direct chat.")


async def test_the_answers_of_a_proposal_dialogue_are_not_flood_controlled(
        tmp_path: Path, open_world: proposals_kit.Opener) -> None:
    world = await open_world(tmp_path / "bot.db")
    world.app.config = world.app.config.model_copy(
        update={"limits": LimitsConfig(flood_control=True)})  # 5 commands per 10 s
    # Six answers at the same instant: the dialogue, not a flood; the « oui » is taken.
    assert await world.propose(proposals_kit.ALICE) == 1
    for _ in range(4):  # « !proposer » was a command: 4 more are allowed, not 0
        assert "trop de commandes" not in await world.text(proposals_kit.ALICE, "!aide")
    assert "trop de commandes" in await world.text(proposals_kit.ALICE, "!aide")


def test_the_cut_falls_before_the_first_item_that_does_not_fit() -> None:
    entries = [Doc().bold(f"Session {n}").br().text("mercredi, 14 h") for n in range(1, 6)]
    inner = Doc().br().text("Titre").items(entries)  # its leading new line is not shown
    reply = cap_reply(Doc().extend(inner).reply(), 70, "fr")
    # « Titre » (6 with its new line), then items of 26 characters: the third ends at 86
    assert reply.plain == ("Titre\n• Session 1\nmercredi, 14 h\n• Session 2\nmercredi, 14 h\n"
                           "… et 3 autres : demandez-moi en message direct.")
    assert reply.html == ("<br>Titre<ul><li><b>Session 1</b><br>mercredi, 14 h</li>"
                          "<li><b>Session 2</b><br>mercredi, 14 h</li></ul>"
                          "<i>… et 3 autres : demandez-moi en message direct.</i>")


def test_an_exempt_command_is_counted_and_always_answered() -> None:
    limits = limiter()
    verdicts = [limits.check(ALICE, "!room", 100.0 + i, exempt=True)[0] for i in range(8)]
    assert verdicts == [Verdict.ANSWER] * 8
    assert limits.check(ALICE, "!room", 108.5) == (Verdict.NOTICE, pytest.approx(1.5))


async def test_an_organiser_s_burst_of_scores_all_lands_and_flooders_are_told(
        tmp_path: Path, open_world: proposals_kit.Opener) -> None:
    """Twelve !noter at the same instant, over the 5 per 10 s: all recorded and answered;
    then read-only commands wait for the window, a refused !noter too."""
    from bot.proposals.repositories.reviews import Reviews

    world = await open_world(tmp_path / "bot.db")
    world.app.config = world.app.config.model_copy(
        update={"limits": LimitsConfig(flood_control=True)})  # 5 commands per 10 s
    numbers = [await world.propose(f"@p{n}:example.org") for n in range(12)]
    world.clock.advance(timedelta(minutes=1))
    for number in numbers:
        handled = Handled()
        out = await handle(world.app, Incoming(f"!noter {number} 4", proposals_kit.ORGANISER,
                                               proposals_kit.ORG_ROOM), handled)
        assert (handled.intent, handled.outcome) == ("score", "answered")
        assert "Note enregistrée" in out[0].reply.plain
    scores = await world.storage.repository(Reviews).scores(numbers)
    assert [scores[n] for n in numbers] == [{proposals_kit.ORGANISER: 4}] * 12
    handled = Handled()
    out = await handle(world.app, Incoming("!aide", proposals_kit.ORGANISER,
                                           proposals_kit.ORG_ROOM), handled)
    assert "trop de commandes" in out[0].reply.plain
    assert (handled.intent, handled.outcome) == ("help", "dropped")
    # Someone who is not an organiser gets no exemption from a command refused to them.
    for _ in range(6):
        await world.say(proposals_kit.ALICE, proposals_kit.PUBLIC, "!noter 1 5")
    assert await world.say(proposals_kit.ALICE, proposals_kit.PUBLIC, "!noter 1 5") == []


async def test_reminders_asked_in_a_burst_are_all_recorded(tmp_path: Path) -> None:
    from bot.reminders.repository import Reminders
    from bot.storage import Storage

    clock = FixedClock(parse_local("2024-12-04 09:00"))
    storage = await Storage.open(tmp_path / "bot.db")
    app = new_app(Config(limits=LimitsConfig(flood_control=True, user_commands=2)),
                  PROGRAMME, clock=clock, storage=storage)
    sessions = [s.id for s in PROGRAMME.events[-1].sessions if s.start][:6]
    try:
        for session in sessions:
            (out,) = await say_(app, f"!rappel {session}", direct=True)
            assert "trop de commandes" not in out
        kept = {row[1] for row in await storage.repository(Reminders).subscriptions()}
    finally:
        await storage.close()
    assert kept == set(sessions)
