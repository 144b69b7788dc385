"""What the bot counts about itself, for whoever runs it: metrics in the Prometheus format
(`metrics`), recorded by each part and served by the web listener (`bot.web`)."""
