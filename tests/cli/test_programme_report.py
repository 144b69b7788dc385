"""`bluehats-bot programme diff` and `check` print the reading report, in the configured
language or the one asked; `diff` says by its exit status whether the new version would be
held."""

from __future__ import annotations

import pytest

from bot.cli.main import main
from tests.support.paths import FIXTURES

VERSIONS = FIXTURES / "publishing"
V1, V2, EMPTY = (str(VERSIONS / name) for name in ("journee-v1.md", "journee-v2.md",
                                                   "journee-vide.md"))


def test_diff_of_an_ordinary_edit_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programme", "diff", V1, V2, "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"New version read: {V2} — Journée BlueHats 2030 (Wednesday 12 June 2030), 6 sessions; "
        "changes: 1 moved.",
        "Journée BlueHats 2030 — Wednesday 12 June 2030",
        "• Wednesday 12 June: 6 sessions",
        "Changes since the published version",
        "• Moved: “Tchap et ses robots” — Wednesday 12 June, 11 am → 3 pm"]


def test_diff_of_a_version_that_would_be_held_exits_1(capsys, tmp_path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("commands: {language: en, prefix: '?'}\n", encoding="utf-8")
    assert main(["programme", "diff", V2, EMPTY, "--config", str(config)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (f"⚠️ Version held: {EMPTY} — it has no session left (6 in the published "
                     "version). The rooms keep the published version; to publish this one "
                     "anyway: ?publish journee-vide.md, or else fix the source.")


def test_diff_of_a_file_that_is_not_there_says_so(tmp_path) -> None:
    with pytest.raises(SystemExit, match="no such file or folder"):
        main(["programme", "diff", V1, str(tmp_path / "nothing.md")])


def test_check_prints_the_report_of_each_source(capsys, tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.md").write_text((VERSIONS / "journee-v1.md").read_text("utf-8"), "utf-8")
    (folder / "b.yaml").write_text("event:\n  title: [unclosed\n", "utf-8")
    assert main(["programme", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'a.md'} — Journée BlueHats 2030 (mercredi 12 juin 2030), 6 sessions." in out
    assert f"{folder / 'b.yaml'} — aucun programme lu ; 1 ligne non lue." in out
    assert "Les raisons, ligne par ligne" not in out  # they are on standard error here
