"""How the progress of an import reads, on the command line and on the coordinator's page."""

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


def describe(stage: str, done: int, total: int | None) -> str:
    """ "Importing: 1 500 of 8 340 (17 %)", in the active language."""
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
    """Progress written as lines to `stream` (a command's stderr), now and then."""
    return Throttled(
        lambda stage, done, total: stream.write(describe(stage, done, total)),
        every_items=EVERY_ITEMS,
        every_seconds=EVERY_SECONDS,
    )
