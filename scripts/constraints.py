"""Write constraints.txt: the exact versions of every package installed in this virtualenv
(the tested set: make it with `pip install -e '.[test]'`, run the suite, then this), which
the container (scripts/install.sh) and CI (.ci/run) install with.

    python scripts/constraints.py            # rewrites constraints.txt
    python scripts/constraints.py --check    # exit 1 if it differs from this virtualenv
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# The versions the test suite ran with (python scripts/constraints.py writes this file from
# the virtualenv of a green run). The container (scripts/install.sh) and CI (.ci/run)
# install with it; regenerate it when pyproject.toml's dependencies change.
"""


def frozen() -> str:
    """constraints.txt as this virtualenv would write it."""
    lines = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    pins = sorted((line for line in lines if "==" in line
                   and not line.lower().startswith("bluehats-bot==")), key=str.lower)
    return HEADER + "\n".join(pins) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare instead of writing; exit 1 if different")
    args = parser.parse_args()
    target = ROOT / "constraints.txt"
    wanted = frozen()
    if args.check:
        same = target.exists() and target.read_text() == wanted
        print("constraints.txt matches this virtualenv" if same else
              "constraints.txt differs from this virtualenv: run python scripts/constraints.py")
        return 0 if same else 1
    target.write_text(wanted)
    print(f"constraints.txt: {wanted.count('==')} packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
