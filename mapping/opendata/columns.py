"""The columns of the CSV and the properties of the GeoJSON and GeoPackage, each documented once.

The open data page lists them with these descriptions; the downloads write them in this order.
Besides the categories, the measurements that decide them for most visitors, per entrance (1 and
2 of the Mapy bez bariér standard): the way in, the steps, the highest step or threshold to get
over and the narrowest door leaf, computed from the approved assessment's answers by the same SQL
as the visitor's own limits on the map (mapping.public.limits); and the steepest ramp. Empty where
the volunteer did not measure it.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mapping.public.limits import entrance_door_sql, entrance_step_sql, measured_sql


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # over p (the place), a (its approved assessment) and m (its municipality)
    description: Promise
    unit: str = ""
    entrance: int | None = None  # fills %(n)s of the description
    json_sql: str = ""  # where the GeoJSON property differs from the CSV's text (a list)

    @property
    def property_sql(self) -> str:
        return self.json_sql or self.sql

    def describe(self) -> str:
        """The description in the active language."""
        text = str(self.description)
        return text % {"n": self.entrance} if self.entrance is not None else text


def _steps_sql(entrance: str) -> str:
    flights = [measured_sql(f"{entrance}Steps{s}NumberOf") for s in (1, 2)]
    return (
        f"CASE WHEN {flights[0]} IS NULL AND {flights[1]} IS NULL THEN NULL "
        f"ELSE COALESCE({flights[0]}, 0) + COALESCE({flights[1]}, 0) END"
    )


def _entrance_columns(n: int) -> list[Column]:
    entrance = f"entrance{n}"
    return [
        Column(
            f"entrance{n}_way_in",
            f"NULLIF(a.answers ->> '{entrance}Accessibility', '')",
            _(
                "Entrance %(n)s: how it overcomes a height difference, as the Mapy bez bariér "
                "code (NoelevationEntranceAccessibility: level; RampEntranceAccessibility: "
                "a ramp; PlatformEntranceAccessibility: a platform lift; OneStep…, MoreSteps…: "
                "a step or steps)."
            ),
            entrance=n,
        ),
        Column(
            f"entrance{n}_steps",
            _steps_sql(entrance),
            _("Entrance %(n)s: the number of steps in front of it."),
            entrance=n,
        ),
        Column(
            f"entrance{n}_step_cm",
            entrance_step_sql(n),
            _(
                "Entrance %(n)s: the highest step or door threshold to get over, in "
                "centimetres (0 where the way in is level, by a ramp or by a platform lift)."
            ),
            "cm",
            entrance=n,
        ),
        Column(
            f"entrance{n}_door_cm",
            entrance_door_sql(n),
            _("Entrance %(n)s: the narrowest main door leaf, in centimetres."),
            "cm",
            entrance=n,
        ),
    ]


# The steepest leg of any ramp, or the skids, of the place.
RAMP_SLOPE_SQL = """(
    SELECT max((slope #>> '{}')::numeric)
    FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(a.answers -> 'rampskids') = 'array'
             THEN a.answers -> 'rampskids' ELSE '[]'::jsonb END
    ) ramp,
    LATERAL (VALUES (ramp -> 'rampleg1Inclination'), (ramp -> 'rampleg2Inclination'),
                    (ramp -> 'rampleg3Inclination'), (ramp -> 'rampleg4Inclination'),
                    (ramp -> 'skidsInclination')) legs(slope)
    WHERE jsonb_typeof(slope) = 'number'
)"""

COLUMNS = [
    Column("id", "p.id", _("The place's number on this map (its page is /misto/<id>/).")),
    Column("name", "p.name", _("The name of the place.")),
    Column("kind", "p.kind", _("building or public_space.")),
    Column(
        "purposes",
        "array_to_string(p.purposes, ';')",
        _(
            "What the place is for (office, health care, shop, …): separated by semicolons in "
            "the CSV, a list in the GeoJSON."
        ),
        json_sql="p.purposes",
    ),
    Column("street", "p.street", _("Street.")),
    Column("house_number", "p.house_number", _("House number.")),
    Column("city", "p.city", _("Town or village.")),
    Column("postcode", "p.postcode", _("Postcode.")),
    Column("municipality_code", "m.code", _("The municipality's RÚIAN code.")),
    Column("longitude", "ST_X(p.location)", _("WGS 84 longitude (EPSG:4326).")),
    Column("latitude", "ST_Y(p.location)", _("WGS 84 latitude (EPSG:4326).")),
    Column(
        "wheelchair",
        "a.wheelchair",
        _("The category for a wheelchair user: accessible, partly or inaccessible (MKPO)."),
    ),
    Column("seniors", "a.seniors", _("The category for seniors and people with a walker.")),
    Column("pram", "a.pram", _("The category for parents with a pram.")),
    Column(
        "accessible_toilet",
        "a.has_accessible_toilet",
        _("Whether the place has a toilet accessible from a wheelchair."),
    ),
    Column("survey_date", "a.survey_date", _("The date of the survey.")),
    Column(
        "methodology_version",
        "a.methodology_version",
        _("The version of the MKPO rules that gave the categories."),
    ),
    *_entrance_columns(1),
    *_entrance_columns(2),
    Column(
        "ramp_max_slope_pct",
        RAMP_SLOPE_SQL,
        _("The steepest leg of any ramp or of the skids, in per cent."),
        "%",
    ),
]
