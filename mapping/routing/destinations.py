"""A destination place is reached at the entrance the visitor can use, not at its centroid.

Which entrance that is comes from the place's approved assessment, in the fields of the national
exchange standard (Mapy bez bariér): entrance{n}Accessibility (level, ramp, platform lift, one
step, more steps) and entrance{n}Steps{1,2}NumberOf / Height, matched to Entrance.number.
"""

from dataclasses import dataclass

from mapping.models import Entrance, Place
from mapping.route_profiles import Profile

LEVEL = {"NoelevationEntranceAccessibility", "RampEntranceAccessibility"}
PLATFORM = "PlatformEntranceAccessibility"
STEPS = {"OneStepEntranceAccessibility", "MoreStepsEntranceAccessibility"}


@dataclass
class Destination:
    point: tuple[float, float]
    place_id: int
    entrance_id: int | None
    entrance_label: str
    way_in: str  # the exchange value, '' when the assessment does not say
    within_limits: bool | None  # None: the assessment does not say


def _steps(answers: dict, number: int) -> tuple[int, float]:
    count, highest = 0, 0.0
    for flight in (1, 2):
        count += int(answers.get(f"entrance{number}Steps{flight}NumberOf") or 0)
        highest = max(highest, float(answers.get(f"entrance{number}Steps{flight}Height") or 0))
    return count, highest


def entrance_within_limits(answers: dict, number: int, profile: Profile) -> bool | None:
    way_in = answers.get(f"entrance{number}Accessibility") or ""
    limits = profile.limits
    if way_in in LEVEL or limits.max_steps is None:
        return True if way_in else None
    if way_in == PLATFORM:
        # A platform lift serves wheelchairs and prams; it is no help to a walker on its own.
        return profile.name in {"wheelchair", "electric_wheelchair", "pram", "pedestrian"}
    if way_in in STEPS:
        count, highest = _steps(answers, number)
        count = count or (1 if way_in == "OneStepEntranceAccessibility" else 0)
        if count == 1 and limits.max_kerb_cm is not None and 0 < highest <= limits.max_kerb_cm:
            return True  # one step no higher than a kerb the visitor can manage
        return 0 < count <= limits.max_steps
    return None


def destination_for(place: Place, profile: Profile) -> Destination:
    """The entrance to route to: one within the limits (the main one first), else the main one."""
    assessment = place.assessments.published().first()
    answers = assessment.answers if assessment else {}
    entrances: list[Entrance] = sorted(
        place.entrances.all(), key=lambda e: (not e.is_main, e.number)
    )
    rated = [(entrance_within_limits(answers, e.number, profile), e) for e in entrances]
    chosen = next(((ok, e) for ok, e in rated if ok), None)
    chosen = chosen or next(((ok, e) for ok, e in rated if ok is None), None)
    chosen = chosen or (rated[0] if rated else None)
    if chosen is None:
        return Destination(place.location.coords, place.pk, None, "", "", None)
    ok, entrance = chosen
    return Destination(
        point=entrance.location.coords,
        place_id=place.pk,
        entrance_id=entrance.pk,
        entrance_label=str(entrance),
        way_in=answers.get(f"entrance{entrance.number}Accessibility") or "",
        within_limits=ok,
    )
