"""What each import's file must contain, as its upload page shows it.

Written from the definitions the readers themselves use (the exchange standard's schema and the
survey's field labels, VozejkMap's code lists, the catalogue's columns, the OpenStreetMap ways
and tags the router reads), so that the page cannot drift from what the import accepts.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mapping.catalogue.readers.spreadsheet import COLUMNS, REQUIRED
from mapping.exchange import mbb_schema
from mapping.exchange.vozejkmap import ATTR1, LOCATION_TYPES
from mapping.methodology.structure import EXCHANGE_REQUIRED, GROUPS, TOP_FIELDS
from mapping.routing.osm_reader import WALKABLE_HIGHWAYS, WALKABLE_IF_FOOT_ALLOWED

# What the import needs beyond the standard's own required fields: an id to find the object
# again on the next import, and a position.
MBB_IMPORT_NEEDS = ("objectId", "latitude", "longitude")


@dataclass
class Column:
    name: str
    meaning: str
    required: bool = False


@dataclass
class FileDocs:
    intro: list[str]
    columns: list[Column]
    more_title: str = ""
    more: list[Column] = field(default_factory=list)


def _label(name: str) -> str:
    f = TOP_FIELDS[name]
    label = f.cs if get_language() == "cs" else f.en
    group = GROUPS.get(f.group)
    if group and f.group != "general":
        label = f"{group[0] if get_language() == 'cs' else group[1]}: {label}"
    return f"{label} ({f.unit})" if f.unit and f.unit != "count" else label


def mapybezbarier() -> FileDocs:
    needed = (*MBB_IMPORT_NEEDS, *EXCHANGE_REQUIRED)
    standard = [name for name in mbb_schema.field_types() if name in TOP_FIELDS]
    return FileDocs(
        intro=[
            _(
                'A file in the Mapy bez bariér exchange standard: JSON ({"object": [...]}) or '
                "XML (<objects> in the namespace %(ns)s), one object per place, as the national "
                "aggregator and this map export it."
            )
            % {"ns": mbb_schema.NAMESPACE},
            _(
                "An object is found again on the next import by its objectId and the source "
                "name: an unchanged object is left alone, a changed one is updated."
            ),
        ],
        columns=[Column(name, _label(name), True) for name in needed],
        more_title=_("Every field of the standard (%(count)s)") % {"count": len(standard)},
        more=[Column(name, _label(name), name in needed) for name in standard],
    )


def vozejkmap() -> FileDocs:
    types = "; ".join(f"{number} {names[0]}" for number, names in LOCATION_TYPES.items())
    ways_in = "; ".join(f"{number} {names[0]}" for number, names in ATTR1.items())
    return FileDocs(
        intro=[
            _(
                "The VozejkMap.cz open-data export: a GeoJSON FeatureCollection of Points "
                "(longitude, latitude in WGS 84), one per place, with these properties."
            ),
            _(
                "New places wait as submitted for a coordinator's review unless you publish "
                "them at once; VozejkMap declares no category of its own."
            ),
        ],
        columns=[
            Column("id", _("the place's number in VozejkMap; finds it again on re-import"), True),
            Column("title", _("name")),
            Column("location_type", _("kind of place: %(codes)s") % {"codes": types}),
            Column("description", _("description")),
            Column("author_name", _("who mapped it (kept with the record)")),
            Column("attr1", _("how the entrance is reached: %(codes)s") % {"codes": ways_in}),
            Column("attr2", _("yes or no: accessible as VozejkMap reads it")),
            Column("attr3", _("yes or no: a reserved parking space")),
        ],
    )


def catalogue() -> FileDocs:
    return FileDocs(
        intro=[
            _(
                "The coordinators' spreadsheet (.csv in UTF-8 with “;” or “,” between columns, "
                "or .xlsx), one row per service; headers in Czech or English, without regard "
                "to case or accents."
            ),
            _(
                "Or the national registry of social services (RPSS, its JSON with the list "
                "“polozky”) or the Příbor directory (JSON with the list “providers”)."
            ),
        ],
        columns=[Column(header, str(meaning), key in REQUIRED) for key, header, meaning in COLUMNS],
    )


def network() -> FileDocs:
    return FileDocs(
        intro=[
            _(
                "An OpenStreetMap extract of the town and its surroundings (.osm, .osm.gz, "
                ".osm.bz2 or .osm.pbf, as Geofabrik or the Overpass API give them). A committed "
                "import replaces the whole pedestrian network that routes are planned on."
            ),
            _(
                "Or an OpenSidewalks dataset (OSW 0.2) as a .zip with its *.edges.geojson and "
                "*.nodes.geojson, as AccessMap-style tools give it: incline as a fraction, width "
                "in metres, kerbs (barrier=kerb, kerb=lowered, flush, rolled or raised) on the "
                "nodes where crossings meet sidewalks."
            ),
            _(
                "Ways a pedestrian may use: highway=%(walkable)s; %(foot)s only with "
                "foot=yes, designated or permissive."
            )
            % {
                "walkable": ", ".join(sorted(WALKABLE_HIGHWAYS)),
                "foot": ", ".join(sorted(WALKABLE_IF_FOOT_ALLOWED)),
            },
        ],
        columns=[
            Column("highway", _("the kind of way (see above); steps are highway=steps"), True),
            Column("incline", _("slope, in percent, or up or down")),
            Column("surface, smoothness", _("what the way is paved with, and how even it is")),
            Column("width", _("width, in metres unless a unit is given")),
            Column("kerb, kerb:height", _("kerbs on crossings (on the node or the way)")),
            Column("crossing, traffic_signals:sound, button_operated", _("crossings")),
            Column("tactile_paving, lit, wheelchair, step_count", _("further properties")),
            Column("addr:street, addr:housenumber, ...", _("addresses the planner searches")),
        ],
    )
