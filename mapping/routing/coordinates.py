"""A position as people paste it, read into longitude and latitude. Pure Python, no Django.

Mapy.cz copies "49.3088458N, 14.1475247E" (or "N 49°18.53075', E 14°8.85148'"), Google Maps
"49.30885, 14.14728" or 49°18'31.9"N 14°08'51.2"E: latitude first. The route API was written for
"longitude,latitude" (GeoJSON's order), and links with that order exist. So the order is read
from the hemisphere letters when there are any, and otherwise it is the one of the two that puts
the point nearer the town's map centre (in a Czech town latitude is about 49-51 and longitude
12-19, so the two never compete). The answer says which order was understood.
"""

import math
import re
from dataclasses import dataclass

LAT_LON = "lat_lon"
LON_LAT = "lon_lat"
MARKED = "marked"  # hemisphere letters said which is which

_NUMBER = r"\d+(?:[.,]\d+)?"
# One coordinate: a hemisphere letter before or after, degrees with an optional sign, and
# optionally minutes and seconds.
_PART = (
    rf"([NSEW])?\s*([-+−]?{_NUMBER})\s*(?:°\s*)?"
    rf"(?:({_NUMBER})\s*['′’]\s*(?:({_NUMBER})\s*(?:[\"″”]|''|′′)\s*)?)?([NSEW])?"
)
_PAIR = re.compile(rf"\s*{_PART}(?:\s*[,;/]\s*|\s+){_PART}\s*", re.IGNORECASE)
# Two plain decimal numbers with a dot (the usual paste): read first, so that a comma between
# them is never taken for a decimal comma.
_PLAIN = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*[,;/\s]\s*([-+]?\d+(?:\.\d+)?)\s*")


@dataclass(frozen=True)
class Position:
    lon: float
    lat: float
    order: str  # LAT_LON, LON_LAT or MARKED

    @property
    def point(self) -> tuple[float, float]:
        return self.lon, self.lat


def _number(text: str) -> float:
    return float(text.replace(",", ".").replace("−", "-"))


def _degrees(degrees: str, minutes: str | None, seconds: str | None) -> float:
    sign = -1.0 if degrees.startswith(("-", "−")) else 1.0
    magnitude = abs(_number(degrees))
    magnitude += (_number(minutes) if minutes else 0) / 60
    magnitude += (_number(seconds) if seconds else 0) / 3600
    return sign * magnitude


def _valid(lon: float, lat: float) -> bool:
    return -180 <= lon <= 180 and -90 <= lat <= 90


def _distance(lon: float, lat: float, centre: tuple[float, float]) -> float:
    """An angle between the point and the centre (lat, lon), enough to compare two candidates."""
    clat, clon = (math.radians(v) for v in centre)
    plat, plon = math.radians(lat), math.radians(lon)
    cosine = math.sin(clat) * math.sin(plat) + math.cos(clat) * math.cos(plat) * math.cos(
        plon - clon
    )
    return math.acos(max(-1.0, min(1.0, cosine)))


def _unmarked(first: float, second: float, centre: tuple[float, float]) -> Position:
    as_lat_lon = Position(second, first, LAT_LON)
    as_lon_lat = Position(first, second, LON_LAT)
    candidates = [p for p in (as_lat_lon, as_lon_lat) if _valid(p.lon, p.lat)]
    if not candidates:
        # Out of range either way: kept in the API's documented order, for the range message.
        return as_lon_lat
    return min(candidates, key=lambda p: _distance(p.lon, p.lat, centre))


def _marked(parts: list[tuple[str, float]]) -> Position | None:
    values: dict[str, float] = {}
    for letter, value in parts:
        axis = "lat" if letter in "NS" else "lon"
        if axis in values:
            return None  # two latitudes or two longitudes
        values[axis] = -abs(value) if letter in "SW" else value
    if len(values) != 2:
        return None
    return Position(values["lon"], values["lat"], MARKED)


def parse_position(text: str, centre: tuple[float, float]) -> Position | None:
    """The position in `text`, or None when it is not two coordinates. `centre` is the map's
    (latitude, longitude)."""
    text = text.strip()
    plain = _PLAIN.fullmatch(text)
    if plain:
        return _unmarked(float(plain.group(1)), float(plain.group(2)), centre)
    if text.count(",") > 1 and not re.search(r"[\s;/]", text):
        return None  # "1,2,3": which comma parts the numbers and which is a decimal comma?
    match = _PAIR.fullmatch(text)
    if not match:
        return None
    groups = match.groups()
    parts = []
    letters = []
    for before, degrees, minutes, seconds, after in (groups[:5], groups[5:]):
        if before and after:
            return None
        letter = (before or after or "").upper()
        letters.append(letter)
        parts.append((letter, _degrees(degrees, minutes, seconds)))
    if all(letters):
        return _marked(parts)
    if any(letters):
        return None
    return _unmarked(parts[0][1], parts[1][1], centre)
