"""Publishing the programme: what the bot read in each source, and whether it is published.

Every programme source (a file, a URL) is read on its own each time it changes
(`readings`); the new version is compared with the published one (`diff`) and judged by the
one rule that holds a version looking misread (`hold`); the `Publisher` keeps what is
published and what is held, in the database (`repository`), and builds the programme the
rooms see. The organisers get a reading report of each new version (`report`, sent by
`service`), and `!verifier`, `!publier` and `!recharger` (`commands`) let them look, publish
a held version and reload.
"""
