"""SQL pieces shared by the map layer, the list and the search: which places are public, and how
the filters become a parameterised WHERE clause.

Only column names chosen from fixed tables below are ever put into SQL text; every value travels
as a parameter.
"""

from django.db import connection
from django.utils.translation import gettext_lazy as _

from mapping.models.published import PUBLISHED_PLACE_JOIN
from mapping.public.filters import PROFILE_CHOICES, PlaceFilters
from mapping.public.limits import LimitsSql, limits_sql

# A place is public when it has its published assessment; that assessment gives the categories.
PUBLIC_PLACES_FROM = f"""
FROM mapping_place p
{PUBLISHED_PLACE_JOIN}
"""


def public_places_from(filters: PlaceFilters) -> LimitsSql:
    """The FROM clause of the public places (`p`, `a`), with the visitor's limits (`lim`) joined
    when they gave any; its parameters; and the columns barrier, step_cm, door_cm."""
    limits = limits_sql(filters.max_kerb_cm, filters.min_width_cm)
    return LimitsSql(PUBLIC_PLACES_FROM + limits.from_, limits.params, limits.columns)


# The assessment column that holds each mobility profile's category.
PROFILE_COLUMNS = {"wheelchair": "a.wheelchair", "seniors": "a.seniors", "pram": "a.pram"}

# Reserved parking is recorded per entrance with the exchange standard's property names.
HAS_RESERVED_PARKING_SQL = (
    "((a.answers->>'entrance1IsReservedParking') = 'true' "
    "OR (a.answers->>'entrance2IsReservedParking') = 'true')"
)

# What the sensory profiles show: features present, as SQL/JSON paths over the answers
# (Mapy bez bariér exchange property names). No category: MKPO rates mobility only.
SENSORY_FEATURES: dict[str, list[tuple[str, object, str]]] = {
    "blind": [
        (
            "guiding_line",
            _("Guiding line to the entrance"),
            '$ ? (@.entrance1Guidingline like_regex "^(Natural|Artificial)" '
            '|| @.entrance2Guidingline like_regex "^(Natural|Artificial)")',
        ),
        (
            "acoustic_beacon",
            _("Acoustic orientation beacon"),
            "$ ? (@.entrance1IsAOB == true || @.entrance2IsAOB == true || @.objectIsAOB == true "
            "|| exists(@.elevator[*] ? (@.elevatorIsAOB == true)))",
        ),
        (
            "contrast_marking",
            _("Contrast marking of glass and steps"),
            "$ ? (@.entrance1ContrastMarkingIsGlassSurfaces == true "
            "|| @.entrance2ContrastMarkingIsGlassSurfaces == true "
            "|| @.objectContrastMarkingIsGlassSurfaces == true "
            "|| @.entrance1StepsIsContrastMarked == true "
            "|| @.entrance2StepsIsContrastMarked == true "
            "|| @.objectStepsIsContrastMarked == true)",
        ),
        (
            "braille",
            _("Braille marking in the lift"),
            "$.elevator[*] ? (@.elevatorIsControl1BrailleMarking == true "
            "|| @.elevatorIsControl2BrailleMarking == true)",
        ),
        (
            "announcements",
            _("Spoken announcements in the lift"),
            "$.elevator[*] ? (@.elevatorIsCageControlAnnouncementAcoustic == true "
            "|| @.elevatorIsCageControlAnnouncementPhonetic == true)",
        ),
    ],
    "deaf": [
        (
            "intercom",
            _("Intercom at the entrance"),
            '$ ? (@.entrance1BellType == "IntercomBellType" '
            '|| @.entrance2BellType == "IntercomBellType")',
        ),
        (
            "navigation_system",
            _("Visual orientation system"),
            "$ ? (@.objectIsNavigationSystem == true)",
        ),
        (
            "mirror_in_lift",
            _("Mirror in the lift"),
            "$.elevator[*] ? (@.elevatorIsCageMirror == true)",
        ),
    ],
}


def feature_labels(profile: str) -> dict[str, str]:
    return {key: str(label) for key, label, _path in SENSORY_FEATURES.get(profile, [])}


