"""The visitor's own limits on the public map and list: the highest step or kerb they can manage
and the narrowest door they can pass, the same limits as the route planner's (max_kerb_cm,
min_width_cm, checked by mapping.route_profiles).

A place is a barrier for the visitor when at least one of its entrances is measured beyond a limit
and none is measured within all of them. Computed in SQL from the measurements of the approved
assessment (the Mapy bez bariér property names of entrance 1 and 2):

- the step of an entrance is the highest of its door thresholds and, unless the way in is level,
  by a ramp or by a platform lift, of its steps (a flight recorded with no steps does not count);
- the door of an entrance is the narrowest main leaf of its doors (the leaf one opens alone).

What was not measured never makes a barrier, as in routing; but an entrance with nothing measured
for a limit cannot show that a place is within it either.
"""

from dataclasses import dataclass

from django import forms

from mapping.route_profiles import PROFILES, RouteInputError, with_overrides

LIMIT_NAMES = ("max_kerb_cm", "min_width_cm")

STEP_FREE_WAYS_IN = (
    "NoelevationEntranceAccessibility",
    "RampEntranceAccessibility",
    "PlatformEntranceAccessibility",
)


def clean_limit(name: str, raw: str | None) -> float | None:
    """A limit typed by the visitor (empty: none), checked by the route planner's own rules, so
    the map and the planner accept the same values; a bad one raises a ValidationError."""
    try:
        limits = with_overrides(PROFILES["pedestrian"], {name: raw or None}).limits
    except RouteInputError as error:
        raise forms.ValidationError(error.args[0]) from None
    value = getattr(limits, name)
    return None if value is None else float(value)


def measured_sql(key: str) -> str:
    """A measurement from the answers, or NULL when it is missing or not a number. `key` is one of
    the constant property names below, never a value from a request."""
    assert key.isalnum(), key
    return (
        f"CASE WHEN jsonb_typeof(a.answers -> '{key}') = 'number' "
        f"THEN (a.answers ->> '{key}')::numeric END"
    )


def entrance_step_sql(n: int) -> str:
    entrance = f"entrance{n}"
    steps = ", ".join(
        f"CASE WHEN COALESCE({measured_sql(f'{entrance}Steps{s}NumberOf')}, 1) > 0 "
        f"THEN {measured_sql(f'{entrance}Steps{s}Height')} END"
        for s in (1, 2)
    )
    step_free = ", ".join(f"'{way}'" for way in STEP_FREE_WAYS_IN)
    return (
        f"GREATEST({measured_sql(f'{entrance}Door1StepHeight')}, "
        f"{measured_sql(f'{entrance}Door2StepHeight')}, "
        f"CASE WHEN a.answers ->> '{entrance}Accessibility' IN ({step_free}) THEN 0 "
        f"ELSE GREATEST({steps}) END)"
    )


def entrance_door_sql(n: int) -> str:
    entrance = f"entrance{n}"
    return (
        f"LEAST({measured_sql(f'{entrance}Door1MainpanelWidth')}, "
        f"{measured_sql(f'{entrance}Door2MainpanelWidth')})"
    )


# The measurements of both entrances, one row per assessment `a`.
MEASURED_SQL = (
    f"SELECT {entrance_step_sql(1)} AS step1, {entrance_step_sql(2)} AS step2, "
    f"{entrance_door_sql(1)} AS door1, {entrance_door_sql(2)} AS door2"
)

LIMITS_LATERAL = """
CROSS JOIN LATERAL (
    SELECT ({fail1} OR {fail2})
               AND NOT (({known1} AND NOT {fail1}) OR ({known2} AND NOT {fail2})) AS barrier,
           LEAST(m.step1, m.step2) AS step_cm,
           GREATEST(m.door1, m.door2) AS door_cm
    FROM ({measured}) m
) lim
"""

# The columns the list reads: whether the place is a barrier, its lowest entrance step and its
# widest entrance door (NULL when the visitor gave no limits).
LIMIT_COLUMNS = "lim.barrier AS barrier, lim.step_cm AS step_cm, lim.door_cm AS door_cm"
NO_LIMIT_COLUMNS = "NULL::boolean AS barrier, NULL::numeric AS step_cm, NULL::numeric AS door_cm"


@dataclass(frozen=True)
class LimitsSql:
    """What the visitor's limits add to a query over `a` (the approved assessment)."""

    from_: str  # appended to the FROM clause: empty, or the lateral join `lim`
    params: list  # the parameters of `from_`, in order
    columns: str  # barrier, step_cm, door_cm


def limits_sql(max_kerb_cm: float | None, min_width_cm: float | None) -> LimitsSql:
    if max_kerb_cm is None and min_width_cm is None:
        return LimitsSql("", [], NO_LIMIT_COLUMNS)
    texts: dict[str, str] = {}
    for n in (1, 2):
        fails, known = [], []
        if max_kerb_cm is not None:
            fails.append(f"COALESCE(m.step{n} > %s, false)")
            known.append(f"m.step{n} IS NOT NULL")
        if min_width_cm is not None:
            fails.append(f"COALESCE(m.door{n} < %s, false)")
            known.append(f"m.door{n} IS NOT NULL")
        texts[f"fail{n}"] = "(" + " OR ".join(fails) + ")"
        texts[f"known{n}"] = "(" + " AND ".join(known) + ")"
    # Each fail text appears twice in the template, in this order: fail1, fail2, fail1, fail2.
    per_entrance = [v for v in (max_kerb_cm, min_width_cm) if v is not None]
    params = per_entrance * 4
    sql = LIMITS_LATERAL.format(measured=MEASURED_SQL, **texts)
    return LimitsSql(sql, params, LIMIT_COLUMNS)


def planner_defaults() -> dict[str, dict[str, float | None]]:
    """The limits of each route planner profile, by its name: what the map fills in when the
    browser remembers a planner profile whose limits the visitor left at their defaults."""
    return {
        name: {limit: getattr(profile.limits, limit) for limit in LIMIT_NAMES}
        for name, profile in PROFILES.items()
    }
