"""What the bot is told and asks of its surroundings: the configuration file, the Matrix
secrets (from the environment or a file outside the repository) and the clock."""
