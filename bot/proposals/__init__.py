"""Talk proposals: calls for proposals, the guided dialogue, organiser review, export and
scheduling into the programme. The chat commands are in `bot.commands.proposals`."""
