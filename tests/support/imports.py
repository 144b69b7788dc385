"""A sub-command run in a fresh Python that then lists every module it imported: what a
sub-command imports is part of how fast it starts."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT

_LISTING = ("import sys\nfrom bot.cli.main import main\nstatus = main(sys.argv[1:])\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(status)")


def run_listing_modules(*argv: str, lines: str = "") -> tuple[subprocess.CompletedProcess[str],
                                                              set[str]]:
    """`bluehats-bot <argv>` with `lines` on its standard input: the finished process and the
    modules it imported (its standard error's lines, which the listing ends)."""
    done = subprocess.run([sys.executable, "-c", _LISTING, *argv], input=lines,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    return done, set(done.stderr.splitlines())
