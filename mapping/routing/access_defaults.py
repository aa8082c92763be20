"""Whether a pedestrian may use a way of a kind that the law of the country decides, when the way
carries no foot=* or access=* tag: the per-country defaults of the OSM wiki.

Source: https://wiki.openstreetmap.org/wiki/OSM_tags_for_routing/Access_restrictions (the tables
"Worldwide" and "Germany" as read in revision 2734618 of 21 July 2024,
https://wiki.openstreetmap.org/wiki/Special:PermanentLink/2734618). Only the kinds whose answer
depends on the country are here; footways, paths, streets and roads are walkable everywhere.

The country is the deployment's setting ROUTING_COUNTRY (ISO 3166-1 alpha-2, "CZ" by default).
A country that is not in the table gets the worldwide defaults.
"""

# True: pedestrians may use the kind of way by default; False: only with foot=yes/designated/....
FOOT_BY_DEFAULT: dict[str, dict[str, bool]] = {
    # The wiki's worldwide table: trunk foot=yes, bridleway foot=no, cycleway foot=no.
    "WORLDWIDE": {"trunk": True, "trunk_link": True, "bridleway": False, "cycleway": False},
    # The wiki's German table: trunk foot=no (Kraftfahrstraße), bridleway no, cycleway no.
    "DE": {"trunk": False, "trunk_link": False, "bridleway": False, "cycleway": False},
    # Czechia. Not checked against the wiki's Czech table here (it could not be read when this was
    # written), so the conservative value is chosen for each kind: no foot access. That agrees
    # with Czech law as far as we know it: a cycle path (traffic sign C 8a) is reserved for
    # cyclists, and a highway=trunk in Czechia is mostly a "silnice pro motorová vozidla", closed
    # to pedestrians. A mapper who sees a shared path tags foot=yes or segregated=*.
    "CZ": {"trunk": False, "trunk_link": False, "bridleway": False, "cycleway": False},
}


def foot_by_default(highway: str, country: str) -> bool | None:
    """Whether the kind of way admits pedestrians by default in `country`; None when the country
    does not matter for this kind."""
    table = FOOT_BY_DEFAULT.get(country.upper(), FOOT_BY_DEFAULT["WORLDWIDE"])
    return table.get(highway)
