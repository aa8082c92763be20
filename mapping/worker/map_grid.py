"""The name of the job that rebuilds the map's grid (mapping.public.tasks), and how what publishes
queues it without importing the map (mapping.review.workflow)."""

import contextlib

from django.db import transaction
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

MAP_GRID_TASK = "build_map_grid"


def defer_map_grid_build() -> None:
    """Queue a rebuild of the grid in the caller's transaction; one waits in the queue at most."""
    # When one is waiting already, it will count this publication too. The savepoint keeps the
    # refused insert from aborting the caller's transaction.
    with contextlib.suppress(AlreadyEnqueued), transaction.atomic():
        app.configure_task(
            name=MAP_GRID_TASK, allow_unknown=False, queueing_lock=MAP_GRID_TASK
        ).defer()
