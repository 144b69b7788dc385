"""bluehats-bot: the BlueHats conference-programme bot for Matrix."""
