"""The `bluehats-bot` command line: every sub-command (`main` puts them together), and
`assemble`, where the application is built from its configuration."""
