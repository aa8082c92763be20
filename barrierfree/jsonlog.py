"""Logs as one JSON object per line (LOG_FORMAT=json), for a log collector to read.

Every record becomes {"time", "level", "logger", "message"} plus the fields of its context (the
request's `request_id`, a job's `job` and `job_id`, see `log_context`) and the extra fields it was
logged with (`method`, `path`, `status`, ... of the access log, mapping/accesslog.py); a traceback
goes into "exception" as one string. json.dumps escapes every line break, so a record is
always exactly one line. Plain Python: gunicorn's own configuration uses it as well.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_context: ContextVar[dict[str, object] | None] = ContextVar("log_context", default=None)

# Attributes every LogRecord has: not extra fields.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
}
# Django's extra objects (the HttpRequest, the dev server's socket time): not data for a log.
_LEFT_OUT = {"request", "server_time"}
# Characters that str.splitlines() and some readers take for line breaks, which JSON keeps.
_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@contextmanager
def log_context(**fields: object) -> Iterator[None]:
    """Add `fields` to every record logged inside the block (in this thread or task)."""
    token = _context.set({**(_context.get() or {}), **fields})
    try:
        yield
    finally:
        _context.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_context.get() or {})
        entry.update(
            (key, value)
            for key, value in vars(record).items()
            if key not in _STANDARD and key not in _LEFT_OUT and not key.startswith("_")
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        line = json.dumps(entry, ensure_ascii=False, default=str)
        for character, escaped in _BREAKS.items():
            line = line.replace(character, escaped)
        return line
