"""OpenStreetMap values that several parts read: the route search's tag parser, the exchange's
tag writer and the route profiles.

Pure Python, no Django: the routing's tags (pure too), the exchange and the profiles import it.
"""

# OSM's smoothness values, best first (the iD tagging schema's fields.json "smoothness" options).
SMOOTHNESS_VALUES = (
    "excellent",
    "good",
    "intermediate",
    "bad",
    "very_bad",
    "horrible",
    "very_horrible",
    "impassable",
)

# Barriers that wheels cannot pass (mapping.route_profiles), in the order the routing import
# ranks a node's kind (mapping.routing.tags.BARRIER_RANK): ones to climb over (stiles, logs),
# turnstiles and kissing gates (too tight to turn a wheelchair or a pram in), cattle grids (small
# wheels drop between the bars), motorcycle barriers and chains across the way (OSM wiki,
# Key:barrier).
WHEELS_CANNOT_PASS_IN_ORDER = (
    "stile",
    "horse_stile",
    "log",
    "full-height_turnstile",
    "turnstile",
    "kissing_gate",
    "cattle_grid",
    "motorcycle_barrier",
    "chain",
)
