"""The bot's HTTP listener (optional, `web.listen`): /healthz for a health check, /metrics
for Prometheus, and calendar feeds people subscribe to (/calendar/…)."""
