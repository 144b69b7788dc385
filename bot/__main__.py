"""`python -m bot` is the same as the `bluehats-bot` command."""

from bot.cli.main import main

raise SystemExit(main())
