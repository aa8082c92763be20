"""Personas of the survey and review tests, after healthchecks' alice/bob/charlie."""

import io
import json
import uuid
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "survey"
GPS_PHOTO = FIXTURES / "DSCN0029.jpg"
# Answers a building survey needs before it can be submitted (the engine's required fields).
BUILDING_ANSWERS = {
    "entrance1Accessibility": "NoelevationEntranceAccessibility",
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
}


def small_jpeg(colour: str = "navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return out.getvalue()


def upload(content: bytes, name: str = "photo.jpg"):
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def submission(key=None, *, place=None, answers=None, photos=0, action="submit", **extra) -> dict:
    """The multipart body the phone sends: the payload as JSON plus the photo files."""
    payload = {
        "idempotency_key": str(key or uuid.uuid4()),
        "action": action,
        "place": place or {"name": "Nová lékárna", "kind": "building", "lat": 49.31, "lon": 14.15},
        "answers": BUILDING_ANSWERS if answers is None else answers,
        "photos": [
            {"field": f"photo_{i}", "alt_text": f"Vstup {i}", "subject": "entrance"}
            for i in range(photos)
        ],
        **extra,
    }
    body = {"payload": json.dumps(payload)}
    for i in range(photos):
        body[f"photo_{i}"] = upload(small_jpeg())
    return body
