"""A re-survey starts from what is known: the place's published answers, carried into the new
survey, each marked on the phone as carried over until the volunteer confirms it (measured again,
the same) or changes it. The new survey records which answers it carried over unconfirmed, so
that the review shows them as "not re-measured", not as changes or removals."""

import copy

from mapping.models import Assessment, Place
from mapping.review.diff import flatten

# What the published survey knew that the new one must find out again (its categories are the
# engine's, computed anew) or that dates the old survey.
NOT_CARRIED = (
    "accessibility",
    "accessibilitySeniors",
    "accessibilityPram",
    "mappingDate",
    "modifiedDate",
)
MAX_CONFIRMED = 5000


def carried(answers: object) -> dict:
    """The answers a re-survey carries over from a published survey's answers."""
    if not isinstance(answers, dict):
        return {}
    return {k: copy.deepcopy(v) for k, v in answers.items() if k not in NOT_CARRIED}


def not_remeasured(base: object, answers: dict, confirmed: object) -> list[str]:
    """The paths whose answer is still the one carried over from `base` and that the volunteer
    did not confirm. `confirmed` comes from the phone: anything but a list of paths counts as
    nothing confirmed."""
    if not isinstance(confirmed, list) or len(confirmed) > MAX_CONFIRMED:
        confirmed = []
    said = {path for path in confirmed if isinstance(path, str)}
    before = flatten(carried(base))
    return [
        path
        for path, value in flatten(answers).items()
        if path in before and before[path] == value and path not in said
    ]


def base_of(place: Place, based_on: object) -> Assessment | None:
    """The survey of this place that a re-survey started from, by the id the phone sent."""
    if place.pk is None or isinstance(based_on, bool) or not isinstance(based_on, int):
        return None
    return Assessment.objects.filter(pk=based_on, place=place).first()
