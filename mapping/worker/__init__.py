"""The background worker: procrastinate's job queue in the application's own PostgreSQL.

Jobs are rows of procrastinate's tables, written in the same transaction as the change that asks
for them, so a job exists exactly when that change was committed, survives restarts, and is
shared by any number of workers on any number of machines (`python manage.py procrastinate
worker`). Tasks are thin wrappers over the cores they run and live beside them (each part's
`tasks.py`, gathered by mapping/tasks.py); this package holds what every task shares:

- queues.py: the queues and each task's retry strategy (exponential back-off);
- failures.py: the error of each failed attempt, which procrastinate does not keep;
- housekeeping.py: the periodic jobs of the queue itself (stalled jobs, old jobs);
- deadletter.py: the coordinators' admin of the jobs that failed for good, with a retry;
- heartbeat.py: when a worker was last seen, for /healthz.
"""
