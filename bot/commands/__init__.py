"""The command layer: text in, reply (plain + HTML) out, with no transport types.

The framework: `declaration` (a command declared once on its handler, and the table an
application answers with), `arguments` (typed arguments), `messages` and `request` (what
comes in and goes out), `dispatch` (from a message to the answer), `render` and `help`. The
programme questions beside them: `programme`, `agenda`, `who`, `speakers`, `sessions`,
`calendar`, `practical`, `materials` and `ask` (sentences no command answers). Features (proposals,
reminders, privacy) declare their commands in their own packages.
"""
