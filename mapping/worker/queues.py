"""The queues and the retry strategies of the background jobs.

A worker serves every queue unless told otherwise (`--queues mail,maintenance`), so that a busy
deployment can give the e-mails a worker of their own. A strategy retries a failed job after
`base ** (attempt + 1)` seconds (procrastinate's exponential wait), `attempts` times; then the
job stays failed and shows in the dead-letter view, where a coordinator may retry it.
"""

from procrastinate import RetryStrategy

MAIL = "mail"  # e-mails to volunteers: decisions, reminders
MAINTENANCE = "maintenance"  # periodic: files, reports, the queue's own housekeeping
BULK = "bulk"  # long runs over the whole database: re-categorisation, imports
PHOTOS = "photos"  # the privacy check of every uploaded photo (faces found and blurred)

QUEUES = (MAIL, MAINTENANCE, BULK, PHOTOS)


def backoff(attempts: int, base: int) -> RetryStrategy:
    """Retry `attempts` times, waiting base, base², base³, ... seconds."""
    return RetryStrategy(max_attempts=attempts, exponential_wait=base)


# A mail server down for a few hours: 5 s, 25 s, 2 min, 10 min, 52 min, 4.3 h.
MAIL_RETRY = backoff(attempts=6, base=5)
# Maintenance runs again on its schedule anyway: 10 s, 100 s, 17 min.
MAINTENANCE_RETRY = backoff(attempts=3, base=10)
# A photo stays private until its check succeeds: 10 s, 100 s, 17 min, then the coordinator (who
# sees why on the review page and may run it again).
PHOTOS_RETRY = backoff(attempts=3, base=10)
# A whole-database run that failed is worth one more try after a minute, then a person.
BULK_RETRY = backoff(attempts=1, base=60)
# An import whose worker died or whose database went away: twice more, after 10 s and 100 s;
# each attempt starts again from the file (a killed attempt wrote nothing: one transaction).
IMPORT_RETRY = backoff(attempts=2, base=10)
