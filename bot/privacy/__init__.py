"""Privacy: !oublier-moi tells a person what the bot keeps about them and forgets it, every
repository asked at once (the sweep)."""
