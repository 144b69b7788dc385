"""What the bot counts, in the Prometheus format: each part counts its own facts here, and
the web listener (`bot.web`) serves them at /metrics with the process's own (memory, CPU,
open files) that `prometheus_client` adds.

The labels take few values (command keys, intents, outcomes, kinds), never a person or a
room: a series per user would grow without end and name people.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

COMMANDS = Counter("bluehats_commands", "Messages for the bot, by intent understood and outcome "
                   "(see bot.commands.dispatch.Handled)", ["intent", "outcome"])
ANSWER_SECONDS = Histogram(
    "bluehats_answer_seconds", "From a command read to the last message of its answer sent",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300))
SENDS_FAILED = Counter("bluehats_sends_failed", "Messages that could not be sent, given up")
SENDS_RETRIED = Counter("bluehats_sends_retried", "Send attempts tried again, by reason",
                        ["reason"])
"""reason: rate_limited (M_LIMIT_EXCEEDED), unreachable (network), server (another error
answer), not_ready (a room the client does not know yet)."""
REMINDERS = Counter("bluehats_reminders", "Reminder notices, by kind and outcome (sent, "
                    "missed: due while the bot could not send, past the grace period)",
                    ["kind", "outcome"])
REMINDER_DELAY = Histogram(
    "bluehats_reminder_delay_seconds", "How late a reminder was sent after it fell due",
    buckets=(1, 5, 15, 30, 60, 120, 300, 900))
SOURCE_POLLS = Counter("bluehats_source_polls", "Requests to programme sources given by URL, "
                       "by outcome (new, unchanged, failed)", ["outcome"])
LAST_SYNC = Gauge("bluehats_last_sync_timestamp_seconds",
                  "When the last sync with the homeserver succeeded (Unix time)")
