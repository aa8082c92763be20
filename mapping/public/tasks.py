"""The map grid's background jobs: a rebuild queued by every publication, and a check every ten
minutes that rebuilds it when the published data changed another way (an import, the admin)."""

import logging

from procrastinate.contrib.django import app

from mapping.models import MapGridBuild
from mapping.public.grid import build_map_grid
from mapping.public.layer import last_change
from mapping.worker.map_grid import MAP_GRID_TASK
from mapping.worker.periodic import periodic_job
from mapping.worker.queues import BULK, BULK_RETRY

logger = logging.getLogger(__name__)


@app.task(name=MAP_GRID_TASK, queue=BULK, retry=BULK_RETRY, lock=MAP_GRID_TASK)
def build_map_grid_job() -> int:
    build = build_map_grid()
    logger.info("The map grid was rebuilt: %s cells", build.cells)
    return build.cells


@periodic_job("refresh_map_grid", cron="*/10 * * * *", periodic_id="every-10-minutes")
def refresh_map_grid(timestamp: int) -> int:
    """Rebuild the grid when the data changed after its last build; the number of its cells."""
    newest = MapGridBuild.objects.order_by("-id").first()
    changed = last_change()
    if newest is not None and (changed is None or newest.source_changed == changed):
        return 0
    return build_map_grid_job()
