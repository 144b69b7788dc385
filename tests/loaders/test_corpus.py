"""The corpora of real programme pages (../shared/corpus*): the loader must read each as
its hand-written truth says. Skipped where ../shared is absent (a user's clone).

`corpus` is held to the issue's target (F1 0.97, fields 0.95). `corpus2` and `corpus3`
are held to the floors reached so far, raised as the loader improves, never lowered:
a change that loses sessions on pages nobody tuned for shows here.
"""

import os
import re
import subprocess
import sys

import pytest

from tests.support.paths import ROOT, SHARED

SCORER = SHARED / "corpus" / "score.py"
FLOORS = {  # folder: (F1, fields)
    "corpus": (0.97, 0.95),
    "corpus2": (0.990, 0.959),
    "corpus3": (0.976, 0.941),
}


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_corpus_score_is_at_least_its_floor(folder: str) -> None:
    f1, fields = FLOORS[folder]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(SCORER), str(SHARED / folder), "-j", "2",
         "--min-f1", str(f1), "--min-fields", str(fields)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
    )
    last = done.stdout.strip().splitlines()[-1]
    figures = dict(re.findall(r"(F1|fields)=([0-9.]+)", last))
    assert float(figures["F1"]) >= f1 and float(figures["fields"]) >= fields, done.stdout
    assert done.returncode == 0, done.stdout + done.stderr
