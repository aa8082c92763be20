"""Commands run as jobs (by a timer or cron): one log line per run, and the job on every line.

A JobCommand logs, when it ends, one record of the "mapping.jobs" logger with the job's name, its
id, "ok" or "failed" and its duration in milliseconds; every record logged during the run
carries `job` and `job_id` (in JSON logs, LOG_FORMAT=json). A failure is logged with its message
(a refusal) or its traceback (anything unexpected), and raised on as before.
"""

import logging
import time
import uuid

from django.core.management.base import BaseCommand, CommandError

from barrierfree.jsonlog import log_context

logger = logging.getLogger("mapping.jobs")


class JobCommand(BaseCommand):
    def execute(self, *args, **options):
        job = self.__module__.rsplit(".", 1)[-1]
        started = time.perf_counter()
        with log_context(job=job, job_id=uuid.uuid4().hex):
            try:
                result = super().execute(*args, **options)
            except CommandError as error:
                self._log(job, started, logging.ERROR, error=str(error))
                raise
            except BaseException:
                self._log(job, started, logging.ERROR, exc_info=True)
                raise
            self._log(job, started, logging.INFO)
            return result

    @staticmethod
    def _log(job: str, started: float, level: int, exc_info=False, **fields) -> None:
        status = "ok" if level == logging.INFO else "failed"
        duration = round((time.perf_counter() - started) * 1000, 1)
        logger.log(
            level,
            "job %s %s in %s ms",
            job,
            status,
            duration,
            exc_info=exc_info,
            extra={"status": status, "duration_ms": duration, **fields},
        )
