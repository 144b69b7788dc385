"""The log: one line per fact on standard error, as text for people or, on request
(`--log-format json`, or BLUEHATS_LOG_FORMAT=json), as one JSON object a line for a log
collector, with the fields a line carries (`extra=`: room, intent, outcome…) as keys."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

FORMATS = ("text", "json")
TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_STANDARD = {*vars(logging.LogRecord("", 0, "", 0, "", (), None)), "message", "asctime",
             "taskName"}


class JsonLines(logging.Formatter):
    """A record as one JSON object: time (UTC), level, logger, message, its extra fields,
    and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(
                    timespec="milliseconds"),
                "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        line.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure(verbose: bool, form: str) -> None:
    """Log to standard error at INFO (DEBUG if `verbose`), as `form` says."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if form == "json" else logging.Formatter(TEXT))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
