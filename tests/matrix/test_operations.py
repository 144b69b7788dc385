"""Running the bot for real, on a real Synapse: an organiser's burst of scores all lands
through flood control; `bluehats-bot run` as a process with its listener (/healthz,
/metrics, `bluehats-bot health`), JSON logs, and its files private."""

from __future__ import annotations

import asyncio
import json
import stat
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.cli.main import main
from bot.programme.model import Speaker
from bot.proposals.repositories.proposals import Proposal, Proposals
from bot.proposals.repositories.reviews import Reviews
from bot.settings.config import LimitsConfig, ProposalsConfig, WebConfig
from tests.support.synapse import (
    BotProcess,
    Human,
    Synapse,
    bot_config,
    free_port,
    running_bot,
    unique,
    write_config,
)

pytestmark = pytest.mark.synapse


async def test_an_organiser_s_burst_of_scores_lands_every_score(
        synapse: Synapse, tmp_path: Path) -> None:
    """Twelve !noter sent at once in the organisers' room, where flood control allows 5
    commands per 10 s: every score is recorded and answered; a !aide then is held."""
    account = synapse.register(unique("bot"))
    async with Human.connect(synapse, "orga") as orga:
        room = await orga.create_room(invite=[account.user_id])
        base = bot_config(synapse, tmp_path, account, allowed_servers=["localhost"],
                          encryption=False)
        config = base.model_copy(update={
            "limits": LimitsConfig(flood_control=True),
            "proposals": ProposalsConfig(organisers=[orga.user_id], organisers_room=room)})
        async with running_bot(config) as bot:
            await orga.wait_joined(room, account.user_id)
            proposals = bot.app.storage.repository(Proposals)
            numbers = [(await proposals.add_proposal(Proposal(
                0, "2024-journees-bluehats-au-salon-open-source", f"Proposition {n}", "talk",
                20, "Un résumé assez long pour passer.", (Speaker("Alice"),),
                f"@p{n}:localhost", "fr", "submitted", datetime.now(UTC)))).id
                for n in range(12)]
            asked = [await orga.send(room, f"!noter {number} {1 + number % 5}")
                     for number in numbers]
            for event_id in asked:
                answer = await orga.wait_for(lambda m, e=event_id: m.replies_to == e)
                assert answer.body.startswith("Note enregistrée"), answer.body
            scores = await bot.app.storage.repository(Reviews).scores(numbers)
            assert [scores[n] for n in numbers] == [{orga.user_id: 1 + n % 5} for n in numbers]
            held = await orga.send(room, "!aide")
            notice = await orga.wait_for(lambda m: m.replies_to == held)
            assert "trop de commandes" in notice.body


async def _get(url: str) -> tuple[int, bytes]:
    def fetch() -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
    return await asyncio.to_thread(fetch)


async def test_run_with_its_listener_health_metrics_and_json_logs(
        synapse: Synapse, tmp_path: Path) -> None:
    account = synapse.register(unique("bot"))
    port = free_port()
    config = bot_config(synapse, tmp_path / "state", account, allowed_servers=["localhost"])
    config = config.model_copy(update={"web": WebConfig(listen=f"127.0.0.1:{port}")})
    config_path = write_config(config, tmp_path / "config.yaml")
    process = BotProcess(config_path, tmp_path / "bot.log", ("--log-format", "json"))
    base = f"http://127.0.0.1:{port}"
    process.start()
    try:
        async with Human.connect(synapse, "alice") as alice:
            room = await alice.create_room(invite=[account.user_id])
            await alice.wait_joined(room, account.user_id, timeout=60)
            for _ in range(100):
                status, body = await _get(base + "/healthz")
                if status == 200:
                    break
                await asyncio.sleep(0.2)
            report = json.loads(body)
            assert report["status"] == "ok" and report["sync"]["age_seconds"] < 60
            assert await asyncio.to_thread(main, ["health", "--config", str(config_path)]) == 0
            asked = await alice.send(room, "!aide")
            await alice.wait_for(lambda m: m.replies_to == asked, timeout=30)
            await alice.settle()
            status, body = await _get(base + "/metrics")
            samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
                       for family in text_string_to_metric_families(body.decode())
                       for s in family.samples}
            assert samples[("bluehats_commands_total",
                            (("intent", "help"), ("outcome", "answered")))] == 1.0
            assert samples[("bluehats_answer_seconds_count", ())] == 1.0
            assert samples[("bluehats_last_sync_timestamp_seconds", ())] > 0
    finally:
        assert process.stop() == 0
    lines = [json.loads(line) for line in process.log().splitlines() if line.startswith("{")]
    (command,) = [line for line in lines if line["message"].startswith("command room=")]
    assert (command["intent"], command["outcome"], command["room"]) == ("help", "answered", room)
    assert not [line for line in process.log().splitlines() if not line.startswith("{")]
    # Files private: the database (it holds the token), its WAL, the encryption keys.
    state = tmp_path / "state"
    assert stat.S_IMODE((state / "bot.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((state / "crypto").stat().st_mode) == 0o700
    inside = [path for path in (state / "crypto").rglob("*") if path.is_file()]
    assert inside and all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in inside)
