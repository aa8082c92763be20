"""OpenStreetMap values both the route search's tag parser and the exchange's tag writer use.

Pure Python, no Django: the routing's tags (pure too) and the exchange import it alike.
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
