#!/bin/sh
# The container's install steps, one per layer of the Dockerfile; tests/container/ runs
# the same steps in a fresh virtualenv (no Docker daemon needed), so what the image installs
# is what the test suite checked.
#
#   sh install.sh dependencies   # in a folder with pyproject.toml and constraints.txt only
#   sh install.sh bot            # then with README.md and bot/ too: a regular install
#
# `pip` and `python` are those on PATH (the image's, or the test's virtualenv).
set -eu

case "${1:-}" in
dependencies)
    # What bluehats-bot[e2e] needs, read from pyproject.toml, at the versions of
    # constraints.txt (the set the test suite ran with): rebuilt only when one changes.
    python - > requirements.txt <<'PY'
import tomllib

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join([*project["dependencies"], *project["optional-dependencies"]["e2e"]]))
PY
    python -m pip install --constraint constraints.txt --requirement requirements.txt
    rm requirements.txt
    ;;
bot)
    # The bot itself, not editable: its programmes come as package data (bot/data/).
    python -m pip install --no-deps --constraint constraints.txt .
    python -m pip check
    ;;
*)
    echo "usage: sh install.sh dependencies|bot" >&2
    exit 2
    ;;
esac
