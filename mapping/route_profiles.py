"""Route profiles: hard limits (an edge that breaks one is never used) and soft preferences.

The route planner (mapping.routing) plans by them, and the public map and list check the
visitor's own limits by the same rules (mapping.public.limits): shared, so it is neither's.

Defaults follow METHODOLOGY.md: a pedestrian way up to 8.33 % (1:12), a kerb at a crossing lowered
to at most 2 cm (we allow 3 cm, OpenRouteService's lowest kerb option, because kerb=lowered is
often a centimetre or two above that), clear width at least 90 cm, no steps. A limit that is None
does not apply. Values the map does not know (an untagged kerb) never block a route. Surfaces
are graded (mapping.routing.tags.SURFACE_CLASS): a manual wheelchair passes uneven ones (setts)
with a warning and a soft cost, and avoids them only when the visitor asks (avoid_bad_surfaces).
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy

from mapping.json_errors import lazy_message
from mapping.osm_vocabulary import WHEELS_CANNOT_PASS_IN_ORDER


class RouteInputError(ValueError):
    """Bad input from the visitor; the message says what to change, in their language."""


@dataclass(frozen=True)
class Limits:
    max_incline_up_pct: float | None = None
    max_incline_down_pct: float | None = None
    max_kerb_cm: float | None = None
    min_width_cm: float | None = None
    max_steps: int | None = None  # 0 avoids steps; N allows flights of at most N steps
    avoid_bad_surfaces: bool = False  # the visitor's choice: no uneven surface at all
    avoid_wheelchair_no: bool = False  # ways and barriers tagged wheelchair=no
    # The worst surface grade the profile can pass (mapping.routing.tags.SURFACE_CLASS: 1 uneven,
    # 2 rough, 3 impassable); grades from 1 up to it are passable with a warning and a soft cost.
    max_surface_class: int | None = None
    only_known: bool = False  # the visitor's choice: only ways surveyed or tagged in OSM
    # Barrier and entrance kinds (mapping.routing.tags.barrier_kind) the profile cannot pass
    # unless the node says wheelchair=yes (a turnstile with a wheelchair gate beside it). Set by
    # the profile, not by the visitor.
    impassable_barriers: frozenset[str] = frozenset()


# The limits a visitor may set in a request (the planner's form, the API's parameters).
USER_LIMITS = tuple(name for name in Limits.__dataclass_fields__ if name != "impassable_barriers")

# Barriers that wheels cannot pass (why each: mapping/osm_vocabulary.py).
WHEELS_CANNOT_PASS = frozenset(WHEELS_CANNOT_PASS_IN_ORDER)
# A cycle barrier (a chicane of rails) leaves a gap a pram gets through and a wheelchair
# usually does not: blocked for wheelchairs unless the node says wheelchair=yes.
WHEELCHAIR_CANNOT_PASS = WHEELS_CANNOT_PASS | {"cycle_barrier"}
# What a person walking with a walker cannot climb over.
CLIMB_OVER = frozenset({"stile", "horse_stile", "log"})


@dataclass(frozen=True)
class Preferences:
    """Soft costs: each adds this share of an edge's length to its cost (0.5 = 50 % longer)."""

    rough_surface: float = 0.0
    unknown_incline: float = 0.0
    steep: float = 0.0  # for slopes over 5 % that are still within the limits
    crossing_without_tactile: float = 0.0
    crossing_without_sound: float = 0.0
    wheelchair_limited: float = 0.0
    steps: float = 0.0
    # Metres added for each barrier or entrance node passed (a gate to open, a lift to wait for,
    # bollards to weave through): a short way round without one is preferred.
    barrier_m: float = 0.0


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    speed_m_s: float
    limits: Limits
    preferences: Preferences = field(default_factory=Preferences)


WHEELCHAIR_PREFERENCES = Preferences(
    rough_surface=1.0, unknown_incline=0.5, steep=0.5, wheelchair_limited=0.5, barrier_m=30.0
)

PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "wheelchair",
            gettext_lazy("Manual wheelchair"),
            0.9,
            Limits(
                8.33,
                10.0,
                3.0,
                90.0,
                0,
                avoid_wheelchair_no=True,
                max_surface_class=1,
                impassable_barriers=WHEELCHAIR_CANNOT_PASS,
            ),
            WHEELCHAIR_PREFERENCES,
        ),
        Profile(
            "electric_wheelchair",
            gettext_lazy("Electric wheelchair"),
            1.5,
            Limits(
                12.0,
                12.0,
                6.0,
                90.0,
                0,
                avoid_wheelchair_no=True,
                max_surface_class=2,
                impassable_barriers=WHEELCHAIR_CANNOT_PASS,
            ),
            WHEELCHAIR_PREFERENCES,
        ),
        Profile(
            "walker",
            gettext_lazy("Walker or senior"),
            0.8,
            Limits(10.0, 10.0, 6.0, 70.0, 2, max_surface_class=2, impassable_barriers=CLIMB_OVER),
            Preferences(
                rough_surface=0.5, unknown_incline=0.3, steep=0.5, steps=1.0, barrier_m=20.0
            ),
        ),
        Profile(
            "pram",
            gettext_lazy("Pram"),
            1.1,
            Limits(
                12.0,
                12.0,
                6.0,
                70.0,
                0,
                max_surface_class=2,
                impassable_barriers=WHEELS_CANNOT_PASS,
            ),
            Preferences(rough_surface=0.5, steep=0.3, barrier_m=20.0),
        ),
        Profile(
            "blind",
            gettext_lazy("Blind or low vision"),
            1.0,
            Limits(),
            Preferences(
                crossing_without_tactile=2.0, crossing_without_sound=2.0, steps=0.2, barrier_m=20.0
            ),
        ),
        Profile("pedestrian", gettext_lazy("Pedestrian"), 1.3, Limits()),
    )
}

# The public map's profile (mapping.public.filters.PROFILE_CHOICES) matching each planner profile,
# so that the profile chosen in the planner is the one the map shows; a pedestrian has none.
MAP_PROFILE = {
    "wheelchair": "wheelchair",
    "electric_wheelchair": "wheelchair",
    "walker": "seniors",
    "pram": "pram",
    "blind": "blind",
    "pedestrian": "",
}

# Bounds of what a visitor may ask for; outside them the request is refused with a message.
_BOUNDS = {
    "max_incline_up_pct": (0.0, 50.0),
    "max_incline_down_pct": (0.0, 50.0),
    "max_kerb_cm": (0.0, 50.0),
    "min_width_cm": (0.0, 500.0),
    "max_steps": (0, 1000),
    "max_surface_class": (0, 3),
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise RouteInputError(
            lazy_message(
                gettext_lazy("Unknown route profile %(name)s. Choose one of: %(names)s."),
                name=name,
                names=", ".join(PROFILES),
            )
        ) from None


def with_overrides(profile: Profile, overrides: dict | None) -> Profile:
    """The profile with the visitor's own limits. A limit given as None is lifted."""
    if not overrides:
        return profile
    values: dict[str, object] = {}
    for key, value in overrides.items():
        if key == "impassable_barriers":
            # Code may hand one profile's barriers to another; a request cannot (USER_LIMITS).
            values[key] = frozenset(str(kind) for kind in value or ())
            continue
        if key not in USER_LIMITS:
            raise RouteInputError(
                lazy_message(gettext_lazy("Unknown route limit %(name)s."), name=key)
            )
        if key.startswith("avoid_") or key == "only_known":
            values[key] = _as_bool(key, value)
        elif value is None or value == "":
            values[key] = None
        else:
            values[key] = _as_number(key, value)
    return replace(profile, limits=replace(profile.limits, **values))


def _as_bool(key: str, value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise RouteInputError(
        lazy_message(gettext_lazy("The value of %(name)s must be yes or no."), name=key)
    )


def _as_number(key: str, value) -> float | int:
    low, high = _BOUNDS[key]
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise RouteInputError(
            lazy_message(gettext_lazy("The value of %(name)s must be a number."), name=key)
        ) from None
    if not low <= number <= high:
        raise RouteInputError(
            lazy_message(
                gettext_lazy("The value of %(name)s must lie between %(low)s and %(high)s."),
                name=key,
                low=low,
                high=high,
            )
        )
    return int(number) if key in {"max_steps", "max_surface_class"} else number