def sensory_features_sql(profile: str) -> tuple[str, list]:
    """An SQL text[] of the feature keys present for a sensory profile, with its parameters."""
    features = SENSORY_FEATURES.get(profile, [])
    if not features:
        return "ARRAY[]::text[]", []
    cases = ", ".join(
        ["CASE WHEN jsonb_path_exists(a.answers, %s::jsonpath) THEN %s END"] * len(features)
    )
    params: list = []
    for key, _label, path in features:
        params += [path, key]
    return f"array_remove(ARRAY[{cases}]::text[], NULL)", params


def sensory_features_of(assessment_id: int) -> list[tuple[str, list[str]]]:
    """(profile label, labels of the features present) for each sensory profile, in one query."""
    selects, params = [], []
    for profile in SENSORY_FEATURES:
        sql, profile_params = sensory_features_sql(profile)
        selects.append(sql)
        params += profile_params
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(selects)} FROM mapping_assessment a WHERE a.id = %s",
            [*params, assessment_id],
        )
        row = cursor.fetchone()
    names = dict(PROFILE_CHOICES)
    return [
        (str(names[profile]), [feature_labels(profile)[key] for key in present])
        for profile, present in zip(SENSORY_FEATURES, row, strict=True)
    ]


def filter_clauses(filters: PlaceFilters) -> tuple[list[str], list]:
    """AND-ed SQL conditions for the filters, and their parameters, in order."""
    clauses: list[str] = []
    params: list = []
    if filters.categories and filters.is_mobility:
        clauses.append(f"{PROFILE_COLUMNS[filters.profile]} = ANY(%s)")
        params.append(list(filters.categories))
    if filters.kinds:
        clauses.append("p.kind = ANY(%s)")
        params.append(list(filters.kinds))
    if filters.purposes:
        clauses.append("p.purposes && %s::varchar[]")
        params.append(list(filters.purposes))
    if filters.municipality is not None:
        clauses.append("p.municipality_id = %s")
        params.append(filters.municipality)
    if filters.municipality_code:
        clauses.append(
            "p.municipality_id IN (SELECT m.id FROM mapping_municipality m WHERE m.code = %s)"
        )
        params.append(filters.municipality_code)
    if filters.hide_barriers and filters.has_limits:
        clauses.append("NOT lim.barrier")
    if filters.toilet:
        clauses.append("a.has_accessible_toilet")
    if filters.parking:
        clauses.append(HAS_RESERVED_PARKING_SQL)
    if filters.service_type or filters.target_group:
        # One service must match both the type and the target group, not two different ones.
        conditions = ["sp.place_id = p.id"]
        if filters.service_type:
            conditions.append("s.service_type = %s")
            params.append(filters.service_type)
        if filters.target_group:
            conditions.append("s.target_groups && %s::varchar[]")
            params.append([filters.target_group])
        clauses.append(
            "EXISTS (SELECT 1 FROM mapping_service_places sp "
            "JOIN mapping_service s ON s.id = sp.service_id WHERE " + " AND ".join(conditions) + ")"
        )
    return clauses, params


# Besides the published places, the places where a service of the catalogue is delivered are
# public: the catalogue's pages and its map layer (mapping.catalogue.layer) show their names and
# positions, assessed or not. Any other place (a volunteer's draft, a survey waiting for review,
# returned or rejected) is answered exactly like a number no place has.
FOCUS_PLACE_SQL = f"""
SELECT p.id, p.name, ST_Y(p.location), ST_X(p.location), a.id IS NOT NULL
FROM mapping_place p
LEFT {PUBLISHED_PLACE_JOIN}
WHERE p.id = %s
  AND (a.id IS NOT NULL
       OR EXISTS (SELECT 1 FROM mapping_service_places sp WHERE sp.place_id = p.id))
"""


def focus_place(place_id: int) -> dict | None:
    """The place a link asks the map to open: where it is and whether it is published (a
    catalogue service may be delivered in a place not assessed yet). None if there is none or
    it is not public: the page then must not differ from the one for an unknown number."""
    with connection.cursor() as cursor:
        cursor.execute(FOCUS_PLACE_SQL, [place_id])
        row = cursor.fetchone()
    if row is None:
        return None
    place_id, name, lat, lon, published = row
    return {"id": place_id, "name": name, "lat": lat, "lon": lon, "published": published}


LAST_CHANGE_SQL = """
SELECT GREATEST(
    (SELECT max(updated_at) FROM mapping_place),
    (SELECT max(updated_at) FROM mapping_assessment)
)
"""
