"""scripts/try_local.py as a newcomer runs it: a Synapse, accounts, and files that make a
valid configuration; Synapse stopped at Ctrl-C; nothing left behind when it fails."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bot.cli.config import check
from bot.settings.config import load_config
from tests.support.paths import ROOT

pytestmark = pytest.mark.synapse
SCRIPT = ROOT / "scripts" / "try_local.py"


def start(*args: str, stderr: int = subprocess.PIPE) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BLUEHATS_")}
    # Ctrl-C reaches the script even when the tests run in the background, where a shell
    # without job control (`nohup … &`) makes its children ignore SIGINT
    return subprocess.Popen([sys.executable, str(SCRIPT), *args], stdout=subprocess.PIPE,
                            stderr=stderr, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_it_prepares_everything_and_stops_synapse_at_ctrl_c(tmp_path: Path) -> None:
    folder = tmp_path / "try"
    # one pipe, read to the end: a pipe nobody reads fills up and blocks the script
    process = start("--dir", str(folder), stderr=subprocess.STDOUT)
    assert process.stdout is not None
    shown = []
    for line in process.stdout:
        shown.append(line)
        if line.startswith("Press Ctrl-C"):
            break
    text = "".join(shown)
    config_path = folder / "config.yaml"
    assert f"bluehats-bot run --config {config_path}" in text
    base = text.split("Synapse is running on ", 1)[1].split(" ", 1)[0]
    with urllib.request.urlopen(base + "/_matrix/client/versions", timeout=10) as answer:
        assert answer.status == 200
    config = load_config(config_path)
    problems, _ = check(config, env={})
    assert problems == []
    assert config.web.address is not None and config.matrix.display_name == "BlueHats [Bot]"
    assert any(path.name == "demo-programme.yaml" for path in config.programme.paths)
    process.send_signal(signal.SIGINT)
    rest, _ = process.communicate(timeout=30)
    assert process.returncode == 0, rest[-2000:]
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/_matrix/client/versions", timeout=2)
    assert config_path.exists()  # the folder stays, as the script says


def test_a_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "try"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        process = start("--dir", str(folder), "--port", str(taken.getsockname()[1]))
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 1
    assert errors.startswith("failed: ") and errors.rstrip().endswith(f"{folder} deleted")
    assert not folder.exists()
