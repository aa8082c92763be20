"""Many VozejkMap points for the imports' tests and the load benchmark's fault run (plain
Python: the benchmark imports it without Django)."""

import json
from pathlib import Path

VOZEJKMAP = Path(__file__).resolve().parent.parent / "fixtures" / "vozejkmap" / "points.geojson"


def vozejkmap_points(count: int) -> bytes:
    """`count` VozejkMap points: the fixture's points, repeated under new ids, a metre apart."""
    document = json.loads(VOZEJKMAP.read_text(encoding="utf-8"))
    features = [f for f in document["features"] if f["geometry"]["type"] == "Point"]
    points = []
    for n in range(count):
        feature = features[n % len(features)]
        lon, lat = feature["geometry"]["coordinates"]
        points.append(
            {
                **feature,
                "geometry": {"type": "Point", "coordinates": [lon + n * 1e-5, lat]},
                "properties": {**feature["properties"], "id": 100_000 + n},
            }
        )
    return json.dumps({**document, "features": points}).encode()
