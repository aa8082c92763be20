"""Progress of a long import, told in steps a person can follow.

An import core calls `progress(stage, done, total)` for every item it handles (`total` is None
where it is not known beforehand, as for the ways of an OpenStreetMap file); calling a function
per item costs nothing next to the item's own work. `Throttled` passes on only what is worth
telling: the first item of a stage, the last, and then one call every `every_items` items or
`every_seconds` seconds, whichever comes first. The command line prints what it passes on
(stderr), a background import writes it to its run for the coordinator's page. Plain Python,
so that the readers that import no Django (the OpenStreetMap reader) can report too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Progress = Callable[[str, int, int | None], None]

# The stages of the import cores, in the order they come (mapping/imports/texts.py names them).
READ, IMPORT, SPLIT, WRITE, SWAP = "read", "import", "split", "write", "swap"


def percent(done: int, total: int | None) -> int | None:
    if not total:
        return None
    return min(100, int(100 * done / total))


class Throttled:
    """A progress callback that passes a call on to `tell` only when it is worth telling."""

    # The pace of a stage's first seconds says little about the rest.
    ESTIMATE_AFTER_SECONDS = 5.0

    def __init__(
        self,
        tell: Progress,
        every_items: int = 500,
        every_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.tell = tell
        self.every_items = every_items
        self.every_seconds = every_seconds
        self.clock = clock
        self.stage: str | None = None
        self.told_done = 0
        self.told_at = 0.0
        self.stage_started = 0.0

    def __call__(self, stage: str, done: int, total: int | None = None) -> None:
        now = self.clock()
        due = (
            stage != self.stage
            or (total is not None and done >= total)
            or done - self.told_done >= self.every_items
            or now - self.told_at >= self.every_seconds
        )
        if not due:
            return
        if stage != self.stage:
            self.stage_started = now
        self.stage, self.told_done, self.told_at = stage, done, now
        self.tell(stage, done, total)

    def seconds_left(self, done: int, total: int | None) -> float | None:
        """The time the current stage still needs at the pace it has kept so far; None when
        that cannot be told yet (no total, nothing done, or too soon to know the pace)."""
        elapsed = self.clock() - self.stage_started
        if not total or done <= 0 or elapsed < self.ESTIMATE_AFTER_SECONDS:
            return None
        return max(0.0, elapsed * (total - done) / done)
