"""Property tests of the command layer: whatever people type, the bot answers or keeps
quiet, never fails inside, and nothing they typed becomes markup in the HTML it sends.

One App on the shipped programmes plus an event with an open call for proposals, a real
SQLite file, and people who are organisers or not, in a room or a direct chat.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.cli.assemble import command_table, new_app
from bot.commands.dispatch import handle
from bot.commands.messages import Incoming, Outgoing
from bot.loaders.files import load_paths
from bot.programme.model import Programme
from bot.settings.clock import FixedClock
from bot.settings.config import Config, ProposalsConfig, StorageConfig
from bot.storage import Storage
from bot.wording.replies import safe_url
from tests.support.paths import DATA
from tests.support.proposals_kit import BEFORE_DEADLINE, CALL, EVENT, ORG_ROOM, ORGANISER

PEOPLE = ("@alice:example.org", ORGANISER)
ROOMS = ("!public:example.org", ORG_ROOM)
DOC_TAGS = {"b", "i", "code", "a", "br", "ul", "li"}
"""Every tag `bot.wording.replies.Doc` writes; anything else in a reply came from somewhere else."""

HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>gras</b>",
    '<a href="javascript:alert(1)">x</a>', "<iframe src=//evil>", "</ul></li><h1>",
    "&lt;b&gt;", "<!-- c -->", "<svg/onload=alert(1)>", "<font color=red>", "\"'><x-y>",
    "[lien](javascript:alert(1))", "https://exemple.fr/<b>", "**gras**", "@room",
])
WORDS = st.sampled_from(["grist", "demain", "salle", "Ada Lovelace", "14h", "2024-12-04",
                         "talk", "oui", "non", "annuler", "1", "5", "e37301", "tout",
                         "accepter", "mercredi", "?", "", "  "])
ARGS = st.lists(st.one_of(HOSTILE, WORDS, st.text(max_size=30)), max_size=5).map(" ".join)
NAMES = sorted({name for command in command_table().commands.values()
                for names in command.names.values() for name in names})
TEXTS = st.one_of(
    st.tuples(st.sampled_from(NAMES), ARGS).map(lambda pair: f"!{pair[0]} {pair[1]}"),
    ARGS,
    st.text(max_size=200),
    st.tuples(st.sampled_from(["qui parle de ", "programme ", "proposer ", "!"]), ARGS)
    .map("".join),
)
INCOMING = st.builds(Incoming, text=TEXTS, sender=st.sampled_from(PEOPLE),
                     room=st.sampled_from(ROOMS), is_direct=st.booleans(),
                     addressed=st.booleans())


World = tuple[asyncio.AbstractEventLoop, App]
EXAMPLES = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    loop = asyncio.new_event_loop()
    path = tmp_path_factory.mktemp("property") / "bot.db"
    storage = loop.run_until_complete(Storage.open(path))
    config = Config(storage=StorageConfig(database=path), proposals=ProposalsConfig(
        organisers=[ORGANISER], organisers_room=ORG_ROOM, calls=[CALL]))
    programme = load_paths([DATA])
    app = new_app(config, Programme((*programme.events, EVENT)), FixedClock(BEFORE_DEADLINE),
              storage)
    yield loop, app
    loop.run_until_complete(storage.close())
    loop.close()


class _Markup(HTMLParser):
    """Every tag and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def assert_markup_is_the_bots(out: Outgoing) -> None:
    markup = _Markup()
    markup.feed(out.reply.html)
    markup.close()
    assert not markup.comments, out.reply.html
    for tag, attrs in markup.tags:
        assert tag in DOC_TAGS, (tag, out.reply.html)
        if tag == "a":
            assert [name for name, _ in attrs] == ["href"], out.reply.html
            assert safe_url(attrs[0][1] or "") is not None, out.reply.html
        else:
            assert attrs == [], (tag, attrs, out.reply.html)


@settings(EXAMPLES, max_examples=300)
@given(incoming=INCOMING)
def test_any_text_gets_an_answer_or_nothing_and_never_a_failure(
    world: World, incoming: Incoming,
    caplog: pytest.LogCaptureFixture,
) -> None:
    loop, app = world
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="bot.commands.dispatch"):
        out = loop.run_until_complete(handle(app, incoming))
    # dispatch turns an exception into an apology and a log line: either means a bug
    assert not caplog.records, (incoming, caplog.text)
    assert isinstance(out, list)
    for message in out:
        assert isinstance(message, Outgoing)
        assert message.reply.plain.strip() or message.reply.attachment is not None
        assert_markup_is_the_bots(message)


@settings(EXAMPLES, max_examples=200)
@given(hostile=HOSTILE, words=ARGS, name=st.sampled_from(["qui", "salle", "session", "inconnue",
                                                         "rappel", "proposer"]))
def test_hostile_markup_in_arguments_is_shown_as_text(
    world: World, hostile: str, words: str, name: str,
) -> None:
    loop, app = world
    incoming = Incoming(text=f"!{name} {hostile} {words}", sender=PEOPLE[0], room=ROOMS[0],
                        is_direct=True)
    for message in loop.run_until_complete(handle(app, incoming)):
        assert_markup_is_the_bots(message)
