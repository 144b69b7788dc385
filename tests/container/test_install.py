"""The container's install steps, without a Docker daemon: the Dockerfile runs
scripts/install.sh, and so does this test, in a fresh virtualenv, from folders holding
what each COPY of the Dockerfile brings. Then the installed bot (a regular install, not
editable) finds its shipped programmes, checks a configuration, and says where its
database goes from BLUEHATS_DATABASE, as in the image.

What this does not run: the image build itself (python:3.11-slim, the `bluehats` user,
the HEALTHCHECK), which needs Docker."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import venv
from importlib.metadata import distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.support.paths import ROOT

pytestmark = pytest.mark.container

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def copies_then_runs() -> list[tuple[str, str]]:
    """The Dockerfile's COPY and RUN instructions from the first COPY on, in order:
    (instruction, argument)."""
    steps = re.findall(r"^(COPY|RUN) (.+)$", DOCKERFILE, re.M)
    return steps[[kind for kind, _ in steps].index("COPY"):]


def test_the_dependencies_are_installed_before_the_code_is_copied() -> None:
    steps = copies_then_runs()
    assert steps[:4] == [
        ("COPY", "pyproject.toml constraints.txt scripts/install.sh ./"),
        ("RUN", "sh install.sh dependencies"),
        ("COPY", "README.md ./"), ("COPY", "bot ./bot")]
    assert steps[4] == ("RUN", "sh install.sh bot && cd / && rm -rf /src")
    assert "pip install -e" not in DOCKERFILE and "--editable" not in DOCKERFILE
    assert re.search(r"^USER bluehats$", DOCKERFILE, re.M)
    assert 'CMD ["bluehats-bot", "health", "--config", "/etc/bluehats/config.yaml"]' in DOCKERFILE
    assert "BLUEHATS_DATABASE=/var/lib/bluehats/bluehats.db" in DOCKERFILE


def test_constraints_pin_every_runtime_dependency_within_pyproject() -> None:
    """constraints.txt comes from the tested set; every package the bot needs at run time
    (bluehats-bot[e2e], followed down) is pinned there, at a version pyproject allows."""
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins = {_norm(name): version for name, version in pins.items()}
    needed, todo = {}, [Requirement(r) for r in distribution("bluehats-bot").requires or []
                        if "test" not in r]
    while todo:
        requirement = todo.pop()
        name = _norm(requirement.name)
        if name in needed or (requirement.marker and not requirement.marker.evaluate(
                {"extra": "e2e"})):
            continue
        needed[name] = requirement
        todo.extend(Requirement(r) for r in distribution(requirement.name).requires or []
                    if ";" not in r or "extra" not in r)
    missing = sorted(name for name in needed if name not in pins)
    assert missing == []
    outside = [name for name, requirement in needed.items()
               if not requirement.specifier.contains(pins[name], prereleases=True)]
    assert outside == []


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the bot installed by the image's two steps; its bin/."""
    base = tmp_path_factory.mktemp("image")
    environment = base / "venv"
    venv.create(environment, with_pip=True)
    bin_dir = environment / "bin"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "VIRTUAL_ENV": str(environment)}
    env.pop("PYTHONPATH", None)
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "constraints.txt"):  # the first COPY
        shutil.copy(ROOT / name, src / name)
    shutil.copy(ROOT / "scripts" / "install.sh", src / "install.sh")
    subprocess.run(["sh", "install.sh", "dependencies"], cwd=src, env=env, check=True,
                   capture_output=True)
    shutil.copy(ROOT / "README.md", src / "README.md")  # the second COPY
    shutil.copytree(ROOT / "bot", src / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["sh", "install.sh", "bot"], cwd=src, env=env, check=True,
                   capture_output=True)
    shutil.rmtree(src)  # as the image does: nothing may come from the sources
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("BLUEHATS_") and k != "PYTHONPATH"}
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, text=True,
                          capture_output=True, env={**clean, **env}, timeout=120)


def test_the_installed_bot_is_a_regular_install_with_its_programmes(
        installed: Path, tmp_path: Path) -> None:
    where = run(installed, "python", "-c", "import bot; print(bot.__file__)", cwd=tmp_path)
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout
    checked = run(installed, "bluehats-bot", "programme", "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0] == "4 events, 72 sessions"
    assert checked.stdout.rstrip().endswith("0 errors, 0 warnings")
    assert "warning" not in checked.stderr.lower()


def test_the_installed_bot_answers_and_keeps_its_database_where_the_image_says(
        installed: Path, tmp_path: Path) -> None:
    volume = tmp_path / "var-lib-bluehats"
    volume.mkdir()
    asked = subprocess.run(
        [str(installed / "bluehats-bot"), "console", "--now", "2024-12-04 14:10"],
        input="!qui grist\n", cwd=tmp_path, text=True, capture_output=True, timeout=120,
        env={"PATH": os.environ["PATH"], "BLUEHATS_DATABASE": str(volume / "bluehats.db")})
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("« grist » :")
    assert (volume / "bluehats.db").exists() and not (tmp_path / "bluehats.db").exists()
    config = tmp_path / "config.yaml"
    config.write_text("matrix: {homeserver: 'https://matrix.example.org'}\n")
    checked = run(installed, "bluehats-bot", "config", "check", "--config", str(config),
                  cwd=tmp_path, BLUEHATS_MATRIX_TOKEN="syt_x",
                  BLUEHATS_DATABASE=str(volume / "bluehats.db"))
    assert checked.stdout.splitlines()[-1] == f"OK: {config}", checked.stdout


def test_the_health_check_of_the_image_fails_clearly_without_a_bot(
        installed: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("{}\n")
    port = 1  # nothing listens there
    health = run(installed, "bluehats-bot", "health", "--config", str(config), cwd=tmp_path,
                 BLUEHATS_WEB_LISTEN=f"0.0.0.0:{port}")
    assert health.returncode == 1
    assert health.stdout.startswith(f"failing: http://127.0.0.1:{port}/healthz does not answer")
