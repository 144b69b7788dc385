"""The programme: events and their sessions as plain immutable data (model), the questions
of time asked of it (queries), who speaks about what (search, aliases), and a day as people
type it (days)."""
