"""What the bot counts, in the Prometheus format: each part counts its own facts here, and
the web listener (`bot.web`) serves them at /metrics with the process's own (memory, CPU,
open files) that `prometheus_client` adds.

The labels take few values (command keys, intents, outcomes, kinds), never a person or a
room: a series per user would grow without end and name people.

Each metric is made when it is first counted, or when the listener starts (`made_all`):
a process that serves no metrics (the console) never loads `prometheus_client`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any


class Metric:
    """A `prometheus_client` metric of `kind` ('Counter', 'Gauge', 'Histogram'), made on
    first use; it answers as that metric does (`labels`, `inc`, `observe`, `set`)."""

    def __init__(self, kind: str, name: str, documentation: str, *args: Any,
                 **options: Any) -> None:
        self._recipe = (kind, name, documentation, args, options)

    @cached_property
    def made(self) -> Any:
        import prometheus_client

        kind, name, documentation, args, options = self._recipe
        return getattr(prometheus_client, kind)(name, documentation, *args, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made, name)


COMMANDS = Metric("Counter", "bluehats_commands", "Messages for the bot, by intent understood "
                  "and outcome (see bot.commands.dispatch.Handled)", ["intent", "outcome"])
ANSWER_SECONDS = Metric(
    "Histogram", "bluehats_answer_seconds",
    "From a command read to the last message of its answer sent",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300))
SENDS_FAILED = Metric("Counter", "bluehats_sends_failed", "Messages that could not be sent, "
                      "given up")
SENDS_RETRIED = Metric("Counter", "bluehats_sends_retried", "Send attempts tried again, by "
                       "reason", ["reason"])
"""reason: rate_limited (M_LIMIT_EXCEEDED), unreachable (network), server (another error
answer), not_ready (a room the client does not know yet)."""
REMINDERS = Metric("Counter", "bluehats_reminders", "Reminder notices, by kind and outcome "
                   "(sent, missed: due while the bot could not send, past the grace period)",
                   ["kind", "outcome"])
REMINDER_DELAY = Metric(
    "Histogram", "bluehats_reminder_delay_seconds",
    "How late a reminder was sent after it fell due",
    buckets=(1, 5, 15, 30, 60, 120, 300, 900))
SOURCE_POLLS = Metric("Counter", "bluehats_source_polls", "Requests to programme sources "
                      "given by URL, by outcome (new, unchanged, failed)", ["outcome"])
LAST_SYNC = Metric("Gauge", "bluehats_last_sync_timestamp_seconds",
                   "When the last sync with the homeserver succeeded (Unix time)")

EVERY = (COMMANDS, ANSWER_SECONDS, SENDS_FAILED, SENDS_RETRIED, REMINDERS, REMINDER_DELAY,
         SOURCE_POLLS, LAST_SYNC)


def made_all() -> None:
    """Make every metric, so /metrics lists those not counted yet (at zero)."""
    for metric in EVERY:
        metric.made  # noqa: B018 - made on first access
