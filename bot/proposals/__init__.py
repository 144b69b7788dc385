"""Talk proposals: calls for proposals, the guided dialogue, organiser review, export and
scheduling into the programme. The chat commands are in `commands/` (by audience), the
tables in `repositories/`, the domain beside them."""
