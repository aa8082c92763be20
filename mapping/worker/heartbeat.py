"""Whether a worker is alive: procrastinate (3.x) keeps a row per running worker with its last
heartbeat, written every settings.WORKER_HEARTBEAT_SECONDS; a worker that stops cleanly deletes
its row, a killed one leaves it to age."""

from django.conf import settings
from django.db import DatabaseError, connection


def seconds_since_last_heartbeat() -> float | None:
    """Seconds since the freshest heartbeat of any worker (on the database's clock, which every
    machine shares), or None when no worker is registered."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXTRACT(EPOCH FROM now() - max(last_heartbeat)) FROM procrastinate_workers"
        )
        (seconds,) = cursor.fetchone()
    return None if seconds is None else float(seconds)


def worker_check() -> str:
    """ "ok" when a worker beat within settings.WORKER_STALLED_SECONDS, else what is wrong."""
    try:
        seconds = seconds_since_last_heartbeat()
    except DatabaseError as error:
        return f"unknown: {type(error).__name__}"
    if seconds is None:
        return "no worker running"
    if seconds > settings.WORKER_STALLED_SECONDS:
        return f"no worker seen for {int(seconds)} s"
    return "ok"
