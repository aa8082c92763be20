"""How the progress of an import reads, on the command line and on the coordinator's page."""

import math
from typing import TextIO

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.progress import IMPORT, READ, SPLIT, SWAP, WRITE, Progress, Throttled, percent

STAGE_LABELS = {
    READ: gettext_lazy("Reading the file"),
    IMPORT: gettext_lazy("Importing"),
    SPLIT: gettext_lazy("Splitting the ways at intersections"),
    WRITE: gettext_lazy("Writing the network"),
    SWAP: gettext_lazy("Replacing the network"),
}
# The command line tells every 500 items or 5 seconds, whichever comes first.
EVERY_ITEMS = 500
EVERY_SECONDS = 5.0


def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, stage))


def describe(stage: str, done: int, total: int | None, seconds_left: float | None = None) -> str:
    """ "Importing: 1 500 of 8 340 (17 %)", in the active language, and how long the stage
    still takes when `seconds_left` is known ("…, about 3 min left")."""
    text = _describe(stage, done, total)
    if seconds_left is None or (total and done >= total):
        return text
    if seconds_left < 90:
        return _("%(text)s, about %(seconds)s s left") % {
            "text": text,
            "seconds": math.ceil(seconds_left),
        }
    return _("%(text)s, about %(minutes)s min left") % {
        "text": text,
        "minutes": math.ceil(seconds_left / 60),
    }


def _describe(stage: str, done: int, total: int | None) -> str:
    values: dict[str, object] = {
        "stage": stage_label(stage),
        "done": number_format(done, force_grouping=True),
        "total": number_format(total or 0, force_grouping=True),
    }
    if not total:
        return _("%(stage)s: %(done)s") % values if done else str(values["stage"])
    values["percent"] = percent(done, total)
    return _("%(stage)s: %(done)s of %(total)s (%(percent)s %%)") % values


def printed_progress(stream: TextIO) -> Progress:
    """Progress written as lines to `stream` (a command's stderr), now and then, with an
    estimate of the time the stage still takes."""

    def tell(stage: str, done: int, total: int | None) -> None:
        stream.write(describe(stage, done, total, throttled.seconds_left(done, total)))

    throttled = Throttled(tell, every_items=EVERY_ITEMS, every_seconds=EVERY_SECONDS)
    return throttled
